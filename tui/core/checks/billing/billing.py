"""Reading the billing side of a note: services with minutes, stated totals, billed codes.

Minutes belong to a service only when the text ties them to it ("ther ex 26 min", "manual
therapy ..., about fifteen minutes", "20 minutes of gait training"); minutes after an exercise
inside a list ("ther ex: bike 10 min, ...") are a dose and are left alone. The readers live in
modules named for what they read (totals, billed_codes, charges, services, named_minutes);
this module is the one the extractor and the tests import from.
"""

from __future__ import annotations

from tui.core.checks.billing.billed_codes import read_billed
from tui.core.checks.billing.named_minutes import free_minutes
from tui.core.checks.billing.reconciled import billed_instead, reconciled
from tui.core.checks.billing.records import Billed, Billing, Totals, service_at
from tui.core.checks.billing.services import read_services
from tui.core.checks.billing.totals import read_totals

__all__ = [
    "Billed",
    "Billing",
    "Totals",
    "billed_instead",
    "free_minutes",
    "read_billed",
    "read_services",
    "read_totals",
    "reconciled",
    "service_at",
]
