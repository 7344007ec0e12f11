"""The data dictionary in Markdown, generated from the schemas so it cannot drift."""

from __future__ import annotations

from schemas.tables import ENUMS, SCHEMA_VERSION, TABLES


def data_dictionary() -> str:
    lines = [
        f"# planextract data dictionary (schema {SCHEMA_VERSION})",
        "",
        "Hive-partitioned Parquet: `<table>/doc_id=<doc_id>/part-0.parquet`; `actors/part-0.parquet` is shared.",
        "Enumerated columns hold exactly the values listed; null where unknown.",
        "",
    ]
    for table, columns in TABLES.items():
        lines += [f"## {table}", "", "| column | type | required | meaning |", "|---|---|---|---|"]
        for column in columns:
            meaning = column.doc.replace("|", "\\|")
            allowed = ENUMS.get((table, column.name))
            if allowed:
                meaning += " — one of: " + ", ".join(f"`{v}`" for v in allowed)
            lines.append(
                f"| {column.name} | {column.type} | {'yes' if column.required else ''} | {meaning} |"
            )
        lines.append("")
    return "\n".join(lines) + "\n"
