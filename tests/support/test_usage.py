from decimal import Decimal
from types import SimpleNamespace

from support.usage import Usage, days


def package(consultancy=12, training=6, peer=6):
    return SimpleNamespace(
        consultancy_days=Decimal(consultancy),
        training_days=Decimal(training),
        peer_trainer_days=Decimal(peer),
    )


def test_hours_become_days_of_seven_and_a_half_hours():
    assert days(Decimal("15")) == Decimal("2.0")
    assert days(Decimal("3.75")) == Decimal("0.5")
    assert days(None) == Decimal("0.0")


def test_use_within_the_package_shows_what_is_left():
    consultancy, training, peer = Usage(consultancy_hours=Decimal("30")).allowances(package())
    assert (consultancy.used, consultancy.agreed, consultancy.remaining) == (4, 12, 8)
    assert not consultancy.is_over
    assert training.used == 0 and not peer.is_over


def test_use_beyond_the_package_is_flagged_with_the_excess():
    _, training, _ = Usage(training_hours=Decimal("60")).allowances(package(training=6))
    assert training.is_over
    assert training.over_by == Decimal("2")


def test_without_a_package_nothing_is_agreed_or_over():
    lines = Usage(consultancy_hours=Decimal("75")).allowances(None)
    assert [line.agreed for line in lines] == [None, None, None]
    assert not any(line.is_over for line in lines)
    assert lines[0].used == Decimal("10.0")
