"""Short labels for facts, built from the words around a value ("R knee flexion AROM").

Labels help the clinician find a fact; matching uses kind and value, so a label only has to be
recognisable, not canonical.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from tui.core.checks.facts import Fact
from tui.core.checks.tables import measures_section, one_joint_motions, vocabulary
from tui.core.checks.text.lexicon import SIDE_NAMES

_NOISE = re.compile(
    r"\b(?:MMT|manual muscle test(?:ing)?|muscle test(?:ing)?|strength|grade|to|at|about|approx"
    r"|approximately|of|is|was|measured|w/|with)\b|[:=()\[\],;~\-]",
    re.IGNORECASE,
)
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"[A-Za-z0-9][\w/'.+\-]*")


@dataclass(frozen=True)
class Parts:
    """Side, joint, motion, muscle and mode named in a stretch of text (last one wins)."""

    side: str = ""
    joint: str = ""
    motion: str = ""
    muscle: str = ""
    mode: str = ""


# Words of a stretch of text: letters only, not glued to digits ("L3" is a vertebra, not left).
# A word; one joined to another by "&" is part of a name ("B&L gauge"), never a side.
_TOKEN = re.compile(r"(?<![A-Za-z0-9])(?<![A-Za-z]&)[A-Za-z]+(?![A-Za-z0-9]|&[A-Za-z])")
_SIDES = {"r": "R", "rt": "R", "right": "R", "l": "L", "lt": "L", "left": "L",
          "bilat": "bilateral", "bilateral": "bilateral", "bilaterally": "bilateral",
          "b l": "bilateral"}  # fmt: skip
_MODES = {"arom": "AROM", "prom": "PROM", "aarom": "AAROM"}


@cache
def _lexicon() -> dict[str, tuple[str, str]]:
    """Phrase (lower case, words joined by one space) -> (part name, expanded word)."""
    vocab = vocabulary()
    table: dict[str, tuple[str, str]] = {}
    for part, mapping in (
        ("muscle", vocab.muscles),
        ("joint", vocab.joints),
        ("motion", vocab.motions),
        ("side", _SIDES),
        ("side", vocab.limb_sides),
        ("mode", _MODES),
    ):
        for phrase, name in mapping.items():
            table[" ".join(re.findall(r"[a-z]+", phrase.lower()))] = (part, name)
    return table


@cache
def _phrase_openers() -> dict[int, frozenset[str]]:
    """Number of words -> the first words of the phrases of that many words."""
    openers: dict[int, set[str]] = {2: set(), 3: set()}
    for phrase in _lexicon():
        words = phrase.split(" ")
        if len(words) in openers:
            openers[len(words)].add(words[0])
    return {size: frozenset(words) for size, words in openers.items()}


@lru_cache(maxsize=4096)
def parts_of(text: str) -> Parts:
    """The anatomy words in `text`, expanded ("sh" -> "shoulder", "abd" -> "abduction"); the
    last mention of each sort wins."""
    found = {part: name for _, part, name in mentions(text)}
    return Parts(**found)


def sides_named(text: str) -> set[str]:
    """The sides `text` names: one labels what follows it, two ("L / R") make a legend."""
    return {name for _, part, name in mentions(text) if part == "side"}


def mentions(text: str) -> list[tuple[int, str, str]]:
    """Every anatomy word in `text` as (position, part, expanded name), in order.

    Reads word by word with phrase lookups (longest phrase first), which keeps labelling fast.
    """
    return list(_mentions(text))


# The attribution of each value reads the words of its clause, and the values of one clause
# ask for the same words: about half the asks of a long note repeat one before.
@lru_cache(maxsize=4096)
def _mentions(text: str) -> tuple[tuple[int, str, str], ...]:
    return tuple(_read_mentions(text))


def _read_mentions(text: str) -> list[tuple[int, str, str]]:
    table = _lexicon()
    openers = _phrase_openers()
    tokens = [(m.start(), m.group().lower()) for m in _TOKEN.finditer(text)]
    found: list[tuple[int, str, str]] = []
    index = 0
    while index < len(tokens):
        for size in (3, 2, 1):
            words = tokens[index : index + size]
            if len(words) > 1 and words[0][1] not in openers[len(words)]:
                continue  # no phrase of that many words starts with this word
            if len(words) > 1 and not _adjacent(text, words):
                continue  # "ext 55°, rot R 70°": two items' words, no phrase ("ext rot")
            hit = table.get(" ".join(word for _, word in words))
            if hit is not None and len(words) == 1 and _a_name(text, tokens[index][0], words[0][1]):
                hit = None
            if hit is None and len(words) == 1 and _both_before_joint(text, tokens, index):
                hit = ("side", "bilateral")
            if hit is None and len(words) == 1:
                hit = _latin_side(text, *tokens[index])
            if hit is not None:
                if not (hit[0] == "motion" and _in_position(text, tokens, index, found)):
                    found.append((tokens[index][0], hit[0], hit[1]))
                index += size
                break
        else:
            index += 1
    return found


@cache
def _position_words() -> frozenset[str]:
    return frozenset(
        str(word).lower() for word in measures_section("rom").get("position_words", ())
    )


def _in_position(
    text: str, tokens: list[tuple[int, str]], index: int, found: list[tuple[int, str, str]]
) -> bool:
    """The motion at `index` follows a position word ("in", "at") right after another motion:
    it is the limb's place while the first was measured ("ER in adduction"), not the measured
    one. The first motion must be the mention just before, with no value or clause mark
    between ("flexion 150°, limited in abduction 90°" measures abduction)."""
    if index == 0 or tokens[index - 1][1] not in _position_words() or not found:
        return False
    at, part, _ = found[-1]
    return part == "motion" and _POSITION_BREAK.search(text, at, tokens[index - 1][0]) is None


# Between a motion and the position word after it, what parts them into two items.
_POSITION_BREAK = re.compile(r"[\d,;:()\[\]]")


# What may stand between the words of one phrase: spaces, a hyphen, a dot or a slash ("ext.
# rot", "side-bending"); a value or a clause mark parts two items.
_PHRASE_GAP = re.compile(r"[ \t.\-/]*")


def _adjacent(text: str, words: list[tuple[int, str]]) -> bool:
    """The words of a phrase stand next to each other in the text."""
    return all(
        _PHRASE_GAP.fullmatch(text, start + len(word), following)
        for (start, word), (following, _) in itertools.pairwise(words)
    )


def _both_before_joint(text: str, tokens: list[tuple[int, str]], index: int) -> bool:
    """A capital "B" opening its clause straight before a joint ("B knees", "- B shoulders") is
    both sides; alone, after a word ("Plan B knee"), or before any other word ("Grade B"), it
    names nothing."""
    position, word = tokens[index]
    if word != "b" or text[position] != "B" or index + 1 == len(tokens):
        return False
    after, following = tokens[index + 1]
    if text[position + 1 : after].strip(" \t") or text[position + 1 : after] == "":
        return False
    before = text[max(0, position - 3) : position].rstrip(" \t")
    if before and before[-1] not in _CLAUSE_OPENERS:
        return False  # "Plan B knee flex 90": the B ends a name, it opens no clause
    # a joint written plural ("knees") names the joints, not a joint measured ("Ankles 1+ pitting")
    return _lexicon().get(following.removesuffix("s"), ("", ""))[0] == "joint"


# What may stand before a "B" that opens a clause: a line's start, a bullet, a clause mark.
_CLAUSE_OPENERS = frozenset("\n,;:(-*\u2022|.")


# A value straight after a word: its colon, a sign and its first digit ("dx 30", "sin: -5"), or
# the end of the words read before the value being labelled.
_VALUE_NEXT = re.compile(r"[ \t]*:?[ \t]*(?:[-+~]?\d|$)")


def _latin_side(text: str, position: int, word: str) -> tuple[str, str] | None:
    """A side written the Latin way ("dx", "sin"), read only straight before a value."""
    side = vocabulary().latin_sides.get(word)
    if side is None or not _VALUE_NEXT.match(text, position + len(word)):
        return None
    return ("side", side)


def _a_name(text: str, position: int, word: str) -> bool:
    """A limb written as one word in title case ("Rue") is a person's name: clinicians write
    the limb in capitals or lower case ("RUE", "rue")."""
    return (
        word in vocabulary().limb_sides
        and text[position].isupper()
        and text[position + 1 : position + len(word)].islower()
    )


@cache
def _limb() -> re.Pattern[str]:
    phrases = sorted(vocabulary().limb_sides, key=len, reverse=True)
    alternatives = "|".join(r"[ \t]+".join(map(re.escape, p.split(" "))) for p in phrases)
    return re.compile(rf"(?:{alternatives})(?![A-Za-z0-9])", re.IGNORECASE)


def limb_at(text: str, position: int) -> bool:
    """A limb named with its side ("LLE", "R UE") starts at `position` of `text`: it names the
    whole limb, so no joint or motion written before it is its value's."""
    return _limb().match(text, position) is not None


def lexicon_phrases() -> tuple[str, ...]:
    """Every side, limb, joint, motion, muscle and mode phrase the labels know (lower case)."""
    return tuple(_lexicon())


def one_joint_of(motion: str) -> str:
    """The joint a motion of one joint only belongs to ("dorsiflexion" -> "ankle"), else ""."""
    return one_joint_motions().get(motion, "")


def side_name(word: str) -> str:
    """ "right", "rt", "R" -> "R"; "bilat" -> "bilateral"."""
    return _side_name(word)


def _side_name(word: str) -> str:
    lowered = word.lower().rstrip(".")
    if lowered in ("bilat", "bilateral", "bilaterally", "b/l", "b", "both", "both sides"):
        return "bilateral"
    return SIDE_NAMES.get(lowered, word)


def join(*pieces: str) -> str:
    return _SPACES.sub(" ", " ".join(piece for piece in pieces if piece)).strip()


def context_words(text: str, limit: int = 7) -> str:
    """The last few meaningful words of a stretch of text, for a fallback label."""
    cleaned = _NOISE.sub(" ", text)
    found = [word for word in _WORD.findall(cleaned) if not any(ch.isdigit() for ch in word)]
    return " ".join(found[-limit:])


_CLAUSE_MARK = re.compile(r"[,;]")
_FIRST_DIGIT = re.compile(r"\d")


def own_words(text: str, limit: int = 7) -> str:
    """The words naming the value that follows `text`: those of its own clause when an earlier
    value stands in the stretch, without the sides (the value's side is its attribution's);
    when its clause names nothing but a side, the words heading the list before the first value
    ("SLR L 55 deg reproduces thigh sx, R" -> "SLR", not the left's description)."""
    first = _FIRST_DIGIT.search(text)
    if first is None:
        return context_words(text, limit)
    last = max(index for index, char in enumerate(text) if char.isdigit())
    marks = list(_CLAUSE_MARK.finditer(text, last))
    if not marks:
        return context_words(text, limit)
    own = without_sides(context_words(text[marks[-1].end() :], limit))
    return own or without_sides(context_words(text[: first.start()], limit))


def is_noise(word: str) -> bool:
    """A word that never names what a value is of ("MMT", "strength", "grade")."""
    return bool(_NOISE.fullmatch(word))


def without_sides(text: str) -> str:
    """The words of a label without its side words ("Y balance L R" -> "Y balance", "index R/L"
    -> "index")."""
    kept = [word for word in text.split() if not all(map(_is_side, re.split(r"[/|]", word)))]
    return " ".join(kept)


def _is_side(word: str) -> bool:
    return _lexicon().get(word.lower(), ("", ""))[0] == "side"


PREVIOUS = "(previous)"


def may_be_earlier(fact: Fact) -> bool:
    """A measurement not yet labelled earlier (a service's minutes are never an earlier
    value)."""
    return fact.kind != "service" and PREVIOUS not in fact.label


def as_earlier(fact: Fact) -> Fact:
    """The fact labelled as an earlier value ("R knee flexion AROM (previous)")."""
    return dataclasses.replace(fact, label=f"{fact.label} {PREVIOUS}".strip())
