"""A learned chooser for the event's target (actor2), run after the rules have chosen theirs.

For each group of rows of one trigger, source and place, the candidates are: the rules' target(s), "no
target", every other actor mention of the sentence (its country found as the rules find a target's,
roles.target_country), a written agent or person without a country of its own once more with each other
country the text offers, the story's country, the source's own country (for a non-state source) and the two
last actors of earlier sentences. Each candidate is described by a few generic string features (the rules'
decision, side and token distance from the trigger, the governing preposition, a clause boundary, another
trigger or the source between, the actor's kind, same country as the source, the CAMEO root ...); a linear
model (trained by benchmarks/target_model.py on the gold development set, stored in models/target.json)
scores them. The best one replaces the rules' choice only when it scores the model's margin more; then the
group becomes one row with the chosen target (or none). Reciprocal pairs ("X and Y signed") are left to the
rules.

Inference needs no scikit-learn: a dot product of the features with the weights dict.

>>> TargetModel({"none": 1.0, "rule": 0.5}).best([["none"], ["rule"]])
0
"""
from __future__ import annotations

import json
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import repeat
from pathlib import Path

from analytics.coding.context import same_actor
from analytics.coding.grammar import COUNTRY_KINDS, OBJ_PREPS, clause_end, country_name, is_verb_form
from analytics.coding.mentions import ActorRef
from analytics.coding.roles import target_country

MODEL_PATH = Path(__file__).with_name("models") / "target.json"
ACTOR_KEYS = ("actor2", "actor2_code", "actor2_country", "actor2_type")


class TargetModel:
    """Feature weights (feature string -> weight); `best` returns the index of the top-scoring candidate."""

    def __init__(self, weights: dict[str, float], margin: float = 0.0):
        self.weights = weights
        self.margin = margin    # how much more than the rules' choice another candidate must score to replace it

    def score(self, features: list[str]) -> float:
        return sum(map(self.weights.get, features, repeat(0.0)))

    def best(self, candidates: list[list[str]]) -> int:
        scores = [self.score(f) for f in candidates]
        rule = next((k for k, f in enumerate(candidates) if "rule" in f), 0)
        top = max(range(len(scores)), key=lambda i: (scores[i], -i))   # ties: the earlier (the rules' first)
        return top if scores[top] > scores[rule] + self.margin else rule


@lru_cache(maxsize=1)
def shipped_model() -> TargetModel:
    with open(MODEL_PATH, encoding="utf-8") as fh:
        model = json.load(fh)
    return TargetModel(model["weights"], model["margin"])


def model_of(setting) -> TargetModel | None:
    """The model the settings name: "shipped" (models/target.json), None (rules only), or a model object."""
    if setting == "shipped":
        return shipped_model()
    return setting


@dataclass
class Candidate:
    actor: ActorRef | None      # None: no target
    rule: bool                  # the rules chose it
    features: list[str]


def _bucket(n: int) -> str:
    return "0" if n <= 0 else "1" if n == 1 else "2-3" if n <= 3 else "4-7" if n <= 7 else "8+"


def _row_actor(row: dict) -> ActorRef | None:
    if row["actor2"] is None:
        return None
    return ActorRef(-1, -1, row["actor2"], row["actor2_code"], row["actor2_country"], row["actor2_type"], None)


def _same(a: ActorRef, b: ActorRef) -> bool:
    return a.name == b.name or (a.country is not None and a.country == b.country and a.code == b.code)


def candidates(ctx, toks, mentions, trig, code: str, modality: str, sources, place, rows: list[dict]) -> list[Candidate]:
    """The candidates of one group of rows (one trigger, source and place), the rules' first."""
    root = code[:2]
    quad = "1" if root <= "05" else "2" if root <= "08" else "3" if root <= "13" else "4"
    src_countries = {r["actor1_country"] for r in rows if r["actor1_country"]}
    src_names = {r["actor1"] for r in rows if r["actor1"]}
    refs = [m.ref for m in mentions]
    ruled = [a for a in (_row_actor(r) for r in rows) if a is not None]
    ruled = [a for k, a in enumerate(ruled) if not any(_same(a, b) for b in ruled[:k])]
    # the sentence's other actors: not a source, not inside the trigger
    others = []
    for m in mentions:
        if any(same_actor(m.ref, s) for s in sources) or m.ref.name in src_names or trig.start <= m.t0 < trig.end:
            continue
        a = target_country(ctx, m.ref, place, sources, root, refs)
        others.append((m, a))
    after = [m for m, _ in others if m.t0 >= trig.end]
    # the sentence's other triggers, and the token where each written actor starts (to find the source's)
    where = (ctx.triggers, sources, {m.ref.start: m.t0 for m in mentions})
    common = [f"root={root}", f"quad={quad}", f"kind={trig.kind}", f"mod={modality}"]
    if trig.passive:
        common.append("passive")
    out: list[Candidate] = []
    rules_none = not ruled
    none_f = ["none", "none|rules_none" if rules_none else "none|rules_some",
              f"none|after={_bucket(len(after))}", f"none|others={_bucket(len(others))}"]
    none_f += [f"none|{c}" for c in common]
    none_f.append(f"none|lemma={trig.lemma.lower()}")
    if rules_none:
        none_f += [f"none|rules_none|{c}" for c in common]
    seen: list[ActorRef] = []
    written = []    # (mention, candidate) of the candidates the sentence writes
    for a in ruled:
        m = next((m for m, b in others if _same(a, b) or _same(a, m.ref)), None)
        out.append(Candidate(a, True, _features(toks, trig, m, a, True, src_countries, common, after, *where)))
        seen.append(a)
        if m is not None:
            written.append((m, out[-1]))
    out.append(Candidate(None, rules_none, none_f + (["rule"] if rules_none else [])))
    for m, a in others:
        if any(_same(a, b) or _same(m.ref, b) for b in seen):
            continue
        seen.append(a)
        out.append(Candidate(a, False, _features(toks, trig, m, a, False, src_countries, common, after, *where)))
        written.append((m, out[-1]))
    out += _variants(ctx, written, place, src_countries, refs, seen)
    out += _discourse(ctx, seen, sources, src_countries, common, rules_none, bool(others))
    return out


def _variants(ctx, written, place, src_countries, refs, seen) -> list[Candidate]:
    """A written agent or person without a country of its own ("the armed forces", "President Bazoum") once
    more with each other country the rules could have given it: the event's place's, the story's, the
    source's, a country named in the sentence."""
    out = []
    for m, c in written:
        if m.ref.country is not None or m.ref.kind not in ("agent", "person"):
            continue
        origins: dict[str, list[str]] = {}
        for origin, country in ([("place", place.country if place is not None else None), ("story", ctx.story)]
                                + [("source", x) for x in sorted(src_countries)]
                                + [("sentence", r.country) for r in refs if r.kind in COUNTRY_KINDS]):
            if country and country != c.actor.country:
                origins.setdefault(country, [])
                if origin not in origins[country]:
                    origins[country].append(origin)
        base = [f for f in c.features if f != "rule" and not f.startswith(("rule|", "source_country"))]
        for country, why in origins.items():
            name = m.ref.name if m.ref.kind == "person" else f"{country_name(country)} {m.ref.name}"
            a = replace(m.ref, country=country, name=name)
            if any(_same(a, b) for b in seen):
                continue
            seen.append(a)
            f = base + ["variant"] + [f"variant|from={w}" for w in why]
            f += ["variant|of_rule"] if c.rule else []
            f += ["variant|resolved"] if c.actor.country else ["variant|unresolved"]
            if country in src_countries:
                f.append("source_country")
            out.append(Candidate(a, False, f))
    return out


def _discourse(ctx, seen, sources, src_countries, common, rules_none: bool, written: bool) -> list[Candidate]:
    """Candidates the sentence does not write: the story's country, the actors of the sentences before."""
    out = []
    state = ["rules_none" if rules_none else "rules_some", "others" if written else "no_others"]
    if ctx.story and ctx.story not in src_countries and not any(b.country == ctx.story for b in seen):
        a = ActorRef(-1, -1, country_name(ctx.story), ctx.story, ctx.story, None, "country")
        out.append(Candidate(a, False, ["story"] + [f"story|{x}" for x in state + common[:2]]
                             + [f"story|{state[0]}|{common[0]}"]))
        seen.append(a)
    for home in sorted(src_countries)[:1]:
        if not any(b.country == home for b in seen) and not any(s.kind in COUNTRY_KINDS for s in sources):
            # the source's own country ("police arrested a dissident", "thousands rallied against the reforms")
            a = ActorRef(-1, -1, country_name(home), home, home, None, "country")
            out.append(Candidate(a, False, ["home"] + [f"home|{x}" for x in state + common]))
            seen.append(a)
    rank = 0
    # (r has a country here, so "_same(r, b) or r.country == b.country" is "same name or same country": two sets)
    seen_names, seen_countries = {b.name for b in seen}, {b.country for b in seen}
    for r in reversed(ctx.recent):
        if rank >= 2:
            break
        if r.country is None or r.country in src_countries or r.name in seen_names or r.country in seen_countries:
            continue
        out.append(Candidate(r, False, ["recent", f"recent|rank={rank}", f"recent|akind={r.kind}"]
                             + [f"recent|{x}" for x in state + common[:2]]))
        seen.append(r)
        seen_names.add(r.name)
        seen_countries.add(r.country)
        rank += 1
    return out


def _features(toks, trig, m, a: ActorRef, rule: bool, src_countries, common, after, triggers=(), sources=(),
              ref_tok=None) -> list[str]:
    ref_tok = ref_tok or {}
    f = ["actor", f"akind={a.kind or 'none'}", "country" if a.country else "no_country"]
    if rule:
        f += ["rule"] + [f"rule|{c}" for c in common]
    if a.country and a.country in src_countries:
        f.append("source_country")
    if m is None:
        f.append("not_written")     # the rules' target from a place, the discourse, an earlier event
        if rule:
            f += [f"not_written|{c}" for c in common[:2]]
        return f
    f.append(f"mkind={m.ref.kind}")
    if m.t0 >= trig.end:
        side, dist = "after", m.t0 - trig.end
        span = range(trig.end, m.t0)
        rank = after.index(m) if m in after else 9
        f.append(f"rank_after={min(rank, 3)}")
        f.append(f"rank_after={min(rank, 3)}|{common[1]}")
    else:
        side, dist = "before", trig.start - m.t1
        span = range(m.t1, trig.start)
    f += [f"side={side}", f"{side}|dist={_bucket(dist)}"]
    prep = m.prep if m.prep in OBJ_PREPS else "none"
    f += [f"prep={prep}", f"{side}|prep={prep}", f"prep={prep}|{common[1]}"]
    if m.object:
        f += ["object", f"{side}|object"]
    if m.possessive:
        f.append("possessive")
    if m.locative:
        f.append("locative")
    if m.own:
        f.append("own")
    if not m.ref.head:
        f.append("modifier")
    words = {toks[k].lower for k in span}
    if any(clause_end(toks, k) for k in span):
        f.append(f"{side}|clause_break")
    if "," in words:
        f.append(f"{side}|comma")
    if "and" in words or "or" in words:
        f.append(f"{side}|and")
    if any(is_verb_form(w) for w in words):
        f.append(f"{side}|verb_between")
    if any(t.start in span for t in triggers if t is not trig):
        f.append(f"{side}|trigger_between")  # another event's argument ("praised the truce and urged X")
    if any(s.start >= 0 and span.start <= ref_tok.get(s.start, -1) < span.stop for s in sources):
        f.append(f"{side}|source_between")   # the source stands between ("X told Y that Russia would invade")
    return f


def choose(ctx, toks, mentions, trig, code: str, modality: str, sources, places, rows: list[dict],
           pairs) -> list[dict]:
    """The rows with each group's target the model's choice (see the module docstring)."""
    model = model_of(ctx.settings.target_model)
    if model is None or pairs or not rows:
        return rows
    groups: dict = {}
    for r in rows:
        groups.setdefault((r["actor1"], r["location"]), []).append(r)
    out = []
    by_name = {p.name: p for p in places or []}
    for (_, location), group in groups.items():
        cands = candidates(ctx, toks, mentions, trig, code, modality, sources, by_name.get(location), group)
        k = model.best([c.features for c in cands])
        record = getattr(model, "record", None)
        if record is not None:
            record(group, cands)
        chosen = cands[k]
        if chosen.rule:
            out.extend(group)
            continue
        a = chosen.actor
        if a is None and group[0]["actor1"] is None:
            continue    # no actor on either side is no event (assemble.rows)
        out.append({**group[0], **dict(zip(ACTOR_KEYS, (a.name, a.code, a.country, a.type) if a else (None,) * 4))})
    return out
