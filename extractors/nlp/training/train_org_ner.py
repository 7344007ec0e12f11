"""Train the statistical organisation NER the finder asks where its rules find nothing.

Trains spaCy's own NER (a blank `sv` pipeline, its default tok2vec, no pretrained vectors,
fixed seed, one thread) on the development text of the two annotated organisation sets the
project ships — the seed segments' development split (tests/data/org_mentions.jsonl) and the
other issuers' development passages (tests/data/org_mentions_other.jsonl) — never on a
test split, and writes it to extractors/data/org_ner/ with the data it was trained from
recorded in its meta. Nothing is downloaded; the model is committed, so a run never trains.

    python -m extractors.nlp.training.train_org_ner [--epochs 15] [--seed 0] [--out DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[3]
SOURCES = (
    ROOT / "tests" / "data" / "org_mentions.jsonl",
    ROOT / "tests" / "data" / "org_mentions_other.jsonl",
)
MODEL_DIR = ROOT / "extractors" / "data" / "org_ner"


def development_records(sources: tuple[Path, ...] = SOURCES) -> list[dict[str, Any]]:
    """Every development segment of the annotated sets, in file order."""
    records: list[dict[str, Any]] = []
    for path in sources:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                if record["split"] == "dev":
                    records.append(record)
    return records


def training_data_sha256(sources: tuple[Path, ...] = SOURCES) -> str:
    """One hash of the annotation files, recorded in the model's meta: a model older than its data shows."""
    digest = hashlib.sha256()
    for path in sources:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def train(records: list[dict[str, Any]], epochs: int, seed: int = 0) -> tuple[Any, int]:
    """The trained pipeline and how many gold spans do not fall on token edges (left out of training:
    "GR-kommuner", "BRGs" — the rules read those)."""
    import spacy
    from spacy.training import Example
    from spacy.util import fix_random_seed, minibatch

    fix_random_seed(seed)
    nlp = spacy.blank("sv")
    ner: Any = nlp.add_pipe("ner")
    ner.add_label("ORG")
    examples = []
    unaligned = 0
    for record in records:
        doc = nlp.make_doc(record["text"])
        spans = []
        for start, end, _label, _name in record["spans"]:
            if doc.char_span(start, end) is None:
                unaligned += 1
            else:
                spans.append((start, end, "ORG"))
        examples.append(Example.from_dict(doc, {"entities": spans}))
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(examples)
        for batch in minibatch(examples, size=8):
            nlp.update(batch, sgd=optimizer, drop=0.2)
    return nlp, unaligned


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=15)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    args = parser.parse_args()
    records = development_records()
    nlp, unaligned = train(records, args.epochs, args.seed)
    nlp.meta["name"] = "org_ner"
    nlp.meta["version"] = "1.0.0"
    nlp.meta["description"] = (
        f"ORG spans learned from {len(records)} development segments of tests/data/org_mentions*.jsonl "
        f"({args.epochs} epochs, seed {args.seed}; {unaligned} spans inside a token left out)"
    )
    nlp.meta["training_data_sha256"] = training_data_sha256()
    nlp.to_disk(args.out)
    print(f"{args.out}: {nlp.meta['description']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
