import datetime

from django.core.files.uploadedfile import SimpleUploadedFile

from pdsa.csv_import import parse_rows
from pdsa.forms import CycleActForm, DataImportForm, GoalForm, PrioritiesForm
from pdsa.models import DataPoint
from tests.pdsa.factories import (
    CycleFactory,
    DataPointFactory,
    GoalFactory,
    IndicatorFactory,
    PriorityFactory,
    challenge,
)

TODAY = datetime.date(2012, 6, 1)


def test_csv_rows_accept_the_documented_date_formats_and_a_header():
    text = "date,value,note\n2012-03-31,42\n30/04/2012,43%,after training\n31 May 2012,44\n"
    rows, errors = parse_rows(text)
    assert errors == []
    assert rows == [
        (datetime.date(2012, 3, 31), 42.0, ""),
        (datetime.date(2012, 4, 30), 43.0, "after training"),
        (datetime.date(2012, 5, 31), 44.0, ""),
    ]


def test_csv_bad_rows_are_reported_by_line_number():
    text = "2012-03-31,42\n31/02/2012,40\n2012-04-30,lots\n2012-05-31\n2012-03-31,41\n"
    rows, errors = parse_rows(text, existing_dates={datetime.date(2012, 5, 1)})
    assert [e.split(":")[0] for e in errors] == ["Line 2", "Line 3", "Line 4", "Line 5"]
    assert "is not a date" in errors[0]
    assert "“lots” is not a number" in errors[1]
    assert "found 1 field" in errors[2]
    assert "also on line 1" in errors[3]


def test_csv_reports_dates_that_already_have_a_value():
    _, errors = parse_rows("2012-05-01,3", existing_dates={datetime.date(2012, 5, 1)})
    assert errors == ["Line 1: 1 May 2012 already has a value."]


def test_import_form_with_one_bad_line_imports_nothing(world):
    indicator = IndicatorFactory(goal__priority__site=world.site_a)
    upload = SimpleUploadedFile("data.csv", b"2012-01-01,1\n2012-01-08,x\n")
    form = DataImportForm({}, {"file": upload}, indicator=indicator, today=TODAY)
    assert not form.is_valid()
    assert "Line 2: “x” is not a number." in form.non_field_errors()
    assert DataPoint.objects.count() == 0


def test_priorities_outside_two_or_three_ask_for_confirmation(world):
    site = world.site_a
    one = {"challenges": [challenge(1).pk]}
    form = PrioritiesForm(one, site=site)
    assert not form.is_valid()
    assert "advises 2 or 3" in form.errors["confirm_number"][0]
    assert PrioritiesForm({**one, "confirm_number": "on"}, site=site).is_valid()
    assert PrioritiesForm({"challenges": [challenge(1).pk, challenge(2).pk]}, site=site).is_valid()


def test_a_priority_with_goals_cannot_be_unticked(world):
    GoalFactory(priority=PriorityFactory(site=world.site_a, challenge=challenge(4)))
    form = PrioritiesForm({"challenges": [challenge(1).pk, challenge(2).pk]}, site=world.site_a)
    assert not form.is_valid()
    assert "has goals" in form.errors["challenges"][0]


def test_goal_form_refuses_a_target_before_the_start_and_another_sites_priority(world):
    own = PriorityFactory(site=world.site_a)
    other = PriorityFactory(site=world.site_b)
    data = {
        "priority": other.pk,
        "title": "T",
        "difficulty": "easy",
        "status": "not_started",
        "start_date": "2012-05-01",
        "target_date": "2012-04-01",
    }
    form = GoalForm(data, site=world.site_a)
    assert not form.is_valid()
    assert set(form.errors) == {"priority", "target_date"}
    assert GoalForm(
        {**data, "priority": own.pk, "target_date": "2012-09-01"}, site=world.site_a
    ).is_valid()


def test_completing_act_needs_an_outcome_and_the_learning(world):
    cycle = CycleFactory(
        goal__priority__site=world.site_a, plan_done=TODAY, do_done=TODAY, study_done=TODAY
    )
    form = CycleActForm({"version": 1, "complete": "on"}, instance=cycle, today=TODAY)
    assert not form.is_valid()
    assert set(form.errors) == {"outcome", "learning"}


def test_act_cannot_be_completed_before_study(world):
    cycle = CycleFactory(goal__priority__site=world.site_a, plan_done=TODAY, do_done=TODAY)
    data = {"version": 1, "complete": "on", "outcome": "adopt", "learning": "Worked."}
    form = CycleActForm(data, instance=cycle, today=TODAY)
    assert not form.is_valid()
    assert "Complete the study stage" in form.errors["complete"][0]


def test_typed_value_on_a_date_that_has_one_is_a_form_error(world):
    from pdsa.forms import DataGridForm

    point = DataPointFactory(
        indicator__goal__priority__site=world.site_a, date=TODAY - datetime.timedelta(days=7)
    )
    form = DataGridForm(
        {"date_0": point.date.isoformat(), "value_0": "nan", "date_1": "2011-06-06"},
        indicator=point.indicator,
        today=TODAY,
    )
    assert not form.is_valid()
    assert form.errors["value_0"] == ["Row 1: “nan” is not a number."]
    assert form.errors["date_0"] == [f"Row 1: {point.date:%-d %B %Y} already has a value."]
    assert form.errors["value_1"] == ["Row 2: there is no value."]
