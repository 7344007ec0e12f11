"""A small trained classifier for goals.goal_type, goals.level and theme, with the rules as features.

Trained on extractors/data/goal_statements.tsv (hand-labelled statements drawn from the
seed texts, sv and nb, labelled by extractors/data/goal_statements.md) when first used,
with fixed settings, so every process builds the same model and nothing is downloaded.
Each statement is turned into one string: its text, the rule's answer as a token (so the
model learns where to trust the rule), and the few signals the rules look at (first verb,
a number, the heading it sits under for level, its strategic area for theme).
`python -m extractors.nlp.goal_model` prints grouped cross-validated accuracy of rules and
model side by side.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import os
import pickle
import re
import sys
import warnings
from pathlib import Path
from typing import Any

from extractors.nlp.gazetteer import DATA

STATEMENTS = DATA / "goal_statements.tsv"
# Statements written after public documents of other issuers (Swedish, bokmål, nynorsk), the
# development half of that set (tests/data/README.md); its test half is never trained on.
OTHER_STATEMENTS = DATA / "goal_statements_other.tsv"
TARGETS = ("goal_type", "level", "theme")


@functools.cache
def _read(path: Path) -> tuple[dict[str, str], ...]:
    with path.open(encoding="utf-8", newline="") as fh:
        return tuple(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def statements() -> list[dict[str, str]]:
    """The training statements: the seed texts' and the other issuers' development half."""
    return [dict(row) for path in (STATEMENTS, OTHER_STATEMENTS) if path.exists() for row in _read(path)]


def labelled(target: str) -> list[dict[str, str]]:
    """The statements annotated for one target (level and goal type are left empty where they do not apply)."""
    return [r for r in statements() if r.get(target)]


def rule_answer(target: str, text: str, context: str = "", area: str = "", parent: str = "") -> str:
    """What the rules in extractors.nlp.goal_rules say; "none" where no goal-type or level rule speaks."""
    from extractors.nlp.goal_rules import rule_goal_type, rule_level, rule_theme

    if target == "goal_type":
        return rule_goal_type(text, default=None, context=context) or "none"
    if target == "level":
        return rule_level(text, context, parent, area) or "none"
    return rule_theme(text, area, parent)


def rules_alone(target: str, rule: str) -> str:
    """The rules' own answer where they fall through: the model sees "none" there, the
    rules alone say qualitative (a state to reach), the guidelines' last rule."""
    return "qualitative" if target == "goal_type" and rule == "none" else rule


def features(
    target: str, text: str, context: str = "", area: str = "", parent: str = "", rule: str | None = None
) -> str:
    """One string per statement: the text plus tokens for the rule's answer and the rules' signals."""
    from extractors.nlp.goal_rules import has_quantity, strip_lead_in, tokens

    if rule is None:
        rule = rule_answer(target, text, context, area, parent)
    parts = [text, f"__rule_{rule}"]
    if target == "goal_type":
        body = strip_lead_in(text)
        words = tokens(body)
        first = words[0] if words else ""
        parts += [
            f"__first_{first}",
            f"__first_{first[:5]}",
            "__num" if has_quantity(body) else "",
            *_verb_tokens(words),
        ]
    elif target == "level":
        parts += [f"__ctx_{w}" for w in re.findall(r"\w+", context.lower())]
    else:
        from extractors.nlp.themes import theme_scores

        parts += [f"__area_{w}" for w in re.findall(r"\w{4,}", area.lower())]
        parts += [f"__parent_{w}" for w in re.findall(r"\w{4,}", parent.lower())]
        for prefix, source in (("own", text), ("par", parent), ("ar", area)):
            parts += [f"__{prefix}_{theme}" for theme in theme_scores(source)]
    return " ".join(p for p in parts if p)


def verb_features(text: str) -> list[str]:
    """The main verb after the subject as lemma and tense (extractors.nlp.verbforms): reports say
    what was done in the past or supine after a subject, where the opening words cannot show it."""
    from extractors.nlp.goal_rules import strip_lead_in, tokens

    return _verb_tokens(tokens(strip_lead_in(text)))


def _verb_tokens(words: list[str]) -> list[str]:
    from extractors.nlp.verbforms import main_verb

    found = main_verb(words)
    if found is None:
        return ["__noverb"]
    form = found[1]
    voice = "pass" if form.passive else "act"
    return [f"__mv_{form.lemma}", f"__mt_{form.tense}", f"__mt_{form.tense}_{voice}"]


def row_features(target: str, row: dict[str, str]) -> str:
    return features(
        target, row["text"], row.get("context") or "", row.get("area") or "", row.get("parent") or ""
    )


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
            LogisticRegression(C=10, solver="liblinear", class_weight="balanced", random_state=0)
        ),
    )


@functools.cache
def model(target: str) -> Any:
    """The fitted model for one target, built once per process and kept on disk between runs.

    Training takes seconds per target (most of a one-page run), so the fitted model is pickled to
    the cache directory under a key of everything it is built from: the statements, the rules' code
    and data it takes its features from, and the scikit-learn version. A changed input is a new key,
    so a stale model is never loaded; a cache that cannot be read or written is only slower.
    """
    path = cache_dir() / f"goal_model-{target}-{_inputs_key()}.pkl"
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except Exception:  # noqa: BLE001 - missing, partial or from other library versions: train anew
        pass
    rows = labelled(target)
    fitted = make_model()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fitted.fit([row_features(target, r) for r in rows], [r[target] for r in rows])
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        with partial.open("wb") as fh:
            pickle.dump(fitted, fh, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(path)  # atomic: a parallel worker reads the old file or the whole new one
    except OSError:
        pass
    return fitted


def cache_dir() -> Path:
    """$PLANEXTRACT_CACHE_DIR, else $XDG_CACHE_HOME/planextract, else ~/.cache/planextract."""
    explicit = os.environ.get("PLANEXTRACT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "planextract"


@functools.cache
def _inputs_key() -> str:
    """SHA-256 (16 hex) of the files a fitted model depends on and of the scikit-learn version."""
    import sklearn

    nlp = Path(__file__).resolve().parent
    files = sorted(nlp.glob("*.py")) + sorted(p for p in DATA.iterdir() if p.is_file())
    digest = hashlib.sha256(sklearn.__version__.encode())
    for file in files:
        digest.update(file.name.encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


def predict(
    target: str, text: str, context: str = "", area: str = "", parent: str = "", rule: str | None = None
) -> str:
    return str(model(target).predict([features(target, text, context, area, parent, rule)])[0])


def rule_decides(target: str, rule: str, text: str) -> bool:
    """Where the rule is sure and the model is not asked: a level word in the statement or
    its heading decides the level; a goal-type rule that speaks decides the goal type (rules
    first, as the guidelines are written; the model answers where they fall through); a
    strong own theme signal (extractors.nlp.themes.STRONG) decides the theme."""
    from extractors.nlp.themes import STRONG, best_theme

    if target in ("level", "goal_type"):
        return rule != "none"
    return best_theme(text, minimum=1)[1] >= STRONG


def combine(target: str, rule: str, learned: str, text: str) -> str:
    """The product's answer: the rule where it is sure, the model elsewhere."""
    return rule if rule_decides(target, rule, text) else learned


def classify(
    target: str, text: str, context: str = "", area: str = "", parent: str = "", rule: str | None = None
) -> str:
    """goal_type, level or theme of one statement as the pipeline assigns it (rules + model);
    `rule` is the rules' answer when the caller already has it."""
    row = {"text": text, "context": context, "area": area, "parent": parent}
    return classify_many(target, [row], None if rule is None else [rule])[0]


def classify_many(target: str, rows: list[dict[str, str]], rules: list[str] | None = None) -> list[str]:
    """classify() for many statements with one model call: a document's goals are typed
    together, since scikit-learn's overhead per call is most of the cost of one statement."""
    if rules is None:
        rules = [
            rule_answer(target, r["text"], r.get("context") or "", r.get("area") or "", r.get("parent") or "")
            for r in rows
        ]
    answers = list(rules)
    asked = [i for i, r in enumerate(rows) if not rule_decides(target, rules[i], r["text"])]
    if asked:
        texts = [
            features(
                target,
                rows[i]["text"],
                rows[i].get("context") or "",
                rows[i].get("area") or "",
                rows[i].get("parent") or "",
                rules[i],
            )
            for i in asked
        ]
        for i, learned in zip(asked, model(target).predict(texts), strict=True):
            answers[i] = str(learned)
    return ["" if answer == "none" else answer for answer in answers]


def groups(rows: list[dict[str, str]]) -> list[str]:
    """Source row (seed and line) of each statement; statements with the same text share a group too."""
    first_of_text: dict[str, str] = {}
    out = []
    for row in rows:
        source = "-".join(row["id"].split("/")[0].split("-")[:2])
        key = re.sub(r"\W+", " ", row["text"].casefold()).strip()
        out.append(first_of_text.setdefault(key, source))
    return out


@functools.cache
def cross_validate(target: str, folds: int = 5) -> dict[str, float]:
    """Accuracy of the rules, the model and both combined (the product), n; the model's by grouped k-fold.

    Folds are grouped by source row so a title and its outcome, or a statement repeated in
    the source, never sit on both sides. The rules were written with these statements in
    view, so their figure is an in-sample one.
    """
    import numpy as np
    from sklearn.model_selection import StratifiedGroupKFold, cross_val_predict

    rows = labelled(target)
    gold = np.array([r[target] for r in rows])
    rules = [
        rule_answer(target, r["text"], r.get("context") or "", r.get("area") or "", r.get("parent") or "")
        for r in rows
    ]
    cv = StratifiedGroupKFold(folds, shuffle=True, random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        predicted = cross_val_predict(
            make_model(), [row_features(target, r) for r in rows], gold, groups=groups(rows), cv=cv
        )
    combined = np.array(
        [combine(target, rule, str(p), r["text"]) for rule, p, r in zip(rules, predicted, rows)]
    )
    result = {
        "rules": float((np.array([rules_alone(target, r) for r in rules]) == gold).mean()),
        "model": float((predicted == gold).mean()),
        "combined": float((combined == gold).mean()),
        "n": float(len(rows)),
    }
    langs = np.array([r.get("lang") or "" for r in rows])
    for lang in sorted(set(langs)):
        chosen = langs == lang
        result[f"combined_{lang}"] = float((combined == gold)[chosen].mean())
        result[f"n_{lang}"] = float(chosen.sum())
    seeds = np.array([from_seeds(r) for r in rows])
    carried = np.array([kind(r) in DATASET_KINDS.get(target, kind(r)) for r in rows])
    for name, chosen in (
        ("seeds", seeds),
        ("other", ~seeds),
        ("dataset_seeds", seeds & carried),
        ("dataset_other", ~seeds & carried),
    ):
        if chosen.any():
            result[f"combined_{name}"] = float((combined == gold)[chosen].mean())
            result[f"n_{name}"] = float(chosen.sum())
    return result


# Kinds of statement (the id's kind letter, extractors/data/goal_statements.md) whose field the
# dataset carries: goal type on `goals` (visions, goals, effect and result goals, goal sentences, an
# activity's expected outcomes and indicators); theme on `goals` and on `activities` (also activity,
# effort and area titles). Reported outcomes and other sentences are labelled for evaluation only
# (`outcomes` has neither column). Levels are labelled on goals alone.
DATASET_KINDS = {"goal_type": frozenset("vgermo"), "theme": frozenset("vgermotia")}


def kind(row: dict[str, str]) -> str:
    return row["id"].rsplit("/", 1)[-1][:1]


def from_seeds(row: dict[str, str]) -> bool:
    """A statement of the seed texts (id "<seed>-<line>-<k>/…"), not of another issuer ("N03-…")."""
    return row["id"][:1].isdigit()


def main() -> int:
    for target in TARGETS if len(sys.argv) < 2 else sys.argv[1:]:
        r = cross_validate(target)
        print(
            f"{target}: rules {r['rules']:.3f}, model (5-fold grouped CV) {r['model']:.3f}, "
            f"rules + model {r['combined']:.3f}, n = {int(r['n'])}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
