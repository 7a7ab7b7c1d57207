"""Relations between organisations, each with its sentence and who asserts it.

Rules are surface patterns over masked sentences (see masking.py), where every
actor mention is a placeholder and coordinated placeholders form a list. Each
rule names the relation, whether it is directed, and where its sides are:

- `pair` rules: a source and a target. The target is the list the pattern
  captures (`dst`); the source is the list it captures (`src`), a possessive
  pronoun resolved to its antecedent, or else the list of actors that ends
  nearest before the trigger (the clause's subject, as news prose puts it).
  `reverse` rules swap the two ("received money from X": X is the funder).
- `mutual` rules: every pair within one list ("X, Y and Z collaborated",
  "clashes between X and Y"), plus, for `mutual_plus`, each member with the
  group they formed ("X and Y merged to form Z").
- `anchor`: a rule that reads the second half of a cue ("... split off ... to
  form Z"): the source is the subject before the anchor ("split"), not before
  the trigger.

Ambiguous cues are `weak` ("joined", "members of", "supported"): a weak
relation is dropped when a firm rule relates the same pair in the same
sentence. Negation turns a relation's status to "negated", hedging to "hedged".

When a sentence names two or more groups and no rule relates any of them, a
fallback reads the relation off cue words (`LEXICON`, a small weighted list per
type): those of the sentence, and, when it has too few of its own, those of the
sentences around it at half weight. The type with the highest score wins when
it reaches `FALLBACK_MIN`, between the sentence's topic (the group that is the
subject of its main verb) and each other group; the relation gets a low
confidence (`FALLBACK_CONFIDENCE`), so an explicit pattern always outranks it,
and none is guessed for a pair a rule relates elsewhere in the article or in
a sentence with a negation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import combinations

from ..model import Relation
from ..registry import Registry
from .context import RELATIVE_PRONOUNS, SUBJECT_DEPS, ActorMention, Context, Sentence
from .masking import LIST, LIST_JOIN, SLOT, Masked, mask
from .statements import Found, speaker_for

STATE_KINDS = {"state", "state_force"}
NON_STATE_KINDS = {"armed_group", "faction", "militia", "political_party", "generic"}
GROUP_KINDS = {"armed_group", "faction", "militia", "political_party"}
SYMMETRIC = {"cooperation", "alliance", "rivalry", "merger", "affiliation"}
NEGATION = re.compile(r"\b(?:not|never|no longer|denied|denies|deny|rejected|rejects|refuted|no|unsuccessful(?:ly)?|"
                      r"failed to)\b", re.IGNORECASE)
HEDGES = re.compile(
    r"\b(?:believed|reportedly|allegedly|alleged|suspected|appears?|apparently|may|might|could|possibly|"
    r"predictions?|said to|thought to|likely|rumou?red|purported(?:ly)?|opportunit(?:y|ies)|attempting|trying|"
    r"unconfirmed|unclear)\b",
    re.IGNORECASE,
)
# A time phrase right after the relation: "during the early years of their insurgency", "since 2014".
PERIOD_RE = re.compile(
    r"^\s*(?:,\s*)?((?:during|since|until|throughout)\s+[^.;,⟦]{3,60}|"
    r"in\s+(?:the\s+)?(?:early|late|mid|recent|past|last)?\s*(?:\d{4}s?|years?|months?|decades?|weeks?)\b[^.;,⟦]{0,40})"
)

DST = rf"(?:the\s+)?(?P<dst>{SLOT})"
DST_L = rf"(?P<dst>{LIST})"
SRC = rf"(?P<src>{SLOT})"
SRC_L = rf"(?P<src>{LIST})"
BOTH = rf"(?P<both>{LIST})"
# Groups acting together: "⟦MILF⟧ fighters and some ⟦ASG⟧ fighters", "⟦PKK⟧ and ⟦KDP⟧ peshmerga militants".
_MEMBERS = r"(?:\s+(?:\w+\s+)?(?:fighters|militants|members|forces|units|cadres|operatives|gunmen))?"
ACTORS = rf"(?P<both>{SLOT}{_MEMBERS}(?:{LIST_JOIN}(?:some\s+|several\s+|many\s+)?{SLOT}{_MEMBERS})+)"
POSS = r"(?P<poss>its|their)"
POSSESSIVE_RE = re.compile(r"\b(?:its|their)\b", re.IGNORECASE)
W = r"(?:[\w'’,-]+\s+)"  # any one word
# Words that may stand between a verb and its object: "began fighting", "also".
UNITS = r"(?:(?:elements|members|forces|fighters|militants|units|positions|bases|targets|remnants|cells|leaders|" \
        r"commanders|supporters|loyalists|headquarters|territory|strongholds)\s+of\s+)"
SPLIT_VERBS = re.compile(
    r"\b(?:split|splits|splitting|splintered|splinters|broke away|broke off|breaking away|separated|seceded|defected|"
    r"fragmented|left\s+(?:the|its|their)\s+(?:group|organi[sz]ation|movement|ranks)|"
    r"members\s+(?:\w+\s+){0,3}?joined)\b", re.IGNORECASE)
MERGE_VERBS = re.compile(r"\b(?:merged|merge|merges|merging|merger|united|unite|unites|unified|combined|amalgamated|"
                         r"joined together|came together|fused)\b", re.IGNORECASE)
ALLY_VERBS = re.compile(r"\b(?:joined forces|allied|formed an alliance|teamed up|banded together)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Rule:
    type: str
    pattern: re.Pattern
    source_kinds: frozenset[str] = frozenset()
    confidence: float = 0.8
    mode: str = "pair"  # pair | mutual | mutual_plus
    reverse: bool = False
    weak: bool = False
    anchor: re.Pattern | None = None
    verb: bool = False  # the trigger must be a verb ("attacked X", not "the attack from X")


def _rule(type_: str, pattern: str, *, source_kinds: set[str] = frozenset(), confidence: float = 0.8,
          mode: str = "pair", reverse: bool = False, weak: bool = False, anchor: re.Pattern | None = None,
          verb: bool = False) -> Rule:
    return Rule(type_, re.compile(pattern, re.IGNORECASE), frozenset(source_kinds), confidence, mode, reverse, weak,
                anchor, verb)


RULES = [
    # --- cooperation and alliance ---------------------------------------------------------
    _rule("cooperation", rf"\b(?:worked|works|work|working|co-?operat\w*|collaborat\w*|coord\w+|"
                         rf"partnered|teamed up|joined hands|colluded|sided|aligned|aligning|align)\s+"
                         rf"(?:closely\s+|together\s+|militarily\s+|operationally\s+|directly\s+|itself\s+|themselves\s+)*"
                         rf"(?:with|alongside)\s+(?!each other|one another){DST_L}"),
    _rule("cooperation", rf"{SRC}\s+and\s+{DST}\s+(?:had\s+|have\s+|has\s+)?(?:worked|cooperated|collaborated|"
                         rf"coordinated|operated)\s+together"),
    _rule("cooperation", rf"\b(?:building|build|builds|built|develop|developing|developed|forging|forged|forge|"
                         rf"establishing|established|strengthening)\s+(?:new\s+|close\s+|closer\s+)?(?:links|ties|"
                         rf"relationships|relations|contacts|connections)\s+with\s+{DST_L}", confidence=0.7),
    _rule("cooperation", rf"\bjoint\s+(?:attacks?|operations?|offensives?|raids?)\s+(?:by|of)\s+{SRC}\s+and\s+{DST}"),
    _rule("cooperation", rf"{BOTH}\s+{W}{{0,5}}?(?:conducted|carried out|launched|staged|mounted|planned|executed|"
                         rf"made|led|claimed|have carried|carried|began|started)\s+{W}{{0,2}}?(?:joint|coordinated|"
                         rf"combined)\s+", mode="mutual", confidence=0.85),
    _rule("cooperation", rf"\b(?:in|during|through|with)\s+(?:a\s+|an\s+|their\s+)?(?:joint|coordinated|combined)\s+"
                         rf"(?:\w+\s+)?(?:operations?|attacks?|offensives?|assaults?|raids?|campaigns?)\b", mode="mutual",
          confidence=0.75),
    _rule("cooperation", rf"{ACTORS}\s+(?:\w+\s+)?(?:attacked|captured|seized|stormed|overran|overtook|overtake|took|"
                         rf"retook|launched|invaded|besieged|ambushed|raided|bombed|fought|shelled|liberated|entered|"
                         rf"surrounded|carried out|conducted|staged|mounted)\b", mode="mutual", confidence=0.65),
    _rule("cooperation", rf"\b(?:contracted|hired|paid|recruited|enlisted|commissioned|employed)\s+{DST_L}\s+"
                         rf"(?:to|for|as)\b", confidence=0.7),
    _rule("cooperation", rf"{BOTH}\s+{W}{{0,4}}?(?:jointly|together|in concert|in tandem|side by side)\b",
          mode="mutual", confidence=0.8),
    _rule("cooperation", rf"{BOTH}\s+{W}{{0,3}}?(?:co-?operat\w*|collaborat\w*|coord\w+|"
                         rf"fought alongside|helped|worked together)\b", mode="mutual", confidence=0.75),
    _rule("cooperation", rf"{BOTH}[^;]{{0,100}}?\b(?:co-?operat\w*|collaborat\w*|coordinat\w*|worked|work|working|"
                         rf"fought|fight|fighting|operated|allied|sided)\s+(?:closely\s+|together\s+)?"
                         rf"(?:with|alongside|along side)\s+(?:each other|one another)", mode="mutual"),
    _rule("cooperation", rf"\b(?:conducted|carried out|launched|held|staged|mounted|planned|organi[sz]ed)\s+"
                         rf"(?:\w+\s+){{0,3}}?(?:exercises|operations?|attacks?|raids?|offensives?|training|drills)\s+"
                         rf"(?:together\s+|jointly\s+)?with\s+{DST_L}"),
    _rule("cooperation", rf"\b(?:supported|backed|facilitated|assisted|aided|helped|protected|sponsored|trained|armed)"
                         rf"(?:\s+and\s+\w+)?\s+by\s+(?:the\s+)?{DST_L}", reverse=True, confidence=0.65, weak=True),
    _rule("cooperation", rf"\b(?:fought|fight|fights|fighting|battled|battling|operated|operating|operates|served|"
                         rf"serving)\s+(?:\w+\s+)?(?:alongside|along side|beside|side by side with)\s+"
                         rf"(?!each other|one another){DST_L}", confidence=0.85),
    _rule("cooperation", rf"\b(?:fought|fight|fights|fighting)\s+(?:together\s+)?with\s+{DST_L}\s+(?:to|in|at|for|"
                         rf"during|against|near|around|on)\b", confidence=0.65),
    _rule("cooperation", rf"\bin\s+(?:close\s+)?(?:collaboration|coordination|cooperation|partnership|conjunction|"
                         rf"concert|league)\s+with\s+{DST_L}"),
    _rule("affiliation", rf"\b(?:supported|supports|support|supporting|backed|backs|backing|endorsed|endorses|praised|"
                         rf"welcomed)\s+(?:\w+\s+)?{DST_L}", confidence=0.6, weak=True, verb=True),
    _rule("cooperation", rf"\b(?:aided|aiding|assisted|"
                         rf"assisting|assist|assists|helped|helping|help|helps|protected|sheltered|harboured|"
                         rf"harbored|hosted|trained|training)\s+(?:\w+\s+)?(?:[\w-]+\s+){{0,2}}?{UNITS}?{DST_L}",
          confidence=0.6, weak=True, verb=True),
    _rule("cooperation", rf"\b(?:provided|providing|provides|provide|gave|give|offered|offering|supplied|supplies|"
                         rf"sent)\s+{DST_L}(?:'s|’s)?\s+(?:[\w-]+\s+){{0,3}}?(?:sanctuary|safe[- ]haven|support|"
                         rf"shelter|refuge|assistance|protection|fighters|reinforcements)", confidence=0.7),
    _rule("cooperation", rf"\b(?:signed|agreed|reached|concluded|brokered|entered into)\s+(?:an?\s+)?{W}{{0,2}}?"
                         rf"(?:ceasefire|cease-fire|truce|peace|agreement|pact|accord|deal)\s+{W}{{0,2}}?with\s+{DST_L}",
          confidence=0.65),
    _rule("cooperation", rf"{BOTH}\s+{W}{{0,3}}?(?:signed|agreed|reached|concluded)\s+(?:an?\s+)?{W}{{0,2}}?"
                         rf"(?:ceasefire|cease-fire|truce|peace|agreement|pact|accord|deal)\b", mode="mutual",
          confidence=0.65),
    _rule("cooperation", rf"\b(?:working|operational|military|strategic|close)\s+(?:working\s+)?(?:relationship|"
                         rf"partnership|cooperation|coordination)\s+(?:between|among|with)\s+{BOTH}", mode="mutual"),
    _rule("alliance", rf"\b(?:allied|formed an alliance|joined forces|in alliance|allies|ally|allying|alliance|"
                      rf"aligned)\s+(?:itself\s+|themselves\s+)?(?:with|to)\s+{DST_L}"),
    _rule("alliance", rf"\balliance\s+(?:between|of)\s+{SRC}\s+and\s+{DST}"),
    _rule("alliance", rf"\b(?:alliance|coalition|partnership|cooperation|collaboration|coordination)\s+(?:between|of|"
                      rf"among)\s+{BOTH}", mode="mutual"),
    _rule("alliance", rf"{SRC},?\s+(?:an?\s+|the\s+)?(?:close\s+|key\s+|main\s+)?ally\s+of\s+{DST}"),
    _rule("alliance", rf"{BOTH}\s+{W}{{0,3}}?(?:have been |had been |were |are |became |remain |formally )?"
                      rf"(?:allied|allies|joined forces|formed an alliance|formed a coalition)\b", mode="mutual"),
    _rule("alliance", rf"\b(?:joined|joins|join|joining)\s+(?:the\s+)?{DST_L}", confidence=0.6, weak=True),
    _rule("alliance", rf"{BOTH}\s+{W}{{0,3}}?(?:formed|created|forged|signed|entered into|established|announced|"
                      rf"proposed|agreed|struck|sealed)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:alliance|coalition|pact|"
                      rf"partnership|union)\b", mode="mutual"),
    _rule("alliance", rf"\b(?:joined|joins|join|joining|entered)\s+(?:the\s+)?{SLOT}[^;]{{0,40}}?\b(?:which|that)\s+"
                      rf"(?:includes?|included|including|comprises?|comprised|brings together|brought together|"
                      rf"consists of|grouped)\s+(?:[^⟦;]{{0,30}}?)(?:such as\s+|including\s+)?{DST_L}",
          confidence=0.7),
    _rule("alliance", rf"\b(?:is|was|are|were|became|become|becomes|remained|remains|remain)\s+"
                      rf"(?:an?\s+|the\s+|one\s+of\s+the\s+)?(?:[\w-]+\s+){{0,2}}?(?:member|constituent|"
                      rf"component|signatory|founding member|leaders?|commanders?|co-?founders?|members)\s+"
                      rf"(?:group\s+|organi[sz]ation\s+|brigade\s+|faction\s+)?(?:of|in|within)\s+(?:the\s+)?"
                      rf"{DST_L}", confidence=0.55, weak=True),
    _rule("alliance", rf"{SRC},\s+(?:an?\s+|the\s+|one\s+of\s+the\s+)(?:[\w-]+\s+){{0,2}}?(?:member|constituent|"
                      rf"component|founding member)(?:\s+(?:group|organi[sz]ation|brigade|faction))?\s+(?:of|in|within)\s+"
                      rf"(?:the\s+)?{DST}", confidence=0.55, weak=True),
    _rule("alliance", rf"\bto\s+(?:form|create|found|establish|launch)\s+(?:[^⟦;]{{0,60}}?){DST}",
          mode="mutual_plus", anchor=ALLY_VERBS, confidence=0.75),
    # --- affiliation, allegiance, funding -------------------------------------------------
    _rule("affiliation", rf"\b(?:affiliated|associated|linked|tied|connected|affiliation)\s+(?:\w+\s+)?(?:with|to)\s+"
                         rf"{DST_L}"),
    _rule("affiliation", rf"{SRC},?\s+(?:an?\s+|the\s+)?(?:local\s+|regional\s+)?(?:affiliate|franchise)\s+of\s+{DST}"),
    _rule("affiliation", rf"\b(?:an?\s+|the\s+)?(?:\w+\s+){{0,2}}?(?:affiliate|franchise|branch|proxy|front group|"
                         rf"front organi[sz]ation|front|subsidiary|chapter)\s+(?:group\s+)?(?:of|to|for)\s+{DST_L}",
          confidence=0.75),
    _rule("affiliation", rf"\b{POSS}\s+(?:\w+\s+){{0,2}}?(?:affiliate|franchise|branch|proxy)(?:\s+group)?\b"
                         rf"(?:[^⟦;]{{0,40}}?,\s*){DST}", confidence=0.75),
    _rule("affiliation", rf"\b(?:any\s+|close\s+|operational\s+|strong\s+|extensive\s+)?(?:links?|ties|connections?|"
                         rf"contacts?|relations)\s+(?:to|with)\s+{DST_L}", confidence=0.7, weak=True),
    _rule("affiliation", rf"\b(?:relationship|relations|ties|links|connections?)\s+(?:\w+\s+)?between\s+"
                         rf"{BOTH}", mode="mutual", confidence=0.6, weak=True),
    _rule("affiliation", rf"\b(?:drawn|recruited|composed|made up|consists?|consisting|formed)\s+(?:[^⟦;]{{0,30}}?)"
                         rf"(?:from|of)\s+(?:the\s+)?{DST}(?:'s|’s)?\s+(?:cadres|ranks|members|fighters|militants)",
          confidence=0.7),
    _rule("affiliation", rf"\b(?:co-?founded|co-?founders?\s+of)\s+(?:the\s+)?{DST_L}", confidence=0.55, weak=True),
    _rule("affiliation", rf"{BOTH}\s+(?:[\w,'’-]+\s+){{0,6}}?(?:links|ties|relations|connections|contacts)\b",
          mode="mutual", confidence=0.6),
    _rule("affiliation", rf"\b(?:takes?|took|taking|follows?|followed|receives?|received)\s+(?:its\s+|their\s+)?"
                         rf"(?:orders|instructions|directions|guidance)\s+from\s+(?:\w+\s+){{0,2}}?{DST_L}"),
    _rule("affiliation", rf"\bunder\s+(?:the\s+)?(?:command|orders|direction|control|supervision|umbrella|banner|"
                         rf"leadership|auspices)\s+of\s+{DST_L}", confidence=0.7),
    _rule("affiliation", rf"\bunder\s+{DST}(?:'s|’s|s)?\s+(?:orders|command|control|leadership|banner|umbrella)",
          confidence=0.7),
    _rule("allegiance", rf"\b(?:pledged?|pledges|pledging|re-pledged|swore|sworn|swears?|swearing|declared?|"
                        rf"declaring|vows?|vowed|vowing|renewed|offered|gave|given|announced)\s+(?:its\s+|their\s+|"
                        rf"his\s+|an?\s+|formal\s+|public\s+)*(?:allegiance|loyalty|bay'?ah|oath of (?:allegiance|"
                        rf"loyalty)|loyalty oath)\s+to\s+(?:[\w'’-]+\s+){{0,3}}?(?:and\s+)?{DST_L}"),
    _rule("allegiance", rf"\b(?:loyal|loyalty|allegiance)\s+to\s+{DST_L}", confidence=0.75),
    _rule("allegiance", rf"(?:\b{POSS}\s+)?\b(?:support|backing)\s+for\s+{DST_L}", confidence=0.6, weak=True),
    _rule("funding", rf"{SRC}\s*(?:--|—|–|,)\s*{POSS}\s+(?:\w+\s+){{0,2}}(?:backers?|sponsors?|funders?|financiers?|"
                     rf"patrons?|paymasters?)\b"),
    _rule("funding", rf"\b(?:funded|finances|financed|funds|bankrolled|bankrolls|sponsored|sponsors|armed|"
                     rf"financing|funding)\s+{DST_L}"),
    _rule("funding", rf"\b(?:received|receives|receiving|receive|got|gets|obtained|obtains|accepted)\s+"
                     rf"(?:[\w,'’-]+\s+){{0,8}}?(?:money|funds|funding|financing|weapons|arms|training|support|"
                     rf"assistance|aid|resources|backing|equipment)\s+(?:[\w,'’-]+\s+){{0,8}}?from\s+"
                     rf"(?:[\w'’-]+\s+){{0,2}}?{DST_L}", reverse=True, confidence=0.75),
    _rule("funding", rf"\b(?:source|provider|supplier|funder|financier)\s+of\s+(?:\w+\s+){{0,3}}?(?:for|to)\s+{DST_L}",
          confidence=0.75),
    _rule("funding", rf"\bsupported\s+by\s+{DST}(?:'s|’s)?\s+(?:finances|funds|money|funding)", reverse=True,
          confidence=0.7),
    # --- rivalry and hostility ------------------------------------------------------------
    _rule("rivalry", rf"\b{POSS}\s+(?:\w+\s+){{0,2}}(?:rivals?|enemy|enemies|adversary|adversaries|foes?|nemesis)\s*,?\s*{DST}"),
    _rule("rivalry", rf"{SRC}\s+and\s+{DST}\s+(?:are|were|have been|remain)\s+(?:\w+\s+)?(?:rivals|enemies|at war)"),
    _rule("rivalry", rf"\b(?:rivalry|clashes|clash|fighting|fights|feud|infighting|turf war|war|conflict|tensions?|"
                     rf"hostilit(?:y|ies)|violence|battles?|competition|dispute)\s+(?:\w+\s+){{0,2}}?between\s+{BOTH}",
          mode="mutual"),
    _rule("rivalry", rf"\b(?:relationship|relations|ties)\s+(?:\w+\s+)?between\s+{BOTH}(?:[^;]{{0,40}}?)\b(?:hostile|"
                     rf"tense|strained|antagonistic|violent|bloody|adversarial)\b", mode="mutual", confidence=0.85),
    _rule("rivalry", rf"\b(?:hostile|tense|strained|antagonistic|adversarial)\s+(?:relationship|relations)\s+(?:between|"
                     rf"with)\s+{BOTH}", mode="mutual", confidence=0.85),
    _rule("rivalry", rf"{SRC},?\s+(?:an?\s+|the\s+)?(?:key\s+|main\s+|arch-?)?rival\s+of\s+{DST}"),
    _rule("rivalry", rf"{SRC}(?:'s|’s)\s+(?:\w+\s+)?(?:rival|enemy|adversary|foe|nemesis)s?,?\s+(?:the\s+)?{DST}"),
    _rule("rivalry", rf"\b(?:withdr[ae]w\w*|cut|ended|ends|end|suspended|halted|stopped)\s+(?:its\s+|their\s+|all\s+)?"
                     rf"(?:\w+\s+)?(?:support|backing|funding|aid|assistance|ties|relations|cooperation|alliances?|"
                     rf"partnerships?)\s+(?:for|to|from|with)\s+"
                     rf"{DST_L}", confidence=0.65),
    _rule("rivalry", rf"\b(?:driven|pushed|expelled|ousted|forced)\s+(?:out\s+)?(?:of|from)\s+[^;]{{0,60}}?\b(?:by|after\s+"
                     rf"(?:fighting|clashes|clashing|battles?|battling)\s+with)\s+(?:[^⟦;]{{0,40}}?)(?:including\s+)?"
                     rf"{DST_L}", confidence=0.75),
    _rule("rivalry", rf"\b(?:clashed|clashes|clashing|clash|skirmished|skirmishes|feuded|feuding|feud|tensions?|"
                     rf"hostile|rivalry|rival relationship|rivalries|war)\s+(?:\w+\s+){{0,2}}?with\s+"
                     rf"(?!each other|one another){DST_L}", confidence=0.85),
    _rule("rivalry", rf"{BOTH}\s+{W}{{0,4}}?(?:clashed|clash|battled|fought each other|fought one another|"
                     rf"fight each other|fighting each other|fighting one another|feuded|are rivals|were rivals|"
                     rf"have been rivals|are enemies|opposed each other|have opposed each other|went to war|"
                     rf"fought a war|fought|have fought|are fighting|were fighting|battled)\b"
                     rf"(?!\s+(?:alongside|with|together|side|along|against|the\s+⟦|⟦))", mode="mutual"),
    _rule("rivalry", rf"\b(?:rival|rivals|enemy|enemies|adversary|foe|nemesis)\s+(?:of|to)\s+{DST_L}"),
    _rule("rivalry", rf"\b(?:attacks?|attacked|assaults?|bombings?|raids?|strikes?|bombed|raided|stormed)\s+"
                     rf"(?:\w+\s+){{0,2}}?(?:at|on|against|targeting)\s+(?:the\s+)?(?:\w+\s+)?(?:headquarters|bases?|"
                     rf"offices?|positions?|camps?|compounds?|convoys?|checkpoints?|leaders?|leadership|members|"
                     rf"fighters|strongholds?)\s+of\s+{DST_L}"),
    _rule("rivalry", rf"\b(?:is|was|were|are|been|being)\s+(?:\w+\s+)?(?:driven|pushed|expelled|ousted|forced|"
                     rf"chased|attacked|targeted|killed|defeated|routed)\s+(?:out\s+)?(?:[^⟦;]{{0,40}}?)\bby\s+"
                     rf"(?:the\s+)?{DST_L}", confidence=0.75),
    _rule("rivalry", rf"\bagainst\s+(?:the\s+)?{UNITS}?{DST_L}", confidence=0.7),
    _rule("rivalry", rf"\b(?:attacks?|attacked|assaults?|offensives?|raids?|strikes?|bombings?|war|campaign|"
                     rf"operations?|retaliation|revenge|crackdown|declared war|waged war|turned)\s+(?:\w+\s+){{0,2}}?"
                     rf"(?:on|upon|against)\s+(?:the\s+)?{UNITS}?{DST_L}", confidence=0.8),
    _rule("rivalry", rf"\b(?:targeted|targeting|targets|target|attacked|attacking|attacks|attack|ambushed|ambushing|"
                     rf"raided|besieged|bombed|shelled|overran|overrun|invaded|expelled|ousted|routed|defeated|fought|"
                     rf"fighting|fights|fight|battled|battling|confronted|confront|confronting|opposes|opposed|oppose|"
                     rf"opposing|combat|combatting|combating|counter|countering|suppress|eliminate|destroy|crush|"
                     rf"sabotage|denounced|denounces|denouncing|condemned|condemning|condemns|rebuked|rebukes|"
                     rf"accused|accusing|accuses|criticised|criticized|blamed|vanquish|wipe out|evict|evicted|"
                     rf"repel|repelled|resist|resisted|resisting)\s+"
                     rf"(?:(?!with\b|alongside\b|along\b|together\b|beside\b|under\b|for\b|in\b|from\b|by\b)"
                     rf"\w+\s+){{0,2}}?{UNITS}?{DST_L}", verb=True),
    _rule("rivalry", rf"\b(?:killed|killing|kills|kill|assassinated|assassinating|murdered|executed|beheaded|"
                     rf"kidnapped|kidnapping|abducted|captured|arrested|arresting|detained|detaining|attacked|"
                     rf"targeted|targeting|ambushed|shot)\s+(?:[\w'’-]+\s+){{0,4}}?(?:members?|leaders?|"
                     rf"commanders?|fighters?|militants?|operatives?|cadres?|chief|spokesman|founder|officials?|"
                     rf"emir|soldiers|men|positions|bases)\s+(?:of|from|belonging to)\s+(?:the\s+)?{DST_L}"),
    _rule("rivalry", rf"\b(?:killed|killing|kills|kill|assassinated|assassinating|murdered|executed|beheaded|"
                     rf"kidnapped|kidnapping|abducted|captured|arrested|arresting|arrest|detained|detaining|attacked|"
                     rf"targeted|targeting|ambushed|shot|death of|assassination of|killing of|arrest of)\s+"
                     rf"(?:[\w'’-]+\s+){{0,2}}?{DST}(?:'s|’s)?\s+(?:[\w-]+\s+)?(?:members?|leaders?|commanders?|"
                     rf"fighters?|militants?|operatives?|cadres?|chief|spokesman|founder|officials?|emir|bases|"
                     rf"compound|headquarters|positions|strongholds?|camps?)\b"),
    _rule("rivalry", rf"\b(?:seized|seize|seizing|captured|capture|capturing|took|take|taking|wrested|wrest|retook|"
                     rf"retake|retaking|recaptured|recapture|took over|drove|driving|drive|pushed|push|pushing|expelled|"
                     rf"expelling|liberated|liberate|freed|free|reclaim|reclaimed)\s+(?:[^⟦;]{{0,50}}?)\s+(?:from|out of)\s+"
                     rf"(?:the\s+)?(?:control\s+of\s+)?(?:{POSS}|{DST_L})(?:\s+control)?", confidence=0.75),
    _rule("rivalry", rf"\b(?:driving|drove|drive|drives|pushed|push|pushing|forced|forcing|chased)\s+{DST_L}\s+"
                     rf"(?:out|from|away|back)", confidence=0.8),
    _rule("rivalry", rf"\b(?:founded|formed|created|established)\s+to\s+(?:counter|combat|fight|oppose|confront|"
                     rf"protect\s+\w+\s+from)\s+(?:[\w'’-]+\s+){{0,2}}?{DST_L}", confidence=0.8),
    _rule("rivalry", rf"\b(?:at\s+war|at\s+odds|in\s+conflict|in\s+competition)\s+with\s+{DST_L}"),
    _rule("hostility", rf"{SRC}(?:\s*\({SLOT}\))?(?:\s+(?:group|organi[sz]ation|outfit|movement))?,\s+an?\s+(?:\w+\s+)?"
                       r"anti-(?P<community>[A-Za-z]+)\b", confidence=0.75),
    _rule("hostility", rf"\bturned\s+(?:its|their)\s+(?:guns|weapons|attention|sights)\s+(?:on|against)\s+{DST}",
          confidence=0.75),
    # --- splinters, factions and mergers --------------------------------------------------
    _rule("splinter", rf"{SRC},?\s+(?:an?\s+|the\s+)?(?:splinter group|splinter faction|breakaway faction|breakaway group|"
                      rf"offshoot)\s+of\s+{DST}"),
    _rule("splinter", rf"\b(?:an?\s+|the\s+)?(?:splinter group|splinter faction|breakaway faction|breakaway group|"
                      rf"offshoot|splinter|dissident faction)\s+(?:of|from)\s+(?:the\s+)?{DST}", confidence=0.75),
    _rule("faction_of", rf"\b(?:an?\s+|the\s+|one\s+)(?:\w+\s+)?faction\s+of\s+(?:the\s+)?{DST}", confidence=0.7),
    _rule("splinter", rf"\b(?:split|splits|splitting|splintered|splinters|splintering|broke|breaks|broken|breaking|"
                      rf"separated|separates|seceded|defected|defecting|defects|parted ways|withdrew|expelled|"
                      rf"emerged|broken away)\s+(?:\w+\s+){{0,2}}?(?:away\s+|off\s+)?from\s+(?:the\s+)?"
                      rf"(?:main\s+|parent\s+|mother\s+|original\s+)?{DST}", confidence=0.85),
    _rule("splinter", rf"\b(?:split|splintered|broke away|broke off|separated|seceded)\s+(?:\w+\s+){{0,2}}?(?:away\s+|off\s+)?"
                      rf"from\s+(?:the\s+)?{SRC}[^;]{{0,60}}?\b(?:to\s+(?:re-?)?(?:form|create|found|establish)|forming|"
                      rf"creating|founding|establishing)\s+(?:[^⟦;]{{0,40}}?){DST}", reverse=True, confidence=0.85),
    _rule("splinter", rf"{DST}\s*,\s*{SRC}(?:'s|’s|s)?\s+(?:former\s+)?parent\s+(?:organi[sz]ation|group|"
                      rf"movement|party)"),
    _rule("splinter", rf"\b{POSS}\s+(?:\w+\s+)?(?:split|break|separation|breakaway|secession|defection)\s+from\s+{DST}",
          confidence=0.85),
    _rule("splinter", rf"\b(?:to\s+(?:re-?)?(?:form|create|found|establish|start|launch|set up)|forming|creating|"
                      rf"founding|establishing|launching)\s+(?:[^⟦;]{{0,40}}?){DST}",
          anchor=SPLIT_VERBS, reverse=True, confidence=0.8),
    _rule("splinter", rf"\b(?:formed|founded|created|established|started|set up|launched|made up|composed)\s+"
                      rf"(?:\w+\s+){{0,3}}?by\s+(?:\w+\s+){{0,3}}?(?:members|rebels|fighters|militants|veterans|"
                      rf"dissidents|commanders|leaders|defectors|cadres|{SLOT})\s+(?:from|of)\s+(?:[^⟦;]{{0,40}}?){DST}",
          confidence=0.8),
    _rule("splinter", rf"\b(?:was|were|been)\s+(?:\w+\s+)?(?:formed|founded|created|established|set up|launched)\s+"
                      rf"(?:\w+\s+){{0,3}}?by\s+(?:the\s+)?{DST}", confidence=0.6, weak=True),
    _rule("splinter", rf"\b(?:formed|founded|created|established|set up|launched)\s+{DST}\s+(?:as|to)\b",
          reverse=True, confidence=0.55, weak=True),
    _rule("splinter", rf"{SRC}(?:'s|’s|s)?\s+(?:[\w-]+\s+){{0,3}}?(?:fighters|members|militants|cadres|commanders|"
                      rf"leaders|units|factions?|brigades?|wing)[\s,]+(?:[^;]{{0,80}}?)(?:defected|defect|joined|join|"
                      rf"switched|went over|merged)\s+(?:\w+\s+)?(?:to\s+|with\s+|into\s+)?(?:the\s+)?{DST}", reverse=True,
          confidence=0.9),
    _rule("merger", rf"\b(?:{POSS}\s+|the\s+)?(?:remaining\s+|former\s+)?(?:members|fighters|militants|cadres|remnants)\s+"
                    rf"(?:[^;]{{0,40}}?)(?:joined|rejoined|went over to|were absorbed into|were integrated into)\s+"
                    rf"(?:the\s+)?{DST}", anchor=re.compile(r"\b(?:dissol\w+|disband\w+|ceased to exist|"
                                                             r"dismantled itself)\b", re.IGNORECASE), confidence=0.9),
    _rule("splinter", rf"\b(?:members|fighters|militants|cadres|commanders|units)\s+(?:of|from)\s+(?:the\s+)?{SRC}\s+"
                      rf"(?:[^;]{{0,60}}?)(?:defected|defect|joined|join|switched|went over|merged)\s+(?:\w+\s+)?"
                      rf"(?:to\s+|with\s+|into\s+)?(?:the\s+)?{DST}", reverse=True, confidence=0.9),
    _rule("faction_of", rf"\b(?:an?\s+|the\s+)?(?:armed|military|political|militant|youth|student|paramilitary)\s+"
                        rf"(?:wing|arm)\s+of\s+(?:the\s+)?{DST}", confidence=0.75),
    _rule("merger", rf"\b(?:merged|merges|merging|merge|amalgamated|integrated|incorporated|folded|absorbed|"
                    rf"subsumed|dissolved)\s+(?:\w+\s+){{0,2}}?(?:with|into)\s+{DST_L}", confidence=0.85),
    _rule("merger", rf"\bmerger\s+(?:of|between)\s+{SRC}\s+and\s+{DST}"),
    _rule("merger", rf"\b(?:merger|amalgamation|unification|consolidation|fusion)\s+(?:of|between|with)\s+{DST_L}",
          confidence=0.8),
    _rule("merger", rf"\bmerger\s+of\s+(?:[^⟦;]{{0,60}}?)(?:including\s+|such as\s+)?{SRC_L}[^;]{{0,60}}?\bto\s+"
                    rf"(?:form|create|found|establish)\s+(?:[^⟦;]{{0,60}}?){DST}", confidence=0.85),
    _rule("merger", rf"\bto\s+(?:form|create|found|establish|become)\s+(?:[^⟦;]{{0,60}}?){DST}", mode="mutual_plus",
          anchor=MERGE_VERBS, confidence=0.85),
    _rule("merger", rf"{BOTH}\s+{W}{{0,4}}?(?:merged|merge|united|unified|combined|amalgamated|joined together|"
                    rf"fused)\b", mode="mutual", confidence=0.8),
    _rule("merger", rf"\b(?:absorbed|absorbs|absorbing|subsumed|incorporated|incorporates|incorporating|integrated|"
                    rf"annexed|swallowed)\s+(?:the\s+)?(?:remaining\s+|remnants\s+of\s+|most\s+of\s+|much\s+of\s+)?"
                    rf"(?:(?:[\w-]+\s+){{0,2}}?(?:membership|members|fighters|cadres|ranks|units|parts?)\s+of\s+"
                    rf"(?:the\s+)?)?{DST_L}", confidence=0.8),
    _rule("merger", rf"\b(?:realign(?:ed|s|ing|ment)?|reunif(?:ied|y|ication)|re-?joined|reintegrated)\s+"
                    rf"(?:\w+\s+)?(?:with\s+)?(?:the\s+)?{DST_L}", confidence=0.75),
    _rule("merger", rf"\b(?:joined|join|joining)\s+{DST}\s+(?:[^;]{{0,40}}?)(?:ceased to exist|dissolved|disbanded)",
          confidence=0.8),
    # --- states against groups ------------------------------------------------------------
    _rule("state_action_against", rf"\b(?:carried out|launched|conducted|mounted|stepped up|intensified|began)\s+"
                                  rf"(?:\w+\s+){{0,3}}(?:offensives?|operations?|crackdowns?|strikes?|raids?|campaigns?)\s+"
                                  rf"(?:against|on)\s+{DST_L}", source_kinds=STATE_KINDS),
    _rule("state_action_against", rf"\b(?:detained|arrested|killed|captured|banned|proscribed|outlawed|apprehended)\s+"
                                  rf"(?:(?:hundreds|dozens|scores|thousands|several|many|\d+)\s+of\s+)?"
                                  rf"(?:{POSS}|{DST})(?:\s+(?:militants|fighters|members|operatives|cadres|leaders))?",
          source_kinds=STATE_KINDS),
]

# Cue words for the fallback, by type, with weights.
LEXICON: dict[str, dict[str, float]] = {
    "cooperation": {
        r"joint(?:ly)?": 3, r"together": 2, r"alongside": 3, r"alli(?:ed|ance|ances|es)": 3, r"ally": 3,
        r"coalition": 2, r"umbrella": 1.5, r"co-?operat\w*": 2.5, r"collaborat\w*": 2.5, r"coordinat\w*": 2,
        r"worked with": 2, r"help(?:ed|ing|s)?": 1.5, r"assist\w*": 1.5, r"ceasefire|truce": 2, r"partner\w*": 2,
        r"fought with": 2, r"shared": 1, r"sanctuary|safe[- ]haven": 1.5, r"participat\w*": 1.5, r"joined": 1,
        r"agreement": 1, r"support\w*": 0.75, r"aligned": 2, r"common": 1, r"escape": 1, r"provided": 1,
    },
    "rivalry": {
        r"clash\w*": 3, r"fight\w*|fought": 1.5, r"battl\w*": 2, r"against": 1.5, r"attack\w*": 1.5,
        r"target\w*": 2, r"rival\w*": 3, r"enem\w*": 3, r"feud\w*": 3, r"war": 2, r"hostil\w*": 3,
        r"kill\w*": 1.5, r"assassinat\w*": 2, r"kidnap\w*": 2, r"accus\w*": 2.5, r"denounc\w*": 2.5,
        r"condemn\w*": 2.5, r"rebuk\w*": 2.5, r"oppos\w*": 2.5, r"tensions?": 2, r"conflict": 2, r"destroy\w*": 2,
        r"suppress\w*": 2, r"combat\w*": 2, r"retaliat\w*": 2.5, r"sabotage": 2, r"driv(?:e|en|ing)|drove": 1.5,
        r"expel\w*": 2, r"behead\w*": 2, r"illegitimate": 2, r"seiz\w*|captur\w*": 1, r"assault\w*": 1.5,
        r"competi\w*": 1.5, r"violent": 1, r"offensive": 1, r"arrest\w*": 1,
    },
    "affiliation": {
        r"affiliat\w*": 3, r"allegiance": 3, r"loyal\w*": 3, r"pledg\w*": 2.5, r"swore|sworn|vow\w*": 2,
        r"oath": 2, r"branch": 2.5, r"link\w*|ties": 2, r"associat\w*": 2.5, r"front": 1, r"fund\w*": 2.5,
        r"financ\w*": 2.5, r"money": 2, r"weapons": 1, r"training|trained": 1, r"support\w*": 1.5, r"orders": 2,
        r"found(?:er|ers|ed)|co-found\w*": 1.5, r"member\w*": 1, r"relations\w*": 1.5, r"contacts?": 1.5,
        r"franchise": 3, r"supplier": 1.5, r"resources": 1.5, r"liaison": 2, r"camps?": 1, r"inspired": 1.5,
    },
    "splinter": {
        r"split\w*": 3, r"splinter\w*": 3, r"broke away|break(?:s|ing)? away|breakaway": 3, r"defect\w*": 3,
        r"faction\w*": 1.5, r"fragment\w*": 2.5, r"separat\w*": 2, r"left the group": 2, r"former members": 2,
        r"offshoot": 3, r"wing": 1, r"dissident\w*": 2, r"expelled": 1,
    },
    "merger": {
        r"merg\w*": 3.5, r"absorb\w*": 3, r"incorporat\w*": 3, r"unit(?:ed|e) to form": 3, r"joined together": 3,
        r"amalgamat\w*": 3, r"consolidat\w*": 2.5, r"combine\w*": 2, r"realign\w*": 2.5, r"reunif\w*": 2.5,
        r"ceased to exist": 2, r"dissol\w*": 1.5, r"rejoin\w*": 2.5, r"integrat\w*": 2.5, r"formed by": 1,
    },
}
LEXICON_RES = {kind: [(re.compile(rf"\b(?:{cue})\b", re.IGNORECASE), weight) for cue, weight in cues.items()]
               for kind, cues in LEXICON.items()}
FALLBACK_MIN = 2.0
FALLBACK_CONFIDENCE = 0.45
NEIGHBOUR_WEIGHT = 0.5


def find_relations(ctx: Context, *, registry: Registry, statements: list[Found]) -> list[Relation]:
    relations: dict[tuple, Relation] = {}
    related_sentences: set[int] = set()
    _plural_references(ctx)
    for sentence in ctx.sentences:
        masked = mask(ctx, sentence)
        actors = {m.actor_id for slot in masked.slots for m in slot}
        if len(actors) < 2 and not (actors and POSSESSIVE_RE.search(masked.text)):
            continue  # a relation needs two sides: two actors named, or one and a possessive
        found: list[tuple[Rule, Relation]] = []
        for rule in RULES:
            for match in rule.pattern.finditer(masked.text):
                for relation in _relations_from(ctx, masked, rule, match, registry, statements):
                    found.append((rule, relation))
        firm_pairs = {frozenset((r.source_id, r.target_id)) for rule, r in found if not rule.weak}
        for rule, relation in found:
            if rule.weak and frozenset((relation.source_id, relation.target_id)) in firm_pairs:
                continue
            key = _key(relation)
            if key not in relations:
                relations[key] = relation
            related_sentences.add(sentence.index)
    relations.update({_key(r): r for r in _faction_relations(ctx) if _key(r) not in relations})
    related_pairs = {frozenset((r.source_id, r.target_id)) for r in relations.values()}
    for relation in _fallback_relations(ctx, statements, related_sentences):
        if frozenset((relation.source_id, relation.target_id)) not in related_pairs:
            relations.setdefault(_key(relation), relation)
    return sorted(relations.values(), key=lambda r: (r.evidence[0].start, r.type, r.source_id, r.target_id))


def _key(relation: Relation) -> tuple:
    if relation.type in SYMMETRIC:
        return (*sorted((relation.source_id, relation.target_id)), relation.type)
    return relation.source_id, relation.target_id, relation.type


def _relations_from(ctx: Context, masked: Masked, rule: Rule, match: re.Match, registry: Registry,
                    statements: list[Found]) -> list[Relation]:
    groups = match.groupdict()
    start = match.start()
    if rule.verb and not _is_verb(masked, start):
        return []
    if rule.anchor is not None:
        anchors = [a for a in rule.anchor.finditer(masked.text, 0, start)]
        if not anchors:
            return []
        start = anchors[-1].start()
    if rule.mode in {"mutual", "mutual_plus"}:
        members = _unique(_side(masked, match, "both")) if groups.get("both") else _subject(ctx, masked, start,
                                                                                              rule.source_kinds)
        pairs = list(combinations(members, 2))
        if rule.mode == "mutual_plus" and groups.get("dst"):
            pairs += [(m, t) for m in members for t in _side(masked, match, "dst")]
    else:
        targets = _side(masked, match, "dst") if groups.get("dst") else []
        sources = _side(masked, match, "src") if groups.get("src") else []
        if groups.get("poss"):
            resolved = _possessive(ctx, masked, match)
            if groups.get("src"):
                targets = resolved  # "al-Qaeda -- their financial backers": the possessor is funded
            elif targets:
                sources = resolved  # "its rival, X", "its split from X"
            else:
                targets = resolved  # "from its control", "hundreds of its militants"
        if rule.type == "hostility" and groups.get("community"):
            community = _community(registry, match.group("community"))
            targets = [community] if community else []
        if not sources:
            sources = _subject(ctx, masked, start, rule.source_kinds, exclude={m.actor_id for m in targets})
        if rule.reverse:
            sources, targets = targets, sources
        pairs = [(s, t) for s in sources for t in targets]
    results = []
    seen: set[tuple[str, str]] = set()
    for source, target in pairs:
        if source.actor_id == target.actor_id or (source.actor_id, target.actor_id) in seen:
            continue
        if not _kinds_ok(ctx, registry, rule, source, target):
            continue
        seen.add((source.actor_id, target.actor_id))
        results.append(_relation(ctx, masked, rule, match, source.actor_id, target.actor_id, statements))
    return results


def _unique(mentions: list[ActorMention]) -> list[ActorMention]:
    found: dict[str, ActorMention] = {}
    for mention in mentions:
        found.setdefault(mention.actor_id, mention)
    return list(found.values())


def _side(masked: Masked, match: re.Match, group: str) -> list[ActorMention]:
    """The mentions behind a captured list; "⟦unit⟧ of the ⟦group⟧" counts as the group.

    Commas alone do not make a list ("⟦0⟧, ⟦1⟧'s rival"): without an "and" only the first counts.
    """
    start, end = match.span(group)
    indices = masked.slot_indices(start, end)
    if len(indices) > 1 and not re.search(r"\b(?:and|or|as well as|along with|including)\b|&", masked.text[start:end]) \
            and not re.match(r"\s*,?\s*(?:and|or)\b", masked.text[end:]):
        indices = indices[:1]
    return _unique([m for i in indices for m in masked.slots[masked.organisation_of(i)]])


def _is_verb(masked: Masked, pos: int) -> bool:
    char = masked.to_article(pos)
    token = next((t for t in masked.sentence.span if t.idx >= char), None)
    return token is not None and (token.pos_ in {"VERB", "AUX"} or token.tag_.startswith("VB"))


def _subject(ctx: Context, masked: Masked, pos: int, kinds: frozenset[str], *,
             exclude: set[str] = frozenset()) -> list[ActorMention]:
    """Who does what the trigger at `pos` says: the grammatical subject of its verb when the parse
    gives one that names an actor ("The Red Brigades Guerrilla Party, composed mainly of ...,
    split from"), else the list of actors nearest before the trigger."""
    before = masked.slots_before(pos)
    if before and re.match(r"\s*,?\s*(?:who|which|that)\b", masked.text[masked.slot_positions[before[0][0]][1] : pos]):
        return _subject_before(ctx, masked, pos, kinds, exclude=exclude)  # "the Pakistani Taliban who pledge"
    found = [m for m in _parsed_subject(ctx, masked, pos)
             if m.actor_id not in exclude and (not kinds or ctx.kind(m.actor_id) in kinds)]
    if found and all(ctx.kind(m.actor_id) == "generic" for m in found):
        named = _subject_before(ctx, masked, pos, kinds, exclude=exclude, named=True)
        if named:
            return named  # "the GIA became divided and a group of militants split": the GIA
    if found:
        return _unique(_with_list(ctx, masked, found, kinds, exclude))
    return _subject_before(ctx, masked, pos, kinds, exclude=exclude)


def _with_list(ctx: Context, masked: Masked, found: list[ActorMention], kinds: frozenset[str],
               exclude: set[str]) -> list[ActorMention]:
    """A subject the parse found, with the groups coordinated with it: "⟦0⟧, ⟦1⟧, and ⟦2⟧ began targeting"."""
    result = list(found)
    for mention in found:
        index = masked.slot_of(mention)
        if index is None:
            continue
        members = sorted(set(masked.list_ending_at(index)) | set(masked.list_starting_at(index)))
        joins = masked.text[masked.slot_positions[members[0]][0] : masked.slot_positions[members[-1]][1]]
        if len(members) > 1 and re.search(r"\b(?:and|or|as well as|along with)\b|&", joins):
            result += [m for i in members for m in masked.slots[i]
                       if m.actor_id not in exclude and (not kinds or ctx.kind(m.actor_id) in kinds)]
    return result


def _parsed_subject(ctx: Context, masked: Masked, pos: int) -> list[ActorMention]:
    sentence = masked.sentence
    char = masked.to_article(pos)
    token = next((t for t in sentence.span if t.idx >= char), None)
    if token is None:
        return []
    node = token
    for _ in range(6):
        if node.pos_ in {"VERB", "AUX"} or node.head is node:
            break
        node = node.head
    for _ in range(4):
        subjects = [c for c in node.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            subject = subjects[0]
            if subject.lower_ in RELATIVE_PRONOUNS and node.dep_ == "relcl":
                subject = node.head
            heads = [subject, *subject.conjuncts]
            mentions = [m for head in heads for m in ctx.mention_for_subtree(head)
                        if sentence.start <= m.start < sentence.end]
            return mentions
        if node.dep_ in {"conj", "xcomp", "advcl", "ccomp", "relcl", "acl", "pcomp"} and node.head is not node:
            if node.dep_ in {"relcl", "acl"}:
                return [m for m in ctx.mention_for_subtree(node.head) if sentence.start <= m.start < sentence.end] \
                    if node.head.pos_ in {"PROPN", "NOUN"} else []
            node = node.head
            continue
        break
    return []


def _possessive(ctx: Context, masked: Masked, match: re.Match) -> list[ActorMention]:
    char = masked.to_article(match.start("poss"))
    token = next((t for t in masked.sentence.span if t.idx == char), None)
    return ctx.antecedent(token) if token is not None else []


def _community(registry: Registry, word: str) -> ActorMention | None:
    for form in (word, f"{word}s", word.rstrip("e") + "es"):
        entry = registry.lookup(form)
        if entry is not None and entry.kind == "communal_group":
            return ActorMention(entry.id, 0, 0, word, -1, "registry")
    return None


def _subject_before(ctx: Context, masked: Masked, pos: int, kinds: frozenset[str], *,
                    exclude: set[str] = frozenset(), named: bool = False) -> list[ActorMention]:
    """The list of actors ending nearest before `pos`: "⟦0⟧ and ⟦1⟧ have cooperated with ..."."""
    for index, mentions in masked.slots_before(pos):
        chosen = [m for m in mentions if m.actor_id not in exclude and (not kinds or ctx.kind(m.actor_id) in kinds)
                  and not (named and ctx.kind(m.actor_id) in {"generic", None})]
        if chosen:
            members = masked.list_ending_at(index)
            joins = masked.text[masked.slot_positions[members[0]][0] : masked.slot_positions[index][1]]
            if not re.search(r"\b(?:and|or|as well as|along with)\b|&", joins):
                members = [index]  # commas alone: an apposition or a clause, not a list
            found = [m for i in members for m in masked.slots[i]
                     if m.actor_id not in exclude and (not kinds or ctx.kind(m.actor_id) in kinds)]
            return _unique(found or chosen)
    return []


def _collective(ctx: Context, actor_id: str, kind: str | None) -> bool:
    """A generic collective the registry or the country scope names ("protesters:BD"), not one the
    article describes ("local outfits")."""
    return kind == "generic" and not actor_id.startswith(("new:", "unidentified-armed-group"))



def _kinds_ok(ctx: Context, registry: Registry, rule: Rule, source: ActorMention, target: ActorMention) -> bool:
    source_kind, target_kind = ctx.kind(source.actor_id), ctx.kind(target.actor_id)
    if rule.type == "state_action_against":
        return source_kind in STATE_KINDS and target_kind in NON_STATE_KINDS
    if rule.type == "hostility":
        return source_kind in NON_STATE_KINDS
    if rule.type == "rivalry" and any(a.startswith("state:") for a in (source.actor_id, target.actor_id)):
        return False  # a state against a group is state_action_against; a group against a state, hostility
    if any(_collective(ctx, m.actor_id, kind) for m, kind in ((source, source_kind), (target, target_kind))):
        return False  # "civilians", "protesters in Bangladesh": people, not an organisation in a relation
    # Relations between organisations: at least one side a non-state group, and no person.
    return "person" not in {source_kind, target_kind} and (
        source_kind in NON_STATE_KINDS or target_kind in NON_STATE_KINDS
    )


def _status(masked: Masked, start: int, end: int) -> str:
    window = masked.text[max(0, start - 60) : end]
    if NEGATION.search(window):
        return "negated"
    if HEDGES.search(masked.text[:end]):
        return "hedged"
    return "asserted"


def _relation(ctx: Context, masked: Masked, rule: Rule, match: re.Match, source_id: str, target_id: str,
              statements: list[Found]) -> Relation:
    start, end = masked.to_article(match.start()), masked.to_article(match.end())
    status = _status(masked, match.start(), match.end())
    said = speaker_for(statements, start, end)
    asserted_by = said.statement.speaker if said else "article"
    period = PERIOD_RE.match(masked.text[match.end() :])
    published = ctx.published_date
    confidence = rule.confidence * (0.85 if status == "hedged" else 1.0)
    return Relation(
        source_id=source_id, target_id=target_id, type=rule.type, directed=rule.type not in SYMMETRIC,
        status=status, date=published, period=period.group(1).strip() if period else None,
        asserted_by=asserted_by, evidence=[masked.sentence.evidence()], confidence=round(confidence, 2),
    )


def _faction_relations(ctx: Context) -> list[Relation]:
    """'the X faction of Y' states the faction link itself."""
    relations = []
    published = ctx.published_date
    for mention in ctx.mentions:
        if mention.via != "faction":
            continue
        entry = ctx.entry(mention.actor_id)
        if entry is None or not entry.parent_id:
            continue
        relations.append(Relation(
            source_id=entry.id, target_id=entry.parent_id, type="faction_of", directed=True, status="asserted",
            date=published, asserted_by="article", evidence=[ctx.sentences[mention.sentence].evidence()],
            confidence=0.9,
        ))
    return relations


# --- fallback: groups named together with no pattern between them ------------------------


def lexicon_scores(text: str) -> dict[str, float]:
    """Weighted cue-word counts per relation type."""
    return {kind: sum(weight * len(cue.findall(text)) for cue, weight in cues)
            for kind, cues in LEXICON_RES.items()}


def _fallback_relations(ctx: Context, statements: list[Found], related: set[int]) -> list[Relation]:
    """For sentences no rule related anything in: the sentence's topic with each other group named,
    typed by the cue words around it (see LEXICON)."""
    results = []
    for sentence in ctx.sentences:
        if sentence.index in related:
            continue
        groups = _unique([m for m in ctx.outer_mentions(sentence) if ctx.kind(m.actor_id) in GROUP_KINDS])
        if len(groups) < 2:
            continue
        scores = _window_scores(ctx, sentence)
        kind, score = max(scores.items(), key=lambda item: (item[1], item[0] == "cooperation"))
        if score < FALLBACK_MIN:
            continue
        if NEGATION.search(sentence.text):
            continue  # no pattern says what is denied; better no guess than a wrong one
        status = "hedged" if HEDGES.search(sentence.text) else "asserted"
        said = speaker_for(statements, sentence.start, sentence.end)
        published = ctx.published_date
        topic = _topic(ctx, sentence, groups)
        pairs = [(topic, other) for other in groups if other.actor_id != topic.actor_id]
        for first, second in pairs:
            results.append(Relation(
                source_id=first.actor_id, target_id=second.actor_id, type=kind, directed=kind not in SYMMETRIC,
                status=status, date=published, period=None,
                asserted_by=said.statement.speaker if said else "article", evidence=[sentence.evidence()],
                confidence=round(FALLBACK_CONFIDENCE * min(1.0, score / (2 * FALLBACK_MIN) + 0.5), 2),
            ))
    return results


def _topic(ctx: Context, sentence: Sentence, groups: list[ActorMention]) -> ActorMention:
    """What the sentence is about: the group that is the subject of its main verb, else the first named."""
    ids = {m.actor_id for m in groups}
    for token in sentence.span:
        if token.dep_ in SUBJECT_DEPS and token.head.dep_ == "ROOT":
            for mention in ctx.mention_for_subtree(token):
                if mention.actor_id in ids:
                    return next(m for m in groups if m.actor_id == mention.actor_id)
    return groups[0]


# "Both groups collaborated", "the two groups clashed": the two groups named last.
PLURAL_REFERENCE = re.compile(r"\b(?:both|the two|these two)\s+(?:\w+\s+)?(?:groups|organi[sz]ations|"
                              r"factions|movements|sides|militias)\b", re.IGNORECASE)


def _plural_references(ctx: Context) -> None:
    """Mentions for "both groups" / "the two groups": the last two groups named before, in this
    sentence or the two before it."""
    text = ctx.article.text
    for sentence in ctx.sentences:
        for match in PLURAL_REFERENCE.finditer(text, sentence.start, sentence.end):
            start, end = match.span()
            if any(m.start < end and start < m.end and m.via != "coreference" for m in ctx.mentions):
                continue
            covered = {m.actor_id for m in ctx.mentions if m.start == start and m.end == end}
            earlier: list[str] = []
            for index in range(sentence.index, max(-1, sentence.index - 3), -1):
                for mention in reversed(ctx.outer_mentions(ctx.sentences[index])):
                    if mention.end > start and index == sentence.index:
                        continue
                    if ctx.kind(mention.actor_id) in GROUP_KINDS and mention.actor_id not in earlier:
                        earlier.append(mention.actor_id)
                if len(earlier) >= 2:
                    break
            chosen = earlier[:2]
            if len(chosen) < 2:
                continue
            for actor_id in chosen:
                if actor_id not in covered:
                    ctx.add_mention(ActorMention(actor_id, start, end, match.group(), sentence.index, "coreference"))


def _window_scores(ctx: Context, sentence: Sentence) -> dict[str, float]:
    """Cue-word scores of a sentence; when it has too few cues of its own, plus half those of the
    sentences on either side."""
    scores = lexicon_scores(sentence.text)
    if max(scores.values()) >= FALLBACK_MIN:
        return scores
    for index in (sentence.index - 1, sentence.index + 1):
        if 0 <= index < len(ctx.sentences):
            for kind, value in lexicon_scores(ctx.sentences[index].text).items():
                scores[kind] += NEIGHBOUR_WEIGHT * value
    return scores
