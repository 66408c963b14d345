"""The site's archive: one ZIP with the JSON a machine loads back (``import_site``), a CSV
per kind of record for people, and the site's progress report as a PDF."""

import io
import json
import shutil
import tempfile
import time
import zipfile

from django.utils import timezone

from imroc.dates import long_datetime
from imroc.exports import BOM, csv_writer

from .dump import JSON_NAME, SiteDump, exported_fields
from .registry import site_entries, site_entry

README = "Everything {site} recorded in imroc, as at {when}.\n\n{files}\n"
FILES = [
    (
        "site.json",
        "every row, for loading into another database (manage.py import_site <this zip>)",
    ),
    ("csv/", "one spreadsheet-ready file per kind of record; the ID columns link the files"),
]


def _readme(site, pdf: bool) -> str:
    """The archive's contents, a file a line, its name padded past the longest name."""
    files = FILES + ([(pdf_name(site), "the site's progress report")] if pdf else [])
    width = max(len(name) for name, _ in files) + 2
    lines = "\n".join(f"{name:<{width}}{text}" for name, text in files)
    return README.format(site=site.name, when=long_datetime(timezone.now()), files=lines)


def site_archive(site, *, pdf: bytes | None = None) -> tuple[bytes, dict[str, int]]:
    """The ZIP's bytes and how many rows of each kind it holds."""
    buffer = io.BytesIO()
    counts = write_site_archive(buffer, site, pdf=pdf)
    return buffer.getvalue(), counts


def write_site_archive(file, site, *, pdf: bytes | None = None) -> dict[str, int]:
    """Write the ZIP into ``file`` (seekable binary) and return how many rows of each kind it
    holds. Streamed: each row is read once, in chunks, and written to its CSV and to the JSON
    as it comes, so a site of 100,000 rows never sits in memory whole."""
    dump = SiteDump(site)
    names = csv_names()
    with zipfile.ZipFile(file, "w", zipfile.ZIP_DEFLATED) as archive:
        csv = _CsvFiles(archive, dump, names)
        with tempfile.TemporaryFile() as json_file:
            text = io.TextIOWrapper(json_file, encoding="utf-8", newline="")
            dump.write_json(text, begin=csv.begin, each=csv.write)
            csv.close()
            text.detach().seek(0)  # flushed; the temporary file stays open
            with archive.open(_member(JSON_NAME), "w") as member:
                shutil.copyfileobj(json_file, member, 1 << 20)
        if pdf is not None:
            archive.writestr(pdf_name(site), pdf)
        archive.writestr("README.txt", _readme(site, pdf is not None))
    return dump.counts


def _member(name: str) -> zipfile.ZipInfo:
    """A file of the archive as ``writestr`` makes one (now, read-write for its owner)."""
    info = zipfile.ZipInfo(name, date_time=time.localtime(time.time())[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o600 << 16
    return info


class _CsvFiles:
    """The CSV of each kind, written into the archive while its rows are read for the JSON
    (one kind after another, so one file is open at a time): UTF-8 with a byte-order mark
    and plain double quotes where a cell needs them, so Excel on Windows opens it as it is;
    text still neutralised (``imroc.exports``)."""

    def __init__(self, archive, dump: SiteDump, names: dict):
        self.archive, self.dump, self.names = archive, dump, names
        self.file, self.writer, self.fields = None, None, []

    def write(self, entry, obj) -> None:
        if self.writer is not None:
            self.writer.writerow([obj.pk, *(_cell(self.dump, entry, f, obj) for f in self.fields)])

    def begin(self, entry) -> None:
        """A kind's file (with its header, however few its rows) unless it has none."""
        self.close()
        if entry not in self.names:
            return
        self.fields = _csv_fields(entry)
        member = self.archive.open(_member(self.names[entry]), "w")
        self.file = io.TextIOWrapper(member, encoding="utf-8", newline="")
        self.file.write(BOM)
        self.writer = csv_writer(self.file)
        self.writer.writerow(["ID", *(_header(f) for f in self.fields)])

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
        self.file = self.writer = None


def pdf_name(site) -> str:
    return f"{site.slug}-progress-report.pdf"


def csv_names() -> dict:
    """A file per kind, named as people call it ("Data points"); the app's name is added
    where two apps use the same word."""
    names = {}
    for entry in site_entries():
        if entry.csv:
            meta = entry.model._meta
            name = str(meta.verbose_name_plural)
            name = name[:1].upper() + name[1:]
            if name in names.values():
                name = f"{name} ({meta.app_config.verbose_name})"
            names[entry] = name
    return {entry: f"csv/{name}.csv" for entry, name in names.items()}


def _csv_fields(entry) -> list:
    """The fields a kind's CSV has a column for, after its ID."""
    return [
        f
        for f in exported_fields(entry.model._meta)
        if not f.primary_key and f.name not in entry.skip
    ]


def _header(field) -> str:
    name = str(field.verbose_name)
    name = name[:1].upper() + name[1:]
    owned = field.is_relation and site_entry(field.related_model._meta.label_lower)
    return f"{name} (ID)" if owned else name


def _cell(dump: SiteDump, entry, field, obj):
    if field.name in entry.drop:
        return ""
    if field.many_to_many:
        return "; ".join(str(_linked(dump, field, t.pk)) for t in getattr(obj, field.name).all())
    if field.is_relation:
        pk = getattr(obj, field.attname)
        return "" if pk is None else _linked(dump, field, pk)
    value = field.value_from_object(obj)
    if field.choices:
        return dict(field.flatchoices).get(value, value)
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, dict | list):
        return json.dumps(value)
    return value


def _linked(dump: SiteDump, field, pk):
    """A row of the site by its ID (in the other file); a shared one by its name."""
    if site_entry(field.related_model._meta.label_lower):
        return pk
    target = dump.shared_instance(field.related_model, pk)
    full_name = getattr(target, "get_full_name", None)
    return (full_name() if full_name else "") or str(target)
