"""Family extractors; importing this package registers them (see extractors.registry)."""

from extractors.families import compendium, deck, development_plan, final_report, generic, plans  # noqa: F401
