"""The Runware dialect: `POST /v1` with a JSON array of tasks (reference/api-landscape.md §3, seeds/004).

tasks.py     the typed tasks (dataclasses) and the dialect's constants
fields.py    field validators naming Runware's fields (shared with tools.py)
protocol.py  lenient parsing of task objects into typed tasks and the strict GenerationSpec (no I/O)
serving.py   runs a task array against the job Service: per-task results, Runware error objects, webhooks
uploads.py   a small durable index under the data dir: uploaded images, taskUUID → job, imageUUID → file
router.py    the FastAPI route, authentication, and the Runware error renderer
"""
