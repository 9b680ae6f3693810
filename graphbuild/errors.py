"""One exception root. Every message says what went wrong and how to fix it."""


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
