"""Municipal companies told by the company they keep.

A municipality's own documents list its companies beside its committees: a column of
"Byggnadsnämnden, Fastighetsnämnden, Higab AB, Kulturnämnden, Parkeringsbolaget AB …"
is the city's committees and companies. Nothing in "Higab AB" says who owns it; its
place in that column does. A company (or an untyped name written with AB/AS/KF there)
in a table column whose linked actors include at least two committees or administrations
is typed municipal_company. Gazetteer facts are never overridden.
"""

from __future__ import annotations

import re
from collections import defaultdict

from extractors.result import Extraction

CIVIC_TYPES = frozenset(["committee", "administration"])
COMPANY_FORM = re.compile(r"(?<![\w-])(?:AB|AS|KF|IKS|Aktiebolag)(?![\w-])")
MIN_CIVIC = 2


def type_municipal_companies(result: Extraction) -> int:
    """Retype companies that share a table column with the municipality's committees; returns how many."""
    cells = {c["cell_id"]: c for c in result.table("table_cells") if c.get("cell_id")}
    column_actors: dict[tuple[str, int], set[str]] = defaultdict(set)
    company_written: set[tuple[tuple[str, int], str]] = set()
    for mention in result.table("mentions"):
        cell = cells.get(mention.get("source_id") or "")
        actor_id = mention.get("actor_id")
        if mention.get("source_table") != "table_cells" or cell is None or not actor_id:
            continue
        column = (str(cell.get("table_id")), int(cell.get("col") or 0))
        column_actors[column].add(actor_id)
        if COMPANY_FORM.search(str(cell.get("text") or "")):
            company_written.add((column, actor_id))
    changed = 0
    for column, actor_ids in sorted(column_actors.items()):
        rows = {a: result.actors[a] for a in actor_ids if a in result.actors}
        if sum(r.get("actor_type") in CIVIC_TYPES for r in rows.values()) < MIN_CIVIC:
            continue
        for actor_id, row in sorted(rows.items()):
            if row.get("source") == "gazetteer":
                continue
            kind = row.get("actor_type")
            if kind == "company" or (kind == "other" and (column, actor_id) in company_written):
                row["actor_type"] = "municipal_company"
                changed += 1
    return changed
