"""One exception root. Every message says what went wrong and how to fix it."""

import re


class GraphbuildError(Exception):
    """Root of all errors graphbuild raises on purpose; the CLI prints them as one line.

    ``setting`` names the library setting the fix is about (``model``, ``neo4j_uri``, ...),
    so a front end can point at its own way of changing it (the CLI names its option).
    """

    exit_code = 1

    def __init__(self, message: str, setting: str | None = None):
        super().__init__(message)
        self.setting = setting


class InputError(GraphbuildError):
    """Input paths or records that cannot be used."""

    exit_code = 2


class ModelError(GraphbuildError):
    """The spaCy pipeline cannot be loaded."""

    exit_code = 3


class StoreError(GraphbuildError):
    """Neo4j is unreachable, rejects the credentials, or fails a write."""

    exit_code = 4


class OutputError(GraphbuildError):
    """The output folder cannot be used (a file, not writable, full, locked by another build)."""

    exit_code = 5


class Interrupted(KeyboardInterrupt):
    """A Ctrl-C (SIGINT) during a build, saying what became of its output folder: still a
    KeyboardInterrupt, so code that stops on one still does."""

    def __init__(self, out: str, written: bool, kept: bool):
        super().__init__(out)
        self.out, self.written, self.kept = out, written, kept

    def __str__(self) -> str:
        if self.written:
            return f"interrupted after {self.out} was written"
        kept = " (the last complete build is kept)" if self.kept else ""
        return f"interrupted; nothing was written to {self.out}{kept}"


_URI_PASSWORD = re.compile(r"""(\b[a-z][a-z0-9+.-]*://[^/\s:@]*:)[^\s'"]*@""", re.I)
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def redact(text: str) -> str:
    """``text`` with any password written in a URI (``bolt://user:secret@host``) replaced."""
    return _URI_PASSWORD.sub(r"\1***@", text)


def printable(text: str) -> str:
    """``text`` safe for a terminal: control characters (escape sequences), and code points
    that cannot be encoded (lone surrogates from undecodable file names), are shown
    escaped (``\\x1b``, ``\\udcff``); passwords in URIs are redacted."""
    return _CONTROL.sub(lambda m: ascii(m.group())[1:-1], redact(text))
