"""Proposal decks: the Reglab idémöte and a Norwegian innspill deck built here."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.result import Extraction
from tests.conftest import corpus_pdf
from tests.test_final_report import run_family


@pytest.fixture(scope="module")
def reglab() -> Extraction:
    from extractors.families import deck

    return run_family(corpus_pdf("reglab_idemote_2020.pdf"), deck)


def test_one_proposal_per_content_slide(reglab: Extraction) -> None:
    proposals = reglab.table("activities")
    assert len(proposals) == 56
    assert {p["level"] for p in proposals} == {"proposal"}
    assert [p["page_start"] for p in proposals] == list(range(3, 59))
    by_page = {p["page_start"]: p for p in proposals}
    assert by_page[3]["title"] == "BRP +"
    assert by_page[7]["title"] == "Agenda 2030"  # a topic, not an agenda slide
    assert by_page[56]["title"] == (
        "Det finns ett stort behov av att öka kunskapsnivån inom såväl migrations- som integrationsområdet."
    )
    assert by_page[33]["target_group_raw"].startswith("Regionernas utveckling/tillväxtenheter")
    assert by_page[33]["description"].startswith("Digitalisering kräver ett tydligt ledarskap")
    assert reglab.info.title == "Reglab – Idémöte inför 2020"
    assert str(reglab.info.period_start) == "2020-01-01"


def test_proposers(reglab: Extraction) -> None:
    by_page = {p["page_start"]: p for p in reglab.table("activities")}
    assert by_page[8].get("responsible_raw") == "STORSTHLM"
    assert by_page[41].get("responsible_raw") == "Region Blekinge"
    assert by_page[37].get("responsible_raw") == "Region Blekinge"
    assert by_page[3].get("responsible_raw") is None
    with_proposer = [p for p in by_page.values() if p.get("responsible_raw")]
    assert len(with_proposer) == 11


def test_contacts(reglab: Extraction) -> None:
    contacts = {
        (r.get("person_name"), r.get("actor_id"), r["page"])
        for r in reglab.table("actor_roles")
        if r["role"] == "contact"
    }
    assert contacts == {
        ("Jan Persson", None, 13),
        ("Camilla Karlsson", None, 13),
        ("Mats Wessman", "tillvaxtverket", 33),
        ("Mikael Blomberg", "tillvaxtverket", 33),
        ("Daniel Fahlander", None, 52),
    }


def _norwegian_deck(path: Path) -> None:
    from reportlab.lib.pagesizes import landscape
    from reportlab.pdfgen import canvas

    size = landscape((595.0, 842.0))
    pdf = canvas.Canvas(str(path), pagesize=size)

    def slide(
        title: str | None, lines: list[tuple[str, float]], footer: str = "Regionrådet | Innspillsmøte 2022"
    ) -> None:
        y = size[1] - 60
        if title:
            pdf.setFont("Helvetica-Bold", 28)
            pdf.drawString(50, y, title)
            y -= 50
        for text, font_size in lines:
            pdf.setFont("Helvetica", font_size)
            pdf.drawString(60, y, text)
            y -= font_size * 1.8
        pdf.setFont("Helvetica", 9)
        pdf.drawString(50, 25, f"{footer}   {pdf.getPageNumber()}")
        pdf.showPage()

    pdf.setFont("Helvetica-Bold", 36)
    pdf.drawString(50, 350, "Regionrådet")
    pdf.setFont("Helvetica", 24)
    pdf.drawString(50, 300, "Innspillsmøte 2022")
    pdf.showPage()
    slide("Agenda", [("Velkommen og innledning", 16), ("Gjennomgang av innspill", 16)])
    slide(
        "Felles reiselivsstrategi",
        [
            ("Bakgrunn: Kommunene markedsfører seg hver for seg i dag.", 16),
            ("Forslag: Utarbeide en felles strategi for reiselivet i regionen.", 16),
            ("Målgruppe: Reiselivsbedrifter og destinasjonsselskap", 16),
            ("Kontaktperson: Kari Nordmann, Troms fylkeskommune, kari.nordmann@tromsfylke.no", 14),
        ],
    )
    slide(
        None,
        [
            ("Det trengs et nettverk for unge gründere i distriktene.", 20),
            ("Formål: Erfaringsdeling og mentorordning.", 16),
            ("Tromsø kommune", 14),
        ],
    )
    slide("Bredbånd til alle", [("Forslag: Kartlegge hvite flekker.", 16)], footer="NORDNETT")
    pdf.save()


def test_norwegian_deck(tmp_path: Path) -> None:
    from extractors.families import deck

    path = tmp_path / "innspill.pdf"
    _norwegian_deck(path)
    result = run_family(path, deck)
    proposals = result.table("activities")
    assert [p["title"] for p in proposals] == [
        "Felles reiselivsstrategi",
        "Det trengs et nettverk for unge gründere i distriktene.",
        "Bredbånd til alle",
    ]
    first, second, third = proposals
    assert first["description"] == (
        "Kommunene markedsfører seg hver for seg i dag. Utarbeide en felles strategi for reiselivet i regionen."
    )
    assert first["target_group_raw"] == "Reiselivsbedrifter og destinasjonsselskap"
    assert second.get("responsible_raw") == "Tromsø kommune"
    assert second["description"] == "Erfaringsdeling og mentorordning."
    assert third.get("responsible_raw") == "NORDNETT"
    contact = next(r for r in result.table("actor_roles") if r["role"] == "contact")
    assert contact["person_name"] == "Kari Nordmann"
    assert contact["actor_id"] == "troms-fylkeskommune"
    assert contact["activity_id"] == first["activity_id"]


def _deck(path: Path, slides: list[tuple[str, list[str]]]) -> None:
    """A 16:9 deck: a cover, then one slide per (title, body lines)."""
    from reportlab.pdfgen import canvas

    size = (960.0, 540.0)
    page = canvas.Canvas(str(path), pagesize=size)
    page.setFont("Helvetica-Bold", 36)
    page.drawString(60, 300, "Idémöte Gotland")
    page.setFont("Helvetica", 20)
    page.drawString(60, 260, "Förslag inför 2026")
    page.showPage()
    for title, lines in slides:
        page.setFont("Helvetica-Bold", 30)
        page.drawString(60, 460, title)
        page.setFont("Helvetica", 16)
        for k, line in enumerate(lines):
            page.drawString(60, 400 - 28 * k, line)
        page.showPage()
    page.save()


def test_numbered_proposals_and_a_closing_slide(tmp_path: Path) -> None:
    from extractors.families import deck

    pdf = tmp_path / "idemote.pdf"
    _deck(
        pdf,
        [
            ("Förslag 1: Året-runt-öppet på Fårö",
             ["Bakgrund: Många verksamheter stänger efter säsongen.", "Målgrupp: Besöksnäringens företag"]),
            ("Förslag 2: Kompetenslyft för lantbrukare",
             ["Bakgrund: Lantbruket står inför ett generationsskifte.", "Målgrupp: Lantbrukare"]),
            ("Tack för i dag!", ["Frågor och synpunkter till Region Gotland."]),
        ],
    )  # fmt: skip
    result = run_family(pdf, deck)
    proposals = [(a["code"], a["title"]) for a in result.table("activities") if a["level"] == "proposal"]
    assert proposals == [
        ("Förslag 1", "Året-runt-öppet på Fårö"),
        ("Förslag 2", "Kompetenslyft för lantbrukare"),
    ]
    first = result.table("activities")[0]
    assert first["target_group_raw"] == "Besöksnäringens företag"
    assert first["description"] == "Många verksamheter stänger efter säsongen."


def test_unnumbered_proposals_with_budget_and_a_next_steps_slide(tmp_path: Path) -> None:
    from extractors.families import deck

    pdf = tmp_path / "idemote.pdf"
    _deck(
        pdf,
        [
            ("Förslag: Gemensam rekryteringsportal",
             ["Bakgrund: Kommunerna konkurrerar om samma personal.", "Budget: 650 000 kr", "Tidsplan: 2026"]),
            ("Nästa steg", ["• 15 januari 2026: beslut om prioriterade förslag", "• mars 2026: uppstart"]),
        ],
    )  # fmt: skip
    result = run_family(pdf, deck)
    proposals = result.table("activities")
    assert [(p["code"], p["title"]) for p in proposals] == [(None, "Gemensam rekryteringsportal")]
    first = proposals[0]
    assert (first["resources_raw"], first["start_raw"], first["description"]) == (
        "650 000 kr",
        "2026",
        "Kommunerna konkurrerar om samma personal.",
    )
    assert [(b["amount"], b["unit"]) for b in result.table("budget_lines")] == [(650000.0, "sek")]
    steps = [
        (t["kind"], t["label"], str(t["date_start"]))
        for t in result.table("timelines")
        if not t["activity_id"]
    ]
    assert steps == [
        ("decision", "beslut om prioriterade förslag", "2026-01-15"),
        ("milestone", "uppstart", "2026-03-01"),
    ]


def test_the_year_in_a_decks_title_is_its_period(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    from extractors.families import deck

    pdf = tmp_path / "idemote.pdf"
    page = canvas.Canvas(str(pdf), pagesize=(960.0, 540.0))
    page.setFont("Helvetica-Bold", 36)
    page.drawString(60, 300, "Idémöte 2025")
    page.setFont("Helvetica", 18)
    page.drawString(60, 250, "Förslag till regionala samverkansinsatser")
    page.drawString(60, 220, "Sjuhärads kommunalförbund 12 november 2024")  # the meeting's date
    page.showPage()
    page.setFont("Helvetica-Bold", 30)
    page.drawString(60, 460, "Förslag: Gemensam rekryteringsportal")
    page.setFont("Helvetica", 16)
    page.drawString(60, 400, "Bakgrund: Kommunerna konkurrerar om samma personal.")
    page.showPage()
    page.save()
    result = run_family(pdf, deck)
    assert (str(result.info.period_start), str(result.info.period_end)) == ("2025-01-01", "2025-12-31")


def _table_deck(path: Path) -> None:
    """A 16:9 deck whose cover has a date and venue line, a context slide, two numbered proposals and
    a slide about proposal 1 holding a ruled plan table."""
    from reportlab.lib import colors
    from reportlab.pdfgen import canvas
    from reportlab.platypus import Table, TableStyle

    size = (960.0, 540.0)
    page = canvas.Canvas(str(path), pagesize=size)
    page.setFont("Helvetica-Bold", 40)
    page.drawString(60, 320, "Idémöte: Levande stadskärna 2026")
    page.setFont("Helvetica", 18)
    page.drawString(60, 270, "18 november 2025 · Göransson Arena")
    page.setFont("Helvetica-Bold", 20)
    page.drawString(60, 80, "Sandvikens kommun")
    page.showPage()
    slides = [
        ("Bakgrund", ["• Var femte butikslokal i centrum står tom", "• Besökarna har blivit färre"]),
        ("Förslag 1: Pop-up-butiker i tomma lokaler", ["• Fastighetsägare upplåter tomma lokaler", "Budget: 250 000 kr"]),
        ("Förslag 2: Gågatan som mötesplats", ["• Fler sittplatser och växtlighet", "Budget: 1,2 mkr"]),
        ("Så genomför vi förslag 1", []),
    ]  # fmt: skip
    for title, lines in slides:
        page.setFont("Helvetica-Bold", 30)
        page.drawString(60, 460, title)
        page.setFont("Helvetica", 18)
        for k, line in enumerate(lines):
            page.drawString(60, 400 - 30 * k, line)
        if not lines:
            table = Table(TABLE_ROWS, colWidths=[400, 260, 160], rowHeights=32)
            table.setStyle(
                TableStyle(
                    [
                        ("GRID", (0, 0), (-1, -1), 0.8, colors.black),
                        ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 14),
                        ("FONT", (0, 1), (-1, -1), "Helvetica", 14),
                    ]
                )
            )
            table.wrapOn(page, 820, 300)
            table.drawOn(page, 60, 400 - 32 * len(TABLE_ROWS))
        page.showPage()
    page.save()


TABLE_ROWS = [
    ["Aktivitet", "Ansvarig", "När"],
    ["Inventera tomma lokaler", "Näringslivsavdelningen", "Januari 2026"],
    ["Avtal med fastighetsägare", "Sandviken City", "Februari–mars 2026"],
    ["Öppna första pop-up-butiken", "Sandviken City", "April 2026"],
]


def test_a_plan_table_on_a_slide_about_a_numbered_proposal(tmp_path: Path) -> None:
    from extractors.families import deck

    pdf = tmp_path / "idemote.pdf"
    _table_deck(pdf)
    result = run_family(pdf, deck)
    acts = result.table("activities")
    proposals = [(a["code"], a["title"]) for a in acts if a["level"] == "proposal"]
    assert proposals == [
        ("Förslag 1", "Pop-up-butiker i tomma lokaler"),
        ("Förslag 2", "Gågatan som mötesplats"),
    ]
    first = next(a for a in acts if a["code"] == "Förslag 1")
    steps = [(a["title"], a["responsible_raw"], a["start_raw"]) for a in acts if a["level"] != "proposal"]
    assert steps == [
        ("Inventera tomma lokaler", "Näringslivsavdelningen", "Januari 2026"),
        ("Avtal med fastighetsägare", "Sandviken City", "Februari"),
        ("Öppna första pop-up-butiken", "Sandviken City", "April 2026"),
    ]
    assert {a["parent_id"] for a in acts if a["level"] != "proposal"} == {first["activity_id"]}
    assert result.info.title == "Idémöte: Levande stadskärna 2026"
