"""A plan's goals in a table of their own: "Mål | Indikator | Målvärde 2026 | Ansvarig".

Verksamhetsplaner and strategies print their goals with the indicator that follows each one up
and the value to reach; such a table has no action column, so the plan-table reader passes it by.
Each row is a goal (level sub) and its indicator, whose target is the value column's number and
whose year is the one its header prints.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from extractors.families.common import add_goal, clean
from extractors.normalise.indicators import parse_indicators, parse_number

if TYPE_CHECKING:
    from extractors.context import ExtractionContext
    from extractors.pdf.structures import Table

_GOAL = re.compile(
    r"(?i)^(?:mål|målen|delmål|effektmål|målsättning\w*|målsetting\w*|målsetjing\w*|goals?|objectives?)$"
)
_INDICATOR = re.compile(r"(?i)^(?:indikator\w*|nyckeltal|nøkkeltall|mått|måltal|indicators?)\b")
_TARGET = re.compile(r"(?i)^(?:målvärde|målnivå|måltal|måltall|mål|target)\b")
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")


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
        year = _YEAR.search(headers[target_col]) if target_col is not None else None
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
