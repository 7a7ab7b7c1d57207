"""Who said what: direct quotations and reported speech, with their speakers.

A speech cue (said, added, admitted, told, ...) anchors a statement; its
subject is the speaker. Quotation marks make a statement direct; otherwise the
cue's clausal complement is the reported content. Pronoun speakers ("he said")
and quotations with no cue continue the previous speaker, and an unnamed
"a spokesman" in the lede is matched to the spokesman named later, as news
writing does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from ..model import Statement
from ..registry import Registry
from .context import Context, Sentence

SPEECH_VERBS = {
    "say", "tell", "add", "state", "claim", "admit", "deny", "warn", "insist", "confirm", "announce", "explain",
    "note", "report", "allege", "accuse", "acknowledge", "reveal", "stress", "argue", "declare", "assert",
    "maintain", "predict", "threaten", "vow", "describe",
}
SPEECH_NOUNS = {"prediction", "claim", "statement", "assessment", "belief", "assertion", "allegation", "warning"}
ANONYMITY_CUES = re.compile(
    r"not to be named|condition of anonymity|declined to be (?:named|identified)|not authori[sz]ed to speak|"
    r"requested anonymity|asked not to be identified|who did not want to be named",
    re.IGNORECASE,
)
INDIVIDUAL_HEADS = {
    "official", "source", "spokesman", "spokeswoman", "spokesperson", "commander", "witness", "resident",
    "officer", "member", "leader", "militant", "diplomat", "analyst", "expert", "aide", "minister", "man", "woman",
}
ROLE_HEADS = INDIVIDUAL_HEADS | {"chief", "president", "governor", "director", "head", "representative"}
PRONOUNS = {"he", "she", "they", "we", "i"}
MIN_QUOTE_WORDS = 3
QUOTE_RE = re.compile(r"[\"“”]([^\"“”]{2,}?)[\"“”]")


@dataclass(frozen=True, slots=True)
class Speaker:
    text: str | None
    actor_id: str | None = None
    role: str | None = None
    organization_id: str | None = None
    anonymous: bool = False
    named: bool = False


@dataclass(frozen=True, slots=True)
class Found:
    """A statement plus where its content lies, so facts inside it can name who asserts them."""

    statement: Statement
    sentence: int
    content_start: int
    content_end: int
    speaker: Speaker
    speaker_token: int | None  # token index of the speaker's head, when in the text


def find_statements(ctx: Context, *, registry: Registry) -> list[Found]:
    found: list[Found] = []
    quotes = _quotes(ctx)
    quoted_sentences = {i for _, _, sentences in quotes for i in sentences}
    next_quote = 0
    for sentence in ctx.sentences:
        if sentence.kind != "body":
            continue
        # Quotations are read where they end, so a cue after a multi-sentence quote is seen.
        while next_quote < len(quotes) and quotes[next_quote][2][-1] == sentence.index:
            found.extend(_direct(ctx, quotes[next_quote], quotes, found, registry))
            next_quote += 1
        if sentence.index in quoted_sentences:
            continue
        for cue in _cues(sentence.span, []):
            speaker_token = _speaker_token(cue)
            if speaker_token is None:
                continue
            speaker = _speaker(ctx, speaker_token, sentence, found, registry)
            for start, end in _reported_contents(cue, speaker_token):
                if end > start:
                    found.append(_make(ctx, [sentence], speaker, cue, start, end, direct=False, confidence=0.8,
                                       speaker_token=speaker_token.i))
    return _resolve_unnamed_speakers(found)


def _quotes(ctx: Context) -> list[tuple[int, int, list[int]]]:
    """Quotations in the body, each with the sentences it overlaps, in text order."""
    spans = []
    for segment in ctx.article.segments:
        if segment.kind != "body":
            continue
        block = ctx.article.text[segment.start : segment.end]
        for match in QUOTE_RE.finditer(block):
            inner = match.group(1)
            stripped = inner.strip().rstrip(",").strip()
            if len(stripped.split()) < MIN_QUOTE_WORDS:
                continue  # "santo tomas", "terrorists": a quoted name or scare quote, not a statement
            start = segment.start + match.start(1) + (len(inner) - len(inner.lstrip()))
            end = start + len(stripped)
            sentences = [s.index for s in ctx.sentences if s.start < end + 1 and start < s.end]
            if sentences:
                spans.append((start, end, sentences))
    return spans


def _direct(ctx: Context, quote: tuple[int, int, list[int]], quotes, found: list[Found],
            registry: Registry) -> list[Found]:
    start, end, indexes = quote
    sentences = [ctx.sentences[i] for i in indexes]
    spans = [(s, e) for s, e, _ in quotes]
    for sentence in sentences:
        for cue in _cues(sentence.span, spans):
            speaker_token = _speaker_token(cue)
            if speaker_token is not None:
                speaker = _speaker(ctx, speaker_token, sentence, found, registry)
                return [_make(ctx, sentences, speaker, cue, start, end, direct=True, confidence=0.9,
                              speaker_token=speaker_token.i)]
    # A quoted paragraph with no cue continues the previous speaker.
    if found and indexes[0] - found[-1].sentence <= 2:
        return [_make(ctx, sentences, found[-1].speaker, None, start, end, direct=True, confidence=0.7,
                      speaker_token=None)]
    return []


def _cues(span: Span, quotes: list[tuple[int, int]]) -> list[Token]:
    cues = []
    for token in span:
        in_quote = any(s <= token.idx < e for s, e in quotes)
        if in_quote:
            continue
        if token.pos_ == "VERB" and token.lemma_ in SPEECH_VERBS:
            cues.append(token)
        elif token.pos_ == "NOUN" and token.lemma_ in SPEECH_NOUNS and any(c.dep_ == "poss" for c in token.children):
            cues.append(token)
    return cues


def _speaker_token(cue: Token) -> Token | None:
    subjects = [c for c in cue.children if c.dep_ in {"nsubj", "poss"}]
    if subjects:
        return min(subjects, key=lambda c: abs(c.i - cue.i))  # the nearest: a misparsed dateline is farther
    # "... but added it had ...": a conjoined cue shares its first verb's subject.
    if cue.dep_ == "conj" and cue.head.lemma_ in SPEECH_VERBS:
        return _speaker_token(cue.head)
    # "..., adding: '...'" shares the main verb's subject.
    if cue.dep_ in {"advcl", "ccomp", "xcomp"} and cue.tag_ == "VBG" and cue.head.lemma_ in SPEECH_VERBS:
        return _speaker_token(cue.head)
    return None


def _reported_contents(cue: Token, speaker: Token) -> list[tuple[int, int]]:
    """The clause a cue reports: its clausal complement, or the clause the cue is attached to."""
    doc = cue.doc
    for child in cue.children:
        if child.dep_ in {"ccomp", "acl"} and child.i != speaker.i:
            return [_trim(doc[child.left_edge.i : child.right_edge.i + 1])]
    if cue.dep_ in {"ROOT", "conj"} and cue.pos_ == "VERB":
        # "admitted (for the first time) that X": the parser often misses the complement.
        words = [t for t in cue.subtree if t.i > cue.i]
        for token in words:
            if token.lower_ == "that" and token.dep_ in {"mark", "advmod"} and token.i - cue.i <= 6:
                end = _clause_end(cue, token)
                return [_trim(doc[token.i + 1 : end])]
    head = cue.head
    if cue.dep_ in {"parataxis", "ccomp", "advcl"} and head.i != cue.i:
        start, end = head.left_edge.i, cue.left_edge.i
        return [_trim(doc[start:end])] if end > start else []
    return []


def _clause_end(cue: Token, that: Token) -> int:
    """End of a 'that'-clause: before a conjoined second cue ('but added ...'), else the cue's subtree end."""
    for child in cue.children:
        if child.dep_ == "conj" and child.i > that.i:
            return child.left_edge.i if child.left_edge.i > that.i else child.i
    return cue.right_edge.i + 1


EDGE_WORDS = {"that", "but", "and", "or", "as"}  # complementizers and dangling conjunctions at a clause's edges


def _trim(span: Span) -> tuple[int, int]:
    tokens = [t for t in span if not (t.is_punct or t.is_space)]
    while tokens and tokens[0].lower_ in EDGE_WORDS and tokens[0].dep_ in {"mark", "cc", "advmod"}:
        tokens = tokens[1:]
    while tokens and tokens[-1].lower_ in EDGE_WORDS and tokens[-1].dep_ in {"cc", "mark"}:
        tokens = tokens[:-1]
    if not tokens:
        return span.start_char, span.start_char
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _speaker(ctx: Context, token: Token, sentence: Sentence, found: list[Found], registry: Registry) -> Speaker:
    if token.lower_ in PRONOUNS and found:
        return found[-1].speaker
    doc = token.doc
    phrase = doc[token.left_edge.i : token.right_edge.i + 1]
    person = _person_entity(token)
    organization_id = None
    role = None
    actor_id = None
    appos = next((c for c in token.children if c.dep_ == "appos"), None)
    if appos is not None:
        role = _role(appos)
        organization_id = _organization(ctx, appos)
    mentions = ctx.mention_for_token(token)
    if mentions and person is None:
        actor_id = mentions[0].actor_id
        organization_id = organization_id or actor_id
    if person is not None:
        text = person.text
    else:
        # "analysts' predictions": the speaker is "analysts"
        text = re.sub(r"\s*['’]s?$", "", _phrase_without_appos(phrase, appos)).lstrip("\"“”' ")
        if token.lemma_ in ROLE_HEADS or token.lower_ in ROLE_HEADS:
            role = role or _role(token)
    individual = person is None and (token.lemma_ in INDIVIDUAL_HEADS or token.lower_ in INDIVIDUAL_HEADS)
    anonymous = person is None and (individual or bool(ANONYMITY_CUES.search(sentence.text)))
    if individual:
        actor_id = None  # the speaker is a person; the state body is their organisation
    if role is not None and role == text.lower():
        role = None  # "analysts" says who, not what role
    return Speaker(text=text, actor_id=actor_id, role=role, organization_id=organization_id,
                   anonymous=anonymous, named=person is not None)


def _person_entity(token: Token) -> Span | None:
    for ent in token.doc.ents:
        if ent.label_ == "PERSON" and ent.start <= token.i < ent.end:
            return ent
    return None


def _role(token: Token) -> str:
    parts = [c for c in token.children if c.dep_ in {"compound", "amod"} and c.i < token.i]
    return " ".join([*(p.lower_ for p in parts), token.lower_])


def _organization(ctx: Context, appos: Token) -> str | None:
    for child in appos.children:
        if child.dep_ == "prep" and child.lower_ in {"for", "of", "with", "from"}:
            for pobj in child.children:
                mentions = ctx.mention_for_subtree(pobj)
                if mentions:
                    return mentions[0].actor_id
    return None


def _phrase_without_appos(phrase: Span, appos: Token | None) -> str:
    if appos is None:
        return phrase.text
    doc = phrase.doc
    cut = appos.left_edge.i
    return doc[phrase.start:cut].text.rstrip(" ,")


def _make(ctx: Context, sentences: list[Sentence], speaker: Speaker, cue: Token | None, start: int, end: int, *,
          direct: bool, confidence: float, speaker_token: int | None) -> Found:
    statement = Statement(
        speaker=speaker.text, speaker_id=speaker.actor_id, role=speaker.role,
        organization_id=speaker.organization_id, anonymous=speaker.anonymous, direct=direct,
        text=ctx.article.text[start:end], cue=cue.text if cue is not None else None,
        evidence=[s.evidence() for s in sentences], confidence=confidence,
    )
    return Found(statement, sentences[-1].index, start, end, speaker, speaker_token)


def _resolve_unnamed_speakers(found: list[Found]) -> list[Found]:
    """'a spokesman said' early on, 'X, a spokesman for Y' later: the same person, as news style goes."""
    named_by_role: dict[str, list[Found]] = {}
    for item in found:
        if item.speaker.named and item.speaker.role:
            named_by_role.setdefault(item.speaker.role.split()[-1], []).append(item)
    resolved = []
    for item in found:
        speaker = item.speaker
        if not speaker.named and speaker.organization_id is None and speaker.role:
            candidates = {f.speaker.text: f for f in named_by_role.get(speaker.role.split()[-1], [])}
            if len(candidates) == 1:
                named = next(iter(candidates.values()))
                speaker = named.speaker
                statement = item.statement.model_copy(update={
                    "speaker": speaker.text, "role": speaker.role, "organization_id": speaker.organization_id,
                    "anonymous": False, "confidence": round(item.statement.confidence * 0.85, 2),
                    "evidence": [*item.statement.evidence, *named.statement.evidence],
                })
                item = replace(item, statement=statement, speaker=speaker)
        resolved.append(item)
    return resolved


def speaker_for(found: list[Found], start: int, end: int) -> Found | None:
    """The statement whose content contains the span [start, end), if any."""
    for item in found:
        if item.content_start <= start and end <= item.content_end:
            return item
    return None

