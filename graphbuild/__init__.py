"""graphbuild: news articles -> knowledge graph of people, countries and organizations."""

__version__ = "0.1.0"
