"""Actor resolution: slugs, abbreviation definitions, list splitting, titles, gazetteer canonical names."""

from __future__ import annotations

import pytest

from extractors.nlp import gazetteer
from extractors.normalise.actors import ActorResolver, guess_actor_type, slugify, split_title
from extractors.result import Extraction


def test_slugify_folds_nordic_letters() -> None:
    assert slugify("Sør-Troms regionråd") == "sor-troms-regionrad"
    assert slugify("Göteborg & Co") == "goteborg-co"
    assert slugify("Kommunal- og moderniseringsdepartementet") == "kommunal-og-moderniseringsdepartementet"


def test_gazetteer_is_complete() -> None:
    gaz = gazetteer.load()
    se = [e for e in gaz.entries if e.country == "SE" and e.actor_type == "municipality"]
    no_now = [
        e
        for e in gaz.entries
        if e.country == "NO" and e.actor_type == "municipality" and e.county != "former"
    ]
    regions = [e for e in gaz.entries if e.country == "SE" and e.actor_type == "county_region"]
    assert len(se) == 289 and len(regions) == 21  # the 290th municipality is Region Gotland
    assert len(no_now) == 355  # 357 kommuner, two names (Våler, Herøy) occur twice
    assert gaz.lookup("Göteborgs kommun").name == "Göteborgs Stad"  # type: ignore[union-attr]
    assert gaz.lookup_place("Gratangen", "NO").name == "Gratangen kommune"  # type: ignore[union-attr]
    assert gaz.lookup_place("Gratangen", "SE") is None
    assert gaz.lookup_abbr("KMD", "NO").name == "Kommunal- og moderniseringsdepartementet"  # type: ignore[union-attr]
    assert gaz.lookup("Skånland kommune").parent_municipality == "Tjeldsund kommune"  # type: ignore[union-attr]


def test_learns_definitions_from_a_participants_row() -> None:
    r = ActorResolver(country="SE")
    r.learn_from_text(
        "Deltagande förvaltningar /bolag Business Region Göteborg (BRG), Arbetsmarknad och vuxenutbildning "
        "(Arbvux), Grundskoleförvaltningen (GrF), Social resursförvaltningen (Soc res), Chalmers (CTH), "
        "Förvaltningen för inköp och upphandling (INK). Kommunen samarbetar med Tillväxtverket (TVV)."
    )
    assert r.abbreviations["BRG"] == "Business Region Göteborg"
    assert r.abbreviations["Arbvux"] == "Arbetsmarknad och vuxenutbildning"
    assert r.abbreviations["Soc res"] == "Social resursförvaltningen"
    assert r.abbreviations["CTH"] == "Chalmers tekniska högskola"  # canonicalised by the gazetteer
    assert r.abbreviations["INK"] == "Förvaltningen för inköp och upphandling"
    assert r.abbreviations["TVV"] == "Tillväxtverket"  # not "Kommunen samarbetar med Tillväxtverket"


def test_ignores_parentheses_that_are_not_definitions() -> None:
    r = ActorResolver(country="SE")
    r.learn_from_text("Anordna handledarutbildningar (ej APL). Andel behöriga (2018: 66,7%).")
    r.learn_from_text("Satsa aktivt på kulturella och kreativa näringar (KKN)")
    assert r.abbreviations == {}


def test_split_list_keeps_suspended_compounds_and_splits_slashes() -> None:
    r = ActorResolver()
    assert r.split_list("UBF, Arbvux, BRG, GR, GU, CTH") == ["UBF", "Arbvux", "BRG", "GR", "GU", "CTH"]
    assert r.split_list("Kvalitets- och utvecklingschef, GrF") == ["Kvalitets- och utvecklingschef", "GrF"]
    assert r.split_list("Grundskoleförvaltningen/Utbildningsförvaltningen") == [
        "Grundskoleförvaltningen",
        "Utbildningsförvaltningen",
    ]
    assert r.split_list("SDF, BRG och Social resurs") == ["SDF", "BRG", "Social resurs"]
    assert r.split_list("Göteborg & Co") == ["Göteborg & Co"]


def test_split_list_keeps_a_two_part_county_whole() -> None:
    r = ActorResolver(country="NO")
    assert r.split_list("Innovasjon Norge, Møre og Romsdal fylkeskommune og NAV") == [
        "Innovasjon Norge",
        "Møre og Romsdal fylkeskommune",
        "NAV",
    ]


def test_a_head_noun_wrapped_inside_a_narrow_cell_is_joined_again() -> None:
    r = ActorResolver(country="SE")
    assert r.split_list(
        "Kommunledningsförv altningen, Arbetsmarknads- och vuxenutbildningsförva ltningen"
    ) == [
        "Kommunledningsförvaltningen",
        "Arbetsmarknads- och vuxenutbildningsförvaltningen",
    ]
    # a word before a whole head stays apart; so does a break outside the head noun
    assert r.split_list("Social resursförvaltningen") == ["Social resursförvaltningen"]
    assert r.split_list("Ludvika kommun och Trafikverket") == ["Ludvika kommun", "Trafikverket"]


def test_split_title() -> None:
    assert split_title("Verksamhetsstrateg BRG") == ("Verksamhetsstrateg", "BRG")
    assert split_title("Kvalitets- och utvecklingschef") == ("Kvalitets- och utvecklingschef", "")
    assert split_title("Eks. Gratangen koord.") == ("koord", "Eks. Gratangen")
    assert split_title("Trafikverket") == (None, "Trafikverket")


def test_resolve_registers_gazetteer_and_document_actors() -> None:
    result = Extraction(doc_id="d")
    r = ActorResolver(country="SE")
    r.learn("Grundskoleförvaltningen", "GrF")
    assert r.resolve("GrF", result) == "grundskoleforvaltningen"
    assert result.actors["grundskoleforvaltningen"]["abbreviations"] == ["GrF"]
    assert result.actors["grundskoleforvaltningen"]["actor_type"] == "administration"
    assert result.actors["grundskoleforvaltningen"]["source"] == "document"
    assert r.resolve("Göteborgs universitet", result) == "goteborgs-universitet"
    row = result.actors["goteborgs-universitet"]
    assert (row["source"], row["actor_type"], row["abbreviations"]) == ("gazetteer", "university", ["GU"])
    assert r.resolve("Göteborg Stad", result) == "goteborgs-stad"  # a misspelt city name still resolves


def test_company_forms_merge() -> None:
    r = ActorResolver(country="SE")
    r.learn_company("Higab AB")
    assert r.canonical("Higab")[0] == "Higab AB"
    r.learn("Business Region Göteborg", "BRG")
    assert r.canonical("Business Region Göteborg AB")[0] == "Business Region Göteborg"


def test_a_letter_misread_by_ocr_links_to_the_documents_name() -> None:
    r = ActorResolver(country="SE")
    r.learn("Nyföretagarcentrum Dalarna", "NFC")
    assert r.canonical("Nyföretagarcentrum Dalarna")[0] == "Nyföretagarcentrum Dalarna"
    assert r.canonical("Nyföretagarcenlrum Dalarna")[0] == "Nyföretagarcentrum Dalarna"  # t read as l
    # a short name, or one two letters off, stays its own
    assert r.canonical("Nyföretagarcenlrum Dalarma")[0] == "Nyföretagarcenlrum Dalarma"


def test_guess_actor_type() -> None:
    assert guess_actor_type("Byggnadsnämnden") == "committee"
    assert guess_actor_type("Stadsbyggnadskontoret") == "administration"
    assert guess_actor_type("Göteborgs Hamn AB") == "municipal_company"  # named after its owner
    assert guess_actor_type("Troms fylkeskommune") == "county_region"
    assert guess_actor_type("Nord universitet") == "university"
    assert guess_actor_type("Kommunal- og moderniseringsdepartementet") == "state_agency"
    assert guess_actor_type("Kommunfullmäktige") == "committee"


def test_defined_name_takes_the_fuller_administration_name() -> None:
    from extractors.normalise.actors import ActorResolver

    resolver = ActorResolver(country="SE")
    resolver.learn_from_text("Arbetsmarknad och vuxenutbildning (Arbvux), Ungt entreprenørskaps (UE)")
    texts = [
        "Nämnden för arbetsmarknad och vuxenutbildning",
        "Processleds av Förvaltningen för arbetsmarknad och vuxenutbildning",
    ]
    assert resolver.expand_names(texts) == 1
    assert resolver.abbreviations["Arbvux"] == "Förvaltningen för arbetsmarknad och vuxenutbildning"
    assert resolver.abbreviations["UE"] == "Ungt Entreprenørskap"  # the gazetteer spelling


def test_list_fragments_are_not_organisations() -> None:
    from extractors.nlp.finder import Finder
    from extractors.normalise.actors import ActorResolver

    finder = Finder(ActorResolver(country="SE"), "sv")
    text = "GR, UBF, Social resurs, AF, GU, Move to Gothenburg, Trafikverket"
    names = {f.text for f in finder.find(text, cell=True, people=False) if f.label == "ORG"}
    assert "Trafikverket" in names and "Social" not in names and "Move" not in names
    found = finder.find("enligt Kommunfullmäktiges beslut", people=False)
    assert [(f.text, f.name) for f in found] == [("Kommunfullmäktiges", "Kommunfullmäktige")]


def test_a_company_name_joined_by_an_ampersand_is_one_item() -> None:
    from extractors.normalise.actors import ActorResolver

    resolver = ActorResolver(country="SE")
    assert resolver.split_list("Gävle Destination & Näringsliv AB, Region Gävleborg") == [
        "Gävle Destination & Näringsliv AB",
        "Region Gävleborg",
    ]
    assert resolver.split_list("Higab AB & Göteborgs Hamn AB") == ["Higab AB", "Göteborgs Hamn AB"]


def test_a_local_branch_named_with_its_town_is_not_the_municipality() -> None:
    from extractors.nlp.roles import place_prefix

    assert place_prefix("Seniornett Lillehammer", "NO") is None
    assert place_prefix("Drivhuset Gävle", "SE") is None
    assert place_prefix("Eks Kvæfj og Skånland", "NO") == "Kvæfjord kommune"  # a clipped town still is


def test_a_municipalitys_own_bodies_are_its_own_across_documents() -> None:
    """ "Kommunstyrelsen" of one plan and of another municipality's are two actors; a state agency
    both name is one."""
    import tempfile
    from pathlib import Path

    from tests.test_plan_shapes import _simple_plan
    from tests.test_plan_variants import run_pipeline

    ids: dict[str, dict[str, tuple[str, str | None]]] = {}
    for issuer in ("Skövde kommun", "Lidköpings kommun"):
        pdf = Path(tempfile.mkdtemp(prefix="planextract-home-")) / "plan.pdf"
        _simple_plan(
            pdf,
            "Handlingsplan för näringsliv 2026",
            issuer,
            ["Aktivitet", "Ansvarig", "Samverkan", "Tidplan"],
            [
                ("Ta fram en etableringsstrategi", "Kommunstyrelsen", "Tillväxtverket", "2026"),
                ("Ordna en företagsdag", "Kultur- och fritidsförvaltningen", "Almi Företagspartner", "2026"),
            ],
        )
        run = run_pipeline(pdf)
        assert run.result.info.issuer == issuer
        ids[issuer] = {
            row["name"]: (row["actor_id"], row["parent_municipality"]) for row in run.result.actors.values()
        }
    skovde, lidkoping = ids["Skövde kommun"], ids["Lidköpings kommun"]
    assert skovde["Kommunstyrelsen"] == ("kommunstyrelsen--skovde-kommun", "Skövde kommun")
    assert lidkoping["Kommunstyrelsen"] == ("kommunstyrelsen--lidkopings-kommun", "Lidköpings kommun")
    assert skovde["Kultur- och fritidsförvaltningen"][0] != lidkoping["Kultur- och fritidsförvaltningen"][0]
    assert skovde["Tillväxtverket"] == lidkoping["Tillväxtverket"] == ("tillvaxtverket", None)


@pytest.mark.parametrize(
    ("name", "actor_id"),
    [
        ("Formannskapet", "formannskapet--vefsn-kommune"),
        ("Plan- og utviklingsavdelingen", "plan-og-utviklingsavdelingen--vefsn-kommune"),
        ("Næringsavdelinga", "naeringsavdelinga--vefsn-kommune"),
        ("Innovasjon Norge", "innovasjon-norge"),  # the gazetteer's
        ("Vefsn Næringshage AS", "vefsn-naeringshage-as"),  # a company
        ("Kulturetaten i Tinn kommune", "kulturetaten-i-tinn-kommune"),  # names its place
        ("Forbundsstyret i Helgeland brann", "forbundsstyret-i-helgeland-brann"),
    ],
)
def test_which_names_are_the_issuers_own_bodies(name: str, actor_id: str) -> None:
    resolver = ActorResolver(country="NO")
    resolver.set_home("Vefsn kommune")
    assert resolver.actor_id_of(name) == actor_id


def test_split_list_keeps_a_company_whose_name_joins_two_words() -> None:
    resolver = ActorResolver(country="SE")
    assert resolver.split_list("Västerviks Miljö och Energi AB, Region Kalmar län") == [
        "Västerviks Miljö och Energi AB",
        "Region Kalmar län",
    ]
    assert resolver.split_list("Bodø Havn og Logistikk AS og Nordland fylkeskommune") == [
        "Bodø Havn og Logistikk AS",
        "Nordland fylkeskommune",
    ]
    assert resolver.split_list("Kommunen och Region Kalmar län") == ["Kommunen", "Region Kalmar län"]
