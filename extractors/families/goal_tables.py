"""A plan's goals and indicators given apart from its actions: a table "Mål | Indikator |
Målvärde 2026 | Ansvarig", or labelled lines "Indikator: … / Utgångsläge: 38 procent (2021) /
Mål 2030: 45 procent".

Verksamhetsplaner and strategies print their goals with the indicator that follows each one up
and the value to reach; such a table has no action column, so the plan-table reader passes it by.
Each row is a goal (level sub) and its indicator, whose target is the value column's number and
whose year is the one its header prints.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from extractors.families.common import add_goal, clean
from extractors.families.report_tables import HEADER_YEAR
from extractors.families.sections import parse_number
from extractors.normalise.indicators import parse_indicators

if TYPE_CHECKING:
    from extractors.context import ExtractionContext
    from extractors.pdf.structures import Table

_GOAL = re.compile(
    r"(?i)^(?:mål|målen|delmål|effektmål|målsättning\w*|målsetting\w*|målsetjing\w*|goals?|objectives?)$"
)
_INDICATOR = re.compile(r"(?i)^(?:indikator\w*|nyckeltal|nøkkeltall|mått|måltal|indicators?)\b")
_TARGET = re.compile(r"(?i)^(?:målvärde|målnivå|måltal|måltall|mål|target)\b")


def read_goal_tables(ctx: ExtractionContext, tables: list[Table]) -> int:
    """Goals and their indicators from every goal table; returns how many goals were added."""
    added = 0
    for table in tables:
        headers = [clean(h) for h in table.header_texts()] if table.header_rows else []
        goal_col = next((c for c, h in enumerate(headers) if _GOAL.match(h)), None)
        indicator_col = next((c for c, h in enumerate(headers) if _INDICATOR.match(h)), None)
        if goal_col is None or indicator_col is None:
            continue
        target_col = next(
            (c for c, h in enumerate(headers) if c not in (goal_col, indicator_col) and _TARGET.match(h)),
            None,
        )
        year = HEADER_YEAR.search(headers[target_col]) if target_col is not None else None
        grid = table.grid()
        for r in range(table.header_rows, table.n_rows):
            goal_cell, indicator_cell = grid[r][goal_col], grid[r][indicator_col]
            goal = clean(goal_cell.text) if goal_cell is not None else ""
            if not goal or indicator_cell is None:
                continue
            page = table.row_pages[r] if r < len(table.row_pages) else table.page_start
            goal_id = add_goal(ctx, text=goal, level="sub", page=page)
            added += 1
            metric = clean(indicator_cell.text)
            target_cell = grid[r][target_col] if target_col is not None else None
            target = clean(target_cell.text) if target_cell is not None else ""
            if _add_indicator(ctx, goal_id, metric, target, int(year.group(1)) if year else None, page):
                row = ctx.result.get("goals", goal_id)
                if row is not None:  # the row prints a number to reach for it (guidelines Q1)
                    row["goal_type"] = "quantitative"
    return added


def _add_indicator(
    ctx: ExtractionContext, goal_id: str, metric: str, target: str, year: int | None, page: int
) -> bool:
    """The indicator with the target its row prints ("minst 250", "högst 6", "80 %"); whether it has one."""
    if not metric:
        return False
    specs = (
        parse_indicators(f"{metric}: {target}", ctx.language if ctx.language != "und" else "sv")
        if target
        else []
    )
    spec = next((s for s in specs if s.target_value is not None), None)
    bare = parse_number(target) if spec is None and re.fullmatch(r"[\d\s.,]+", target) else None
    ctx.result.add(
        "indicators",
        goal_id=goal_id,
        text=f"{metric}: {target}" if target else metric,
        outcome_kind="indicator",
        metric=metric,
        unit=spec.unit if spec else ("other" if bare is not None else None),
        comparator=spec.comparator
        if spec and spec.comparator
        else ("ge" if spec or bare is not None else None),
        target_value=spec.target_value if spec else bare,
        target_year=year if year is not None else (spec.target_year if spec else None),
        page=page,
    )
    return spec is not None or bare is not None


_LINE_INDICATOR = re.compile(r"(?i)^(?:indikator|indicator|nyckeltal|nøkkeltall)\s*:\s*(?P<metric>.+)$")
_LINE_BASELINE = re.compile(
    r"(?i)^(?:utgångsläge|utgångsvärde|nuläge|utgangspunkt|utgangsnivå|baseline)\s*:\s*(?P<value>[^(]+?)\s*"
    r"(?:\((?P<year>(?:19|20)\d\d)\))?\s*\.?$"
)
_LINE_TARGET = re.compile(
    r"(?i)^(?:mål|målvärde|målnivå|target)(?:\s+(?P<year>(?:19|20)\d\d))?\s*:\s*(?P<value>.+?)\s*\.?$"
)


def read_indicator_lines(ctx: ExtractionContext) -> int:
    """Indicators given as labelled lines, each with the baseline and target lines under it."""
    blocks = [b for b in ctx.layout.blocks() if b.text.strip()]
    added = 0
    for i, block in enumerate(blocks):
        head = _LINE_INDICATOR.match(clean(block.text))
        if head is None:
            continue
        baseline = target = None
        for follower in blocks[i + 1 : i + 3]:
            text = clean(follower.text)
            baseline = baseline or _LINE_BASELINE.match(text)
            target = target or _LINE_TARGET.match(text)
        if target is None:
            continue
        goal = parse_number(target.group("value"))
        start = parse_number(baseline.group("value")) if baseline else None
        if goal is None:
            continue
        ctx.result.add(
            "indicators",
            text=f"{clean(block.text)} {target.group(0)}",
            outcome_kind="indicator",
            metric=clean(head.group("metric")),
            unit="percent" if re.search(r"(?i)procent|prosent|%", target.group("value")) else "count",
            comparator="ge" if start is None or goal >= start else "le",
            target_value=goal,
            target_year=int(target.group("year")) if target.group("year") else None,
            baseline_value=start,
            baseline_year=int(baseline.group("year")) if baseline and baseline.group("year") else None,
            page=block.page,
        )
        added += 1
    return added
