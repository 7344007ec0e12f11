"""Theme (SCHEMA vocabulary) and goal type from a keyword lexicon of Swedish and Norwegian stems.

Plans name their themes in the area titles ("Kompetensförsörjning", "Innovasjon og
entreprenørskap"), so a node without its own strong signal inherits the theme of the
strategic area it sits under.
"""

from __future__ import annotations

import functools
import re

from extractors.nlp.gazetteer import DATA
from extractors.nlp.goal_rules import rule_goal_type
from extractors.result import Extraction, Record
from schemas.tables import THEMES

STRONG = 3  # an own score this high beats the inherited area theme


@functools.cache
def lexicon() -> tuple[tuple[str, str, bool, int], ...]:
    """(theme, stem, only at word start, weight) rows of extractors/data/themes.tsv."""
    rows: list[tuple[str, str, bool, int]] = []
    for line in (DATA / "themes.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        theme, stem, weight = (line.split("\t") + ["1"])[:3]
        if theme not in THEMES:
            continue
        rows.append((theme, stem.lstrip("^").lower(), stem.startswith("^"), int(weight or 1)))
    return tuple(rows)


def theme_scores(text: str | None) -> dict[str, int]:
    """Sum of stem weights per theme (each stem counted once)."""
    if not text:
        return {}
    return dict(_scores(text.lower().replace("\u00ad", "")))


@functools.lru_cache(maxsize=8192)
def _scores(low: str) -> tuple[tuple[str, int], ...]:
    """Area titles and parent titles are scored once per activity, so answers are kept per text.
    A stem inside a word is a substring of the text (stems are letters and hyphens, which never
    cross a word); a word-start stem is looked up among the words' prefixes."""
    words = re.findall(r"[a-zåäöøæéü0-9][a-zåäöøæéü0-9\-]*", low)
    longest = _longest_start_stem()
    parts = words + [part for w in words if "-" in w for part in w.split("-")[1:] if part]  # "toven-tunnelen"
    starts = {w[:n] for w in parts for n in range(1, min(len(w), longest) + 1)}
    scores: dict[str, int] = {}
    for theme, stem, at_start, weight in lexicon():
        if stem in starts if at_start and " " not in stem else stem in low:
            scores[theme] = scores.get(theme, 0) + weight
    return tuple(scores.items())


@functools.cache
def _longest_start_stem() -> int:
    return max((len(stem) for _t, stem, at_start, _w in lexicon() if at_start), default=0)


def best_theme(text: str | None, minimum: int = 2) -> tuple[str | None, int]:
    """The highest-scoring theme (ties broken by vocabulary order) and its score."""
    scores = theme_scores(text)
    if not scores:
        return None, 0
    theme = max(scores, key=lambda t: (scores[t], -THEMES.index(t)))
    return (theme, scores[theme]) if scores[theme] >= minimum else (None, scores[theme])


def _top_area(row: Record, by_id: dict[str, Record]) -> Record | None:
    seen: set[str] = set()
    node = row
    while node.get("parent_id") and node["parent_id"] in by_id and node["parent_id"] not in seen:
        seen.add(node["parent_id"])
        node = by_id[node["parent_id"]]
    return node if node is not row else None


def assign_activity_themes(result: Extraction) -> None:
    """Fill activities.theme (and strategic_area from the top node) where the extractor left null.

    The title is typed like an annotated activity or area title: rules and the trained model with
    its strategic area (`learned`), the rules alone where the model cannot run."""
    rows = result.table("activities")
    by_id = {r["activity_id"]: r for r in rows if r.get("activity_id")}
    area_theme: dict[str, str | None] = {}
    for row in rows:
        top = _top_area(row, by_id)
        if row.get("strategic_area") is None and top is not None and top.get("level") == "area":
            row["strategic_area"] = top.get("title")
        area = row.get("strategic_area")
        if area and area not in area_theme:
            area_theme[area] = best_theme(area, minimum=1)[0]
    unthemed = [row for row in rows if row.get("theme") is None]
    statements = [
        {
            "text": str(row.get("title") or ""),
            "area": "" if row.get("level") == "area" else str(row.get("strategic_area") or ""),
        }
        for row in unthemed
    ]
    for row, answer in zip(unthemed, learned("theme", statements), strict=True):
        if answer is not None:
            row["theme"] = answer  # rules and the trained model, as for goals (docs/nlp.md)
            continue
        own, score = best_theme(" ".join(str(row.get(f) or "") for f in ("title", "description")))
        inherited = area_theme.get(row.get("strategic_area") or "")
        if row.get("level") == "area" and own is None:
            own, score = best_theme(row.get("title"), minimum=1)
        if own is not None and (score >= STRONG or inherited is None):
            row["theme"] = own
        elif inherited is not None:
            row["theme"] = inherited
        elif own is not None:
            row["theme"] = own


def learned(target: str, rows: list[dict[str, str]]) -> list[str | None]:
    """Rules plus trained classifier (extractors.nlp.goal_model.classify_many), one model call
    per target and document; None for an empty text or where it cannot run.

    Cross-validated on the shipped statements the combination beats the rules alone for
    goal type and theme (docs/nlp.md), so it is used first and the rules stay as the fallback.
    """
    answers: list[str | None] = [None] * len(rows)
    asked = [i for i, row in enumerate(rows) if row["text"].strip()]
    if not asked:
        return answers
    try:
        from extractors.nlp.goal_model import classify_many

        for i, answer in zip(asked, classify_many(target, [rows[i] for i in asked]), strict=True):
            answers[i] = answer or None
    except Exception:
        pass
    return answers


def assign_goal_fields(result: Extraction) -> None:
    """Fill goals.goal_type and goals.theme where null; a goal without its own topic takes its activity's."""
    by_id = {r["activity_id"]: r for r in result.table("activities") if r.get("activity_id")}
    untyped = [g for g in result.table("goals") if g.get("goal_type") is None]
    texts = [str(g.get("text") or "") for g in untyped]
    for goal, text, answer in zip(
        untyped, texts, learned("goal_type", [{"text": t} for t in texts]), strict=True
    ):
        goal["goal_type"] = answer or rule_goal_type(text)
    unthemed = [g for g in result.table("goals") if g.get("theme") is None]
    activities = [by_id.get(g.get("activity_id") or "") or {} for g in unthemed]
    rows = [
        {
            "text": str(g.get("text") or ""),
            "area": str(a.get("strategic_area") or ""),
            "parent": str(a.get("title") or ""),
        }
        for g, a in zip(unthemed, activities, strict=True)
    ]
    for goal, activity, own in zip(unthemed, activities, learned("theme", rows), strict=True):
        if own in (None, "other"):
            own = best_theme(goal.get("text"))[0]
        goal["theme"] = own or activity.get("theme")
