"""The drafter inside the review app: tui.core.intake.pipeline.Pipeline run as a Textual worker.

The pipeline elects one drafter per clinic folder (a file lock), so running it here is safe
beside `chartdesk watch` or other sessions: whoever holds the lock drafts, the others wait and
take over if it dies. Its events arrive on the app's event loop and are re-posted as messages
to the review screen, whose handlers own all UI state.
"""

from __future__ import annotations

import os
import socket
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from tui.core.intake.pipeline import Pipeline, PipelineEvent
    from tui.core.service import ClinicService

STOP_GRACE_SECONDS = 1.0


class DrafterEvent(Message):
    """A pipeline event (never note text): a note arrived, a draft changed, text streamed in,
    or this process's drafter role changed."""

    def __init__(self, event: PipelineEvent) -> None:
        super().__init__()
        self.event = event


def make_pipeline(service: ClinicService) -> Pipeline:
    """The clinic's pipeline with its configured backend (imported late: start-up speed)."""
    from tui.core.drafting.select import select_backend
    from tui.core.intake.pipeline import Pipeline

    owner = f"app:{socket.gethostname()}:{os.getpid()}"
    backend = select_backend(service.context)
    return Pipeline(service, backend, owner, stop_grace_seconds=STOP_GRACE_SECONDS)
