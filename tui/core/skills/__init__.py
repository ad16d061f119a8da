"""Skills: the registry of prompt templates, their files, the editor's model and "Try"."""
