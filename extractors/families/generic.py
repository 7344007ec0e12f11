"""The fallback for any document no family claims: plan-like tables and stated goals.

Only what is clearly a plan node is written: rows of tables whose header names plan columns
(activity, responsible, dates …) and goals under goal headings or "Mål 1:" paragraphs.
Numbered headings alone are not activities: they are as often chapters as plan items.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from extractors.families.goals_text import extract_text_goals
from extractors.families.plan_table import PlanState, read_plan_tables
from extractors.registry import register

if TYPE_CHECKING:
    from extractors.context import ExtractionContext

EXTRACTOR = "generic_plan"


@register("unknown", EXTRACTOR)
def extract(ctx: ExtractionContext) -> None:
    """Plan tables (levels from labels or numbering) and goals of the running text."""
    state = PlanState(scheme="action_plan", extractor=EXTRACTOR)
    read_plan_tables(ctx, state)
    extract_text_goals(ctx, inline=False)
