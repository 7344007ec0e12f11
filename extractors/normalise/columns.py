"""What a plan table's column holds, from its header text.

Plans name the same column many ways ("Ansvarig", "Huvudansvarig", "Ansvarlig", "Ansvar";
"Uppstart", "Oppstart", "Tidsplan") and sometimes misspell them ("Upptart"). The synonyms
live in extractors/data/column_synonyms.tsv so that a new wording is a data change.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz

SYNONYMS_PATH = Path(__file__).resolve().parent.parent / "data" / "column_synonyms.tsv"
ROLES = (
    "title",
    "code",
    "start_raw",
    "end_raw",
    "responsible_raw",
    "participants_raw",
    "expected_outcome_raw",
    "resources_raw",
    "target_group_raw",
)
FUZZY_MIN = 86.0
_SCANDINAVIAN = ("sv", "nb", "nn", "da")


def normalise_header(text: str) -> str:
    """Lower case, NFC, soft hyphens and trailing punctuation gone, whitespace collapsed."""
    value = unicodedata.normalize("NFC", text.replace("\u00ad", "")).lower()
    value = re.sub(r"\s*/\s*", "/", value)
    value = re.sub(r"[\s:;.,*?!()\[\]'\"—–|_]+", " ", value)
    return value.strip()


@lru_cache(maxsize=1)
def synonyms() -> tuple[tuple[str, str, str], ...]:
    """(role, language, normalised synonym) rows of the shipped table."""
    rows: list[tuple[str, str, str]] = []
    for line in SYNONYMS_PATH.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3 or parts[0] not in ROLES:
            continue
        rows.append((parts[0], parts[1], normalise_header(parts[2])))
    return tuple(rows)


def _candidates(lang: str | None) -> list[tuple[str, str]]:
    """Synonyms of the language first, then the other Scandinavian ones, then English."""
    order = [lang] if lang else []
    order += [code for code in _SCANDINAVIAN if code not in order] + ["en", "*"]
    rank = {code: i for i, code in enumerate(order)}
    rows = sorted(synonyms(), key=lambda r: rank.get(r[1], len(rank)))
    return [(role, text) for role, _, text in rows]


def role_of(header_text: str | None, lang: str | None = None) -> str | None:
    """The activities column a header cell names, or None when it names none of them."""
    if not header_text:
        return None
    head = normalise_header(header_text)
    if not head:
        return None
    cands = _candidates(lang)
    for role, text in cands:
        if head == text:
            return role
    words = head.split(" ")
    # "Mål och aktiviteter", "Delmål og tiltak": a header naming the actions beside what they serve
    # is the actions' column
    parts = re.split(r" (?:och|og|and|&) ", head)
    if len(parts) == 2 and any(_LEAF_TITLE.fullmatch(part) for part in parts):
        return "title"
    # "Ansvarig förvaltning/bolag", "Tidsplan (år)": the header starts with a synonym.
    best: tuple[int, str] | None = None
    for role, text in cands:
        n = len(text.split(" "))
        if n <= len(words) and " ".join(words[:n]) == text and (best is None or n > best[0]):
            best = (n, role)
    if best is not None and len(words) <= best[0] + 3:
        return best[1]
    # Several names in one header ("Ressurs/finansiering", "Start/slut"): the first known part.
    if "/" in head and len(words) == 1:
        for part in head.split("/"):
            for role, text in cands:
                if part == text:
                    return role
    if len(head) >= 5 and len(words) <= 3:
        scored = [(fuzz.ratio(head, text), role) for role, text in cands if len(text) >= 5]
        if scored:
            score, role = max(scored, key=lambda s: s[0])
            if score >= FUZZY_MIN:
                return role
    return None


# Headers of a start_raw column that print when work starts; the other start_raw headers ("Tidsplan",
# "Tid", "När", "Period", "Timeframe") print when it takes place, so a single period there ends it too.
_START_WORDS = frozenset(
    {
        "uppstart",
        "oppstart",
        "opstart",
        "start",
        "startar",
        "påbörjas",
        "påbörjad",
        "startår",
        "starttid",
        "från",
        "fra",
    }
)


def names_whole_period(header_text: str | None, lang: str | None = None) -> bool:
    """Whether a date column's header names the time of the whole work ("Tidsplan": "2025" is
    Jan 1 to Dec 31), not its start ("Uppstart": "2025" is when it starts, its end unknown)."""
    if role_of(header_text, lang) != "start_raw":
        return False
    words = normalise_header(header_text or "").replace("/", " ").split()
    return bool(words) and words[0] not in _START_WORDS


def paired_role(header_text: str | None, lang: str | None = None) -> str | None:
    """The second column a two-name header names ("Ansvarig / samverkanspartner" -> participants_raw),
    when its two parts name two different columns; role_of gives the first."""
    head = normalise_header(header_text or "")
    parts = [part.strip() for part in head.split("/")]
    if len(parts) != 2 or not all(parts):
        return None
    first, second = role_of(parts[0], lang), role_of(parts[1], lang)
    return second if first is not None and second is not None and first != second else None


# The words that name the actions themselves, not the goals or strategies they serve ("Delmål og
# strategi | Tiltak": the actions are the second column)
_LEAF_TITLE = re.compile(
    r"aktivitet(?:er|erna|ar)?|åtgärd(?:er|erna)?|insats(?:er|erna)?|tiltak(?:et|ene)?|indsats(?:er)?|"
    r"handling(?:ar|er)?|actions?|measures?"
)


def roles_of(headers: list[str], lang: str | None = None) -> list[str | None]:
    """role_of for each header, a role kept only for its first column (duplicates -> None); of two
    title columns the one naming the actions ("Tiltak" after "Delmål og strategi") keeps it."""
    roles = [role_of(header, lang) for header in headers]
    titles = [c for c, role in enumerate(roles) if role == "title"]
    leaves = [c for c in titles if _LEAF_TITLE.fullmatch(normalise_header(headers[c]))]
    if len(titles) >= 2 and leaves and leaves[0] != titles[0]:
        roles[titles[0]] = None
    seen: set[str] = set()
    out: list[str | None] = []
    for role in roles:
        if role is not None and role in seen:
            role = None
        if role is not None:
            seen.add(role)
        out.append(role)
    return out
