"""Lexicon and precompiled regular expressions for the temporal tagger.

Month and weekday names are matched case-sensitively (capitalised) so that
"may", "march" and "we" in running text are not read as dates; everything else
is case-insensitive through scoped ``(?i:...)`` groups. Each rule is a named
regex; :mod:`sitrep.time.tagger` runs them all and keeps the leftmost-longest
non-overlapping matches.
"""

from __future__ import annotations

import re

from sitrep.regex_first import with_first_chars

MONTHS: dict[str, int] = {}
for _i, _names in enumerate(
    [
        ("January", "Jan"), ("February", "Feb"), ("March", "Mar"), ("April", "Apr"), ("May",),
        ("June", "Jun"), ("July", "Jul"), ("August", "Aug"), ("September", "Sept", "Sep"),
        ("October", "Oct"), ("November", "Nov"), ("December", "Dec"),
    ],
    start=1,
):
    for _n in _names:
        MONTHS[_n.lower()] = _i

WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}

NUMBERS: dict[str, int] = {
    "zero": 0, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "a hundred": 100, "one hundred": 100, "dozen": 12, "a dozen": 12,
    "half": 0, "a half": 0, "a couple of": 2, "a couple": 2, "couple of": 2,
}
VAGUE_NUMBERS = {"few", "a few", "several", "many", "some",
                 "dozens of", "hundreds of", "a number of", "the last few", "numerous"}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
    "last": 4, "final": 4,
}
UNITS = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W", "fortnight": "W",
    "weekend": "WE", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE",
    "centurie": "CE", "millennium": "ML", "millennia": "ML", "summer": "SU", "winter": "WI",
}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {
    "morning": "MO", "mid-morning": "MO", "afternoon": "AF", "mid-afternoon": "AF", "evening": "EV",
    "night": "NI", "nights": "NI", "overnight": "NI", "dawn": "MO", "daybreak": "MO", "dusk": "EV",
    "midday": "MI", "noon": "MI", "midnight": "NI",
}

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_WEEKDAY = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY"
    r"|(?:Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\.)"
)
_SMALL = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_NUMWORD = (
    rf"(?:{_TENS}(?:[- ]{_SMALL})?|{_SMALL}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen|(?:a|one)\s+hundred|a\s+dozen|dozen)"
)
_VAGUE = r"(?:a\s+few|few|several|a\s+couple\s+of|a\s+couple|couple\s+of|many|some|dozens\s+of|hundreds\s+of|numerous)"
NUM = rf"(?i:\d+(?:\.\d+)?(?:\s+1/2|\s+(?:and\s+)?(?:a\s+)?half)?|{_NUMWORD}(?:\s+and\s+a\s+half)?|{_VAGUE}|an?)"
_UNIT = r"(?i:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|centur(?:y|ies)|millenni(?:um|a))"
_APPROX = (
    r"(?i:nearly|almost|about|around|roughly|approximately|some|no\s+more\s+than|more\s+than|less\s+than|over|under|up\s+to"
    r"|at\s+least|at\s+most|fewer\s+than|just|only|barely|well\s+over|just\s+over|just\s+under|the\s+better\s+part\s+of)"
)
_TOD_MOD = r"(?i:early|late|later|earlier|mid-?|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|the\s+rest\s+of|the\s+remainder\s+of|the\s+first\s+half\s+of|the\s+second\s+half\s+of)"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_POD = r"(?i:morning|mid-morning|afternoon|mid-afternoon|evening|night|nights)"
_TZ = r"(?:\s*(?:GMT|UTC|EST|EDT|CST|CDT|PST|PDT|BST|CET|CEST|EET|EEST|[Ll]ocal\s+time))?"

# (rule name, pattern). Named groups are read by the normaliser.
RULES: list[tuple[str, str]] = [
    ("iso", r"\b(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"),
    ("slash", r"\b(?P<m>[0-3]?\d)/(?P<d>[0-3]?\d)/(?P<y>\d{4}|\d{2})\b"),
    (
        "mdy",
        rf"(?:(?P<wd>{_WEEKDAY}),?\s+)?(?:(?P<mod>{_TOD_MOD})\s+)?(?P<mon>{_MONTH})\s+(?P<d>{_DAYNUM})\b"
        rf"(?:,?\s+(?P<y>{_YEAR})\b)?",
    ),
    (
        "dmy",
        rf"(?:(?P<wd>{_WEEKDAY}),?\s+)?(?:(?i:the)\s+)?(?P<d>{_DAYNUM})\s+(?:(?i:of)\s+)?(?P<mon>{_MONTH})"
        rf"(?:,?\s+(?P<y>{_YEAR})\b)?",
    ),
    (
        "month",
        rf"(?:(?P<mod>{_TOD_MOD})\s*(?:(?i:of)\s+)?)?(?:(?P<rel>(?i:last|this|next|this\s+past|this\s+coming|coming|past))\s+)?"
        rf"(?P<mon>{_MONTH})(?:,?\s+(?:(?i:of)\s+)?(?P<y>{_YEAR})\b|\s+(?P<yrel>(?i:this|last|next))\s+(?i:year)\b)?(?![-\w])",
    ),
    (
        "year",
        rf"(?:(?P<mod>{_TOD_MOD})\s*(?:(?i:of)\s+)?)?(?:(?P<fiscal>(?i:fiscal(?:\s+year)?|(?:the\s+)?year|FY))[\s-]*)?"
        rf"(?P<y>{_YEAR})(?![\d%])(?!,\d)(?!\s*(?i:percent|per\s+cent))",
    ),
    ("fy", r"\b(?P<fiscal>FY)-?(?P<yy>\d{2})\b"),
    (
        "decade",
        r"(?:(?i:the)\s+)?(?:(?P<mod>(?i:early|late|mid))[- ]?)?(?:(?P<dec>(?:1[5-9]|20)\d0)'?s|'(?P<dec2>\d0)'?s"
        r"|(?P<decw>(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)))\b",
    ),
    (
        "century",
        r"(?:(?i:the)\s+)?(?:(?P<mod>(?i:early|late|mid))[- ])?(?P<n>\d{1,2})(?:st|nd|rd|th)[- ](?i:century)"
        r"|(?i:the\s+(?P<nw>(?:twenty-)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
        r"|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth"
        r"|nineteenth|twentieth))\s+century)",
    ),
    (
        "weekday",
        rf"(?:(?P<rel>(?i:last|this|next|this\s+coming|this\s+past|coming|past|previous|the\s+previous|the\s+following|the\s+next))\s+)?"
        rf"(?:(?P<pre>(?i:early|late|midnight|noon|mid-?morning|mid-?afternoon|mid-?day))\s+)?"
        rf"(?P<wd>{_WEEKDAY})(?:\s+(?P<pod>{_POD}))?",
    ),
    (
        "time",
        rf"(?:(?P<h>[01]?\d)(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.m\.|[AP]\.M\.|[ap]m\b|[AP]M\b)"
        rf"|(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?!\d)|(?P<hhmm>[0-2]\d[0-5]\d)(?=\s*(?:GMT|UTC|hrs|hours\b))"
        rf"|(?P<word>(?i:noon|midnight|midday))|(?P<hw>[01]?\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?i:o'clock|in\s+the\s+(?P<hpod>morning|afternoon|evening)))"
        rf"{_TZ}(?:\s+(?:(?P<day>(?i:today|tonight|yesterday|tomorrow))|(?P<wd>{_WEEKDAY})))?",
    ),
    (
        "deictic",
        rf"(?:(?P<pre>(?i:early|late|later|earlier|mid-?))\s+)?"
        r"(?P<word>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight|yesterday|tomorrow|overnight))"
        rf"(?:\s+(?P<pod>{_POD}|(?i:mid-?morning|mid-?afternoon)))?",
    ),
    (
        "pod",
        rf"(?P<rel>(?i:this|last|yesterday|tomorrow|that|the\s+same|the\s+next|the\s+following|the\s+previous))\s+(?P<pod>{_POD}|(?i:mid-?morning|mid-?afternoon))",
    ),
    (
        "relunit",
        rf"(?:(?P<mod>{_TOD_MOD})\s+)?"
        r"(?P<rel>(?i:last|this|next|the\s+past|the\s+previous|the\s+following|the\s+coming|the\s+current|the\s+latest"
        r"|the\s+same|that|the\s+last|the\s+next|the\s+prior|the\s+preceding|this\s+past|this\s+coming|the\s+present"
        r"|the\s+upcoming|so\s+far\s+this|the\s+current\s+fiscal|this\s+fiscal|last\s+fiscal|next\s+fiscal))\s+"
        r"(?P<unit>(?i:week|weekend|month|quarter|year|decade|century|day|summer|winter|spring|fall|autumn|fiscal\s+year|half))\b",
    ),
    ("weekend", r"(?P<w>(?i:the)\s+weekend)\b"),
    (
        "thepod",
        r"(?i:the\s+(?:(?P<mod>early|late)\s+)?(?P<pod>morning|mid-?morning|afternoon|mid-?afternoon|evening|night))\b(?!\s+(?i:of|before|after|shift|sky|air|session|edition|news|show|prayers?|flights?|raids?|attacks?|curfew|club|life)\b)",
    ),
    (
        "ordday",
        r"(?:(?i:the|his|her|its|their)\s+)?(?P<ord>(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
        r"|\d*1st|\d*2nd|\d*3rd|\d+th))\s+(?i:day)(?=\s+(?:of|in)\b)",
    ),
    (
        "weekof",
        rf"(?i:the\s+week\s+of)\s+(?:(?P<mon>{_MONTH})\s+(?P<d>{_DAYNUM})|(?P<d2>{_DAYNUM})\s+(?P<mon2>{_MONTH}))\b"
        rf"(?:,?\s+(?P<y>{_YEAR})\b)?",
    ),
    ("theyear", r"(?P<w>(?i:the\s+(?:(?P<kind>full|fiscal|current\s+fiscal|calendar|entire|whole)\s+)?year))\b(?![-'])"),
    (
        "inthe",
        r"(?P<mod>(?i:the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|the\s+rest\s+of|the\s+remainder\s+of"
        r"|earlier\s+in|later\s+in|early\s+in|late\s+in))\s+(?i:the)\s+(?P<unit>(?i:day|week|month|year|decade|century))\b",
    ),
    (
        "anaday",
        r"(?i:the\s+(?P<w>day|week|month|year|night)\s+(?P<dir>before|after|earlier|prior)(?!\s+(?:the|a|an|his|her|their|its|\w+ing)\b))"
        r"|(?i:the\s+(?P<rel>previous|following|next|same|preceding|prior)\s+(?P<w2>day|night|morning|evening|afternoon))"
        r"|(?i:that\s+(?P<w3>day|night|morning|evening|afternoon))",
    ),
    (
        "ago",
        rf"(?:(?P<approx>{_APPROX})\s+)?(?P<num>{NUM})\s+(?P<unit>{_UNIT})(?P<half>\s+(?i:and\s+a\s+half))?\s+(?:(?i:or\s+so)\s+)?"
        r"(?P<dir>(?i:ago|earlier|later|before|after|previously|hence|from\s+now|back))\b",
    ),
    (
        "duration",
        rf"(?:(?P<det>(?i:the|each\s+of\s+the|all\s+of\s+the))\s+)?(?:(?P<rel>(?i:past|last|next|coming|first|final|previous|following|latest|remaining|recent|last\s+few|past\s+few|next\s+few|same|prior|ensuing))\s+)?"
        rf"(?:(?P<approx>{_APPROX})\s+)?(?P<num>{NUM})(?:\s+(?i:or|to|and)\s+(?P<num2>{NUM}))?(?:\s+(?i:more|full|straight|consecutive|long))?[- ](?P<unit>{_UNIT})(?!-(?i:earlier|ago|end)\b)(?P<half>\s+(?i:and\s+a\s+half)\b)?"
        r"(?P<tail>[- ](?i:long|old)\b)?",
    ),
    (
        "vague",
        r"(?:(?P<pre>(?i:recent|past|coming|next|last|for|in|within|over|after|the\s+past|the\s+last|the\s+next|the\s+coming|the\s+following|the\s+previous|in\s+recent|in\s+the\s+coming|future|in\s+future))\s+)?"
        r"(?P<unit>(?i:minutes|hours|days|weeks|months|quarters|years|decades|centuries))\b",
    ),
    (
        "ref",
        r"(?i:\b(?P<w>right\s+now|just\s+now|now|currently|nowadays|these\s+days|at\s+present|at\s+the\s+moment|for\s+the\s+moment"
        r"|recently|lately|more\s+recently|most\s+recently|the\s+past|the\s+future|the\s+near\s+future|current"
        r"|as\s+soon\s+as\s+possible|at\s+the\s+time|at\s+a\s+later\s+date|a\s+later\s+date"
        r"|the\s+distant\s+future|the\s+near\s+term|the\s+short\s+term|the\s+long\s+term|the\s+longer\s+term|soon|the\s+time\s+being|to\s+date"
        r"|the\s+weeks\s+ahead|the\s+days\s+ahead|the\s+months\s+ahead|the\s+years\s+ahead|the\s+coming\s+days|the\s+coming\s+weeks|the\s+coming\s+months|the\s+coming\s+years)\b)",
    ),
    (
        "set",
        r"(?i:\b(?P<adv>daily|weekly|nightly|monthly|quarterly|annually|yearly|biweekly|hourly)\b"
        r"|\b(?P<q>every|each|per)\s+(?:(?P<other>other|single)\s+)?(?:(?P<num>\d+|two|three|four|five|six|few|several)\s+)?"
        r"(?P<unit>second|minute|hour|day|night|week|weekend|month|quarter|year|decade|morning|evening|afternoon|summer|winter|spring|fall|autumn)s?\b)"
        rf"|(?i:every|each)\s+(?P<wd>{_WEEKDAY})"
        rf"|(?i:every|each)\s+(?P<mon>{_MONTH})(?!\s*\d)"
        r"|(?P<pl>(?:Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays))\b",
    ),
    (
        "quarter",
        r"(?:(?i:the)\s+)?(?:(?P<y1>(?:19|20)\d\d)\s+)?(?:(?P<when>(?i:fiscal|current|latest|previous|last|recent|comparable|same|year-earlier|year-ago|this\s+year's|last\s+year's|next\s+year's))[\s-]+)*"
        r"(?:(?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th|final))[\s-]+)?(?:(?i:fiscal)[\s-]+)?(?P<unit>(?i:quarter|half|period))"
        r"(?:\s+(?i:of)\s+(?:(?i:fiscal)\s+)?(?P<y2>(?:19|20)\d\d))?(?![-\w])",
    ),
    ("yearago", r"(?P<w>(?i:(?:the\s+)?(?:year|month)-(?:earlier|ago)(?:\s+(?:period|quarter|month|year|nine\s+months|six\s+months))?|(?:the\s+)?year-end|(?:the\s+)?year's\s+end|(?:the\s+)?year\s+end))\b"),
    (
        "season",
        rf"(?:(?P<mod>{_TOD_MOD})\s+)?(?:(?P<rel>(?i:last|this|next|this\s+past|the\s+past|the\s+coming|the|that))\s+)?"
        r"(?P<s>(?i:spring|summer|autumn|winter)|[Ff]all(?=\s+(?:of\s+)?(?:19|20)\d\d)|Fall)(?:\s+(?:(?i:of)\s+)?(?P<y>(?:19|20)\d\d))?\b",
    ),
    (
        "holiday",
        r"(?P<h>Christmas(?:\s+Day|\s+Eve)?|New\s+Year's(?:\s+Day|\s+Eve)?|Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday)?|Halloween"
        r"|Independence\s+Day|Memorial\s+Day|Labor\s+Day|Election\s+Day|Valentine's\s+Day|Boxing\s+Day)(?:\s+(?P<y>(?:19|20)\d\d))?",
    ),
    (
        "spelled_year",
        r"(?i:(?:the\s+year\s+)?(?P<c>nineteen|twenty)[- ](?P<rest>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|hundred)"
        r"|the\s+year\s+two\s+thousand(?:\s+and\s+(?P<small>one|two|three|four|five|six|seven|eight|nine))?)",
    ),
]

# Rules whose regex starts with an optional word or a number: tried at every character of a window they are
# slow (about 1 us a character), and a match starting inside a word is thrown away anyway (tagger._whole_word),
# so they only start where a word starts.
WORD_START = ("ago", "duration")
# Each behind the lookahead of the characters its matches can begin with (sitrep.regex_first: the same matches,
# ~30 % less time in the tagger).
COMPILED: list[tuple[str, re.Pattern[str]]] = [
    (name, with_first_chars(re.compile(rf"(?<!\w)(?:{pat})" if name in WORD_START else pat))) for name, pat in RULES
]

# A fast pre-filter: a text with none of these substrings has no time expression.
TRIGGER = re.compile(
    r"(?i:\d|day|week|month|year|quarter|hour|minute|second|decade|centur|now|current|recent|past|future|soon"
    r"|night|morning|noon|evening|afternoon|ago|earlier|later|late|early|time|term|ahead|spring|summer|fall|winter|autumn"
    r"|christmas|easter|thanksgiving|halloween|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun"
    r"|nineteen|twenty|hourly|previously|formerly|lately|nineties|eighties|seventies|sixties|fifties|forties|thirties|twenties|fiscal|fy|tonight)"
)

FUTURE_CUE = re.compile(
    r"\b(?:will|won't|shall|going\s+to|is\s+to|are\s+to|due\s+to|scheduled|planned\s+to|plans?\s+to|planning\s+to|expected|expects?"
    r"|set\s+to|upcoming|to\s+be\s+held|would|intends?|aims?\s+to|hopes?\s+to|promised?|vowed?|supposed\s+to"
    r"|meets|leaves|arrives|begins|visits|travels|opens|starts|resumes|returns|heads|expires|convenes|votes|deadline"
    r"|can|should|must|might|effective|takes?\s+effect|(?:comes?|goes?)\s+into\s+(?:force|effect)|meet|(?:is|are)\s+(?:meeting|visiting|travell?ing|leaving|arriving|beginning|starting|resuming|returning"
    r"|heading|holding|hosting|flying|going|coming|due|scheduled|set)"
    r"|as\s+soon\s+as|as\s+early\s+as|this\s+coming|wants?\s+to|ready\s+to)\b|'ll\b"
)
PAST_CUE = re.compile(
    r"\b(?:was|were|had|has|have|did|said|says|told|went|came|began|begun|took|held|met|fought|left|fell|won|lost|hit|shot"
    r"|made|gave|saw|ran|struck|broke|seized|sank|overran|stood|rose|drove|spoke|led|bought|sold|paid|tore|killed|since|ago"
    r"|brought|thought|sought|caught|built|sent|spent|felt|kept|found|became|knew|grew|threw|flew|drew|wrote|chose|got"
    r"|fled|laid|lay|sat|hid|won|swept|withdrew|overtook|undertook|forgot|understood|meant|heard|lit|fed"
    r"|(?!hundred\b)[a-z]{2,}[^e\W]ed|[a-z]{2,}ied)\b"
)
SINCE_BEFORE = re.compile(
    r"(?i:\b(?P<w>since|from|starting|beginning|as\s+of)\s+(?:(?:the\s+)?(?:dawn|dusk|early|late|midnight|noon|morning|evening|night|start|beginning|end|middle)\s+)?(?:(?:of|on|in)\s+)?(?:the\s+)?$"
    # the start of a campaign named with its day ("since launching an offensive on Friday", "since the offensive
    # began on 27 October"): the span from that day
    r"|\b(?P<w2>since)\s+(?:launching|starting|beginning|the\s+(?:[\w-]+\s+)?(?:offensive|operation|assault|"
    r"campaign|fighting|attacks?|siege|war)\s+(?:began|started|was\s+launched|erupted|broke\s+out))\s+"
    r"(?:[\w'’-]+\s+){0,3}?(?:on|in)\s+(?:the\s+)?$)"
)
SENT_BREAK = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]*[A-Z0-9])|\n\s*\n")


def _trig(words: str, *rules: str) -> dict[str, tuple[str, ...]]:
    return {w: rules for w in words.split()}


def _merge(*ds: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for d in ds:
        for k, v in d.items():
            out[k] = tuple(dict.fromkeys(out.get(k, ()) + v))
    return out


_UNIT_WORDS = ("second seconds minute minutes hour hours day days week weeks fortnight fortnights month months "
               "quarter quarters year years decade decades century centuries millennium millennia")
# Every rule's match contains one of its trigger tokens; rules only run in windows around them.
TRIGGERS_CI: dict[str, tuple[str, ...]] = _merge(
    _trig("century", "century"),
    _trig("today tonight yesterday tomorrow", "deictic", "time"),
    _trig("overnight", "deictic"),
    _trig("morning afternoon evening night nights", "pod", "anaday", "set", "weekday"),
    _trig("week weekend month quarter year decade century day summer winter spring fall autumn half", "relunit"),
    _trig("weekend", "weekend", "set"),
    _trig("week", "weekof"),
    _trig("morning afternoon evening night", "thepod"),
    _trig("day", "ordday"),
    _trig("day week month year night morning evening afternoon", "anaday"),
    # (no "ago"/"after"/"before"... triggers for the rule "ago": every match holds a unit word, whose
    # window covers it; those words are frequent and scanning their windows cost ~1 ms per article)
    _trig(_UNIT_WORDS, "duration", "ago", "set"),
    _trig("minutes hours days weeks months years decades centuries", "vague"),
    _trig("now currently nowadays days present moment recently lately past future term soon current recent "
          "being date ahead coming weeks months years possible time", "ref"),
    _trig("day week month year decade century", "inthe"),
    _trig("clock morning afternoon evening", "time"),
    _trig("period", "quarter"),
    _trig("quarters", "vague"),
    _trig("daily weekly nightly monthly quarterly annually yearly biweekly hourly", "set"),
    _trig("quarter half", "quarter"),
    _trig("year", "yearago", "theyear"),
    _trig("spring summer fall autumn winter", "season"),
    _trig("nineteen twenty thousand", "spelled_year"),
    _trig("twenties thirties forties fifties sixties seventies eighties nineties", "decade"),
    _trig("noon midnight midday gmt utc", "time", "weekday"),
    _trig("fy", "fy", "year"),
)
TRIGGERS_CS: dict[str, tuple[str, ...]] = _merge(
    _trig("January February March April May June July August September October November December JANUARY FEBRUARY "
          "MARCH APRIL MAY JUNE JULY AUGUST SEPTEMBER OCTOBER NOVEMBER DECEMBER Jan Feb Mar Apr Jun Jul Aug Sept "
          "Sep Oct Nov Dec", "mdy", "dmy", "month", "set"),
    _trig("Monday Tuesday Wednesday Thursday Friday Saturday Sunday MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY "
          "SATURDAY SUNDAY Mon Tues Tue Wed Thurs Thur Thu Fri Sat Sun", "weekday", "time", "set", "mdy", "dmy"),
    _trig("Mondays Tuesdays Wednesdays Thursdays Fridays Saturdays Sundays", "set"),
    _trig("Christmas Year Thanksgiving Easter Halloween Independence Memorial Labor Valentine Boxing Election", "holiday"),
)
YEAR_TOKEN_RULES = ("year", "quarter", "season", "holiday")
# rules scanned over the whole text (cheap: they start with a digit)
FULL_SCAN = ("iso", "slash")
TIME_TRIGGER = re.compile(r"\d(?:[:.]\d\d|\s*[AaPp]\.?[Mm]\b|\d\d\d?\s*(?:GMT|UTC|hrs|hours))")
TOKEN = re.compile(r"[A-Za-z]+|\d+")
