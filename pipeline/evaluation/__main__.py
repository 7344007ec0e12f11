"""`make eval`: run the pipeline over the sample corpus once and score it against the gold."""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import sys
import tempfile
import time
from pathlib import Path

from pipeline.evaluation import scorers
from pipeline.evaluation.common import EvalDoc, Figure
from pipeline.loader import load
from pipeline.runner import RunOptions, execute


def collect(corpus: Path, out: Path, workers: int, ner_model: bool = False) -> tuple[list[EvalDoc], float]:
    pdfs = sorted(p for p in corpus.glob("*.pdf"))
    started = time.perf_counter()
    execute(
        RunOptions(
            paths=[str(p) for p in pdfs],
            out_dir=out,
            workers=workers,
            report=False,
            progress=False,
            ner_model=ner_model,
        )
    )
    seconds = time.perf_counter() - started
    data = load(out)
    docs: list[EvalDoc] = []
    for pdf in pdfs:
        gold_path = pdf.with_suffix("").with_suffix(".gold.json")
        if not gold_path.exists():
            continue
        match = data["documents"][data["documents"]["file_name"] == pdf.name]
        doc_ids = set(match["doc_id"])
        tables = {
            name: (frame if name == "actors" else frame[frame["doc_id"].isin(doc_ids)].reset_index(drop=True))
            for name, frame in data.tables.items()
        }
        docs.append(EvalDoc(pdf.stem, json.loads(gold_path.read_text(encoding="utf-8")), pdf, tables))
    return docs, seconds


def run_scorers(docs: list[EvalDoc]) -> list[Figure]:
    figures: list[Figure] = []
    for info in sorted(pkgutil.iter_modules(scorers.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{scorers.__name__}.{info.name}")
        score = getattr(module, "score", None)
        if callable(score):
            try:
                figures.extend(score(docs))
            except Exception as exc:  # one broken scorer must not hide the others
                figures.append(Figure(info.name, f"scorer error: {type(exc).__name__}: {exc}", 0.0, 0))
    return figures


def render(figures: list[Figure]) -> str:
    lines = ["| section | metric | value | n | target | met |", "|---|---|---|---|---|---|"]
    for f in figures:
        target = "" if f.target is None else f"{f.target:.2f}"
        met = "" if f.met is None else ("yes" if f.met else "NO")
        lines.append(f"| {f.section} | {f.metric} | {f.value:.3f} | {f.n} | {target} | {met} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.evaluation", description=__doc__)
    parser.add_argument("--corpus", type=Path, default=Path("../shared/corpus"))
    parser.add_argument("--out", type=Path, default=None, help="dataset folder (default: a temporary one)")
    parser.add_argument("--workers", type=int, default=0)
    parser.add_argument("--markdown", type=Path, default=None, help="also write the table to this file")
    parser.add_argument(
        "--ner-model", action="store_true", help="run the corpus as `planextract run --ner-model` does"
    )
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="planextract-eval-") as tmp:
        out = args.out or Path(tmp)
        docs, seconds = collect(args.corpus, out, args.workers, args.ner_model)
        figures = run_scorers(docs)
    table = render(figures)
    print(table)
    setting = " with --ner-model" if args.ner_model else ""
    print(f"pipeline wall time on {len(docs)} corpus documents{setting}: {seconds:.1f} s")
    if args.markdown:
        args.markdown.write_text(table, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
