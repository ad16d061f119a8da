"""A note pasted as an EHR's JSON export, read as the labelled lines it stands for.

Copied as JSON, every line of a draft would have to be rewritten: quotes part each key from its
value, braces and brackets stand alone on their lines. Each member is written as the checks read
it (``checks.layouts.json_lines``: '"plan": "Continue 2w3"' is "plan: Continue 2w3", a record
is its name, its result and its other fields), so the draft states each value exactly as the
checks read it from the note; a member opening a list or a record ('"tests": [') is the label of
the lines under it, and a line of brackets alone goes. The key names the part ("subjective",
"assessment", "interventions"), which the drafter then reads as it reads any label.
"""

from __future__ import annotations

import json
import re
import tomllib
from functools import cache
from importlib.resources import files

from tui.core.checks.layouts.json_lines import json_line_pieces

# A member line: '"subjective": ...', '  "tests": ['.
_MEMBER = re.compile(r'^[ \t]*"[^"\n]{1,60}"[ \t]*:', re.MULTILINE)
# A member that opens a list or a record on its own line: its key labels what follows.
_OPENS = re.compile(r'^[ \t]*"(?P<key>[^"\n]{1,60})"[ \t]*:[ \t]*[\[{][ \t]*$')
_BRACKETS = re.compile(r"^[ \t]*[\[\]{}]+[ \t]*,?[ \t]*$")
# A member that shares its line with the export's opening or closing bracket ('{"report":
# "progress",', '"plan": "..."}'): the member alone.
_UNBRACKETED = re.compile(
    r'^(?P<indent>[ \t]*)[\[{]?[ \t]*(?P<member>"[^"\n]{1,60}"[ \t]*:.*?)'
    r"[ \t]*[\]}]?[ \t]*,?[ \t]*$"
)
# A line holding one JSON string: an item of a list.
_STRING = re.compile(r'^(?P<indent>[ \t]*)(?P<string>"(?:[^"\\\n]|\\.)*")[ \t]*,?[ \t]*$')
# An export is a note of members, not prose quoting one: several member lines.
_MEMBERS = 3


@cache
def _bound_keys() -> frozenset[str]:
    """Keys that only bound a score ("max": 28), as the checks read them (markup.toml)."""
    text = files("tui.core").joinpath("data", "markup.toml").read_text(encoding="utf-8")
    return frozenset(str(key).lower() for key in tomllib.loads(text)["json_bound_keys"])


def is_json_export(text: str) -> bool:
    """True when the note holds a JSON export: several lines that are JSON members."""
    return len(_MEMBER.findall(text)) >= _MEMBERS


def json_as_lines(text: str) -> str:
    """The note with each JSON member as a labelled line, each string of a list as its text
    and brackets alone on a line gone; a note that holds no export as it is."""
    if not is_json_export(text):
        return text
    text = "\n".join(_unbracketed(line) for line in text.split("\n"))
    out: list[str] = []
    pos = 0
    for piece in sorted(json_line_pieces(text, _bound_keys()), key=lambda p: p.start):
        out += [text[pos : piece.start], piece.value]
        pos = piece.end
    out.append(text[pos:])
    lines: list[str] = []
    for line in "".join(out).split("\n"):
        opens = _OPENS.match(line)
        if opens:
            lines.append(f"{opens.group('key')}:")
        elif not _BRACKETS.match(line):
            lines.append(_listed(line))
    return "\n".join(lines)


def _unbracketed(line: str) -> str:
    """A member line without the export's opening or closing bracket it shares its line with;
    a line that is a member as it is (its record's own braces included) stays."""
    found = _UNBRACKETED.match(line)
    if found is None or _is_member(line) or _is_record(line):
        return line
    member = found.group("indent") + found.group("member")
    return member if _is_member(member) else line


def _is_member(line: str) -> bool:
    try:
        json.loads("{" + line.strip().rstrip(",") + "}")
    except ValueError:
        return False
    return True


def _is_record(line: str) -> bool:
    """A record of a list on its line ('{"name": "TUG", "value_s": 19.4},')."""
    try:
        return isinstance(json.loads(line.strip().rstrip(",")), dict)
    except ValueError:
        return False


def _listed(line: str) -> str:
    """A string of a list ('  "Stairs reciprocal in 6 wk.",') as its text; any other line as
    it is."""
    found = _STRING.match(line)
    if found is None:
        return line
    try:
        said = json.loads(found.group("string"))
    except ValueError:
        return line
    return f"{found.group('indent')}{said}" if isinstance(said, str) else line
