"""Drafting backends: `offline` (deterministic, embedded) and `anthropic` (Claude or a local
Messages-API server). Every backend turns a `Prompt` into a `DraftResult`."""
