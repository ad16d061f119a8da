"""`visible`: control characters from notes, file names and model answers are shown, never
sent to the terminal as controls."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tui.core.security.terminal_text import CONTROL_IN_LINE, visible

OSC52 = "\x1b]52;c;SGVsbG8=\x07"
TITLE = "\x1b]0;PWNED\x07"
CLEAR = "\x1b[2J"
LINK = "\x1b]8;;https://example.org\x1b\\Dana\x1b]8;;\x1b\\"


def test_escape_sequences_become_visible_text() -> None:
    assert visible(f"Dana{OSC52}") == "Dana␛]52;c;SGVsbG8=␇"
    assert visible(TITLE) == "␛]0;PWNED␇"
    assert visible(CLEAR) == "␛[2J"
    assert visible(LINK) == "␛]8;;https://example.org␛\\Dana␛]8;;␛\\"


def test_c1_controls_del_and_bidi_overrides_are_shown_as_escapes() -> None:
    assert visible("a\x9b31mb") == "a\\x9b31mb"
    assert visible("a\x7fb") == "a\u2421b"
    assert visible("invoice\u202egpj.exe") == "invoice\\u202egpj.exe"
    assert visible("\u2066x\u2069") == "\\u2066x\\u2069"


def test_layout_stays_in_multiline_text_and_one_line_stays_one_line() -> None:
    note = "S: pain 4/10\r\n\tO: knee flexion 110\n"
    assert visible(note, multiline=True) == "S: pain 4/10\n\tO: knee flexion 110\n"
    assert visible("2026-11-02_dana\nwhitfield.txt") == "2026-11-02_dana␊whitfield.txt"
    assert visible("a\tb\rc") == "a␉b␍c"


def test_ordinary_text_is_untouched() -> None:
    text = "Renée Ødegård — 4/10 pain, knee 110°, 97110 × 2 · ✓"
    assert visible(text) is text


@given(st.text())
def test_no_control_character_survives_in_one_line(text: str) -> None:
    shown = visible(text)
    assert CONTROL_IN_LINE.search(shown) is None
    assert "\n" not in shown


@given(st.text())
def test_multiline_keeps_only_newlines_and_tabs(text: str) -> None:
    shown = visible(text, multiline=True)
    assert CONTROL_IN_LINE.search(shown.replace("\n", "").replace("\t", "")) is None
