"""The 10 key organisational challenges (Sainsbury Centre for Mental Health, 2009) and the
developmental scale sites rate themselves on. Used by the data migration."""

VERSION = "2009"
NAME = "10 key organisational challenges"
# The challenges' titles are word for word those of one source, Box 1 ("Ten key organisational
# challenges") of Boardman & Shepherd (2012), which gives the Sainsbury Centre for Mental
# Health's 2009 list; no other seed's wording is mixed in (straight quotes for curly).
SOURCE = (
    "Titles as in Box 1 of Boardman & Shepherd (2012), 'Implementing recovery in mental "
    "health services', International Psychiatry 9(1): 6-8, which reproduces the Sainsbury "
    "Centre for Mental Health's 2009 list (Implementing Recovery: A New Framework for "
    "Organisational Change)"
)

CHALLENGES = [
    (
        "Changing the nature of day-to-day interactions and the quality of experience",
        "Every interaction, by every member of staff, confirms recovery principles: hope, "
        "control and opportunity. Measured by how people using services describe their "
        "contacts with staff.",
    ),
    (
        "Delivering comprehensive, user-led education and training programmes",
        "Training for staff and service users, designed and delivered jointly by professional "
        "staff and trained, supported peer trainers.",
    ),
    (
        "Establishing a 'recovery education centre' to drive the programmes forward",
        "A college, jointly run by staff and people with lived experience, offering "
        "co-produced courses to service users, carers and staff alike.",
    ),
    (
        "Ensuring organisational commitment, creating the 'culture'. Leadership",
        "Recovery values visible in the organisation's vision, board commitment and "
        "leadership from the ward to the board.",
    ),
    (
        "Increasing 'personalisation' and choice",
        "Care planning led by the person's own goals, and access to personal budgets.",
    ),
    (
        "Transforming the workforce (training and deployment of peer professionals)",
        "Recruiting, training, employing and supporting peer workers in a variety of positions, "
        "and changing the balance of the workforce.",
    ),
    (
        "Changing the way we approach risk assessment and management",
        "Moving from risk avoidance to shared safety planning with the person, and reducing "
        "restraint and seclusion.",
    ),
    (
        "Redefining user involvement to achieve true partnership working",
        "People with lived experience as equal partners in planning, delivering and reviewing "
        "services, not consulted after the fact.",
    ),
    (
        "Supporting staff in their recovery journey",
        "Recognising staff's own wellbeing and lived experience, and supporting them as they "
        "change the way they work.",
    ),
    (
        "Increasing opportunities for building a life 'beyond illness' (e.g. 'individual "
        "placement and support')",
        "Employment (IPS), housing, education and social support so people can build a life "
        "beyond illness.",
    ),
]

# Column headers for the heatmap and charts, in the words ImROC's 2016 headings use.
SHORT_NAMES = [
    "Interactions",
    "Co-produced training",
    "Recovery college",
    "Culture and leadership",
    "Personalisation",
    "Peer workers",
    "Risk and safety",
    "User involvement",
    "Staff wellbeing",
    "Life beyond illness",
]

# Each challenge's identity across versions (the 2012 briefing numbers them differently).
KEYS = [
    "interactions",
    "training",
    "college",
    "culture",
    "personalisation",
    "workforce",
    "risk",
    "involvement",
    "staff",
    "beyond-illness",
]

STAGES = [
    (0, "Not started", "No work on this challenge yet."),
    (1, "1 Engagement", "The organisation is engaging with the challenge and planning."),
    (2, "2 Development", "Changes are being developed and tried."),
    (3, "3 Transformation", "Changes are established and transforming practice."),
]


def seed_short_names(Framework) -> None:
    """Give the 2009 challenges their short names where none was set (idempotent)."""
    framework = Framework.objects.filter(version=VERSION).first()
    if framework is None:
        return
    for number, short_name in enumerate(SHORT_NAMES, start=1):
        framework.challenges.filter(number=number, short_name="").update(short_name=short_name)


def seed_keys(Framework) -> None:
    """Give the 2009 challenges their keys where none was set (idempotent)."""
    framework = Framework.objects.filter(version=VERSION).first()
    if framework is None:
        return
    for number, key in enumerate(KEYS, start=1):
        framework.challenges.filter(number=number, key="").update(key=key)


def create(Framework) -> None:
    """Create the 2009 framework with its challenges and stages if missing (idempotent)."""
    framework, _ = Framework.objects.get_or_create(
        version=VERSION,
        defaults={"name": NAME, "published": 2009, "source": SOURCE, "is_current": True},
    )
    for number, (title, description) in enumerate(CHALLENGES, start=1):
        framework.challenges.get_or_create(
            number=number, defaults={"title": title, "description": description}
        )
    for rank, name, description in STAGES:
        framework.stages.get_or_create(
            rank=rank, defaults={"name": name, "description": description}
        )
