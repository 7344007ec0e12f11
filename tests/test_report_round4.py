"""Catalogue facts, report forms and decks of other issuers: a catalogue's financing list with an
amount after each source, a fact line the layout took for a heading, an issuer named only in the
running footer; a report form's labels printed above their boxed answers, numbered goal lines after
a goal sentence, a signature line; a fact list of labels beside their values; a financing table
headed "Finansiär"; a Danish financing sentence; numbered "Tiltak N:" slides beside an overview
table."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from extractors.result import Extraction
from tests.test_final_report import run_family

FONT_DIR = "/usr/share/fonts/truetype/dejavu/"


def _fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("DV", FONT_DIR + "DejaVuSans.ttf"))
    pdfmetrics.registerFont(TTFont("DVB", FONT_DIR + "DejaVuSans-Bold.ttf"))
    pdfmetrics.registerFontFamily("DV", normal="DV", bold="DVB", italic="DV", boldItalic="DVB")


def _actor(result: Extraction, actor_id: str | None) -> str | None:
    """The actor's id (its name's slug): the family run alone writes no actors table."""
    return actor_id


# ------------------------------------------------------------------------------------ catalogue
CATALOGUE = [
    (
        "Reiselivsløft Vest-Telemark",
        "Prosjektet skal utvikle heilårlege opplevingsprodukt og ein felles marknadsføringsplattform "
        "for reiselivsbedriftene i regionen.",
        "Visit Vest-Telemark AS",
        "Guro Nordbø, dagleg leiar",
        "1 200 000 kr",
        "2025–2027",
        "Vestfold og Telemark fylkeskommune 600 000 kr, Innovasjon Norge 300 000 kr, eigeninnsats 300 000 kr",
    ),
    (
        "Kompetansebygg Seljord",
        "Eit samarbeid mellom kommunen, vidaregåande skule og næringslivet om fleksibel fagutdanning "
        "for vaksne.",
        "Seljord kommune",
        "Tarjei Bakken, næringssjef",
        "850 000 kr",
        "01.03.2025–31.12.2026",
        "Vestfold og Telemark fylkeskommune 425 000 kr, Seljord kommune 425 000 kr",
    ),
    (
        "Digital førstelinje",
        "Felles digital førstelinjeteneste for næringslivet i dei seks kommunane, med chat og rettleiing.",
        "Vest-Telemarkrådet",
        "Sigrid Tveit, dagleg leiar",
        "450 000 kr",
        "2026",
        "Statsforvaltaren i Vestfold og Telemark 450 000 kr",
    ),
]


def _catalogue(path: Path) -> Path:
    """Two projects a page, each a title, an ingress and one fact line per label (bold label); the
    organisation is named only in the running footer."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import BaseDocTemplate, Frame, PageBreak, PageTemplate, Paragraph, Spacer

    _fonts()
    body = ParagraphStyle("b", fontName="DV", fontSize=10, leading=13.5, spaceAfter=6)
    head = ParagraphStyle("h", fontName="DVB", fontSize=12.5, leading=16, spaceBefore=10, spaceAfter=5)
    fact = ParagraphStyle("f", fontName="DV", fontSize=9.5, leading=12.5, spaceAfter=1)
    title = ParagraphStyle("t", fontName="DVB", fontSize=26, leading=32, spaceAfter=12)

    def on_page(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont("DV", 8)
        canvas.drawRightString(A4[0] - 22 * mm, A4[1] - 14 * mm, "Prosjektkatalog 2025")
        canvas.drawString(22 * mm, 10 * mm, "Vest-Telemarkrådet · Fyresdal · Seljord · Tokke · Vinje")
        canvas.drawRightString(A4[0] - 22 * mm, 10 * mm, str(doc.page))
        canvas.restoreState()

    doc = BaseDocTemplate(str(path), pagesize=A4, leftMargin=22 * mm, rightMargin=22 * mm, topMargin=28 * mm)
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="f")
    doc.addPageTemplates([PageTemplate(id="p", frames=[frame], onPage=on_page)])
    story: list[Any] = [
        Spacer(1, 40 * mm),
        Paragraph("Prosjektkatalog 2025", title),
        Paragraph("Katalogen gjev ei oversikt over prosjekt som har fått tilsegn om regionale midlar.", body),
        PageBreak(),
    ]
    for i, (name, ingress, owner, contact, budget, period, financing) in enumerate(CATALOGUE):
        story += [Paragraph(name, head), Paragraph(ingress, body)]
        for label, value in [
            ("Prosjekteigar", owner),
            ("Kontaktperson", contact),
            ("Budsjett", budget),
            ("Periode", period),
            ("Finansiering", financing),
        ]:
            story.append(Paragraph(f"<b>{label}:</b> {value}", fact))
        story.append(Spacer(1, 60 * mm) if i % 2 == 0 else PageBreak())
    doc.build(story)
    return path


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> Extraction:
    from extractors.families import compendium

    return run_family(_catalogue(tmp_path_factory.mktemp("kat") / "prosjektkatalog.pdf"), compendium)


def test_catalogue_financing_lists_give_a_line_per_source(catalogue: Extraction) -> None:
    projects = {a["activity_id"]: a["title"] for a in catalogue.table("activities")}
    lines = [
        (
            projects.get(b["activity_id"]),
            b["item"],
            b["amount"],
            b["unit"],
            b["kind"],
            b["financier_actor_id"],
        )
        for b in catalogue.table("budget_lines")
        if b["kind"] == "financing"
    ]
    first = [line for line in lines if line[0] == "Reiselivsløft Vest-Telemark"]
    assert [(item, amount, unit) for _, item, amount, unit, _, _ in first] == [
        ("Vestfold og Telemark fylkeskommune", 600000.0, "nok"),
        ("Innovasjon Norge", 300000.0, "nok"),
        ("eigeninnsats", 300000.0, "nok"),
    ]
    assert first[0][5] is not None and first[2][5] is None  # own money names no financier
    financiers = {
        _actor(catalogue, r["actor_id"]) for r in catalogue.table("actor_roles") if r["role"] == "financier"
    }
    assert not any(name and any(ch.isdigit() for ch in name) for name in financiers)  # no "x-600-000-kr"


def test_a_fact_line_taken_for_a_heading_starts_no_project(catalogue: Extraction) -> None:
    projects = [a for a in catalogue.table("activities") if a["level"] == "project"]
    assert [p["title"] for p in projects] == [c[0] for c in CATALOGUE]
    last = projects[-1]
    assert str(last["start_date"]) == "2026-01-01" and str(last["end_date"]) == "2026-12-31"
    budgets = [b for b in catalogue.table("budget_lines") if b["kind"] == "budget"]
    assert [(b["activity_id"], b["amount"]) for b in budgets][-1] == (last["activity_id"], 450000.0)


def test_catalogue_issuer_from_the_running_footer(catalogue: Extraction) -> None:
    assert catalogue.info.issuer == "Vest-Telemarkrådet"
    assert all(a.get("strategic_area") is None for a in catalogue.table("activities"))  # title header


# ------------------------------------------------------------------------------ report form
def _form(path: Path) -> Path:
    """A flattened report form: each label in bold above a box holding its answer."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas as pdfcanvas

    _fonts()
    c = pdfcanvas.Canvas(str(path), pagesize=A4)
    _w, h = A4
    c.setFont("DVB", 20)
    c.drawString(50, h - 125, "Slutrapport")
    c.setFont("DV", 10)
    c.drawString(50, h - 140, "för projekt med stöd från regionalt utvecklingsanslag")
    y = h - 168
    for label, answer in [
        ("Projektnamn", "Lokal service i Bergs kommun - servicepunkter i fem byar"),
        ("Diarienummer", "RUN/412/2023"),
        ("Projektägare", "Bergs kommun"),
        ("Projektledare", "Karin Nilsson, näringslivsutvecklare"),
        ("Projektperiod", "2023-03-01 - 2025-02-28"),
        ("Beviljat stöd", "1 850 000 kr från Region Jämtland Härjedalen"),
        ("Medfinansiering", "Bergs kommun 550 000 kr"),
    ]:
        c.setFont("DVB", 10)
        c.drawString(50, y, label)
        c.rect(50, y - 22, 480, 16)
        c.setFont("DV", 10)
        c.drawString(53, y - 17, answer)
        y -= 44
    c.showPage()
    c.setFont("DVB", 10)
    c.drawString(50, h - 108, "Projektets mål")
    c.rect(50, h - 350, 490, 230)
    lines = [
        "Projektets övergripande mål är att invånare och besökare i Bergs kommuns byar ska ha tillgång till",
        "grundläggande service inom rimligt avstånd.",
        "Projektmål 1: Minst fem servicepunkter ska vara etablerade i kommunens byar senast 2024.",
        "Projektmål 2: Minst 60 procent av byarnas invånare ska känna till servicepunkterna vid projektets slut.",
    ]
    c.setFont("DV", 10)
    for i, line in enumerate(lines):
        c.drawString(53, h - 125 - 12 * i, line)
    c.setFont("DVB", 10)
    c.drawString(50, h - 368, "Resultat")
    c.rect(50, h - 460, 490, 80)
    c.setFont("DV", 10)
    for i, line in enumerate(
        [
            "Sex servicepunkter har etablerats i fem byar. Projektmål 1 har uppnåtts.",
            "En enkät visar att 48 procent av invånarna känner till servicepunkterna. Projektmål 2 har delvis",
            "uppnåtts.",
        ]
    ):
        c.drawString(53, h - 385 - 12 * i, line)
    c.setFont("DV", 9)
    c.drawString(50, 120, "Underskrift projektägare: ______________________ Datum: 2025-04-15")
    c.showPage()
    c.save()
    return path


@pytest.fixture(scope="module")
def form(tmp_path_factory: pytest.TempPathFactory) -> Extraction:
    from extractors.families import final_report

    return run_family(_form(tmp_path_factory.mktemp("form") / "slutrapport.pdf"), final_report)


def test_form_labels_above_their_answers_are_facts(form: Extraction) -> None:
    project = form.table("activities")[0]
    assert project["title"] == "Lokal service i Bergs kommun - servicepunkter i fem byar"
    assert form.info.title == project["title"]  # the printed title was only the form's kind
    assert str(project["start_date"]) == "2023-03-01" and str(project["end_date"]) == "2025-02-28"
    roles = {
        (r["role"], _actor(form, r["actor_id"]), r.get("person_name")) for r in form.table("actor_roles")
    }
    assert ("owner", "bergs-kommun", None) in roles
    assert ("project_leader", "bergs-kommun", "Karin Nilsson") in roles
    assert sum(role == "owner" for role, _, _ in roles) == 1  # the signature line names no owner
    financing = sorted(
        (_actor(form, b["financier_actor_id"]), b["amount"], b["unit"])
        for b in form.table("budget_lines")
        if b["kind"] == "financing"
    )
    assert financing == [("bergs-kommun", 550000.0, "sek"), ("region-jamtland-harjedalen", 1850000.0, "sek")]


def test_numbered_goal_lines_after_a_goal_sentence_with_their_verdicts(form: Extraction) -> None:
    goals = form.table("goals")
    texts = [g["text"] for g in goals]
    assert "Minst fem servicepunkter ska vara etablerade i kommunens byar senast 2024." in texts
    assert any(t.startswith("Minst 60 procent av byarnas invånare") for t in texts)
    assert not any(t.startswith("Projektmål") for t in texts)
    targets = sorted((i["target_value"], i["unit"]) for i in form.table("indicators"))
    assert targets == [(5.0, "count"), (60.0, "percent")]
    by_goal = {g["goal_id"]: g["text"] for g in goals}
    status = {by_goal[o["goal_id"]][:12]: o["status"] for o in form.table("outcomes")}
    assert status == {"Minst fem se": "achieved", "Minst 60 pro": "partly_achieved"}


# ---------------------------------------------------------------- labels beside values, tables
def _report(path: Path, title: str, flow: list[tuple[str, Any]]) -> Path:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    _fonts()
    body = ParagraphStyle("b", fontName="DV", fontSize=10, leading=13.5, spaceBefore=6)
    head = ParagraphStyle("h", fontName="DVB", fontSize=12.5, leading=16, spaceBefore=10)
    cell = ParagraphStyle("c", fontName="DV", fontSize=8.8, leading=11)
    bold = ParagraphStyle("l", fontName="DVB", fontSize=8.8, leading=11)
    story: list[Any] = [Paragraph(title, ParagraphStyle("t", fontName="DVB", fontSize=26, leading=32))]
    for kind, value in flow:
        if kind == "h":
            story.append(Paragraph(value, head))
        elif kind == "p":
            story.append(Paragraph(value, body))
        elif kind == "facts":  # a label column beside a value column, a thin line under each row
            table = Table([[Paragraph(a, bold), Paragraph(b, cell)] for a, b in value], colWidths=[113, 340])
            table.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.grey)]))
            story += [Spacer(1, 6), table]
        else:
            table = Table(
                [[Paragraph(c, bold if r == 0 else cell) for c in row] for r, row in enumerate(value)]
            )
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey)]))
            story += [Spacer(1, 6), table, Spacer(1, 6)]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


@pytest.fixture(scope="module")
def interreg(tmp_path_factory: pytest.TempPathFactory) -> Extraction:
    from extractors.families import final_report

    pdf = _report(
        tmp_path_factory.mktemp("en") / "final_report.pdf",
        "Nordic Fish Hubs",
        [
            (
                "facts",
                [
                    ("Programme", "Interreg Nord 2021–2027"),
                    ("Lead partner", "Umeå University (SE)"),
                    ("Project manager", "Dr. Anna Lindqvist, Umeå University"),
                    ("Project period", "1 September 2023 – 31 August 2025"),
                    ("Total budget", "EUR 1 500 000"),
                ],
            ),
            ("h", "1. Summary"),
            ("p", "The project set up shared processing for small fish producers in three countries."),
            ("h", "2. Work packages"),
            ("h", "WP1 Project management"),
            (
                "p",
                "Lead partner: Umeå University. Period: September 2023 – August 2025. Coordination, reporting "
                "and steering group meetings.",
            ),
            ("h", "WP2 Hubs"),
            ("p", "Lead partner: Nord University. Period: January 2024 – June 2025. Set-up of the hubs."),
        ],
    )
    return run_family(pdf, final_report)


def test_labels_beside_their_values_give_lead_partner_and_period(interreg: Extraction) -> None:
    project = interreg.table("activities")[0]
    assert str(project["start_date"]) == "2023-09-01" and str(project["end_date"]) == "2025-08-31"
    assert interreg.info.issuer == "Umeå University"
    roles = {
        (r["role"], _actor(interreg, r["actor_id"]), r.get("person_name"))
        for r in interreg.table("actor_roles")
    }
    assert ("lead", "umea-university", None) in roles
    assert any(role == "project_leader" and person == "Anna Lindqvist" for role, _, person in roles)


def test_a_work_package_period_ends_with_its_sentence(interreg: Extraction) -> None:
    packages = [a for a in interreg.table("activities") if a["level"] == "activity"]
    assert [(p["code"], p["start_raw"], p["end_raw"]) for p in packages] == [
        ("WP1", "September 2023", "August 2025"),
        ("WP2", "January 2024", "June 2025"),
    ]


def test_a_financing_table_headed_finansiar_names_its_sources(tmp_path: Path) -> None:
    from extractors.families import generic

    pdf = _report(
        tmp_path / "lagesrapport.pdf",
        "Lägesrapport 2025",
        [
            ("h", "Ekonomi"),
            (
                "t",
                [
                    ["Finansiär", "Budget (kr)", "Upparbetat (%)"],
                    ["Svenska ESF-rådet (ESF+)", "5 040 000", "41"],
                    ["Region Gävleborg", "1 260 000", "38"],
                ],
            ),
        ],
    )
    result = run_family(pdf, generic)
    lines = [(b["kind"], b["amount"], b["percent_used"]) for b in result.table("budget_lines")]
    assert lines == [("financing", 5040000.0, 41.0), ("financing", 1260000.0, 38.0)]
    financiers = {
        _actor(result, r["actor_id"]) for r in result.table("actor_roles") if r["role"] == "financier"
    }
    assert {_actor(result, b["financier_actor_id"]) for b in result.table("budget_lines")} == financiers
    assert financiers == {"svenska-esf-radet", "region-gavleborg"}  # "(ESF+)" is no part of the name


def test_a_danish_financing_sentence_gives_a_line_per_financier(tmp_path: Path) -> None:
    from extractors.families import final_report

    pdf = _report(
        tmp_path / "slutrapport.pdf",
        "Slutrapport: Grøn omstilling",
        [
            ("p", "Projektejer: Herning Kommune."),
            ("h", "4. Økonomi"),
            (
                "p",
                "Projektet er finansieret af Region Midtjylland med 1,5 mio. kr. og Herning Kommune med "
                "500.000 kr. Beløb i kr.",
            ),
            ("t", [["Post", "Budget", "Forbrug"], ["Lønninger", "1.800.000", "1.745.000"]]),
        ],
    )
    result = run_family(pdf, final_report)
    financing = [
        (_actor(result, b["financier_actor_id"]), b["amount"], b["unit"])
        for b in result.table("budget_lines")
        if b["kind"] == "financing"
    ]
    assert financing == [("region-midtjylland", 1500.0, "dkk_thousand"), ("herning-kommune", 500000.0, "dkk")]


# ----------------------------------------------------------------------------------------- deck
def _deck(path: Path) -> Path:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfgen import canvas as pdfcanvas
    from reportlab.platypus import Paragraph, Table, TableStyle

    _fonts()
    width, height = 960, 540
    c = pdfcanvas.Canvas(str(path), pagesize=(width, height))

    def frame(title: str) -> None:
        c.setFont("DVB", 26)
        c.drawString(40, height - 47, title)
        c.setFont("DV", 10)
        c.drawString(68, 24, "Valdres regionråd")

    def bullets(items: list[str]) -> None:
        y = height - 120
        for item in items:
            p = Paragraph("•&nbsp;&nbsp;" + item, ParagraphStyle("s", fontName="DV", fontSize=19, leading=24))
            _, h = p.wrap(width - 120, height)
            p.drawOn(c, 60, y - h)
            y -= h + 14

    c.setFont("DVB", 44)
    c.drawString(60, 300, "Forslag til tiltak 2026")
    c.showPage()
    proposals = [
        ("Felles rekrutteringskampanje for helse", "Valdres regionråd", "450 000", "Q1–Q4 2026"),
        ("Gründerprogram for unge", "Valdres Næringshage AS", "350 000", "august–desember 2026"),
    ]
    frame("Foreslåtte tiltak")
    cell = ParagraphStyle("c", fontName="DV", fontSize=14, leading=17)
    rows = [["Nr", "Tiltak", "Ansvarlig", "Kostnad (kr)"]]
    rows += [[str(i), t, a, k] for i, (t, a, k, _) in enumerate(proposals, 1)]
    table = Table([[Paragraph(x, cell) for x in row] for row in rows], colWidths=[45, 380, 260, 150])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.6, colors.grey)]))
    _, h = table.wrap(width, height)
    table.drawOn(c, 40, height - 100 - h)
    c.showPage()
    for i, (title, owner, cost, when) in enumerate(proposals, 1):
        frame(f"Tiltak {i}: {title}")
        bullets(
            [
                f"Hva: Et tiltak for {title.lower()} i alle kommunene.",
                f"Ansvarlig: {owner}",
                f"Budsjett: {cost} kr",
                f"Tidsplan: {when}",
            ]
        )
        c.showPage()
    c.save()
    return path


def test_numbered_tiltak_slides_are_the_proposals_beside_an_overview_table(tmp_path: Path) -> None:
    from extractors.families import deck

    result = run_family(_deck(tmp_path / "forslag.pdf"), deck)
    acts = result.table("activities")
    assert [(a["level"], a["code"], a["title"]) for a in acts] == [
        ("proposal", "Tiltak 1", "Felles rekrutteringskampanje for helse"),
        ("proposal", "Tiltak 2", "Gründerprogram for unge"),
    ]
    assert acts[0]["description"].startswith("Et tiltak for")  # "Hva:" is the label of the body
    assert [(str(a["start_date"]), str(a["end_date"])) for a in acts] == [
        ("2026-01-01", "2026-12-31"),
        ("2026-08-01", "2026-12-31"),
    ]
    assert [b["amount"] for b in result.table("budget_lines")] == [450000.0, 350000.0]
