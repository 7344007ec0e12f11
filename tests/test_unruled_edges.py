"""Where unruled tables begin and end: justified prose is no table, and a table ends before the
paragraph after it.

A justified line of a few long words is printed with word gaps as wide as a table's gutters; a
two-column brochure set justified then looks like rows of three or four columns and its lines
came out as cells (or, in the body text, as fragments). And an unruled table followed at normal
line spacing by an indented paragraph took the paragraph's first line as one more row. Pages
are built here with reportlab and read by the real layout stages."""

from __future__ import annotations

import tempfile
from functools import lru_cache
from pathlib import Path

import pytest

from extractors.pdf.layout import analyse
from extractors.pdf.reader import read_pdf
from extractors.pdf.structures import DocumentLayout
from tests.test_plan_variants import Run, run_pipeline

pytest.importorskip("reportlab")

_TMP = tempfile.TemporaryDirectory(prefix="unruled-edges-")
_DIR = Path(_TMP.name)

LEFT = (
    "Fjellbygd kommune la fram strategien for reiseliv og handel i juni. Strategien bygger på "
    "innspill fra bedriftene, grendelagene og Vestland fylkeskommune, og den skal rulleres "
    "annethvert år sammen med økonomiplanen."
)
RIGHT = (
    "Kommunen samarbeider med Høgskulen på Vestlandet, Fjord Norge, Statsforvaltaren i Vestland, "
    "Innovasjon Norge og Sunnfjord Utvikling. Samferdselsavdelinga og Statens vegvesen er viktige "
    "parter i arbeidet med parkeringsplassene ved fjordkaiene."
)
GOALS = [
    "Visjon: Fjellbygd – ein open og levande reisemålskommune ved fjorden.",
    "Hovudmål: Talet på gjestedøgn i kommunen skal auke med 20 prosent innan 2029.",
]
MEASURES = [
    "Tiltak 1: Opparbeide turstiar og informasjonstavler langs elva.",
    "Tiltak 2: Gjennomføre vertskapskurs for reiselivsbedriftene saman med Fjord Norge.",
    "Tiltak 3: Etablere ein felles booking- og informasjonsportal for heile regionen.",
]


def _wrap(text: str, font: str, size: float, width: float) -> list[list[str]]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[list[str]] = [[]]
    for word in text.split():
        trial = " ".join([*lines[-1], word])
        if lines[-1] and stringWidth(trial, font, size) > width:
            lines.append([word])
        else:
            lines[-1].append(word)
    return lines


def _justified(c: object, text: str, x: float, y: float, font: str, size: float, width: float) -> float:
    """Set a paragraph justified, each word on its own (as layout programs do): every line but
    the last stretched to the column's full width by widening its spaces."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines = _wrap(text, font, size, width)
    for i, words in enumerate(lines):
        widths = [stringWidth(w, font, size) for w in words]
        last = i == len(lines) - 1
        gap = stringWidth(" ", font, size)
        if not last and len(words) > 1:
            gap = (width - sum(widths)) / (len(words) - 1)
        xx = x
        for word, w in zip(words, widths, strict=True):
            c.setFont(font, size)  # type: ignore[attr-defined]
            c.drawString(xx, y, word)  # type: ignore[attr-defined]
            xx += w + gap
        y -= size * 1.4
    return y


def _brochure(path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    _, height = A4
    c = canvas.Canvas(str(path), pagesize=A4)
    col, gutter, margin = 230.0, 28.0, 52.0
    xs = (margin, margin + col + gutter)
    c.setFont("Helvetica-Bold", 20)
    c.drawString(margin, height - 70, "Strategi for reiseliv og handel 2026–2029")
    top = height - 130
    c.setFont("Helvetica-Bold", 12)
    c.drawString(xs[0], top, "Bakgrunn")
    y = _justified(c, LEFT, xs[0], top - 20, "Helvetica", 10, col) - 10
    c.setFont("Helvetica-Bold", 12)
    c.drawString(xs[0], y, "Visjon og mål")
    y -= 20
    for goal in GOALS:
        y = _justified(c, goal, xs[0], y, "Helvetica", 10, col) - 6
    c.setFont("Helvetica-Bold", 12)
    c.drawString(xs[1], top, "Samarbeid")
    _justified(c, RIGHT, xs[1], top - 20, "Helvetica", 10, col)
    c.showPage()
    c.setFont("Helvetica-Bold", 16)
    c.drawString(margin, height - 70, "Tiltak")
    y = height - 110
    for measure in MEASURES:  # bold measure headings, justified over a narrow column
        y = _justified(c, measure, xs[0], y, "Helvetica-Bold", 10.5, col)
        c.setFont("Helvetica", 10)
        c.drawString(xs[0], y - 2, "Ansvar: Næringsavdelinga. Tidsramme: 2026–2027.")
        y -= 40
    c.showPage()
    c.save()


@lru_cache(maxsize=1)
def brochure() -> tuple[DocumentLayout, Path]:
    pdf = _DIR / "strategi_reiseliv.pdf"
    _brochure(pdf)
    return analyse(read_pdf(str(pdf))), pdf


def _texts(layout: DocumentLayout, page: int) -> list[str]:
    return [b.text for b in layout.pages[page - 1].blocks]


def test_justified_columns_are_prose_not_a_table() -> None:
    layout, _ = brochure()
    assert [t.method for p in layout.pages for t in p.tables] == []
    texts = _texts(layout, 1)
    assert LEFT in texts
    assert RIGHT in texts
    assert GOALS[0] in texts


def test_justified_bold_headings_stay_whole_lines() -> None:
    layout, _ = brochure()
    texts = _texts(layout, 2)
    for measure in MEASURES:
        assert measure in texts, texts


@lru_cache(maxsize=1)
def brochure_run() -> Run:
    return run_pipeline(brochure()[1])


def test_justified_brochure_keeps_measures_and_partners() -> None:
    run = brochure_run()
    titles = [r.get("title") or "" for r in run.rows]
    assert any(t.startswith("Etablere ein felles booking- og informasjonsportal") for t in titles), titles
    names = {a["name"] for a in run.result.actors.values()}
    assert {"Høgskulen på Vestlandet", "Innovasjon Norge"} <= names, names


CELLS = [("Rad-A1", "Rad-A2", "Rad-A3"), ("Rad-B1", "Rad-B2", "Rad-B3"), ("Rad-C1", "Rad-C2", "Rad-C3")]


def test_grid_of_equal_cells_stays_a_table() -> None:
    """Cells of one width in columns of one width leave equal gaps too; the rows share their
    edges and their cells' starts, so they are no justified prose."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = _DIR / "grid.pdf"
    _, height = A4
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.setFont("Helvetica", 10)
    c.drawString(60, height - 80, "Oversikt over radene i tabellen nedanfor, slik dei er registrerte.")
    for i, row in enumerate([("Kol-1", "Kol-2", "Kol-3"), *CELLS]):
        for j, text in enumerate(row):
            c.drawString(60 + 120 * j, height - 110 - 14 * i, text)
    c.showPage()
    c.save()
    layout = analyse(read_pdf(str(pdf)))
    tables = layout.pages[0].tables
    assert len(tables) == 1
    assert (tables[0].n_rows, tables[0].n_cols) == (4, 3)
    assert {c.text for c in tables[0].cells if c.row == 3} == set(CELLS[-1])


ROWS = [
    ("Tiltak", "Ansvar", "Frist"),
    ("Etablere næringsportal", "Næringsavdelingen", "2025"),
    ("Utvikle næringsarealet på Gvarv", "Kommunalteknikk", "2026"),
    ("Starte gründerprogram for unge", "Næringsforum", "2026"),
    ("Kartlegge kompetansebehov", "NAV Vest-Telemark", "2027"),
]
AFTER = (
    "Tiltakene følges opp av formannskapet hvert år, og handlingsplanen rulleres i forbindelse med "
    "budsjettarbeidet. Næringsavdelingen rapporterer på fremdrift og ressursbruk til kommunestyret "
    "innen utgangen av mars hvert år, og resultatene publiseres på kommunens nettsider."
)


def _table_then_paragraph(path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    body = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=13)
    indented = ParagraphStyle("indented", parent=body, firstLineIndent=18)
    title = ParagraphStyle("title", fontName="Helvetica-Bold", fontSize=16, leading=20)
    table = Table([list(r) for r in ROWS], colWidths=[200, 150, 80], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                ("FONTSIZE", (0, 0), (-1, -1), 10),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    story = [
        Paragraph("Handlingsplan for næringsliv", title),
        Paragraph("Kommunen skal gjennomføre følgende tiltak.", body),
        Spacer(1, 10),
        table,
        Paragraph(AFTER, indented),  # directly under the table, at the body's line spacing
    ]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)


def test_unruled_table_ends_before_the_indented_paragraph() -> None:
    pdf = _DIR / "table_then_paragraph.pdf"
    _table_then_paragraph(pdf)
    layout = analyse(read_pdf(str(pdf)))
    tables = layout.pages[0].tables
    assert len(tables) == 1
    assert (tables[0].n_rows, tables[0].n_cols) == (5, 3)
    assert [c.text for c in tables[0].cells if c.row == 4] == list(ROWS[-1])
    assert AFTER in _texts(layout, 1)
