"""One line that fits its width: parts in order of importance, each with a long and a short
form. The header and the day's figures say everything in plain words where there is room, and
keep what matters most readable on a 60-column phone instead of wrapping or cutting a word."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len

Part = Sequence[str]
"""The forms of one part, longest first."""


def fit_parts(parts: Sequence[Part], width: int, separator: str = " · ") -> list[str]:
    """The forms to show: the longest that fit. Parts are shortened from the least important
    (the last) up, and dropped from the last only once every part is at its shortest; then
    each part, the most important first, takes back the longest form that still fits."""
    forms = [0] * len(parts)
    shown = len(parts)

    def length() -> int:
        chosen = [part[form] for part, form in zip(parts[:shown], forms, strict=False)]
        return cell_len(separator.join(chosen))

    while shown and length() > width:
        shorter = next(
            (index for index in reversed(range(shown)) if forms[index] < len(parts[index]) - 1),
            None,
        )
        if shorter is not None:
            forms[shorter] += 1
        elif shown > 1:
            shown -= 1
        else:
            break
    # Shortening one part may have made room for a longer form of another: the most important
    # parts take it back first.
    for index in range(shown):
        while forms[index] > 0:
            forms[index] -= 1
            if length() > width:
                forms[index] += 1
                break
    return [part[form] for part, form in zip(parts[:shown], forms, strict=False)]
