"""How a note's text is normalised and searched: numbers said or written out, spoken punctuation,
the scanner, the word index and the patterns built from the clinical tables.
"""
