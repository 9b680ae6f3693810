"""``python -m graphbuild ARGS`` as a real child process, without paying for spaCy each time.

Tests about kills, Ctrl-C and concurrent builds need a build in a process of its own: one
that gets real signals, dies for real and holds real locks. Starting a new interpreter for
each costs seconds of importing spaCy and loading its pipeline. Instead, one launcher
process per test process imports graphbuild and loads the default pipeline once, then
forks a child per build. The child sets up what a fresh ``python -m graphbuild`` would have
(its own standard streams, working folder, environment, session, Ctrl-C as Python's
KeyboardInterrupt) and runs the ``graphbuild`` package as ``__main__`` (so worker processes
it spawns start as they would from the console). The launcher reports each child's exit
status, as :class:`subprocess.Popen` would.

Run as ``python -m tests.forkrun SOCKET``; tests use :func:`spawn`.
"""

from __future__ import annotations

import atexit
import json
import os
import select
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class Child:
    """A forked build: the parts of :class:`subprocess.Popen` the tests use."""

    def __init__(self, conn: socket.socket, stdout: int, stderr: int) -> None:
        self._conn = conn
        self._out, self._err = stdout, stderr
        self.pid = int(_line(conn))
        self.returncode: int | None = None

    def poll(self) -> int | None:
        """The exit code (minus the signal number if a signal ended it), or None while it runs."""
        if self.returncode is None and select.select([self._conn], [], [], 0)[0]:
            self.returncode = int(_line(self._conn))
            self._conn.close()
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        if self.returncode is None:
            if not select.select([self._conn], [], [], timeout)[0]:
                raise subprocess.TimeoutExpired("graphbuild", timeout or 0)
            self.poll()
        assert self.returncode is not None
        return self.returncode

    def send_signal(self, sig: int) -> None:
        if self.poll() is None:
            os.kill(self.pid, sig)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def communicate(self, timeout: float | None = None) -> tuple[str, str]:
        """Its standard output and error until both close, then its exit."""
        deadline = None if timeout is None else time.monotonic() + timeout
        got: dict[int, list[bytes]] = {self._out: [], self._err: []}
        readers = [threading.Thread(target=_drain, args=(fd, got[fd]), daemon=True) for fd in got]
        for t in readers:
            t.start()
        for t in readers:
            t.join(None if deadline is None else max(0.0, deadline - time.monotonic()))
            if t.is_alive():
                raise subprocess.TimeoutExpired("graphbuild", timeout or 0)
        self.wait(None if deadline is None else max(0.0, deadline - time.monotonic()))
        return tuple(b"".join(got[fd]).decode("utf-8", "replace") for fd in (self._out, self._err))  # type: ignore[return-value]


def _drain(fd: int, into: list[bytes]) -> None:
    with os.fdopen(fd, "rb", buffering=0) as fh:
        while chunk := fh.read(65536):
            into.append(chunk)


def _line(conn: socket.socket) -> str:
    data = conn.recv(64)
    if not data:
        raise RuntimeError("the graphbuild launcher (tests/forkrun.py) went away")
    return data.decode()


class _Launcher:
    def __init__(self) -> None:
        self.dir = tempfile.mkdtemp(prefix="graphbuild-forkrun-")
        self.path = os.path.join(self.dir, "socket")
        self.log = os.path.join(self.dir, "log")
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        with open(self.log, "wb") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "tests.forkrun", self.path],
                stdin=subprocess.PIPE,
                stdout=log,
                stderr=log,
                cwd=ROOT,
                env=env,
            )
        while not os.path.exists(self.path):  # bound once graphbuild and spaCy are loaded
            if self.proc.poll() is not None:
                with open(self.log, encoding="utf-8", errors="replace") as fh:
                    raise RuntimeError(f"the graphbuild launcher (tests/forkrun.py) failed:\n{fh.read()[-3000:]}")
            time.sleep(0.02)

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()  # the launcher stops at the end of its input
        self.proc.wait(30)
        for name in os.listdir(self.dir):
            os.unlink(os.path.join(self.dir, name))
        os.rmdir(self.dir)


_launcher: _Launcher | None = None


def launcher() -> _Launcher:
    """This test process's launcher, started on first use (it takes a few seconds)."""
    global _launcher
    if _launcher is None or _launcher.proc.poll() is not None:
        if _launcher is None:
            atexit.register(stop)
        _launcher = _Launcher()
    return _launcher


def stop() -> None:
    global _launcher
    if _launcher is not None:
        _launcher.close()
        _launcher = None


def spawn(*args, env: dict | None = None, cwd: str | Path | None = None, start_new_session: bool = False) -> Child:
    """``python -m graphbuild ARGS`` in a child process, with ``env`` as its whole
    environment (default: this one), stdin from /dev/null and stdout and stderr piped."""
    request = {
        "args": [str(a) for a in args],
        "env": dict(os.environ if env is None else env),
        "cwd": str(cwd or os.getcwd()),
        "new_session": start_new_session,
    }
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    stdin = os.open(os.devnull, os.O_RDONLY)
    conn = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    try:
        conn.connect(launcher().path)
        socket.send_fds(conn, [json.dumps(request).encode()], [stdin, out_w, err_w])
    finally:
        for fd in (stdin, out_w, err_w):
            os.close(fd)
    return Child(conn, out_r, err_r)


# --- the launcher process ----------------------------------------------------------------


def _serve(path: str) -> None:
    import graphbuild.cli  # noqa: F401  (everything a build imports, before any fork)
    from graphbuild.nlp.parser import load

    kept = load()  # noqa: F841  (held for every child: a build's unload does not free it)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    listener.bind(path + ".new")
    listener.listen(16)
    os.rename(path + ".new", path)  # the client waits for this name
    running: dict[int, tuple[int, socket.socket]] = {}  # pidfd -> (pid, connection)
    control = sys.stdin.fileno()
    while True:
        ready = select.select([listener, control, *running], [], [])[0]
        if control in ready and not os.read(control, 1024):
            break  # the test process is done (or gone)
        if listener in ready:
            conn, _ = listener.accept()
            msg, fds, _, _ = socket.recv_fds(conn, 1 << 20, 3)
            pid = os.fork()
            if pid == 0:
                listener.close()
                conn.close()
                for fd, (_, c) in running.items():
                    os.close(fd)
                    c.close()
                _child(json.loads(msg), fds)  # never returns
            for fd in fds:
                os.close(fd)
            conn.send(str(pid).encode())
            running[os.pidfd_open(pid)] = (pid, conn)
        for fd in [f for f in ready if f in running]:
            pid, conn = running.pop(fd)
            _, status = os.waitpid(pid, 0)
            try:
                conn.send(str(os.waitstatus_to_exitcode(status)).encode())
            except OSError:
                pass  # the test stopped listening
            conn.close()
            os.close(fd)


def _child(req: dict, fds: list[int]) -> None:
    """Become ``python -m graphbuild ARGS`` and exit with its status."""
    import runpy
    import traceback

    code = 1
    try:
        if req["new_session"]:
            os.setsid()
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
            os.close(fd)
        # as a new interpreter has them: Ctrl-C raises KeyboardInterrupt, the rest default
        signal.signal(signal.SIGINT, signal.default_int_handler)
        os.chdir(req["cwd"])
        os.environ.clear()
        os.environ.update(req["env"])
        tempfile.tempdir = None  # TMPDIR is read again
        sys.argv = ["graphbuild", *req["args"]]
        try:
            runpy.run_module("graphbuild", run_name="__main__", alter_sys=True)
            code = 0
        except SystemExit as done:
            if done.code is None or isinstance(done.code, int):
                code = done.code or 0
            else:
                print(done.code, file=sys.stderr)
        except KeyboardInterrupt:
            traceback.print_exc()
            code = -signal.SIGINT
        except BaseException:
            traceback.print_exc()
        atexit._run_exitfuncs()
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
    finally:
        if code == -signal.SIGINT:  # as Python does on an uncaught KeyboardInterrupt
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            os.kill(os.getpid(), signal.SIGINT)
        os._exit(code & 0xFF)


if __name__ == "__main__":
    _serve(sys.argv[1])
