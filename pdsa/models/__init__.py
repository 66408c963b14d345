"""A site's improvement work: priority challenges, goals, indicators with their data, and the
PDSA (plan, do, study, act) cycles that test changes against those goals."""

from .cycles import (
    Comment,
    Cycle,
    CycleTeamMember,
    Stage,
    StageState,
    cycles_at_stage,
    cycles_with_current_stage_due,
)
from .goals import Goal, Priority, ProgressSnapshot
from .indicators import VALUE_LIMIT, WITHIN_LIMIT, DataPoint, Indicator, Phase, new_data_version

__all__ = [
    "VALUE_LIMIT",
    "WITHIN_LIMIT",
    "Comment",
    "Cycle",
    "CycleTeamMember",
    "DataPoint",
    "Goal",
    "Indicator",
    "Phase",
    "Priority",
    "ProgressSnapshot",
    "Stage",
    "StageState",
    "cycles_at_stage",
    "cycles_with_current_stage_due",
    "new_data_version",
]
