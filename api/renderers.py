"""CSV as another representation of every list, for Excel: one row per item, nested fields
as dotted columns, lists as JSON text, every cell through the project's formula-neutralising
writer (imroc/exports.py)."""

import io
import json

from rest_framework import renderers
from rest_framework.utils.encoders import JSONEncoder

from imroc.exports import csv_writer


def flatten(item: dict, prefix: str = "") -> dict:
    row = {}
    for key, value in item.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            row |= flatten(value, f"{name}.")
        elif isinstance(value, list):
            row[name] = json.dumps(value, cls=JSONEncoder)
        else:
            row[name] = value
    return row


class CsvRenderer(renderers.BaseRenderer):
    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        if isinstance(data, dict) and "results" in data:
            items = data["results"]
        elif isinstance(data, list):
            items = data
        else:
            items = [data]
        rows = [flatten(dict(item)) for item in items]
        columns = list(dict.fromkeys(name for row in rows for name in row))
        out = io.StringIO()
        writer = csv_writer(out)
        writer.writerow(columns)
        for row in rows:
            writer.writerow(
                [
                    ""
                    if row.get(c) is None
                    else str(row[c])
                    if isinstance(row.get(c), bool)
                    else row.get(c)
                    for c in columns
                ]
            )
        return out.getvalue().encode(self.charset)
