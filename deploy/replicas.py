"""N `streamlit run app.py` replicas behind HAProxy on one machine, sharing one read-only database.

    python deploy/replicas.py --replicas 2 --port 8501      # or: make serve-replicas N=2

Builds the database once, starts the replicas on loopback ports (port+100, port+101, …), each opening that
database read-only, writes their `server` lines next to deploy/haproxy.cfg and runs `haproxy` in the
foreground until Ctrl-C; then stops everything it started. The same class drives the replica test and
`bench/load_test.py --replicas`.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONFIG = Path(__file__).resolve().parent / "haproxy.cfg"
COOKIE = "CONFLICTDESK_REPLICA"


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def haproxy_binary() -> str:
    """The haproxy executable; RuntimeError saying how to install it when there is none."""
    found = shutil.which("haproxy") or next((p for p in ("/usr/sbin/haproxy",) if os.access(p, os.X_OK)), None)
    if not found:
        raise RuntimeError(
            "haproxy is not installed. On Debian or Ubuntu: `apt-get install -y haproxy` (as root), "
            "or run `sh scripts/ensure_haproxy.sh`."
        )
    return found


def server_lines(ports: list[int], host: str = "127.0.0.1") -> str:
    """The backend's `server` lines: replica rN on each port, its name also its affinity cookie value."""
    return "".join(f"    server r{i} {host}:{port} cookie r{i}\n" for i, port in enumerate(ports, start=1))


def haproxy_config(ports: list[int], host: str = "127.0.0.1") -> str:
    """deploy/haproxy.cfg with a `server` line per replica appended to its last section (the backend)."""
    return CONFIG.read_text(encoding="utf-8").rstrip("\n") + "\n" + server_lines(ports, host)


def wait_healthy(url: str, process: subprocess.Popen | None = None, timeout: float = 90, log=None) -> None:
    """Block until `url`/_stcore/health answers 200; RuntimeError if the process exits or time runs out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            tail = log() if log else ""
            raise RuntimeError(f"{process.args[0]} exited with code {process.returncode}: {tail[-2000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not become healthy within {timeout:.0f} s")


def build_command_available() -> bool:
    """Whether `python -m conflictdesk build` exists in this checkout (it writes the shared database)."""
    result = subprocess.run(
        [sys.executable, "-m", "conflictdesk", "build", "--help"], cwd=ROOT, capture_output=True, timeout=60
    )
    return result.returncode == 0


def prepare_database(workdir: Path, env: dict) -> dict:
    """Build the data once; return the environment that makes every replica open it read-only.

    With `python -m conflictdesk build` this is one file named by $CONFLICTDESK_DB. Otherwise the app's
    own cache folder is filled once, before any replica starts, and shared: a replica finding a valid
    cached database opens it read-only, so none of them builds or writes anything.
    """
    data = env.get("CONFLICTDESK_DATA") or str(ROOT / "data")
    if build_command_available():
        database = workdir / "conflictdesk.duckdb"
        subprocess.run(
            [sys.executable, "-m", "conflictdesk", "build", "--out", str(database), data],
            cwd=ROOT, env=env, check=True, capture_output=True, timeout=1800,
        )
        return {"CONFLICTDESK_DB": str(database)}
    cache = workdir / "cache"
    code = "from pathlib import Path; import sys; from conflictdesk.cache import open_data; open_data(Path(sys.argv[1])).close()"
    subprocess.run(
        [sys.executable, "-c", code, data], cwd=ROOT, env={**env, "CONFLICTDESK_CACHE": str(cache)},
        check=True, capture_output=True, timeout=1800,
    )
    return {"CONFLICTDESK_CACHE": str(cache)}


class Process:
    """A child process with its output in a log file."""

    def __init__(self, name: str, command: list[str], env: dict, log_path: Path):
        self.name = name
        self.log_path = log_path
        self._log = open(log_path, "w+")
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True
        )

    def log(self) -> str:
        self._log.flush()
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def alive(self) -> bool:
        return self.process.poll() is None

    def kill(self) -> None:
        """End it at once, as a crash would (SIGKILL: no goodbye to its readers)."""
        if self.alive():
            self.process.kill()
        self.process.wait(timeout=30)

    def stop(self) -> None:
        """End it politely, then by force."""
        if self.alive():
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=15)
        self._log.close()


class Cluster:
    """`replicas` streamlit servers and one haproxy in front of them, all on loopback; use as a context manager.

    `url` is the balancer's address; `replicas[i].url` each replica's own. `workdir` keeps the logs, the
    database and the haproxy.cfg of the run (a temporary folder, removed on exit, unless one is given).
    """

    def __init__(self, replicas: int = 2, port: int | None = None, env: dict | None = None,
                 workdir: Path | None = None, replica_ports: list[int] | None = None,
                 host: str = "127.0.0.1"):
        if replicas < 1:
            raise ValueError("need at least one replica")
        self.count = replicas
        self.host = host
        self.port = port or free_port()
        self.url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '') else host}:{self.port}"
        self.replica_ports = replica_ports or [free_port() for _ in range(replicas)]
        # `env` adds to the environment; a value of None removes that variable (e.g. no password for a test).
        self.env = {name: value for name, value in {**os.environ, **(env or {})}.items() if value is not None}
        self._tmp = None if workdir else tempfile.TemporaryDirectory(prefix="conflictdesk-replicas-")
        self.workdir = Path(workdir or self._tmp.name)
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.replicas: list[Process] = []
        self.haproxy: Process | None = None

    # --- start and stop ----------------------------------------------------------------------------------

    def start(self) -> "Cluster":
        try:
            self._start()
        except BaseException:
            self.stop()
            raise
        return self

    def _start(self) -> None:
        binary = haproxy_binary()
        shared = prepare_database(self.workdir, self.env)
        # One cookie secret for all: a reader moved to another replica keeps a valid XSRF cookie.
        secret = self.env.get("STREAMLIT_SERVER_COOKIE_SECRET") or secrets.token_hex(32)
        env = {**self.env, **shared, "STREAMLIT_SERVER_COOKIE_SECRET": secret}
        for index, port in enumerate(self.replica_ports, start=1):
            command = [
                sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
                "--server.port", str(port), "--server.address", "127.0.0.1",
                "--server.headless", "true", "--browser.gatherUsageStats", "false",
                "--server.fileWatcherType", "none",
            ]
            self.replicas.append(Process(f"r{index}", command, env, self.workdir / f"r{index}.log"))
        for replica, port in zip(self.replicas, self.replica_ports):
            wait_healthy(f"http://127.0.0.1:{port}", replica.process, log=replica.log)
        config = self.workdir / "haproxy.cfg"
        config.write_text(haproxy_config(self.replica_ports), encoding="utf-8")
        bind = f"{self.host}:{self.port}"
        haproxy_env = {**self.env, "CONFLICTDESK_BIND": bind}
        check = subprocess.run([binary, "-c", "-q", "-f", str(config)],
                               env=haproxy_env, capture_output=True, text=True)
        if check.returncode != 0:
            raise RuntimeError(f"haproxy rejected the configuration: {check.stdout}{check.stderr}")
        self.haproxy = Process(
            "haproxy", [binary, "-db", "-f", str(config)], haproxy_env,
            self.workdir / "haproxy.log",
        )
        wait_healthy(self.url, self.haproxy.process, timeout=30, log=self.haproxy.log)

    def replica(self, name: str) -> Process:
        """The replica named rN (the value of its affinity cookie)."""
        return next(r for r in self.replicas if r.name == name)

    def stop(self) -> None:
        """Stop haproxy and every replica (each by its own process id), and remove the temporary folder."""
        for process in ([self.haproxy] if self.haproxy else []) + self.replicas:
            try:
                process.stop()
            except Exception:  # one stuck process must not keep the others running
                pass
        if self._tmp is not None:
            self._tmp.cleanup()

    def __enter__(self) -> "Cluster":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def logs(self) -> dict[str, str]:
        """Every process's log by name."""
        return {p.name: p.log() for p in self.replicas + ([self.haproxy] if self.haproxy else [])}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--replicas", type=int, default=2, help="how many streamlit servers (default 2)")
    parser.add_argument("--port", type=int, default=8501, help="the balancer's port (default 8501)")
    parser.add_argument("--host", default="127.0.0.1", help="the balancer's address (0.0.0.0 for every interface)")
    parser.add_argument("--workdir", type=Path, help="keep logs, database and the haproxy.cfg of the run here")
    args = parser.parse_args(argv)
    ports = [args.port + 100 + i for i in range(args.replicas)]
    cluster = Cluster(args.replicas, args.port, workdir=args.workdir, replica_ports=ports, host=args.host)
    stop = False

    def on_signal(*_):
        nonlocal stop
        stop = True

    signal.signal(signal.SIGTERM, on_signal)
    try:
        print(f"Building the database and starting {args.replicas} replicas on ports {ports}…", flush=True)
        cluster.start()
        print(f"Conflict Desk: {cluster.url} (HAProxy, {args.replicas} replicas; logs in {cluster.workdir}). "
              "Ctrl-C stops everything.", flush=True)
        while not stop:
            time.sleep(1)
            if cluster.haproxy and not cluster.haproxy.alive():
                print("haproxy exited:\n" + cluster.haproxy.log()[-2000:], file=sys.stderr)
                return 1
            for replica in cluster.replicas:
                if not replica.alive():
                    print(f"replica {replica.name} exited (HAProxy sends its readers to the others):\n"
                          + replica.log()[-1000:], file=sys.stderr)
                    cluster.replicas.remove(replica)
                    replica.stop()
                    break
    except KeyboardInterrupt:
        pass
    finally:
        cluster.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
