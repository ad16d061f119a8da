"""Delivery of signed documents to a clinic's EHR: the outbox's destinations (FHIR servers,
import folders) and the contract they share (`tui.core.ehr.delivery`)."""
