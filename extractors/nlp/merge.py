"""One actor per organisation within a document.

Family extractors resolve role cells before the NLP step has read the whole document,
so an actor can be registered under a name the document later defines more fully
("Arbetsmarknad och vuxenutbildning" before "Förvaltningen för arbetsmarknad och
vuxenutbildning (Arbvux)", "HIGAB" before "Higab AB"). This pass asks the resolver,
now that it knows every definition, for each actor's preferred name and moves the
rows that point at a duplicate onto it.
"""

from __future__ import annotations

from extractors.normalise.actors import ActorResolver, slugify
from extractors.result import Extraction

LINKED_TABLES = ("actor_roles", "mentions")


def merge_duplicates(result: Extraction, resolver: ActorResolver) -> int:
    """Fold document-sourced actors into the actor the resolver now prefers; returns how many."""
    moved: dict[str, str] = {}
    for actor_id, row in list(result.actors.items()):
        if row.get("source") == "gazetteer":
            continue
        name = str(row.get("name") or "")
        preferred = resolver.preferred(name)
        new_id = resolver.actor_id_of(preferred) if slugify(preferred) else ""
        if not new_id or new_id == actor_id or new_id in moved:
            continue
        target = result.actors.get(new_id)
        if target is None:
            resolver.resolve(preferred, result)
            target = result.actors.get(new_id)
        if target is None:
            continue
        target["abbreviations"] = sorted(
            set(target.get("abbreviations") or []) | set(row.get("abbreviations") or [])
        )
        surfaces = {name, *(row.get("aliases") or [])} - {target["name"], *target["abbreviations"]}
        target["aliases"] = sorted(set(target.get("aliases") or []) | surfaces)
        moved[actor_id] = new_id
        del result.actors[actor_id]
    for old in moved:  # a target may itself have been folded later
        final, seen = moved[old], {old}
        while final in moved and final not in seen:
            seen.add(final)
            final = moved[final]
        moved[old] = final
    if moved:
        for table in LINKED_TABLES:
            for record in result.table(table):
                if record.get("actor_id") in moved:
                    record["actor_id"] = moved[record["actor_id"]]
    return len(moved)
