"""Backorder for Django: the engine built once from ``settings.BACKORDER``, template tags and filters for the
availability label and its schema.org JSON-LD, a checkout helper over the ledger, and the merchant feed command.

    INSTALLED_APPS = [..., "backorder_django"]
    BACKORDER = {"POLICY": BASE_DIR / "policy.json", "STORE": "sqlite:/var/lib/shop/ledger.db",
                 "SECRET": os.environ["BACKORDER_SECRET"], "CATALOG": "shop.catalog.items"}

    {% load backorder %}
    {% backorder_label product as label %}
    {% backorder_availability label %}   {% backorder_jsonld label product %}

See plugins/django/README.md. Importing this package does not import Django; its parts do.
"""

from typing import Any

__all__ = ["get_engine", "get_store", "now", "catalog", "stock", "reset"]


def __getattr__(name: str) -> Any:  # PEP 562: the settings-backed helpers, imported when first asked for
    if name in __all__:
        from . import conf

        return getattr(conf, name)
    raise AttributeError(f"module 'backorder_django' has no attribute {name!r}")
