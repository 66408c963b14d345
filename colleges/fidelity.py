"""What makes a recovery college, as the method defines it: the eight defining features of the
ImROC briefing, and the RECOLLECT fidelity measure (Toney et al. 2018): 12 components, the 7
that must be present scored 0, 1 or 2 (14 at most), the 5 that vary between colleges
described, not scored. No Django here: the features and components are the method's, not
data."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Feature:
    key: str
    label: str
    hint: str


FEATURES = (
    Feature(
        "physical_base",
        "A physical base",
        "A building with classrooms and a library where people can do their own research.",
    ),
    Feature("college_principles", "College principles", "It operates on college principles."),
    Feature(
        "co_production",
        "Co-production",
        "Every activity co-produced by people with personal and professional experience "
        "of mental health.",
    ),
    Feature(
        "no_exclusion",
        "No exclusion",
        "No exclusion criteria: it is for everyone who is interested.",
    ),
    Feature(
        "personal_tutor",
        "A personal tutor",
        "Each student has a personal tutor (or equivalent) for information, advice and guidance.",
    ),
    Feature(
        "complements_treatment",
        "Complements treatment",
        "Not a substitute for assessment and treatment: it is there to complement them.",
    ),
    Feature(
        "not_mainstream_substitute",
        "Not a substitute for mainstream colleges",
        "It does not replace mainstream further education.",
    ),
    Feature(
        "recovery_culture",
        "A recovery culture",
        "It reflects recovery principles in all aspects of its culture.",
    ),
)

PRESENT, PARTLY, NOT_YET = "present", "partly", "not_yet"
FEATURE_STATUSES = ((PRESENT, "Present"), (PARTLY, "Partly"), (NOT_YET, "Not yet"))


@dataclass(frozen=True)
class Component:
    key: str
    label: str
    scored: bool


COMPONENTS = (
    Component("valuing_equality", "Valuing equality", True),
    Component("learning", "Learning", True),
    Component("tailored", "Tailored to the student", True),
    Component("co_production", "Co-production of the college", True),
    Component("social_connectedness", "Social connectedness", True),
    Component("community_focus", "Community focus", True),
    Component("commitment_to_recovery", "Commitment to recovery", True),
    Component("available_to_all", "Available to all", False),
    Component("location", "Location", False),
    Component("distinctive_content", "Distinctiveness of course content", False),
    Component("strengths_based", "Strengths based", False),
    Component("progressive", "Progressive", False),
)
SCORED = tuple(c for c in COMPONENTS if c.scored)
VARYING = tuple(c for c in COMPONENTS if not c.scored)
SCORES = ((0, "0: not present"), (1, "1: partly present"), (2, "2: fully present"))
MOST = 2 * len(SCORED)  # 14

FEATURE_CHOICES = [(f.key, f.label) for f in FEATURES]
COMPONENT_CHOICES = [(c.key, c.label) for c in COMPONENTS]
STATUS_LABELS = dict(FEATURE_STATUSES)


def total(scores: dict[str, int]) -> int:
    """The RECOLLECT score: the 7 must-have components' scores added up (0 to 14)."""
    return sum(scores.get(c.key, 0) for c in SCORED)


def change(score: int, previous: int | None) -> int | None:
    """How far the score moved since the previous check; None for the first check."""
    return None if previous is None else score - previous
