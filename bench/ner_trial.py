"""Does the trained organisation NER add to the rules on text of issuers it never saw?

Issuer-grouped cross-validation on the other issuers' development passages
(tests/data/org_mentions_other.jsonl): each fold's issuers are held out, the NER is trained as
`extractors.nlp.training.train_org_ner` trains the shipped one (the seed set's development split
and the other folds' passages), and the finder is scored on the held-out fold with the rules
alone and with the model asked where they find nothing (`planextract run --ner-model`), exactly
as `make eval` scores it (a predicted ORG span is right when it equals a gold span). The test
halves are not used here; `make eval` scores the shipped model on them.

    python bench/ner_trial.py [--folds 3] [--epochs 15] [--seed 0]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import zlib
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extractors.nlp.training.train_org_ner import train  # noqa: E402
from pipeline.evaluation.scorers.org_set import OTHER, Tally, load, predict, tally  # noqa: E402


def issuer(record: dict[str, Any]) -> str:
    return urlparse(record.get("source") or "").netloc or record["seed"]


def row(name: str, t: Tally) -> str:
    linking = t.linked_right / t.right if t.right else 0.0
    return f"| {name} | {t.precision:.3f} | {t.recall:.3f} | {t.f1:.3f} | {linking:.3f} | {t.gold} |"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--epochs", type=int, default=15)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    seed_dev = [r for r in load() if r["split"] == "dev"]
    dev = [r for r in load(OTHER) if r["split"] == "dev"]
    if not dev:
        print("tests/data/org_mentions_other.jsonl not found")
        return 1
    fold_of = {r["id"]: zlib.crc32(issuer(r).encode()) % args.folds for r in dev}
    rules = predict(dev, None)
    with_model: dict[str, list[tuple[int, int, str]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(args.folds):
            held_out = [r for r in dev if fold_of[r["id"]] == k]
            nlp, _ = train(seed_dev + [r for r in dev if fold_of[r["id"]] != k], args.epochs, args.seed)
            nlp.to_disk(Path(tmp) / f"fold{k}")
            with_model.update(predict(held_out, Path(tmp) / f"fold{k}"))
    print(
        f"{args.folds}-fold issuer-grouped CV on {len(dev)} development passages of other issuers "
        f"({len({issuer(r) for r in dev})} issuers), {args.epochs} epochs, seed {args.seed}\n"
    )
    print("| organisation mentions | precision | recall | F1 | linking | gold |\n|---|---|---|---|---|---|")
    print(row("rules (the default)", tally(dev, rules)))
    print(row("rules + trained NER (--ner-model)", tally(dev, with_model)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
