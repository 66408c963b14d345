"""Start the test OpenID provider (tests/oidc_provider) as a subprocess on a free port: its
own SQLite file, signing key, people and clients (``manage.py seed``)."""

import os
import socket
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import requests

HERE = Path(__file__).resolve().parent
MANAGE = HERE / "manage.py"


@dataclass
class RunningProvider:
    url: str  # e.g. http://127.0.0.1:PORT
    database: Path
    process: subprocess.Popen

    @property
    def discovery_url(self) -> str:
        return f"{self.url}/openid/.well-known/openid-configuration"

    def allow_redirects(self, *uris: str) -> None:
        """Where the clients may send people back to (the app's callback, its sign-in page)."""
        with sqlite3.connect(self.database) as db:
            db.execute(
                "UPDATE oidc_provider_client SET _redirect_uris = ?, "
                "_post_logout_redirect_uris = ?",
                ("\n".join(uris), "\n".join(uris)),
            )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(folder: Path) -> RunningProvider:
    env = {**os.environ, "OIDC_PROVIDER_DB": str(folder / "provider.sqlite3")}
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    for command in (["migrate", "-v0"], ["seed"]):
        subprocess.run(
            [sys.executable, str(MANAGE), *command], env=env, check=True, capture_output=True
        )
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, str(MANAGE), "runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    running = RunningProvider(f"http://127.0.0.1:{port}", folder / "provider.sqlite3", process)
    for _ in range(300):
        try:
            if requests.get(running.discovery_url, timeout=1).ok:
                return running
        except requests.ConnectionError:
            time.sleep(0.1)
    process.terminate()
    raise RuntimeError("the test OpenID provider did not start")
