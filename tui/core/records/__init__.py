"""Records: the SQLite store and the documents chartdesk writes (signed files, FHIR, handouts)."""
