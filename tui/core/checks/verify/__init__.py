"""A draft checked against its note: facts dropped, values the note does not support."""
