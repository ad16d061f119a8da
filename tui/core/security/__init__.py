"""Security: the audit log, PINs and unlocking, bounded reads and text made safe to show."""
