from .cycles import CommentForm, CycleActForm, CycleDoForm, CyclePlanForm, CycleStudyForm
from .goals import GoalForm, PrioritiesForm
from .indicators import DataImportForm, DataPointForm, IndicatorForm

__all__ = [
    "CommentForm",
    "CycleActForm",
    "CycleDoForm",
    "CyclePlanForm",
    "CycleStudyForm",
    "DataImportForm",
    "DataPointForm",
    "GoalForm",
    "IndicatorForm",
    "PrioritiesForm",
]
