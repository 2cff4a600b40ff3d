"""Fixtures for the Python binding's tests.

Run against a build tree:  PYTHONPATH=build/<dir>/python /usr/bin/python3 -m pytest -q tests/python
"""

from __future__ import annotations

import json
import pytest

import backorder  # a failed import must fail the run, never skip it

from bo_support import APPAREL, POLICY_PATH


@pytest.fixture(scope="session")
def policy_dict() -> dict:
    return json.loads(POLICY_PATH.read_text(encoding="utf-8"))


@pytest.fixture
def policy(policy_dict) -> dict:
    """A fresh copy each test may edit."""
    return json.loads(json.dumps(policy_dict))


@pytest.fixture(scope="session")
def engine() -> backorder.Engine:
    return backorder.Engine(POLICY_PATH)


@pytest.fixture(scope="session")
def catalog() -> list:
    """The apparel catalog as flat rows (item and stock fields side by side)."""
    items = json.loads((APPAREL / "catalog.json").read_text(encoding="utf-8"))["items"]
    stock = {s["sku"]: s for s in json.loads((APPAREL / "stock.json").read_text(encoding="utf-8"))["stock"]}
    rows = []
    for item in items:
        row = dict(item)
        row.update({k: v for k, v in stock.get(item["sku"], {}).items() if k != "sku"})
        rows.append(row)
    return rows
