"""The sub-event type of each trigger: a learned arbitration between the rules and the typing model.

The trigger rules (:mod:`sitrep.events.extract_rules`) give each trigger a sub-type from its word
("shelled" -> shelling); the CASE-trained typing model (:mod:`sitrep.events.typing`, ``fast`` mode:
TF-IDF and ACLED-codebook cues) reads the whole sentence and gives a probability per CASE 2021 label.
Neither is right alone: the rule sees one word ("attack" is an armed clash, an air strike or an
attack on civilians), the typing model sees the sentence but not which predicate is meant.

The arbitration is a multinomial logistic regression over

* the rule's sub-type (one-hot, with ``territory`` for a capture whose direction the actors decide
  and ``none`` for a sentence without a trigger), and
* the typing model's log-probabilities of the 30 CASE labels for the sentence,

predicting the CASE label. It is trained by ``bench/train_event_subtype.py`` on CASE 2021 dev (with
out-of-fold typing probabilities, so it learns how far to trust the typing model on text it did not
see) and shipped as ``data/subtype_model.json`` with its sha256 in ``data/subtype_model.sha256``;
:func:`load_model` refuses a missing or altered file (:class:`ModelUnavailable`), there is no fallback.

Whether a trigger is a capture at all, and whether a clash is an attack on civilians, stay the
rules' and roles' decisions (see :meth:`SubtypeModel.predict`).
In the pipeline (:func:`retype`) the decided label becomes the trigger's sub-type, except that

* a capture label (government regains / non-state actor overtakes) becomes ``territory``: which side
  took the place is the actors' decision, made later from the agent and the home state;
* a non-ACLED label (disaster, crime, diplomacy, claim of responsibility) keeps the rule's sub-type:
  whether the mention is an event at all is the mention model's decision (:mod:`sitrep.events.mentions`).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import numpy as np

from sitrep.events import typing as et
from sitrep.events.extract_rules import BATTLE_WORD, TERRITORY, TOLL, Trigger
from sitrep.events.quantities import mentions_deaths
from sitrep.events.taxonomy import LETHAL_TYPES, SUB_TO_TYPE, VIOLENT_TYPES
from sitrep.events.vocab import CROWD_WORD, MANNED_AIRCRAFT_RX

COMBAT_WORD = re.compile(r"(?:fighting|clash(?:es|ed)?|battles?|gun ?battles?|firefights?)$", re.IGNORECASE)
# "injured in a grenade explosion during clashes": the clashes are the occasion of the other event, not one more
_FRAMED = re.compile(r"\b(?:during|amid|amidst|in|of)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)

STAGE_VERSION = "event_subtype.v18"  # v18: no arrest without a word that says someone was held; v17: a manned aircraft shot down stays a battle; v16: unless another trigger names the runner-up; v15: a clash read as an attack keeps its kind, not the runner-up; v14: a toll with no crowd word is no protest; v3: death tolls typed from the sentence; v4: retrained, dev weight 1; v5: violence stays violence; v6: retrained on CASE only (dev weight 0); v7: nor a peaceful protest; v8: a crowd the rules read as peaceful; v9: a battle word beside a looting; v10: an attack with dead beside an abduction; v11: grenades thrown in a battle; v12: fighting beside an air strike; v13: a toll with dead on both armed sides
DATA_DIR = Path(__file__).resolve().parent / "data"
MODEL_PATH = DATA_DIR / "subtype_model.json"
DIGEST_PATH = DATA_DIR / "subtype_model.sha256"
DATA_FILES: tuple[Path, ...] = (MODEL_PATH, DIGEST_PATH, et.FAST_MODEL_PATH)  # the fast typing model is the one read
NO_RULE = "none"
#: The rule sub-types the one-hot block knows (every ACLED sub-type, the capture placeholder, no trigger).
RULE_VALUES: tuple[str, ...] = tuple(sorted({sub for _, sub in et._ACLED.values()} | {TERRITORY})) + (NO_RULE,)
#: a rule sub-type -> the CASE label the arbitration may not give it (the target decides between the two)
_BY_TARGET = {"Armed clash": "ATTACK"}
_OWN_LABEL = {"Armed clash": "ARMED_CLASH"}
_CAPTURES = frozenset({"GOV_REGAINS_TERIT", "NON_STATE_ACTOR_OVERTAKES_TER"})
#: what a violent trigger word ("attacked", "fighting") cannot mean, whatever the rest of the sentence talks about
_NOT_VIOLENCE = frozenset({"Agreement", "Peaceful protest"})
_EPS = 1e-4
#: violence against civilians that takes people rather than attacking them ("abducted dozens in an attack")
_SEIZING = frozenset({"Abduction/forced disappearance"})
_IN_BATTLE = frozenset({"Grenade"})  # weapons of close combat: thrown in a battle, they are the battle's


class ModelUnavailable(RuntimeError):
    """The shipped arbitration model is missing, corrupt, or not the trained one."""


def features(rule_subs: Sequence[str | None], log_proba: np.ndarray) -> np.ndarray:
    """Feature rows: one-hot rule sub-type, then the typing model's log-probabilities (in its label order)."""
    onehot = np.zeros((len(rule_subs), len(RULE_VALUES)), dtype=np.float64)
    pos = {v: i for i, v in enumerate(RULE_VALUES)}
    for r, sub in enumerate(rule_subs):
        key = sub if sub is not None else NO_RULE
        if key not in pos:
            raise ValueError(f"unknown rule sub-type {sub!r}")
        onehot[r, pos[key]] = 1.0
    return np.hstack([onehot, log_proba.astype(np.float64)])


def log_proba(proba: np.ndarray) -> np.ndarray:
    return np.log(proba.astype(np.float64) + _EPS)


@dataclass(frozen=True)
class SubtypeModel:
    labels: tuple[str, ...]  # CASE labels, the output classes
    typing_labels: tuple[str, ...]  # the typing model's label order the weights expect
    coef: np.ndarray  # (len(labels), n_features)
    intercept: np.ndarray  # (len(labels),)

    @classmethod
    def from_dict(cls, data: dict) -> SubtypeModel:
        if tuple(data["rule_values"]) != RULE_VALUES:
            raise ModelUnavailable("sub-type model was trained with another rule sub-type list; retrain it")
        return cls(tuple(data["labels"]), tuple(data["typing_labels"]), np.asarray(data["coef"], dtype=np.float64),
                   np.asarray(data["intercept"], dtype=np.float64))

    def predict(self, rule_subs: Sequence[str | None], proba: np.ndarray) -> list[str]:
        """The CASE label per row, from rule sub-types and the typing model's probabilities.

        Two distinctions stay with the rules and the roles, whose evidence is the predicate's own
        arguments: capture or not (a capture rule needs a place as the verb's object; on the news dev set
        every arbitration into or out of a capture was wrong), so a capture trigger gets one of the two
        capture labels and any other trigger none of them; and an armed clash made an attack on
        civilians, which ACLED decides by the target: the roles pass turns a clash whose patient is
        civilian into an attack, so the arbitration may not (the sentence's words cannot tell an army
        truck from a minibus). An attack may still become a clash: nothing downstream does that.
        """
        if not rule_subs:
            return []
        z = features(rule_subs, log_proba(proba)) @ self.coef.T + self.intercept
        capture = np.array([lab in _CAPTURES for lab in self.labels])
        for r, sub in enumerate(rule_subs):
            if sub == TERRITORY:
                z[r, ~capture] = -np.inf
            elif sub is not None:
                z[r, capture] = -np.inf
            if sub in _BY_TARGET:
                barred = self.labels.index(_BY_TARGET[sub])
                best = int(z[r].argmax())
                z[r, barred] = -np.inf
                runner = self.labels[int(z[r].argmax())]
                others = {o for j, o in enumerate(rule_subs) if j != r}
                if best == barred and _OWN_LABEL.get(sub) in self.labels and pipeline_sub(runner, sub) not in others:
                    # the sentence reads as an attack on civilians: the trigger keeps its own kind for the roles
                    # pass to decide by the target, not a runner-up no other trigger of the sentence names
                    # ("killed 26 civilians in an attack on a village" is no air strike; "attacked the village,
                    # abducting 280 pupils" is the abduction)
                    z[r, self.labels.index(_OWN_LABEL[sub])] = np.inf
        return [self.labels[i] for i in z.argmax(axis=1)]


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_model(model_path: Path = MODEL_PATH, digest_path: Path = DIGEST_PATH) -> SubtypeModel:
    """Load and verify an artifact (not cached: see :func:`load_model`)."""
    if not model_path.exists():
        raise ModelUnavailable(f"sub-type model not found: {model_path} (train it with bench/train_event_subtype.py)")
    if not digest_path.exists():
        raise ModelUnavailable(f"sub-type model digest not found: {digest_path}")
    expected, got = digest_path.read_text(encoding="utf-8").split()[0], file_digest(model_path)
    if got != expected:
        raise ModelUnavailable(f"sub-type model {model_path} has sha256 {got[:12]}..., {digest_path.name} says "
                               f"{expected[:12]}...: the file is corrupt or not the trained one")
    try:
        model = SubtypeModel.from_dict(json.loads(model_path.read_text(encoding="utf-8")))
    except (ValueError, KeyError, TypeError) as exc:
        raise ModelUnavailable(f"sub-type model {model_path} could not be read: {exc}") from exc
    if model.typing_labels != et.model(fast=True).labels:
        raise ModelUnavailable("sub-type model was trained against another typing model's labels; retrain it")
    return model


@lru_cache(maxsize=1)
def load_model() -> SubtypeModel:
    """The shipped model, loaded and verified once per process; raises :class:`ModelUnavailable`."""
    return read_model()


def decide(texts: Sequence[str], rule_subs: Sequence[str | None]) -> list[str]:
    """The CASE label the pipeline decides per (sentence, rule sub-type) pair."""
    if not texts:
        return []
    proba = et.model(fast=True).proba(list(texts))
    return load_model().predict(rule_subs, proba)


def pipeline_sub(label: str, rule_sub: str) -> str:
    """The trigger's sub-type for a decided CASE label (see the module docstring). A violent trigger word
    ("fighting", "an offensive", "attacked") stays violent: the sentence's talk of a ceasefire or of protesters
    makes it no agreement and no peaceful protest (force against protesters stays possible)."""
    if label in _CAPTURES:
        return TERRITORY
    acled = et.to_acled(label)
    if acled is not None and SUB_TO_TYPE.get(rule_sub) in VIOLENT_TYPES and acled[1] in _NOT_VIOLENCE:
        return rule_sub  # an attack on protesters is no peaceful protest, fighting despite a truce no agreement
    if acled is not None and rule_sub == "Air/drone strike" and acled[1] == "Armed clash":
        return rule_sub  # aircraft that struck fighters' positions: an air strike whoever the target (ACLED's
        # codebook: one side cannot fire back), not the battle the sentence's talk of positions suggests
    if acled is not None and rule_sub == "Peaceful protest" and acled[1] == "Excessive force against protesters":
        return rule_sub  # the rules read force against a crowd from its own clause, the model from the sentence
        # (a killing in another clause of a run-together sentence is not force against this crowd)
    return acled[1] if acled is not None else rule_sub


def retype(texts: Sequence[str], found: Sequence[Sequence[Trigger]]) -> list[list[Trigger]]:
    """New triggers with the arbitrated sub-type; ``texts[i]`` is the sentence of ``found[i]``.

    The typing model reads each sentence that has triggers once.
    """
    rows = [i for i, trigs in enumerate(found) if trigs]
    if not rows:
        return [list(t) for t in found]
    proba = et.model(fast=True).proba([texts[i] for i in rows])
    model = load_model()
    out = [list(t) for t in found]
    for r, i in enumerate(rows):
        trigs = found[i]
        labels = model.predict([None if t.sub_event_type == TOLL else t.sub_event_type for t in trigs],
                               np.repeat(proba[r:r + 1], len(trigs), axis=0))
        out[i] = [replace(t, sub_event_type=(_toll_sub(lab, texts[i]) if not _TWO_SIDED_DEAD.search(texts[i]) else
                                             "Armed clash") if t.sub_event_type == TOLL
                          else _own_sub(pipeline_sub(lab, t.sub_event_type), t, trigs, texts[i]))
                  for t, lab in zip(trigs, labels, strict=True)]
    return out


# a toll with dead on both armed sides ("ten soldiers and 19 cartel gunmen were killed"): a battle, whatever else
# the sentence talks of (an arrest attempt, a raid)
_STATE_DEAD = r"(?:soldiers|troops|police(?:men)?|police officers|officers|security forces|security personnel)"
_ARMED_DEAD = r"(?:gunmen|militants|rebels|insurgents|fighters|jihadists|bandits|attackers|assailants|militiamen)"
_TWO_SIDED_DEAD = re.compile(rf"\b(?:\d+|[a-z]+)\s+(?:[\w-]+\s+)?(?:{_STATE_DEAD}\s+and\s+(?:\d+|[a-z]+)\s+(?:[\w-]+\s+)?"
                             rf"{_ARMED_DEAD}|{_ARMED_DEAD}\s+and\s+(?:\d+|[a-z]+)\s+(?:[\w-]+\s+)?{_STATE_DEAD})\b"
                             rf"[^.;]{{0,40}}?\b(?:were|have been|had been)\s+killed\b", re.IGNORECASE)


_AIRCRAFT_DOWNED = re.compile(r"\b(?:down|downed)\b.*\b" + MANNED_AIRCRAFT_RX + "$", re.IGNORECASE)


# a word that says someone was taken or held: an arrest needs one
_ARREST_WORD = re.compile(r"\b(?:arrest\w*|detain\w*|detention|custody|captur\w*|rounded up|round-?ups?|apprehend\w*|"
                          r"seiz\w*|jail\w*|imprison\w*|held|taken in|picked up|nabbed|abduct\w*|kidnap\w*)\b",
                          re.IGNORECASE)


def _own_sub(decided: str, trig: Trigger, trigs: Sequence[Trigger], text: str = "") -> str:
    """The decided sub-type, unless it is what another trigger of the sentence reports by its own word and this
    trigger's word reports another kind: "dozens were killed in the fighting, and fighters looted homes" is a
    battle and a looting; the typing model reads one sentence and would call both a looting."""
    own = trig.sub_event_type
    if decided == own or own == TOLL or SUB_TO_TYPE.get(own) not in LETHAL_TYPES or own in _SEIZING:
        return decided
    if decided == "Arrests" and not _ARREST_WORD.search(text):
        return own  # "soldiers fired at a suspect who threw an explosive device": no one is said to be held
    if own == "Armed clash" and decided == "Disrupted weapons use" and _AIRCRAFT_DOWNED.search(trig.surface):
        return own  # "shot down a military helicopter": a manned aircraft brought down is a battle with its crew's
        # side, not a weapon intercepted (the model learned "shot down" from drones and missiles)
    if own == "Armed clash" and decided in _IN_BATTLE and BATTLE_WORD.match(trig.surface):
        return own  # "gunmen battled troops, throwing grenades": both sides fight, a clash (ACLED's remote
        # violence is one-sided, the target cannot answer)
    if own == "Armed clash" and COMBAT_WORD.match(trig.surface) and not _FRAMED.search(text[:trig.start]) and any(
            t is not trig and t.sub_event_type == decided for t in trigs):
        return own  # "air strikes killed 32 as fighting raged in Khan Younis": the strikes are the other
        # trigger's; the fighting stays a battle
    if SUB_TO_TYPE.get(decided) in LETHAL_TYPES and not (decided in _SEIZING and mentions_deaths(text)):
        return decided  # an attack read as shelling or a strike is the same violence, better typed (but "killed 20
        # and abducted dozens in an attack" is an attack beside the abduction)
    if any(t is not trig and t.sub_event_type == decided for t in trigs):
        return own
    return decided


def _toll_sub(label: str, text: str = "") -> str:
    """A death toll's sub-type: the decided label's when it is a violent ACLED type (a battle, an explosion,
    violence against civilians, a riot; people killed at a protest are force against protesters) other than a capture (a toll does not say who
    took ground), else ``TOLL`` (the extractor takes the kind of a violent event just reported, or drops it)."""
    acled = et.to_acled(label)
    # without a crowd word a toll is no protest's ("a strike hit a tent camp for displaced people")
    if acled is not None and acled[0] in ("Protests", "Riots") and not CROWD_WORD.search(text):
        return TOLL  # the model's protest with no crowd in the sentence: the extractor takes the kind from context
    if acled is not None and acled[0] == "Protests":
        return "Excessive force against protesters"  # people killed at a protest: force met it (ACLED)
    if label in _CAPTURES or acled is None or acled[0] not in VIOLENT_TYPES:
        return TOLL
    return acled[1]
