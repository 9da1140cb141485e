"""Name normalisation shared by the gazetteer builder and the matcher.

Two keys per name:

* ``exact_key``: casefold, diacritics and apostrophes removed, punctuation to
  spaces, Arabic article prefixes (al-, el-, ar-, as-, ash-, ...) dropped.
  "Ar-Raqqah" -> "raqqah", "U.S." -> "us", "Mar'a" -> "mara".
* ``fuzzy_key``: the exact key folded for transliteration variants: every vowel
  run (a e i o u, y between vowels or word-final) becomes "a", doubled letters
  collapse, a final "h" after a vowel goes, q -> k, "ou" -> "a". Mashlab and
  Meshleb, Hittin and Hetin, Romaniyeh, Romania and Roumaniya, Sinaa and
  Sinaaya share a fuzzy key. It is only used for places in countries whose
  names reach English through Arabic/Persian/Kurdish transliteration and for
  the curated layer (see ``gazetteer``), where the folding pays for its
  collisions.
"""

from __future__ import annotations

import functools
import re
import unicodedata

ARTICLES = frozenset({"al", "el", "ar", "as", "ash", "ad", "an", "at", "az", "ath", "adh", "ed", "es", "et", "en", "ez", "ul"})
_APOSTROPHES = "'’‘`ʿʾ´′"
_APOS_RE = re.compile("[" + _APOSTROPHES + "]")
_NON_WORD = re.compile(r"[^a-z0-9 ]+")
_SPACES = re.compile(r"\s+")
_VOWEL_RUN = re.compile(r"(?:[aeiou]|(?<=[aeiou])[yw](?![aeiou])|y(?=[aeiou]|$))+")
_DOUBLE = re.compile(r"(.)\1+")
_FINAL_H = re.compile(r"(?<=a)h$")


def strip_diacritics(text: str) -> str:
    """Remove combining marks; map a few letters NFKD does not decompose."""
    text = text.replace("ı", "i").replace("ł", "l").replace("ø", "o").replace("ß", "ss").replace("đ", "d")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def base_form(name: str) -> str:
    """Casefold, strip diacritics and apostrophes, punctuation to single spaces."""
    text = strip_diacritics(name).casefold()
    text = _APOS_RE.sub("", text)
    text = text.replace(".", "")
    text = _NON_WORD.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def _drop_articles(tokens: list[str]) -> list[str]:
    """Drop article tokens that introduce a following word ("al Nahda", "Deir ez Zor"), never a final one."""
    out = [t for i, t in enumerate(tokens) if t not in ARTICLES or i == len(tokens) - 1]
    return out or tokens


_EXPAND = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "pt": "point"}


@functools.lru_cache(maxsize=1 << 16)
def exact_key(name: str) -> str:
    """Matching key: base form without Arabic article tokens; "St."/"Mt."/"Ft." before a name expanded."""
    tokens = _drop_articles(base_form(name).split())
    if tokens and tokens[0] == "the" and len(tokens) > 1:
        tokens = tokens[1:]  # "the Netherlands", "the Gambia"
    return " ".join(_EXPAND.get(t, t) if i < len(tokens) - 1 else t for i, t in enumerate(tokens))


@functools.lru_cache(maxsize=1 << 16)
def fold_token(token: str) -> str:
    """Transliteration folding of one token (see module doc)."""
    if token.isdigit():
        return token
    t = token.replace("ou", "u").replace("q", "k").replace("ph", "f")
    t = _DOUBLE.sub(r"\1", t)
    t = _VOWEL_RUN.sub("a", t)
    t = _FINAL_H.sub("", t)
    return _DOUBLE.sub(r"\1", t)


def fuzzy_key(name: str) -> str:
    """Folded key for transliteration variants (see module doc)."""
    return " ".join(fold_token(t) for t in exact_key(name).split())


def is_latin(name: str) -> bool:
    """True when the name is written in Latin script (after diacritic removal)."""
    stripped = strip_diacritics(name)
    return all(ord(c) < 0x250 or c in _APOSTROPHES for c in stripped)

# Countries whose place names reach English through Arabic, Persian, Kurdish,
# Pashto or Turkish transliteration: their places get fuzzy keys, and an
# Arabic article prefix ("al-Romania") points to them.
TRANSLITERATED_COUNTRIES = frozenset(
    "SY IQ JO LB PS IL YE SA EG LY TN DZ MA SD SS SO IR AF PK TR KW BH QA AE OM MR ML NE TD".split()
)


# Consonant skeletons: how a news spelling ("Massasneh") meets a place known only by its Arabic name (مصاصنة).
# Both sides keep consonant classes only (vowels, semi-vowels, hamza, ayn and ta marbuta dropped; emphatic and
# plain consonants merged), so the match is loose: the resolver uses it only as a last resort, in the layer of
# the article's own country.
_AR_SKELETON = {
    "ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "h", "خ": "k", "د": "d", "ذ": "z", "ر": "r", "ز": "z", "س": "s",
    "ش": "s", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "غ": "g", "ف": "f", "ق": "k", "ك": "k", "ل": "l", "م": "m",
    "ن": "n", "ه": "h", "پ": "p", "چ": "j", "ژ": "z", "گ": "g", "ک": "k",
}
_LATIN_DIGRAPHS = re.compile(r"kh|sh|th|dh|gh|ch|ph|q|c|x|g|v|p")
_LATIN_DIGRAPH_MAP = {"kh": "k", "sh": "s", "th": "t", "dh": "z", "gh": "g", "ch": "j", "ph": "f", "q": "k", "c": "k",
                      "x": "ks", "g": "j", "v": "f", "p": "b"}
_LATIN_DROP = re.compile(r"[aeiouwy]")


def arabic_skeleton(name: str) -> str:
    """Consonant skeleton of an Arabic-script name ("مصاصنة" -> "msn"); "" when it has no Arabic letters."""
    tokens = []
    for tok in name.split():
        if tok.startswith("ال") and len(tok) > 3:
            tok = tok[2:]
        sk = "".join(_AR_SKELETON.get(ch, "") for ch in tok)
        if sk:
            tokens.append(_DOUBLE.sub(r"\1", sk))
    return " ".join(tokens)


def latin_skeleton(name: str) -> str:
    """Consonant skeleton of a Latin-script name ("Massasneh" -> "msn", "al-Jazira" -> "jzr")."""
    out = []
    for tok in exact_key(name).split():
        t = tok[:-1] if len(tok) > 2 and tok.endswith("h") and tok[-2] in "aeiou" else tok
        t = _LATIN_DIGRAPHS.sub(lambda m: _LATIN_DIGRAPH_MAP[m.group()], t)
        t = _LATIN_DROP.sub("", t)
        t = _DOUBLE.sub(r"\1", t)
        if t:
            out.append(t)
    return " ".join(out)
