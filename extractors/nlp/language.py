"""Document and block language: sv, nb, nn, da, en or und.

lingua separates Swedish, Danish and English well, but on Norwegian it leans to Nynorsk for
ordinary Bokmål sentences ("Oppnå vekst i regionen gjennom samarbeid"), and Danish and
Norwegian share most short words. So lingua decides between Swedish, Danish, Norwegian and
English, and the Bokmål/Nynorsk (and Danish/Norwegian) split is settled by counting
spellings that only one written standard uses.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

LANGS: tuple[str, ...] = ("sv", "nb", "nn", "da", "en", "und")

_MIN_LETTERS = 20
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)

_MARKERS_FILE = Path(__file__).resolve().parents[1] / "data" / "language_markers.tsv"


@lru_cache(maxsize=1)
def _markers() -> dict[str, frozenset[str]]:
    """Spellings of one written standard only (nn, nb, da, no), from the shipped table.

    Only forms that are not also ordinary words of the other standard ("de", "ei", "vi", "som"
    are left out), so a count of them is evidence for one side.
    """
    groups: dict[str, set[str]] = {"nn": set(), "nb": set(), "da": set(), "no": set()}
    for line in _MARKERS_FILE.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("set\t"):
            continue
        key, _, word = line.partition("\t")
        if key in groups and word:
            groups[key].add(word.strip().lower())
    return {k: frozenset(v) for k, v in groups.items()}


_detector: Any = None
_lock = threading.Lock()


def _get_detector() -> Any:
    """Build the lingua detector once; building it loads models and takes about a second."""
    global _detector
    if _detector is None:
        with _lock:
            if _detector is None:
                from lingua import Language, LanguageDetectorBuilder

                ours = [
                    Language.SWEDISH,
                    Language.BOKMAL,
                    Language.NYNORSK,
                    Language.DANISH,
                    Language.ENGLISH,
                ]
                others = [getattr(Language, name) for name in _OTHER_LANGUAGES]
                _detector = LanguageDetectorBuilder.from_languages(*ours, *others).build()
    return _detector


# Languages a plan archive also holds (annexes, EU documents, neighbours' reports). They are in the
# model only so that a German or Finnish text is not forced into the nearest Nordic language:
# a text whose best match is one of them is "und".
_OTHER_LANGUAGES = (
    "GERMAN",
    "DUTCH",
    "FRENCH",
    "SPANISH",
    "ITALIAN",
    "PORTUGUESE",
    "FINNISH",
    "ESTONIAN",
    "ICELANDIC",
    "POLISH",
    "RUSSIAN",
    "ARABIC",
    "CHINESE",
    "JAPANESE",
    "KOREAN",
)


def preload() -> None:
    """Build the detector before workers fork (about 2 s), so no worker pays for it again."""
    detect_language("Kommunen ska stärka samarbetet mellan kommunerna och näringslivet.")


_LINGUA_CODES: dict[str, str] = {
    "SWEDISH": "sv",
    "BOKMAL": "nb",
    "NYNORSK": "nn",
    "DANISH": "da",
    "ENGLISH": "en",
}


def _lingua_scores(text: str) -> dict[str, float]:
    """Confidence per language code, "other" for the rest (they sum to about 1)."""
    values = _get_detector().compute_language_confidence_values(text)
    scores: dict[str, float] = {}
    for v in values:
        code = _LINGUA_CODES.get(v.language.name, "other")
        scores[code] = scores.get(code, 0.0) + float(v.value)
    return scores


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def marker_counts(words: list[str]) -> dict[str, int]:
    """How many tokens are spellings of one standard only (nn, nb, da, no)."""
    counts = Counter(words)
    markers = _markers()

    def hits(markers: frozenset[str]) -> int:
        return sum(n for w, n in counts.items() if w in markers)

    # Adjectives in -leg/-lege are Nynorsk ("mogleg", "særleg"); Bokmål writes -lig/-lige.
    nn_leg = sum(n for w, n in counts.items() if len(w) > 5 and w.endswith(("leg", "lege", "legt")))
    nb_lig = sum(n for w, n in counts.items() if len(w) > 5 and w.endswith(("lig", "lige", "ligt")))
    return {
        "nn": hits(markers["nn"]) + nn_leg,
        "nb": hits(markers["nb"]) + nb_lig,
        "da": hits(markers["da"]),
        "no": hits(markers["no"]),
    }


def _norwegian_standard(marks: dict[str, int], n_words: int) -> str:
    """nb unless Nynorsk spellings clearly outnumber Bokmål ones (Bokmål is far more common)."""
    nn, nb = marks["nn"], marks["nb"]
    if nn >= 2 and nn > 1.5 * nb:
        return "nn"
    if nn >= 1 and nb == 0 and n_words <= 12:
        return "nn"
    return "nb"


def detect_language(text: str) -> str:
    """Language code of ``text``: sv, nb, nn, da, en, or und when there is too little text."""
    if not text:
        return "und"
    letters = sum(1 for ch in text if ch.isalpha())
    if letters < _MIN_LETTERS:
        return "und"
    return _detect(text)


@lru_cache(maxsize=4096)
def _detect(text: str) -> str:
    scores = _lingua_scores(text)
    if not scores:
        return "und"
    grouped = {
        "sv": scores.get("sv", 0.0),
        "no": scores.get("nb", 0.0) + scores.get("nn", 0.0),
        "da": scores.get("da", 0.0),
        "en": scores.get("en", 0.0),
        "other": scores.get("other", 0.0),
    }
    best = max(grouped, key=lambda k: (grouped[k], k))
    if best == "other":
        return "und"  # German, Finnish, Chinese …: not one of the languages the pipeline reads
    words = _words(text)
    marks = marker_counts(words)
    if best in ("no", "da"):
        da, no = marks["da"], marks["no"]
        if best == "da" and no >= 2 and no > 2 * da:
            best = "no"
        elif best == "no" and da >= 2 and da > 2 * no:
            best = "da"
    if best == "no":
        return _norwegian_standard(marks, len(words))
    return best


def detect_language_blocks(texts: list[str]) -> str:
    """Majority language of several blocks, each weighted by its number of letters.

    Blocks too short to call are left out; a tie goes to the language of the longest block.
    """
    weights: dict[str, int] = {}
    longest: dict[str, int] = {}
    for text in texts:
        lang = detect_language(text)
        if lang == "und":
            continue
        n = sum(1 for ch in text if ch.isalpha())
        weights[lang] = weights.get(lang, 0) + n
        longest[lang] = max(longest.get(lang, 0), n)
    if not weights:
        joined = " ".join(texts)
        return detect_language(joined)
    return max(weights, key=lambda k: (weights[k], longest[k], k))
