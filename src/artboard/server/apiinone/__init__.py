"""API-in-One style dialect: `POST /api/v1/images/generations` → task, `GET /api/v1/tasks/{task_id}` until done.

Envelope `{code, message, data}` on every answer (errors: `{code: <HTTP status>, message, data: null}`).
"""
