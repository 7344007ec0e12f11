"""What some producers leave in a PDF that a viewer shows but the page content does not hold.

- A report template filled in as a PDF form and not flattened: the labels are page content,
  the answers only AcroForm field values. They must become page words (font "AcroForm") at
  the field, the same in both backends, and the document must come out as its printed copy.
- List bullets drawn as a symbol font's private-use glyph (Word's U+F0B7 / U+F0A7) or as a
  glyph without a Unicode mapping: a "•" that opens the item, so the items stay apart.

Built here with reportlab and read by the real pipeline stages.
"""

from __future__ import annotations

import tempfile
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from extractors.pdf.backends.base import RawWord, build_words
from extractors.pdf.backends.forms import CHECK_MARK, FORM_FONT, RawField, form_words
from extractors.pdf.model import ParsedDocument, Word
from extractors.pdf.reader import read_pdf
from tests.test_plan_variants import Run, run_pipeline

pytest.importorskip("reportlab")

_TMP = tempfile.TemporaryDirectory(prefix="pdf-producers-")  # removed when the test run ends
_DIR = Path(_TMP.name)
_FONTS = Path("/usr/share/fonts/truetype/dejavu")

GOALS = (
    "Projektets syfte är att äldre i Sollefteå kommun ska kunna använda digitala tjänster i vardagen.\n"
    "Delmål 1: Minst 300 äldre ska ha deltagit i en kurs om digitala tjänster senast 2025.\n"
    "Delmål 2: Minst 12 kursledare ska vara utbildade vid projektets slut."
)
ANSWERS = [
    ("Projektnamn", "Digital vardag för äldre i Sollefteå"),
    ("Projektägare", "Sollefteå kommun"),
    ("Projektledare", "Anna Berg, utvecklingsstrateg"),
    ("Projektperiod", "2024-01-01 - 2025-12-31"),
]


def _answer_lines(text: str, width: float) -> list[str]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split():
            candidate = f"{current} {word}" if current else word
            if current and stringWidth(candidate, "Helvetica", 10) > width:
                lines.append(current)
                current = word
            else:
                current = candidate
        lines.append(current)
    return lines


def _report(path: Path, as_form: bool) -> None:
    """A final report: labels in the page content, the answers in form fields or printed."""
    from reportlab.lib.colors import black, white
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    width, height = A4
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica-Bold", 18)
    c.drawString(50, height - 80, "Slutrapport")
    c.setFont("Helvetica", 10)
    c.drawString(50, height - 98, "för projekt med stöd från regionala utvecklingsmedel")

    def field(name: str, label: str, value: str, y: float, h: float, multiline: bool = False) -> None:
        c.setFont("Helvetica-Bold", 10)
        c.drawString(50, y + h + 4, label)
        if as_form:
            c.acroForm.textfield(
                name=name, tooltip=label, value=value, x=50, y=y, width=width - 100, height=h,
                fontName="Helvetica", fontSize=10, borderWidth=0.8, borderColor=black, fillColor=white,
                textColor=black, forceBorder=True, fieldFlags="multiline" if multiline else "",
            )  # fmt: skip
            return
        c.setLineWidth(0.8)
        c.rect(50, y, width - 100, h, stroke=1, fill=0)
        c.setFont("Helvetica", 10)
        lines = value.split("\n")
        baseline = y + h - 12 if multiline else y + (h - 10) / 2 + 2
        for line in lines:
            c.drawString(52, baseline, line)
            baseline -= 11.5

    y = height - 150
    for i, (label, value) in enumerate(ANSWERS):
        field(f"f{i}", label, value, y, 20)
        y -= 44
    goals = "\n".join(_answer_lines(GOALS, width - 110))
    field("goals", "Projektets mål", goals, y - 180, 200, multiline=True)
    c.showPage()
    c.save()


def _form_kinds(path: Path) -> None:
    """One page with every kind of widget the reader decides on."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    form = c.acroForm
    c.setFont("Helvetica", 10)
    c.drawString(50, 780, "Namn")
    form.textfield(name="name", value="Karl Lund", x=120, y=772, width=200, height=18, fontSize=10)
    c.drawString(50, 750, "Tom")
    form.textfield(name="empty", value="", x=120, y=742, width=200, height=18, fontSize=10)
    c.drawString(50, 720, "Dold")
    form.textfield(
        name="hidden",
        value="Hemligt svar",
        x=120,
        y=712,
        width=200,
        height=18,
        fontSize=10,
        annotationFlags="hidden",
    )
    # a field over text the page content already draws (filled, printed to PDF, filled again)
    c.drawString(122, 686, "Redan tryckt svar")
    form.textfield(name="drawn", value="Redan tryckt svar", x=120, y=680, width=200, height=18, fontSize=10)
    c.drawString(50, 650, "Ja")
    form.checkbox(name="yes", checked=True, x=120, y=646, size=12)
    c.drawString(50, 630, "Nej")
    form.checkbox(name="no", checked=False, x=120, y=626, size=12)
    c.showPage()
    c.save()


@cache
def _built(name: str) -> Path:
    path = _DIR / f"{name}.pdf"
    if name == "report_form":
        _report(path, as_form=True)
    elif name == "report_print":
        _report(path, as_form=False)
    elif name == "form_kinds":
        _form_kinds(path)
    elif name == "unmapped_bullets":
        _unmapped_bullets(path)
    return path


def _form_words(doc: ParsedDocument) -> list[tuple[int, str, float, float, float]]:
    return [
        (page.number, w.text, round(w.x0, 1), round(w.top, 1), w.size)
        for page in doc.pages
        for w in page.words
        if w.font == FORM_FONT
    ]


@pytest.mark.parametrize("backend", ["pdfium", "pdfplumber"])
def test_filled_fields_become_words_once(backend: str) -> None:
    doc = read_pdf(str(_built("form_kinds")), backend=backend)
    page = doc.pages[0]
    texts = [w.text for w in page.words]
    form = [w for w in page.words if w.font == FORM_FONT]
    assert [w.text for w in form] == ["Karl", "Lund", CHECK_MARK]
    karl = form[0]
    assert karl.x0 >= 120 and karl.size == 10.0
    assert karl.top >= 842 - 772 - 18 and karl.bottom <= 842 - 772  # inside the field's rectangle
    assert "Hemligt" not in texts  # a hidden widget shows nothing
    assert texts.count("Redan") == 1  # the page content already draws it: not doubled
    mark = form[2]
    assert 118 <= mark.x0 < mark.x1 <= 134  # the checked box, not the empty one below it
    assert doc.warnings == []


def test_both_backends_set_form_answers_alike() -> None:
    fast, ref = (read_pdf(str(_built("report_form")), backend=b) for b in ("pdfium", "pdfplumber"))
    words = _form_words(fast)
    assert words == _form_words(ref)
    text = " ".join(w[1] for w in words)
    assert "Digital vardag för äldre i Sollefteå" in text
    assert "Delmål 1: Minst 300 äldre ska ha deltagit" in text
    # multi-line answers keep their lines: each "Delmål" opens a line at the field's left inset
    delmal = [w for w in words if w[1] == "Delmål"]
    assert len(delmal) == 2 and all(w[2] == 52.0 for w in delmal) and delmal[0][3] < delmal[1][3]


def test_form_field_layout_rules() -> None:
    from extractors.pdf.backends.base import Geometry

    geometry = Geometry.of((0.0, 0.0, 600.0, 800.0), 0)
    fields = [
        # automatic size, centred: fits the rectangle's height, set in its middle
        RawField("text", "Ja", (100.0, 700.0, 300.0, 720.0), 0.0, False, 1, False),
        # a multi-line answer taller than its field shrinks until its lines fit
        RawField(
            "text",
            "\n".join(f"rad {i}" for i in range(10)),
            (100.0, 500.0, 300.0, 560.0),
            10.0,
            True,
            0,
            False,
        ),
        RawField("text", "syns inte", (100.0, 400.0, 300.0, 420.0), 10.0, False, 0, True),
        RawField("check", "", (100.0, 300.0, 110.0, 310.0), 0.0, False, 0, False),
    ]
    words = form_words(fields, geometry, [])
    first = words[0]
    assert first.text == "Ja" and 195 < (first.x0 + first.x1) / 2 < 205 and first.size == 12.0
    rows = [w for w in words if w.text.isdigit()]
    assert [w.text for w in rows] == [str(i) for i in range(10)]
    assert rows[-1].bottom <= 800 - 500 and rows[0].top >= 800 - 560
    assert not any(w.text in ("syns", "inte") for w in words)


@cache
def _run(name: str) -> Run:
    return run_pipeline(_built(name))


def _summary(run: Run) -> dict[str, Any]:
    info = run.result.info
    return {
        "title": info.title,
        "period": (info.period_start, info.period_end),
        "goals": sorted(g["text"] for g in run.result.table("goals")),
        "indicators": sorted(str(i.get("target_value")) for i in run.result.table("indicators")),
        "persons": sorted(str(p.get("name")) for p in run.result.table("persons"))
        if "persons" in run.result.rows
        else [],
        "activities": sorted(str(a.get("title")) for a in run.rows),
    }


def test_filled_form_reads_as_its_printed_copy() -> None:
    form, printed = _summary(_run("report_form")), _summary(_run("report_print"))
    assert form == printed
    goals = " ".join(form["goals"])
    assert "äldre i Sollefteå kommun ska kunna använda digitala tjänster" in goals


# --------------------------------------------------------------------------- bullets


def _raw(text: str, x0: float, top: float = 100.0, font: str = "Calibri", size: float = 10.0) -> RawWord:
    return RawWord(text, x0, top, x0 + 5.5 * len(text), top + size, font, size, True)


def _texts(words: list[Word]) -> list[str]:
    return [w.text for w in words]


def test_symbol_font_bullets_open_their_items() -> None:
    words = build_words(
        [
            _raw("\uf0b7", 60.0, font="Symbol"),
            _raw("Fler", 78.0),
            _raw("företag", 104.0),
            _raw("\uf0a7", 60.0, top=116.0, font="ABCDEE+Wingdings-Regular"),
            _raw("Bättre", 78.0, top=116.0),
            _raw("\ue001", 60.0, top=132.0, font="FontAwesome"),  # an icon font's picture: kept
            _raw("Telefon", 78.0, top=132.0),
        ]
    )
    assert _texts(words) == ["•", "Fler", "företag", "•", "Bättre", "\ue001", "Telefon"]


def test_unmapped_glyph_is_a_bullet_only_at_a_line_start() -> None:
    words = build_words(
        [
            _raw("\x00", 66.0),  # a glyph without a Unicode mapping, before text
            _raw("Antalet", 84.0),
            _raw("kostnad", 60.0, top=116.0),
            _raw("\x00", 102.0, top=116.0),  # inside a sentence: stays unreadable
            _raw("500", 110.0, top=116.0),
            _raw("\x00", 60.0, top=132.0),  # alone, nothing after it
            _raw("\x00", 60.0, top=148.0),  # before more unreadable text
            _raw("\x00\x00\x00", 80.0, top=148.0),
        ]
    )
    assert _texts(words) == [
        "•",
        "Antalet",
        "kostnad",
        "\ufffd",
        "500",
        "\ufffd",
        "\ufffd",
        "\ufffd\ufffd\ufffd",
    ]


GOAL_ITEMS = [
    "Andelen invånare med fiber ska öka till 95 procent senast 2027.",
    "Minst 8 nya föreningslokaler ska rustas upp under planperioden.",
    "Antalet besökare i naturreservaten ska öka med 20 procent till 2027.",
]


def _unmapped_bullets(path: Path) -> None:
    """A Word-like plan whose list bullets are a glyph the embedded font lacks (no Unicode
    mapping), drawn as a dot beside it, as a Symbol bullet printed without its font looks."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if not (_FONTS / "DejaVuSans.ttf").exists():
        pytest.skip("DejaVu fonts are not installed")
    pdfmetrics.registerFont(TTFont("ProducerSans", str(_FONTS / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont("ProducerSans-Bold", str(_FONTS / "DejaVuSans-Bold.ttf")))
    width, height = A4
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setTitle("Handlingsplan för landsbygden 2025–2027")
    c.setFont("ProducerSans-Bold", 16)
    c.drawString(60, height - 90, "Handlingsplan för landsbygden 2025–2027")
    c.setFont("ProducerSans", 10)
    c.drawString(60, height - 115, "Planen är antagen av kommunfullmäktige i Strömsunds kommun.")
    c.setFont("ProducerSans-Bold", 13)
    c.drawString(60, height - 145, "Mål för planperioden")
    y = height - 168
    for goal in GOAL_ITEMS:
        text = c.beginText(66, y)
        text.setFont("ProducerSans", 10)
        text.textOut("\uf0b7")  # not in the font: written as glyph 0, mapped to nothing
        c.drawText(text)
        c.circle(68.2, y + 3.3, 1.9, stroke=0, fill=1)
        c.setFont("ProducerSans", 10)
        c.drawString(84, y, goal)
        y -= 17
    c.showPage()
    c.save()


@pytest.mark.parametrize("backend", ["pdfium", "pdfplumber"])
def test_unmapped_bullet_glyphs_are_read_as_bullets(backend: str) -> None:
    doc = read_pdf(str(_built("unmapped_bullets")), backend=backend)
    bullets = [w for w in doc.pages[0].words if w.text == "•"]
    assert len(bullets) == 3 and all(abs(w.x0 - 66.0) < 0.5 for w in bullets)
    assert not any("\ufffd" in w.text for w in doc.pages[0].words)


def test_unmapped_bullets_keep_list_items_apart() -> None:
    goals = sorted(g["text"] for g in _run("unmapped_bullets").result.table("goals"))
    for item in GOAL_ITEMS:
        assert any(item.rstrip(".") in g for g in goals), (item, goals)
    assert not any(GOAL_ITEMS[0].rstrip(".") in g and "föreningslokaler" in g for g in goals)
