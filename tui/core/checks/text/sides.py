"""How a note writes a side before or beside a value, shared by the readers of rows and lists
so a new spelling is added once."""

# A side as a word: "R", "L", "rt", "lt", "right", "left" (match it case-insensitively).
SIDE_WORD = r"(?:R|L|rt|lt|right|left)"
