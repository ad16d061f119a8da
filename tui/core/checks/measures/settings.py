"""Sizes and settings of equipment: numbers with a length or an angle that measure a thing, not
the patient ("step-ups 20 cm", "seat width 18 in", "HOB 30°", "orthosis remolded to 30° ext",
"w/ 30° tilt").

What a number measures is decided by its unit and the thing named nearest before it in its
clause (a few words, no other number between), or the noun right after it; the things are data
(measures.toml [not_measurements.settings]). A length of the patient ("hip width 16.5 in",
"figure-of-8 56 cm") or an angle of a joint ("knee ext 30°") names no such thing and is left to
the readers of measurements.

Settings of a machine (a ventilator, oxygen, electrical stimulation, ultrasound, pool jets, a
metronome, an exercise machine) are read the same way: by a unit only a machine has ("100 Hz",
"25 mA", "2 L/min"), or by the device named before the value with at most two words between and
no response of the patient ("SpO2", "HR", "pain") among them. A time after a device ("bike 10
min") is left to the readers of minutes. A distance after a task of moving a load ("carry 10 lb
bag 50 ft", "push toy walker 10 ft") is the task's, not a distance walked.
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.checks.tables import setting_words
from tui.core.checks.text.alternation import either
from tui.core.checks.text.lexicon import NUM, Led, led

_LENGTH = r"(?:cm|mm|m|in|inch(?:es)?|ft|feet|foot|\"|'')(?![A-Za-z/])"
_ANGLE = r"(?:°|deg\w*|degrees?)"
# Between the thing and its value: words, spaces and a bracket opening, never another number
# or the end of a clause ("tilt schedule (30° x 2 min", "orthosis remolded to 30°").
_BETWEEN = r"[^\d\n.,;:)|]{0,30}?"
_VALUE = rf"(?<![\d.])(?:{NUM}[ \t]*(?:-|to)[ \t]*)?{NUM}\s*"  # a range never spans lines
# A machine's value: a number or a pair ("10/50" on/off, "PSV 10/PEEP 8" is two), never a time.
_NOT_A_TIME = r"(?!\d|\.\d|[ \t]*(?:(?:min|mins|minutes)\b|'))"
_SETTING = rf"(?<![\d.]){NUM}(?:[ \t]*/[ \t]*{NUM})?{_NOT_A_TIME}(?:[ \t]*%)?"
# Words between a task and its distance: no number, no end of a clause.
_TASK_GAP = r"[^\d\n.;,]{0,40}?"
# One item of a list after a thing: words short of a number, a clause's end or a range of motion.
_LISTED = r"(?:(?!\b[AP]?ROM\b)[^\d\n.;:)|,]){0,30}"
# A character of a line keyed by a thing, short of a range of motion named on it or of a force
# the patient produced ("home dynamometer: R 24 kg, L 33 kg ... elbow ext full, 0°": the grip
# is the patient's, so the angles after it are no longer the thing's).
_NOT_ROM = r"(?:(?!\b[AP]?ROM\b|\d+(?:\.\d+)?[ \t]*(?:kgf?|lbs?|lbf|N|Nm)\b)[^\n])"
# A ward's name between a place word and its number ("Unit/Bed: CVICU 7", "bed MICU-4"): a unit's
# capitals, ending in its U ("Supine in bed: HR 84" names a sign, not a ward).
_WARD = r"(?:(?-i:[A-Z]{1,7}U)[ \t-]*)?"
# The thing set again, said after an arrow ("desk height 74 cm -> 70 cm"): its new setting.
_CHANGED_TO = rf"(?:[ \t]*(?:->|-->|\u2192|=>)[ \t]*{NUM}[ \t]*{_LENGTH})?"
# The thing's earlier setting before an arrow, its unit written once after the new one ("saddle
# height 742 -> 727 mm"): both numbers are the thing's.
_CHANGED_FROM = rf"(?:(?<![\d.]){NUM}[ \t]*(?:->|-->|\u2192|=>)[ \t]*)?"
# A second setting said "at" the first ("HFNC 30 L/min at 45%").
_AT_SETTING = rf"(?:[ \t]*[A-Za-z/]{{0,6}}[ \t]*(?:at|@)[ \t]*{_SETTING})?"


@cache
def setting_exclusions() -> tuple[re.Pattern[str] | Led, ...]:
    """Patterns of sizes and settings, blocked as never a measurement (see the module)."""
    words = setting_words()
    flags = re.IGNORECASE
    lengths, angles = words.get("lengths", ()), words.get("angles", ())
    setup = words.get("setup_lines", ())
    # no word of travel between the thing and its length ("w/c propulsion 300 ft" is travelled)
    untravelled = rf"(?:(?!\b(?:{either(words.get('travel', ()))})\b)[^\d\n.,;:)|]){{0,30}}?"
    return (
        led(
            re.compile(
                rf"\b(?:{either(lengths)})\b{untravelled}{_CHANGED_FROM}{_VALUE}{_LENGTH}{_CHANGED_TO}",
                flags,
            ),
            *lengths,
        ),
        led(
            re.compile(rf"\b(?:{either(angles)})(?![\w-]){_BETWEEN}{_VALUE}{_ANGLE}", flags),
            *angles,
        ),
        # "Home set-up: shower chair seat 48 cm, ...": a line keyed by a set-up sets it all
        re.compile(rf"^[ \t]*(?:{either(setup)})\b[^\n:\d]{{0,20}}:[^\n]*", flags | re.M),
        # "HHD, 60 deg knee flex", "orthosis remolded (wrist 0°, MCP 50° flex)": the angles
        # of the thing, said right after a comma or listed in its brackets (a bracket of words,
        # "HHD R knee ext: (Eval)", lists no angle).
        led(
            re.compile(
                rf"\b(?:{either(angles)})(?![\w-])(?:[ \t]*,[ \t]*{_VALUE}{_ANGLE}"
                rf"|[^\d\n.;(]{{0,30}}\((?=[^()\n]{{0,60}}\))(?=[^()\n]*\d)[^()\n]{{0,60}}\))",
                flags,
            ),
            *angles,
        ),
        # "converted to hand-based spica, IP free, 20° palmar abd": the thing's angles listed
        # after it, comma by comma, up to a range of motion named between
        led(
            re.compile(
                rf"\b(?:{either(angles)})(?![\w-]){_LISTED}(?:,{_LISTED}){{1,3}}{_VALUE}{_ANGLE}",
                flags,
            ),
            *angles,
        ),
        # "Orthosis: volar cock-up, wrist 25 deg ext; trialed 10 deg": a line keyed by the
        # thing sets every angle on it, up to a range of motion named on the line.
        led(
            re.compile(
                rf"\b(?:{either(angles)})(?![\w-])[^\d\n:.;]{{0,30}}:"
                rf"(?:{_NOT_ROM}*?{_VALUE}{_ANGLE})+",
                flags,
            ),
            *angles,
        ),
        re.compile(
            rf"{_VALUE}{_ANGLE}\s+(?:[A-Za-z-]+\s+)?(?:{either(words.get('angles_after', ()))})\b",
            flags,
        ),
        re.compile(
            rf"{_VALUE}{_LENGTH}\s*(?:{either(words.get('landmarks_after', ()))})(?![A-Za-z])",
            flags,
        ),
        *device_exclusions(),
    )


@cache
def device_exclusions() -> tuple[re.Pattern[str] | Led, ...]:
    """Patterns of a machine's settings, blocked as never a measurement (see the module)."""
    words = setting_words()
    flags = re.IGNORECASE
    devices, responses = words.get("devices", ()), either(words.get("responses", ()))
    tasks = words.get("task_distances", ())
    targets = words.get("plan_targets", ())
    places = words.get("places", ())
    # Up to two words between the device and its value, none a response of the patient.
    gap = rf"(?:[ \t]*(?:[:=@(]|(?!(?:{responses})\b)[A-Za-z][\w-]*)){{0,2}}[ \t]*[:=@]?[ \t]*"
    done = "".join(
        rf"(?<!\b{re.escape(word)})" if word.endswith("-") else rf"(?<!\b{re.escape(word)} )"
        for word in words.get("devices_done", ())
    )
    return (
        led(
            re.compile(
                rf"{done}\b(?:{either(devices)})(?![\w-]){gap}{_SETTING}{_AT_SETTING}", flags
            ),
            *devices,
        ),
        re.compile(
            rf"(?<![\d.]){NUM}[ \t]*(?:{either(words.get('device_units', ()))})(?![A-Za-z])",
            flags,
        ),
        re.compile(
            rf"(?<![\d.]){NUM}[ \t]*%?[ \t]*(?:{either(words.get('devices_after', ()))})\b",
            flags,
        ),
        led(
            re.compile(
                rf"\b(?:{either(places)})[ \t]*:?[ \t]*{_WARD}#?[ \t]*\d{{1,4}}[A-Za-z]?\b"
                r"(?![ \t]*[%°/])",
                flags,
            ),
            *places,
        ),
        led(
            re.compile(
                rf"\b(?:{either(targets)})\b[^\d\n.;]{{0,30}}?\bto[ \t]+{NUM}"
                rf"(?:[ \t]*(?:{_LENGTH}|ft|feet|m\b|min\b|%))?",
                flags,
            ),
            *targets,
        ),
        led(
            re.compile(
                rf"\b(?:{either(tasks)})\b{_TASK_GAP}"
                rf"(?:{NUM}[ \t]*(?:lbs?|kg|#)[ \t]*,?{_TASK_GAP})?"
                rf"{NUM}[ \t]*(?:ft|feet|foot|m|meters?|metres?|yds?|yards?|')(?![A-Za-z/])",
                flags,
            ),
            *tasks,
        ),
        led(
            re.compile(
                rf"\b(?:{either(words.get('flow_before', ()))})[ \t]+{NUM}[ \t]*L\b(?![/A-Za-z])",
                flags,
            ),
            *words.get("flow_before", ()),
        ),
    )
