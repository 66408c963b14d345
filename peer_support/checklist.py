"""The four stages of establishing peer support workers and what each asks of a site, as
the ImROC briefings set them out (preparation, recruitment, employment, ongoing
development). No Django here: the stages and items are the method's, not data."""

from dataclasses import dataclass

STAGES = (
    ("preparation", "Preparation"),
    ("recruitment", "Recruitment"),
    ("employment", "Employment"),
    ("development", "Ongoing development"),
)


@dataclass(frozen=True)
class Item:
    key: str
    stage: str
    text: str


ITEMS = (
    Item(
        "project_team",
        "preparation",
        "A project team with staff, HR, service users, carers, "
        "the independent sector and a senior sponsor",
    ),
    Item(
        "purpose",
        "preparation",
        "Agreed why we employ peers, the difference we hope they "
        "make and how they fit our priorities",
    ),
    Item("terms", "preparation", "Job descriptions, grading and terms of employment agreed"),
    Item(
        "teams_prepared",
        "preparation",
        "Teams prepared: discussions with teams and roles agreed before placements",
    ),
    Item(
        "training",
        "preparation",
        "Peer workers' training planned: who delivers it, how long, accreditation",
    ),
    Item("advertised", "recruitment", "Posts advertised where the target groups will see them"),
    Item("benefits_advice", "recruitment", "Benefits advice and support offered to applicants"),
    Item("interviews", "recruitment", "Interviews held (group or individual)"),
    Item("checks", "recruitment", "Occupational health and DBS checks done"),
    Item("unsuccessful", "recruitment", "People who did not get a job supported"),
    Item("placements", "employment", "Placements chosen in motivated teams"),
    Item("induction", "employment", "Induction and trial placements in place"),
    Item("supervision", "employment", "Supervision and group support in place"),
    Item("wellbeing", "development", "Peer workers' wellbeing monitored and maintained"),
    Item("career", "development", "Career pathways thought through"),
    Item("reviews", "development", "Individual progress and further training reviewed"),
    Item("wider_change", "development", "Implications for wider organisational change considered"),
)
BY_KEY = {item.key: item for item in ITEMS}
CHOICES = [(item.key, item.text) for item in ITEMS]
STAGE_LABELS = dict(STAGES)


def stage_reached(done: set[str]) -> str | None:
    """The stage the site is working on: the first with something not done; None when
    every stage is done."""
    for stage, _ in STAGES:
        if any(item.key not in done for item in ITEMS if item.stage == stage):
            return stage
    return None


def progress(done: set[str]) -> list[tuple[str, str, int, int]]:
    """(stage, label, done, of) for each stage."""
    return [
        (
            stage,
            label,
            sum(item.key in done for item in ITEMS if item.stage == stage),
            sum(item.stage == stage for item in ITEMS),
        )
        for stage, label in STAGES
    ]
