"""Real servers the production tests start on loopback ports: Redis, Varnish.

When a server's program is missing the test skips with what to install,
unless $REQUIRE_SERVICES is set (CI sets it), in which case it fails.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
import redis


def require_program(name: str, package: str) -> str:
    """The path of ``name``; skip (or fail under $REQUIRE_SERVICES) without it."""
    path = shutil.which(name) or next(
        (
            str(p)
            for p in (Path("/usr/sbin") / name, Path("/usr/bin") / name)
            if p.exists()
        ),
        None,
    )
    if path:
        return path
    message = f"{name} not found: install it (apt-get install {package})"
    if os.environ.get("REQUIRE_SERVICES"):
        pytest.fail(message)
    pytest.skip(message)


def free_port(kind: str = "") -> int:
    """A TCP port on 127.0.0.1 nothing listens on right now: from the range
    ``RC_TEST_PORTS`` gives for ``kind`` (e.g. "server=8151-8159,
    redis=6381-6389,varnish=6081-6089,source=8181-8189", for a machine whose
    ports are shared out), else any the system gives.

    Under pytest-xdist each worker takes every n-th port of a range (gw0 the
    first, gw1 the second...): a port is only checked here and bound later,
    so two workers must never be offered the same one.
    """
    ranges = dict(
        part.strip().split("=", 1)
        for part in os.environ.get("RC_TEST_PORTS", "").split(",")
        if "=" in part
    )
    if kind in ranges:
        first, last = (int(port) for port in ranges[kind].split("-"))
        worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw"))
        workers = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
        for port in range(first + worker, last + 1, workers):
            with socket.socket() as sock:
                # As the servers bind: a port still in TIME_WAIT is free.
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                try:
                    sock.bind(("127.0.0.1", port))
                except OSError:
                    continue
                return port
        raise OSError(f"No free port in {ranges[kind]} for {kind}.")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, timeout: float = 15.0) -> None:
    """Return once something accepts connections on 127.0.0.1:``port``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(f"nothing listens on 127.0.0.1:{port} after {timeout}s")


class RedisServer:
    """A throwaway redis-server on a loopback port, without persistence."""

    def __init__(self, port: int | None = None) -> None:
        self.program = require_program("redis-server", "redis-server")
        self.port = port or free_port("redis")
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                self.program,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                tempfile.gettempdir(),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self._wait_for_own_server()

    def _wait_for_own_server(self, timeout: float = 15.0) -> None:
        """Return once this process's redis-server answers on the port.

        Not just anything on the port: when another server (another worker's,
        another suite's) already holds it, ours exits, and a test stopping or
        freezing "its" server would leave that one answering.
        """
        deadline = time.monotonic() + timeout
        with redis.Redis(port=self.port, socket_timeout=1) as client:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    raise OSError(
                        f"redis-server exited ({self.process.returncode}): is "
                        f"port {self.port} taken by another server?"
                    )
                try:
                    if client.info("server")["process_id"] == self.process.pid:
                        return
                except redis.RedisError:
                    pass
                time.sleep(0.05)
        raise TimeoutError(f"redis-server did not answer on port {self.port}")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


ROOT = Path(__file__).resolve().parent.parent


def database_url(settings_dict: dict) -> str:
    """A DATABASE_URL for the test database this process uses (PostgreSQL),
    so a server in another process sees what the test commits."""
    user = settings_dict.get("USER") or ""
    password = settings_dict.get("PASSWORD") or ""
    auth = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or 5432
    return f"postgres://{auth}{host}:{port}/{settings_dict['NAME']}"


class Gunicorn:
    """gunicorn serving ``tests.server_settings`` on a loopback port."""

    def __init__(
        self,
        env: dict[str, str],
        workers: int = 2,
        port: int | None = None,
        args: tuple[str, ...] = (),
    ) -> None:
        self.port = port or free_port("server")
        self.env = env
        self.workers = workers
        self.args = args
        self.process: subprocess.Popen | None = None
        self.log = tempfile.NamedTemporaryFile(  # noqa: SIM115
            prefix="gunicorn-", suffix=".log", delete=False
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        env = {
            **os.environ,
            **self.env,
            "DJANGO_SETTINGS_MODULE": "tests.server_settings",
            "PYTHONPATH": str(ROOT),
        }
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "django.core.wsgi:get_wsgi_application()",
                "--workers",
                str(self.workers),
                "--bind",
                f"127.0.0.1:{self.port}",
                *self.args,
            ],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_for_port(self.port, timeout=30)
        except TimeoutError:
            self.stop()
            raise RuntimeError(
                "gunicorn did not start: " + Path(self.log.name).read_text()[-2000:]
            ) from None

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=30)
            self.process = None


VCL = """vcl 4.1;

backend default {
    .host = "127.0.0.1";
    .port = "%(backend_port)d";
}

acl purgers {
    "127.0.0.1";
    "localhost";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "PURGE only from localhost"));
        }
        return (purge);
    }
}

sub vcl_backend_response {
    # Keep every page until it is purged, so a stale page would show.
    if (beresp.status == 200) {
        set beresp.ttl = 1h;
    }
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
"""


class Varnish:
    """Debian's varnishd on a loopback port in front of ``backend_port``,
    accepting PURGE from localhost."""

    def __init__(self, backend_port: int) -> None:
        self.program = require_program("varnishd", "varnish")
        self.port = free_port("varnish")
        self.backend_port = backend_port
        self.workdir = Path(tempfile.mkdtemp(prefix="varnish-"))
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        vcl = self.workdir / "default.vcl"
        vcl.write_text(VCL % {"backend_port": self.backend_port})
        self.workdir.chmod(0o755)
        vcl.chmod(0o644)
        self.process = subprocess.Popen(
            [
                self.program,
                "-F",  # foreground: this process is varnishd's manager
                "-n",
                str(self.workdir / "instance"),
                "-a",
                f"127.0.0.1:{self.port}",
                "-f",
                str(vcl),
                "-s",
                "malloc,32m",
                "-T",
                "none",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            wait_for_port(self.port, timeout=30)
        except TimeoutError:
            self.process.kill()
            raise RuntimeError(
                "varnishd did not start: " + self.process.stderr.read().decode()
            ) from None

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=30)
            self.process = None
        shutil.rmtree(self.workdir, ignore_errors=True)
