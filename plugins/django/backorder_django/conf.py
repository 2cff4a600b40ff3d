"""``settings.BACKORDER``, the engine built once from it, one ledger handle per thread, and ``now``.

    BACKORDER = {
        "POLICY": "policy.json",            # required: a path, a dict or JSON text (docs/policy.md)
        "STORE": "sqlite:ledger.db",        # the ledger (backorder.Store): "sqlite:PATH" or "postgresql://..."
        "SECRET": "...",                    # signs the links in messages (16 bytes or more); notify-me needs it
        "NOW": None,                        # None: the clock; an ISO 8601 string with offset, or a callable
        "LOCALE": None,                     # the shopper's locale; None: the policy's
        "CUSTOMER": {"zone": "US"},         # defaults for the checkout's customer (locale, zone, tier)
        "CATALOG": "catalog.json",          # the items: a JSON file, a list, a callable or "dotted.path"
        "STOCK": "stock.json",              # the stock rows, the same ways
        "SEED": False,                      # True: put CATALOG and STOCK into the ledger (once per process)
        "BUSY_TIMEOUT_MS": 10000,           # how long a SQLite writer waits for another process's lock
    }

The engine is immutable and shared by every thread and request; it is built on first use, once, under a lock.
A ``backorder.Store`` serves one thread at a time, so each thread (and each process after a fork) opens its
own, lazily. Changing ``settings.BACKORDER`` (``override_settings`` in tests) drops both.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import threading
from typing import Any, Callable, Dict, List, Mapping, Optional

import backorder
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.module_loading import import_string

KEYS = frozenset(
    {"POLICY", "STORE", "SECRET", "NOW", "LOCALE", "CUSTOMER", "CATALOG", "STOCK", "SEED", "BUSY_TIMEOUT_MS"}
)

_lock = threading.Lock()
_engine: Optional[backorder.Engine] = None
_generation = 0  # bumped by reset(): handles opened under older settings are replaced
_cache: Dict[str, List[Dict[str, Any]]] = {}  # CATALOG / STOCK read from files, per generation
_local = threading.local()
_inherited: List[backorder.Store] = []  # handles a forked child found: kept open, never used
_seeded: set = set()  # (pid, generation) whose ledger got the CATALOG / STOCK seed


def config() -> Mapping[str, Any]:
    """``settings.BACKORDER``, checked for unknown keys (a typo must not fall back to a default)."""
    from django.conf import settings

    raw = getattr(settings, "BACKORDER", None)
    if raw is None:
        raise ImproperlyConfigured('settings.BACKORDER is missing: at least {"POLICY": "path/to/policy.json"}')
    if not isinstance(raw, Mapping):
        raise ImproperlyConfigured(f"settings.BACKORDER must be a dict, not {type(raw).__name__}")
    unknown = sorted(set(raw) - KEYS)
    if unknown:
        raise ImproperlyConfigured(f"settings.BACKORDER has unknown keys {unknown}; known: {sorted(KEYS)}")
    if raw.get("POLICY") in (None, ""):
        raise ImproperlyConfigured("settings.BACKORDER['POLICY'] is required: a path, a dict or JSON text")
    return raw


def get_engine() -> backorder.Engine:
    """The engine for ``BACKORDER["POLICY"]``, built once (thread-safe) and shared. An invalid policy raises
    ``backorder.ValidationError`` listing every problem with its path (``manage.py check`` shows them)."""
    engine = _engine
    if engine is not None:
        return engine
    with _lock:
        if _engine is None:
            _build_engine()
        assert _engine is not None
        return _engine


def _build_engine() -> None:
    global _engine
    policy = config()["POLICY"]
    if isinstance(policy, os.PathLike):
        policy = os.fspath(policy)
    _engine = backorder.Engine(policy)


def store_url() -> Optional[str]:
    url = config().get("STORE")
    return os.fspath(url) if url else None


def get_store() -> backorder.Store:
    """This thread's handle on the ledger (``BACKORDER["STORE"]``), opened on first use. With
    ``BACKORDER["SEED"]`` the process's first handle applies the catalog and stock (:func:`seed`)."""
    url = store_url()
    if url is None:
        raise ImproperlyConfigured('settings.BACKORDER["STORE"] is not set: "sqlite:PATH" or "postgresql://..."')
    held = getattr(_local, "store", None)
    if held is not None:
        store, pid, generation = held
        if pid == os.getpid() and generation == _generation and not store.closed:
            return store  # type: ignore[no-any-return]
        if pid == os.getpid():
            store.close()
        else:
            # Opened before a fork: the parent still uses the connection, so the child must not close it.
            _inherited.append(store)
    cfg = config()
    store = backorder.Store(
        get_engine(), url, secret=cfg.get("SECRET") or None, busy_timeout_ms=cfg.get("BUSY_TIMEOUT_MS", 10000)
    )
    _local.store = (store, os.getpid(), _generation)
    if cfg.get("SEED") and (os.getpid(), _generation) not in _seeded:
        # Once per process and settings (a threaded server opens a handle per thread); the ledger itself
        # answers "duplicate" to every process after the first.
        seed(store)
        _seeded.add((os.getpid(), _generation))
    return store


def seed(store: Optional[backorder.Store] = None, *, now: Any = None) -> List[backorder.ApplyResult]:
    """Applies ``CATALOG`` and ``STOCK`` to the ledger as one ``catalog`` event whose id is their hash:
    the same facts are applied once, changed facts again."""
    store = store or get_store()
    body = {"items": catalog(), "stock": stock()}
    digest = hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()
    event = {"id": f"catalog-{digest[:32]}", "type": "catalog", "at": now or current(), **body}
    return store.apply(event)


def _rows(key: str, member: str) -> List[Dict[str, Any]]:
    value = config().get(key)
    if value is None:
        return []
    if isinstance(value, str) and not value.endswith(".json") and os.sep not in value and "." in value:
        value = import_string(value)
    if callable(value):
        return _unwrap(value(), key, member)
    if isinstance(value, (str, os.PathLike)):
        path = os.fspath(value)
        with _lock:
            cached = _cache.get(key)
            if cached is None:
                with open(path, encoding="utf-8") as f:
                    cached = _cache[key] = _unwrap(json.load(f), key, member)
        return cached
    return _unwrap(value, key, member)


def _unwrap(value: Any, key: str, member: str) -> List[Dict[str, Any]]:
    if isinstance(value, Mapping) and member in value:
        value = value[member]
    if isinstance(value, (str, bytes)) or not hasattr(value, "__iter__"):
        raise ImproperlyConfigured(f'BACKORDER["{key}"] must give a list of dicts (or {{"{member}": [...]}})')
    return [dict(v) for v in value]


def catalog() -> List[Dict[str, Any]]:
    """The items of ``BACKORDER["CATALOG"]`` (docs/json.md item rows), in order; ``[]`` when not set."""
    return _rows("CATALOG", "items")


def stock() -> List[Dict[str, Any]]:
    """The stock rows of ``BACKORDER["STOCK"]``; ``[]`` when not set."""
    return _rows("STOCK", "stock")


def item(sku: str) -> Optional[Dict[str, Any]]:
    """The catalog item with this sku, or None."""
    for i in catalog():
        if i.get("sku") == sku:
            return i
    return None


def stock_of(sku: str) -> Optional[Dict[str, Any]]:
    for s in stock():
        if s.get("sku") == sku:
            return s
    return None


def current() -> _dt.datetime:
    """The moment pages are computed at: ``BACKORDER["NOW"]`` when set (an ISO 8601 string with an offset, an
    aware datetime, or a callable answering either), else the clock. Demos and tests pin it."""
    value: Any = config().get("NOW")
    if callable(value):
        value = value()
    if value is None or value == "":
        return _dt.datetime.now(_dt.timezone.utc)
    if isinstance(value, str):
        try:
            value = _dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError as e:
            raise ImproperlyConfigured(f'BACKORDER["NOW"]: not an ISO 8601 moment: {value!r}') from e
    if not isinstance(value, _dt.datetime) or value.tzinfo is None or value.utcoffset() is None:
        raise ImproperlyConfigured('BACKORDER["NOW"] must be an aware datetime or ISO 8601 with an offset')
    return value


# `now` is the public name (backorder_django.now()); `current` reads better inside the package.
now: Callable[[], _dt.datetime] = current


def locale() -> Optional[str]:
    """``BACKORDER["LOCALE"]``, or None for the policy's."""
    return config().get("LOCALE") or None


def customer(**fields: Any) -> Dict[str, Any]:
    """The checkout's customer: ``BACKORDER["CUSTOMER"]`` with ``LOCALE``, then ``fields`` over them."""
    c: Dict[str, Any] = {}
    if locale():
        c["locale"] = locale()
    c.update(config().get("CUSTOMER") or {})
    c.update({k: v for k, v in fields.items() if v is not None})
    return c


def reset() -> None:
    """Forgets the engine, the files read and every thread's ledger handle (each is replaced on its next use).
    Called when ``settings.BACKORDER`` changes."""
    global _engine, _generation
    with _lock:
        _engine = None
        _generation += 1
        _cache.clear()


@receiver(setting_changed)
def _on_setting_changed(setting: str, **_: Any) -> None:
    if setting == "BACKORDER":
        reset()
