"""graphbuild: news articles -> knowledge graph of people, countries and organizations.

For notebooks::

    import graphbuild
    kg = graphbuild.build("articles/")        # or graphbuild.load("graphbuild-out")
    g = kg.to_networkx()                      # MultiDiGraph: label, type, weight, ...

Importing the package is light: the pipeline (spaCy) loads only when ``build`` runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from graphbuild.version import __version__

__all__ = ["KnowledgeGraph", "__version__", "build", "load"]

if TYPE_CHECKING:
    from graphbuild.notebook import KnowledgeGraph, build, load


def __getattr__(name: str) -> Any:
    if name in ("build", "load", "KnowledgeGraph"):
        from graphbuild import notebook

        return getattr(notebook, name)
    raise AttributeError(f"module 'graphbuild' has no attribute {name!r}")
