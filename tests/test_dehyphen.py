"""Line-break hyphenation: compounds joined, real hyphens, acronyms, numbers and suspended compounds kept."""

from __future__ import annotations

import re

import pytest

from extractors.pdf.dehyphen import SOFT_HYPHEN, is_compound_head, join_hyphenated, join_lines
from tests.conftest import corpus_pdf

JOINS = [
    # Swedish compounds broken at the compound boundary
    ("Grundskole-", "förvaltningen", "sv", "Grundskoleförvaltningen"),
    ("utvecklings-", "chef", "sv", "utvecklingschef"),
    ("Miljö-", "förvaltningen", "sv", "Miljöförvaltningen"),
    ("klimat-", "förvaltningen", "sv", "klimatförvaltningen"),
    ("Stadslednings-", "kontoret", "sv", "Stadsledningskontoret"),
    ("arbetsmarknads-", "utbildning", "sv", "arbetsmarknadsutbildning"),
    ("näringslivs-", "strategiska", "sv", "näringslivsstrategiska"),
    ("kompetensförsörjnings-", "frågor", "sv", "kompetensförsörjningsfrågor"),
    ("Göteborgs-", "regionen", "sv", "Göteborgsregionen"),
    ("kunskaps-", "lyft", "sv", "kunskapslyft"),
    ("samhällsbyggnads-", "förvaltningen", "sv", "samhällsbyggnadsförvaltningen"),
    # Swedish words broken between syllables
    ("näringslivsstra-", "tegiska", "sv", "näringslivsstrategiska"),
    ("aktivi-", "teter", "sv", "aktiviteter"),
    ("beslu-", "tet", "sv", "beslutet"),
    ("gymna-", "sieskolor", "sv", "gymnasieskolor"),
    ("Göte-", "borgs", "sv", "Göteborgs"),
    ("utmaning-", "ar", "sv", "utmaningar"),
    # Norwegian
    ("Grunn-", "skolen", "nb", "Grunnskolen"),
    ("nærings-", "utvikling", "nb", "næringsutvikling"),
    ("sam-", "arbeid", "nb", "samarbeid"),
    ("byregion-", "programmet", "nb", "byregionprogrammet"),
    ("innovasjons-", "selskap", "nb", "innovasjonsselskap"),
    ("lands-", "bygda", "nb", "landsbygda"),
    ("entreprenør-", "skap", "nn", "entreprenørskap"),
    # real hyphens between standalone words
    ("skola-", "näringsliv", "sv", "skola-näringsliv"),
    ("flicka-", "pojke", "sv", "flicka-pojke"),
    ("kvinna-", "man", "sv", "kvinna-man"),
    # numbers, acronyms, single letters, proper names, slashes
    ("2021-", "2035", "sv", "2021-2035"),
    ("Q2-", "Q4", "sv", "Q2-Q4"),
    ("YH-", "väst", "sv", "YH-väst"),
    ("EU-", "projekt", "sv", "EU-projekt"),
    ("IT-", "stöd", "sv", "IT-stöd"),
    ("LNU-", "programmet", "sv", "LNU-programmet"),
    ("e-", "tjänster", "sv", "e-tjänster"),
    ("Sverige-", "Norge", "sv", "Sverige-Norge"),
    ("Nord-", "Norge", "nb", "Nord-Norge"),
    ("Utvecklings-", "/teamledare", "sv", "Utvecklings-/teamledare"),
    # suspended compounds
    ("Kvalitets-", "och utvecklingschef", "sv", "Kvalitets- och utvecklingschef"),
    ("Park-", "och naturförvaltningen", "sv", "Park- och naturförvaltningen"),
    ("forsknings-", "eller innovationsstöd", "sv", "forsknings- eller innovationsstöd"),
    ("Kommunal-", "og moderniseringsdepartementet", "nb", "Kommunal- og moderniseringsdepartementet"),
    ("utbildnings-", "samt arbetsmarknadsfrågor", "sv", "utbildnings- samt arbetsmarknadsfrågor"),
]


@pytest.mark.parametrize(("left", "right", "lang", "expected"), JOINS)
def test_join_hyphenated(left: str, right: str, lang: str, expected: str) -> None:
    assert join_hyphenated(left, right, lang) == expected


def test_not_a_line_end_hyphen() -> None:
    assert join_hyphenated("Insats 2", "Aktivitet 1") == "Insats 2 Aktivitet 1"
    assert join_hyphenated("2019 -", "2020") == "2019 - 2020"
    assert join_hyphenated("för" + SOFT_HYPHEN, "valtningen") == "förvaltningen"
    assert join_hyphenated("", "ord") == "ord"


def test_compound_heads() -> None:
    assert is_compound_head("utvecklings")
    assert is_compound_head("grundskole")
    assert not is_compound_head("skola")


def test_join_lines() -> None:
    assert join_lines(["Grundskole-", "förvaltningen och", "utvecklings-", "chef"]) == (
        "Grundskoleförvaltningen och utvecklingschef"
    )
    soft = "Kvalitets-  ", f"och  utvecklings{SOFT_HYPHEN}chef på för{SOFT_HYPHEN}", "valtningen"
    assert join_lines(list(soft)) == "Kvalitets- och utvecklingschef på förvaltningen"
    assert join_lines(["förvaltningar/", "bolag"]) == "förvaltningar/bolag"
    assert join_lines(["Handlingsplan 2019–", "2021"]) == "Handlingsplan 2019–2021"
    assert join_lines(["", "  ", "Gr\u0075\u0308ndlig", ""]) == "Gründlig"
    assert join_lines(["Tiltak for økt sam-", "arbeid mellom kom-", "munene"], lang="nb") == (
        "Tiltak for økt samarbeid mellom kommunene"
    )
    assert join_lines([]) == ""


def test_goteborg_table_cells_match_gold() -> None:
    """Hyphenated words in the action plan's table cells come out as the gold spells them."""
    import json

    import pdfplumber

    pdf_path = corpus_pdf("handlingsplan_goteborg_2019_2021.pdf")
    gold = json.loads(pdf_path.with_suffix(".gold.json").read_text(encoding="utf-8"))
    gold_tokens = set(re.findall(r"[\w/-]+", json.dumps(gold, ensure_ascii=False)))
    hits = total = 0
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages[8:12]:
            for table in page.extract_tables():
                for row in table:
                    for cell in row:
                        if not cell or "-\n" not in cell:
                            continue
                        joined = join_lines(cell.split("\n"))
                        for token in re.findall(r"[\w/-]+", joined):
                            if len(token) > 12:
                                total += 1
                                hits += token in gold_tokens
    assert total > 30
    assert hits / total > 0.95


@pytest.mark.parametrize(
    ("left", "right", "broken"),
    [
        ("Vård- och omsor", "gsförvaltningen", True),  # a compound longer than its cell, cut with no hyphen
        ("Pågåend", "e", True),
        ("Arbetsförmedlinge", "n", True),
        ("Näringslivsavdeln", "ingen", True),
        ("Samhällsbyggnadsförvalt", "ningen", True),  # "förvaltningen" runs across the break
        ("Landsbygdsutveckla", "re", True),  # so does "utvecklare"
        ("analysarbete", "i Torsby", False),  # not "…e" / "i" read as Norwegian "ei"
        ("verksamhetsövergripande", "samordningsfunktion", False),  # two whole compounds
        ("Arbvux", "verksamheter", False),
        ("Kvæfj", "og", False),
        ("projektägare", "är", False),
        ("Kultur- och", "fritidsförvaltningen", False),
        ("Region", "Skåne", False),
        ("Regionen upphandlar", "en samordnad tjänst", False),  # a known word, then an article
        ("Kommunledningsförvaltning", "en", True),  # no word before it: the article is its ending
        ("Införa robotiserad", "processautomation", False),  # a rare word, then a compound of known ones
        ("Kompetensförsörj", "ningen", True),
    ],
)
def test_a_word_broken_in_a_narrow_cell(left: str, right: str, broken: bool) -> None:
    from extractors.pdf.dehyphen import broken_word, join_lines

    assert broken_word(left, right) is broken
    joined = join_lines([left, right], cell=True)
    assert joined == (left + right if broken else f"{left} {right}")
    assert join_lines([left, right]) == f"{left} {right}"  # running text never breaks a word unmarked


def test_a_danish_cell_is_joined_with_danish_words() -> None:
    from extractors.pdf.dehyphen import broken_word

    assert broken_word("inden", "udgangen af 2026", "da") is False  # two Danish words
    assert broken_word("inden", "udgangen af 2026", "sv") is True  # no Swedish or Norwegian word either


def test_a_nynorsk_adjective_ends_its_word() -> None:
    from extractors.pdf.dehyphen import broken_word

    assert broken_word("Etablere ein årleg", "næringskonferanse", "nn") is False
    assert broken_word("Løpand", "e", "nn") is True  # a lone letter still ends the word before


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["2026–20", "27"], "2026–2027"),
        (["2026–2", "027"], "2026–2027"),
        (["Tid: 2025–", "2026"], "Tid: 2025–2026"),
    ],
)
def test_a_year_cut_by_a_narrow_cell_is_whole_again(lines: list[str], joined: str) -> None:
    from extractors.pdf.dehyphen import join_lines

    assert join_lines(lines, cell=True) == joined
