from .outcomes import ProgrammeOutcome
from .reviews import ProgressReview, ReviewAction, ReviewResponse
from .support import HOURS_PER_DAY, SupportLogEntry, SupportPackage, TrainingDelivery

__all__ = [
    "HOURS_PER_DAY",
    "ProgrammeOutcome",
    "ProgressReview",
    "ReviewAction",
    "ReviewResponse",
    "SupportLogEntry",
    "SupportPackage",
    "TrainingDelivery",
]
