"""Blocks of lines read only together: a parent line and the lines set in under it.

A nested export ("mmt:\\n  hip_abd:\\n    R: 4-"), a service record ("- cpt: 97110\\n
minutes: 18"), item rows under a heading naming their columns ("GG0170 Mobility (today /
discharge goal)\\n  D Sit to stand ... 04 / 06"): the checks read such lines' values by the line
above them. Placed one by one, a draft would lose that line and its values would no longer be
read (or be read as something else: a goal as today's value). A block whose facts, read
together, are not those of its lines read one by one is kept together: set apart like a table
(see placement), written as the note wrote it (set back to the margin, an export's quotes
gone), and placed by its rows.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tui.core.checks.extract import extract_facts

# An export's quoted scalar ("R: \"4-\"", "- code: '97110'"): written without its quotes.
_QUOTED = re.compile(
    r"""(?P<head>^[ \t]*(?:-[ \t]+)?[^:"'\n]*:[ \t]+)(?P<q>["'])(?P<v>[^"'\n]*)(?P=q)[ \t]*$"""
)
_KEY_QUOTED = re.compile(
    r"""^(?P<lead>[ \t]*(?:-[ \t]+)?)(?P<q>["'])(?P<k>[^"'\n]+)(?P=q)(?P<rest>[ \t]*:)"""
)
_MARKDOWN_HEADING = re.compile(r"#{1,6}[ \t]+\S")
# A part's label opening a line with more after it ("O: Circumference (tape):").
_PART_LEAD = re.compile(r"([A-Za-z][A-Za-z /&]{0,30}?)[ \t]*:[ \t]*\S")
_COLUMN_GAP = re.compile(r"\S {2,}\S")
_BRACES = re.compile(r"[{}\[\]]")
# Blocks larger than this are a document's part, not one measure's context.
_MOST_LINES = 40


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _readings(text: str) -> frozenset[str]:
    return frozenset(fact.render() for fact in extract_facts(text))


def _unquoted(line: str) -> str:
    line = _QUOTED.sub(r"\g<head>\g<v>", line)
    return _KEY_QUOTED.sub(r"\g<lead>\g<k>\g<rest>", line)


def _written(lines: list[str]) -> str:
    """The block set back to the margin, its quotes gone when that reads the same."""
    if _MARKDOWN_HEADING.match(lines[0]):
        # a heading inside a section of the draft is written as the label it is
        lines = [lines[0].lstrip("# ").rstrip(" :") + ":", *lines[1:]]
    margin = min(_indent(line) for line in lines if line.strip())
    dedented = [line[margin:] if line.strip() else "" for line in lines]
    plain = [_unquoted(line) for line in dedented]
    as_written = "\n".join(dedented)
    unquoted = "\n".join(plain)
    return unquoted if _readings(unquoted) == _readings(as_written) else as_written


def context_blocks(
    lines: list[str],
    names_part: Callable[[str], bool],
    part_of: Callable[[str], str],
    names_columns: Callable[[str], bool],
) -> list[tuple[int, int]]:
    """The (start, end) line ranges of the blocks to keep together: a line with lines set in
    under it, whose values read together differ from its lines' read one by one. A line that
    names a part of the note ("objective:") is no block's parent: its blocks are looked for
    inside it. `names_part` tells whether a parent's label names a part."""
    found: list[tuple[int, int]] = []
    index = 0
    while index < len(lines):
        start = index
        end = _block_end(lines, start)
        index += 1
        if end - start < 2 or end - start > _MOST_LINES:
            continue
        parent = lines[start].strip()
        joined = "".join(lines[start:end])
        if not parent or _BRACES.search(joined) or "\x00" in joined:
            continue
        block = lines[start:end]
        label = parent.lstrip("-*# ").split(":", 1)[0]
        if _MARKDOWN_HEADING.match(parent) and names_part(label.strip()):
            continue  # "## Objective": a part's heading, not one measure's
        if parent.endswith(":") and names_part(label) and _nested(block[1:]):
            continue  # "objective:" over blocks of its own: those are looked for
        if parent.endswith(":") and any(_indent(line) < _indent(block[1]) for line in block[2:]):
            continue  # rows set in unevenly ("services:" over its records and its siblings)
        if parent.endswith(":") and names_columns(parent.rstrip(":").strip()):
            continue  # "Measures - was / now / target:": written above its rows (placement)
        if _COLUMN_GAP.search(parent):
            continue  # "ROM (goniometer)     R     L": column heads, as the grid readers read
        parts = [label, *re.split(r"[/&,]", label)]
        if (
            parent.endswith(":")
            and any(part_of(p.strip()) for p in parts)
            and not names_part(label)
            and not _nested(block[1:])
        ):
            continue  # "Assessment / goal status:": its lines are placed one by one
        lead = _PART_LEAD.match(parent)
        if lead and part_of(lead.group(1)):
            continue  # "O: Circumference (tape):": the part it opens runs on after its rows
        together = _readings("\n".join(block))
        apart: set[str] = set()
        for line in block:
            apart |= _readings(line.strip())
        heading = bool(_MARKDOWN_HEADING.match(parent))
        # under a heading: only records its lines alone do not read ("## Services")
        if (together - apart) if heading else (together != apart):
            found.append((start, end))
            index = end
    return found


def _nested(lines: list[str]) -> bool:
    """Whether some of the lines are set in further than the first of them."""
    return any(_indent(line) > _indent(lines[0]) for line in lines if line.strip())


def _block_end(lines: list[str], start: int) -> int:
    """The line after the block opened at `start`: the lines set in further than it (a list
    item's record: further than its dash), up to a blank line or one back at its margin."""
    first = lines[start]
    if not first.strip():
        return start + 1
    margin = _indent(first)
    end = start + 1
    if _MARKDOWN_HEADING.match(first):
        # "## Services" over records written flat ("- Cpt: 97110", "- Minutes: 22"): its lines
        # up to a blank line or the next heading
        while end < len(lines) and lines[end].strip() and not lines[end].startswith("#"):
            end += 1
        return end
    while end < len(lines) and lines[end].strip() and _indent(lines[end]) > margin:
        end += 1
    return end


def blocks_apart(
    text: str,
    names_part: Callable[[str], bool],
    part_of: Callable[[str], str],
    names_columns: Callable[[str], bool],
) -> tuple[str, dict[str, tuple[str, str]]]:
    """The text with each block kept together set apart as one line holding a key (set in as
    its parent was), and each key's block: as the draft writes it, and as read."""
    lines = text.split("\n")
    found = context_blocks(lines, names_part, part_of, names_columns)
    if not found:
        return text, {}
    out: list[str] = []
    blocks: dict[str, tuple[str, str]] = {}
    pos = 0
    for number, (start, end) in enumerate(found):
        key = f"\x00block {number}\x00"
        written = _written(lines[start:end])
        blocks[key] = (written, written)
        out += lines[pos:start]
        out.append(lines[start][: _indent(lines[start])] + key)
        pos = end
    out += lines[pos:]
    return "\n".join(out), blocks
