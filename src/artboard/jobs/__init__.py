"""Durable jobs: store, workers, storage, credits, webhooks. Imports nothing from the web layer."""
