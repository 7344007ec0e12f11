"""Shapes that word-processor and presentation templates give a plan: raised footnote markers
after a word in a table cell, a quarter range with its year printed once. Built here with
reportlab and read by the real pipeline stages."""

from __future__ import annotations

import datetime as dt
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from extractors.pdf.lines import attach_markers, group_lines
from extractors.pdf.model import Word
from tests.test_plan_variants import Run, run_pipeline

pytest.importorskip("reportlab")

_TMP = tempfile.TemporaryDirectory(prefix="template-shapes-")  # removed when the test run ends
_DIR = Path(_TMP.name)

FOOTNOTED_ROWS = [
    ("1.1", "Införa en samordnad företagslots", "Näringslivskontoret<super>1</super>", "Borlänge Energi AB", "2025"),
    ("1.2", "Erbjuda inkubatorplatser för nya företag", "Näringslivskontoret<super>1</super>",
     "Dalarnas Science Park<super>2</super>", "Q1–Q2 2026"),
    ("1.3", "Marknadsföra kommunen som logistiknav", "Kommunledningsförvaltningen",
     "Region Dalarna,<super>3</super> Trafikverket", "kv3–kv4 2026"),
    ("1.4", "Ta fram en plan för verksamhetsmark", "Samhällsbyggnadsförvaltningen", "Länsstyrelsen",
     "januari–mars 2026"),
]  # fmt: skip
FOOTNOTES = [
    "1 Näringslivskontoret ingår från den 1 januari 2026 i Kommunledningsförvaltningen.",
    "2 Avser lokaler i Kupolen, se lokalförsörjningsplanen 2025.",
    "3 Delfinansieras med medel från Region Dalarna.",
]


def _footnoted_plan(path: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    cell = ParagraphStyle("cell", fontName="Helvetica", fontSize=9, leading=11)
    bold = ParagraphStyle("bold", fontName="Helvetica-Bold", fontSize=9, leading=11)
    title = ParagraphStyle("title", fontName="Helvetica-Bold", fontSize=18, leading=22)
    body = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=13)
    note = ParagraphStyle("note", fontName="Helvetica", fontSize=7.5, leading=9)
    headers = ["Nr", "Aktivitet", "Ansvarig", "Samverkan", "Tid"]
    data: list[list[Any]] = [[Paragraph(h, bold) for h in headers]]
    data += [[Paragraph(text, cell) for text in row] for row in FOOTNOTED_ROWS]
    table = Table(data, colWidths=[30, 150, 110, 110, 70])
    table.setStyle(
        TableStyle([("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )

    def notes(canvas: Any, _doc: Any) -> None:
        canvas.setFont("Helvetica", 7.5)
        for i, text in enumerate(FOOTNOTES):
            marker, rest = text.split(" ", 1)
            y = 70 - 10 * i
            canvas.setFont("Helvetica", 5.5)
            canvas.drawString(56, y + 2.5, marker)
            canvas.setFont("Helvetica", 7.5)
            canvas.drawString(61, y, rest)

    story = [
        Paragraph("Handlingsplan näringsliv 2025–2027", title),
        Paragraph("Borlänge kommun", body),
        Spacer(1, 12),
        Paragraph("Handlingsplanen beskriver de aktiviteter kommunen genomför under planperioden.", body),
        Spacer(1, 12),
        table,
        Paragraph("Fotnoterna anger organisationsförändringar.", note),
    ]
    SimpleDocTemplate(str(path), pagesize=A4, topMargin=50, bottomMargin=90).build(
        story, onFirstPage=notes, onLaterPages=notes
    )


@lru_cache(maxsize=1)
def footnoted() -> Run:
    pdf = _DIR / "handlingsplan_naringsliv.pdf"
    _footnoted_plan(pdf)
    return run_pipeline(pdf)


def test_a_raised_footnote_marker_stays_out_of_the_cell() -> None:
    run = footnoted()
    assert run.node("Införa en samordnad")["responsible_raw"] == "Näringslivskontoret"
    lots = run.node("Erbjuda inkubatorplatser")
    assert lots["participants_raw"] == "Dalarnas Science Park"
    assert run.node("Marknadsföra kommunen")["participants_raw"] == "Region Dalarna, Trafikverket"
    titles = [r.get("title") or "" for r in run.rows]
    assert not [t for t in titles if "ingår från den" in t or "Delfinansieras" in t]
    assert len(run.rows) == len(FOOTNOTED_ROWS)


@pytest.mark.parametrize(
    ("prefix", "start", "end"),
    [
        ("Erbjuda inkubatorplatser", dt.date(2026, 1, 1), dt.date(2026, 6, 30)),
        ("Marknadsföra kommunen", dt.date(2026, 7, 1), dt.date(2026, 12, 31)),
        ("Ta fram en plan", dt.date(2026, 1, 1), dt.date(2026, 3, 31)),
    ],
)
def test_a_range_with_its_year_printed_once_dates_both_ends(
    prefix: str, start: dt.date, end: dt.date
) -> None:
    row = footnoted().node(prefix)
    assert (row["start_date"], row["end_date"]) == (start, end)


def _word(text: str, x0: float, top: float, size: float) -> Word:
    return Word(text, x0, top, x0 + 0.5 * size * len(text), top + size, size=size)


def test_a_raised_digit_after_a_length_unit_is_a_power_not_a_note() -> None:
    unit = _word("kr/m", 100.0, 100.0, 10.0)
    power = _word("2", unit.x1 + 0.2, 97.0, 6.0)
    word = _word("Kupolen,", 200.0, 100.0, 10.0)
    note = _word("1", word.x1 + 0.2, 97.0, 6.0)
    assert [w.text for w in attach_markers([unit, power, word, note])] == ["kr/m²", "Kupolen,"]
    # a digit on the line itself (an amount, a code) is no marker
    amount = _word("2", word.x1 + 0.5, 100.0, 10.0)
    assert [ln.text for ln in group_lines([word, amount])] == ["Kupolen, 2"]


def test_a_cover_whose_largest_text_is_the_issuer_is_titled_by_the_next_heading() -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from extractors.classify import guess_title
    from extractors.pdf.layout import analyse
    from extractors.pdf.reader import read_pdf

    pdf = _DIR / "export.pdf"
    page = canvas.Canvas(str(pdf), pagesize=A4)
    page.setFont("Helvetica", 7)
    page.drawString(50, 800, "Rapport genererad 2025-11-12 09:41 av Lena Berg")
    page.setFont("Helvetica-Bold", 16)
    page.drawString(50, 770, "Region Gävleborg")
    page.setFont("Helvetica-Bold", 13)
    page.drawString(50, 745, "Handlingsplan för kompetensförsörjning 2025–2026")
    page.setFont("Helvetica", 9)
    for k in range(6):
        page.drawString(
            50, 700 - 14 * k, f"Handlingsplanen beslutades av regionala utvecklingsnämnden, punkt {k + 1}."
        )
    page.save()
    assert guess_title(analyse(read_pdf(str(pdf)))) == "Handlingsplan för kompetensförsörjning 2025–2026"
