"""Plans written as text instead of tables: numbered area headings ("1. Etableringar"), labelled
activity headings ("Aktivitet 1.2 Ta fram en markreserv …", "Tiltak 3: …") and under each a
paragraph whose labelled fields say what a table's columns would ("Ansvarig: Näringslivskontoret.
Medverkande: Lantmäteriet. Tidplan: 2026. Resultat: …").

The field labels are the plan tables' column headers (extractors/data/column_synonyms.tsv), so a
new wording is one data row for both shapes.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING

from extractors.families.common import add_activity, clean
from extractors.families.plan_labels import LabelMatch, match_label, numbering
from extractors.families.plan_lists import only_names_the_list
from extractors.families.sections import Section, all_sections, first_sentence, parse_labels
from extractors.normalise.columns import ROLES, names_whole_period, synonyms

if TYPE_CHECKING:
    from extractors.context import ExtractionContext
    from extractors.families.plan_table import PlanState
    from extractors.pdf.structures import Block

_FIELD_ROLES = tuple(r for r in ROLES if r not in ("title", "code"))
_NAME_ROLES = ("responsible_raw", "participants_raw")
_NODE_LEVELS = ("effort", "activity", "subactivity", "measure", "strategy", "project")


@functools.cache
def field_labels() -> dict[str, str]:
    """Lower-case label text -> activities column, from the column headers of plan tables."""
    return {text: role for role, _lang, text in synonyms() if role in _FIELD_ROLES and len(text) >= 3}


def read_plan_text(ctx: ExtractionContext, state: PlanState) -> int:
    """Activity nodes from labelled headings and their fields; returns how many rows were added."""
    added = 0
    area_ids: dict[int, str] = {}  # id(section) -> activity_id of the areas opened
    for section in all_sections(ctx.sections()):
        runs = _labelled_runs(section, state.scheme)
        found = match_label(section.title, state.scheme, strict=True)
        own_id = None
        if _is_node(found):
            assert found is not None
            own_id = _add_node(
                ctx,
                state,
                found,
                section.blocks[: _first_run_at(section, runs)],
                section,
                _parent_area(ctx, state, section.ancestors(), area_ids),
            )
            added += 1
        if runs:
            parent_id = own_id or _parent_area(ctx, state, [section, *section.ancestors()], area_ids)
            for label, blocks in runs:
                _add_node(ctx, state, label, blocks, section, parent_id, opener=blocks[0])
                added += 1
    return added


def _is_node(found: LabelMatch | None) -> bool:
    return found is not None and found.has_number and found.level in _NODE_LEVELS and bool(found.rest)


def _parent_area(
    ctx: ExtractionContext, state: PlanState, sections: Iterable[Section], area_ids: dict[int, str]
) -> str | None:
    """The area node of the nearest of `sections` that names one."""
    for candidate in sections:
        parent_id = area_ids.get(id(candidate)) or _open_area(ctx, state, candidate, area_ids)
        if parent_id is not None:
            return parent_id
    return None


def _labelled_runs(section: Section, scheme: str) -> list[tuple[LabelMatch, list[Block]]]:
    """Bold paragraphs too long for a heading that open with a plan label ("Tiltak 1: Etablere eit
    regionalt program …") and the blocks after them: each is an activity as a heading would be,
    when its field lines ("Ansvarleg:", "Tid:") follow."""
    runs: list[tuple[LabelMatch, list[Block]]] = []
    for block in section.blocks:
        found = match_label(clean(block.text), scheme, strict=True) if block.bold else None
        if _is_node(found):
            assert found is not None
            runs.append((found, [block]))
        elif runs:
            runs[-1][1].append(block)
    return [(found, blocks) for found, blocks in runs if set(_block_fields(blocks[1:])[0]) - {"_labels"}]


def _first_run_at(section: Section, runs: list[tuple[LabelMatch, list[Block]]]) -> int:
    return next((i for i, b in enumerate(section.blocks) if runs and b is runs[0][1][0]), len(section.blocks))


def _add_node(
    ctx: ExtractionContext,
    state: PlanState,
    found: LabelMatch,
    blocks: list[Block],
    section: Section,
    parent_id: str | None,
    opener: Block | None = None,
) -> str:
    """An activity of the label's level, its fields read from `blocks` (the opener's own lines skipped)."""
    fields, description = _block_fields(blocks[1:] if opener is not None else blocks)
    whole_period = any(names_whole_period(label) for label in fields.pop("_labels", "").split("|") if label)
    head = opener or section.heading
    return add_activity(
        ctx,
        level=found.level,
        title=clean(found.rest),
        code=found.code,
        parent_id=parent_id,
        page_start=head.page if head is not None else section.page,
        page_end=max([b.page for b in blocks] + [head.page if head is not None else section.page]),
        bbox=list(head.bbox) if head is not None else None,
        extractor=state.extractor,
        confidence=0.8,
        description=description,
        whole_period=whole_period,
        **fields,
    )


def _open_area(
    ctx: ExtractionContext, state: PlanState, section: Section, area_ids: dict[int, str]
) -> str | None:
    """An area node for a numbered heading ("1. Etableringar och investeringar") or an area label
    ("Fokusområde 2: Kompetens") above the activities."""
    found = match_label(section.title, state.scheme, strict=True)
    number = (section.number, section.title) if section.number else numbering(section.title)
    if found is not None and found.level == "area" and found.rest:
        code, title = found.code, found.rest
    elif number is not None and number[1] and not only_names_the_list(number[1]):
        code, title = number[0].rstrip("."), number[1]  # "3.1 Förnybar energi" under "3 Åtgärder"
    else:
        return None
    area_id = add_activity(
        ctx,
        level="area",
        title=clean(title),
        code=code,
        page_start=section.page,
        bbox=list(section.heading.bbox) if section.heading is not None else None,
        extractor=state.extractor,
        strategic_area=clean(title),
        confidence=0.8,
    )
    area_ids[id(section)] = area_id
    return area_id


def _block_fields(blocks: list[Block]) -> tuple[dict[str, str], str | None]:
    """The labelled fields of the text under an activity heading, and the text before them."""
    text = clean(" ".join(b.text for b in blocks))
    labelled = parse_labels(text, field_labels())
    fields = read_fields(labelled)
    first = _first_label_at(text, labelled)
    description = text[:first].strip() or None
    return fields, description


def read_fields(labelled: list[tuple[str, str, str]]) -> dict[str, str]:
    """Column -> value of labelled fields, the first of each; "_labels" keeps the start label.

    A name field ends with its sentence: "Ansvarig: Region X. Slutkonferens i juni." names Region X.
    """
    fields: dict[str, str] = {}
    labels: list[str] = []
    for role, label, value in labelled:
        if role in _NAME_ROLES:
            value = first_sentence(value)
        value = value.strip(" .;")
        if value and role not in fields:
            fields[role] = value
            labels.append(label if role == "start_raw" else "")
    fields["_labels"] = "|".join(labels)
    return fields


def _first_label_at(text: str, labelled: list[tuple[str, str, str]]) -> int:
    if not labelled:
        return len(text)
    label = labelled[0][1]
    at = text.lower().find(label.lower() + ":")
    return at if at >= 0 else len(text)
