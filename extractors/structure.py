"""Every document's heading tree and table cells, whatever its family.

Families read what they understand into activities, goals and roles; this step keeps the
rest of the document's shape so nothing printed is out of reach: `sections` (headings with
their body text) and `table_cells` (every cell with its span, page and box). A document no
family claims still yields both.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from extractors.context import ExtractionContext
    from extractors.families.sections import Section


def add_structure(ctx: ExtractionContext) -> None:
    """Write `sections` and `table_cells` rows from the shared heading tree."""
    from extractors.families.sections import all_sections

    section_ids: dict[int, str | None] = {}
    for section in all_sections(ctx.sections()):
        if section.heading is None and not section.blocks:
            continue  # an empty root: the document starts with a heading
        section_ids[id(section)] = _add_section(ctx, section, section_ids)
    n_table = 0
    for section in all_sections(ctx.sections()):
        for table in section.tables:
            n_table += 1
            table_id = f"{ctx.doc_id}:T{n_table}"
            for cell in sorted(table.cells, key=lambda c: (c.row, c.col)):
                cell_id = ctx.result.add(
                    "table_cells",
                    table_id=table_id,
                    section_id=section_ids.get(id(section)),
                    method=table.method or None,
                    row=cell.row,
                    col=cell.col,
                    row_span=cell.row_span,
                    col_span=cell.col_span,
                    header=cell.row < table.header_rows,
                    text=cell.text,
                    page=cell.page,
                    bbox=[round(float(v), 2) for v in cell.bbox],
                )
                if cell_id is not None:
                    ctx.cell_ids[id(cell)] = cell_id  # mentions found in the cell point here


def _add_section(ctx: ExtractionContext, section: Section, ids: dict[int, str | None]) -> str | None:
    parent = ids.get(id(section.parent)) if section.parent is not None else None
    pages = [b.page for b in section.blocks]
    text = "\n".join(b.text for b in section.blocks if b.text.strip())
    return ctx.result.add(
        "sections",
        parent_id=parent,
        level=section.level,
        number=section.number,
        title=section.title or None,
        text=text or None,
        n_tables=len(section.tables),
        page_start=section.page,
        page_end=max([section.page, *pages]),
    )
