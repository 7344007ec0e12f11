"""Organisation names the rules cannot see, from the NER the project trains on its own annotations.

The rules find a name by its organisation word, a gazetteer entry or a definition; a name with
none of these ("Energikontor Sydost", "Klosser Innovasjon", "KPU") they miss. The statistical
NER (extractors/nlp/training/train_org_ner.py, shipped in extractors/data/org_ner/) reads such
names from context. It is asked only where the rules found nothing, and only shapes it gets
mostly right are kept: an acronym that is no everyday word, or a name of several capitalised
words that is no person and no compass-named area. Bare towns, single words and phrases with
lower-case words it gets wrong more often than right (docs/nlp.md), so those are left to the
rules. Texts are read in batches (`prefetch`), since one call per cell costs most of the time.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

MODEL_DIR = Path(__file__).resolve().parents[1] / "data" / "org_ner"

_ACRONYM = re.compile(r"[A-ZÅÄÖØÆ][A-ZÅÄÖØÆa-zåäöøæ]{0,2}[A-ZÅÄÖØÆ]{1,5}")
_CAPITALISED = re.compile(r"[A-ZÅÄÖØÆÉ0-9][\w&.'’-]*")


@functools.cache
def model(path: Path = MODEL_DIR) -> Any | None:
    """The trained pipeline, once per process; None where it is not shipped."""
    if not (path / "config.cfg").exists():
        return None
    import spacy

    return spacy.load(path)


def spans(texts: Iterable[str], path: Path = MODEL_DIR) -> dict[str, list[tuple[int, int]]]:
    """text -> the ORG spans the model reads in it (character offsets), for many texts at once."""
    nlp = model(path)
    unique = list(dict.fromkeys(t for t in texts if t.strip()))
    if nlp is None or not unique:
        return {t: [] for t in unique}
    return {
        text: [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "ORG"]
        for text, doc in zip(unique, nlp.pipe(unique, batch_size=128), strict=True)
    }


def kept_shape(surface: str, first_names: frozenset[str]) -> bool:
    """Is a learned span of a shape the model gets mostly right (measured on held-out issuers)?
    Not a heading in capitals or with a number, not words from two lines of a column layout."""
    from extractors.nlp.patterns import COMPASS, common_word

    if "\n" in surface or surface[:1].isdigit():
        return False
    if _ACRONYM.fullmatch(surface):
        return len(surface) <= 6 and not common_word(surface)  # "VD", "IT"; "HUVUDMÄN"
    words = surface.split()
    if len(words) < 2 or surface.isupper() or not all(_CAPITALISED.fullmatch(w) for w in words):
        return False
    if words[0] in first_names or words[0].lower() in COMPASS:
        return False  # a person; an area
    if all(common_word(w) for w in words):
        return False  # a heading in title case: "Artificiell Intelligens", "Hållbar Tillväxt"
    return surface[-1] not in ".,:;"
