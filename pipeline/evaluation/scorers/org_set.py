"""Organisation mentions against hand-annotated text: the seed segments (tests/data/org_mentions.jsonl)
and passages written after documents of other issuers (tests/data/org_mentions_other.jsonl,
Swedish, bokmål and nynorsk, split by source document into a development half, the first round's
test half ("test"), the third round's ("test3") and the seventh's ("test7"), all never read).

The finder runs over each segment the way annotate() runs over a document: the
resolver first learns the abbreviation definitions of the whole source document, table
rows are read cell by cell (short cells as role cells). What a document run adds is not
here: the issuer read from the document (the Sør-Troms deck's "Regionrådet" is its
issuer, Sør-Troms regionråd) and the role parser's links of bare towns in role cells
("Eks. Gratangen koord."), so the figures, above all the Norwegian ones (13 mentions),
are the finder's alone. A predicted ORG mention is right
when its span equals a gold span; linking is right when its canonical name equals the
gold canonical name (case-insensitive, without a trailing legal form) or is the gazetteer
organisation the gold name is an alias of.

`python -m pipeline.evaluation.scorers.org_set` prints the figures per split and language.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.evaluation.common import EvalDoc, Figure, ratio

DATA = Path(__file__).resolve().parents[3] / "tests" / "data" / "org_mentions.jsonl"
# Passages written after public documents of other issuers (tests/data/README.md), labelled blind.
OTHER = DATA.with_name("org_mentions_other.jsonl")
SETS = ((DATA, "annotated seed set"), (OTHER, "passages of other issuers"))
# A second labelling of the same passages, blind to the first: how far two readings agree.
OTHER_SECOND = DATA.with_name("org_mentions_other_second.jsonl")
# A second blind labelling of the seventh round's test half.
OTHER_TEST7_SECOND = DATA.with_name("org_mentions_other_test7_second.jsonl")
_LEGAL = re.compile(r"(?i)\s+(?:ab|as|asa|aktiebolag|iks|sf|kf|hf|ba|sa|da|ans|hb|kb)$")


def canonical_key(name: str | None) -> str:
    """Case-, space- and legal-form-insensitive form of a canonical name."""
    text = re.sub(r"\s+", " ", (name or "").replace("\u00ad", "")).strip().casefold()
    return _LEGAL.sub("", text)


def same_organisation(predicted: str | None, gold: str | None) -> bool:
    """The linked actor is the gold organisation: the same canonical name, or a name the
    gazetteer (or the party table) records for the predicted organisation ("By- og
    regionforskningsinstituttet" is an alias of Norsk institutt for by- og regionforskning, the
    actor's canonical name; "Moderata samlingspartiet" of Moderaterna)."""
    from extractors.nlp import gazetteer

    want = canonical_key(gold)
    if canonical_key(predicted) == want:
        return True
    entries = list(gazetteer.load().by_name.get(gazetteer.key(predicted or ""), []))
    entries += [e for e in gazetteer.parties().values() if canonical_key(e.name) == canonical_key(predicted)]
    return any(want in {canonical_key(n) for n in (e.name, *e.aliases)} for e in entries)


@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    right: int = 0
    linked_right: int = 0

    def add(self, other: Tally) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.right += other.right
        self.linked_right += other.linked_right

    @property
    def precision(self) -> float:
        return ratio(self.right, self.predicted)

    @property
    def recall(self) -> float:
        return ratio(self.right, self.gold)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def linking(self) -> float:
        return ratio(self.linked_right, self.right)


def load(path: Path = DATA) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _cells(text: str) -> Iterable[tuple[int, str, bool]]:
    """(offset, text, is a role-like cell) for a table row, or the whole text for prose."""
    if "\t" not in text:
        yield 0, text, False
        return
    offset = 0
    for part in text.split("\t"):
        if part.strip():
            yield offset, part, len(part.strip()) < 120
        offset += len(part) + 1


def predict(
    records: list[dict[str, Any]], model: Path | None = None
) -> dict[str, list[tuple[int, int, str]]]:
    """segment id -> predicted ORG spans (start, end, canonical name); `model`: the trained NER's
    directory, asked where the rules find nothing (planextract run --ner-model), None: the rules alone."""
    from extractors.nlp.finder import Finder
    from extractors.normalise.actors import ActorResolver

    by_seed: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        by_seed.setdefault(record["seed"], []).append(record)
    out: dict[str, list[tuple[int, int, str]]] = {}
    for seed_records in by_seed.values():
        lang = seed_records[0]["lang"]
        resolver = ActorResolver(country="NO" if lang in ("nb", "nn") else "SE")
        for record in seed_records:
            if "(" in record["text"]:
                resolver.learn_from_text(record["text"])
        resolver.expand_names([r["text"] for r in seed_records])
        finder = Finder(resolver, lang, model)
        finder.prefetch(text for record in seed_records for _offset, text, _cell in _cells(record["text"]))
        for record in seed_records:
            spans: list[tuple[int, int, str]] = []
            for offset, text, cell in _cells(record["text"]):
                for found in finder.find(text, cell=cell):
                    if found.label == "ORG":
                        spans.append((offset + found.start, offset + found.end, found.name or found.text))
            out[record["id"]] = spans
    return out


def tally(records: list[dict[str, Any]], predicted: dict[str, list[tuple[int, int, str]]]) -> Tally:
    total = Tally()
    for record in records:
        gold = {(s, e): name for s, e, _label, name in record["spans"]}
        pred = {(s, e): name for s, e, name in predicted.get(record["id"], [])}
        total.gold += len(gold)
        total.predicted += len(pred)
        for span, name in pred.items():
            if span in gold:
                total.right += 1
                total.linked_right += same_organisation(name, gold[span])
    return total


def figures(path: Path = DATA, label: str = "annotated seed set") -> list[Figure]:
    records = load(path)
    if not records:
        return []
    predicted = predict(records)
    out: list[Figure] = []
    for split in (*sorted({r["split"] for r in records}), "all"):
        chosen = [r for r in records if split == "all" or r["split"] == split]
        t = tally(chosen, predicted)
        out += _split_figures(f"{label} ({split})", t, target=0.90)
    out += _model_figures(records, label)
    for lang in sorted({r["lang"] for r in records}):
        t = tally([r for r in records if r["lang"] == lang], predicted)
        name = f"{label}, {lang} only"
        out += [
            Figure("nlp", f"org mention F1, {name}", t.f1, t.gold),
            Figure("nlp", f"org linking accuracy on right spans, {name}", t.linking, t.right),
        ]
    return out


def _model_figures(records: list[dict[str, Any]], label: str) -> list[Figure]:
    """The held-out splits read with the trained NER as well (`planextract run --ner-model`); not the
    development split, which the shipped model was trained on (bench/ner_trial.py cross-validates there)."""
    from extractors.nlp.learned_orgs import MODEL_DIR, model

    if model(MODEL_DIR) is None:
        return []
    held_out = [r for r in records if r["split"] != "dev"]
    predicted = predict(records, MODEL_DIR)  # the whole file, so each document's definitions are learned
    out: list[Figure] = []
    for split in sorted({r["split"] for r in held_out}):
        t = tally([r for r in held_out if r["split"] == split], predicted)
        out += _split_figures(f"{label} ({split}), with --ner-model", t)
    return out


def _split_figures(name: str, t: Tally, target: float | None = None) -> list[Figure]:
    """Precision, recall, F1 and linking of one split; the targets are the rules' (the default)."""
    return [
        Figure("nlp", f"org mention precision, {name}", t.precision, t.predicted),
        Figure("nlp", f"org mention recall, {name}", t.recall, t.gold),
        Figure("nlp", f"org mention F1, {name}", t.f1, t.gold, target=target),
        Figure("nlp", f"org linking accuracy on right spans, {name}", t.linking, t.right, target=target),
    ]


def agreement(first: list[dict[str, Any]], second: list[dict[str, Any]]) -> Tally:
    """The second labelling scored like a system against the first: span F1 and same canonical name."""
    predicted = {r["id"]: [(s, e, name) for s, e, _label, name in r["spans"]] for r in second}
    return tally([r for r in first if r["id"] in predicted], predicted)  # the passages labelled twice


def score(docs: list[EvalDoc]) -> list[Figure]:
    """The annotated sets do not depend on the corpus run; scored once per `make eval`."""
    out = [figure for path, label in SETS for figure in figures(path, label)]
    first = load(OTHER)
    for second_path, passages in (
        (OTHER_SECOND, "first-round passages of other issuers"),
        (OTHER_TEST7_SECOND, "round-7 test half of other issuers"),
    ):
        second = load(second_path)
        if first and second:
            t = agreement(first, second)
            out += [
                Figure("nlp", f"org mention F1 agreement of two annotation passes, {passages}", t.f1, t.gold),
                Figure(
                    "nlp", f"org linking agreement of two annotation passes, {passages}", t.linking, t.right
                ),
            ]
    return out


def errors(path: Path = DATA, split: str = "dev") -> list[str]:
    """Misses, false alarms and wrong links of one split, for error analysis (never the test split's)."""
    records = [r for r in load(path) if r["split"] == split]
    predicted = predict(records)
    lines: list[str] = []
    for record in records:
        text = record["text"]
        gold = {(s, e): name for s, e, _label, name in record["spans"]}
        pred = {(s, e): name for s, e, name in predicted.get(record["id"], [])}
        for (s, e), name in gold.items():
            if (s, e) not in pred:
                lines.append(f"MISS\t{record['id']}\t{text[s:e]}\t{name}")
            elif not same_organisation(pred[(s, e)], name):
                lines.append(f"LINK\t{record['id']}\t{text[s:e]}\t{name}\t<- {pred[(s, e)]}")
        for (s, e), name in pred.items():
            if (s, e) not in gold:
                lines.append(f"FALSE\t{record['id']}\t{text[s:e]}\t{name}")
    return lines


def main() -> int:
    for f in score([]):
        print(f"{f.metric}: {f.value:.3f} (n = {f.n})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
