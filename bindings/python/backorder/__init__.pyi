# Typed interface of the `backorder` package. The classes live in the submodules (fully annotated);
# this stub re-exports them so type checkers see the public surface in one place.
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

__version__: str
__all__: list[str]

def abi_version() -> int: ...
def version() -> str: ...
