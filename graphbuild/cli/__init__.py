"""Command line: parses options, calls one library function, prints, maps errors to exit codes.

One module per group of commands (:mod:`.build`, :mod:`.export`, :mod:`.query`, :mod:`.store`); importing
them registers their commands on :data:`app`, in the order ``--help`` lists them.
"""

from __future__ import annotations

import sys

from graphbuild.cli import build, export, query, store  # noqa: F401  (registers the commands)
from graphbuild.cli.common import app, err
from graphbuild.errors import GraphbuildError

__all__ = ["app", "main", "run"]


def run(argv: list[str] | None = None) -> int:
    """Run the CLI on ``argv`` (default: ``sys.argv[1:]``) and return the exit code; never a
    traceback unless GRAPHBUILD_DEBUG is set. Tests call this in-process."""
    import os

    try:
        app(args=argv, prog_name="graphbuild")
    except SystemExit as done:
        return done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    except KeyboardInterrupt:
        err("interrupted")
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


def main() -> None:
    """Console entry point."""
    sys.exit(run())
