"""Finland-Swedish documents: Finland's bodies, its legal forms and its country (sentences written here)."""

from __future__ import annotations

from typing import Any

import pytest

from extractors.context import ExtractionContext
from extractors.nlp import _issued_in_finland
from extractors.nlp.finder import Finder
from extractors.normalise.actors import ActorResolver, guess_actor_type
from extractors.result import DocumentInfo, Extraction

TEXT = (
    "Programmet har tagits fram av Jakobstads stad tillsammans med Österbottens förbund, "
    "NTM-centralen i Österbotten och Företagarna i Jakobstad rf. Larsmo Plast Ab och "
    "Jakobstads Energi Oy deltog i arbetet, liksom Yrkeshögskolan Novia och Åbo Akademi."
)


def _orgs(text: str, country: str) -> dict[str, Any]:
    resolver = ActorResolver(country=country)
    resolver.learn_from_text(text)
    found = Finder(resolver, "sv").find(text, cell=False, people=False)
    return {f.text: f for f in found if f.label == "ORG"}


def test_finlands_bodies_and_legal_forms_are_organisations() -> None:
    orgs = _orgs(TEXT, "FI")
    assert {
        "Jakobstads stad",
        "Österbottens förbund",
        "Företagarna i Jakobstad rf",
        "Larsmo Plast Ab",
        "Jakobstads Energi Oy",
        "Yrkeshögskolan Novia",
        "Åbo Akademi",
    } <= set(orgs)
    assert orgs["Jakobstads stad"].name == "Jakobstads stad"


@pytest.mark.parametrize(
    ("name", "actor_type"),
    [
        ("Snellman Ab", "company"),
        ("Wärtsilä Abp", "company"),
        ("Företagarna i Jakobstad rf", "association"),
        ("Svenska kulturfonden rf", "association"),
    ],
)
def test_finlands_legal_forms_give_the_type(name: str, actor_type: str) -> None:
    assert guess_actor_type(name) == actor_type


def _context(issuer: str | None) -> ExtractionContext:
    from extractors.pdf.model import ParsedDocument
    from extractors.pdf.structures import DocumentLayout

    layout = DocumentLayout(document=ParsedDocument(path="x.pdf", pages=[], metadata={}), pages=[])
    result = Extraction(doc_id="t")
    result.info = DocumentInfo(doc_type="unknown", doc_type_confidence=0.5, language="sv", issuer=issuer)
    return ExtractionContext(layout=layout, result=result, actors=ActorResolver(country="SE"))


@pytest.mark.parametrize(
    ("issuer", "finnish"),
    [("Närpes stad", True), ("Österbottens förbund", True), ("Ludvika kommun", False), (None, False)],
)
def test_a_swedish_text_issued_by_a_body_of_finland_is_finlands(issuer: str | None, finnish: bool) -> None:
    assert _issued_in_finland(_context(issuer)) is finnish
