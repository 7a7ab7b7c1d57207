"""Who said what: direct quotations and reported speech, with their speakers.

An attribution has three parts: a cue (said, told, according to, argued,
believes, called for, X's statement that ...), a source (the speaker's mention:
"Ali bin Sufyan", "he", "officials", "a security official based in ...") and
the content (what was said, written or thought). The rules, read off how news
writing attributes (studied on the PolNeAR training split; see
`sitrep.evaluate.quotes` for the measure):

- Cues are verbs of saying, of thinking and of stance outside quotation marks,
  with a subject, or the subject of the verb they are conjoined or attached
  to ("..., adding that", "went on to say"), or a relative pronoun ("X, who
  said"); any verb right before a colon and a quotation ("gloated: "...");
  "according to X"; speech nouns with a possessor ("analysts' predictions
  that"); "seems"/"appears"/"is expected", which attribute with no source; and
  headlines ("Clinton Says ...", "Ryan: ...", "... police attack: spokesman").
  A cue inside a quotation or inside another statement's content is part of
  that content, not a statement of its own.
- Quotations are paired marks (“ ”, straight quotes, '' ''); a paragraph's
  unclosed quotation runs to its end (the next paragraph reopens it). Titles
  ("State of the Union") and scare quotes are not quotations of their own.
  Each quotation goes to the cue right before it ('said "...'), else the cue
  it depends on in the parse, else the cue beside it ("...,” he said"), else
  the cue of an earlier quotation of the same paragraph: "“A,” X said. “B.”"
  is one statement whose content runs from the first mark to the last. A
  quotation paragraph with no cue continues the direct statement that closes
  the paragraph before, or else is a statement of its own by the previous
  speaker, with no source mention.
- Reported content is the cue's clausal complement; the clause a cue in the
  middle or at the end interrupts ("Many closures, he said, have involved");
  for verbs of stance, their object or prepositional complement ("criticized
  the plan", "called for a ban"); for verbs of thinking, only a clause or an
  infinitive ("believes that", "wants Congress to act"). A second cue of the
  same speaker ("..., adding") or a conjoined clause with its own cue ends it.
- Pronoun speakers ("he said") are the previous speaker, "it" the
  organisation it stands for, and an unnamed "a spokesman" in the lede is
  matched to the spokesman named later, as news writing does. A statement's
  `source_mention` stays the words in the text ("he", "who"); its `speaker`
  is who that is.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from ..model import Span as TextSpan
from ..model import Statement
from ..registry import Registry
from .context import Context, Sentence

# Verbs of saying (other extractors read this set: a date or trigger under one of these is reported, not done).
SPEECH_VERBS = {
    "say", "tell", "add", "state", "claim", "admit", "deny", "warn", "insist", "confirm", "announce", "explain",
    "note", "report", "allege", "accuse", "acknowledge", "reveal", "stress", "argue", "declare", "assert",
    "maintain", "predict", "threaten", "vow", "describe",
}
# More ways of saying or writing something: their complement or quotation is the content.
SAYING_VERBS = SPEECH_VERBS | {
    "write", "tweet", "post", "suggest", "recall", "reply", "respond", "answer", "ask", "conclude", "observe",
    "remark", "emphasize", "emphasise", "contend", "testify", "joke", "quip", "boast", "brag", "complain",
    "lament", "wonder", "speculate", "assure", "promise", "pledge", "recount", "continue", "indicate", "caution",
    "counter", "retort", "proclaim", "mention", "inform", "reiterate", "repeat", "clarify", "hint", "concede",
    "urge", "demand", "recommend", "propose", "advise", "comment", "shout", "yell", "scoff", "opine", "posit",
    "estimate", "agree", "charge", "point", "tout", "warn", "signal", "reason", "muse", "vent", "plead",
    "admonish", "disclose", "divulge", "reassure", "remind", "affirm", "exclaim", "sneer",
}
# Verbs of thinking, wanting and expecting: a statement only with a clause or an infinitive ("believes that",
# "wants Congress to act"), never with a bare object ("knows the city").
THINKING_VERBS = {
    "think", "believe", "feel", "hope", "fear", "worry", "doubt", "expect", "know", "guess", "figure", "reckon",
    "assume", "imagine", "suspect", "wish", "want", "realize", "realise", "predict", "consider", "prefer",
    "intend", "plan",
}
# Verbs of stance whose object is the content: "criticized the deal", "endorsed Clinton", "called for a ban".
# Verbs of doing ("attacked", "hit") are not among them, though opinion writing uses them for words too.
STANCE_VERBS = {
    "criticize", "criticise", "praise", "endorse", "describe", "mock", "question", "propose", "dismiss",
    "denounce", "condemn", "blast", "slam", "defend", "reject", "oppose", "support", "back", "applaud",
    "welcome", "cite", "mention", "highlight", "discuss", "urge", "demand", "request", "recommend", "accuse",
    "blame", "credit", "thank", "tout", "decry", "lambaste", "lambast", "ridicule", "deride", "hail", "call",
    "dub", "label", "brand", "characterize", "characterise", "portray", "echo", "express", "voice", "deny",
    "confirm", "announce", "reveal", "promise", "pledge", "vow", "suggest", "ask", "refer", "talk", "speak",
    "complain", "warn", "argue", "push", "advocate", "press", "rail", "challenge", "acknowledge",
    "predict", "recall", "invoke", "insist", "emphasize", "stress", "note", "point", "admit",
    "refuse", "decline", "offer", "favor", "favour", "reference", "lament", "celebrate", "fault",
    "chide", "scold", "rebuke", "assail", "castigate", "berate", "skewer", "trumpet", "champion", "laud",
    "commend", "congratulate",
}
# "seems", "appears", "is expected": an attribution with no source.
IMPERSONAL_VERBS = {"seem", "appear", "expect"}
# Thinking verbs that take an infinitive as their content: "wants to", "hopes to", "expects Congress to".
WANTING_VERBS = {"want", "hope", "expect", "plan", "intend", "prefer", "wish"}
# Evidence that speaks: "a poll shows", "the study found that".
EVIDENCE_VERBS = {"show", "find", "suggest", "indicate", "reveal", "conclude", "report", "estimate", "predict"}
# Verbs whose object is who is told, not what: the content is their clause or quotation.
ADDRESSEE_VERBS = {"tell", "inform", "assure", "remind", "reassure", "warn", "urge", "ask", "advise", "admonish"}
# Prepositions after a stance verb that introduce what it is about: "called for", "referred to", "spoke about".
CONTENT_PREPS = {"for", "about", "of", "on", "against", "to", "as", "over", "with", "that"}
# Verbs whose content follows these prepositions only: "spoke about X", not "spoke to reporters".
PREPS_OF = {"speak": {"about", "of", "on", "against", "out"}, "talk": {"about", "of", "on"},
            "refer": {"to"}, "point": {"to", "out"}, "call": {"for", "on"}, "push": {"for"}, "press": {"for"},
            "rail": {"against"}, "advocate": {"for"}}
# ... and never a bare object: "pushed the cart", "spoke English".
PREP_ONLY_VERBS = {"speak", "talk", "refer", "push", "press", "rail", "advocate"}
# Verbs that are cues of a quotation only: '"...," he continued.'
QUOTE_ONLY_VERBS = {"continue"}
SPEECH_NOUNS = {
    "prediction", "claim", "statement", "assessment", "belief", "assertion", "allegation", "warning", "argument",
    "suggestion", "view", "contention", "insistence", "promise", "pledge", "vow", "call", "demand", "accusation",
    "charge", "criticism", "announcement", "admission", "denial", "remark", "comment", "hope", "fear", "concern",
    "position", "proposal", "plea", "insinuation", "observation", "notion", "message",
}
ANONYMITY_CUES = re.compile(
    r"not to be named|condition of anonymity|declined to be (?:named|identified)|not authori[sz]ed to speak|"
    r"requested anonymity|asked not to be identified|who did not want to be named|"
    r"(?:requesting|requested|asking|asked|declining|declined|wishing) not to be (?:named|identified)",
    re.IGNORECASE,
)
INDIVIDUAL_HEADS = {
    "official", "source", "spokesman", "spokeswoman", "spokesperson", "commander", "witness", "resident",
    "officer", "member", "leader", "militant", "diplomat", "analyst", "expert", "aide", "minister", "man", "woman",
}
ROLE_HEADS = INDIVIDUAL_HEADS | {"chief", "president", "governor", "director", "head", "representative"}
PRONOUNS = {"he", "she", "they", "we", "i"}
# Subjects that never speak: "it seems", "there is", "this shows" is evidence only with a noun.
NON_SOURCES = {"there", "what", "which", "that", "this", "these", "those", "nothing", "something"}
RELATIVE = {"who", "that", "which", "whom"}
MIN_QUOTE_WORDS = 3
CLAUSE_DEPS = {"ccomp", "xcomp", "parataxis"}

OPENERS = {"“"}
CLOSERS = {"”"}
MARK_RE = re.compile(r"''|``|[\"“”]")
OPEN_CONTEXT = set(" \t\n([{—–-/:;,")  # characters before an opening mark


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
    pieces: tuple[tuple[int, int], ...] = ()  # the content without an interrupting cue clause ("X said")


@dataclass(slots=True)
class Quote:
    start: int  # the opening mark
    end: int  # just past the closing mark, or the paragraph end when unclosed
    inner_start: int
    inner_end: int
    paragraph: int
    closed: bool


@dataclass(slots=True)
class Cue:
    token: Token
    kind: str  # verb | according | noun
    source: Token | None
    sentence: Sentence
    quotes: list[int] = field(default_factory=list)
    reported: tuple[int, int] | None = None  # the content read from the parse, before quotations are given out

    def fits(self, quote: Quote) -> bool:
        """A quotation can be this cue's when the cue reports nothing else: '“A,” he said', 'said that “A”'."""
        return self.reported is None or (self.reported[0] <= quote.end and quote.start <= self.reported[1])


@dataclass(slots=True)
class Draft:
    """A statement before its speaker is resolved."""

    pieces: list[tuple[int, int]]  # content parts in text order
    start: int
    end: int
    direct: bool
    cue: Token | None
    source: Token | None
    sentences: list[Sentence]
    confidence: float
    quote_texts: list[str] = field(default_factory=list)
    continues: bool = False  # a quotation with no cue: the previous speaker's
    mention: tuple[int, int] | None = None  # the source's words, when not the source token's phrase


def find_statements(ctx: Context, *, registry: Registry) -> list[Found]:
    body = [s for s in ctx.sentences if s.kind == "body"]
    if not body:
        return []
    quotes, quote_texts = _quotes(ctx)
    quoted = _Intervals([(q.start, q.end) for q in quotes])
    # Headlines attribute too: "Clinton Says ...", "Ryan: ...", "... police attack: spokesman".
    titles = [s for s in ctx.sentences if s.kind == "title"]
    labelled = [draft for segment in ctx.article.segments if segment.kind == "title"
                if (draft := _headline_label(ctx, segment.start, segment.end)) is not None]
    titles = [s for s in titles if not any(s in d.sentences for d in labelled)]
    cues = [cue for sentence in titles + body for cue in _sentence_cues(ctx, sentence, quoted)]
    drafts = labelled + _drafts(ctx, quotes, quote_texts, cues)
    drafts = _drop_nested(drafts)
    found = _with_speakers(ctx, drafts, registry)
    return _resolve_unnamed_speakers(found)


# --- Quotations --------------------------------------------------------------------------------


def _quotes(ctx: Context) -> tuple[list[Quote], list[str]]:
    """Quotations in the body paragraphs, in text order, with their inner text."""
    quotes: list[Quote] = []
    texts: list[str] = []
    text = ctx.article.text
    for number, segment in enumerate(ctx.article.segments):
        if segment.kind != "body":
            continue
        for start, end, inner_start, inner_end, closed in _paragraph_quotes(text, segment.start, segment.end):
            quotes.append(Quote(start, end, inner_start, inner_end, number, closed))
            texts.append(text[inner_start:inner_end])
    return quotes, texts


def _paragraph_quotes(text: str, start: int, end: int) -> list[tuple[int, int, int, int, bool]]:
    found = []
    open_at: int | None = None
    open_len = 0
    for match in MARK_RE.finditer(text, start, end):
        mark, pos = match.group(), match.start()
        before = text[pos - 1] if pos > start else " "
        after = text[match.end()] if match.end() < end else " "
        if mark in OPENERS:
            role = "open"
        elif mark in CLOSERS:
            role = "close"
        elif before in OPEN_CONTEXT and not after.isspace():
            role = "open"
        elif after.isspace() or not after.isalnum():
            role = "close"
        else:
            role = "toggle"
        if open_at is None:
            if role in {"open", "toggle"}:
                open_at, open_len = pos, len(mark)
        elif role in {"close", "toggle"}:
            found.append(_quote(text, open_at, open_len, pos, match.end(), True))
            open_at = None
        elif mark in OPENERS and before in OPEN_CONTEXT:
            # A new opening mark inside an open quotation: the first was never closed.
            found.append(_quote(text, open_at, open_len, pos, pos, False))
            open_at, open_len = pos, len(mark)
    if open_at is not None:
        found.append(_quote(text, open_at, open_len, end, end, False))
    return [q for q in found if q[3] > q[2]]


def _quote(text: str, open_at: int, open_len: int, close_at: int, end: int, closed: bool):
    inner_start, inner_end = open_at + open_len, close_at
    while inner_start < inner_end and text[inner_start].isspace():
        inner_start += 1
    while inner_end > inner_start and (text[inner_end - 1].isspace() or text[inner_end - 1] in ","):
        inner_end -= 1
    if not closed:
        end = inner_end
    return open_at, end, inner_start, inner_end, closed


class _Intervals:
    """Sorted, non-overlapping character intervals with a fast membership test."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def index(self, char: int) -> int | None:
        i = bisect.bisect_right(self.starts, char) - 1
        if i >= 0 and char < self.spans[i][1]:
            return i
        return None


# --- Cues --------------------------------------------------------------------------------------


def _sentence_cues(ctx: Context, sentence: Sentence, quoted: _Intervals) -> list[Cue]:
    cues = []
    # "requesting not to be named", "spoke on condition of anonymity": how, not what, someone said.
    hidden = [(sentence.start + m.start(), sentence.start + m.end()) for m in ANONYMITY_CUES.finditer(sentence.text)]
    for token in sentence.span:
        if quoted.index(token.idx) is not None:
            continue
        if any(s <= token.idx < e for s, e in hidden):
            continue
        cue = _cue(token, sentence, quoted)
        if cue is not None:
            cues.append(cue)
    return cues


def _cue(token: Token, sentence: Sentence, quoted: _Intervals) -> Cue | None:
    lemma = token.lemma_.lower()
    if token.pos_ in {"VERB", "AUX"} and lemma in IMPERSONAL_VERBS and token.dep_ != "amod":
        # "Manafort seemed to be part of the establishment", "Trump is expected to win": nobody is said to say it.
        passive = any(c.dep_ == "auxpass" for c in token.children)
        if (lemma in {"seem", "appear"} or passive) and any(c.dep_ in {"xcomp", "ccomp", "acomp", "attr"}
                                                            for c in token.children if c.i > token.i):
            agent = next((g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
            return Cue(token, "impersonal", agent, sentence)
    if token.pos_ == "VERB" and lemma == "accord":
        to = next((c for c in token.children if c.lower_ == "to"), None)
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        return Cue(token, "according", pobj, sentence) if pobj is not None else None
    if token.pos_ == "VERB" and (lemma in SAYING_VERBS or lemma in THINKING_VERBS or lemma in STANCE_VERBS
                                 or lemma in EVIDENCE_VERBS or _introduces_quote(token)):
        if token.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in token.children):
            return None  # "was asked", "is expected": who asks is not said
        if token.dep_ == "amod":
            return None
        source = _source_token(token, quoted)
        if source is None:
            return None
        return Cue(token, "verb", source, sentence)
    if token.pos_ == "NOUN" and lemma in SPEECH_NOUNS:
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if owner is not None:
            return Cue(token, "noun", owner, sentence)
    return None


def _introduces_quote(token: Token) -> bool:
    """A verb before a colon and an opening quotation mark: 'Mr. Christie gloated: "...', 'struck a defiant tone:
    "...'; or right before a comma and the mark: 'he joked, "...'."""
    doc = token.doc
    for j in range(token.i + 1, min(token.i + 7, len(doc) - 1)):
        punct = doc[j].text
        if punct == ":" or (punct == "," and j == token.i + 1):
            mark = doc[j + 1].text
            return mark in {"“", '"', "''", "``"} or mark.startswith(("“", '"'))
        if doc[j].is_punct or doc[j].pos_ in {"VERB", "AUX"} or doc[j].is_sent_start:
            return False
    return False


def _source_token(cue: Token, quoted: _Intervals, depth: int = 0) -> Token | None:
    """Who speaks: the cue's subject, or the subject it shares with the verb it is conjoined or attached to."""
    subjects = [c for c in cue.children if c.dep_ in {"nsubj", "csubj"}]
    outside = [c for c in subjects if quoted.index(c.idx) is None]
    if subjects and not outside:
        # '“All of my relationships are ...,” Butz, 49, told': the parser took a quoted word for the subject.
        named = [c for c in cue.children if c.i < cue.i and quoted.index(c.idx) is None
                 and c.pos_ in {"PROPN", "NOUN", "PRON"} and c.ent_type_ not in {"DATE", "TIME"}]
        return max(named, key=lambda c: c.i) if named else None
    subjects = outside
    if subjects:
        subject = min(subjects, key=lambda c: abs(c.i - cue.i))  # the nearest: a misparsed dateline is farther
        if subject.lower_ in RELATIVE:
            # "Smith, who said": the mention is "who", the speaker Smith.
            return subject if cue.dep_ == "relcl" else None
        if subject.lower_ in NON_SOURCES and subject.pos_ in {"PRON", "DET", "ADV"}:
            return None
        return subject
    if depth >= 2:
        return None
    head = cue.head
    if head.i == cue.i:
        return None
    # "... but added it had ...": a conjoined verb shares its first verb's subject.
    if cue.dep_ == "conj" and head.pos_ in {"VERB", "AUX"}:
        return _source_token(head, quoted, depth + 1)
    infinitive = (cue.dep_ == "xcomp" and cue.lemma_.lower() in SAYING_VERBS
                  and head.lemma_.lower() not in IMPERSONAL_VERBS)  # "went on to say", not "appears to confirm"
    if (cue.dep_ in {"advcl", "xcomp", "ccomp"} and cue.tag_ == "VBG" or infinitive) and head.pos_ in {
            "VERB", "AUX"} and head.i < cue.i:
        # "..., adding: '...'", "went on to say": the verb shares the main verb's subject.
        return _source_token(head, quoted, depth + 1)
    return None


# --- Headlines ---------------------------------------------------------------------------------

# Headline labels that name no speaker: "The Latest: ...", "Exclusive: ...".
HEADLINE_LABELS = {
    "the latest", "latest", "breaking", "breaking news", "update", "updated", "exclusive", "watch", "live",
    "opinion", "analysis", "editorial", "video", "photos", "correction", "editor's note", "editor’s note", "related",
    "read", "explainer", "factbox", "timeline", "q&a", "fact check", "column", "commentary", "review", "interview",
}
HEADLINE_SPEAKER_MAX_WORDS = 6
HEADLINE_TRAILING_SPEAKER_MAX_WORDS = 3
SPEAKER_NOUNS = INDIVIDUAL_HEADS | {
    "police", "officials", "sources", "analysts", "experts", "report", "study", "poll", "survey", "army", "military",
    "government", "ministry", "spokesperson", "residents", "witnesses", "president", "governor", "chief",
}


def _headline_label(ctx: Context, start: int, end: int) -> Draft | None:
    """'Ryan: Trump's Images Have No Place ...' (speaker, colon, what was said), or the South Asian
    '... worked with ISIS on police attack: spokesman' (what was said, colon, a short speaker)."""
    text = ctx.article.text[start:end]
    sentences = [s for s in ctx.sentences if s.start < end and start < s.end]
    if ":" not in text or not sentences:
        return None
    sentence = _Headline(start, end, sentences)
    colon = text.rfind(":")
    left, right = text[:colon].strip(), text[colon + 1 :].strip().rstrip(".")
    if 1 <= len(right.split()) <= HEADLINE_TRAILING_SPEAKER_MAX_WORDS and len(left.split()) >= 3:
        words = {w.lower().strip(".,") for w in right.split()}
        if words & SPEAKER_NOUNS or _has_entity(ctx, sentence.start + colon + 1, sentence.end, {"PERSON", "ORG"}):
            said = (sentence.start, sentence.start + len(text[:colon].rstrip()))
            return _label_draft(ctx, sentence, said, _span_after(text, colon, sentence.start), colon)
    colon = text.find(":")
    left, right = text[:colon].strip(), text[colon + 1 :].strip()
    if not 1 <= len(left.split()) <= HEADLINE_SPEAKER_MAX_WORDS or len(right.split()) < 3:
        return None
    if left.lower() in HEADLINE_LABELS or _has_entity(ctx, sentence.start, sentence.start + colon, {"GPE", "LOC", "DATE"}):
        return None
    # A person or a speaking role; not any organisation: "Boko Haram: army kills 20" reports on the group.
    if not (_has_entity(ctx, sentence.start, sentence.start + colon, {"PERSON"})
            or {w.lower().strip(".,") for w in left.split()} & SPEAKER_NOUNS):
        return None
    speaker = (sentence.start + (len(text) - len(text.lstrip())), sentence.start + len(text[:colon].rstrip()))
    said = _span_after(text, colon, sentence.start)
    return _label_draft(ctx, sentence, said, speaker, colon)


@dataclass(frozen=True, slots=True)
class _Headline:
    start: int
    end: int
    sentences: list[Sentence]


def _span_after(text: str, colon: int, offset: int) -> tuple[int, int]:
    rest = text[colon + 1 :]
    start = colon + 1 + (len(rest) - len(rest.lstrip()))
    return offset + start, offset + len(text.rstrip())


def _has_entity(ctx: Context, start: int, end: int, labels: set[str]) -> bool:
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.ent_type_ in labels for t in span)


def _label_draft(ctx: Context, sentence: _Headline, said: tuple[int, int], speaker: tuple[int, int],
                 colon: int) -> Draft | None:
    doc = ctx.doc
    said_span = doc.char_span(*said, alignment_mode="expand")
    speaker_span = doc.char_span(*speaker, alignment_mode="expand")
    cue = doc.char_span(sentence.start + colon, sentence.start + colon + 1, alignment_mode="expand")
    if not said_span or not speaker_span or not cue:
        return None
    words = [t for t in speaker_span if not t.is_punct]
    persons = [t for t in words if t.ent_type_ == "PERSON"]
    source = persons[-1] if persons else (words[-1] if words else None)
    if source is None:
        return None
    content = _trim(said_span)
    if content is None:
        return None
    return Draft([content], content[0], content[1], False, cue[0], source, sentence.sentences, 0.6, mention=speaker)


# --- From cues and quotations to statements ----------------------------------------------------


def _drafts(ctx: Context, quotes: list[Quote], quote_texts: list[str], cues: list[Cue]) -> list[Draft]:
    text = ctx.article.text
    long_quotes = [i for i, q in enumerate(quotes) if _is_statement_quote(quote_texts[i])]
    for cue in cues:
        cue.reported = _reported(ctx, cue)
    cue_by_token = {cue.token.i: cue for cue in cues}

    # Give each quotation to its cue.
    owner: dict[int, Cue] = {}
    for i in long_quotes:
        cue = _quote_cue(ctx, quotes[i], cues, cue_by_token)
        if cue is not None:
            owner[i] = cue
    # A short quotation that is all a cue reports is a quotation all the same: '"They sue," he said.'
    for cue in cues:
        if cue.reported is not None and cue.kind == "verb":
            for i, quote in enumerate(quotes):
                if i not in owner and quote.start <= cue.reported[0] and cue.reported[1] <= quote.end:
                    owner[i] = cue
    by_paragraph: dict[int, list[int]] = {}
    for i in sorted(set(long_quotes) | set(owner)):
        by_paragraph.setdefault(quotes[i].paragraph, []).append(i)
    # "“A,” X said. “B.”": a later quotation of the paragraph with no cue of its own is the same statement.
    for paragraph, indexes in by_paragraph.items():
        last: Cue | None = None
        for i in indexes:
            if i in owner:
                last = owner[i]
            elif last is not None:
                owner[i] = last
    for i, cue in sorted(owner.items()):
        cue.quotes.append(i)

    drafts: list[Draft] = []
    for cue in cues:
        pieces = [(quotes[i].start, quotes[i].end) for i in cue.quotes]
        reported = cue.reported
        if reported is not None:
            reported = _cut_at_next_cue(reported, cue, cues)
        if reported is not None:
            r_start, r_end = reported
            if pieces and not any(r_start <= e and s <= r_end for s, e in pieces):
                reported = None  # a clause apart from the quotation: the quotation is the content
        if not pieces and reported is None:
            continue
        all_pieces = sorted(set(pieces + ([reported] if reported else [])))
        start = min(s for s, _ in all_pieces)
        end = max(e for _, e in all_pieces)
        direct = bool(pieces) and (reported is None or _within(reported, pieces))
        sentences = _sentences_between(ctx, min(start, cue.token.idx), max(end, cue.token.idx + 1))
        confidence = 0.9 if pieces else 0.8 if cue.token.lemma_.lower() in SAYING_VERBS else 0.7
        drafts.append(Draft(_merge(all_pieces), start, end, direct, cue.token, cue.source, sentences, confidence,
                            [quote_texts[i] for i in cue.quotes]))

    # Quotation paragraphs with no cue: part of the direct statement just before, or the previous speaker's.
    drafts.sort(key=lambda d: d.start)
    for paragraph, indexes in sorted(by_paragraph.items()):
        free = [i for i in indexes if i not in owner]
        if not free:
            continue
        first = quotes[free[0]]
        previous = [d for d in drafts if d.end <= first.start]
        if not previous:
            continue
        last = max(previous, key=lambda d: d.end)
        # Nothing but this paragraph's own text between them, and the statement closes the paragraph before.
        between = text[last.end:first.start]
        paragraph_start = ctx.article.segments[paragraph].start
        before = [s for s in ctx.article.segments[:paragraph] if s.kind == "body"]
        adjacent = (bool(before) and before[-1].start <= last.end <= before[-1].end
                    and text[paragraph_start:first.start].strip() == ""
                    and not any(d.start >= last.end and d.start < paragraph_start for d in drafts if d is not last))
        gap_sentences = len(_sentences_between(ctx, last.end, first.start))
        span = (first.start, quotes[free[-1]].end)
        sentences = _sentences_between(ctx, *span)
        texts = [quote_texts[i] for i in free]
        if last.direct and (between.strip() == "" or adjacent):
            last.pieces = _merge(last.pieces + [(quotes[i].start, quotes[i].end) for i in free])
            last.end = span[1]
            last.sentences = last.sentences + [s for s in sentences if s not in last.sentences]
            last.quote_texts += texts
        elif gap_sentences <= 2:
            drafts.append(Draft([(quotes[i].start, quotes[i].end) for i in free], span[0], span[1], True, None, None,
                                sentences, 0.7, texts, continues=True))
    drafts.sort(key=lambda d: (d.start, d.end))
    return [d for d in drafts if d.sentences]


def _cut_at_next_cue(span: tuple[int, int], cue: Cue, cues: list[Cue]) -> tuple[int, int] | None:
    """'said "Yes, of course," adding: "..."': a second cue of the same speaker ends the first one's content."""
    start, end = span
    for other in cues:
        if other is cue or other.source is None or cue.source is None:
            continue
        # "Rubio said X, and he railed against Y": a conjoined clause with its own cue is its own statement.
        conjoined = other.token.dep_ == "conj" and other.source.head.i == other.token.i and other.source.i > start
        if other.source.i != cue.source.i and not conjoined:
            continue
        if start < other.token.idx < end and other.token.idx > cue.token.idx:
            left = [t for t in other.token.subtree if t.i < other.token.i]
            cut = min([other.token.idx, *(t.idx for t in left if t.dep_ not in {"ccomp", "parataxis"})])
            end = min(end, cut)
    text_end = end
    text = cue.token.doc.text  # Doc.text joins every token on each access: read it once
    while text_end > start and not text[text_end - 1].strip(" ,;:—–-"):
        text_end -= 1
    return (start, text_end) if text_end > start else None


TITLE_SMALL_WORDS = {"of", "the", "a", "an", "and", "in", "on", "for", "to", "with", "at", "by", "or", "from"}


def _is_statement_quote(inner: str) -> bool:
    """Words someone said: not a scare quote ("terrorists"), nor a title ("State of the Union", "Meet the Press")."""
    words = re.findall(r"[\w’'-]+", inner)
    if len(words) < MIN_QUOTE_WORDS:
        return False
    if len(words) <= 8 and not re.search(r"[.?!]", inner):
        content = [w for w in words if w.lower() not in TITLE_SMALL_WORDS]
        if content and all(w[0].isupper() or w[0].isdigit() for w in content):
            return False
    return True


def _within(span: tuple[int, int], pieces: list[tuple[int, int]]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in pieces)


def _merge(pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for s, e in sorted(pieces):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def _sentences_between(ctx: Context, start: int, end: int) -> list[Sentence]:
    return [s for s in ctx.sentences if s.kind in {"body", "title"} and s.start < end and start < s.end]


def _quote_cue(ctx: Context, quote: Quote, cues: list[Cue], cue_by_token: dict[int, Cue]) -> Cue | None:
    """The cue a quotation belongs to: the one it depends on, else the one beside it in its sentence."""
    doc = ctx.doc
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    # 1. Right after a cue: 'said "Yes, of course," adding: "..."', 'told reporters: "...'.
    previous = [t for t in doc[max(0, span.start - 4) : span.start]]
    for k in range(len(previous) - 1, -1, -1):
        token = previous[k]
        if token.i in cue_by_token and cue_by_token[token.i].kind == "verb" and cue_by_token[token.i].fits(quote):
            between = previous[k + 1 :]
            if all(t.is_punct for t in between) or (between and between[-1].text == ":"):
                return cue_by_token[token.i]
            break
    # 2. The parse: from a quoted token whose head lies outside the quotation, up to a cue.
    for token in span:
        node = token.head
        if token.is_punct or span.start <= node.i < span.end:
            continue  # the marks themselves attach anywhere
        for _ in range(3):
            if node.i in cue_by_token:
                if cue_by_token[node.i].fits(quote):
                    return cue_by_token[node.i]
                break
            if node.head.i == node.i or span.start <= node.head.i < span.end:
                break
            node = node.head
    # 3. Beside it: "...,” said X" / "X said: “..." in the sentences the quotation touches.
    sentences = {s.index for s in _sentences_between(ctx, quote.start, quote.end)}
    first_sentence = min(sentences) if sentences else None
    if first_sentence is not None and first_sentence > 0:
        before = ctx.sentences[first_sentence - 1]
        if before.kind == "body" and before.text.rstrip().endswith((":", ",")) and quote.start - before.end <= 2:
            sentences.add(before.index)
    # '“... child?” Rubio said.': the punctuation ended the sentence, the cue follows alone.
    last_sentence = max(sentences) if sentences else None
    if last_sentence is not None and last_sentence + 1 < len(ctx.sentences):
        following = ctx.sentences[last_sentence + 1]
        if following.kind == "body" and following.start - quote.end <= 2 and not following.text.startswith(("“", '"')):
            for cue in cues:
                if (cue.sentence.index == following.index and cue.kind == "verb" and cue.token.i - following.span.start <= 8
                        and cue.reported is None):
                    return cue
    nearby = [c for c in cues if c.sentence.index in sentences and c.kind == "verb" and c.fits(quote)]
    if not nearby:
        return None
    after = [c for c in nearby if c.token.idx >= quote.end]
    before_cues = [c for c in nearby if c.token.idx < quote.start]
    text = ctx.article.text
    inner_end = text[quote.inner_end - 1] if quote.inner_end > quote.inner_start else ""
    tail = text[quote.inner_end:quote.end]
    continues = inner_end in ",—–-" or "," in tail or inner_end in "?!" and after
    if after and (continues or not before_cues):
        return min(after, key=lambda c: c.token.idx)
    if before_cues:
        return max(before_cues, key=lambda c: c.token.idx)
    return None


# --- Reported content --------------------------------------------------------------------------


def _reported(ctx: Context, cue: Cue) -> tuple[int, int] | None:
    if cue.kind == "according":
        return _according_content(cue.token, cue.sentence)
    if cue.kind == "impersonal":
        token = cue.token
        return _trim(token.doc[token.left_edge.i : token.right_edge.i + 1])
    if cue.kind == "noun":
        return _noun_content(cue.token)
    return _verb_content(cue.token)


def _verb_content(cue: Token) -> tuple[int, int] | None:
    doc = cue.doc
    lemma = cue.lemma_.lower()
    if lemma in QUOTE_ONLY_VERBS:
        return None
    stance = lemma in STANCE_VERBS
    thinking = lemma in THINKING_VERBS and lemma not in SAYING_VERBS and not stance
    right: list[Token] = []
    left: list[Token] = []
    for child in cue.children:
        dep = child.dep_
        if ANONYMITY_CUES.search(doc[child.left_edge.i : child.right_edge.i + 1].text):
            continue  # "said requesting not to be named": how it was said, not what
        if child.i < cue.i:
            if dep in {"ccomp", "parataxis"} and child.pos_ in {"VERB", "AUX"}:
                left.append(child)
            continue
        if dep in CLAUSE_DEPS or dep == "advcl" and _is_that_clause(child):
            right.append(child)
        elif dep in {"dobj", "dative", "oprd", "attr"}:
            if lemma in ADDRESSEE_VERBS and dep in {"dobj", "dative"} and _has_clause_after(cue, child):
                continue  # "told reporters that ...": the object is who is told
            if stance and lemma not in PREP_ONLY_VERBS or _has_clause(child):
                right.append(child)
        elif (dep == "prep" and stance and child.lower_ in PREPS_OF.get(lemma, CONTENT_PREPS)
              and not _is_setting(child)):
            right.append(child)
    clauses = [c for c in right if c.dep_ in CLAUSE_DEPS or c.dep_ == "advcl"]
    if thinking and not any(c.dep_ == "ccomp" or c.dep_ == "xcomp" and lemma in WANTING_VERBS for c in clauses):
        # "believes that X", "wants Congress to act": a clause or an infinitive, never a bare object
        right, clauses = [], []
    if clauses:
        # "admitted for the first time that ...": what comes between the cue and its clause is not said,
        # except the object of a stance verb ("urged Congress to act").
        first = min(c.i for c in clauses)
        right = [c for c in right if c.i >= first or (stance and c.dep_ in {"dobj", "oprd"})]
    elif not stance or lemma in SAYING_VERBS:
        that = _that_clause(cue)
        if that is not None:
            return that
    if right:
        start = min(c.left_edge.i for c in right)
        end = max(c.right_edge.i for c in right) + 1
        return _trim(doc[start:end])
    if left:
        child = max(left, key=lambda c: c.i)
        return _trim(doc[child.left_edge.i : child.right_edge.i + 1])
    that = _that_clause(cue)
    if that is not None:
        return that
    # "X, he said, Y" / "X, he said.": the cue interrupts or follows the clause it reports.
    head = cue.head
    if head.i == cue.i:
        return None
    cue_left = _clause_left(cue)
    set_off = cue_left > 0 and doc[cue_left - 1].text in {",", "—", "–", "--"}
    # "He left after he said goodbye" is no attribution: an adverbial clause counts when set off and without
    # a conjunction, or with "as" ("as Trump said").
    marks = {c.lower_ for c in cue.children if c.dep_ == "mark"}
    adverbial = cue.dep_ == "advcl" and (set_off and not marks or marks == {"as"})
    if (cue.dep_ in {"parataxis", "ccomp"} or adverbial) and head.i < cue.i or cue.dep_ == "parataxis":
        start = head.left_edge.i
        if head.right_edge.i > cue.right_edge.i:
            return _trim(doc[start : head.right_edge.i + 1])
        return _trim(doc[start:cue_left]) if cue_left > start else None
    return None


def _that_clause(cue: Token) -> tuple[int, int] | None:
    """'admitted (for the first time) that X': the parser often misses the complement."""
    if cue.dep_ not in {"ROOT", "conj"}:
        return None
    for token in cue.subtree:
        if token.i > cue.i and token.lower_ == "that" and token.dep_ in {"mark", "advmod"} and token.i - cue.i <= 6:
            return _trim(cue.doc[token.i + 1 : _clause_end(cue, token)])
    return None


def _clause_left(cue: Token) -> int:
    """Token index where the cue's own clause starts ("he" of ", he said"), leaving out a fronted complement."""
    fronted = {t.i for c in cue.children if c.i < cue.i and c.dep_ in {"ccomp", "parataxis"} for t in c.subtree}
    return min(t.i for t in cue.subtree if t.i not in fronted)


def _is_that_clause(token: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in {"that", "whether", "if"} for c in token.children)


def _has_clause(token: Token) -> bool:
    return any(c.dep_ in {"ccomp", "acl", "relcl", "xcomp"} for c in token.children)


def _has_clause_after(cue: Token, obj: Token) -> bool:
    return any(c.i > obj.i and (c.dep_ in CLAUSE_DEPS or c.dep_ == "advcl") for c in cue.children)


def _is_setting(prep: Token) -> bool:
    """'on Thursday', 'in a statement', 'at a rally': when and where, not what."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return True
    if pobj.ent_type_ in {"DATE", "TIME", "GPE", "LOC", "FAC"}:
        return True
    return prep.lower_ == "on" and pobj.lower_ in {"monday", "tuesday", "wednesday", "thursday", "friday",
                                                   "saturday", "sunday", "twitter", "facebook", "television"}


def _according_content(according: Token, sentence: Sentence) -> tuple[int, int] | None:
    """The sentence "according to X" is attached to, without the attribution itself."""
    doc = according.doc
    pp_start, pp_end = according.left_edge.i, according.right_edge.i + 1
    words = [t.i for t in sentence.span if not (t.is_punct or t.is_space)]
    if not words:
        return None
    start, end = words[0], words[-1] + 1
    if pp_start <= start:
        start = pp_end
    elif pp_end >= end:
        end = pp_start
    return _trim(doc[start:end]) if end > start else None


def _noun_content(noun: Token) -> tuple[int, int] | None:
    doc = noun.doc
    for child in noun.children:
        if child.i > noun.i and child.dep_ in {"acl", "ccomp", "relcl"} and _is_that_clause(child):
            return _trim(doc[child.left_edge.i : child.right_edge.i + 1])
    for child in noun.children:
        if child.i > noun.i and child.dep_ in {"acl", "ccomp"}:
            return _trim(doc[child.left_edge.i : child.right_edge.i + 1])
    return None


def _clause_end(cue: Token, that: Token) -> int:
    """End of a 'that'-clause: before a conjoined second cue ('but added ...'), else the cue's subtree end."""
    for child in cue.children:
        if child.dep_ == "conj" and child.i > that.i:
            return child.left_edge.i if child.left_edge.i > that.i else child.i
    return cue.right_edge.i + 1


EDGE_WORDS = {"that", "but", "and", "or", "as"}  # complementizers and dangling conjunctions at a clause's edges


def _trim(span: Span) -> tuple[int, int] | None:
    tokens = [t for t in span if not (t.is_punct and t.text not in {"“", "”", '"', "''"} or t.is_space)]
    while tokens and tokens[0].lower_ in EDGE_WORDS and tokens[0].dep_ in {"mark", "cc", "advmod"}:
        tokens = tokens[1:]
    while tokens and tokens[-1].lower_ in EDGE_WORDS and tokens[-1].dep_ in {"cc", "mark"}:
        tokens = tokens[:-1]
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _drop_nested(drafts: list[Draft]) -> list[Draft]:
    """A cue inside another statement's content is part of that content ("he said that she believed ...").

    A statement nobody is said to make ("it appears that ...") gives way to one inside it that names its source.
    """
    sourced = [d for d in drafts if d.source is not None and d.cue is not None]
    drafts = [d for d in drafts if d.source is not None or d.cue is None
              or not any(o.cue.i != d.cue.i and any(s <= o.cue.idx < e for s, e in d.pieces) for o in sourced)]
    kept = []
    for draft in drafts:
        if draft.cue is not None:
            char = draft.cue.idx
            if any(other is not draft and other.cue is not None and other.cue.i != draft.cue.i
                   and any(s <= char < e for s, e in other.pieces) and not _inside(other, draft)
                   for other in drafts):
                continue
        kept.append(draft)
    # The same content twice (two cues of one clause): keep the first.
    unique: list[Draft] = []
    for draft in kept:
        if any(u.start == draft.start and u.end == draft.end for u in unique):
            continue
        unique.append(draft)
    return unique


def _inside(outer: Draft, inner: Draft) -> bool:
    """True when `outer`'s cue lies in `inner`'s content: the two contain each other, keep the wider."""
    return outer.cue is not None and any(s <= outer.cue.idx < e for s, e in inner.pieces) and (
        inner.end - inner.start > outer.end - outer.start)


# --- Speakers ----------------------------------------------------------------------------------


def _with_speakers(ctx: Context, drafts: list[Draft], registry: Registry) -> list[Found]:
    found: list[Found] = []
    for draft in sorted(drafts, key=lambda d: (min(d.start, d.cue.idx if d.cue is not None else d.start), d.end)):
        if draft.continues or draft.source is None:
            if draft.continues and found:
                speaker = found[-1].speaker
            elif draft.continues:
                continue
            else:
                speaker = Speaker(text=None)
            mention = None
        else:
            sentence = ctx.sentence_at(draft.source.idx) or draft.sentences[0]
            speaker = _speaker(ctx, draft.source, sentence, found, registry)
            mention = _mention_span(ctx, draft.source, draft.mention)
            if draft.mention is not None and not speaker.named:
                speaker = replace(speaker, text=mention.text)  # a headline's label: "Poll", "spokesman"
        found.append(_make(ctx, draft, speaker, mention))
    return found


def _speaker(ctx: Context, token: Token, sentence: Sentence, found: list[Found], registry: Registry) -> Speaker:
    if token.lower_ in RELATIVE and token.head.dep_ == "relcl":
        token = token.head.head  # "Smith, who said": Smith
    if token.lower_ in PRONOUNS:
        resolved = _pronoun_speaker(ctx, token, found, registry)
        if resolved is not None:
            return resolved
    if token.lower_ == "it":
        # "It said it had decided ...": the organisation named before, when there is one.
        antecedent = ctx.antecedent(token)
        if not antecedent:
            return Speaker(text=None)
        mention = antecedent[0]
        return Speaker(text=mention.text, actor_id=mention.actor_id, organization_id=mention.actor_id)
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


def _pronoun_speaker(ctx: Context, token: Token, found: list[Found], registry: Registry) -> Speaker | None:
    """'He said': the last speaker; for "he"/"she", the last person who spoke, unless a person has since
    been the subject of a sentence ("Trump criticized the plan. ... Ryan arrived. He said ...")."""
    previous = found
    if token.lower_ in {"he", "she"}:
        previous = [f for f in found if f.speaker.named or f.speaker.role or f.speaker.anonymous] or found
    last = previous[-1] if previous else None
    since = 0
    if last is not None:
        mention = last.statement.source_mention
        since = max(last.content_end, mention.end if mention is not None else 0)
    if token.lower_ in {"he", "she"}:
        sentence = ctx.sentence_at(token.idx)
        earliest = ctx.sentences[max(0, sentence.index - 2)].start if sentence is not None else token.idx
        subjects = [ent for ent in token.doc.ents if ent.label_ == "PERSON" and max(since, earliest) <= ent.start_char
                    and ent.end_char <= token.idx and ent.root.dep_ in {"nsubj", "nsubjpass"}]
        if subjects:
            sentence_of = ctx.sentence_at(subjects[-1].start_char)
            if sentence_of is not None:
                return _speaker(ctx, subjects[-1].root, sentence_of, [], registry)
    return last.speaker if last is not None else None


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


def _mention_span(ctx: Context, token: Token, given: tuple[int, int] | None = None) -> TextSpan:
    """The words that name the speaker: the subject's phrase, without a relative clause or trailing commas."""
    if given is not None:
        return TextSpan(start=given[0], end=given[1], text=ctx.article.text[given[0] : given[1]])
    doc = token.doc
    start, end = token.left_edge.i, token.right_edge.i + 1
    for child in token.children:
        if child.i > token.i and child.dep_ == "relcl":
            end = min(end, child.left_edge.i)
    while end - 1 > token.i and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    while start < token.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    first, last = doc[start], doc[end - 1]
    s, e = first.idx, last.idx + len(last.text)
    return TextSpan(start=s, end=e, text=ctx.article.text[s:e])


def _make(ctx: Context, draft: Draft, speaker: Speaker, mention: TextSpan | None) -> Found:
    text = ctx.article.text
    start, end = draft.start, draft.end
    if draft.direct:
        said = " ".join(t.strip() for t in draft.quote_texts if t.strip())
    else:
        said = text[start:end]
    statement = Statement(
        speaker=speaker.text, speaker_id=speaker.actor_id, role=speaker.role,
        organization_id=speaker.organization_id, anonymous=speaker.anonymous, direct=draft.direct,
        text=said, content=TextSpan(start=start, end=end, text=text[start:end]), source_mention=mention,
        cue=_cue_text(draft.cue), evidence=[s.evidence() for s in draft.sentences], confidence=draft.confidence,
    )
    pieces = tuple(draft.pieces) if len(draft.pieces) > 1 else ()
    return Found(statement, draft.sentences[-1].index, start, end, speaker,
                 draft.source.i if draft.source is not None else None, pieces)


def _cue_text(cue: Token | None) -> str | None:
    if cue is None:
        return None
    if cue.lemma_.lower() == "accord":
        return "according to"
    return cue.text


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
    """The statement whose content contains the span [start, end), if any; one with a known speaker."""
    for item in found:
        if item.statement.speaker is None:
            continue  # "it appears that ...": the article's own hedge
        pieces = item.pieces or ((item.content_start, item.content_end),)
        if any(s <= start and end <= e for s, e in pieces):
            return item
    return None
