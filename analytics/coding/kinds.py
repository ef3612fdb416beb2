"""What an actor's CAMEO role says about it: armed, non-state, people, judicial.

The role is the last three letters of the actor's type ("USAMIL" -> "MIL").

>>> from analytics.coding.mentions import ActorRef
>>> armed(ActorRef(0, 6, "troops", "MIL", None, "MIL", "agent"))
True
"""
from __future__ import annotations

from analytics.coding.mentions import ActorRef

NON_STATE_TYPES = {"REB", "INS", "SEP", "UAF", "CRM", "OPP"}
ARMED_TYPES = {"MIL", "REB", "INS", "SEP", "UAF", "CRM", "COP", "SPY", "PKO"}
ARMED_GROUPS = {"OPP", "REB", "INS", "SEP", "UAF"}
PEOPLE_TYPES = {"CRM", "OPP", "CVL", "MED", "REF", "EDU", "LAB", "HRI"}
UNARMED = {"OPP", "CVL", "EDU", "LAB", "REF"}     # protesters, civilians, students, workers, refugees
STATE_ARMED = {"MIL", "COP", "SPY", "PKO", "GOV"}


def role(a: ActorRef) -> str:
    """The CAMEO role of an actor, the last three letters of its type ("USAMIL" -> "MIL"); "" when untyped."""
    return (a.type or "")[-3:]


def armed(a: ActorRef) -> bool:
    return role(a) in ARMED_TYPES or (a.kind == "group" and role(a) not in {"OPP", "CVL"})


def non_state(a: ActorRef) -> bool:
    return a.kind == "group" or role(a) in NON_STATE_TYPES


def people(text: str, t: ActorRef) -> bool:
    """A person, or a plural noun for people ("athletes", "tourists") in `text`, not an institution."""
    if t.kind == "person" or (t.kind == "agent" and role(t) in PEOPLE_TYPES):
        return True     # "captured drug lord Joaquin Guzman", "seized three activists"
    return t.kind == "agent" and text[t.start:t.end].lower().endswith("s") and not text[
        t.start:t.end].lower().endswith(("forces", "ss"))


def judicial(a: ActorRef) -> bool:
    """A court, judge or prosecutor ("Kenyan prosecutors", "a UN tribunal")."""
    return (a.type or "").endswith("JUD") or (a.code or "").endswith("JUD") \
        or any(w in (a.name or "").lower() for w in ("court", "tribunal"))     # ("International Court of Justice")
