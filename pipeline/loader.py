"""Load a dataset into pandas, or open it in DuckDB, by the table names of SCHEMA.md."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from schemas.tables import TABLES, arrow_schema


def read_table(out_dir: str | Path, table: str) -> pa.Table:
    """Every partition of one table as a single Arrow table (doc_id as plain string)."""
    root = Path(out_dir) / table
    schema = arrow_schema(table)
    files = sorted(root.glob("doc_id=*/*.parquet")) if table != "actors" else sorted(root.glob("*.parquet"))
    parts = [pq.read_table(f).cast(schema) for f in files]
    return pa.concat_tables(parts) if parts else schema.empty_table()


@dataclass
class Dataset:
    """One pandas DataFrame per table; `tables` maps the same names."""

    tables: dict[str, pd.DataFrame] = field(default_factory=dict)

    def __getattr__(self, name: str) -> pd.DataFrame:
        try:
            return self.tables[name]
        except KeyError:
            raise AttributeError(name) from None

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.tables)


def load(out_dir: str | Path = "data/processed", all_revisions: bool = False) -> Dataset:
    """All tables as DataFrames; only current revisions unless `all_revisions=True`."""
    frames = {name: read_table(out_dir, name).to_pandas() for name in TABLES}
    if not all_revisions and len(frames["documents"]):
        current = set(frames["documents"].loc[frames["documents"]["is_current"], "doc_id"])
        for name, frame in frames.items():
            if name != "actors" and "doc_id" in frame.columns:
                frames[name] = frame[frame["doc_id"].isin(current)].reset_index(drop=True)
    return Dataset(frames)


def connect(out_dir: str | Path = "data/processed", all_revisions: bool = False, database: str = ":memory:"):  # type: ignore[no-untyped-def]
    """A DuckDB connection with one view per table (current revisions unless asked otherwise)."""
    import duckdb

    root = Path(out_dir).resolve()
    con = duckdb.connect(database)
    for name in TABLES:
        if name == "actors":
            source = root / "actors" / "*.parquet"
            if not list(root.glob("actors/*.parquet")):
                _empty_view(con, name)
                continue
            con.execute(f"CREATE OR REPLACE VIEW actors AS SELECT * FROM read_parquet('{source}')")
            continue
        if not list((root / name).glob("doc_id=*/*.parquet")):
            _empty_view(con, name)
            continue
        source = root / name / "*" / "*.parquet"
        base = f"SELECT * EXCLUDE (doc_id), CAST(doc_id AS VARCHAR) AS doc_id FROM read_parquet('{source}', union_by_name=true)"
        if all_revisions:
            con.execute(f"CREATE OR REPLACE VIEW {name} AS {base}")
        elif name == "documents":
            con.execute(f"CREATE OR REPLACE VIEW {name} AS SELECT * FROM ({base}) WHERE is_current")
        else:
            con.execute(
                f"CREATE OR REPLACE VIEW {name} AS SELECT t.* FROM ({base}) t "
                f"WHERE t.doc_id IN (SELECT CAST(doc_id AS VARCHAR) FROM read_parquet('{root / 'documents' / '*' / '*.parquet'}') WHERE is_current)"
            )
    return con


def _empty_view(con, name: str) -> None:  # type: ignore[no-untyped-def]
    table = arrow_schema(name).empty_table()
    con.register(f"_{name}_empty", table)
    con.execute(f"CREATE OR REPLACE VIEW {name} AS SELECT * FROM _{name}_empty")
