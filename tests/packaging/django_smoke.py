"""The Django app as installed (a wheel in a venv, or `cmake --install`): imported from there, it renders the
label and its JSON-LD with Debian's Django and exports the merchant feed (tests/packaging/smoke.sh and
install_test.sh).

    python django_smoke.py PREFIX POLICY CATALOG STOCK
"""

import io
import json
import re
import sys

prefix, policy, catalog, stock = sys.argv[1:5]

import backorder  # noqa: E402
import backorder_django  # noqa: E402

for module in (backorder, backorder_django):
    assert module.__file__.startswith(prefix), f"{module.__name__} from {module.__file__}, not {prefix}"

import django  # noqa: E402
from django.conf import settings  # noqa: E402

settings.configure(
    INSTALLED_APPS=["backorder_django"],
    TEMPLATES=[{"BACKEND": "django.template.backends.django.DjangoTemplates", "APP_DIRS": True}],
    BACKORDER={"POLICY": policy, "CATALOG": catalog, "STOCK": stock, "NOW": "2026-11-30T09:00:00-05:00"},
)
django.setup()

from django.core.management import call_command  # noqa: E402
from django.template import engines  # noqa: E402

call_command("check", stdout=io.StringIO())
html = engines["django"].from_string(
    '{% load backorder %}{% backorder_availability "JKT-NAVY-M" %}{% backorder_jsonld "JKT-NAVY-M" %}').render({})
text = re.search(r">([^<]*)</span>", html).group(1)
offer = json.loads(re.search(r'application/ld\+json">(.*)</script>', html).group(1))["offers"]
assert offer["availability"] == "https://schema.org/BackOrder", offer
out = io.StringIO()
call_command("backorder_feed", stdout=out)
row = dict(zip(*[line.split("\t") for line in out.getvalue().splitlines()[:2]]))
assert row["availability"] == "backorder" and row["availability_date"] == offer["availabilityStarts"], row
print(f"{text} | {offer['availabilityStarts']}")
