"""Very long articles are extracted in windows, so memory does not grow with an article.

Parsed tokens and the extraction's working state cost about 90 bytes per character of the
article being extracted. An article longer than :data:`LONG_CHARS` is therefore cut into
windows of about :data:`WINDOW_CHARS`, each parsed and extracted on its own; only the small
results of a window (mentions, quotes, sentence and paragraph spans) are kept, shifted to
the article's offsets, and merged into one extraction of the whole article.

Windows end where the parser cuts the text into pieces anyway (so each window parses as
it would unwindowed), after a prose line that closes its quotations and never before a
paragraph that opens with one (a quote running over paragraphs stays in one window). Page furniture is found on the whole article first and blanked in every
window, so it is the same as unwindowed. What still differs from one unwindowed pass is
what an article-level step would have linked across a window edge: a short form ("Brack")
whose full name is written only in another window is given that full name's key when the
other windows name exactly one such person; a pronoun speaker at the very start of a
window has no earlier speaker to stand for. Articles up to :data:`LONG_CHARS` are
extracted exactly as before.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict, deque
from collections.abc import Iterable, Iterator
from dataclasses import replace

from graphbuild.entities.names import slug
from graphbuild.graph.model import ORGANIZATION, PERSON, Article, ArticleExtraction, Mention, Quote, Span
from graphbuild.nlp import furniture
from graphbuild.pipeline.extract import extract, extraction

LONG_CHARS = 150_000  # longer articles are extracted in windows
WINDOW_CHARS = 100_000  # about this long (a window runs on to the next good break)
_OPENING = frozenset('"“‘«')


def windows(
    text: str, content: list[tuple[int, int]], pieces: list[tuple[int, int]], size: int = WINDOW_CHARS
) -> list[tuple[int, int]]:
    """Char ranges covering ``text`` in order, each at least ``size`` long (but the last).

    Windows are cut only where the parser cuts the whole text into ``pieces`` anyway (so
    every window parses exactly as it would unwindowed), after a prose content line that
    closes the quotations it opens, and not before a line opening with a quotation mark
    (news open each paragraph of a long quotation again, and close only the last).
    """
    prose_ends = {e for s, e in content if furniture.is_prose(text[s:e])}
    out, start = [], 0
    for cut, _ in pieces[1:]:
        if cut - start < size:
            continue
        end = cut
        while end > start and text[end - 1].isspace():
            end -= 1
        line = text[text.rfind("\n", start, end) + 1 : end]
        closed = line.count('"') % 2 == 0 and line.count("“") <= line.count("”") and line.count("«") <= line.count("»")
        opens = text[cut : cut + 200].lstrip()[:1]
        if end in prose_ends and closed and opens not in _OPENING:
            out.append((start, cut))
            start = cut
    out.append((start, len(text)))
    return out


def extract_articles(
    parser, articles: Iterable[Article], keep_places: bool = False, long_chars: int | None = None
) -> Iterator[ArticleExtraction]:
    """Parse (``parser``, a :class:`graphbuild.nlp.parser.Parser`) and extract every
    article in input order; articles longer than ``long_chars`` (default
    :data:`LONG_CHARS`) in windows."""
    long_chars = long_chars or LONG_CHARS
    plan: deque = deque()  # one entry per text handed to the parser: None, or its window
    size = min(WINDOW_CHARS, max(1, long_chars * 2 // 3))

    def texts() -> Iterator[Article]:
        for art in articles:
            if len(art.text) <= long_chars:
                plan.append(None)
                yield art
                continue
            content, furn = furniture.split_content(art.text)
            clean = furniture.blank(art.text, furn)
            spans = windows(clean, content, parser.pieces(clean), size)
            del clean, content  # each window is blanked on its own: one copy of the text is held
            joined = _Joined(art)
            for i, (s, e) in enumerate(spans):
                plan.append((joined, s, e, i == len(spans) - 1))
                yield Article(art.id, _blank_window(art.text, furn, s, e), origin=art.origin)

    for parsed in parser.parse(texts()):
        entry = plan.popleft()
        if entry is None:
            yield extract(parsed, keep_places)
            continue
        joined, s, e, last = entry
        # offsets and mention texts come from the article as written (furniture blanked only
        # for the parser), as they do unwindowed
        parsed.article = Article(joined.art.id, joined.art.text[s:e], origin=joined.art.origin)
        joined.add(s, extract(parsed, keep_places))
        # the parser holds the window's tokens until it is asked for the next text
        parsed.tokens.clear()
        parsed.sentences.clear()
        parsed.ents.clear()
        if last:
            x = joined.finish()
            del parsed, entry, joined  # nothing of the windows is held while the article is used
            yield x


def _blank_window(text: str, furn: list[tuple[int, int]], s: int, e: int) -> str:
    """``furniture.blank(text, furn)[s:e]``, without a blanked copy of the whole text."""
    return furniture.blank(text[s:e], [(max(a, s) - s, min(b, e) - s) for a, b in furn if a < e and b > s])


class _Joined:
    """One extraction of a long article, built from its windows' extractions as they come.

    Each window's mentions and quotes are shifted to the article's offsets and kept with
    shared strings (a name written a thousand times is held once); the window's own
    extraction (its text, its working lists) is dropped once added.
    """

    def __init__(self, art: Article) -> None:
        self.art = art
        self.mentions: list[Mention] = []
        self.quotes: list[Quote] = []
        self.sentences: list[tuple[int, int]] = []
        self.paragraphs: list[tuple[int, int]] = []
        self.starts: list[int] = []  # paragraph starts
        self.aliases: set[tuple[str, str]] = set()
        self.strings: dict = {}
        self.bounds: list[int] = []  # mentions index where each window begins
        # what the short-form step needs of every window (see _join_short_forms)
        self.by_word: list[dict[str, Counter]] = [defaultdict(Counter), defaultdict(Counter)]  # last, first word
        self.first: dict[str, int] = {}
        self.names: dict[str, tuple[str, str]] = {}  # key -> (name, label)
        self.held: list[set[str]] = []  # full-name keys of each window

    def add(self, d: int, x: ArticleExtraction) -> None:
        """Add the extraction ``x`` of the window starting at ``d``."""
        n = len(self.sentences)
        self.sentences += [(s + d, e + d) for s, e in x.sentences]
        self.paragraphs += [(s + d, e + d) for s, e in x.paragraphs]
        self.starts += [s + d for s, _ in x.paragraphs]
        self.aliases.update(x.aliases)
        self._note_names(x.mentions)
        self.bounds.append(len(self.mentions))
        share = self.strings.setdefault
        starts, paragraphs = self.starts, self.paragraphs
        for m in x.mentions:
            start = m.start + d
            # as mentions._mentions numbers them, over the whole article
            p = bisect_right(starts, start) - 1
            self.mentions.append(
                Mention(
                    start,
                    m.end + d,
                    share(m.text, m.text),
                    share(m.label, m.label),
                    share(m.key, m.key),
                    share(m.sentence + n, m.sentence + n),
                    share(p, p) if p >= 0 and start < paragraphs[p][1] else 0,
                    share(m.name, m.name),
                    m.entity_id,
                )
            )
        self.quotes += [_quote(q, d) for q in x.quotes]

    def _note_names(self, mentions: list[Mention]) -> None:
        held = set()
        for m in mentions:
            self.names.setdefault(m.key, (m.name, m.label))
            self.first.setdefault(m.key, m.start)  # the window's own offset, as it always was
            words = m.name.split()
            if m.label == PERSON and len(words) >= 2:
                self.by_word[0][slug(words[-1])][m.key] += 1
                self.by_word[1][slug(words[0])][m.key] += 1
                held.add(m.key)
        self.held.append(held)

    def finish(self) -> ArticleExtraction:
        """The article's extraction; this object is spent."""
        self._join_short_forms()
        mentions, quotes, self.mentions, self.quotes = self.mentions, self.quotes, [], []
        return extraction(self.art, mentions, quotes, self.sentences, self.paragraphs, sorted(self.aliases))

    def _join_short_forms(self) -> None:
        """What the article-level short-form step would have linked across window edges: a
        one-word person (or organization) name ("Brack", "Gerold") whose own window writes no
        full name with that last (else first) word takes the key of the article's full name
        with it, the one written most often, then first (as ``mentions._pick`` chooses).
        Acronyms defined in another window are left to the corpus resolver, which joins every
        alias pair of an article."""
        by_word, first, names = self.by_word, self.first, self.names
        moved: dict[str, str] = {}
        bounds = self.bounds
        for i, m in enumerate(self.mentions):  # our own copies: changed in place
            if m.label in (PERSON, ORGANIZATION) and len(m.name.split()) == 1:  # the NER's ORG too
                options = by_word[0].get(m.key) or by_word[1].get(m.key)
                if options and not set(options) & self.held[bisect_right(bounds, i) - 1]:  # else its own window chose
                    long = min(options, key=lambda k: (-options[k], first[k]))
                    moved[m.key] = long
                    m.key, m.name, m.label = long, names[long][0], names[long][1]
        if moved:
            self.quotes = [
                replace(q, speaker_key=moved[q.speaker_key]) if q.speaker_key in moved else q for q in self.quotes
            ]


def _span(sp: Span, d: int) -> Span:
    return Span(sp.start + d, sp.end + d, sp.text)


def _quote(q: Quote, d: int) -> Quote:
    return replace(
        q,
        speaker=_span(q.speaker, d),
        cue=_span(q.cue, d) if q.cue else None,
        content=[(s + d, e + d) for s, e in q.content],
    )
