import datetime

import pytest
from django.core import mail

from notifications import services
from sites import demo
from tests.sites.factories import reference_data

pytestmark = pytest.mark.django_db


def test_on_the_demo_programme_the_scan_reminds_the_two_leads_once(committing):
    reference_data()
    demo.load(today=datetime.date(2012, 6, 4))
    committing(services.scan, today=datetime.date(2012, 6, 4))
    committing(services.scan, today=datetime.date(2012, 6, 5))
    assert sorted(m.subject for m in mail.outbox) == [
        "Cardiff & Vale University Health Board: the project group is not yet co-produced",
        "Central and North West London NHS Foundation Trust: the project group is not yet "
        "co-produced",
    ]
    assert {m.to[0].split("@")[0] for m in mail.outbox} == {"nadia-rahman", "rhys-evans"}
