"""An e-mail's furniture: what the mail program and the sender's footer add around a note.

A note sent as an e-mail (to a case manager, a surgeon) opens with the mail's header lines
("From: ... <address>", "To:", "Cc:", "Date:", "Subject:") and ends with the sender's signature
after the "--" line (name, post, phone and fax numbers) and often a confidentiality notice. A
letter or fax may carry the same notice, and a line asking to be called at a number. None of it
is the patient's: a draft that kept it would print addresses and phone numbers as the note's
text. The header block is taken only where the note opens with two of its keys, the signature
only after such a header; the notice and the call-me line anywhere. The words are data
(offline.toml [email]); one pass over the lines.
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.text.alternation import either
from tui.core.drafting.offline_data import offline_section

_HEADER_KEYS_NEEDED = 2
_SIGNATURE_DASH = re.compile(r"^--[ \t]*$")


@cache
def _mail_only() -> re.Pattern[str]:
    """A header line only a mail program writes: an address, or a key a letter's or a fax's
    cover never has ("Subject:", "Sent:", "Cc:"). A letter's "Date: / To: / Re:" block is no
    mail, and a "--" line under it is the letter's divider, not a signature's."""
    keys = either(offline_section("email").get("mail_only_keys", ()))
    return re.compile(rf"^[ \t]*(?:{keys})[ \t]*:|\S@\S", re.IGNORECASE)


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    table = offline_section("email")
    keys = either(table.get("header_keys", ()))
    notices = either(table.get("notices", ()))
    contacts = either(table.get("contact_lines", ()))
    return (
        re.compile(rf"^[ \t]*(?:{keys})[ \t]*:", re.IGNORECASE),
        re.compile(rf"^[ \t]*(?:{notices})", re.IGNORECASE),
        re.compile(rf"^[ \t]*(?:{contacts})[ \t]*$", re.IGNORECASE),
    )


def email_body(text: str) -> str:
    """The text without an e-mail's header block, its signature after "--", any
    confidentiality notice and any line that only asks to be called or written to."""
    header, notice, contact = _patterns()
    lines = text.split("\n")
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    end = start
    while end < len(lines) and header.match(lines[end]):
        end += 1
    mailed = end - start >= _HEADER_KEYS_NEEDED and any(
        _mail_only().search(line) for line in lines[start:end]
    )
    kept: list[str] = lines[:start] if mailed else lines[:end]
    in_notice = False
    for line in lines[end:]:
        if mailed and _SIGNATURE_DASH.match(line):
            break  # the sender's signature and footer
        if notice.match(line):
            in_notice = True
        elif not line.strip():
            in_notice = False
        if in_notice or contact.match(line):
            continue
        kept.append(line)
    return "\n".join(kept)
