"""Goal type, level and theme: the written rules on statements beyond the corpus, and the trained model's CV floor."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.nlp.goal_model import classify, cross_validate, labelled, statements
from extractors.nlp.goal_rules import has_quantity, rule_goal_type, rule_level, rule_theme
from schemas.tables import ENUMS, THEMES

# Statements written for these tests, not taken from the corpus or the seed texts.
GOAL_TYPES = [
    ("Minst 40 nya företag startas i kommunen varje år", "quantitative"),
    ("Andelen unga som arbetar eller studerar ska öka", "quantitative"),
    ("Tio nya etableringar i hamnområdet", "quantitative"),
    ("Arbeidsledigheten skal ned til 3 prosent innen 2025", "quantitative"),
    ("Antall nye bedrifter i regionen", "quantitative"),
    ("Handlingsplanen är framtagen och beslutad", "completion"),
    ("Ta fram en besöksnäringsstrategi för kommunen", "completion"),
    ("Genomföra en kartläggning av lediga lokaler", "completion"),
    ("Utarbeide en felles reiselivsplan for regionen", "completion"),
    ("Strategien er vedtatt i kommunestyret", "completion"),
    ("Utveckla samverkan mellan kommunerna", "process"),
    ("Stärka dialogen med det lokala näringslivet", "process"),
    ("Ett gemensamt arbetssätt för företagslotsning är på plats", "process"),
    ("Etablera en process för snabbare bygglov", "process"),
    ("Löpande dialogmöten med företagarföreningen genomförda", "process"),
    ("Videreutvikle samarbeidet med næringsforeningen", "process"),
    ("Etablere et fast nettverk for næringsutviklere", "process"),
    ("Kommunen är ett självklart val för unga familjer", "qualitative"),
    ("Ett attraktivt Sør-Troms", "qualitative"),
    ("Regionen har god tilgang på kompetent arbeidskraft", "qualitative"),
    ("Oppnå økt bolyst i hele regionen", "qualitative"),
]


@pytest.mark.parametrize(("text", "expected"), GOAL_TYPES)
def test_rules_type_goals_beyond_the_corpus(text: str, expected: str) -> None:
    assert rule_goal_type(text) == expected


def test_numbers_that_are_not_targets() -> None:
    assert not has_quantity("Insats 2: Utveckla besöksnäringen 2020-2022, Q3")
    assert not has_quantity('Verka inom satsningen "100 nya jobb"')
    assert not has_quantity("Stärka samarbetet mellan de tre kommunerna")
    assert not has_quantity("Ett antal metoder är definierade")
    assert has_quantity("Minst 3 nya kluster")
    assert has_quantity("Vakansgrad under 5 %")


LEVELS = [
    ("Vision 2030: Regionen är Nordens mest företagsvänliga", "", "vision"),
    ("Företagen upplever ett bättre bemötande", "Effektmål", "effect"),
    ("Tre nya mötesplatser", "Resultatmål för projektet var:", "result"),
    ("Alla kommuner har en näringslivsstrategi", "Delmål 2", "sub"),
    ("Minst 30 deltagare", "Förväntat utfall", "activity"),
    ("Økt sysselsetting i regionen", "Hovedmål", "overall"),
    ("Flere nye arbeidsplasser", "Effektmål", "effect"),
    ("Sterkere samarbeid", "Overordnet mål", "overall"),
    ("Fler företag startas", "Delmål", "sub"),
]


@pytest.mark.parametrize(("text", "context", "expected"), LEVELS)
def test_rules_read_the_level_word(text: str, context: str, expected: str) -> None:
    assert rule_level(text, context) == expected


def test_theme_is_inherited_only_without_an_own_topic() -> None:
    assert rule_theme("Framtagen och implementerad plan", area="Kompetensförsörjning") == "competence_supply"
    assert (
        rule_theme("Fler besökare till kommunens turistmål", area="Kompetensförsörjning")
        == "tourism_visitors"
    )
    assert (
        rule_theme(
            "Etablerad och implementerad",
            parent="Starta en inkubator för nya företag",
            area="Attraktionskraft",
        )
        == "innovation_entrepreneurship"
    )
    assert rule_theme("Bedre bredbånd og digitale tjenester") == "digitalisation"


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("Fler platser i äldreboende och kortare väntetid i primärvården", "health_welfare"),
        ("Antalet gästnätter i kommunen ska öka", "tourism_visitors"),
        ("Kortare handläggningstid för bygglov", "land_physical_planning"),
        ("Sykkelveinettet i sentrum bygges ut", "infrastructure_transport"),
        ("Fler barn i förskolan", "youth"),
        ("Digitalisera ärendehanteringen", "digitalisation"),
        ("Mindre utslipp og mer ombruk i kommunens drift", "sustainability_climate"),
        ("Boligmarkedet i regionen", "housing"),
        ("Færre arbeidsledige og flere i sysselsetting", "competence_supply"),
        ("Klimatilpasning i kommuneplanen", "sustainability_climate"),
        ("Fleire bustader i sentrum", "housing"),  # Nynorsk
        ("Betre samhandling mellom kommunane", "collaboration_governance"),
        ("Denna plan gäller för perioden 2021–2024.", "other"),  # the document itself, no topic
        ("Två trycksaker och ett pressmeddelande har tagits fram.", "other"),
        ("Denna plan ska ge fler nyanlända arbete och egenförsörjning.", "integration_inclusion"),
    ],
)
def test_theme_vocabulary_beyond_the_seed_documents(text: str, theme: str) -> None:
    assert rule_theme(text) == theme


def test_annotated_statements_follow_the_schema() -> None:
    rows = statements()
    assert len([r for r in rows if r["goal_type"]]) >= 200
    assert {r["lang"] for r in rows} == {"sv", "nb", "nn"}
    assert len([r for r in rows if r["lang"] == "nb"]) >= 20
    assert {r["goal_type"] for r in rows} - {""} == set(ENUMS[("goals", "goal_type")])
    assert {r["level"] for r in rows} - {""} <= set(ENUMS[("goals", "level")])
    assert all(r["theme"] in THEMES for r in rows)
    assert len({r["id"] for r in rows}) == len(rows)
    assert len(labelled("level")) >= 150


def test_cross_validated_accuracy_stays_above_the_measured_floor() -> None:
    # measured on 2582/1087/2877 statements (seeds and other issuers' development statements): goal_type
    # 0.797, level 0.867, theme 0.692; on the seed statements alone 0.892, 0.989, 0.748. Floors leave a margin.
    floors = {"goal_type": (0.78, 0.87), "level": (0.85, 0.95), "theme": (0.67, 0.71)}
    for target, (floor, seed_floor) in floors.items():
        result = cross_validate(target)
        assert result["combined"] >= floor, (target, result)
        assert result["combined_seeds"] >= seed_floor, (target, result)
        assert result["combined"] >= result["model"] - 0.02, (target, result)


def test_cross_validated_accuracy_on_what_the_dataset_carries() -> None:
    # goal type on goals, expected outcomes and indicators; theme on those and activity and area
    # titles (goal_model.DATASET_KINDS): measured 0.966 (n 177) and 0.779 (n 366) on the seed statements
    for target, floor in {"goal_type": 0.93, "theme": 0.75}.items():
        result = cross_validate(target)
        assert result["n_dataset_seeds"] < result["n_seeds"], (target, result)
        assert result["combined_dataset_seeds"] >= floor, (target, result)


def test_held_out_statements_are_scored_apart_from_training() -> None:
    from pipeline.evaluation.scorers.goal_typing import held_out, held_out_rows

    rows = held_out_rows()
    assert len(rows) >= 130
    training = {" ".join(r["text"].split()) for r in statements()}
    assert not [r["id"] for r in rows if " ".join(r["text"].split()) in training]
    # measured: goal_type 0.681 (n 119), level 0.875 (n 24), theme 0.654 (n 136)
    floors = {"goal_type": 0.55, "level": 0.83, "theme": 0.63}
    for target, floor in floors.items():
        combined, _rules, n = held_out(target, rows)
        assert n >= 20 and combined >= floor, (target, combined, n)


def test_second_held_out_set_is_apart_from_training_and_the_first() -> None:
    from pipeline.evaluation.scorers.goal_typing import HELD_OUT_2, held_out, held_out_rows

    rows = held_out_rows(HELD_OUT_2)
    assert len(rows) >= 280

    def texts(source: list[dict[str, str]]) -> set[str]:
        return {" ".join(r["text"].split()) for r in source}

    assert not texts(rows) & (texts(statements()) | texts(held_out_rows()))
    # measured: goal_type 0.655 (n 284), theme 0.595 (n 291)
    for target, floor in {"goal_type": 0.63, "theme": 0.55}.items():
        combined, _rules, n = held_out(target, rows)
        assert n >= 280 and combined >= floor, (target, combined, n)


def test_pipeline_answer_on_unseen_statements() -> None:
    assert classify("goal_type", "Minst 40 nya företag startas per år 2022") == "quantitative"
    assert classify("goal_type", "Handlingsplanen är framtagen och beslutad") == "completion"
    assert classify("goal_type", "Utvikle samarbeidet mellom kommunene i regionen") == "process"
    assert classify("level", "Fler företag i regionen", context="Effektmål") == "effect"
    assert classify("theme", "Fler unga ska få sommarjobb") in ("youth", "competence_supply")


def test_make_eval_reports_the_three_accuracies_with_targets() -> None:
    from pipeline.evaluation.scorers.goal_typing import score

    rows = {f.metric.split(" ")[0]: f for f in score([]) if f.target is not None}
    assert set(rows) == {"goal_type", "level", "theme"}
    assert (rows["goal_type"].target, rows["level"].target, rows["theme"].target) == (0.90, 0.90, 0.80)
    assert rows["level"].n == len(labelled("level")) and rows["theme"].n == len(labelled("theme"))


@pytest.mark.parametrize(
    ("text", "goal_type"),
    [
        ("Föreningen arbetar för att fler unga ska starta företag i länet.", "process"),
        ("Vi samverkar med grannkommunerna kring kollektivtrafiken.", "process"),
        ("Rutinerna för företagsbesök bör systematiseras.", "process"),  # s-passive after a modal
        ("Under hösten 2016 hölls en medborgardialog i Kiruna.", "completion"),  # a dialogue held once
        ("En ny samverkansmodell har byggts upp mellan skolorna.", "process"),
        ("Regionförbundets åtta kommuner har tagit fram en gemensam plan.", "completion"),  # a known set
        ("Efter tre år har projektet stärkt kontakten med näringslivet.", "qualitative"),  # a span of time
        ("Inom två år ska 40 procent av eleverna ha praktik.", "quantitative"),
        ("Kommunen avser att återkomma med en utvärdering under 2022.", "completion"),
        ("Arbeidet ble gjennomført høsten 2019.", "completion"),
        ("Region Gävleborg bildades 1 januari 2019.", "completion"),  # a date is not a number to reach
        ("Övriga åtta insatser leds av förvaltningarna.", "qualitative"),  # a known set
        ("Behovsanalys för besöksnäringen i Hälsingland", "completion"),
        ("Föreningen arbetade med att samla företagen kring en gemensam profil.", "process"),
        ("Under projektets sista sex månader hölls möten med handeln.", "completion"),  # a span of time
        ("En tre-dagars utbildning för handläggarna genomfördes.", "completion"),  # a size, not a count
        ("Ett 30-tal företag deltog i nätverket.", "quantitative"),
        ("Mäts via den regionala företagsenkäten", "process"),  # measured through a way of working (P3)
        ("Omsättning i besöksnäringen", "quantitative"),  # an indicator naming an amount (Q3)
        ("Ökad omsättning i besöksnäringen", "qualitative"),  # a direction, no measure named
        ("Styrgruppen möts en gång i kvartalet.", "quantitative"),  # a frequency is a count
        ("Nettverket møtes en gang i måneden.", "quantitative"),
    ],
)
def test_rules_for_reported_outcomes_and_efforts(text: str, goal_type: str) -> None:
    assert rule_goal_type(text) == goal_type


@pytest.mark.parametrize(
    ("text", "goal_type"),
    [
        # a verb of stating or containing describes a state, whatever noun opens the sentence
        ("Strategin omfattar åren 2021-2024 och hela länet.", "qualitative"),
        ("Rapporten innehåller en genomgång av alla insatser.", "qualitative"),
        ("Kommunerna har uttryckt att de saknar en gemensam bild.", "qualitative"),
        ("Det saknas en samlad bild av kompetensbehoven i länet.", "qualitative"),
        ("Det finns ett behov av att utveckla samarbetet med skolorna.", "process"),
        # the task after "att" or "hur" decides
        ("Uppdraget innebär att stärka samarbetet med näringslivet.", "process"),
        ("Dokumentet beskriver hur en ny besöksstrategi ska tas fram.", "completion"),
        ("Arbetet syftar till att utveckla nya former för lokal service.", "process"),
        # an infinitive after a modal: effort on an object, a delivery, or a state changing
        ("Kunskapen om besöksnäringen behöver fördjupas.", "process"),
        ("Länsstyrelsen bör även kunna erbjuda stöd till mindre kommuner.", "process"),
        ("Förtroendet för kollektivtrafiken ska öka.", "qualitative"),
        # a finite delivering verb with a subject reports a task
        ("Kommunen inrättar ett näringslivsråd under våren.", "completion"),
        # a copula with no verb after it describes, unless what follows says it is done
        ("Rapporten är en sammanfattning av projektets resultat.", "qualitative"),
        ("Strategien er et verktøy for kommunene.", "qualitative"),
        ("Kartläggningen är klar.", "completion"),
        # a task named after "att" anywhere, but not a purpose, possibility or manner
        ("Nätverket ska bidra till att stärka besöksnäringen i länet.", "process"),
        ("Kommunen har ansvar för att samordna insatserna.", "process"),
        ("Det går att kartlägga behoven med enkla medel.", "qualitative"),
        # the same readings in Norwegian
        ("Planen gjelder for perioden 2021-2024.", "qualitative"),
        ("Det er behov for å utvikle nye arbeidsformer.", "process"),
        ("Kommunen etablerer et næringsråd.", "completion"),
        ("Dokumentet beskriver hvordan planen skal utarbeides.", "completion"),
        # and in Nynorsk
        ("Styrkje samarbeidet mellom kommunane", "process"),
        ("Kartleggje behovet for kompetanse i regionen", "completion"),
        ("Auke talet på lærlingar", "quantitative"),
        ("Planen er vedteken i kommunestyret", "completion"),
        ("Dialogmøte kvart år med næringslivet", "process"),
        # a purpose clause is not the task, an easy state is a state
        ("Det ska vara lätt att starta företag här.", "qualitative"),
        # what the subject is to be is a state, whatever it is good for
        ("Volda skal vere ein attraktiv kommune å etablere og drive verksemd i.", "qualitative"),
        ("Östersund ska vara en attraktiv kommun att etablera företag i.", "qualitative"),
        ("Skellefteå ska vara Europas mest hållbara industristad 2030.", "qualitative"),
    ],
)
def test_the_main_clause_decides_where_the_opening_does_not(text: str, goal_type: str) -> None:
    assert rule_goal_type(text) == goal_type


def test_a_rule_that_speaks_decides_the_goal_type() -> None:
    # the model answers only where the rules fall through ("none")
    text = "Kunskapen om besöksnäringen behöver fördjupas."
    assert rule_goal_type(text, default=None) == "process"
    assert classify("goal_type", text) == "process"


def test_typing_a_document_at_once_gives_each_statement_its_own_answer() -> None:
    from extractors.nlp.goal_model import classify_many

    rows = [r for r in statements() if r.get("theme")][::11]
    for target in ("goal_type", "theme"):
        one_by_one = [
            classify(target, r["text"], area=r.get("area") or "", parent=r.get("parent") or "") for r in rows
        ]
        together = classify_many(
            target,
            [{"text": r["text"], "area": r.get("area") or "", "parent": r.get("parent") or ""} for r in rows],
        )
        assert together == one_by_one and len(set(together)) >= 3


GUIDELINE_EXAMPLES = {
    # the examples of extractors/data/goal_statements.md, completed where the guidelines cut them with "…"
    "quantitative": [
        "Minst 50 företagare deltar årligen",
        "60 % av vårdnadshavarna deltar",
        "Fem ytterligare branschriktningar",
        "Fyra möten/år",
        "Direktörsgruppen träffas en till två gånger årligen",
        "Ligga topp 5",
        "2 nya samverkansnätverk",
        "Genomföra tre workshops",
        "Antal nytecknade hyresavtal",
        "Andel beviljade ansökningar ska öka",
        "FoU-investeringar från privat, akademisk och offentlig sektor",
        "Samordningsfunktionen är etablerad och mäts med antal möten/år",
    ],
    "process": [
        "Årliga dialoger genomförda",
        "Genomfört med kontinuerlig process",
        "En indikator för uppföljning framtagen och används därefter löpande",
        "Etablera en process där företag och skola möts",
        "Etablera kunskapsöverföring mellan akademi och stad",
        "Etablere et nettverk av næringsutviklere",
        "Ett systematiskt arbetssätt är på plats",
        "En sammanhållen process är implementerad",
        "Etablerad form för samverkan",
        "Mäts genom det systematiska kvalitetsarbetet",
        "Utveckla samverkan med näringslivet",
        "Utveckling av ny arbetsmodell",
        "Genomföra kontinuerliga dialoger",
    ],
    "completion": [
        "Kartläggning genomförd 2019",
        "Metoden är utvecklad",
        "Vägledning publicerad",
        "Samverkansavtal mellan stad och GU/CTH 2021",
        "vedtak av plan i regionrådet",
        "Ta fram en plan för samarbete",
        "Genomföra innovationslab",
        "Projektet är genomfört",
        "Kurs/kompetanseheving av førstelinjetjenester",
        "Innspillsmøter og studietur",
        "Framtagen och implementerad plan",
        "Reglab bör undersöka möjligheterna",
    ],
    "qualitative": [
        "Göteborg är en attraktiv plats att besöka, bo och verka i",
        "Göteborg stärker näringslivets förutsättningar för innovation",
        "GU och CTH ska vara representerade i styrgruppen",
        "Kommunernas attraktionskraft ökar",
        "Ökad inflyttning till regionen",
        "Oppnå vekst og utvikling gjennom konkrete tiltak",
        "Erhålla mer kunskap om näringslivets behov",
    ],
}


@pytest.mark.parametrize(
    ("text", "goal_type"), [(t, kind) for kind, texts in GUIDELINE_EXAMPLES.items() for t in texts]
)
def test_the_rules_follow_the_guidelines_own_examples(text: str, goal_type: str) -> None:
    assert rule_goal_type(text) == goal_type


def test_each_cue_and_theme_stem_is_listed_once() -> None:
    """A stem listed twice counts twice (its weights add up), so the data files keep one row each."""
    from collections import Counter

    from extractors.nlp.gazetteer import DATA

    for name, columns in (("themes.tsv", 2), ("goal_cues.tsv", 2)):
        rows = [
            tuple(line.split("\t")[:columns])
            for line in (DATA / name).read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")
        ]
        repeated = [row for row, n in Counter(rows).items() if n > 1]
        assert not repeated, (name, repeated)


def test_the_fitted_model_is_kept_on_disk_and_a_bad_copy_is_trained_anew(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from extractors.nlp import goal_model

    monkeypatch.setenv("PLANEXTRACT_CACHE_DIR", str(tmp_path))
    texts = [
        "Minst 50 företag deltar årligen",
        "Etablera ett näringslivsråd",
        "Stärka samverkan med akademin",
    ]
    features = [goal_model.features("goal_type", text) for text in texts]
    trained = goal_model.model.__wrapped__("goal_type")
    [stored] = list(tmp_path.glob("goal_model-goal_type-*.pkl"))
    loaded = goal_model.model.__wrapped__("goal_type")
    assert loaded is not trained and list(loaded.predict(features)) == list(trained.predict(features))
    stored.write_bytes(b"not a pickle")
    again = goal_model.model.__wrapped__("goal_type")
    assert list(again.predict(features)) == list(trained.predict(features))
    assert stored.read_bytes() != b"not a pickle"  # written anew
