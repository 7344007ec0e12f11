"""Reader benchmark: every PDF under a folder read by both backends.

Reports, per backend, how many files read, how many raised `UnreadablePDF` (with the
message) and how many crashed with anything else, and the reading time per page over the
files both backends read. Each file runs in a fresh child process with a time limit, so a
hang or a native crash is counted instead of ending the run.

    python bench/backends.py ../shared/realworld
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _read(path: str, backend: str, queue: Any) -> None:
    from extractors.pdf.reader import UnreadablePDF, read_pdf

    start = time.perf_counter()
    try:
        doc = read_pdf(path, backend=backend)
        queue.put(("ok", doc.n_pages, time.perf_counter() - start, len(doc.warnings), ""))
    except UnreadablePDF as exc:
        queue.put(("unreadable", 0, time.perf_counter() - start, 0, str(exc)))
    except BaseException as exc:  # noqa: BLE001 - a crash is what we count
        queue.put(("crash", 0, time.perf_counter() - start, 0, f"{type(exc).__name__}: {exc}"))


def run_one(path: str, backend: str, timeout: float) -> dict[str, Any]:
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    process = context.Process(target=_read, args=(path, backend, queue))
    process.start()
    process.join(timeout)
    if process.is_alive():
        process.kill()
        process.join()
        return {"status": "timeout", "pages": 0, "seconds": timeout, "warnings": 0, "message": ""}
    if queue.empty():
        return {
            "status": "crash",
            "pages": 0,
            "seconds": 0.0,
            "warnings": 0,
            "message": f"exit {process.exitcode}",
        }
    status, pages, seconds, warnings, message = queue.get()
    return {"status": status, "pages": pages, "seconds": seconds, "warnings": warnings, "message": message}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--timeout", type=float, default=300.0)
    parser.add_argument("--json", type=Path, help="write per-file results here")
    args = parser.parse_args()
    files = sorted(str(p) for p in args.folder.rglob("*.pdf"))
    import pdfplumber  # noqa: F401 - imported once here, so the timings are reading only
    import pypdfium2  # noqa: F401

    import extractors.pdf.backends.pdfium
    import extractors.pdf.backends.pdfplumber  # noqa: F401

    results: dict[str, dict[str, dict[str, Any]]] = {}
    for path in files:
        results[path] = {b: run_one(path, b, args.timeout) for b in ("pdfium", "pdfplumber")}
    for backend in ("pdfium", "pdfplumber"):
        counts = Counter(r[backend]["status"] for r in results.values())
        print(f"{backend}: {len(files)} files, " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    both = [r for r in results.values() if r["pdfium"]["status"] == r["pdfplumber"]["status"] == "ok"]
    pages = sum(r["pdfium"]["pages"] for r in both)
    for backend in ("pdfium", "pdfplumber"):
        seconds = sum(r[backend]["seconds"] for r in both)
        print(
            f"{backend}: {pages} pages in {len(both)} files read by both: {seconds:.1f} s, {seconds / max(pages, 1):.4f} s/page"
        )
    for path, r in results.items():
        if r["pdfium"]["status"] != "ok" or r["pdfplumber"]["status"] != "ok":
            name = Path(path).name
            print(
                f"  {name}: pdfium {r['pdfium']['status']} {r['pdfium']['message']!r}; pdfplumber {r['pdfplumber']['status']} {r['pdfplumber']['message']!r}"
            )
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
