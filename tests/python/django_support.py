"""Django for the tests of plugins/django (test_django_*.py): Debian's python3-django, configured once per
process with the demo shop's settings (examples/django-shop/shop/settings.py) over a scratch data folder, so
the app, its template tags, the feed command and the shop's views run as they do in the demo. Tests change
``settings.BACKORDER`` with ``override_settings``; the app rebuilds its engine and ledger handles then.

    PYTHONPATH=build/dev/python /usr/bin/python3 -m pytest -q tests/python/test_django_app.py
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import sys
import tempfile
from contextlib import contextmanager
import warnings
from typing import Any, Dict, Iterator

# Debian 12's Django 3.2 on Python 3.11 imports `cgi` and calls locale.getdefaultlocale(): not ours to report.
warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"django(\.|$)")

import django  # noqa: E402
import pytest  # noqa: E402
from django.conf import settings
from django.test.utils import override_settings

from bo_support import APPAREL, NOW, POLICY_PATH, ROOT  # noqa: E402
from store_support import unique_shop  # noqa: E402

SHOP = ROOT / "examples" / "django-shop"
SECRET = "django-test-secret-0123456789abcdef"


def setup() -> None:
    if settings.configured:
        return
    data = tempfile.mkdtemp(prefix="bo-django-test-")
    atexit.register(shutil.rmtree, data, True)
    os.environ.update({"BO_SHOP_DATA": data, "BO_SHOP_NOW": NOW, "BO_SHOP_SECRET": SECRET})
    for key in ("BO_SHOP_POLICY", "BO_SHOP_CATALOG", "BO_SHOP_STOCK", "BO_SHOP_DEBUG", "BO_SHOP_DJANGO_KEY"):
        os.environ.pop(key, None)
    if str(SHOP) not in sys.path:
        sys.path.insert(0, str(SHOP))
    os.environ["DJANGO_SETTINGS_MODULE"] = "shop.settings"
    django.setup()


setup()


def catalog_settings(**extra: Any) -> Dict[str, Any]:
    """BACKORDER without a ledger: labels and plans from the apparel catalog and stock files."""
    cfg: Dict[str, Any] = {"POLICY": str(POLICY_PATH), "CATALOG": str(APPAREL / "catalog.json"),
                           "STOCK": str(APPAREL / "stock.json"), "NOW": NOW, "LOCALE": "en-US",
                           "CUSTOMER": {"zone": "US"}}
    cfg.update(extra)
    return cfg


def ledger_settings(url: str, **extra: Any) -> Dict[str, Any]:
    """BACKORDER with the ledger at ``url``, seeded with the catalog and stock."""
    return catalog_settings(STORE=url, SECRET=SECRET, SEED=True, **extra)


@contextmanager
def backorder_settings(cfg: Dict[str, Any]) -> Iterator[None]:
    with override_settings(BACKORDER=cfg):
        yield


@pytest.fixture
def catalog_app() -> Iterator[Dict[str, Any]]:
    cfg = catalog_settings()
    with backorder_settings(cfg):
        yield cfg


@pytest.fixture(params=["sqlite", "postgresql"])
def ledger_app(request: Any, tmp_path: Any) -> Iterator[Dict[str, Any]]:
    """A fresh ledger: a SQLite file, or the PostgreSQL server of BO_TEST_POSTGRES_URL (scripts/pg.sh) as a shop
    of its own (the apparel policy under a unique shop name), so tests sharing the database never meet."""
    if request.param == "postgresql":
        url = os.environ.get("BO_TEST_POSTGRES_URL")
        if not url:
            pytest.skip("BO_TEST_POSTGRES_URL is not set (scripts/pg.sh start DIR prints one)")
        policy = json.loads(POLICY_PATH.read_text(encoding="utf-8"))
        policy["shop"] = unique_shop()
        cfg = ledger_settings(url, POLICY=policy)
    else:
        cfg = ledger_settings(f"sqlite:{tmp_path / 'ledger.db'}")
    with backorder_settings(cfg):
        yield cfg
