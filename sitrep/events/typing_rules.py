"""Trigger cues for event typing, written from ACLED's codebook definitions.

Each cue is a named regular expression that points at one CASE 2021 label
(the 25 ACLED sub-event types plus ORG_CRIME, NATURAL_DISASTER,
MAN_MADE_DISASTER, DIPLO and ATTRIB). Cues are used two ways:

* as binary features next to the embedding and the bag of words in the
  linear model (:mod:`sitrep.events.typing`), so a handful of training
  snippets per label is enough for the model to trust a strong trigger;
* as the cheap pre-filter :func:`any_cue` that decides whether a news
  sentence can describe an event at all.

The cue list is data (a tuple of tuples), compiled once and cached.
"""

from __future__ import annotations

import importlib
import re
from functools import lru_cache
from typing import Any

import ahocorasick
import numpy as np

RULES_VERSION = "cues.v1"

_GOV = r"(?:army|troops|soldiers|government|regime|security forces|military|forces loyal|police|national army|afghan forces|iraqi forces)"
_REB = (
    r"(?:rebels?|militants?|insurgents?|jihadists?|islamic state|isis|isil|daesh|taliban|al[- ]shabaa?b|"
    r"houthis?|boko haram|militias?|fighters|opposition|separatists?|guerrillas?|extremists?|terrorists?|"
    r"sdf|ypg|syrian democratic forces|kurdish(?:-led)? (?:forces|fighters))"
)

_GOV_W = (
    r"\b(?:government|regime|army|troops|soldiers|security forces|military|national army|armed forces|"
    r"pro-government|police|loyalist)\b"
)
_REB_W = r"\b" + _REB + r"\b"

# (cue name, label, pattern). Patterns are matched on lower-cased text.
CUES: tuple[tuple[str, str, str], ...] = (
    # Battles
    ("clash", "ARMED_CLASH", r"\bclash(?:es|ed)?\b|\bgun ?(?:fight|battle)s?\b|\bfire ?fights?\b|\bexchange(?:d)? of (?:gun)?fire\b|\bexchanged fire\b|\bheavy fighting\b|\bfierce fighting\b|\bfought\b|\bbattl(?:e|ed|ing)\b"),
    ("ambush", "ARMED_CLASH", r"\bambush(?:ed|es)?\b|\bengaged\b|\brepelled\b|\brepulsed\b|\bcounter-?attack"),
    ("attack_mil", "ARMED_CLASH", r"\battack(?:ed|s)? (?:on )?(?:an? |the )?(?:military|army|police|security|government|troops?|soldiers|base|camp|checkpoint|positions?|outpost|convoy|patrol)"),
    ("killed_fighters", "ARMED_CLASH", r"\b(?:militants|insurgents|fighters|soldiers|troops|rebels|terrorists|jihadists)\b[^.]{0,40}\b(?:killed|wounded|neutrali[sz]ed)\b"),
    ("regain", "GOV_REGAINS_TERIT", r"\bseized back\b|\bwon back\b|\brecovered (?:full )?control\b|\b(?:pushed|drove|driven|forced|kicked|expelled|flushed) (?:\w+ ){0,4}?(?:out|back)\b|\bfended off\b|\bregained\b|\brecaptur(?:e|ed|ing)\b|\bretook\b|\bretak(?:e|en|ing)\b|\bregain(?:ed|s)?\b|\bliberat(?:e|ed|ing|ion)\b|\bwrest(?:ed)? (?:back )?control\b|\bfreed (?:several |the |two |three )?(?:villages?|towns?|areas?|districts?|city)|\bcleared? (?:of|from)\b|\bpurg(?:e|ed|ing)\b"),
    ("gov_regain", "GOV_REGAINS_TERIT", _GOV + r"[^.]{0,60}\b(?:recaptured|retook|regained|liberated|took (?:back|control)|captured|seized control|freed)\b"),
    ("capture", "NON_STATE_ACTOR_OVERTAKES_TER", r"\b(?:took|taken|take|seized?|gain(?:ed)?|assumed|wrested) (?:full |complete )?control\b|\bcaptur(?:ed|es)\b (?:the |a |several |two |three |at least \d+ |\d+ )?(?:towns?|villages?|city|cities|districts?|neighbou?rhoods?|port|airfield|airport|base|areas?|hills?|province|oil fields?|positions)|\boverr?an\b|\bfell to\b|\bgained ground\b|\btook over\b|\b(?:seized|taken|took) (?:control of )?(?:the |a |two |several |at least \d+ |\d+ )?(?:towns?|villages?|city|district|neighbou?rhoods?|oil fields?|areas?|base|port)"),
    ("reb_capture", "NON_STATE_ACTOR_OVERTAKES_TER", _REB + r"[^.]{0,60}\b(?:captured|seized|took control|taken control|overran|took over|recaptured|stormed)\b"),
    ("subj_gov", "GOV_REGAINS_TERIT", "^(?:(?!" + _REB_W + ")[^.]){0,80}?" + _GOV_W),
    ("subj_reb", "NON_STATE_ACTOR_OVERTAKES_TER", "^(?:(?!" + _GOV_W + ")[^.]){0,80}?" + _REB_W),
    ("no_resist", "NON_VIOL_TERRIT_TRANSFER", r"\bwithout (?:any )?(?:resistance|a fight|fighting|a (?:single )?(?:shot|gunshot))\b|\bhand(?:ed|s|ing)? over\b|\bhandover\b|\bwithdr(?:ew|awn|awal) (?:from|of)\b|\bpulled out\b|\bevacuated\b|\bhad not encountered any resistance\b|\btook over\b"),
    # Explosions / remote violence
    ("air", "AIR_STRIKE", r"\bcoalition (?:raids|strikes|bombing|bombardment)\b|\bair ?strikes?\b|\bair ?raids?\b|\bwar ?planes?\b|\bwar ?jets?\b|\bfighter (?:jets?|planes?)\b|\bjets\b|\bdrone (?:strikes?|attacks?)\b|\bdrones?\b|\bhelicopter gunships?\b|\bbombing raids?\b|\baerial (?:bombardment|attack|strike)s?\b|\bair force\b|\bbombers\b|\bsorties\b|\bbarrel bombs?\b|\bairstrikes?\b|\bstrike aircraft\b"),
    ("shell", "ART_MISS_ATTACK", r"\bshell(?:s|ed|ing)\b|\bmortars?\b|\brockets?\b|\bartillery\b|\bmissiles?\b|\bhowitzers?\b|\bkatyushas?\b|\bprojectiles?\b|\bgrad\b|\bbombard(?:ed|ment)\b|\btank fire\b|\bshelled\b|\blaunchers?\b"),
    ("suicide", "SUIC_BOMB", r"\bsuicide\b|\bblew (?:himself|herself|themselves) up\b|\bkamikazes?\b|\bexplosives?[- ](?:vest|belt)s?\b|\bs?vbied\b|\bself-detonat"),
    ("ied", "REM_EXPLOS", r"\bieds?\b|\bimprovised explosive\b|\broadside bombs?\b|\bland ?mines?\b|\bmines?\b|\bcar bombs?\b|\bbomb (?:blast|explosion|exploded|went off)\b|\bexplosive devices?\b|\bbooby[- ]trap|\blimpet\b|\bdetonat(?:ed|ion)\b|\bmagnetic bomb|\bsticky bomb|\bremote[- ]controlled\b|\bplanted\b"),
    ("blast", "REM_EXPLOS", r"\bblasts?\b|\bexplosions?\b|\bexploded\b|\bbombings?\b|\bbomb\b"),
    ("grenade", "GRENADE", r"(?<!propelled )\bgrenades?\b|\bhurled\b|\blobbed\b|\bhand bomb|\bpetrol bomb"),
    ("chem", "CHEM_WEAP", r"\bchemical (?:attack|weapons?|munitions?|agents?|strike|bomb)s?\b|\bchlorine\b|\bsarin\b|\bpoison(?:ous)? gas\b|\btoxic gas\b|\bmustard gas\b|\bnerve (?:agent|gas)\b|\bpoisonous chemicals\b|\bopcw\b|\bgas attack\b"),
    # Violence against civilians
    ("attack_civ", "ATTACK", r"\bgunmen\b|\bassailants?\b|\bshot dead\b|\bmassacre[ds]?\b|\bhacked\b|\bstabb(?:ed|ing)\b|\bmachetes?\b|\bdrive-by\b|\bmurder(?:ed|s)?\b|\bexecut(?:ed|ion)\b|\bbeheaded\b|\bopened fire on\b|\bshooting\b|\bkill(?:ed|ing) (?:\w+ )?(?:civilians|villagers|farmers|worshippers|students|people)\b|\bgun attacks?\b|\barmed men\b|\bunknown gunmen\b|\bbandits\b|\bherdsmen\b|\bassassinat"),
    ("abduct", "ABDUCT_DISSAP", r"\babduct(?:ed|s|ion|ions|ing)?\b|\bkidnap(?:ped|ping|pings|s)?\b|\bhostages?\b|\bdisappear(?:ed|ance|ances)\b|\btaken captive\b|\bwent missing\b|\bcaptive\b|\babductors\b|\bransom\b"),
    ("sexual", "SEX_VIOL", r"\bsexual (?:assault|violence|abuse|attack|harassment|slavery|exploitation)s?\b|\brap(?:e|ed|es|ing|ists?)\b|\bsexual(?:ly)?\b|\bmolest|\bgang-?rape"),
    # Protests
    ("protest", "PEACE_PROTEST", r"\bprotest(?:s|ed|ers?|ing)?\b|\bdemonstrat(?:ion|ions|ors?|ed|ing)\b|\brall(?:y|ies|ied)\b|\bmarch(?:ed|es)?\b|\bsit-?ins?\b|\bpickets?\b|\bvigils?\b|\bhuman chain\b|\bstaged\b|\bchant(?:ed|ing)\b|\bplacards\b|\bstrike\b"),
    ("peaceful", "PEACE_PROTEST", r"\bpeaceful(?:ly)?\b|\bgathered\b|\bcalling for\b|\bdemand(?:ed|ing)\b|\bin support of\b|\bagainst the\b"),
    ("intervene", "PROTEST_WITH_INTER", r"\bsuppress(?:ed)?\b[^.]{0,40}\b(?:protest|demonstration|rally|march|sit-in)\b|\bdispel\b|\bcut short\b|\bprevent(?:ed)? (?:the )?(?:protest|rally|march)|\b(?:detain(?:ed|s)?|arrest(?:ed|s)?|dispers(?:e|ed)|disband(?:ed)?)\b[^.]{0,40}\b(?:protesters|demonstrators|activists|protest|rally|march)\b|\b(?:protesters|demonstrators)\b[^.]{0,40}\b(?:detained|arrested|dispersed)\b|\bpepper[- ]spray|\bwater cannons?\b|\bbaton[- ]charg|\btear ?gas\b|\brubber bullets\b|\bstun grenades\b"),
    ("force", "FORCE_AGAINST_PROTEST", r"\b(?:protesters?|demonstrators?)\b[^.]{0,50}\b(?:killed|shot|wounded|injured|beaten|died)\b|\b(?:killed|shot|wounded|injured|beat|beating)\b[^.]{0,30}\b(?:protesters?|demonstrators?)\b|\blive (?:bullets|ammunition|rounds)\b|\bexcessive force\b|\bviolently (?:suppress|disperse|broke)|\bcrack(?:ed)? ?down\b|\bbroke up\b|\bbrutal(?:ly)?\b"),
    # Riots
    ("riot", "VIOL_DEMONSTR", r"\bturned violent\b|\bviolent (?:protests?|demonstrations?|clashes)\b|\bblock(?:ed|ing) (?:the )?(?:roads?|streets?|highways?|railways?)\b|\bthrew (?:objects|projectiles)\b|\bclash(?:ed|es)? with (?:the )?(?:police|security forces|officers)\b|\bdamaged\b|\bsmash(?:ed|ing)\b|\briot(?:s|ers|ing|ed)?\b|\b(?:threw|throwing|hurled|pelted|pelting) (?:stones|rocks|bottles|petrol bombs|molotov)|\bstone[- ]pelting\b|\bmolotov\b|\bburn(?:ed|t|ing) tyres\b|\bbarricades?\b|\bvandali[sz]|\bstormed\b|\bbroke into\b|\btore down\b|\bpull(?:ed)? down\b|\bset fire\b"),
    ("mob", "MOB_VIOL", r"\bmobs?\b|\blynch(?:ed|ing)?\b|\bvigilantes?\b|\bangry (?:crowd|residents|villagers|youths)\b|\bset ablaze\b|\bjungle justice\b|\bcommunal (?:clash|violence)|\bvillagers clashed\b|\bsticks\b|\biron rods\b|\bmachetes\b|\bsectarian\b|\brival (?:groups|communities|clans)\b"),
    # Strategic developments
    ("agree", "AGREEMENT", r"\bagreements?\b|\bagreed\b|\bcease-?fire\b|\btruce\b|\bdeal\b|\bsigned\b|\baccords?\b|\bpeace (?:talks|deal|agreement|process)\b|\bprisoner (?:swap|exchange|release)s?\b|\bswap\b|\bsurrender(?:ed|s)?\b|\breconciliation\b|\bnegotiat|\brelease of\b|\breleased\b|\bamnesty\b"),
    ("arrest", "ARREST", r"\barrest(?:ed|s|ing)?\b|\bdetain(?:ed|s|ing)?\b|\bdetention\b|\btaken into custody\b|\bapprehend(?:ed)?\b|\bnabbed\b|\brounded up\b|\bin custody\b|\bjailed\b|\bcustody\b|\bdetained\b|\b(?:police|security|house|night) raids?\b|\braids? (?:to|and) (?:detain|arrest)|\bsuspects?\b|\bintercepted \d+ suspected"),
    ("change", "CHANGE_TO_GROUP_ACT", r"\bdefect(?:ed|ion|ions|ors?)\b|\bpull(?:ed|s)? back\b|\breinforce(?:d|ments)?\b|\bdeploy(?:ed|ment|s)?\b|\bmobili[sz](?:ed|ation|e)\b|\bmerg(?:ed|er)\b|\bsplit\b|\bdissolv|\bdrills?\b|\bexercises?\b|\brecruit|\bannounced (?:a|the) (?:formation|creation)\b|\bformed\b|\bsuspend(?:ed|s)?\b|\bboycott|\bwithdr(?:ew|awn|aw)\b|\bretreat(?:ed)?\b|\brelocat|\bjoined\b|\bdisarm"),
    ("disrupt", "DISR_WEAP", r"\b(?:seized|seize|confiscated|recovered|found|discovered|captured|impounded|intercepted)\b[^.]{0,60}\b(?:weapons?|arms|ammunition|ammo|rifles?|pistols?|guns|firearms|explosives?|bullets|cache|rounds|mortars|grenades|rockets?|missiles?|drones?|ieds?|bombs?|packages?|kalashnikov)\b|\b(?:weapons?|arms|ammunition|explosives?)\b[^.]{0,30}\b(?:cache|depot|stash|haul)\b|\bstash\b|\bcache\b|\bdefus(?:ed|ing)\b|\bdismantl(?:ed|ing)\b|\bshot down\b|\bintercept(?:ed|ion|s)?\b|\bdestroy(?:ed)? (?:a |an |the )?(?:drone|missile)|\bfoil(?:ed)?\b|\bthwart(?:ed)?\b|\bbomb disposal\b|\bdemining\b|\bdefused\b|\bfirearms\b|\bammunition\b"),
    ("hq", "HQ_ESTABLISHED", r"\b(?:set up|sets up|setting up|established?|establishes|establishing|built|building|opened|deploy(?:ed)?)\b[^.]{0,40}\b(?:base|bases|headquarters|hq|observation (?:post|point)s?|outposts?|posts?|points?|checkpoints?|camp)\b|\bnew (?:military )?base\b|\bobservation (?:post|point)s?\b"),
    ("loot", "PROPERTY_DISTRUCT", r"\bloot(?:ed|ing|ers)?\b|\bburn(?:ed|t|ing)? (?:down )?(?:\w+ )?(?:houses|homes|shops|vehicles|cars|buildings|property|properties|churches|mosques|offices)\b|\btorch(?:ed|ing)\b|\bset (?:on )?fire\b|\barson\b|\bransack(?:ed)?\b|\bdestroy(?:ed)? (?:\w+ )?(?:property|properties|houses|homes|shops)\b|\bdemolish(?:ed)?\b|\bvandali[sz]|\bafire\b|\bpillag"),
    ("other", "OTHER", r"\bfled\b|\bfleeing\b|\bdisplaced\b|\brefugees\b|\btunnels?\b|\bmass graves?\b|\bballistic missile (?:development|program|test)|\blaunch(?:ed)? (?:a )?satellite\b"),
    # Outside ACLED
    ("crime", "ORG_CRIME", r"\bgangs?\b|\bcartels?\b|\bdrugs?\b|\bnarcotics?\b|\btraffick(?:ing|ers|ed)\b|\bsmuggl(?:ing|ers|ed)\b|\brobber(?:y|ies|s)\b|\bfraud\b|\bmoney laundering\b|\bcorruption\b|\btheft\b|\bthieves\b|\bheist\b|\bmafia\b|\bextortion\b|\bcounterfeit\b|\bcocaine\b|\bheroin\b|\bmarijuana\b|\bcannabis\b|\bscam\b|\bbribe|\bembezzl|\bpoach|\bthugs\b|\bburglar|\bstolen\b|\bcrime\b|\bcriminal\b"),
    ("natural", "NATURAL_DISASTER", r"\bearthquakes?\b|\bquakes?\b|\btsunami\b|\bfloods?\b|\bflooding\b|\bcyclones?\b|\bhurricanes?\b|\btyphoons?\b|\bstorms?\b|\bvolcan(?:o|ic|oes)\b|\berupt(?:ed|ion)\b|\blandslides?\b|\bmudslides?\b|\bdrought\b|\bwild ?fires?\b|\bbush ?fires?\b|\bcovid|\bcoronavirus\b|\bpandemic\b|\bepidemic\b|\boutbreak\b|\btremors?\b|\bmagnitude\b|\bheat ?wave\b|\bavalanche\b|\btornado(?:es)?\b|\bheavy rains?\b|\bmonsoon\b|\bblizzard\b|\bcholera\b|\bebola\b|\binfect(?:ed|ions?)\b|\bvirus\b|\bcases\b|\blocust"),
    ("manmade", "MAN_MADE_DISASTER", r"\bleak(?:ed|s|age)?\b|\bspill(?:ed|s)?\b|\bfire broke out\b|\bblaze\b|\bcollaps(?:e|ed)\b|\bderail(?:ed|ment)\b|\b(?:plane|bus|train|helicopter|car|road) (?:crash|accident)\b|\bcrash(?:ed)?\b|\baccidents?\b|\bgas (?:explosion|cylinder|leak)\b|\bfactory\b|\bplant\b|\bindustrial\b|\bcapsiz(?:e|ed)\b|\bsank\b|\bstampede\b|\bfire\b|\bexploded\b|\bwarehouse\b|\bmine\b|\btanker\b|\bpipeline\b|\bbuilding\b|\bblackout\b|\bpoisoning\b|\bcontaminat"),
    ("diplo", "DIPLO", r"\bsanctions?\b|\bdiplomat(?:s|ic)?\b|\bexpel(?:led|s)?\b|\bexpulsions?\b|\bambassadors?\b|\bforeign minist(?:er|ry)\b|\bsecretary of state\b|\bstate department\b|\bsummon(?:ed|s)\b|\bcondemn(?:ed|s)?\b|\burg(?:ed|es)\b|\bbilateral\b|\bsecurity council\b|\bsummit\b|\bvisit(?:ed|s)?\b|\bretaliat|\btalks\b|\bembassy\b|\bconsulate\b|\bministry said\b|\bstatement\b|\bcounterpart"),
    ("attrib", "ATTRIB", r"\bden(?:ied|ies|y|ying) (?:any )?(?:involvement|responsibility|role|sending|accusations|allegations)\b|\btakes? credit\b|\btook credit\b|\baccusations?\b|\bsuspected to be behind\b|\bwas behind\b|\bwere behind\b|\bclaim(?:ed|s|ing)? (?:the )?responsibility\b|\bresponsib(?:le|ility) for\b|\bclaimed (?:the )?(?:attack|killing|murder|bombing|blast)\b|\bclaimed\b|\bblam(?:ed|es|ing)\b|\baccus(?:ed|es|ing)\b|\b(?:suspected|believed|said) to (?:be|have been) behind\b|\bbehind the\b|\battribut(?:ed|es)\b|\bcarried out by\b|\bperpetrat"),
)

LABELS_OF_CUES: tuple[str, ...] = tuple(label for _, label, _ in CUES)


@lru_cache(maxsize=1)
def _compiled() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(pat) for _, _, pat in CUES)


def literal_starts(pattern: str) -> frozenset[str] | None:
    """Literal strings one of which every match of ``pattern`` begins with (after zero-width assertions), read
    from the pattern's parse; None when some alternative starts otherwise (a class, a repeat, a flag group) or the
    parse is not what this reads (``re._parser`` is CPython's own, without a public API)."""
    try:
        parser, constants = importlib.import_module("re._parser"), importlib.import_module("re._constants")
        tree = parser.parse(pattern)
        if tree.state.flags & (re.IGNORECASE | re.LOCALE):
            return None  # (?i) for the whole pattern: its literals are not literal
        return _starts(list(tree), constants)
    except Exception:  # noqa: BLE001 - an unexpected parse only costs the prefilter
        return None


def _starts(ops: list[tuple[Any, Any]], c: Any) -> frozenset[str] | None:
    run: list[str] = []
    for op, av in ops:
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT) and not run:
            continue  # zero-width before the first character
        if op is c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            break
        if op is c.BRANCH:
            alts = [_starts(list(alt), c) for alt in av[1]]
            return None if any(a is None for a in alts) else frozenset().union(*alts)  # type: ignore[arg-type]
        if op is c.SUBPATTERN and not av[1] and not av[2]:  # a group that sets no flags
            return _starts(list(av[3]), c)
        return None
    return frozenset({"".join(run)}) if run else None


@lru_cache(maxsize=1)
def _start_automaton() -> tuple[ahocorasick.Automaton | None, frozenset[int]]:
    """Every cue's literal starts in one automaton (start -> cue indexes), and the cues without literal starts."""
    auto = ahocorasick.Automaton()
    always: set[int] = set()
    for i, (_, _, pat) in enumerate(CUES):
        starts = literal_starts(pat)
        if starts is None:
            always.add(i)
            continue
        for w in starts:
            if w in auto:
                auto.get(w).add(i)
            else:
                auto.add_word(w, {i})
    if len(auto) == 0:
        return None, frozenset(always)
    auto.make_automaton()
    return auto, frozenset(always)


@lru_cache(maxsize=4096)
def _fires(text: str) -> tuple[bool, ...]:
    """Which cues fire on ``text`` (cached: the mention model and the typing model ask about the same sentences).
    Only the cues one of whose literal starts occurs in the text are searched (one automaton pass over it): most
    cues fire on no sentence, and a search fails at every word start."""
    low = text.lower()
    auto, always = _start_automaton()
    live = set(always)
    if auto is not None:
        for _, ids in auto.iter(low):
            live |= ids
    return tuple(i in live and p.search(low) is not None for i, p in enumerate(_compiled()))


def cue_vector(text: str) -> np.ndarray:
    """Binary vector, one entry per cue in :data:`CUES` (1.0 when the cue fires)."""
    return np.array([1.0 if f else 0.0 for f in _fires(text)], dtype=np.float32)


def cue_names(text: str) -> list[str]:
    """Names of the cues that fire on ``text`` (for explanations and tests)."""
    return [CUES[i][0] for i, f in enumerate(_fires(text)) if f]


# Words that make a sentence worth typing: event verbs and nouns, not actor
# names or topics (a sentence that only names ISIL or "the battle for Raqqa"
# without an event word is background).
_EVENT_TRIGGERS = (
    r"\b(?:kill(?:ed|ing|s)?|dead|died|dies|death toll|wounded|wounding|injur(?:ed|ing|ies)|casualties|bodies|"
    r"massacre[ds]?|shot|shoot(?:ing|ings)?|gunmen|gunfire|fire[ds]? on|opened fire|"
    r"attack(?:ed|s|ing)?|assault(?:ed|s)?|offensives?|gains|pushing|surrounded|encircled|besieged|siege|sealed off|releas(?:e|ed)|ambush(?:ed)?|raid(?:ed|s)?|storm(?:ed|ing)|"
    r"advanc(?:e|ed|es|ing)|push(?:ed)? into|seiz(?:e|ed|es|ing)|captur(?:e|ed|es|ing)|recaptur\w*|retak(?:e|en)|retook|"
    r"regain(?:ed)?|liberat\w*|overr?an|fell to|took control|taken control|control of|"
    r"clash(?:es|ed)?|fighting|fought|battl(?:e|es|ed|ing)|gun ?battle|firefight|"
    r"shell(?:s|ed|ing)|bomb(?:s|ed|ing|ings|ardment|arded)?|air ?strikes?|air ?raids?|strikes?|striking|struck|hit|"
    r"war ?planes?|jets?|drones?|mortars?|rockets?|missiles?|artillery|explosions?|explod(?:e|ed)|blasts?|"
    r"detonat\w*|ieds?|land ?mines?|mines?|grenades?|chemical|chlorine|sarin|suicide|"
    r"abduct\w*|kidnap\w*|hostages?|rap(?:e|ed)|sexual(?:ly)?|"
    r"protest\w*|demonstrat\w*|rall(?:y|ies|ied)|march(?:ed|es)?|sit-?in|riot\w*|mobs?|lynch\w*|"
    r"loot\w*|torch(?:ed)?|burn(?:ed|t)|set fire|destroy(?:ed)?|demolish(?:ed)?|"
    r"arrest\w*|detain\w*|surrender(?:ed)?|cease-?fire|truce|agreement|deal|"
    r"withdr(?:ew|awn|awal)|pull(?:ed)? (?:out|back)|retreat(?:ed)?|defect(?:ed|ion)?|deploy(?:ed|ment)?|"
    r"reinforc\w*|evacuat\w*|fled|fleeing|flee|displaced|"
    r"defus(?:ed|ing)|intercept(?:ed)?|shot down|cache|set up|established)\b"
)


@lru_cache(maxsize=1)
def _event_pattern() -> re.Pattern[str]:
    return re.compile(_EVENT_TRIGGERS)


def any_cue(text: str) -> bool:
    """True when ``text`` contains at least one event trigger word."""
    return _event_pattern().search(text.lower()) is not None
