"""Pattern rules for organisation names the gazetteers cannot list.

Swedish and Norwegian organisation names are mostly built from a few head words:
compounds ending in -förvaltningen, -nämnden, -kontoret, -verket, -direktoratet …;
"X kommun(e)", "Region X", "Länsstyrelsen i X", "X AB/AS", "X universitet",
"Høgskolen i X", "X regionråd", "Förvaltningen för X och Y". Each rule yields a
character span; the caller links it to an actor.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

U = "A-ZÅÄÖØÆÉÜ"
L = "a-zåäöøæéüß"
CAP = rf"[{U}][{L}{U}]*(?:-[{U}{L}][{L}{U}]*)*"  # Capitalised word, hyphen parts allowed
LOW = rf"[{L}][{L}]*-?"

# Norwegian counties whose names join two parts with "og" (present and former): a CAP run stops at "og".
TWO_PART_COUNTY = (
    r"(?:Møre og Romsdal|Sogn og Fjordane|Troms og Finnmark|Vestfold og Telemark|Oslo og Akershus)"
)

# "Östra Skaraborg", "Nedre Glomma", "Indre Skandinavia": areas named by a compass word
COMPASS = frozenset(
    {
        "östra",
        "västra",
        "norra",
        "södra",
        "mellersta",
        "nedre",
        "övre",
        "øvre",
        "indre",
        "ytre",
        "nordre",
        "søndre",
        "austre",
        "vestre",
        "midtre",
    }
)
COMPASS_WORD = "(?:" + "|".join(sorted(w.capitalize() for w in COMPASS)) + ")"

# Compound heads of organisation names (definite and indefinite forms).
HEADS = (
    r"förvaltningen|förvaltning|nämnden|nämnd|styrelsen|kontoret|verket|myndigheten|enheten|"
    r"fullmäktige|inspektionen|direktoratet|departementet|etaten|utvalget|tilsynet|"
    r"rådet|institutet|centrum|senteret|sekretariatet|stiftelsen|förbundet|forbundet|"
    r"kommunalförbund|kommunalförbundet|föreningen|foreningen|ämbetet|kammaren|byrån|"
    r"bolaget|regionen|avdelningen|avdelingen|avdelinga|utvalet|revisionen|revisjonen|tinget|kommittén|utskottet|utskott"
)
# Compounds that end like an organisation but are not one.
NOT_ORG = re.compile(
    r"(?i)(?:nätverket|hantverket|regelverket|ramverket|kraftverket|vattenverket|reningsverket|"
    r"stålverket|konstverket|fyrverket|området|samrådet|stadscentrum|köpcentrum|handelscentrum|"
    r"delregionen|storregionen|kärnregionen|funktionella regionen|hela regionen|arbetsmarknadsregionen)$"
)
# Legal forms that end a company's name ("Higab AB", "Nye Veier AS", "Hedalen Bygdeservice BA"), and Finland's
# "Ab" and "Oy" ("Närpes Vatten Ab").
LEGAL_FORM = r"(?:AB|Ab|Abp|Oy|Oyj|Aktiebolag|AS|A/S|ASA|SF|KF|IKS|iks|HF|BA|SA|DA|ANS|HB|KB)"
# Heads of association names, written capitalised in a title-case name ("Nordmøre Mållag").
ASSOCIATION_HEADS = r"förening|forening|mållag|bondelag|idrettslag|ungdomslag|historielag|sogelag|velforening"
# Words that open a sentence and end like an adjective or genitive but never start a name
# (besides STOP, which holds alle, hele, dessa, disse, begge, bägge).
NOT_NAME_START = frozenset({
    "både", "även", "hos", "medan", "dessutom", "ifølge", "samtliga", "sedan", "bare", "kanskje",
    "kanske", "mange", "många", "samme", "egne", "egna", "ulike", "olika", "store", "stora", "gamle",
    "gamla", "første", "första", "andra", "tredje", "siste", "sista", "neste", "nästa", "andres",
    "andras", "ens", "våra", "våre", "deras", "dine", "mine", "övriga", "øvrige",
})  # fmt: skip
# A common noun that introduces an organisation's own name: "klustret Köksriket",
# "kommunalförbundet Akademi Norr", "enheten Stöd och Styrning", "selskapet Arena Troms".
APPOSITION_ONE = (
    r"klustret|nätverket|kommunalförbundet|föreningen|intresseföreningen|företaget|bolaget|stiftelsen|"
    r"enheten|avdelningen|organisationen|förbundet|koncernen|myndigheten|"
    r"klyngen|nettverket|selskapet|foreningen|stiftelsen|bedriften|organisasjonen|interkommunale selskapet"
)
APPOSITION_MANY = (
    r"klustren|nätverken|företagen|bolagen|föreningarna|organisationerna|klyngene|nettverkene|selskapene|"
    r"bedriftene|organisasjonene"
)
# Units inside an organisation: "Planavdelningen", "Tillståndsenheten", "Strategiska avd."
UNIT_HEAD = re.compile(
    r"(?i)(?:avdelning|avdelningen|avd\.?|enhet|enheten|sektion|sektionen|gruppen|avdeling|avdelingen|seksjon|"
    r"seksjonen|sektor|sektoren)$"
)
NAME_WORD = rf"[{U}][{L}{U}0-9&]*(?:-[{U}{L}][{L}{U}]*)*"
# Head words of English organisation names ("Environmental Protection Agency"), where title case
# makes every defined term look like a name ("Minimum Equipment List").
ENGLISH_ORG_HEAD = re.compile(
    r"(?:Agency|Administration|Department|Ministry|Office|Bureau|Authority|Board|Commission|Committee|"
    r"Council|Directorate|Inspectorate|Secretariat|Institute|Institution|Cent(?:er|re)|Laboratory|"
    r"University|College|Academy|Association|Federation|Foundation|Society|Union|Organi[sz]ation|"
    r"Corporation|Company|Inc|Ltd|Limited|LLC|plc|Group|Bank|Trust|Parliament|Government|Court|Police|"
    r"Partnership|Chamber|Consortium|Alliance|Services?)s?\.?"
)


def english_org_name(name: str) -> bool:
    """An English name of two or more words whose head is an organisation word: the last word,
    or the word before "of/for/on" ("Department of Education", "National Center for …")."""
    words = name.split()
    if len(words) < 2:
        return False
    core = re.split(r" (?:of|for|on|in|to) ", name, maxsplit=1)[0].split()
    return ENGLISH_ORG_HEAD.fullmatch(core[-1]) is not None


# Lower-case civic bodies that are organisations on their own.
CIVIC = (
    r"kommunfullmäktige|kommunstyrelsen|regionfullmäktige|regionstyrelsen|landstingsfullmäktige|"
    r"kommunestyret|kommunstyret|formannskapet|fylkestinget|fylkesutvalget|bystyret|regionrådet|"
    r"landstingsstyrelsen|stadsfullmäktige|fylkesrådet|regionstyret|fylkesutvalet"
)
# Capitalised words that start a sentence or phrase, never a place name before "kommun".
STOP = {
    "varje",
    "denna",
    "vår",
    "hela",
    "den",
    "det",
    "din",
    "er",
    "hver",
    "egen",
    "annan",
    "samma",
    "vilken",
    "respektive",
    "berörd",
    "berörda",
    "eks",
    "en",
    "ett",
    "min",
    "deras",
    "sin",
    "all",
    "alla",
    "alle",
    "hele",
    "disse",
    "dessa",
    "begge",
    "bägge",
    "samtlige",
    "inom",
    "i",
    "för",
    "med",
    "och",
    "og",
    "att",
    "som",
    "vi",
    "de",
    "på",
    "av",
    "til",
    "till",
    "fra",
    "från",
    "enhver",
    "ny",
    "nya",
    "nye",
    "större",
    "mindre",
    "liten",
    "stor",
    "store",
    "vertskommune",
    "annen",
    "andre",
    "flera",
    "fler",
    "många",
    "mange",
    "även",
    "också",
    "også",
    "the",
    "a",
    "projektet",
    "prosjektet",
    "tiltak",
    "när",
    "når",
    "efter",
    "etter",
}


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    label: str  # ORG / LOC / PER
    rule: str
    confidence: float
    kind: str | None = None  # the actor_type the context gives ("klustret X": network)


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


# What a "X för/for …" name runs on with: lower-case words joined by commas and "och/og/samt" (not
# a conjunction or a relative word itself), then perhaps one more word before the end of the item,
# or an "om …" phrase.
_NOT_ITEM = r"(?!(?:som|der|där|hvor|vilket|hvilket|og|och|samt|eller)\b)"
FOR_TAIL = (
    rf"{LOW}(?:, {_NOT_ITEM}{LOW}){{0,3}}(?: (?:och|og|samt) {_NOT_ITEM}{LOW})?"
    rf"(?: {LOW}(?=\s*(?:$|[,;)\n]))| om {LOW}(?: {LOW})?(?=\s*(?:$|[,;.()\n]))"
    # "Rådet for personer med funksjonsnedsettelse": who the council is for
    rf"| med {LOW}(?: {LOW})?(?=\s*(?:$|[,;.()\n])|\s+(?:og|och|and)\s))?"
)

RULES: list[tuple[str, re.Pattern[str], float]] = [
    # "Förvaltningen för arbetsmarknad och vuxenutbildning", "Myndigheten för yrkeshögskolan"
    (
        "for_phrase",
        _rx(
            rf"\b(?:Förvaltningen|Nämnden|Myndigheten|Verket|Rådet|Stiftelsen|Institutet|Institutt|Direktoratet|"
            rf"Delegationen|Kommittén|Styrelsen|Utvalget|Utvalet|Utvalg|Utval|Hovedutvalg(?:et)?|Hovudutval(?:et)?|"
            rf"Senter|Senteret|Kompetansesenter|Centrum|Komite|Komiteen|Komité|Komitéen|"
            rf"[{U}][{L}]{{2,}}(?:styrelsen|nämnden|förvaltningen|rådet|utvalget|kontoret|kontor))"
            rf" (?:för|for) {FOR_TAIL}"
        ),
        0.8,
    ),
    # "hovudutvalet for samferdsel", "komiteen for landbruk, miljø og teknikk": a council's committees
    # in lower case in running text (a comma list only when an "og" closes it: "…, møter" is a verb)
    (
        "lower_committee",
        _rx(
            rf"\b(?:hovudutval(?:et)?|hovedutvalg(?:et)?|utvalet|utvalget|utval|komiteen|komitéen) for "
            rf"{LOW}(?:(?:, {_NOT_ITEM}{LOW}){{0,3}} (?:og|och) {_NOT_ITEM}{LOW})?"
        ),
        0.7,
    ),
    # "Kommunal- og moderniseringsdepartementet", "Park- och naturförvaltningen"
    (
        "suspended",
        _rx(rf"\b[{U}][{L}]+- (?:och|og) [{L}]+(?:{HEADS})s?\b"),
        0.85,
    ),
    # "Social resursförvaltningen", "Regionala utvecklingsnämnden"
    (
        "adj_compound",
        _rx(
            rf"\b[{U}][{L}]+(?:al|ell|isk|iska|ska|lig|liga|ala|alt) (?:[{L}]{{3,}}(?:förvaltningen|förvaltning|nämnden|"
            rf"nämnd|kontoret|rådet)|beredningen|forum)\b|\b[{U}][{L}]+iska (?:förvaltningen|nämnden)\b"
        ),
        0.7,
    ),
    # "Tillväxtrådet i Lidköpings kommun", "Länsstyrelsen i Östergötland", "Högskolan i Halmstad"
    (
        "head_in_place",
        _rx(
            rf"\b(?:[{U}][{L}]{{2,}}(?:styrelsen|rådet|nämnden|förvaltningen|kontoret|föreningen|foreningen|"
            rf"förbundet|forbundet|tinget|utvalget|utvalet|senteret|forum)|Länsstyrelsen|Landstinget|"
            rf"Högskolan|Universitetet|Høgskolen|Høgskulen|Statsforvalteren|Fylkesmannen|Handelskammaren|"
            rf"Kommunförbundet|Regionförbundet|Næringshagen|[{U}][{L}]{{2,}}(?:högskolan|høgskolen|høgskulen))"
            rf" (?:i|for|för) {CAP}(?: {CAP})?(?: (?:kommun|kommune|län|fylke|stad)\b)?"
        ),
        0.85,
    ),
    # "Sogn og Fjordane bondelag", "Skogselskapet i Møre og Romsdal", "NHO Oslo og Akershus": bodies named
    # after a county whose name has two parts
    (
        "two_part_county",
        _rx(
            rf"\b{TWO_PART_COUNTY} (?:[{L}]*(?:lag|råd|forbund|forening)|[Nn]æringsråd|[Bb]ondelag|"
            rf"(?i:bonde- og småbrukarlag))\b"
            rf"|\b(?:[{U}][{L}]{{2,}}(?:selskapet|laget|rådet|forbundet|foreningen|senteret)|NHO|LO|KS) "
            rf"(?:i )?{TWO_PART_COUNTY}\b"
        ),
        0.85,
    ),
    # "Arena Troms", "Arena Helse": the clusters of Innovasjon Norge's Arena programme
    ("arena", _rx(rf"\bArena {CAP}(?: {CAP})?"), 0.75),
    # "NCE Blue Maritime", "GCE Ocean Technology": Norwegian Centres of Expertise, the programme's clusters
    ("expertise_cluster", _rx(rf"\b[NG]CE (?:{CAP}|[{U}]{{2,}})(?: (?:{CAP}|[{U}]{{2,}})){{0,3}}"), 0.8),
    # "Sektor samfunnsutvikling", "Sektor kultur og oppvekst": a Norwegian municipality's sectors (not
    # "offentlig sektor gjennom …")
    (
        "sector",
        _rx(rf"\bSektor (?:for )?[{L}]{{4,}}(?:(?:, [{L}]{{4,}})* og [{L}]{{4,}})?(?![{L}])"),
        0.75,
    ),
    # "Region Blekinge", "Region Jämtland Härjedalen", "Landstinget Dalarna"
    (
        "region",
        _rx(rf"\b(?:Region|Regionförbundet|Landstinget|Kommunförbundet) (?!Region){CAP}(?: {CAP})?(?: län)?"),
        0.8,
    ),
    # "Bergslagspendelns Intressegrupp", "Byggnadsvårdens intresseförening"
    (
        "interest_group",
        _rx(rf"\b{CAP}\s(?:[Ii]ntressegrupp|[Ii]ntresseförening|[Ii]ntresseorganisation)(?:en)?\b"),
        0.75,
    ),
    # "Intresseföreningen Bergslaget", "Kommunförbundet Skåne"
    (
        "named_association",
        _rx(
            rf"\b(?:[{U}][{L}]{{2,}}(?:föreningen|foreningen|förbundet|forbundet|stiftelsen|kommittén)|Stiftelsen|Stiftinga)"
            rf" {CAP}(?: {CAP}){{0,2}}\b"
        ),
        0.75,
    ),
    # "Grundskoleförvaltningen", "Stadsbyggnadskontoret", "Tillväxtverket", "Hälsoteknikalliansen"
    ("compound", _rx(rf"\b[{U}][{L}]{{2,}}(?:-[{L}]+)?(?:{HEADS}|alliansen|akademien)\b"), 0.75),
    # lower-case civic bodies "kommunfullmäktige", "kommunestyret"
    ("civic", _rx(rf"\b(?i:{CIVIC})s?\b"), 0.7),
    # "kommunstyrelsens arbetsutskott", "Kommunstyrelsens förvaltning": a board's committee or office
    (
        "civic",
        _rx(r"\b(?i:kommunstyrelsens|regionstyrelsens) (?:[a-zåäö]*utskott(?:et)?|förvaltning)\b"),
        0.75,
    ),
    # "Göteborgs Hamn AB", "Lindholmen Science Park AB", "Bane NOR SF", "Halti kvenkultursenter IKS",
    # "St. Olavs hospital HF" (a saint's "St." opens the name)
    (
        "company",
        _rx(
            rf"(?:\b(?:St\.|S:t) )?\b(?!{LEGAL_FORM}\b)(?:{CAP}|[{U}]{{2,}})(?: (?!{LEGAL_FORM}\b)(?:{CAP}|[{U}0-9]{{2,}}|&|och|og|i|för|for)){{0,4}}"
            # "Sogn brann og redning IKS": lower-case words joined by "og" before the form
            rf"(?: (?!(?:kommun|kommune|fylkeskommune|regionråd|samkommune)\b)[{L}]{{4,}}(?: (?:og|och) [{L}]{{4,}})?)?"
            rf" {LEGAL_FORM}\b(?: \(publ\))?"
        ),
        0.85,
    ),
    # "Ludvika kommun", "Gratangen kommune", "Troms fylkeskommune", "Sør-Troms regionråd", "Malmö stad",
    # "Folloregionen IPR" (an interkommunalt politisk råd)
    (
        "municipal",
        _rx(
            rf"\b{CAP}(?: {CAP})? (?:kommun|[Kk]ommune|Stad|stad|fylkeskommune|[Rr]egionråd|[Kk]ommunalförbund|"
            rf"samkommune|landsting|[Rr]egionförbund|herad|IPR|(?i:interkommunal[et]? politisk[e]? råd))\b"
            rf"(?: (?:DA|IKS|KF)\b)?"
        ),
        0.85,
    ),
    # "Spenshults reumatikersjukhus", "Sahlgrenska sjukhuset", "Nordlandssykehuset"
    (
        "hospital",
        _rx(
            rf"\b(?:{CAP}s?\s[{L}]*|[{U}][{L}]{{2,}})(?:sjukhus|sjukhuset|sykehus|sykehuset)\b"
            rf"|\b(?:Sjukhuset|Sykehuset) {CAP}"
        ),
        0.75,
    ),
    # "klustret Köksriket", "kommunalförbundet Akademi Norr", "enheten Stöd och Styrning"
    (
        "apposition",
        _rx(
            rf"\b(?P<cue>(?i:{APPOSITION_ONE}))\s(?P<name>{NAME_WORD}(?:(?:\s(?:och|og|i|&))?\s{NAME_WORD}){{0,3}})"
        ),
        0.7,
    ),
    # "klustren ATC och Köksriket": a plural cue names several organisations
    (
        "apposition_list",
        _rx(
            rf"\b(?P<cue>(?i:{APPOSITION_MANY}))\s(?P<name>{NAME_WORD}(?:\s{NAME_WORD}){{0,3}}"
            rf"(?:(?:,\s*|\s(?:och|og|samt)\s){NAME_WORD}(?:\s{NAME_WORD}){{0,3}})+)"
        ),
        0.7,
    ),
    # "Regionala Utvecklingsnämnden", "Västsvenska Turistrådet", "Lundsbergs Bygdegårdsförening",
    # "Nordmøre Mållag", "Vest-Norges Brusselkontor": a name in title case, an adjective or a
    # genitive before its capitalised head (checked by _titled_ok)
    (
        "titled",
        _rx(
            rf"\b[{U}][{L}]+(?:-[{U}][{L}]+)?[aes] "
            rf"(?:[{U}][{L}]{{2,}}(?:{HEADS}|{ASSOCIATION_HEADS}|kontor)|(?i:{ASSOCIATION_HEADS}))\b"
        ),
        0.8,
    ),
    # "Gjøvikregionen Reiseliv", "Nordmøre Næringsråd", "Haugaland Vekst", "Visit Bergen", "Sapmi
    # næringshage", "Tillväxt Lidköping", "Företagarna Höör", "Kunnskapsparken i Rana": the development,
    # destination and business bodies of a place, named after it
    (
        "place_company",
        _rx(
            rf"\b{CAP}(?: {CAP})? (?:Reiseliv|[Nn]æringsråd|[Nn]æringsforum|Næringsforening|[Nn]æringsselskap|Vekst|"
            rf"Næring|Næringsutvikling|[Nn]æringshage|Kulturnæringshage|Næringskontor|Utvikling|[Uu]ngdomsråd|"
            rf"Turistråd|Turistbyrå|Näringslivsråd|Företagarförening|Reiselivslag|Næringsorganisasjon|"
            rf"Næringslag|Næringsallianse|Näringsliv|[Uu]tviklingsfond)\b"
            rf"|\b(?:Visit|Destination|Destinasjon|Tillväxt|Näringsliv|Företagarna|Kompetensforum) "
            rf"(?:{COMPASS_WORD} )?{CAP}(?: Region)?"
            rf"|\bBusiness [Rr]egion {CAP}|\b(?:Kunnskapsparken|Næringsalliansen) (?:(?:i|på) )?{CAP}"
            rf"|\b{CAP}(?: {CAP})? (?:Utveckling|Kraft|Energi|Turism|Bostäder)\b"
        ),
        0.75,
    ),
    # "Hovin utviklingslag", "Skärhamns byalag": a local association named after its place
    (
        "local_association",
        _rx(
            rf"\b{CAP} (?:(?i:utviklingslag|bygdeutviklingslag|grendalag|grendelag|bygdelag|bondelag|"
            rf"bygdekvinnelag|velforening|idrettslag|historielag|ungdomslag|hembygdsförening|bygdegårdsförening|"
            rf"byalag|intresseförening|företagarförening|näringslivsförening|næringsforening|handelsforening|"
            rf"idrottsförening|idrottsklubb|bonde- og småbrukarlag|frivilligsentral|frivilligcentral)|Vel)\b"
        ),
        0.75,
    ),
    # "Storumans kommunfullmäktige", "Bodø kommunestyre", "Sogndal formannskap": a council with its place
    (
        "place_council",
        _rx(
            rf"\b{CAP} (?:kommunfullmäktige|kommunstyrelse|kommunstyrelsen|kommunestyre|kommunestyret|"
            rf"formannskap|formannskapet|bystyre|bystyret|regionfullmäktige|regionstyrelsen|fylkesting|fylkestinget)\b"
        ),
        0.8,
    ),
    # "Kvinnherad vidaregåande skule", "Hvilans folkhögskola", "Munkagårdsgymnasiet"
    (
        "school_name",
        _rx(
            rf"\b{CAP}(?: {CAP})? (?:vidaregåande skule|videregående skole|[Ff]olkhögskola|[Ff]olkehøgskole|"
            rf"[Ff]olkehøgskule|gymnasieskola)\b|\b[{U}][{L}]{{3,}}gymnasiet\b"
        ),
        0.75,
    ),
    # "landsbygdsdepartementet", "individ- och omsorgsförvaltningen", "näringslivsenheten", "tekniska
    # nämnden": written in lower case in running Swedish text, still one body
    (
        "lower_body",
        _rx(
            rf"(?<![{L}{U}-])(?:(?:[{U}{L}][{L}]*-, )*[{L}]+- (?:och|og) )?(?!hoved|hovud)[{L}]{{4,}}"
            rf"(?:departementet|förvaltningen|nämnden|sekretariatet|kontoret|enheten|utskottet|utvalet|utvalget)s?\b"
            rf"|(?<![{L}{U}-])[{L}]{{4,}}a nämnden?s?\b"
        ),
        0.7,
    ),
    # "Leader Halland", "Leader Skellefteå Älvdal", "Leader Lapland 2020": the local action groups
    # of the EU's Leader method (associations)
    # (a year is part of the name, "Leader Lappland 2020", not the start of a period: "… 2023–2025")
    (
        "leader",
        _rx(rf"\bLeader {CAP}(?: {CAP}){{0,2}}(?: 20\d\d(?!\s*[–-]\s*\d))?(?: ideell förening)?"),
        0.75,
    ),
    # "Regionalt forskningsfond Vestlandet", "Regionale forskingsfond Agder"
    (
        "research_fund",
        _rx(rf"\bRegional(?:t|e) [Ff]orsk(?:n)?ingsfond(?:et)?(?: {CAP})?"),
        0.8,
    ),
    # "Fagskolen Gokstad Akademiet", "Folkhögskolan Hvilan": a school named after its kind
    (
        "school",
        _rx(
            rf"\b(?:Fagskolen|Fagskulen|Folkhögskolan|Folkehøgskolen|Folkehøgskulen|Yrkeshögskolan) {CAP}(?: {CAP})?"
        ),
        0.75,
    ),
    # "Sala Sparbank", "SpareBank 1 Søre Sunnmøre", "Sparebanken Vest": savings banks named after their place
    (
        "savings_bank",
        _rx(
            rf"\b{CAP}(?: {CAP})? (?:Sparbank|Sparebank)\b|\bSpare[Bb]ank ?1 {CAP}(?: {CAP})?"
            rf"|\bSparebanken (?:{TWO_PART_COUNTY}|{CAP}(?: {CAP})?)"
        ),
        0.8,
    ),
    # "Piteå Science Park", "Arctic Business Incubator", "Krinova Incubator & Science Park", "Science Park
    # Skövde", "Campus Dalsland": science parks, incubators and campus bodies, named after their place
    (
        "innovation_body",
        _rx(
            rf"\b(?:{CAP} ){{1,2}}(?:Science Park|Science City|Incubator|Inkubator|Innovation Cent(?:re|er))"
            rf"(?: Center)?(?: & Science Park)?\b|\bScience Park {CAP}|\bInkubatorn (?:i )?{CAP}"
            rf"|\bCampus {CAP}(?: {CAP})?"
        ),
        0.75,
    ),
    # "Ywood ekonomisk förening", "Hela Byn ideell förening": a cooperative or association by its legal form
    # (also "Sjöbo Handel & Turism ekonomisk förening": its "&" joins the words of its name)
    ("cooperative", _rx(rf"\b{CAP}(?: (?:& )?{CAP}){{0,3}} (?:ekonomisk|ideell) förening\b"), 0.8),
    # "Företagarna i Närpes rf", "Svenska kulturfonden rf": a registered association of Finland (no "och" inside,
    # so "NTM-centralen i Österbotten och Företagarna i X rf" stays two)
    ("cooperative", _rx(rf"\b{CAP}(?: (?:[{L}]{{4,}}|i|för|{CAP})){{0,4}} (?:rf|r\.f\.)(?!\w)"), 0.8),
    # "Göteborgs universitet", "Chalmers tekniska högskola", "Nord universitet", "Jönköping University"
    (
        "university",
        _rx(
            rf"\b{CAP}(?: [{L}]+a| [{U}{L}][{L}]+e)? (?:[Uu]niversitet|universitetet|högskola|högskolan|høgskole|høgskule|"
            rf"universitetssjukhus)\b"
        ),
        0.85,
    ),
    # "Regional Council of Lapland", "Council of Oulu Region": an English council's name
    ("council", _rx(rf"\b(?:(?:Regional|County|Municipal) )?Council of (?:the )?{CAP}(?: {CAP})?\b"), 0.8),
    # "Høgskolen i Buskerud og Vestfold": a university college named after two counties
    ("university_two_counties", _rx(rf"\b(?:Høgskolen|Høgskulen|Högskolan) i {CAP} og {CAP}"), 0.85),
    # "Jönköping University", "Ohio State University", "University of Bergen" (not a longer
    # name it starts: "University Research Initiative")
    (
        "university",
        # also "UiT The Arctic University of Norway", "Luleå University of Technology"
        _rx(
            rf"\b(?:(?:{CAP} ){{1,3}}University(?! [{U}])(?: of {CAP}(?: {CAP})?)?|University of {CAP}(?: {CAP})?)\b"
        ),
        0.85,
    ),
]


def org_hits(text: str) -> Iterator[Hit]:
    """Every pattern match in `text` (overlaps are resolved by the caller)."""
    for name, rx, conf in RULES:
        for m in rx.finditer(text):
            if name.startswith("apposition"):
                yield from _named(text, m, name, conf)
                continue
            start, end = m.start(), m.end()
            surface = text[start:end]
            if name in ("compound", "adj_compound") and NOT_ORG.search(surface):
                continue
            if name == "adj_compound" and not common_word(surface.split()[0]):
                continue  # "Röhsska kulturförvaltningen": a name before the head, not an adjective
            if name == "titled" and not _titled_ok(surface):
                continue
            if name == "place_company" and not _place_company_ok(surface):
                continue
            if name == "lower_body" and _GENERIC_BEFORE.search(text[max(0, start - 30) : start]):
                continue  # "det kommunala näringslivskontorets arbete": any municipality's office
            if name == "university_two_counties" and not (
                _names_an_area(surface.rsplit(" ", 1)[-1]) or re.search(rf"{TWO_PART_COUNTY}$", surface)
            ):
                continue  # "Høgskolen i Innlandet og Østlandsforskning": two bodies, not one
            if name == "company" and _SHOUTED_SHORT_FORM.fullmatch(surface):
                continue  # "HIT EE ELVA BRA HET BA": a line in capitals, not a company
            if name == "company":
                start = _after_known_partner(text, start, end)
            start, surface = _strip_stopwords(text, start, end)
            if (
                not surface
                or end - start < 3
                or (surface[0].islower() and name not in ("civic", "lower_body", "lower_committee"))
            ):
                continue
            if name == "university" and " " not in surface:
                continue  # "The University": no name left once the article is gone
            if name in ("municipal", "region", "head_in_place"):
                start, end = _trim_place(text, start, end, name)
                surface = text[start:end]
            if name == "municipal" and not _municipal_ok(surface):
                continue
            if name == "region" and re.search(rf"[{U}][{L}]+ $", text[max(0, start - 30) : start]):
                continue  # "Business Region Göteborg" is a name, not "Region Göteborg"
            if name == "compound":
                end = _centre_place(text, start, end)
            yield Hit(start, end, "ORG", name, conf)


def _after_known_partner(text: str, start: int, end: int) -> int:
    """ "Region Dalarna och Visit Dalarna AB": a known organisation joined by "och/og" before a
    company is a partner of its own, so the company's name starts after the conjunction."""
    from extractors.nlp.gazetteer import load
    from extractors.normalise.actors import guess_actor_type

    surface = text[start:end]
    for m in re.finditer(r" (?:och|og) ", surface):
        before = surface[: m.start()]
        # "Jostedalen Bygdelag og Luster Næringsforum SA": a name whose head word says what body it
        # is ends before "og" (not "Bodø Havn og Logistikk AS", one company)
        if load().lookup(before) is not None or (
            before[:1].isupper() and " " in before and guess_actor_type(before) != "other"
        ):
            return start + m.end()
    return start


_CENTRE = re.compile(r"(?:centrum|center|senter|senteret)$")
# Heads of place companies that name them only beside a known place: after it ("Bodens Utveckling",
# "Skellefteå Kraft"; not "Regional Utveckling") or before it ("Destination Piteå", "Näringsliv
# Ulricehamn"; not an English report's "Destination Geary").
# "Överkalix Bostäder": a municipality's housing company, its legal form left out
_PLACE_BEFORE_HEAD = re.compile(r" (?:Utveckling|Kraft|Energi|Turism|Bostäder)$")
_HEAD_BEFORE_PLACE = re.compile(r"^(?:Destination|Näringsliv) ")


def _place_company_ok(surface: str) -> bool:
    words = surface.split()
    if _PLACE_BEFORE_HEAD.search(surface):
        return _known(words[0])
    if _HEAD_BEFORE_PLACE.match(surface):
        return _known(words[1])
    return True


def _centre_place(text: str, start: int, end: int) -> int:
    """ "Näringslivscentrum Töreboda", "Nyföretagarcentrum Ludvika": a centre is named with its
    place, so the name runs on over a known place written right after it on the same line."""
    if not _CENTRE.search(text[start:end]):
        return end
    from extractors.nlp.gazetteer import load

    follow = re.match(rf" ({CAP})(?![\w-])", text[end:])
    if follow and load().is_place(follow.group(1)):
        return end + follow.end()
    return end


def common_word(word: str, langs: tuple[str, ...] = ("sv", "nb", "da"), minimum: float = 3.0) -> bool:
    """A word of everyday Swedish, Norwegian or Danish (not a name): "Social", "Regionala", "Alla"."""
    from wordfreq import zipf_frequency

    low = word.lower()
    return max(zipf_frequency(low, lang) for lang in langs) >= minimum


def _named(text: str, m: re.Match[str], rule: str, conf: float) -> Iterator[Hit]:
    """The names after an apposition cue, each a hit unless it is a sentence word or a bare place."""
    start = m.start("name")
    if rule == "apposition":
        spans = [(start, m.end("name"))]
    else:
        spans = [
            (start + p.start(), start + p.end())
            for p in re.finditer(rf"{NAME_WORD}(?:\s{NAME_WORD})*", m.group("name"))
        ]
    for s, e in spans:
        words = text[s:e].split()
        if words[0].lower() in STOP or common_word(words[0]) and len(words) == 1 or _known(" ".join(words)):
            continue
        yield Hit(s, e, "ORG", rule, conf, _cue_kind(m.group("cue")))


# The actor_type an apposition cue gives its name ("enheten Stöd och Styrning": administration).
CUE_KINDS: tuple[tuple[str, str], ...] = (
    ("klust|klyng|nätverk|nettverk", "network"),
    ("intresseförening|förening|forening|förbund", "association"),
    ("företag|bolag|koncern|selskap|bedrift", "company"),
    ("enhet|avdelning", "administration"),
    ("myndighet", "state_agency"),
)


# A name in capitals before one of the two-letter forms that are also everyday letters.
_SHOUTED_SHORT_FORM = re.compile(rf"(?:[{U}0-9&]+ )+(?:BA|SA|DA|HB|KB)")


def _titled_ok(surface: str) -> bool:
    """The first word of a title-case name: not a sentence word ("Både Trafikverket"), not the
    genitive of a definite common noun ("Kommunens Näringslivskontor" names no body of its
    own), and the head not a compound that is no organisation."""
    first = surface.split(" ")[0]
    low = first.lower()
    if low in STOP or low in NOT_NAME_START or NOT_ORG.search(surface):
        return False
    if low.endswith(("ens", "ets", "ns", "ts")):  # the genitive of a definite noun
        return not (common_word(low[:-1], minimum=4.0) and not _known(first[:-1]))
    return True


def _cue_kind(cue: str) -> str | None:
    low = cue.lower()
    if "interkommunal" in low:
        return None
    return next((kind for stem, kind in CUE_KINDS if re.match(stem, low)), None)


# Words before a lower-case body that make it any such body, not a named one.
_GENERIC_BEFORE = re.compile(
    r"(?i)\b(?:det|den|de|ett|en|ei|eit|varje|kvar|hver|sitt|sin|sina|sine|vårt|vår|våra|egna|eget|"
    r"kommunala|kommunale|kommunens|kommunernas|kommunenes|regionala|regionale|lokala|lokale)\s+$"
)


def _names_an_area(word: str) -> bool:
    from extractors.nlp.gazetteer import load

    return load().names_an_area(word)


def _known(place: str) -> bool:
    from extractors.nlp.gazetteer import load

    gaz = load()
    low = place.casefold()
    return bool(
        gaz.places.get(low)
        or gaz.places.get(low.removesuffix("s"))
        or gaz.lookup(place)
        or gaz.lookup("Region " + place)
        or gaz.lookup(place + " län")
    )


def _trim_place(text: str, start: int, end: int, rule: str) -> tuple[int, int]:
    """Keep a two-word place only when it is a known one ("Upplands Väsby", "Jämtland Härjedalen")."""
    surface = text[start:end]
    words = surface.split(" ")
    if rule == "municipal":  # "Indre Helgeland regionråd": a council of an area named by a compass word
        if (
            len(words) == 3
            and not _known(" ".join(words[:2]))
            and not (words[0].lower() in COMPASS and words[2].lower() not in ("kommun", "kommune", "stad"))
        ):
            return start + len(words[0]) + 1, end
        return start, end
    if rule == "head_in_place":  # "Länsstyrelsen i X", "Regionrådet for X"
        m = re.search(r" (?:i|for|för) ", surface)
        head, sep, place = (surface[: m.start()], m.group(), surface[m.end() :]) if m else (surface, "", "")
    else:
        head, sep, place = surface.partition(" ")
    pwords = place.split(" ")
    heads = ("kommun", "kommune", "län", "fylke", "stad")
    compass = rule == "region" and pwords[0].lower() in COMPASS  # "Region Västra Bergslagen": an area
    if (
        sep
        and len(pwords) >= 2
        and pwords[-1] not in heads
        and not compass
        and not _known(" ".join(pwords[:2]))
    ):
        return start, start + len(head) + len(sep) + len(pwords[0])
    return start, end


def _municipal_ok(surface: str) -> bool:
    """ "Ludvika kommun", "Göteborgs stad": a known place or a genitive before the head word."""
    words = surface.split(" ")
    head, place = words[-1], " ".join(words[:-1])
    if words[0].lower() in STOP:
        return False
    if head.lower() not in ("kommun", "kommune", "stad"):
        return True
    from extractors.nlp.gazetteer import load

    gaz = load()
    base = place[:-1] if place.endswith("s") else place
    if gaz.places.get(place.casefold()) or gaz.places.get(base.casefold()) or place.endswith("s"):
        return True
    return gaz.lookup(surface) is not None  # a Danish "Haderslev Kommune": its full name, no bare place


# "Utvärderingsföretaget Kontigo AB", "Konsulentselskapet X AS": a common noun before the name.
_COMMON_COMPANY_NOUNS = ("företaget", "bolaget", "selskapet", "selskabet", "firmaet", "firman")


def _strip_stopwords(text: str, start: int, end: int) -> tuple[int, str]:
    """Drop leading sentence words ("Även Göteborgs Hamn AB" -> "Göteborgs Hamn AB") and a common
    noun naming what the company is ("Utvärderingsföretaget Kontigo AB")."""
    surface = text[start:end]
    while True:
        first, _, rest = surface.partition(" ")
        named_after = " " in rest and rest[:1].isupper()  # a name of its own follows
        if rest and (
            first.lower() in STOP or (first.lower().endswith(_COMMON_COMPANY_NOUNS) and named_after)
        ):
            start += len(first) + 1
            surface = rest
            continue
        return start, surface


_person_rx: re.Pattern[str] | None = None


def person_hits(text: str, first_names: frozenset[str]) -> Iterator[Hit]:
    """ "Förnamn (Förnamn) Efternamn" with a known given name: "Monica Lundin", "Carl-Johan Linér",
    "Kurt L. Olsen"."""
    global _person_rx
    if _person_rx is None:
        given = sorted(first_names, key=len, reverse=True)
        alt = "|".join(re.escape(n) for n in given)
        surname = rf"[{U}][{L}]+(?:-[{U}][{L}]+)?"
        _person_rx = re.compile(
            rf"\b(?:{alt})(?:-(?:{alt}))?(?: (?:{alt}))?(?: [{U}]\.?)?(?: (?:af|von|de|van))?(?: {surname})\b"
        )
    for m in _person_rx.finditer(text):
        yield Hit(m.start(), m.end(), "PER", "person", 0.7)


def company_names(text: str) -> list[str]:
    """Every "X AB" / "X AS" name in a text, for merging "Higab" into "Higab AB"."""
    rx = next(r for n, r, _ in RULES if n == "company")
    out = []
    for m in rx.finditer(text):
        _, surface = _strip_stopwords(text, m.start(), m.end())
        out.append(surface)
    return out


# Between the items of a list: ", ", " och ", ", og ", " samt ".
LIST_SEP = r"(?:,\s+|,?\s+(?:och|og|samt)\s+)"
# A capitalised name, or one with a lower-case tail when a list separator follows it
# ("Tåg i Bergslagen", "High voltage valley samt Samarkand"; not after a genitive:
# "YH-västs medlemmar").
_ITEM = (
    rf"[{U}][\w&\-]*(?: (?:(?:i|for|of|av|&) )?[{U}][\w&\-]*){{0,3}}"
    rf"(?:(?<!s)(?:\s[{L}][\w\-]*){{1,2}}(?={LIST_SEP}))?"
)
LIST_RX = re.compile(rf"(?<![\w-]){_ITEM}(?:,\s+{_ITEM})+(?:{LIST_SEP}{_ITEM})?")


def list_items(text: str) -> Iterator[list[tuple[int, int]]]:
    """Comma lists of capitalised items ("Intresseföreningen Bergslaget, Tåg i Bergslagen, Bergskraft")."""
    for m in LIST_RX.finditer(text):
        items: list[tuple[int, int]] = []
        for part in re.finditer(_ITEM, m.group()):
            items.append((m.start() + part.start(), m.start() + part.end()))
        if len(items) >= 3:
            yield items
