"""Goals, outcomes, budget, people and compendium projects against the gold.

Texts are compared the gold's way (common.norm, case-folded) and, where layout or spelling
may differ slightly, with rapidfuzz ratio >= 90. Gold roles outside the schema's vocabulary
are mapped onto it (process_leader -> project_leader, document_owner -> issuer).
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from rapidfuzz import fuzz

from pipeline.evaluation.common import EvalDoc, Figure, norm, ratio

SECTION = "goals_outcomes"
ROLE_MAP = {"process_leader": "project_leader", "document_owner": "issuer", "partly": "partly_achieved"}
STATUS_MAP = {"partly": "partly_achieved", "achieved": "achieved", "not_achieved": "not_achieved"}


def _key(text: object) -> str:
    return norm(text).casefold()


def _same(a: object, b: object, threshold: float = 90.0) -> bool:
    x, y = _key(a), _key(b)
    return bool(x) and bool(y) and (x == y or fuzz.ratio(x, y) >= threshold)


def _rows(doc: EvalDoc, table: str) -> pd.DataFrame:
    frame = doc.tables.get(table)
    return frame if frame is not None else pd.DataFrame()


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [] if frame.empty else [{str(k): v for k, v in row.items()} for row in frame.to_dict("records")]


def _actor_names(doc: EvalDoc) -> dict[str, str]:
    actors = _records(_rows(doc, "actors"))
    return {str(a["actor_id"]): str(a.get("name") or "") for a in actors}


def _goal_figures(docs: list[EvalDoc]) -> list[Figure]:
    total = hits = level_hits = 0
    for doc in docs:
        rows = _records(_rows(doc, "goals"))
        for gold in doc.gold.get("goals") or []:
            total += 1
            match = next((r for r in rows if _same(r.get("text"), gold["text"])), None)
            if match is not None:
                hits += 1
                level_hits += match.get("level") == gold.get("level")
    return [
        Figure(SECTION, "goals recall (text exact or fuzzy >= 90)", ratio(hits, total), total),
        Figure(SECTION, "goal level accuracy (matched goals)", ratio(level_hits, hits), hits),
    ]


def _outcome_figures(docs: list[EvalDoc]) -> list[Figure]:
    total = hits = status_hits = text_hits = 0
    for doc in docs:
        goals = {str(r["goal_id"]): r for r in _records(_rows(doc, "goals"))}
        rows = _records(_rows(doc, "outcomes"))
        for gold in doc.gold.get("outcomes") or []:
            total += 1
            match = None
            for row in rows:
                goal = goals.get(str(row.get("goal_id")))
                if goal is not None and _same(goal.get("text"), gold.get("goal_text")):
                    match = row
                    break
            if match is None:
                match = next(
                    (
                        r
                        for r in rows
                        if fuzz.partial_ratio(_key(r.get("text")), _key(gold["assessment_text"])) >= 90
                    ),
                    None,
                )
            if match is None:
                continue
            hits += 1
            status_hits += match.get("status") == STATUS_MAP.get(gold.get("status"), gold.get("status"))
            text_hits += fuzz.partial_ratio(_key(match.get("text")), _key(gold["assessment_text"])) >= 90
    return [
        Figure(SECTION, "outcomes recall (by goal or assessment text)", ratio(hits, total), total),
        Figure(SECTION, "outcome status accuracy (matched)", ratio(status_hits, hits), hits),
        Figure(SECTION, "outcome assessment text right (matched)", ratio(text_hits, hits), hits),
    ]


def _amount_tkr(row: dict[str, Any]) -> float | None:
    amount, unit = row.get("amount"), row.get("unit")
    if amount is None or amount != amount:
        return None
    factor = {"sek_thousand": 1.0, "nok_thousand": 1.0, "sek_million": 1000.0, "sek": 0.001, "nok": 0.001}
    return float(amount) * factor.get(str(unit), 1.0)


def _budget_figures(docs: list[EvalDoc]) -> list[Figure]:
    total = hits = percent_hits = 0
    for doc in docs:
        rows = _records(_rows(doc, "budget_lines"))
        for gold in doc.gold.get("budget") or []:
            total += 1
            for row in rows:
                amount = _amount_tkr(row)
                if (
                    _same(row.get("item"), gold["item"])
                    and amount is not None
                    and abs(amount - gold["cost_tkr"]) < 1e-6
                ):
                    hits += 1
                    percent = row.get("percent_used")
                    percent_hits += percent is not None and abs(float(percent) - gold["percent_used"]) < 1e-6
                    break
    return [
        Figure(SECTION, "budget rows recall (item fuzzy, amount exact)", ratio(hits, total), total),
        Figure(SECTION, "budget percent_used right (matched rows)", ratio(percent_hits, hits), hits),
    ]


def _people_figures(docs: list[EvalDoc]) -> list[Figure]:
    total = hits = role_hits = org_total = org_hits = 0
    for doc in docs:
        rows = _records(_rows(doc, "actor_roles"))
        names = _actor_names(doc)
        for gold in doc.gold.get("people") or []:
            total += 1
            found = [r for r in rows if _key(r.get("person_name")) == _key(gold["name"])]
            if not found:
                continue
            hits += 1
            role = ROLE_MAP.get(gold.get("role"), gold.get("role"))
            role_hits += any(r.get("role") == role for r in found)
            if gold.get("organisation"):
                org_total += 1
                gold_org = _key(gold["organisation"])
                org_hits += any(
                    (name := _key(names.get(str(r.get("actor_id")), "")))
                    and (name in gold_org or gold_org in name)
                    for r in found
                )
    return [
        Figure(SECTION, "people recall (name)", ratio(hits, total), total),
        Figure(SECTION, "people role accuracy (matched)", ratio(role_hits, hits), hits),
        Figure(
            SECTION,
            "people organisation right (matched, gold has one)",
            ratio(org_hits, org_total),
            org_total,
        ),
    ]


def _role_figures(docs: list[EvalDoc], gold_role: str) -> list[Figure]:
    """People of one gold role found with that role, and with their organisation where the gold has one."""
    total = hits = org_total = org_hits = 0
    role = ROLE_MAP.get(gold_role, gold_role)
    for doc in docs:
        rows = _records(_rows(doc, "actor_roles"))
        names = _actor_names(doc)
        for gold in doc.gold.get("people") or []:
            if gold.get("role") != gold_role:
                continue
            total += 1
            found = [
                r for r in rows if _key(r.get("person_name")) == _key(gold["name"]) and r.get("role") == role
            ]
            hits += bool(found)
            if gold.get("organisation"):
                org_total += 1
                gold_org = _key(gold["organisation"])
                org_hits += any(
                    (name := _key(names.get(str(r.get("actor_id")), "")))
                    and (name in gold_org or gold_org in name)
                    for r in found
                )
    if total == 0:
        return []
    out = [Figure(SECTION, f"{gold_role} people found with that role", ratio(hits, total), total)]
    if org_total:
        out.append(
            Figure(
                SECTION, f"{gold_role} people with their organisation", ratio(org_hits, org_total), org_total
            )
        )
    return out


def _project_figures(docs: list[EvalDoc]) -> list[Figure]:
    total = hits = 0
    owner_total = owner_hits = leader_total = leader_hits = muni_total = muni_hits = 0
    period_total = period_hits = theme_hits = 0
    for doc in docs:
        projects = doc.gold.get("projects") or []
        if not projects:
            continue
        acts = [r for r in _records(_rows(doc, "activities")) if r.get("level") == "project"]
        roles = _records(_rows(doc, "actor_roles"))
        names = _actor_names(doc)
        for gold in projects:
            total += 1
            match = next((a for a in acts if _same(a.get("title"), gold["title"])), None)
            if match is None:
                continue
            hits += 1
            theme_hits += _same(match.get("strategic_area"), gold.get("theme"))
            mine = [r for r in roles if r.get("activity_id") == match["activity_id"]]
            if gold.get("owner"):
                owner_total += 1
                owner_hits += any(
                    r.get("role") == "owner" and _same(names.get(str(r.get("actor_id")), ""), gold["owner"])
                    for r in mine
                )
            if gold.get("leader"):
                leader_total += 1
                leader_hits += any(
                    r.get("role") == "project_leader" and _key(r.get("person_name")) == _key(gold["leader"])
                    for r in mine
                )
            members = [
                _key(names.get(str(r.get("actor_id")), ""))
                for r in mine
                if r.get("role") == "member_municipality"
            ]
            for municipality in gold.get("municipalities") or []:
                muni_total += 1
                muni_hits += any(m.startswith(_key(municipality)) for m in members)
            if gold.get("period_raw"):
                period_total += 1
                printed = _key(
                    " – ".join(str(x) for x in (match.get("start_raw"), match.get("end_raw")) if x)
                )
                period_hits += printed == _key(gold["period_raw"])
    if total == 0:
        return []
    return [
        Figure(SECTION, "compendium projects recall (title)", ratio(hits, total), total),
        Figure(SECTION, "compendium theme right (strategic_area)", ratio(theme_hits, hits), hits),
        Figure(SECTION, "compendium owner right", ratio(owner_hits, owner_total), owner_total),
        Figure(SECTION, "compendium leader right", ratio(leader_hits, leader_total), leader_total),
        Figure(SECTION, "compendium member municipalities recall", ratio(muni_hits, muni_total), muni_total),
        Figure(SECTION, "compendium period raw right", ratio(period_hits, period_total), period_total),
    ]


def score(docs: list[EvalDoc]) -> list[Figure]:
    """Goals, outcomes, budget, people and projects, over every gold document that has them."""
    return [
        *_goal_figures(docs),
        *_outcome_figures(docs),
        *_budget_figures(docs),
        *_people_figures(docs),
        *(f for role in ("contact", "steering_group", "process_leader") for f in _role_figures(docs, role)),
        *_project_figures(docs),
    ]
