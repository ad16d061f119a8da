"""What a number is: scores, ratings, ranges of motion, other measurements, counts and settings,
each with its label, side and timepoint.
"""
