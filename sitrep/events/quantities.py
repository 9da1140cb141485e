"""Casualty and other people counts in a sentence.

``find_quantities`` finds numbers written in digits or words ("24", "3,000 to
4,000", "nine", "dozens" = 12 under ACLED's rule, "more than a dozen"), keeps
only those that count people, and links each to a victim category
(civilians, fighters, children, women, unknown) and a status (killed, injured,
captured, surrendered, displaced, present). It also reads qualifiers ("at
least", "up to"), revised tolls ("up from an earlier toll of 13"), cumulative
tallies ("a total of 58 since June 6", "so far") and breakdowns ("including
five minors and three women"). Years, dates, ages, percentages, money,
distances and counts of things ("28 villages") are not returned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sitrep.events.vocab import unscare_quotes
from sitrep.records import QuantityMention
from sitrep.regex_first import with_first_chars

STAGE_VERSION = "sitrep.events.quantities.v33"  # v33: "two police officers and a civilian"; v32: "a councillor and his bodyguard" are two; v31: scare-quoted nouns; v30: "including 12 in a house in X"; v29: pupils, schoolgirls are children; v28: merged; v27: "nine Chinese nationals"; v26: "killing two soldiers and four civilians" (one verb, two counts), employees, staff; "32 Palestinians across the Strip"; v22: "villagers" is not "village"; gang members are fighters; v23: "a health worker", "a village chief"; v24: "neutralised", "members of one family", miners, operatives; v25: bandits, aged victims, civilians among a toll
DATA_FILES: tuple[Path, ...] = ()  # rules only: nothing loaded from disk

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
# vague amounts, ACLED-style lower readings ("dozens" = 12) and an upper bound
_VAGUE = {
    "a dozen": (12, 12, 12), "dozen": (12, 12, 12), "dozens": (12, 12, 99), "scores": (20, 20, 99),
    "hundreds": (100, 100, 999), "thousands": (1000, 1000, 9999), "tens": (10, 10, 99),
    "a handful": (3, 3, 5), "several": (3, 3, 9), "a few": (3, 3, 5), "a couple": (2, 2, 2),
    "a hundred": (100, 100, 100), "a thousand": (1000, 1000, 1000),
}
_WORDNUM = "|".join(sorted(list(_UNITS) + list(_TENS), key=len, reverse=True))
_WORD = rf"(?:(?:{'|'.join(_TENS)})[- ](?:{'|'.join(k for k in _UNITS if _UNITS[k] < 10)})|{_WORDNUM})"
_DIGIT = r"\d{1,3}(?:,\d{3})+|\d+"
_SCALE = r"(?:\s+(?:hundred|thousand|million))?"
_ONE = rf"(?:(?:{_DIGIT}){_SCALE}|{_WORD}{_SCALE})"
_VAGUE_RE = "|".join(sorted((re.escape(k) for k in _VAGUE), key=len, reverse=True))
# every number starts with a digit or the first letter of a number word or a vague amount: the lookahead fails
# at a word start that cannot begin one before the engine tries the ~50 case-folded alternatives (the same
# matches: tests/test_quantities.py checks the class against the word lists and Unicode case folding)
_FIRST = "".join(sorted({w[0] for w in (*_UNITS, *_TENS, *_VAGUE)}))
_NUMBER = re.compile(
    rf"(?<![\w.,$£€-])(?=[\d{_FIRST}])(?:(?P<lo>{_ONE})(?:\s*(?:to|–|or|and)\s*|(?<=\d)-(?=\d))(?P<hi>{_ONE})|(?P<one>{_ONE})|(?P<vague>{_VAGUE_RE}))"
    rf"(?![\w%-]|\.\d|,\d)",
    re.IGNORECASE,
)

_QUALIFIERS = [
    ("at least", "at least"), ("no fewer than", "at least"), ("not less than", "at least"),
    ("more than", "more than"), ("over", "more than"), ("upwards of", "more than"),
    ("up to", "up to"), ("as many as", "up to"), ("no more than", "up to"),
    ("at most", "up to"), ("about", "about"), ("around", "about"), ("some", "about"),
    ("nearly", "about"), ("almost", "about"), ("approximately", "about"), ("roughly", "about"),
    ("an estimated", "about"), ("estimated", "about"), ("close to", "about"),
]
_QUAL_RE = re.compile(r"(?:^|\W)(" + "|".join(re.escape(q) for q, _ in _QUALIFIERS) + r")\s+(?:of\s+)?$",
                      re.IGNORECASE)

# victim nouns → category
_CATEGORY_NOUNS = [
    (r"civilians?|residents?|villagers?|inhabitants?|worshipp?ers?|pilgrims?|students?|farmers?|"
     r"shepherds?|passengers?|protesters?|demonstrators?|journalists?|aid workers?|doctors?|"
     r"medics?|patients?|refugees?|migrants?|family members|relatives|non-combatants|bystanders|tourists?|"
     r"drivers?|teachers?|nurses?|traders?|shopkeepers?|vendors?|priests?|imams?|villagers?|workers?|"
     r"members of (?:the same |a single |one |his |her |their |a |the )?family|cam(?:era)?m[ae]n|photographers?|"
     r"reporters?|correspondents?|townspeople|townsfolk|miners?|herders?|herdsmen|herdsman|fishermen|fisherman|"
     r"pastoralists?|labou?rers?|loggers?|mourners|churchgoers|congregants|wedding guests|guests|"
     r"customers|shoppers|commuters|motorists|travell?ers|pedestrians|healthcare workers|health workers|"
     r"humanitarian workers|employees|staff members|staffers|diplomats|contractors|volunteers|engineers|nationals|"
     r"citizens|foreigners|expatriates|expats",
     "civilians"),
    (r"children|child|minors?|boys?|girls?|kids|infants?|babies|toddlers?|teenagers?|"
     r"schoolchildren|schoolgirls?|schoolboys?|pupils?|students? under", "children"),
    (r"women|woman|mothers?|wom[ae]n and girls", "women"),
    (r"fighters?|militants?|soldiers?|troops?|servicem[ae]n|gunmen|gunman|insurgents?|rebels?|"
     r"jihadists?|jihadis|extremists?|terrorists?|combatants?|militiam[ae]n|militias?|guerrillas?|"
     r"policem[ae]n|police officers?|officers?|guards?|recruits?|commanders?|personnel|"
     r"members of (?:the )?(?:[\w'’-]+\s+){0,4}?(?:security forces|forces|army|police|militias?|"
     r"troops|group|brigades?|battalions?|units?|guards?|gangs?|cartels?)|security forces|attackers|assailants|"
     r"bombers?|snipers?|paramilitar(?:y|ies)|conscripts|marines|sailors|airmen|pilots?|"
     # organised armed crime: non-state armed actors in ACLED, not civilians
     r"gang members?|gangsters?|gangmen|bandits?|kidnappers?|pirates?|cartel members?|hitmen|sicarios|"
     r"operatives|mercenaries|separatists|servicemembers|service members|cadres|partisans|peacekeepers?",
     "fighters"),
    (r"people|persons?|individuals|men|man|bodies|victims|casualties|others|lives|dead|hostages|"
     r"captives|prisoners|detainees", "unknown"),
]
_CAT_RE = [(re.compile(rf"(?:{pat})\b", re.IGNORECASE), cat) for pat, cat in _CATEGORY_NOUNS]
_CAT_ADJ = re.compile(
    r"\b(civilian|child|militant|soldier|military|fighter|rebel|army|police|government)\b", re.IGNORECASE)
_ADJ_CAT = {"civilian": "civilians", "child": "children", "militant": "fighters", "soldier": "fighters",
            "military": "fighters", "fighter": "fighters", "rebel": "fighters", "army": "fighters",
            "police": "fighters", "government": "fighters"}

# words allowed between a number and its victim noun ("26 Isis fighters", "12 pro-government militiamen")
_MODIFIER = re.compile(
    r"(?:[A-Z][\w'’.-]*|[a-z]+-[\w-]+|more|other|further|additional|innocent|unarmed|armed|suspected|"
    r"alleged|civilian|foreign|local|government|regime|rebel|opposition|enemy|militant|army|security|"
    r"police|military|kurdish|arab|syrian|iraqi|afghan|russian|american|turkish|israeli|palestinian|"
    r"ukrainian|young|elderly|female|male|displaced|wounded|injured|dead|senior|top|of|the|their|its|"
    r"whom|them|jihadist|extremist|islamist|insurgent|militia|tribal|coalition|allied|loyalist|"
    r"pro|anti|us|u\.s\.|un|un-backed|backed|led|turkish-backed|kurdish-led|nato)\s+",
)

# military statements' euphemisms for killing (Nigeria, the Sahel, Turkey, Russia): "neutralised 32 terrorists"
_EUPHEMISMS = r"neutrali[sz]ed|neutrali[sz]ing|eliminated|eliminating|liquidated|liquidating"

_STATUS = [
    ("killed", r"killed|killing|kills|kill|dead|died|die|dies|deaths?|death toll|toll|slain|slaughtered|"
               + _EUPHEMISMS + r"|"
               r"massacred|executed|executing|perished|lost their lives|lives|bodies|fatalities|"
               r"lost (?:his|her|their) li(?:fe|ves)|murdered|beheaded|shot dead|claimed the lives"),
    ("injured", r"wounded|wounding|injured|injuring|injuries|hurt|casualties"),
    ("captured", r"captured|capturing|taken hostage|taken as hostages?|held hostage|hostages?|kidnapped|"
                 r"kidnapping|abducted|abducting|detained|detaining|arrested|arresting|taken prisoner|"
                 r"taken captive|seized|freed|released|rescued|missing"),
    ("surrendered", r"surrendered|surrendering|surrender|gave themselves up|defected|laid down"),
    ("displaced", r"displaced|displacing|fled|fleeing|flee|evacuated|evacuating|homeless|uprooted|"
                  r"forced from their homes|made refugees"),
    ("present", r"holed up|remain|remained|remaining|trapped|stuck|besieged|live|living|lived|"
                r"sheltering|still inside|hiding|are believed|are thought|stationed|deployed|gathered"),
]
# (behind the lookahead of their first characters, sitrep.regex_first: the same matches, fewer failed starts)
_STATUS_RE = [(with_first_chars(re.compile(rf"\b(?:{pat})\b", re.IGNORECASE)), st) for st, pat in _STATUS]
_KILLED_RE = next(rx for rx, st in _STATUS_RE if st == "killed")

_NOT_PEOPLE = re.compile(
    r"\s*(?:%|per\s?cent|percent|years?\b|yrs|months?\b|weeks?\b|days?\b|hours?\b|minutes?\b|"
    r"seconds?\b|km\b|kilomet[a-z]*|miles?\b|metres?\b|meters?\b|feet\b|kg\b|tons?\b|tonnes?\b|"
    r"dollars?|pounds?|euros?|[$£€]|-year|year-old|yr|am\b|pm\b|a\.m|p\.m|o'clock|times\b|"
    r"villages?|towns?|cities|neighbou?rhoods?|districts?|buildings?|houses?|homes?|schools?|"
    r"mosques?|hospitals?|vehicles?|cars?|tanks?|trucks?|rockets?|missiles?|shells?|bombs?|"
    r"(?:air\s?)?strikes?|raids?|attacks?|rounds?|positions?|targets?|kilos?|barrels?|"
    r"square|st\b|nd\b|rd\b|th\b)(?![a-z])",  # whole words: "35 villagers", "12 schoolchildren" are people
    re.IGNORECASE,
)
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_DATE_BEFORE = re.compile(rf"\b{_MONTH}\.?\s*$|\b(?:aged|age|ages|of age|number|no\.|page|"
                          r"resolution|route|highway|article|section|chapter|flight|[$£€])\s*$",
                          re.IGNORECASE)
_DATE_AFTER = re.compile(rf"^\s*(?:{_MONTH}\b|(?:st|nd|rd|th)\b|/\d|:\d)", re.IGNORECASE)
_BREAKDOWN = re.compile(r"(?:including|among them|among whom|of whom|of them|among the dead|"
                        r"among those killed|\bmost of them|mostly)\s*,?\s*(?:at least\s+)?$",
                        re.IGNORECASE)
_EARLIER = re.compile(r"(?:up|down|revised|rising|risen)\s+from\s+(?:an?\s+)?(?:earlier|previous|initial|"
                      r"prior)?\s*(?:\w+\s+)?(?:toll|figure|count|estimate|number|report)?\s*(?:of\s+)?$"
                      r"|(?:earlier|previous|initial|prior)\s+(?:death\s+)?(?:toll|figure|count|estimate|"
                      r"report)\s+(?:of|was|had been)\s+$", re.IGNORECASE)
_CUMULATIVE = with_first_chars(re.compile(r"\b(?:a total of|in total|total of|totall?ing|so far|to date|overall|cumulative|"
                                          r"since the (?:start|beginning|launch|outbreak)|since the (?:battle|offensive|war|"
                                          r"campaign|conflict|operation|fighting)|since (?:it|they|the \w+) (?:began|started)|"
                                          r"since (?:early |late |mid-)?(?:January|February|March|April|May|June|July|August|"
                                          r"September|October|November|December|\d{4})|in the past (?:year|months)|"
                                          r"this year|throughout|in the (?:crackdown|conflict|war|uprising|insurgency|civil war|"
                                          r"fighting since|violence since|unrest|revolt|revolution|rebellion)|"
                                          r"since (?:the |anti-government |anti-regime )?(?:[\w-]+ ){0,3}?(?:began|erupted|started|"
                                          r"broke out)|since the (?:uprising|unrest|revolt|revolution|crackdown|protests|rebellion)|"
                                          r"since (?:that|then|this|these)|in the (?:air )?campaign|"
                                          r"(?:in|during|over)\s+(?:the\s+(?:past|last)\s+)?(?:\w+\s+)?(?:weeks|months|years)\s+of\s+"
                                          r"(?:fighting|war|conflict|bombing|bombardment|air ?strikes|violence|clashes|siege)|"
                                          # a toll over weeks or months of one campaign ("a nearly month-long bombardment that left 700
                                          # dead", "under bombardment for almost a month, leaving 700 dead"): a running total
                                          r"(?:week|month|year)-long\s+(?:[\w-]+\s+)?(?:fighting|war|conflict|bombing|bombardment|"
                                          r"air ?strikes|violence|clashes|siege|shelling|offensive|assault|campaign)|"
                                          r"(?:a|one|two|three|four|several|many)\s+(?:weeks?|months?)\s+of\s+(?:[\w-]+\s+)?(?:fighting|"
                                          r"bombing|bombardment|air ?strikes|violence|clashes|siege|shelling)|"
                                          r"under\s+(?:bombardment|siege|shelling|attack)\s+for\s+(?:almost\s+|nearly\s+|more than\s+|"
                                          r"about\s+|over\s+)?(?:a|one|two|three|four|several|many)\s+(?:weeks?|months?))\b",
                                          re.IGNORECASE))
_VERB_LEFT = re.compile(
    r"\b(killed|killing|kills|kill|wounded|wounding|injured|injuring|kidnapped|kidnapping|abducted|"
    r"abducting|detained|detaining|arrested|arresting|captured|capturing|executed|executing|displaced|"
    + _EUPHEMISMS + r"|"
    r"displacing|evacuated|freed|released|rescued|massacred|slaughtered)\s+(?:at least|more than|over|about|"
    r"around|nearly|some|up to|almost|an estimated|as many as|approximately|roughly)?\s*$",
    re.IGNORECASE)
_STOP = re.compile(r"(?:in|at|on|to|from|and|or|were|was|are|is|have|has|had|been|be|by|with|for|that|"
                   r"this|these|those|who|which|after|before|during|since|into|near|across|per|a|an)\s",
                   re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[;:]|\b(?:while|whereas|but|although|after|before|when|which|who)\b",
                           re.IGNORECASE)


_NUMBER_STEMS = tuple(list(_UNITS) + list(_TENS) + ["dozen", "score", "hundred", "thousand", "several", "few",
                                                     "couple", "handful", "tens", "million"])


@dataclass
class _Num:
    start: int
    end: int
    value: int | None
    lo: int | None
    hi: int | None


def _word_value(text: str) -> int | None:
    t = text.lower().replace(",", "").strip()
    scale = 1
    for word, mult in (("million", 1_000_000), ("thousand", 1000), ("hundred", 100)):
        if t.endswith(word):
            scale = mult
            t = t[: -len(word)].strip()
            break
    if not t:
        return scale if scale > 1 else None
    if t.isdigit():
        return int(t) * scale
    parts = re.split(r"[- ]", t)
    total = 0
    for p in parts:
        if p in _UNITS:
            total += _UNITS[p]
        elif p in _TENS:
            total += _TENS[p]
        else:
            return None
    return total * scale


def number_value(text: str) -> int | None:
    """The value of one number written in digits or words ("30", "thirty", "two hundred")."""
    return _word_value(text)


def _numbers(text: str) -> list[_Num]:
    out: list[_Num] = []
    for m in _NUMBER.finditer(text):
        if m.group("vague"):
            vague_v, lo, hi = _VAGUE[m.group("vague").lower()]
            out.append(_Num(m.start(), m.end(), vague_v, lo, hi))
        elif m.group("lo"):
            lo_v, hi_v = _word_value(m.group("lo")), _word_value(m.group("hi"))
            if lo_v is None or hi_v is None:
                continue
            if hi_v < lo_v or (re.search(r"\band\b|\bor\b", m.group(0)) and hi_v > 3 * lo_v + 10):
                # "between 5 and 500" is fine, "2014 and 2015" or "5 and 40 km" handled below
                if hi_v < lo_v:
                    continue
            out.append(_Num(m.start(), m.end(), lo_v, lo_v, hi_v))
        else:
            v = _word_value(m.group("one"))
            if v is None:
                continue
            out.append(_Num(m.start(), m.end(), v, None, None))
    return out


# words that may stand between a number and the thing it counts ("dozens of air strikes", "12 barrel bombs")
_THING_MODIFIER = re.compile(
    r"(?:[A-Z][\w'’.-]*|[a-z]+-[\w-]+|(?i:of|the|their|its|air|barrel|car|truck|suicide|mortar|artillery|tank|"
    r"cluster|chemical|drone|rocket|missile|heavy|separate|coordinated|deadly|fresh|new|more|further|other|"
    r"government|regime|rebel|russian|syrian|israeli|american|turkish|coalition|enemy|military|army))\s+")


def _counts_things(after: str) -> bool:
    """The number right before ``after`` counts things (strikes, buildings, vehicles), not people."""
    pos = len(after) - len(after.lstrip(" "))
    for _ in range(3):
        if _NOT_PEOPLE.match(after, pos):
            return True
        mod = _THING_MODIFIER.match(after, pos)
        if mod is None:
            return False
        pos = mod.end()
    return bool(_NOT_PEOPLE.match(after, pos))


def _is_year(num: _Num, text: str) -> bool:
    raw = text[num.start:num.end]
    return bool(re.fullmatch(r"(?:1[89]|20)\d\d", raw.strip()))


def _category_after(rest: str) -> tuple[str | None, int]:
    """Victim category of the noun right after a number (allowing a few modifiers)."""
    pos = 0
    group = re.match(r"(?:[A-Z][a-z'’-]+s|Taliban|Shabaab|al-Shabaab|Peshmerga|Janjaweed)\b(?!\s+[A-Za-z])|"
                     r"(?:[A-Z][a-z'’-]+s|Taliban|Shabaab|al-Shabaab|Peshmerga|Janjaweed)\b(?=\s+(?:and|were|was|had|"
                     r"have|died|killed|wounded|injured|dead|in|on|at|as|during|after|near|across|throughout|around|along|inside|"
                     r"outside|overnight|from|with|by|since|following|while|when|including|among|aboard|under|this|"
                     r"last|late|early|earlier)\b)", rest)
    if group:
        armed = re.match(r"(?:Taliban|Shabaab|al-Shabaab|Houthis|Peshmerga|Janjaweed|Jihadis)\b", group.group(0))
        return ("fighters" if armed else "unknown"), group.end()  # "14 Houthis and five soldiers were killed"
    for _ in range(4):
        for rx, cat in _CAT_RE:
            m = rx.match(rest, pos)
            if m:
                return cat, m.end()
        mod = _MODIFIER.match(rest, pos)
        if not mod and not _STOP.match(rest, pos) and not _PREDICATE_WORD.match(rest, pos):
            mod = re.compile(r"[a-z][a-z'’-]+\s+").match(rest, pos)
        if not mod:
            return None, pos
        pos = mod.end()
    return None, pos


# a toll over a whole country or "elsewhere": many incidents, not the one the sentence reports
_AGGREGATE = re.compile(r"\b(?:across|all over)\s+(?:the\s+)?(?:country|nation|[A-Z][a-z]+\b(?!\s+(?:city|town|village|"
                        r"district|neighbou?rhood|province|governorate)))|\b(?:nationwide|countrywide)\b|"
                        r"\belsewhere in (?:the\s+)?(?:country|[A-Z][a-z]+)")
# "530 people have died ... since a relentless barrage of rocket fire, shelling and airstrikes began": a running
# total, however long the phrase between the count and "since"
_SINCE_BEGAN = re.compile(r"[^.;:]{0,120}?\bsince\s+(?:an?|the|their|its)\s+(?:[\w’'-]+,?\s+){1,10}?"
                          r"(?:began|begun|started|erupted|broke out)\b", re.IGNORECASE)
# "bringing the total number of dead in the week to 530": the total is the number after the phrase
_TOTAL_LEFT = re.compile(r"\b(?:total number|bringing the total|bringing the overall)\b[^.;:\d]{0,50}?"
                         r"(?:to|at|of|reached|stood at|stands at)\s+(?:at least\s+|more than\s+|about\s+|over\s+)?$",
                         re.IGNORECASE)
# one count for either of two fates: not a death toll
_EITHER = re.compile(r"\b(?:killed|dead|killing)\s+or\s+(?:wounded|injured|wounding|injuring|captured|capturing|arrested|"
                     r"detained|missing)\b|\b(?:wounded|injured|captured|arrested|detained|missing)\s+or\s+(?:killed|dead)\b",
                     re.IGNORECASE)
# words that end the noun phrase after a number: its verb or a clause ("50 died when soldiers stormed")
_PREDICATE_WORD = re.compile(r"(?:died|die|dies|killed|perished|were|was|are|is|have|had|has|when|while|as|because|"
                             r"until|if|though|although|where)\b", re.IGNORECASE)


# counted nouns that are themselves a fate ("100 dead", "40 bodies")
_FATE_NOUN = re.compile(r"\b(?:dead|bodies)\s*$", re.IGNORECASE)

_OWN_PREDICATE = re.compile(r"^\s*(?:[\w'’-]+(?:\s+|(?=,))){0,3}?(?:,\s*(?:including|among them)\b[^,]{0,60},\s*)?"
                            r"(?:took|gathered|marched|rallied|protested|demonstrated|held|"
                            r"attended|joined|staged|turned out|came out|poured|chanted|assembled|converged)\b", re.IGNORECASE)


def _status_in(text: str, last: bool = False) -> str | None:
    best: tuple[int, str] | None = None
    for rx, st in _STATUS_RE:
        for m in rx.finditer(text):
            key = -m.start() if last else m.start()
            if best is None or key < best[0]:
                best = (key, st)
            if not last:
                break
    return best[1] if best else None


# between two counts of one list: "two soldiers and four civilians", "three police, two children"
_COORDINATED = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+as well as\s+|\s+plus\s+)(?:at least\s+|more than\s+|"
                          r"about\s+|some\s+|nearly\s+|another\s+)?", re.IGNORECASE)


def _clause_left(left: str) -> str:
    """The part of ``left`` in the same clause (cut at ; : and subordinators)."""
    cut = 0
    for m in _CLAUSE_BREAK.finditer(left):
        cut = m.end()
    return left[cut:]


def mentions_deaths(text: str) -> bool:
    """Whether ``text`` has a word that can make a count a death toll (a cheap test before :func:`find_quantities`)."""
    return _KILLED_RE.search(text) is not None


def find_quantities(sentence: str) -> list[QuantityMention]:
    """People counts in ``sentence`` with category, status and qualifiers."""
    sentence = unscare_quotes(sentence)  # "killed 15 “terrorists”" (the same length: offsets hold)
    low = sentence.lower()
    if not any(map(str.isdigit, sentence)) and not any(w in low for w in _NUMBER_STEMS):  # map: no generator
        return _singulars(sentence, [])
    nums = [n for n in _numbers(sentence) if not _is_year(n, sentence)
            and not re.search(r"\bno\s+$", sentence[max(0, n.start - 4):n.start], re.IGNORECASE)]  # "no one"
    found: list[QuantityMention] = []
    in_breakdown = False
    for i, num in enumerate(nums):
        if any(q.start <= num.start < q.end for q in found):
            continue  # a number inside a count's own noun: "members of one family"
        read = _read_count(sentence, nums, i, found, in_breakdown)
        if read is None:
            continue
        status, cat, cat_end = read
        q = _mention(sentence, num, status, cat, cat_end)
        prev_end = nums[i - 1].end if i > 0 else 0
        in_breakdown = _attach(q, num, sentence[prev_end:num.start], sentence, found, in_breakdown)
    found.extend(_singulars(sentence, found))
    for q in found:
        if q.category == "unknown" and q.status in ("killed", "injured") and _CIVILIANS_AMONG.match(sentence, q.end):
            q.category = "civilians"  # "14 people, including women and children": civilians among the dead
    found.sort(key=lambda q: q.start)
    return found


# a toll's victims said to include civilians without a count of their own
_CIVILIANS_AMONG = re.compile(r"\s*(?:[\w'’-]+\s+){0,3}?(?:[\w'’-]+)?,\s*(?:including|among them|among whom|mostly|many of them|most of them)"
                              r"\s+(?:(?:several|many|some|dozens of|scores of|young|small|elderly)\s+)?"
                              r"(?:women|children|civilians|babies|infants|schoolchildren|students|worshippers|elderly)\b",
                              re.IGNORECASE)


def _read_count(sentence: str, nums: list[_Num], i: int, found: list[QuantityMention], in_breakdown: bool
                ) -> tuple[str, str, int] | None:
    """Status (killed, injured, ...), category and the end of the category phrase of the i-th number; None
    when it does not count people in a casualty statement."""
    num = nums[i]
    after = sentence[num.end:]
    if _dates_or_ages(sentence, num):
        return None
    cat, cat_end = _category_after(after.lstrip(" ")) if not _NOT_PEOPLE.match(after) else (None, 0)
    # the count's phrase runs to the next number outside its own noun ("seven members of one family were killed")
    phrase_end = num.end + len(after) - len(after.lstrip(" ")) + (cat_end if cat is not None else 0)
    j = i + 1
    while j < len(nums) and nums[j].start < phrase_end:
        j += 1
    right = after[:nums[j].start - num.end] if j < len(nums) else after
    if cat is None and _counts_things(after):
        return None  # "killed in dozens of airstrikes", "killed in 12 Russian strikes": strikes, not people
    prev_end = nums[i - 1].end if i > 0 else 0
    left_all = sentence[prev_end:num.start]
    left = _clause_left(left_all)
    # status: words after the noun phrase first, then the clause to the left
    status = None
    verb = _VERB_LEFT.search(left)
    if verb:
        status = _status_in(verb.group(1))
    if status is None and (_BREAKDOWN.search(left_all) or in_breakdown) and found and cat is not None:
        status = found[-1].status
    between = sentence[found[-1].end:num.start] if found else ""
    if status is None and found and cat is not None and _COORDINATED.fullmatch(between) \
            and found[-1].status in ("killed", "injured", "captured") \
            and not (found[-1].category == "unknown" and "and" not in between):
        # "killing two soldiers and at least four civilians": one verb for the list ("14 people, nine soldiers and
        # five civilians" is a breakdown of the people, not more dead)
        status = found[-1].status
    if status is None and cat is not None:
        status = _status_in(after.lstrip(" ")[:cat_end]) if _FATE_NOUN.search(after.lstrip(" ")[:cat_end]) else None
    if status is None and cat is not None:  # "More than 100 dead, over 500 wounded": the noun is the fate
        window = right.lstrip(" ")[cat_end:cat_end + 80]
        own = _OWN_PREDICATE.search(window)
        status = _status_in(window[:own.start()] if own else window)  # "4,000 people took to the streets to
        # mourn a protester killed on Friday": the count's own verb is not a casualty verb
    elif status is None:
        # bare number: only when it sits right next to a casualty word ("killing 12", "12 dead")
        near = re.match(r"\s*(?:people\s+)?(?:were|have been|had been|are|was)?\s*(\w+(?:\s\w+)?)", right)
        if near and _status_in(near.group(1)):
            status = _status_in(near.group(1))
            cat = "unknown"
        elif not _OWN_PREDICATE.match(right) and re.search(r"(?:toll|deaths?|killed|killing|kills|casualties|wounded|injured|injuring|"
                       r"wounding|dead|fatalities)\s+(?:\w+\s+){0,6}(?:to|at|of|by|reached|"
                       r"stands at|stood at|rose to|was|is|were)?\s*(?:at least|more than|over|"
                       r"about|around|nearly|some|up to|almost|an estimated)?\s*$",
                       left, re.IGNORECASE) or _TOLL_STOOD.search(left):
            status = _status_in(left, last=True)
            cat = "unknown"
        else:
            return None
    if status is None and cat is not None and i + 1 < len(nums) and re.fullmatch(
            r"[\w\s'’-]*?(?:\s+and|\s+as well as|,)\s*(?:at least|more than|about|some|nearly)?\s*", right):
        status = _status_in(sentence[nums[i + 1].end:nums[i + 1].end + 80])  # "14 X and five Y were killed"
    if status is None and cat is not None and re.match(r"[\w\s'’-]*,?\s*(?:including|among them|of whom)\b",
                                                       right):
        status = _status_in(sentence[num.end:num.end + 140])  # "19 civilians, including five children, were killed"
    if status is None and cat is not None and not _OWN_PREDICATE.match(right.lstrip(" ")[cat_end:cat_end + 80]):
        status = _status_in(left, last=True)  # (not "three were killed as thousands protested": the crowd's verb)
    if cat is None and verb is not None and re.match(
            r"\s*(?:[,.;:)]|$|(?:in|on|at|and|during|after|near|from|while|when|since|including|of them|"
            r"inside|across|over)\b)", after):
        cat = "unknown"
    if status is None or cat is None:
        return None
    status, cat = _qualified(status, cat, left, right)
    return status, cat, cat_end


def _dates_or_ages(sentence: str, num: _Num) -> bool:
    """The number is a day of a date ("on 16 July", "July 16") or an age ("a 16-year-old"), not a count."""
    before = sentence[max(0, num.start - 60):num.start]
    after = sentence[num.end:]
    date_before = _DATE_BEFORE.search(before)
    if date_before and re.search(rf"{_MONTH}\.?\s*$", date_before.group(0), re.IGNORECASE) and (
            (num.value or 0) > 31 or re.search(rf"\b\d{{1,2}}\s+{_MONTH}\.?\s*$", before, re.IGNORECASE)):
        date_before = None  # "on 16 and 17 July 36 civilians", "On 3 July 12 people": the month has its day
    return bool(date_before or _DATE_AFTER.match(after)
                or re.match(r"\s*(?:-|–)?\s*(?:year|month|week|day)s?[- ]old", after, re.IGNORECASE))


def _qualified(status: str, cat: str, left: str, right: str) -> tuple[str, str]:
    """A read count's status and category, corrected by its clause: "killed or wounded" is no death count
    (ACLED's conservative rule); "a civilian death toll of 12" makes unknown dead civilians."""
    if status == "killed":
        either = _EITHER.search(left[-40:]) or _EITHER.search(right[:80])  # its own clause, up to the next number
        if either:
            status = "injured" if re.search(r"wound|injur", either.group(0), re.IGNORECASE) else "captured"
    if cat == "unknown":
        adj = None
        for m in _CAT_ADJ.finditer(left):
            adj = m
        if adj and re.search(r"(?:toll|deaths?|casualties|dead|fatalities)", left[adj.end():adj.end() + 40],
                             re.IGNORECASE):
            cat = _ADJ_CAT[adj.group(1).lower()]
    return status, cat


def _mention(sentence: str, num: _Num, status: str, cat: str, cat_end: int) -> QuantityMention:
    """The QuantityMention of one read count, with its qualifier ("at least", "up to")."""
    before = sentence[max(0, num.start - 60):num.start]
    after = sentence[num.end:]
    # "children" and "women" counts are civilians with a breakdown
    qual_m = _QUAL_RE.search(before)
    qualifier = dict(_QUALIFIERS).get(qual_m.group(1).lower()) if qual_m else None
    surface_start = num.start - (len(before) - qual_m.start(1)) if qual_m else num.start
    q = QuantityMention(
        start=surface_start, end=num.end + len(after) - len(after.lstrip(" ")) + cat_end,
        surface="", value=num.value, min=num.lo, max=num.hi, category=cat,  # type: ignore[arg-type]
        status=status, qualifier=qualifier,  # type: ignore[arg-type]
    )
    q.surface = sentence[q.start:q.end].strip()
    return q


def _attach(q: QuantityMention, num: _Num, left_all: str, sentence: str, found: list[QuantityMention],
            in_breakdown: bool) -> bool:
    """Add the count to ``found``, or fold it into the previous one (a breakdown "including five children",
    an earlier figure); True when the next count may continue a breakdown."""
    cat = q.category
    continues = in_breakdown and re.fullmatch(r"[\w\s-]*?(?:,\s*|\s+and\s+|,\s*and\s+)", left_all)
    if (_BREAKDOWN.search(left_all) or continues) and found:
        parent = found[-1]
        parent.breakdown[cat] = parent.breakdown.get(cat, 0) + (num.value or 0)
        if parent.category == "unknown" and cat in ("children", "women", "civilians"):
            parent.category = "civilians"
        return True
    if _EARLIER.search(left_all) and found:
        found[-1].earlier_value = num.value
        return False
    window = sentence[max(0, num.start - 80):num.end + 80]
    if _CUMULATIVE.search(window) or aggregate_scope(sentence, q) or _SINCE_BEGAN.match(sentence, q.end) or \
            _TOTAL_LEFT.search(sentence[max(0, num.start - 80):num.start]) or running_total(sentence, q):
        q.cumulative = True  # a running total, or a toll over a whole country ("60 people dead across Syria")
        if re.search(r"\btotal\b", window, re.IGNORECASE):
            q.qualifier = "total since" if re.search(r"\bsince\b", window, re.IGNORECASE) else "total"
    found.append(q)
    return False


_PERSON_NOUN = (r"civilian|child|boy|girl|woman|man|soldier|militant|fighter|"
                r"policeman|police officer|officer|guard|jihadist|rebel|insurgent|person|resident|journalist|student|"
                r"farmer|shepherd|worshipper|tourist|driver|passenger|teacher|doctor|nurse|medic|priest|imam|pilgrim|"
                r"cameraman|photographer|reporter|correspondent|official|chief|judge|mayor|cleric|"
                r"villager|trader|worker|aid worker|teenager|schoolboy|schoolgirl|infant|baby|gunman|attacker")
_SINGULAR = with_first_chars(re.compile(
    r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+((?:(?:[A-Z][\w'’-]*|[a-z]+-[\w-]+|\d{1,3}-(?:year|month|week)-old|local|young|little|old|small|pregnant|unarmed|elderly|suspected|senior|"
    r"government|regime|rebel|army|police|security|civilian|female|male|foreign|Kurdish|Syrian|Iraqi|"
    r"Afghan|child|"
    # what a worker or official works in: "a polio vaccination worker", "a health worker", "a village chief"
    r"health|aid|polio|vaccination|vaccine|humanitarian|medical|relief|rescue|media|news|radio|television|"
    r"community|village|district|tribal|religious|traditional|party|election|electoral|prison|customs|border|"
    r"construction|oil|mine|factory|charity|school|university|hospital|court|municipal|council|town|city)\s+"
    r"){0,3}?)((?i:" + _PERSON_NOUN + r"|"
    r"member of (?:the )?(?:[\w'’-]+\s+){0,3}?(?:forces|army|police|group|militia)|"
    r"[a-z]+(?:ist|ician|ier|eer|er|or|ant|ent|ic)))\b"  # a person by trade: "an anaesthetist", "a paramedic"
    # the head noun comes last: "a local government official", "a senior police officer", "a government soldier"
    r"(?!['’]s)(?!\s+(?i:" + _PERSON_NOUN + r"|commander|leader|employee|police|army|military|security|"
    r"government|rebel)s?\b)"))
# a noun by trade ("anaesthetist", "volunteer") counts a person only when killed or injured, never seized or
# released ("a tanker was seized"); these are the nouns the trade suffixes also catch that are not people
_TRADE_NOUN = re.compile(r"(?:[a-z]+(?:ist|ician|ier|eer|er|or|ant|ent|ic))$")
_NOT_A_TRADE = re.compile(r"(?:number|order|border|corner|quarter|centre|center|letter|matter|water|power|"
                          r"tanker|helicopter|computer|container|trailer|transporter|carrier|sector|floor|"
                          r"incident|agreement|statement|element|settlement|movement|tent|event|moment|"
                          r"another|other|either|neither|further|clinic|republic|topic|traffic|plastic)$")
_KNOWN_PERSON = re.compile(
    r"(?:soldier|fighter|officer|jihadist|insurgent|resident|journalist|student|farmer|shepherd|worshipper|"
    r"tourist|driver|passenger|teacher|doctor|priest|pilgrim|photographer|reporter|correspondent|villager|"
    r"trader|worker|teenager|attacker|policeman|civilian|militant|medic|imam)")
_AGED = re.compile(r"\b(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)-(?:year|month)-old\b|\b(?:elderly|old|young)\b", re.IGNORECASE)
_SINGULAR_CAT = {"cameraman": "civilians", "photographer": "civilians", "reporter": "civilians",
                 "correspondent": "civilians", "child": "children", "boy": "children", "girl": "children", "woman": "women", "man": "unknown",
                 "person": "unknown", "baby": "children", "infant": "children"}


_ANOTHER = re.compile(r"\b(?:[Aa]nother|[Oo]ne other)\b(?=\s+(?:(?:was|had been|has been)\s+(?:\w+ly\s+)?"
                      r"(?:killed|shot dead|shot|wounded|injured|hurt)|(?:later\s+)?died)\b)")


# "one of its volunteers, Rami Saad, died": one member of a group, named or not, with the fate of its own verb
_ONE_OF = re.compile(r"\b[Oo]ne of (?:its|their|his|her|our|the)\s+(?:[\w-]+\s+){0,2}?(?P<noun>[a-z]+s)\b"
                     r"(?:\s*,\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}\s*,)?\s*(?:who\s+)?(?:(?:was|had been|has been)\s+"
                     r"(?:\w+ly\s+)?(?P<fate>killed|shot dead|wounded|injured)|(?:later\s+)?(?P<died>died|perished))\b")


# between two singular victims of one verb: "a policeman and a child", "a doctor, a nurse and a driver"
NEXT_VICTIM = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+(?:and|as well as|along with)\s+)", re.IGNORECASE)
# ... unless the second is the subject of a verb of its own ("killing a policeman, and a child was later found")
_OWN_VERB = re.compile(r"\s*(?:,\s*)?(?:who\s+)?(?:was|were|is|are|has|had|later|died|survived|escaped)\b", re.IGNORECASE)


# the people a death verb's coordinated subject names one by one ("Mr Assad's brother-in-law, his defense minister
# and the head of his crisis team died"): two to five items, each a titled or proper name or a possessed role
_ROLE = (r"(?:brother|sister|son|daughter|wife|husband|father|mother|uncle|cousin|nephew|in-law|minister|head|chief|"
         r"leader|commander|general|officer|spokes(?:man|woman)|deputy|governor|mayor|aide|adviser|advisor|"
         r"bodyguard|driver|guard|journalist|photographer|cameraman|reporter|colleague|friend|companion)")
_PERSON_ITEM = (r"(?:(?:Mr|Ms|Mrs|Dr|Gen|Col|Maj|Capt)\.?\s+[A-Z][\w'’-]+(?:\s+'?s\s+[a-z][\w'’-]+)?|"
                r"(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Tt]he)\s+(?:[a-z][\w'’-]*\s+){0,3}?[\w-]*" + _ROLE + r"[\w-]*"
                r"(?:\s+of\s+(?:his|her|their|its|the)\s+[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*)?)?|"
                r"(?:[a-z]+\s+)?[A-Z][\w'’-]+(?:\s+(?:al-|bin\s+|de\s+)?[A-Z][\w'’-]+){0,2})")
_NAMED_VICTIMS = re.compile(rf"(?:^|[,;:]\s+|\bthat\s+)(?P<list>{_PERSON_ITEM}(?:\s*,\s*{_PERSON_ITEM}){{0,3}}"
                            rf"\s*,?\s+and\s+{_PERSON_ITEM})\s+(?:both\s+|all\s+)?(?P<fate>died|were killed|"
                            rf"were shot dead|were assassinated|lost their lives)\b(?!\s+(?:out|down|off|away)\b)")


def _named_victims(sentence: str) -> list[QuantityMention]:
    """A death verb whose subject lists its victims one by one: as many dead as the list has items."""
    if "died" not in sentence and "were " not in sentence and "lost their lives" not in sentence:
        return []  # no death verb of the pattern (a cheap test before the search)
    m = _NAMED_VICTIMS.search(sentence)
    if m is None or any(ch.isdigit() for ch in m.group("list")):
        return []
    items = [x for x in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", m.group("list")) if x.strip()]
    if not 2 <= len(items) <= 5:
        return []
    return [QuantityMention(start=m.start("list"), end=m.end("list"), surface=m.group("list"), value=len(items),
                            category="unknown", status="killed")]  # type: ignore[arg-type]


def _singulars(sentence: str, found: list[QuantityMention]) -> list[QuantityMention]:
    """One victim: "an Isis militant who was reportedly killed", "a civilian was wounded", "and another was shot
    dead" (of the kind counted just before), "one of its volunteers, Rami Saad, died"; victims named one by one
    as a death verb's subject."""
    if not any(q.status == "killed" for q in found):
        named = _named_victims(sentence)
        if named:
            return named
    out = []
    for m in _ONE_OF.finditer(sentence) if "ne of " in sentence else ():  # (the literal it needs: cheap test)
        if any(q.start < m.end("noun") and m.start() < q.end for q in found):
            continue  # "one of the soldiers" read as a number already
        noun = m.group("noun")
        group = next((c for rx, c in _CAT_RE if rx.match(noun)), "unknown")
        fate = "killed" if m.group("died") or m.group("fate") in ("killed", "shot dead") else "injured"
        out.append(QuantityMention(start=m.start(), end=m.end("noun"), surface=sentence[m.start():m.end("noun")],
                                   value=1, category=group, status=fate))  # type: ignore[arg-type]
    for m in _ANOTHER.finditer(sentence) if "nother" in sentence or "ne other" in sentence else ():
        earlier = [q for q in found if q.end <= m.start()]
        out.append(QuantityMention(start=m.start(), end=m.end(), surface=m.group(0), value=1,
                                   category=earlier[-1].category if earlier else "unknown",
                                   status=_status_in(sentence[m.end():m.end() + 40]) or "killed"))  # type: ignore[arg-type]
    for m in _SINGULAR.finditer(sentence):
        if any(q.start <= m.start() < q.end for q in found):
            continue
        left = sentence[max(0, m.start() - 30):m.start()]
        status: str | None
        if re.search(r"\b(?:body|bodies|corpse)\s+of\s+$", left[-20:], re.I):
            status = "killed"
        elif re.search(r"\b(?:killing|killed|(?:shot|shooting) dead|wounding|wounded|injuring|injured)\s+$", left, re.I):
            # "killing a woman and her two children", "gunmen shot dead a teacher": the victim is the verb's object
            status = "killed" if re.search(r"(?:kill\w*|dead)\s+$", left, re.I) else "injured"
        elif (prev := _previous_count(found, out, m.start())) is not None and prev.status in ("killed", "injured") \
                and NEXT_VICTIM.fullmatch(sentence, prev.end, m.start()) and not _OWN_VERB.match(sentence, m.end()):
            status = prev.status  # "killing a policeman and a child", "killing two police officers and a civilian":
            # the second object of the same verb
        else:
            right = re.match(r"(?:\s+(?:for|of|from|with|at)\s+[^,.;]{1,50}?)?"  # "a cameraman for Al-Jadeed TV was"
                             r"\s*(?:,\s*)?(?:who\s+)?(?:was|had been|has been|is)\s+(?:\w+ly\s+)?(\w+(?:\s+dead)?)",
                             sentence[m.end():])
            status = _status_in(right.group(1)) if right else None
            if status is None and re.match(r"\s*(?:,\s*)?(?:who\s+)?(?:later\s+)?(?:died|perished)\b", sentence[m.end():]):
                status = "killed"
            if status is None and re.search(r"\b(?:saw|seen|watched|watch|see)\s+$", left) and \
                    re.match(r"\s+die\b", sentence[m.end():]):
                status = "killed"  # "I watched a baby die": a perception verb's object and its bare infinitive
            if status not in ("killed", "injured", "captured"):
                continue
        noun = m.group(2).lower()
        if _TRADE_NOUN.fullmatch(noun) and not _KNOWN_PERSON.fullmatch(noun) and (
                status not in ("killed", "injured") or _NOT_A_TRADE.fullmatch(noun)):
            continue
        cat = _SINGULAR_CAT.get(noun)
        if cat is None:
            cat = next((c for rx, c in _CAT_RE if rx.match(noun)), "unknown")
        if cat == "unknown" and _AGED.search(m.group(1)):
            cat = "civilians"  # "a 67-year-old man": news gives the age of a victim it does not call a fighter
        out.append(QuantityMention(start=m.start(), end=m.end(), surface=m.group(0), value=1,
                                   category=cat, status=status))  # type: ignore[arg-type]
    return out + _possessed_next(sentence, out, found)


def _previous_count(found: list[QuantityMention], out: list[QuantityMention], start: int) -> QuantityMention | None:
    """The count read last before ``start``, numbered ("two police officers") or singular ("a policeman")."""
    before = [q for q in (*found, *out) if q.end <= start]
    return max(before, key=lambda q: q.end) if before else None


# the second of two victims named as the first one's own ("shot dead a local councillor and his bodyguard")
_POSSESSED_VICTIM = re.compile(r"(?:his|her|their)\s+(?:[a-z][\w-]*\s+){0,2}?(?P<noun>" + _ROLE + "|" + _PERSON_NOUN +
                               r")\b(?!s\b)", re.IGNORECASE)


def _possessed_next(sentence: str, out: list[QuantityMention], found: list[QuantityMention]) -> list[QuantityMention]:
    """One more victim per singular victim followed by "and his/her/their <role or person>" of the same verb."""
    extra = []
    taken = [(q.start, q.end) for q in (*found, *out)]
    for q in out:
        if q.value != 1 or q.status not in ("killed", "injured"):
            continue
        sep = NEXT_VICTIM.match(sentence, q.end)
        nxt = _POSSESSED_VICTIM.match(sentence, sep.end()) if sep else None
        if nxt is None or _OWN_VERB.match(sentence, nxt.end()) or any(a < nxt.end() and nxt.start() < b
                                                                      for a, b in taken):
            continue
        noun = nxt.group("noun").lower()
        cat = _SINGULAR_CAT.get(noun) or next((c for rx, c in _CAT_RE if rx.match(noun)), "unknown")
        extra.append(QuantityMention(start=nxt.start(), end=nxt.end(), surface=nxt.group(0), value=1,
                                     category=cat, status=q.status))  # type: ignore[arg-type]
    return extra


# "the number of civilian deaths it deemed credible since 2014 stood at 151": a toll noun, a long qualifying
# stretch, and a verb that states the figure
_TOLL_STOOD = re.compile(r"\b(?:toll|deaths|fatalities|dead)\s+(?:[\w’'-]+\s+){0,14}?(?:stood|stands|was put|had risen|"
                         r"has risen|rose|reached|climbed)\s+(?:at|to)?\s*(?:at least|more than|over|about|around|"
                         r"nearly|some|almost)?\s*$", re.IGNORECASE)
# a toll in the present perfect: what has happened up to now, not on one day
_PERFECT_TOLL = re.compile(r"[^.;:]{0,60}?\b(?:have|has)\s+(?:now\s+|so far\s+|already\s+|reportedly\s+)?(?:been\s+"
                           r"(?:killed|slain|wounded|injured|shot dead)|died|perished|lost their lives)\b",
                           re.IGNORECASE)
# what a running total covers: a whole war or uprising, a period opened by "since", fighters killed fighting
_PERIOD_SCOPE = re.compile(r"\b(?:war|uprising|conflict|insurgency|revolt|revolution|rebellion|crackdown|unrest|"
                           r"occupation|since)\b|\b(?:killed|died)\s+(?:while\s+)?fighting\b", re.IGNORECASE)
# a time or a single incident of the toll's own: then it is that day's or that attack's toll
_OWN_TIME = re.compile(r"\b(?:today|yesterday|tonight|overnight|this (?:morning|afternoon|evening|week)|last (?:night|"
                       r"week)|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|"
                       r"(?:in|over|within)\s+(?:the\s+(?:past|last)\s+)?(?:[\w-]+\s+)?(?:hours|days|week)\b|"
                       r"(?:in|by|during)\s+(?:an?|the|that|this|one)\s+(?:[\w-]+\s+){0,2}?(?:attack|strike|airstrike|"
                       r"air raid|raid|bombing|blast|explosion|ambush|massacre|shelling))\b", re.IGNORECASE)


def running_total(sentence: str, q: QuantityMention) -> bool:
    """A present-perfect toll with no time or incident of its own that covers a war, an uprising or a period
    ("the uprising, in which 9,000 people have been killed", "since the assault began in March, 400 have
    died", "2,000 soldiers have been killed fighting"): a running total, not the deaths of one event."""
    if q.status not in ("killed", "injured") or not _PERFECT_TOLL.match(sentence, q.end):
        return False
    # the scope and a time of its own are read in the toll's own line: a report's text can run on over the
    # quoted lines that follow it ("... killed fighting armed gangs ''. \n`` The resolution ... on Monday")
    start, end = sentence.rfind("\n", 0, q.start) + 1, sentence.find("\n", q.end)
    own = sentence[start:end if end >= 0 else len(sentence)]
    return bool(_PERIOD_SCOPE.search(own) and not _OWN_TIME.search(own))


# between a toll and a place: the part of the toll that died there ("28 killed, including nine in and around Hama",
# "30 dead, 10 of them in Idlib")
_PLACE_PART = re.compile(r"[^.;]{0,60}?(?:,|-|–|—)\s*(?:including|among them|with|of whom)?\s*(?P<n>[\w,-]+)"
                         r"(?:\s+(?:of them|people|others|dead|deaths))?\s+(?:(?:were\s+)?(?:killed|died)\s+)?"
                         # "including 12 in a house in Gaza City": the building, then its place
                         r"(?:(?:in|at|on)\s+(?:an?|the|one)\s+(?:[\w'’-]+\s+){0,2}?(?:house|home|building|school|"
                         r"hospital|shelter|tent|mosque|market|car|vehicle|apartment|block)\s+)?"
                         r"(?:in and around|in|at|near|around|outside)\s+(?:the\s+)?(?:(?:town|city|village|province|"
                         r"district|region|area)\s+of\s+)?$", re.IGNORECASE)


def place_part(sentence: str, q: QuantityMention, place_start: int) -> int | None:
    """The count of the toll ``q`` the sentence gives for the place at ``place_start`` ("at least 28 more people had
    been killed, including nine in and around Hama": nine for Hama), else None."""
    if q.status != "killed" or place_start < q.end:
        return None
    m = _PLACE_PART.fullmatch(sentence, q.end, place_start)
    if m is None:
        return None
    value = _word_value(m.group("n"))
    return value if value is not None and 0 < value < (q.value or 0) else None


def aggregate_scope(sentence: str, q: QuantityMention) -> bool:
    """The count is a toll over a whole country or "elsewhere" ("60 people dead across Syria"): not the toll of
    the event its sentence reports."""
    return bool(_AGGREGATE.search(sentence[q.end:q.end + 60]))
