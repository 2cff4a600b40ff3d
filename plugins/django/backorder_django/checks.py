"""``manage.py check``: settings.BACKORDER and the policy it names, before the first request finds out."""

from __future__ import annotations

import datetime as _dt
import os
from typing import Any, List

import backorder
from django.core import checks
from django.core.exceptions import ImproperlyConfigured


@checks.register("backorder")
def check_settings(app_configs: Any = None, **_: Any) -> List[checks.CheckMessage]:
    from . import conf

    try:
        cfg = conf.config()
    except ImproperlyConfigured as e:
        return [checks.Error(str(e), id="backorder_django.E001")]
    errors: List[checks.CheckMessage] = []
    policy = cfg["POLICY"]
    try:
        issues = backorder.validate_policy(os.fspath(policy) if isinstance(policy, os.PathLike) else policy)
    except (OSError, TypeError) as e:
        issues = []
        errors.append(checks.Error(f'BACKORDER["POLICY"]: {e}', id="backorder_django.E002"))
    for issue in issues:
        errors.append(checks.Error(f'BACKORDER["POLICY"]: {issue.path}: {issue.message}', id="backorder_django.E002"))
    url = cfg.get("STORE")
    if url and not str(url).startswith(("sqlite:", "postgresql:", "postgres:")):
        errors.append(checks.Error('BACKORDER["STORE"] must be "sqlite:PATH" or "postgresql://..."',
                                   id="backorder_django.E003"))
    secret = cfg.get("SECRET")
    if secret is not None and len(str(secret).encode("utf-8")) < 16:
        errors.append(checks.Error('BACKORDER["SECRET"] must be 16 bytes or more', id="backorder_django.E004"))
    if url and not secret:
        errors.append(checks.Warning('BACKORDER["SECRET"] is not set: the ledger refuses notify-me subscriptions',
                                     id="backorder_django.W001"))
    now = cfg.get("NOW")
    if isinstance(now, str) and now:
        try:
            if _dt.datetime.fromisoformat(now.replace("Z", "+00:00")).tzinfo is None:
                raise ValueError
        except ValueError:
            errors.append(checks.Error(f'BACKORDER["NOW"] is not ISO 8601 with an offset: {now!r}',
                                       id="backorder_django.E005"))
    for key in ("CATALOG", "STOCK"):
        try:
            conf.catalog() if key == "CATALOG" else conf.stock()
        except Exception as e:  # the file, the callable or the import named there
            errors.append(checks.Error(f'BACKORDER["{key}"]: {e}', id="backorder_django.E006"))
    return errors
