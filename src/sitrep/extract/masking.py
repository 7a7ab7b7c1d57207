"""Sentences with actor mentions replaced by placeholders, for surface patterns.

"LeJ is also affiliated with the Pakistani Taliban" becomes
"⟦0⟧ is also affiliated with ⟦1⟧", so one regular expression covers every
spelling of every actor. Offsets map back to the article text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .context import ActorMention, Context, Sentence

SLOT_RE = re.compile(r"⟦(\d+)⟧")
SLOT = r"⟦\d+⟧"


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

    def slots_before(self, pos: int) -> list[tuple[int, list[ActorMention]]]:
        """Placeholders ending at or before `pos`, nearest first."""
        found = [(i, self.slots[i]) for i, (s, e) in enumerate(self.slot_positions) if e <= pos]
        return sorted(found, key=lambda item: -self.slot_positions[item[0]][0])


def mask(ctx: Context, sentence: Sentence) -> Masked:
    mentions = ctx.outer_mentions(sentence)
    groups: dict[tuple[int, int], list[ActorMention]] = {}
    for mention in mentions:
        groups.setdefault((mention.start, mention.end), []).append(mention)
    text = ctx.article.text
    pieces: list[str] = []
    anchors: list[tuple[int, int]] = [(0, sentence.start)]
    slots: list[list[ActorMention]] = []
    positions: list[tuple[int, int]] = []
    cursor = sentence.start
    length = 0
    for (start, end), group in sorted(groups.items()):
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
