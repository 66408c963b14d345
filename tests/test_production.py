"""The production configuration (IMROC_PRODUCTION=true) as the Docker image and a load
balancer use it, each in a subprocess of its own so its settings are the real ones."""

import json
import os
import subprocess
import sys

from django.conf import settings

PROBE = """
import django, json
django.setup()
from django.test import Client
client = Client()
health = client.get("/healthz", HTTP_HOST="10.0.0.7")  # a balancer probes by address
page = client.get("/accounts/login/", HTTP_HOST="imroc.example.nhs.uk")
print(json.dumps({"status": health.status_code, "body": health.json(),
                  "page": page.status_code, "location": page.get("Location", "")}))
"""


def production_env(tmp_path, **extra) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "DEBUG", "DJANGO_SETTINGS_MODULE"}
    }
    return {
        **env,
        "IMROC_PRODUCTION": "true",
        "SECRET_KEY": "production-test-key-" + "k" * 50,
        "ALLOWED_HOSTS": "imroc.example.nhs.uk",
        "IMROC_VAR_DIR": str(tmp_path / "var"),
        "STATIC_ROOT": str(tmp_path / "static"),
        "DJANGO_SETTINGS_MODULE": "imroc.settings",
        **extra,
    }


def run(command, env) -> subprocess.CompletedProcess:
    return subprocess.run(
        command, env=env, cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=300
    )


def test_collectstatic_builds_the_production_static_files(tmp_path):
    """What the Dockerfile runs: every static file, compressed and in the manifest (a
    missing file a stylesheet or script refers to fails the build)."""
    done = run(
        [sys.executable, "manage.py", "collectstatic", "--no-input"], production_env(tmp_path)
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert (tmp_path / "static" / "staticfiles.json").exists()


def test_healthz_answers_a_plain_http_probe_with_the_database_and_broker_state(tmp_path):
    done = run([sys.executable, "-c", PROBE], production_env(tmp_path))
    assert done.returncode == 0, done.stderr[-3000:]
    probe = json.loads(done.stdout.strip().splitlines()[-1])
    assert probe["status"] == 200
    assert probe["body"]["database"] == "ok"
    assert probe["body"]["broker"] in {"ok", "unreachable"}
    assert probe["page"] == 301 and probe["location"].startswith("https://")  # pages still redirect


def test_healthz_says_503_when_the_database_is_unreachable(tmp_path):
    env = production_env(tmp_path, DATABASE_URL="postgres://postgres@127.0.0.1:1/nothing")
    done = run([sys.executable, "-c", PROBE.replace("page = client.get", "page = health #")], env)
    assert done.returncode == 0, done.stderr[-3000:]
    probe = json.loads(done.stdout.strip().splitlines()[-1])
    assert probe["status"] == 503
    assert probe["body"] == {
        "status": "error",
        "database": "unreachable",
        "broker": probe["body"]["broker"],
        "cache": "local",
    }
