"""Goal type, goal level and theme on the annotated statements (extractors/data/goal_statements.tsv).

These are not corpus figures: the statements are drawn from the seed texts and labelled by
extractors/data/goal_statements.md. Each figure is the pipeline's answer (rules, and the
trained model where the rules are not sure) under 5-fold cross-validation grouped by source
row, so the model is never scored on a statement it was trained on; n is the number of
statements annotated for that field. The rules alone are printed alongside, without a target.
A held-out set (tests/data/goal_statements_heldout.tsv), labelled from the guidelines without
the rules in view, gives the out-of-sample figures; it has no target of its own. So do a second
one (the remaining seed sentences) and the two test halves of statements written after documents
of other issuers (tests/data/goal_statements_other_test.tsv, _test3.tsv, _test7.tsv), the figures closest to
new documents.
The cross-validated rows are also given for the seed statements and for the other issuers'
development half, which is trained on.

`python -m pipeline.evaluation.scorers.goal_typing` prints the same rows without a corpus run.
"""

from __future__ import annotations

import csv
from pathlib import Path

from extractors.nlp.goal_model import DATASET_KINDS, kind
from pipeline.evaluation.common import EvalDoc, Figure, ratio

SECTION = "goal_typing"
TARGETS = {"goal_type": 0.90, "level": 0.90, "theme": 0.80}
# Statements labelled from the written guidelines only, by an annotator who had not read the
# rules or cue lists; never used to write rules or to train (tests/data/README.md).
HELD_OUT = Path(__file__).resolve().parents[3] / "tests" / "data" / "goal_statements_heldout.tsv"
# A second labelling of the same statements, made blind to the first from the same guidelines:
# how far two readings of the guidelines agree is the ceiling the figures above can be read against.
SECOND_PASS = HELD_OUT.with_name("goal_statements_heldout_second.tsv")
# A second held-out set, labelled later from the guidelines alone: the seed sentences no other
# row used (mostly background and report sentences), never read for rules or choices.
HELD_OUT_2 = HELD_OUT.with_name("goal_statements_heldout2.tsv")
# Statements written after public documents of other issuers (Swedish, bokmål, nynorsk), labelled
# blind from the guidelines; the half of their source documents that is never read or trained on.
OTHER_TEST = HELD_OUT.with_name("goal_statements_other_test.tsv")
OTHER_TEST_SECOND = HELD_OUT.with_name("goal_statements_other_test_second.tsv")
# The third round's test half: statements after about 90 further issuers, split the same way.
OTHER_TEST3 = HELD_OUT.with_name("goal_statements_other_test3.tsv")
# The seventh round's test half: statements after about 60 further issuers, split the same way.
OTHER_TEST7 = HELD_OUT.with_name("goal_statements_other_test7.tsv")
OTHER_TEST7_SECOND = HELD_OUT.with_name("goal_statements_other_test7_second.tsv")
OTHER_TEST_SETS = (
    "other issuers' statements, test half",
    "other issuers' statements, round-3 test half",
    "other issuers' statements, round-7 test half",
)


# The statements the dataset carries goal type and theme on (goal_model.DATASET_KINDS), in words.
CARRIED = {
    "goal_type": "goals, expected outcomes, indicators",
    "theme": "goals, expected outcomes, indicators, activity and area titles",
}
# What a statement is in its document (the id's kind letter, extractors/data/goal_statements.md).
KIND_GROUPS = {
    "goals only (vision, goal, effect, result, goal sentence)": frozenset("vgerm"),
    "activity titles and expected outcomes": frozenset("to"),
    "reported outcomes": frozenset("u"),
}


def held_out_rows(path: Path = HELD_OUT) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def judged(target: str, rows: list[dict[str, str]]) -> list[tuple[dict[str, str], bool, bool]]:
    """(statement, rules + model right, rules alone right) for each statement labelled for
    `target`; the model is the one the pipeline uses, fitted on all annotated statements."""
    from extractors.nlp.goal_model import classify_many, rule_answer, rules_alone

    chosen = [row for row in rows if row.get(target)]
    rules = [
        rule_answer(target, r["text"], r.get("context") or "", r.get("area") or "", r.get("parent") or "")
        for r in chosen
    ]
    answers = classify_many(target, chosen, rules) if chosen else []
    return [
        (row, answer == row[target], rules_alone(target, rule) == row[target])
        for row, answer, rule in zip(chosen, answers, rules, strict=True)
    ]


def _shares(marks: list[tuple[dict[str, str], bool, bool]]) -> tuple[float, float, int]:
    n = len(marks)
    return ratio(sum(m[1] for m in marks), n), ratio(sum(m[2] for m in marks), n), n


def held_out(target: str, rows: list[dict[str, str]]) -> tuple[float, float, int]:
    """(rules + model, rules alone, n) on the held-out statements labelled for `target`."""
    return _shares(judged(target, rows))


def agreement(target: str, first: list[dict[str, str]], second: list[dict[str, str]]) -> tuple[float, int]:
    """(share of statements both passes labelled for `target` on which they agree, n)."""
    by_id = {row["id"]: row.get(target) or "" for row in second}
    pairs = [(row.get(target) or "", by_id.get(row["id"], "")) for row in first]
    both = [(a, b) for a, b in pairs if a and b]
    return ratio(sum(a == b for a, b in both), len(both)), len(both)


def figures() -> list[Figure]:
    from extractors.nlp.goal_model import cross_validate

    out: list[Figure] = []
    for target, goal in TARGETS.items():
        result = cross_validate(target)
        n = int(result["n"])
        out.append(
            Figure(
                SECTION,
                f"{target} accuracy, annotated statements (grouped 5-fold CV)",
                result["combined"],
                n,
                goal,
            )
        )
        out.append(Figure(SECTION, f"{target} accuracy, rules alone (in-sample)", result["rules"], n))
        subsets = {
            "sv": "sv statements",
            "nb": "nb statements",
            "nn": "nn statements",
            "seeds": "seed statements",
            "other": "other issuers' development half",
        }
        if target in CARRIED:
            subsets["dataset_seeds"] = f"seed statements the dataset carries {target} on ({CARRIED[target]})"
            subsets["dataset_other"] = (
                f"other issuers' development statements the dataset carries {target} on"
            )
        for key, label in subsets.items():
            if result.get(f"n_{key}"):
                out.append(
                    Figure(
                        SECTION,
                        f"{target} accuracy, {label} only (grouped 5-fold CV)",
                        result[f"combined_{key}"],
                        int(result[f"n_{key}"]),
                    )
                )
    sets = {
        "held-out statements": held_out_rows(HELD_OUT),
        "second held-out set": held_out_rows(HELD_OUT_2),
        "other issuers' statements, test half": held_out_rows(OTHER_TEST),
        "other issuers' statements, round-3 test half": held_out_rows(OTHER_TEST3),
        "other issuers' statements, round-7 test half": held_out_rows(OTHER_TEST7),
    }
    by_language: dict[str, list[Figure]] = {}
    for label, set_rows in sets.items():
        for target in TARGETS:
            marks = judged(target, set_rows)
            combined, rules, n = _shares(marks)
            if n:
                out.append(Figure(SECTION, f"{target} accuracy, {label} (rules + model)", combined, n))
                out.append(Figure(SECTION, f"{target} accuracy, {label} (rules alone)", rules, n))
            if label in OTHER_TEST_SETS:
                half = label.split(", ", 1)[1]
                carried = {
                    f"statements the dataset carries {target} on": DATASET_KINDS.get(target, frozenset())
                }
                groups = {**carried, **KIND_GROUPS} if target in DATASET_KINDS else KIND_GROUPS
                for group, kinds in groups.items():
                    group_combined, _rules, group_n = _shares([m for m in marks if kind(m[0]) in kinds])
                    if group_n:
                        out.append(
                            Figure(
                                SECTION,
                                f"{target} accuracy, other issuers' {half}, {group}",
                                group_combined,
                                group_n,
                            )
                        )
                for lang in sorted({m[0]["lang"] for m in marks}):
                    lang_combined, _rules, lang_n = _shares([m for m in marks if m[0]["lang"] == lang])
                    by_language.setdefault(lang, []).append(
                        Figure(
                            SECTION,
                            f"{target} accuracy, other issuers' {half}, {lang} only",
                            lang_combined,
                            lang_n,
                        )
                    )
    out += [figure for lang in sorted(by_language) for figure in by_language[lang]]
    rows, other = sets["held-out statements"], sets["other issuers' statements, test half"]
    other7 = sets["other issuers' statements, round-7 test half"]
    passes = (
        ("held-out statements", rows, held_out_rows(SECOND_PASS) if rows else []),
        ("other issuers' test half", other, held_out_rows(OTHER_TEST_SECOND) if other else []),
        ("other issuers' round-7 test half", other7, held_out_rows(OTHER_TEST7_SECOND) if other7 else []),
    )
    for label, first, second in passes:
        for target in TARGETS if second else ():
            agreed, n = agreement(target, first, second)
            out.append(Figure(SECTION, f"{target} agreement of two annotation passes, {label}", agreed, n))
    return out


def score(docs: list[EvalDoc]) -> list[Figure]:
    return figures()


def main() -> int:
    from pipeline.evaluation.__main__ import render

    print(render(figures()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
