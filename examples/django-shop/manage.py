#!/usr/bin/env python3
"""The Django demo shop (README.md):

    PYTHONPATH=build/dev/python /usr/bin/python3 examples/django-shop/manage.py runserver 127.0.0.1:8000
"""
import os
import sys


def main() -> None:
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path.insert(0, here)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")
    try:
        import backorder  # noqa: F401
    except ImportError:
        # Run from a checkout without PYTHONPATH: the build tree's package (bash scripts/build.sh dev).
        build = os.path.join(here, "..", "..", "build", "dev", "python")
        if not os.path.isdir(os.path.join(build, "backorder")):
            sys.exit("backorder is not importable: build it (bash scripts/build.sh dev) and set "
                     "PYTHONPATH=build/dev/python, or install the wheel")
        sys.path.insert(1, os.path.abspath(build))
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
