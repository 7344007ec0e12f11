"""Actor precision rules on strings beyond the sample corpus (Swedish and Norwegian): places in
running text, list items, actor types from the name's shape, duplicates folded, scorer rules."""

from __future__ import annotations

import pytest

from extractors.nlp import _linkable
from extractors.nlp.finder import Finder
from extractors.nlp.merge import merge_duplicates
from extractors.normalise.actors import ActorResolver, guess_actor_type
from extractors.result import Extraction
from pipeline.evaluation.scorers.actors import linked_right, named_in_text


@pytest.mark.parametrize(
    ("name", "actor_type"),
    [
        ("Kulturförvaltningen i Lerum", "administration"),
        ("Byggnadsnämnden i Kiruna kommun", "committee"),
        ("Universitetet i Agder", "university"),
        ("Umeå Energi AB", "municipal_company"),
        ("Bodø Havn KF", "municipal_company"),
        ("Vestfold Vekst IKS", "municipal_company"),
        ("Nordic Steel Components AB", "company"),
        ("Medtech Cluster Norway", "network"),
        ("Marinalliansen", "network"),
        ("Partnerskapet Inlandsbanan", "network"),
        ("Skellefteåregionen", "network"),
        ("Haugalandet-regionen", "network"),
        ("Region Värmland", "county_region"),
        ("Nordland fylkeskommune", "county_region"),
        ("Lerums kommun", "municipality"),
    ],
)
def test_actor_type_from_the_head_of_the_name(name: str, actor_type: str) -> None:
    assert guess_actor_type(name) == actor_type


def test_lists_split_at_och_og_only_before_a_new_name() -> None:
    r = ActorResolver(country="SE")
    assert r.split_list("Kultur och fritid (KoF), Miljöförvaltningen och Trafikkontoret") == [
        "Kultur och fritid (KoF)",
        "Miljöförvaltningen",
        "Trafikkontoret",
    ]
    n = ActorResolver(country="NO")
    assert n.split_list("Plan og utvikling, Tromsø kommune og Troms fylkeskommune") == [
        "Plan og utvikling",
        "Tromsø kommune",
        "Troms fylkeskommune",
    ]


@pytest.mark.parametrize(
    ("language", "country", "text", "place"),
    [
        ("sv", "SE", "Vi besökte tolv företag i Piteå under våren.", "Piteå"),
        ("nb", "NO", "Vi besøkte tolv bedrifter i Harstad i vår.", "Harstad"),
    ],
)
def test_a_town_in_running_text_is_a_place_not_an_actor(
    language: str, country: str, text: str, place: str
) -> None:
    finder = Finder(ActorResolver(country=country), language)
    found = [f for f in finder.find(text, people=False) if f.text == place]
    assert found and found[0].label == "LOC"
    assert not _linkable(found[0], cell=False)
    assert _linkable(found[0], cell=True)  # "Ansvarig: Piteå" in a role cell names the municipality


def test_list_items_that_are_towns_or_recased_abbreviations() -> None:
    finder = Finder(ActorResolver(country="SE"), "sv")
    found = {f.text: f for f in finder.find("Sundsvalls kommun, Skara, Trv och Vinnova", people=False)}
    assert found["Skara"].label == "LOC"  # a town that is also a word, among organisations
    assert (found["Trv"].label, found["Trv"].name) == ("ORG", "Trafikverket")
    nb = Finder(ActorResolver(country="NO"), "nb")
    found = {f.text: f for f in nb.find("Med: Bodø kommune, Saltdal, Innovasjon Norge", people=False)}
    assert found["Saltdal"].label == "LOC"


def test_duplicates_fold_into_the_name_the_document_defines() -> None:
    r = ActorResolver(country="SE")
    result = Extraction(doc_id="d")
    early = [
        r.resolve(n, result) for n in ("Kultur och fritid", "Förvaltningen teknik och service", "Sobona")
    ]
    result.add("actor_roles", actor_id=early[0], role="participant", raw="Kultur och fritid")
    r.learn("Kultur och fritid", "KoF")
    r.expand_names(["Förvaltningen för kultur och fritid ansvarar."])
    r.resolve("Förvaltningen för teknik och service", result)
    r.learn_company("Sobona AB")
    assert merge_duplicates(result, r) == 3
    assert set(result.actors) == {
        "forvaltningen-for-kultur-och-fritid",
        "forvaltningen-for-teknik-och-service",
        "sobona-ab",
    }
    assert result.table("actor_roles")[0]["actor_id"] == "forvaltningen-for-kultur-och-fritid"


def test_bare_head_place_suffix_and_clipped_names_link_to_the_known_actor() -> None:
    n = ActorResolver(country="NO")
    n.resolve("Lofoten regionråd")
    assert n.canonical("Regionrådet")[0] == "Lofoten regionråd"
    s = ActorResolver(country="SE")
    s.resolve("Samhällsbyggnadsförvaltningen")
    assert s.canonical("Samhällsbyggnadsförvaltningen i Kiruna")[0] == "Samhällsbyggnadsförvaltningen"
    s.resolve("Vård- och omsorgsförvaltningen")
    assert s.preferred("Vård- och omsorg") == "Vård- och omsorgsförvaltningen"
    two = ActorResolver(country="SE")
    two.resolve("Kiruna regionråd")
    two.resolve("Lofoten regionråd")
    assert two.canonical("Regionrådet")[0] == "Regionrådet"  # two candidates: no guess


def test_scorer_rules() -> None:
    gazetteer_actor = {"name": "Trafikverket", "abbreviations": ["TRV"], "source": "gazetteer"}
    assert named_in_text(gazetteer_actor, "I samverkan med TRV och kommunen.")
    assert not named_in_text({**gazetteer_actor, "source": "document"}, "Trafikverket bygger.")
    assert not named_in_text(gazetteer_actor, "Trafikverkets vägar")
    gold = {"name": "Kulturförvaltningen", "abbreviation": "KF"}
    one = {"name": "Kulturförvaltningen", "abbreviations": ["KF"], "aliases": []}
    alias_only = {"name": "Kultur", "abbreviations": [], "aliases": ["Kulturförvaltningen"]}
    assert linked_right(gold, [one])
    assert not linked_right(gold, [alias_only])
    assert not linked_right(gold, [one, alias_only])  # a duplicate actor for one organisation


@pytest.mark.parametrize(
    ("language", "country", "text", "name"),
    [
        ("sv", "SE", "Inom Regional Tillväxtstrategi (RTS) och Hållbar Stadsutveckling arbetar vi.", "RTS"),
        ("nb", "NO", "Midler fra Regionalt Næringsprogram (RNP) går til Bodø kommune.", "RNP"),
    ],
)
def test_programmes_and_projects_are_not_organisations(
    language: str, country: str, text: str, name: str
) -> None:
    r = ActorResolver(country=country)
    r.learn_from_text(text)
    orgs = [f.text for f in Finder(r, language).find(text, people=False) if f.label == "ORG"]
    assert not any(name in o or o.endswith(("utveckling", "program", "strategi")) for o in orgs)
    if country == "NO":
        assert "Bodø kommune" in orgs
