"""Outlet of an article: from metadata, the URL, or the text's own signature or masthead.

Only the article's own marks count: a trailing sign-off ("Source: Al Jazeera
News", "- AP", "(c) Reuters 2017"), a wire dateline in the header
("BEIRUT, June 12 (Reuters) -"), or a masthead/site line ("Stay up to date
with notifications from The Independent", "The BBC is not responsible for the
content of external sites"). An outlet merely quoted in the body ("..., reports
Efe news") is not the article's outlet.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

STAGE_VERSION = "sitrep.outlet.v1"

# domain -> canonical outlet name (subdomains match their parent: news.bbc.co.uk -> BBC)
KNOWN_DOMAINS: dict[str, str] = {
    "aljazeera.com": "Al Jazeera", "aljazeera.net": "Al Jazeera", "bbc.co.uk": "BBC", "bbc.com": "BBC",
    "reuters.com": "Reuters", "independent.co.uk": "The Independent", "apnews.com": "AP", "ap.org": "AP",
    "afp.com": "AFP", "nytimes.com": "The New York Times", "washingtonpost.com": "The Washington Post",
    "theguardian.com": "The Guardian", "guardian.co.uk": "The Guardian", "cnn.com": "CNN",
    "foxnews.com": "Fox News", "france24.com": "France 24", "dw.com": "Deutsche Welle", "rferl.org": "RFE/RL",
    "middleeasteye.net": "Middle East Eye", "thenationalnews.com": "The National", "thenational.ae": "The National",
    "arabnews.com": "Arab News", "dailysabah.com": "Daily Sabah", "aa.com.tr": "Anadolu Agency",
    "trtworld.com": "TRT World", "rudaw.net": "Rudaw", "kurdistan24.net": "Kurdistan24",
    "syriahr.com": "Syrian Observatory for Human Rights", "sana.sy": "SANA", "alarabiya.net": "Al Arabiya",
    "gulfnews.com": "Gulf News", "khaleejtimes.com": "Khaleej Times", "timesofisrael.com": "The Times of Israel",
    "jpost.com": "The Jerusalem Post", "haaretz.com": "Haaretz", "telegraph.co.uk": "The Telegraph",
    "dailymail.co.uk": "Daily Mail", "thetimes.co.uk": "The Times", "ft.com": "Financial Times",
    "wsj.com": "The Wall Street Journal", "bloomberg.com": "Bloomberg", "npr.org": "NPR",
    "cbsnews.com": "CBS News", "nbcnews.com": "NBC News", "abcnews.go.com": "ABC News", "usatoday.com": "USA Today",
    "latimes.com": "Los Angeles Times", "politico.com": "Politico", "thehill.com": "The Hill",
    "news.sky.com": "Sky News", "euronews.com": "Euronews", "rt.com": "RT", "tass.com": "TASS",
    "sputniknews.com": "Sputnik", "xinhuanet.com": "Xinhua", "news.cn": "Xinhua", "voanews.com": "Voice of America",
    "al-monitor.com": "Al-Monitor", "newsweek.com": "Newsweek", "time.com": "Time", "economist.com": "The Economist",
    "hurriyetdailynews.com": "Hürriyet Daily News", "efe.com": "EFE", "ansa.it": "ANSA", "dpa.com": "dpa",
    "lemonde.fr": "Le Monde", "spiegel.de": "Der Spiegel", "airwars.org": "Airwars", "acleddata.com": "ACLED",
    "reliefweb.int": "ReliefWeb", "hrw.org": "Human Rights Watch", "amnesty.org": "Amnesty International",
    "yahoo.com": "Yahoo News", "msn.com": "MSN", "upi.com": "UPI", "businessinsider.com": "Business Insider",
    "vox.com": "Vox", "theatlantic.com": "The Atlantic", "defenseone.com": "Defense One",
    "longwarjournal.org": "Long War Journal", "enabbaladi.net": "Enab Baladi", "syriadirect.org": "Syria Direct",
    "northpressagency.com": "North Press Agency", "npasyria.com": "North Press Agency",
    "english.alarabiya.net": "Al Arabiya", "presstv.ir": "Press TV", "irna.ir": "IRNA", "aawsat.com": "Asharq Al-Awsat",
    "naharnet.com": "Naharnet", "dailystar.com.lb": "The Daily Star", "iraqinews.com": "Iraqi News",
    "kurdistan24.com": "Kurdistan24", "basnews.com": "BasNews", "ekurd.net": "Ekurd Daily",
}

# Names as they appear in signatures -> canonical name (lowercased keys, without a trailing "news").
_ALIASES: dict[str, str] = {
    "al jazeera": "Al Jazeera", "aljazeera": "Al Jazeera", "al jazeera english": "Al Jazeera",
    "bbc": "BBC", "bbc world service": "BBC", "reuters": "Reuters", "thomson reuters": "Reuters",
    "ap": "AP", "the associated press": "AP", "associated press": "AP", "afp": "AFP",
    "agence france-presse": "AFP", "agence france presse": "AFP", "the independent": "The Independent",
    "independent": "The Independent", "xinhua": "Xinhua", "anadolu": "Anadolu Agency",
    "anadolu agency": "Anadolu Agency", "aa": "Anadolu Agency", "efe": "EFE", "dpa": "dpa", "upi": "UPI",
    "sana": "SANA", "tass": "TASS", "sputnik": "Sputnik", "cnn": "CNN", "the guardian": "The Guardian",
    "guardian": "The Guardian", "rudaw": "Rudaw", "middle east eye": "Middle East Eye",
}
_AGENCIES = ("Reuters", "AP", "AFP", "CNN", "Xinhua", "Anadolu", "EFE", "dpa", "UPI", "ANI", "IANS", "PTI",
             "Bernama", "Yonhap", "Kyodo", "TASS", "SANA", "Efe", "DPA", "APA", "IRNA", "KUNA", "WAM", "SPA")
_AGENCY_ALT = "|".join(sorted(_AGENCIES, key=len, reverse=True))
_SECOND_LEVEL = {"co", "com", "org", "net", "ac", "gov", "edu", "go", "ne", "or"}

_SOURCE = re.compile(r"^\W*source\s*:\s*(?P<name>[^.!?:]{2,60}?)\s*\.?$", re.I)
_DASH = re.compile(r"^\s*[-—–]+\s*(?P<name>[A-Z][\w.&' -]{0,40}?)\s*[-—–]*\s*$")
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(?P<name>[A-Z][\w.&' -]{1,40}?)\s*(?:\d{4})?\s*[.,]?"
    r"\s*(?:all rights reserved|$)",
    re.I,
)
_WIRE = re.compile(r"(?:\(|-LRB-\s*)(?P<name>" + _AGENCY_ALT + r")(?:\)|\s*-RRB-)\s*[-—–]")
_MASTHEADS = (
    re.compile(r"notifications from (?P<name>[A-Z][\w.&' -]{1,40}?)\s*[.!]?$"),
    re.compile(r"(?:sign up|subscribe) (?:to|for) (?P<name>(?:the )?[A-Z][\w.&' -]{1,40}?)(?:'s)? newsletters?", re.I),
    re.compile(r"^(?P<name>(?:The )?[A-Z][\w.&' -]{1,30}?) is not responsible for the content of external"),
    re.compile(r"do not represent (?:those|the views) of (?P<name>[A-Z][\w.&' -]{1,30}?)\s*\.?$"),
    re.compile(r"(?:follow|read) other (?P<name>[A-Z][\w&'-]+) readers"),
)
_KNOWN_NAMES = frozenset(KNOWN_DOMAINS.values()) | frozenset(_ALIASES.values())
_NEWSY = re.compile(r"\b(?:news|times|post|press|agency|tv|radio|herald|tribune|daily|journal|gazette)\b", re.I)


def _canonical(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" .,;:-—–")
    # "Al Jazeera and news agencies", "Reuters, AFP": the first named outlet signs the article
    name = re.sub(r"\s*(?:,|/|\band\b|&|\bwith\b)\s*(?:news\s+)?(?:agencies|wires|wire services)\b.*$", "", name,
                  flags=re.I) or name
    key = name.lower()
    if key in _ALIASES:
        return _ALIASES[key]
    short = re.sub(r"\s+news(?: agency)?$", "", key)
    for candidate in (short, re.sub(r"^the\s+", "", short)):
        if candidate in _ALIASES:
            return _ALIASES[candidate]
    if re.fullmatch(r"[\w.-]+\.[a-z]{2,}", key):
        return outlet_from_domain(key) or name
    return name


def registered_domain(host: str) -> str:
    labels = host.lower().strip(".").split(".")
    if labels and labels[0] in ("www", "m", "amp", "mobile", "edition", "en", "english"):
        labels = labels[1:]
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def outlet_from_domain(host: str) -> str | None:
    host = host.lower().split(":")[0].strip(".")
    if host.startswith("www."):
        host = host[4:]
    labels = host.split(".")
    for i in range(len(labels) - 1):
        candidate = ".".join(labels[i:])
        if candidate in KNOWN_DOMAINS:
            return KNOWN_DOMAINS[candidate]
    return registered_domain(host) or None


def _from_url(url: str) -> str | None:
    u = url.strip()
    if not re.match(r"^[a-z][a-z0-9+.-]*://", u, re.I):
        u = "http://" + u
    try:
        host = urlsplit(u).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    return outlet_from_domain(host)


def _is_outlet(name: str) -> bool:
    """A known outlet or a name shaped like one ("Daily Star", "Kurdistan24 News"), not "UN OCHA"."""
    return name in _KNOWN_NAMES or _NEWSY.search(name) is not None


def _signature(lines: list[str]) -> str | None:
    for line in reversed(lines[-5:]):
        m = _SOURCE.match(line) or _DASH.match(line)
        if m and len(m.group("name").split()) <= 6:
            name = _canonical(m.group("name"))
            if _is_outlet(name):
                return name
        if len(line) < 120:
            m = _COPYRIGHT.search(line)
            if m:
                return _canonical(m.group("name"))
    return None


def _masthead(lines: list[str], head: str) -> str | None:
    m = _WIRE.search(head)
    if m:
        return _canonical(m.group("name"))
    for line in lines:
        for pattern in _MASTHEADS:
            mm = pattern.search(line)
            if mm:
                return _canonical(mm.group("name"))
    return None


def _nonempty(text: str) -> list[str]:
    return [" ".join(ln.split()) for ln in text.splitlines() if ln.strip()]


def find_outlet(*, metadata_outlet: str | None, url: str | None, raw_text: str) -> tuple[str | None, str | None]:
    """(outlet name, how found: metadata|url|signature|masthead), or (None, None)."""
    if metadata_outlet and metadata_outlet.strip():
        return _canonical(metadata_outlet), "metadata"
    if url:
        from_url = _from_url(url)
        if from_url:
            return from_url, "url"
    # only the edges of the page carry the outlet's own marks
    if len(raw_text) > 6000:
        head_lines, tail_lines = _nonempty(raw_text[:3000])[:-1], _nonempty(raw_text[-3000:])[1:]
    else:
        head_lines = tail_lines = _nonempty(raw_text)
    if not head_lines and not tail_lines:
        return None, None
    signed = _signature(tail_lines)
    if signed:
        return signed, "signature"
    edge = head_lines[:8] + tail_lines[-8:] if len(tail_lines) > 8 else tail_lines
    found = _masthead(edge, raw_text[:600])
    if found:
        return found, "masthead"
    return None, None
