# Typed interface of the `backorder` package. The classes live in the submodules (fully annotated);
# this stub re-exports them so type checkers see the public surface in one place.
from ._checkout import Alternative as Alternative
from ._checkout import CartSource as CartSource
from ._checkout import CheckoutPlan as CheckoutPlan
from ._checkout import ConsentRecord as ConsentRecord
from ._checkout import Disclosure as Disclosure
from ._checkout import LineChoice as LineChoice
from ._checkout import PaymentAdvice as PaymentAdvice
from ._checkout import PlanLine as PlanLine
from ._checkout import Shipment as Shipment
from ._checkout import ShipmentItem as ShipmentItem
from ._checkout import Strategy as Strategy
from ._checkout import check_consent as check_consent
from ._engine import Engine as Engine
from ._engine import Labeler as Labeler
from ._engine import Now as Now
from ._engine import PolicySource as PolicySource
from ._engine import validate_policy as validate_policy
from ._errors import Error as Error
from ._errors import ErrorCode as ErrorCode
from ._errors import PolicyIssue as PolicyIssue
from ._errors import ValidationError as ValidationError
from ._labels import Label as Label
from ._labels import LabelBatch as LabelBatch
from ._labels import RowError as RowError
from ._labels import Status as Status
from ._labels import Window as Window
from ._promises import Confidence as Confidence
from ._promises import Delta as Delta
from ._promises import LinePromise as LinePromise
from ._promises import Part as Part
from ._promises import Promise as Promise
from ._promises import PromiseBook as PromiseBook
from ._promises import Quote as Quote
from ._promises import ScenarioSource as ScenarioSource
from ._promises import Source as Source
from ._promises import SupplyWindow as SupplyWindow
from ._refunds import CancelSource as CancelSource
from ._refunds import RefundDeadline as RefundDeadline
from ._refunds import RefundLine as RefundLine
from ._refunds import RefundQuote as RefundQuote
from ._store import ApplyResult as ApplyResult
from ._store import EventSource as EventSource
from ._store import Message as Message
from ._store import Store as Store

__version__: str
__all__: list[str]

def abi_version() -> int: ...
def version() -> str: ...
