"""Plan tables that mark the years an action runs and cells too narrow for their words: crossed or
ticked boxes ("☒", "☑") against empty ones ("☐") in year columns, an unruled table whose ticks are
centred under their year and whose amounts are set flush right, and compounds a narrow cell cuts
with no hyphen. Built here with reportlab and read by the real pipeline stages."""

from __future__ import annotations

import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from tests.test_plan_variants import Run, run_pipeline

pytest.importorskip("reportlab")

_FONTS = Path("/usr/share/fonts/truetype/dejavu")
_DIR = Path(tempfile.mkdtemp(prefix="planextract-marks-"))


def _fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if not (_FONTS / "DejaVuSans.ttf").exists():
        pytest.skip("DejaVu fonts (with box and tick glyphs) are not installed")
    pdfmetrics.registerFont(TTFont("MarkSans", str(_FONTS / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont("MarkSans-Bold", str(_FONTS / "DejaVuSans-Bold.ttf")))


def _styles() -> dict[str, Any]:
    from reportlab.lib.styles import ParagraphStyle

    return {
        "title": ParagraphStyle("t", fontName="MarkSans-Bold", fontSize=18, leading=22, spaceAfter=10),
        "body": ParagraphStyle("b", fontName="MarkSans", fontSize=10, leading=14, spaceAfter=6),
        "h1": ParagraphStyle("h", fontName="MarkSans-Bold", fontSize=13, leading=17, spaceAfter=6),
        "cell": ParagraphStyle("c", fontName="MarkSans", fontSize=8.5, leading=10.5),
        "head": ParagraphStyle("hd", fontName="MarkSans-Bold", fontSize=8.5, leading=10.5),
        "mark": ParagraphStyle("m", fontName="MarkSans", fontSize=10, leading=12, alignment=1),
        "right": ParagraphStyle("r", fontName="MarkSans", fontSize=8.5, leading=10.5, alignment=2),
    }


# ------------------------------------------------------------------ boxes in ruled year columns

BOX_ROWS = [
    ("A1", "Kartlägga behovet av laddplatser i tätorterna", "Fastighetsförvaltningen", "☒☒☐☐"),
    ("A2", "Upphandla solceller till kommunens skolor", "Tekniska kontoret", "☐☑☑☑"),
    ("A3", "Ta fram en strategi för fossilfria transporter", "Kommunledningen", "☐☐☐☒"),
    ("A4", "Informera hushållen om energirådgivning", "Miljöenheten", "☐☐☐☐"),
]  # fmt: skip


def _boxes(path: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    _fonts()
    s = _styles()
    head = ["Nr", "Åtgärd", "Ansvar", "2025", "2026", "2027", "2028"]
    data: list[list[Any]] = [[Paragraph(h, s["head"]) for h in head]]
    for code, title, owner, marks in BOX_ROWS:
        data.append(
            [Paragraph(code, s["cell"]), Paragraph(title, s["cell"]), Paragraph(owner, s["cell"])]
            + [Paragraph(m, s["mark"]) for m in marks]
        )
    # the Ansvar cell holds "Fastighetsförvaltning" but not its "-en"
    table = Table(data, colWidths=[30, 226, 104, 45, 45, 45, 45])
    table.setStyle(
        TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")])
    )
    story = [
        Paragraph("Energi- och klimatplan 2025–2028", s["title"]),
        Paragraph("Handlingsplan för Västerå kommun", s["body"]),
        Paragraph("Åtgärder", s["h1"]),
        table,
        Paragraph("☒ = åtgärden genomförs detta år, ☐ = ingen insats planerad", s["cell"]),
    ]
    SimpleDocTemplate(str(path), pagesize=landscape(A4), topMargin=50, bottomMargin=50).build(story)


@lru_cache(maxsize=1)
def boxes() -> Run:
    pdf = _DIR / "klimatplan_boxes.pdf"
    _boxes(pdf)
    return run_pipeline(pdf)


def test_crossed_and_ticked_boxes_in_year_columns_date_the_action() -> None:
    run = boxes()
    first = run.node("Kartlägga behovet")
    assert (str(first["start_date"]), str(first["end_date"])) == ("2025-01-01", "2026-12-31")
    ticked = run.node("Upphandla solceller")
    assert (str(ticked["start_date"]), str(ticked["end_date"])) == ("2026-01-01", "2028-12-31")
    last = run.node("Ta fram en strategi")
    assert (str(last["start_date"]), str(last["end_date"])) == ("2028-01-01", "2028-12-31")
    none = run.node("Informera hushållen")
    assert none.get("start_date") is None and none.get("end_date") is None  # empty boxes mark no year


def test_empty_boxes_and_rings_are_no_marks() -> None:
    from extractors.families.plan_timeline import MARK

    assert all(MARK.match(m) for m in ("☒", "☑", "✔", "x", "●", "\uf0fc"))
    assert not any(MARK.match(m) for m in ("☐", "□", "○", "-", "nej"))


def test_a_compound_cut_before_its_ending_in_a_narrow_cell_is_one_word() -> None:
    run = boxes()
    assert run.node("Kartlägga behovet")["responsible_raw"] == "Fastighetsförvaltningen"


# ------------------------------------------------------------------ unruled: centred ticks, amounts flush right

TICK_ROWS = [
    ("Tilbud om boligveiledning for unge", "Plan og bygg", "Husbanken", "✔✔✔", "90 000"),
    ("Opparbeide nytt boligfelt på Haugen", "Teknisk etat", "Grunneierlaget", " ✔✔", "2 500 000"),
    ("Starte ungdomsklubb i sentrum", "Oppvekst", "Frivilligsentralen", "✔  ", "310 000"),
    ("Filmkampanje om å bo i bygda", "Kommunikasjon", "", " ✔ ", "55 000"),
]  # fmt: skip


def _ticks(path: Path, amounts: list[str]) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    _fonts()
    s = _styles()
    head = ["Tiltak", "Ansvar", "Partner", "2026", "2027", "2028", "Kostnad (kr)"]
    data: list[list[Any]] = [[Paragraph(h, s["head"]) for h in head]]
    for (title, owner, partner, marks, _), amount in zip(TICK_ROWS, amounts):
        data.append(
            [Paragraph(title, s["cell"]), Paragraph(owner, s["cell"]), Paragraph(partner, s["cell"])]
            + [Paragraph(m.strip(), s["mark"]) for m in marks]
            + [Paragraph(amount, s["right"])]
        )
    table = Table(data, colWidths=[150, 75, 85, 40, 40, 40, 60])
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, 0), 1, colors.black),
                ("LINEBELOW", (0, -1), (-1, -1), 0.6, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story = [
        Paragraph("Bustadprogram 2026–2028", s["title"]),
        Paragraph("Handlingsplan – Bergheim kommune", s["body"]),
        Paragraph("Tiltak", s["h1"]),
        table,
        Spacer(1, 24),
        Paragraph("Tiltakene følges opp i årsmeldingen.", s["body"]),
    ]
    SimpleDocTemplate(str(path), pagesize=A4, topMargin=50, bottomMargin=50).build(story)


@lru_cache(maxsize=2)
def ticks(large: bool = True) -> Run:
    pdf = _DIR / f"bustadprogram_{'large' if large else 'small'}.pdf"
    amounts = [row[4] for row in TICK_ROWS] if large else ["90 000", "250 000", "310 000", "55 000"]
    _ticks(pdf, amounts)
    return run_pipeline(pdf)


def _stream_rows(pdf: Path) -> list[list[str]]:
    from extractors.pdf.layout import analyse
    from extractors.pdf.reader import read_pdf

    layout = analyse(read_pdf(str(pdf)), "nb")
    tables = [t for p in layout.pages for t in p.tables if t.method == "stream"]
    assert len(tables) == 1
    table = tables[0]
    rows: list[list[str]] = [[""] * table.n_cols for _ in range(table.n_rows)]
    for cell in table.cells:
        rows[cell.row][cell.col] = cell.text
    return rows


@pytest.mark.parametrize("large", [True, False])
def test_unruled_ticks_and_flush_right_amounts_stay_under_their_headers(large: bool) -> None:
    ticks(large)
    rows = _stream_rows(_DIR / f"bustadprogram_{'large' if large else 'small'}.pdf")
    assert rows[0] == ["Tiltak", "Ansvar", "Partner", "2026", "2027", "2028", "Kostnad (kr)"]
    assert len(rows) == 5
    assert [r[3:6] for r in rows[1:]] == [
        ["✔", "✔", "✔"],
        ["", "✔", "✔"],
        ["✔", "", ""],
        ["", "✔", ""],
    ]
    assert rows[2][6] == ("2 500 000" if large else "250 000")


def test_unruled_ticks_date_the_action_and_the_amount_is_one_number() -> None:
    run = ticks(True)
    plot = run.node("Opparbeide nytt boligfelt")
    assert (str(plot["start_date"]), str(plot["end_date"])) == ("2027-01-01", "2028-12-31")
    assert plot["resources_raw"] == "2 500 000"
    club = run.node("Starte ungdomsklubb")
    assert (str(club["start_date"]), str(club["end_date"])) == ("2026-01-01", "2026-12-31")
    amounts = {b["amount"] for b in run.result.table("budget_lines")}
    assert 2_500_000 in amounts and 1 not in amounts


# ------------------------------------------------------------------ words cut with no hyphen


@pytest.mark.parametrize(
    ("lines", "lang", "joined"),
    [
        (["Barn- och", "utbildning", "sförvaltningen"], "sv", "Barn- och utbildningsförvaltningen"),
        (["Fastighetsförvaltning", "en"], "sv", "Fastighetsförvaltningen"),
        (["Næringsforening", "en"], "nb", "Næringsforeningen"),
        (["Folkhälso", "medel 120 tkr"], "sv", "Folkhälsomedel 120 tkr"),
        # two words stay two: an article after a line of several words, a word after a whole word
        (["Regionen upphandlar", "en samordnad tjänst"], "sv", "Regionen upphandlar en samordnad tjänst"),
        (["Kultur- och", "fritidsförvaltningen"], "sv", "Kultur- och fritidsförvaltningen"),
        (["Kommunen", "en gång per år"], "sv", "Kommunen en gång per år"),
        (["Utbildning", "skola och näringsliv"], "sv", "Utbildning skola och näringsliv"),
    ],
)
def test_a_word_cut_by_a_narrow_cell_is_joined(lines: list[str], lang: str, joined: str) -> None:
    from extractors.pdf.dehyphen import join_lines

    assert join_lines(lines, lang=lang, cell=True) == joined
    assert join_lines(lines, lang=lang) == " ".join(lines)  # running text never joins unmarked
