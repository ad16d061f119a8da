"""Text from outside chartdesk, made harmless to show on a terminal.

A note, a file name or a model answer can carry terminal control sequences: OSC 52 writes the
clipboard (through tmux too), OSC 0/2 retitle the window, ``ESC [2J`` clears the screen, OSC 8
makes links and misaligns columns, C1 controls (U+009B is a one-character CSI) do the same in
8-bit form, and bidirectional overrides make text read differently from what it says. Every
such character is shown as a visible stand-in instead: C0 controls and DEL as their Unicode
control pictures (ESC as ``␛``), the rest as an escape (``\\x9b``, ``\\u202e``). Newlines and
tabs are kept where they are layout (a note's lines) and shown where they are not (a file name
in a table row), so one entry stays one line.

`visible` is applied where outside text is printed or rendered: the command-line output, the
log formatter, the review app's text panes and queue; the review app also removes, as a last
guard, any control character left in what it draws (`tui.ui.render.NoControlCharacters`).
"""

from __future__ import annotations

import re
from typing import Final

# C0 (but tab and newline), DEL, C1, and the bidirectional marks, embeddings, overrides and
# isolates; `CONTROL_IN_LINE` adds tab and newline for text that must stay on one line.
_BIDI: Final = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
CONTROL: Final = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")
CONTROL_IN_LINE: Final = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}]")
_DEL_PICTURE: Final = "\u2421"


def visible(text: str, *, multiline: bool = False) -> str:
    """`text` with every control character replaced by a visible stand-in.

    With `multiline`, newlines and tabs stay (a Windows line end counts as a newline); without
    it they are shown too, so the result is always exactly one line.
    """
    if multiline:
        text = text.replace("\r\n", "\n")
        pattern = CONTROL
    else:
        pattern = CONTROL_IN_LINE
    if pattern.search(text) is None:
        return text
    return pattern.sub(_stand_in, text)


def _stand_in(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return _DEL_PICTURE
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"
