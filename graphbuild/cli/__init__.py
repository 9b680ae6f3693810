"""Command line: parses options, calls one library function, prints, maps errors to exit codes.

One module per group of commands (:mod:`.build`, :mod:`.export`, :mod:`.query`, :mod:`.store`); importing
them registers their commands on :data:`app`, in the order ``--help`` lists them.
"""

from __future__ import annotations

import sys

from graphbuild.cli import build, export, query, store  # noqa: F401  (registers the commands)
from graphbuild.cli.common import app, err
from graphbuild.errors import GraphbuildError, Interrupted

__all__ = ["app", "main", "run"]


def run(argv: list[str] | None = None) -> int:
    """Run the CLI on ``argv`` (default: ``sys.argv[1:]``) and return the exit code; never a
    traceback unless GRAPHBUILD_DEBUG is set. Tests call this in-process."""
    import os

    try:
        app(args=argv, prog_name="graphbuild")
    except SystemExit as done:
        stop = _interrupt(done)
        if stop is not None:  # typer turns Ctrl-C into a silent exit 130
            err(str(stop) if isinstance(stop, Interrupted) else "interrupted")
            return 130
        return done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    except KeyboardInterrupt as stop:
        err(str(stop) if isinstance(stop, Interrupted) else "interrupted")
        return 130
    except GraphbuildError as exc:
        err(f"error: {exc}")
        return exc.exit_code
    except OSError as exc:  # a full disk or a gone terminal, outside any output folder
        if os.environ.get("GRAPHBUILD_DEBUG"):
            raise
        err(f"error: {exc.strerror or exc}: {exc.filename or ''}; fix: check the disk and the path")
        return 74
    except Exception as exc:  # last resort: one line, and how to get the details
        if os.environ.get("GRAPHBUILD_DEBUG"):
            raise
        err(f"internal error: {type(exc).__name__}: {exc}; rerun with GRAPHBUILD_DEBUG=1 for a traceback and report it")
        return 70
    return 0


def _interrupt(exc: BaseException) -> KeyboardInterrupt | None:
    """The Ctrl-C behind ``exc`` (followed through causes and contexts), if any."""
    seen = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        if isinstance(cur, KeyboardInterrupt):
            return cur
        seen.add(id(cur))
        cur = cur.__cause__ or cur.__context__
    return None


def main() -> None:
    """Console entry point."""
    sys.exit(run())
