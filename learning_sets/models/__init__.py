"""Learning sets: groups of 6-8 sites meeting at six one-day workshops over two years."""

from ..places import MAX_DELEGATES_PER_SITE
from .delegates import Delegate, DelegatePerspective, Evaluation, RegistrationLink, WorkshopMessage
from .sets import (
    MAX_SITES,
    MIN_SITES,
    WORKSHOPS_PER_SET,
    LearningSet,
    Topic,
    TopicChoice,
    Venue,
    composition_warnings,
)
from .workshops import AgendaItem, Workshop

__all__ = [
    "MAX_DELEGATES_PER_SITE",
    "MAX_SITES",
    "MIN_SITES",
    "WORKSHOPS_PER_SET",
    "AgendaItem",
    "Delegate",
    "DelegatePerspective",
    "Evaluation",
    "LearningSet",
    "RegistrationLink",
    "Topic",
    "TopicChoice",
    "Venue",
    "Workshop",
    "WorkshopMessage",
    "composition_warnings",
]
