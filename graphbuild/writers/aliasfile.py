"""Draft alias file from review findings (format: README "Alias file").

Confident rules are active; the others are commented out (``# merge: ...``) for the user to
check and uncomment. Every rule follows a ``#`` line saying what and why, and ``# evidence``
lines (counts, a sentence or two). The file is written whole or not at all: to a temporary
file beside it, then renamed.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from graphbuild.entities.review import Finding
from graphbuild.writers.common import atomic_open

_HEAD = """\
# Draft alias file written by `graphbuild review`. Use it with `graphbuild build ... --aliases FILE`.
# Active rules are the confident ones; check them. Commented rules ("# merge: ...") need a
# reader: remove the leading "# " to apply one. Ids refer to the build that was reviewed.
"""


def render(findings: Iterable[Finding]) -> str:
    """The text of a draft alias file for ``findings`` (in their order)."""
    lines = [_HEAD]
    for f in findings:
        lines.append(f"# {f.kind}: {_one_line(f.reason)}")
        lines.extend(f"# evidence: {_one_line(e)}" for e in f.evidence)
        lines.append(f.rule if f.confident else f"# {f.rule}")
        lines.append("")
    return "\n".join(lines)


def write(path: str | Path, findings: Iterable[Finding]) -> int:
    """Write the draft alias file to ``path``; returns the number of active rules."""
    findings = list(findings)
    text = render(findings)
    with atomic_open(path) as fh:  # complete or absent
        fh.write(text)
    return sum(f.confident for f in findings)


def _one_line(text: str) -> str:
    return " ".join(text.split())
