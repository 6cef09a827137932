"""PixelDojo style dialect: `POST /api/v1/models/{model}/run` → 202 job, `GET /api/v1/jobs/{jobId}` until done,
optional `webhookUrl` + replay, and model discovery with a JSON-Schema of the run body.

Errors: `{"error": {"code", "message", "param"?, "allowed"?}}` with the HTTP status.
"""
