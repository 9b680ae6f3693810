"""The test run's own Neo4j: one server per ``pytest`` run, started by scripts/neo4j-local in
the background as soon as the collection shows a test needs it, shared by all those tests,
stopped when the run ends.

Under pytest-xdist every worker sees the same collection; the first to claim the run folder
starts the server, the worker that runs the Neo4j tests (one xdist_group, so one database
user at a time) waits for it, and the controller stops it. Without xdist the one process
does all three.

The start itself runs in a process of its own (this file run as a script): it makes up a
password full of shell quoting, gives it to scripts/neo4j-local through the environment
only, and meanwhile reads every process's command line for it, so that
tests/test_neo4j_safety.py can check the password never showed on one. It also picks the
Bolt port, so a test that restarts the server gets it back on the same port.
"""

from __future__ import annotations

import json
import os
import secrets
import shlex
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "neo4j-local"
EMPTY = "MATCH (n) DETACH DELETE n"  # a test database emptied between tests (and after the warm-up)
START_TIMEOUT = 900  # the first start on a machine fetches Neo4j through Maven
# A test server lives a few minutes and runs small queries once each: C2's optimised code
# never pays back its compile time there (about a third of the JVM's CPU in a full run), and
# neither does Cypher compiling expressions to bytecode. One collector thread is enough for
# a 512 MB heap. Every test empties the database and fills it again, so Cypher would plan
# its queries over and over as the counts swing (planning is half the server's work in a
# run): a plan is kept for the run. Set either variable to "" for Neo4j's own defaults.
TEST_JAVA_OPTS = "-XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=240m -XX:+UseSerialGC"
# Each start loads and verifies Neo4j's classes, 2 to 3 of its 7 CPU-seconds: from a
# class-data-sharing archive of them (made by the first test server to stop on the machine,
# kept in Neo4j's cache) it maps them instead. "" (or "off") starts without one.
TEST_CDS = "on"
TEST_SETTINGS = ";".join(
    [
        "internal.cypher.expression_engine=INTERPRETED",
        "dbms.cypher.min_replan_interval=1h",
        "dbms.cypher.statistics_divergence_threshold=1.0",
        # A stop waits this long for open transactions (10 s by default): the restart test
        # stops the server with a write held open, and it need not wait for that to end.
        "db.shutdown_transaction_end_timeout=1s",
    ]
)


def server_env(**env: str) -> dict:
    """os.environ for scripts/neo4j-local with the test server's JVM options and settings
    (unless the caller's environment chose its own), then ``env`` on top."""
    full = dict(os.environ)
    full.setdefault("GRAPHBUILD_NEO4J_JAVA_OPTS", TEST_JAVA_OPTS)
    full.setdefault("GRAPHBUILD_NEO4J_SETTINGS", TEST_SETTINGS)
    full.setdefault("GRAPHBUILD_NEO4J_CDS", TEST_CDS)
    return {**full, **env}


def parse_env(stdout: str) -> dict:
    """The NEO4J_* assignments scripts/neo4j-local prints (values shell-quoted)."""
    out = {}
    for line in stdout.splitlines():
        if "=" in line:
            key, value = line.split("=", 1)
            out[key] = shlex.split(value)[0] if value else ""
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LocalServer:
    """The run's server, kept in ``root`` (a folder every xdist worker of the run shares)."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self.run_dir = self.root / "neo4j-run"
        self.claim = self.root / "neo4j.claim"
        self.result = self.root / "neo4j.json"
        self._proc: subprocess.Popen | None = None
        self.outcome: dict = {}

    def start_in_background(self, after: LocalServer | None = None) -> None:
        """Start the server unless some process of this run already did; returns at once.
        With ``after``, the start waits until that server's start is over (two JVMs
        starting at once on two cores each take twice as long)."""
        self.root.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(self.claim, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            return
        self._proc = subprocess.Popen(
            [sys.executable, __file__, str(self.root), *([str(after.result)] if after else [])],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # a Ctrl-C of pytest does not cut a start in half; stop() ends it
        )
        with os.fdopen(fd, "w") as f:
            f.write(str(self._proc.pid))

    def wait(self, timeout: float = START_TIMEOUT) -> dict:
        """The start's outcome: returncode, stderr, env (NEO4J_*), password, seen, run."""
        self.start_in_background()
        deadline = time.monotonic() + timeout
        while not self.result.exists():
            if self._starter_gone() and not self.result.exists():
                raise RuntimeError(f"the Neo4j start of {self.root} ended without a result")
            if time.monotonic() > deadline:
                raise RuntimeError(f"no Neo4j from {self.root} within {timeout}s")
            time.sleep(0.1)
        return json.loads(self.result.read_text())

    def _starter_gone(self) -> bool:
        if self._proc is not None:
            return self._proc.poll() is not None
        try:
            pid = int(self.claim.read_text() or 0)
        except (OSError, ValueError):
            return False
        if not pid:
            return False  # the claimer has not written it yet
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        return Path(f"/proc/{pid}/stat").read_text().split()[2] == "Z"

    def ctl(self, command: str, **env: str) -> subprocess.CompletedProcess:
        """scripts/neo4j-local COMMAND on this run folder (``env`` on top of os.environ)."""
        full = server_env(GRAPHBUILD_NEO4J_RUN=str(self.run_dir), **env)
        full.pop("NEO4J_PASSWORD", None)  # the run folder keeps its own
        return subprocess.run([str(SCRIPT), command], env=full, capture_output=True, text=True, timeout=START_TIMEOUT)

    def stop(self) -> None:
        """Stop the server if this run started one (waits for a start still under way)."""
        if not self.claim.exists():
            return
        try:
            self.wait()
        except RuntimeError:
            pass
        self.ctl("stop")


def _watched_start(root: Path) -> dict:
    run = root / "neo4j-run"
    password = 'Cmd-"line\\ secret-' + secrets.token_urlsafe(12)
    env = server_env(GRAPHBUILD_NEO4J_RUN=str(run), NEO4J_PASSWORD=password)
    env.setdefault("GRAPHBUILD_NEO4J_PORT", str(free_port()))
    # Browser on a port of its own too, not 7474: the restart in the fault tests asks for the
    # same ports again, and 7474 is the one another run or a user's server takes meanwhile.
    env.setdefault("GRAPHBUILD_NEO4J_HTTP_PORT", str(free_port()))
    env.pop("NEO4J_URI", None)
    seen: list[str] = []
    done = threading.Event()

    def watch():
        secret = password.encode()
        while not done.is_set():
            for pid in os.listdir("/proc"):
                if pid.isdigit():
                    try:
                        with open(f"/proc/{pid}/cmdline", "rb") as f:
                            cmdline = f.read()
                    except OSError:
                        continue
                    if secret in cmdline:
                        seen.append(cmdline.decode("utf-8", "replace"))
            # Every process the start makes lives for seconds (the JVMs); a scan costs a few
            # ms of CPU, so scanning more often only takes it from the server starting.
            time.sleep(0.05)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        r = subprocess.run([str(SCRIPT), "start"], env=env, capture_output=True, text=True, timeout=START_TIMEOUT)
        code, out, err = r.returncode, r.stdout, r.stderr
    except subprocess.TimeoutExpired as exc:
        code, out, err = -1, "", f"scripts/neo4j-local start took over {exc.timeout}s"
    finally:
        done.set()
        watcher.join()
    return {
        "returncode": code,
        "stderr": err[-3000:],
        "env": parse_env(out),
        "password": password,
        "seen": seen[:1],
        "run": str(run),
    }


def _warm(root: Path, env: dict) -> str:
    """The cold server's first plans (tests/neo4jwarm.py), paid here, before any test waits.
    Returns "" or what went wrong (kept in the result file; the tests then meet a cold server)."""
    sys.path.insert(0, str(ROOT))
    try:
        from tests.neo4jwarm import warm

        warm(env, root)
    except Exception as exc:  # a warm-up is no test: the tests still run on the server
        return f"{type(exc).__name__}: {exc}"[-3000:]
    return ""


if __name__ == "__main__":
    root = Path(sys.argv[1])
    if len(sys.argv) > 2:  # another server's result: wait for it (a failed start writes one too)
        deadline = time.monotonic() + START_TIMEOUT
        while not Path(sys.argv[2]).exists() and time.monotonic() < deadline:
            time.sleep(0.1)
    outcome = _watched_start(root)
    if outcome["returncode"] == 0:
        outcome["warm"] = _warm(root, outcome["env"])
    tmp = root / "neo4j.json.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        json.dump(outcome, f)
    os.replace(tmp, root / "neo4j.json")
