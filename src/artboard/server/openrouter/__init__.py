"""OpenRouter dialect: chat completions with image output, the image API and the model list (server/openrouter/)."""
