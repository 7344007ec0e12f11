"""Plans written as text instead of tables: numbered area headings ("1. Etableringar"), labelled
activity headings ("Aktivitet 1.2 Ta fram en markreserv …", "Tiltak 3: …") and under each a
paragraph whose labelled fields say what a table's columns would ("Ansvarig: Näringslivskontoret.
Medverkande: Lantmäteriet. Tidplan: 2026. Resultat: …").

The field labels are the plan tables' column headers (extractors/data/column_synonyms.tsv), so a
new wording is one data row for both shapes.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from extractors.families.common import add_activity, clean
from extractors.families.plan_labels import match_label, numbering
from extractors.families.plan_lists import only_names_the_list
from extractors.families.sections import Section, all_sections, first_sentence, parse_labels
from extractors.normalise.columns import ROLES, names_whole_period, synonyms

if TYPE_CHECKING:
    from extractors.context import ExtractionContext
    from extractors.families.plan_table import PlanState

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
        found = match_label(section.title, state.scheme, strict=True)
        if found is None or not found.has_number or found.level not in _NODE_LEVELS or not found.rest:
            continue
        parent_id = None
        for ancestor in section.ancestors():
            parent_id = area_ids.get(id(ancestor)) or _open_area(ctx, state, ancestor, area_ids)
            if parent_id is not None:
                break
        fields, description = _fields(section)
        whole_period = any(
            names_whole_period(label) for label in fields.pop("_labels", "").split("|") if label
        )
        add_activity(
            ctx,
            level=found.level,
            title=clean(found.rest),
            code=found.code,
            parent_id=parent_id,
            page_start=section.page,
            page_end=max([b.page for b in section.blocks] + [section.page]),
            bbox=list(section.heading.bbox) if section.heading is not None else None,
            extractor=state.extractor,
            confidence=0.8,
            description=description,
            whole_period=whole_period,
            **fields,
        )
        added += 1
    return added


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


def _fields(section: Section) -> tuple[dict[str, str], str | None]:
    """The labelled fields of the text under an activity heading, and the text before them."""
    text = clean(" ".join(b.text for b in section.blocks))
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
