"""Role cells of other issuers' plans, read from PDFs built here by the real pipeline stages: a
county whose name joins two parts with "og", towns before "kommuner", a regional branch, an
abbreviation defined in the introduction, and head nouns a narrow column wraps with no hyphen."""

from __future__ import annotations

import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("reportlab")

from tests.test_plan_variants import AREA, PlanSpec, Run, build_plan, run_pipeline  # noqa: E402

_TMP = tempfile.TemporaryDirectory(prefix="role-cells-")
_DIR = Path(_TMP.name)


@lru_cache(maxsize=1)
def norwegian() -> Run:
    rows = [
        (AREA, "Innsatsområde 1: Næringsutvikling"),
        (
            "1.1",
            "Etablere felles førstelinjetjeneste for etablerere",
            "Vekst i Nordvest AS",
            "Innovasjon Norge, Møre og Romsdal fylkeskommune, NAV",
            "2024–2025",
        ),
        (
            "1.2",
            "Videreføre bedriftsnettverket for leverandørindustrien",
            "Næringsavdelingen, Ålesund kommune",
            "Ulstein kommune, Herøy og Sande kommuner, NCE Blue Maritime",
            "2024",
        ),
        (
            "1.3",
            "Kartlegge ledige næringsarealer",
            "Regionrådet (RR)",
            "Kommunene Giske, Sula og Haram",
            "2025",
        ),
        (AREA, "Innsatsområde 2: Kompetanse"),
        (
            "2.1",
            "Kompetanseheving for ledere i små bedrifter",
            "NTNU i Ålesund",
            "RR, Sparebanken Møre",
            "2025",
        ),
    ]
    spec = PlanSpec(
        title="Handlingsprogram for næringsutvikling 2024–2026",
        issuer_line="Sunnmøre regionråd IKS",
        running="Handlingsprogram 2024–2026",
        page_label="Side {n}",
        headers=["Nr", "Tiltak", "Ansvarlig", "Samarbeidspartnere", "Tidsramme"],
        widths=[30, 170, 110, 140, 60],
        parts=[(None, rows)],
        intro="Handlingsprogrammet er utarbeidet av Sunnmøre regionråd IKS (RR) i samarbeid med medlemskommunene.",
    )
    pdf = _DIR / "handlingsprogram.pdf"
    build_plan(pdf, spec)
    return run_pipeline(pdf)


@lru_cache(maxsize=1)
def swedish() -> Run:
    rows = [
        (AREA, "Fokusområde 1 – Företagsklimat"),
        (
            "Företagslotsen utvecklas med fler förvaltningar",
            "Kommunledningsförvaltningen (KLF)",
            "Samhällsbyggnadsförvaltningen, Företagarna Härnösand",
            "2024",
        ),
        (
            "Ta fram en etableringsstrategi",
            "KLF",
            "Region Västernorrland, Kramfors, Sollefteå och Ånge kommuner",
            "2025",
        ),
        (
            "Utveckla yrkesvux inom vård och industri",
            "Arbetsmarknads- och vuxenutbildningsförvaltningen",
            "Arbetsförmedlingen, Mittuniversitetet, Coompanion Västernorrland",
            "2026",
        ),
    ]
    spec = PlanSpec(
        title="Näringslivsprogram 2024–2026 – handlingsplan",
        issuer_line="Härnösands kommun",
        running="Handlingsplan näringsliv",
        page_label="Sida {n}",
        headers=["Aktivitet", "Ansvarig", "Samverkanspartner", "Tidplan"],
        widths=[160, 100, 170, 60],  # narrow enough that the long head nouns wrap inside the word
        parts=[(None, rows)],
        intro="Handlingsplanen har tagits fram av Kommunledningsförvaltningen (KLF).",
    )
    pdf = _DIR / "handlingsplan.pdf"
    build_plan(pdf, spec)
    return run_pipeline(pdf)


def _roles(run: Run, title: str) -> dict[str, set[str]]:
    names = {a["actor_id"]: a["name"] for a in run.result.actors.values()}
    row = run.node(title)
    out: dict[str, set[str]] = {}
    for role in run.result.table("actor_roles"):
        if role.get("activity_id") == row["activity_id"]:
            out.setdefault(role["role"], set()).add(names[role["actor_id"]])
    return out


def test_a_two_part_county_in_a_partner_cell_is_one_actor() -> None:
    roles = _roles(norwegian(), "Etablere felles")
    assert {"Innovasjon Norge", "Møre og Romsdal fylkeskommune"} <= roles["participant"]
    assert not any(name.startswith("Romsdal") for names in roles.values() for name in names)


def test_towns_before_the_plural_and_after_kommunene_are_the_municipalities() -> None:
    assert {"Herøy kommune", "Sande kommune", "NCE Blue Maritime"} <= _roles(norwegian(), "Videreføre")[
        "participant"
    ]
    assert {"Giske kommune", "Sula kommune", "Haram kommune"} <= _roles(norwegian(), "Kartlegge")[
        "participant"
    ]


def test_an_abbreviation_defined_in_the_introduction_is_the_issuer() -> None:
    # a numbered action with nothing under it is an activity: its responsible, not the lead of an effort
    assert _roles(norwegian(), "Kartlegge")["responsible"] == {"Sunnmøre regionråd"}
    assert "Sunnmøre regionråd" in _roles(norwegian(), "Kompetanseheving")["participant"]


def test_wrapped_head_nouns_and_regional_branches_in_swedish_role_cells() -> None:
    assert _roles(swedish(), "Företagslotsen")["responsible"] == {"Kommunledningsförvaltningen"}
    utveckla = _roles(swedish(), "Utveckla yrkesvux")
    assert utveckla["responsible"] == {"Arbetsmarknads- och vuxenutbildningsförvaltningen"}
    assert "Coompanion Västernorrland" in utveckla["participant"]
    assert {"Kramfors kommun", "Sollefteå kommun", "Ånge kommun"} <= _roles(swedish(), "Ta fram")[
        "participant"
    ]


def _text_pdf(name: str, story: list[Any]) -> Run:
    """A text document (no tables) laid out on A4 and read through the real stages."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    pdf = _DIR / name
    SimpleDocTemplate(str(pdf), pagesize=A4).build(story)
    return run_pipeline(pdf)


def _styles() -> tuple[Any, Any, Any]:
    """Title, heading and body styles of a word processor's report template."""
    from reportlab.lib.styles import ParagraphStyle

    return (
        ParagraphStyle("h1", fontName="Helvetica-Bold", fontSize=18, leading=22),
        ParagraphStyle("h2", fontName="Helvetica-Bold", fontSize=13, leading=16, spaceBefore=10),
        ParagraphStyle("b", fontName="Helvetica", fontSize=10.5, leading=14, spaceAfter=6),
    )


@lru_cache(maxsize=1)
def nynorsk_report() -> Run:
    from reportlab.platypus import Paragraph, Spacer

    h1, h2, body = _styles()
    story = [
        Paragraph("Sluttrapport: Bulyst i Indre Sogn 2021–2023", h1),
        Paragraph("Prosjekteigar: Luster kommune", body),
        Spacer(1, 12),
        Paragraph("Samandrag", h2),
        Paragraph(
            "Prosjektet har vore eit samarbeid mellom Luster, Årdal og Lærdal kommunar, med støtte frå "
            "Vestland fylkeskommune. Prosjektleiar har vore Kari Nes, Luster kommune.",
            body,
        ),
        Paragraph("Organisering", h2),
        Paragraph(
            "Styringsgruppe: rådmann Ola Berg, Luster kommune (leiar); kommunalsjef Siri Dale, Årdal kommune; "
            "næringssjef Per Moe, Lærdal kommune.",
            body,
        ),
    ]
    return _text_pdf("sluttrapport.pdf", story)


def test_a_steering_group_written_title_first_gives_people_of_their_organisations() -> None:
    run = nynorsk_report()
    names = {a["actor_id"]: a["name"] for a in run.result.actors.values()}
    group = {
        (r["person_name"], r["person_title"], names.get(r["actor_id"]))
        for r in run.result.table("actor_roles")
        if r["role"] == "steering_group"
    }
    assert group == {
        ("Ola Berg", "rådmann", "Luster kommune"),
        ("Siri Dale", "kommunalsjef", "Årdal kommune"),
        ("Per Moe", "næringssjef", "Lærdal kommune"),
    }
    # named once each: no second role row for the same person from the prose pass
    people = [r["person_name"] for r in run.result.table("actor_roles") if r.get("person_name")]
    assert sorted(people) == ["Kari Nes", "Ola Berg", "Per Moe", "Siri Dale"]


@lru_cache(maxsize=1)
def catalogue() -> Run:
    from reportlab.platypus import PageBreak, Paragraph, Spacer

    h1, h2, body = _styles()
    projects = [
        ("Grønn Havn Nordfjord", "Nordfjord Næringsråd", "Kari Hope, dagleg leiar, Nordfjord Næringsråd"),
        ("Ungt entreprenørskap i Sunnfjord", "Sunnfjord kommune", "Per Aase, rådgjevar, Sunnfjord kommune"),
        ("Reiselivsløft Hornindal", "Hornindal Reiselivslag SA", "Ola Hornnes, styreleiar"),
    ]
    story = [Paragraph("Prosjektkatalog 2023 – Regionalt næringsfond", h1), PageBreak()]
    for title, owner, contact in projects:
        story += [
            Paragraph(title, h2),
            Paragraph(f"Prosjekteigar: {owner}", body),
            Paragraph(f"Kontaktperson: {contact}", body),
            Paragraph("Finansiering: Sparebanken Sogn og Fjordane, Vestland fylkeskommune", body),
            Spacer(1, 14),
        ]
    return _text_pdf("prosjektkatalog.pdf", story)


def test_a_catalogue_with_plain_fact_lines_gives_its_projects_and_their_contacts() -> None:
    run = catalogue()
    assert [r["title"] for r in run.rows] == [
        "Grønn Havn Nordfjord",
        "Ungt entreprenørskap i Sunnfjord",
        "Reiselivsløft Hornindal",
    ]
    names = {a["actor_id"]: a["name"] for a in run.result.actors.values()}
    contacts = {
        (r["person_name"], r["person_title"], names.get(r["actor_id"]))
        for r in run.result.table("actor_roles")
        if r["role"] == "contact" and r.get("activity_id")
    }
    assert contacts == {
        ("Kari Hope", "dagleg leiar", "Nordfjord Næringsråd"),
        ("Per Aase", "rådgjevar", "Sunnfjord kommune"),
        ("Ola Hornnes", "styreleiar", "Hornindal Reiselivslag SA"),
    }
    assert "Sparebanken Sogn og Fjordane" in names.values()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vuxenutbildningen / Falu Frivilliga Utbildningscenter", "Falu Frivilliga Utbildningscenter"),
        ("Ludvika Folkhögskola", "Ludvika Folkhögskola"),
        ("Bondelaget i Sogndal", "Bondelaget i Sogndal"),
    ],
)
def test_a_name_that_starts_with_a_place_is_not_the_municipality(text: str, expected: str) -> None:
    from extractors.nlp.roles import place_prefix

    assert place_prefix(text, "SE") is None
    assert place_prefix("Eks Kvæfj og Skånland", "NO") == "Kvæfjord kommune"  # a clipped town still is


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Hudiksvalls kommun Projektledare: Maria Engström", "Hudiksvalls kommun"),
        ("Maria Engström Projekttid: 2023-03-01", "Maria Engström"),
        (
            "Tillväxtverket: 2,9 mkr, Region Gävleborg: 1,2 mkr",
            "Tillväxtverket: 2,9 mkr, Region Gävleborg: 1,2 mkr",
        ),
    ],
)
def test_a_labelled_value_ends_at_the_next_label(value: str, expected: str) -> None:
    from extractors.normalise.actors import until_next_label

    assert until_next_label(value) == expected


def test_a_countys_municipalities_are_no_municipality() -> None:
    from extractors.nlp.finder import Finder
    from extractors.nlp.roles import RoleParser
    from extractors.normalise.actors import ActorResolver
    from extractors.result import Extraction

    resolver = ActorResolver(country="SE")
    parser = RoleParser(resolver, Finder(resolver, "sv"), Extraction(doc_id="r"))
    assert parser.orgs_in("Värmlands kommuner") == []  # all of them, not a "Värmlands kommun"
    assert parser.orgs_in("Arvika och Eda kommuner") == ["arvika-kommun", "eda-kommun"]
