"""planextract: Swedish and Norwegian development-plan PDFs to a Parquet dataset.

`load(DIR)` gives the tables as pandas DataFrames, `connect(DIR)` a DuckDB connection.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.8.0"
__all__ = ["__version__", "connect", "load"]

if TYPE_CHECKING:
    from pipeline.loader import Dataset


def load(out_dir: Any = "data/processed", all_revisions: bool = False) -> Dataset:
    from pipeline.loader import load as _load

    return _load(out_dir, all_revisions=all_revisions)


def connect(out_dir: Any = "data/processed", all_revisions: bool = False) -> Any:
    from pipeline.loader import connect as _connect

    return _connect(out_dir, all_revisions=all_revisions)
