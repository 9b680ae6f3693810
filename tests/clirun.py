"""Run the graphbuild CLI in this process, as a user would from a shell, but without a new
interpreter: the spaCy pipeline is loaded once per test session instead of once per call."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

_kept: list = []  # the default pipeline, held for the session (see run)


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str


def run(*args, env: dict | None = None, cwd: str | Path | None = None, input: str | bytes | None = None) -> Result:
    """``graphbuild ARGS...`` with ``env`` as the whole environment (default: this one),
    ``cwd`` as the working folder and ``input`` on standard input (no terminal)."""
    from click.testing import CliRunner

    from graphbuild import cli

    if not _kept and args and str(args[0]) == "build":
        # A build lets go of its pipeline before writing (graphbuild.nlp.parser.unload);
        # held here, the next build finds it still alive instead of loading it again.
        from graphbuild.nlp.parser import load

        _kept.append(load())
    overrides = None
    if env is not None:
        overrides = {k: None for k in os.environ if k not in env}
        overrides.update(env)
    runner = CliRunner()
    here = os.getcwd()
    with runner.isolation(input=input, env=overrides) as streams:
        try:
            if cwd is not None:
                os.chdir(cwd)
            code = cli.run([str(a) for a in args])
        finally:
            os.chdir(here)
        out, err = streams[0].getvalue(), streams[1].getvalue()
    return Result(code, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"))
