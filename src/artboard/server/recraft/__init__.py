"""Recraft-native dialect: Recraft's external API v1 (`/v1/images/generations`, `imageToImage`, `vectorize`,
`/v1/models`, `/v1/users/me`), which the official OpenAI python client can call with `base_url=<server>/v1`.

Differences from Recraft, all deliberate and documented in the module docstrings:

* `n` is 1–6 like Recraft; `style` accepts only `any` (V4 has no style presets), `style_id`/`substyle` are
  refused; `negative_prompt`, `text_layout`, `artistic_level` and `no_text` are accepted and ignored (V4
  ignores them too); `response_format=multipart` is not offered.
* `credits` in responses is artboard credits charged (the key's ledger), not Recraft API units.
* errors are JSON `{"error": {"message", "type", "param", "code"}}` (OpenAI-compatible) instead of Recraft's
  plain text.
"""
