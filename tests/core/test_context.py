"""context.toml: the example validates, and every kind of mistake is located FILE:LINE."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.context import load_context, parse_context
from tui.core.errors import ConfigError
from tui.core.resources import example_context

GOOD = example_context().read_text(encoding="utf-8")


def test_example_context_is_valid() -> None:
    ctx = load_context(example_context())
    assert ctx.name.startswith("Riverside")
    assert ctx.clinicians[0].signature == "Alex Rivera, PT, DPT"
    assert ctx.payer("medicare").timed_rule == "cms"
    assert ctx.payer("Aetna").timed_rule == "per_code"
    assert ctx.payer("Unknown Mutual").timed_rule == "cms"
    assert ctx.baa_signed is False
    assert ctx.default_skill("OT") == "soap_note"
    assert "LEFS" in ctx.measures


def test_rendered_context_is_deterministic() -> None:
    first = load_context(example_context()).rendered()
    second = load_context(example_context()).rendered()
    assert first == second
    assert "Payer Medicare" in first["clinic.context"]


def _error(source: str) -> str:
    with pytest.raises(ConfigError) as info:
        parse_context(Path("clinic/context.toml"), source)
    return str(info.value)


def _line_of(source: str, needle: str) -> int:
    return next(i for i, line in enumerate(source.splitlines(), 1) if needle in line)


def test_unknown_key_names_file_line_and_field() -> None:
    source = GOOD.replace("[privacy]\n", "[privacy]\nbaa_sigend = true\n")
    message = _error(source)
    assert message == (
        f"clinic/context.toml:{_line_of(source, 'baa_sigend')}: privacy.baa_sigend: unknown field"
    )


def test_wrong_type() -> None:
    source = GOOD.replace("baa_signed = false", 'baa_signed = "no"')
    line = _line_of(source, 'baa_signed = "no"')
    assert _error(source).startswith(f"clinic/context.toml:{line}: privacy.baa_signed: expected")


def test_bad_choice() -> None:
    source = GOOD.replace('timed_rule = "cms"', 'timed_rule = "eights"')
    line = _line_of(source, 'timed_rule = "eights"')
    assert _error(source) == (
        f"clinic/context.toml:{line}: payers.Medicare.timed_rule: must be one of cms, per_code"
    )


def test_missing_required_clinic_name() -> None:
    source = GOOD.replace('name = "Riverside Physical & Occupational Therapy"\n', "")
    assert "clinic: missing required field 'name'" in _error(source)


def test_syntax_error_has_a_line() -> None:
    source = GOOD.replace("[lock]", "[lock")
    line = _line_of(source, "[lock")
    assert _error(source).startswith(f"clinic/context.toml:{line}: syntax:")


def test_api_key_in_context_is_refused() -> None:
    source = GOOD.replace("[model]\n", '[model]\napi_key = "sk-ant-xxx"\n')
    assert "never put the key in context.toml" in _error(source)


def test_array_of_tables_lines() -> None:
    source = GOOD.replace('credentials = "OTR/L"', "credentials = 7")
    line = _line_of(source, "credentials = 7")
    assert _error(source).startswith(f"clinic/context.toml:{line}: clinicians.1.credentials:")


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"no context\.toml"):
        load_context(tmp_path / "context.toml")
