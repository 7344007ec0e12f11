"""Find the PDFs a run should look at, and identify each by its bytes."""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

# Words and numbers that mark a revision of the same document at the end of a file name. A
# version number has at most three digits: "plan_final_2026" names the 2026 plan, and a year
# after a revision word is part of the name, not its revision.
_REVISION_SUFFIX = re.compile(
    r"(?:[ _-]+(?:v|ver|version|rev|revision|utkast|draft|final|slutlig|reviderad|kopia|copy)[ _-]*\d{0,3}"
    r"|[ _-]*\(\d{1,3}\))+$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class SourceFile:
    path: str  # as given / found
    real_path: str  # resolved, for de-duplication
    problem: str | None = None  # why the file cannot be read at all (a broken link, a device)


BROKEN_LINK = "broken or looping symbolic link: it points to no readable file"
NOT_A_FILE = "not a regular file (a device, pipe or socket named .pdf)"


def discover(paths: list[str]) -> tuple[list[SourceFile], list[str]]:
    """PDFs under the given files/folders (recursive, any-case .pdf), each once.

    Symbolically linked folders are searched like real ones (each real folder once, so a link
    back up the tree is no loop). A `.pdf` link that leads nowhere, or round in a circle, is
    kept with its problem so it gets a documents row instead of vanishing.
    Returns the files and the paths that do not exist (usage errors the CLI reports).
    """
    found: list[SourceFile] = []
    seen: set[str] = set()
    missing: list[str] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            candidates = sorted(_pdfs_under(path), key=str)
        elif path.is_file():
            candidates = [path]
        else:
            missing.append(given)
            continue
        for candidate in candidates:
            problem = _problem(candidate)
            real = os.path.abspath(candidate) if problem else os.path.realpath(candidate)
            if real in seen:
                continue
            seen.add(real)
            found.append(SourceFile(path=str(candidate), real_path=real, problem=problem))
    return found, missing


def _pdfs_under(folder: Path) -> list[Path]:
    """Every `.pdf` entry below `folder`, following folder links but entering each real folder once."""
    found: list[Path] = []
    visited: set[str] = set()
    for root, dirs, files in os.walk(folder, followlinks=True):
        real = os.path.realpath(root)
        if real in visited:
            dirs[:] = []
            continue
        visited.add(real)
        dirs.sort()
        # a link that leads nowhere or round in a circle is listed among the files
        found.extend(Path(root) / name for name in files if name.lower().endswith(".pdf"))
    return found


def _problem(path: Path) -> str | None:
    """Why `path` cannot be read as a file, or None for a regular file."""
    if path.is_file():
        return None
    if path.is_symlink():
        return BROKEN_LINK
    return NOT_A_FILE


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
