"""Plans written as bullet lists under their area headings instead of tables:

    2.1 Næringsutvikling og innovasjon
      • Delmål 1: Flere nye arbeidsplasser i privat sektor
          – Etablere et felles førstelinjetilbud for gründere
          – Markedsføre ledige næringsarealer langs E16

The heading is the area; an item's indent (or, where the lines start at one x, its bullet glyph)
gives its depth; a labelled item takes its label's level ("Delmål" a goal, "Tiltak" a measure); an
unlabelled item with items under it groups them, a leaf is the plan's action. A list counts as the
plan's only where it sits under a heading that names actions or areas, or its items carry plan
labels, so a list of facts in an introduction stays text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from extractors.families.common import add_activity, clean
from extractors.families.goals_text import GOAL_LIST_HEADINGS
from extractors.families.plan_labels import match_label, numbering
from extractors.families.sections import Section, all_sections

if TYPE_CHECKING:
    from extractors.context import ExtractionContext
    from extractors.families.plan_table import PlanState
    from extractors.pdf.structures import Block

_BULLET = re.compile(r"^\s*([-–—•▪●◦○■□➢➤►*])\s*")
# Headings above a plan's lists: its actions, or its areas with their goals and actions.
PLAN_LIST_HEADING = re.compile(
    r"(?i)\b(?:tiltak|aktiviteter|aktivitetar|åtgärder|insatser|innsatser|indsatser|handlinger|"
    r"innsatsområde\w*|insatsområde\w*|satsingsområde\w*|satsningsområde\w*|fokusområde\w*|"
    r"målområde\w*|indsatsområde\w*|delmål|actions|measures)\b"
)
_INDENT_STEP = 4.0  # points between two list depths
_JOINERS = frozenset({"och", "og", "and", "samt", "&", "–", "-"})
# Lead-in lines of a strategy's lists: its actions ("Vi ska:") and its priorities ("Prioriteringar:").
ACTION_LEAD = re.compile(
    r"(?i)^(?:vi\s+ska(?:ll)?|vi\s+skal|vi\s+vil|me\s+skal|me\s+vil|vi\s+kommer\s+att|åtgärder|aktiviteter|"
    r"aktivitetar|insatser|tiltak|handlinger|indsatser|we\s+will|actions)\s*:?$"
    # "Dette betyr at kommunen skal:", "Det innebär att regionen ska:": the plan's subject and its will
    r"|^(?:(?:dette|det)\s+(?:betyr|tyder|inneber|innebär|indebærer|innebærer)\s+(?:at|att)\s+)?"
    r"(?:vi|me|kommunen|fylkeskommunen|regionen|[\wåäöæø-]+\s+(?:kommune|kommun|fylkeskommune|region))"
    r"\s+(?:skal|vil|ska|skall|kommer\s+att)\s*:$"
)
PRIORITY_LEAD = re.compile(r"(?i)^(?:prioriteringar|prioriteringer|prioriteter|prioritet|priorities)\s*:?$")


@dataclass
class _Item:
    text: str
    depth: int
    block: Block
    lead: str | None = (
        None  # "action" after "Vi ska:", "priority" after "Prioriteringar:", "goal" after "Delmål:"
    )


def read_plan_lists(ctx: ExtractionContext, state: PlanState) -> int:
    """Area and action nodes from bulleted lists under plan headings; returns how many were added."""
    added = 0
    opened: dict[int, str | None] = {}  # id(section) -> activity_id of its heading node
    for section in all_sections(ctx.sections()):
        items = _items(section.blocks)
        if not items or not _is_plan_list(section, items, state.scheme):
            continue
        if len(items) < 2 and not any(item.lead == "action" for item in items):
            continue
        head_id, head_level = _open_headings(ctx, state, section, opened)
        parents: dict[int, tuple[str, str | None]] = {}  # depth -> (level, activity_id)
        deepest = max(item.depth for item in items)
        for i, item in enumerate(items):
            has_children = i + 1 < len(items) and items[i + 1].depth > item.depth
            found = match_label(item.text, state.scheme, strict=True)
            if found is not None and found.rest and found.level != "area":
                level, code, title = found.level, found.code, found.rest
            elif item.lead is not None:
                level, code, title = _lead_level(item.lead, head_level, state.scheme), None, item.text
            else:
                level, code, title = (
                    _unlabelled(state.scheme, has_children, item.depth, deepest),
                    None,
                    item.text,
                )
            parent_id = next((parents[d][1] for d in range(item.depth - 1, -1, -1) if d in parents), head_id)
            node_id = add_activity(
                ctx,
                level=level,
                title=clean(title),
                code=code,
                parent_id=parent_id,
                page_start=item.block.page,
                bbox=list(item.block.bbox),
                extractor=state.extractor,
                confidence=0.75,
            )
            parents = {d: p for d, p in parents.items() if d < item.depth}
            parents[item.depth] = (level, node_id)
            added += 1
    return added


def _lead_level(lead: str, head_level: str | None, scheme: str) -> str:
    """ "Vi ska:" items are the plan's actions (steps of an action heading); "Prioriteringar:" its strategies."""
    if lead == "priority":
        return "strategy"
    if head_level in ("activity", "measure"):
        return "subactivity"
    return "measure" if scheme == "development_plan" else "activity"


def _items(blocks: list[Block]) -> list[_Item]:
    """The section's list items with their depth (by indent, else by bullet glyph) and the kind of
    lead-in line above them."""
    raw = []
    lead: str | None = None
    for block in blocks:
        match = _BULLET.match(block.text)
        if block.kind != "list_item" or match is None:
            lead = _lead_of(block.text)
            continue
        raw.append((match.group(1), block.bbox[0], clean(block.text[match.end() :]), block, lead))
    raw = [r for r in raw if r[4] != "goal"]  # "Delmål:" lists are goals, read with the plan's goals
    if not raw:
        return []
    lefts: list[float] = []
    for _glyph, x0, *_rest in sorted(raw, key=lambda r: r[1]):
        if not lefts or x0 - lefts[-1] > _INDENT_STEP:
            lefts.append(x0)
    glyphs = list(dict.fromkeys(r[0] for r in raw))
    by_indent = len(lefts) > 1
    out = []
    for glyph, x0, text, block, item_lead in raw:
        depth = (
            max(k for k, left in enumerate(lefts) if x0 >= left - _INDENT_STEP)
            if by_indent
            else glyphs.index(glyph)
        )
        if text:
            out.append(_Item(text, depth, block, item_lead))
    return out


def _lead_of(text: str) -> str | None:
    text = clean(text)
    if ACTION_LEAD.match(text):
        return "action"
    if PRIORITY_LEAD.match(text):
        return "priority"
    if text.endswith(":") and GOAL_LIST_HEADINGS.match(text):
        return "goal"
    return None


def _is_plan_list(section: Section, items: list[_Item], scheme: str) -> bool:
    if any(item.lead == "action" for item in items):
        return True
    if any((found := match_label(i.text, scheme, strict=True)) is not None and found.rest for i in items):
        return True
    return any(PLAN_LIST_HEADING.search(s.title) for s in [section, *section.ancestors()] if s.heading)


def _unlabelled(scheme: str, has_children: bool, depth: int, deepest: int) -> str:
    if has_children or depth < deepest:
        return "goal" if scheme == "development_plan" else "effort"
    return "measure" if scheme == "development_plan" else "activity"


def _open_headings(
    ctx: ExtractionContext, state: PlanState, section: Section, opened: dict[int, str | None]
) -> tuple[str | None, str | None]:
    """(activity_id, level) of the node the section's lists hang from. The headings above it make
    the tree: where they are numbered ("1", "1.1", "1.2.1") each numbered one is a node (area,
    effort, activity down the chain); otherwise the heading over the list is the area. A heading
    that only names the list ("Tiltak", "Innsatsområder, delmål og tiltak") is no node."""
    chain = [s for s in [*reversed(list(section.ancestors())), section] if s.heading is not None]
    chain = [s for s in chain if _heading_parts(s)[1] and not only_names_the_list(_heading_parts(s)[1])]
    numbered = [s for s in chain if _heading_parts(s)[0] is not None]
    chain = numbered if numbered and section in numbered else chain[-1:]
    levels = ("area", "effort", "activity")
    node: tuple[str | None, str | None] = (None, None)
    for depth, heading in enumerate(chain):
        level = levels[min(depth, len(levels) - 1)]
        if id(heading) not in opened:
            opened[id(heading)] = _add_heading(ctx, state, heading, level, node[0])
        node = (opened[id(heading)], level) if opened[id(heading)] else node
    return node


def _heading_parts(section: Section) -> tuple[str | None, str]:
    number, title = section.number, section.title
    if number is None and (numbered := numbering(title)) is not None and numbered[1]:
        number, title = numbered
    return number, clean(title)


def only_names_the_list(title: str) -> bool:
    """ "Fokusområden och åtgärder", "Tiltak": a chapter holding the areas or actions, not an area."""
    words = [w for w in re.split(r"[\s,]+", clean(title).lower()) if w and w not in _JOINERS]
    return bool(words) and all(PLAN_LIST_HEADING.fullmatch(w) for w in words)


def _add_heading(
    ctx: ExtractionContext, state: PlanState, section: Section, level: str, parent_id: str | None
) -> str | None:
    number, title = _heading_parts(section)
    if not title or section.heading is None:
        return None
    key = title.lower()
    if level == "area" and key in state.areas:
        return state.areas[key]
    node_id = add_activity(
        ctx,
        level=level,
        title=title,
        code=number.rstrip(".") if number else None,
        parent_id=parent_id,
        page_start=section.page,
        bbox=list(section.heading.bbox),
        extractor=state.extractor,
        strategic_area=title if level == "area" else None,
        confidence=0.75,
    )
    if level == "area":
        state.areas[key] = node_id
    return node_id
