"""``manage.py backorder_feed``: the merchant feed of the catalog, with each item's availability and
availability_date as the product pages show them (plugins/django/README.md)."""

from __future__ import annotations

import datetime as _dt
import os
import tempfile
from typing import Any

import backorder
from django.core.management.base import BaseCommand, CommandError, CommandParser

from ... import conf, feed


class Command(BaseCommand):
    help = ("Exports the merchant feed (Google Merchant Center): per catalog item its id, title, price, "
            "availability and availability_date, from the labels the shop shows.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--format", choices=feed.FORMATS, default="tsv",
                            help="tsv (Merchant Center's tab-separated file), xml (RSS 2.0 with g: fields) or json")
        parser.add_argument("--output", "-o", default="-",
                            help="the file to write (replaced atomically); - for standard output (default)")
        parser.add_argument("--now", help='the moment (ISO 8601 with offset); default BACKORDER["NOW"] or the clock')
        parser.add_argument("--locale", help="the locale of the labels behind the feed (default: the policy's)")
        parser.add_argument("--link", help="each item's page, with {sku} for the sku: https://shop.example/p/{sku}")
        parser.add_argument("--title", help="the feed's title (default: the policy's shop)")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            now: Any = conf.current()
            if options["now"]:
                now = _dt.datetime.fromisoformat(options["now"].replace("Z", "+00:00"))
                if now.tzinfo is None:
                    raise CommandError("--now needs an offset: 2026-11-30T09:00:00-05:00")
            rows = feed.rows(now=now, locale=options["locale"], link=options["link"])
            title = options["title"] or conf.get_engine().shop
            text = feed.render(rows, options["format"], title=title, now=now)
        except ValueError as e:  # backorder.Error is a ValueError too: its path says which value
            raise CommandError(str(e)) from e
        if options["output"] == "-":
            self.stdout.write(text, ending="")
            return
        target = os.path.abspath(options["output"])
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(target), prefix=".backorder-feed-")
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
                f.write(text)
            os.replace(tmp, target)
        except BaseException:
            os.unlink(tmp)
            raise
        self.stderr.write(f"backorder_feed: {len(rows)} items to {options['output']}")
