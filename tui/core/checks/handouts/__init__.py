"""Checks of patient-facing documents: what must never reach a patient, and reading level."""
