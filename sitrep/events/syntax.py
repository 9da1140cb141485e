"""What the dependency parse says about one event trigger: its clause, status and roles.

The extractor parses only candidate sentences (``parse_candidates``) and asks, per trigger:

* ``clause_of``: the predicate that governs the trigger (the trigger itself when it is a verb, else the verb
  its noun phrase hangs from: "killed in airstrikes" -> killed);
* ``status_of``: asserted, hypothetical (a modal or future auxiliary, "if"/"unless", the complement of a plan or
  threat verb: "vowed to retake", "could fall", "threatened an offensive"), negated ("not", "no strikes",
  "denied that ... shelled") or generic (habitual adverbs);
* ``roles_of``: the agent span (active subject, "by" agent of a passive or a nominal, possessive or modifier of a
  nominal trigger: "Russian airstrikes", "the regime's shelling"), the patient span (object, passive subject,
  "on/against" object of a nominal), both without relative clauses and appositions;
* ``locative_spans``: the predicate's own locative modifiers (in/at/near/on/outside/... + their object's
  subtree, "of" for nominal triggers: "shelling of Homs") and the object of verbs that hit or take a place;
* ``clause_span``: the predicate's clause without embedded clauses that do not hold the trigger, for times;
* ``government_places``: places used for a government or a people ("Damascus said", "Moscow's role",
  "Syrian"), which are never event places.

Spans are character offsets into the sentence text. The parse comes from ``sitrep.events.parse`` (spaCy);
words are matched by lower-case form.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sitrep.events.parse import parse_many
from sitrep.events.vocab import ARMED_NOUNS, MONTHS, SPEECH_VERBS, WEEKDAYS
from sitrep.records import EventStatus as Status

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

STAGE_VERSION = "sitrep.events.syntax.v36"  # v36: "..., killing three Hezbollah fighters": the dead are the target; v35: "A and B agreed a truce" names both parties; v34: "Kuriga village" names the village; v33: "forced X into a surrender deal"; a deal's kind is no party; v32: the subject that took a rocket or came under shelling was hit; v31: a battle's coordinated subject is both sides; v30: merged; v29: "Moscow's Black Sea fleet" is a government; "a statement that X killed" is no relative clause; v28: a count that is a trigger verb's object is its; "set off car bombs" is done, not planned; v27: "US advisers"; v26: conjunct capitals and state acts are governments; v25: where-clause antecedents; v24: alleged deeds describe; v15: by-agents, "between" sides; v16: unresolved objects; v17: counts go to their
# after-clause; v18: relative clauses describing their doer; v19: pluperfect main verbs; v20:
# dates of an onset; v21: spans of years; v22: coordinated relative verbs; v23: seen firing
DATA_FILES: tuple[Path, ...] = ()  # rules only: nothing loaded from disk
Span = tuple[int, int]

_MODALS = frozenset({"could", "would", "might", "may", "will", "shall", "should", "can", "'ll", "wo", "ca", "must"})
_PLAN_VERBS = frozenset({
    "plan", "plans", "planned", "planning", "threaten", "threatens", "threatened", "threatening", "vow", "vows", "vowed",
    "vowing", "want", "wants", "wanted", "seek", "seeks", "sought", "seeking", "try", "tries", "tried", "trying",
    "intend", "intends", "intended", "prepare", "prepares", "prepared", "preparing", "aim", "aims", "aimed", "hope",
    "hopes", "hoped", "expect", "expects", "expected", "pledge", "pledged", "pledges", "warn", "warns", "warned",
    "warning", "fear", "fears", "feared", "risk", "risks", "prevent", "prevented", "avert", "averted", "avoid",
    "avoided", "stop", "stopped", "urge", "urged", "call", "called", "demand", "demanded", "ready", "poised",
    "able", "likely", "set", "about", "allow", "allowed", "decide", "decided", "agree", "agreed", "propose",
    "proposed", "consider", "considered", "considering", "discuss", "discussed", "promise", "promised", "order",
    "ordered", "mull", "contemplate", "imminent", "impending", "looming", "possible", "potential",
    "future", "threat", "prospect",
})
# plan words that take their object as an action done: "set off car bombs", "set the market ablaze" (only "set to
# attack" or "an attack is set for Monday" is a plan)
_ACTION_WITH_OBJECT = frozenset({"set"})
_DENY_VERBS = frozenset({"deny", "denied", "denies", "denying", "dismiss", "dismissed", "reject", "rejected",
                         "refute", "refuted"})
_NEG_DETS = frozenset({"no", "without", "never", "nor"})
_CONDITIONAL = frozenset({"if", "unless", "whether", "lest"})
_HABITUAL = frozenset({"often", "regularly", "usually", "routinely", "frequently", "sometimes", "always", "habitually",
                       "typically", "generally"})
_LOCATIVE_PREPS = frozenset({"in", "at", "near", "on", "outside", "inside", "around", "across", "throughout",
                             "into", "within", "along", "towards", "toward", "onto", "over", "off", "beyond",
                             "including", "especially", "notably"})  # "captured X, including Y"
_PLACE_OBJECT_VERBS = frozenset({
    "pound", "pounded", "pounding", "shell", "shelled", "shelling", "bomb", "bombed", "bombing", "bombard",
    "bombarded", "bombarding", "hit", "hits", "hitting", "struck", "strike", "strikes", "target", "targeted",
    "targeting", "attack", "attacked", "attacking", "storm", "stormed", "storming", "raid", "raided", "raiding",
    "capture", "captured", "capturing", "recapture", "recaptured", "seize", "seized", "seizing", "take", "took",
    "taken", "taking", "retake", "retook", "retaken", "overran", "overrun", "liberate", "liberated", "enter",
    "entered", "besiege", "besieged", "encircle", "encircled", "surround", "surrounded", "control", "controlled",
    "regain", "regained", "reclaim", "reclaimed", "occupy", "occupied", "besieging", "enters", "entering",
})
# verbs whose subject carries out their nominal object ("launched an offensive", "kept up their bombardment")
# verbs that force their object into a deal ("forced other groups into a surrender deal")
_COERCE_LEMMAS = frozenset({"force", "drive", "push", "pressure", "coerce", "compel", "bully", "press"})
# verbs whose subject a strike object hit ("took a rocket", "suffered heavy shelling")
_RECEIVE_LEMMAS = frozenset({"take", "suffer", "sustain", "receive", "absorb"})
# predicates whose coordinated subject names both sides ("troops and rebels clashed", "fought", "exchanged fire"),
# and the combat nouns they take as objects ("fought heavy battles")
_RECIPROCAL_LEMMAS = frozenset({"clash", "fight", "battle", "skirmish", "exchange"})
_HARM_LEMMAS = frozenset({"kill", "wound", "injure", "shoot", "execute", "behead", "massacre", "slaughter"})
_COMBAT_OBJECTS = frozenset({"battle", "fire", "gunfire", "shot", "blow", "clash", "skirmish", "fight", "round"})
# "the army and the RSF agreed a ceasefire", "Israel and Hamas agreed to a truce": the parties to a deal
_ACCORD_LEMMAS = frozenset({"agree", "sign", "reach", "strike", "conclude"})
_ACCORD_OBJECTS = frozenset({"ceasefire", "cease-fire", "truce", "deal", "agreement", "accord", "pact", "armistice",
                             "swap", "exchange"})
_CONDUCT_VERBS = frozenset({"launched", "launch", "launches", "carried", "carries", "carry", "conducted", "conducts",
                            "conduct", "staged", "mounted", "began", "begun", "started", "waged", "used", "uses",
                            "unleashed", "intensified", "stepped", "resumed", "renewed", "continued", "kept",
                            "escalated", "pressed", "ramped", "fired", "firing", "fires", "fire"})
_CONDUCT_LEMMAS = frozenset({"launch", "carry", "conduct", "stage", "mount", "begin", "start", "wage", "use", "unleash",
                             "intensify", "step", "resume", "renew", "continue", "keep", "escalate", "press", "ramp",
                             "fire"})
# compounds that name the means, not the agent ("artillery bombardment", "barrel bomb attacks")
# a clause whose subject gives way under the strike it names: that subject is the strike's target
_UNDER_FIRE_PREPS = frozenset({"after", "under", "amid", "following"})
_YIELD_VERBS = frozenset(f"{stem}{end}" for stem, ends in (
    ("withdr", ("aw", "aws", "ew", "awn", "awing")), ("retreat", ("", "s", "ed", "ing")),
    ("fle", ("e", "es", "d", "eing")), ("pull", ("", "s", "ed", "ing")), ("evacuat", ("e", "es", "ed", "ing")),
    ("shr", ("ink", "inks", "ank", "unk", "inking")), ("collaps", ("e", "es", "ed", "ing")),
    ("surrender", ("", "s", "ed", "ing")), ("abandon", ("", "s", "ed", "ing")), ("crumbl", ("e", "es", "ed", "ing")),
    ("f", ("all", "alls", "ell", "allen", "alling"))) for end in ends)
_REPORT_VERBS = SPEECH_VERBS | frozenset({"report", "reported", "reports", "reporting", "describe", "described",
                                          "describes", "saw", "see", "sees", "witnessed", "heard", "hear", "filmed",
                                          "recorded", "documented", "confirmed", "confirm"})
_MEANS_MODIFIERS = frozenset({"artillery", "mortar", "rocket", "missile", "tank", "barrel", "cluster", "chemical", "air",
                              "drone", "sniper", "gun", "machine", "machinegun", "shell", "bomb", "car", "truck",
                              "suicide", "helicopter", "jet", "aerial", "ground", "heavy", "fresh", "renewed",
                              # kinds of deal ("a surrender deal", "a prisoner swap"): no party to it
                              "surrender", "ceasefire", "peace", "truce", "evacuation", "reconciliation", "prisoner",
                              "hostage", "exchange", "swap", "transfer", "capitulation"})
_CALENDAR = frozenset(w.lower() for w in (*MONTHS, *WEEKDAYS, "today", "yesterday", "morning", "night", "evening",
                                           "afternoon", "week", "weekend", "day"))
_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "parataxis", "acl", "xcomp", "csubj"})
_NP_UP = frozenset({"pobj", "prep", "dobj", "nsubj", "nsubjpass", "compound", "amod", "conj", "appos", "attr",
                    "npadvmod", "pcomp", "agent", "dative", "oprd", "nmod", "poss", "cc"})
_VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD"})
_GOV_NOUNS = frozenset({"government", "role", "regime", "forces", "army", "officials", "ministry", "leadership",
                        "troops", "military", "position", "policy", "support", "backing", "ally", "allies",
                        "president", "envoy", "ambassador", "embassy", "intervention", "involvement", "interests",
                        "air", "jets", "warplanes", "aircraft", "decision", "response", "stance", "campaign",
                        "strategy", "proxies", "backers", "influence", "statement", "demands", "approval",
                        # a nation's people abroad ("US advisers", "Russia mercenaries"): who, not where
                        "advisers", "advisors", "diplomats", "citizens", "nationals", "soldiers", "servicemen",
                        "personnel", "officers", "commanders", "mercenaries", "contractors", "delegation",
                        "counterpart", "counterparts",
                        # a state's arms and wars ("Moscow's Black Sea fleet", "Kyiv's counteroffensive")
                        "fleet", "navy", "invasion", "offensive", "counteroffensive", "war", "missiles", "drones"})


def parse_candidates(texts: Sequence[str]) -> list[Doc]:
    """Parse candidate sentences (the full pipeline: the mention model reads lemmas too)."""
    return parse_many(texts, batch_size=256)  # one article's candidates in one batch: ~12% less CPU than 64


_TEXT_KEY = "sitrep.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc (spaCy joins every token's text again on each access)."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return str(text)


def _lower(t: Token) -> str:
    return str(t.lower_)


def _is_verb(t: Token) -> bool:
    return t.tag_ in _VERB_TAGS and t.dep_ not in ("aux", "auxpass")


_HEADS_KEY = "sitrep.token_at"


def token_at(doc: Doc, span: Span) -> Token | None:
    """The syntactic head of the tokens covering a character span (remembered per Doc by its index: the passes ask
    about the same trigger and place spans again and again, and a char span and its root cost more than a lookup)."""
    heads: dict[tuple[int, int], int] | None = doc.user_data.get(_HEADS_KEY)
    if heads is None:
        heads = doc.user_data[_HEADS_KEY] = {}
    key = (span[0], span[1])
    i = heads.get(key)
    if i is None:
        sp = doc.char_span(span[0], span[1], alignment_mode="expand")
        i = heads[key] = -1 if sp is None or len(sp) == 0 else sp.root.i
    return None if i < 0 else doc[i]


def clause_of(tok: Token) -> Token:
    """The verb a trigger word belongs to (itself if it is one); the root when none is found."""
    t = tok
    for _ in range(8):
        if _is_verb(t) or t.dep_ in ("ROOT",) or t.dep_ not in _NP_UP or t.head.i == t.i:
            return t
        t = t.head
    return t


def _has_modal(v: Token) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and (c.tag_ == "MD" or _lower(c) in _MODALS) for c in v.children) or \
        any(_lower(c) == "going" and any(_lower(g) == "to" for g in c.children) for c in v.children)


def _negated(tok: Token, v: Token) -> bool:
    if any(c.dep_ == "neg" for c in v.children):
        return True
    if any(c.dep_ == "det" and _lower(c) in _NEG_DETS for c in tok.children):
        return True  # "no airstrikes were reported"
    if tok.dep_ == "pobj" and _lower(tok.head) == "without":
        return True
    head = v.head if v.dep_ in ("ccomp", "xcomp") else None
    return head is not None and _lower(head) in _DENY_VERBS


def _conditional(v: Token) -> bool:
    t = v
    for _ in range(4):
        if any(c.dep_ == "mark" and _lower(c) in _CONDITIONAL for c in t.children):
            return True
        if any(c.dep_ == "prep" and _lower(c) == "in" and any(_lower(g) == "case" for g in c.children)
               for c in t.children):
            return True  # "in case the militia came back"
        if t.dep_ not in ("advcl", "conj", "ccomp", "xcomp") or t.head.i == t.i:
            return False
        t = t.head
    return False


def _planned(tok: Token, v: Token) -> bool:
    """The complement of a plan/threat verb ("vowed to retake", "threatened an offensive", "an imminent assault")."""
    if v.dep_ == "xcomp" and _lower(v.head) in _PLAN_VERBS:
        return True
    if any(c.dep_ == "amod" and _lower(c) in _PLAN_VERBS for c in tok.children):
        return True
    if tok.i != v.i and tok.dep_ in ("dobj", "pobj", "nsubjpass") and _lower(v) in _PLAN_VERBS and not (
            tok.dep_ == "dobj" and _lower(v) in _ACTION_WITH_OBJECT):
        return True
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and _lower(tok.head.head) in _PLAN_VERBS:
        return True  # "warned of an assault"
    return False


def status_of(doc: Doc, span: Span) -> Status:
    """How the sentence states the event its trigger names (see module doc); "asserted" when unsure."""
    tok = token_at(doc, span)
    if tok is None:
        return "asserted"
    v = clause_of(tok)
    if _negated(tok, v):
        return "negated"
    if _has_modal(v) or _conditional(v) or _planned(tok, v):
        return "hypothetical"
    if any(c.dep_ == "advmod" and _lower(c) in _HABITUAL for c in v.children):
        return "generic"
    if tok.dep_ == "amod" and tok.tag_ in ("VBN", "VBD", "JJ"):
        return "generic"  # "the seized districts": a participle describing ground, not an event
    return "asserted"


def describes_doer(doc: Doc, span: Span) -> bool:
    """The trigger's predicate is a relative clause that says what its head noun did ("rebel fighters, who overran
    some districts", "the people that mounted attacks"): the relative pronoun is the active subject, the trigger the
    clause's verb or the object of a conduct verb ("mounted attacks"), and the head noun is not a place ("the town, which has borne the brunt" is not).
    Such a clause describes a participant; it does not report the deed as news."""
    tok = token_at(doc, span)
    if tok is None:
        return False
    v = clause_of(tok)
    rel = v.head if v.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children) else v
    # "the coalition, which arms the SDF and has launched hundreds of airstrikes": a verb coordinated in the
    # relative clause shares its relative subject
    if rel.dep_ != "relcl" or not _is_verb(v) or rel.head.i == rel.i:
        return False
    conduct = _lower(v) in _CONDUCT_VERBS or v.lemma_ in _CONDUCT_LEMMAS
    obj = tok.head.head if tok.dep_ == "pobj" and _lower(tok.head) == "of" else tok  # "dozens of raids"
    if not (tok.i == v.i or (conduct and obj.head.i == v.i and obj.dep_ == "dobj")):
        return False  # "civilians who fled the bombardment": the bombardment is not what they did
    if not any(c.dep_ == "nsubj" and _lower(c) in ("who", "which", "that") for c in rel.children):
        return False
    if _lower(rel.head) in _CONTENT_NOUNS:
        return False  # "said in a statement that airstrikes killed 45": what the statement says, misparsed
    return rel.head.ent_type_ not in ("GPE", "LOC", "FAC") and rel.head.pos_ in ("NOUN", "PROPN")


#: nouns whose "that" clause is their content, not a relative clause ("a statement that airstrikes killed 45")
_CONTENT_NOUNS = frozenset({
    "statement", "statements", "report", "reports", "claim", "claims", "communique", "message", "announcement",
    "post", "posting", "video", "news", "word", "warning", "allegation", "allegations", "accusation", "accusations",
    "assertion", "confirmation", "indication", "indications", "sign", "signs", "rumour", "rumours", "rumor", "rumors",
    "evidence", "notice", "briefing", "release", "bulletin", "tweet", "update",
})


#: participles that characterise a person by a deed alleged or past ("militants implicated in executions")
_ALLEGING = frozenset({"implicate", "accuse", "suspect", "involve", "convict", "charge", "blame", "link", "tie",
                       "indict", "want", "sentence", "jail", "know", "responsible"})


def alleged_deed(doc: Doc, span: Span) -> bool:
    """The trigger lies in a participle phrase that characterises a noun by a deed alleged or known ("two
    militants implicated in torture and executions", "a man accused of bombing the market"): a description of
    who someone is, not a report of the deed."""
    tok = token_at(doc, span)
    while tok is not None and tok.head.i != tok.i:
        if tok.dep_ in ("nsubj", "nsubjpass", "acl", "relcl", "advcl", "ccomp") \
                or (_is_verb(tok) and tok.dep_ not in ("pcomp", "xcomp", "conj")):
            return False  # the trigger's own clause, or a participle that does not allege, comes first
        if tok.head.dep_ == "acl" and tok.head.tag_ == "VBN" and tok.head.lemma_ in _ALLEGING:
            return True
        tok = tok.head
    return False


def past_before_past(doc: Doc, span: Span) -> bool:
    """The main verb of the trigger's sentence is in the pluperfect ("had been showcased", "had previously claimed
    he was killed"): the sentence tells what happened before the story's own past, not the news. (A pluperfect
    under a simple-past "said" is reported speech shifted back and does not count.)"""
    tok = token_at(doc, span)
    if tok is None:
        return False
    root = tok.sent.root
    return root.tag_ == "VBN" and any(c.dep_ == "aux" and _lower(c) == "had" for c in root.children)


_SPAN_PREPS = frozenset({"for", "over", "throughout"})
_LONG_UNITS = frozenset({"year", "decade", "century", "generation"})  # spans no single event lasts


def long_span(doc: Doc, span: Span) -> bool:
    """The trigger's predicate is measured over years ("has waged an insurgency for decades", "over the past
    decade the militia has carried out attacks"): a campaign or a habit, not an event of the news."""
    tok = token_at(doc, span)
    if tok is None:
        return False
    for head in {tok, clause_of(tok)}:
        for c in head.children:
            if c.dep_ == "prep" and _lower(c) in _SPAN_PREPS and \
                    any(g.dep_ == "pobj" and g.lemma_ in _LONG_UNITS for g in c.children):
                return True
    return False


_ONSET_LEMMAS = frozenset({"begin", "start", "continue", "resume"})  # aspectual verbs: the date opens a span


def dates_an_onset(doc: Doc, span: Span) -> bool:
    """The time expression at ``span`` dates when something began or went on ("the bombardment that began last
    month"), not the whole deed: the deed may still be under way."""
    tok = token_at(doc, span)
    if tok is None:
        return False
    t = tok
    for _ in range(4):
        if _is_verb(t) or t.head.i == t.i:
            break
        t = t.head
    return t.lemma_ in _ONSET_LEMMAS


def _first_conjunct(t: Token) -> Span:
    """The noun phrase of ``t`` without what is coordinated with it."""
    keep = [t, *(x for c in t.children if c.i < t.i and c.dep_ in ("compound", "amod", "det", "poss", "nummod",
                                                                     "quantmod", "nmod") for x in c.subtree)]
    doc = t.doc
    lo, hi = min(k.i for k in keep), max(k.i for k in keep)
    return doc[lo].idx, doc[hi].idx + len(doc[hi])


def _core_span(t: Token) -> Span:
    """A noun phrase without its clauses, appositions and prepositional tails (coordinated nouns kept)."""
    keep = [t]
    for c in t.children:
        if c.i < t.i and c.dep_ in ("compound", "amod", "det", "poss", "nummod", "quantmod", "nmod", "punct"):
            keep.extend(c.subtree)
        elif c.i > t.i and c.dep_ in ("conj", "cc"):
            keep.extend(x for x in c.subtree if x.dep_ not in _CLAUSE_DEPS | {"appos", "prep"} or x.i == c.i)
            keep.append(c)
    doc = t.doc
    lo, hi = min(k.i for k in keep), max(k.i for k in keep)
    return doc[lo].idx, doc[hi].idx + len(doc[hi])


def _subject(v: Token) -> Token | None:
    t = v
    for _ in range(4):
        subj = next((c for c in t.children if c.dep_ in ("nsubj", "csubj")), None)
        if subj is not None:
            if _lower(subj) in ("who", "which", "that") and t.dep_ == "relcl":
                return t.head
            return subj
        if t.dep_ == "xcomp" and _lower(t.head) in _REPORT_VERBS:
            return None  # "activists reported fighting": the reporters are not the fighters
        if t.dep_ == "pcomp" and t.tag_ == "VBG" and t.head.dep_ == "prep" and t.head.head.i != t.head.i:
            t = t.head.head  # "After renewing their assault, tanks held ...": the main clause's subject
            continue
        if t.dep_ in ("conj", "xcomp", "advcl") and t.head.i != t.i:
            if t.dep_ in ("xcomp", "advcl") and t.tag_ == "VBG":
                seen = next((c for c in t.head.children if c.dep_ == "nsubjpass"), None)
                if seen is not None:
                    return seen  # "helicopters were seen firing rockets": the one seen does the firing
            t = t.head  # "clashed with X and recaptured Y", "moved to seize": the shared subject
            continue
        if t.dep_ == "relcl" or (t.dep_ == "acl" and t.tag_ == "VBG"):
            return t.head  # "tanks shelling the district": the noun the participle describes
        return None
    return None


@dataclass(frozen=True)
class Roles:
    agent: Span | None
    patient: Span | None
    passive: bool


def roles_of(doc: Doc, span: Span) -> Roles:
    """Agent and patient spans of the trigger's predicate (see module doc)."""
    tok = token_at(doc, span)
    if tok is None:
        return Roles(None, None, False)
    v = clause_of(tok)
    nominal = tok.tag_ in ("NN", "NNS", "NNP", "NNPS") and not _is_verb(tok)
    agent = patient = None
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children)
    if nominal and _lower(tok) in ARMED_NOUNS and tok.dep_ != "compound":
        people = _people_hit(tok)
        if people is not None:
            return people
    if nominal:
        by = _prep_object(tok, ("by",))
        mod = next((c for c in tok.children if c.dep_ in ("poss", "compound", "amod") and c.tag_ != "JJ"
                    and c.i < tok.i and _lower(c) not in _MEANS_MODIFIERS and c.tag_ != "PRP$"), None)
        agent = by or mod
        patient = _prep_object(tok, ("on", "against", "targeting"))
        host = _np_host(tok)  # "a wave of artillery bombardment": the phrase the nominal heads
        if agent is None and host.dep_ in ("dobj",) and (_lower(v) in _CONDUCT_VERBS or v.lemma_ in _CONDUCT_LEMMAS):
            agent = _subject(v)
        elif agent is None and host.dep_ == "pobj" and _lower(host.head) == "with" and host.head.head.i == v.i \
                and not passive and _is_verb(v):
            agent = _subject(v)  # "rebels responded with a wave of shelling", "hit the town with rockets"
        elif agent is None and host.dep_ == "pobj" and _lower(host.head) == "into" \
                and host.head.head.lemma_ in _COERCE_LEMMAS and not passive:
            # "it had forced other armed groups into a surrender deal": the forcer made it, with the forced
            agent = _subject(host.head.head)
            patient = next((c for c in host.head.head.children if c.dep_ == "dobj"), None)
        if agent is None and host.dep_ == "nsubjpass" and (_lower(v) in _CONDUCT_VERBS or v.lemma_ in _CONDUCT_LEMMAS):
            agent = next((g for c in v.subtree if c.dep_ in ("prep", "agent") and _lower(c) == "by"
                          and c.i > v.i for g in c.children if g.dep_ == "pobj"), None)
            # "the airstrikes are carried out (with impunity) by Syrian forces"
    received = _received(_np_host(tok) if nominal else tok)
    if received is not None:
        # "a unit took a rocket (from the rebels)", "positions came under shelling from the army": the subject was hit
        hitter = agent or _prep_object(tok, ("from", "by")) or _prep_object(received, ("from",))
        hit = _subject(received)
        return Roles(_core_span(hitter) if hitter is not None else None,
                     _core_span(hit) if hit is not None else None, passive)
    patient = patient or _gave_way(_np_host(tok) if nominal else tok)
    if agent is None and not nominal:
        agent_c = next((c for c in v.children if c.dep_ == "agent"), None)
        if agent_c is not None:
            agent = next((g for g in agent_c.children if g.dep_ == "pobj"), None)
        elif not passive:
            agent = _subject(v)
    if patient is None and not nominal and tok.dep_ == "acl" and tok.tag_ == "VBN":
        patient = tok.head  # "a tank captured from the army", "the town seized by rebels": the noun described
    if patient is None:
        if passive:
            patient = next((c for c in v.children if c.dep_ == "nsubjpass"), None)
        elif not nominal:
            patient = next((c for c in v.children if c.dep_ in ("dobj",)), None) or _prep_object(
                v, ("on", "against", "with"))
    if agent is not None and not nominal and not passive and (
            (patient is None or patient.lemma_ in _COMBAT_OBJECTS) and v.lemma_ in _RECIPROCAL_LEMMAS
            or (patient is None or patient.lemma_ in _ACCORD_OBJECTS) and v.lemma_ in _ACCORD_LEMMAS):
        other = next((c for c in agent.children if c.dep_ == "conj" and c.i > agent.i), None)
        if other is not None:  # "troops and rebels clashed": the conjuncts are the two sides
            return Roles(_first_conjunct(agent), _core_span(other), passive)
    return Roles(_core_span(agent) if agent is not None else None,
                 _core_span(patient) if patient is not None else None, passive)


def _people_hit(tok: Token) -> Roles | None:
    """A toll's armed dead as the object of a killing ("Israeli forces struck ..., killing three Hezbollah
    fighters") or the subject of a passive one ("five Taliban fighters were killed by an airstrike"): the noun's
    modifier names the dead's side, the patient, and the killing's subject or by-agent is the agent (a nominal
    modifier of an attack, "Russian airstrikes", names the attacker instead). None for other places of the noun."""
    host = _np_host(tok)
    v = host.head
    if host.dep_ == "dobj" and _is_verb(v) and v.lemma_ in _HARM_LEMMAS:
        agent = _subject(v)
    elif host.dep_ == "nsubjpass" and v.lemma_ in _HARM_LEMMAS:
        agent = next((g for c in v.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    else:
        return None
    side = next((c for c in tok.children if c.dep_ in ("compound", "amod", "poss") and c.i < tok.i
                 and c.tag_ in ("NNP", "NNPS", "NN")), None)
    return Roles(_core_span(agent) if agent is not None else None, _core_span(side or tok), False)


def _received(host: Token) -> Token | None:
    """The verb whose subject a strike hit: "took/suffered/sustained a rocket", "came under shelling"."""
    if host.dep_ == "dobj" and host.head.lemma_ in _RECEIVE_LEMMAS:
        return host.head
    if host.dep_ in ("pobj", "pcomp") and _lower(host.head) == "under" and host.head.head.lemma_ == "come":
        return host.head.head
    return None


def _gave_way(host: Token) -> Token | None:
    """ "The FSA withdrew after intense shelling by tanks": the subject of a verb of giving way, whose
    after/under/amid phrase the strike is, was its target (not "forces advanced after shelling")."""
    if host.dep_ != "pobj" or _lower(host.head) not in _UNDER_FIRE_PREPS:
        return None
    main = host.head.head
    if _lower(main) not in _YIELD_VERBS or any(c.dep_ in ("nsubjpass", "auxpass") for c in main.children):
        return None
    return _subject(main)


def _np_host(t: Token) -> Token:
    """The noun phrase a nominal sits in through "of" ("a barrage of shelling" -> barrage)."""
    for _ in range(3):
        if t.dep_ == "pobj" and _lower(t.head) == "of" and t.head.head.tag_ in ("NN", "NNS"):
            t = t.head.head
        elif t.dep_ == "conj" and t.head.tag_ in ("NN", "NNS"):
            t = t.head  # "used fighter jets and artillery bombardment"
        else:
            break
    return t


def _prep_object(t: Token, preps: tuple[str, ...]) -> Token | None:
    """The object of one of ``preps`` under ``t`` (not a time: "on Monday", "on 3 May")."""
    for c in t.children:
        if c.dep_ in ("prep", "agent") and _lower(c) in preps:
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and _lower(obj) not in _CALENDAR and obj.tag_ != "CD":
                return obj
    return None


def _span_without_clauses(t: Token) -> list[Span]:
    """The character ranges of a subtree, leaving out relative/adverbial clauses and appositions."""
    cut = [c for c in t.subtree if c.i != t.i and c.dep_ in (_CLAUSE_DEPS | {"appos"}) and c.head.i != c.i]
    cut_ids = {x.i for c in cut for x in c.subtree}
    return _char_ranges(x for x in t.subtree if x.i not in cut_ids)


def _char_ranges(tokens: Iterable[Token]) -> list[Span]:
    """Character ranges of tokens in order, adjacent ones (at most one space apart) joined."""
    out: list[Span] = []
    for x in tokens:
        s, e = x.idx, x.idx + len(x)
        if out and s - out[-1][1] <= 1:
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _conj_preps(prep: Token) -> list[Token]:
    """Prepositions coordinated with ``prep`` ("in X, and in Y"), following the conj chain."""
    out: list[Token] = []
    todo = [prep]
    while todo:
        for c in todo.pop().children:
            if c.dep_ == "conj" and _lower(c) in _LOCATIVE_PREPS:
                out.append(c)
                todo.append(c)
    return out


def locative_spans(doc: Doc, span: Span) -> list[Span]:
    """Where the predicate says the event happened (see module doc), in text order."""
    tok = token_at(doc, span)
    if tok is None:
        return []
    v = clause_of(tok)
    heads = [tok] if tok.i == v.i else [tok, v]
    t = tok
    while t.i != v.i and t.head.i != t.i:
        t = t.head
        if t.i != v.i and all(t.i != h.i for h in heads):
            heads.append(t)
    out: list[Span] = []
    nominal = not _is_verb(tok)
    for h in heads:
        for c in h.children:
            word = _lower(c)
            if (c.dep_ == "prep" and (word in _LOCATIVE_PREPS or (word == "of" and h.i == tok.i and nominal))) or \
                    (c.dep_ == "conj" and word in _LOCATIVE_PREPS):  # "..., and in Z" parsed as the verb's conj
                for pp in (c, *_conj_preps(c)):  # "in X, in Y, and in Z": the coordinated preposition too
                    for g in pp.children:
                        if g.dep_ == "pobj" and g.i != tok.i:
                            out.extend(_span_without_clauses(g))
            elif c.dep_ == "prep":  # "since Monday morning in eastern Ghouta": a locative inside a time phrase
                for g in c.children:
                    out.extend(sp for p in g.children if p.dep_ == "prep" and _lower(p) in _LOCATIVE_PREPS
                               for o in p.children if o.dep_ == "pobj" for sp in _span_without_clauses(o))
            elif c.dep_ in ("dobj", "nsubjpass") and _lower(h) in _PLACE_OBJECT_VERBS:
                out.extend(_span_without_clauses(c))
            elif c.dep_ == "npadvmod" and c.tag_ in ("NNP", "NNPS"):
                out.extend(_span_without_clauses(c))
    return sorted(set(out))


_PLACE_NOUNS = frozenset({"town", "village", "city", "district", "neighbourhood", "neighborhood", "quarter", "suburb",
                          "area", "hamlet", "camp", "region", "province", "countryside", "outskirts", "governorate",
                          "towns", "villages", "districts", "neighbourhoods", "neighborhoods", "quarters", "suburbs"})
_NOT_PLACE_NAME = frozenset({"council", "ministry", "army", "forces", "committee", "observatory", "agency", "nations",
                             "university", "party", "front", "brigade", "brigades", "state", "states", "house",
                             "court", "union", "league", "news", "media", "tv", "times", "post", "network", "group",
                             "organisation", "organization", "office", "department", "commission", "assembly"})


def locative_names(doc: Doc, span: Span, known: Sequence[Span]) -> list[Span]:
    """Proper names in the predicate's own locatives that no known place covers ("an attack on a funeral
    procession at Sitt Zeinab", "killed in the town of Kafr Nabuda"): candidates for unresolved places.
    Calendar words and names of organisations ("at the UN Security Council") are left out."""
    ranges = locative_spans(doc, span)
    out: list[Span] = []
    for t in doc:
        if t.tag_ not in ("NNP", "NNPS"):
            continue
        if t.dep_ == "pobj" and inside((t.idx, t.idx + len(t)), ranges):
            prep = t.head
        elif t.dep_ == "appos" and t.head.dep_ == "pobj" and t.head.tag_ in ("NN", "NNS") \
                and inside((t.head.idx, t.head.idx + len(t.head)), ranges):
            prep = t.head.head  # "in a major thoroughfare, Baghdad Street": the name of the locative's object
        elif t.dep_ == "npadvmod" and (after := _appositive_name(t)) is not None:
            prep = after  # the same, parsed as a modifier of the verb
        elif t.dep_ in ("dobj", "nsubjpass") and _lower(t.head) in _PLACE_OBJECT_VERBS \
                and inside((t.idx, t.idx + len(t)), ranges):
            prep = None  # "jets struck Tell Hamis, a village near X": the place hit or taken
        else:
            continue
        if prep is not None and not ((_lower(prep) in _LOCATIVE_PREPS and _lower(prep) != "on")  # "on YouTube"
                                     or (_lower(prep) == "of" and _lower(prep.head) in _PLACE_NOUNS)):
            continue
        parts = [x for x in t.lefts if x.dep_ == "compound" and x.tag_ in ("NNP", "NNPS")] + [t]
        a, b = parts[0].idx, t.idx + len(t)
        words = {_lower(x) for x in parts}
        if any(x < b and a < y for x, y in known) or t.text in CALENDAR_WORDS or words & _NOT_PLACE_NAME \
                or _lower(t) in _CALENDAR:
            continue
        out.append((a, b))
    return out


def _appositive_name(t: Token) -> Token | None:
    """The locative preposition of a common noun that the name ``t`` follows after a comma ("in a main street,
    Qasr Street" parsed with the name as the verb's modifier); None when ``t`` follows no such noun."""
    k = min([x.i for x in t.lefts if x.dep_ == "compound"] + [t.i])
    if k < 2 or t.doc[k - 1].text != ",":
        return None
    noun = t.doc[k - 2]
    if noun.dep_ == "pobj" and noun.tag_ in ("NN", "NNS") and _lower(noun.head) in _LOCATIVE_PREPS:
        return noun.head
    return None


def clause_span(doc: Doc, span: Span) -> list[Span]:
    """The predicate's clause, without embedded clauses that do not hold the trigger."""
    tok = token_at(doc, span)
    if tok is None:
        return [(0, len(doc_text(doc)))]
    v = clause_of(tok)
    holding = {a.i for a in tok.ancestors} | {tok.i}
    cut = {x.i for c in v.subtree if c.i != v.i and c.dep_ in _CLAUSE_DEPS and c.i not in holding
           for x in c.subtree}
    return _char_ranges(x for x in v.subtree if x.i not in cut)


def coordinated_names(doc: Doc, spans: Sequence[Span]) -> list[tuple[Span, Span]]:
    """Proper names coordinated with a known place ("bombed Sakhur and Hananu", "in Binnish, Saraqeb and
    Idlib"): the character range of each name (with its compound parts) that is not in ``spans``, and the
    span of the known place it is coordinated with."""
    def name_of(t: Token) -> Span:
        parts = [x for x in t.lefts if x.dep_ == "compound" and x.tag_ in ("NNP", "NNPS")]
        return (parts[0].idx if parts else t.idx, t.idx + len(t))

    def known(t: Token) -> Span | None:
        return next(((a, b) for a, b in spans if a <= t.idx < b), None)

    out: dict[Span, Span] = {}
    for t in doc:
        partner = known(t)
        if partner is None or t.tag_ not in ("NNP", "NNPS"):
            continue
        group = [t.head] if t.dep_ == "conj" else []
        group += [c for c in t.children if c.dep_ == "conj"]
        if t.dep_ == "conj":
            group += [c for c in t.head.children if c.dep_ == "conj" and c.i != t.i]
        for g in group:
            if g.tag_ in ("NNP", "NNPS") and known(g) is None and g.text not in CALENDAR_WORDS:
                out.setdefault(name_of(g), partner)
    return sorted(out.items())


CALENDAR_WORDS = frozenset(MONTHS + WEEKDAYS)


def modifier_times(doc: Doc, spans: Sequence[Span]) -> set[Span]:
    """Time spans that only modify another noun ("after Friday prayers", "the Monday market"): their last
    token is a compound of a noun that is not itself a time word ("Monday night" stays a time)."""
    out = set()
    for a, b in spans:
        last = next((t for t in reversed(doc) if t.idx < b and t.idx >= a), None)
        if last is not None and last.dep_ == "compound" and last.head.i > last.i and \
                not (a <= last.head.idx < b) and _lower(last.head) not in _CALENDAR:
            out.add((a, b))
    return out


# what only a state does as a subject ("Ankara summoned Syria's envoy", "Turkey has protested")
_STATE_ACTS = frozenset({"summon", "summoned", "summons", "protest", "protested", "protests", "expel", "expelled",
                         "expels", "broker", "brokered", "brokers", "recall", "recalled", "recalls", "retaliate",
                         "retaliated", "vetoed", "veto"})


def government_places(doc: Doc, spans: Sequence[Span]) -> set[Span]:
    """Place spans used for a government or people: the subject of a speech or decision verb, a possessive of a
    non-place noun ("Moscow's role"), a modifier of such a noun ("Damascus government"), an adjective, the
    origin of a person ("Aksoy, from London")."""
    out: set[Span] = set()
    for sp in spans:
        tok = token_at(doc, sp)
        if tok is None:
            continue
        for _ in range(4):  # "brokered by Moscow and Ankara": a conjunct stands where its first conjunct does
            if tok.dep_ != "conj" or tok.head.i == tok.i or tok.head.tag_ not in ("NNP", "NNPS"):
                break
            tok = tok.head
        if tok.dep_ in ("nsubj", "nsubjpass") and _lower(tok.head) in SPEECH_VERBS | _STATE_ACTS:
            if not _inverted_speech(tok.head, tok):
                out.add(sp)
        elif tok.dep_ in ("poss", "compound") and _lower(tok.head) in _GOV_NOUNS:
            out.add(sp)
        elif tok.tag_ == "JJ" and tok.dep_ == "amod" and not (
                _lower(tok.head) in _SETTLEMENT_NOUNS and tok.head.i == tok.i + 1 and "-" not in tok.text):
            out.add(sp)  # "a Shia-majority district", "Syrian troops"; not the name in "Kuriga village"
        elif tok.dep_ == "pobj" and _lower(tok.head) == "from" and tok.head.head.tag_ in ("NNP", "NNPS", "NN", "NNS"):
            out.add(sp)  # "Mehmet Aksoy, from London": where a person comes from
        elif tok.dep_ == "pobj" and tok.head.dep_ == "agent":
            out.add(sp)  # "groups armed by Washington": the doer of a passive is an actor
    return out


_SETTLEMENT_NOUNS = frozenset({"village", "villages", "town", "township", "camp", "hamlet", "settlement"})
_LANDMARK_NOUNS = frozenset({"airport", "airbase", "base", "street", "square", "road", "avenue", "roundabout", "bridge",
                             "highway", "motorway", "crossing", "checkpoint", "stadium", "hospital", "university",
                             "prison", "port", "harbour", "refinery", "dam", "citadel", "mosque", "church", "market",
                             "airfield", "station", "palace", "compound", "headquarters", "camp"})


def landmark_of(doc: Doc, span: Span) -> Span | None:
    """A place that owns a landmark ("Aleppo's international airport", "Homs's main hospital"): the landmark's
    phrase (place, modifiers, landmark noun), the most specific place there is; None otherwise."""
    tok = token_at(doc, span)
    if tok is None or tok.dep_ != "poss" or _lower(tok.head) not in _LANDMARK_NOUNS:
        return None
    head = tok.head
    if any(c.dep_ in ("compound", "amod") and c.i > tok.i and c.tag_ in ("NNP", "NNPS") for c in head.children):
        return None  # "Syria's Hmeimim air base": a named landmark, the places stage's to find
    return (span[0], head.idx + len(head))


_PART_NOUNS = frozenset({"suburbs", "outskirts", "countryside", "environs", "surroundings"})


def own_parts(doc: Doc, spans: Sequence[Span]) -> list[tuple[Span, Span, str]]:
    """ "Damascus and its suburbs": a part of a place coordinated with it, a place of its own. Per part: its
    span ("its suburbs"), the span of the place it belongs to, and the part noun."""
    out = []
    for sp in spans:
        tok = token_at(doc, sp)
        if tok is None:
            continue
        for c in tok.children:
            if c.dep_ == "conj" and _lower(c) in _PART_NOUNS and any(
                    g.dep_ == "poss" and _lower(g) in ("its", "their") for g in c.children):
                start = min(x.idx for x in c.subtree if x.i <= c.i)
                out.append(((start, c.idx + len(c)), sp, _lower(c)))
    return out


def modifier_places(doc: Doc, spans: Sequence[Span]) -> set[Span]:
    """Place spans that only name another thing ("the Aleppo road", "the Homs refinery"): the compound of a common
    noun that is not a place noun ("the Damascus suburb of X" keeps its city)."""
    out = set()
    for sp in spans:
        tok = token_at(doc, sp)
        if tok is not None and tok.dep_ in ("compound", "amod") and tok.head.tag_ in ("NN", "NNS") \
                and _lower(tok.head) not in _PLACE_NOUNS:
            out.add(sp)
    return out


def _inverted_speech(verb: Token, tok: Token) -> bool:
    """ "..., in X, Y and Z, said the Observatory": the speech verb has its own subject after it, so a place
    parsed as a second subject before it ends the reported clause, it does not speak."""
    return tok.i < verb.i and any(c.dep_ == "nsubj" and c.i > verb.i for c in verb.children)


def _place_anchors(t: Token) -> list[Token]:
    """The tokens a place name can stand as in a list: the name itself and the descriptor nouns it names
    ("northern Idlib province" -> province, "the central city of Homs" -> city)."""
    out = [t]
    for _ in range(3):
        if t.dep_ == "compound" and _lower(t.head) in _PLACE_NOUNS:
            t = t.head
        elif t.dep_ == "pobj" and _lower(t.head) == "of" and _lower(t.head.head) in _PLACE_NOUNS \
                and t.head.head.i < t.i:
            t = t.head.head
        else:
            break
        out.append(t)
    return out


def _in_list(t: Token) -> bool:
    """``t`` is a member of its head's list: a conjunct, or an apposition the list goes on from ("X, Idlib
    province and Y" is often parsed with the province as X's apposition); a lone apposition ("X, Idlib
    province, on Monday") is X's container, not a list member."""
    return t.dep_ == "conj" or (t.dep_ == "appos" and any(c.dep_ == "conj" for c in t.children))


def _conj_group(t: Token) -> set[int]:
    """Token ids of the coordination ``t`` belongs to (its conj chain, both ways)."""
    root = t
    while _in_list(root) and root.head.i != root.i:
        root = root.head
    out, todo = {root.i}, [root]
    while todo:
        for c in todo.pop().children:
            if _in_list(c):
                out.add(c.i)
                todo.append(c)
    return out


def coordinated(doc: Doc, a: Span, b: Span) -> bool:
    """Two place spans the parse coordinates ("in Saqba, northern Idlib province and the central city of Homs",
    "Damascus and its suburbs, Homs, Aleppo"): one list, each an event place of its own."""
    ta, tb = token_at(doc, a), token_at(doc, b)
    if ta is None or tb is None:
        return False
    xs, ys = _place_anchors(ta), _place_anchors(tb)
    if {x.i for x in xs} & {y.i for y in ys}:
        return False  # one inside the other ("the Damascus suburb of Saqba"), not a list
    return any(y.i in _conj_group(x) for x in xs for y in ys)


def between_parties(doc: Doc, spans: Sequence[Span]) -> set[Span]:
    """Spans named as the sides of "between X and Y" ("clashes between Iran and Israel")."""
    out: set[Span] = set()
    for sp in spans:
        tok = token_at(doc, sp)
        t = tok
        while t is not None and t.dep_ == "conj" and t.head.i != t.i:
            t = t.head
        if t is not None and t.dep_ == "pobj" and _lower(t.head) == "between":
            out.add(sp)
    return out


def inside(span: Span, ranges: Sequence[Span]) -> bool:
    return any(a <= span[0] and span[1] <= b for a, b in ranges)


_CONTRAST = frozenset({"while", "whereas", "although", "though", "but"})


def count_owner(doc: Doc, count: Span, triggers: Sequence[Span]) -> int | None:
    """Which trigger's predicate states a count: one in the same clause, or whose when/after/as-clause holds
    the other ("50 died when soldiers stormed", "stormed the town, killing 50"), nearest first; -1 when the
    count sits in a contrasting clause of its own with no trigger ("..., while another 20 were killed two
    days later in X"); None when the parse cannot tell."""
    q = token_at(doc, count)
    if q is None:
        return None
    vq = clause_of(q)
    for k, sp in enumerate(triggers):
        t = token_at(doc, sp)
        if t is not None and t.i == vq.i and t.pos_ == "VERB" and q.head.i == t.i:
            return k  # the count is the object of a trigger verb ("soldiers killed five civilians after rebels
            # shelled a checkpoint"): that verb's event, whatever its after-clause tells
    best: tuple[int, int, int] | None = None
    for k, sp in enumerate(triggers):
        t = token_at(doc, sp)
        if t is None:
            continue
        vt = clause_of(t)
        linked = vt.i == vq.i or (vt.dep_ == "advcl" and vt.head.i == vq.i and not _contrasted(vt)) or (
            vq.dep_ in ("advcl", "conj") and vq.head.i == vt.i and not _contrasted(vq))
        # the trigger of the count's when/after-clause states how they died ("two people died after they were
        # shot at by the army"): it comes before a reference in the count's own clause ("in the first of the
        # skirmishes"), then the nearest
        cause = int(not (vt.dep_ == "advcl" and vt.head.i == vq.i and t.pos_ == "VERB"))
        if linked and (best is None or (cause, abs(t.i - q.i)) < best[:2]):
            best = (cause, abs(t.i - q.i), k)
    if best is not None:
        return best[2]
    if vq.dep_ in ("advcl", "conj") and _contrasted(vq):
        return -1
    return None


_FRAME_PREPS = frozenset({"during", "amid", "in"})


def frame_host(doc: Doc, span: Span, triggers: Sequence[Span]) -> int | None:
    """The trigger whose verb a nominal trigger frames ("shot dead two gunmen during a raid on the camp": the
    raid is the shooting's occasion, one event): the index in ``triggers`` of the verb that the trigger's
    "during / amid / in" phrase modifies; None otherwise."""
    tok = token_at(doc, span)
    if tok is None or _is_verb(tok) or tok.dep_ != "pobj" or _lower(tok.head) not in _FRAME_PREPS:
        return None
    verb = tok.head.head
    if not _is_verb(verb):
        return None
    for k, sp in enumerate(triggers):
        t = token_at(doc, sp)
        if t is not None and t.i == verb.i:
            return k
    return None


def relative_clauses(doc: Doc, span: Span) -> list[Span]:
    """Finite relative clauses in the sentence that do not hold the trigger ("in the town, which is near the border";
    "a second week of conflict that could match the siege of Aleppo"): what they name describes a noun, not
    where the trigger's event happened."""
    tok = token_at(doc, span)
    holding = {a.i for a in tok.ancestors} | {tok.i} if tok is not None else set()
    return [r for t in doc if t.dep_ == "relcl" and t.i not in holding and _finite(t) for r in _char_ranges(t.subtree)]


def where_antecedent(doc: Doc, span: Span) -> Span | None:
    """The noun a "where" relative clause holding the trigger hangs on ("Ghouta, where an air blitz entered a
    second week": Ghouta), as sentence offsets: the place of the clause's event; None otherwise."""
    tok = token_at(doc, span)
    if tok is None:
        return None
    v = clause_of(tok)
    while v.dep_ == "conj" and v.head.i != v.i:
        v = v.head
    if v.dep_ != "relcl" or not any(c.dep_ == "advmod" and _lower(c) == "where" for c in v.children):
        return None
    head = v.head
    return head.idx, head.idx + len(head.text)


def _finite(v: Token) -> bool:
    """A finite clause ("which is", "that could match"), not an infinitive ("the battle to uproot them from X",
    whose place is the battle's)."""
    return v.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("MD", "VBD", "VBZ", "VBP") for c in v.children)


@dataclass(frozen=True)
class Contrast:
    """A contrasting clause with no trigger of its own ("..., while another 20 were killed two days later in X"):
    the trigger whose clause it contrasts with, its locatives and its extent (sentence offsets)."""

    host: int
    locatives: tuple[Span, ...]
    extent: tuple[Span, ...]


def contrast_clauses(doc: Doc, triggers: Sequence[Span]) -> list[Contrast]:
    """The contrasting clauses (``while``/``whereas``) that state an event of their own but hold no trigger."""
    toks = [token_at(doc, sp) for sp in triggers]
    out: list[Contrast] = []
    for v in doc:
        if v.dep_ not in ("advcl", "conj") or not _is_verb(v) or not _contrasted(v):
            continue
        inner = {x.i for x in v.subtree}
        if any(t is not None and t.i in inner for t in toks):
            continue
        hosts = [k for k, t in enumerate(toks) if t is not None and clause_of(t).i == v.head.i]
        if len(hosts) != 1:
            continue
        out.append(Contrast(hosts[0], tuple(locative_spans(doc, (v.idx, v.idx + len(v)))),
                            tuple(_char_ranges(v.subtree))))
    return out


def _contrasted(v: Token) -> bool:
    return any(c.dep_ in ("mark", "cc") and _lower(c) in _CONTRAST for c in v.children)
