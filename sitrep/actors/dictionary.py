"""The actor dictionary: canonical actors, their aliases and descriptor rules.

Data files live in ``sitrep/actors/data``:

* ``actors.tsv``: ``actor_id, name, inter, parent, country, demonyms, aliases``
  (see the header of the file for the meaning of each column);
* ``descriptors.tsv``: lower-confidence rules that map generic descriptions
  ("US-backed Kurdish-led forces", "government forces", "Russia bombed") to an
  actor, optionally depending on the document's country.

``load_actors(extra_paths=[...])`` merges user files with the same columns as
``actors.tsv``; a user row with an existing ``actor_id`` adds aliases and
demonyms to that actor and overrides its non-empty fields; user aliases take
precedence over packaged ones.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from sitrep.actors.lexicon import AliasIndex

DATA = Path(__file__).resolve().parent / "data"
ACTORS_FILE = DATA / "actors.tsv"
DESCRIPTORS_FILE = DATA / "descriptors.tsv"
RESOURCE_VERSION = "sitrep.actors.dictionary.v15"  # v15: forces loyal to a titled Haftar; v14: "the army" in the Palestinian territories is Israel's; v13: "a military helicopter" is the state's; v12: "Russian attacks", "a Syrian army advance"; v11: Gadhafi forces (Libya 2011); v10: "an Israeli strike" (singular); v9: Maute Group, CPC, SPLM/A-IO, Mahdi Army, al-Qaeda in Iraq, ISKP as "Islamic State's Khorasan branch"; v6: gangs, cartels and insurgents of other conflicts; v7: Myanmar armed groups apart; v8: guided bombs, cruise missiles
_LEADING_BOUNDARY = re.compile(r"^(?:\(\?<!\[\\w-\]\)|\\b)")
_COLUMNS = ("actor_id", "name", "inter", "parent", "country", "demonyms", "aliases")

# Force nouns that turn a demonym into a state actor ("Russian air strikes").
_FORCE_NOUNS = (
    r"(?:(?:government|regime|military|armed|security|special|air|naval|ground|state|elite|occupation|"
    r"border|federal|guided|glide|cruise|ballistic|attack)\s+)?"
    r"(?:forces|troops|army|soldiers|military|servicemen|fighter\s+jets|jets|warplanes|planes|aircraft|"
    r"helicopters|helicopter\s+gunships|gunships|drones?|(?:air|drone|missile)\s*strikes?|airstrikes?|strikes?|"
    r"air\s+raids?|raids?|missile|rocket|"
    r"bombing|bombings|bombardment|shelling|artillery|navy|air\s+force|marines|commandos|paratroopers|"
    r"police|policemen|guards|tanks|gunboats|warships|missiles|rockets|units|regime|"
    r"offensive|operation|shells|fire|bombs?|barrel\s+bombs|aggression|occupation|"
    r"attacks?|assaults?|advances?|incursions?|counter-?attacks?|counter-?offensives?)"
)

# Generic actors whose canonical name depends on the country they act in.
_NAMED_BY_COUNTRY = {"rebel_groups": "{demonym} rebels"}


@dataclass(frozen=True)
class ActorEntry:
    actor_id: str
    name: str
    inter: int | None
    parent: str | None  # actor_id
    country: str | None
    demonyms: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Descriptor:
    triggers: tuple[tuple[str, bool], ...]  # (literal, exact case); empty = try everywhere
    pattern: re.Pattern[str]  # leading word-boundary assertion removed (checked by the caller: faster)
    actor_id: str  # or "@state"
    countries: frozenset[str] | None  # None = any hint
    default: bool
    score: float


@dataclass(frozen=True)
class ActorDictionary:
    entries: Mapping[str, ActorEntry]
    # one Aho-Corasick index for aliases ("a", actor_id), demonyms ("d", demonym) and descriptor
    # trigger literals ("t", rule number): a single pass over the text finds all three
    index: AliasIndex[tuple[str, str | int]] = field(repr=False)
    descriptors: tuple[Descriptor, ...] = field(repr=False)
    state_pattern: re.Pattern[str] | None = field(repr=False)
    demonym_to_actor: Mapping[str, str] = field(repr=False)
    state_by_country: Mapping[str, str] = field(repr=False)
    by_name: Mapping[str, str] = field(repr=False)

    def get(self, actor_id: str | None) -> ActorEntry | None:
        return self.entries.get(actor_id) if actor_id else None

    def parent_name(self, entry: ActorEntry) -> str | None:
        parent = self.entries.get(entry.parent) if entry.parent else None
        return parent.name if parent else None

    def name_for(self, entry: ActorEntry, country: str | None) -> str:
        """The canonical name, with generic rebels named by the country they fight in ("Syrian rebels", as
        the ACLED-style dev gold names them) when the country is known."""
        pattern = _NAMED_BY_COUNTRY.get(entry.actor_id)
        state = self.entries.get(self.state_by_country.get(country.upper(), "")) if pattern and country else None
        if pattern is None or state is None or not state.demonyms:
            return entry.name
        return pattern.format(demonym=state.demonyms[0])

    def name_in(self, name: str, country: str | None) -> str:
        """A generic name made specific by the country it acts in: "Government forces" -> that country's state
        forces, "Rebel groups" -> "Syrian rebels"; other names as they are."""
        if not country:
            return name
        if name == "Government forces":
            state = self.entries.get(self.state_by_country.get(country.upper(), ""))
            return state.name if state is not None else name
        entry = self.entries.get(self.by_name.get(name.lower(), ""))
        return self.name_for(entry, country) if entry is not None else name

    def inter_for(self, entry: ActorEntry, country: str | None) -> int | None:
        """ACLED inter code, with state forces coded 1 at home and 8 abroad when the country is known."""
        if country and entry.country and entry.inter in (1, 8) and entry.actor_id in self.state_by_country.values():
            return 1 if country.upper() == entry.country else 8
        return entry.inter


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


def _read_rows(path: Path) -> Iterable[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.lstrip().startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    missing = [c for c in ("actor_id", "name") if c not in (reader.fieldnames or [])]
    if missing:
        raise ValueError(f"{path}: missing column(s) {', '.join(missing)}; expected {', '.join(_COLUMNS)}")
    for row in reader:
        yield {k: (v or "").strip() for k, v in row.items() if k}


def _merge(entries: dict[str, ActorEntry], row: dict[str, str], path: Path, user: bool) -> None:
    actor_id = row.get("actor_id", "")
    if not actor_id:
        raise ValueError(f"{path}: a row has no actor_id")
    inter_text = row.get("inter", "")
    if inter_text and not (inter_text.isdigit() and 1 <= int(inter_text) <= 8):
        raise ValueError(f"{path}: actor {actor_id!r} has inter {inter_text!r}; expected 1-8")
    old = entries.get(actor_id)
    aliases = _split(row.get("aliases", ""))
    demonyms = _split(row.get("demonyms", ""))
    if old is None:
        entries[actor_id] = ActorEntry(
            actor_id, row.get("name") or actor_id, int(inter_text) if inter_text else None,
            row.get("parent") or None, (row.get("country") or "").upper() or None, demonyms, aliases)
        return
    entries[actor_id] = ActorEntry(
        actor_id, row.get("name") or old.name, int(inter_text) if inter_text else old.inter,
        row.get("parent") or old.parent, (row.get("country") or "").upper() or old.country,
        (demonyms + old.demonyms) if user else (old.demonyms + demonyms),
        (aliases + old.aliases) if user else (old.aliases + aliases))


def _read_descriptors(path: Path) -> tuple[Descriptor, ...]:
    out = []
    with open(path, encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.lstrip().startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        countries = row["countries"].strip()
        out.append(Descriptor(
            triggers=tuple((t[1:], True) if t.startswith("=") else (t.lower(), False)
                           for t in row["trigger"].strip().split("|") if t),
            pattern=re.compile(_LEADING_BOUNDARY.sub("", row["pattern"])),
            actor_id=row["actor_id"].strip(),
            countries=None if countries == "*" else frozenset(c.strip().upper() for c in countries.split(",")),
            default=row["default"].strip() == "1",
            score=float(row["score"]),
        ))
    return tuple(out)


def _state_pattern(demonyms: Sequence[str]) -> re.Pattern[str] | None:
    if not demonyms:
        return None
    alt = "|".join(re.escape(d).replace(r"\ ", r"\s+") for d in sorted(set(demonyms), key=len, reverse=True))
    dem = rf"(?:{alt})"
    return re.compile(  # no leading boundary assertion, so that re can scan for the first letters quickly
        rf"(?P<d1>{dem})(?:(?:\s*,\s*|\s+and\s+|\s+or\s+|\s*,\s*and\s+)(?:the\s+)?(?P<d2>{dem}))?"
        rf"(?:\s+and\s+(?P<d3>{dem}))?\s+(?i:{_FORCE_NOUNS})(?![\w-])"
    )


def build(entries: dict[str, ActorEntry], descriptors: tuple[Descriptor, ...],
          preferred: Sequence[str] = ()) -> ActorDictionary:
    """Index ``entries``; aliases of the ``preferred`` actors (user files) win over packaged ones."""
    for entry in entries.values():
        if entry.parent and entry.parent not in entries:
            raise ValueError(f"actor {entry.actor_id!r}: unknown parent {entry.parent!r}")
    items: list[tuple[str, tuple[str, str | int], bool]] = []
    order = [entries[a] for a in dict.fromkeys(preferred)] + [e for e in entries.values() if e.actor_id not in preferred]
    for entry in order:
        items.extend((alias, ("a", entry.actor_id), True) for alias in entry.aliases)
        items.append((entry.name, ("a", entry.actor_id), True))
    demonym_to_actor: dict[str, str] = {}
    state_by_country: dict[str, str] = {}
    for entry in entries.values():
        for d in entry.demonyms:
            demonym_to_actor.setdefault(d.lower(), entry.actor_id)
        if entry.demonyms and entry.country and entry.inter in (1, 8):
            state_by_country.setdefault(entry.country, entry.actor_id)
    by_name = {e.name.lower(): e.actor_id for e in entries.values()}
    by_name.update({e.actor_id.lower(): e.actor_id for e in entries.values()})
    all_demonyms = [d for e in entries.values() for d in e.demonyms]
    items.extend((f"={dem}", ("d", dem), True) for dem in dict.fromkeys(all_demonyms))
    items.extend(((f"={lit}" if exact else lit), ("t", i), False)
                 for i, rule in enumerate(descriptors) for lit, exact in rule.triggers)
    return ActorDictionary(MappingProxyType(dict(entries)), AliasIndex(items), descriptors,
                           _state_pattern(all_demonyms), MappingProxyType(demonym_to_actor),
                           MappingProxyType(state_by_country), MappingProxyType(by_name))


@lru_cache(maxsize=8)
def _load(extra: tuple[str, ...]) -> ActorDictionary:
    entries: dict[str, ActorEntry] = {}
    user: list[str] = []
    for row in _read_rows(ACTORS_FILE):
        _merge(entries, row, ACTORS_FILE, user=False)
    for name in extra:
        path = Path(name)
        for row in _read_rows(path):
            _merge(entries, row, path, user=True)
            user.append(row["actor_id"])
    return build(entries, _read_descriptors(DESCRIPTORS_FILE), user)


def load_actors(extra_paths: Sequence[str | Path] = ()) -> ActorDictionary:
    """The packaged actor dictionary merged with user TSV files (same columns as ``actors.tsv``); cached."""
    return _load(tuple(str(Path(p)) for p in extra_paths))
