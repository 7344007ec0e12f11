"""Verb forms from the shipped table and the regular Swedish endings, and the main verb of a report sentence."""

from __future__ import annotations

import gzip

import pytest

from extractors.nlp.goal_model import features, verb_features
from extractors.nlp.goal_rules import rule_goal_type, tokens
from extractors.nlp.verbforms import DATA_FILE, analyse, main_verb

# Words written for these tests: (word, lemma, tense, passive); None where the word is no verb.
FORMS = [
    ("utvecklar", "utveckla", "present", False),
    ("anordnade", "anordna", "past", False),
    ("genomfördes", "genomföra", "past", True),
    ("genomförts", "genomföra", "supine", True),
    ("sammanställt", "sammanställa", "supine", False),
    ("kartlagd", "kartlägga", "participle", False),
    ("planeras", "planera", "present", True),
    ("hölls", "hålla", "past", True),
    ("deltog", "delta", "past", False),
    ("samverkat", "samverka", "supine", False),
    ("koordinerat", "koordinera", "supine", False),  # an -era verb the table may lack still reads
    ("gjennomført", "gjennomføre", "supine", False),
    ("arrangerte", "arrangere", "past", False),
    ("samarbeider", "samarbeide", "present", False),
]
NOT_VERBS = ["företag", "kommuner", "arbetet", "skolor", "samverkande", "har", "ble"]


@pytest.mark.parametrize(("word", "lemma", "tense", "passive"), FORMS)
def test_verb_forms(word: str, lemma: str, tense: str, passive: bool) -> None:
    form = analyse(word)
    assert form is not None
    assert (form.lemma, form.tense, form.passive) == (lemma, tense, passive)


@pytest.mark.parametrize("word", NOT_VERBS)
def test_nouns_participles_and_auxiliaries_are_not_verbs(word: str) -> None:
    assert analyse(word) is None


@pytest.mark.parametrize(
    ("sentence", "lemma", "tense"),
    [
        ("Kommunen har anordnat tre frukostmöten med handeln", "anordna", "supine"),
        ("Två nya broschyrer trycktes under hösten", "trycka", "past"),
        ("Företagarföreningen driver frågan vidare", "driva", "present"),
        ("Det ble gjennomført to samlinger for næringslivet", "gjennomføre", "supine"),
        ("Denna plan gäller för hela länet", "gälla", "present"),  # after a determiner comes a noun
        ("Underlaget ska tas fram under hösten", "ta", "present"),  # an s-passive after a modal
        ("Samarbetet behöver fördjupas", "fördjupa", "present"),
        ("Företagen som deltog har startat ett nätverk", "starta", "supine"),  # past the relative clause
        ("Det finns ett behov av samordning", "finna", "present"),
    ],
)
def test_main_verb_after_the_subject(sentence: str, lemma: str, tense: str) -> None:
    found = main_verb(tokens(sentence))
    assert found is not None
    assert (found[1].lemma, found[1].tense) == (lemma, tense)


def test_the_model_sees_the_reported_verb() -> None:
    assert verb_features("Projektgruppen har samverkat med handelsföreningen") == [
        "__mv_samverka",
        "__mt_supine",
        "__mt_supine_act",
    ]
    assert verb_features("Ett attraktivt centrum") == ["__noverb"]
    assert "__mv_samverka" in features("goal_type", "Projektgruppen har samverkat med handelsföreningen")


def test_rules_leave_the_fallback_to_the_model() -> None:
    text = "Kommunens roll i regionen"  # no rule speaks
    assert rule_goal_type(text) == "qualitative"
    assert rule_goal_type(text, default=None) is None


def test_shipped_table_is_what_the_build_writes() -> None:
    pytest.importorskip("spacy_lookups_data")
    from extractors.nlp.training.build_verb_forms import norwegian_rows, swedish_rows

    with gzip.open(DATA_FILE, "rt", encoding="utf-8") as fh:
        shipped = {tuple(line.rstrip("\n").split("\t")) for line in fh if not line.startswith("#")}
    built = {
        (lang, f, lm, t, str(int(p)))
        for lang, rows in (("sv", swedish_rows()), ("nb", norwegian_rows()))
        for f, lm, t, p in rows
    }
    assert shipped == built
