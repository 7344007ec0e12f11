"""Plans written as text: a theme heading, a "Hovudmål:" line, a plain "Delmål:" line over a bullet
list and a "Dette betyr at kommunen skal:" lead-in over a dash list; a vision line with no full stop.
Built here with reportlab and read by the real pipeline stages."""

from __future__ import annotations

import tempfile
from functools import lru_cache
from pathlib import Path

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
    goals = {(g["level"], g["text"]) for g in samfunnsdel().result.table("goals")}
    assert ("vision", "Volda – open, skapande og berekraftig") in goals
    for _theme, main, subs, _actions in THEMES:
        assert ("overall", main) in goals
        assert {("sub", s) for s in subs} <= goals


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
