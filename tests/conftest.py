"""Shared fixtures: where ../shared is, and one pipeline run over the sample corpus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SHARED", ROOT.parent / "shared")).resolve()
CORPUS = SHARED / "corpus"
REALWORLD = SHARED / "realworld"


def corpus_pdf(name: str) -> Path:
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"{path} not available")
    return path


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus not available")
    return CORPUS


@pytest.fixture(scope="session")
def corpus_dataset(tmp_path_factory: pytest.TempPathFactory, corpus_dir: Path) -> Path:
    """The pipeline run once over every sample PDF (good and bad); tests read its output."""
    from pipeline.runner import RunOptions, execute

    out = tmp_path_factory.mktemp("corpus-dataset")
    pdfs = sorted(str(p) for p in corpus_dir.glob("*.pdf")) + [str(corpus_dir / "bad")]
    summary = execute(RunOptions(paths=pdfs, out_dir=out, workers=2, progress=False))
    assert summary.exit_code == 2  # the bad files fail, the rest is written
    return out
