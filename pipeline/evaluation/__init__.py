"""Scoring the pipeline against the gold of the sample corpus (`make eval`)."""
