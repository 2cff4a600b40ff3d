"""Backorder: truthful availability labels ("Backorder – ships in 10–14 days") for online stores.

    import backorder
    engine = backorder.Engine("policy.json")
    label = engine.label({"sku": "JKT-NAVY-M", "lead_time_days": (10, 14)}, {"on_hand": 0},
                         now="2026-11-30T09:00:00-05:00")
    label.text      # 'Backorder – ships in 10–14 days'

    book = engine.promises("examples/apparel/scenario.json")   # ship windows from real supply
    book.quote("JKT-NAVY-M").ship                                # Window(2026-12-31 .. 2027-01-06)

    plan = book.checkout({"currency": "USD", "lines": [{"sku": "JKT-NAVY-M", "unit_price": 12900}]},
                         customer={"locale": "en-US", "zone": "US"})
    record = plan.consent(strategy=plan.recommended_strategy)  # keep record.to_json() with the order

    with backorder.Store(engine, "sqlite:ledger.db", secret=secret) as store:  # the ledger
        store.apply({"id": "e-1", "type": "order_placed", "at": now, "order": order,
                     "consent": record.to_dict()})                       # writes the confirmation
        for message in store.claim():                                    # messages due: send, then ack
            send(message)
            store.ack(message)

See docs/python.md.
"""

from . import _native
from ._checkout import (
    Alternative,
    CartSource,
    CheckoutPlan,
    ConsentRecord,
    Disclosure,
    LineChoice,
    PaymentAdvice,
    PlanLine,
    Shipment,
    ShipmentItem,
    Strategy,
    check_consent,
)
from ._engine import Engine, Labeler, Now, PolicySource, validate_policy
from ._errors import Error, ErrorCode, PolicyIssue, ValidationError
from ._labels import Label, LabelBatch, RowError, Status, Window
from ._refunds import CancelSource, RefundDeadline, RefundLine, RefundQuote
from ._promises import (
    Confidence,
    Delta,
    LinePromise,
    Part,
    Promise,
    PromiseBook,
    Quote,
    ScenarioSource,
    Source,
    SupplyWindow,
)
from ._store import ApplyResult, EventSource, Message, Store

__version__: str = _native.__version__


def abi_version() -> int:
    """The C ABI version (``BO_ABI_VERSION``) this build of the engine corresponds to."""
    return int(_native.abi_version())


def version() -> str:
    """The engine's version, such as "0.1.0"."""
    return __version__


__all__ = [
    "Engine",
    "Labeler",
    "Label",
    "LabelBatch",
    "RowError",
    "Status",
    "Window",
    "PromiseBook",
    "LinePromise",
    "Promise",
    "Part",
    "Delta",
    "Quote",
    "SupplyWindow",
    "Source",
    "Confidence",
    "ScenarioSource",
    "CheckoutPlan",
    "PlanLine",
    "Alternative",
    "Strategy",
    "Shipment",
    "ShipmentItem",
    "PaymentAdvice",
    "Disclosure",
    "ConsentRecord",
    "CartSource",
    "LineChoice",
    "check_consent",
    "RefundQuote",
    "RefundLine",
    "RefundDeadline",
    "CancelSource",
    "Store",
    "ApplyResult",
    "Message",
    "EventSource",
    "Error",
    "ErrorCode",
    "ValidationError",
    "PolicyIssue",
    "PolicySource",
    "Now",
    "validate_policy",
    "abi_version",
    "version",
    "__version__",
]
