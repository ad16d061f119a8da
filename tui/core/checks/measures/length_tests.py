"""Whose angle a muscle-length test reads: the joint measured, never the joint held.

A two-joint muscle's length is read as the angle of the joint it is stretched over while the
other joint is held in a set position: the calf's gastrocnemius as ankle dorsiflexion with the
knee extended, its soleus with the knee flexed, the hamstrings as knee extension with the hip
at 90. Notes name such a test by its muscle and write the held joint beside it ("L gastroc
(knee ext) -8°", "soleus, knee flexed: 14°"), and the attribution reads the held joint as the
one measured; these helpers give the angle back to the joint measured and keep the held
position in the label, so "knee" is never the joint of a calf's length.

A motion of one joint only (dorsiflexion is the ankle's) names its joint over any other joint
written near it ("ankle DF with knee flexed 15°" is never a knee's dorsiflexion).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tui.core.checks.measures import labels
from tui.core.checks.measures.attribution import Attribution
from tui.core.checks.tables import attribution_words, measures_section, one_joint_motions
from tui.core.checks.text.alternation import either


@dataclass(frozen=True)
class _Length:
    """The joint a muscle's length is measured at, and the motion read there."""

    joint: str
    motion: str


@cache
def _length_muscles() -> dict[str, _Length]:
    """Muscle -> the joint and motion its length test measures (measures.toml
    [rom.length_muscles])."""
    table = measures_section("rom").get("length_muscles", {})
    return {
        str(muscle).lower(): _Length(str(pair[0]), str(pair[1]))
        for muscle, pair in table.items()
        if isinstance(pair, list) and len(pair) == 2
    }


@cache
def _held_words() -> dict[str, str]:
    """The held joint's motion as the label writes it ("extension" -> "extended")."""
    table = measures_section("rom").get("held_positions", {})
    return {str(motion): str(word) for motion, word in table.items()}


# A bracket with no number in it: the held position, or a name ("(knee ext)", "(90/90)" aside).
_PLAIN_BRACKET = re.compile(r"[(\[][^()\[\]\d\n]{0,40}[)\]]")


@cache
def _held_phrases() -> re.Pattern[str]:
    """A joint held while another is measured, written as a phrase ("with knee extended",
    "knee straight"): measures.toml [attribution] positions."""
    written = attribution_words().get("positions", ())
    return re.compile(rf"(?:{either(written)})", re.IGNORECASE)


@cache
def _one_joint() -> dict[str, str]:
    """The motions of one joint only, read once (every angle asks)."""
    return one_joint_motions()


def measured_joint(motion: str, joint: str) -> str:
    """The joint a motion of one joint only belongs to, over another joint named near it
    ("knee" + "dorsiflexion" is the ankle's); `joint` unchanged otherwise."""
    return _one_joint().get(motion, "") or joint


def length_label(before: str, found: Attribution, suffix: str) -> str | None:
    """The label of a muscle-length angle ("L gastrocnemius ankle dorsiflexion (knee
    extended)"), or None when the value is no such test's. `before` is the value's sentence up
    to the value: the muscle must name the value's own item, nothing but held positions,
    plain brackets, sides and values of the same row standing between ("L gastroc (knee ext)
    -8°  6°"); a joint or motion named after the muscle ("gastroc stretch, knee flex 110°")
    makes the value that joint's."""
    length = _length_muscles().get(found.muscle.lower())
    if length is None or found.joint == length.joint:
        return None
    if found.motion and not found.joint:
        return None  # "Popliteal angle (hamstring screen) R 155°": the motion names it
    muscle_at = _last_muscle(before, found.muscle)
    if muscle_at is None:
        return None
    between = _held_phrases().sub(" ", _PLAIN_BRACKET.sub(" ", before[muscle_at:]))
    if any(part in ("joint", "motion") for _, part, _ in labels.mentions(between)):
        return None
    held = _held_words().get(found.motion, "")
    position = f"({found.joint} {held})" if found.joint and held else ""
    return labels.join(found.side, found.muscle, length.joint, length.motion, position) + suffix


# A muscle's name as written: one word, or two ("gastroc", "hip flexors", "rectus femoris").
_ONE_WORD = re.compile(r"[A-Za-z]+")
_TWO_WORDS = re.compile(r"[A-Za-z]+[ \t-]+[A-Za-z]+")


def _last_muscle(before: str, muscle: str) -> int | None:
    """Where the last mention of `muscle` in `before` ends, or None."""
    starts = [
        position
        for position, part, name in labels.mentions(before)
        if part == "muscle" and name == muscle
    ]
    if not starts:
        return None
    two = _TWO_WORDS.match(before, starts[-1])
    if two is not None and [name for _, _, name in labels.mentions(two.group())] == [muscle]:
        return two.end()  # the two words name the muscle together ("hip flexors")
    one = _ONE_WORD.match(before, starts[-1])
    return one.end() if one else starts[-1]
