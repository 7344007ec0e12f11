"""Find the PDFs a run should look at, and identify each by its bytes."""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

_REVISION_SUFFIX = re.compile(
    r"(?:[ _-]+(?:v|ver|version|rev|revision|utkast|draft|final|slutlig|reviderad|kopia|copy)[ _-]*\d*"
    r"|[ _-]*\(\d+\))+$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class SourceFile:
    path: str  # as given / found
    real_path: str  # resolved, for de-duplication


def discover(paths: list[str]) -> tuple[list[SourceFile], list[str]]:
    """PDFs under the given files/folders (recursive, any-case .pdf), each once.

    Returns the files and the paths that do not exist (usage errors the CLI reports).
    """
    found: list[SourceFile] = []
    seen: set[str] = set()
    missing: list[str] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            candidates = sorted(
                (p for p in path.rglob("*") if p.is_file() and p.suffix.lower() == ".pdf"),
                key=lambda p: str(p),
            )
        elif path.is_file():
            candidates = [path]
        else:
            missing.append(given)
            continue
        for candidate in candidates:
            real = os.path.realpath(candidate)
            if real in seen:
                continue
            seen.add(real)
            found.append(SourceFile(path=str(candidate), real_path=real))
    return found, missing


def sha256_of(path: str, chunk: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def document_key(path: str) -> str:
    """Stable key of the logical document: the file stem, normalised, without revision suffixes."""
    stem = unicodedata.normalize("NFC", Path(path).stem).strip()
    stem = _REVISION_SUFFIX.sub("", stem) or stem
    key = re.sub(r"[^\w]+", "_", stem.lower(), flags=re.UNICODE).strip("_")
    return key or "document"
