"""What every extractor reads: the article's sentences and its actor mentions.

A `Context` is built once per article from the cleaned `Article` and its
parsed `Doc`. Sentences know which segment (title, caption, body) they belong
to; actor mentions are character spans resolved to actor ids. Extractors only
read the context, except for `add_mention`, which coreference steps use to
record what they resolved.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..model import Article, Evidence, SegmentKind
from ..registry import ActorEntry, Registry

ORG_LABELS = {"ORG", "NORP", "PERSON", "GPE", "FAC"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
RELATIVE_PRONOUNS = {"who", "which", "that"}
COUNTRY_HINTS = 3
# A text of one line this short, with no article inside it, is a headline (an agency wire or feed item);
# one-line prose ("Lawyers protested over the killing of a colleague.") has articles.
HEADLINE_WORDS = 16
ARTICLES = {"a", "an", "the"}


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    kind: SegmentKind
    span: Span
    headline: bool = False  # headline grammar: "Gunmen kill judge", "10 killed in blast" (see `is_headline`)
    # The entities inside the sentence, as `span.ents` gives them; spaCy's Span.ents walks the whole Doc
    # on every call, which made extraction quadratic in article length.
    ents: tuple[Span, ...] = ()

    def evidence(self) -> Evidence:
        return Evidence(text=self.text, start=self.start, end=self.end)


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A span of the text that refers to an actor, and how we know."""

    actor_id: str
    start: int
    end: int
    text: str
    sentence: int
    via: str  # registry | ner | faction | state | descriptor | coreference | speaker | learned


@dataclass
class Context:
    article: Article
    doc: Doc
    sentences: list[Sentence]
    mentions: list[ActorMention] = field(default_factory=list)
    # Actors found in this article that the registry does not hold as such, by id: unknown
    # groups ("new:<slug>") and country-scoped generic actors ("protesters:IN").
    new_actors: dict[str, ActorEntry] = field(default_factory=dict)
    country_counts: Counter = field(default_factory=Counter)
    # Values derived once per article by an extractor that needs them several times (keyed by name).
    memo: dict = field(default_factory=dict)
    _chunks: dict[int, list[Span]] | None = None

    def noun_chunks(self, sentence: Sentence) -> list[Span]:
        """Noun chunks of one sentence. spaCy's Span.noun_chunks walks the whole Doc on every call."""
        if self._chunks is None:
            self._chunks = {}
            for chunk in self.doc.noun_chunks:
                owner = self.sentence_at(chunk.start_char)
                if owner is not None:
                    self._chunks.setdefault(owner.index, []).append(chunk)
        return self._chunks.get(sentence.index, [])

    @property
    def main_country(self) -> str | None:
        """The country the article is mostly about: the one its text names most."""
        if not self.country_counts:
            return None
        return sorted(self.country_counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]

    @property
    def country_hints(self) -> list[str]:
        """The countries the article names most, to disambiguate places and actors."""
        return [code for code, _ in self.country_counts.most_common(COUNTRY_HINTS)]

    @property
    def published_date(self) -> dt.date | None:
        return self.article.published.date() if self.article.published else None

    def entry(self, actor_id: str | None) -> ActorEntry | None:
        """The registry's entry for an actor id, or this article's own actor (unknown group, scoped generic)."""
        if actor_id is None:
            return None
        return Registry.default().get(actor_id) or self.new_actors.get(actor_id)

    def kind(self, actor_id: str | None) -> str | None:
        entry = self.entry(actor_id)
        return entry.kind if entry is not None else None

    def sentence_at(self, char: int) -> Sentence | None:
        index = bisect.bisect_right(self._starts, char) - 1
        if index >= 0 and char < self.sentences[index].end:
            return self.sentences[index]
        return None

    @property
    def _starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def add_mention(self, mention: ActorMention) -> None:
        if mention not in self.mentions:
            self.mentions.append(mention)
            self.mentions.sort(key=lambda m: (m.start, -m.end, m.actor_id))

    def mentions_in(self, start: int, end: int) -> list[ActorMention]:
        return [m for m in self.mentions if m.start >= start and m.end <= end]

    def outer_mentions(self, sentence: Sentence) -> list[ActorMention]:
        """Mentions in a sentence, dropping those nested inside a longer one."""
        inside = self.mentions_in(sentence.start, sentence.end)
        outer: list[ActorMention] = []
        for m in inside:
            if any(o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start) for o in inside):
                continue
            outer.append(m)
        return outer

    def mention_for_token(self, token: Token) -> list[ActorMention]:
        """Outermost mentions covering a token (several when a plural refers to many actors)."""
        char = token.idx
        covering = [m for m in self.mentions if m.start <= char < m.end]
        if not covering:
            return []
        longest = max(m.end - m.start for m in covering)
        return [m for m in covering if m.end - m.start == longest]

    def mention_for_subtree(self, token: Token) -> list[ActorMention]:
        """Mentions for a noun phrase headed by `token`: the one covering its head, else the first inside it."""
        found = self.mention_for_token(token)
        if found:
            return found
        span = token.doc[token.left_edge.i : token.right_edge.i + 1]
        inside = [m for m in self.mentions if span.start_char <= m.start and m.end <= span.end_char]
        if not inside:
            return []
        first = min(m.start for m in inside)
        return [m for m in inside if m.start == first]

    def is_subject(self, mention: ActorMention) -> bool:
        head = self.head_token(mention)
        return head is not None and head.dep_ in SUBJECT_DEPS

    def head_token(self, mention: ActorMention) -> Token | None:
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return span.root if span is not None and len(span) else None

    def antecedent(self, token: Token, *, exclude: set[str] = frozenset()) -> list[ActorMention]:
        """Resolve a pronoun or definite description to the nearest preceding subject mention.

        Subjects are preferred because "its"/"their"/"the group" usually refer
        back to what the clause is about; the subject of the pronoun's own verb
        is skipped ("it had detained hundreds of its militants").
        """
        own_subject = _governing_subject(token)
        sent = self.sentence_at(token.idx)
        if sent is None:
            return []
        for sentence_index in range(sent.index, max(-1, sent.index - 3), -1):
            sentence = self.sentences[sentence_index]
            limit = token.idx if sentence_index == sent.index else sentence.end
            subjects: list[tuple[int, list[ActorMention]]] = []
            others: list[tuple[int, list[ActorMention]]] = []
            for tok in sentence.span:
                if tok.idx >= limit or tok.i == token.i:
                    continue
                if own_subject is not None and tok.i == own_subject.i:
                    continue
                if tok.dep_ in SUBJECT_DEPS and tok.lower_ in RELATIVE_PRONOUNS:
                    found = self.mention_for_token(tok.head.head) if tok.head.dep_ == "relcl" else []
                    if not found:
                        found = self._nearest_before(tok.idx, sentence)
                    if found:
                        subjects.append((tok.idx, found))
                    continue
                found = [m for m in self.mention_for_token(tok) if m.start == tok.idx or tok == self.head_token(m)]
                found = [m for m in found if m.actor_id not in exclude]
                if not found:
                    continue
                (subjects if tok.dep_ in SUBJECT_DEPS else others).append((tok.idx, found))
            for pool in (subjects, others):
                pool = [(i, ms) for i, ms in pool if not all(m.actor_id in exclude for m in ms)]
                if pool:
                    return max(pool, key=lambda item: item[0])[1]
        return []

    def _nearest_before(self, char: int, sentence: Sentence) -> list[ActorMention]:
        before = [m for m in self.outer_mentions(sentence) if m.end <= char]
        if not before:
            return []
        last = max(m.start for m in before)
        return [m for m in before if m.start == last]


def _governing_subject(token: Token) -> Token | None:
    """The subject of the verb whose argument contains `token`."""
    node = token
    while node.head.i != node.i:  # spaCy makes a new Token object on every access: compare indices
        node = node.head
        if node.pos_ in {"VERB", "AUX"}:
            for child in node.children:
                if child.dep_ in SUBJECT_DEPS:
                    return child
            return None
    return None


def build_sentences(article: Article, doc: Doc) -> list[Sentence]:
    """Sentences with trimmed offsets and the segment each belongs to."""
    sentences: list[Sentence] = []
    one_headline = is_headline(article.text)
    ents = doc.ents
    starts = [ent.start for ent in ents]
    for span in doc.sents:
        text = article.text[span.start_char : span.end_char]  # the parse may read a case-normalised copy
        stripped = text.strip()
        if not stripped or not re.search(r"\w", stripped):
            continue
        start = span.start_char + (len(text) - len(text.lstrip()))
        end = start + len(stripped)
        kind = segment_kind(article, start)
        sentences.append(Sentence(len(sentences), start, end, stripped, kind, span,
                                  headline=kind == "title" or one_headline, ents=_span_ents(span, ents, starts)))
    return sentences


def _span_ents(span: Span, ents: tuple[Span, ...], starts: list[int]) -> tuple[Span, ...]:
    """`span.ents` from the Doc's entities read once: those from the span's start up to the first that ends past it."""
    found = []
    for ent in ents[bisect.bisect_left(starts, span.start):]:
        if ent.end > span.end:
            break
        found.append(ent)
    return tuple(found)


def is_headline(text: str) -> bool:
    """Whether a whole text is one headline: one short line with no article after its first word.

    A line wholly in brackets is an editor's note to a story ("(Updating toll)"), not its headline.
    """
    words = text.strip().split()
    if re.fullmatch(r"\([^()]*\)", text.strip()):
        return False
    return "\n" not in text.strip() and 0 < len(words) <= HEADLINE_WORDS and not ARTICLES & {
        w.lower() for w in words[1:]}


def segment_kind(article: Article, char: int) -> SegmentKind:
    for segment in article.segments:
        if segment.start <= char < segment.end:
            return segment.kind
    return "body"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
