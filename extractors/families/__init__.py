"""Family extractors; importing this package registers them (see extractors.registry)."""
from extractors.families import compendium, deck, final_report  # noqa: F401,E402
from extractors.families import development_plan, generic, plans  # noqa: F401,E402
