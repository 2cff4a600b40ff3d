"""The exception hierarchy: every error the engine raises is a ``backorder.Error``."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Iterable, List, Optional, Sequence, Tuple, Union

__all__ = ["ErrorCode", "PolicyIssue", "Error", "ValidationError"]


class ErrorCode(enum.IntEnum):
    """Why a call failed; the values are the C ABI's ``bo_status`` codes."""

    internal = -1
    invalid = -2
    not_found = -3
    out_of_memory = -4
    buffer_too_small = -5


@dataclass(frozen=True)
class PolicyIssue:
    """One problem in a policy document: where (a JSON path) and what."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


def _code(code: Union[int, ErrorCode]) -> Union[int, ErrorCode]:
    try:
        return ErrorCode(code)
    except ValueError:
        return code


class Error(ValueError):
    """Base of every error the engine raises.

    ``code`` is an :class:`ErrorCode`, ``path`` the JSON path of the input at fault (such as
    ``"policy.calendar.time_zone"`` or ``"item.lead_time_days.min"``; ``""`` when none) and ``message`` what
    is wrong with it.
    """

    code: Union[int, ErrorCode]
    path: str
    message: str

    def __init__(
        self,
        message: str,
        *,
        code: Union[int, ErrorCode] = ErrorCode.invalid,
        path: str = "",
        issues: Iterable[Union[PolicyIssue, Tuple[str, str]]] = (),
    ) -> None:
        super().__init__(f"{path}: {message}" if path else message)
        self.code = _code(code)
        self.path = path
        self.message = message
        del issues  # only ValidationError keeps them

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (_rebuild, (type(self), self.message, int(self.code), self.path, ()))


class ValidationError(Error):
    """A document (a policy) failed validation. ``issues`` lists every problem, each with its path;
    ``path`` and ``message`` describe the first."""

    issues: List[PolicyIssue]

    def __init__(
        self,
        message: str,
        *,
        code: Union[int, ErrorCode] = ErrorCode.invalid,
        path: str = "",
        issues: Iterable[Union[PolicyIssue, Tuple[str, str]]] = (),
    ) -> None:
        super().__init__(message, code=code, path=path)
        self.issues = [i if isinstance(i, PolicyIssue) else PolicyIssue(*i) for i in issues]
        if not self.issues:
            self.issues = [PolicyIssue(path, message)]

    def __reduce__(self):  # type: ignore[no-untyped-def]
        issues = [(i.path, i.message) for i in self.issues]
        return (_rebuild, (type(self), self.message, int(self.code), self.path, issues))


def _rebuild(
    cls: type, message: str, code: int, path: str, issues: Sequence[Tuple[str, str]]
) -> Error:
    return cls(message, code=code, path=path, issues=issues)  # type: ignore[no-any-return]


def _invalid(path: str, message: str, cls: Optional[type] = None) -> Error:
    return (cls or Error)(message, code=ErrorCode.invalid, path=path)  # type: ignore[no-any-return]
