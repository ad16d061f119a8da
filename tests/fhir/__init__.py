"""The fhir destination against a fake and a real FHIR R4 server (issue 16)."""
