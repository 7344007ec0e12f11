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


@dataclass
class _Item:
    text: str
    depth: int
    block: Block


def read_plan_lists(ctx: ExtractionContext, state: PlanState) -> int:
    """Area and action nodes from bulleted lists under plan headings; returns how many were added."""
    added = 0
    for section in all_sections(ctx.sections()):
        items = _items(section.blocks)
        if len(items) < 2 or not _is_plan_list(section, items, state.scheme):
            continue
        area_id = _open_area(ctx, state, section)
        parents: dict[int, tuple[str, str | None]] = {}  # depth -> (level, activity_id)
        deepest = max(item.depth for item in items)
        for i, item in enumerate(items):
            has_children = i + 1 < len(items) and items[i + 1].depth > item.depth
            found = match_label(item.text, state.scheme, strict=True)
            if found is not None and found.rest and found.level != "area":
                level, code, title = found.level, found.code, found.rest
            else:
                level, code, title = (
                    _unlabelled(state.scheme, has_children, item.depth, deepest),
                    None,
                    item.text,
                )
            parent_id = next((parents[d][1] for d in range(item.depth - 1, -1, -1) if d in parents), area_id)
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


def _items(blocks: list[Block]) -> list[_Item]:
    """The section's list items with their depth: by indent, else by bullet glyph."""
    raw = []
    for block in blocks:
        match = _BULLET.match(block.text)
        if block.kind != "list_item" or match is None:
            continue
        raw.append((match.group(1), block.bbox[0], clean(block.text[match.end() :]), block))
    if not raw:
        return []
    lefts: list[float] = []
    for _glyph, x0, _text, _block in sorted(raw, key=lambda r: r[1]):
        if not lefts or x0 - lefts[-1] > _INDENT_STEP:
            lefts.append(x0)
    glyphs = list(dict.fromkeys(r[0] for r in raw))
    by_indent = len(lefts) > 1
    out = []
    for glyph, x0, text, block in raw:
        depth = (
            max(k for k, left in enumerate(lefts) if x0 >= left - _INDENT_STEP)
            if by_indent
            else glyphs.index(glyph)
        )
        if text:
            out.append(_Item(text, depth, block))
    return out


def _is_plan_list(section: Section, items: list[_Item], scheme: str) -> bool:
    if any((found := match_label(i.text, scheme, strict=True)) is not None and found.rest for i in items):
        return True
    return any(PLAN_LIST_HEADING.search(s.title) for s in [section, *section.ancestors()] if s.heading)


def _unlabelled(scheme: str, has_children: bool, depth: int, deepest: int) -> str:
    if has_children or depth < deepest:
        return "goal" if scheme == "development_plan" else "effort"
    return "measure" if scheme == "development_plan" else "activity"


def _open_area(ctx: ExtractionContext, state: PlanState, section: Section) -> str | None:
    """The heading over the list is its area, unless it only names the list ("Tiltak")."""
    if section.heading is None:
        return None
    title = section.title
    number = section.number
    if number is None and (numbered := numbering(title)) is not None and numbered[1]:
        number, title = numbered
    title = clean(title)
    if not title or re.fullmatch(PLAN_LIST_HEADING.pattern + r"\W*", title, flags=re.IGNORECASE):
        return None
    key = title.lower()
    if key in state.areas:
        return state.areas[key]
    area_id = add_activity(
        ctx,
        level="area",
        title=title,
        code=number.rstrip(".") if number else None,
        page_start=section.page,
        bbox=list(section.heading.bbox),
        extractor=state.extractor,
        strategic_area=title,
        confidence=0.75,
    )
    state.areas[key] = area_id
    return area_id
