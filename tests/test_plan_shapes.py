"""Plan table shapes that lose data when read wrongly: a flat list of numbered actions, a cell merged
down over two rows, one header naming two columns, and a time column that prints when the work
takes place. Built here with reportlab and read by the real pipeline stages."""

from __future__ import annotations

import datetime as dt
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from extractors.normalise.columns import names_whole_period, paired_role
from tests.test_plan_variants import Run, run_pipeline

pytest.importorskip("reportlab")

HEADERS = ["Nr", "Åtgärd", "Ansvarig / samverkanspartner", "Tidplan", "Förväntat resultat"]
ROWS = [
    ("1", "Inrätta ett lokalt kompetensråd", "Näringslivsenheten / Arbetsförmedlingen", "2025", "Rådet har mötts fyra gånger"),
    ("2", "Utöka antalet platser inom Komvux", "Vuxenutbildningen", "Hösten 2025", "60 nya studieplatser per år"),
    ("3", "Starta en yrkeshögskoleutbildning", "Vuxenutbildningen / Mittuniversitetet", "innan utgången av 2026", "25 studerande antagna"),
    ("4", "Erbjuda studie- och yrkesvägledning", "", "2025–2026", "500 samtal per år"),
    ("5", "Marknadsföra kommunen som studieort", "Kommunikationsenheten", "Pågående", "Fler studenter stannar"),
    ("6", "Följa upp handlingsplanen årligen", "Näringslivsenheten", "2026 Q2", "Årlig uppföljning till KS"),
]  # fmt: skip
MERGED = (3, 4)  # the Ansvarig cell of actions 3 and 4 is one cell merged down over both rows


def _build(path: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    cell = ParagraphStyle("cell", fontName="Helvetica", fontSize=9, leading=11)
    bold = ParagraphStyle("bold", fontName="Helvetica-Bold", fontSize=9, leading=11)
    title = ParagraphStyle("title", fontName="Helvetica-Bold", fontSize=18, leading=22)
    body = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=13)
    data: list[list[Any]] = [[Paragraph(h, bold) for h in HEADERS]]
    data += [[Paragraph(text, cell) if text else "" for text in row] for row in ROWS]
    first, last = MERGED
    style = [
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("SPAN", (2, first), (2, last)),
    ]
    table = Table(data, colWidths=[30, 150, 130, 80, 120])
    table.setStyle(TableStyle(style))
    story = [
        Paragraph("Handlingsplan för kompetensförsörjning 2025–2027", title),
        Paragraph("Östersunds kommun", body),
        Spacer(1, 12),
        Paragraph("Handlingsplanen beskriver de åtgärder kommunen genomför under planperioden.", body),
        Spacer(1, 12),
        table,
    ]
    SimpleDocTemplate(str(path), pagesize=A4, topMargin=50, bottomMargin=50).build(story)


@lru_cache(maxsize=1)
def plan() -> Run:
    folder = Path(tempfile.mkdtemp(prefix="planextract-shapes-"))
    pdf = folder / "handlingsplan_kompetens.pdf"
    _build(pdf)
    return run_pipeline(pdf)


def test_numbered_actions_with_content_are_activities_not_areas() -> None:
    run = plan()
    rows = [r for r in run.rows if r["code"] in {row[0] for row in ROWS}]
    assert [r["code"] for r in rows] == ["1", "2", "3", "4", "5", "6"]
    assert {r["level"] for r in rows} == {"activity"}
    first = run.node("Inrätta ett lokalt kompetensråd")
    assert first["expected_outcome_raw"] == "Rådet har mötts fyra gånger"
    assert first["start_raw"] == "2025"


def test_a_header_naming_two_columns_splits_its_cells() -> None:
    run = plan()
    first = run.node("Inrätta ett lokalt kompetensråd")
    assert (first["responsible_raw"], first["participants_raw"]) == (
        "Näringslivsenheten",
        "Arbetsförmedlingen",
    )
    alone = run.node("Utöka antalet platser")
    assert (alone["responsible_raw"], alone["participants_raw"]) == ("Vuxenutbildningen", None)


def test_a_cell_merged_down_fills_every_row_it_covers() -> None:
    run = plan()
    for title in ("Starta en yrkeshögskoleutbildning", "Erbjuda studie- och yrkesvägledning"):
        row = run.node(title)
        assert (row["responsible_raw"], row["participants_raw"]) == ("Vuxenutbildningen", "Mittuniversitetet")


def test_a_time_column_gives_the_period_its_end() -> None:
    run = plan()
    dates = {
        title: (str(r.get("start_date")), str(r.get("end_date")))
        for title in (
            "Inrätta ett lokalt kompetensråd",
            "Utöka antalet platser",
            "Starta en yrkeshögskoleutbildning",
            "Erbjuda studie- och yrkesvägledning",
            "Följa upp handlingsplanen",
        )
        for r in [run.node(title)]
    }
    assert dates == {
        "Inrätta ett lokalt kompetensråd": ("2025-01-01", "2025-12-31"),
        "Utöka antalet platser": ("2025-08-01", "2025-12-31"),
        "Starta en yrkeshögskoleutbildning": ("None", "2026-12-31"),  # a deadline: the end alone
        "Erbjuda studie- och yrkesvägledning": ("2025-01-01", "2026-12-31"),
        "Följa upp handlingsplanen": ("2026-04-01", "2026-06-30"),
    }
    assert run.node("Marknadsföra kommunen")["ongoing"] is True


@pytest.mark.parametrize(
    ("header", "whole"),
    [("Tidplan", True), ("Tidsramme", True), ("När", True), ("Timeframe", True), ("Uppstart", False),
     ("Start", False), ("Oppstart", False), ("Ansvarig", False)],
)  # fmt: skip
def test_which_time_headers_name_the_whole_period(header: str, whole: bool) -> None:
    assert names_whole_period(header, "sv") is whole


@pytest.mark.parametrize(
    ("header", "second"),
    [("Ansvarig / samverkanspartner", "participants_raw"), ("Ansvar/medverkande", "participants_raw"),
     ("Ansvarlig/samarbeidspartnere", "participants_raw"), ("Ressurs/finansiering", None), ("Ansvarig", None)],
)  # fmt: skip
def test_headers_that_name_two_columns(header: str, second: str | None) -> None:
    assert paired_role(header, "sv") == second


BORDERLESS = [
    ("Ta fram en gemensam evenemangsstrategi för kommunen och besöksnäringen i hela skärgården",
     "Kultur- och fritidsförvaltningen", "Destination Västervik", "2025"),
    ("Förlänga säsongen genom paketering av höst- och vinterupplevelser",
     "Destination Västervik", "Skärgårdsföretagarna, Region Kalmar län", "2026"),
    ("Utveckla ställplatser för husbilar vid Gränsö och Lysingsbadet samt i Loftahammar",
     "Samhällsbyggnadsförvaltningen", "Lysingsbadet AB", "2026"),
    ("Genomföra en årlig besöksundersökning", "Destination Västervik", "Turismens Utredningsinstitut", "2025"),
    ("Samordna marknadsföring med Visit Småland", "Destination Västervik", "Region Kalmar län", "2026"),
]  # fmt: skip


def _wrap(text: str, width: float, size: float) -> list[str]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[str] = []
    for word in text.split():
        if lines and stringWidth(f"{lines[-1]} {word}", "Helvetica", size) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _borderless(path: Path) -> None:
    """No ruling lines, every other row shaded, a title cell wrapping onto more lines than its row's other cells."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    y = height - 70
    page.setFont("Helvetica-Bold", 18)
    page.drawString(56, y, "Handlingsplan för besöksnäringen 2025–2027")
    y -= 40
    xs, widths = [56, 235, 400, 516], [150.0, 150.0, 105.0, 30.0]
    page.setFont("Helvetica-Bold", 9.5)
    for x, header in zip(xs, ["Åtgärd", "Huvudansvar", "Medverkande", "Klart år"], strict=True):
        page.drawString(x, y, header)
    y -= 17
    for i, row in enumerate(BORDERLESS):
        cells = [_wrap(text, w, 9) for text, w in zip(row, widths, strict=True)]
        rows_height = max(len(c) for c in cells) * 11 + 6
        if i % 2 == 0:
            page.setFillColor(colors.HexColor("#eaf1f8"))
            page.rect(50, y - rows_height + 9, width - 100, rows_height, stroke=0, fill=1)
            page.setFillColor(colors.black)
        page.setFont("Helvetica", 9)
        for x, lines in zip(xs, cells, strict=True):
            for k, line in enumerate(lines):
                page.drawString(x, y - 11 * k, line)
        y -= rows_height
    page.showPage()
    page.save()


def test_a_borderless_table_keeps_the_last_lines_of_a_long_title_cell() -> None:
    folder = Path(tempfile.mkdtemp(prefix="planextract-borderless-"))
    pdf = folder / "handlingsplan_besoksnaring.pdf"
    _borderless(pdf)
    run = run_pipeline(pdf)
    assert (
        len(_wrap(BORDERLESS[0][0], 150.0, 9)) > 2 > len(_wrap(BORDERLESS[0][2], 105.0, 9))
    )  # the shape tested
    rows = {r["title"]: r for r in run.rows if r["level"] == "activity"}
    assert list(rows) == [row[0] for row in BORDERLESS]
    assert [rows[t]["responsible_raw"] for t in rows] == [row[1] for row in BORDERLESS]
    assert rows[BORDERLESS[2][0]]["end_raw"] == "2026"


def _simple_plan(
    path: Path, title: str, issuer: str, headers: list[str], rows: list[tuple[str, ...]], intro: str = ""
) -> None:
    """A ruled plan table under a title, the issuer's name and an introduction."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    cell = ParagraphStyle("cell", fontName="Helvetica", fontSize=9, leading=11)
    bold = ParagraphStyle("bold", fontName="Helvetica-Bold", fontSize=9, leading=11)
    data: list[list[Any]] = [[Paragraph(h, bold) for h in headers]]
    data += [[Paragraph(text, cell) for text in row] for row in rows]
    table = Table(data, colWidths=[510 / len(headers)] * len(headers))
    table.setStyle(
        TableStyle([("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    story = [
        Paragraph(title, ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=18, leading=22)),
        Paragraph(issuer, ParagraphStyle("b", fontName="Helvetica", fontSize=10, leading=13)),
        Spacer(1, 12),
        Paragraph(intro, ParagraphStyle("i", fontName="Helvetica", fontSize=10, leading=13)),
        Spacer(1, 12),
        table,
    ]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)


FOREIGN_PLANS = [
    (
        "Regional Action Plan for Green Industrial Transition 2025–2027",
        "Region Norrbotten",
        ["Action", "Lead", "Partners", "Timeframe", "Expected result"],
        [
            ("Set up a regional skills platform", "Region Norrbotten", "Luleå tekniska universitet", "2025",
             "1,500 people trained"),
            ("Map the need for grid capacity", "Länsstyrelsen i Norrbottens län", "Svenska kraftnät", "H1 2026",
             "Capacity map published"),
            ("Run a talent attraction campaign", "Region Norrbotten", "Business Sweden", "Ongoing",
             "Campaign reaches 2 million people"),
        ],
        "en",
        [(None, 1500.0)],  # an English comma groups thousands
    ),
    (
        "Handleplan for erhvervsudvikling 2025–2027",
        "Vejle Kommune",
        ["Indsats", "Ansvarlig", "Partnere", "Tidsplan", "Succeskriterie"],
        [
            ("Etablere et iværksætterhus", "Erhvervsafdelingen", "Vejle Erhverv", "2025",
             "Mindst 40 virksomheder har brugt huset"),
            ("Styrke samarbejdet med uddannelserne", "Jobcentret", "UCL Erhvervsakademi", "Løbende",
             "Højst 5 ubesatte praktikpladser"),
            ("Udvikle en turismestrategi", "Kultur og Fritid", "Destination Trekantområdet", "Efterår 2025",
             "Strategien er vedtaget"),
        ],
        "da",
        [("ge", 40.0)],  # "Mindst 40 …"
    ),
]  # fmt: skip


@pytest.mark.parametrize(
    ("title", "issuer", "headers", "rows", "lang", "first_indicators"),
    FOREIGN_PLANS,
    ids=["english", "danish"],
)
def test_action_plans_in_english_and_danish(
    title: str,
    issuer: str,
    headers: list[str],
    rows: list[tuple[str, ...]],
    lang: str,
    first_indicators: list[tuple[str, float]],
) -> None:
    folder = Path(tempfile.mkdtemp(prefix=f"planextract-{lang}-"))
    pdf = folder / "plan.pdf"
    _simple_plan(pdf, title, issuer, headers, rows)
    run = run_pipeline(pdf)
    info = run.result.info
    assert (info.doc_type, info.language, info.issuer) == ("action_plan", lang, issuer)
    first = run.node(rows[0][0])
    assert (first["responsible_raw"], first["participants_raw"]) == rows[0][1:3]
    assert first["expected_outcome_raw"] == rows[0][4]
    assert (str(first["start_date"]), str(first["end_date"])) == ("2025-01-01", "2025-12-31")
    assert [(i["comparator"], i["target_value"]) for i in run.indicators(first)] == first_indicators


def test_amounts_in_a_cost_column_are_budget_lines() -> None:
    folder = Path(tempfile.mkdtemp(prefix="planextract-cost-"))
    pdf = folder / "handlingsprogram.pdf"
    _simple_plan(
        pdf,
        "Handlingsprogram for næringsutvikling 2025–2028",
        "Bodø kommune",
        ["Tiltak", "Ansvarlig", "Tidsramme", "Kostnad (1000 kr)"],
        [
            ("Utvikle traineeprogram for nyutdannede", "Næringsavdelingen", "2025", "1 200"),
            ("Utarbeide en reiselivsstrategi", "Visit Bodø", "2026", "Innenfor ramme"),
            ("Kartlegge næringsarealer", "Plan og miljø", "2. halvår 2025", "300"),
        ],
    )
    run = run_pipeline(pdf)
    lines = {b["item"]: b for b in run.result.table("budget_lines")}
    assert set(lines) == {"Utvikle traineeprogram for nyutdannede", "Kartlegge næringsarealer"}
    first = lines["Utvikle traineeprogram for nyutdannede"]
    assert (first["amount"], first["unit"], first["kind"]) == (1200.0, "nok_thousand", "cost")
    assert first["activity_id"] == run.node("Utvikle traineeprogram")["activity_id"]
    assert run.node("Utarbeide en reiselivsstrategi")["resources_raw"] == "Innenfor ramme"


@pytest.mark.parametrize(
    ("intro", "goal"),
    [
        ("Planen bygger på strategin. Målet är att omsättningen ska öka med 20 procent till år 2027. Åtgärderna "
         "genomförs av förvaltningarna.", "omsättningen ska öka med 20 procent till år 2027."),
        ("Programmet følger opp næringsplanen. Hovedmålet er at Bodø skal være den mest attraktive byregionen i "
         "nord.", "Bodø skal være den mest attraktive byregionen i nord."),
        ("Det overordnede mål er, at Vejle skal være det bedste sted at drive virksomhed.",
         "Vejle skal være det bedste sted at drive virksomhed."),
        ("Planen gäller 2025–2027. Mål: Nyanlända ska snabbare etablera sig på arbetsmarknaden.",
         "Nyanlända ska snabbare etablera sig på arbetsmarknaden."),
    ],
)  # fmt: skip
def test_a_plans_goal_stated_in_its_introduction(intro: str, goal: str) -> None:
    folder = Path(tempfile.mkdtemp(prefix="planextract-intro-"))
    pdf = folder / "plan.pdf"
    _simple_plan(
        pdf,
        "Handlingsplan 2025–2027",
        "Västerviks kommun",
        ["Åtgärd", "Ansvarig", "Tidplan"],
        [
            ("Ta fram en evenemangsstrategi", "Kulturförvaltningen", "2025"),
            ("Utveckla ställplatser", "Teknik", "2026"),
        ],
        intro=intro,
    )
    run = run_pipeline(pdf)
    assert [(g["level"], g["text"]) for g in run.result.table("goals")] == [("overall", goal)]


def test_a_two_row_header_gives_each_lower_cell_its_column() -> None:
    """ "Tidplan" over "Start | Klart" and "Ansvar" over "Huvudansvarig | Medverkande": the lower cells
    name the columns; the narrow cells also break long compounds with no hyphen."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    cell = ParagraphStyle("cell", fontName="Helvetica", fontSize=9, leading=11)
    bold = ParagraphStyle("bold", fontName="Helvetica-Bold", fontSize=9, leading=11)
    top = ["Nr", "Aktivitet", "Tidplan", "", "Ansvar", "", "Förväntat resultat"]
    low = ["", "", "Start", "Klart", "Huvudansvarig", "Medverkande", ""]
    rows = [
        ("1.1", "Inrätta ett introduktionsprogram", "2025-01", "2025-12", "Arbetsförmedlingen", "Region Skåne",
         "80 nyanställda"),
        ("1.2", "Utöka antalet platser på vård- och omsorgscollege", "Ht 2025", "Vt 2027", "Komvux Lund",
         "Kommunal Lund", "40 fler platser"),
        ("2.1", "Starta ett branschråd för bygg", "2025", "Pågående", "Näringslivsavdelningen", "Byggföretagen",
         "Branschrådet träffas"),
    ]  # fmt: skip
    data: list[list[Any]] = [
        [Paragraph(h, bold) if h else "" for h in top],
        [Paragraph(h, bold) if h else "" for h in low],
    ]
    data += [[Paragraph(text, cell) for text in row] for row in rows]
    style = [
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("SPAN", (2, 0), (3, 0)),
        ("SPAN", (4, 0), (5, 0)),
        ("SPAN", (0, 0), (0, 1)),
        ("SPAN", (1, 0), (1, 1)),
        ("SPAN", (6, 0), (6, 1)),
    ]
    table = Table(data, colWidths=[30, 200, 60, 60, 70, 110, 150], repeatRows=2)
    table.setStyle(TableStyle(style))
    folder = Path(tempfile.mkdtemp(prefix="planextract-two-row-"))
    pdf = folder / "handlingsplan.pdf"
    title = ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=18, leading=22)
    SimpleDocTemplate(str(pdf), pagesize=landscape(A4)).build(
        [Paragraph("Handlingsplan för kompetensförsörjning 2025–2027", title), Spacer(1, 12), table]
    )
    run = run_pipeline(pdf)
    first = run.node("Inrätta ett introduktionsprogram")
    assert (first["start_raw"], first["end_raw"]) == ("2025-01", "2025-12")
    assert (first["responsible_raw"], first["participants_raw"]) == ("Arbetsförmedlingen", "Region Skåne")
    narrow = run.node("Starta ett branschråd")
    assert (narrow["responsible_raw"], narrow["end_raw"], narrow["ongoing"]) == (
        "Näringslivsavdelningen",
        "Pågående",
        True,
    )


def _text_plan(path: Path, areas: list[tuple[str, list[tuple[str, str]]]], intro: list[str]) -> None:
    """A plan with no table: numbered area headings, labelled activity headings, labelled fields."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    title = ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=20, leading=24)
    h1 = ParagraphStyle("h1", fontName="Helvetica-Bold", fontSize=15, leading=19, spaceBefore=10)
    h3 = ParagraphStyle("h3", fontName="Helvetica-Bold", fontSize=11, leading=14, spaceBefore=6)
    body = ParagraphStyle("b", fontName="Helvetica", fontSize=10, leading=13, spaceAfter=4)
    story = [Paragraph("Aktivitetsplan 2026", title), *(Paragraph(text, body) for text in intro)]
    for area, activities in areas:
        story.append(Paragraph(area, h1))
        for heading, text in activities:
            story += [Paragraph(heading, h3), Paragraph(text, body)]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)


def test_a_plan_of_labelled_paragraphs() -> None:
    folder = Path(tempfile.mkdtemp(prefix="planextract-text-plan-"))
    pdf = folder / "aktivitetsplan.pdf"
    _text_plan(
        pdf,
        [
            (
                "1. Etableringar och investeringar",
                [
                    ("Aktivitet 1.1 Utveckla en etableringsprocess med en väg in",
                     "Företag ska mötas av en samordnad process. Ansvarig: Näringslivskontoret. Medverkande: "
                     "Samhällsbyggnad, Skellefteå Kraft AB. Tidplan: 2026. Resultat: Handläggningstiden har halverats."),
                    ("Aktivitet 1.2 Ta fram en markreserv för industriändamål",
                     "Ansvarig: Samhällsbyggnad. Medverkande: Lantmäteriet. Tidplan: 2026–2027. Resultat: Detaljplaner "
                     "för minst 200 hektar."),
                ],
            ),
            (
                "2. Kompetens och rekrytering",
                [
                    ("Aktivitet 2.1 Genomföra kampanjen Skellefteå söker",
                     "Kampanjen riktar sig till yrkesverksamma. Ansvarig: Kommunikationsavdelningen. Tidplan: Våren "
                     "2026. Resultat: 1 500 registrerade intressenter."),
                ],
            ),
        ],
        ["Aktivitetsplanen beskriver hur näringslivsprogrammet genomförs.",
         "Vision: Skellefteå är Europas mest hållbara industristad 2030."],
    )  # fmt: skip
    run = run_pipeline(pdf)
    rows = [(r["level"], r["code"], r["title"]) for r in run.rows]
    assert rows == [
        ("area", "1", "Etableringar och investeringar"),
        ("activity", "Aktivitet 1.1", "Utveckla en etableringsprocess med en väg in"),
        ("activity", "Aktivitet 1.2", "Ta fram en markreserv för industriändamål"),
        ("area", "2", "Kompetens och rekrytering"),
        ("activity", "Aktivitet 2.1", "Genomföra kampanjen Skellefteå söker"),
    ]
    first = run.node("Utveckla en etableringsprocess")
    assert run.parent(first)["title"] == "Etableringar och investeringar"
    assert first["description"] == "Företag ska mötas av en samordnad process."
    assert (first["responsible_raw"], first["participants_raw"]) == (
        "Näringslivskontoret",
        "Samhällsbyggnad, Skellefteå Kraft AB",
    )
    assert (str(first["start_date"]), str(first["end_date"])) == ("2026-01-01", "2026-12-31")
    assert first["expected_outcome_raw"] == "Handläggningstiden har halverats"
    assert run.node("Ta fram en markreserv")["end_raw"] == "2027"
    goals = [(g["level"], g["text"]) for g in run.result.table("goals")]
    assert goals == [
        ("vision", "Skellefteå är Europas mest hållbara industristad 2030.")
    ]  # a labelled body line


def test_a_plan_whose_actions_were_not_read_says_so() -> None:
    from extractors.coverage import coverage_warnings
    from extractors.result import Extraction

    result = Extraction(doc_id="w")
    result.info.doc_type = "action_plan"
    [warning] = coverage_warnings(result)
    assert warning.startswith("no activities found")
    result.add("activities", level="area", title="Kompetens")
    assert coverage_warnings(result) != []  # an area heading alone holds no action
    result.add("activities", level="activity", title="Starta ett råd")
    assert coverage_warnings(result) == []
    result.info.doc_type = "final_report"
    assert coverage_warnings(result) == []  # a report promises no activities
    unknown = Extraction(doc_id="x")
    unknown.info.doc_type = "unknown"
    [warning] = coverage_warnings(
        unknown
    )  # an unknown document promises nothing, but says it was not recognised
    assert warning.startswith("kind of document not recognised")


def test_a_level_column_names_each_rows_level() -> None:
    """A "Nivå" column printing Målsetting / Strategi / Tiltak gives the rows those levels."""
    folder = Path(tempfile.mkdtemp(prefix="planextract-level-column-"))
    pdf = folder / "handlingsprogram.pdf"
    _simple_plan(
        pdf,
        "Handlingsprogram for byregionprogrammet 2025",
        "Trondheimsregionen",
        ["Nivå", "Beskrivelse", "Ansvar", "Tidsramme"],
        [
            ("Målsetting", "Regionen skal ha et arbeidsmarked med god tilgang på kompetanse", "", ""),
            ("Strategi", "Styrke samarbeidet mellom utdanning og arbeidsliv", "Trondheim kommune", ""),
            ("Tiltak", "Etablere et regionalt kompetanseforum", "Trondheim kommune", "2025"),
            ("Tiltak", "Kartlegge kompetansebehov i offentlig sektor", "Malvik kommune", "2026"),
        ],
        intro="Handlingsprogrammet følger opp den strategiske næringsplanen for regionen.",
    )
    run = run_pipeline(pdf)
    assert run.result.info.doc_type == "development_plan"
    assert [(r["level"], r["code"]) for r in run.rows] == [
        ("goal", "Målsetting"),
        ("strategy", "Strategi"),
        ("measure", "Tiltak"),
        ("measure", "Tiltak"),
    ]
    forum = run.node("Etablere et regionalt kompetanseforum")
    assert run.parent(forum)["level"] == "strategy"
    goals = [g["text"] for g in run.result.table("goals")]
    assert goals == ["Regionen skal ha et arbeidsmarked med god tilgang på kompetanse"]


def test_a_second_title_column_lists_sub_activities() -> None:
    folder = Path(tempfile.mkdtemp(prefix="planextract-items-"))
    pdf = folder / "handlingsplan.pdf"
    _simple_plan(
        pdf,
        "Handlingsplan för folkhälsa 2025–2026",
        "Umeå kommun",
        ["Insats", "Aktiviteter", "Ansvar", "Tid"],
        [
            ("Insats 1 Fler unga i rörelse",
             "• Öppna skolgårdar för spontanidrott<br/>• Gratis simskola för elever i årskurs 3<br/>"
             "• Prova-på-dagar med idrottsföreningar", "Fritidsförvaltningen", "2025"),
            ("Insats 2 Tobaksfria miljöer", "Arbetet samordnas med skolorna.", "Miljö- och hälsoskydd", "Pågående"),
        ],
    )  # fmt: skip
    run = run_pipeline(pdf)
    first = run.node("Fler unga i rörelse")
    subs = [r["title"] for r in run.rows if r["parent_id"] == first["activity_id"]]
    assert subs == [
        "Öppna skolgårdar för spontanidrott",
        "Gratis simskola för elever i årskurs 3",
        "Prova-på-dagar med idrottsföreningar",
    ]
    assert {r["level"] for r in run.rows if r["parent_id"] == first["activity_id"]} == {"subactivity"}
    assert run.node("Tobaksfria miljöer")["description"] == "Arbetet samordnas med skolorna."


def test_codes_of_letters_and_digits_are_codes() -> None:
    folder = Path(tempfile.mkdtemp(prefix="planextract-codes-"))
    pdf = folder / "handlingsplan.pdf"
    rows = [
        ("A.1.2", "Opparbeide gang- og sykkelveg mellom Hovden og sentrum", "Teknisk eining", "2025"),
        ("K1", "Gjennomføre klimakurs for alle tilsette", "Personalavdelinga", "2025"),
        ("K2", "Innføre klimarekneskap i budsjettprosessen", "Økonomiavdelinga", "2026"),
        ("T-04", "Innføre fossilfri kommunal bilpark", "Teknisk eining", "2027"),
        ("3a", "Auke utsorteringsgraden for matavfall", "Søre Sunnmøre Reinhaldsverk", "2026"),
    ]
    _simple_plan(
        pdf, "Handlingsplan for klima 2024–2027", "Ørsta kommune", ["Kode", "Tiltak", "Ansvar", "Tid"], rows
    )
    run = run_pipeline(pdf)
    assert [(r["code"], r["level"], r["parent_id"]) for r in run.rows] == [
        (row[0], "activity", None) for row in rows
    ]


def test_a_follow_up_gives_each_action_its_state_comment_and_financiers() -> None:
    folder = Path(tempfile.mkdtemp(prefix="planextract-follow-up-"))
    pdf = folder / "uppfoljning.pdf"
    _simple_plan(
        pdf,
        "Uppföljning av handlingsplan för integration 2024",
        "Borlänge kommun",
        ["Åtgärd", "Ansvarig", "Budget", "Finansiering", "Status", "Kommentar"],
        [
            ("Inrätta en etableringsenhet", "Arbetsmarknadsenheten", "250 tkr", "Tillväxtverket", "Klar",
             "Enheten startade i september 2023."),
            ("Utöka samhällsorienteringen", "Socialförvaltningen", "Inom ram", "", "Försenad",
             "Fortsätter under 2025."),
            ("Starta ett mentorprogram", "Näringslivsenheten", "120 tkr/år", "Borlänge kommun, Region Dalarna",
             "Ej påbörjad", ""),
        ],
    )  # fmt: skip
    run = run_pipeline(pdf)
    outcomes = {o["activity_id"]: (o["status"], o["text"]) for o in run.result.table("outcomes")}
    first, second, third = (run.node(t)["activity_id"] for t in ("Inrätta", "Utöka", "Starta"))
    assert outcomes == {
        first: ("achieved", "Klar: Enheten startade i september 2023."),
        second: ("ongoing", "Försenad: Fortsätter under 2025."),  # delayed, so under way
        third: ("not_achieved", "Ej påbörjad"),
    }
    funders = {
        (r["activity_id"], r["actor_id"]) for r in run.result.table("actor_roles") if r["role"] == "financier"
    }
    assert funders == {(first, "tillvaxtverket"), (third, "borlange-kommun"), (third, "region-dalarna")}
    lines = {b["activity_id"]: b for b in run.result.table("budget_lines")}
    assert (lines[first]["amount"], lines[first]["financier_actor_id"]) == (250.0, "tillvaxtverket")
    assert (lines[third]["item"], lines[third]["amount"], lines[third]["unit"]) == (
        "Starta ett mentorprogram (per år)",
        120.0,
        "sek_thousand",
    )  # a yearly amount says so in its item
    assert second not in lines  # "Inom ram" is no amount


def _split_row_plan(path: Path) -> None:
    """A ruled table whose last row on page 1 runs on to page 2 with no rule closing it on page 1
    and none opening it on page 2: only the column rules reach the page's edges."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(path), pagesize=A4)
    xs = [50.0, 90.0, 330.0, 450.0, 545.0]

    def rows(top: float, texts: list[tuple[str, ...]], close_last: bool, open_first: bool) -> float:
        y = top
        for i, row in enumerate(texts):
            if i or open_first:
                page.line(xs[0], y, xs[-1], y)
            for x, text in zip(xs, row, strict=False):
                page.drawString(x + 4, y - 14, text)
            y -= 30
        if close_last:
            page.line(xs[0], y, xs[-1], y)
        for x in xs:
            page.line(x, top if open_first else top + 40, x, y if close_last else 40)
        return y

    page.setFont("Helvetica-Bold", 16)
    page.drawString(50, 800, "Handlingsplan for kompetanse 2025–2028")
    page.setFont("Helvetica", 9)
    body = [("Nr", "Tiltak", "Ansvar", "Tidsramme")]
    body += [(str(n), f"Tiltak nummer {n} for kompetanse", "Kongsberg kommune", "2025") for n in range(1, 21)]
    body += [("21", "Etablere et introduksjonsprogram for nyansatte", "Næringsavdelingen", "2026")]
    rows(760, body, close_last=False, open_first=True)
    page.showPage()
    page.setFont("Helvetica", 9)
    page.drawString(94, 786, "ingeniører i samarbeid med de største arbeidsgiverne")
    rows(
        770, [("", "", "", ""), ("22", "Evaluere handlingsplanen", "Kongsberg kommune", "2028")], True, False
    )
    page.showPage()
    page.save()


def test_a_row_split_by_a_page_break_with_no_closing_rule_is_kept() -> None:
    folder = Path(tempfile.mkdtemp(prefix="planextract-split-row-"))
    pdf = folder / "handlingsplan.pdf"
    _split_row_plan(pdf)
    run = run_pipeline(pdf)
    codes = [r["code"] for r in run.rows if r["level"] not in ("area",)]
    assert codes[-2:] == ["21", "22"]
    assert run.node("Etablere et introduksjonsprogram")["responsible_raw"] == "Næringsavdelingen"


def test_a_numbered_area_row_keeps_its_number_as_the_code() -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    cell = ParagraphStyle("c", fontName="Helvetica", fontSize=9, leading=11)
    bold = ParagraphStyle("b", fontName="Helvetica-Bold", fontSize=9, leading=11)
    data: list[list[Any]] = [[Paragraph(h, bold) for h in ("Åtgärd", "Ansvarig", "Tidplan")]]
    data.append([Paragraph("1. Kompetensförsörjning i offentlig sektor", bold), "", ""])
    data.append([Paragraph(t, cell) for t in ("Starta ett traineeprogram", "HR-avdelningen", "2025")])
    data.append([Paragraph(t, cell) for t in ("Erbjuda validering", "Vuxenutbildningen", "2026")])
    table = Table(data, colWidths=[250, 150, 80])
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                ("SPAN", (0, 1), (-1, 1)),
                ("BACKGROUND", (0, 1), (-1, 1), colors.HexColor("#dddddd")),
            ]
        )
    )
    folder = Path(tempfile.mkdtemp(prefix="planextract-area-number-"))
    pdf = folder / "handlingsplan.pdf"
    title = ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=18, leading=22)
    SimpleDocTemplate(str(pdf), pagesize=A4).build([Paragraph("Handlingsplan 2025–2026", title), table])
    run = run_pipeline(pdf)
    area = run.rows[0]
    assert (area["level"], area["code"], area["title"], area["strategic_area"]) == (
        "area",
        "1",
        "Kompetensförsörjning i offentlig sektor",
        "Kompetensförsörjning i offentlig sektor",
    )
    assert (
        run.node("Starta ett traineeprogram")["strategic_area"] == "Kompetensförsörjning i offentlig sektor"
    )


def test_question_word_columns_are_read_like_named_ones() -> None:
    """ "Vad? | Hur? | Vem? | När?": the question mark is the header's punctuation, not its word."""
    folder = Path(tempfile.mkdtemp(prefix="planextract-questions-"))
    pdf = folder / "trygghet.pdf"
    _simple_plan(
        pdf,
        "Handlingsplan för trygghet 2025–2026",
        "Mjölby kommun",
        ["Vad?", "Hur?", "Vem?", "När?"],
        [
            ("Trygghetsvandringar i centrum", "Tillsammans med fastighetsägare och polis", "Kultur- och fritidsförvaltningen", "Våren 2025"),
            ("Uppföljning av trygghetsmätningen", "Resultaten redovisas för kommunstyrelsen", "Kommunledningskontoret", "Varje kvartal"),
        ],
    )  # fmt: skip
    run = run_pipeline(pdf)
    walks, follow_up = run.node("Trygghetsvandringar"), run.node("Uppföljning")
    assert (walks["responsible_raw"], walks["start_raw"], walks["description"]) == (
        "Kultur- och fritidsförvaltningen",
        "Våren 2025",
        "Tillsammans med fastighetsägare och polis",
    )
    assert follow_up["ongoing"] is True and follow_up["responsible_raw"] == "Kommunledningskontoret"


def _gantt_plan(path: Path, quarters: bool) -> None:
    """A plan whose time is drawn, not written: a year row over "Kv1 … Kv4" with the running
    quarters shaded (quarters=True), or year columns with an "X" in the years an action runs."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    cell = ParagraphStyle("cell", fontName="Helvetica", fontSize=8, leading=10)
    actions = [
        ("1", "Införa e-tjänst för bygglov", "Samhällsbyggnadsförvaltningen", (0, 2)),
        ("2", "Utbilda chefer i digitalt ledarskap", "HR-enheten", (2, 5)),
        ("3", "Utvärdera handlingsplanen", "Kommunledningsförvaltningen", (7, 7)),
    ]
    style: list[Any] = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    if quarters:
        data: list[list[Any]] = [
            ["Nr", "Aktivitet", "Ansvarig", "2025", "", "", "", "2026", "", "", ""],
            ["", "", "", *(["Kv1", "Kv2", "Kv3", "Kv4"] * 2)],
        ]
        style += [("SPAN", (3, 0), (6, 0)), ("SPAN", (7, 0), (10, 0))]
        style += [("SPAN", (c, 0), (c, 1)) for c in range(3)]
        for i, (number, title, who, (first, last)) in enumerate(actions):
            data.append([number, Paragraph(title, cell), Paragraph(who, cell), *[""] * 8])
            style.append(("BACKGROUND", (3 + first, 2 + i), (3 + last, 2 + i), colors.HexColor("#4f81bd")))
        widths = [25, 170, 150, *[40] * 8]
    else:
        data = [["Nr", "Aktivitet", "Ansvarig", "2025", "2026", "2027"]]
        for number, title, who, (first, last) in actions:
            years = ["X" if first // 3 <= k <= last // 3 else "" for k in range(3)]
            data.append([number, Paragraph(title, cell), Paragraph(who, cell), *years])
        widths = [25, 200, 170, 50, 50, 50]
    table = Table(data, colWidths=widths, repeatRows=2 if quarters else 1)
    table.setStyle(TableStyle(style))
    title = ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=16, leading=20)
    body = ParagraphStyle("b", fontName="Helvetica", fontSize=10, leading=13)
    story = [
        Paragraph("Handlingsplan för digitalisering 2025–2027", title),
        Paragraph("Falköpings kommun", body),
        Spacer(1, 12),
        table,
    ]
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build(story)


@pytest.mark.parametrize(
    ("quarters", "expected"),
    [
        (
            True,
            [
                ("Kv1 2025", "Kv3 2025", dt.date(2025, 1, 1), dt.date(2025, 9, 30)),
                ("Kv3 2025", "Kv2 2026", dt.date(2025, 7, 1), dt.date(2026, 6, 30)),
                ("Kv4 2026", None, dt.date(2026, 10, 1), dt.date(2026, 12, 31)),
            ],
        ),
        (
            False,  # actions 1 and 2 marked 2025 alone / 2025 and 2026, action 3 in 2027
            [
                ("2025", None, dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
                ("2025", "2026", dt.date(2025, 1, 1), dt.date(2026, 12, 31)),
                ("2027", None, dt.date(2027, 1, 1), dt.date(2027, 12, 31)),
            ],
        ),
    ],
)
def test_a_timeline_drawn_in_period_columns_gives_start_and_end(quarters: bool, expected: list[Any]) -> None:
    folder = Path(tempfile.mkdtemp(prefix="planextract-gantt-"))
    pdf = folder / "gantt.pdf"
    _gantt_plan(pdf, quarters)
    run = run_pipeline(pdf)
    got = [(r["start_raw"], r["end_raw"], r["start_date"], r["end_date"]) for r in run.rows]
    assert got == expected
    assert [r["responsible_raw"] for r in run.rows] == [
        "Samhällsbyggnadsförvaltningen",
        "HR-enheten",
        "Kommunledningsförvaltningen",
    ]


def test_a_striped_row_marks_no_period_and_a_year_row_completes_a_quarter() -> None:
    from extractors.families.plan_timeline import marked_span, timeline_slots
    from extractors.pdf.structures import Cell, Table

    def cell(row: int, col: int, text: str = "", shaded: bool = False, span: int = 1) -> Cell:
        return Cell(
            row=row, col=col, text=text, bbox=(0.0, 0.0, 1.0, 1.0), page=1, col_span=span, shaded=shaded
        )

    cells = [cell(0, 0, "Aktivitet"), cell(0, 1, "2026", span=2), cell(1, 1, "K1"), cell(1, 2, "K2")]
    cells += [cell(2, 0, "Striped", True), cell(2, 1, "", True), cell(2, 2, "", True)]
    cells += [cell(3, 0, "Marked"), cell(3, 1, "x"), cell(3, 2, "")]
    table = Table(page_start=1, page_end=1, bbox=(0, 0, 1, 1), n_rows=4, n_cols=3, cells=cells, header_rows=2)
    slots = timeline_slots(table, {0})
    assert [s.label for s in slots] == ["Kv1 2026", "Kv2 2026"]
    assert marked_span(table, 2, slots) is None  # every cell of the row is shaded: a stripe
    assert marked_span(table, 3, slots) == ("Kv1 2026", None)


def _list_plan(path: Path) -> None:
    """A byregionprogram written as headings and nested bullet lists, with no table at all."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    title = ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=18, leading=22, spaceAfter=8)
    h1 = ParagraphStyle(
        "h1", fontName="Helvetica-Bold", fontSize=14, leading=18, spaceBefore=10, spaceAfter=4
    )
    h2 = ParagraphStyle("h2", fontName="Helvetica-Bold", fontSize=12, leading=15, spaceBefore=8, spaceAfter=4)
    body = ParagraphStyle("b", fontName="Helvetica", fontSize=10, leading=13, spaceAfter=4)
    top = ParagraphStyle("l1", parent=body, leftIndent=18, bulletIndent=6)
    sub = ParagraphStyle("l2", parent=body, leftIndent=40, bulletIndent=28)
    story = [
        Paragraph("Utviklingsplan for Kongsvingerregionen 2024–2027", title),
        Paragraph("Kongsvingerregionen IKS. Planen ble vedtatt av regionrådet i mars 2024.", body),
        Paragraph("1 Hovedmål", h1),
        Paragraph(
            "Kongsvingerregionen skal være en attraktiv byregion med økt verdiskaping.", top, bulletText="•"
        ),
        Paragraph("2 Innsatsområder, delmål og tiltak", h1),
        Paragraph("2.1 Næringsutvikling og innovasjon", h2),
        Paragraph("Delmål 1: Flere nye arbeidsplasser i privat sektor", top, bulletText="•"),
        Paragraph("Etablere et felles førstelinjetilbud for gründere", sub, bulletText="–"),
        Paragraph("Markedsføre ledige næringsarealer langs E16", sub, bulletText="–"),
        Paragraph("Delmål 2: Sterkere samarbeid mellom næringsliv og forskning", top, bulletText="•"),
        Paragraph("Opprette en regional innovasjonsarena", sub, bulletText="–"),
        Paragraph("2.2 Kompetanse og arbeidskraft", h2),
        Paragraph("Delmål 3: Flere voksne med fagbrev", top, bulletText="•"),
        Paragraph("Etablere et regionalt læringssenter", sub, bulletText="–"),
        Paragraph("3 Bakgrunn", h1),
        Paragraph("Regionen har seks kommuner:", body),
        Paragraph("Kongsvinger og Eidskog", top, bulletText="•"),
        Paragraph("Grue og Åsnes", top, bulletText="•"),
    ]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)


def test_a_plan_of_nested_bullet_lists_gives_areas_goals_and_measures() -> None:
    folder = Path(tempfile.mkdtemp(prefix="planextract-lists-"))
    pdf = folder / "utviklingsplan.pdf"
    _list_plan(pdf)
    run = run_pipeline(pdf)
    ids = {r["activity_id"]: r for r in run.result.table("activities")}
    tree = [
        (r["level"], r["code"], r["title"], ids[r["parent_id"]]["title"] if r["parent_id"] else None)
        for r in run.result.table("activities")
    ]
    assert tree == [
        ("area", "2.1", "Næringsutvikling og innovasjon", None),
        ("goal", "Delmål 1", "Flere nye arbeidsplasser i privat sektor", "Næringsutvikling og innovasjon"),
        ("measure", None, "Etablere et felles førstelinjetilbud for gründere", "Flere nye arbeidsplasser i privat sektor"),
        ("measure", None, "Markedsføre ledige næringsarealer langs E16", "Flere nye arbeidsplasser i privat sektor"),
        ("goal", "Delmål 2", "Sterkere samarbeid mellom næringsliv og forskning", "Næringsutvikling og innovasjon"),
        ("measure", None, "Opprette en regional innovasjonsarena", "Sterkere samarbeid mellom næringsliv og forskning"),
        ("area", "2.2", "Kompetanse og arbeidskraft", None),
        ("goal", "Delmål 3", "Flere voksne med fagbrev", "Kompetanse og arbeidskraft"),
        ("measure", None, "Etablere et regionalt læringssenter", "Flere voksne med fagbrev"),
    ]  # fmt: skip  # the towns listed under "Bakgrund" are no plan
    goals = {(g["level"], g["text"]) for g in run.result.table("goals")}
    assert ("overall", "Kongsvingerregionen skal være en attraktiv byregion med økt verdiskaping.") in goals
    assert ("sub", "Delmål 1: Flere nye arbeidsplasser i privat sektor") in goals  # its bullet no obstacle


def test_a_climate_plan_with_chapter_numbered_areas_and_goal_paragraphs_run_together() -> None:
    """An "Energi- och klimatplan" (no "handlingsplan" on it) with areas 3.1, 3.2 under a chapter
    "3 Fokusområden och åtgärder", and its Delmål printed as one paragraph."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    folder = Path(tempfile.mkdtemp(prefix="planextract-climate-"))
    pdf = folder / "klimatplan.pdf"
    title = ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=20, leading=24, spaceAfter=6)
    h1 = ParagraphStyle("h1", fontName="Helvetica-Bold", fontSize=15, leading=19, spaceBefore=10)
    h2 = ParagraphStyle("h2", fontName="Helvetica-Bold", fontSize=12, leading=15, spaceBefore=8)
    h3 = ParagraphStyle("h3", fontName="Helvetica-Bold", fontSize=10.5, leading=13, spaceBefore=6)
    body = ParagraphStyle("b", fontName="Helvetica", fontSize=10, leading=13, spaceAfter=4)
    story = [
        Paragraph("Energi- och klimatplan 2025–2030", title),
        Paragraph("Kristianstads kommun", body),
        Paragraph("2 Delmål", h1),
        Paragraph(
            "Delmål 1: Utsläppen ska minska med 70 procent till 2030. Delmål 2: Andelen förnybar energi ska vara "
            "minst 80 procent år 2030.",
            body,
        ),
        Paragraph("3 Fokusområden och åtgärder", h1),
        Paragraph("3.1 Förnybar energi", h2),
        Paragraph("Åtgärd 1.1 Bygga solceller på kommunens tak", h3),
        Paragraph("Ansvarig: Tekniska förvaltningen. Tidplan: 2026.", body),
        Paragraph("3.2 Transporter", h2),
        Paragraph("Åtgärd 2.1 Ställa om kommunens fordon till el", h3),
        Paragraph("Ansvarig: Serviceförvaltningen. Tidplan: 2025–2027.", body),
    ]
    SimpleDocTemplate(str(pdf), pagesize=A4).build(story)
    run = run_pipeline(pdf)
    assert run.result.info.doc_type == "action_plan"
    tree = [(r["level"], r["code"], r["title"], r["strategic_area"]) for r in run.rows]
    assert tree == [
        ("area", "3.1", "Förnybar energi", "Förnybar energi"),
        ("activity", "Åtgärd 1.1", "Bygga solceller på kommunens tak", "Förnybar energi"),
        ("area", "3.2", "Transporter", "Transporter"),
        ("activity", "Åtgärd 2.1", "Ställa om kommunens fordon till el", "Transporter"),
    ]
    assert [g["text"] for g in run.result.table("goals") if g["level"] == "sub"] == [
        "Delmål 1: Utsläppen ska minska med 70 procent till 2030.",
        "Delmål 2: Andelen förnybar energi ska vara minst 80 procent år 2030.",
    ]


@pytest.mark.parametrize(
    ("text", "level", "rest"),
    [
        ("Område: Service och mötesplatser", "area", "Service och mötesplatser"),  # the label word alone
        ("Fokusområde 2: Kompetens", "area", "Kompetens"),
    ],
)
def test_area_labels(text: str, level: str, rest: str) -> None:
    from extractors.families.plan_labels import match_label

    found = match_label(text, "action_plan", strict=True)
    assert found is not None and (found.level, found.rest) == (level, rest)


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("Utsatt", "not_achieved"),
        ("Försenad", "ongoing"),
        ("Ej påbörjad", "not_achieved"),
        ("Klar", "achieved"),
    ],
)
def test_follow_up_status_words(status: str, expected: str) -> None:
    from extractors.families.plan_extras import _STATUS_WORDS

    assert next((s for s, rx in _STATUS_WORDS if rx.search(status)), "unknown") == expected


def test_numbered_rows_with_nothing_under_them_are_the_actions() -> None:
    """ "1.1 | Ta fram … | Näringslivskontoret | 2025" with no 1.1.1 below: an activity, not an effort."""
    folder = Path(tempfile.mkdtemp(prefix="planextract-leaves-"))
    pdf = folder / "naringsliv.pdf"
    _simple_plan(
        pdf,
        "Handlingsplan för näringslivsutveckling 2025–2026",
        "Östersunds kommun",
        ["Nr", "Aktivitet", "Ansvarig", "Tid"],
        [
            ("1", "Etablering och investeringar", "", ""),
            ("1.1", "Ta fram en process för etableringar", "Näringslivskontoret", "2025"),
            ("1.2", "Marknadsföra industrimark", "Samhällsbyggnad", "2026"),
            ("2", "Kompetens", "", ""),
            ("2.1", "Starta ett traineeprogram", "HR-avdelningen", "2025"),
        ],
    )
    run = run_pipeline(pdf)
    assert [(r["code"], r["level"]) for r in run.rows] == [
        ("1", "area"),
        ("1.1", "activity"),
        ("1.2", "activity"),
        ("2", "area"),
        ("2.1", "activity"),
    ]
    roles = {
        r["role"]
        for r in run.result.table("actor_roles")
        if r.get("activity_id") == run.rows[1]["activity_id"]
    }
    assert roles == {"responsible"}  # an action's responsible, not the lead of efforts under it


def test_a_goal_column_merged_down_over_its_actions() -> None:
    """ "Mål | Åtgärd | Ansvarig | Tid": each goal cell spans the actions serving it; a "Totalt"
    cost row under the goals is no goal."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    folder = Path(tempfile.mkdtemp(prefix="planextract-goal-column-"))
    pdf = folder / "klimat.pdf"
    cell = ParagraphStyle("c", fontName="Helvetica", fontSize=9, leading=11)
    data = [
        ["Mål", "Åtgärd", "Ansvarig", "Tid", "Kostnad (tkr)"],
        [Paragraph("Minskade utsläpp från transporter", cell), "Byta till elbilar", "Kommunledningsförvaltningen", "2025", "800"],
        ["", "Bygga laddplatser", "Västerviks Kraft AB", "2026", "400"],
        [Paragraph("Effektivare energianvändning", cell), "Energikartlägga skolor", "Västerviks Bostads AB", "2025", "150"],
        ["Totalt", "", "", "", "1 350"],
    ]  # fmt: skip
    table = Table(data, colWidths=[150, 170, 170, 60, 80])
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("SPAN", (0, 1), (0, 2)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    title = ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=16, leading=20)
    SimpleDocTemplate(str(pdf), pagesize=landscape(A4)).build(
        [
            Paragraph("Handlingsplan för energi och klimat 2025–2027", title),
            Paragraph("Västerviks kommun", cell),
            Spacer(1, 10),
            table,
        ]
    )
    run = run_pipeline(pdf)
    tree = [(r["level"], r["title"], run.parent(r)["title"] if r["parent_id"] else None) for r in run.rows]
    assert tree == [
        ("goal", "Minskade utsläpp från transporter", None),
        ("activity", "Byta till elbilar", "Minskade utsläpp från transporter"),
        ("activity", "Bygga laddplatser", "Minskade utsläpp från transporter"),
        ("goal", "Effektivare energianvändning", None),
        ("activity", "Energikartlägga skolor", "Effektivare energianvändning"),
    ]
    assert not any(r.get("expected_outcome_raw") for r in run.rows)  # the goal is no outcome of each action
    assert sorted(g["text"] for g in run.result.table("goals") if g["level"] == "sub") == [
        "Effektivare energianvändning",
        "Minskade utsläpp från transporter",
    ]


@pytest.mark.parametrize(
    ("cover", "issuer"),
    [
        ("Kongsvingerregionen IKS", "Kongsvingerregionen IKS"),
        ("Ullensvang herad", "Ullensvang herad"),
        ("Boråsregionen Sjuhärads kommunalförbund", "Sjuhärads kommunalförbund"),
        ("Västerås stad, förvaltningen för barn och utbildning", "Västerås stad"),
        ("Region Jönköpings län, Regional utveckling", "Region Jönköpings län"),
    ],
)
def test_issuers_of_other_shapes(cover: str, issuer: str, tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from extractors.classify import guess_issuer
    from extractors.pdf.layout import analyse
    from extractors.pdf.reader import read_pdf

    pdf = tmp_path / "plan.pdf"
    page = canvas.Canvas(str(pdf), pagesize=A4)
    page.setFont("Helvetica-Bold", 22)
    page.drawString(60, 760, "Handlingsplan 2025–2027")
    page.setFont("Helvetica", 11)
    page.drawString(60, 730, cover)
    page.drawString(60, 600, "Planen har tagits fram tillsammans med Innlandet fylkeskommune.")
    page.showPage()
    page.save()
    assert guess_issuer(analyse(read_pdf(str(pdf)))) == issuer


def test_a_responsible_unit_with_no_organisation_word_is_an_actor() -> None:
    """ "Kultur och fritid" alone in the responsible column: the issuer's own unit; a title or a
    phrase there is none."""
    folder = Path(tempfile.mkdtemp(prefix="planextract-units-"))
    pdf = folder / "folkhalsa.pdf"
    _simple_plan(
        pdf,
        "Handlingsplan för folkhälsa 2025–2026",
        "Härnösands kommun",
        ["Aktivitet", "Ansvarig", "Tid"],
        [
            ("Öppna fritidsgårdar på helger", "Kultur och fritid", "2025"),
            ("Utbilda personal i suicidprevention", "Arbetsmarknadschef", "2025"),
            ("Genomföra trygghetsvandringar", "Alla förvaltningar", "2026"),
        ],
    )
    run = run_pipeline(pdf)
    titles = {r["activity_id"]: r["title"] for r in run.rows}
    responsible = [
        (titles[r["activity_id"]], r.get("actor_id"), r.get("person_title"))
        for r in run.result.table("actor_roles")
        if r["role"] == "responsible"
    ]
    assert responsible == [
        ("Öppna fritidsgårdar på helger", "kultur-och-fritid", None),
        ("Utbilda personal i suicidprevention", None, "Arbetsmarknadschef"),  # a title, no body
    ]  # "Alla förvaltningar" names no one


def test_an_english_action_plan_under_a_strategy_and_cells_with_a_heading_and_a_paragraph() -> None:
    folder = Path(tempfile.mkdtemp(prefix="planextract-english-"))
    pdf = folder / "action_plan.pdf"
    _simple_plan(
        pdf,
        "Regional development strategy 2030 – action plan 2025–2027",
        "Region Kalmar län",
        ["Action", "Lead", "Partners", "Timeframe"],
        [
            ("Priority area 1: Skills supply", "", "", ""),
            ("Open a regional skills centre<br/><br/>A centre where employers and schools plan courses together.",
             "Region Kalmar län", "Linnéuniversitetet", "2025–2026"),
        ],
        intro="The overall goal of the strategy is that Kalmar county has a strong labour market by 2030.",
    )  # fmt: skip
    run = run_pipeline(pdf)
    info = run.result.info
    assert (str(info.period_start), str(info.period_end)) == ("2025-01-01", "2027-12-31")  # not "2030"
    area, action = run.rows
    assert (area["level"], area["code"], area["strategic_area"]) == (
        "area",
        "Priority area 1",
        "Skills supply",
    )
    assert (action["title"], action["description"]) == (
        "Open a regional skills centre",
        "A centre where employers and schools plan courses together.",
    )
    assert ("overall", "Kalmar county has a strong labour market by 2030.") in {
        (g["level"], g["text"]) for g in run.result.table("goals")
    }


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("Samverkan", "participants_raw"),
        ("I samverkan med", "participants_raw"),
        ("Vad?", "title"),
        ("Hvordan", "title"),
    ],
)
def test_more_column_words(header: str, role: str) -> None:
    from extractors.normalise.columns import role_of

    assert role_of(header, "sv") == role


def test_a_strategy_of_numbered_headings_with_priorities_and_we_will_lists() -> None:
    """A regional development strategy: "1 Kompetens" / "1.1 Utbildning" / "1.1.1 Lärcentrum"
    headings, "Prioriteringar:" and "Vi ska:" lists under them; "Mål 2030: 45 procent" no goal."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    folder = Path(tempfile.mkdtemp(prefix="planextract-strategy-"))
    pdf = folder / "rus.pdf"
    title = ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=20, leading=24, spaceAfter=6)
    h1 = ParagraphStyle("h1", fontName="Helvetica-Bold", fontSize=15, leading=19, spaceBefore=10)
    h2 = ParagraphStyle("h2", fontName="Helvetica-Bold", fontSize=12, leading=15, spaceBefore=8)
    h3 = ParagraphStyle("h3", fontName="Helvetica-Bold", fontSize=10.5, leading=13, spaceBefore=6)
    body = ParagraphStyle("b", fontName="Helvetica", fontSize=10, leading=13, spaceAfter=4)
    item = ParagraphStyle("li", parent=body, leftIndent=18, bulletIndent=6)
    line = ParagraphStyle("line", parent=body, spaceBefore=8)
    SimpleDocTemplate(str(pdf), pagesize=A4).build(
        [
            Paragraph("Region Blekinge", body),
            Paragraph("Regional utvecklingsstrategi för Blekinge 2023–2030", title),
            Paragraph("1 Kompetens och utbildning", h1),
            Paragraph("1.1 Utbildning som matchar arbetsmarknaden", h2),
            Paragraph("Prioriteringar:", body),
            Paragraph("Yrkesutbildning för vuxna i hela länet", item, bulletText="•"),
            Paragraph("Vi ska:", body),
            Paragraph("Etablera lärcentrum i alla fem kommuner", item, bulletText="•"),
            Paragraph("1.1.1 Nyanländas etablering", h3),
            Paragraph("Vi ska:", body),
            Paragraph("Erbjuda validering av utländska yrkeskunskaper", item, bulletText="•"),
            Paragraph("2 Mål och indikatorer", h1),
            Paragraph("Indikator: Andel invånare med eftergymnasial utbildning", line),
            Paragraph("Utgångsläge: 38 procent (2021)", line),
            Paragraph("Mål 2030: 45 procent", line),
        ]
    )
    run = run_pipeline(pdf)
    assert run.result.info.doc_type == "development_plan"
    tree = [
        (r["level"], r["code"], r["title"], run.parent(r)["title"] if r["parent_id"] else None)
        for r in run.rows
    ]
    assert tree == [
        ("area", "1", "Kompetens och utbildning", None),
        ("effort", "1.1", "Utbildning som matchar arbetsmarknaden", "Kompetens och utbildning"),
        ("strategy", None, "Yrkesutbildning för vuxna i hela länet", "Utbildning som matchar arbetsmarknaden"),
        ("measure", None, "Etablera lärcentrum i alla fem kommuner", "Utbildning som matchar arbetsmarknaden"),
        ("activity", "1.1.1", "Nyanländas etablering", "Utbildning som matchar arbetsmarknaden"),
        ("subactivity", None, "Erbjuda validering av utländska yrkeskunskaper", "Nyanländas etablering"),
    ]  # fmt: skip
    assert not [g for g in run.result.table("goals") if g["text"].startswith("Mål 2030")]
    (indicator,) = [
        i for i in run.result.table("indicators") if i["metric"] and i["metric"].startswith("Andel invånare")
    ]
    got = (
        indicator["unit"],
        indicator["baseline_value"],
        indicator["baseline_year"],
        indicator["target_value"],
    )
    assert got + (indicator["target_year"],) == ("percent", 38.0, 2021, 45.0, 2030)


def test_amounts_per_year_with_their_unit_above_the_table_and_a_sum_row() -> None:
    folder = Path(tempfile.mkdtemp(prefix="planextract-years-"))
    pdf = folder / "handlingsdel.pdf"
    _simple_plan(
        pdf,
        "Kommuneplanens handlingsdel 2025–2026",
        "Steinkjer kommune",
        ["Tiltak", "Ansvar", "Økonomi 2025", "Økonomi 2026"],
        [
            ("Tilrettelegge nytt næringsareal", "Plan og byggesak", "4 000", "6 500"),
            ("Utarbeide strategisk næringsplan", "Samfunnsutvikling", "350", "–"),
            ("Sum", "", "4 350", "6 500"),
        ],
        intro="Tabellen viser tiltakene og midlene i økonomiplanen. Beløp i 1000 kr.",
    )
    run = run_pipeline(pdf)
    assert [r["title"] for r in run.rows] == [
        "Tilrettelegge nytt næringsareal",
        "Utarbeide strategisk næringsplan",
    ]
    lines = [(b["item"], b["amount"], b["unit"]) for b in run.result.table("budget_lines")]
    assert lines == [
        ("Tilrettelegge nytt næringsareal (2025)", 4000.0, "nok_thousand"),
        ("Tilrettelegge nytt næringsareal (2026)", 6500.0, "nok_thousand"),
        ("Utarbeide strategisk næringsplan (2025)", 350.0, "nok_thousand"),
    ]


def test_a_goals_table_with_indicators_and_target_values() -> None:
    folder = Path(tempfile.mkdtemp(prefix="planextract-goal-table-"))
    pdf = folder / "verksamhetsplan.pdf"
    _simple_plan(
        pdf,
        "Verksamhetsplan för samhällsbyggnad 2026",
        "Piteå kommun",
        ["Mål", "Indikator", "Målvärde 2026", "Ansvarig"],
        [
            (
                "Fler bostäder byggs i hela kommunen",
                "Antal färdigställda bostäder",
                "minst 250",
                "Planavdelningen",
            ),
            ("Företagare är nöjda med kommunens service", "Nöjd kund-index (NKI)", "75", "Samhällsbyggnad"),
        ],
    )
    run = run_pipeline(pdf)
    goals = {g["goal_id"]: g for g in run.result.table("goals")}
    measured = [
        (
            goals[i["goal_id"]]["text"],
            goals[i["goal_id"]]["level"],
            i["metric"],
            i["comparator"],
            i["target_value"],
            i["target_year"],
        )
        for i in run.result.table("indicators")
        if i.get("goal_id") in goals and i["outcome_kind"] == "indicator" and i["target_year"]
    ]
    assert measured == [
        ("Fler bostäder byggs i hela kommunen", "sub", "Antal färdigställda bostäder", "ge", 250.0, 2026),
        ("Företagare är nöjda med kommunens service", "sub", "Nöjd kund-index (NKI)", "ge", 75.0, 2026),
    ]
    assert {g["goal_type"] for g in goals.values()} == {"quantitative"}  # each row prints its number to reach


def test_each_areas_goal_line_after_the_plans_own() -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    folder = Path(tempfile.mkdtemp(prefix="planextract-area-goals-"))
    pdf = folder / "rus.pdf"
    h1 = ParagraphStyle("h1", fontName="Helvetica-Bold", fontSize=15, leading=19, spaceBefore=10)
    body = ParagraphStyle("b", fontName="Helvetica", fontSize=10, leading=13, spaceBefore=6)
    SimpleDocTemplate(str(pdf), pagesize=A4).build(
        [
            Paragraph("Regional utvecklingsstrategi för Blekinge 2023–2030", h1),
            Paragraph("1 Kompetens och utbildning", h1),
            Paragraph("Mål: Blekinges invånare har den kompetens som arbetslivet efterfrågar.", body),
            Paragraph("2 Innovation och näringsliv", h1),
            Paragraph("Mål: Blekinge har ett konkurrenskraftigt och förnyelsebart näringsliv.", body),
        ]
    )
    run = run_pipeline(pdf)
    assert [(g["level"], g["text"]) for g in run.result.table("goals")] == [
        ("overall", "Blekinges invånare har den kompetens som arbetslivet efterfrågar."),
        ("sub", "Blekinge har ett konkurrenskraftigt och förnyelsebart näringsliv."),
    ]


def _goals_plan(path: Path, space_after: float) -> None:
    """A bokmål plan whose goals are labelled paragraphs set one after the other, then goal lists
    under level headings, then its measures as text."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    title = ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=20, leading=24)
    h2 = ParagraphStyle(
        "h2", fontName="Helvetica-Bold", fontSize=13, leading=16, spaceBefore=10, spaceAfter=4
    )
    body = ParagraphStyle("b", fontName="Helvetica", fontSize=10, leading=13, spaceAfter=space_after)
    bullet = ParagraphStyle("l", parent=body, leftIndent=12, bulletIndent=2)
    story = [
        Paragraph("Handlingsplan for næringsutvikling 2026", title),
        Paragraph(
            "Handlingsplanen er vedtatt av formannskapet og følger opp strategisk næringsplan for kommunen. "
            "Den rulleres hvert år, og tiltakene under skal gjennomføres i planperioden.",
            body,
        ),
        Paragraph("Visjon og mål", h2),
        Paragraph("Visjon: Fjellvik – en attraktiv kommune å bo og drive næring i.", body),
        Paragraph(
            "Hovedmål: Kommunen skal ha 150 flere arbeidsplasser i privat sektor innen utgangen av 2028.",
            body,
        ),
        Paragraph("Delmål 1: Flere unge velger å etablere seg i kommunen etter endt utdanning.", body),
        Paragraph("Delmål 2: Minst 20 nye bedrifter etableres hvert år i planperioden.", body),
        Paragraph("Effektmål", h2),
        Paragraph("Sysselsettingen i industrien er tilbake på 2022-nivå innen 2028.", bullet, bulletText="•"),
        Paragraph("Befolkningen skal øke med minst 200 innbyggere i perioden.", bullet, bulletText="•"),
        Paragraph("Resultatmål for 2026", h2),
        Paragraph("En felles rekrutteringsportal for bedriftene er etablert.", bullet, bulletText="•"),
        Paragraph("Minst 10 bedrifter har fått støtte til utviklingsprosjekter.", bullet, bulletText="•"),
    ]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)


@pytest.mark.parametrize("space_after", [4.0, 0.0])
def test_goals_set_as_labelled_paragraphs_and_lists_under_level_headings(space_after: float) -> None:
    folder = Path(tempfile.mkdtemp(prefix="planextract-goal-paragraphs-"))
    pdf = folder / "handlingsplan.pdf"
    _goals_plan(pdf, space_after)
    run = run_pipeline(pdf)
    goals = [(g["level"], g["text"]) for g in run.result.table("goals")]
    assert goals == [
        ("vision", "Fjellvik – en attraktiv kommune å bo og drive næring i."),
        ("overall", "Kommunen skal ha 150 flere arbeidsplasser i privat sektor innen utgangen av 2028."),
        ("sub", "Delmål 1: Flere unge velger å etablere seg i kommunen etter endt utdanning."),
        ("sub", "Delmål 2: Minst 20 nye bedrifter etableres hvert år i planperioden."),
        ("effect", "Sysselsettingen i industrien er tilbake på 2022-nivå innen 2028."),
        ("effect", "Befolkningen skal øke med minst 200 innbyggere i perioden."),
        ("result", "En felles rekrutteringsportal for bedriftene er etablert."),
        ("result", "Minst 10 bedrifter har fått støtte til utviklingsprosjekter."),
    ]


@pytest.mark.parametrize("codes", [("1.99", "1.100", "1.101"), ("99", "100", "101")])
def test_outline_numbers_of_three_digits_and_a_list_called_atgardslista(codes: tuple[str, ...]) -> None:
    """A long list numbers its actions past 99 ("1.100", "120"); an amount opening a title is no number."""
    folder = Path(tempfile.mkdtemp(prefix="planextract-long-list-"))
    pdf = folder / "atgardslista.pdf"
    titles = [
        ("Inventera laddplatser vid kommunens förskolor", "Fastighetsavdelningen", "2026"),
        ("Byta belysning i idrottshallarna", "Fritidsförvaltningen", "2026"),
        ("250 nya cykelparkeringar vid stationen", "Trafikavdelningen", "2027"),
    ]
    rows = [(code, *row) for code, row in zip(codes, titles, strict=True)]
    _simple_plan(
        pdf, "Åtgärdslista klimat 2026–2027", "Nyköpings kommun", ["Nr", "Åtgärd", "Ansvarig", "När"], rows
    )
    run = run_pipeline(pdf)
    assert run.result.info.doc_type == "action_plan"
    assert [(r["code"], r["title"], r["level"], r["parent_id"]) for r in run.rows] == [
        (code, title, "activity", None) for code, title, _who, _when in rows
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.100 Byta belysning", ("1.100", "Byta belysning")),
        ("120", ("120", "")),
        ("120. Införa klimatkrav", ("120", "Införa klimatkrav")),
        ("120 000 nya jobb i regionen", None),
        ("250 nya bostäder", None),
        ("2030 ska regionen vara fossilfri", None),
    ],
)
def test_which_texts_open_with_an_outline_number(text: str, expected: tuple[str, str] | None) -> None:
    from extractors.families.plan_labels import numbering

    assert numbering(text) == expected


def _table_pdf(
    path: Path, title: str, data: list[list[str]], spans: list[tuple[int, int, int, int]], widths: list[float]
) -> None:
    """A plan: its title, the issuer, and one ruled table with merged cells (col0, row0, col1, row1)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    cell = ParagraphStyle("cell", fontName="Helvetica", fontSize=8.5, leading=10.5)
    rows = [[Paragraph(text, cell) if text else "" for text in row] for row in data]
    table = Table(rows, colWidths=widths, repeatRows=1)
    style = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    style += [("SPAN", (c0, r0), (c1, r1)) for c0, r0, c1, r1 in spans]
    style += [
        ("BACKGROUND", (0, r0), (-1, r0), colors.HexColor("#dde7f0"))
        for c0, r0, c1, r1 in spans
        if c1 - c0 > 1
    ]
    table.setStyle(TableStyle(style))
    story = [
        Paragraph(title, ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=17, leading=21)),
        Spacer(1, 10),
        table,
    ]
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build(story)


def test_header_rows_inside_a_follow_up_table_switch_indicators_and_actions() -> None:
    """ "Mål och aktiviteter | Ansvarig / utfall | Tidplan / målvärde | Status": under each goal row an
    "Indikator | Utfall 2025 | Målvärde 2026" row over indicators, an "Aktivitet | Ansvarig | Tidplan"
    row over actions; a status column."""
    folder = Path(tempfile.mkdtemp(prefix="planextract-follow-up-"))
    pdf = folder / "verksamhetsplan.pdf"
    data = [
        ["Mål och aktiviteter", "Ansvarig / utfall", "Tidplan / målvärde", "Status"],
        ["Mål 1: Fler unga deltar i föreningslivet", "", "", ""],
        ["Indikator", "Utfall 2025", "Målvärde 2026", ""],
        ["Andel unga 13–19 år som är medlemmar i en förening", "41 %", "45 %", "Pågår"],
        ["Aktivitet", "Ansvarig", "Tidplan", ""],
        ["Erbjuda prova-på-dagar i alla stadsdelar", "Fritidsenheten", "Q2 2026", "Klar"],
        ["Inventera föreningarnas lokalbehov", "Föreningsenheten", "2026", "Ej påbörjad"],
    ]
    _table_pdf(
        pdf,
        "Verksamhetsplan 2026 – Fritidsnämnden, Kungsbacka kommun",
        data,
        [(0, 1, 3, 1)],
        [330, 150, 130, 60],
    )
    run = run_pipeline(pdf)
    assert [(r["level"], r["title"], r["responsible_raw"]) for r in run.rows] == [
        ("goal", "Fler unga deltar i föreningslivet", None),
        ("activity", "Erbjuda prova-på-dagar i alla stadsdelar", "Fritidsenheten"),
        ("activity", "Inventera föreningarnas lokalbehov", "Föreningsenheten"),
    ]
    (indicator,) = [i for i in run.result.table("indicators") if i.get("target_value") is not None]
    assert (indicator["metric"], indicator["target_value"], indicator["target_year"]) == (
        "Andel unga 13–19 år som är medlemmar i en förening",
        45.0,
        2026,
    )
    assert (indicator["baseline_value"], indicator["baseline_year"], indicator["unit"]) == (
        41.0,
        2025,
        "percent",
    )
    statuses = {
        run.result.get("activities", o["activity_id"])["title"]: o["status"]
        for o in run.result.table("outcomes")
    }
    assert statuses == {
        "Erbjuda prova-på-dagar i alla stadsdelar": "achieved",
        "Inventera föreningarnas lokalbehov": "not_achieved",
    }


def test_a_strategy_column_merged_down_over_the_measures_beside_it() -> None:
    """ "Delmål og strategi | Tiltak | Ansvarlig | Tidsperspektiv": the measures are the "Tiltak"
    column, each "Strategi: …" cell merged down over its measures a strategy above them."""
    folder = Path(tempfile.mkdtemp(prefix="planextract-strategy-column-"))
    pdf = folder / "handlingsprogram.pdf"
    data = [
        ["Delmål og strategi", "Tiltak", "Ansvarlig", "Tidsperspektiv"],
        ["Delmål 1.1: Flere bedrifter samarbeider med forskningsmiljø", "", "", ""],
        ["Strategi: Styrke koblingen mellom næringsliv og FoU", "Etablere et koblingsprogram for små bedrifter", "Agder fylkeskommune", "2025–2026"],
        ["", "Finansiere nærings-ph.d.-stillinger", "Universitetet i Agder", "Kort sikt"],
        ["Strategi: Bygge klynger", "Videreutvikle klyngeprogrammet", "Innovasjon Norge", "Løpende"],
    ]  # fmt: skip
    _table_pdf(
        pdf,
        "Handlingsprogram for næringsutvikling 2025–2026, Agder fylkeskommune",
        data,
        [(0, 1, 3, 1), (0, 2, 0, 3)],
        [250, 230, 150, 100],
    )
    run = run_pipeline(pdf)
    rows = [(r["level"], r["title"], r.get("responsible_raw")) for r in run.rows]
    assert rows == [
        ("goal", "Flere bedrifter samarbeider med forskningsmiljø", None),
        ("strategy", "Styrke koblingen mellom næringsliv og FoU", None),
        ("measure", "Etablere et koblingsprogram for små bedrifter", "Agder fylkeskommune"),
        ("measure", "Finansiere nærings-ph.d.-stillinger", "Universitetet i Agder"),
        ("strategy", "Bygge klynger", None),
        ("measure", "Videreutvikle klyngeprogrammet", "Innovasjon Norge"),
    ]
    first = run.node("Etablere et koblingsprogram")
    assert run.parent(first)["title"] == "Styrke koblingen mellom næringsliv og FoU"
    assert (str(first["start_date"]), str(first["end_date"])) == ("2025-01-01", "2026-12-31")


def test_each_action_printed_as_a_form_of_labels_and_values() -> None:
    """One two-column table per action, "Aktivitet | 1.1 …", "Ansvarig | …", "Tidplan | …", "Kostnad | …",
    under numbered area headings."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    folder = Path(tempfile.mkdtemp(prefix="planextract-forms-"))
    pdf = folder / "handlingsplan.pdf"
    cell = ParagraphStyle("cell", fontName="Helvetica", fontSize=9, leading=11)
    label = ParagraphStyle("label", fontName="Helvetica-Bold", fontSize=9, leading=11)
    h1 = ParagraphStyle("h1", fontName="Helvetica-Bold", fontSize=14, leading=18, spaceBefore=8, spaceAfter=6)
    forms = {
        "1. Service och infrastruktur": [
            ("1.1 Utveckla servicepunkter i byarna", "Kommunledningskontoret", "2025–2026", "350 000 kr"),
            (
                "1.2 Ta fram en plan för laddinfrastruktur",
                "Samhällsbyggnadsförvaltningen",
                "Q3 2025",
                "Inom ram",
            ),
        ],
        "2. Lokalt företagande": [
            ("2.1 Starta en landsbygdslots för företagare", "Näringslivsenheten", "Våren 2025", "450 000 kr"),
        ],
    }
    story: list[Any] = [
        Paragraph("Handlingsplan för landsbygdsutveckling 2025–2026", ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=18, leading=22)),
        Paragraph("Bollnäs kommun", cell),
    ]  # fmt: skip
    for area, actions in forms.items():
        story.append(Paragraph(area, h1))
        for title, who, when, cost in actions:
            rows = [("Aktivitet", title), ("Ansvarig", who), ("Tidplan", when), ("Kostnad", cost)]
            table = Table([[Paragraph(k, label), Paragraph(v, cell)] for k, v in rows], colWidths=[110, 360])
            table.setStyle(
                TableStyle(
                    [
                        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                        ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#e8eef4")),
                    ]
                )
            )
            story += [table, Spacer(1, 8)]
    SimpleDocTemplate(str(pdf), pagesize=A4).build(story)
    run = run_pipeline(pdf)
    assert [(r["level"], r["code"], r["title"]) for r in run.rows] == [
        ("area", "1", "Service och infrastruktur"),
        ("activity", "1.1", "Utveckla servicepunkter i byarna"),
        ("activity", "1.2", "Ta fram en plan för laddinfrastruktur"),
        ("area", "2", "Lokalt företagande"),
        ("activity", "2.1", "Starta en landsbygdslots för företagare"),
    ]
    first = run.node("Utveckla servicepunkter")
    assert (first["responsible_raw"], first["start_raw"], first["end_raw"], first["resources_raw"]) == (
        "Kommunledningskontoret",
        "2025",
        "2026",
        "350 000 kr",
    )
    assert [b["amount"] for b in run.result.table("budget_lines")] == [350000.0, 450000.0]


@pytest.mark.parametrize(
    ("cell", "status"),
    [
        ("●", "achieved"),
        ("◐", "ongoing"),
        ("○", "not_achieved"),
        ("✓", "achieved"),
        ("Pågår", "ongoing"),
        ("–", "unknown"),
    ],
)
def test_status_symbols_of_a_follow_up(cell: str, status: str) -> None:
    from extractors.families.plan_extras import follow_up_status

    assert follow_up_status(cell) == status


def test_a_status_report_of_actions_and_goal_verdicts() -> None:
    """A city-region programme's status report: "Tiltak | Status | Kommentar" (no one responsible, no
    time) and goal lines "Resultatmål 1: Minst 40 … – nådd"."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    folder = Path(tempfile.mkdtemp(prefix="planextract-status-report-"))
    pdf = folder / "statusrapport.pdf"
    body = ParagraphStyle("b", fontName="Helvetica", fontSize=10, leading=13, spaceAfter=4)
    cell = ParagraphStyle("c", fontName="Helvetica", fontSize=9, leading=11)
    rows = [
        ("Tiltak", "Status", "Kommentar"),
        ("Etablere et felles register over næringsareal", "Gjennomført", "Lansert i mars 2026."),
        ("Utvikle et vertskapsprogram for tilflyttere", "Pågår", "Pilot høsten 2026."),
        ("Samordne planene for et nytt kollektivknutepunkt", "Ikke startet", "Avventer fylkeskommunen."),
    ]
    table = Table([[Paragraph(t, cell) for t in r] for r in rows], colWidths=[260, 90, 150])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    story = [
        Paragraph("Byregionprogrammet for Hamarregionen – statusrapport 2026", ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=17, leading=21)),
        Paragraph("Hamar kommune", body),
        Paragraph("Resultatmål 1: Minst 40 bedrifter deltar i regionale kompetansetiltak innen 2026 – nådd", body),
        Paragraph("Resultatmål 2: Et felles vertskapsprogram er tatt i bruk i alle kommunene – delvis nådd", body),
        Spacer(1, 8),
        table,
    ]  # fmt: skip
    SimpleDocTemplate(str(pdf), pagesize=A4).build(story)
    run = run_pipeline(pdf)
    assert [r["title"] for r in run.rows] == [r[0] for r in rows[1:]]
    states = {
        run.result.get("activities", o["activity_id"])["title"]: o["status"]
        for o in run.result.table("outcomes")
        if o.get("activity_id")
    }
    assert list(states.values()) == ["achieved", "ongoing", "not_achieved"]
    goals = {g["goal_id"]: (g["level"], g["text"]) for g in run.result.table("goals")}
    verdicts = [(goals[o["goal_id"]], o["status"]) for o in run.result.table("outcomes") if o.get("goal_id")]
    assert verdicts == [
        (
            ("result", "Resultatmål 1: Minst 40 bedrifter deltar i regionale kompetansetiltak innen 2026"),
            "achieved",
        ),
        (
            ("result", "Resultatmål 2: Et felles vertskapsprogram er tatt i bruk i alle kommunene"),
            "partly_achieved",
        ),
    ]
    first = next(i for i in run.result.table("indicators") if i.get("goal_id") == next(iter(goals)))
    assert (first["comparator"], first["target_value"]) == ("ge", 40.0)  # not the label's 1


def test_a_header_repeated_as_continued_and_new_column_words() -> None:
    """The header repeated on the next page as "Aktivitet (forts.)" is no action; "Ansv." and
    "Samarbeid" name their columns; "Tiltak 2026–2029" over a table is a heading, not "Tiltak 20"."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    folder = Path(tempfile.mkdtemp(prefix="planextract-continued-"))
    pdf = folder / "handlingsplan.pdf"
    cell = ParagraphStyle("c", fontName="Helvetica", fontSize=9, leading=11)
    bold = ParagraphStyle("b", fontName="Helvetica-Bold", fontSize=9, leading=11)

    def table(header: list[str], rows: list[tuple[str, ...]]) -> Table:
        built = Table(
            [[Paragraph(h, bold) for h in header]] + [[Paragraph(t, cell) for t in r] for r in rows],
            colWidths=[200, 130, 130, 60],
        )
        built.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
        return built

    story = [
        Paragraph("Handlingsplan for folkehelse 2026–2029", ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=17, leading=21)),
        Paragraph("Tromsø kommune", cell),
        Paragraph("Tiltak 2026–2029", ParagraphStyle("h", fontName="Helvetica-Bold", fontSize=13, leading=16)),
        table(["Aktivitet", "Ansv.", "Samarbeid", "Tid"], [("Kartlegge møteplasser for eldre", "Helse og omsorg", "Frivilligsentralen", "2026")]),
        PageBreak(),
        table(["Aktivitet (forts.)", "Ansv.", "Samarbeid", "Tid"], [("Starte turgrupper i alle bydeler", "Kultur og idrett", "Turlaget", "2027")]),
    ]  # fmt: skip
    SimpleDocTemplate(str(pdf), pagesize=A4).build(story)
    run = run_pipeline(pdf)
    assert [(r["title"], r["responsible_raw"], r["participants_raw"]) for r in run.rows] == [
        ("Kartlegge møteplasser for eldre", "Helse og omsorg", "Frivilligsentralen"),
        ("Starte turgrupper i alle bydeler", "Kultur og idrett", "Turlaget"),
    ]


def test_a_cost_column_in_the_unit_the_text_above_gives() -> None:
    folder = Path(tempfile.mkdtemp(prefix="planextract-cost-unit-"))
    pdf = folder / "handlingsplan.pdf"
    rows = [("Etablere ladepunkter ved rådhuset", "Eiendom", "2026", "250")]
    _simple_plan(
        pdf,
        "Handlingsplan for klima 2026–2029",
        "Tromsø kommune",
        ["Tiltak", "Ansvarlig", "Tid", "Kostnad"],
        rows,
        intro="Tiltakene under følger opp klimaplanen. Beløp i tabellen er oppgitt i 1000 kr.",
    )
    run = run_pipeline(pdf)
    assert [(b["amount"], b["unit"]) for b in run.result.table("budget_lines")] == [(250.0, "nok_thousand")]


def test_strategy_and_measure_codes_in_the_title_cell() -> None:
    """ "S1.1 …" rows spanning the table over "T1.1.1 …" rows, codes printed in the title cell."""
    folder = Path(tempfile.mkdtemp(prefix="planextract-lettered-"))
    pdf = folder / "handlingsprogram.pdf"
    data = [
        ["Tiltak", "Ansvar", "Samarbeid", "Tid"],
        ["S1.1 Styrke sentrum som handels- og møteplass", "", "", ""],
        ["T1.1.1 Utarbeide sentrumsplan for Moelv", "Plan og utvikling", "Gårdeiere", "2026–2027"],
        ["T1.1.2 Tilskuddsordning for fasader i sentrum", "Næringsavdelingen", "Sentrumsforeningen", "2026"],
    ]
    _table_pdf(
        pdf,
        "Handlingsprogram for næring 2026–2029, Ringsaker kommune",
        data,
        [(0, 1, 3, 1)],
        [300, 150, 150, 100],
    )
    run = run_pipeline(pdf)
    rows = [(r["level"], r["code"], r["title"]) for r in run.rows]
    assert rows == [
        ("strategy", "S1.1", "Styrke sentrum som handels- og møteplass"),
        ("measure", "T1.1.1", "Utarbeide sentrumsplan for Moelv"),
        ("measure", "T1.1.2", "Tilskuddsordning for fasader i sentrum"),
    ]
    first = run.node("Utarbeide sentrumsplan")
    assert run.parent(first)["code"] == "S1.1"
    assert first["participants_raw"] == "Gårdeiere"


@pytest.mark.parametrize("legend", ["table", "lines"])
def test_responsible_abbreviations_explained_in_a_legend(legend: str) -> None:
    """ "KLK", "SBF" in the responsible cells, explained under "Förkortningar" after the table."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    folder = Path(tempfile.mkdtemp(prefix="planextract-legend-"))
    pdf = folder / "atgardsplan.pdf"
    cell = ParagraphStyle("c", fontName="Helvetica", fontSize=9, leading=11)
    rows = [
        ("Aktivitet", "Ansvarig", "Tidplan"),
        ("Kartlägga otrygga platser", "KLK", "2026"),
        ("Förbättra belysningen längs gångstråk", "SBF", "2026"),
    ]
    plan = Table([[Paragraph(t, cell) for t in r] for r in rows], colWidths=[260, 120, 100])
    plan.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    names = [("KLK", "Kommunledningskontoret"), ("SBF", "Samhällsbyggnadsförvaltningen")]
    story: list[Any] = [
        Paragraph("Åtgärdsplan för ökad trygghet 2026", ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=17, leading=21)),
        Paragraph("Eskilstuna kommun", cell),
        Spacer(1, 8),
        plan,
        Paragraph("Förkortningar", ParagraphStyle("h", fontName="Helvetica-Bold", fontSize=12, leading=15, spaceBefore=10)),
    ]  # fmt: skip
    if legend == "table":
        story.append(Table([[a, n] for a, n in names], colWidths=[60, 250]))
    else:
        story += [Paragraph(f"{a} = {n}", cell) for a, n in names]
    SimpleDocTemplate(str(pdf), pagesize=A4).build(story)
    run = run_pipeline(pdf)
    responsible = {
        run.result.get("activities", r["activity_id"])["title"]: run.result.actors[r["actor_id"]]["name"]
        for r in run.result.table("actor_roles")
        if r["role"] == "responsible"
    }
    assert responsible == {
        "Kartlägga otrygga platser": "Kommunledningskontoret",
        "Förbättra belysningen längs gångstråk": "Samhällsbyggnadsförvaltningen",
    }


def test_a_header_drawn_as_a_shaded_band_over_a_ruled_body() -> None:
    """The column names on a filled band with no rules, the body ruled under it."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    folder = Path(tempfile.mkdtemp(prefix="planextract-band-header-"))
    pdf = folder / "handlingsplan.pdf"
    cell = ParagraphStyle("c", fontName="Helvetica", fontSize=9, leading=11)
    head = ParagraphStyle("h", fontName="Helvetica-Bold", fontSize=9, leading=11, textColor=colors.white)
    rows = [
        ("1", "Införa hälsosamtal för elever i årskurs 7", "Elevhälsan", "HT 2025"),
        ("2", "Erbjuda motion på recept via föreningarna", "Fritidsenheten", "2026"),
    ]
    data = [[Paragraph(h, head) for h in ("Nr", "Aktivitet", "Ansvarig", "Tidplan")]]
    data += [[Paragraph(t, cell) for t in r] for r in rows]
    table = Table(data, colWidths=[40, 260, 130, 80])
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#2f5f8a")),
                ("GRID", (0, 1), (-1, -1), 0.5, colors.black),
            ]
        )
    )
    story = [
        Paragraph("Handlingsplan för folkhälsa 2025–2026", ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=17, leading=21)),
        Paragraph("Kalix kommun", cell),
        Spacer(1, 10),
        table,
    ]  # fmt: skip
    SimpleDocTemplate(str(pdf), pagesize=A4).build(story)
    run = run_pipeline(pdf)
    assert [(r["code"], r["title"], r["responsible_raw"], r["start_raw"]) for r in run.rows] == list(rows)


def _split_under_repeated_header(path: Path) -> None:
    """A table drawn on the canvas with its header on a shaded band: row 2's title runs onto page 2,
    under the band repeated as "Aktivitet (forts.)", with no rule above it and its number and
    responsible cells empty there."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    xs = [50, 80, 330, 460, 545]
    page = canvas.Canvas(str(path), pagesize=A4)

    def band(y: float, continued: bool) -> float:
        page.setFillColor(colors.HexColor("#385723"))
        page.rect(xs[0], y - 16, xs[-1] - xs[0], 16, fill=1, stroke=0)
        page.setFillColor(colors.white)
        page.setFont("Helvetica-Bold", 9)
        for x, name in zip(
            xs, ["Nr", "Aktivitet (forts.)" if continued else "Aktivitet", "Ansvarig", "Tid"], strict=False
        ):
            page.drawString(x + 3, y - 11, name)
        page.setFillColor(colors.black)
        return y - 16

    def row(y: float, cells: list[str], close: bool = True, top: bool = True) -> float:
        lines = [text.split("\n") for text in cells]
        height = 11 * max(len(parts) for parts in lines) + 6
        page.setFont("Helvetica", 9)
        for x, parts in zip(xs, lines, strict=False):
            for k, part in enumerate(parts):
                page.drawString(x + 3, y - 11 - 11 * k, part)
        if top:
            page.line(xs[0], y, xs[-1], y)
        for x in xs:
            page.line(x, y, x, y - height)
        if close:
            page.line(xs[0], y - height, xs[-1], y - height)
        return y - height

    page.setFont("Helvetica-Bold", 16)
    page.drawString(50, 790, "Handlingsplan för folkhälsa 2026")
    page.setFont("Helvetica", 10)
    page.drawString(50, 772, "Kalix kommun")
    y = band(740, False)
    y = row(y, ["1", "Införa hälsosamtal i årskurs 7", "Elevhälsan", "2026"])
    row(
        y,
        [
            "2",
            "Kartlägga ungas psykiska hälsa med\nenkäten Liv och hälsa ung, och resultaten",
            "Folkhälsorådet",
            "2026",
        ],
        close=False,
    )
    page.showPage()
    y = band(790, True)
    y = row(y, ["", "redovisas för kommunstyrelsen", "", ""], top=False)
    row(y, ["3", "Utbilda personal i förskolan", "Förskoleenheten", "2026"])
    page.showPage()
    page.save()


def test_a_row_split_by_the_page_break_under_a_continued_header() -> None:
    folder = Path(tempfile.mkdtemp(prefix="planextract-split-continued-"))
    pdf = folder / "handlingsplan.pdf"
    _split_under_repeated_header(pdf)
    run = run_pipeline(pdf)
    assert [(r["code"], r["title"]) for r in run.rows] == [
        ("1", "Införa hälsosamtal i årskurs 7"),
        (
            "2",
            "Kartlägga ungas psykiska hälsa med enkäten Liv och hälsa ung, och resultaten redovisas för kommunstyrelsen",
        ),
        ("3", "Utbilda personal i förskolan"),
    ]


def test_a_wide_table_printed_with_its_columns_over_two_pages() -> None:
    """Page 1 "Nr | Aktivitet | Ansvarig", page 2 "Nr | Tidplan | Kostnad (tkr) | Status": one table."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    folder = Path(tempfile.mkdtemp(prefix="planextract-split-columns-"))
    pdf = folder / "handlingsplan.pdf"
    cell = ParagraphStyle("c", fontName="Helvetica", fontSize=9, leading=11)

    def table(rows: list[tuple[str, ...]], widths: list[float]) -> Table:
        built = Table([[Paragraph(t, cell) for t in r] for r in rows], colWidths=widths)
        built.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
        return built

    left = [
        ("Nr", "Aktivitet", "Ansvarig"),
        ("1", "Ta fram en destinationsstrategi", "Näringslivsavdelningen"),
        ("2", "Anlägga nya bryggor i skärgården", "Fritidsförvaltningen"),
    ]
    right = [
        ("Nr", "Tidplan", "Kostnad (tkr)", "Status"),
        ("1", "2025", "350", "Pågår"),
        ("2", "2025–2026", "1 200", "Klar"),
    ]
    story = [
        Paragraph("Handlingsplan för besöksnäringen 2025–2027", ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=17, leading=21)),
        Paragraph("Luleå kommun", cell),
        table(left, [40, 280, 160]),
        PageBreak(),
        table(right, [40, 120, 120, 100]),
    ]  # fmt: skip
    SimpleDocTemplate(str(pdf), pagesize=A4).build(story)
    run = run_pipeline(pdf)
    got = [
        (r["code"], r["title"], r["responsible_raw"], r["start_raw"], r["resources_raw"]) for r in run.rows
    ]
    assert got == [
        ("1", "Ta fram en destinationsstrategi", "Näringslivsavdelningen", "2025", "350"),
        ("2", "Anlägga nya bryggor i skärgården", "Fritidsförvaltningen", "2025", "1 200"),
    ]
    assert [b["amount"] for b in run.result.table("budget_lines")] == [350.0, 1200.0]
    assert [o["status"] for o in run.result.table("outcomes")] == ["ongoing", "achieved"]
