"""Family extractors; importing this package registers them (see extractors.registry)."""
