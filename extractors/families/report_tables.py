"""The tables of a report: budget, indicators, and people (steering group and the like).

Tables are recognised by their header words, not by position: a budget table has an item
column and an amount column ("Beräknad kostnad (tkr)", "Budsjett (NOK)"), an indicator table
opens with "Indikator", a people table pairs a name column with an organisation column.
"""

from __future__ import annotations

import re

from extractors.context import ExtractionContext
from extractors.families.common import add_activity, add_goal, clean
from extractors.families.report_goals import labelled_goals, level_of, status_of
from extractors.families.sections import (
    Section,
    blocks_before,
    looks_like_person,
    parse_number,
    sentences,
    split_names,
)
from extractors.pdf.structures import Block, Cell, Table

AMOUNT_HEADER = re.compile(
    r"(?i)kostnad|kostnader|budget|budsjett|beløp|belopp|utfall|regnskap|rekneskap|summa|\bsum\b|tkr|mkr|"
    r"\bkr\b|\bnok\b|\bsek\b|kroner|kronor|beräknad|medel|midler|finansiering|kostnad|økonomi|ekonomi|"
    r"forbrug|forbruk|\beur\b|\bdkk\b|euro|€|\bspent\b|expenditure"
)
PERCENT_HEADER = re.compile(r"(?i)%|procent|prosent|upparbetat|förbrukat|forbrukt|brukt|utnyttjat|oparbeidet")
# A column of how far the actual cost strays from the budget ("Avvikelse", "Avvik", "Afvigelse"): no amount of its own
DEVIATION_HEADER = re.compile(
    r"(?i)^(?:avvikelse|avvik|avvikk?|afvigelse|difference|deviation|variance|differanse)"
)
# also with the indicator's kind before it: "Output indicator", "Result indicators", "Resultatindikator"
INDICATOR_HEADER = re.compile(
    r"(?i)^(?:(?:output|result|outcome|programme|program|specific)\s+|\w+(?=indikator))?"
    r"(indikator|indikatorer|indicators?|nøkkeltal|nøkkeltall|nyckeltal|mått|måltal)\b"
)
NAME_HEADER = re.compile(
    r"(?i)^(namn|navn|name|ledamot|ledamöter|medlem|medlemmer|person|deltagare|deltakere)\b"
)
ORG_HEADER = re.compile(
    r"(?i)^(organisation|organisasjon|organisering|representerar|representerer|virksomhet|"
    r"arbetsgivare|arbeidsgiver|myndighet|företag|bedrift|kommun|kommune|org\.?)\b"
)
ROLE_CONTEXT: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"(?i)styrgrupp\w*|styringsgrupp\w*|styregrupp\w*|styrings­gruppe|styregruppe\w*"),
        "steering_group",
    ),
    (re.compile(r"(?i)kontaktperson\w*|kontakter"), "contact"),
    (re.compile(r"(?i)finansiär\w*|finansiør\w*"), "financier"),
)
TOTAL_ROW = re.compile(r"(?i)^(totalt|total|summa|sum|totalsumma|samlet|i alt)\b")


# A unit printed with an amount or in its column's header ("Kostnad (1000 kr)", "500 tkr", "2,5 mkr")
UNIT_WORD = re.compile(
    r"(?i)\b(?:tkr|tsek|ksek|tnok|knok|mkr|msek|mnok|mnkr|kr|nok|sek|kroner|kronor|mill\w*|miljoner|millioner)\b"
)


# An amount alone in a cell or after a label: "1 200", "500 tkr", "ca 2,5 mkr", "1 200 000 kr"
_AMOUNT_TEXT = re.compile(
    r"(?i)^(?:ca\.?\s*)?(?P<number>\d[\d\s\u00a0.,]*)\s*(?P<unit>[a-zæøåäö.]+(?:\s?kr)?)?"
    r"(?P<yearly>\s*(?:/|per|pr\.?|om)\s*(?:år|året|year|annum))?$"
)


def is_yearly(text: str) -> bool:
    """An amount printed per year ("120 tkr/år", "500 000 kr per år")."""
    m = _AMOUNT_TEXT.match(text.strip())
    return m is not None and m.group("yearly") is not None


def amount_in(text: str, header: str, lang: str) -> tuple[float, str] | None:
    """(amount, unit) of a text that is one amount, its unit printed with it or in the header
    ("Kostnad (1000 kr)": "1 200"); None for any other text or where no unit is printed (the number
    could be kroner or thousands)."""
    m = _AMOUNT_TEXT.match(text.strip())
    if m is None:
        return None
    printed = (m.group("unit") or "").strip()
    if (printed and not UNIT_WORD.fullmatch(printed)) or not (printed or UNIT_WORD.search(header)):
        return None
    value = parse_number(m.group("number"))
    if value is None:
        return None
    unit, factor = amount_unit(header, printed, lang)
    return value * factor, unit


def add_amount_line(
    ctx: ExtractionContext,
    activity_id: str,
    item: str | None,
    found: tuple[float, str],
    kind: str,
    page: int,
    financier_actor_id: str | None = None,
) -> None:
    """A budget line of one amount read with `amount_in` (plan cost cells, fact boxes, slides, forms)."""
    ctx.result.add(
        "budget_lines",
        activity_id=activity_id,
        item=item or None,
        amount=found[0],
        unit=found[1],
        kind=kind,
        financier_actor_id=financier_actor_id,
        page=page,
    )


# An amount with its unit inside a list of sources ("Enova SF 1 200 000 kr, Tokke kommune 1,2 mill. kr")
_LISTED_AMOUNT = re.compile(
    r"(?i)(?<![\w,.])(?:ca\.?\s*)?\d{1,3}(?:[\s\u00a0.]\d{3})*(?:,\d+)?\s*"
    r"(?:(?:mill\w*|mio|mnok|msek|mkr|tkr|tnok|tsek)\.?\s*(?:kr|kroner|kronor|nok|sek|dkk|eur)?|"
    r"kr|kroner|kronor|nok|sek|dkk|eur|€)(?![\w])\.?"
)
_LIST_GLUE = re.compile(r"(?i)^(?:\s|[,;:+&/]|\bog\b|\boch\b|\band\b|\bsamt\b)+|(?:\s|[,;:(])+$")


def named_amounts(text: str, lang: str) -> list[tuple[str, tuple[float, str]]]:
    """ "Enova SF 1 200 000 kr, Tokke kommune 1 200 000 kr" -> [(source, (amount, unit)), ...]: a
    financing fact that names each source before its amount. [] unless the whole text is such pairs."""
    text = clean(text).rstrip(" .")
    out: list[tuple[str, tuple[float, str]]] = []
    last = 0
    for match in _LISTED_AMOUNT.finditer(text):
        name = _LIST_GLUE.sub("", text[last : match.start()])
        amount = re.sub(r"(?i)\b(mill\w*|mio)\.?\s*(?:kr|kroner|kronor|nok|sek)\b", r"\1", match.group(0))
        found = amount_in(amount.strip().rstrip("."), "", lang)
        if not name or found is None or re.fullmatch(r"[\d\s.,]+", name):
            return []
        out.append((name, found))
        last = match.end()
    if _LIST_GLUE.sub("", text[last:]):
        return []
    return out


# "Beløb i 1.000 kr.", "Amounts in EUR thousand": a note of the unit of a table's amounts
_AMOUNTS_IN = re.compile(r"(?i)\b(?:beløb|beløp|belopp|amounts?|figures|tal)\s+(?:i|in)\s+[^.]{0,25}")


def amount_unit(header: str, context: str, lang: str) -> tuple[str, float]:
    """Unit of an amount column and the factor that converts its numbers to that unit."""
    text = f"{header} {context}".lower()
    # euros wherever printed; Danish kroner in a Danish document or where DKK is printed
    euro = bool(re.search(r"\beur\b|€|\beuros?\b", text))
    danish = not euro and (bool(re.search(r"\bdkk\b", text)) or lang == "da")
    if euro or danish:
        currency = "eur" if euro else "dkk"
        # the scale only from the header or an "Amounts in …" note: the running text's "1,5 mio. kr."
        # is an amount, not the table's unit
        scale = " ".join([header.lower(), *(m.group(0) for m in _AMOUNTS_IN.finditer(text))])
        if re.search(r"\b(teur|keur|tdkk|t\s?kr|tkr|1[\s.]?000\s?(kr|eur|dkk)|tusinde?|thousands?)\b", scale):
            return f"{currency}_thousand", 1.0
        if re.search(r"\b(meur|mio\.?|mill\w*|millions?)(?!\w)", scale):
            return f"{currency}_thousand", 1000.0
        return currency, 1.0
    norwegian = lang in ("nb", "nn") or bool(re.search(r"\bnok\b|kroner\b", text))
    if re.search(r"\b(tkr|tsek|ksek|tnok|knok|t\s?kr|1\s?000\s?(kr|nok|sek)|tusen|tusental|tusinde)\b", text):
        return ("nok_thousand", 1.0) if norwegian else ("sek_thousand", 1.0)
    if re.search(r"\b(mkr|msek|mnok|mill\w*|miljoner|millioner|mnkr)\b", text):
        return ("nok_thousand", 1000.0) if norwegian else ("sek_million", 1.0)
    return ("nok", 1.0) if norwegian else ("sek", 1.0)


def amount_kind(header: str) -> str:
    text = header.lower()
    if re.search(r"finansier|finansiering|finansiør", text):
        return "financing"
    if re.search(
        r"kostnad|utfall|upparbetat|forbru[gk]|regnskap|rekneskap|kostnader|utgift|spent|expenditure", text
    ):
        return "cost"
    return "budget"


def _columns(table: Table) -> tuple[list[str], int]:
    headers = table.header_texts()
    first_body = table.header_rows
    if table.header_rows == 0 and table.n_rows > 1:
        headers = [c.text if c else "" for c in table.grid()[0]]
        first_body = 1
    return [clean(h) for h in headers], first_body


def _match_activity(ctx: ExtractionContext, item: str, default: str | None) -> str | None:
    from rapidfuzz import fuzz, utils

    best, best_id = 0.0, default
    for row in ctx.result.table("activities"):
        if row.get("level") == "project" or not row.get("title"):
            continue
        score = fuzz.token_set_ratio(item, str(row["title"]), processor=utils.default_process)
        if score > best:
            best, best_id = score, str(row["activity_id"])
    return best_id if best >= 85 else default


def add_budget(
    ctx: ExtractionContext, table: Table, section: Section, project_id: str | None, extractor: str
) -> bool:
    """budget_lines from a budget table; False when the table is not one."""
    headers, first = _columns(table)
    amount_cols = [
        i
        for i, h in enumerate(headers)
        if AMOUNT_HEADER.search(h) and not PERCENT_HEADER.search(h) and not DEVIATION_HEADER.match(h)
    ]
    percent_cols = [i for i, h in enumerate(headers) if PERCENT_HEADER.search(h)]
    grid = table.grid()
    amount_cols = [c for c in amount_cols if _mostly_numbers(grid, first, c)]  # "Finansieringskjelde" names
    if not amount_cols or table.n_cols < 2:
        return False
    item_col = next((i for i in range(table.n_cols) if i not in amount_cols and i not in percent_cols), None)
    if item_col is None:
        return False
    # the items are the sources ("Finansieringskälla | Belopp"): every amount is a financing
    sources = bool(
        re.search(r"(?i)finansi(?:er|är|ør)|kjelde|källa|kilde|financier|funder|source", headers[item_col])
    )
    lang = ctx.language
    # the currency may be printed in any header ("Ekonomi (tkr)", "Budget (EUR)") or the text before
    context = " ".join([*headers, *(b.text for b in blocks_before(section, table))])
    added = 0
    for r in range(first, table.n_rows):
        cells = grid[r]
        item_cell = cells[item_col]
        item = clean(item_cell.text) if item_cell else ""
        if not item:
            continue
        percent = None
        if percent_cols:
            cell = cells[percent_cols[0]]
            percent = parse_number(cell.text) if cell else None
        page = table.row_pages[r] if r < len(table.row_pages) else table.page_start
        for col in amount_cols:
            cell = cells[col]
            value = parse_number(cell.text) if cell else None
            if value is None:
                continue
            unit, factor = amount_unit(headers[col], context, lang)
            kind = "financing" if sources else amount_kind(headers[col])
            if TOTAL_ROW.match(item) and (kind == "financing" or percent is None):
                # the sum of the lines above: a reader adding the lines would count it twice (a total
                # that prints how much was used states what no line does, and is kept)
                continue
            financier = (
                ctx.actors.resolve(_BRACKET_TAIL.sub("", item) or item, ctx.result)
                if kind == "financing" and not TOTAL_ROW.match(item) and names_a_body(item)
                else None
            )
            activity_id = project_id if TOTAL_ROW.match(item) else _match_activity(ctx, item, project_id)
            if financier is not None:  # the table names who gives the money
                ctx.result.add(
                    "actor_roles",
                    activity_id=activity_id,
                    actor_id=financier,
                    role="financier",
                    raw=f"{item}: {clean(cell.text) if cell else ''}",
                    page=page,
                )
            ctx.result.add(
                "budget_lines",
                activity_id=activity_id,
                item=item,
                amount=value * factor,
                unit=unit,
                percent_used=percent,
                kind=kind,
                financier_actor_id=financier,
                page=page,
            )
            added += 1
    return added > 0


# "Svenska ESF-rådet (ESF+)", "Hudiksvalls kommun (egen insats)": a note or abbreviation after the name
_BRACKET_TAIL = re.compile(r"\s*\([^()]*\)\s*$")


OWN_MONEY = re.compile(
    r"(?i)^(?:eigen|egen|eget|egne|eigne|own|privat|private|övrig|øvrig|andre|anna|annan|other|"
    r"offentlig|kommunal|statlig|ideell|in-kind|naturalier)\w*\b"
)


def names_a_body(item: str) -> bool:
    """A financing row's item that may be an organisation: not "Eigeninnsats bedrifter", "Egen insats",
    "Privat medfinansiering" or "Övriga" (kinds of money, whoever gives them)."""
    return OWN_MONEY.match(item) is None


def _mostly_numbers(grid: list[list[Cell | None]], first: int, col: int) -> bool:
    """Whether most filled body cells of a column are amounts (a total row's label aside)."""
    texts = [t for row in grid[first:] if (cell := row[col]) is not None and (t := clean(cell.text))]
    numbers = sum(parse_number(t) is not None for t in texts)
    return not texts or numbers * 2 > len(texts)


# What an indicator table's value column holds: where it started, where it should get, where it got.
BASELINE_COLUMN = re.compile(
    r"(?i)utgångsläge|utgångsvärde|utgangspunkt|utgangsnivå|nuläge|startvärde|startverdi|baseline|status\s+(?:19|20)\d\d"
)
TARGET_COLUMN = re.compile(r"(?i)målvärde|målnivå|måltal|måltall|mål\b|target|ambisjon")
ACTUAL_COLUMN = re.compile(
    r"(?i)utfall|resultat|oppnådd|oppnått|uppnått|opnået|actual|result|status|achieved|reached"
)
# A column headed by a year alone ("Nyckeltal | 2023 | 2024 | 2025 | Mål 2026"): a value of that year
YEAR_COLUMN = re.compile(r"^\s*((?:19|20)\d\d)\s*$")
HEADER_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")  # the year a column header names ("Målvärde 2025")


def add_indicator_table(ctx: ExtractionContext, table: Table, project_id: str | None) -> bool:
    """One indicators row per filled value cell of an "Indikator | Kvinnor | Män | Antal" table;
    an "Indikator | Utgångsläge 2022 | Målvärde 2025 | Utfall 2025" table gives one row per indicator
    with its baseline and target, and its outcome as an outcomes row."""
    headers, first = _columns(table)
    if not headers or not INDICATOR_HEADER.match(headers[0]) or table.n_cols < 2:
        return False
    grid = table.grid()
    if _add_target_table(ctx, table, headers, first, grid, project_id):
        return True
    value_cols = list(range(1, table.n_cols))
    for r in range(first, table.n_rows):
        name_cell = grid[r][0]
        name = clean(name_cell.text) if name_cell else ""
        if not name:
            continue
        page = table.row_pages[r] if r < len(table.row_pages) else table.page_start
        for col in value_cols:
            cell = grid[r][col]
            value = parse_number(cell.text) if cell else None
            if value is None or cell is None:
                continue
            column = headers[col] or f"kolumn {col + 1}"
            metric = f"{name} ({column.lower()})" if len(value_cols) > 1 else name
            ctx.result.add(
                "indicators",
                activity_id=project_id,
                text=f"{name}: {clean(cell.text)}",
                outcome_kind="indicator",
                metric=metric,
                unit="percent" if "%" in cell.text else "count",
                comparator="eq",
                target_value=value,
                page=page,
            )
    return True


def _add_target_table(
    ctx: ExtractionContext,
    table: Table,
    headers: list[str],
    first: int,
    grid: list[list[Cell | None]],
    project_id: str | None,
) -> bool:
    """The baseline/target/outcome reading of an indicator table; False when it has no target column."""
    target = next((c for c in range(1, len(headers)) if TARGET_COLUMN.search(headers[c])), None)
    if target is None:
        return False
    baseline = next((c for c in range(1, len(headers)) if BASELINE_COLUMN.search(headers[c])), None)
    if baseline is None:  # a time series: the latest year printed before the target is where it stands
        years = [c for c in range(1, target) if YEAR_COLUMN.match(headers[c])]
        baseline = max(years, key=lambda c: int(headers[c].strip())) if years else None
    actual = next(
        (
            c
            for c in range(1, len(headers))
            if c not in (target, baseline) and ACTUAL_COLUMN.search(headers[c])
        ),
        None,
    )

    def value(row: list[Cell | None], col: int | None) -> tuple[float | None, str]:
        cell = row[col] if col is not None else None
        text = clean(cell.text) if cell is not None else ""
        return parse_number(text), text

    def year(col: int | None) -> int | None:
        found = HEADER_YEAR.search(headers[col]) if col is not None else None
        return int(found.group(1)) if found else None

    for r in range(first, table.n_rows):
        row = grid[r]
        name = clean(row[0].text) if row[0] is not None else ""
        goal, goal_text = value(row, target)
        if not name or goal is None:
            continue
        start, _ = value(row, baseline)
        reached, reached_text = value(row, actual)
        page = table.row_pages[r] if r < len(table.row_pages) else table.page_start
        comparator = add_target_indicator(
            ctx, name, goal_text, goal, year(target), start, year(baseline), page, activity_id=project_id
        )
        if reached is not None:
            met = reached >= goal if comparator == "ge" else reached <= goal
            ctx.result.add(
                "outcomes",
                activity_id=project_id,
                text=f"{name}: {headers[actual]} {reached_text} ({headers[target]} {goal_text})",  # type: ignore[index]
                status="achieved" if met else "not_achieved",
                assessor="project",
                page=page,
            )
    return True


def add_target_indicator(
    ctx: ExtractionContext,
    metric: str,
    target_text: str,
    target: float,
    target_year: int | None,
    baseline: float | None,
    baseline_year: int | None,
    page: int,
    *,
    activity_id: str | None,
    goal_id: str | None = None,
) -> str:
    """One indicator row of a table that prints its baseline and target (report indicator tables,
    a plan's "Indikator | Utfall 2025 | Målvärde 2026" rows); returns its comparator."""
    comparator = "ge" if baseline is None or target >= baseline else "le"
    ctx.result.add(
        "indicators",
        activity_id=activity_id,
        goal_id=goal_id,
        text=f"{metric}: {target_text}",
        outcome_kind="indicator",
        metric=metric,
        unit="percent" if "%" in target_text else "count",
        comparator=comparator,
        target_value=target,
        target_year=target_year,
        baseline_value=baseline,
        baseline_year=baseline_year if baseline is not None else None,
        page=page,
    )
    return comparator


def add_people_table(ctx: ExtractionContext, table: Table, section: Section, project_id: str) -> bool:
    """actor_roles from a "Namn | Organisation" table; the role comes from the lead-in text."""
    headers, first = _columns(table)
    name_col = next((i for i, h in enumerate(headers) if NAME_HEADER.match(h)), None)
    org_col = next((i for i, h in enumerate(headers) if ORG_HEADER.match(h)), None)
    if name_col is None:
        return False
    context = " ".join([section.title, *(b.text for b in blocks_before(section, table))])
    role = next((r for pattern, r in ROLE_CONTEXT if pattern.search(context)), "other")
    grid = table.grid()
    for r in range(first, table.n_rows):
        name_cell = grid[r][name_col]
        org_cell = grid[r][org_col] if org_col is not None else None
        if name_cell is None:
            continue
        org_raw = clean(org_cell.text) if org_cell else ""
        org = clean(re.sub(r"\([^)]*\)", "", org_raw)) or None
        page = table.row_pages[r] if r < len(table.row_pages) else table.page_start
        for name in split_names(name_cell.text):
            if not looks_like_person(name) and len(name.split()) < 2:
                continue
            ctx.result.add(
                "actor_roles",
                activity_id=None,
                actor_id=ctx.actors.resolve(org, ctx.result) if org else None,
                role=role,
                person_name=name,
                person_title=None,
                raw=clean(f"{name_cell.text} | {org_raw}"),
                page=page,
            )
    return True


# "Den totala budgeten var 6,4 miljoner kronor", "Budsjettet var på 1,2 millioner kroner"
_AMOUNT = r"(?P<{name}>\d[\d\s\u00a0]*(?:[.,]\d+)?)\s*(?P<{name}_unit>mkr|tkr|kr|miljoner kronor|millioner kroner|mill\.? kr|mnok|kronor|kroner)"
BUDGET_SENTENCE = re.compile(
    r"(?i)\b(?:(?:den\s+)?totala\s+budgeten|projektets\s+budget|budgeten|totalbudget(?:en)?|"
    r"(?:det\s+)?totale\s+budsjettet|budsjettet|prosjektets\s+budsjett|samlet\s+budget)\s+"
    r"(?:var|är|er|blev|ble|vart|uppgick\s+till|utgjorde)\s+(?:på\s+)?(?:ca\.?\s+|omkring\s+)?"
    + _AMOUNT.format(name="total")
)
# "varav 2,9 miljoner kronor från Europeiska regionala utvecklingsfonden"
SHARE_FROM = re.compile(
    r"(?i)(?:varav|hvorav|herav|därav|derav|och|og|samt)\s+"
    + _AMOUNT.format(name="part")
    + r"\s+(?:från|fra|av)\s+(?P<source>[A-ZÅÄÖØÆ][^,.;]*?)(?=\s+(?:och|og|samt)\s+\d|[,.;]|$)"
)


def add_budget_sentences(ctx: ExtractionContext, text: str, project_id: str, page: int) -> int:
    """budget_lines from a report's sentence of its budget: the total, and the shares it names
    with their financiers ("varav 2,9 mkr från Region Gävleborg")."""
    lang = ctx.language
    added = 0
    for total in BUDGET_SENTENCE.finditer(text):
        value = parse_number(total.group("total"))
        if value is None:
            continue
        unit, factor = amount_unit(total.group("total_unit"), "", lang)
        ctx.result.add(
            "budget_lines",
            activity_id=project_id,
            item="Total budget",
            amount=value * factor,
            unit=unit,
            kind="budget",
            page=page,
        )
        added += 1
        rest = text[total.end() : total.end() + 400].split(". ")[0]
        for share in SHARE_FROM.finditer(rest):
            part = parse_number(share.group("part"))
            if part is None:
                continue
            unit, factor = amount_unit(share.group("part_unit"), "", lang)
            source = share.group("source").strip()
            ctx.result.add(
                "budget_lines",
                activity_id=project_id,
                item=source,
                amount=part * factor,
                unit=unit,
                kind="financing",
                financier_actor_id=ctx.actors.resolve(source, ctx.result),
                page=page,
            )
            added += 1
    return added


# "Projektet er finansieret af Region Midtjylland med 1,5 mio. kr. og Ringkøbing-Skjern Kommune med …"
_FINANCED_BY = re.compile(
    r"(?i)\b(?:med)?finansi(?:eret|eres|erede|ert|ertes|eras|erats|erades|erad|erat|ed)\s+(?:af|av|by)\s+"
)
_SOURCE_WITH = re.compile(
    r"(?i)\s*(?:,|\bog\b|\boch\b|\band\b|\bsamt\b)?\s*(?P<source>[A-ZÅÄÖØÆ][^,;:()]{1,80}?)\s+(?:med|with|på|om)\s+"
    r"(?P<amount>\d[\d\s\u00a0.]*(?:,\d+)?)\s*"
    r"(?P<unit>(?:mio|mill\w*|miljoner|millioner|mkr|tkr|mnok|msek)\.?\s*(?:kr|kroner|kronor|dkk|nok|sek|eur|euro)?\.?|"
    r"kr\.?|kroner|kronor|dkk|nok|sek|eur|euro|€)"
)


def add_financing_sentences(ctx: ExtractionContext, text: str, project_id: str, page: int) -> int:
    """Financing lines of a sentence that names each financier with its amount ("finansieret af
    Region Midtjylland med 1,5 mio. kr. og Ringkøbing-Skjern Kommune med 1,5 mio. kr.")."""
    added = 0
    for opening in _FINANCED_BY.finditer(text):
        at = opening.end()
        while (pair := _SOURCE_WITH.match(text, at)) is not None:
            value = parse_number(pair.group("amount"))
            source = clean(pair.group("source"))
            if value is None or re.search(r"\d", source):
                break
            unit, factor = amount_unit(pair.group("unit"), "", ctx.language)
            financier = ctx.actors.resolve(source, ctx.result) if names_a_body(source) else None
            add_amount_line(ctx, project_id, source, (value * factor, unit), "financing", page, financier)
            if financier is not None:
                ctx.result.add(
                    "actor_roles",
                    activity_id=project_id,
                    actor_id=financier,
                    role="financier",
                    raw=clean(text[opening.start() : pair.end()]),
                    page=page,
                )
            added += 1
            at = pair.end()
    return added


# A report form's fact table printed as "label | value" rows ("Ärendenummer | 20304512",
# "Projektperiod | 2023-03-01 – 2025-08-31"): its labels, in column 0.
FORM_LABEL = re.compile(
    r"(?i)^(?:ärende|diarie|journal|saks|stödmottag|støttemottak|tilskuddsmottak|tilskotsmottak|"
    r"projektägar|prosjektei|projektejer|projektnamn|projektnavn|prosjektnavn|projektperiod|prosjektperiod|"
    r"projekttid|prosjekttid|genomförandeperiod|beviljat|beviljade|bevilget|bevilga|tilsagn|tilskudd|"
    r"projektledar|prosjektleder|prosjektleiar|projektleder|kontaktperson|finansiär|finansiør|finansiering|"
    r"medfinansi|budget|budsjett|total\s+budget|programområde|insatsområde|organisationsnummer|"
    r"organisasjonsnummer|project\s+(?:period|name|manager|owner|number)|grant\s+holder|"
    r"lead\s+(?:partner|beneficiary|applicant))"
)


def form_rows(table: Table) -> list[tuple[str, str, int]]:
    """(label, value, page) of a two-column table whose first column names the facts of the row
    ("Stödmottagare | Skellefteå kommun"); [] for any other table. Such a table has no header row
    however it is shaded, so every row counts."""
    if table.n_cols != 2 or table.n_rows < 2:
        return []
    rows: list[tuple[str, str, int]] = []
    for r, (label_cell, value_cell) in enumerate(table.grid()):
        label = clean(label_cell.text).rstrip(":").strip() if label_cell else ""
        value = clean(value_cell.text) if value_cell else ""
        if len(label) > 80 or parse_number(label) is not None:
            return []
        if label and value:
            rows.append((label, value, table.row_pages[r] if r < len(table.row_pages) else table.page_start))
    # the first row may head a table of sources ("Finansiär | Belopp"), so the facts are counted below it
    if sum(FORM_LABEL.match(label) is not None for label, _, _ in rows[1:]) < 2:
        return []
    return rows


def _answer_place(label: Block, value: Block) -> bool:
    """The value stands right under the label from its left edge, or beside it on its line."""
    height = max(label.bbox[3] - label.bbox[1], 6.0)
    under = (
        0 <= value.bbox[1] - label.bbox[3] <= 2.5 * height
        and abs(value.bbox[0] - label.bbox[0]) <= 3 * height
    )
    beside = abs(value.bbox[1] - label.bbox[1]) <= 0.5 * height and 0 <= value.bbox[0] - label.bbox[2] <= 200
    return value.page == label.page and (under or beside)


def label_over_answer(blocks: list[Block]) -> list[tuple[str, str, int]]:
    """(label, value, page) of a form printed as labels each above its boxed answer ("Projektägare" /
    "Bergs kommun", "Projektperiod" / "2023-03-01 - 2025-02-28") or as a fact list of label and value
    blocks side by side ("Lead partner   Luleå University of Technology"): a one-line block that is a
    form label alone, then a short block right under or beside it. [] unless the document has at
    least three such pairs (a form, not a heading that happens to be a label word)."""
    rows: list[tuple[str, str, int]] = []
    for label, value in zip(blocks, blocks[1:], strict=False):
        text = clean(label.text).rstrip(":").strip()
        answer = ", ".join(clean(ln) for ln in value.lines if clean(ln)) or clean(value.text)
        if (
            len(label.lines) == 1
            and len(text) <= 40
            and FORM_LABEL.match(text)
            and not re.search(r"[.:;]", text)
            and _answer_place(label, value)
            and value.kind in ("text", "fact_box", "list_item")
            and 0 < len(answer) <= 200
            and not FORM_LABEL.match(answer)
        ):
            rows.append((text, answer, label.page))
    return rows if len(rows) >= 3 else []


# "1 850 000 kr från Region Jämtland Härjedalen": an amount and the body it comes from
_AMOUNT_FROM = re.compile(
    r"(?i)^(?P<amount>.+?)\s+(?:från|fra|frå|from|af|av|fr\.)\s+(?P<body>[^\W\d].{2,})$"
)


# "Varav EU-medel (Europeiska regionala utvecklingsfonden)": the body a labelled amount comes from
_LABEL_BODY = re.compile(r"\(([^()]{4,})\)\s*$")
_GRANT_LABEL = re.compile(
    r"(?i)beviljat|beviljade|bevilget|bevilga|tilsagn|tilskudd|tilskot|stöd\b|støtte|grant"
)


def add_form_amounts(
    ctx: ExtractionContext, rows: list[tuple[str, str, int]], project_id: str
) -> list[tuple[str, str, int]]:
    """budget_lines of a fact table's amount rows ("Beviljat belopp | 4 200 000 kr"); returns
    (body, raw, page) of each body an amount is said to come from, for its financier role."""
    bodies: list[tuple[str, str, int]] = []
    for label, value, page in rows:
        if not AMOUNT_HEADER.search(label) and not _GRANT_LABEL.search(label):
            continue
        found = amount_in(value, label, ctx.language)
        if found is None:
            bodies += _named_form_amounts(ctx, label, value, page, project_id)
            continue
        body = _LABEL_BODY.search(label)
        name = clean(body.group(1)) if body and not UNIT_WORD.search(body.group(1)) else None
        kind = "financing" if name or _GRANT_LABEL.search(label) else amount_kind(label)
        financier = ctx.actors.resolve(name, ctx.result) if name else None
        add_amount_line(ctx, project_id, name or label, found, kind, page, financier)
        if name:
            bodies.append((name, f"{label}: {value}", page))
    return bodies


def _named_form_amounts(
    ctx: ExtractionContext, label: str, value: str, page: int, project_id: str
) -> list[tuple[str, str, int]]:
    """Financing lines of a form answer that names the body with the amount: "1 850 000 kr från Region
    Jämtland Härjedalen" or "Bergs kommun 550 000 kr, Jämtlands län 100 000 kr"."""
    pairs: list[tuple[str, tuple[float, str]]] = []
    if not _GRANT_LABEL.search(label) and amount_kind(label) != "financing":
        return []  # "Budget: Lön 500 000 kr, Resor 20 000 kr" names items, not sources
    came_from = _AMOUNT_FROM.match(value)
    if came_from is not None and (found := amount_in(came_from.group("amount"), label, ctx.language)):
        pairs = [(clean(came_from.group("body")).strip(" ."), found)]
    else:
        pairs = named_amounts(value, ctx.language)
    bodies: list[tuple[str, str, int]] = []
    for name, found in pairs:
        financier = ctx.actors.resolve(name, ctx.result) if names_a_body(name) else None
        add_amount_line(ctx, project_id, name, found, "financing", page, financier)
        if financier is not None:
            bodies.append((name, f"{label}: {value}", page))
    return bodies


# A report's table of what was planned and what was done ("Aktivitet | Planerat | Genomfört | Kommentar").
ACTIVITY_HEADER = re.compile(
    r"(?i)^(?:aktivitet\w*|arbetspaket\w*|delprojekt\w*|insats\w*|åtgärd\w*|tiltak\w*|arbeidspakk\w*|"
    r"delprosjekt\w*|arbejdspakke\w*|indsats\w*|activit(?:y|ies)|work\s+packages?)\b"
)
PLANNED_HEADER = re.compile(
    r"(?i)^(?:planerat?|planerade?|planlagt|planlagde|planlagd|planned|förväntat|forventet|expected)\b"
)
DONE_HEADER = re.compile(
    r"(?i)^(?:genomfört|genomförda?|utfört|utförda?|gjennomført|gjennomførte|utført|udført|gennemført|"
    r"levererat|levert|done|delivered|completed|actual)\b"
)
COMMENT_HEADER = re.compile(
    r"(?i)^(?:kommentar\w*|anmärkning\w*|merknad\w*|bemerkning\w*|comments?|notes?|avvikelse\w*|avvik\w*|"
    r"afvigelse\w*|deviations?)\b"
)
# A status column of a report's activity table ("Nr. | Aktivitet | Ansvarlig | Periode | Status")
STATUS_HEADER = re.compile(r"(?i)^(?:status|state|tilstand|läge|lägesbedömning)\b")
RESPONSIBLE_HEADER = re.compile(r"(?i)^(?:ansvarig\w*|ansvarlig\w*|ansvar|responsible|lead|led by)\b")
PERIOD_HEADER = re.compile(r"(?i)^(?:period\w*|tidsperiod\w*|tid|tidsrom|tidsplan|when|timing)\b")
NUMBER_HEADER = re.compile(r"(?i)^(?:nr|no|nummer|number|#|id)\.?$")
# "A1 Kartläggning av …", "AP2 Rekrytering": a code printed before the activity's name
_CODE_PREFIX = re.compile(r"^(?P<code>[A-ZÅÄÖ]{1,3}\s?\d{1,2}(?:\.\d{1,2})*)\s+(?P<title>\S.*)$")
# What a "Genomfört" cell says instead of a count ("Ej genomförd", "Pågår", "Klar")
NOT_DONE = re.compile(
    r"(?i)^(?:ej|inte|icke|ikke|ikkje|ingen|not|nej|nei|no)\b|\b(?:inställd|inställt|struken|utgick|avbruten|"
    r"avbrutet|avlyst|kansellert|cancelled|canceled)\b"
)
ONGOING_CELL = re.compile(
    r"(?i)^(?:pågår|pågående|påbörjad|påbörjat|påbegynt|pågang|i\s+gang|under\s+arbe(?:id|te)|ongoing|"
    r"in\s+progress)\b"
)
DONE_CELL = re.compile(
    r"(?i)^(?:ja|yes|klar|klart|genomförd|genomfört|utförd|utfört|gjennomført|utført|ferdig|fullført|done|completed|"
    r"gennemført|afsluttet|udført|færdig|avslutta|avsluttet|avslutad|avslutat)"
    r"\s*[.!]?$"
)
_COUNT = re.compile(r"\d{1,3}(?:[\s\u00a0]\d{3})+(?!\d)|\d+(?:[.,]\d+)?")


def _count(text: str) -> float | None:
    found = _COUNT.search(text)
    return parse_number(found.group(0)) if found else None


def done_status(planned: str, done: str) -> str:
    """Status of one activity from what was planned and what was done: "46 företagsbesök" against
    "40 företagsbesök" is achieved, "38 analyser" against "40 analyser" partly, "Ej genomförd" not."""
    if not done:
        return "unknown"
    if NOT_DONE.search(done):
        return "not_achieved"
    if ONGOING_CELL.match(done):
        return "ongoing"
    planned_n, done_n = _count(planned), _count(done)
    if planned_n and done_n is not None:
        if done_n >= planned_n:
            return "achieved"
        return "partly_achieved" if done_n > 0 else "not_achieved"
    if DONE_CELL.match(done):
        return "achieved"
    return status_of(done)


def add_activity_table(ctx: ExtractionContext, table: Table, project_id: str | None, extractor: str) -> bool:
    """The project's activities from an "Aktivitet | Planerat | Genomfört | Kommentar" table, each
    with an outcome from what was done against what was planned; False when the table is not one."""
    headers, first = _columns(table)
    title = next((i for i, h in enumerate(headers) if ACTIVITY_HEADER.match(h)), None)
    done = next((i for i, h in enumerate(headers) if DONE_HEADER.match(h)), None)
    planned = next((i for i, h in enumerate(headers) if PLANNED_HEADER.match(h)), None)
    comment = next((i for i, h in enumerate(headers) if COMMENT_HEADER.match(h)), None)
    status = next((i for i, h in enumerate(headers) if STATUS_HEADER.match(h)), None)
    if done is None and status is not None and title is not None:
        done, planned, comment = status, None, None  # the status cell says what was done
    elif title is None or done is None or (planned is None and comment is None):
        return False
    responsible = next((i for i, h in enumerate(headers) if RESPONSIBLE_HEADER.match(h)), None)
    period = next((i for i, h in enumerate(headers) if PERIOD_HEADER.match(h)), None)
    number = next((i for i, h in enumerate(headers) if NUMBER_HEADER.match(h)), None)

    def text(row: list[Cell | None], col: int | None) -> str:
        cell = row[col] if col is not None else None
        return clean(cell.text) if cell is not None else ""

    added = 0
    for r, row in enumerate(table.grid()[first:], start=first):
        name = text(row, title)
        if not name:
            continue
        page = table.row_pages[r] if r < len(table.row_pages) else table.page_start
        planned_text, done_text, note = text(row, planned), text(row, done), text(row, comment)
        code = text(row, number) or None
        coded = _CODE_PREFIX.match(name) if code is None else None
        if coded:
            code, name = coded.group("code"), coded.group("title")
        activity_id = _match_activity(ctx, name, "")
        if not activity_id:  # a work package the text already reported keeps its row
            activity_id = add_activity(
                ctx,
                level="activity",
                title=name,
                code=code,
                parent_id=project_id,
                page_start=page,
                start_raw=text(row, period) or None,
                extractor=extractor,
                expected_outcome_raw=planned_text or None,
                responsible_raw=text(row, responsible) or None,
                confidence=0.85,
            )
        added += 1
        if not done_text:
            continue
        said = f"{headers[done]}: {done_text}"
        if planned_text:
            said += f" ({headers[planned]}: {planned_text})"  # type: ignore[index]
        ctx.result.add(
            "outcomes",
            activity_id=activity_id,
            text=f"{said}. {note}" if note else said,
            status=done_status(planned_text, done_text),
            assessor="project",
            page=page,
        )
    return added > 0


# A goal table's columns: "Mål | Resultat", "Delmål | Status", "Mål | Måloppnåing", "Mål | Utfall"
# (not "Målgruppe", "Målvärde" or "Måltal", which head an indicator's columns).
GOAL_COLUMN = re.compile(
    r"(?i)^(?:[\wåäöæø]*mål(?:et|en|a|ene)?|målsetjing\w*|målsetting\w*|målsetning\w*|målsättning\w*|"
    r"goals?|objectives?|aims?)$"
)
RESULT_COLUMN = re.compile(
    r"(?i)^(?:resultat\w*|oppnådd\w*|oppnått|uppnått|måloppnå\w*|måluppfyll\w*|målopfyld\w*|status|"
    r"vurdering|bedömning|utfall|results?|outcomes?|achieved|assessment)\b"
)

VERDICT_COLUMN = re.compile(
    r"(?i)^(?:vurdering|bedömning|bedømmelse|status|måloppnå\w*|måluppfyll\w*|målopfyld\w*|assessment|verdict)\b"
)


def _goal_cell(text: str, default: str) -> tuple[str, str]:
    """(goal, level) of a goal cell: the label printed before the goal ("Hovudmål: …", "Delmål 2: …",
    or alone on the first line) gives the level and is no part of the goal."""
    labelled = labelled_goals(text)
    if len(labelled) == 1:
        label, goal = labelled[0]
        return goal, level_of(label) or default
    first, _, rest = text.partition("\n")
    if rest.strip() and len(first.split()) <= 3 and level_of(first.strip(" :")):
        return clean(rest), level_of(first.strip(" :")) or default
    return clean(text), default


def _result_status(text: str) -> str:
    """A result cell's verdict, read from its first sentence ("Delvis nådd. Talet auka …")."""
    if ONGOING_CELL.match(text):
        return "ongoing"
    first = sentences(text)
    status = status_of(first[0]) if first else "unknown"
    return status if status != "unknown" else status_of(text)


def add_goal_table(ctx: ExtractionContext, table: Table, project_id: str | None) -> bool:
    """One goal per row of a "Mål | Resultat" table, with the outcome its result cell states;
    False when the table is not one."""
    headers, first = _columns(table)
    if not headers or not GOAL_COLUMN.match(headers[0]):
        return False
    result = next((i for i, h in enumerate(headers[1:], start=1) if RESULT_COLUMN.match(h)), None)
    if result is None:
        return False
    # "Mål | Resultat 2025 | Vurdering": the verdict column states the status, the result column what was reached
    verdict = next(
        (i for i, h in enumerate(headers[1:], start=1) if i != result and VERDICT_COLUMN.match(h)), None
    )
    default = level_of(headers[0]) or "result"
    added = 0
    for r, row in enumerate(table.grid()[first:], start=first):
        goal_cell, result_cell = row[0], row[result]
        if goal_cell is None or not clean(goal_cell.text):
            continue
        page = table.row_pages[r] if r < len(table.row_pages) else table.page_start
        text, level = _goal_cell(goal_cell.text.strip(), default)
        goal_id = add_goal(ctx, text=text, level=level, page=page)
        added += 1
        said = clean(result_cell.text) if result_cell is not None else ""
        verdict_cell = row[verdict] if verdict is not None else None
        judged = clean(verdict_cell.text) if verdict_cell is not None else ""
        if said or judged:
            ctx.result.add(
                "outcomes",
                goal_id=goal_id,
                activity_id=project_id,
                text=f"{said} ({headers[verdict]}: {judged})" if said and judged else said or judged,  # type: ignore[index]
                status=_result_status(judged) if judged else _result_status(said),
                assessor="project",
                page=page,
            )
    return added > 0


def is_budget_follow_up(table: Table) -> bool:
    """A budget table that sets what was spent against what was budgeted ("Post | Budsjett 2025 |
    Rekneskap 2025", "Ekonomi (tkr) | Budget 2025 | Utfall 2025 | Avvikelse", "Budget | Forbrug"):
    a report's table whatever the document, never a plan's."""
    headers, first = _columns(table)
    grid = table.grid()
    kinds = {
        amount_kind(h)
        for i, h in enumerate(headers)
        if i > 0
        and AMOUNT_HEADER.search(h)
        and not PERCENT_HEADER.search(h)
        and not DEVIATION_HEADER.match(h)
        and _mostly_numbers(grid, first, i)
    }
    if {"budget", "cost"} <= kinds:
        return True
    # one amount column followed up by how much of it is used ("Finansiär | Budget (kr) | Upparbetat (%)")
    used = any(i > 0 and _USED_SHARE.search(h) for i, h in enumerate(headers))
    return bool(kinds) and used


# A column of the share of a budget used so far: "Upparbetat (%)", "Forbrukt %", "Used (%)"
_USED_SHARE = re.compile(r"(?i)upparbetat|förbrukat|forbrukt|forbrugt|brukt|utnyttjat|used|spent|utfall\s*%")


def add_report_table(
    ctx: ExtractionContext, table: Table, section: Section, project_id: str | None, extractor: str
) -> bool:
    """A report's table read in any document: goals with their verdicts ("Mål | Resultat | Vurdering"),
    indicators with a target ("Indikator | Target | Achieved", "Nyckeltal | 2024 | 2025 | Mål 2026"),
    activities with what was done or their status, and a budget followed up against its cost.
    False when the table is none of these (it is left to the plan readers)."""
    headers, _ = _columns(table)
    if add_goal_table(ctx, table, project_id):
        return True
    targets = (
        headers and INDICATOR_HEADER.match(headers[0]) and any(TARGET_COLUMN.search(h) for h in headers[1:])
    )
    if targets and table.n_cols >= 2:
        return add_indicator_table(ctx, table, project_id)
    if add_activity_table(ctx, table, project_id, extractor):
        return True
    if is_budget_follow_up(table):
        return add_budget(ctx, table, section, project_id, extractor)
    return False
