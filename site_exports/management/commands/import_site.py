"""Load a site's archive (from the site's "Download all the site's data") into this
database: ``manage.py import_site devon.zip``. A malformed or hostile archive is refused
with "Not loaded: <reason>" and nothing of it is kept (``site_exports.load``)."""

from django.core.management.base import BaseCommand, CommandError

from site_exports.load import ImportRefused, load_site_file


class Command(BaseCommand):
    help = "Load a site's archive (ZIP) into this database, with everything it recorded."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The ZIP downloaded from the site's export page.")

    def handle(self, *args, archive, **options):
        try:
            site, counts = load_site_file(archive)
        except ImportRefused as exc:
            raise CommandError(f"Not loaded: {exc}") from exc
        rows = sum(counts.values())
        self.stdout.write(self.style.SUCCESS(f"Loaded {site.name}: {rows} rows."))
