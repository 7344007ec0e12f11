"""activities table against the gold "activities" (plan trees, proposals) and "projects" lists.

Gold rows are matched to predicted rows by normalised title: exactly first, then (for the
separate "fuzzy" figures) by rapidfuzz ratio ≥ 90. On matched rows the scorer checks level,
parent (the predicted parent's title equals the gold path's parent title), the printed raws
where the gold has them, and the page. Scanned documents (gold "text_layer": false) are
reported on their own line. Gold rows that SCHEMA.md places in `timelines` (dated process
steps of a timeline slide) are scored against the timelines table instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from pipeline.evaluation.common import EvalDoc, Figure, norm, ratio

FIELDS = ("start_raw", "end_raw", "responsible_raw", "participants_raw", "expected_outcome_raw")
FUZZY_MIN = 90.0
# Section titles under which the gold lists dated process steps (README: SCHEMA.md wins: timelines).
TIMELINE_SECTIONS = re.compile(r"^\s*(?:fremdrift|framdrift|tidsplan|tidplan|milepæler|milstolpar)\b", re.I)


@dataclass(slots=True)
class Tally:
    gold: int = 0
    pred: int = 0
    exact: int = 0
    fuzzy: int = 0
    level: int = 0
    parent: int = 0
    parent_n: int = 0
    page: int = 0
    page_n: int = 0
    fields: dict[str, list[int]] = field(default_factory=lambda: {f: [0, 0] for f in FIELDS})
    steps: int = 0
    steps_found: int = 0

    def add(self, other: Tally) -> None:
        for name in (
            "gold",
            "pred",
            "exact",
            "fuzzy",
            "level",
            "parent",
            "parent_n",
            "page",
            "page_n",
            "steps",
            "steps_found",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for key, (hit, total) in other.fields.items():
            self.fields[key][0] += hit
            self.fields[key][1] += total


def _gold_rows(doc: EvalDoc) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(plan/project rows, timeline steps) of a gold document."""
    rows: list[dict[str, Any]] = []
    steps: list[dict[str, Any]] = []
    for row in doc.gold.get("activities") or []:
        path = row.get("path") or []
        if row.get("level") == "activity" and path and TIMELINE_SECTIONS.match(str(path[0])):
            steps.append(row)
        else:
            rows.append(row)
    for project in doc.gold.get("projects") or []:
        rows.append({**project, "level": "project", "path": [project.get("title")]})
    return rows, steps


def _gold_parent_title(
    row: dict[str, Any], by_path: dict[tuple[str, ...], dict[str, Any]]
) -> tuple[bool, str | None]:
    """(known, title): unknown when the gold path's parent is a section heading, not a gold row."""
    path = tuple(str(p) for p in row.get("path") or [])
    if len(path) <= 1:
        return True, None
    parent = by_path.get(path[:-1])
    return (True, norm(parent.get("title"))) if parent is not None else (False, None)


def score_doc(doc: EvalDoc) -> Tally:
    tally = Tally()
    gold, steps = _gold_rows(doc)
    frame = doc.tables.get("activities")
    pred: list[dict[str, Any]] = (
        [{str(k): v for k, v in r.items()} for r in frame.to_dict("records")] if frame is not None else []
    )
    tally.gold, tally.pred = len(gold), len(pred)
    by_id = {str(p["activity_id"]): p for p in pred}
    by_path = {tuple(str(x) for x in g.get("path") or []): g for g in gold}
    free = list(range(len(pred)))
    titles = [norm(p.get("title")) for p in pred]
    matches: list[tuple[dict[str, Any], dict[str, Any]]] = []
    unmatched: list[dict[str, Any]] = []
    for g in gold:
        title = norm(g.get("title"))
        hit = next((i for i in free if titles[i] == title), None)
        if hit is None:
            unmatched.append(g)
            continue
        free.remove(hit)
        tally.exact += 1
        matches.append((g, pred[hit]))
    for g in unmatched:
        title = norm(g.get("title"))
        scored = [(fuzz.ratio(title, titles[i]), i) for i in free]
        if not scored:
            break
        best, i = max(scored)
        if best >= FUZZY_MIN:
            free.remove(i)
            tally.fuzzy += 1
            matches.append((g, pred[i]))
    for g, p in matches:
        tally.level += p.get("level") == g.get("level")
        known, gold_parent = _gold_parent_title(g, by_path)
        if known:
            parent = by_id.get(str(p.get("parent_id"))) if p.get("parent_id") else None
            pred_parent = norm(parent.get("title")) if parent is not None else None
            tally.parent_n += 1
            tally.parent += (gold_parent or None) == (pred_parent or None)
        page = p.get("page_start")
        if g.get("page") is not None:  # listed-only projects have no page in the gold
            tally.page_n += 1
            tally.page += page is not None and int(page) == int(g["page"])
        for name in FIELDS:
            if g.get(name):
                tally.fields[name][1] += 1
                tally.fields[name][0] += norm(p.get(name)) == norm(g[name])
    if steps:
        timelines = doc.tables.get("timelines")
        labels = [norm(t) for t in (timelines["label"].tolist() if timelines is not None else [])]
        tally.steps = len(steps)
        for step in steps:
            title = norm(step.get("title"))
            tally.steps_found += any(
                label and (title in label or fuzz.ratio(title, label) >= FUZZY_MIN) for label in labels
            )
    return tally


def _figures(section: str, t: Tally, *, targets: bool) -> list[Figure]:
    matched = t.exact + t.fuzzy
    out = [
        Figure(section, "recall (exact title)", ratio(t.exact, t.gold), t.gold, 0.95 if targets else None),
        Figure(section, "recall (exact or fuzzy ≥ 90)", ratio(matched, t.gold), t.gold),
        Figure(section, "precision (exact or fuzzy)", ratio(matched, t.pred), t.pred),
        Figure(section, "level right on matched", ratio(t.level, matched), matched),
        Figure(section, "parent right on matched", ratio(t.parent, t.parent_n), t.parent_n),
        Figure(section, "page right on matched (gold has a page)", ratio(t.page, t.page_n), t.page_n),
    ]
    for name, (hit, total) in t.fields.items():
        if total:
            out.append(
                Figure(
                    section, f"{name} exact on matched", ratio(hit, total), total, 0.9 if targets else None
                )
            )
    if t.steps:
        out.append(
            Figure(section, "timeline steps found in timelines", ratio(t.steps_found, t.steps), t.steps)
        )
    return out


def score(docs: list[EvalDoc]) -> list[Figure]:
    figures: list[Figure] = []
    text_total, scan_total = Tally(), Tally()
    for doc in docs:
        gold, steps = _gold_rows(doc)
        if not gold and not steps:
            continue
        tally = score_doc(doc)
        figures.extend(_figures(f"activities: {doc.name}", tally, targets=False))
        (text_total if doc.gold.get("text_layer", True) else scan_total).add(tally)
    if text_total.gold:
        figures.extend(_figures("activities: all text-layer documents", text_total, targets=True))
    if scan_total.gold:
        figures.extend(_figures("activities: scanned documents", scan_total, targets=False))
    return figures
