"""A server's error read in every shape it comes in, and its words shown only when they cannot
carry note text."""

from __future__ import annotations

import pytest

from tui.core.drafting.server_errors import ServerError, quotable, read_error

NOTE = "Patient: Dana Whitfield\nS: knee pain 4/10 after stairs\nO: flexion 110 deg, MRN 100234"
IDS = ("Dana Whitfield", "100234", "1961-04-12", "2026-11-02")


@pytest.mark.parametrize(
    ("body", "status", "expected"),
    [
        (
            {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}},
            529,
            ServerError(529, "overloaded_error", "Overloaded"),
        ),
        (
            {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}},
            200,
            ServerError(200, "overloaded_error", "Overloaded", in_stream=True),
        ),
        (
            {
                "error": {
                    "code": 500,
                    "message": "image input is not supported",
                    "type": "server_error",
                }
            },
            500,
            ServerError(500, "server_error", "image input is not supported"),
        ),
        (
            {"code": 500, "message": "Context size has been exceeded.", "type": "server_error"},
            200,
            ServerError(500, "server_error", "Context size has been exceeded.", in_stream=True),
        ),
        (
            {
                "error": {
                    "code": 400,
                    "message": "request (5000 tokens) exceeds the available context size",
                    "type": "exceed_context_size_error",
                    "n_prompt_tokens": 5000,
                    "n_ctx": 4096,
                }
            },
            400,
            ServerError(
                400,
                "exceed_context_size_error",
                "request (5000 tokens) exceeds the available context size",
                prompt_tokens=5000,
                context=4096,
            ),
        ),
        ("Internal Server Error", 500, ServerError(500)),
        ({"error": "model 'x' not found"}, 404, ServerError(404)),
        ({"error": {"type": "Not A Type!", "message": 7}}, 400, ServerError(400)),
    ],
    ids=[
        "anthropic-body",
        "anthropic-event",
        "llama-body",
        "llama-event",
        "llama-exceed",
        "text",
        "ollama-text-error",
        "garbage",
    ],
)
def test_every_shape_reads_into_one_error(body: object, status: int, expected: ServerError) -> None:
    assert read_error(body, status) == expected


def quote(message: str, status: int = 500, *, in_stream: bool = False) -> str:
    return quotable(ServerError(status, "server_error", message, in_stream), [NOTE], IDS)


def test_a_server_state_message_is_quoted() -> None:
    assert quote("Context size has been exceeded.", 200, in_stream=True) == (
        "Context size has been exceeded."
    )
    assert quote("  Loading   model \n") == "Loading model"


@pytest.mark.parametrize(
    "message",
    [
        "bad input near Whitfield",  # a word of the patient's name
        "unknown id 100234",  # the MRN
        "invalid date 2026-11-02",  # the date of service, as digits
        "cannot parse: knee pain 4/10 after stairs",  # three words of the note in a row
        "value 110 out of range",  # a number of the note
        "x" * 161,  # too long to be a server's own one-liner
        "line one\x1b[2J",  # not plain printable text
        "température",  # not ASCII
    ],
)
def test_a_message_that_may_carry_note_text_is_never_quoted(message: str) -> None:
    assert quote(message) == ""


def test_a_verdict_on_the_request_is_never_quoted_whatever_it_says() -> None:
    """A 4xx judges what was sent: that is where a server quotes the request."""
    assert quote("Loading model", 400) == ""
    assert quote("Loading model", 503) == "Loading model"
