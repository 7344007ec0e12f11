"""What a scorer receives and returns."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd


@dataclass(slots=True)
class EvalDoc:
    """One corpus document: its gold and the rows the pipeline wrote for it."""

    name: str  # corpus file stem
    gold: dict[str, Any]
    pdf_path: Path
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Figure:
    section: str
    metric: str
    value: float
    n: int
    target: float | None = None

    @property
    def met(self) -> bool | None:
        return None if self.target is None else self.value >= self.target


def norm(text: object) -> str:
    """Compare texts the way the gold says: NFC, no soft hyphens, whitespace collapsed."""
    if text is None or (isinstance(text, float) and text != text):
        return ""
    value = unicodedata.normalize("NFC", str(text)).replace("\u00ad", "")
    return re.sub(r"\s+", " ", value).strip()


def ratio(hits: int, total: int) -> float:
    return hits / total if total else 1.0
