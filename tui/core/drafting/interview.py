"""A visit written as questions and answers ("Q: How is the knee? A: Stiff in the mornings").

The question is the clinician's prompt, not a finding: it goes, and the answer is what the
patient reports. A question that only names a topic ("Q: Swelling? A: Less") stays as the
answer's label ("Swelling: less"), since the answer says nothing without it. A chat log's turns
("[10:02] PT: Pain now?", "[10:04] Pt: 6 out of 10 on stairs") are the same: the clinician's
question goes, the patient's turn is what they report, and the clinician's other turns are read
as lines of the note. The labels and the words that open a question are data
(``data/offline.toml`` [interview]).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tui.core.drafting.offline_data import offline_section

_TOPIC_WORDS = 3
_SHORT_ANSWER = 3  # "None", "Yes, twice", "Not really": words that need their question


# A chat log's time stamp opening a turn: "[10:02]", "10:02:15 AM".
_STAMP = re.compile(r"^\[?\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*[AaPp]\.?[Mm]\.?)?\]?[ \t]+(?=\S)")
_SPEAKER = re.compile(r"^(?P<who>[A-Za-z]{1,12})[ \t]*:[ \t]*(?P<said>\S.*)$")


@dataclass(frozen=True)
class _Rules:
    question: re.Pattern[str]
    answer: re.Pattern[str]
    asking: re.Pattern[str]
    clinicians: frozenset[str]
    patients: frozenset[str]
    put_to_patient: re.Pattern[str]


@cache
def _rules() -> _Rules:
    table = offline_section("interview")

    def labels(key: str) -> str:
        return "|".join(re.escape(label) for label in table.get(key, ())) or "(?!x)x"

    # the speaker may follow the letter in brackets ("Q (OT): ...", "A (Dad): ...")
    speaker = r"(?:[ \t]*\([A-Za-z][A-Za-z .'/-]{0,20}\))?"
    answer = rf"(?:{labels('answer_labels')}){speaker}[ \t]*[:.)]"
    return _Rules(
        re.compile(
            rf"^(?:{labels('question_labels')}){speaker}[ \t]*[:.)][ \t]*"
            r"(?P<question>[^?]{1,200}\?)"
            rf"[ \t]*(?:{answer}[ \t]*(?P<answer>.*))?$",
            re.IGNORECASE,
        ),
        re.compile(rf"^{answer}[ \t]*(?P<answer>\S.*)$", re.IGNORECASE),
        re.compile(rf"^(?:{'|'.join(table.get('question_words', ())) or '(?!x)x'})\b", re.I),
        frozenset(table.get("clinician_speakers", ())),
        frozenset(table.get("patient_speakers", ())),
        re.compile(table.get("put_to_patient", "(?!x)x"), re.IGNORECASE),
    )


@dataclass(frozen=True)
class Asked:
    """A question line: the question, and the answer when the same line gives it ("" else)."""

    question: str
    answer: str


def asked(line: str) -> Asked | None:
    """The question (and answer) a line of an interview holds, or None."""
    found = _rules().question.match(line.strip())
    if found is None:
        return None
    return Asked(found.group("question").strip(), (found.group("answer") or "").strip())


def chat_turn(line: str) -> tuple[str, str]:
    """Who speaks a chat log's turn ("clinician", "patient", or "" when the line is no turn of
    theirs) and the line without its time stamp and speaker. Speakers match as written: "PT" is
    the therapist, "Pt" the patient."""
    stamp = _STAMP.match(line)
    if stamp is None:
        return "", line
    rest = line[stamp.end() :]
    turn = _SPEAKER.match(rest)
    if turn is None:
        return "", rest
    role = _role(turn.group("who"))
    return (role, turn.group("said")) if role else ("", rest)


def _role(who: str) -> str:
    """Whose turn a speaker tag names: as written for the short tags whose case tells them
    apart ("PT" the therapist, "Pt" the patient), in any case for a name of the role written
    out ("THERAPIST", "patient"), as transcription apps print them."""
    rules = _rules()
    if who in rules.clinicians:
        return "clinician"
    if who in rules.patients:
        return "patient"
    if len(who) <= _CASED_TAG:
        return ""
    folded = who.casefold()
    if any(folded == name.casefold() for name in rules.clinicians):
        return "clinician"
    return "patient" if any(folded == name.casefold() for name in rules.patients) else ""


_CASED_TAG = 4  # "PT", "Pt", "COTA": tags no longer than this are read as written


def last_question(said: str) -> tuple[str, str]:
    """A clinician's turn that ends in a question as (what they said before it, the question):
    "Okay, we're recording. How has the spinning been?" asks only its last sentence."""
    if not said.rstrip().endswith("?"):
        return said, ""
    stops = list(_SENTENCE_STOP.finditer(said.rstrip()[:-1]))
    if not stops:
        return "", said.strip()
    return said[: stops[-1].start() + 1].strip(), said[stops[-1].end() :].strip()


_SENTENCE_STOP = re.compile(r"[.!?](?=\s+[A-Z])")


def answered(line: str) -> str:
    """The answer a line after a question gives ("A: Less swelling"), or ""."""
    found = _rules().answer.match(line.strip())
    return found.group("answer").strip() if found else ""


def reported(question: str, answer: str) -> str:
    """What the patient reports: the answer, after the question's topic when the question only
    names one ("Swelling?" + "Less" -> "Swelling: less"), after the question itself when the
    answer is too short to say what it answers ("Any falls? None since Monday")."""
    topic = question.rstrip("? ").strip()
    words = topic.split()
    if not answer or not words:
        return answer
    if len(words) <= _TOPIC_WORDS and not _rules().asking.match(topic):
        return f"{topic}: {answer[:1].lower() + answer[1:] if answer[1:2].islower() else answer}"
    opening = re.split(r"[,.;:!?]", answer, maxsplit=1)[0].split()
    return f"{question} {answer}" if len(opening) <= _SHORT_ANSWER else answer


def answers_joined(sentences: list[str]) -> list[str]:
    """Sentences with each question put to the patient joined to the answer that follows it
    ("Dizziness 0-10 today?" + "4." -> "Dizziness 0-10 today? 4."): the answer says nothing
    without its question, and together they are what the patient reports."""
    joined: list[str] = []
    for sentence in sentences:
        if joined and put_to_patient(joined[-1]) and not sentence.rstrip().endswith("?"):
            joined[-1] = f"{joined[-1]} {sentence}"
        else:
            joined.append(sentence)
    return joined


def put_to_patient(sentence: str) -> bool:
    """A sentence that is only a question put to the patient: a rating asked on a scale, or a
    question addressed to them (see `put_to_patient` in [interview])."""
    stripped = sentence.strip()
    return (
        stripped.endswith("?")
        and "?" not in stripped[:-1]
        and bool(_rules().put_to_patient.search(stripped))
    )


def asked_and_answered(statement: str) -> bool:
    """A statement holding a question put to the patient and its answer (`answers_joined`)."""
    question, mark, answer = statement.partition("?")
    return bool(mark and answer.strip()) and put_to_patient(question + mark)
