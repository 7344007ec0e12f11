"""Action plans (handlingsplaner): one table per strategic area, rows labelled Insats/Aktivitet.

The table reader does the tree; this module adds what an action plan states around its
tables: the goals in the introduction and the plan's own period when the title prints it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from extractors.families.goal_tables import read_goal_tables, read_indicator_lines
from extractors.families.goals_text import extract_text_goals
from extractors.families.plan_lists import read_plan_lists
from extractors.families.plan_table import PlanState, read_plan_tables
from extractors.families.plan_text import read_plan_text
from extractors.registry import register

if TYPE_CHECKING:
    from extractors.context import ExtractionContext

EXTRACTOR = "action_plan_table"


@register("action_plan", EXTRACTOR)
def extract(ctx: ExtractionContext) -> None:
    """Activities tree from the plan tables (or its labelled paragraphs), then the goals of the running text."""
    state = PlanState(scheme="action_plan", extractor=EXTRACTOR)
    period_from_title(ctx)
    read_goal_tables(ctx, ctx.layout.tables)  # "Mål | Indikator | Målvärde" tables of their own
    read_indicator_lines(ctx)  # "Indikator: … / Utgångsläge: … / Mål 2030: …"
    if read_plan_tables(ctx, state) == 0 and read_plan_text(ctx, state) == 0:
        read_plan_lists(ctx, state)  # a plan of labelled paragraphs or bullet lists instead of tables
    extract_text_goals(ctx)


def period_from_title(ctx: ExtractionContext) -> None:
    """A title that prints the plan's span ("Handlingsplan 1 juli 2019 – 31 december 2021") sets the period."""
    from extractors.normalise.dates import parse_when

    info = ctx.result.info
    if not info.title:
        return
    when = parse_when(info.title, lang=info.language if info.language != "und" else None)
    if when is None or when.start is None or when.end is None or when.end <= when.start:
        return
    if (when.end - when.start).days < 180:
        return
    if when.start.year == when.end.year and re.search(r"(?:19|20)\d\d\s*[–—-]\s*(?:19|20)\d\d", info.title):
        return  # "Strategy 2030 — action plan 2025–2027": the plan's span is the range, not the first year
    info.period_start, info.period_end = when.start, when.end
