"""A plan table whose header row is drawn as a shaded band with no rules.

Some templates print the column names on a filled band above a ruled body. The table reader
builds the body from the rules, and the names are left as a line of text just above it. Read
word by word, that line splits at the body's column edges into the header the table lacks.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from extractors.normalise.columns import roles_of
from extractors.pdf.structures import Cell, Table
from extractors.pdf.tables import column_edges

if TYPE_CHECKING:
    from extractors.pdf.model import Word
    from extractors.pdf.structures import DocumentLayout

BAND_DEPTH = 36.0  # how far above the body's top edge the names may stand (one or two lines)
MIN_NAMED = 2


def _names_line(
    words: list[Word], edges: list[float], n_cols: int, lang: str | None
) -> tuple[list[Word], list[str]] | None:
    """The line (or two) of words, nearest the body first, that splits at its column edges into
    column names: a title column and two more known ones ("Innsatsområde 1: …" between the
    names and the body is no header)."""
    lines: dict[int, list[Word]] = {}
    for word in words:
        lines.setdefault(round(word.top / 3), []).append(word)
    keys = sorted(lines, reverse=True)
    candidates = [lines[k] for k in keys] + [
        lines[a] + lines[b] for a, b in zip(keys[1:], keys, strict=False)
    ]
    for line in candidates:
        names: list[list[str]] = [[] for _ in range(n_cols)]
        for word in sorted(line, key=lambda w: (round(w.top), w.x0)):
            col = max((c for c in range(n_cols) if edges[c] <= word.x0 + 2), default=0)
            names[col].append(word.text)
        texts = [" ".join(parts) for parts in names]
        roles = roles_of(texts, lang)
        if "title" in roles and sum(r is not None for r in roles) >= MIN_NAMED + 1:
            return line, texts
    return None


def with_band_header(layout: DocumentLayout, table: Table, lang: str | None) -> Table | None:
    """The table with the line of column names standing just above it as its header row, or None."""
    if table.header_rows or table.n_cols < 3:
        return None
    page = next((p for p in layout.document.pages if p.number == table.page_start), None)
    if page is None:
        return None
    x0, top, x1, _bottom = table.bbox
    words = [
        w
        for w in page.words
        if top - BAND_DEPTH <= w.top and w.bottom <= top + 1 and w.x0 >= x0 - 2 and w.x1 <= x1 + 2
    ]
    if not words:
        return None
    edges = column_edges(table)
    found = _names_line(words, edges, table.n_cols, lang)
    if found is None:
        return None
    names_line, texts = found
    names_bottom = max(w.bottom for w in names_line)
    # a band between the names and the body ("Innsatsområde 1: Transport og energi"): a row of its own
    between = sorted((w for w in words if w.top >= names_bottom - 1), key=lambda w: (round(w.top), w.x0))
    words = names_line
    band_top = min(w.top for w in words)
    header = [
        Cell(
            row=0,
            col=c,
            text=texts[c],
            bbox=(edges[c], band_top, edges[c + 1], top),
            page=table.page_start,
            bold=True,
            paragraphs=[texts[c]] if texts[c] else [],
        )
        for c in range(table.n_cols)
        if texts[c]
    ]
    extra: list[Cell] = []
    if between:
        text = " ".join(w.text for w in between)
        extra.append(
            Cell(
                row=1,
                col=0,
                text=text,
                bbox=(x0, min(w.top for w in between), x1, top),
                page=table.page_start,
                col_span=table.n_cols,
                bold=all(w.bold for w in between),
                shaded=True,
                paragraphs=[text],
            )
        )
    shift = 1 + len(extra)
    body = [dataclasses.replace(cell, row=cell.row + shift) for cell in table.cells]
    return dataclasses.replace(
        table,
        n_rows=table.n_rows + shift,
        cells=header + extra + body,
        header_rows=1,
        bbox=(x0, band_top, x1, table.bbox[3]),
        row_pages=[table.page_start] * shift + table.row_pages if table.row_pages else [],
    )
