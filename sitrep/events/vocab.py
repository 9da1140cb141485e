"""Word lists that several event stages share (trigger rules, roles, the syntax extractor).

Regex sources (no groups that capture) and frozensets of lower-case forms; one copy each.
"""

from __future__ import annotations

import re

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
# an air raid, not the alarm or refuge named after one ("setting off air raid sirens in Haifa")
AIR_RAID_RX = r"air raids?(?! (?:sirens?|shelters?|alerts?|alarms?|warnings?|drills?)\b)"
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_RX = "(?:" + "|".join(MONTHS) + ")"
WEEKDAY_RX = "(?:" + "|".join(WEEKDAYS) + ")"
CALENDAR_WORD_RX = "(?:" + "|".join(MONTHS + WEEKDAYS) + ")"

# things seized, found or defused (Disrupted weapons use) and carried by attackers
WEAPONS_RX = (r"(?:weapons|arms|firearms|guns|pistols|rifles|Kalashnikovs|ammunitions?|ammo|bullets|rounds of ammunition|"
              r"explosives|explosive devices|improvised explosive devices|IEDs|rockets|missiles|mines|landmines|grenades|"
              r"bombs|projectiles|weapons caches?|arms caches?|caches? of (?:arms|weapons|firearms)|(?:stash|depot|cache)s? "
              r"of (?:[\w'’-]+ ){0,3}?(?:arms|weapons|ammunition|projectiles|explosives))")

# a manned aircraft ("a military helicopter", "a Su-25 jet", "a cargo plane"): brought down, a battle with its side
MANNED_AIRCRAFT_RX = (r"(?:helicopters?|(?:war|fighter |military |cargo |transport )?planes?|(?:fighter )?jets?|"
                      r"warplanes?|aircraft|gunships?)")

# nouns that name armed people (a sentence with one of these can hold a battle)
ARMED_NOUNS = frozenset({
    "troops", "soldiers", "soldier", "forces", "army", "police", "military", "militant", "militants", "rebel", "rebels",
    "insurgent", "insurgents", "jihadist", "jihadists", "fighter", "fighters", "gunmen", "gunman", "militia",
    "militias", "militiamen", "extremists", "terrorist", "terrorists", "guerrilla", "guerrillas", "regime",
})
ARMED_NOUN_RX = r"(?:troops|soldiers|forces|army|police|military|militants?|rebels?|insurgents?|jihadists?|fighters?|" \
                r"gunmen|militia|militiamen|extremists|terrorists?|guerrillas?)"
STATE_NOUNS = frozenset({"troops", "soldiers", "army", "police", "military", "government", "regime"})

# verbs of saying and deciding: a capital or country as their subject is a government, not a place
SPEECH_VERBS = frozenset({
    "say", "said", "says", "saying", "announce", "announced", "announces", "claim", "claimed", "claims", "deny",
    "denied", "denies", "accuse", "accused", "accuses", "warn", "warned", "warns", "insist", "insisted", "urge",
    "urged", "condemn", "condemned", "condemns", "demand", "demanded", "respond", "responded", "decide", "decided",
    "agree", "agreed", "reject", "rejected", "blame", "blamed", "threaten", "threatened", "vow", "vowed", "want",
    "wants", "wanted", "order", "ordered", "back", "backed", "support", "supported", "call", "called", "insists",
    "believe", "believes", "believed", "hope", "hoped", "hopes", "fear", "feared", "fears", "argue", "argued",
    "sanction", "sanctioned", "recognise", "recognised", "recognize", "recognized", "send", "sent", "help", "helped",
})


# words that name a crowd or its action: a protest event needs one ("protesters", "a rally", "mourners")
CROWD_WORD = re.compile(r"\b(?:protest\w*|demonstrat\w*|rall(?:y|ies|ied)|march\w*|crowds?|mourners|sit-ins?|"
                        r"riot\w*|strikers)\b", re.IGNORECASE)

# quotation marks as apostrophes (the same length keeps every offset)
QUOTE_MARKS = str.maketrans({"“": "'", "”": "'", "‘": "'", "«": "'", "»": "'", '"': "'"})
# a word or two in scare quotes ("killed 15 “terrorists” in")
_SCARE = re.compile(r"(?<![\w'\"“”‘’])[\"“‘']([A-Za-z][\w -]{0,22}?[A-Za-z])[\"”’'](?![\w'\"“”‘’])")


def unscare_quotes(text: str) -> str:
    """``text`` with each scare-quoted word or two moved left over its opening mark and both marks after it as
    apostrophes ("killed 15 terrorists'' in"): the same length, so offsets hold within a character, and patterns
    that want the noun right after the count see it. Other quotation marks are left as they are."""
    return _SCARE.sub(lambda m: m.group(1) + "''", text)
