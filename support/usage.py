"""Support used against support agreed. Pure arithmetic, no database: the selectors sum the
hours in SQL and hand them here.

How log entries count against a package: hours given by a peer trainer count as
peer-trainer days; a training session given by a consultant counts as training days;
everything else a consultant gives (visits, email and phone advice, other) counts as
consultancy days."""

from dataclasses import dataclass
from decimal import Decimal

HOURS_PER_DAY = Decimal("7.5")
"""An NHS working day (37.5 hours a week): the log counts hours, a package agrees days."""
ZERO = Decimal("0")


def days(hours) -> Decimal:
    return ((hours or ZERO) / HOURS_PER_DAY).quantize(Decimal("0.1"))


@dataclass(frozen=True)
class Allowance:
    """One line of a package: "4.5 of 6 training days used"."""

    label: str
    agreed: Decimal | None
    used: Decimal

    @property
    def over_by(self) -> Decimal:
        if self.agreed is None:
            return ZERO
        return max(self.used - self.agreed, ZERO)

    @property
    def is_over(self) -> bool:
        return self.over_by > 0

    @property
    def remaining(self) -> Decimal | None:
        if self.agreed is None:
            return None
        return max(self.agreed - self.used, ZERO)


@dataclass(frozen=True)
class Usage:
    """A site's support in hours, as the selectors sum it from the log."""

    consultancy_hours: Decimal = ZERO
    training_hours: Decimal = ZERO
    peer_trainer_hours: Decimal = ZERO
    entries: int = 0

    def allowances(self, package) -> list[Allowance]:
        """Used against agreed; ``package`` may be None when nothing is agreed yet."""
        return [
            Allowance(
                "Consultancy", package and package.consultancy_days, days(self.consultancy_hours)
            ),
            Allowance("Training", package and package.training_days, days(self.training_hours)),
            Allowance(
                "Peer trainer", package and package.peer_trainer_days, days(self.peer_trainer_hours)
            ),
        ]

    @property
    def total_days(self) -> Decimal:
        return days(self.consultancy_hours + self.training_hours + self.peer_trainer_hours)
