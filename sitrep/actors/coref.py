"""Generic mentions of a kind of actor take the specific actor of that kind the article names.

``find_actors`` works sentence by sentence, so an under-specified mention ("the coalition", "coalition
jets", "the alliance", "the militia") gets a default: the dictionary's "coalition air
strikes" is the US-led coalition, a bare "the coalition" depends on the country hint, and "the
alliance" or "the militia" is nobody. An article that has named the coalition ("the Saudi-led
coalition said. Coalition air strikes on Sanaa killed ...") has settled which one it means.

``corefer_kinds`` is an article-level pass over the mentions ``find_actors`` returned: every generic
mention of a kind takes the specific actor of that kind the article names, the nearest one before
it, else the first one named after it (a headline's "Coalition strikes" before the
body's full name); with no specific actor of the kind in the article the mention keeps its default.
Bare definite mentions that ``find_actors`` leaves out ("the alliance", "the militia") become
mentions only when the article names an actor of their kind.

An actor's kinds come from the dictionary, not from a list of conflicts: ``coalition`` and
``alliance`` when its name or an alias says so (the Saudi-led coalition is also the "Saudi-led
alliance", the SDF the "SDF alliance"); ``militia`` for ACLED's political and identity militias
(inter 3 and 4) and actors called a militia ("YPG militia"). An actor without the kind stands for
its parent when the parent has it: "Saudi jets" make the coalition the Saudi-led one, "the YPG"
makes the alliance the SDF.

"The group" is not one of the kinds: a bare "the group" after a named armed actor was made a mention
10 times on the Timeline17 Syria articles and at least 6 of them were the activists, monitors or rights
groups who count the dead ("the group said 135 people had been killed"), which the dictionary does not
type; the extractor's context rules (a pronoun-like subject, "the group said") keep handling it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from sitrep.actors.dictionary import ActorDictionary, ActorEntry, load_actors
from sitrep.records import ActorMention

STAGE_VERSION = "sitrep.actors.coref.v2"  # v2: a description ("an Iran-backed militia") is no antecedent

KINDS = ("coalition", "alliance", "militia")
_KIND = "|".join(KINDS)

_UNIDENTIFIED = "unidentified"  # unnamed armed men are no one's antecedent
_KIND_WORD = re.compile(rf"\b({_KIND})\b", re.IGNORECASE)
_ARMS = (r"(?:forces|jets|warplanes|planes|aircraft|air\s*strikes|airstrikes|air\s+raids|strikes|raids|bombing|"
         r"bombardment|drones|artillery|troops|fighters|advisers|militiamen|members|gunmen|militants)")
_DESCRIBED = re.compile(r"-(?:backed|led|allied|aligned|supported|sponsored|funded)\b", re.IGNORECASE)
# the whole surface of a generic mention: the kind word alone, or with an arm of it ("coalition jets")
_GENERIC = re.compile(rf"(?:the\s+)?(?P<kind>{_KIND})(?:\s+{_ARMS})?", re.IGNORECASE)
# a bare definite mention in running text; not "the coalition government", "the alliance of ...", "the militia's"
_BARE = re.compile(
    rf"(?<![\w-])[Tt]he\s+(?P<kind>(?i:{_KIND}))(?![\w'’-])"
    r"(?!\s+(?:(?:government|partners?|talks|agreement|deal|of|building|members?|politics|leaders?|parties|party|"
    r"cabinet)\b|[A-Z]))")


def generic_kind(surface: str) -> str | None:
    """The kind a generic mention names ("the coalition", "coalition jets" -> "coalition"), else None."""
    m = _GENERIC.fullmatch(surface.strip())
    return m.group("kind").lower() if m else None


def entry_kinds(entry: ActorEntry) -> frozenset[str]:
    """The kinds of actor a dictionary entry is (see the module docstring)."""
    if entry.actor_id == _UNIDENTIFIED:
        return frozenset()
    kinds = {w.lower() for text in (entry.name, *entry.aliases) for w in _KIND_WORD.findall(text)}
    if entry.inter in (3, 4):
        kinds.add("militia")
    return frozenset(kinds)


def _antecedent(d: ActorDictionary, m: ActorMention, kind: str, country: str | None) -> ActorMention | None:
    """What a specific mention stands for as an actor of ``kind``: itself, its parent, or nothing."""
    if generic_kind(m.surface) is not None or m.inter in (5, 6, 7):
        return None
    entry = d.get(m.actor_id)
    if entry is None:  # an unknown group by shape: its own words say what it is ("the Sultan Murad militia"),
        # unless they only describe one ("Kataib Hezbollah, an Iran-backed militia")
        known = {w.lower() for w in _KIND_WORD.findall(m.surface)}
        named = m.actor_id is None and m.inter is None and not _DESCRIBED.search(m.surface)
        return m if named and kind in known else None
    if kind in entry_kinds(entry):
        return m
    parent = d.get(entry.parent)
    if parent is not None and kind in entry_kinds(parent):
        return ActorMention(m.start, m.end, m.surface, parent.actor_id, d.name_for(parent, country),
                            d.inter_for(parent, country), d.parent_name(parent), score=m.score)
    return None


def _points_back(text: str, m: ActorMention, kind: str, mentions: Sequence[ActorMention]) -> bool:
    """False when the nearest earlier use of the kind word lies outside every actor mention: "into an alliance
    with Iran. The alliance was ..." is that alliance, not an armed alliance the article names elsewhere. (No
    earlier use: the kind is the reader's knowledge, "The YPG captured ... The alliance said".)"""
    uses = list(re.finditer(rf"\b{kind}\b", text[:m.start], re.IGNORECASE))
    if not uses:
        return True
    last = uses[-1]
    # in the mention, or an appositive right before it ("the Lebanese militant group Hezbollah")
    return any(x.start <= last.start() < x.end or 0 <= x.start - last.end() <= 2 for x in mentions)


def corefer_kinds(mentions: Sequence[ActorMention], text: str, *, country: str | None = None,
                  dictionary: ActorDictionary | None = None) -> list[ActorMention]:
    """The article's actor mentions (article offsets, ``text`` the article) with generic mentions of a kind
    resolved to the specific actor of that kind the article names; new records, sorted by position."""
    d = dictionary or load_actors()
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    taken = [(m.start, m.end) for m in ordered]
    bare: list[ActorMention] = []
    for b in _BARE.finditer(text):
        if not any(s < b.end() and b.start() < e for s, e in taken):
            bare.append(ActorMention(b.start(), b.end(), b.group(0), None, "", None, score=0.6))
    if not any(generic_kind(m.surface) for m in ordered) and not bare:
        return list(ordered)
    out: list[ActorMention] = []
    for m in sorted([*ordered, *bare], key=lambda m: (m.start, m.end)):
        kind = generic_kind(m.surface)
        if kind is None:
            out.append(m)
            continue
        found = [a for a in (_antecedent(d, x, kind, country) for x in ordered) if a is not None]
        before = [a for a in found if a.end <= m.start]
        if before and (m.name or _points_back(text, m, kind, ordered)):
            ante = before[-1]  # the nearest one named before
        elif found and m.name:  # a generic mention with a default: one named after it ("Coalition strikes ..."
            ante = found[0]  # in a headline, "the Saudi-led coalition" in the body)
        else:
            if m.name:  # no actor of its kind in the article: today's default ("coalition jets": US-led)
                out.append(m)
            continue  # a bare mention made here stays no mention
        out.append(replace(m, actor_id=ante.actor_id, name=ante.name, inter=ante.inter, parent=ante.parent,
                           score=min(m.score, 0.7)))
    return out
