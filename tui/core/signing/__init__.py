"""Review and signing: what a version must be before it is signed, and who may sign it."""
