"""Organisations of other issuers, round 11: head words that give the type, names cut short or
joined, member municipalities named in prose, county boards named bare, lower-case agencies in role
cells and abbreviation lists printed after the table that uses them (sentences written here)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest

from extractors.nlp.finder import Finder
from extractors.normalise.actors import ActorResolver, guess_actor_type
from tests.test_plan_variants import run_pipeline


def _found(text: str, lang: str = "sv", cell: bool = False, home: str | None = None) -> list[Any]:
    resolver = ActorResolver(country="SE" if lang == "sv" else "NO")
    resolver.set_home(home)
    resolver.learn_from_text(text)
    return Finder(resolver, lang).find(text, cell=cell, people=False)


def _orgs(text: str, lang: str = "sv", cell: bool = False) -> dict[str, str | None]:
    """surface -> canonical name of the ORG mentions."""
    return {f.text: f.name for f in _found(text, lang, cell) if f.label == "ORG"}


@pytest.mark.parametrize(
    ("name", "actor_type"),
    [
        ("Plan- og forvaltningsavdelinga", "administration"),
        ("Opplæringsavdelingen", "administration"),
        ("Avdeling for strategisk utvikling og digitalisering", "administration"),
        ("Sektor for helse og omsorg", "administration"),
        ("Rådmannens stab", "administration"),
        ("Hovudutval for oppvekst og kultur", "committee"),
        ("Hovedutvalg for opplæring og kompetanse", "committee"),
        ("Yrkesopplæringsnemnda", "committee"),
        ("Levekårsutvalet", "committee"),
        ("Kommunstyrelsens arbetsutskott", "committee"),
        ("Ungdomsrådet", "committee"),
        ("Folkehelserådet", "committee"),
        ("Folkhälsorådet", "committee"),
        ("Leader Polaris", "network"),
        ("Sydöstra Skånes Samarbetskommitté", "network"),
        ("Luster Sparebank", "company"),
        ("Fosen Vind DA", "company"),
        ("Bergen Næringsråd", "association"),
        ("Luster Næringsforum SA", "association"),
        ("Jostedalen Bygdelag", "association"),
        ("Företagarna Sjöbo", "association"),
        ("Överkalix Bostäder", "municipal_company"),
        ("Sogn brann og redning IKS", "municipal_company"),
        ("Verket för näringslivsutveckling", "state_agency"),
        # unchanged: a regional council is a network, a county council a region
        ("Regionrådet", "network"),
        ("Region Västra Bergslagen", "county_region"),
    ],
)
def test_the_head_word_gives_the_type(name: str, actor_type: str) -> None:
    assert guess_actor_type(name) == actor_type


@pytest.mark.parametrize(
    ("text", "lang", "surface", "name"),
    [
        # a suspended compound before a committee in the genitive
        (
            "Kultur- och fritidsnämndens uppdrag omfattar evenemangen.",
            "sv",
            "Kultur- och fritidsnämndens",
            "Kultur- och fritidsnämnden",
        ),
        # a cooperative whose name joins two words with "&"
        (
            "Arbetet sker med Grönby Handel & Turism ekonomisk förening och företagen.",
            "sv",
            "Grönby Handel & Turism ekonomisk förening",
            "Grönby Handel & Turism ekonomisk förening",
        ),
        # an area named by a compass word after "Region"
        (
            "I samverkan med Region Västra Bergslagen.",
            "sv",
            "Region Västra Bergslagen",
            "Region Västra Bergslagen",
        ),
        # lower-case words joined by "og" before IKS
        (
            "Hallingdal brann og redning IKS har ansvaret for brannvernet.",
            "nn",
            "Hallingdal brann og redning IKS",
            "Hallingdal brann og redning IKS",
        ),
        # the nynorsk spelling of the state's county office
        (
            "Statsforvaltaren i Vestland sine forventningar ligg til grunn.",
            "nn",
            "Statsforvaltaren i Vestland",
            "Statsforvalteren i Vestland",
        ),
        # a municipal housing company written without its "AB"
        (
            "Det kommunala bostadsbolaget Överkalix Bostäder förvaltar hyresrätter.",
            "sv",
            "Överkalix Bostäder",
            "Överkalix Bostäder",
        ),
        # a definition whose one-word tail does not hold the letters of the abbreviation
        (
            "Kommunerna samarbetar inom Sydöstra Skånes Samarbetskommitté (SÖSK). Inom SÖSK drivs mycket.",
            "sv",
            "SÖSK",
            "Sydöstra Skånes Samarbetskommitté",
        ),
    ],
)
def test_names_found_whole(text: str, lang: str, surface: str, name: str) -> None:
    assert _orgs(text, lang).get(surface) == name


def test_two_bodies_joined_by_og_before_a_legal_form_are_two() -> None:
    found = _orgs("Jostedalen Bygdelag og Luster Næringsforum SA har halde opne møte.", "nn")
    assert found == {
        "Jostedalen Bygdelag": "Jostedalen Bygdelag",
        "Luster Næringsforum SA": "Luster Næringsforum SA",
    }
    # one company whose name joins two words stays one
    assert _orgs("Bodø Havn og Logistikk AS har kaiene.", "nb") == {
        "Bodø Havn og Logistikk AS": "Bodø Havn og Logistikk AS"
    }


@pytest.mark.parametrize(
    "text",
    [
        "Medlemskommunene er Ørland, Indre Fosen, Åfjord og Osen. Rådet ledes av ordføreren.",
        "Interkommunalt politisk råd for Ørland, Indre Fosen, Åfjord og Osen",
    ],
)
def test_member_municipalities_named_in_prose(text: str) -> None:
    found = {f.text: (f.label, f.name) for f in _found(text, "nb")}
    assert found == {
        "Ørland": ("ORG", "Ørland kommune"),
        "Indre Fosen": ("ORG", "Indre Fosen kommune"),
        "Åfjord": ("ORG", "Åfjord kommune"),
        "Osen": ("ORG", "Osen kommune"),
    }


def test_towns_in_prose_without_members_stay_places() -> None:
    found = {f.text: f.label for f in _found("De største tettstedene er Brekstad, Rissa og Åfjord.", "nb")}
    assert set(found.values()) == {"LOC"}


def test_an_office_named_after_another_area_is_not_the_issuers() -> None:
    resolver = ActorResolver(country="SE")
    resolver.set_home("Överkalix kommun")
    assert resolver.actor_id_of("Norrbottens Energikontor") == "norrbottens-energikontor"
    assert resolver.actor_id_of("Tekniska förvaltningen") == "tekniska-forvaltningen--overkalix-kommun"


def test_a_bare_county_board_is_the_one_the_document_named() -> None:
    resolver = ActorResolver(country="SE")
    assert resolver.resolve("Länsstyrelsen") == "lansstyrelsen"  # none named yet
    assert resolver.resolve("Länsstyrelsen i Norrbottens län") == "lansstyrelsen-i-norrbottens-lan"
    assert resolver.resolve("Länsstyrelsen") == "lansstyrelsen-i-norrbottens-lan"
    assert resolver.resolve("Länsstyrelserna") == "lansstyrelsen"  # every county's board
    two = ActorResolver(country="SE")
    two.resolve("Länsstyrelsen i Norrbottens län")
    two.resolve("Länsstyrelsen i Västerbottens län")
    assert two.resolve("Länsstyrelsen") == "lansstyrelsen"  # which one is not said


def test_lower_case_police_in_a_role_cell_and_as_a_partner() -> None:
    assert _orgs("Trygg Trafikk, politiet", "nb", cell=True) == {
        "Trygg Trafikk": "Trygg Trafikk",
        "politiet": "Politiet",
    }
    assert _orgs("Trygghetsvandringar tillsammans med Byggbolaget AB och polisen", "sv") == {
        "Byggbolaget AB": "Byggbolaget AB",
        "polisen": "Polismyndigheten",
    }
    assert _orgs("Det var polisen som kom först.", "sv") == {}  # not named as a party


@pytest.mark.parametrize("legend", ["columns", "lines"])
def test_an_abbreviation_list_on_a_later_page(legend: str) -> None:
    """ "SBK" in the responsible cells, explained under "Förkortningar" on the next page: an
    unruled two-column list (read column by column) or one "SBK – …" paragraph a line."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    folder = Path(tempfile.mkdtemp(prefix="planextract-legend-later-"))
    pdf = folder / "klimatplan.pdf"
    cell = ParagraphStyle("c", fontName="Helvetica", fontSize=9, leading=11)
    bold = ParagraphStyle("b", fontName="Helvetica-Bold", fontSize=9, leading=11)
    rows = [
        ("Åtgärd", "Ansvarig", "Medverkande", "Tidplan"),
        ("Ta fram en plan för laddinfrastruktur", "SBK", "Miljöförvaltningen", "2026"),
        ("Genomföra trygghetsvandringar i centrum", "TK", "polisen", "2026"),
    ]
    plan = Table([[Paragraph(t, cell) for t in r] for r in rows], colWidths=[200, 90, 120, 70])
    plan.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    names = [("SBK", "Stadsbyggnadskontoret"), ("TK", "Trafikkontoret"), ("MF", "Miljöförvaltningen")]
    head = ParagraphStyle("h", fontName="Helvetica-Bold", fontSize=13, leading=16, spaceBefore=10)
    story: list[Any] = [
        Paragraph("Klimatplan 2026", ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=17, leading=21)),
        Paragraph("Västerås stad", cell),
        Spacer(1, 8),
        plan,
        PageBreak(),
        Paragraph("Förkortningar", head),
    ]
    if legend == "columns":
        story.append(Table([[Paragraph(a, bold), Paragraph(n, cell)] for a, n in names], colWidths=[70, 230]))
    else:
        story += [Paragraph(f"{a} – {n}", cell) for a, n in names]
    SimpleDocTemplate(str(pdf), pagesize=A4).build(story)
    run = run_pipeline(pdf)
    roles = {
        (run.result.get("activities", r["activity_id"])["title"][:10], r["role"]): run.result.actors[
            r["actor_id"]
        ]["name"]
        for r in run.result.table("actor_roles")
        if r.get("activity_id")
    }
    assert roles[("Ta fram en", "responsible")] == "Stadsbyggnadskontoret"
    assert roles[("Genomföra ", "responsible")] == "Trafikkontoret"
    assert roles[("Genomföra ", "participant")] == "Polismyndigheten"
