"""Development plans and their status decks (utviklingsplan, byregionprogram, strategisk plan).

Tree: Innsatsområde/Satsingsområde (area) -> Målsetting (goal) -> Strategi -> Tiltak (measure),
from plan tables; slides that list the satsingsområder give the area rows; a "Fremdrift"
slide's dated steps are timelines rows (milestone, or decision when something is adopted);
"Overordnet mål" gives the overall goal.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from extractors.families.common import add_activity, add_timeline, clean
from extractors.families.goal_tables import read_goal_tables, read_indicator_lines
from extractors.families.goals_text import extract_text_goals
from extractors.families.plan_lists import read_plan_lists
from extractors.families.plan_table import PlanState, read_plan_tables
from extractors.families.plan_text import read_plan_text
from extractors.families.sections import all_sections
from extractors.registry import register

if TYPE_CHECKING:
    from extractors.context import ExtractionContext
    from extractors.pdf.structures import Block

EXTRACTOR = "development_plan"

# Headings of slides/sections that list the plan's areas.
AREA_LIST_HEADINGS = re.compile(
    r"^\s*(?:satsingsområder|satsningsområden|satsningsområder|innsatsområder|insatsområden|"
    r"fokusområder|fokusområden|målområder|målområden|strategiske\s+områder|strategiska\s+områden|"
    r"prioriterte\s+områder|prioriterade\s+områden|temaområder|indsatsområder)\b",
    re.I,
)
# Headings of timeline slides ("Fremdrift", "Framdrift", "Tidsplan", "Milepæler", "Veien videre").
TIMELINE_HEADINGS = re.compile(
    r"^\s*(?:fremdrift|framdrift|fremdriftsplan|tidsplan|tidplan|tidslinje|tidslinje|milepæler|milepeler|"
    r"milstolpar|milstolpe|milstolpar|prosessplan|processplan|veien\s+videre|vegen\s+vidare|vägen\s+framåt|"
    r"arbeidsprosess|prosess\s+og\s+fremdrift|tidsplan\s+og\s+prosess|nästa\s+steg|neste\s+steg|next\s+steps)\b",
    re.I,
)
DECISION_CUES = re.compile(
    r"\b(?:vedtak\w*|vedta\w*|beslut\w*|beslutning\w*|godkjen\w*|fastställ\w*|antas|antag\w*)", re.I
)
_BULLET = re.compile(r"^\s*[-–•▪●❖◦*>]+\s*")
_TRAILING_DATE = re.compile(
    r"\s+(?P<date>(?:\d{1,2}/\d{1,2}(?:\s*[-–]\s*\d{1,2}/\d{1,2})?|\?|\d{1,2}\.\s*\w+))\s*$"
)
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_MONTHS = (
    r"jan(?:uar[iy]?)?|feb(?:ruar[iy]?)?|mars?|march|apr(?:il)?|ma[ij]|may|jun[ie]?|jul[iy]?|aug(?:ust[i]?)?|"
    r"sep(?:t(?:ember)?)?|okt(?:ober)?|oct(?:ober)?|nov(?:ember)?|des(?:ember)?|dec(?:ember)?|vår|høst|höst|"
    r"sommer|sommar|vinter|våren|hösten|høsten"
)
# A leading date expression of a step without a colon: "(25-26/10 nettverkssamling …)", "Fra februar -> …".
_LEAD_DATE = re.compile(
    rf"^\(?\s*(?:fra\s+|från\s+|innen\s+|inom\s+)?(?P<date>(?:\d{{1,2}}\s*[-–]\s*)?\d{{1,2}}(?:/\d{{1,2}}|\.\s*(?:{_MONTHS})\b)"
    rf"(?:\s+\d{{4}})?|(?:{_MONTHS})\b(?:\s+\d{{4}})?)\s*(?:->|→|–|-|:)?\s*(?P<label>.+?)\)?$",
    re.I,
)
_TAIL_DATE = re.compile(rf"^(?P<label>.+?)\s+(?P<date>(?:{_MONTHS})\s+\d{{4}}|\d{{4}})\)?$", re.I)


@register("development_plan", EXTRACTOR)
def extract(ctx: ExtractionContext) -> None:
    """Area list, plan tables, timeline steps and goals."""
    state = PlanState(scheme="development_plan", extractor=EXTRACTOR)
    read_area_lists(ctx, state)
    read_goal_tables(ctx, ctx.layout.tables)  # "Mål | Indikator | Målvärde" tables of their own
    read_indicator_lines(ctx)  # "Indikator: … / Utgångsläge: … / Mål 2030: …"
    if read_plan_tables(ctx, state) == 0 and read_plan_text(ctx, state) == 0:
        read_plan_lists(ctx, state)  # a plan of labelled paragraphs or bullet lists instead of tables
    read_timeline_slides(ctx)
    link_goals_to_areas(ctx, extract_text_goals(ctx))


def link_goals_to_areas(ctx: ExtractionContext, goal_ids: list[str]) -> None:
    """A goal printed in an area's section ("Hovudmål: …", a "Delmål:" list under "1. Levande
    lokalsamfunn") belongs to that area when the area was read from the section's heading."""
    areas = {
        (row["page_start"], tuple(row["bbox"])): row["activity_id"]
        for row in ctx.result.table("activities")
        if row.get("level") == "area" and row.get("bbox")
    }
    if not areas:
        return
    area_of: dict[str, str] = {}  # clean block text -> area id of its section
    for section in all_sections(ctx.sections()):
        area_id = next(
            (
                areas[key]
                for s in [section, *section.ancestors()]
                if s.heading is not None and (key := (s.heading.page, tuple(s.heading.bbox))) in areas
            ),
            None,
        )
        if area_id is not None:
            for block in section.blocks:
                area_of.setdefault(clean(block.text), area_id)
    for goal_id in goal_ids:
        goal = ctx.result.get("goals", goal_id)
        if goal is None or goal.get("activity_id") or goal.get("level") == "vision":
            continue
        text = clean(goal["text"])
        goal["activity_id"] = next((a for block, a in area_of.items() if text and text in block), None)


def read_area_lists(ctx: ExtractionContext, state: PlanState) -> None:
    """List items under a "Satsingsområder" heading become area rows (their meeting dates timelines)."""
    blocks = list(ctx.layout.blocks())
    for i, block in enumerate(blocks):
        if block.kind != "heading" or not AREA_LIST_HEADINGS.match(clean(block.text)):
            continue
        for item in _items_after(blocks, i):
            text = clean(_BULLET.sub("", item.text))
            date_raw: str | None = None
            match = _TRAILING_DATE.search(text)
            if match is not None:
                date_raw = match.group("date")
                text = clean(text[: match.start()])
            if not text or len(text) > 120:
                continue
            key = text.lower()
            if key in state.areas:
                continue
            area_id = add_activity(
                ctx,
                level="area",
                title=text,
                page_start=item.page,
                bbox=list(item.bbox),
                extractor=EXTRACTOR,
                strategic_area=text,
                confidence=0.8,
            )
            state.areas[key] = area_id
            if date_raw and date_raw != "?":
                add_timeline(
                    ctx,
                    kind="milestone",
                    label=f"{clean(block.text)}: {text}",
                    date_raw=date_raw,
                    page=item.page,
                    activity_id=area_id,
                    default_year=_default_year(ctx, blocks, i),
                )


def _items_after(blocks: list[Block], index: int) -> list[Block]:
    heading = blocks[index]
    out: list[Block] = []
    for block in blocks[index + 1 :]:
        if block.kind == "heading" or block.page != heading.page:
            break
        if block.kind == "list_item" or _BULLET.match(block.text):
            out.append(block)
    return out


def parse_step(text: str) -> tuple[str, str] | None:
    """(date_raw, label) of a timeline step: "20. oktober: presentasjon …" and its variants."""
    body = clean(_BULLET.sub("", text))
    if ":" in body:
        head, _, tail = body.partition(":")
        head, tail = clean(head), clean(tail)
        if head and tail and (re.search(r"\d", head) or re.search(rf"\b(?:{_MONTHS})\b", head, re.I)):
            return head, tail
    match = _LEAD_DATE.match(body)
    if match is not None and clean(match.group("label")):
        return clean(match.group("date")), clean(re.sub(r"^[->→– ]+", "", match.group("label")))
    match = _TAIL_DATE.match(body)
    if match is not None:
        return clean(match.group("date")), clean(match.group("label"))
    return None


def read_timeline_slides(ctx: ExtractionContext) -> int:
    """Dated steps under a "Fremdrift" heading: timelines rows, decision when something is adopted."""
    blocks = list(ctx.layout.blocks())
    added = 0
    for i, block in enumerate(blocks):
        if block.kind != "heading" or not TIMELINE_HEADINGS.match(clean(block.text)):
            continue
        items = _items_after(blocks, i) or [
            b for b in blocks[i + 1 : i + 12] if b.page == block.page and b.kind != "heading"
        ]
        steps = [(item, parse_step(item.text)) for item in items]
        years = [_years_of(item.text) for item in items]
        for n, (item, step) in enumerate(steps):
            if step is None:
                continue
            date_raw, label = step
            kind = "decision" if DECISION_CUES.search(label) else "milestone"
            add_timeline(
                ctx,
                kind=kind,
                label=label,
                date_raw=date_raw,
                page=item.page,
                default_year=_nearest_year(ctx, years, n),
            )
            added += 1
    return added


def _year_of(text: str) -> int | None:
    found = _YEAR.findall(text)
    return int(found[-1]) if found else None


def _years_of(text: str) -> tuple[int, int] | None:
    """(first, last) year printed in a text."""
    found = [int(y) for y in _YEAR.findall(text)]
    return (found[0], found[-1]) if found else None


def _nearest_year(ctx: ExtractionContext, years: list[tuple[int, int] | None], index: int) -> int | None:
    """The last year printed at or before this step, else the next one printed, else the period's."""
    for pair in reversed(years[: index + 1]):
        if pair is not None:
            return pair[1]
    for pair in years[index + 1 :]:
        if pair is not None:
            return pair[0]
    info = ctx.result.info
    return info.period_start.year if info.period_start is not None else None


def _default_year(ctx: ExtractionContext, blocks: list[Block], index: int) -> int | None:
    info = ctx.result.info
    if info.period_start is not None:
        return info.period_start.year
    page = blocks[index].page
    nearby = [y for b in blocks if abs(b.page - page) <= 2 for y in [_year_of(b.text)] if y]
    return nearby[0] if nearby else None
