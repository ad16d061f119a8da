"""Outcomes across a patient's episode of care (issue 17): which notes belong to one patient,
how they group into episodes from evaluation to discharge, every measure by visit, whether its
change is clinically important, the goals and how they stand, and the clinic's outcomes."""
