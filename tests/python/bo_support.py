"""Constants and helpers shared by the Python binding's tests."""

from __future__ import annotations

import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
APPAREL = ROOT / "examples" / "apparel"
POLICY_PATH = APPAREL / "policy.json"
# Monday 30 November 2026, 09:00 in New York: before the 14:00 cut-off on a working day.
NOW = "2026-11-30T09:00:00-05:00"
JACKET = {"sku": "JKT-NAVY-M", "name": "Field jacket, navy, M", "lead_time_days": {"min": 10, "max": 14}}


def split_row(row: dict):
    """A flat row back into (item, stock, quantity) for Engine.label()."""
    stock_keys = {"on_hand", "reserved", "safety_stock", "promised", "backordered"}
    item = {k: v for k, v in row.items() if k not in stock_keys and k != "quantity"}
    stock = {k: v for k, v in row.items() if k in stock_keys}
    return item, stock, row.get("quantity", 1)
