"""One exception root. Every message says what went wrong and how to fix it."""


class GraphbuildError(Exception):
    """Root of all errors graphbuild raises on purpose; the CLI prints them as one line."""

    exit_code = 1


class InputError(GraphbuildError):
    """Input paths or records that cannot be used."""

    exit_code = 2


class ModelError(GraphbuildError):
    """The spaCy pipeline cannot be loaded."""

    exit_code = 3


class StoreError(GraphbuildError):
    """Neo4j is unreachable, rejects the credentials, or fails a write."""

    exit_code = 4
