"""Organisation shapes and goal wording of issuers beyond the seeds (sentences written here, none
taken from the annotated sets), and the two annotated sets of other issuers' text."""

from __future__ import annotations

import pytest

from extractors.nlp.finder import Finder
from extractors.nlp.goal_rules import has_quantity, rule_goal_type, rule_level
from extractors.nlp.roles import looks_like_org
from extractors.nlp.themes import best_theme
from extractors.normalise.actors import ActorResolver


def _orgs(text: str, lang: str = "nb", cell: bool = False) -> dict[str, str | None]:
    """surface -> canonical name of the ORG mentions the finder gives, as a document run would."""
    resolver = ActorResolver(country="SE" if lang == "sv" else "NO")
    resolver.learn_from_text(text)
    finder = Finder(resolver, lang)
    return {f.text: f.name for f in finder.find(text, cell=cell, people=False) if f.label == "ORG"}


@pytest.mark.parametrize(
    ("text", "lang", "surface", "name"),
    [
        # a title-case name: an adjective or genitive before a capitalised head
        ("Saken gikk til Regionale Utviklingsutvalget i juni.", "nb", "Regionale Utviklingsutvalget", None),
        ("Vi fick stöd av Mellansvenska Turistrådet.", "sv", "Mellansvenska Turistrådet", None),
        ("Søknaden er skrevet av Sunnmøre Bondelag.", "nb", "Sunnmøre Bondelag", None),
        ("Projektägare är Bergsbyns Hembygdsförening.", "sv", "Bergsbyns Hembygdsförening", None),
        # heads of Norwegian and nynorsk bodies
        (
            "Saka vart lagd fram for Hovudutval for kultur og idrett.",
            "nn",
            "Hovudutval for kultur og idrett",
            None,
        ),
        ("Rapporten er laga av Kulturavdelinga.", "nn", "Kulturavdelinga", None),
        ("Kontrollutvalet bad om ein rapport frå Fylkesrevisjonen.", "nn", "Fylkesrevisjonen", None),
        ("Møtet i Regionrådet for Hadeland var i mars.", "nb", "Regionrådet for Hadeland", None),
        ("Hallands Kommunalförbund ansvarar för kursen.", "sv", "Hallands Kommunalförbund", None),
        ("Tilskudd ble gitt til Hedalen Bygdeservice BA.", "nb", "Hedalen Bygdeservice BA", None),
        ("Göteborgs Hamn AB och Higab AB deltar.", "sv", "Higab AB", None),  # two companies, not one
        ("Medel söktes hos Leader Sjuhärad och Leader Västerbotten 2020.", "sv", "Leader Sjuhärad", None),
        ("Regionalt forskningsfond Innlandet gav midler.", "nb", "Regionalt forskningsfond Innlandet", None),
        ("Kurset holdes av Fagskolen Innlandet.", "nb", "Fagskolen Innlandet", None),
        ("Saken behandles av Nordfjords kommunestyre.", "nb", "Nordfjords kommunestyre", None),
        ("Beslutet fattades av Åsele kommunfullmäktige i maj.", "sv", "Åsele kommunfullmäktige", None),
        (
            "Frågan bereds av socialförvaltningen och landsbygdsdepartementet.",
            "sv",
            "landsbygdsdepartementet",
            None,
        ),
        (
            "Med i gruppen var kultur- och fritidsförvaltningen.",
            "sv",
            "kultur- och fritidsförvaltningen",
            None,
        ),
        (
            "Næringsforeningen i Bodø og Fylkestinget i Nordland var med.",
            "nb",
            "Næringsforeningen i Bodø",
            None,
        ),
        ("Kurset gis av Opplæringskontoret for byggfag.", "nb", "Opplæringskontoret for byggfag", None),
        (
            "Elevane ved Voss vidaregåande skule og Katedralskolegymnasiet deltok.",
            "nn",
            "Voss vidaregåande skule",
            None,
        ),
        ("Midlar frå Sparbanksstiftelsen Skaraborg och Vik utviklingslag.", "nn", "Vik utviklingslag", None),
        (
            "Midler fra Sparebankstiftelsen Hedmark gikk til prosjektet.",
            "nb",
            "Sparebankstiftelsen Hedmark",
            None,
        ),
        ("Saka gjekk til Ulvik herad og Voss Ungdomsråd.", "nn", "Ulvik herad", None),
        (
            "Regionalt Samarbeidsforum Nordland (RSN) møtes. RSN vedtok planen.",
            "nb",
            "RSN",
            "Regionalt Samarbeidsforum Nordland",
        ),
        ("Evalueringen er gjort av PwC og Kairos Future.", "nb", "PwC", "PricewaterhouseCoopers"),
        # research institutes and their abbreviations, also in the genitive
        (
            "Analysen er gjort av NIFU og TØI. TØIs rapport kom i mai.",
            "nb",
            "TØIs",
            "Transportøkonomisk institutt",
        ),
        ("Analysen er gjort av NIFU og TØI.", "nb", "NIFU", None),
        ("Utvärderingen gjordes av VTI.", "sv", "VTI", "Statens väg- och transportforskningsinstitut"),
        # a member's party after the name
        ("Utvalget ledes av Kari Nordmann (H) og Ola Dunker (Sp).", "nb", "Sp", "Senterpartiet"),
        ("Ordförande är Anna Ek (S).", "sv", "S", "Socialdemokraterna"),
        # a national association named with a county or municipality is its regional branch
        ("Rådgivningen gjordes av Coompanion Jämtland.", "sv", "Coompanion Jämtland", "Coompanion Jämtland"),
        ("Møtet ble holdt hos NHO Vestland i mars.", "nb", "NHO Vestland", "NHO Vestland"),
        ("Företagarna Umeå och kommunen bjöd in.", "sv", "Företagarna Umeå", "Företagarna Umeå"),
        # savings banks, cooperatives, development companies, committees, hospitals, secretariats
        (
            "Sponsorer var Tjustbygdens Sparbank och SpareBank 1 Nordvest.",
            "sv",
            "Tjustbygdens Sparbank",
            None,
        ),
        ("Sponsorer var Tjustbygdens Sparbank och SpareBank 1 Nordvest.", "sv", "SpareBank 1 Nordvest", None),
        ("Driften sköts av Byaliv ekonomisk förening.", "sv", "Byaliv ekonomisk förening", None),
        (
            "Prosjektet eigast av Luster Utvikling og Stiftinga Sogn Næringshage.",
            "nn",
            "Luster Utvikling",
            None,
        ),
        (
            "Prosjektet eigast av Luster Utvikling og Stiftinga Sogn Næringshage.",
            "nn",
            "Stiftinga Sogn Næringshage",
            None,
        ),
        ("Bokningen sköts av Destination Sundsvall.", "sv", "Destination Sundsvall", None),
        ("Rapporten frå Sunnhordlandsrådet iks kom i mai.", "nn", "Sunnhordlandsrådet iks", None),
        ("Styret ga garanti for Dyrøy Energi A/S og Dyrøy Utleiebygg AS.", "nb", "Dyrøy Energi A/S", None),
        ("Styret ga garanti for Dyrøy Energi A/S og Dyrøy Utleiebygg AS.", "nb", "Dyrøy Utleiebygg AS", None),
        ("Studiet gis av Høgskolen i Buskerud og Vestfold.", "nb", "Høgskolen i Buskerud og Vestfold", None),
        ("Planen er laga med Møre og Romsdal bondelag.", "nn", "Møre og Romsdal bondelag", None),
        ("Søknaden kom frå Olden Bygdelag og Loen Vel.", "nn", "Olden Bygdelag", None),
        ("Søknaden kom frå Olden Bygdelag og Loen Vel.", "nn", "Loen Vel", None),
        ("Møtet vart leia av Stryn handelsforening.", "nn", "Stryn handelsforening", None),
        ("Kurset holdes av Institutt for bedriftsutvikling.", "nb", "Institutt for bedriftsutvikling", None),
        (
            "Utvärderingen gjordes av Centrum för studier om landsbygdens utveckling.",
            "sv",
            "Centrum för studier om landsbygdens utveckling",
            None,
        ),
        ("Projektet drivs av Lycksele Utveckling och Umeå Energi.", "sv", "Lycksele Utveckling", None),
        ("Projektet drivs av Lycksele Utveckling och Umeå Energi.", "sv", "Umeå Energi", None),
        (
            "Kurset holdes av Skogselskapet i Troms og Finnmark.",
            "nb",
            "Skogselskapet i Troms og Finnmark",
            None,
        ),
        (
            "Samrådet leds av Samverkanskommittén Norra Dalarna.",
            "sv",
            "Samverkanskommittén Norra Dalarna",
            None,
        ),
        ("Frågan togs upp i Regionala beredningen i maj.", "sv", "Regionala beredningen", None),
        ("Ärendet gick vidare till Gränskommittén.", "sv", "Gränskommittén", None),
        ("Avtalen er inngått med Sykehuset Levanger.", "nb", "Sykehuset Levanger", None),
        ("Møtet var i Kompetanseforum i Salten.", "nb", "Kompetanseforum i Salten", None),
        (
            "Saken går til Komite for helse og omsorg, som møtes i mai.",
            "nb",
            "Komite for helse og omsorg",
            None,
        ),
        (
            "Enligt utvecklingssekretariatets rapport ökade antalet.",
            "sv",
            "utvecklingssekretariatets",
            "Utvecklingssekretariatet",
        ),
        (
            "Avtalen er inngått med St. Olavs hospital HF.",
            "nb",
            "St. Olavs hospital HF",
            "St. Olavs hospital HF",
        ),
        ("Lokalene leies av Statsbygg.", "nb", "Statsbygg", "Statsbygg"),
        (
            "Saken drøftes i Rådet for personer med funksjonsnedsettelse og Eldrerådet.",
            "nb",
            "Rådet for personer med funksjonsnedsettelse",
            "Rådet for personer med funksjonsnedsettelse",
        ),
        (
            "Brottsförebyggande rådet stöder arbetet.",
            "sv",
            "Brottsförebyggande rådet",
            "Brottsförebyggande rådet",
        ),
        ("Svenska kyrkan och PRO Härnösand ordnar träffar.", "sv", "Svenska kyrkan", "Svenska kyrkan"),
        (
            "Utvärderingen gjordes av Ramböll Management Consulting.",
            "sv",
            "Ramböll Management Consulting",
            "Ramböll",
        ),
    ],
)
def test_organisation_shapes_of_other_issuers(text: str, lang: str, surface: str, name: str | None) -> None:
    got = _orgs(text, lang)
    assert surface in got, got
    if name is not None:
        assert got[surface] == name


@pytest.mark.parametrize(
    ("text", "lang", "not_an_org"),
    [
        ("Strategisk plan for Hadelandsregionen ble vedtatt.", "nb", "Hadelandsregionen"),  # a place here
        ("Nya jobb i Göteborgsregionen.", "sv", "Göteborgsregionen"),
        (
            "Prosjektet Region Kongsberg fortsetter med de samme eierne.",
            "nb",
            "Region Kongsberg",
        ),  # a project
        ("Rapporten finnes i IRIS-rapport 2019/12.", "nb", "IRIS"),  # part of a compound
        ("Se figur (A) og tabell 2 (B).", "nb", "A"),  # a label, not a party
        ("Både Trafikverket och Region Örebro län deltar.", "sv", "Både Trafikverket"),  # a sentence word
        ("HIT EE ELVA BRA HET BA", "sv", "HIT EE ELVA BRA HET BA"),  # a line in capitals
    ],
)
def test_names_that_are_no_organisation_here(text: str, lang: str, not_an_org: str) -> None:
    assert not_an_org not in _orgs(text, lang)


@pytest.mark.parametrize(
    ("text", "lang", "towns"),
    [
        (
            "Projektet finansierades av Region Gävleborg och kommunerna Bollnäs, Ovanåker och Ljusdal.",
            "sv",
            {"Bollnäs", "Ovanåker", "Ljusdal"},
        ),
        (
            "Arbetet sker i samverkan med länets kommuner (Borgholm, Mörbylånga och Kalmar).",
            "sv",
            {"Borgholm", "Mörbylånga", "Kalmar"},
        ),
        (
            "Regionen möter Enköpings, Heby och Östhammars kommuner två gånger om året.",
            "sv",
            {"Enköpings", "Heby", "Östhammars"},
        ),
        (
            "Rådet er et samarbeidsorgan for kommunene Enebakk, Vestby og Frogn.",
            "nb",
            {"Enebakk", "Vestby", "Frogn"},
        ),
        (
            "Kommuner: Kvænangen, Nordreisa og Skjervøy. Prosjekt: Omdømme.",
            "nb",
            {"Kvænangen", "Nordreisa", "Skjervøy"},
        ),
        ("Lofoten har regionrådet for Røst, Værøy og Moskenes.", "nb", {"Røst", "Værøy", "Moskenes"}),
        ("Finansiärer var kommunerna Tanum, Sotenäs och Lysekil.", "sv", {"Tanum", "Sotenäs", "Lysekil"}),
    ],
)
def test_towns_after_the_plural_or_in_brackets_are_municipalities(
    text: str, lang: str, towns: set[str]
) -> None:
    assert towns <= set(_orgs(text, lang))


def test_a_list_introduced_as_partners_names_organisations() -> None:
    got = _orgs(
        "Samarbeidspartnarar: Fjordgarden Bygdetun, Vinterfestivalen, Smak av Hardanger og Statens vegvesen",
        "nn",
    )
    assert {"Fjordgarden Bygdetun", "Vinterfestivalen", "Smak av Hardanger", "Statens vegvesen"} <= set(got)


def test_towns_acting_together_are_municipalities() -> None:
    got = _orgs("Hjo, Tibro och Skövde bidrar med 100 000 kronor var per år.", "sv")
    assert {"Hjo", "Tibro", "Skövde"} <= set(got)
    got = _orgs("Kring sjön samarbetar Hjo, Tibro och Skövde sedan länge.", "sv")
    assert {"Hjo", "Tibro", "Skövde"} <= set(got)


def test_a_development_heading_is_not_a_company() -> None:
    assert "Regional Utveckling" not in _orgs("Regional Utveckling och näringsliv i länet", "sv")


@pytest.mark.parametrize(
    "text",
    [
        "Leaderområdet omfattar kommunerna Hjo, Tibro och Skövde.",
        "Området omfattar Bräcke, Ånge och Sundsvalls kommuner.",
        "Många bor i kommunerna Hjo, Tibro och Skövde.",
    ],
)
def test_towns_an_area_covers_are_places(text: str) -> None:
    assert not {"Hjo", "Tibro", "Skövde", "Bräcke", "Ånge", "Sundsvalls"} & set(_orgs(text, "sv"))


def test_a_members_party_is_not_a_definition_of_their_name() -> None:
    assert _orgs("Det sier fylkesordfører Rune Hogsnes (H).", "nb") == {"H": "Høyre"}


def test_towns_alongside_a_place_are_places() -> None:
    got = _orgs("Lærdal vart vald ut som ein av fire pilotar, saman med Trysil, Røros og Vega.", "nn")
    assert not {"Trysil", "Røros", "Vega"} & set(got)


def test_towns_named_as_the_parties_of_a_collaboration_are_municipalities() -> None:
    got = _orgs("Avtalet om samarbetet mellan Aneby, Eksjö och Tranås förlängs.", "sv")
    assert got == {"Aneby": "Aneby kommun", "Eksjö": "Eksjö kommun", "Tranås": "Tranås kommun"}
    assert _orgs("Företag i Aneby, Eksjö och Tranås växer.", "sv") == {}  # places


@pytest.mark.parametrize(
    ("text", "lang", "towns"),
    [
        (
            "Medlemskommuner: Aneby, Eksjö, Tranås och Vetlanda.",
            "sv",
            {"Aneby", "Eksjö", "Tranås", "Vetlanda"},
        ),
        ("Selskapet er eigd av kommunane Stord, Fitjar og Tysnes.", "nn", {"Stord", "Fitjar", "Tysnes"}),
        ("Bodø, Saltdal og Beiarn kommuner har søkt om midler.", "nb", {"Bodø", "Saltdal", "Beiarn"}),
        ("Leaderområdet omfattar kommunerna Hjo, Tibro och Skövde.", "sv", set()),  # the area covered
    ],
)
def test_towns_as_members_and_owners(text: str, lang: str, towns: set[str]) -> None:
    assert {surface for surface in _orgs(text, lang) if " " not in surface} == towns


@pytest.mark.parametrize(
    ("text", "lang", "towns"),
    [
        # the list's head after the last name: the names before it are municipalities too
        ("Lunner, Jevnaker og Gran kommune samarbeider om planen.", "nb", {"Lunner", "Jevnaker"}),
        ("Han bor i Lunner, Jevnaker og Gran kommune.", "nb", set()),  # a place
        # the municipalities are the names after the last that is none ("Region Norrbotten")
        (
            "Delprojekt: Region Norrbotten, Bodens, Piteå och Luleå kommuner.",
            "sv",
            {"Bodens", "Piteå", "Luleå"},
        ),
        (
            "medan Nordanstigs- och Sundsvalls kommuner har finansierat arbetet.",
            "sv",
            {"Nordanstigs", "Sundsvalls"},
        ),
        (
            "Projektet ska samverka aktivt med Bollebygd, Herrljunga och Tranemo.",
            "sv",
            {"Bollebygd", "Herrljunga", "Tranemo"},
        ),
        (
            "Dalslandskommunerna Bengtsfors, Färgelanda och Åmål har gjort en kraftsamling.",
            "sv",
            {"Bengtsfors", "Färgelanda", "Åmål"},
        ),
        ("Turister i Dalslandskommunerna Bengtsfors och Åmål.", "sv", set()),
        (
            "Tillväxt norra Bohuslän samlar Strömstad, Tanum och Lysekil.",
            "sv",
            {"Strömstad", "Tanum", "Lysekil"},
        ),
    ],
)
def test_towns_listed_with_their_head_or_as_partners(text: str, lang: str, towns: set[str]) -> None:
    assert {surface for surface in _orgs(text, lang) if " " not in surface} == towns


def test_the_town_after_a_members_name_is_the_municipality_they_represent() -> None:
    text = "Arbeidsutvalget: Anita H Marthinussen, Lødingen (leder); Kjell-Børge Freiberg, Hadsel; Grete Ellingsen, Sortland"
    resolver = ActorResolver(country="NO")
    found = Finder(resolver, "nb").find(text)
    assert {f.text for f in found if f.label == "PER"} == {
        "Anita H Marthinussen",
        "Kjell-Børge Freiberg",
        "Grete Ellingsen",
    }
    assert {f.text: f.name for f in found if f.label == "ORG" and f.text != "Arbeidsutvalget"} == {
        "Lødingen": "Lødingen kommune",
        "Hadsel": "Hadsel kommune",
        "Sortland": "Sortland kommune",
    }


@pytest.mark.parametrize(
    ("text", "lang", "towns"),
    [
        ("Styringsgruppe: Hege Svendsen, ordfører i Eidsvoll (leder)", "nb", {"Eidsvoll"}),
        ("med kommunalrådet Peder Björk från Sundsvall som ordförande", "sv", {"Sundsvall"}),
        ("I Familjen Helsingborg ingår Bjuv, Båstad och Höganäs.", "sv", {"Bjuv", "Båstad", "Höganäs"}),
        ("Bjuv, Båstad och Höganäs, som samarbetar i nätverk, växer.", "sv", {"Bjuv", "Båstad", "Höganäs"}),
        ("Han flyttade från Sundsvall till Bjuv.", "sv", set()),  # places
        # one town doing what a body does, at the head of its clause
        ("Regionen söker medel, medan Håbo drog sig ur.", "sv", {"Håbo"}),
        ("Fylket har fått midler, slik også Seljord og Kviteseid har fått.", "nb", {"Seljord", "Kviteseid"}),
        ("Kommunen har eit fond, og Vinje deltek i tillegg i samarbeidet.", "nn", {"Vinje"}),
        ("Vi reiste til Vinje og deltok på møtet.", "nn", set()),  # a place
        # members after a dash, a list chosen, the bodies behind a plan
        (
            "Rådet har fire medlemskommunar – Tokke, Vinje, Seljord og Kviteseid.",
            "nn",
            {"Tokke", "Vinje", "Seljord", "Kviteseid"},
        ),
        (
            "Förbundet bildades av kommunerna i Sjuhärad – Borås, Mark och Tranemo.",
            "sv",
            {"Borås", "Mark", "Tranemo"},
        ),
        ("Han bor i kommunerna i Sjuhärad – Borås, Mark och Tranemo.", "sv", set()),  # an area
        (
            "Tokke, Vinje og Seljord ble i 2019 valgt ut som pilotkommuner.",
            "nb",
            {"Tokke", "Vinje", "Seljord"},
        ),
        ("Bak strategien står Tokke, Vinje og Seljord.", "nb", {"Tokke", "Vinje", "Seljord"}),
    ],
)
def test_towns_of_members_titles_and_groupings(text: str, lang: str, towns: set[str]) -> None:
    found = Finder(ActorResolver(country="SE" if lang == "sv" else "NO"), lang).find(text)
    assert {
        f.text
        for f in found
        if f.label == "ORG" and f.entry is not None and f.entry.actor_type == "municipality"
    } == towns


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Dokumentene ligger hos Mosseregionens Næringsutvikling.",
            "nb",
            {"Mosseregionens Næringsutvikling"},
        ),
        ("Vi møtte Indre Østfold Næringsutvikling i går.", "nb", {"Indre Østfold Næringsutvikling"}),
        ("Lokal Näringslivsutveckling är ett program.", "sv", set()),  # a programme, not a company
        ("Frågan bereds i näringslivsutskottet.", "sv", {"näringslivsutskottet"}),
        # a state agency written in lower case, as it often is; a common word is not one
        (
            "Deltagarna skrivs in via arbetsförmedlingen och boverket.",
            "sv",
            {"arbetsförmedlingen", "boverket"},
        ),
        ("Tiltaket søker støtte fra husbanken.", "nb", {"husbanken"}),
        ("Det lokale verket og banken ligger i sentrum.", "nb", set()),
        # English names with "of", a council, a branch named by its part of the country
        (
            "Partners: UiT The Arctic University of Norway, Luleå University of Technology, Regional Council of Lapland.",
            "en",
            {
                "UiT The Arctic University of Norway",
                "Luleå University of Technology",
                "Regional Council of Lapland",
            },
        ),
        ("The University Research Initiative started.", "en", set()),
        ("Vi samarbetar med LRF Väst och Coompanion Fyrbodal.", "sv", {"LRF Väst", "Coompanion Fyrbodal"}),
        ("Rapporten bygger på statistik från OECD.", "sv", {"OECD"}),
        ("Tiltaket gjennomføres med Volda frivilligsentral.", "nn", {"Volda frivilligsentral"}),
    ],
)
def test_development_companies_and_committees(text: str, lang: str, expected: set[str]) -> None:
    assert set(_orgs(text, lang)) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Saka går til hovudutvalet for kultur, næring og folkehelse og kontrollutvalet.",
            "nn",
            {"hovudutvalet for kultur, næring og folkehelse", "kontrollutvalet"},
        ),
        ("Saka gjekk til hovudutval for næring, møter i mai.", "nn", {"hovudutval for næring"}),  # a verb
        (
            "Saka gjekk til Kultur-, nærings- og folkehelseutvalet.",
            "nn",
            {"Kultur-, nærings- og folkehelseutvalet"},
        ),
        ("Saka gjekk til hovedutvalget.", "nb", set()),  # which one, the text does not say
        (
            "Utval for næring, kultur og idrett, og Sektor samfunnsutvikling",
            "nn",
            {"Utval for næring, kultur og idrett", "Sektor samfunnsutvikling"},  # a committee and a sector
        ),
        (
            "samarbeid med Høgskolen i Innlandet og Østlandsforskning",
            "nb",
            {"Høgskolen i Innlandet", "Østlandsforskning"},
        ),
        ("Høgskulen i Sogn og Fjordane", "nn", {"Høgskulen i Sogn og Fjordane"}),
        (
            "sammen med Nordkappregionen næringshage og Austevoll næringsråd",
            "nb",
            {"Nordkappregionen næringshage", "Austevoll næringsråd"},
        ),
        (
            "Företagarna Trosa-Gnesta och Företagarna Stenungsund & Tjörn",
            "sv",
            {"Företagarna Trosa-Gnesta", "Företagarna Stenungsund & Tjörn"},
        ),
        (
            "Nyföretagarcentrum Sverige samordnar arbetet.",
            "sv",
            {"Nyföretagarcentrum Sverige"},
        ),  # the national body
    ],
)
def test_committees_colleges_and_branches_named_whole(text: str, lang: str, expected: set[str]) -> None:
    assert set(_orgs(text, lang)) == expected


@pytest.mark.parametrize(
    ("text", "lang", "towns"),
    [
        (
            "Vallentuna söker tillsammans med Knivsta och Sigtuna om medel.",
            "sv",
            {"Vallentuna", "Knivsta", "Sigtuna"},
        ),
        ("Dessutom samverkar Tyresö med sju andra kommuner.", "sv", {"Tyresö"}),
        ("Hemsedal kommune søkjer om tilskot saman med Flå, Gol og Ål i år.", "nn", {"Flå", "Gol", "Ål"}),
        ("Lærdal vart vald ut som ein av fire pilotar, saman med Trysil, Røros og Vega.", "nn", set()),
        ("I området ingår Arboga, Kungsörs och Köpings kommuner.", "sv", set()),  # the area takes them in
        # a town named like a word ("Os", "Time") is that town in a list beside towns of no doubt
        ("Rådet er et samarbeidsorgan for kommunene Os, Tolga og Tynset.", "nb", {"Os", "Tolga", "Tynset"}),
        ("Vi plantet gran og furu i Os.", "nb", set()),
    ],
)
def test_towns_acting_jointly(text: str, lang: str, towns: set[str]) -> None:
    assert {surface for surface in _orgs(text, lang) if " " not in surface} == towns


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Rådet samarbeider med Hedmark og Trøndelag fylkeskommuner.",
            "nb",
            {"Hedmark": "Hedmark fylkeskommune", "Trøndelag fylkeskommuner": "Trøndelag fylkeskommune"},
        ),
        (
            "Partnere: Hedmark FK og Sør-Trøndelag FK. Vi spilte mot Bodø FK.",
            "nb",
            {"Hedmark FK": "Hedmark fylkeskommune", "Sør-Trøndelag FK": "Sør-Trøndelag fylkeskommune"},
        ),
        (
            "Projektet finansieras av EU och staten; EU:s regionalfond bidrar.",
            "sv",
            {"EU": "Europeiska unionen", "EU:s": "Europeiska unionen"},
        ),
        (
            "LO og NHO er enige.",
            "nb",
            {"LO": "Landsorganisasjonen i Norge", "NHO": "Næringslivets Hovedorganisasjon"},
        ),
        (
            "Satsningen på VR och AR fortsätter.",
            "sv",
            {},
        ),  # two letters read as a name only where it names one body
    ],
)
def test_county_councils_and_two_letter_names(text: str, lang: str, expected: dict[str, str]) -> None:
    assert _orgs(text, lang) == expected


def test_large_companies_named_without_a_legal_form() -> None:
    got = _orgs("Næringen domineres av Hydro, Statkraft og Kværner.", "nb")
    assert got == {"Hydro": "Norsk Hydro", "Statkraft": "Statkraft", "Kværner": "Kværner"}
    got = _orgs("Tetra Pak, Alfa Laval och Höganäs AB finns i Höganäs.", "sv")
    assert set(got) == {"Tetra Pak", "Alfa Laval", "Höganäs AB"}  # the town stays a place


def test_a_person_at_a_company_is_not_part_of_its_name() -> None:
    text = "Kontakt: Hanne Henriksen i Flakstad Utvikling AS."
    found = Finder(ActorResolver(country="NO"), "nb").find(text)
    assert {f.text for f in found if f.label == "ORG"} == {"Flakstad Utvikling AS"}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Saken behandles i Næringsalliansen på Hitra.", "nb", {"Næringsalliansen på Hitra"}),
        ("Saken behandles i Utviklingsrådet på Fosen.", "nb", {"Utviklingsrådet"}),  # no known place
        # a business alliance or science park is named after its area, known or not
        ("Saken behandles i Næringsalliansen på Fosen.", "nb", {"Næringsalliansen på Fosen"}),
        ("Leiar i Næringshagen i Orkdalsregionen.", "nn", {"Næringshagen i Orkdalsregionen"}),
        (
            "Dei reiser Innlandet Science Park og Campus Indre Østfold.",
            "nb",
            {"Innlandet Science Park", "Campus Indre Østfold"},
        ),
        (
            "Från: Nord-Troms regionråd DA og Indre Helgeland regionråd.",
            "nb",
            {"Nord-Troms regionråd DA", "Indre Helgeland regionråd"},
        ),
        (
            "Handelshøgskolen i Bodø og Norges Arktiske universitet søker.",
            "nb",
            {"Handelshøgskolen i Bodø", "Norges Arktiske universitet"},
        ),
        (
            "Arrangörer är Tillväxt Norra Bohuslän, Företagarna Höör och Näringsliv Ulricehamn.",
            "sv",
            {"Tillväxt Norra Bohuslän", "Företagarna Höör", "Näringsliv Ulricehamn"},
        ),
        (
            "Det beslutade kommunstyrelsens arbetsutskott och Tekniska förvaltningen.",
            "sv",
            {"kommunstyrelsens arbetsutskott", "Tekniska förvaltningen"},
        ),
        (
            "Saken ble sendt til Nordmøre Interkommunalt Politisk Råd og Telemark utviklingsfond.",
            "nb",
            {"Nordmøre Interkommunalt Politisk Råd", "Telemark utviklingsfond"},
        ),
        (
            "Projekten i Leader Sjuhärad 2023–2025 och Leader Lappland 2020 beviljades stöd.",
            "sv",
            {"Leader Sjuhärad", "Leader Lappland 2020"},  # a year in the name, not a period after it
        ),
        (
            "Finansiärer: Näringslivsbolaget i Sundsvall och Region Gävleborg.",
            "sv",
            {"Näringslivsbolaget i Sundsvall", "Region Gävleborg"},
        ),
        ("Kontakt kulturetaten i Tinn kommune.", "nb", {"Tinn kommune"}),  # a unit, named by its municipality
        (
            "Ärendet bereds av näringslivsenheten och tekniska nämnden.",
            "sv",
            {"näringslivsenheten", "tekniska nämnden"},
        ),
        ("Halti kvenkultursenter IKS har kontor i Nordreisa.", "nb", {"Halti kvenkultursenter IKS"}),
        ("Utvärderingsföretaget Kontigo AB skrev rapporten.", "sv", {"Kontigo AB"}),
        ("Parkeringsbolaget AB äger huset.", "sv", {"Parkeringsbolaget AB"}),
        (
            "Folloregionen IPR og Midt-Gudbrandsdal interkommunale politiske råd møttes.",
            "nb",
            {"Folloregionen IPR", "Midt-Gudbrandsdal interkommunale politiske råd"},
        ),
    ],
)
def test_bodies_named_with_their_place_unit_or_legal_form(text: str, lang: str, expected: set[str]) -> None:
    assert set(_orgs(text, lang)) == expected


@pytest.mark.parametrize(
    ("text", "context", "goal_type"),
    [
        ("Privat kjøpekraft i kommunen", "Indikatorar", "quantitative"),  # Q3: what an indicator measures
        ("Fler UF-företag i kommunen", "Indikatorer", "quantitative"),
        ("Indikator: Gjestetilfredshet blant besøkende", "", "quantitative"),  # its own label
        ("Privat kjøpekraft i kommunen", "Mål", None),
        # more of something is a direction with no number (L1), not a task delivered
        ("Flere nye bedrifter skal etableres i kommunen", "Mål", "qualitative"),
        ("Fler kommuninvånare ska känna till hur EU påverkar deras vardag.", "Mål", "qualitative"),
        ("Flere av delprosjektene er gjennomført.", "", "completion"),  # several of a known set
        ("Fleire verksemder har etablert eit nytt selskap.", "", "completion"),  # a report of what was done
    ],
)
def test_an_indicator_cell_names_a_measure(text: str, context: str, goal_type: str | None) -> None:
    assert rule_goal_type(text, default=None, context=context) == goal_type


def test_an_address_is_not_a_list_of_organisations() -> None:
    got = _orgs("Hole kommune, Storgata 4, Vik", "nb")
    assert set(got) == {"Hole kommune"}


def test_members_of_a_body_are_no_body() -> None:
    assert not looks_like_org("GR-kommuner")
    assert looks_like_org("YH-väst")


@pytest.mark.parametrize(
    ("text", "goal_type"),
    [
        ("Det er utvikla ein ny modell for vertskap i regionen.", "completion"),  # nynorsk participle in -a
        ("Ein forstudie vart gjennomført i 2021.", "completion"),
        ("Prosjektet vart ikkje realisert.", "completion"),
        ("En samlet reiselivsplan foreligger innen mars.", "completion"),
        ("Oppstart av det nye kurstilbodet hausten 2023", "completion"),
        ("Igangsatt arbeid med ny sentrumsplan", "completion"),
        ("Föreningarna ska ha tagit fram en handlingsplan.", "completion"),  # "ha" is an auxiliary
        ("Tilbudet til reisende er styrket.", None),  # a state changed, not a task done
        (
            "Regionen ska vara den plats där det är enklast att starta företag.",
            "qualitative",
        ),  # a state to be
        ("Omsetning i landbruksnæringa (NOK mill.)", "quantitative"),  # an indicator with its unit
        ("Sysselsättning i besöksnäringen", "quantitative"),
        ("Studieresor för lokala företagare", "completion"),  # events held (C4)
        ("Företagsbesök hos nya företag i kommunen", "completion"),
        ("Felles arbeid for utbedring av fv. 17 og rv. 80", None),  # road numbers are labels
        ("Festivalen er arrangert fire år på rad.", "process"),  # a repetition, not a count
        ("Bygda ligg ved den 12 km lange vegen til sentrum.", "qualitative"),  # the size of a thing
    ],
)
def test_goal_type_of_reports_and_goals_of_other_issuers(text: str, goal_type: str | None) -> None:
    assert rule_goal_type(text, default=None) == goal_type


def test_an_age_group_is_not_a_number_to_reach() -> None:
    assert not has_quantity("Kommunen skal trekke til seg flere 25–40-åringer")
    assert not has_quantity("Fler unga i åldern 16-24 år ska få sommarjobb")
    assert has_quantity("Minst 40 unga ska få sommarjobb")


@pytest.mark.parametrize(
    ("context", "level"),
    [
        ("Forventa resultat", "result"),
        ("Ønsket resultat", "result"),
        ("Förväntade resultat", "result"),
        ("Förväntat resultat", "result"),
        ("Förväntade effekter på sikt", "effect"),
    ],
)
def test_level_words_in_all_three_written_forms(context: str, level: str) -> None:
    assert rule_level("Fleire lokale bedrifter", context) == level


@pytest.mark.parametrize(
    ("context", "parent", "area", "level"),
    [
        # an expected outcome in an activity's row is activity-level, whatever the column is called (V4)
        ("Forventet resultat", "Etablere en felles næringsarealoversikt", "", "activity"),
        ("Förväntat resultat", "Visningsresor för företag", "Besöksnäring", "activity"),
        ("Förväntat resultat", "", "", "result"),
        ("Syfte", "Föreningsträffar för alla föreningar", "", "activity"),  # the activity's own purpose
        ("Forventet effekt", "Tilrettelegging for nye innbyggere", "", "activity"),
        ("", "Kunnskapsgrunnlag for besøksstrategi", "", "activity"),  # no heading at all
        # a goal heading under a strategic area is that area's goal (V5); with no area, the overall goal (V3)
        ("Mål", "", "Næringsutvikling", "sub"),
        ("Målsetting", "", "Landbruk", "sub"),
        ("Strategiskt mål: Arbetskraft", "", "Utbildning och kompetens", "sub"),
        ("Mål", "", "", "overall"),
        # a project's purpose or a goal lead-in stays overall under a heading
        ("Syfte", "", "Erfarenhetsutbyte om planering", "overall"),
        ("Målet blev att", "", "Kluster och innovation", "overall"),
        # indicators under their own headings
        ("Mått", "", "Fler arbetstillfällen", "activity"),
        ("Hur mäter vi arbetet med lokalt företagsklimat?", "", "", "activity"),
    ],
)
def test_level_of_outcomes_in_rows_and_of_area_goals(
    context: str, parent: str, area: str, level: str
) -> None:
    assert rule_level("Flere bedrifter får rettleiing", context, parent, area) == level


@pytest.mark.parametrize(
    ("heading", "level"),
    [
        ("Effektmål för projektet", "effect"),
        ("Forventa resultat", "result"),
        ("Delmal 2", "sub"),  # a level word written without its ring, as OCR and some fonts give it
        ("Innsatsområde 3: Reiseliv", "sub"),
        ("Indikatorer", "activity"),
        ("Övergripande mål", "overall"),
        ("Projektets mål", None),  # a bare goal word leaves the level to the document's structure
        ("Mål och aktiviteter", None),
    ],
)
def test_level_word_of_a_heading_for_the_document_structure(heading: str, level: str | None) -> None:
    from extractors.families.report_goals import level_of

    assert level_of(heading) == level


@pytest.mark.parametrize(
    ("text", "goal_type"),
    [
        ("Bransje- og klyngeutvikling", "process"),
        ("Felles profilering og markedsføring av regionen", "process"),
        ("Systematisering av gästundersökningar och omvärldsanalyser", "process"),
        ("Kompetanseheving for reiselivsbedriftene", "process"),
        ("Vidareføre etablerarrettleiinga i alle eigarkommunane", "process"),
        ("Tal på nyetableringar i regionen per år", "quantitative"),
        ("Utviklingsplan for sentrum", "completion"),
        ("Utvecklingen av regionen är god", "qualitative"),
        ("Mottagande av nya invånare i kommunen", "process"),
        ("Fjällnära – utveckling av besöksnäringen i västra Jämtland", "process"),
        ("Dialogmøter med næringslivet hvert kvartal", "process"),
        ("Även i år har kommunen genomfört en företagarenkät.", "process"),
        ("Arbeta för att 5G byggs ut i hela länet", "process"),
        ("Bygga ut 5 nya laddstationer", "quantitative"),
        ("Kommunen ska vara bland de 15 bästa i Svenskt Näringslivs ranking", "quantitative"),  # a rank
        ("Regionen skal være blant de åtte mest attraktive regionene å bo i", "quantitative"),
        ("Kommunen är en av de tre kommunerna som samverkar kring besöksnäringen", "qualitative"),  # a set
        ("Verdiskaping per ansatt i regionen", "quantitative"),
        ("Folkevekst i fylket målt mot landet", "quantitative"),
        ("Sysselsättning i kommunen jämfört med riket", "quantitative"),
        ("Befolkningsutveckling i kommunen", "quantitative"),
        ("Folketalsutvikling og alderssamansetjing i regionen", "quantitative"),
        ("Kommunen har träffat ett femtiotal företag under året.", "quantitative"),
        ("Kommunen skal halvere klimagassutsleppa innan 2030.", "quantitative"),
    ],
)
def test_nominal_titles_of_efforts_and_counts(text: str, goal_type: str) -> None:
    assert rule_goal_type(text, default=None) == goal_type


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("Auke verdiskapinga i havbruksnæringa", "business_climate"),
        ("Fleire kommersielle gjestedøgn i fylket", "tourism_visitors"),
        ("Områdeplan for sentrum", "land_physical_planning"),
        ("Flere etablerere får veiledning i næringshagen", "innovation_entrepreneurship"),
        ("Et bedre kollektivtilbud mellom byene", "infrastructure_transport"),
        ("Tilbakeflytting av unge voksne", "attractiveness"),
        ("Når Hamre-tunnelen er åpnet blir reisetiden kortere", "infrastructure_transport"),
        ("Antal nystartade företag per år", "innovation_entrepreneurship"),
        ("Spørreundersøkelse blant hytteeierne i kommunen", "tourism_visitors"),
        ("Nye turkart for fjellområdet", "tourism_visitors"),
        ("Renovering av bygdegården i Norrby", "attractiveness"),
        ("Utbygging av E39 gjennom fylket", "infrastructure_transport"),
        ("Kommunens placering i Nöjd Kund Index", "business_climate"),
        ("Fleire tomme gardar får fastbuande att", "attractiveness"),
        ("Netto innflytting til regionen per år", "attractiveness"),
        ("Satsing på bioenergi frå lokalt trevirke", "energy"),
        ("Fiberutbyggnaden på landsbygden är klar", "digitalisation"),
    ],
)
def test_theme_words_of_norwegian_plans(text: str, theme: str) -> None:
    assert best_theme(text)[0] == theme


def test_other_issuers_org_passages_are_consistent_and_scored() -> None:
    from pipeline.evaluation.scorers import org_set

    records = org_set.load(org_set.OTHER)
    assert len(records) >= 150 and sum(len(r["spans"]) for r in records) >= 280
    assert {r["lang"] for r in records} == {"sv", "nb", "nn"}
    for r in records:
        assert r["source"].startswith("http") and r["split"] in ("dev", "test", "test3", "test7")
        for start, end, label, name in r["spans"]:
            assert label == "ORG" and 0 <= start < end <= len(r["text"]) and name
    # a document's passages sit on one side of the split
    sides: dict[str, set[str]] = {}
    for r in records:
        sides.setdefault(r["seed"], set()).add(r["split"])
    assert all(len(s) == 1 for s in sides.values())
    dev = [r for r in records if r["split"] == "dev"]
    t = org_set.tally(dev, org_set.predict(dev))
    # measured on the development passages (ten rounds, 3211 mentions): F1 0.830, linking 0.948
    assert t.gold >= 3200 and t.f1 >= 0.80 and t.linking >= 0.92
    # two blind labellings of the first round agree on 0.990 of spans (286 mentions)
    agreed = org_set.agreement(records, org_set.load(org_set.OTHER_SECOND))
    assert agreed.gold >= 280 and agreed.f1 >= 0.95


def test_other_issuers_statements_split_between_training_and_test() -> None:
    from extractors.nlp.goal_model import OTHER_STATEMENTS, statements
    from pipeline.evaluation.scorers.goal_typing import OTHER_TEST, held_out_rows

    test = held_out_rows(OTHER_TEST)
    train = held_out_rows(OTHER_STATEMENTS)
    assert len(test) >= 150 and len(train) >= 150
    assert {r["lang"] for r in test} == {"sv", "nb", "nn"}

    def documents(rows: list[dict[str, str]]) -> set[str]:
        return {r["id"].split("-")[0] for r in rows}

    assert not documents(test) & documents(train)  # split by source document
    texts = {" ".join(r["text"].split()) for r in statements()}
    assert not [r["id"] for r in test if " ".join(r["text"].split()) in texts]
    assert {r["id"] for r in train} <= {r["id"] for r in statements()}
    # measured on the test half (never read): goal_type 0.747 -> 0.799 (n 154), level 0.872 (n 78), theme
    # 0.633 -> 0.651 (n 169) after rounds 5 -> 10
    from pipeline.evaluation.scorers.goal_typing import held_out

    for target, floor in {"goal_type": 0.77, "level": 0.83, "theme": 0.61}.items():
        accuracy, _rules, n = held_out(target, test)
        assert n >= 75 and accuracy >= floor, (target, accuracy, n)


def test_other_issuers_org_test_half_stays_above_its_measured_floor() -> None:
    from pipeline.evaluation.scorers import org_set

    test = [r for r in org_set.load(org_set.OTHER) if r["split"] == "test"]
    t = org_set.tally(test, org_set.predict(test))
    # measured (never read): F1 0.669 at first, 0.784 after two development rounds, 0.853 after five, 0.870
    # after nine; linking 0.967
    assert t.gold >= 180 and t.f1 >= 0.84 and t.linking >= 0.93
    test3 = [r for r in org_set.load(org_set.OTHER) if r["split"] == "test3"]
    t = org_set.tally(test3, org_set.predict(test3))
    # the third round's test half (never read): F1 0.723 before any of its round was read, 0.774 after five
    # rounds, 0.781 after nine
    assert t.gold >= 240 and t.f1 >= 0.75 and t.linking >= 0.90
    test7 = [r for r in org_set.load(org_set.OTHER) if r["split"] == "test7"]
    t = org_set.tally(test7, org_set.predict(test7))
    # the seventh round's test half (never read): F1 0.677 with the rules of the sixth round's start, 0.684 on
    # arrival, 0.730 after nine rounds
    assert t.gold >= 240 and t.f1 >= 0.69 and t.linking >= 0.92
    # its second blind labelling agrees on 0.996 of spans and 0.967 of canonical names
    agreed = org_set.agreement(test7, org_set.load(org_set.OTHER_TEST7_SECOND))
    assert agreed.gold >= 240 and agreed.f1 >= 0.95 and agreed.linking >= 0.9


def test_other_issuers_round_7_test_half_is_apart_from_training_and_above_its_floor() -> None:
    from extractors.nlp.goal_model import OTHER_STATEMENTS, statements
    from pipeline.evaluation.scorers.goal_typing import OTHER_TEST7, held_out, held_out_rows

    test = held_out_rows(OTHER_TEST7)
    train = held_out_rows(OTHER_STATEMENTS)
    assert len(test) >= 140 and {r["lang"] for r in test} == {"sv", "nb", "nn"}
    assert not {r["id"].split("-")[0] for r in test} & {r["id"].split("-")[0] for r in train}
    texts = {" ".join(r["text"].split()) for r in statements()}
    assert not [r["id"] for r in test if " ".join(r["text"].split()) in texts]
    # a second blind labelling of the same statements agrees on goal_type 0.953, level 0.917, theme 0.900
    from pipeline.evaluation.scorers.goal_typing import OTHER_TEST7_SECOND, agreement

    second = held_out_rows(OTHER_TEST7_SECOND)
    assert [r["id"] for r in second] == [r["id"] for r in test]
    for target, floor in {"goal_type": 0.9, "level": 0.85, "theme": 0.85}.items():
        agreed, n = agreement(target, test, second)
        assert n >= 45 and agreed >= floor, (target, agreed, n)
    # measured on arrival (never read): goal_type 0.787 (n 127), level 0.750 (n 48), theme 0.643 (n 140);
    # after ten rounds 0.843, 0.729, 0.643
    for target, floor in {"goal_type": 0.78, "level": 0.68, "theme": 0.59}.items():
        accuracy, _rules, n = held_out(target, test)
        assert n >= 45 and accuracy >= floor, (target, accuracy, n)


def test_other_issuers_round_3_test_half_is_apart_from_training_and_above_its_floor() -> None:
    from extractors.nlp.goal_model import OTHER_STATEMENTS, statements
    from pipeline.evaluation.scorers.goal_typing import OTHER_TEST3, held_out, held_out_rows

    test = held_out_rows(OTHER_TEST3)
    train = held_out_rows(OTHER_STATEMENTS)
    assert len(test) >= 150 and {r["lang"] for r in test} == {"sv", "nb", "nn"}
    assert not {r["id"].split("-")[0] for r in test} & {r["id"].split("-")[0] for r in train}
    texts = {" ".join(r["text"].split()) for r in statements()}
    assert not [r["id"] for r in test if " ".join(r["text"].split()) in texts]
    # measured (never read): goal_type 0.671 -> 0.712 -> 0.740 (n 146), level 0.794 -> 0.809 -> 0.824 (n 68),
    # theme 0.596 -> 0.634 -> 0.658 (n 161): on arrival, after round 5, after round 10
    for target, floor in {"goal_type": 0.69, "level": 0.77, "theme": 0.61}.items():
        accuracy, _rules, n = held_out(target, test)
        assert n >= 60 and accuracy >= floor, (target, accuracy, n)


def test_danish_bodies_by_their_full_names() -> None:
    """A Danish plan's partners: business promotion bodies, associations, institutes and universities."""
    text = (
        "Indsatsen udvikles med Erhvervshus Midtjylland, Teknologisk Institut, Dansk Industri, "
        "Landbrug & Fødevarer og Aarhus Universitet, finansieret af Danmarks Erhvervsfremmebestyrelse."
    )
    finder = Finder(ActorResolver(country="DK"), "da")
    found = {f.text: f.entry.country if f.entry else None for f in finder.find(text) if f.label == "ORG"}
    assert found == {
        "Erhvervshus Midtjylland": "DK",
        "Teknologisk Institut": "DK",
        "Dansk Industri": "DK",
        "Landbrug & Fødevarer": "DK",
        "Aarhus Universitet": "DK",
        "Danmarks Erhvervsfremmebestyrelse": "DK",
    }
