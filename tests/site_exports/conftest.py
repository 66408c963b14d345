from tests.celery_worker import real_worker  # noqa: F401
