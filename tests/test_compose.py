"""docker-compose.yml as an operator runs it (read as text: there is no Docker engine in CI).
Only the reverse proxy publishes a port and it sets X-Forwarded-For itself, so nobody reaches
gunicorn directly to choose their own address; reminders have a worker of their own."""

import re
from pathlib import Path

from django.conf import settings

COMPOSE = Path(settings.BASE_DIR) / "docker-compose.yml"


def services() -> dict[str, str]:
    """Each service's block of the compose file, by name."""
    text = COMPOSE.read_text().split("\nservices:\n", 1)[1].split("\nvolumes:\n")[0]
    parts = re.split(r"^  ([\w-]+):\n", text, flags=re.MULTILINE)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_only_the_reverse_proxy_publishes_a_port():
    blocks = services()
    published = [name for name, block in blocks.items() if re.search(r"^    ports:", block, re.M)]
    assert published == ["proxy"]
    assert "./deploy/nginx.conf:/etc/nginx/conf.d/default.conf" in blocks["proxy"]
    assert '"8000:8000"' not in COMPOSE.read_text()


def test_the_proxy_replaces_the_clients_forwarded_for_and_the_app_trusts_one_proxy():
    conf = (Path(settings.BASE_DIR) / "deploy" / "nginx.conf").read_text()
    directives = [line.split("#")[0].strip() for line in conf.splitlines()]
    forwarded = [d for d in directives if "X-Forwarded-For" in d]
    assert forwarded and all(d.endswith("X-Forwarded-For $remote_addr;") for d in forwarded)
    assert "$proxy_add_x_forwarded_for" not in "\n".join(directives)
    assert all("proxy_pass http://web:8000;" == d for d in directives if "proxy_pass" in d)
    assert 'IMROC_TRUSTED_PROXIES: "1"' in COMPOSE.read_text()


def test_reminders_and_reports_have_a_worker_each():
    blocks = services()
    assert '"-Q", "celery"' in blocks["worker"]
    assert f'"-Q", "{settings.IMROC_NOTICES_QUEUE}"' in blocks["notices-worker"]
