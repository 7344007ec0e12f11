"""The fallback for any document no family claims: plan-like tables and stated goals.

Only what is clearly a plan node is written: rows of tables whose header names plan columns
(activity, responsible, dates …) and goals under goal headings or "Mål 1:" paragraphs.
Numbered headings alone are not activities: they are as often chapters as plan items.
A report's tables (goals with verdicts, indicators with targets, activities with their status,
a budget followed up against its cost) and the verdict printed after a stated goal
("Måluppfyllelse: Delvis uppnått.") are read in any document, so an annual or interim report
of a kind no family knows keeps them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from extractors.families.common import add_goal, clean
from extractors.families.goals_text import extract_text_goals
from extractors.families.plan_table import PlanState, read_plan_tables
from extractors.families.report_goals import VERDICT_LABEL, collect_goal_groups, match_assessments
from extractors.families.report_tables import add_report_table
from extractors.families.sections import all_sections
from extractors.registry import register

if TYPE_CHECKING:
    from extractors.context import ExtractionContext
    from extractors.pdf.structures import Table

EXTRACTOR = "generic_plan"


@register("unknown", EXTRACTOR)
def extract(ctx: ExtractionContext) -> None:
    """Report tables, plan tables (levels from labels or numbering), goals of the running text and
    the verdicts printed after them."""
    sections = all_sections(ctx.sections())
    report_tables: set[int] = set()
    for section in sections:
        for table in section.tables:
            if add_report_table(ctx, table, section, None, EXTRACTOR):
                report_tables.add(id(table))
    state = PlanState(scheme="action_plan", extractor=EXTRACTOR)
    rest: list[Table] = [t for t in ctx.layout.tables if id(t) not in report_tables]
    read_plan_tables(ctx, state, rest)
    extract_text_goals(ctx, inline=False)
    add_goal_verdicts(ctx)


def _key(text: str) -> str:
    return re.sub(r"[^\wåäöæø]+", " ", clean(text).lower()).strip()


def add_goal_verdicts(ctx: ExtractionContext) -> int:
    """An outcome for each goal that a labelled verdict line follows ("Mål 2: …" then "Måluppfyllelse:
    Ej uppnått."), the goal written first if the running-text reader left it; returns the number added."""
    lang = ctx.language if ctx.language != "und" else None
    goals = [(str(row["goal_id"]), _key(str(row.get("text") or ""))) for row in ctx.result.table("goals")]
    added = 0
    for group in collect_goal_groups(all_sections(ctx.sections()), lang):
        if not any(VERDICT_LABEL.match(sentence) for sentence, _ in group.after):
            continue
        for goal, assessment in zip(group.goals, match_assessments(group), strict=False):
            if assessment is None or not VERDICT_LABEL.match(assessment.text):
                continue
            key = _key(goal.text)
            goal_id = next(
                (gid for gid, text in goals if key and (key in text or (len(text) >= 15 and text in key))),
                None,
            )
            if goal_id is None:  # a goal the running-text reader left: its verdict line shows it is one
                goal_id = add_goal(ctx, text=goal.text, level=goal.level, page=goal.page)
                goals.append((goal_id, key))
            ctx.result.add(
                "outcomes",
                goal_id=goal_id,
                activity_id=None,
                text=assessment.text,
                status=assessment.status,
                assessor=assessment.assessor,
                page=assessment.page,
            )
            added += 1
    return added
