"""Goal type, goal level and theme on the annotated statements (extractors/data/goal_statements.tsv).

These are not corpus figures: the statements are drawn from the seed texts and labelled by
extractors/data/goal_statements.md. Each figure is the pipeline's answer (rules, and the
trained model where the rules are not sure) under 5-fold cross-validation grouped by source
row, so the model is never scored on a statement it was trained on; n is the number of
statements annotated for that field. The rules alone are printed alongside, without a target.

`python -m pipeline.evaluation.scorers.goal_typing` prints the same rows without a corpus run.
"""

from __future__ import annotations

from pipeline.evaluation.common import EvalDoc, Figure

SECTION = "goal_typing"
TARGETS = {"goal_type": 0.90, "level": 0.90, "theme": 0.80}


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
    return out


def score(docs: list[EvalDoc]) -> list[Figure]:
    return figures()


def main() -> int:
    from pipeline.evaluation.__main__ import render

    print(render(figures()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
