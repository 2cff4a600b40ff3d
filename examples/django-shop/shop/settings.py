"""The demo shop's settings. Everything a test pins comes from the environment (README.md):

    BO_SHOP_NOW      the moment every page is computed at (default: the clock)
    BO_SHOP_DATA     the folder of the SQLite ledger (ledger.db) and the Django key (default: $TMPDIR/backorder-django-shop)
    BO_SHOP_POLICY, BO_SHOP_CATALOG, BO_SHOP_STOCK   the facts (default: examples/apparel/*.json)
    BO_SHOP_SECRET   signs the ledger's manage links (16 bytes or more; default: a demo value)
    BO_SHOP_DEBUG    1 for Django's debug pages
"""

import os
import secrets
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
APPAREL = HERE.parent.parent / "apparel"
DATA = Path(os.environ.get("BO_SHOP_DATA") or Path(tempfile.gettempdir()) / "backorder-django-shop")
DATA.mkdir(parents=True, exist_ok=True, mode=0o700)


def _key() -> str:
    """Django's signing key (it signs the session cookie): made once per data folder, never in the code."""
    path = DATA / "django-secret-key"
    try:
        return path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        key = secrets.token_urlsafe(48)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as f:
            f.write(key)
        return key


SECRET_KEY = os.environ.get("BO_SHOP_DJANGO_KEY") or _key()
DEBUG = os.environ.get("BO_SHOP_DEBUG") == "1"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]

INSTALLED_APPS = ["backorder_django", "shop"]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
ROOT_URLCONF = "shop.urls"
TEMPLATES = [{
    "BACKEND": "django.template.backends.django.DjangoTemplates",
    "APP_DIRS": True,
    "OPTIONS": {"context_processors": ["django.template.context_processors.request",
                                       "django.template.context_processors.csrf",
                                       "shop.views.shop_context"]},
}]
WSGI_APPLICATION = "shop.wsgi.application"

# No Django database: the shop's state is the ledger (backorder.Store on SQLite) and the signed session cookie.
DATABASES = {}
SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

LANGUAGE_CODE = "en-us"
USE_I18N = True
USE_TZ = True
TIME_ZONE = "America/New_York"

BACKORDER = {
    "POLICY": os.environ.get("BO_SHOP_POLICY") or str(APPAREL / "policy.json"),
    "CATALOG": os.environ.get("BO_SHOP_CATALOG") or str(APPAREL / "catalog.json"),
    "STOCK": os.environ.get("BO_SHOP_STOCK") or str(APPAREL / "stock.json"),
    "STORE": "sqlite:" + str(DATA / "ledger.db"),
    "SECRET": os.environ.get("BO_SHOP_SECRET") or "django-shop-demo-secret-not-for-production",
    "NOW": os.environ.get("BO_SHOP_NOW") or None,
    "LOCALE": "en-US",
    "CUSTOMER": {"zone": "US"},
    "SEED": True,
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django.request": {"handlers": ["console"], "level": "ERROR"}},
}
