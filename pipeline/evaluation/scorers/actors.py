"""actors and actor_roles against the gold: actor precision/recall/F1, linking, actor_type, people.

The gold's `actors` list is not the only place it names organisations: its projects have owners
and member municipalities, its people organisations, its activities responsible and participant
cells. A third precision counts an extra actor as right when the gold records it in one of
those places (the strict figure stays the target).

An actor counts for a document when a mentions or actor_roles row of that document links
to it; it matches a gold actor when its name, an abbreviation or an alias equals the gold
name or abbreviation (case and whitespace normalised).

The strict precision counts every linked actor the gold's list leaves out as wrong. The
gold lists the organisations its annotator judged central, so a second, clearly labelled
figure also counts an extra actor as right when the document names it as an organisation
by a rule that does not look at our own output: the actor is a gazetteer organisation
(not a bare place) and its full name, or a gazetteer abbreviation of three or more
letters, occurs verbatim in the document's text (section and table-cell text).
"""

from __future__ import annotations

import re
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


_CELL_SPLIT = re.compile(r"\s*[,;/\n]\s*|\s+(?:och|samt|og)\s+")


def gold_recorded_keys(gold: dict[str, Any]) -> set[str]:
    """Every organisation the gold records anywhere, not only in its `actors` list: project owners
    and member municipalities, people's organisations, funders, and the items of the activities'
    responsible and participant cells as written ("SDF", "Trv", "SDN Västra Hisingen")."""
    keys = set().union(*(gold_keys(a) for a in gold.get("actors") or []), set())
    values: list[str] = []
    for project in gold.get("projects") or []:
        values += [str(project.get("owner") or "")]
        values += [str(m) for m in project.get("municipalities") or []]
    values += [str(p.get("organisation") or "") for p in gold.get("people") or []]
    values += [str(f) for f in (gold.get("funding") or {}).get("funders") or []]
    for activity in gold.get("activities") or []:
        for field in ("responsible_raw", "participants_raw"):
            values += _CELL_SPLIT.split(str(activity.get(field) or ""))
    return keys | {_key(v) for v in values if _key(v)}


def document_text(doc: EvalDoc) -> str:
    """The document's own text (sections and table cells), normalised for verbatim look-ups."""
    parts: list[str] = []
    for table, columns in (("sections", ("title", "text")), ("table_cells", ("text",))):
        frame = doc.tables.get(table)
        if frame is None or not len(frame):
            continue
        for column in columns:
            if column in frame:
                parts += [str(v) for v in frame[column].dropna()]
    return norm("\n".join(parts))


def named_in_text(actor: dict[str, Any], text: str) -> bool:
    """A gazetteer organisation whose name or a 3+ letter gazetteer abbreviation the text contains."""
    if actor.get("source") != "gazetteer":
        return False
    name = norm(actor.get("name"))
    if name and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE):
        return True
    return any(
        len(a) >= 3 and re.search(rf"(?<!\w){re.escape(a)}(?!\w)", text)
        for a in _listed(actor.get("abbreviations"))
    )


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def linked_right(gold: dict[str, Any], actors: list[dict[str, Any]]) -> bool:
    """One actor carries the gold organisation, under its name or abbreviation (not just an alias):
    no duplicate actor for it, and the canonical link is the gold's."""
    keys = gold_keys(gold)
    carriers = [a for a in actors if keys & surface_keys(a)]
    if len(carriers) != 1:
        return False
    actor = carriers[0]
    own = {_key(actor.get("name"))} | {_key(v) for v in _listed(actor.get("abbreviations"))}
    return bool(keys & own)


def score(docs: list[EvalDoc]) -> list[Figure]:
    gold_total = gold_hits = pred_total = pred_hits = type_hits = people_total = people_hits = 0
    named_hits = mention_total = mention_hits = link_hits = recorded_hits = 0
    per_doc: list[Figure] = []
    ids_by_gold: dict[str, list[str]] = {}  # gold name -> the actor_id it matched, per document
    for doc in docs:
        gold_actors = list(doc.gold.get("actors") or [])
        actors = linked_actors(doc)
        if gold_actors:
            matched = match(gold_actors, actors)
            gold_total += len(gold_actors)
            gold_hits += len(matched)
            all_gold = set().union(*(gold_keys(g) for g in gold_actors))
            right = [bool(surface_keys(a) & all_gold) for a in actors]
            pred_total += len(actors)
            pred_hits += sum(right)
            recorded = gold_recorded_keys(doc.gold)
            recorded_hits += sum(bool(surface_keys(a) & recorded) for a in actors)
            text = document_text(doc)
            named_hits += sum(r or named_in_text(a, text) for r, a in zip(right, actors, strict=True))
            link_hits += sum(linked_right(gold_actors[i], actors) for i in matched)
            gold_ids = {str(a["actor_id"]) for a, r in zip(actors, right, strict=True) if r}
            mentions = doc.tables.get("mentions")
            if mentions is not None and len(mentions) and "actor_id" in mentions:
                linked = mentions[(mentions["label"] == "ORG") & mentions["actor_id"].notna()]
                mention_total += len(linked)
                mention_hits += int(linked["actor_id"].astype(str).isin(gold_ids).sum())
            p, r = ratio(sum(right), len(actors)), ratio(len(matched), len(gold_actors))
            per_doc.append(Figure("actors", f"actor F1 (strict): {doc.name}", f1(p, r), len(gold_actors)))
            for i, actor in matched.items():
                want = GOLD_TYPE.get(str(gold_actors[i].get("type")), gold_actors[i].get("type"))
                type_hits += actor.get("actor_type") == want
                ids_by_gold.setdefault(_key(gold_actors[i].get("name")), []).append(str(actor["actor_id"]))
        people = [p for p in doc.gold.get("people") or [] if p.get("name")]
        if people:
            roles = doc.tables.get("actor_roles")
            names: set[str] = set()
            if roles is not None and len(roles) and "person_name" in roles:
                names = {_key(n) for n in roles["person_name"].dropna()}
            people_total += len(people)
            people_hits += sum(_key(p["name"]) in names for p in people)
    precision, recall = ratio(pred_hits, pred_total), ratio(gold_hits, gold_total)
    named_precision = ratio(named_hits, pred_total)
    recorded_precision = ratio(recorded_hits, pred_total)
    shared = [ids for ids in ids_by_gold.values() if len(ids) > 1]
    same_ids = sum(len(set(ids)) == 1 for ids in shared)
    return [
        Figure("actors", "actor recall (gold name or abbreviation linked to the doc)", recall, gold_total),
        Figure(
            "actors", "actor precision, strict (linked actors that are gold actors)", precision, pred_total
        ),
        Figure("actors", "actor F1, strict", f1(precision, recall), gold_total, target=0.90),
        Figure(
            "actors",
            "actor precision, extras the document names counted right (gazetteer name verbatim in text)",
            named_precision,
            pred_total,
        ),
        Figure(
            "actors",
            "actor F1, extras the document names counted right",
            f1(named_precision, recall),
            gold_total,
        ),
        Figure(
            "actors",
            "actor precision, extras the gold records elsewhere counted right (project owners and "
            "municipalities, people's organisations, funders, activity role cells)",
            recorded_precision,
            pred_total,
        ),
        Figure(
            "actors",
            "actor F1, extras the gold records elsewhere counted right",
            f1(recorded_precision, recall),
            gold_total,
        ),
        Figure(
            "actors",
            "actor linking accuracy (found gold actors carried by one actor under its name/abbreviation)",
            ratio(link_hits, gold_hits),
            gold_hits,
            target=0.90,
        ),
        Figure(
            "actors",
            "mention precision (linked ORG mentions whose actor is a gold actor)",
            ratio(mention_hits, mention_total),
            mention_total,
        ),
        *per_doc,
        Figure("actors", "actor_type right on matched actors", ratio(type_hits, gold_hits), gold_hits),
        Figure(
            "actors",
            "same actor_id in every document for gold actors found in several documents",
            ratio(same_ids, len(shared)),
            len(shared),
        ),
        Figure(
            "actors",
            "people recall (person_name in actor_roles)",
            ratio(people_hits, people_total),
            people_total,
        ),
    ]
