"""Row labels of plan trees ("Insats 2", "Aktivitet 3:", "Målsetting A", "1.2.3") and their levels.

The vocabulary is data (extractors/data/plan_labels.tsv) with one level for action plans
(Tiltak = activity) and one for development plans (Målsetting -> Strategi -> Tiltak = measure).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

LABELS_PATH = Path(__file__).resolve().parent.parent / "data" / "plan_labels.tsv"

# Rank in the tree: a node's parent is the nearest earlier node of a smaller rank.
RANKS: dict[str, int] = {
    "area": 0,
    "effort": 1,
    "goal": 1,
    "strategy": 2,
    "activity": 3,
    "measure": 3,
    "project": 3,
    "proposal": 3,
    "subactivity": 4,
    "other": 5,
}
NUMBERED_LEVELS = ("area", "effort", "activity", "subactivity")
NUMBER_WORDS = (
    "ett|en|ei|et|två|to|tre|fyra|fire|fem|sex|seks|sju|syv|sju|åtta|åtte|otte|nio|ni|tio|ti|"
    "första|andra|tredje|fjärde|femte|sjätte|første|annen|andre|fjerde|sjette"
)
_TOKEN = rf"(?:\d{{1,2}}(?:\.\d{{1,3}})*(?!\d)[a-z]?|[A-ZÆØÅ]\b|[IVX]{{1,4}}\b|(?i:{NUMBER_WORDS})\b)"
# Outline numbers of up to three digits a level ("1.100", "120."), a number printed alone ("250")
_NUMBERING = re.compile(r"^\s*(\d{1,3}(?:\.\d{1,3}){0,3})(?:\.|\)|\s|$)\s*(\S.*)?$", re.S)
# "120 000 nya jobb", "250 nya bostäder": an amount opening a title, no outline number
_AMOUNT_START = re.compile(r"^\s*(?:\d{1,3}\s\d{3}(?!\d)|\d{3}\s+\S)")


@dataclass(frozen=True, slots=True)
class LabelMatch:
    code: str  # the label as printed, without the trailing colon ("Aktivitet 1")
    level: str
    rest: str  # text after the label ("Kompetensförsörjning")
    has_number: bool


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[tuple[str, str, str], ...]:
    rows: list[tuple[str, str, str]] = []
    for line in LABELS_PATH.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) == 3:
            rows.append((parts[0].strip().lower(), parts[1].strip(), parts[2].strip()))
    rows.sort(key=lambda r: -len(r[0]))
    return tuple(rows)


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    alternatives = "|".join(re.escape(label) for label, _, _ in _vocabulary())
    return re.compile(
        rf"^\s*(?P<label>(?i:{alternatives}))(?![\wåäöæø])(?:\s*(?P<num>{_TOKEN}))?\s*(?P<colon>[:.)–-])?\s*(?P<rest>.*)$",
        re.S,
    )


def match_label(text: str | None, scheme: str = "action_plan", *, strict: bool = False) -> LabelMatch | None:
    """The plan label a text starts with. strict: only with a number or a colon ("Mål: …").

    Cells of a label column are matched loosely ("Strategi" alone is a label there); running
    text and title cells strictly, so that a sentence starting "Aktiviteter som…" is no label.
    """
    if not text:
        return None
    match = _pattern().match(text)
    if match is None:
        match = _fuzzy_match(text)
    if match is None:
        return None
    has_number = match.group("num") is not None
    if strict and not has_number and not match.group("colon"):
        return None
    label = match.group("label").lower()
    level = next(
        (ap if scheme != "development_plan" else dp for lab, ap, dp in _vocabulary() if lab == label), None
    )
    if level is None:
        return None
    head = text[: match.start("rest")].strip()
    code = head.rstrip(":.)–- ").strip()
    return LabelMatch(code=code, level=level, rest=match.group("rest").strip(), has_number=has_number)


def _fuzzy_match(text: str) -> re.Match[str] | None:
    """The label match of a text whose label word is misspelt or mis-read ("Strateziskt område")."""
    from rapidfuzz import fuzz

    words = text.split()
    for n in (2, 1):
        if len(words) < n:
            continue
        head = " ".join(words[:n]).rstrip(":").lower()
        if len(head) < 6:
            continue
        best = max(_vocabulary(), key=lambda row: fuzz.ratio(head, row[0]))
        if head.startswith(best[0]) or best[0].startswith(head):
            continue  # "Strategisk plan" is no misspelt "Strategi"
        if len(best[0].split()) == n and fuzz.ratio(head, best[0]) >= 85:
            fixed = (
                best[0] + text[len(" ".join(words[:n])) :] if text.startswith(" ".join(words[:n])) else None
            )
            if fixed is not None:
                return _pattern().match(fixed)
    return None


def numbering(text: str | None) -> tuple[str, str] | None:
    """("1.2", rest) when a text starts with outline numbering; None otherwise."""
    if not text:
        return None
    match = _NUMBERING.match(text)
    if match is None or _AMOUNT_START.match(text):
        return None
    return match.group(1), (match.group(2) or "").strip()


def level_of_number(number: str) -> str:
    """1 -> area, 1.1 -> effort, 1.1.1 -> activity, 1.1.1.1 -> subactivity."""
    depth = min(len(number.split(".")), len(NUMBERED_LEVELS))
    return NUMBERED_LEVELS[depth - 1]


def rank(level: str) -> int:
    return RANKS.get(level, 5)
