"""The site report carries the latest published review in full, the actions agreed and those
still open from earlier reviews, and a sheet of every published review and its actions;
a draft review is in none of it."""

import datetime

import pytest

from support import services as support_services
from support.models import ProgressReview
from tests.reports.factories import ReportFactory
from tests.reports.pdf import assert_pdf_contains, sheets
from tests.reports.test_sections import generated
from tests.support.factories import (
    ProgressReviewFactory,
    ReviewActionFactory,
    ReviewResponseFactory,
)

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def reviewed(world):
    first = ProgressReviewFactory(
        site=world.site_a,
        consultant=world.consultant,
        review_date=D(2011, 10, 1),
        period_start=D(2011, 7, 1),
        period_end=D(2011, 9, 30),
        next_review_due=D(2012, 1, 15),
        progress="The project group met for the first time.",
    )
    carried = ReviewActionFactory(
        review=first, action="Recruit two peer trainers", owner_name="Priya Okafor"
    )
    latest = ProgressReviewFactory(
        site=world.site_a,
        consultant=world.consultant,
        progress="Four peer workers employed; the college opened its doors.",
        risks="Funding after March.",
    )
    support_services.action_set_done(
        action=ReviewActionFactory(
            review=latest,
            action="Book the board session",
            owner_person=world.member_a.person,
            owner_name="",
        ),
        done=True,
        note="Booked for 3 May.",
        by=world.member_a,
    )
    ReviewActionFactory(review=latest, action='=HYPERLINK("http://x")', owner_name="Dan Ellery")
    carried.carried_to = latest
    carried.save()
    ReviewResponseFactory(review=latest, author=world.lead_a, text="The board agreed the posts.")
    ProgressReviewFactory(
        site=world.site_a,
        consultant=world.consultant,
        review_date=D(2012, 3, 1),
        next_review_due=D(2012, 6, 1),
        state=ProgressReview.State.DRAFT,
        progress="A draft nobody else reads yet.",
    )
    return latest


def test_the_pdf_carries_the_latest_review_its_actions_and_the_open_ones(world, reviewed):
    report = generated(ReportFactory(site=world.site_a, requested_by=world.lead_a))
    with report.pdf.open("rb") as pdf:
        data = pdf.read()
    assert_pdf_contains(
        data,
        "Progress reviews",
        "Four peer workers employed; the college opened its doors.",
        "Funding after March.",
        "Book the board session",
        world.member_a.person.full_name,
        "Booked for 3 May.",
        "Dan Ellery",
        "Not done",
        "Open actions carried from earlier reviews",
        "Recruit two peer trainers",
        "Priya Okafor",
        "The board agreed the posts.",
    )
    with pytest.raises(AssertionError):
        assert_pdf_contains(data, "A draft nobody else reads yet.")


def test_the_sheet_holds_every_published_review_one_row_per_action(world, reviewed):
    report = generated(ReportFactory(site=world.site_a, requested_by=world.lead_a))
    with report.spreadsheet.open("rb") as xlsx:
        rows = sheets(xlsx.read())["Reviews and actions"]
    header, *body = rows
    assert header[0] == "Review date" and header[9] == "Action"
    assert len(body) == 3  # two actions of the latest review, one of the first; no draft
    by_action = {row[9]: row for row in body}
    done = by_action["Book the board session"]
    assert done[1:3] == (world.consultant.get_full_name(), "On track")
    assert done[5] == "Four peer workers employed; the college opened its doors."
    assert done[8] == f"{world.lead_a.get_full_name()}: The board agreed the posts."
    assert done[11:] == (datetime.datetime(2012, 2, 28), "Done", "Booked for 3 May.", None)
    carried = by_action["Recruit two peer trainers"]
    assert carried[12] == "Not done" and carried[14] == datetime.datetime(2012, 1, 15)
    assert '\'=HYPERLINK("http://x")' in by_action  # text never runs as a formula
    assert not any("A draft" in str(cell) for row in body for cell in row)


def test_a_site_without_a_published_review_says_so(world):
    ProgressReviewFactory(site=world.site_b, state=ProgressReview.State.DRAFT)
    report = generated(ReportFactory(site=world.site_b, requested_by=world.lead_b))
    with report.pdf.open("rb") as pdf:
        assert_pdf_contains(pdf.read(), "no published progress review yet")
    with report.spreadsheet.open("rb") as xlsx:
        assert sheets(xlsx.read())["Reviews and actions"][1:] == []
