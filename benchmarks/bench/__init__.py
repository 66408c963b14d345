"""The benchmark: pages in-process, load on gunicorn, reports on a real Celery worker."""
