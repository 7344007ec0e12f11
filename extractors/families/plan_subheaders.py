"""Header rows inside a plan table.

Follow-up exports of a verksamhetsplan print, under each goal row, a row "Indikator | Utfall 2025 |
Målvärde 2026" over the goal's indicators and a row "Aktivitet | Ansvarig | Tidplan" over its
actions, the table's own header naming both ("Mål och aktiviteter | Ansvarig / utfall | …"). Such a
row changes what the columns under it hold until the next one or the next goal row.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from extractors.families.common import clean
from extractors.families.report_tables import (
    ACTUAL_COLUMN,
    BASELINE_COLUMN,
    HEADER_YEAR,
    INDICATOR_HEADER,
    TARGET_COLUMN,
    add_target_indicator,
)
from extractors.families.sections import parse_number
from extractors.normalise.columns import roles_of

if TYPE_CHECKING:
    from extractors.context import ExtractionContext
    from extractors.families.plan_table import Columns, PlanState
    from extractors.pdf.structures import Table


@dataclasses.dataclass(frozen=True, slots=True)
class IndicatorColumns:
    metric: int
    target: int
    target_year: int | None
    baseline: int | None
    baseline_year: int | None


def _texts(table: Table, row: int) -> dict[int, str] | None:
    """The row's filled cells by column; None for a row with a cell spanning columns (a heading)."""
    cells = table.row_cells(row)
    if any(c.col_span > 1 for c in cells):
        return None
    texts = {c.col: clean(c.text) for c in cells if clean(c.text)}
    return texts if len(texts) >= 2 else None


def _year(text: str) -> int | None:
    found = HEADER_YEAR.search(text)
    return int(found.group(1)) if found else None


def indicator_header(table: Table, row: int) -> IndicatorColumns | None:
    """An "Indikator | Utfall 2025 | Målvärde 2026" row: where each indicator's values stand."""
    texts = _texts(table, row)
    if texts is None:
        return None
    metric = min(texts)
    if not INDICATOR_HEADER.match(texts[metric]) or len(texts[metric].split()) > 2:
        return None
    target = next((c for c, t in texts.items() if c != metric and TARGET_COLUMN.search(t)), None)
    if target is None:
        return None
    target_year = _year(texts[target])
    baseline = next(
        (c for c, t in texts.items() if c not in (metric, target) and BASELINE_COLUMN.search(t)), None
    )
    if baseline is None:  # "Utfall 2025" beside "Målvärde 2026": the value reached before the target year
        baseline = next(
            (
                c
                for c, t in texts.items()
                if c not in (metric, target)
                and (ACTUAL_COLUMN.search(t) or t.lower().startswith("nivå"))
                and (year := _year(t)) is not None
                and target_year is not None
                and year < target_year
            ),
            None,
        )
    return IndicatorColumns(
        metric, target, target_year, baseline, _year(texts[baseline]) if baseline is not None else None
    )


def action_header(table: Table, row: int, cols: Columns, lang: str | None) -> Columns | None:
    """An "Aktivitet | Ansvarig | Tidplan" row in the title column: the columns of the actions under it."""
    texts = _texts(table, row)
    if texts is None or min(texts) != cols.title_col:
        return None
    roles = roles_of([texts.get(c, "") for c in range(table.n_cols)], lang)
    named = {c: r for c, r in enumerate(roles) if r is not None}
    if named.get(cols.title_col) != "title" or len(named) < 2 or len(named) < len(texts) - 1:
        return None  # every header cell but one (a status column) names a column
    return dataclasses.replace(cols, roles=named, paired={}, label_col=None)


def add_indicator_row(
    ctx: ExtractionContext, table: Table, row: int, where: IndicatorColumns, state: PlanState, page: int
) -> None:
    """One indicator of the open goal: its metric, target and baseline with their years."""
    texts = {c.col: clean(c.text) for c in table.row_cells(row)}
    metric = texts.get(where.metric, "")
    target_text = texts.get(where.target, "")
    target = parse_number(target_text)
    if not metric or target is None:
        return
    baseline = parse_number(texts.get(where.baseline, "")) if where.baseline is not None else None
    goal_node = state.current("goal")
    goal_id = None
    if goal_node is not None:
        goal_id = next(
            (
                g["goal_id"]
                for g in ctx.result.table("goals")
                if g.get("activity_id") == goal_node.activity_id
            ),
            None,
        )
    add_target_indicator(
        ctx,
        metric,
        target_text,
        target,
        where.target_year,
        baseline,
        where.baseline_year,
        page,
        activity_id=goal_node.activity_id if goal_node is not None else None,
        goal_id=goal_id,
    )
