"""Sentences with actor mentions replaced by placeholders, for surface patterns.

"LeJ is also affiliated with the Pakistani Taliban" becomes
"⟦0⟧ is also affiliated with ⟦1⟧", so one regular expression covers every
spelling of every actor. Offsets map back to the article text.

A name followed by its acronym in brackets, "the Islamic Army in Iraq (IAI)",
is one placeholder. Coordinated placeholders ("⟦0⟧, ⟦1⟧ and the ⟦2⟧") form a
list: `list_before` reads the list that ends before a trigger, `slots_in` every
placeholder inside a matched stretch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .context import ActorMention, Context, Sentence

SLOT_RE = re.compile(r"⟦(\d+)⟧")
SLOT = r"⟦\d+⟧"
# What joins two members of a list: ", ", " and ", ", and the ", " as well as ".
LIST_JOIN = r"(?:\s*,\s*(?:and\s+|as well as\s+|along with\s+|or\s+|including\s+|notably\s+|especially\s+)?|" \
            r"\s+(?:and|&|as well as|along with|or)\s+)" \
            r"(?:even\s+|also\s+)?(?:the\s+)?"
# A list may hold a name that is no placeholder: "the ⟦IMK⟧, al-Nahda, and ⟦Kurdish Hamas⟧".
LIST_ITEM = rf"(?:{SLOT}(?:(?:'s|’s)\s+{SLOT})?|(?:al-)?[A-Z][\w'’-]*(?:\s+(?:al-)?[A-Z][\w'’-]*){{0,2}}(?=\s*,))"
LIST = rf"(?:the\s+)?{SLOT}(?:{LIST_JOIN}{LIST_ITEM})*"
LIST_JOIN_RE = re.compile(rf"^{LIST_JOIN}$", re.IGNORECASE)
# "the Jose Solano Sepulveda Front of the National Liberation Army": a unit of a larger group.
OF_SLOT_RE = re.compile(rf"^\s+of\s+(?:the\s+)?({SLOT})")
POSSESSED_SLOT_RE = re.compile(rf"^(?:'s|’s)\s+(?:\w+\s+)?(?:rival|ally|enemy|affiliate|partner|foe|offshoot)s?,\s*"
                               rf"(?:the\s+)?({SLOT})")


@dataclass(frozen=True, slots=True)
class Masked:
    sentence: Sentence
    text: str
    slots: list[list[ActorMention]]
    slot_positions: list[tuple[int, int]]  # placeholder span in `text`
    # (masked offset, article offset) at the start of each unmasked stretch
    anchors: list[tuple[int, int]]

    def to_article(self, pos: int) -> int:
        best = self.anchors[0]
        for masked_pos, article_pos in self.anchors:
            if masked_pos <= pos:
                best = (masked_pos, article_pos)
        return best[1] + (pos - best[0])

    def slot_at(self, placeholder: str) -> list[ActorMention]:
        match = SLOT_RE.fullmatch(placeholder)
        return self.slots[int(match.group(1))] if match else []

    def slot_indices(self, start: int, end: int) -> list[int]:
        """Placeholders inside `text[start:end]`, in order."""
        return [int(m.group(1)) for m in SLOT_RE.finditer(self.text, start, end)]

    def slots_in(self, start: int, end: int) -> list[ActorMention]:
        """Every mention behind the placeholders inside `text[start:end]`."""
        return [m for i in self.slot_indices(start, end) for m in self.slots[i]]

    def slots_before(self, pos: int) -> list[tuple[int, list[ActorMention]]]:
        """Placeholders ending at or before `pos`, nearest first."""
        found = [(i, self.slots[i]) for i, (s, e) in enumerate(self.slot_positions) if e <= pos]
        return sorted(found, key=lambda item: -self.slot_positions[item[0]][0])

    def slot_of(self, mention: ActorMention) -> int | None:
        return next((i for i, group in enumerate(self.slots) if mention in group), None)

    def list_ending_at(self, index: int) -> list[int]:
        """The coordinated placeholders that end with placeholder `index`: "⟦0⟧, ⟦1⟧ and ⟦2⟧"."""
        members = [index]
        while members[0] > 0:
            previous = members[0] - 1
            gap = self.text[self.slot_positions[previous][1] : self.slot_positions[members[0]][0]]
            if not LIST_JOIN_RE.match(gap):
                break
            members.insert(0, previous)
        return members

    def list_starting_at(self, index: int) -> list[int]:
        members = [index]
        while members[-1] + 1 < len(self.slots):
            following = members[-1] + 1
            gap = self.text[self.slot_positions[members[-1]][1] : self.slot_positions[following][0]]
            if not LIST_JOIN_RE.match(gap):
                break
            members.append(following)
        return members

    def organisation_of(self, index: int) -> int:
        """For "⟦unit⟧ of the ⟦group⟧", the group; for "⟦A⟧'s rival, ⟦B⟧", B; else the placeholder itself."""
        after = self.text[self.slot_positions[index][1] :]
        match = OF_SLOT_RE.match(after) or POSSESSED_SLOT_RE.match(after)
        return int(SLOT_RE.fullmatch(match.group(1)).group(1)) if match else index


def mask(ctx: Context, sentence: Sentence) -> Masked:
    mentions = _named_first(ctx, sentence)
    groups: dict[tuple[int, int], list[ActorMention]] = {}
    for mention in mentions:
        groups.setdefault((mention.start, mention.end), []).append(mention)
    text = ctx.article.text
    spans = _merge_acronyms(text, sorted(groups.items()))
    pieces: list[str] = []
    anchors: list[tuple[int, int]] = [(0, sentence.start)]
    slots: list[list[ActorMention]] = []
    positions: list[tuple[int, int]] = []
    cursor = sentence.start
    length = 0
    for (start, end), group in spans:
        if start < cursor:
            continue  # overlapping, not nested: keep the first
        pieces.append(text[cursor:start])
        length += start - cursor
        placeholder = f"⟦{len(slots)}⟧"
        positions.append((length, length + len(placeholder)))
        slots.append(group)
        pieces.append(placeholder)
        length += len(placeholder)
        anchors.append((length, end))
        cursor = end
    pieces.append(text[cursor : sentence.end])
    return Masked(sentence, "".join(pieces), slots, positions, anchors)


def _named_first(ctx: Context, sentence: Sentence) -> list[ActorMention]:
    """Outer mentions, except that a generic actor ("JRTN leader" read as civilians) yields to the
    named group inside it, and an actor only implied by an event word ("arrested": the police) names
    nobody there."""
    inside = [m for m in ctx.mentions_in(sentence.start, sentence.end) if m.via != "implied"]
    generic = [m for m in inside if _generic(ctx, m.actor_id)
               and (EVENT_WORDS.match(m.text) or
                    any(o is not m and m.start <= o.start and o.end <= m.end and not _generic(ctx, o.actor_id)
                        for o in inside))]
    kept = [m for m in inside if m not in generic]
    return [m for m in kept
            if not any(o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start) for o in kept)]


# Generic actors read off an event word ("clashes" as rioters) leave the word to the relation patterns.
EVENT_WORDS = re.compile(r"^(?:clash\w*|fight\w*|fought|battl\w*|riot\w*|violence|unrest|protest\w*|demonstrat\w*|"
                         r"skirmish\w*)$", re.IGNORECASE)


def _generic(ctx: Context, actor_id: str) -> bool:
    return ctx.kind(actor_id) == "generic"


def _merge_acronyms(text: str, spans: list[tuple[tuple[int, int], list[ActorMention]]]
                    ) -> list[tuple[tuple[int, int], list[ActorMention]]]:
    """"⟦Islamic Army in Iraq⟧ (⟦IAI⟧)" is one placeholder when both name the same actor."""
    merged: list[tuple[tuple[int, int], list[ActorMention]]] = []
    for (start, end), group in spans:
        if merged:
            (p_start, p_end), p_group = merged[-1]
            between = text[p_end:start]
            after = re.match(r"\s*\)", text[end:])
            if re.fullmatch(r"\s*\(\s*", between) and after and \
                    {m.actor_id for m in group} <= {m.actor_id for m in p_group}:
                merged[-1] = ((p_start, end + after.end()), p_group)
                continue
        merged.append(((start, end), group))
    return merged
