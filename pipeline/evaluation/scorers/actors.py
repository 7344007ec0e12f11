"""actors and actor_roles against the gold: actor recall/precision, actor_type accuracy, people recall.

An actor counts for a document when a mentions or actor_roles row of that document links
to it; it matches a gold actor when its name, an abbreviation or an alias equals the gold
name or abbreviation (case and whitespace normalised).
"""

from __future__ import annotations

from typing import Any

from pipeline.evaluation.common import EvalDoc, Figure, norm, ratio

# The gold uses "region" where the schema says county_region.
GOLD_TYPE = {"region": "county_region"}


def _key(text: object) -> str:
    return norm(text).casefold()


def _listed(value: Any) -> list[str]:
    if value is None or (isinstance(value, float) and value != value):
        return []
    return [str(v) for v in list(value)]


def linked_actors(doc: EvalDoc) -> list[dict[str, Any]]:
    """actors rows linked to the document through its mentions or actor_roles."""
    ids: set[str] = set()
    for table in ("mentions", "actor_roles"):
        frame = doc.tables.get(table)
        if frame is not None and len(frame) and "actor_id" in frame:
            ids |= {str(a) for a in frame["actor_id"].dropna()}
    actors = doc.tables.get("actors")
    if actors is None or not len(actors):
        return []
    rows = actors[actors["actor_id"].isin(ids)]
    return [dict(r) for _, r in rows.iterrows()]


def surface_keys(actor: dict[str, Any]) -> set[str]:
    keys = {_key(actor.get("name"))}
    keys |= {_key(v) for v in _listed(actor.get("abbreviations"))}
    keys |= {_key(v) for v in _listed(actor.get("aliases"))}
    return {k for k in keys if k}


def gold_keys(gold_actor: dict[str, Any]) -> set[str]:
    return {k for k in (_key(gold_actor.get("name")), _key(gold_actor.get("abbreviation"))) if k}


def match(gold_actors: list[dict[str, Any]], actors: list[dict[str, Any]]) -> dict[int, dict[str, Any]]:
    """gold index -> the first linked actor sharing a surface form with it."""
    found: dict[int, dict[str, Any]] = {}
    for i, gold in enumerate(gold_actors):
        keys = gold_keys(gold)
        for actor in actors:
            if keys & surface_keys(actor):
                found[i] = actor
                break
    return found


def score(docs: list[EvalDoc]) -> list[Figure]:
    gold_total = gold_hits = pred_total = pred_hits = type_hits = people_total = people_hits = 0
    for doc in docs:
        gold_actors = list(doc.gold.get("actors") or [])
        actors = linked_actors(doc)
        if gold_actors:
            matched = match(gold_actors, actors)
            gold_total += len(gold_actors)
            gold_hits += len(matched)
            all_gold = set().union(*(gold_keys(g) for g in gold_actors))
            pred_total += len(actors)
            pred_hits += sum(bool(surface_keys(a) & all_gold) for a in actors)
            for i, actor in matched.items():
                want = GOLD_TYPE.get(str(gold_actors[i].get("type")), gold_actors[i].get("type"))
                type_hits += actor.get("actor_type") == want
        people = [p for p in doc.gold.get("people") or [] if p.get("name")]
        if people:
            roles = doc.tables.get("actor_roles")
            names: set[str] = set()
            if roles is not None and len(roles) and "person_name" in roles:
                names = {_key(n) for n in roles["person_name"].dropna()}
            people_total += len(people)
            people_hits += sum(_key(p["name"]) in names for p in people)
    return [
        Figure(
            "actors",
            "actor recall (gold name or abbreviation linked to the doc)",
            ratio(gold_hits, gold_total),
            gold_total,
        ),
        Figure(
            "actors",
            "actor precision (linked actors that are gold actors)",
            ratio(pred_hits, pred_total),
            pred_total,
        ),
        Figure("actors", "actor_type right on matched actors", ratio(type_hits, gold_hits), gold_hits),
        Figure(
            "actors",
            "people recall (person_name in actor_roles)",
            ratio(people_hits, people_total),
            people_total,
        ),
    ]
