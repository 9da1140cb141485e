"""The ACLED event taxonomy, in one place: event types, sub-event types and the map between them.

Every stage that names a sub-event type (trigger rules, the syntax extractor, incident grouping,
control, the casualty ledger) uses these names; ``SubEventType`` is the one ``Literal`` of them.
"""

from __future__ import annotations

from typing import Literal, get_args

EventType = Literal[
    "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
    "Strategic developments",
]

SubEventType = Literal[
    "Armed clash", "Government regains territory", "Non-state actor overtakes territory",
    "Air/drone strike", "Shelling/artillery/missile attack", "Suicide bomb", "Remote explosive/landmine/IED",
    "Grenade", "Chemical weapon",
    "Attack", "Abduction/forced disappearance", "Sexual violence",
    "Peaceful protest", "Protest with intervention", "Excessive force against protesters",
    "Violent demonstration", "Mob violence",
    "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use", "Headquarters or base established",
    "Looting/property destruction", "Non-violent transfer of territory", "Other",
]

EVENT_TYPES: tuple[str, ...] = get_args(EventType)
SUB_EVENT_TYPES: tuple[str, ...] = get_args(SubEventType)

SUB_TO_TYPE: dict[str, str] = {
    "Armed clash": "Battles",
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Air/drone strike": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Chemical weapon": "Explosions/Remote violence",
    "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Sexual violence": "Violence against civilians",
    "Peaceful protest": "Protests",
    "Protest with intervention": "Protests",
    "Excessive force against protesters": "Protests",
    "Violent demonstration": "Riots",
    "Mob violence": "Riots",
    "Agreement": "Strategic developments",
    "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Other": "Strategic developments",
}

#: the event types of political violence with a victim count of their own (a toll belongs to one of these)
LETHAL_TYPES: frozenset[str] = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
#: those and riots: what a violent trigger word can mean, and what a death toll can be typed as
VIOLENT_TYPES: frozenset[str] = LETHAL_TYPES | {"Riots"}

TERRITORY_SUBS: tuple[str, str] = ("Government regains territory", "Non-state actor overtakes territory")
PROTEST_SUBS: tuple[str, ...] = ("Peaceful protest", "Protest with intervention", "Excessive force against protesters")
REMOTE_SUBS: tuple[str, ...] = ("Air/drone strike", "Shelling/artillery/missile attack")


def event_type_of(sub_event_type: str) -> str:
    """The ACLED event type of a sub-event type (unknown names are strategic developments)."""
    return SUB_TO_TYPE.get(sub_event_type, "Strategic developments")


assert set(SUB_TO_TYPE) == set(SUB_EVENT_TYPES), "taxonomy map and Literal out of step"
