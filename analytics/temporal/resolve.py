"""Resolution: one candidate (rule + groups) -> TIMEX3 type, value and calendar interval.

`Resolver` keeps the per-document state the arithmetic needs (resolver_base.py): the publication date
(DCT), the last date mentioned (the narrative anchor) and whether the text reads as narrative history.
It has one method per rule in patterns.RULES (`r_<rule>`), grouped by job in rules_absolute.py,
rules_relative.py and rules_amounts.py; a method returns None to reject a candidate (e.g. "may" the verb).
"""

from __future__ import annotations

from .resolver_base import ResolverBase
from .rules_absolute import AbsoluteRules, easter
from .rules_amounts import AmountRules
from .rules_relative import RelativeRules
from .semantics import Sem

__all__ = ["Resolver", "Sem", "easter"]


class Resolver(AbsoluteRules, RelativeRules, AmountRules, ResolverBase):
    pass
