"""The page model to a document layout: tables, page furniture, blocks in reading order.

Pages are taken one at a time from the parsed document (nothing is re-read from the
PDF); tables are found first so that their words never enter the body text, then
running headers and footers are recognised across the whole document, then each page's
remaining lines become blocks, and finally tables cut by a page break are joined.
"""

from __future__ import annotations

from extractors.pdf.continuation import join_across_pages
from extractors.pdf.lines import Line, body_font_size, group_lines, split_segments
from extractors.pdf.margins import find_furniture, page_label
from extractors.pdf.model import Page, ParsedDocument, Word
from extractors.pdf.paragraphs import join_broken_paragraphs
from extractors.pdf.reading import assign_heading_levels, make_blocks
from extractors.pdf.streams import stream_tables
from extractors.pdf.structures import DocumentLayout, PageLayout, Table
from extractors.pdf.tables import ruled_tables


def _outside_tables(words: list[Word], tables: list[Table]) -> list[Word]:
    def inside(word: Word) -> bool:
        cx, cy = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
        return any(
            t.bbox[0] - 1 <= cx <= t.bbox[2] + 1 and t.bbox[1] - 1 <= cy <= t.bbox[3] + 1 for t in tables
        )

    return [w for w in words if not inside(w)]


def _upright(page: Page) -> list[Word]:
    """Rotated words (vertical labels, margin stamps) do not take part in reading order."""
    return [w for w in page.words if w.upright and w.text.strip()]


def analyse(doc: ParsedDocument, lang: str = "sv") -> DocumentLayout:
    page_tables: list[list[Table]] = []
    page_lines: list[list[Line]] = []
    for page in doc.pages:
        tables = ruled_tables(page, lang)
        words = _outside_tables(_upright(page), tables)
        found = stream_tables(page, words, lang)
        if found:
            tables = sorted(tables + found, key=lambda t: (t.bbox[1], t.bbox[0]))
            words = _outside_tables(words, found)
        page_tables.append(tables)
        page_lines.append(group_lines(words))
    body_size = body_font_size(line for lines in page_lines for line in lines)
    furniture = find_furniture([(p.height, lines) for p, lines in zip(doc.pages, page_lines)], body_size)
    layouts: list[PageLayout] = []
    for page, tables, lines, marked in zip(doc.pages, page_tables, page_lines, furniture):
        header = [ln for i, ln in enumerate(lines) if i in marked and ln.top < page.height / 2]
        footer = [ln for i, ln in enumerate(lines) if i in marked and ln.top >= page.height / 2]
        body = [ln for i, ln in enumerate(lines) if i not in marked]
        segments = [seg for line in body for seg in split_segments(line)]
        blocks = make_blocks(page.number, segments, page.boxes, page.width * page.height, body_size, lang)
        layouts.append(
            PageLayout(
                number=page.number,
                width=page.width,
                height=page.height,
                blocks=blocks,
                tables=tables,
                header=" ".join(ln.text for ln in header),
                footer=" ".join(ln.text for ln in footer),
                page_label=page_label(header + footer),
                ocr=page.ocr,
            )
        )
    assign_heading_levels([b for p in layouts for b in p.blocks])
    join_broken_paragraphs(layouts, lang)
    join_across_pages(layouts, lang)
    return DocumentLayout(document=doc, pages=layouts)
