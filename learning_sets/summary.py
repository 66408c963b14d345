"""Figures for reports, from grouped counts: no database here, so it is easy to test alone.

The programme reported e.g. "16 workshops, 751 attendees of whom 101 service users or
carers": attendance and the share with lived experience are the headline figures."""

import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

LIVED_EXPERIENCE = ("service_user", "carer")
RATINGS = (1, 2, 3, 4, 5)


def half_up(total: int, count: int) -> float | None:
    """A mean to one decimal place, halves rounded up as people expect (4.25 is 4.3), not
    to the even digit as ``round`` does."""
    if not count:
        return None
    mean = Decimal(total) / Decimal(count)
    return float(mean.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


@dataclass
class EvaluationSummary:
    responses: int = 0
    overall_total: int = 0
    usefulness_total: int = 0
    overall_counts: Counter = field(default_factory=Counter)
    usefulness_counts: Counter = field(default_factory=Counter)

    def add(self, overall: int, usefulness: int, n: int = 1) -> None:
        self.responses += n
        self.overall_total += overall * n
        self.usefulness_total += usefulness * n
        self.overall_counts[overall] += n
        self.usefulness_counts[usefulness] += n

    def merge(self, other: "EvaluationSummary") -> None:
        self.responses += other.responses
        self.overall_total += other.overall_total
        self.usefulness_total += other.usefulness_total
        self.overall_counts.update(other.overall_counts)
        self.usefulness_counts.update(other.usefulness_counts)

    @property
    def mean_overall(self) -> float | None:
        return half_up(self.overall_total, self.responses)

    @property
    def mean_usefulness(self) -> float | None:
        return half_up(self.usefulness_total, self.responses)

    @property
    def overall_distribution(self) -> list[tuple[int, int]]:
        return [(rating, self.overall_counts[rating]) for rating in RATINGS]


@dataclass
class Figures:
    """Registered, attended and no-shows, the mix by perspective, the evaluations."""

    happened: bool = False
    registered: int = 0
    waiting: int = 0
    attended: int = 0
    registered_by_perspective: Counter = field(default_factory=Counter)
    attended_by_perspective: Counter = field(default_factory=Counter)
    attended_by_site: Counter = field(default_factory=Counter)
    evaluation: EvaluationSummary = field(default_factory=EvaluationSummary)
    parts: list["Figures"] = field(default_factory=list)

    def add_delegates(
        self, *, status: str, attended: bool, perspective: str, n: int, site_id=None
    ) -> None:
        if status == "waiting":
            self.waiting += n
        elif status == "registered":
            self.registered += n
            self.registered_by_perspective[perspective] += n
            if attended:
                self.attended += n
                self.attended_by_perspective[perspective] += n
                self.attended_by_site[site_id] += n

    def merge(self, other: "Figures") -> None:
        self.happened = self.happened or other.happened
        self.registered += other.registered
        self.waiting += other.waiting
        self.attended += other.attended
        self.registered_by_perspective.update(other.registered_by_perspective)
        self.attended_by_perspective.update(other.attended_by_perspective)
        self.attended_by_site.update(other.attended_by_site)
        self.evaluation.merge(other.evaluation)
        self.parts.append(other)

    @property
    def no_shows(self) -> int | None:
        """Registered but not there on the day; unknown before the day (a total counts only
        the workshops that have happened)."""
        if self.parts:
            return sum(part.no_shows or 0 for part in self.parts)
        return self.registered - self.attended if self.happened else None

    @property
    def lived_experience_attended(self) -> int:
        return sum(self.attended_by_perspective[p] for p in LIVED_EXPERIENCE)

    @property
    def lived_experience_registered(self) -> int:
        return sum(self.registered_by_perspective[p] for p in LIVED_EXPERIENCE)

    @property
    def lived_experience_share(self) -> int | None:
        """Percentage of attendees who are service users or carers."""
        if not self.attended:
            return None
        return round(100 * self.lived_experience_attended / self.attended)

    @property
    def response_rate(self) -> int | None:
        if not self.attended:
            return None
        return round(100 * self.evaluation.responses / self.attended)

    def perspective_rows(self, choices) -> list[tuple[str, int, int]]:
        return [
            (label, self.registered_by_perspective[value], self.attended_by_perspective[value])
            for value, label in choices
        ]


def total(figures: list[Figures]) -> Figures:
    result = Figures()
    for item in figures:
        result.merge(item)
    return result


def _answer_key(text: str) -> str:
    return re.sub(r"[\s.!]+$", "", " ".join(text.split())).casefold()


def group_answers(texts) -> list[tuple[str, int]]:
    """Free-text answers with identical ones counted once: the same words whatever the
    case, spacing or final full stop. Most given first, then in the order first given."""
    counts: Counter = Counter()
    shown: dict[str, str] = {}
    for text in texts:
        text = " ".join((text or "").split())
        if not text:
            continue
        key = _answer_key(text)
        counts[key] += 1
        shown.setdefault(key, text)
    order = {key: n for n, key in enumerate(shown)}
    return [
        (shown[key], counts[key]) for key in sorted(counts, key=lambda k: (-counts[k], order[k]))
    ]
