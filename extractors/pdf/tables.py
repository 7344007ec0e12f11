"""Tables from the page model's geometry: ruled grids first, whitespace-aligned columns second.

Ruled tables are rebuilt from the ruling lines themselves rather than from text: the
distinct x of vertical rules and y of horizontal rules give the finest grid, and a
missing rule segment between two grid slots means the slots are one merged cell. This
is what Word, LibreOffice and PowerPoint tables draw, and it is what a scan's rules look
like after OCR finds them, so both go through the same code.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from extractors.pdf.dehyphen import join_lines
from extractors.pdf.lines import Line, group_lines
from extractors.pdf.model import BBox, Box, Page, Rule, Word
from extractors.pdf.structures import Cell, Table

SNAP = 2.5  # rules closer than this are one rule
MIN_CELL = 3.0  # grid rows/columns thinner than this are drawing noise


@dataclass(slots=True)
class _Grid:
    xs: list[float]
    ys: list[float]
    vertical: list[Rule]
    horizontal: list[Rule]


def _cluster(values: Sequence[float], tolerance: float = SNAP) -> list[float]:
    """Collapse near-equal coordinates to their mean."""
    out: list[list[float]] = []
    for value in sorted(values):
        if out and value - out[-1][-1] <= tolerance:
            out[-1].append(value)
        else:
            out.append([value])
    return [sum(group) / len(group) for group in out]


def _center(rule: Rule) -> float:
    return (rule.top + rule.bottom) / 2 if rule.orientation == "h" else (rule.x0 + rule.x1) / 2


def _components(rules: list[Rule]) -> list[list[Rule]]:
    """Groups of rules that touch each other: one group per drawn table or frame."""
    parent = list(range(len(rules)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    tol = SNAP + 1.0
    for i, a in enumerate(rules):
        for j in range(i + 1, len(rules)):
            b = rules[j]
            if (
                a.x0 - tol <= b.x1
                and b.x0 - tol <= a.x1
                and a.top - tol <= b.bottom
                and b.top - tol <= a.bottom
            ):
                ri, rj = find(i), find(j)
                if ri != rj:
                    parent[ri] = rj
    groups: dict[int, list[Rule]] = {}
    for i, rule in enumerate(rules):
        groups.setdefault(find(i), []).append(rule)
    return list(groups.values())


def _grid(rules: list[Rule], words: Sequence[Word] = ()) -> _Grid | None:
    horizontal = [r for r in rules if r.orientation == "h"]
    vertical = [r for r in rules if r.orientation == "v"]
    if len(horizontal) < 2 or len(vertical) < 2:
        return None
    xs = [x for x in _cluster([_center(r) for r in vertical])]
    ys = [y for y in _cluster([_center(r) for r in horizontal])]
    # the outer edges may be drawn only by horizontal rules' ends
    left = min(r.x0 for r in horizontal)
    right = max(r.x1 for r in horizontal)
    if left < xs[0] - MIN_CELL:
        xs.insert(0, left)
    if right > xs[-1] + MIN_CELL:
        xs.append(right)
    # and the top and bottom edges only by vertical rules' ends, where text stands between them and the
    # outer horizontal rule: a row split by a page break has no closing rule on the first page and no
    # opening one on the next
    top = min(r.top for r in vertical)
    bottom = max(r.bottom for r in vertical)

    def text_in(lo: float, hi: float) -> bool:
        return any(lo <= (w.top + w.bottom) / 2 <= hi and xs[0] <= w.x0 <= xs[-1] for w in words)

    if top < ys[0] - MIN_CELL and text_in(top, ys[0]):
        ys.insert(0, top)
    if bottom > ys[-1] + MIN_CELL and text_in(ys[-1], bottom):
        ys.append(bottom)
    xs = [x for i, x in enumerate(xs) if i == 0 or x - xs[i - 1] >= MIN_CELL]
    ys = [y for i, y in enumerate(ys) if i == 0 or y - ys[i - 1] >= MIN_CELL]
    if len(xs) < 2 or len(ys) < 2:
        return None
    return _Grid(xs, ys, vertical, horizontal)


def _covered(rules: list[Rule], at: float, lo: float, hi: float, vertical: bool) -> bool:
    """Is the segment lo..hi at coordinate `at` drawn (mostly) by some rule?"""
    need = (hi - lo) * 0.6
    length = 0.0
    for rule in rules:
        if abs(_center(rule) - at) > SNAP + 0.5:
            continue
        a, b = (rule.top, rule.bottom) if vertical else (rule.x0, rule.x1)
        length += max(0.0, min(b, hi) - max(a, lo))
        if length >= need:
            return True
    return False


class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _merged_slots(grid: _Grid) -> list[tuple[int, int, int, int]]:
    """(row, col, row_span, col_span) of every cell, merged slots joined."""
    n_rows, n_cols = len(grid.ys) - 1, len(grid.xs) - 1
    union = _Union(n_rows * n_cols)
    for r in range(n_rows):
        for c in range(n_cols):
            if c + 1 < n_cols and not _covered(
                grid.vertical, grid.xs[c + 1], grid.ys[r], grid.ys[r + 1], vertical=True
            ):
                union.union(r * n_cols + c, r * n_cols + c + 1)
            if r + 1 < n_rows and not _covered(
                grid.horizontal, grid.ys[r + 1], grid.xs[c], grid.xs[c + 1], vertical=False
            ):
                union.union(r * n_cols + c, (r + 1) * n_cols + c)
    groups: dict[int, list[tuple[int, int]]] = {}
    for r in range(n_rows):
        for c in range(n_cols):
            groups.setdefault(union.find(r * n_cols + c), []).append((r, c))
    slots = []
    for members in groups.values():
        rows = [m[0] for m in members]
        cols = [m[1] for m in members]
        slots.append((min(rows), min(cols), max(rows) - min(rows) + 1, max(cols) - min(cols) + 1))
    return sorted(slots)


def _inside(word: Word, box: BBox, slack: float = 1.0) -> bool:
    cx, cy = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return box[0] - slack <= cx <= box[2] + slack and box[1] - slack <= cy <= box[3] + slack


def paragraphs(lines: list[Line], lang: str = "sv") -> list[str]:
    """Printed lines of one cell or block to paragraphs, line-break hyphenation undone.

    A new paragraph starts at a clearly larger line gap or at a bullet/dash item.
    """
    groups: list[list[Line]] = []
    for line in lines:
        if groups:
            previous = groups[-1][-1]
            gap = line.top - previous.bottom
            if gap > 0.55 * max(previous.height, 1.0) or line.starts_with_bullet():
                groups.append([line])
                continue
            groups[-1].append(line)
        else:
            groups.append([line])
    return [join_lines([ln.text for ln in group], lang=lang, cell=True) for group in groups]


def _share(words: list[Word], attr: str) -> float:
    total = sum(len(w.text) for w in words)
    hit = sum(len(w.text) for w in words if getattr(w, attr))
    return hit / total if total else 0.0


def _shaded(box: BBox, boxes: list[Box]) -> bool:
    """A fill under the cell's centre that is the cell's own: at most four cells' area, or one
    row high however wide (a Gantt bar over several period cells, a shaded header row) — not a
    panel behind the whole table."""
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    area = (box[2] - box[0]) * (box[3] - box[1])
    height = box[3] - box[1]
    for b in boxes:
        inside = b.x0 <= cx <= b.x1 and b.top <= cy <= b.bottom
        if not (b.shaded and inside):
            continue
        if (b.x1 - b.x0) * (b.bottom - b.top) <= area * 4 or b.bottom - b.top <= height * 1.5:
            return True
    return False


def _fill_of(box: BBox, boxes: list[Box]) -> tuple[float, ...] | None:
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    for b in boxes:
        if b.shaded and b.x0 <= cx <= b.x1 and b.top <= cy <= b.bottom:
            return tuple(round(v, 2) for v in (b.fill or ()))
    return None


def build_cells(
    slots: list[tuple[int, int, int, int]],
    xs: list[float],
    ys: list[float],
    words: list[Word],
    page: Page,
    lang: str = "sv",
) -> list[Cell]:
    cells: list[Cell] = []
    boxes = {slot: (xs[slot[1]], ys[slot[0]], xs[slot[1] + slot[3]], ys[slot[0] + slot[2]]) for slot in slots}
    owned: dict[tuple[int, int, int, int], list[Word]] = {slot: [] for slot in slots}
    for word in words:
        for slot, box in boxes.items():
            if _inside(word, box, slack=0.5):
                owned[slot].append(word)
                break
    for slot in slots:
        row, col, row_span, col_span = slot
        box = boxes[slot]
        cell_words = owned[slot]
        lines = group_lines(cell_words)
        paras = paragraphs(lines, lang) if lines else []
        cells.append(
            Cell(
                row=row,
                col=col,
                text=" ".join(p for p in paras if p),
                bbox=box,
                page=page.number,
                row_span=row_span,
                col_span=col_span,
                bold=_share(cell_words, "bold") > 0.6,
                italic=_share(cell_words, "italic") > 0.6,
                shaded=_shaded(box, page.boxes),
                paragraphs=[p for p in paras if p],
                indent=(min(w.x0 for w in cell_words) - box[0]) if cell_words else 0.0,
            )
        )
    return cells


def _drop_empty_lines(cells: list[Cell], n_rows: int, n_cols: int) -> tuple[list[Cell], int, int]:
    """Remove grid columns/rows that no cell starts in (drawing artefacts), renumbering."""
    col_starts = sorted({c.col for c in cells})
    row_starts = sorted({c.row for c in cells})
    col_map = {old: new for new, old in enumerate(col_starts)}
    row_map = {old: new for new, old in enumerate(row_starts)}

    def span(start: int, length: int, starts: list[int], mapping: dict[int, int], total: int) -> int:
        end = start + length
        inside = [s for s in starts if start <= s < end]
        return max(1, len(inside)) if inside else 1

    out = []
    for c in cells:
        out.append(
            Cell(
                row=row_map[c.row],
                col=col_map[c.col],
                text=c.text,
                bbox=c.bbox,
                page=c.page,
                row_span=span(c.row, c.row_span, row_starts, row_map, n_rows),
                col_span=span(c.col, c.col_span, col_starts, col_map, n_cols),
                bold=c.bold,
                italic=c.italic,
                shaded=c.shaded,
                paragraphs=c.paragraphs,
                indent=c.indent,
            )
        )
    return out, len(row_starts), len(col_starts)


def header_row_count(cells: list[Cell], n_rows: int, page: Page) -> int:
    """Leading rows styled as column headings (shaded or bold, unlike the body)."""
    if n_rows < 2:
        return 0
    by_row: dict[int, list[Cell]] = {}
    for cell in cells:
        by_row.setdefault(cell.row, []).append(cell)

    def style(row: int) -> tuple[object, ...]:
        filled = [c for c in by_row.get(row, []) if c.text]
        if not filled:
            return ("empty",)
        fills = {_fill_of(c.bbox, page.boxes) for c in filled}
        return (tuple(sorted(map(str, fills))), all(c.bold for c in filled))

    first = style(0)
    styled = first != ("empty",) and (first[0] != ("None",) or first[1] is True)
    if not styled:
        texts = [c.text for c in by_row.get(0, []) if c.text]
        short = texts and all(len(t) < 40 and not any(ch.isdigit() for ch in t) for t in texts)
        return 1 if short and len(texts) >= 2 else 0
    count = 1
    while count < min(3, n_rows - 1) and style(count) == first:
        spanning = any(c.row < count and c.row + c.row_span > count for c in cells)
        if not spanning and len(by_row.get(count, [])) <= 1:
            break
        count += 1
    return count


def ruled_tables(page: Page, lang: str = "sv") -> list[Table]:
    """Every ruled grid on the page with at least two cells holding text."""
    tables: list[Table] = []
    rules = [r for r in page.rules if max(r.x1 - r.x0, r.bottom - r.top) >= 2.0]
    for group in _components(rules):
        grid = _grid(group, page.words)
        if grid is None:
            continue
        bbox = (grid.xs[0], grid.ys[0], grid.xs[-1], grid.ys[-1])
        words = [w for w in page.words if _inside(w, bbox)]
        if not words:
            continue
        slots = _merged_slots(grid)
        if len(slots) < 2:
            continue  # a frame around text, not a table
        cells = build_cells(slots, grid.xs, grid.ys, words, page, lang)
        cells, n_rows, n_cols = _drop_empty_lines(cells, len(grid.ys) - 1, len(grid.xs) - 1)
        if sum(1 for c in cells if c.text) < 2 or n_cols < 2 and n_rows < 2:
            continue
        tables.append(
            Table(
                page_start=page.number,
                page_end=page.number,
                bbox=bbox,
                n_rows=n_rows,
                n_cols=n_cols,
                cells=cells,
                header_rows=header_row_count(cells, n_rows, page),
                method="ruled",
                row_pages=[page.number] * n_rows,
            )
        )
    tables.sort(key=lambda t: (t.bbox[1], t.bbox[0]))
    return tables


def column_edges(table: Table) -> list[float]:
    """x of each column's left edge plus the right edge of the table."""
    edges: dict[int, float] = {}
    right = table.bbox[2]
    for cell in table.cells:
        if cell.col not in edges or cell.bbox[0] < edges[cell.col]:
            edges[cell.col] = cell.bbox[0]
    return [edges[c] for c in sorted(edges)] + [right]
