"""Event typing: one CASE 2021 task 2 label per snippet or news sentence.

The 30 labels are ACLED's 25 sub-event types (``ARMED_CLASH``, ``AIR_STRIKE``,
...) plus ``ORG_CRIME``, ``NATURAL_DISASTER``, ``MAN_MADE_DISASTER``,
``DIPLO`` and ``ATTRIB``. The model is a multinomial logistic regression
over three feature blocks, shipped as ``typing_data/event_types_model.json.gz``
and trained by ``bench/train_event_types.py``:

* a MiniLM sentence embedding (:mod:`sitrep.events.typing_embed`),
* a unigram+bigram TF-IDF (:mod:`sitrep.events.typing_features`),
* trigger cues written from ACLED's codebook (:mod:`sitrep.events.typing_rules`).

Every sentence gets *some* label; whether it is an event at all is the
caller's decision: call :func:`is_event_candidate` first and keep labels whose
confidence reaches :data:`MIN_CONFIDENCE` (or use :func:`classify_event`,
which does both).
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from sitrep.events import typing_embed, typing_rules
from sitrep.events.typing_features import tfidf
from sitrep.records import Sentence

STAGE_VERSION = "event_typing.v1"
MODEL_PATH = Path(__file__).resolve().parent / "typing_data" / "event_types_model.json.gz"
FAST_MODEL_PATH = MODEL_PATH.with_name("event_types_fast.json.gz")
DATA_FILES: tuple[Path, ...] = (MODEL_PATH, FAST_MODEL_PATH, MODEL_PATH.with_name("minilm_tokenizer.json.gz"))
#: ``auto`` mode: texts the fast model labels with less confidence than this go to the full model.
ESCALATE_BELOW = 0.4
MODES = ("auto", "fast", "full")
#: Default for :func:`classify_many`: the fast model meets the pipeline's budget
#: (under 1 ms per sentence); ``full`` costs ~10-15 ms per sentence on one core.
DEFAULT_MODE = "fast"
#: Below this probability a candidate sentence is better treated as "no event" (30 labels,
#: so 0.2 is six times chance; the fast model spreads its probability more than the full one).
MIN_CONFIDENCE = 0.2

NON_ACLED = frozenset({"ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB"})

_ACLED: dict[str, tuple[str, str]] = {
    "ARMED_CLASH": ("Battles", "Armed clash"),
    "GOV_REGAINS_TERIT": ("Battles", "Government regains territory"),
    "NON_STATE_ACTOR_OVERTAKES_TER": ("Battles", "Non-state actor overtakes territory"),
    "AIR_STRIKE": ("Explosions/Remote violence", "Air/drone strike"),
    "ART_MISS_ATTACK": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "SUIC_BOMB": ("Explosions/Remote violence", "Suicide bomb"),
    "REM_EXPLOS": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "GRENADE": ("Explosions/Remote violence", "Grenade"),
    "CHEM_WEAP": ("Explosions/Remote violence", "Chemical weapon"),
    "ATTACK": ("Violence against civilians", "Attack"),
    "ABDUCT_DISSAP": ("Violence against civilians", "Abduction/forced disappearance"),
    "SEX_VIOL": ("Violence against civilians", "Sexual violence"),
    "PEACE_PROTEST": ("Protests", "Peaceful protest"),
    "PROTEST_WITH_INTER": ("Protests", "Protest with intervention"),
    "FORCE_AGAINST_PROTEST": ("Protests", "Excessive force against protesters"),
    "VIOL_DEMONSTR": ("Riots", "Violent demonstration"),
    "MOB_VIOL": ("Riots", "Mob violence"),
    "AGREEMENT": ("Strategic developments", "Agreement"),
    "ARREST": ("Strategic developments", "Arrests"),
    "CHANGE_TO_GROUP_ACT": ("Strategic developments", "Change to group/activity"),
    "DISR_WEAP": ("Strategic developments", "Disrupted weapons use"),
    "HQ_ESTABLISHED": ("Strategic developments", "Headquarters or base established"),
    "PROPERTY_DISTRUCT": ("Strategic developments", "Looting/property destruction"),
    "NON_VIOL_TERRIT_TRANSFER": ("Strategic developments", "Non-violent transfer of territory"),
    "OTHER": ("Strategic developments", "Other"),
}
ACLED_LABELS = frozenset(_ACLED)
LABELS = tuple(sorted(ACLED_LABELS | NON_ACLED))


def to_acled(label: str) -> tuple[str, str] | None:
    """ACLED ``(event_type, sub_event_type)`` for a CASE label; None outside ACLED's taxonomy."""
    if label in NON_ACLED:
        return None
    try:
        return _ACLED[label]
    except KeyError:
        raise ValueError(f"unknown event type label: {label!r}") from None


def is_event_candidate(sentence: str | Sentence) -> bool:
    """Cheap check: does the sentence contain any event trigger worth classifying?"""
    text = sentence.text if isinstance(sentence, Sentence) else sentence
    return typing_rules.any_cue(text)


@dataclass(frozen=True)
class TypingModel:
    """The shipped linear model (immutable once loaded)."""

    labels: tuple[str, ...]
    vocab: dict[str, int]
    idf: np.ndarray
    coef_t: np.ndarray  # (n_features, n_labels)
    intercept: np.ndarray  # (n_labels,)
    cue_weight: float
    embed_weight: float
    use_embedding: bool

    @classmethod
    def from_dict(cls, data: dict) -> TypingModel:
        cues = [name for name, _, _ in typing_rules.CUES]
        if data["cue_names"] != cues:
            raise ValueError("event typing model was trained with another cue list; retrain it")
        return cls(
            labels=tuple(data["labels"]),
            vocab={t: i for i, t in enumerate(data["vocab"])},
            idf=np.asarray(data["idf"], dtype=np.float32),
            coef_t=np.ascontiguousarray(np.asarray(data["coef"], dtype=np.float32).T),
            intercept=np.asarray(data["intercept"], dtype=np.float32),
            cue_weight=float(data["cue_weight"]),
            embed_weight=float(data["embed_weight"]),
            use_embedding=bool(data["use_embedding"]),
        )

    def features(self, texts: list[str]) -> np.ndarray:
        blocks = [tfidf(texts, self.vocab, self.idf)]
        if self.use_embedding:
            blocks.append(typing_embed.encoder().encode(texts) * self.embed_weight)
        blocks.append(np.stack([typing_rules.cue_vector(t) for t in texts]) * self.cue_weight)
        return np.hstack(blocks)

    def proba(self, texts: list[str]) -> np.ndarray:
        """(len(texts), len(labels)) class probabilities."""
        if not texts:
            return np.zeros((0, len(self.labels)), dtype=np.float32)
        feats = self.features(texts)
        coef_t = self.coef_t
        z = np.empty((len(texts), len(self.labels)), dtype=np.float32)
        # Row by row over the non-zero features: for these small products this
        # is faster than a BLAS call and never waits on BLAS worker threads.
        for r in range(len(texts)):
            nz = np.flatnonzero(feats[r])
            z[r] = (coef_t[nz] * feats[r, nz, None]).sum(axis=0) + self.intercept
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)


def build_features(texts: list[str], vocab: dict[str, int], idf: np.ndarray, cue_weight: float,
                   embed_weight: float, embeddings: np.ndarray | None) -> np.ndarray:
    """Feature matrix in the model's layout (used by the training script)."""
    blocks = [tfidf(texts, vocab, idf)]
    if embeddings is not None:
        blocks.append(embeddings * embed_weight)
    blocks.append(np.stack([typing_rules.cue_vector(t) for t in texts]) * cue_weight)
    return np.hstack(blocks)


@lru_cache(maxsize=2)
def model(fast: bool = False) -> TypingModel:
    """A shipped model, loaded once per process: the full one (with the embedding) or the fast one."""
    with gzip.open(FAST_MODEL_PATH if fast else MODEL_PATH, "rt", encoding="utf-8") as fh:
        return TypingModel.from_dict(json.load(fh))


def _best(m: TypingModel, p: np.ndarray) -> list[tuple[str, float]]:
    best = p.argmax(axis=1)
    return [(m.labels[int(j)], float(p[i, j])) for i, j in enumerate(best)]


def predict(texts: list[str], full: TypingModel, fast: TypingModel | None, mode: str = "auto",
            escalate_below: float = ESCALATE_BELOW) -> list[tuple[str, float]]:
    """``(label, probability)`` per text with the given models (see :func:`classify_many`)."""
    if mode not in MODES:
        raise ValueError(f"unknown typing mode {mode!r}; expected one of {MODES}")
    if mode == "full" or fast is None:
        return _best(full, full.proba(texts))
    out = _best(fast, fast.proba(texts))
    if mode == "fast":
        return out
    hard = [i for i, (_, conf) in enumerate(out) if conf < escalate_below]
    if hard:
        for i, res in zip(hard, _best(full, full.proba([texts[i] for i in hard])), strict=True):
            out[i] = res
    return out


def classify_many(texts: list[str], mode: str = DEFAULT_MODE) -> list[tuple[str, float]]:
    """One ``(label, probability)`` per text, batched.

    ``mode="full"`` runs the embedding model on every text (best quality,
    10-15 ms per sentence on one core); ``"fast"`` (default) uses TF-IDF and
    cues only (under 1 ms per sentence); ``"auto"`` runs the fast model and
    sends only the texts it is unsure about (probability <
    :data:`ESCALATE_BELOW`, about a quarter of CASE snippets but most
    non-event news sentences) to the full model.
    """
    texts = list(texts)
    if not texts:
        return []
    return predict(texts, model(), None if mode == "full" else model(fast=True), mode)


def classify(text: str, mode: str = DEFAULT_MODE) -> tuple[str, float]:
    """The most likely CASE label for ``text`` and its probability."""
    return classify_many([text], mode)[0]


def classify_event(text: str, min_confidence: float = MIN_CONFIDENCE,
                   mode: str = DEFAULT_MODE) -> tuple[str, float] | None:
    """Label for a news sentence, or None when it is not an event candidate or the model is unsure."""
    if not is_event_candidate(text):
        return None
    label, conf = classify(text, mode)
    return (label, conf) if conf >= min_confidence else None
