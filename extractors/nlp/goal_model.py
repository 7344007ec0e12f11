"""A small trained classifier for goals.goal_type and theme, with the rules as one of its features.

Trained on extractors/data/goal_statements.tsv (hand-labelled statements drawn from the
seed texts: goals, expected outcomes, efforts and activities, sv and nb) when first
used, with fixed settings, so every process builds the same model and nothing is
downloaded. The rule's own answer is added to the text as a token, so the model learns
where to trust the rule. `python -m extractors.nlp.goal_model` prints cross-validated
accuracy of rules and model side by side.
"""

from __future__ import annotations

import csv
import functools
import sys
import warnings
from typing import Any

from extractors.nlp.gazetteer import DATA

STATEMENTS = DATA / "goal_statements.tsv"
TARGETS = ("goal_type", "theme")


def statements() -> list[dict[str, str]]:
    with STATEMENTS.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def rule_answer(target: str, text: str) -> str:
    """What the keyword rules say (goal type from the indicator grammar, theme from the lexicon)."""
    from extractors.nlp.themes import best_theme, goal_type

    if target == "goal_type":
        return goal_type(text) or "qualitative"
    return best_theme(text, minimum=1)[0] or "other"


def features(target: str, text: str) -> str:
    return f"{text} __rule_{rule_answer(target, text)}"


def make_model() -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.pipeline import make_pipeline, make_union

    return make_pipeline(
        make_union(
            TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True),
            TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True, token_pattern=r"[\w]+"),
        ),
        OneVsRestClassifier(
            LogisticRegression(C=20, solver="liblinear", class_weight="balanced", random_state=0)
        ),
    )


@functools.cache
def model(target: str) -> Any:
    """The fitted model for one target, built once per process."""
    rows = statements()
    fitted = make_model()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fitted.fit([features(target, r["text"]) for r in rows], [r[target] for r in rows])
    return fitted


def predict(target: str, text: str) -> str:
    return str(model(target).predict([features(target, text)])[0])


def cross_validate(target: str, folds: int = 5) -> tuple[float, float, int]:
    """(rule accuracy, model accuracy, n): grouped by source row so a title and its outcome stay together."""
    import numpy as np
    from sklearn.model_selection import StratifiedGroupKFold, cross_val_predict

    rows = statements()
    gold = np.array([r[target] for r in rows])
    rules = np.array([rule_answer(target, r["text"]) for r in rows])
    groups = [r["id"].split("/")[0] for r in rows]
    cv = StratifiedGroupKFold(folds, shuffle=True, random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        predicted = cross_val_predict(
            make_model(), [features(target, r["text"]) for r in rows], gold, groups=groups, cv=cv
        )
    return float((rules == gold).mean()), float((predicted == gold).mean()), len(rows)


def main() -> int:
    for target in TARGETS if len(sys.argv) < 2 else sys.argv[1:]:
        rule, learned, n = cross_validate(target)
        print(f"{target}: rules {rule:.3f}, model (5-fold CV) {learned:.3f}, n = {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
