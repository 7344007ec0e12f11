"""Would a statistical NER beat the organisation rules? A trial on the annotated sets.

Trains spaCy's own NER (a blank `sv` pipeline, its default tok2vec, no pretrained vectors,
fixed seed) on development text and scores it on held-out text exactly as `make eval` scores
the rules (a predicted ORG span is right when it equals a gold span), beside the rules alone
and the union of both. `--set seed`: the development split of tests/data/org_mentions.jsonl,
scored on its test split. `--set other`: that development split and the other issuers'
development passages, scored on the other issuers' test half (tests/data/org_mentions_other.jsonl).
The pipeline keeps the rules unless the model measurably beats them here (docs/nlp.md).

    python bench/ner_trial.py [--set seed|other] [--epochs 30] [--seed 0]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.evaluation.scorers.org_set import OTHER, Tally, load, predict, tally  # noqa: E402


def train(records: list[dict[str, Any]], epochs: int, seed: int = 0) -> tuple[Any, int]:
    """The trained pipeline and how many gold spans do not fall on token edges (left out of training)."""
    import spacy
    from spacy.training import Example
    from spacy.util import fix_random_seed, minibatch

    fix_random_seed(seed)
    nlp = spacy.blank("sv")
    ner = nlp.add_pipe("ner")
    ner.add_label("ORG")
    examples = []
    unaligned = 0
    for record in records:
        doc = nlp.make_doc(record["text"])
        spans = []
        for s, e, _label, _name in record["spans"]:
            if doc.char_span(s, e) is None:
                unaligned += 1  # inside a token: "GR-kommuner", "BRGs"
            else:
                spans.append((s, e, "ORG"))
        examples.append(Example.from_dict(doc, {"entities": spans}))
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(examples)
        for batch in minibatch(examples, size=8):
            nlp.update(batch, sgd=optimizer, drop=0.2)
    return nlp, unaligned


def model_spans(nlp: Any, records: list[dict[str, Any]]) -> dict[str, list[tuple[int, int, str]]]:
    return {r["id"]: [(e.start_char, e.end_char, e.text) for e in nlp(r["text"]).ents] for r in records}


def row(name: str, t: Tally) -> str:
    return f"| {name} | {t.precision:.3f} | {t.recall:.3f} | {t.f1:.3f} | {t.gold} |"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--set", choices=("seed", "other"), default="seed")
    args = parser.parse_args()
    records = load()
    if not records:
        print("tests/data/org_mentions.jsonl not found")
        return 1
    dev = [r for r in records if r["split"] == "dev"]
    test = [r for r in records if r["split"] == "test"]
    if args.set == "other":
        records = load(OTHER)
        dev += [r for r in records if r["split"] == "dev"]
        test = [r for r in records if r["split"] == "test"]
    nlp, unaligned = train(dev, args.epochs, args.seed)
    learned = model_spans(nlp, test)
    rules = predict(records)  # the whole file, so each document's definitions are learned as in a run
    union = {
        rid: sorted(
            set(rules.get(rid, []))
            | {s for s in learned[rid] if (s[0], s[1]) not in {(a, b) for a, b, _ in rules.get(rid, [])}}
        )
        for rid in learned
    }
    print(
        f"Test split: {len(test)} segments; trained on {len(dev)} dev segments, {args.epochs} epochs, "
        f"seed {args.seed} "
        f"({unaligned} gold spans inside a token left out).\n"
    )
    print("| organisation mentions | precision | recall | F1 | gold |\n|---|---|---|---|---|")
    print(row("rules (the pipeline)", tally(test, rules)))
    print(row("trained spaCy NER", tally(test, learned)))
    print(row("rules + NER (union)", tally(test, union)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
