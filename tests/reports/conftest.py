import pytest  # noqa: E402

from tests.celery_worker import real_worker  # noqa: F401


@pytest.fixture
def committing(django_capture_on_commit_callbacks):
    """Call a function as if its transaction committed, so what it queues on commit runs
    (eagerly) before the function returns."""

    def run(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return run
