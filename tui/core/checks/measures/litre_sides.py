"""A side letter between two scores of one test, never litres.

"Box and Blocks R 38 L 51": the L after 38 reads like litres ("2 L O2", "FVC 2.9 L"), and a score
with a unit of volume is no score. When a side opens the pair (a right side written straight
before the first score) and a number follows the letter, the letter is the second score's side
and the first score stands. An L after a number that nothing follows ("6MWT on 2 L O2") stays
litres. The words that open a pair are data (label_shapes.toml [litre_sides]).
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib.resources import files

from tui.core.checks.text.alternation import either

_DATA = files("tui.core") / "data" / "label_shapes.toml"
_SIDE_THEN_NUMBER = re.compile(r"[ \t]*(?-i:L)[ \t]*:?[ \t]*\d")


@cache
def _opening_side() -> re.Pattern[str]:
    data = tomllib.loads(_DATA.read_text(encoding="utf-8")).get("litre_sides", {})
    sides = either(tuple(str(word) for word in data.get("sides", ())))
    return re.compile(rf"(?<![A-Za-z0-9])(?:{sides})[ \t]*:?[ \t]*$", re.IGNORECASE)


def side_not_litres(text: str, value_start: int, value_end: int) -> bool:
    """True when the "L" right after the value at [value_start, value_end) is the next score's
    side: a right side stands straight before the value and a number after the letter."""
    if _SIDE_THEN_NUMBER.match(text, value_end) is None:
        return False
    return _opening_side().search(text, max(0, value_start - 8), value_start) is not None
