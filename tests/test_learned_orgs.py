"""The trained organisation NER (`planextract run --ner-model`): what it adds, what it is kept from,
and that the shipped model is the one its training data builds. Sentences written for these tests;
the names in them are not in the annotated sets the model was trained on."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from extractors.nlp import gazetteer, learned_orgs
from extractors.nlp.finder import Finder
from extractors.nlp.training.train_org_ner import training_data_sha256
from extractors.normalise.actors import ActorResolver
from tests.conftest import corpus_pdf

NEW_NAMES = [
    (
        "sv",
        "Förstudien drivs av Energikontor Nordväst tillsammans med tre kommuner i länet.",
        "Energikontor Nordväst",
    ),
    (
        "nb",
        "Styringsgruppa har møtt representanter fra Marint Kompetansenettverk og to bedrifter.",
        "Marint Kompetansenettverk",
    ),
    (
        "nb",
        "Prosjektet samarbeider med Arctic Seafood Cluster om kurs for gründere i regionen.",
        "Arctic Seafood Cluster",
    ),
]


def _orgs(
    text: str, lang: str, model: Path | None, resolver: ActorResolver | None = None
) -> list[tuple[str, str]]:
    resolver = resolver or ActorResolver(country="NO" if lang == "nb" else "SE")
    return [(f.text, f.method) for f in Finder(resolver, lang, model).find(text) if f.label == "ORG"]


@pytest.mark.parametrize(("lang", "text", "name"), NEW_NAMES)
def test_the_model_reads_names_with_no_organisation_word_that_the_rules_miss(
    lang: str, text: str, name: str
) -> None:
    assert _orgs(text, lang, None) == []
    assert _orgs(text, lang, learned_orgs.MODEL_DIR) == [(name, "model")]


def test_the_model_is_not_asked_for_a_language_it_was_not_trained_on() -> None:
    finder = Finder(ActorResolver(country=None), "en", learned_orgs.MODEL_DIR)
    assert finder.model is None
    assert [
        f
        for f in finder.find("The course is run by Arctic Seafood Cluster and two schools.")
        if f.label == "ORG"
    ] == []


def test_a_name_the_document_defines_is_left_to_the_rules() -> None:
    text = (
        "Arbetet följer Regionala Tillväxtprogram (RTP). Kommunerna rapporterar till RTP och Nutek varje år."
    )
    assert (15, 40) in learned_orgs.spans([text])[text]  # the model reads the programme as a name
    resolver = ActorResolver(country="SE")
    resolver.learn_from_text(text)
    assert _orgs(text, "sv", learned_orgs.MODEL_DIR, resolver) == [("Nutek", "gazetteer")]


@pytest.mark.parametrize(
    ("surface", "kept"),
    [
        ("KPU", True),
        ("HNAB", True),
        ("VD", False),  # an everyday word
        ("HUVUDMÄN", False),  # a heading in capitals, not an acronym
        ("Energikontor Nordväst", True),
        ("Arctic Seafood Cluster", True),
        ("Östra Skaraborg", False),  # an area named by a compass word
        ("Anna Lindqvist", False),  # a person
        ("Artificiell Intelligens", False),  # a heading in title case
        ("FÖRVALTNING AV", False),
        ("2.3 Målgrupp", False),  # a numbered heading
        ("Kronoberg\nPartnerskap", False),  # words of two lines of a column layout
        ("Næringshagen i Orkdalsregionen", False),  # a lower-case word: left to the rules
        ("Tynset", False),  # one word
    ],
)
def test_only_shapes_the_model_gets_mostly_right_are_kept(surface: str, kept: bool) -> None:
    assert learned_orgs.kept_shape(surface, gazetteer.first_names()) is kept


def test_the_shipped_model_was_trained_on_the_annotations_shipped_with_it() -> None:
    """`make ner-model` rebuilds it; an annotation changed without retraining fails here."""
    meta = json.loads((learned_orgs.MODEL_DIR / "meta.json").read_text(encoding="utf-8"))
    assert meta["training_data_sha256"] == training_data_sha256()
    assert "development segments" in meta["description"]


def test_a_run_with_ner_model_adds_model_mentions_and_switching_it_re_extracts(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from pipeline.cli import app
    from pipeline.loader import load
    from pipeline.runner import RunOptions, execute

    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(corpus_pdf("handlingsplan_goteborg_2019_2021.pdf"), raw / "plan.pdf")
    out = tmp_path / "out"

    def run(ner_model: bool) -> object:
        return execute(
            RunOptions(paths=[str(raw)], out_dir=out, workers=1, progress=False, ner_model=ner_model)
        )

    run(False)
    rules_only = load(out).mentions
    assert "model" not in set(rules_only["method"])
    cli = CliRunner().invoke(
        app, ["run", str(raw), "--out", str(out), "--quiet", "--no-report", "--ner-model"]
    )
    assert cli.exit_code == 0, cli.output
    mentions = load(out).mentions
    added = mentions[mentions["method"] == "model"]
    assert "HIGAB" in set(added["text"])  # the property company, named only by its acronym in the plan
    assert len(mentions) > len(rules_only)
    again = run(True)
    assert again.skipped == 1 and again.refreshed == 0  # type: ignore[attr-defined]
    back = run(False)
    assert back.skipped == 0 and back.refreshed == 1  # type: ignore[attr-defined]
    assert len(load(out).mentions) == len(rules_only)
