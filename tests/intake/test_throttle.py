"""Backing off as a group: an overload halves the drafts run at once for a while, then the limit
climbs back one at a time. A hand-moved clock: nothing here depends on the machine's speed."""

from __future__ import annotations

from tui.core.intake.throttle import Throttle


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_no_overload_no_limit() -> None:
    throttle = Throttle(clock=Clock())
    assert throttle.cap(4) == 4 and not throttle.active


def test_an_overload_halves_the_drafts_at_once_then_they_climb_back() -> None:
    clock = Clock()
    throttle = Throttle(hold_seconds=30, clock=clock)
    throttle.overloaded(running=4)

    assert throttle.cap(4) == 2
    clock.now = 29.9
    assert throttle.cap(4) == 2
    clock.now = 30.0
    assert throttle.cap(4) == 3
    clock.now = 60.0
    assert throttle.cap(4) == 4 and not throttle.active


def test_overloads_in_a_row_hold_longer_and_go_down_to_one() -> None:
    clock = Clock()
    throttle = Throttle(hold_seconds=30, clock=clock)
    throttle.overloaded(running=4)
    throttle.overloaded(running=2)

    assert throttle.cap(4) == 1
    clock.now = 59.0
    assert throttle.cap(4) == 1, "the second overload in a row holds twice as long"
    clock.now = 60.0
    assert throttle.cap(4) == 2


def test_a_success_between_overloads_keeps_the_hold_short() -> None:
    clock = Clock()
    throttle = Throttle(hold_seconds=30, clock=clock)
    throttle.overloaded(running=4)
    throttle.succeeded()
    throttle.overloaded(running=2)

    clock.now = 30.0
    assert throttle.cap(4) == 2


def test_the_cap_never_exceeds_the_limit_without_it() -> None:
    throttle = Throttle(clock=Clock())
    throttle.overloaded(running=8)

    assert throttle.cap(2) == 2 and not throttle.active
