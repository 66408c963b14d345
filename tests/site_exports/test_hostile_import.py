"""An archive an administrator is handed may be hostile: ``import_site`` reads only what the
export writes, creates every row afresh, never makes an administrator, caps what it unpacks,
and refuses a malformed archive with "Not loaded: <reason>", keeping nothing of it."""

import io
import json
import tracemalloc
import zipfile

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError

from accounts.roles import Role, has_role
from pdsa.models import DataPoint, Goal
from site_exports.archive import site_archive
from sites.models import Site
from support.models import SupportLogEntry
from tests.pdsa.factories import DataPointFactory
from tests.support.factories import SupportLogEntryFactory

pytestmark = pytest.mark.django_db

NEW = "gamma"


def archive_data(site) -> dict:
    """The site's real archive, renamed so that it loads beside the original."""
    archive, _ = site_archive(site)
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        data = json.loads(opened.read("site.json"))
    data["site"]["slug"] = NEW
    (row,) = block(data, "sites.site")
    row["fields"].update(slug=NEW, name="Gamma Trust")
    return data


def block(data: dict, label: str) -> list:
    return next(b["rows"] for b in data["models"] if b["model"] == label)


def write(tmp_path, data, *, raw: bytes | None = None):
    path = tmp_path / "hostile.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("site.json", raw if raw is not None else json.dumps(data))
    return path


def refusal(path) -> str:
    """The command's answer to an archive it must refuse; nothing of it is loaded."""
    with pytest.raises(CommandError) as refused:
        call_command("import_site", str(path), stdout=io.StringIO())
    message = str(refused.value)
    assert message.startswith("Not loaded: "), message
    assert not Site.objects.filter(slug=NEW).exists()
    return message


def loads(path) -> Site:
    out = io.StringIO()
    call_command("import_site", str(path), stdout=out)
    assert "Loaded Gamma Trust" in out.getvalue()
    return Site.objects.get(slug=NEW)


@pytest.fixture
def site_a_with_values(world):
    point = DataPointFactory(indicator__goal__priority__site=world.site_a, value=12.0)
    SupportLogEntryFactory(site=world.site_a, given_by=world.consultant, notes="Site A's visit")
    return point


def test_a_row_carrying_an_id_never_overwrites_another_sites_row(
    world, site_a_with_values, tmp_path
):
    theirs = DataPointFactory(indicator__goal__priority__site=world.site_b, value=3.0)
    their_log = SupportLogEntryFactory(site=world.site_b, notes="Beta's own visit")
    data = archive_data(world.site_a)
    block(data, "pdsa.datapoint")[0]["fields"]["id"] = theirs.pk
    block(data, "support.supportlogentry")[0]["fields"]["id"] = their_log.pk

    assert "carry id" in refusal(write(tmp_path, data))
    theirs.refresh_from_db()
    their_log.refresh_from_db()
    assert (theirs.value, theirs.indicator.goal.priority.site) == (3.0, world.site_b)
    assert (their_log.notes, their_log.site) == ("Beta's own visit", world.site_b)


def test_refs_equal_to_another_sites_ids_load_as_new_rows(world, site_a_with_values, tmp_path):
    theirs = DataPointFactory(indicator__goal__priority__site=world.site_b, value=3.0)
    their_log = SupportLogEntryFactory(site=world.site_b, notes="Beta's own visit")
    data = archive_data(world.site_a)
    block(data, "pdsa.datapoint")[0]["ref"] = theirs.pk
    block(data, "support.supportlogentry")[0]["ref"] = their_log.pk

    site = loads(write(tmp_path, data))
    assert DataPoint.objects.get(indicator__goal__priority__site=site).value == 12.0
    assert SupportLogEntry.objects.get(site=site).notes == "Site A's visit"
    theirs.refresh_from_db()
    their_log.refresh_from_db()
    assert theirs.indicator.goal.priority.site == world.site_b
    assert their_log.site == world.site_b


def test_a_reference_to_another_sites_row_is_refused(world, site_a_with_values, tmp_path):
    their_indicator = DataPointFactory(indicator__goal__priority__site=world.site_b).indicator
    data = archive_data(world.site_a)
    block(data, "pdsa.datapoint")[0]["fields"]["indicator"] = their_indicator.pk + 1000

    assert "does not hold" in refusal(write(tmp_path, data))
    assert their_indicator.data_points.count() == 1


def test_an_archive_never_creates_a_superuser_or_staff(world, tmp_path):
    data = archive_data(world.site_a)
    data["shared"].append(
        {
            "model": "auth.user",
            "key": ["intruder"],
            "fields": {"username": "intruder", "is_superuser": True, "is_staff": True},
        }
    )
    assert "is_staff, is_superuser" in refusal(write(tmp_path, data))
    assert not User.objects.filter(username="intruder").exists()


def test_an_archive_never_gives_a_new_account_the_administrators_role(world, tmp_path):
    data = archive_data(world.site_a)
    data["shared"].append(
        {
            "model": "auth.user",
            "key": ["intruder"],
            "fields": {"username": "intruder", "groups": [[Role.ADMINISTRATOR.value]]},
        }
    )
    loads(write(tmp_path, data))
    intruder = User.objects.get(username="intruder")
    assert not (intruder.is_staff or intruder.is_superuser or intruder.has_usable_password())
    assert not has_role(intruder, Role.ADMINISTRATOR)


def test_a_zip_bomb_is_refused_without_being_unpacked(world, tmp_path, settings):
    """50 MB of JSON in a ZIP of a few kilobytes, against a 1 MB cap: refused having
    unpacked at most the cap."""
    settings.IMROC_IMPORT_MAX_BYTES = 1_000_000
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("site.json", "w", force_zip64=True) as out:
            for _ in range(50):
                out.write(b" " * 1_000_000)
    assert path.stat().st_size < 200_000
    tracemalloc.start()
    message = refusal(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert "unpacks to more than 1 MB" in message
    assert peak < 10_000_000


def test_an_archive_of_too_many_rows_is_refused(world, site_a_with_values, tmp_path, settings):
    settings.IMROC_IMPORT_MAX_ROWS = 5
    assert "more than the 5 an import takes" in refusal(write(tmp_path, archive_data(world.site_a)))


@pytest.mark.parametrize(
    "raw, reason",
    [
        (b"{not json", "site.json is not valid JSON"),
        (b"[1, 2]", "must hold an object"),
        (b"[" * 100_000, "site.json is not valid JSON"),
        (b'{"format": "imroc.site-export", "version": 1}', "which site it holds"),
    ],
)
def test_wrong_json_is_refused_with_its_reason(world, tmp_path, raw, reason):
    assert reason in refusal(write(tmp_path, None, raw=raw))


def test_a_file_that_is_not_an_archive_is_refused(world, tmp_path):
    path = tmp_path / "not.zip"
    path.write_bytes(b"PK\x03\x04 not really")
    assert "not a readable ZIP" in refusal(path)
    other = tmp_path / "other.zip"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("README.txt", "hello")
    assert "no site.json" in refusal(other)


@pytest.mark.parametrize(
    "breakage, reason",
    [
        (lambda data: data.pop("shared"), "no list of 'shared'"),
        (lambda data: data["models"].append({"model": "pdsa.goal"}), "has no 'rows'"),
        (lambda data: block(data, "pdsa.goal")[0].pop("ref"), "no whole-number ref"),
        (lambda data: block(data, "pdsa.datapoint")[0]["fields"].pop("indicator"), "refused"),
        (lambda data: block(data, "pdsa.datapoint")[0]["fields"].update(value="lots"), "fit"),
        (lambda data: block(data, "sites.site")[0]["fields"].update(slug="beta"), "refused"),
        (lambda data: data["shared"].append({"model": "x.y", "key": [], "fields": {}}), "x.y"),
    ],
)
def test_an_archive_with_missing_or_wrong_parts_loads_nothing(
    world, site_a_with_values, tmp_path, breakage, reason
):
    goals = Goal.objects.count()
    data = archive_data(world.site_a)
    breakage(data)
    assert reason in refusal(write(tmp_path, data))
    assert Goal.objects.count() == goals  # all or nothing
