"""The billing side of a note and its audit: services and minutes, clock times, stated totals, the
8-minute rule, the episode's history and a model's second opinion.
"""
