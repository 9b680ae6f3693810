"""Plain dataclasses the stages hand each other.

ingest -> :class:`Article`; nlp -> :class:`ParsedArticle`; extract (resolve within the
article + quotes) -> :class:`ArticleExtraction`; corpus resolution + relate -> :class:`Graph`.
Offsets are always character offsets into ``Article.text`` exactly as read.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PERSON, ORGANIZATION, COUNTRY, PLACE, ARTICLE = "Person", "Organization", "Country", "Place", "Article"
ENTITY_LABELS = (PERSON, ORGANIZATION, COUNTRY, PLACE)
CO_MENTIONED, SAID_ABOUT, MENTIONS = "CO_MENTIONED", "SAID_ABOUT", "MENTIONS"
# What an attribution reports: words said or written, an attitude or intention ("wants",
# "believes", "supports"), or what evidence shows ("a poll found").
SPEECH, ATTITUDE, EVIDENCE = "speech", "attitude", "evidence"
KINDS = (SPEECH, ATTITUDE, EVIDENCE)


@dataclass(slots=True)
class Article:
    """One input article. ``origin`` says where it came from (file path / line) for messages."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None
    origin: str = ""


@dataclass(slots=True)
class Problem:
    """A bad input item that was skipped (or a warning about one that was kept).

    ``unread`` marks a file a folder walk passed over (hidden, a type graphbuild does not
    read, too large, left out by a pattern): said and counted, but not a bad item.
    """

    origin: str
    reason: str
    skipped: bool = True
    unread: bool = False


@dataclass(slots=True)
class Token:
    """A parsed token, copied out of spaCy so that no other module needs spaCy."""

    i: int
    start: int
    end: int
    text: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    ent_type: str
    ent_iob: str
    sent: int
    ws: str = ""


@dataclass(slots=True)
class Sentence:
    start_tok: int
    end_tok: int
    start: int
    end: int


@dataclass(slots=True)
class NerSpan:
    """An entity span as the NER tagged it (spaCy label, e.g. PERSON, ORG, GPE, NORP)."""

    start_tok: int
    end_tok: int
    start: int
    end: int
    text: str
    label: str


@dataclass(slots=True)
class ParsedArticle:
    article: Article
    tokens: list[Token]
    sentences: list[Sentence]
    ents: list[NerSpan]
    paragraphs: list[tuple[int, int]]  # char ranges of content paragraphs (furniture excluded)


@dataclass(slots=True)
class Mention:
    """An entity mention. ``key`` is the article-level identity, stable across the corpus
    for the same name (e.g. ``barack-obama`` or ``country:USA``); ``entity_id`` is final."""

    start: int
    end: int
    text: str
    label: str
    key: str
    sentence: int = 0
    paragraph: int = 0
    name: str = ""  # the canonical display name the key was made from
    entity_id: str | None = None


@dataclass(slots=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Quote:
    """Who said what. ``speaker_key`` refers to a mention key of the same article (or None
    when the speaker is no entity, e.g. "officials"); ``targets`` are filled at relate time."""

    speaker: Span
    speaker_key: str | None
    cue: Span | None
    content: list[tuple[int, int]]
    direct: bool
    speaker_entity: str | None = None
    targets: list[str] = field(default_factory=list)
    kind: str = SPEECH  # one of KINDS


@dataclass(slots=True)
class ArticleExtraction:
    """Everything one article contributes; serialisable so it can be spooled or stored."""

    article_id: str
    text: str
    title: str | None
    mentions: list[Mention]
    quotes: list[Quote]
    sentences: list[tuple[int, int]]
    paragraphs: list[tuple[int, int]]
    aliases: list[tuple[str, str]] = field(default_factory=list)  # (short key, long key)
    meta: dict = field(default_factory=dict)  # url, published, source


@dataclass(slots=True)
class Node:
    id: str
    label: str
    name: str
    props: dict = field(default_factory=dict)


@dataclass(slots=True)
class Edge:
    type: str
    source: str
    target: str
    weight: int = 0
    props: dict = field(default_factory=dict)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.type, self.source, self.target)


@dataclass(slots=True)
class Graph:
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: dict[tuple[str, str, str], Edge] = field(default_factory=dict)

    def add_node(self, node: Node) -> None:
        self.nodes[node.id] = node

    def add_edge(self, edge: Edge) -> None:
        self.edges[edge.key] = edge


@dataclass(slots=True)
class Resolution:
    """Corpus resolution result: ``ids`` maps article-level keys to ``(entity_id, label, name)``
    (keys that are dropped are absent); ``entities`` maps id -> ``(label, name, props)``."""

    ids: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    entities: dict[str, tuple[str, str, dict]] = field(default_factory=dict)
