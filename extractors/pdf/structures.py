"""What layout analysis makes of the page model: blocks in reading order and tables.

`extractors.pdf.layout.analyse(ParsedDocument) -> DocumentLayout` builds these once per
document; classification and every family extractor read them. Each item keeps its page
and bbox so that every extracted value can be traced back to the page.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from extractors.pdf.model import BBox, ParsedDocument


@dataclass(slots=True)
class Block:
    """A paragraph-like run of lines in reading order.

    kind: "text", "heading", "list_item", "fact_box", "caption".
    """

    page: int
    text: str  # lines joined with spaces, line-break hyphenation undone
    bbox: BBox
    kind: str = "text"
    level: int | None = None  # heading level, 1 = top
    size: float = 0.0  # dominant font size
    bold: bool = False
    italic: bool = False
    shaded: bool = False  # sits on a filled box (fact boxes, call-outs)
    column: int = 0
    lines: list[str] = field(default_factory=list)  # the printed lines, as printed
    ocr: bool = False
    # a paragraph continued on the next page: (offset in text, page) where each later page's part begins
    continued: list[tuple[int, int]] = field(default_factory=list)

    def page_at(self, offset: int) -> int:
        """The page the character at ``offset`` of the text is printed on."""
        page = self.page
        for start, later in self.continued:
            if offset >= start:
                page = later
        return page


@dataclass(slots=True)
class Cell:
    """One table cell. A merged cell appears once, with its spans."""

    row: int
    col: int
    text: str  # paragraphs joined with a space, line-break hyphenation undone
    bbox: BBox
    page: int
    row_span: int = 1
    col_span: int = 1
    bold: bool = False  # most of the text is bold
    italic: bool = False  # most of the text is italic
    shaded: bool = False
    paragraphs: list[str] = field(default_factory=list)  # separate paragraphs inside the cell
    indent: float = 0.0  # x offset of the text from the cell's left edge


@dataclass(slots=True)
class Table:
    """A table, joined across pages when it continues."""

    page_start: int
    page_end: int
    bbox: BBox  # on page_start
    n_rows: int
    n_cols: int
    cells: list[Cell]
    header_rows: int = 0  # leading rows that are column headers (repeats on later pages removed)
    method: str = ""  # "ruled", "stream", "camelot-lattice", ...
    row_pages: list[int] = field(default_factory=list)  # page on which each row starts

    def grid(self) -> list[list[Cell | None]]:
        """Rows x columns; a merged cell sits at its top-left slot, None under its span."""
        rows: list[list[Cell | None]] = [[None] * self.n_cols for _ in range(self.n_rows)]
        for cell in self.cells:
            if 0 <= cell.row < self.n_rows and 0 <= cell.col < self.n_cols:
                rows[cell.row][cell.col] = cell
        return rows

    def row_cells(self, row: int) -> list[Cell]:
        return sorted((c for c in self.cells if c.row == row), key=lambda c: c.col)

    def header_texts(self) -> list[str]:
        """Column header text per column (header rows joined), '' where none."""
        texts = [""] * self.n_cols
        for cell in self.cells:
            if cell.row < self.header_rows:
                for col in range(cell.col, min(self.n_cols, cell.col + cell.col_span)):
                    texts[col] = (texts[col] + " " + cell.text).strip()
        return texts


@dataclass(slots=True)
class PageLayout:
    number: int
    width: float
    height: float
    blocks: list[Block] = field(default_factory=list)  # body blocks in reading order, tables excluded
    tables: list[Table] = field(default_factory=list)  # tables that start on this page
    header: str = ""  # running header text removed from the body
    footer: str = ""  # running footer / page number text removed from the body
    page_label: str | None = None  # printed page number when found ("9", "11")
    ocr: bool = False


@dataclass(slots=True)
class DocumentLayout:
    document: ParsedDocument
    pages: list[PageLayout]

    @property
    def tables(self) -> list[Table]:
        return [t for p in self.pages for t in p.tables]

    def blocks(self) -> Iterator[Block]:
        for page in self.pages:
            yield from page.blocks

    def headings(self) -> list[Block]:
        return [b for b in self.blocks() if b.kind == "heading"]

    def text(self) -> str:
        """The body text of the whole document in reading order (for classifiers and NLP)."""
        return "\n".join(b.text for b in self.blocks())
