"""Where a run's time goes: wall seconds per pipeline stage on the sample corpus.

Runs `pipeline.worker.extract` on each PDF in one process, after the same warm-up the
executors do (word lists, NLP pipelines), so the figures are a warm worker's. The NLP
share answers "what does the NLP step add to a run": its seconds over everything else.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

STAGES = ("read", "ocr", "layout", "classify", "structure", "extract", "nlp")


def measure(corpus: Path, ner_model: bool = False) -> list[tuple[str, int, dict[str, float]]]:
    from pipeline.executors import warm_up
    from pipeline.worker import Task, extract

    warm_up()
    rows = []
    for pdf in sorted(corpus.glob("*.pdf")):
        task = Task(
            source_path=str(pdf),
            sha256="0" * 64,
            document_key=pdf.stem,
            revision=1,
            file_size=0,
            out_dir="",
            ner_model=ner_model,
        )
        started = time.perf_counter()
        result, _status, _error, n_pages, _ocr = extract(task)
        times = dict(result.stage_seconds)
        times["total"] = time.perf_counter() - started
        rows.append((pdf.name, n_pages or 0, times))
    return rows


def render(rows: list[tuple[str, int, dict[str, float]]]) -> str:
    head = "| document | pages | " + " | ".join(STAGES) + " | total | NLP share |"
    lines = [head, "|" + "---|" * (len(STAGES) + 4)]
    sums = {s: 0.0 for s in (*STAGES, "total")}
    pages = 0
    for name, n, times in rows:
        for s in sums:
            sums[s] += times.get(s, 0.0)
        pages += n
        share = times.get("nlp", 0.0) / max(times["total"] - times.get("nlp", 0.0), 1e-9)
        cells = " | ".join(f"{times.get(s, 0.0):.2f}" for s in STAGES)
        lines.append(f"| {name} | {n} | {cells} | {times['total']:.2f} | {share:.1%} |")
    share = sums["nlp"] / max(sums["total"] - sums["nlp"], 1e-9)
    cells = " | ".join(f"{sums[s]:.2f}" for s in STAGES)
    lines.append(f"| all | {pages} | {cells} | {sums['total']:.2f} | {share:.1%} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=Path("../shared/corpus"))
    parser.add_argument("--ner-model", action="store_true", help="as `planextract run --ner-model`")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 1
    print("Seconds per stage, one warm process (NLP share = NLP seconds / all other stages):\n")
    print(render(measure(args.corpus, args.ner_model)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
