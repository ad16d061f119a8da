"""The exact Messages API request for one prompt, built before anything is sent.

- ``system`` is two text blocks, the clinic context and the Skill's system prompt, each marked
  ``cache_control: ephemeral``. Both are byte-identical for every note of a Skill (see
  `tui.core.prompt`), so from the second note on they are cache reads; the first breakpoint
  alone also serves every other Skill of the clinic. Each block ends with a blank line
  (`BLOCK_END`): Anthropic keeps the blocks apart, but llama-server joins them with nothing
  between ("...after the 12th visitYou are..."), and a fixed ending reads right on both
  without changing the cached bytes from one note to the next.
- The single user message carries the note first (text, or a scan as an image or PDF document
  block), a report's episode timeline from the store, and the Skill's instructions, with the
  patient-specific header, after them.
"""

from __future__ import annotations

import base64
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final, Literal

from anthropic.types import (
    CacheControlEphemeralParam,
    ContentBlockParam,
    DocumentBlockParam,
    ImageBlockParam,
    MessageParam,
    TextBlockParam,
)

from tui.core.drafting.base import DraftingError
from tui.core.intake.notes import MIN_BODY_CHARS
from tui.core.prompt import Prompt

CACHE: Final[CacheControlEphemeralParam] = {"type": "ephemeral"}
BLOCK_END: Final = "\n\n"
NOTE_EMPTY: Final = "note is empty"
# The episode timeline after the note: values from signed earlier notes, which a report may
# state (baseline, change, MCID) and verification accepts because they come from the store.
TIMELINE_TAG: Final = (
    '<episode_timeline source="the clinic\'s records of earlier visits">\n{}\n</episode_timeline>'
)
PDF: Final = "application/pdf"
ImageType = Literal["image/png", "image/jpeg"]
IMAGE_TYPES: Final[Mapping[str, ImageType]] = {"image/png": "image/png", "image/jpeg": "image/jpeg"}
SCAN_TYPES: Final = frozenset({PDF, *IMAGE_TYPES})
CHARS_PER_TOKEN: Final = 4
IDENTIFYING_FIELDS: Final = ("name", "mrn", "dob", "date")
_WORD_CHAR = re.compile(r"\w")


@dataclass(frozen=True)
class Request:
    """The exact Messages API request for one prompt, built before anything is sent."""

    model: str
    max_tokens: int
    system: list[TextBlockParam]
    messages: list[MessageParam]
    scan: bool = False
    pdf: bool = False


def build_request(prompt: Prompt, model: str) -> Request:
    """The request for `prompt`; raises DraftingError for a note that must not be sent."""
    check_note(prompt)
    content: list[ContentBlockParam] = [*note_blocks(prompt), _text(prompt.instructions)]
    return Request(
        model=model,
        max_tokens=prompt.max_tokens,
        system=system_blocks(prompt),
        messages=[{"role": "user", "content": content}],
        scan=prompt.note.media_type in SCAN_TYPES,
        pdf=prompt.note.media_type == PDF,
    )


def system_blocks(prompt: Prompt) -> list[TextBlockParam]:
    """Clinic context, then the Skill's system prompt, each a cache breakpoint ending with a
    blank line."""
    blocks = (prompt.context_block, prompt.skill_block)
    return [
        {"type": "text", "text": text.rstrip() + BLOCK_END, "cache_control": CACHE}
        for text in blocks
        if text.strip()
    ]


def note_blocks(prompt: Prompt) -> list[ContentBlockParam]:
    """The source material, before the instructions (notes-first).

    A chained Skill also gets the previous pass's output, unless its instructions already
    quote it (``{{ previous.output }}``): sending it twice would double the bill.
    """
    blocks: list[ContentBlockParam] = []
    previous = prompt.previous.strip()
    if previous and previous not in prompt.instructions:
        blocks.append(_text(f"<previous_pass>\n{previous}\n</previous_pass>"))
    note = prompt.note
    if note.media_type == PDF:
        blocks.append(_document(note.data))
    elif note.media_type in IMAGE_TYPES:
        blocks.append(_image(IMAGE_TYPES[note.media_type], note.data))
    else:
        blocks.append(_text(f"<session_notes>\n{note.body.strip()}\n</session_notes>"))
    if prompt.timeline:
        blocks.append(_text(TIMELINE_TAG.format(prompt.timeline)))
    return blocks


def check_note(prompt: Prompt) -> None:
    """Never send an empty or near-empty note: a model would invent a session from nothing."""
    note = prompt.note
    if note.media_type in SCAN_TYPES:
        if not note.data:
            raise DraftingError(f"{NOTE_EMPTY} (the file has no content)")
        return
    body = note.body.strip()
    if len(re.sub(r"\s", "", body)) < MIN_BODY_CHARS or len(_WORD_CHAR.findall(body)) < 10:
        raise DraftingError(f"{NOTE_EMPTY} (fewer than {MIN_BODY_CHARS} characters of content)")


def patient_texts(prompt: Prompt) -> tuple[str, ...]:
    """What a request carries that may hold note text: a server's message sharing anything
    with these is never quoted (see `server_errors.quotable`)."""
    note = "" if prompt.note.media_type in SCAN_TYPES else prompt.note.body
    return (note, prompt.instructions, prompt.previous, prompt.timeline)


def identifiers(prompt: Prompt) -> tuple[str, ...]:
    """The note's identifying header values (patient, MRN, date of birth, date of service)."""
    header = prompt.note.header()
    return tuple(header[field] for field in IDENTIFYING_FIELDS if header.get(field))


def estimate_tokens(request: Request) -> int:
    """A rough prompt size for a server that cannot count: four characters a token."""
    chars = sum(len(block["text"]) for block in request.system)
    for message in request.messages:
        content = message["content"]
        for block in [] if isinstance(content, str) else content:
            if isinstance(block, dict) and block.get("type") == "text":
                chars += len(str(block.get("text", "")))
    return math.ceil(chars / CHARS_PER_TOKEN)


def _text(text: str) -> TextBlockParam:
    return {"type": "text", "text": text}


def _image(media_type: ImageType, data: bytes) -> ImageBlockParam:
    encoded = base64.standard_b64encode(data).decode("ascii")
    return {
        "type": "image",
        "source": {"type": "base64", "media_type": media_type, "data": encoded},
    }


def _document(data: bytes) -> DocumentBlockParam:
    encoded = base64.standard_b64encode(data).decode("ascii")
    return {"type": "document", "source": {"type": "base64", "media_type": PDF, "data": encoded}}
