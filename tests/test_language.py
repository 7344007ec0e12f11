"""Language detection: the five written languages, the Bokmål/Nynorsk split, short text."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.nlp.language import detect_language, detect_language_blocks, marker_counts
from tests.conftest import SHARED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kommunen ska stärka samarbetet mellan kommunerna och näringslivet.", "sv"),
        ("Insatsen ska leda till att fler företag etablerar sig i regionen.", "sv"),
        ("Öka andelen elever som är behöriga till gymnasiet", "sv"),
        ("Oppnå vekst i regionen gjennom samarbeid", "nb"),
        ("Kommunen skal styrke samarbeidet mellom kommunene og næringslivet", "nb"),
        ("Vi ønsker at flere unge skal bosette seg i kommunen, og det er viktig at vi jobber sammen.", "nb"),
        ("Det er mulig å søke om midler til utviklingsprosjekter i regionen.", "nb"),
        ("Regionrådet vil arbeide for at ungdom kommer tilbake til regionen etter endt utdanning.", "nb"),
        ("Eg veit ikkje kva vi skal gjere med dei mykje", "nn"),
        ("Målet er å auke talet på arbeidsplassar i distrikta og styrkje busetjinga i heile fylket.", "nn"),
        ("Det er mogleg å søkje om midlar til utviklingsprosjekt i regionen.", "nn"),
        ("Fylkeskommunen skal leggje til rette for at fleire bedrifter kan vekse.", "nn"),
        ("Vi vil gerne styrke samarbejdet mellem kommunerne og erhvervslivet", "da"),
        (
            "Kommunen vil arbejde for, at flere unge bosætter sig i byen, og at virksomhederne får bedre vilkår.",
            "da",
        ),
        ("Strengthen cooperation between municipalities and businesses in the region.", "en"),
        ("The action plan describes how the city will implement the business strategy.", "en"),
        # languages the pipeline does not read are undetermined, not the nearest Nordic one
        ("Die Gemeinde will die Zusammenarbeit mit den Unternehmen der Region stärken.", "und"),
        ("Kunta vahvistaa yhteistyötä alueen yritysten kanssa.", "und"),
        ("El municipio fortalecerá la cooperación con las empresas de la región.", "und"),
        ("东北电气发展股份有限公司年度报告全文", "und"),
    ],
)
def test_sentences(text: str, expected: str) -> None:
    assert detect_language(text) == expected


@pytest.mark.parametrize(
    "text", ["", "   ", "2019 Q2", "Aktivitet 3", "GrF, SDF", "1 2 3 4 5 6 7 8 9 10 11 12"]
)
def test_short_or_letterless_text_is_und(text: str) -> None:
    assert detect_language(text) == "und"


def test_markers_count_only_one_standard() -> None:
    marks = marker_counts(["eg", "veit", "ikkje", "kva", "det", "er", "men", "det", "er", "mogleg"])
    assert marks["nn"] >= 4
    assert marks["nb"] == 0


def test_blocks_majority_by_length() -> None:
    blocks = [
        "Summary: The plan is about business development.",
        "Handlingsplanen beskriver hur staden ska genomföra det näringslivsstrategiska programmet "
        "under perioden och vilka förvaltningar och bolag som ansvarar för aktiviteterna.",
        "Insatserna följs upp årligen av kommunstyrelsen.",
        "Q2",
    ]
    assert detect_language_blocks(blocks) == "sv"
    assert detect_language_blocks(["", "12"]) == "und"


SEEDS = {
    "000_f4f39051b69da4ce.txt": "sv",
    "001_621b8c4c208abf8c.txt": "sv",
    "002_7db77f1f15032665.txt": "sv",
    "003_488c188bb9cdfe02.txt": "sv",
    "004_bd78da701178bb71.txt": "nb",
}


@pytest.mark.parametrize(("name", "expected"), sorted(SEEDS.items()))
def test_corpus_transcripts(name: str, expected: str) -> None:
    path = Path(SHARED) / "seeds" / name
    if not path.exists():
        pytest.skip(f"{path} not available")
    text = path.read_text(encoding="utf-8")
    assert detect_language(text[:20000]) == expected
    paragraphs = [p for p in text.split("\n\n") if p.strip()][:200]
    assert detect_language_blocks(paragraphs) == expected
