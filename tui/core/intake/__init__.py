"""Intake: reading notes, noticing them in the inbox, and the drafting pipeline they feed."""
