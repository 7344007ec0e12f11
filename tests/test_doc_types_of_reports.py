"""Which family reads a document: progress reports, yearbooks and slide decks named on their cover.

A "Delrapport", "Lägesrapport", "Verksamhetsberättelse" or "Årsmelding" follows its goals, results
and budget as a final report does, so the final report's readers must run on it; slides whose cover
opens with a proposal are a proposal deck, while a printed "Forslag til handlingsprogram" stays a plan.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from extractors.classify import classify
from extractors.pdf.layout import analyse
from extractors.pdf.reader import read_pdf

_TMP = tempfile.TemporaryDirectory(prefix="doc-types-")
_DIR = Path(_TMP.name)

REPORT_BODY = [
    "Projektet startade i september 2024 och pågår till augusti 2026.",
    "Under perioden har sex aktiviteter genomförts enligt plan och två har skjutits upp.",
    "Projektmål 1: Minst 120 deltagare har fått en kortare utbildning.",
    "Bedömning: Delvis uppnått.",
    "Projektmål 2: Ett nätverk för företagen i kommunerna är etablerat.",
    "Bedömning: Uppnått.",
]
NYNORSK_BODY = [
    "Regionrådet har i 2025 arbeidd vidare med handlingsprogrammet for regionen.",
    "Delmål 1: Minst 40 nye lærlingplassar i regionen.",
    "Vurdering: nådd.",
    "Delmål 2: Betre samarbeid mellom kommunane om næringsareal.",
    "Vurdering: delvis nådd.",
]


def _page(path: Path, cover: list[tuple[str, int]], body: list[str], size: tuple[float, float] = A4) -> None:
    canvas = Canvas(str(path), pagesize=size)
    width, height = size
    y = height - 90
    for text, font_size in cover:
        canvas.setFont("Helvetica-Bold", font_size)
        canvas.drawString(60, y, text)
        y -= font_size * 1.8
    canvas.setFont("Helvetica", 10)
    for line in body:
        y -= 16
        canvas.drawString(60, y, line)
    canvas.showPage()
    canvas.save()


def _deck(path: Path, cover: str, slides: list[tuple[str, list[str]]]) -> None:
    size = (960.0, 540.0)
    canvas = Canvas(str(path), pagesize=size)
    canvas.setFont("Helvetica-Bold", 34)
    canvas.drawString(60, 300, cover)
    canvas.setFont("Helvetica", 16)
    canvas.drawString(60, 250, "Valdres regionråd, møte 20. november 2025")
    canvas.showPage()
    for title, bullets in slides:
        canvas.setFont("Helvetica-Bold", 28)
        canvas.drawString(60, 460, title)
        canvas.setFont("Helvetica", 18)
        for k, bullet in enumerate(bullets):
            canvas.drawString(80, 400 - 34 * k, f"• {bullet}")
        canvas.showPage()
    canvas.save()


def _doc_type(path: Path) -> str:
    return classify(analyse(read_pdf(str(path)))).doc_type


@pytest.mark.parametrize(
    ("name", "cover", "body"),
    [
        ("delrapport", [("Delrapport 2", 26), ("Kompetenslyft Hälsingekusten", 16)], REPORT_BODY),
        ("lagesrapport", [("Lägesrapport för projektet Besöksnäring i norr", 22)], REPORT_BODY),
        ("verksamhet", [("Verksamhetsberättelse 2025", 26), ("Näringslivsenheten", 16)], REPORT_BODY),
        ("arsmelding", [("Årsmelding 2025", 26), ("Sogn regionråd", 16)], NYNORSK_BODY),
    ],
)
def test_a_report_named_on_its_cover_is_read_as_a_report(
    name: str, cover: list[tuple[str, int]], body: list[str]
) -> None:
    pdf = _DIR / f"{name}.pdf"
    _page(pdf, cover, body)
    assert _doc_type(pdf) == "final_report"


def test_slides_whose_cover_proposes_are_a_proposal_deck() -> None:
    pdf = _DIR / "deck.pdf"
    slides = [
        ("Tiltak 1: Felles næringsportal", ["Hva: en portal for alle kommunene", "Tidsplan: 2026"]),
        ("Tiltak 2: Lærlingløftet", ["Hva: flere lærlingplasser", "Mål: 40 nye plasser"]),
        ("Tiltak 3: Stedsutvikling", ["Hva: møteplasser i sentrum", "Tidsplan: høsten 2026"]),
        ("Videre prosess", ["Behandling i regionrådet 11.12.2025"]),
    ]
    _deck(pdf, "Forslag til tiltak 2026", slides)
    assert _doc_type(pdf) == "proposal_deck"


def test_a_printed_draft_plan_is_no_proposal_deck() -> None:
    pdf = _DIR / "draft.pdf"
    body = [
        "Handlingsprogrammet følger opp regional plan for Valdres med tiltak for perioden.",
        "Innsatsområde 1: Næringsutvikling og kompetanse",
        "Tiltak 1.1: Etablere et felles næringsforum. Ansvarlig: regionrådet.",
        "Tiltak 1.2: Styrke samarbeidet med fylkeskommunen om kompetanse.",
    ]
    _page(pdf, [("Forslag til handlingsprogram 2026–2029", 22), ("Valdres regionråd", 16)], body)
    assert _doc_type(pdf) != "proposal_deck"


def test_an_annual_report_named_only_in_the_running_text_is_not_a_report() -> None:
    pdf = _DIR / "mention.pdf"
    body = [
        "The annual report of the agency and its interim report describe the fuel programme.",
        "Fuel consumption fell by four percent in the test fleet during the trial.",
    ]
    _page(pdf, [("Quantifying Fuel-Saving Opportunities", 22)], body)
    assert _doc_type(pdf) != "final_report"
