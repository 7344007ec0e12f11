"""Plans written as text: a theme heading, a "Hovudmål:" line, a plain "Delmål:" line over a bullet
list and a "Dette betyr at kommunen skal:" lead-in over a dash list; a vision line with no full stop.
Built here with reportlab and read by the real pipeline stages."""

from __future__ import annotations

import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from extractors.families.plan_lists import ACTION_LEAD
from tests.test_plan_variants import Run, run_pipeline

pytest.importorskip("reportlab")

THEMES = [
    (
        "Levande lokalsamfunn",
        "Volda har trygge lokalsamfunn med gode møteplassar for alle aldrar",
        ["Talet på frivillige lag aukar", "Alle bygder har minst éin open møteplass"],
        [
            "leggje til rette for frivilligheita i kommunale bygg",
            "byggje ut møteplassar i sentrum",
            "samarbeide med frivilligsentralen om tiltak mot einsemd",
        ],
    ),
    (
        "Arbeid og næring",
        "Volda har eit variert næringsliv med fleire arbeidsplassar",
        ["Volda har ledig regulert næringsareal til ei kvar tid"],
        ["regulere nytt næringsareal på Furene", "styrkje samarbeidet med høgskulen om innovasjon"],
    ),
    (
        "Klima og miljø",
        "Volda reduserer klimagassutsleppa med 55 prosent innan 2030",
        ["Alle kommunale bilar er utsleppsfrie innan 2028"],
        ["krevje klimabudsjett som del av økonomiplanen", "leggje til rette for gang- og sykkelveg"],
    ),
]


@lru_cache(maxsize=1)
def samfunnsdel() -> Run:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

    pdf = Path(tempfile.mkdtemp(prefix="planextract-prose-")) / "samfunnsdel.pdf"
    title = ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=18, leading=22, spaceAfter=6)
    h2 = ParagraphStyle(
        "h2", fontName="Helvetica-Bold", fontSize=13, leading=16, spaceBefore=10, spaceAfter=4
    )
    body = ParagraphStyle("b", fontName="Helvetica", fontSize=10, leading=13, spaceAfter=6)
    item = ParagraphStyle("li", parent=body, leftIndent=18, bulletIndent=8)
    story = [
        Paragraph("Volda kommune", body),
        Paragraph("Kommuneplanen sin samfunnsdel 2026–2038", title),
        Paragraph("Vedteken av kommunestyret 11. juni 2026", body),
        Paragraph("Visjon: Volda – open, skapande og berekraftig", body),
        PageBreak(),
        Paragraph("Kommuneplanen sin samfunnsdel set mål og strategiar for utviklinga av kommunen.", body),
    ]
    for number, (theme, main, subs, actions) in enumerate(THEMES, 1):
        story += [Paragraph(f"{number}. {theme}", h2), Paragraph(f"Hovudmål: {main}", body)]
        story += [Paragraph("Delmål:", body)] + [Paragraph(s, item, bulletText="•") for s in subs]
        story += [Spacer(1, 4), Paragraph("Dette betyr at kommunen skal:", body)]
        story += [Paragraph(a, item, bulletText="–") for a in actions]
    SimpleDocTemplate(str(pdf), pagesize=A4).build(story)
    return run_pipeline(pdf)


def test_a_lead_in_naming_the_plans_subject_opens_its_actions() -> None:
    run = samfunnsdel()
    tree = [(r["level"], r["title"], run.parent(r)["title"] if r["parent_id"] else None) for r in run.rows]
    expected = []
    for _number, (theme, _main, _subs, actions) in enumerate(THEMES, 1):
        expected.append(("area", theme, None))
        expected += [("measure", a[0].upper() + a[1:], theme) for a in actions]
    assert [(lvl, t.lower(), p) for lvl, t, p in tree] == [(lvl, t.lower(), p) for lvl, t, p in expected]


def test_a_plain_delmal_line_and_a_vision_without_full_stop_give_goals() -> None:
    run = samfunnsdel()
    titles = {r["activity_id"]: r["title"] for r in run.rows}
    goals = {(g["level"], g["text"], titles.get(g["activity_id"])) for g in run.result.table("goals")}
    assert ("vision", "Volda – open, skapande og berekraftig", None) in goals
    for theme, main, subs, _actions in THEMES:  # each goal under the theme it is printed in
        assert ("overall", main, theme) in goals
        assert {("sub", s, theme) for s in subs} <= goals


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("Dette betyr at kommunen skal:", True),
        ("Det betyr at vi skal:", True),
        ("Det innebär att kommunen ska:", True),
        ("Volda kommune skal:", True),
        ("Vi skal:", True),
        ("Kommunen skal sikre god kvalitet.", False),
        ("Dette betyr at kommunen skal arbeide for:", False),
    ],
)
def test_action_lead_ins(text: str, lead: bool) -> None:
    assert bool(ACTION_LEAD.match(text)) is lead


MEASURES = [
    ("Grøn omstilling", 1, "Etablere eit regionalt program for grøn omstilling i industrien, med rettleiing om "
     "energieffektivisering og sirkulære forretningsmodellar for små og mellomstore bedrifter",
     "Vestland fylkeskommune", "2026"),
    ("Grøn omstilling", 2, "Støtte klynger og nettverk", "Innovasjon Norge", "Løpande"),
    ("Kompetanse", 3, "Utvikle fleksible vidareutdanningstilbod for tilsette i industrien saman med fagskulen og "
     "høgskulen, med vekt på digitalisering og automatisering i produksjonen",
     "Fagskulen Vestland", "Hausten 2026"),
    ("Kompetanse", 4, "Vidareføre inkubatorprogrammet i distrikta med minst 30 nye gründerar per år i heile fylket",
     "Vestland fylkeskommune", "2026–2027"),
    ("Entreprenørskap", 5, "Arrangere ein årleg gründerkonferanse for unge", "Ungt Entreprenørskap", "Kvart år"),
]  # fmt: skip


@lru_cache(maxsize=1)
def two_columns() -> Run:
    """Two text columns of "Tiltak N: …" paragraphs set bold (some too long for a heading), each with
    "Ansvarleg:" and "Tid:" lines; the second page's footer differs from the cover's, so no page repeats it."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import (
        BaseDocTemplate,
        Frame,
        FrameBreak,
        NextPageTemplate,
        PageTemplate,
        Paragraph,
    )

    pdf = Path(tempfile.mkdtemp(prefix="planextract-columns-")) / "handlingsprogram.pdf"
    width, height = A4
    title = ParagraphStyle("t", fontName="Times-Bold", fontSize=18, leading=22, spaceAfter=8)
    h2 = ParagraphStyle("h2", fontName="Times-Bold", fontSize=12, leading=15, spaceBefore=8, spaceAfter=4)
    label = ParagraphStyle("l", fontName="Times-Bold", fontSize=10, leading=12.5, spaceBefore=6, spaceAfter=3)
    body = ParagraphStyle("b", fontName="Times-Roman", fontSize=10, leading=12.5, spaceAfter=3)

    def footer(text: str) -> Any:
        def draw(canvas: Any, doc: Any) -> None:
            canvas.setFont("Times-Roman", 7.5)
            canvas.drawString(50, 28, text)
            canvas.drawRightString(width - 50, 28, str(doc.page))

        return draw

    column = (width - 2 * 56 - 24) / 2
    doc = BaseDocTemplate(str(pdf), pagesize=A4)
    doc.addPageTemplates(
        [
            PageTemplate(
                "cover", [Frame(56, 56, width - 112, height - 112)], onPage=footer("Vestland fylkeskommune")
            ),
            PageTemplate(
                "columns",
                [Frame(56, 56, column, height - 112), Frame(56 + column + 24, 56, column, height - 112)],
                onPage=footer("Vestland fylkeskommune – handlingsprogram 2026–2027"),
            ),
        ]
    )
    story: list[Any] = [
        Paragraph("Vestland fylkeskommune", body),
        Paragraph("Regional plan for innovasjon og næringsutvikling – handlingsprogram 2026–2027", title),
        Paragraph(
            "Handlingsprogrammet følgjer opp den regionale planen og vart vedteke av fylkestinget.", body
        ),
        NextPageTemplate("columns"),
        FrameBreak(),
    ]
    areas: list[str] = []
    for number, (theme, code, text, responsible, time) in enumerate(MEASURES, 1):
        if number == len(MEASURES):
            story.append(FrameBreak())
        if theme not in areas:
            areas.append(theme)
            story.append(Paragraph(f"Innsatsområde {len(areas)}: {theme}", h2))
            story.append(Paragraph("Fylkeskommunen vil prioritere tiltak som gjev varige verknader.", body))
        story += [
            Paragraph(f"Tiltak {code}: {text}", label),
            Paragraph(f"Ansvarleg: {responsible}", body),
            Paragraph(f"Tid: {time}", body),
        ]
    doc.build(story)
    return run_pipeline(pdf)


def test_bold_labelled_paragraphs_longer_than_a_heading_are_measures() -> None:
    run = two_columns()
    measures = [r for r in run.rows if r["level"] == "measure"]
    assert [(r["code"], r["title"], r["responsible_raw"]) for r in measures] == [
        (f"Tiltak {code}", text, responsible) for _theme, code, text, responsible, _time in MEASURES
    ]
    assert [run.parent(r)["title"] for r in measures] == [theme for theme, *_rest in MEASURES]


def test_a_footer_no_other_page_repeats_stays_out_of_the_last_field() -> None:
    measures = [r for r in two_columns().rows if r["level"] == "measure"]
    times = ["–".join(t for t in (r.get("start_raw"), r.get("end_raw")) if t) for r in measures]
    assert times == [time for *_rest, time in MEASURES]


def _line(text: str, top: float, x0: float = 56.0, size: float = 10.0) -> Any:
    from extractors.pdf.lines import Line
    from extractors.pdf.model import Word

    words, x = [], x0
    for part in text.split():
        words.append(Word(part, x, top, x + 5 * len(part), top + size, size=size))
        x += 5 * len(part) + 3
    return Line(words)


@pytest.mark.parametrize("number_first", [True, False])
def test_a_lone_footer_and_its_page_number_are_furniture_in_either_order(number_first: bool) -> None:
    from extractors.pdf.margins import find_furniture

    body = [_line("Ansvarleg: Vestland fylkeskommune", 748), _line("Tid: 2026–2027", 761)]
    footer = _line("Vestland fylkeskommune – handlingsprogram 2026–2027", 806, size=7.5)
    number = _line("2", 806, x0=540, size=7.5)
    foot = [number, footer] if number_first else [footer, number]
    (marked,) = find_furniture([(842.0, body + foot)], body_size=10.0)
    assert marked == {2, 3}
    # a last body line at the usual spacing stays text
    (marked,) = find_furniture([(842.0, [*body, _line("Kvart år", 774)])], body_size=10.0)
    assert marked == set()
