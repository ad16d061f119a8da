"""Which notes are one patient's: matched by MRN where notes carry one, else by name and date
of birth with the ways a name gets written ("Whitfield, Dana", "DANA M. WHITFIELD", "Dána
Whitfield") read as one, and never merged on a guess.

A note without an MRN joins a patient only when its name and date of birth say so and nothing
says otherwise. When the evidence is partial (a date of birth missing on one side, the same
name and birth date under two MRNs, a middle name written out on one and not the other) the
identities are kept apart and the pair is surfaced for a clinician to confirm; the answer is
stored and applied from then on.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from tui.core.intake.notes import note_day

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


@lru_cache(maxsize=65536)
def name_parts(name: str) -> tuple[str, str, tuple[str, ...]]:
    """(first, last, middle words) of a name written "First M. Last" or "Last, First M.";
    initials are kept among the middle words only when spelled out (one letter is dropped)."""
    plain = _plain(name)
    if "," in plain:
        last_part, _, first_part = plain.partition(",")
        words = _WORD.findall(first_part)
        last_words = _WORD.findall(last_part)
        if not words or not last_words:
            return "", "", ()
        first, middle, last = words[0], words[1:], " ".join(last_words)
    else:
        words = _WORD.findall(plain)
        if len(words) < 2:
            return (words[0], "", ()) if words else ("", "", ())
        first, middle, last = words[0], words[1:-1], words[-1]
    return first, last, tuple(word for word in middle if len(word) > 1)


def name_key(name: str) -> str:
    """First and last name, case- and accent-free, in either order ("dana whitfield"): the
    store's index for finding every note that might be this patient."""
    first, last, _middle = name_parts(name)
    return " ".join(sorted(word for word in (first, last) if word))


def iso_dob(dob: str) -> str:
    """A date of birth as an ISO day (1949-07-22 and 07/22/1949 are one), "" if unreadable."""
    day = note_day(dob)
    return day.isoformat() if day else ""


def plain_mrn(mrn: str) -> str:
    return re.sub(r"[\s-]+", "", mrn or "").casefold()


@dataclass(frozen=True)
class Identity:
    """How a set of notes names one patient: name, date of birth and MRN as written."""

    name: str
    dob: str
    mrn: str

    @property
    def key(self) -> str:
        """A short stable id of this identity, for confirming a match from the command line."""
        return _identity_key(self.name, self.dob, self.mrn)

    def describe(self) -> str:
        parts = [self.name or "(no name)"]
        parts.append(f"DOB {self.dob}" if self.dob else "no DOB")
        parts.append(f"MRN {self.mrn}" if self.mrn else "no MRN")
        return " · ".join(parts)


@lru_cache(maxsize=65536)
def _identity_key(name: str, dob: str, mrn: str) -> str:
    import hashlib

    basis = "|".join((name_key(name), " ".join(name_parts(name)[2]), dob, plain_mrn(mrn)))
    return hashlib.sha256(basis.encode()).hexdigest()[:8]


@dataclass(frozen=True)
class NoteIdentity:
    """One note as the matcher sees it."""

    note_id: int
    name: str
    dob: str
    mrn: str

    @property
    def identity(self) -> Identity:
        return _identity(self.name, self.dob, self.mrn)


@lru_cache(maxsize=65536)
def _identity(name: str, dob: str, mrn: str) -> Identity:
    """How a note names its patient, written one way (notes repeat it: read once)."""
    first, last, middle = name_parts(name)
    shown = " ".join(w.capitalize() for w in (first, *middle, last) if w) or name
    return Identity(shown, iso_dob(dob), mrn.strip())


@dataclass(frozen=True)
class Ambiguity:
    """Two identities that may be one patient: the clinician says whether they are."""

    a: Identity
    b: Identity
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {
            "a": {"id": self.a.key, "identity": self.a.describe()},
            "b": {"id": self.b.key, "identity": self.b.describe()},
            "reason": self.reason,
        }


@dataclass
class Patient:
    """The notes matched as one patient, and the identities they were written under."""

    identities: list[Identity] = field(default_factory=list)
    note_ids: list[int] = field(default_factory=list)

    @property
    def label(self) -> str:
        best = max(self.identities, key=lambda i: (bool(i.mrn), bool(i.dob), len(i.name)))
        return best.describe()


def match_patients(
    notes: Iterable[NoteIdentity], decisions: Mapping[frozenset[str], bool] | None = None
) -> tuple[list[Patient], list[Ambiguity]]:
    """Group notes into patients. `decisions` holds the clinicians' answers by pair of identity
    keys (True: the same patient). Returns the patients and the pairs still to confirm."""
    decisions = decisions or {}
    by_identity: dict[Identity, list[int]] = {}
    for note in notes:
        by_identity.setdefault(note.identity, []).append(note.note_id)
    identities = list(by_identity)
    parent = {ident: ident for ident in identities}

    def root(ident: Identity) -> Identity:
        while parent[ident] != ident:
            parent[ident] = parent[parent[ident]]
            ident = parent[ident]
        return ident

    mrns = {ident: {plain_mrn(ident.mrn)} - {""} for ident in identities}
    pending: list[Ambiguity] = []
    pairs = []
    for index, a in enumerate(identities):
        for b in identities[index + 1 :]:
            answer = decisions.get(frozenset((a.key, b.key)))
            verdict, reason = compare(a, b)
            if answer is True:
                verdict = "confirmed"
            elif answer is False:
                verdict = "different"
            pairs.append((verdict, reason, a, b))
    pairs = _split_bridges(pairs)
    order = {"confirmed": 0, "same": 1, "ambiguous": 2, "different": 3}
    for verdict, reason, a, b in sorted(pairs, key=lambda item: order[item[0]]):
        ra, rb = root(a), root(b)
        if verdict == "different" or ra == rb:
            continue
        if verdict in ("confirmed", "same") and not (
            mrns[ra] and mrns[rb] and mrns[ra] != mrns[rb]
        ):
            parent[ra] = rb
            mrns[rb] |= mrns[ra]
        elif verdict == "same":
            pending.append(Ambiguity(a, b, "same name and date of birth under two MRNs"))
        elif verdict == "ambiguous":
            pending.append(Ambiguity(a, b, reason))
    groups: dict[Identity, Patient] = {}
    for ident in identities:
        patient = groups.setdefault(root(ident), Patient())
        patient.identities.append(ident)
        patient.note_ids.extend(by_identity[ident])
    # A pair left apart that became one patient through a third identity needs no question.
    open_pairs = [amb for amb in pending if root(amb.a) != root(amb.b)]
    patients = list(groups.values())
    for patient in patients:
        patient.note_ids.sort()
    return patients, open_pairs


_Pair = tuple[str, str, "Identity", "Identity"]


def _split_bridges(pairs: list[_Pair]) -> list[_Pair]:
    """An identity without an MRN that matches identities under two MRNs belongs to neither
    on the evidence: those matches become questions."""
    mrns_of: dict[Identity, set[str]] = {}
    for verdict, _reason, a, b in pairs:
        if verdict != "same":
            continue
        for one, other in ((a, b), (b, a)):
            if not plain_mrn(one.mrn) and plain_mrn(other.mrn):
                mrns_of.setdefault(one, set()).add(plain_mrn(other.mrn))
    bridges = {ident for ident, found in mrns_of.items() if len(found) > 1}
    reason = "same name and date of birth under two MRNs"
    return [
        ("ambiguous", reason, a, b)
        if verdict == "same" and (a in bridges or b in bridges) and (a.mrn or b.mrn)
        else (verdict, why, a, b)
        for verdict, why, a, b in pairs
    ]


def compare(a: Identity, b: Identity) -> tuple[str, str]:
    """ "same", "different" or "ambiguous" (with the reason) for two ways of writing a patient."""
    mrn_a, mrn_b = plain_mrn(a.mrn), plain_mrn(b.mrn)
    if mrn_a and mrn_b:
        return ("same", "") if mrn_a == mrn_b else ("different", "")
    first_a, last_a, middle_a = name_parts(a.name)
    first_b, last_b, middle_b = name_parts(b.name)
    if {first_a, last_a} != {first_b, last_b} or not last_a:
        return "different", ""
    if a.dob and b.dob and a.dob != b.dob:
        return "different", ""
    if middle_a and middle_b and not _initials_agree(middle_a, middle_b):
        return "different", ""
    doubts = []
    if not (a.dob and b.dob):
        doubts.append("a date of birth is missing")
    if bool(middle_a) != bool(middle_b):
        doubts.append("a middle name is written on one only")
    if doubts:
        return "ambiguous", "same name; " + ", ".join(doubts)
    return "same", ""


def _initials_agree(a: Sequence[str], b: Sequence[str]) -> bool:
    return [w[0] for w in a] == [w[0] for w in b] and all(
        x == y for x, y in zip(a, b, strict=False) if len(x) > 1 and len(y) > 1
    )
