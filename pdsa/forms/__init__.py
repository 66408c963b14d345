from .closing import GoalCloseForm
from .cycles import CommentForm, CycleActForm, CycleDoForm, CyclePlanForm, CycleStudyForm
from .data import DataGridForm, DataPointEditForm
from .goals import GoalForm, PrioritiesForm
from .indicators import DataImportForm, IndicatorForm
from .phases import PhaseForm

__all__ = [
    "CommentForm",
    "CycleActForm",
    "CycleDoForm",
    "CyclePlanForm",
    "CycleStudyForm",
    "DataImportForm",
    "DataGridForm",
    "DataPointEditForm",
    "GoalCloseForm",
    "GoalForm",
    "IndicatorForm",
    "PhaseForm",
    "PrioritiesForm",
]
