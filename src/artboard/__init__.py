"""artboard: self-hosted, design-first image generation."""
