"""Goal lists of other issuers: numbered items set as one block under a goal heading, level
headings that name a number, a topic or a year, and the paragraph after a goal list's last bullet.
Wording written here; none taken from the probe documents or the annotated sets."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from extractors.families.goals_text import _numbered_items
from extractors.pdf.structures import Block
from tests.test_plan_variants import run_pipeline

_TMP = tempfile.TemporaryDirectory(prefix="goal-lists-3-")  # removed when the test run ends
_DIR = Path(_TMP.name)


def _build(name: str, story_of: Any) -> Path:
    """A plan of two pages: an introduction, then the goal chapter `story_of(styles)` returns."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, SimpleDocTemplate

    styles = {
        "title": ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=18, leading=22, spaceAfter=12),
        "h1": ParagraphStyle(
            "h1", fontName="Helvetica-Bold", fontSize=14, leading=18, spaceBefore=10, spaceAfter=6
        ),
        "h2": ParagraphStyle(
            "h2", fontName="Helvetica-Bold", fontSize=11, leading=14, spaceBefore=8, spaceAfter=4
        ),
        "p": ParagraphStyle("p", fontName="Helvetica", fontSize=10, leading=14, spaceAfter=6),
        # a hanging number or bullet with the space a list style adds after each item
        "item": ParagraphStyle(
            "i", fontName="Helvetica", fontSize=10, leading=14, leftIndent=24, bulletIndent=4, spaceAfter=3
        ),
        "bullet": ParagraphStyle(
            "b", fontName="Helvetica", fontSize=10, leading=14, leftIndent=16, bulletIndent=4, spaceAfter=3
        ),
    }
    path = _DIR / f"{name}.pdf"
    intro, chapter = story_of(styles)
    story = [*intro, PageBreak(), *chapter]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


def _p(text: str, style: Any, bullet: str | None = None) -> Any:
    from reportlab.platypus import Paragraph

    return Paragraph(text, style, bulletText=bullet)


def _goals(pdf: Path) -> list[dict[str, Any]]:
    return run_pipeline(pdf).result.table("goals")


def _sv_plan(s: dict[str, Any]) -> tuple[list[Any], list[Any]]:
    intro = [
        _p("Näringslivsplan för Björkvik kommun 2025–2029", s["title"]),
        _p("Antagen av kommunfullmäktige 12 maj 2025.", s["p"]),
        _p("1 Inledning", s["h1"]),
        _p(
            "Planen beskriver hur kommunen ska arbeta med näringslivsfrågor under perioden. Den har tagits "
            "fram av näringslivskontoret i dialog med företagare, föreningar och grannkommunerna.",
            s["p"],
        ),
    ]
    chapter = [
        _p("5 Vision och mål", s["h1"]),
        _p("Vision 2035", s["h2"]),
        _p("Björkvik är kustens mest välkomnande kommun att bo, arbeta och driva företag i.", s["p"]),
        _p("Effektmål", s["h2"]),
        _p("Antalet förvärvsarbetande i kommunen ska öka med 250 personer.", s["item"], "1)"),
        _p("Företagarna upplever att kommunens service är snabb och tydlig.", s["item"], "2)"),
        _p(
            "Kommunen ska varje år bjuda in till två frukostmöten med det lokala näringslivet.",
            s["item"],
            "3)",
        ),
        _p("Resultatmål fram till 2027", s["h2"]),
        _p("En ny översiktsplan för hamnområdet är antagen senast 2026.", s["item"], "1."),
        _p("Minst 12 nya företag etableras i kommunen varje år.", s["item"], "2."),
    ]
    return intro, chapter


def test_numbered_goal_items_set_as_one_block_under_goal_headings() -> None:
    """ "1) … 2) … 3)" under "Effektmål" and "1. … 2." under "Resultatmål fram till 2027": each
    item a goal of the level its heading names, its number taken off; "Vision 2035" names the vision."""
    goals = {(g["level"], g["text"]) for g in _goals(_build("bjorkvik", _sv_plan))}
    assert (
        "vision",
        "Björkvik är kustens mest välkomnande kommun att bo, arbeta och driva företag i.",
    ) in goals
    assert ("effect", "Antalet förvärvsarbetande i kommunen ska öka med 250 personer.") in goals
    assert ("effect", "Företagarna upplever att kommunens service är snabb och tydlig.") in goals
    assert (
        "effect",
        "Kommunen ska varje år bjuda in till två frukostmöten med det lokala näringslivet.",
    ) in goals
    assert ("result", "En ny översiktsplan för hamnområdet är antagen senast 2026.") in goals
    assert ("result", "Minst 12 nya företag etableras i kommunen varje år.") in goals
    assert len(goals) == 6


def _nn_plan(s: dict[str, Any]) -> tuple[list[Any], list[Any]]:
    intro = [
        _p("Kommuneplanen sin samfunnsdel for Fjellvik 2026–2038", s["title"]),
        _p("Vedteken av kommunestyret 3. mars 2026.", s["p"]),
        _p("1 Innleiing", s["h1"]),
        _p(
            "Samfunnsdelen peikar ut retninga for utviklinga av kommunen dei neste tolv åra. Planen byggjer "
            "på innspel frå grendelag, næringsliv og ungdomsrådet.",
            s["p"],
        ),
    ]
    chapter = [
        _p("4 Mål for samfunnsutviklinga", s["h1"]),
        _p("Hovudmål 1 Oppvekst og skule", s["h2"]),
        _p("Alle born og unge i Fjellvik skal ha ein trygg og god oppvekst.", s["p"]),
        _p("Delen elevar som trivst på skulen skal auke til 90 prosent innan 2030.", s["item"], "1.1"),
        _p("Kommunen skal utvikle eit tettare samarbeid mellom skule og idrettslag.", s["item"], "1.2"),
        _p("Hovudmål 2 Næring og arbeid", s["h2"]),
        _p("Fjellvik skal ha eit variert næringsliv med fleire arbeidsplassar.", s["p"]),
        _p("Det skal etablerast minst 40 nye arbeidsplassar innan 2032.", s["item"], "2.1"),
    ]
    return intro, chapter


def test_numbered_overall_goal_headings_with_a_topic_and_their_numbered_sub_goals() -> None:
    """ "Hovudmål 1 Oppvekst og skule": the paragraph under it is an overall goal, the items "1.1",
    "1.2" under it are its sub goals; "Hovudmål 2 …" starts the next overall goal."""
    rows = _goals(_build("fjellvik", _nn_plan))
    by_text = {g["text"]: g for g in rows}
    first = by_text["Alle born og unge i Fjellvik skal ha ein trygg og god oppvekst."]
    second = by_text["Fjellvik skal ha eit variert næringsliv med fleire arbeidsplassar."]
    assert first["level"] == second["level"] == "overall"
    subs = {
        "Delen elevar som trivst på skulen skal auke til 90 prosent innan 2030.": first,
        "Kommunen skal utvikle eit tettare samarbeid mellom skule og idrettslag.": first,
        "Det skal etablerast minst 40 nye arbeidsplassar innan 2032.": second,
    }
    for text, parent in subs.items():
        assert by_text[text]["level"] == "sub", text
        assert by_text[text]["parent_goal_id"] == parent["goal_id"], text
    assert len(rows) == 5


def _nb_plan(s: dict[str, Any]) -> tuple[list[Any], list[Any]]:
    intro = [
        _p("Strategisk næringsplan for Havøy kommune 2025–2029", s["title"]),
        _p("Vedtatt av kommunestyret 20. februar 2025.", s["p"]),
        _p("1 Innledning", s["h1"]),
        _p(
            "Planen gir retning for kommunens arbeid med næringsutvikling og samarbeid med nabokommunene "
            "om arbeidskraft og arealer.",
            s["p"],
        ),
    ]
    chapter = [
        _p("3 Mål", s["h1"]),
        _p("Resultatmål", s["h2"]),
        _p("Kommunen har etablert et fast næringsforum med bedriftene i sentrum.", s["bullet"], "•"),
        _p(
            "Det etableres en felles tjeneste for etablerere mellom kommunen og nabokommunene, med "
            "veiledning om finansiering.",
            s["bullet"],
            "•",
        ),
        _p("Formannskapet rapporterer to ganger i året til de tre samarbeidskommunene om arbeidet.", s["p"]),
    ]
    return intro, chapter


def test_the_paragraph_after_a_goal_lists_last_bullet_is_no_part_of_it() -> None:
    """The paragraph set at the body margin after the last bullet item (a list style's 3 pt after
    the item, no more) ends the item: the goal stops at its own sentence and the paragraph's
    "tre samarbeidskommunene" is no target of it."""
    run = run_pipeline(_build("havoy", _nb_plan))
    goals = {(g["level"], g["text"]) for g in run.result.table("goals")}
    assert (
        "result",
        "Det etableres en felles tjeneste for etablerere mellom kommunen og nabokommunene, med "
        "veiledning om finansiering.",
    ) in goals
    assert ("result", "Kommunen har etablert et fast næringsforum med bedriftene i sentrum.") in goals
    assert len(goals) == 2
    assert not [i for i in run.result.table("indicators") if "samarbeidskommunene" in (i["text"] or "")]


def _block(text: str, lines: list[str] | None = None) -> Block:
    return Block(page=1, text=text, bbox=(0.0, 0.0, 1.0, 1.0), lines=lines or [text])


def test_numbered_items_of_one_block_by_lines_and_inline() -> None:
    # items printed one per line, the second wrapped
    block = _block(
        "",
        [
            "1. Flere bedrifter tar i bruk digitale verktøy.",
            "2. Kommunen skal ha en oppdatert arealplan for",
            "næringsområdene innen 2027.",
            "3. Økt samarbeid med videregående skole.",
        ],
    )
    assert _numbered_items(block, "nb") == [
        ("1", "Flere bedrifter tar i bruk digitale verktøy."),
        ("2", "Kommunen skal ha en oppdatert arealplan for næringsområdene innen 2027."),
        ("3", "Økt samarbeid med videregående skole."),
    ]
    # items set inline on one line: split where a sentence ends before the next number
    inline = "1) Fler unga stannar i kommunen. 2) Fler lägenheter byggs i centrum. 3) Ökad turism."
    assert [t for _, t in _numbered_items(_block(inline), "sv")] == [
        "Fler unga stannar i kommunen.",
        "Fler lägenheter byggs i centrum.",
        "Ökad turism.",
    ]
    # "1.1", "1.2": numbered under a parent number
    nested = _block("", ["1.1 Minst 20 nye boliger per år.", "1.2 Flere reiser kollektivt."])
    assert [n for n, _ in _numbered_items(nested, "nb")] == ["1.1", "1.2"]
    # a number out of sequence, a date or a bare number opening a line is no item
    assert _numbered_items(_block("", ["1. Bedriftene vokser med 2.", "3. Noe annet."]), "nb") == [
        ("1", "Bedriftene vokser med 2. 3. Noe annet.")
    ]
    assert _numbered_items(_block("12. mars vedtok kommunestyret planen."), "nb") == []
    assert _numbered_items(_block("2 Bakgrunn for planen"), "nb") == []
