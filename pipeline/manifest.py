"""`_manifest.json`: what was processed, keyed by sha256, and the revisions of each document_key.

The manifest is the run's memory: a file whose bytes are known is not parsed again, and a
new sha256 under a known document_key becomes the next revision. It is rewritten
atomically, and only when something in it changed.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MANIFEST_NAME = "_manifest.json"


@dataclass
class Manifest:
    path: Path
    documents: dict[str, dict[str, Any]] = field(default_factory=dict)  # sha256 -> entry
    keys: dict[str, list[str]] = field(default_factory=dict)  # document_key -> sha256s by revision
    dirty: bool = False

    @classmethod
    def load(cls, out_dir: Path) -> Manifest:
        path = out_dir / MANIFEST_NAME
        if not path.exists():
            return cls(path=path)
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(path=path, documents=data.get("documents", {}), keys=data.get("keys", {}))

    def entry(self, sha256: str) -> dict[str, Any] | None:
        return self.documents.get(sha256)

    def revision_for(self, sha256: str, key: str) -> tuple[int, str | None]:
        """The revision number a new file gets, and the sha256 of the revision it supersedes."""
        shas = self.keys.get(key, [])
        if sha256 in shas:
            return shas.index(sha256) + 1, None
        previous = shas[-1] if shas else None
        return len(shas) + 1, previous

    def reserve(self, sha256: str, key: str) -> None:
        """Claim the next revision slot of `key` for a file about to be extracted."""
        shas = self.keys.setdefault(key, [])
        if sha256 not in shas:
            shas.append(sha256)
            self.dirty = True

    def newest(self, key: str) -> str | None:
        shas = self.keys.get(key, [])
        return shas[-1] if shas else None

    def is_current(self, sha256: str) -> bool:
        entry = self.documents.get(sha256)
        if entry is None:
            return False
        shas = self.keys.get(entry["document_key"], [])
        return bool(shas) and shas[-1] == sha256

    def record(self, sha256: str, entry: dict[str, Any]) -> None:
        key = entry["document_key"]
        old = self.documents.get(sha256, {})
        paths = sorted(set(old.get("paths", [])) | set(entry.get("paths", [])))
        self.documents[sha256] = {**old, **entry, "paths": paths}
        shas = self.keys.setdefault(key, [])
        if sha256 not in shas:
            shas.append(sha256)
        self.dirty = True

    def add_path(self, sha256: str, path: str) -> None:
        entry = self.documents.get(sha256)
        if entry is not None and path not in entry.setdefault("paths", []):
            entry["paths"] = sorted([*entry["paths"], path])
            self.dirty = True

    def save(self) -> None:
        if not self.dirty:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        payload = {"format": 1, "documents": dict(sorted(self.documents.items())), "keys": self.keys}
        fd, tmp = tempfile.mkstemp(prefix=".manifest-", suffix=".tmp", dir=self.path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(payload, handle, ensure_ascii=False, indent=1, sort_keys=False)
        os.replace(tmp, self.path)
        self.dirty = False
