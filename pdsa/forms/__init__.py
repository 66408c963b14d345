from .cycles import CommentForm, CycleActForm, CycleDoForm, CyclePlanForm, CycleStudyForm
from .goals import GoalForm, PrioritiesForm
from .indicators import DataImportForm, DataPointForm, IndicatorForm
from .phases import PhaseForm

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
    "PhaseForm",
    "PrioritiesForm",
]
