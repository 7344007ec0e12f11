"""Read a plan table (one row per plan node) into activities rows with a parent tree.

Used by every family that meets plan-like tables: action plans, development plans and the
generic fallback. The header row gives column roles (extractors.normalise.columns); the
first column's labels ("Insats 1", "Aktivitet 2:", "Målsetting A", "Tiltak 1") or outline
numbers ("1.2.3") give levels; unlabelled rows under an activity are its subactivities.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from extractors.families.cell_text import (
    ITEM_START,
    bold_head_lines,
    cell_lines,
    has_turned_words,
    join_cell_lines,
    turned_text,
)
from extractors.families.common import add_activity, add_goal, clean
from extractors.families.plan_extras import FOLLOW_UP_HEADERS, add_cost, add_follow_up, add_listed_items
from extractors.families.plan_forms import as_plan_row
from extractors.families.plan_header_band import with_band_header
from extractors.families.plan_labels import (
    LabelMatch,
    level_of_number,
    match_label,
    numbering,
    rank,
)
from extractors.families.plan_split_columns import join_split_columns
from extractors.families.plan_subheaders import action_header, add_indicator_row, indicator_header
from extractors.families.plan_timeline import Slot, marked_span, timeline_slots
from extractors.families.report_tables import (
    AMOUNT_HEADER,
    HEADER_YEAR,
    TOTAL_ROW,
    add_amount_line,
    amount_in,
    amount_kind,
)
from extractors.normalise.columns import ROLES, names_whole_period, paired_role, role_of, roles_of
from extractors.normalise.dates import mend_wrapped_date, parse_when
from extractors.pdf.structures import Block, Cell, Table

if TYPE_CHECKING:
    from extractors.context import ExtractionContext

# First-cell texts of rows that list the organisations taking part in an area (not activities).
_PARTICIPATION = re.compile(
    r"^\s*(?:deltagande|deltakende|deltakere|deltagere|deltakarar|medverkande|medvirkende|involverade|"
    r"involverte|ingående|berörda|berørte|samarbetspart|samarbeidspart)",
    re.I,
)
# A code of letters and digits printed in a code column ("K1", "A.1.2", "T-04", "3a", "B2.3")
_CODE_LIKE = re.compile(r"(?:[A-ZÅÄÖØÆ]{1,3}[.-]?\d{1,3}(?:\.\d{1,3}){0,3}|\d{1,3}(?:\.\d{1,3}){0,3}[a-z])")
_TEXT_ITEM = re.compile(r"(?:^|\s)[-–—•▪●](?=[A-ZÅÄÖÆØÉ])|(?:^|\s)[•▪●]\s+(?=\S)")
_DEFINITION = re.compile(
    r"([A-ZÅÄÖØÆ][\w&.\-åäöøæÅÄÖØÆ]*(?:[ \-][\w&.\-åäöøæÅÄÖØÆ]+){0,6})\s*\(([^()]{1,12})\)"
)
OUTCOME_ROLES = ("expected_outcome_raw",)
CONTENT_ROLES = tuple(r for r in ROLES if r not in ("title", "code"))


@dataclass(slots=True)
class Node:
    activity_id: str
    level: str
    title: str | None


@dataclass(slots=True)
class PlanState:
    """The open branch of the tree, carried from table to table of one document."""

    scheme: str = "action_plan"
    extractor: str = "plan_table"
    stack: list[Node] = field(default_factory=list)
    areas: dict[str, str] = field(default_factory=dict)  # normalised area title -> activity_id
    goals_from_rows: bool = True  # Målsetting rows also become goals rows (level sub)

    def parent_for(self, level: str) -> str | None:
        r = rank(level)
        for node in reversed(self.stack):
            if rank(node.level) < r:
                return node.activity_id
        return None

    def push(self, node: Node) -> None:
        r = rank(node.level)
        while self.stack and rank(self.stack[-1].level) >= r:
            self.stack.pop()
        self.stack.append(node)

    def current(self, level: str) -> Node | None:
        return next((n for n in reversed(self.stack) if n.level == level), None)


@dataclass(slots=True)
class Columns:
    roles: dict[int, str]  # column -> activities column
    label_col: int | None
    title_col: int
    # column -> the second activities column its header names ("Ansvarig / samverkanspartner"),
    # where no column of its own holds that one
    paired: dict[int, str] = field(default_factory=dict)
    whole_period: bool = False  # the date column prints when the work takes place ("Tidsplan"), not its start
    amount_header: str | None = None  # the header of a resources column of amounts ("Kostnad (1000 kr)")
    items_col: int | None = None  # a second title column ("Insats | Aktiviteter"): the row's sub-activities
    follow_up: dict[str, int] = field(default_factory=dict)  # "status", "comment", "financing" -> column
    timeline: list[Slot] = field(default_factory=list)  # Gantt columns ("2025 | 2026", "Kv1 … Kv4")
    goal_col: int | None = None  # a "Mål" column left of the actions: each cell a goal over the rows it spans
    year_amounts: list[tuple[int, str]] = field(
        default_factory=list
    )  # "Økonomi 2025 | Økonomi 2026": col, header
    unit_hint: str = ""  # the unit the text above the table gives its amounts in ("Beløp i 1000 kr")
    # an "Insatsområde" column left of the actions, each cell the area of the rows it spans
    area_col: int | None = None

    @property
    def content_cols(self) -> list[int]:
        return sorted(c for c, r in self.roles.items() if r in CONTENT_ROLES)


def with_header(table: Table, lang: str | None) -> Table:
    """The table, its first row taken as the header when layout found none but it names columns.

    OCR'd and whitespace tables often come without header rows; a first row that names two
    or more plan columns is a header all the same. Its cells merged down ("Aktivitet" beside
    "2025" over "Kv1 … Kv4") make the header that many rows deep.
    """
    if table.header_rows or table.n_rows < 2:
        return table
    first = [""] * table.n_cols
    depth = 1
    for cell in table.cells:
        if cell.row == 0:
            depth = max(depth, min(cell.row_span, 3, table.n_rows - 1))
            for col in range(cell.col, min(table.n_cols, cell.col + cell.col_span)):
                first[col] = cell.text
    raw_roles = roles_of(first, lang)
    roles = [r for r in raw_roles if r in CONTENT_ROLES]
    headed = dataclasses.replace(table, header_rows=depth)
    if timeline_slots(headed, {c for c, r in enumerate(raw_roles) if r is not None}):
        roles.append("start_raw")  # "2025 | 2026 | 2027" over the marks says when
    return headed if len(roles) >= 2 else table


def table_columns(table: Table, lang: str | None) -> Columns | None:
    """Column roles when the table looks like a plan (a title column and ≥2 known columns)."""
    headers = _column_headers(table, lang) if table.header_rows else []
    if not headers:
        return None
    raw_roles = roles_of(headers, lang)
    roles = {c: r for c, r in enumerate(raw_roles) if r is not None}
    content = [c for c, r in roles.items() if r in CONTENT_ROLES]
    timeline = timeline_slots(table, set(roles))
    if timeline and not {"start_raw", "end_raw"} & set(roles.values()):
        content.append(timeline[0].col)  # the Gantt columns say when, as a date column would
    else:
        timeline = []
    if len(content) < 2 and not _follow_up_of_titled(headers, roles):
        return None
    title_col = next((c for c, r in roles.items() if r == "title"), None)
    # a goal or strategy column left of the actions, each cell merged down over those it groups
    goal_col = next(
        (
            c
            for c in range(title_col or 0)
            if roles.get(c) in (None, "expected_outcome_raw") and _GOAL_HEADER.match(headers[c])
        ),
        None,
    )
    if goal_col is not None:
        roles.pop(goal_col, None)
    first_content = min(content) if content else (title_col if title_col is not None else 0)
    area_col = _area_column(table, headers, roles, title_col if title_col is not None else first_content)
    if area_col is not None:
        roles.pop(area_col, None)
    free = [c for c in range(first_content) if c not in roles and c not in (goal_col, area_col)]
    label_col: int | None = next((c for c, r in roles.items() if r == "code"), None)
    if title_col is None:
        if not free:
            return None
        if len(free) >= 2 and label_col is None:
            label_col = free[0]
            title_col = max(free[1:], key=lambda c: _col_width(table, c))
        else:
            title_col = free[-1] if label_col is None or free[-1] != label_col else free[0]
            if label_col is None and len(free) >= 2:
                label_col = free[0]
    elif label_col is None:
        left = [c for c in free if c < title_col]
        label_col = left[0] if left else None
    roles[title_col] = "title"
    if label_col is not None:
        roles[label_col] = "code"
    year_amounts = [
        (c, h) for c, h in enumerate(headers) if AMOUNT_HEADER.search(h) and HEADER_YEAR.search(h)
    ]
    if len(year_amounts) < 2 or any(roles.get(c) not in (None, "resources_raw") for c, _ in year_amounts):
        year_amounts = []
    paired = {
        c: second for c in roles if (second := paired_role(headers[c], lang)) and second not in roles.values()
    }
    whole_period = any(r == "start_raw" and names_whole_period(headers[c], lang) for c, r in roles.items())
    amount_header = next(
        (headers[c] for c, r in roles.items() if r == "resources_raw" and AMOUNT_HEADER.search(headers[c])),
        # "Ressursbehov", "Resurser": amounts there print their unit ("150 000 kr"); a text stays text
        next((headers[c] for c, r in roles.items() if r == "resources_raw"), None),
    )
    items_col = next(
        (
            c
            for c, r in enumerate(raw_roles)
            if r is None and c > title_col and role_of(headers[c], lang) == "title"
        ),
        None,
    )
    follow_up = _follow_up_columns(headers, roles)
    return Columns(
        roles=roles,
        label_col=label_col,
        title_col=title_col,
        paired=paired,
        whole_period=whole_period,
        amount_header=amount_header,
        items_col=items_col,
        follow_up=follow_up,
        timeline=timeline,
        goal_col=goal_col,
        year_amounts=year_amounts,
        area_col=area_col,
    )


# A goal column: "Mål", "Delmål", "Målsättning" — an outcome column when it follows the action,
# the goal the actions serve when it stands left of them
_GOAL_WORD = (
    r"(?:(?:del|effekt|resultat)?mål(?:et|en|sättning\w*|setting\w*|setjing\w*)?|strategi(?:er|ar|ene|erna)?)"
)
_GOAL_HEADER = re.compile(rf"(?i)^\s*{_GOAL_WORD}(?:\s+(?:og|och|and|&)\s+{_GOAL_WORD})?\s*$")


def _area_column(table: Table, headers: list[str], roles: dict[int, str], title_col: int) -> int | None:
    """A column left of the actions that names the area of the rows beside it: headed by an area
    word alone ("Insatsområde", "Fokusområde") or by nothing, each of its cells merged down over the
    rows of one area (or, unruled, left blank under it). Its cells are names, never a label with a
    number ("Fokusområde 1") or a code ("1a"), which a label column holds."""
    for col in range(title_col):
        if roles.get(col) not in (None, "code"):
            continue
        header = clean(headers[col])
        named = match_label(header) if header else None
        if header and (named is None or named.level != "area" or named.rest or named.has_number):
            continue
        body = [c for c in table.cells if c.col == col and c.row >= table.header_rows and c.col_span == 1]
        texts = [clean(c.text) for c in body if clean(c.text)]
        if not texts or any(
            match_label(t) is not None or numbering(t) is not None or _CODE_LIKE.fullmatch(t) for t in texts
        ):
            return None
        spanning = sum(c.row_span > 1 for c in body if clean(c.text))
        titled_rows = {
            c.row for c in table.cells if c.col == title_col and c.row >= table.header_rows and clean(c.text)
        }
        if spanning >= (1 if header else 2) or (header and len(texts) < len(titled_rows)):
            return col
        return None
    return None


# "Beløp i 1000 kr.", "Belopp i tkr", "Alle tall i millioner kroner": the unit of a table's amounts
_UNIT_NOTE = re.compile(
    # also "Beløp i tabellen er oppgitt i 1000 kr", "Belopp i tabellen anges i tkr"
    r"(?i)\b(?:beløp|belopp|tall|tal|siffror|summor|summer|amounts?)(?:\s+(?:i|in)\s+(?:tabellen|table|the table))?"
    r"\s+(?:er\s+|är\s+|are\s+)?(?:i|in|oppgitt i|oppgitte i|angivna i|anges i|angis i|given in)\s+"
    r"(1\s?000\s?(?:kr|kroner|kronor|nok|sek)|tusen(?:\s+kroner)?|tkr|mill\w*\.?(?:\s+kr\w*)?|mnkr|mkr)"
)


def _column_headers(table: Table, lang: str | None) -> list[str]:
    """Each column's header text. Under a two-row header ("Tidplan" over "Start | Klart", "Ansvar"
    over "Huvudansvarig | Medverkande") the lower cell names the column when it names one; the
    joined text ("Tidplan Klart") would give both columns the upper cell's meaning."""
    joined = table.header_texts()
    lowest: list[str] = [""] * table.n_cols
    for cell in sorted((c for c in table.cells if c.row < table.header_rows), key=lambda c: c.row):
        for col in range(cell.col, min(table.n_cols, cell.col + cell.col_span)):
            lowest[col] = cell.text
    return [
        low if low and low != whole and role_of(low, lang) is not None else whole
        for whole, low in zip(joined, lowest, strict=True)
    ]


def _col_width(table: Table, col: int) -> float:
    widths = [c.bbox[2] - c.bbox[0] for c in table.cells if c.col == col and c.col_span == 1]
    return max(widths) if widths else 0.0


def is_plan_table(table: Table, lang: str | None) -> bool:
    return table_columns(table, lang) is not None


def table_scheme(table: Table, cols: Columns, default: str) -> str:
    """Development-plan levels when the label column speaks Målsetting/Strategi/Tiltak."""
    if cols.label_col is None:
        return default
    levels = set()
    for cell in table.cells:
        if cell.col == cols.label_col and cell.row >= table.header_rows:
            found = match_label(cell.text, "development_plan")
            if found is not None:
                levels.add(found.level)
    if "strategy" in levels and ({"goal", "measure"} & levels):
        return "development_plan"
    return default


# ----------------------------------------------------------------- cell lines


_JOINERS = ("och", "og", "samt", "and", "&", "+", "sekä")


def _units(lines: list[tuple[float, str]]) -> list[tuple[float, list[str]]]:
    """Printed lines grouped into the entries of a stacked cell (hyphenated and continued lines join)."""
    units: list[tuple[float, list[str]]] = []
    for top, text in lines:
        if units:
            prev = units[-1][1][-1]
            last_word = prev.rsplit(" ", 1)[-1].lower()
            first_word = text.split(" ", 1)[0]
            if (
                (prev.endswith("-") and not prev.endswith(" -"))
                or prev.endswith(",")
                or last_word in _JOINERS
                or first_word[:1].islower()
                or first_word.lower() in _JOINERS
            ):
                units[-1][1].append(text)
                continue
        units.append((top, [text]))
    return units


def _distribute(
    lines: list[tuple[float, str]], item_tops: list[float], title_top: float, line_height: float
) -> list[list[str]]:
    """A cell's lines shared out over [activity, item 1, item 2, …] of a split title cell.

    When the cell's lines sit level with the items they belong to, their position decides;
    when the values are stacked from the top (one entry per item), their order does.
    """
    slots: list[list[str]] = [[] for _ in range(len(item_tops) + 1)]
    for top, text in lines:
        slot = 0
        for i, item_top in enumerate(item_tops):
            if top >= item_top - 2:
                slot = i + 1
        slots[slot].append(text)
    if all(slots[1:]) or not lines:
        return slots
    units = _units(lines)
    head_has = units[0][0] <= title_top + 0.5 * max(line_height, 1.0)
    targets = list(range(0 if head_has else 1, len(item_tops) + 1))
    out: list[list[str]] = [[] for _ in range(len(item_tops) + 1)]
    if len(units) < len(targets):
        for _, texts in units:
            out[targets[0]].extend(texts)
        return out
    for i, (_, texts) in enumerate(units):
        out[targets[min(i, len(targets) - 1)]].extend(texts)
    return out


@dataclass(slots=True)
class Split:
    """A title cell holding an activity and its "-" items, with the row's other cells split alike."""

    head: dict[str, str]
    items: list[dict[str, str]]


def split_items(ctx: ExtractionContext, cells: dict[str, Cell], lang: str | None) -> Split | None:
    """Split a row whose title cell lists "-" items into the activity and its subactivities."""
    title = cells.get("title")
    if title is None or not _TEXT_ITEM.search(title.text):
        return None
    lines = cell_lines(ctx, title)
    starts = [i for i, (_, text) in enumerate(lines) if ITEM_START.match(text)]
    if lines and starts and starts[0] > 0:
        tops = [lines[i][0] for i in starts]
        head = {"title": join_cell_lines([t for _, t in lines[: starts[0]]], lang)}
        items: list[dict[str, str]] = []
        bounds = starts + [len(lines)]
        for a, b in zip(bounds, bounds[1:], strict=False):
            texts = [t for _, t in lines[a:b]]
            texts[0] = ITEM_START.sub("", texts[0])
            items.append({"title": join_cell_lines(texts, lang)})
        title_top = lines[0][0]
        line_height = (lines[1][0] - lines[0][0]) if len(lines) > 1 else 10.0
        for role, cell in cells.items():
            if role in ("title", "code"):
                continue
            parts = _distribute(cell_lines(ctx, cell), tops, title_top, line_height)
            if not any(parts):
                continue
            head[role] = join_cell_lines(parts[0], lang)
            for i, item in enumerate(items):
                item[role] = join_cell_lines(parts[i + 1], lang)
        return Split(head=head, items=items)
    # No word geometry: split the text; the other cells stay with the activity.
    pieces = [p for p in re.split(r"(?:^|\s)[-–—•▪●]\s*(?=[A-ZÅÄÖÆØÉ])", title.text) if p.strip()]
    if len(pieces) < 2:
        return None
    head = {role: clean(c.text) for role, c in cells.items() if role != "code"}
    head["title"] = clean(pieces[0])
    return Split(head=head, items=[{"title": clean(p)} for p in pieces[1:]])


# ----------------------------------------------------------------- rows


def _row_roles(table: Table, row: int, cols: Columns) -> dict[str, Cell]:
    out: dict[str, Cell] = {}
    for cell in table.row_cells(row):
        role = cols.roles.get(cell.col)
        if role is None:
            # A merged cell starting left of a role column still fills it when it is the only one.
            for col in range(cell.col, cell.col + cell.col_span):
                if col in cols.roles:
                    role = cols.roles[col]
                    break
        if role is not None and role not in out:
            out[role] = cell
    for cell in table.cells:  # a cell merged down over several rows ("Ansvarig" for two actions) fills each
        role = cols.roles.get(cell.col)
        if cell.row < row < cell.row + cell.row_span and role in CONTENT_ROLES and role not in out:
            out[role] = cell
    return out


def _title_and_description(
    ctx: ExtractionContext, cell: Cell | None, lang: str | None
) -> tuple[str, str] | None:
    """A title cell that prints a short heading and a paragraph under it ("Digital mötesplats" /
    "En plattform där …"): the heading is the title, the paragraph its description. Without
    paragraph breaks (an unruled table), a bold heading over plain lines is the same shape."""
    if cell is None:
        return None
    if len(cell.paragraphs) >= 2:
        head, rest_parts = clean(cell.paragraphs[0]), cell.paragraphs[1:]
        rest = clean(" ".join(rest_parts))
    else:
        lines = bold_head_lines(ctx, cell)
        if lines is None:
            return None
        head, rest_parts = join_cell_lines(lines[0], lang), lines[1]
        rest = join_cell_lines(rest_parts, lang)
    if len(head) > 120 or head.endswith((".", ":", ",")) or not rest.endswith((".", "!")) or len(rest) < 30:
        return None
    if any(_TEXT_ITEM.match(p) or ITEM_START.match(p) for p in rest_parts):
        return None  # a heading over bullets: sub-activities, read elsewhere
    return head, rest


def _add_year_amounts(
    ctx: ExtractionContext,
    table: Table,
    row: int,
    cols: Columns,
    node_id: str,
    title: str,
    page: int,
    lang: str | None,
) -> None:
    """One budget line per year column ("Økonomi 2026": "6 500"), its year in the item."""
    cells = {c.col: c for c in table.row_cells(row)}
    for col, header in cols.year_amounts:
        cell = cells.get(col)
        found = amount_in(clean(cell.text), f"{header} {cols.unit_hint}", lang or "sv") if cell else None
        if found is None:
            continue
        year = HEADER_YEAR.search(header)
        item = f"{title} ({year.group(0)})" if year else title
        add_amount_line(ctx, node_id, item, found, amount_kind(header), page)


def _open_goal(ctx: ExtractionContext, table: Table, row: int, col: int, state: PlanState) -> bool:
    """A goal cell starting on this row (merged down over the actions that serve it) opens a goal
    node; False for a "Totalt" row, which labels the cost sum."""
    cell = next((c for c in table.row_cells(row) if c.col == col and clean(c.text)), None)
    if cell is None or cell.col_span > 1:
        return True  # a row spanning the columns is a heading row of its own ("Delmål 1.1: …")
    if TOTAL_ROW.match(clean(cell.text)):
        return False
    page = _row_page(table, row)
    text = clean(cell.text)
    label = match_label(text, state.scheme)
    if label is not None and label.level == "strategy" and label.rest:
        # "Strategi: Bygge sterke klynger": a strategy over its measures, named without its label
        _add_node(ctx, state, "strategy", clean(label.rest), None, page, page, cell.bbox, {}, 0.85)
        return True
    _add_node(ctx, state, "goal", text, None, page, page, cell.bbox, {}, 0.85)
    return True


def _learn_participants(ctx: ExtractionContext, text: str, area_id: str | None, page: int) -> None:
    """A "Deltagande förvaltningar/bolag" row: learn abbreviations and record the organisations."""
    body = clean(text)
    defined: set[str] = set()
    for match in _DEFINITION.finditer(body):
        name, abbr = clean(match.group(1)), clean(match.group(2))
        if abbr and abbr.lower() != name.lower() and not abbr.isdigit():
            ctx.actors.learn(name, abbr)
            defined.add(name)
    for part in ctx.actors.split_list(re.sub(r"\([^()]*\)", "", body)):
        name = clean(part)
        if not name or len(name) < 3:
            continue
        actor_id = ctx.actors.resolve(name, ctx.result)
        if actor_id is not None:
            ctx.result.add(
                "actor_roles",
                activity_id=area_id,
                actor_id=actor_id,
                role="participant",
                raw=body,
                page=page,
            )


def _area_title_parts(text: str, scheme: str) -> tuple[str, str | None, str]:
    """(row title, code, strategic_area) of an area header text."""
    found = match_label(text, scheme)
    if found is not None and found.level == "area" and found.rest:
        return clean(text), found.code, clean(found.rest)
    number = numbering(text)
    if number is not None and number[1] and "." not in number[0]:
        return clean(number[1]), number[0], clean(number[1])  # "1. Kompetensförsörjning": the code apart
    return clean(text), None, clean(text)


def _area_name(title: str, scheme: str) -> str:
    """The area's name without a label the title still prints ("Fokusområde: Kompetens" -> "Kompetens")."""
    found = match_label(title, scheme, strict=True)
    if found is not None and found.level == "area" and found.rest:
        return clean(found.rest)
    return clean(title)


def _open_area(
    ctx: ExtractionContext,
    state: PlanState,
    *,
    title: str,
    code: str | None,
    area_name: str,
    page: int,
    bbox: tuple[float, ...] | None,
) -> str:
    number = numbering(title)
    if number is not None and number[1] and "." not in number[0] and code in (None, number[0]):
        code, title = number[0], number[1]  # "1. Kompetensförsörjning": the number is the code
        area_name = area_name if numbering(area_name) is None else number[1]
    key = clean(area_name).lower()
    existing = state.areas.get(key) or state.areas.get(clean(title).lower())
    if existing is not None:
        state.push(Node(existing, "area", title))
        return existing
    area_id = add_activity(
        ctx,
        level="area",
        title=title,
        code=code,
        page_start=page,
        bbox=list(bbox) if bbox else None,
        extractor=state.extractor,
        strategic_area=area_name,
        confidence=0.9,
    )
    state.areas[key] = area_id
    state.stack = [Node(area_id, "area", title)]
    return area_id


def read_header_area(ctx: ExtractionContext, table: Table, cols: Columns, state: PlanState) -> None:
    """The area a table belongs to, printed in its header's first cells."""
    header_cells = [c for c in table.cells if c.row < table.header_rows]
    first = [c for c in header_cells if c.col <= cols.title_col and role_of(c.text) is None and c.text]
    if not first:
        return
    first.sort(key=lambda c: c.col)
    page = table.page_start
    lead = first[0]
    found = match_label(lead.text, state.scheme)
    if found is not None and found.level == "area" and not found.rest and len(first) > 1:
        # "Innsatsområde | Innovasjon og entreprenørskap"
        name = clean(first[1].text)
        _open_area(ctx, state, title=name, code=None, area_name=name, page=page, bbox=lead.bbox)
        return
    if found is not None and found.level == "area" and (found.rest or found.has_number):
        # "Fokusområde 2: Etablering"; an area word alone heads a column of names ("Insatsområde")
        title, code, name = _area_title_parts(lead.text, state.scheme)
        _open_area(ctx, state, title=title, code=code, area_name=name, page=page, bbox=lead.bbox)


def read_plan_table(ctx: ExtractionContext, table: Table, state: PlanState, cols: Columns) -> int:
    """Write the table's nodes; returns how many activities rows were added."""
    lang = ctx.result.info.language if ctx.result.info.language != "und" else None
    scheme = table_scheme(table, cols, state.scheme)
    saved_scheme, state.scheme = state.scheme, scheme
    before = len(ctx.result.table("activities"))
    read_header_area(ctx, table, cols, state)
    row_cols, indicators = cols, None
    for row in range(table.header_rows, table.n_rows):
        # header rows inside the table ("Indikator | Utfall 2025 | Målvärde 2026", "Aktivitet | Ansvarig")
        # say what the rows under them hold, until the next one or the next goal row
        if (found := indicator_header(table, row)) is not None:
            indicators = found
            continue
        if (actions := action_header(table, row, cols, lang)) is not None:
            row_cols, indicators = actions, None
            continue
        if any(c.col_span > 1 for c in table.row_cells(row)):
            row_cols, indicators = cols, None
        if indicators is not None:
            add_indicator_row(ctx, table, row, indicators, state, _row_page(table, row))
            continue
        if cols.area_col is not None:
            _open_column_area(ctx, table, row, cols.area_col, state)
        _read_row(ctx, table, row, row_cols, state, lang)
    state.scheme = saved_scheme
    return len(ctx.result.table("activities")) - before


def _open_column_area(ctx: ExtractionContext, table: Table, row: int, col: int, state: PlanState) -> None:
    """The area an area column's cell starting on this row names, opened over the rows it spans."""
    cell = next((c for c in table.row_cells(row) if c.col == col and clean(c.text)), None)
    if cell is None:
        return
    title, code, name = _area_title_parts(clean(cell.text), state.scheme)
    _open_area(ctx, state, title=title, code=code, area_name=name, page=_row_page(table, row), bbox=cell.bbox)


def _row_page(table: Table, row: int) -> int:
    if 0 <= row < len(table.row_pages):
        return table.row_pages[row]
    cells = table.row_cells(row)
    return cells[0].page if cells else table.page_start


def _read_row(
    ctx: ExtractionContext, table: Table, row: int, cols: Columns, state: PlanState, lang: str | None
) -> None:
    cells = _row_roles(table, row, cols)
    texts = {role: clean(cell.text) for role, cell in cells.items()}
    if cols.goal_col is not None and not _open_goal(ctx, table, row, cols.goal_col, state):
        return  # the sum row under the goals
    if not any(texts.values()):
        return
    page = _row_page(table, row)
    page_end = max([c.page for c in cells.values()] + [page])
    row_cells = table.row_cells(row)
    bbox = row_cells[0].bbox if row_cells else None
    label_cell = cells.get("code")
    label_text = texts.get("code", "")
    title = texts.get("title", "")
    described = _title_and_description(ctx, cells.get("title"), lang)
    if described is not None:
        title = described[0]
    if title and TOTAL_ROW.match(title) and len(title.split()) <= 2 and not texts.get("responsible_raw"):
        return  # "Sum" / "Totalt": the amounts' sum, no action

    if _continues_last_row(ctx, state, label_text, title, texts, page):
        return
    if label_text and _PARTICIPATION.match(label_text):
        area = state.current("area")
        body = " ".join(t for r, t in texts.items() if r != "code" and t)
        _learn_participants(ctx, body, area.activity_id if area else None, page)
        return

    found: LabelMatch | None = match_label(label_text, state.scheme) if label_text else None
    printed_title = title
    if found is None and title:
        found = match_label(title, state.scheme, strict=True)
        if found is not None and found.rest:
            title = found.rest
        elif found is not None:
            found = None
    code = found.code if found else None
    outline = numbering(label_text) if label_text and found is not None else None
    if outline is not None and not outline[1] and not found.has_number:  # type: ignore[union-attr]
        code = outline[0]  # "1 | Fokusområde: Kompetens": the number column holds the code
    level = found.level if found else None
    if level is None:
        numbered = numbering(label_text) or (numbering(title) if title else None)
        if numbered is not None and not re.fullmatch(r"(19|20)\d\d", numbered[0]):
            code = numbered[0]
            level = level_of_number(numbered[0])
            if level == "area" and any(texts.get(r) for r in CONTENT_ROLES):
                # "3 | Starta ett lärlingsnätverk | Näringslivsenheten | 2025": a flat list of numbered
                # actions; an area's heading row carries no responsible, dates or outcome
                level = _unlabelled_level(state, has_label_col=False)
            if not label_text and numbered[1]:
                title = numbered[1]
    if level is None and not label_text and title and (lettered := _LETTERED_TITLE.match(title)):
        # "S1.1 Styrke sentrum …", "T1.1.1 Utarbeide sentrumsplan …" in the title cell: the letter
        # says the level (strategi, tiltak), the rest is the title
        code, title = lettered.group("code"), lettered.group("title")
        level = (
            "strategy" if code[0] == "S" else "measure" if state.scheme == "development_plan" else "activity"
        )
    if level is None and not label_text and title and (coded := _CODED_TITLE.match(title)):
        # "1a Införa hälsosamtal …": a number and letter before the title is the action's code
        code, title = coded.group("code"), coded.group("title")
        level = "measure" if state.scheme == "development_plan" else "activity"
    if level is None and label_text and title and _CODE_LIKE.fullmatch(label_text):
        code = label_text  # "K1", "A.1.2", "T-04", "3a" in the code column: a code, not an outline number
        level = "measure" if state.scheme == "development_plan" else "activity"
    if label_cell is not None and level is None and label_text and not title:
        title = label_text  # one text in the label column: its own heading
    if level is None:
        merged = _merged_heading(row_cells, cols, table.n_cols)
        # a band merged over every column fills whichever column comes first ("Ansvar | Nr | Aktivitet")
        others = [t for r, t in texts.items() if r in CONTENT_ROLES and t and cells[r] is not merged]
        if merged is not None:
            if merged.italic or others or not (merged.bold or merged.shaded):
                return  # a merged note row ("NB! Dette er kun eksempler", "Dette er kun et arbeidsverktøy")
            name = _area_title_parts(clean(merged.text), state.scheme)
            _open_area(ctx, state, title=name[0], code=name[1], area_name=name[2], page=page, bbox=bbox)
            return
        if label_cell is not None and label_cell.italic and not others:
            return
        level = _unlabelled_level(state, has_label_col=cols.label_col is not None)
    if level == "area":
        name = _area_title_parts(" ".join(p for p in (found.code if found else "", title) if p), state.scheme)
        area_title = title or (found.rest if found else label_text)
        if found is not None and printed_title and title == found.rest:
            area_title = printed_title  # the label printed in the title cell stays in the area's title
        _open_area(
            ctx,
            state,
            title=area_title,
            code=code,
            area_name=_area_name(title, state.scheme) if title else clean(area_title) or name[2],
            page=page,
            bbox=bbox,
        )
        return
    if not title and not any(texts.get(r) for r in CONTENT_ROLES) and found is not None and not found.rest:
        return

    split = split_items(ctx, {r: c for r, c in cells.items() if r != "code"}, lang) if title else None
    fields = {r: texts.get(r) or None for r in CONTENT_ROLES}
    if split is not None:
        fields = {r: split.head.get(r) or None for r in CONTENT_ROLES}
        title = split.head.get("title") or title
    _split_paired(fields, cols)
    _mend_dates(fields)
    if described is not None:
        fields["description"] = described[1]
    whole_period = cols.whole_period
    span = marked_span(table, row, cols.timeline) if cols.timeline else None
    if span is not None:
        fields["start_raw"], fields["end_raw"] = span
        whole_period = span[1] is None  # one marked period: the work runs through it
    confidence = 0.9 if (found is not None or code is not None) else 0.75
    node_id = _add_node(
        ctx, state, level, title, code, page, page_end, bbox, fields, confidence, whole_period
    )
    if cols.year_amounts:
        _add_year_amounts(ctx, table, row, cols, node_id, title, page, lang)
    else:
        add_cost(ctx, cols, node_id, title, fields.get("resources_raw"), page, lang)
    add_listed_items(ctx, table, row, cols, state, node_id, page, page_end, lang)
    add_follow_up(ctx, table, row, cols, node_id, page)
    if split is not None:
        for item in split.items:
            sub_fields: dict[str, Any] = {r: item.get(r) or None for r in CONTENT_ROLES}
            sub_id = add_activity(
                ctx,
                level="subactivity",
                title=item.get("title"),
                parent_id=node_id,
                page_start=page,
                page_end=page_end,
                bbox=list(bbox) if bbox else None,
                extractor=state.extractor,
                confidence=0.8,
                **sub_fields,
            )
            del sub_id


# "Vuxenutbildningen / Falu Frivilliga Utbildningscenter": two values in one cell, split by a slash
_PAIR_SEPARATOR = re.compile(r"\s+/\s+|(?<=\w)/(?=[A-ZÅÄÖØÆ])")


def _split_paired(fields: dict[str, str | None], cols: Columns) -> None:
    """A cell under a two-name header gives its parts to the two columns the header names."""
    for col, second in cols.paired.items():
        first = cols.roles.get(col)
        value = fields.get(first) if first else None
        if first is None or not value or fields.get(second):
            continue
        parts = _PAIR_SEPARATOR.split(value, maxsplit=1)
        if len(parts) == 2 and all(part.strip() for part in parts):
            fields[first], fields[second] = parts[0].strip(), parts[1].strip()


def _mend_dates(fields: dict[str, str | None]) -> None:
    """Date cells as meant: an ISO date wrapped inside its cell ("2026-03-3" / "1") joined again,
    and an open start in a deadline column ("Frist": "Fra 2026") made the start it says."""
    for role in ("start_raw", "end_raw"):
        value = fields.get(role)
        if value:
            fields[role] = mend_wrapped_date(value)
    end = fields.get("end_raw")
    if end and not fields.get("start_raw"):
        when = parse_when(end)
        if when is not None and when.start is not None and when.end is None:
            fields["start_raw"], fields["end_raw"] = end, None


def _merged_heading(row_cells: list[Cell], cols: Columns, n_cols: int) -> Cell | None:
    """The cell of a row whose label/title are one merged cell (a heading or a note), if any."""
    for cell in row_cells:
        if not clean(cell.text) or cell.col_span < 2:
            continue
        first = cols.label_col if cols.label_col is not None else cols.title_col
        if cell.col <= first and cell.col + cell.col_span > cols.title_col:
            return cell
        if cell.col_span >= n_cols - 1:
            return cell
    return None


def _unlabelled_level(state: PlanState, *, has_label_col: bool = True) -> str:
    """A row with an empty label cell sits one step below the deepest open activity-like node.

    In a table without a label column no row has a label, so rows are siblings.
    """
    base = "measure" if state.scheme == "development_plan" else "activity"
    if not has_label_col:
        return base
    for node in reversed(state.stack):
        if node.level in ("activity", "measure", "subactivity", "project"):
            return "subactivity"
        if node.level in ("effort", "strategy", "goal"):
            return "measure" if state.scheme == "development_plan" else "activity"
    return "measure" if state.scheme == "development_plan" else "activity"


def _add_node(
    ctx: ExtractionContext,
    state: PlanState,
    level: str,
    title: str,
    code: str | None,
    page: int,
    page_end: int,
    bbox: tuple[float, ...] | None,
    fields: dict[str, str | None],
    confidence: float,
    whole_period: bool = False,
) -> str:
    parent_id = state.parent_for(level)
    node_id = add_activity(
        ctx,
        level=level,
        title=title or None,
        code=code,
        parent_id=parent_id,
        page_start=page,
        page_end=page_end,
        bbox=list(bbox) if bbox else None,
        extractor=state.extractor,
        confidence=confidence,
        whole_period=whole_period,
        **fields,
    )
    state.push(Node(node_id, level, title))
    if level == "goal" and state.goals_from_rows and title:
        add_goal(ctx, text=title, level="sub", page=page, activity_id=node_id)
    return node_id


def _bottom_on_last_page(table: Table) -> float:
    bottoms = [c.bbox[3] for c in table.cells if c.page == table.page_end]
    return max(bottoms) if bottoms else table.bbox[3]


def _lead_in(ctx: ExtractionContext, previous: Table | None, table: Table) -> list[Block]:
    """The blocks printed between the previous plan table (or the top of the page) and this one."""
    out: list[Block] = []
    prev_bottom = _bottom_on_last_page(previous) if previous is not None else None
    first_page = table.page_start
    if previous is not None and previous.page_end == table.page_start - 1:
        first_page = previous.page_end
    for page in ctx.layout.pages:
        if not first_page <= page.number <= table.page_start:
            continue
        for block in page.blocks:
            if page.number == table.page_start and block.bbox[3] > table.bbox[1] + 1:
                continue
            if (
                previous is not None
                and page.number == previous.page_end
                and prev_bottom is not None
                and block.bbox[1] < prev_bottom - 1
            ):
                continue
            out.append(block)
    return out


def area_heading(blocks: list[Block], scheme: str, first_code: str | None = None) -> Block | None:
    """The last short bold or heading block that names an area ("Fokusområde 2: Etablering"), or
    that numbers the actions under it ("1. Service och infrastruktur" over "1.1 …"; a chapter
    "2 Tiltak" over actions numbered "1.1" is not their area)."""
    for block in reversed(blocks):
        text = clean(block.text)
        if not text or len(text) > 120 or not (block.kind == "heading" or block.bold):
            continue
        found = match_label(text, scheme, strict=True)
        if found is not None and found.level == "area" and found.rest:
            return block
        number = numbering(text)
        if (
            number is not None
            and "." not in number[0]
            and number[1]
            and first_code is not None
            and first_code.startswith(number[0] + ".")
        ):
            return block
    return None


def _first_code(table: Table, cols: Columns) -> str | None:
    """The outline number of the table's first action: its code cell's or its title's."""
    for cell in table.row_cells(table.header_rows) if table.header_rows < table.n_rows else []:
        if cell.col in (cols.label_col, cols.title_col) and (number := numbering(clean(cell.text))):
            return number[0]
    return None


_CODED_TITLE = re.compile(r"^(?P<code>\d{1,2}[a-z])[.)]?\s+(?P<title>[A-ZÅÄÖØÆ].{3,})$")
_LETTERED_TITLE = re.compile(r"^(?P<code>[STA]\d{1,2}(?:\.\d{1,3}){1,3})\.?\s+(?P<title>\S.{3,})$")


def _continues_last_row(
    ctx: ExtractionContext, state: PlanState, label_text: str, title: str, texts: dict[str, str], page: int
) -> bool:
    """The first row on a new page holding only the rest of a sentence ("ned per skola och kön …"),
    its number, responsible and time cells empty: the previous page's last row, split by the page
    break under a repeated header. Its text goes back to that row."""
    if label_text or not title or not title[:1].islower() or not state.stack:
        return False
    if any(texts.get(r) for r in CONTENT_ROLES if r != "title"):
        return False
    last = ctx.result.get("activities", state.stack[-1].activity_id)
    if last is None or not last.get("title") or page <= int(last.get("page_end") or page):
        return False
    last["title"] = f"{last['title']} {title}"
    last["page_end"] = page
    return True


def _follow_up_columns(headers: list[str], roles: dict[int, str]) -> dict[str, int]:
    """The first column of each follow-up kind ("status", "comment", "financing") no role claims."""
    return {
        kind: c
        for kind, rx in FOLLOW_UP_HEADERS
        for c in [next((c for c, h in enumerate(headers) if c not in roles and rx.match(clean(h))), -1)]
        if c >= 0
    }


def _follow_up_of_titled(headers: list[str], roles: dict[int, str]) -> bool:
    """A status report's "Tiltak | Status | Kommentar": a named action column and two follow-up
    columns are a plan table too, though it names no one responsible and no time."""
    if "title" not in roles.values():
        return False
    follow_up = _follow_up_columns(headers, roles)
    return len(follow_up) + sum(r in CONTENT_ROLES for r in roles.values()) >= 2


def _inherits(table: Table, previous: Table | None) -> bool:
    """A headerless table laid out like the plan table before it carries on that table."""
    if previous is None or table.header_rows or table.n_cols != previous.n_cols:
        return False
    from extractors.pdf.tables import column_edges

    left_a, left_b = column_edges(previous)[:-1], column_edges(table)[:-1]
    return len(left_a) == len(left_b) and all(abs(a - b) <= 6.0 for a, b in zip(left_a, left_b, strict=True))


def read_plan_tables(ctx: ExtractionContext, state: PlanState, tables: list[Table] | None = None) -> int:
    """Every plan-like table of the document, in order; returns the number of rows added.

    An area heading printed between two plan tables opens that area for the next one, and
    a headerless table laid out like the plan table before it is read with that table's columns.
    """
    lang = ctx.result.info.language if ctx.result.info.language != "und" else None
    added = 0
    previous: tuple[Table, Columns] | None = None
    for original in join_split_columns(tables if tables is not None else ctx.layout.tables, lang):
        table = (
            as_plan_row(original, lang)
            or with_band_header(ctx.layout, original, lang)
            or with_header(original, lang)
        )
        table = _with_turned_text(ctx, table, lang)
        cols = table_columns(table, lang)
        if cols is None and previous is not None and _inherits(table, previous[0]):
            cols = previous[1]
        if cols is None:
            continue
        lead_in = _lead_in(ctx, previous[0] if previous else None, table)
        note = next((m for b in reversed(lead_in) if (m := _UNIT_NOTE.search(b.text))), None)
        if note is not None:
            cols = dataclasses.replace(cols, unit_hint=note.group(1))
        heading = area_heading(lead_in, state.scheme, _first_code(table, cols))
        if heading is not None:
            title, code, name = _area_title_parts(heading.text, state.scheme)
            _open_area(
                ctx, state, title=title, code=code, area_name=name, page=heading.page, bbox=heading.bbox
            )
        added += read_plan_table(ctx, table, state, cols)
        previous = (table, cols)
    _numbered_leaves_are_actions(ctx, state)
    return added


def _with_turned_text(ctx: ExtractionContext, table: Table, lang: str | None) -> Table:
    """The table with the cells printed turned a quarter read in the page's order (turned_text)."""
    if not any(has_turned_words(ctx, page) for page in range(table.page_start, table.page_end + 1)):
        return table
    cells: list[Cell] = []
    changed = False
    for cell in table.cells:
        text = turned_text(ctx, cell, lang) if cell.text.strip() else None
        if text and text != cell.text:
            cell = dataclasses.replace(cell, text=text, paragraphs=[text])
            changed = True
        cells.append(cell)
    return dataclasses.replace(table, cells=cells) if changed else table


_OUTLINE_CODE = re.compile(r"\d{1,3}\.\d{1,3}\.?")
_DOING = ("responsible_raw", "start_raw", "end_raw", "expected_outcome_raw")


def _numbered_leaves_are_actions(ctx: ExtractionContext, state: PlanState) -> None:
    """A row numbered "1.1" is an effort by its depth, but one with nothing under it that says who
    does it or when is the plan's action itself: the activity (a measure in a development plan).
    A row the plan labels ("Insats 1.1") keeps its label's level."""
    rows = [r for r in ctx.result.table("activities") if r.get("extractor") == state.extractor]
    parents = {r.get("parent_id") for r in rows}
    for row in rows:
        if (
            row.get("level") == "effort"
            and row["activity_id"] not in parents
            and _OUTLINE_CODE.fullmatch(str(row.get("code") or ""))
            and any(row.get(field) for field in _DOING)
        ):
            row["level"] = "measure" if state.scheme == "development_plan" else "activity"
