"""Program compendiums: the LNU idéskrift and a small Norwegian project catalogue built here."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from extractors.result import Extraction
from tests.conftest import corpus_pdf
from tests.test_final_report import run_family


@pytest.fixture(scope="module")
def lnu() -> Extraction:
    from extractors.families import compendium

    return run_family(corpus_pdf("lnu_ideskrift_2002_2004.pdf"), compendium)


def test_every_listed_project_is_a_row(lnu: Extraction) -> None:
    projects = [a for a in lnu.table("activities") if a["level"] == "project"]
    assert len(projects) == 24
    assert [p["code"] for p in projects] == [str(n) for n in range(1, 25)]
    assert projects[21]["title"] == "Söderslättsmärkt"
    assert projects[21]["strategic_area"] == "Profilering och marknadsföring"
    assert projects[21]["confidence"] < projects[0]["confidence"]  # listed only, no presentation


def test_presentation_with_fact_box(lnu: Extraction) -> None:
    first = lnu.table("activities")[0]
    assert first["title"] == "Latenta kompetenskluster med bas i Västra Skaraborg"
    assert first["page_start"] == 11
    assert first["strategic_area"] == "Kluster och innovationssystem"
    assert (first["start_raw"], first["end_raw"]) == ("mars 2003", "december 2004")
    assert first["description"].startswith("En tjugofyratimmarsworkshop med strategisk omvärldsanalys")
    roles = [r for r in lnu.table("actor_roles") if r.get("activity_id") == first["activity_id"]]
    members = {r["actor_id"] for r in roles if r["role"] == "member_municipality"}
    assert members == {
        "grastorps-kommun",
        "gotene-kommun",
        "lidkopings-kommun",
        "essunga-kommun",
        "skara-kommun",
        "vara-kommun",
    }
    assert any(r["role"] == "participant" and r["actor_id"] == "vastra-gotalandsregionen" for r in roles)
    leader = next(r for r in roles if r["role"] == "project_leader")
    assert leader["person_name"] == "Magnus Kempe"
    assert leader["actor_id"] == "tillvaxtradet-i-lidkopings-kommun"
    # a fact box split over two shaded boxes still gives the leader and the period
    third = lnu.table("activities")[2]
    assert third["title"] == "Innovationssystemet Hälsoteknik"
    assert (third["start_raw"], third["end_raw"]) == ("januari 2003", "november 2004")
    assert any(
        r.get("person_name") == "Madelene Fryklind"
        for r in lnu.table("actor_roles")
        if r.get("activity_id") == third["activity_id"]
    )


def test_programme_goal_and_verdict(lnu: Extraction) -> None:
    goals = lnu.table("goals")
    assert len(goals) == 1
    assert goals[0]["text"].startswith(
        "Målet var att öka förutsättningarna för ett kvalitativt strategiskt arbete"
    )
    assert goals[0]["level"] == "overall"
    outcome = lnu.table("outcomes")[0]
    assert outcome["text"] == "Ett mål som Nutek bedömer har uppnåtts."
    assert outcome["status"] == "achieved"


def test_foreword_people(lnu: Extraction) -> None:
    people = {(r["person_name"], r["role"]) for r in lnu.table("actor_roles") if r.get("person_name")}
    assert ("Stefan Berry", "project_leader") in people
    assert ("Kurt Ekelund", "issuer") in people


def _catalogue(path: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    title = ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=22, leading=26, spaceAfter=10)
    theme = ParagraphStyle("th", fontName="Helvetica-Bold", fontSize=10, leading=13, spaceBefore=8)
    body = ParagraphStyle("b", fontName="Helvetica", fontSize=10, leading=13, spaceAfter=6)

    def box(text: str) -> Table:
        table = Table([[Paragraph(text, body)]], colWidths=[300])
        table.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#dde8f0"))]))
        return table

    story: list[Any] = [
        Paragraph("Prosjektkatalog 2021", title),
        Paragraph("Tema: Reiseliv", theme),
        Paragraph("1. Kystled Nord 2. Fjellvettskolen", body),
        Paragraph("Tema: Næringsutvikling", theme),
        Paragraph("3. Gründerhus Ytre Fjord", body),
        PageBreak(),
        Paragraph("Kystled Nord", title),
        Paragraph(
            "Fire kommuner har sammen utviklet et nettverk av overnattingssteder langs kysten, med felles "
            "booking og markedsføring mot internasjonale gjester.",
            body,
        ),
        Paragraph("Mål: Minst 20 nye overnattingssteder knyttet til felles booking innen 2023.", body),
        Paragraph("Delmål: Ett felles bookingsystem for alle fire kommunene.", body),
        box(
            "Samarbeidende kommuner: Lenvik, Berg og Torsken. Prosjekteier: Senja Reiseliv AS "
            "Prosjektleder: Kari Nordmann Prosjektperiode: januar 2021 – desember 2022"
        ),
    ]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)


def test_norwegian_catalogue(tmp_path: Path) -> None:
    from extractors.families import compendium

    pdf = tmp_path / "katalog.pdf"
    _catalogue(pdf)
    result = run_family(pdf, compendium)
    projects = result.table("activities")
    assert [p["title"] for p in projects] == ["Kystled Nord", "Fjellvettskolen", "Gründerhus Ytre Fjord"]
    assert projects[2]["strategic_area"] == "Næringsutvikling"
    first = projects[0]
    assert first["page_start"] == 2
    assert (first["start_raw"], first["end_raw"]) == ("januar 2021", "desember 2022")
    assert first["description"].startswith("Fire kommuner har sammen utviklet")
    roles = [r for r in result.table("actor_roles") if r.get("activity_id") == first["activity_id"]]
    assert any(r["role"] == "owner" and r["actor_id"] == "senja-reiseliv-as" for r in roles)
    assert any(r["role"] == "project_leader" and r.get("person_name") == "Kari Nordmann" for r in roles)
    assert len([r for r in roles if r["role"] == "member_municipality"]) == 3
    goals = [(g["activity_id"], g["level"], g["text"]) for g in result.table("goals")]
    assert goals == [
        (
            first["activity_id"],
            "overall",
            "Minst 20 nye overnattingssteder knyttet til felles booking innen 2023.",
        ),
        (first["activity_id"], "sub", "Ett felles bookingsystem for alle fire kommunene."),
    ]


TWO_COLUMN_PROJECTS = [
    ("Bygdens kraft i Tranemo", "Dalstorps Byalag", "Karin Svensson", "Tranemo kommun", "2023-03-01 – 2024-12-31",
     "1 200 000 kr"),
    ("Digitala servicepunkter på landsbygden", "Studieförbundet Vuxenskolan", "Ahmed Nour", "Marks kommun",
     "2023-09-01 – 2025-06-30", "850 000 kr"),
    ("Ullaredsleden i Ätradalen", "Ullareds Intresseförening", "Maria Lindqvist", "Falkenbergs kommun",
     "2024-01-15 – 2025-10-31", "640 000 kr"),
    ("Unga entreprenörer i Ulricehamn", "Ulricehamns kommun", "Erik Johansson", "Ulricehamns kommun",
     "2023-05-01 – 2024-09-30", "420 000 kr"),
]  # fmt: skip


def _two_column_catalogue(path: Path) -> None:
    """A cover page, then project presentations in two text columns, each with a shaded fact box."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import (
        BaseDocTemplate,
        Frame,
        KeepTogether,
        PageBreak,
        PageTemplate,
        Paragraph,
        Spacer,
        Table,
        TableStyle,
    )
    from reportlab.platypus.doctemplate import NextPageTemplate

    width, height = A4
    column = (width - 100 - 20) / 2
    doc = BaseDocTemplate(
        str(path), pagesize=A4, leftMargin=50, rightMargin=50, topMargin=50, bottomMargin=50
    )
    doc.addPageTemplates(
        [
            PageTemplate(id="cover", frames=[Frame(50, 50, width - 100, height - 100)]),
            PageTemplate(
                id="two",
                frames=[Frame(50, 50, column, height - 100), Frame(70 + column, 50, column, height - 100)],
            ),
        ]
    )
    body = ParagraphStyle("b", fontName="Helvetica", fontSize=9.5, leading=12.5)
    small = ParagraphStyle("s", fontName="Helvetica", fontSize=8.5, leading=11)
    h1 = ParagraphStyle("h1", fontName="Helvetica-Bold", fontSize=22, leading=26)
    h3 = ParagraphStyle("h3", fontName="Helvetica-Bold", fontSize=13, leading=16, spaceAfter=4)
    story: list[Any] = [
        Paragraph("Idéskrift – projekt i Leader Sjuhärad 2023–2025", h1),
        Paragraph("I denna idéskrift presenteras projekt som beviljats stöd under programperioden.", body),
        NextPageTemplate("two"),
        PageBreak(),
    ]
    for title, owner, leader, municipality, period, support in TWO_COLUMN_PROJECTS:
        box = Table(
            [
                [Paragraph(f"<b>Projektägare:</b> {owner}", small)],
                [Paragraph(f"<b>Projektledare:</b> {leader}", small)],
                [Paragraph(f"<b>Kommun:</b> {municipality}", small)],
                [Paragraph(f"<b>Projekttid:</b> {period}", small)],
                [Paragraph(f"<b>Beviljat stöd:</b> {support}", small)],
            ],
            colWidths=[column],
        )
        box.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#eaf1e4"))]))
        text = f"Projektet {title.lower()} har samlat bygdens aktörer kring en gemensam satsning. " * 6
        story.append(
            KeepTogether([Paragraph(title, h3), Paragraph(text, body), Spacer(1, 6), box, Spacer(1, 18)])
        )
    doc.build(story)


def test_a_catalogue_in_two_columns(tmp_path: Path) -> None:
    """Headings side by side in the two columns keep their own facts; the cover's title is no project."""
    from extractors.families import compendium

    pdf = tmp_path / "ideskrift.pdf"
    _two_column_catalogue(pdf)
    result = run_family(pdf, compendium)
    projects = {a["title"]: a for a in result.table("activities") if a["level"] == "project"}
    assert list(projects) == [p[0] for p in TWO_COLUMN_PROJECTS]
    leaders = {r["person_name"] for r in result.table("actor_roles") if r["role"] == "project_leader"}
    for title, _owner, leader, municipality, period, support in TWO_COLUMN_PROJECTS:
        assert leader in leaders
        row = projects[title]
        assert (row["start_raw"], row["end_raw"]) == tuple(period.split(" – "))
        assert row["resources_raw"] == support
        roles = {
            (r["role"], r["actor_id"])
            for r in result.table("actor_roles")
            if r["activity_id"] == row["activity_id"]
        }
        assert ("member_municipality", municipality.lower().replace(" ", "-")) in roles  # "Kommun:"
        assert any(role == "owner" for role, _ in roles)
    granted = sorted(b["amount"] for b in result.table("budget_lines") if b["kind"] == "financing")
    assert granted == [420000.0, 640000.0, 850000.0, 1200000.0]


def test_a_fact_box_with_each_label_above_its_value(tmp_path: Path) -> None:
    """ "Projektägare" on one line, "Gnosjö kommun" on the next, no colon; a contact's e-mail
    address is no organisation."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from extractors.families import compendium

    pdf = tmp_path / "ideskrift.pdf"
    page = canvas.Canvas(str(pdf), pagesize=A4)
    page.setFont("Helvetica-Bold", 24)
    page.drawString(60, 760, "Idéskrift 2024")
    page.setFont("Helvetica", 11)
    page.drawString(60, 730, "Regionala utvecklingsprojekt i Jönköpings län")
    page.showPage()
    page.setFont("Helvetica-Bold", 16)
    page.drawString(50, 780, "Gnosjöandan 2.0 – generationsskiften")
    page.setFont("Helvetica", 10)
    for i, line in enumerate(
        [
            "Många ägare av tillverkande småföretag närmar sig pensionsåldern.",
            "Projektet erbjuder ägarna stöd att planera ett ägarskifte.",
        ]
    ):
        page.drawString(50, 750 - 14 * i, line)
    page.setFillColor(colors.HexColor("#e3ecf5"))
    page.rect(360, 440, 190, 260, fill=1, stroke=0)
    page.setFillColor(colors.black)
    facts = [
        ("Projektägare", ["Gnosjö kommun"]),
        ("Kontaktperson", ["Johan Ek, näringslivsutvecklare", "johan.ek@gnosjo.se"]),
        ("Projektperiod", ["2023-03-01 – 2025-02-28"]),
        ("Total budget", ["2,4 mnkr"]),
        ("Finansiärer", ["Region Jönköpings län", "Tillväxtverket"]),
    ]
    y = 685.0
    for label, lines in facts:
        page.setFont("Helvetica-Bold", 9)
        page.drawString(370, y, label)
        y -= 13
        page.setFont("Helvetica", 9)
        for line in lines:
            page.drawString(370, y, line)
            y -= 12
        y -= 12
    page.showPage()
    page.save()
    result = run_family(pdf, compendium)
    project = result.table("activities")[0]
    assert project["title"] == "Gnosjöandan 2.0 – generationsskiften"
    assert (project["start_raw"], project["end_raw"]) == ("2023-03-01", "2025-02-28")
    roles = {(r["role"], r["actor_id"], r.get("person_name")) for r in result.table("actor_roles")}
    assert {
        ("owner", "gnosjo-kommun", None),
        ("contact", "gnosjo-kommun", "Johan Ek"),
        ("financier", "region-jonkopings-lan", None),
        ("financier", "tillvaxtverket", None),
    } <= roles
    assert not [a for a in result.table("actors") if "@" in a["name"]]
    assert [(b["amount"], b["unit"]) for b in result.table("budget_lines")] == [(2.4, "sek_million")]


def test_a_catalogue_sidebar_with_period_and_a_photo_credit(tmp_path: Path) -> None:
    """ "Period" and "Tidsplan" above their values give the project's dates; the credit under a
    picture ("Foto: Ånge kommun") names no actor of the project."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from extractors.families import compendium

    pdf = tmp_path / "katalog.pdf"
    page = canvas.Canvas(str(pdf), pagesize=A4)
    page.setFont("Helvetica-Bold", 24)
    page.drawString(60, 760, "Projektkatalog 2025")
    page.setFont("Helvetica", 11)
    page.drawString(60, 730, "Landsbygdsprojekt i Västernorrland")
    page.showPage()
    for title, owner, label, period in (
        ("Byskolor som mötesplatser", "Ånge kommun", "Period", "2025-02-01 – 2026-12-31"),
        ("Turistvägar längs Ljungan", "Sundsvalls kommun", "Tidsplan", "2025-04-01 – 2027-03-31"),
    ):
        page.setFont("Helvetica-Bold", 18)
        page.drawString(50, 780, title)
        page.setFillColor(colors.HexColor("#cccccc"))
        page.rect(50, 560, 280, 190, fill=1, stroke=0)
        page.setFillColor(colors.black)
        page.setFont("Helvetica-Oblique", 8)
        page.drawString(50, 548, f"Foto: {owner}")
        page.setFont("Helvetica", 10)
        page.drawString(50, 520, "Projektet samlar byar, skolor och föreningar kring en gemensam plan.")
        page.setFillColor(colors.HexColor("#e3ecf5"))
        page.rect(360, 520, 190, 240, fill=1, stroke=0)
        page.setFillColor(colors.black)
        y = 740.0
        for fact, value in (("Projektägare", owner), (label, period), ("Finansiärer", "Tillväxtverket")):
            page.setFont("Helvetica-Bold", 9)
            page.drawString(370, y, fact)
            page.setFont("Helvetica", 9)
            page.drawString(370, y - 13, value)
            y -= 40
        page.showPage()
    page.save()
    result = run_family(pdf, compendium)
    projects = [(a["title"], str(a["start_date"]), str(a["end_date"])) for a in result.table("activities")]
    assert projects == [
        ("Byskolor som mötesplatser", "2025-02-01", "2026-12-31"),
        ("Turistvägar längs Ljungan", "2025-04-01", "2027-03-31"),
    ]
    assert not [a for a in result.table("actors") if "foto" in a["name"].lower()]
    assert not [r for r in result.table("actor_roles") if "Foto" in (r.get("raw") or "")]


def test_a_fact_table_of_labels_over_values_pairs_them_by_column(tmp_path: Path) -> None:
    """ "Prosjekteier | Periode | Budsjett | Kontaktperson" on one line, the values on the line under
    it, ruled or not: each label takes the value in its column, not the next block read."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from extractors.families import compendium

    pdf = tmp_path / "prosjektkatalog.pdf"
    page = canvas.Canvas(str(pdf), pagesize=A4)
    page.setFont("Helvetica-Bold", 20)
    page.drawString(60, 760, "Prosjektkatalog 2026")
    page.setFont("Helvetica", 10)
    page.drawString(60, 735, "Prosjekt med tilsagn om regionale utviklingsmidler.")
    page.showPage()
    projects = [
        ("Grønn kystlogistikk", ["Brønnøy kommune", "2026–2028", "900 000 kr", "Ola Nordvik"], True),
        ("Fjellandbruk i endring", ["Hemsedal Næringsforening", "2027", "450 000 kr", "Kari Bakken"], False),
    ]
    labels = ["Prosjekteier", "Periode", "Budsjett", "Kontaktperson"]
    columns = [60, 210, 300, 400]
    y = 780.0
    for title, values, ruled in projects:
        page.setFont("Helvetica-Bold", 14)
        page.drawString(60, y, title)
        page.setFont("Helvetica", 10)
        page.drawString(
            60, y - 22, "Prosjektet skal prøve ut nye løsninger saman med næringslivet i regionen."
        )
        page.setFont("Helvetica-Bold", 9)
        for x, label in zip(columns, labels, strict=True):
            page.drawString(x, y - 44, label)
        if ruled:
            page.setStrokeColor(colors.grey)
            page.line(60, y - 48, 520, y - 48)
        page.setFont("Helvetica", 9)
        for x, value in zip(columns, values, strict=True):
            page.drawString(x, y - 61, value)
        y -= 110
    page.showPage()
    page.save()
    result = run_family(pdf, compendium)
    projects_out = {a["title"]: a for a in result.table("activities") if a["level"] == "project"}
    assert set(projects_out) == {"Grønn kystlogistikk", "Fjellandbruk i endring"}
    assert projects_out["Grønn kystlogistikk"]["start_raw"] == "2026"
    lone_year = projects_out["Fjellandbruk i endring"]
    assert (lone_year["start_raw"], str(lone_year["end_date"])) == ("2027", "2027-12-31")
    assert (str(result.info.period_start), str(result.info.period_end)) == ("2026-01-01", "2026-12-31")
    names = {a["actor_id"]: a["name"] for a in result.actors.values()}
    roles = {(r["role"], names.get(r["actor_id"]), r.get("person_name")) for r in result.table("actor_roles")}
    assert {
        ("owner", "Brønnøy kommune", None),
        ("contact", "Brønnøy kommune", "Ola Nordvik"),
        ("owner", "Hemsedal Næringsforening", None),
        ("contact", "Hemsedal Næringsforening", "Kari Bakken"),
    } <= roles
    assert sorted(b["amount"] for b in result.table("budget_lines")) == [450000.0, 900000.0]
