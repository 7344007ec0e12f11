"""Verb forms of Swedish and Norwegian words: lemma, tense and voice.

Goal statements in reports put the deciding verb after a subject and in the past
("Projektet har samverkat med …", "Två trycksaker har tryckts upp"), where a list of
opening infinitives cannot see it. There is no tagger for these languages here, so verbs
are recognised from a table of verb forms derived from spaCy's lemma lookups
(extractors/data/verb_forms.tsv.gz, rebuilt by extractors.nlp.training.build_verb_forms),
and regular Swedish endings are undone by rule for words the table does not hold.
"""

from __future__ import annotations

import functools
import gzip
import re
from dataclasses import dataclass

from extractors.nlp.gazetteer import DATA

DATA_FILE = DATA / "verb_forms.tsv.gz"
# Auxiliaries, copulas and modals: the main verb follows them.
AUXILIARIES = frozenset({
    "har", "hade", "haft", "hadde", "hatt", "är", "var", "varit", "er", "vært",
    "blir", "blev", "blivit", "ble", "blitt", "ska", "skall", "skulle", "skal",
    "bör", "borde", "bør", "burde", "kan", "kunde", "kunne", "måste", "må",
    "kommer", "kom", "vil", "ville", "vill", "behöver", "behøver",
    "ha", "vart", "blei", "vorte",
})  # fmt: skip
SHORT_VERB = re.compile(r"^[^aeiouyåäöæø]*[aeiouyåäöæø]$")  # gå, bli, se, nå, ta, tro


@dataclass(frozen=True)
class VerbForm:
    """One word read as a verb: its lemma, its tense (infinitive, present, past, supine,
    participle) and whether it is an s-passive."""

    word: str
    lemma: str
    tense: str
    passive: bool = False

    @property
    def finite(self) -> bool:
        return self.tense in ("present", "past")


def tense_by_ending(core: str, lemma: str, passive: bool) -> str | None:
    """The tense a Swedish form's ending shows (core: the form without its passive s)."""
    stem = lemma[:-1] if lemma.endswith("a") else lemma
    if core == lemma:
        return "present" if passive else "infinitive"  # "planeras" is also the present passive
    if core in (lemma + "r", stem + "er") or core == stem:
        return "present"
    if core.endswith(("de", "te")):
        return "past"
    if core.endswith("t"):
        return "supine"
    if core.endswith(("d", "da", "na", "en")):
        return "participle"
    if core.endswith(("or", "ar", "er", "et", "n", "s", "a", "e")):
        return None
    return "past"  # a strong past: deltog, höll, skrev


@functools.cache
def table() -> dict[str, dict[str, VerbForm]]:
    """lang -> form -> VerbForm, read once per process."""
    out: dict[str, dict[str, VerbForm]] = {"sv": {}, "nb": {}}
    if not DATA_FILE.exists():
        return out
    with gzip.open(DATA_FILE, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            lang, form, lemma, tense, passive = line.rstrip("\n").split("\t")
            out.setdefault(lang, {})[form] = VerbForm(form, lemma, tense, passive == "1")
    return out


@functools.cache
def _swedish_lemmas() -> frozenset[str]:
    return frozenset(f.lemma for f in table()["sv"].values())


# Regular Swedish endings: (ending, letters to cut, letters to add), most specific first; the
# last reads an s-passive of a short verb ("tas") onto its lemma.
_ENDINGS = (
    ("ade", 2, ""), ("dde", 3, ""), ("de", 2, "a"), ("te", 2, "a"), ("ar", 1, ""), ("er", 2, "a"),
    ("r", 1, ""), ("at", 1, ""), ("tt", 2, ""), ("it", 2, "a"), ("t", 1, "a"), ("ad", 1, ""),
    ("ada", 2, ""), ("da", 2, "a"), ("d", 1, "a"), ("", 0, "a"), ("", 0, ""),
)  # fmt: skip


def _swedish_guess(word: str) -> VerbForm | None:
    """A form the table lacks, read from a regular ending onto a known verb or an -era loan verb."""
    core, passive = (word[:-1], True) if word.endswith("s") else (word, False)
    for ending, cut, add in _ENDINGS:
        if not core.endswith(ending) or len(core) - cut < 2:
            continue
        lemma = core[: len(core) - cut] + add
        loan = lemma.endswith("era") and len(lemma) >= 7 and ending in ("ar", "ade", "at", "ad", "ada")
        if lemma in _swedish_lemmas() or loan:  # a loan verb: facilitera, faciliterat
            tense = tense_by_ending(core, lemma, passive)
            if tense is not None:
                return VerbForm(word, lemma, tense, passive)
    return None


def analyse(word: str, langs: tuple[str, ...] = ("sv", "nb")) -> VerbForm | None:
    """The word as a verb in the first language that knows it; None for auxiliaries and non-verbs."""
    low = word.lower()
    if low in AUXILIARIES or len(low) < 2 or low.endswith(("ande", "ende")):
        return None
    forms = table()
    for lang in langs:
        found = forms.get(lang, {}).get(low)
        if found is not None:
            return found
    return _swedish_guess(low) if "sv" in langs else None


_NOT_VERBS = frozenset({
    "att", "och", "eller", "som", "för", "av", "om", "med", "till", "i", "på", "inom", "mellan",
    "under", "efter", "från", "den", "det", "de", "en", "ett", "alla", "samtliga",
    "å", "og", "for", "til", "innen", "etter", "fra", "ei", "et",
    "hos", "vid", "ved", "hjå", "frå", "mot", "via", "bland", "blant",
})  # fmt: skip


_DETERMINERS = frozenset({
    "en", "ett", "denna", "detta", "dessa", "min", "mitt", "mina", "vår", "vårt",
    "våra", "sin", "sitt", "sina", "hans", "hennes", "deras", "varje", "ei", "et", "denne", "dette",
    "disse", "hver", "våre", "sine",
})  # fmt: skip


def main_verb(words: list[str], langs: tuple[str, ...] = ("sv", "nb")) -> tuple[int, VerbForm] | None:
    """The first finite verb after the clause's first word, or the verb after an auxiliary
    ("har samverkat", "ble gjennomført"), with its position; None when there is none. The verb
    of a relative clause is passed over ("De underlag som finns behöver …")."""
    relative = False
    for i, word in enumerate(words):
        if word == "som":
            relative = True
            continue
        if word in AUXILIARIES:
            if relative:
                relative = False
                continue
            for k in range(i + 1, min(i + 5, len(words))):
                form = None if words[k] in _NOT_VERBS else analyse(words[k], langs)
                if form is not None and (form.tense != "present" or form.passive):
                    return k, form  # an s-passive after an auxiliary is its infinitive: "ska tas fram"
            return None
        if i == 0 or word in _NOT_VERBS or words[i - 1] in _DETERMINERS:
            continue  # after "denna", "vår", "ett" comes a noun: "Denna plan gäller …"
        form = analyse(word, langs)
        if form is not None and form.finite:
            if relative:
                relative = False
                continue
            return i, form
    return None
