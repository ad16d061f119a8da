"""Where a note's values are laid out in rows, columns, keys and copied blocks, so each value is
read with its row, its column and its timepoint.
"""
