"""Engines from a dict, a JSON string or a path; policy validation with JSON paths."""

from __future__ import annotations

import json
import pathlib
import pickle

import pytest

import backorder
from bo_support import JACKET, NOW, POLICY_PATH


def test_engine_from_dict_json_string_and_path(policy_dict, tmp_path):
    text = POLICY_PATH.read_text(encoding="utf-8")
    engines = [
        backorder.Engine(policy_dict),
        backorder.Engine(text),
        backorder.Engine("  \n" + text),
        backorder.Engine(text.encode("utf-8")),
        backorder.Engine(POLICY_PATH),
        backorder.Engine(str(POLICY_PATH)),
    ]
    copy = tmp_path / "my policy.json"
    copy.write_text(text, encoding="utf-8")
    engines.append(backorder.Engine(copy))
    labels = {e.label(JACKET, now=NOW) for e in engines}
    assert len(labels) == 1
    assert labels.pop().text == "Backorder – ships in 10–14 days"


def test_engine_properties(engine):
    assert engine.shop == "northwind-apparel"
    assert engine.policy_version == 1
    assert engine.policy_locale == "en-US"
    assert engine.currency == "USD"
    assert engine.currency_exponent == 2
    assert engine.time_zone == "America/New_York"
    assert engine.day_unit == "calendar"
    assert engine.low_stock_threshold == 3
    assert engine.backorders is True
    assert engine.max_backorder is None
    assert engine.lead_time_days == (10, 14)
    assert "{max_days" in engine.message("backorder")
    assert engine.message("backorder", "de-DE") != engine.message("backorder")
    assert "northwind-apparel" in repr(engine)


def test_missing_policy_file():
    with pytest.raises(FileNotFoundError):
        backorder.Engine("/nonexistent/policy.json")
    with pytest.raises(FileNotFoundError):
        backorder.Engine(pathlib.Path("/nonexistent/policy.json"))


def test_policy_of_the_wrong_type():
    with pytest.raises(TypeError):
        backorder.Engine(42)  # type: ignore[arg-type]


def test_unknown_time_zone(policy):
    policy["calendar"]["time_zone"] = "Mars/Base"
    with pytest.raises(backorder.ValidationError) as info:
        backorder.Engine(policy)
    err = info.value
    assert isinstance(err, backorder.Error) and isinstance(err, ValueError)
    assert err.path == "policy.calendar.time_zone"
    assert "Mars/Base" in err.message
    assert err.code is backorder.ErrorCode.invalid
    assert err.issues == [backorder.PolicyIssue("policy.calendar.time_zone", err.message)]
    assert str(err).startswith("policy.calendar.time_zone: ")


def test_plural_without_other_in_a_message_override(policy):
    policy["messages"] = {"en": {"backorder": "Ships in {max_days, plural, one {# day}}"}}
    with pytest.raises(backorder.ValidationError) as info:
        backorder.Engine(policy)
    assert info.value.path == "policy.messages.en.backorder"
    assert [i.path for i in info.value.issues] == ["policy.messages.en.backorder"]


def test_every_problem_is_listed(policy):
    policy["calendar"]["time_zone"] = "Mars/Base"
    policy["currency"] = "XYZ"
    policy["locale"] = "not a locale"
    policy["availability"]["lead_time_days"] = {"min": 14, "max": 10}
    policy["surprise"] = True
    policy["messages"] = {"en": {"backorder": "Ships in {max_days, plural, one {# day}}"}}
    with pytest.raises(backorder.ValidationError) as info:
        backorder.Engine(policy)
    paths = [i.path for i in info.value.issues]
    assert len(paths) >= 6
    for expected in (
        "policy.calendar.time_zone",
        "policy.currency",
        "policy.locale",
        "policy.surprise",
        "policy.messages.en.backorder",
    ):
        assert expected in paths
    assert any(p.startswith("policy.availability.lead_time_days") for p in paths)
    assert info.value.path == paths[0]
    # validate_policy lists the same problems without raising
    issues = backorder.validate_policy(policy)
    assert [i.path for i in issues] == paths
    assert all(isinstance(i, backorder.PolicyIssue) and i.message for i in issues)


def test_validate_policy_accepts_every_source(policy_dict):
    assert backorder.validate_policy(policy_dict) == []
    assert backorder.validate_policy(POLICY_PATH) == []
    assert backorder.validate_policy(json.dumps(policy_dict)) == []


def test_malformed_json():
    with pytest.raises(backorder.ValidationError) as info:
        backorder.Engine("{not json")
    assert info.value.path == "policy"
    assert backorder.validate_policy("{not json")[0].path == "policy"


def test_errors_pickle(policy):
    policy["calendar"]["time_zone"] = "Mars/Base"
    with pytest.raises(backorder.ValidationError) as info:
        backorder.Engine(policy)
    again = pickle.loads(pickle.dumps(info.value))
    assert type(again) is backorder.ValidationError
    assert (again.path, again.message, again.issues, again.code) == (
        info.value.path, info.value.message, info.value.issues, info.value.code)
