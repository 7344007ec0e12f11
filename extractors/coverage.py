"""Warnings for what a document of its type should yield and did not.

A run that reads a plan but finds none of its actions is "ok" by every check of the PDF; the
documents row says so, so that an analyst looking at the summary or the quality report sees which
files to check against their pages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from extractors.result import Extraction

# document type -> (activities levels expected, what the warning says is missing)
_EXPECTED: dict[str, tuple[frozenset[str], str]] = {
    "action_plan": (
        frozenset({"effort", "activity", "subactivity", "measure"}),
        "no activities found: no plan table or labelled activity was read, so the plan's actions are missing",
    ),
    "development_plan": (
        frozenset({"effort", "activity", "subactivity", "measure", "strategy", "goal"}),
        "no measures found: no plan table or labelled measure was read, so the plan's actions are missing",
    ),
    "program_compendium": (
        frozenset({"project"}),
        "no project presentations found: the catalogue's projects are missing",
    ),
    "proposal_deck": (frozenset({"proposal"}), "no proposals found: the deck's proposals are missing"),
}


# A document no family claims is read by the generic reader only; the analyst should know which
# files those are ("Näringslivsstrategi", a statistics annex …) to check them against their pages.
UNRECOGNISED = (
    "kind of document not recognised (no cue of a plan, report, catalogue or deck): read for plan "
    "tables, goals and report tables only"
)


def coverage_warnings(result: Extraction) -> list[str]:
    """What the document's type promises and its rows lack (empty when all is there)."""
    if result.info.doc_type == "unknown":
        return [UNRECOGNISED]
    expected = _EXPECTED.get(result.info.doc_type)
    if expected is None:
        return []
    levels, message = expected
    found = {row.get("level") for row in result.table("activities")}
    return [] if found & levels else [message]
