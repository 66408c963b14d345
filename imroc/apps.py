from django.apps import AppConfig


class ImrocConfig(AppConfig):
    """The project's own plumbing that must be in place before any query (no models)."""

    name = "imroc"

    def ready(self) -> None:
        from . import lookups  # noqa: F401  (registers the integer "in" lookup)
