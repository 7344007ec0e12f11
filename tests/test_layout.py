"""The layout layer on real PDFs: tables, merged cells, page joins, furniture, columns, headings."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from extractors.pdf.layout import analyse
from extractors.pdf.reader import read_pdf
from extractors.pdf.structures import DocumentLayout, Table
from tests.conftest import corpus_pdf


@cache
def layout_of(name: str) -> DocumentLayout:
    return analyse(read_pdf(str(corpus_pdf(name))))


def _plan() -> DocumentLayout:
    return layout_of("handlingsplan_goteborg_2019_2021.pdf")


def _area_tables() -> list[Table]:
    return [t for t in _plan().tables if t.header_texts()[0].startswith("Strategiskt område")]


def test_one_table_per_strategic_area_joined_across_pages() -> None:
    tables = _area_tables()
    assert [t.header_texts()[0].split(":")[0] for t in tables] == [
        "Strategiskt område ett",
        "Strategiskt område två",
        "Strategiskt område fyra",
        "Strategiskt område fem",
        "Strategiskt område sex",
    ]
    first = tables[0]
    assert (first.page_start, first.page_end) == (10, 12)
    assert first.n_cols == 7
    assert first.header_texts()[2:] == [
        "Upptart",
        "Slutförd",
        "Ansvarig",
        "Deltar i arbetet",
        "Förväntat utfall",
    ]
    # the repeated header row of pages 11 and 12 is gone: one header row in the whole table
    header_like = [r for r in range(first.n_rows) if first.row_cells(r)[-1].text == "Förväntat utfall"]
    assert header_like == [0]


def test_merged_cells_appear_once_with_their_span() -> None:
    table = _area_tables()[0]
    insats = next(r for r in range(table.n_rows) if table.row_cells(r)[0].text == "Insats 1")
    cells = table.row_cells(insats)
    assert cells[1].col_span == 3
    assert cells[1].text.startswith("Utveckla skola-näringslivssamverkan")
    assert cells[2].text == "Grundskoleförvaltningen/Utbildningsförvaltningen"
    assert table.grid()[insats][2] is None  # under the span


def test_row_cut_by_page_break_is_one_row() -> None:
    texts = [c.text for t in _area_tables() for c in t.cells]
    assert any(t.endswith("med syfte att effektivisera vården i regionen") for t in texts)
    assert not any(t.startswith("sera vården") for t in texts)


def test_row_pages_follow_the_pdf() -> None:
    table = _area_tables()[0]
    pages = {table.row_cells(r)[0].text: table.row_pages[r] for r in range(table.n_rows)}
    assert pages["Insats 1"] == 10
    assert pages["Insats 2"] == 11


def test_running_header_and_page_numbers_are_furniture() -> None:
    layout = _plan()
    page = layout.pages[9]
    assert page.page_label == "10"
    assert page.header.endswith("10 (18)")
    body = layout.text()
    assert "(18)" not in body


def test_printed_page_labels_differ_from_pdf_pages_where_the_cover_is_unnumbered() -> None:
    layout = layout_of("tillvaxtpaketet_ludvika_slutrapport.pdf")
    assert layout.pages[0].page_label is None
    assert [p.page_label for p in layout.pages[4:7]] == ["4", "5", "6"]


def test_two_columns_read_one_after_the_other() -> None:
    layout = layout_of("lnu_ideskrift_2002_2004.pdf")
    blocks = [b.text for b in layout.pages[2].blocks]
    first = next(b for b in blocks if b.startswith("Denna idéskrift"))
    # a sentence that wraps inside the left column stays whole (the right column is not interleaved)
    assert "sammanställning av de 24 projekt som under perioden genomförts inom Nuteks program" in first
    assert "\u00ad" not in layout.text()


def test_fact_boxes_are_their_own_blocks() -> None:
    layout = layout_of("lnu_ideskrift_2002_2004.pdf")
    boxes = [b for b in layout.blocks() if b.kind == "fact_box"]
    assert boxes
    assert any(b.text.startswith("Samverkande kommuner:") and "Projektägare:" in b.text for b in boxes)


def test_numbered_headings_get_their_depth() -> None:
    layout = layout_of("tillvaxtpaketet_ludvika_slutrapport.pdf")
    levels = {b.text: b.level for b in layout.headings()}
    assert levels["1. Bakgrund"] == 1
    assert levels["2.1 Syfte"] == 2


def test_powerpoint_table_with_merged_note_rows() -> None:
    layout = layout_of("byregion_sor_troms_status.pdf")
    (table,) = layout.tables
    assert table.header_texts() == [
        "Innsatsområde",
        "Innovasjon og entreprenørskap",
        "Tidsplan",
        "Ressurs/finansiering",
        "Ansvar",
        "Bo/Bedrift/Besøk",
    ]
    first_col = [table.row_cells(r)[0].text for r in range(table.n_rows)]
    assert "Målsetting A" in first_col and "Tiltak 1" in first_col


def _synthetic_pdf(path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    xs = [60, 200, 300, 420, 540]
    header = ["Åtgärd", "Ansvar", "Tidplan", "Kostnad"]

    def row(y: float, texts: list[str], bold: bool = False) -> None:
        pdf.setFont("Helvetica-Bold" if bold else "Helvetica", 9)
        for x, text in zip(xs, texts):
            pdf.drawString(x + 4, y - 12, text)

    def grid(top: float, rows: int) -> None:
        for r in range(rows + 1):
            pdf.line(xs[0], top - 20 * r, xs[-1], top - 20 * r)
        for x in xs:
            pdf.line(x, top, x, top - 20 * rows)

    for page in range(2):
        top = height - 80
        if page == 0:
            pdf.setFont("Helvetica", 8)
            pdf.drawString(60, height - 40, "Kommunen X, Åtgärdsplan 2024 sida 1 av 2")
            pdf.setFont("Helvetica", 10)
            pdf.drawString(60, height - 60, "Åtgärder för ett bättre näringslivsklimat.")
        else:
            pdf.setFont("Helvetica", 8)
            pdf.drawString(60, height - 40, "Kommunen X, Åtgärdsplan 2024 sida 2 av 2")
        rows = 30 if page == 0 else 5
        grid(top, rows + 1)
        row(top, header, bold=True)
        for r in range(rows):
            n = page * 30 + r + 1
            row(top - 20 * (r + 1), [f"Åtgärd nummer {n}", "Kommunstyrelsen", "2024", f"{n} tkr"])
        pdf.showPage()
    pdf.save()


def test_synthetic_table_with_other_columns_joins_and_drops_repeated_header(tmp_path: Path) -> None:
    path = tmp_path / "plan.pdf"
    _synthetic_pdf(path)
    layout = analyse(read_pdf(str(path)))
    assert len(layout.tables) == 1
    table = layout.tables[0]
    assert (table.page_start, table.page_end) == (1, 2)
    assert table.header_rows == 1
    assert table.n_rows == 1 + 35
    assert table.header_texts() == ["Åtgärd", "Ansvar", "Tidplan", "Kostnad"]
    assert table.row_cells(35)[0].text == "Åtgärd nummer 35"
    assert table.row_pages[31] == 2
    assert "sida 1 av 2" not in layout.text()


@pytest.mark.parametrize("gap_columns", [3])
def test_unruled_table_is_found_from_aligned_columns(tmp_path: Path, gap_columns: int) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "stream.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica", 10)
    y = A4[1] - 100
    pdf.drawString(60, y + 30, "Budget per aktivitet, utan linjer:")
    for item, owner, amount in [
        ("Aktivitet", "Ansvarig", "Belopp"),
        ("Mässa", "Näringslivskontoret", "120 000"),
        ("Kurser", "Vuxenutbildningen", "80 000"),
        ("Studieresa", "Kommunstyrelsen", "45 000"),
    ]:
        pdf.drawString(60, y, item)
        pdf.drawString(220, y, owner)
        pdf.drawString(420, y, amount)
        y -= 16
    pdf.save()
    layout = analyse(read_pdf(str(path)))
    assert len(layout.tables) == 1
    table = layout.tables[0]
    assert table.method == "stream"
    assert table.n_cols == gap_columns
    assert [c.text for c in table.row_cells(2)] == ["Kurser", "Vuxenutbildningen", "80 000"]


def test_a_sentence_broken_by_a_column_or_page_break_is_one_block(tmp_path: Path) -> None:
    """Left column's last line "… per dag, och att" and the right column's first "skillnaderna …";
    then a paragraph running from the foot of page 1 onto page 2, whose second part keeps its page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = tmp_path / "rapport.pdf"
    page = canvas.Canvas(str(pdf), pagesize=A4)
    page.setFont("Helvetica", 10)
    filler = "Skolorna i Västerås har arbetat med rörelse i flera år."
    left = [filler] * 40 + [
        "",
        "Projektets mål var att fler elever skulle nå",
        "minst 60 minuter per dag, och att",
    ]
    right = ["skillnaderna mellan skolor skulle minska.", "Arbetet började hösten 2022.", ""]
    right += [filler] * 37 + ["", "Följeforskaren har träffat Ludvika kommun och"]
    for k, line in enumerate(left):
        page.drawString(50, 780 - 13 * k, line)  # an empty line is a paragraph's gap
    for k, line in enumerate(right):
        page.drawString(310, 780 - 13 * k, line)
    page.showPage()
    page.setFont("Helvetica", 10)
    page.drawString(50, 780, "andra parter under hela projekttiden, bland dem Dalatrafik.")
    page.showPage()
    page.save()
    layout = analyse(read_pdf(str(pdf)))
    texts = [b.text for b in layout.blocks()]
    assert (
        "Projektets mål var att fler elever skulle nå minst 60 minuter per dag, och att "
        "skillnaderna mellan skolor skulle minska. Arbetet började hösten 2022."
    ) in texts
    carried = next(b for b in layout.blocks() if b.text.startswith("Följeforskaren"))
    assert carried.text.endswith(
        "Ludvika kommun och andra parter under hela projekttiden, bland dem Dalatrafik."
    )
    assert (carried.page, carried.page_at(carried.text.index("Dalatrafik"))) == (1, 2)
    assert not [b for b in layout.pages[1].blocks if b.text.startswith("andra parter")]


def test_the_space_a_style_adds_after_a_paragraph_ends_its_block(tmp_path: Path) -> None:
    """Paragraphs 4 pt apart at a 13 pt leading ("Visjon: …", "Hovedmål: …") are blocks of their own;
    the lines of one paragraph stay one block, and so does text set with no such space."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = tmp_path / "plan.pdf"
    page = canvas.Canvas(str(pdf), pagesize=A4)
    page.setFont("Helvetica", 10)
    paragraphs = [
        ["Planen følger opp den strategiske næringsplanen og rulleres", "hvert år av formannskapet."],
        ["Visjon: Fjellvik – en attraktiv kommune å bo og drive næring i."],
        ["Hovedmål: Kommunen skal ha 150 flere arbeidsplasser i privat", "sektor innen utgangen av 2028."],
    ]
    y = 780.0
    for lines in paragraphs:
        for line in lines:
            page.drawString(50, y, line)
            y -= 13
        y -= 4  # the style's space after
    y -= 20
    for line in ["Tiltakene gjennomføres i planperioden.", "Ansvaret ligger hos næringsavdelingen."]:
        page.drawString(50, y, line)
        y -= 13
    page.showPage()
    page.save()
    texts = [b.text for b in analyse(read_pdf(str(pdf))).blocks()]
    assert texts == [
        "Planen følger opp den strategiske næringsplanen og rulleres hvert år av formannskapet.",
        "Visjon: Fjellvik – en attraktiv kommune å bo og drive næring i.",
        "Hovedmål: Kommunen skal ha 150 flere arbeidsplasser i privat sektor innen utgangen av 2028.",
        "Tiltakene gjennomføres i planperioden. Ansvaret ligger hos næringsavdelingen.",
    ]


def test_a_heading_whose_first_line_crosses_a_side_column_stays_one_block(tmp_path: Path) -> None:
    """A two-line project heading over a page with a fact column on the right: its first line runs
    over the gutter, its second does not; it is one heading all the same."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = tmp_path / "katalog.pdf"
    page = canvas.Canvas(str(pdf), pagesize=A4)
    page.setFont("Helvetica-Bold", 20)
    page.drawString(50, 780, "Levande byar i Bergs kommun – ett projekt för service,")
    page.drawString(50, 756, "mötesplatser och lokal utveckling")
    page.setFont("Helvetica", 10)
    body = "Projektet stärker servicen i byarna genom samverkan och nya mötesplatser."
    for k in range(14):
        page.drawString(50, 720 - 13 * k, body[: 40 + k % 5])
    for k, fact in enumerate(
        ["Projektägare", "Bergs kommun", "Period", "2025–2026", "Budget", "1 200 000 kr"] * 2
    ):
        page.drawString(400, 720 - 13 * k, fact)
    page.showPage()
    page.save()
    texts = [b.text for b in analyse(read_pdf(str(pdf))).blocks()]
    assert "Levande byar i Bergs kommun – ett projekt för service, mötesplatser och lokal utveckling" in texts


def test_a_dash_opening_a_titles_second_line_continues_the_title(tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = tmp_path / "verksamhetsplan.pdf"
    page = canvas.Canvas(str(pdf), pagesize=A4)
    page.setFont("Helvetica-Bold", 18)
    page.drawString(50, 780, "Verksamhetsplan 2026 med uppföljning")
    page.drawString(50, 758, "– Kultur- och fritidsnämnden")
    page.setFont("Helvetica", 10)
    body = ["Nämnden följer upp sina mål och aktiviteter två gånger per år, och redovisar"] * 4
    for k, line in enumerate([*body[:-1], "resultaten för fullmäktige:", "– i april", "– i augusti"]):
        page.drawString(50, 720 - 13 * k, line)
    page.showPage()
    page.save()
    blocks = list(analyse(read_pdf(str(pdf))).blocks())
    assert blocks[0].text == "Verksamhetsplan 2026 med uppföljning – Kultur- och fritidsnämnden"
    assert [b.text for b in blocks if b.kind == "list_item"] == ["– i april", "– i augusti"]
