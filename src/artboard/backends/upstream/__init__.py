"""Upstream provider backends: artboard in front of Recraft's API and OpenRouter (keys from settings/env)."""
