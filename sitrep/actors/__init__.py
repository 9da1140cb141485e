"""Actors and sources: who did what, and according to whom.

* ``find_actors(text, *, country=None)`` -> ``ActorMention`` list (canonical name, ACLED inter code, parent);
* ``canonical_actor(name)`` -> ``ActorMention | None``;
* ``state_forces(phrase, country=...)``: a generic phrase for state forces ("the government", "troops") as the
  country's state forces; ``state_of(country, phrase)``: the country's state forces, whatever the phrase;
* ``find_sources(text)`` -> ``SourceMention`` list (attribution in a sentence, canonicalised where known);
* ``resolve_sources(texts)``: ``find_sources`` over consecutive sentences with "it said" / "the press
  release said" / "Bali said" resolved to the source named earlier;
* ``is_hedged(sentence)`` -> bool ("reportedly", "allegedly", "said to be", ...);
* ``corefer_kinds(mentions, text, country=...)``: an article's generic mentions of a kind ("the coalition",
  "coalition jets", "the militia") as the specific actor of that kind the article names;
* ``load_actors(extra_paths=...)``: the packaged dictionary merged with user TSV files.
"""

from sitrep.actors.coref import corefer_kinds
from sitrep.actors.dictionary import ActorDictionary, load_actors
from sitrep.actors.match import canonical_actor, find_actors, state_forces, state_of
from sitrep.actors.sources import find_sources, is_hedged, resolve_sources

STAGE_VERSION = "sitrep.actors.v7"  # v7: "al-Qaida-linked fighters" are not al-Qaeda; v6: forces owned by "its"; v5: corefer_kinds

__all__ = [
    "STAGE_VERSION",
    "ActorDictionary",
    "canonical_actor",
    "corefer_kinds",
    "find_actors",
    "find_sources",
    "is_hedged",
    "load_actors",
    "resolve_sources",
    "state_forces",
    "state_of",
]
