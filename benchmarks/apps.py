from django.apps import AppConfig


class BenchmarksConfig(AppConfig):
    """The programme-scale data generator and the benchmark (no models, no URLs)."""

    name = "benchmarks"
    verbose_name = "Benchmarks"
