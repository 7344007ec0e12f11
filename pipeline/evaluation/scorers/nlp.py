"""Direct evaluation of the organisation finder, independent of layout and family extraction.

The finder runs over the gold activities' title/responsible_raw/participants_raw strings
and over the document's seed transcript (../shared/seeds, matched to the document by
its title); a gold actor is found when a found mention links to an actor whose name,
abbreviation or alias equals the gold name or abbreviation.

`python -m pipeline.evaluation.scorers.nlp [corpus]` prints the per-document table.
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path
from typing import Any

from pipeline.evaluation.common import EvalDoc, Figure, norm, ratio
from pipeline.evaluation.scorers.actors import gold_keys, surface_keys

FIELDS = ("title", "responsible_raw", "participants_raw")


def seed_text(doc: EvalDoc) -> str:
    """The seed transcript whose opening shares most words with the document's title."""
    seeds = doc.pdf_path.resolve().parent.parent / "seeds"
    words = {w for w in re.findall(r"\w{4,}", norm(doc.gold.get("title")).casefold())}
    if not words or not seeds.is_dir():
        return ""
    best, best_hits = "", 1
    for path in sorted(seeds.glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        opening = set(re.findall(r"\w{4,}", norm(text[:3000]).casefold()))
        hits = len(words & opening)
        if hits > best_hits:
            best, best_hits = text, hits
    return best


def found_actors(gold: dict[str, Any], text: str) -> list[dict[str, Any]]:
    """Run the finder the way annotate() does and return the actors it links."""
    from extractors.nlp.finder import Finder
    from extractors.nlp.roles import RoleParser
    from extractors.normalise.actors import ActorResolver
    from extractors.result import Extraction

    language = str(gold.get("language") or "sv")
    resolver = ActorResolver(country="NO" if language in ("nb", "nn") else "SE")
    strings = [str(a.get(f)) for a in gold.get("activities") or [] for f in FIELDS if a.get(f)]
    for chunk in [*strings, *text.splitlines()]:
        if "(" in chunk:
            resolver.learn_from_text(chunk)
    result = Extraction(doc_id="eval")
    parser = RoleParser(resolver, Finder(resolver, language), result)
    for activity in gold.get("activities") or []:
        for field in FIELDS:
            value = activity.get(field)
            if value and field != "title":
                parser.parties(str(value))
            if value:
                for found in parser.finder.find(str(value), cell=field != "title", people=False):
                    parser.link(found)
    for line in text.splitlines():
        for found in parser.finder.find(line, people=False):
            parser.link(found)
    return list(result.actors.values())


def per_document(docs: list[EvalDoc]) -> list[tuple[str, int, int, int, float]]:
    """(name, gold actors, found, linked actors, seconds) per document with gold actors."""
    rows = []
    for doc in docs:
        gold_actors = list(doc.gold.get("actors") or [])
        if not gold_actors:
            continue
        started = time.perf_counter()
        actors = found_actors(doc.gold, seed_text(doc))
        keys = [surface_keys(a) for a in actors]
        hits = sum(any(gold_keys(g) & k for k in keys) for g in gold_actors)
        rows.append((doc.name, len(gold_actors), hits, len(actors), time.perf_counter() - started))
    return rows


def score(docs: list[EvalDoc]) -> list[Figure]:
    rows = per_document(docs)
    figures = [
        Figure("nlp", f"org finder recall of gold actors: {name}", ratio(h, n), n)
        for name, n, h, _, _ in rows
    ]
    total, hits = sum(r[1] for r in rows), sum(r[2] for r in rows)
    figures.append(
        Figure(
            "nlp", "org finder recall of gold actors (gold strings + seed text)", ratio(hits, total), total
        )
    )
    return figures


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    corpus = Path(args[0] if args else "../shared/corpus")
    docs = [
        EvalDoc(
            p.name.removesuffix(".gold.json"),
            json.loads(p.read_text(encoding="utf-8")),
            p.with_name(p.name.removesuffix(".gold.json") + ".pdf"),
        )
        for p in sorted(corpus.glob("*.gold.json"))
    ]
    print("| document | gold actors | found | recall | actors linked | seconds |")
    print("|---|---|---|---|---|---|")
    rows = per_document(docs)
    for name, n, hits, linked, seconds in rows:
        print(f"| {name} | {n} | {hits} | {ratio(hits, n):.3f} | {linked} | {seconds:.2f} |")
    total, hits = sum(r[1] for r in rows), sum(r[2] for r in rows)
    print(f"| **all** | {total} | {hits} | {ratio(hits, total):.3f} | {sum(r[3] for r in rows)} | |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
