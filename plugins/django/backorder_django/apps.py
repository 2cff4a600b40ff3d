from django.apps import AppConfig


class BackorderConfig(AppConfig):
    """``INSTALLED_APPS = ["backorder_django"]``: the ``backorder`` template library, the ``backorder_feed``
    command and a system check of ``settings.BACKORDER`` (``manage.py check``)."""

    name = "backorder_django"
    label = "backorder_django"
    verbose_name = "Backorder"
    default = True

    def ready(self) -> None:
        from . import checks, conf  # noqa: F401  (registers the check and the settings-change hook)
