"""Organisation names to canonical actors with stable ids.

The resolver is per document: it learns the document's own abbreviation definitions
("Grundskoleförvaltningen (GrF)") and falls back to shipped gazetteers. Ids are slugs of
the canonical name, so the same organisation gets the same actor_id in every document.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from extractors.result import Extraction, Record

_SUFFIX_TYPES: tuple[tuple[str, str], ...] = (
    (r"(?:nämnden|nämnd|styrelsen|utvalg|utvalget)$", "committee"),
    (r"(?:förvaltningen|förvaltning|kontoret|kontor|etaten|etat)$", "administration"),
    (r"\b(?:AB|Aktiebolag|AS|ASA)$", "company"),
    (r"(?:kommun|kommune|kommuns|kommunes|Stad|stad)$", "municipality"),
    (r"^(?:Region|Landstinget)\b|fylkeskommune$", "county_region"),
    (r"(?:universitet|Universitet|högskola|Högskolan|høgskole|Högskola|Universitetet)\b", "university"),
    (r"(?:regionråd|regionråd|nätverk|nettverk|Reglab)$", "network"),
    (r"(?:förening|föreningen|forening|forbund|förbund)$", "association"),
    (r"(?:verket|verk|myndigheten|direktoratet|Länsstyrelsen)\b", "state_agency"),
)


def slugify(name: str) -> str:
    """ASCII-folded, lower-case, hyphen-separated: the actor_id of a canonical name."""
    folded = name.replace("ø", "o").replace("Ø", "O").replace("æ", "ae").replace("Æ", "AE")
    folded = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def clean_name(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("\u00ad", ""))
    return re.sub(r"\s+", " ", text).strip(" ,.;:")


def guess_actor_type(name: str) -> str:
    for pattern, actor_type in _SUFFIX_TYPES:
        if re.search(pattern, name):
            return actor_type
    return "other"


@dataclass
class ActorResolver:
    """Resolve organisation strings of one document to canonical actors."""

    country: str | None = None
    abbreviations: dict[str, str] = field(default_factory=dict)  # ABBR -> canonical name

    def learn(self, name: str, abbreviation: str) -> None:
        """Record a definition found in the document: name "(ABBR)"."""
        self.abbreviations[abbreviation.strip()] = clean_name(name)

    def learn_from_text(self, text: str) -> None:
        """Learn every "Full Name (ABBR)" definition in running text."""
        pattern = r"([A-ZÅÄÖØÆ][\wåäöøæÅÄÖØÆ\-]+(?: [\wåäöøæÅÄÖØÆ\-]+){0,5}) \(([A-ZÅÄÖØÆ][\wåäöøæÅÄÖØÆ]{1,9})\)"
        for match in re.finditer(pattern, text):
            name, abbr = match.group(1), match.group(2)
            if abbr.lower() != name.lower() and any(c.isupper() for c in abbr[1:] + abbr[0]):
                self.learn(name, abbr)

    def canonical(self, text: str) -> tuple[str, list[str]]:
        """The canonical name for a surface form, and the abbreviations it is known by."""
        name = clean_name(text)
        if name in self.abbreviations:
            return self.abbreviations[name], [name]
        abbrs = [a for a, n in self.abbreviations.items() if n == name]
        return name, abbrs

    def resolve(self, text: str, result: Extraction | None = None) -> str | None:
        """actor_id for an organisation string; registers the actor on `result` when given."""
        name, abbrs = self.canonical(text)
        if not name:
            return None
        actor_id = slugify(name)
        if not actor_id:
            return None
        if result is not None:
            surface = clean_name(text)
            row: Record = {
                "actor_id": actor_id,
                "name": name,
                "abbreviations": abbrs,
                "aliases": [surface] if surface not in (name, *abbrs) else [],
                "actor_type": guess_actor_type(name),
                "country": self.country,
                "parent_municipality": None,
                "source": "document",
            }
            result.add_actor(row)
        return actor_id

    def split_list(self, cell: str) -> list[str]:
        """Split an organisation list cell: "UBF, Arbvux, BRG och GU" -> four names."""
        text = clean_name(cell)
        parts = re.split(r"\s*(?:,|;|\n|/(?=\s)|\s+och\s+|\s+og\s+|\s+samt\s+|\s+&\s+)\s*", text)
        return [p for p in (clean_name(x) for x in parts) if p]
