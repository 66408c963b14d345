"""Fast inserts: bulk_create in batches, and PostgreSQL's COPY for the largest table."""

import io
import time
from contextlib import contextmanager

from django.db import connection

BATCH_SIZE = 5_000


class Timings:
    """Seconds and rows per table, printed at the end of a run."""

    def __init__(self):
        self.rows: list[tuple[str, int, float]] = []

    @contextmanager
    def table(self, label: str):
        counter = {"rows": 0}
        started = time.perf_counter()
        yield counter
        self.rows.append((label, counter["rows"], time.perf_counter() - started))

    def report(self) -> str:
        width = max(len(label) for label, _, _ in self.rows)
        lines = [f"{'table':<{width}}  {'rows':>9}  {'seconds':>7}"]
        lines += [f"{label:<{width}}  {rows:>9,}  {secs:>7.2f}" for label, rows, secs in self.rows]
        total = sum(secs for _, _, secs in self.rows)
        lines.append(f"{'total':<{width}}  {sum(r for _, r, _ in self.rows):>9,}  {total:>7.2f}")
        return "\n".join(lines)


def insert(model, objects: list) -> list:
    """bulk_create in batches; primary keys come back on PostgreSQL and SQLite."""
    return model.objects.bulk_create(objects, batch_size=BATCH_SIZE)


def copy_rows(model, columns: list[str], rows) -> int:
    """Insert plain tuples: COPY on PostgreSQL (a million rows in seconds), bulk_create
    elsewhere. Only for tables nothing else points at, since no primary keys come back."""
    if connection.vendor != "postgresql":
        names = [model._meta.get_field(c).attname for c in columns]
        objects = [model(**dict(zip(names, row, strict=True))) for row in rows]
        return len(insert(model, objects))
    # COPY skips Django's defaults: columns not given take their field's default ("" for a
    # text field), so a field added to the model later never arrives as NULL.
    given = {model._meta.get_field(c).attname for c in columns}
    defaults = [
        f
        for f in model._meta.concrete_fields
        if not f.primary_key and f.attname not in given and (f.has_default() or not f.null)
    ]
    columns = [*columns, *(f.name for f in defaults)]
    extra = tuple(f.get_default() for f in defaults)
    buffer = io.StringIO()
    count = 0
    for row in rows:
        buffer.write("\t".join(_copy_value(value) for value in (*row, *extra)))
        buffer.write("\n")
        count += 1
    buffer.seek(0)
    table = connection.ops.quote_name(model._meta.db_table)
    column_sql = ", ".join(
        connection.ops.quote_name(model._meta.get_field(c).column) for c in columns
    )
    with connection.cursor() as cursor:
        cursor.copy_expert(f"COPY {table} ({column_sql}) FROM STDIN", buffer)
    return count


def _copy_value(value) -> str:
    if value is None:
        return r"\N"
    text = str(value)
    return text.replace("\\", "\\\\").replace("\t", " ").replace("\n", " ")
