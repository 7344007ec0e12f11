"""What the other columns of a plan row give beside the activity itself: an amount under a cost
column (a budget line), bullets under a second title column (sub-activities), and the columns a
follow-up adds — status, comment and financing (an outcome and financier roles).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from extractors.families.cell_text import ITEM_START, cell_lines, join_cell_lines
from extractors.families.common import add_activity, clean
from extractors.families.report_tables import UNIT_WORD, add_amount_line, amount_in, amount_kind, is_yearly

if TYPE_CHECKING:
    from extractors.context import ExtractionContext
    from extractors.families.plan_table import Columns, PlanState
    from extractors.pdf.structures import Table


# Columns a plan's follow-up adds beside the plan's own: the state of each action, a comment on it,
# and who finances it (besides a "Budget" column that holds the amount).
FOLLOW_UP_HEADERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("status", re.compile(r"(?i)^(?:status|läge|lägesbeskrivning|lägesrapport|uppföljning|framdrift|"
                          r"gjennomføringsstatus|måluppfyllelse|måloppnåelse)\b")),
    ("comment", re.compile(r"(?i)^(?:kommentar(?:er)?|merknad(?:er)?|anmärkning(?:ar)?|notering(?:ar)?)\b")),
    ("financing", re.compile(r"(?i)^(?:finansiering|finansiär(?:er)?|finansiør(?:er)?|finansieringskälla|"
                             r"finansieringskilde|medfinansiering)\b")),
)  # fmt: skip
# The state a status cell prints -> outcomes.status (SCHEMA); "Försenad" is started, so ongoing;
# "Utsatt" (postponed) is not under way
_STATUS_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # the symbols of a follow-up's status column: filled done, half-filled under way, empty not started
    ("achieved", re.compile(r"^[●⬤✓✔☑](?:\s|$)")),
    ("ongoing", re.compile(r"^[◐◑◒◓◔◕](?:\s|$)")),
    ("not_achieved", re.compile(r"^[○◯☐✗✘](?:\s|$)")),
    ("not_achieved", re.compile(r"(?i)\b(?:ej|inte|ikke|ikkje|not)\s+(?:påbörjad|påbörjat|startet|starta|started|"
                                r"genomförd|gjennomført)|\b(?:utgår|avbruten|avbrutet|avlyst|stoppet)\b|"
                                r"^(?:utsatt|utsett|uppskjuten|uppskjutet|vilande|pausad|på vent|postponed|deferred)\b")),
    ("partly_achieved", re.compile(r"(?i)\bdelvis\b")),
    ("achieved", re.compile(r"(?i)^(?:klar|klart|genomförd|genomfört|avslutad|avslutat|slutförd|utført|ferdig|"
                            r"gjennomført|fullført|done|completed|uppnådd|nådd)\b")),
    ("ongoing", re.compile(r"(?i)^(?:pågår|pågående|påbörjad|påbörjat|startad|igång|i gang|igangsatt|løpende|"
                           r"pågåande|försenad|forsinket|ongoing|in progress)\b")),
)  # fmt: skip


def follow_up_status(text: str) -> str:
    """outcomes.status of a status cell's word or symbol; unknown when it names none."""
    return next((status for status, rx in _STATUS_WORDS if rx.search(text)), "unknown")


def add_follow_up(
    ctx: ExtractionContext, table: Table, row: int, cols: Columns, node_id: str, page: int
) -> None:
    """What a follow-up's columns say of the row: its state and comment as an outcome, its financiers
    as roles (and on its budget line)."""
    if not cols.follow_up:
        return
    cells = {c.col: clean(c.text) for c in table.row_cells(row)}
    status_text = cells.get(cols.follow_up.get("status", -1), "")
    comment = cells.get(cols.follow_up.get("comment", -1), "")
    if status_text or comment:
        status = follow_up_status(status_text)
        text = ": ".join(p for p in (status_text, comment) if p)
        ctx.result.add(
            "outcomes", activity_id=node_id, text=text, status=status, assessor="project", page=page
        )
    financing = cells.get(cols.follow_up.get("financing", -1), "")
    if not financing:
        return
    from extractors.nlp.patterns import org_hits
    from extractors.nlp.roles import looks_like_org

    asked = re.sub(r"(?i)^(?:söks från|søkes fra|söks hos|ansökan till)\s+", "", financing)
    funders = [
        actor_id
        for item in ctx.actors.split_list(asked)
        if (looks_like_org(item) or ctx.actors.entry_for(item) is not None or any(org_hits(item)))
        and (actor_id := ctx.actors.resolve(item, ctx.result))
    ]
    for actor_id in funders:
        ctx.result.add(
            "actor_roles", activity_id=node_id, actor_id=actor_id, role="financier", raw=financing, page=page
        )
    for line in ctx.result.table("budget_lines"):
        if line.get("activity_id") == node_id and funders and not line.get("financier_actor_id"):
            line["financier_actor_id"] = funders[0]


def add_listed_items(
    ctx: ExtractionContext,
    table: Table,
    row: int,
    cols: Columns,
    state: PlanState,
    node_id: str,
    page: int,
    page_end: int,
    lang: str | None,
) -> None:
    """The sub-activities a second title column lists for the row ("Insats | Aktiviteter" with
    "• Öppna skolgårdar …" items); text without items there describes the row."""
    if cols.items_col is None:
        return
    cell = next((c for c in table.row_cells(row) if c.col == cols.items_col), None)
    if cell is None or not clean(cell.text):
        return
    lines = [text for _, text in cell_lines(ctx, cell)] or [cell.text]
    items: list[list[str]] = []
    for line in lines:
        if ITEM_START.match(line):
            items.append([ITEM_START.sub("", line)])
        elif items:
            items[-1].append(line)
    if not items:
        node = ctx.result.get("activities", node_id)
        if node is not None and not node.get("description"):
            node["description"] = clean(cell.text)
        return
    for item in items:
        add_activity(
            ctx,
            level="subactivity",
            title=join_cell_lines(item, lang),
            parent_id=node_id,
            page_start=page,
            page_end=page_end,
            bbox=list(cell.bbox),
            extractor=state.extractor,
            confidence=0.8,
        )


def add_cost(
    ctx: ExtractionContext,
    cols: Columns,
    activity_id: str,
    title: str,
    value: str | None,
    page: int,
    lang: str | None,
) -> None:
    """A budget line from an activity's amount under a cost or budget column, where the header or
    the cell says the unit ("Kostnad (1000 kr)": "1 200"; "Budget": "500 tkr"); a text there
    ("Inom ram", "Søkes fra RDA") stays in resources_raw only."""
    if cols.amount_header is None or not value:
        return
    # the unit the text above the table gives ("Beløp i 1000 kr") when the header names none
    text = amount_text(value)
    if text is None:
        return
    found = amount_in(text, f"{cols.amount_header} {cols.unit_hint}".strip(), lang or "sv")
    if found is None:
        return
    if title and is_yearly(text):  # the line says so; budget_lines has no period of its own
        title = f"{title} ({'per year' if lang == 'en' else 'per år'})"
    add_amount_line(ctx, activity_id, title, found, amount_kind(cols.amount_header), page)


# "4,2 mill. kr", "2 millioner kroner": a size word and the currency printed after it, one unit
_UNIT_PAIR = re.compile(r"(?i)\b(mill\w*|miljon\w*|million\w*)\.?\s+(?:kr|kroner|kronor|nok|sek)\b\.?")
# "Statsbidrag 150 tkr", "Folkhälsomedel 120 tkr": the source of the money named before the amount
_NAMED_AMOUNT = re.compile(r"^(?P<name>[^\W\d][\w\-]*(?:\s+[^\W\d][\w\-]*){0,2}):?\s+(?P<amount>\d.*)$")


def amount_text(value: str) -> str | None:
    """The part of a cost cell that is its amount, for amount_in: the size word and currency printed
    apart made one ("4,2 mill. kr" -> "4,2 mill"), the name of the money's source before it dropped
    ("Statsbidrag 150 tkr" -> "150 tkr") where the amount prints its unit (a bare number after a word
    could be a year or a count); the cell as it is otherwise."""
    text = _UNIT_PAIR.sub(r"\1", value.strip())
    named = _NAMED_AMOUNT.match(text)
    if named is None:
        return text
    amount = named.group("amount")
    if not UNIT_WORD.search(amount) or re.match(r"(?:19|20)\d\d\s+\d", amount):
        return None  # "Ansökan 2025 500 tkr": a year, then the amount
    return amount


def cell_amount(value: str, header: str, lang: str) -> tuple[float, str] | None:
    """(amount, unit) of a cost cell (amount_text, then amount_in)."""
    text = amount_text(value)
    return amount_in(text, header, lang) if text else None
