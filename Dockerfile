FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
RUN apt-get update && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
# collectstatic in production mode is what tests/test_production.py runs in CI.
RUN pip install --no-cache-dir . \
    && IMROC_PRODUCTION=true SECRET_KEY=build-only-secret-key-build-only-secret-key-build ALLOWED_HOSTS=build \
       python manage.py collectstatic --no-input
RUN useradd --create-home imroc && mkdir -p /app/var && chown imroc /app/var
USER imroc
EXPOSE 8000
CMD ["gunicorn", "imroc.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "2"]
