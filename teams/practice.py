"""The recovery-practice items a team rates itself on in its Team Recovery Implementation
Plan (TRIP), and the scale. No Django here: the items are the method's, not data.

Drawn from the seeds: the "10 top tips" a practitioner asks after each interaction ("Did
I...?", Shepherd et al.), grouped by the principles of hope, meaning, control and
opportunity, and the organisational challenges that reach a team (co-produced care and
risk planning, peer workers, learning together, user and carer involvement)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Item:
    key: str
    principle: str
    text: str


ITEMS = (
    Item(
        "own_goals", "Hope", "We help each person identify and prioritise their own recovery goals"
    ),
    Item(
        "believe",
        "Hope",
        "We keep expressing our belief that people can achieve the goals they have chosen",
    ),
    Item(
        "meaning",
        "Meaning",
        "We listen and help people make sense of their mental health problems",
    ),
    Item(
        "self_management",
        "Control",
        "We encourage self-management: information, coping strategies, joint crisis plans",
    ),
    Item(
        "shared_plans",
        "Control",
        "Care plans and risk and safety plans are written with the person, not for them",
    ),
    Item(
        "beyond_illness",
        "Opportunity",
        "We work on goals beyond illness: work, housing, friends and community resources",
    ),
    Item(
        "lived_experience",
        "Co-production",
        "People with lived experience work in the team (peer support workers) and shape it",
    ),
    Item(
        "learning_together",
        "Co-production",
        "Staff, people using the service and carers learn together and review this plan together",
    ),
)
BY_KEY = {item.key: item for item in ITEMS}
CHOICES = [(item.key, item.text) for item in ITEMS]

# The rating of an item: a simple, shared scale the team agrees on together.
SCALE = ((0, "Not yet"), (1, "Beginning"), (2, "Developing"), (3, "Established"))
SCALE_LABELS = dict(SCALE)
TOP = SCALE[-1][0]
MOST = TOP * len(ITEMS)


def movement(before: int | None, after: int | None) -> str:
    """ "up", "down", "same", or "new" when there is nothing to compare with."""
    if before is None or after is None:
        return "new"
    if after > before:
        return "up"
    return "down" if after < before else "same"
