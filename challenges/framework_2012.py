"""The 10 key organisational challenges as the June 2012 briefing (NHS Confederation Mental
Health Network, issue 244) lists them, the version the 2011-12 programme used: the 2010
methodology paper's order, with risk 6, involvement 7 and workforce 8. Used by the data
migration; each challenge carries the key it shares with its 2009 row."""

from . import framework_2009

VERSION = "2012"
NAME = "10 key organisational challenges (June 2012 briefing)"
SOURCE = (
    "Supporting recovery in mental health, NHS Confederation briefing 244 (June 2012); "
    "Shepherd, Boardman & Burns (2010)"
)

# (key, title as the briefing words it)
CHALLENGES = [
    (
        "interactions",
        "Changing the nature of day-to-day interactions and the quality of experience",
    ),
    ("training", "Delivering comprehensive, user-led education and training programmes"),
    ("college", "Establishing a local recovery education college to drive the programmes forward"),
    (
        "culture",
        "Ensuring organisational commitment, creating the culture, leadership at all levels",
    ),
    ("personalisation", "Increasing personalisation and choice"),
    ("risk", "Changing the way we approach risk assessment and management"),
    ("involvement", "Redefining user involvement"),
    ("workforce", "Transforming the workforce"),
    ("staff", "Supporting staff in their recovery journey"),
    ("beyond-illness", "Increasing opportunities for building a life beyond illness"),
]


def create(Framework) -> None:
    """Create the 2012 version beside 2009 (not current: the administrator switches), with
    the same scale and, per challenge, the 2009 row's description and short name (idempotent)."""
    framework, _ = Framework.objects.get_or_create(
        version=VERSION, defaults={"name": NAME, "published": 2012, "source": SOURCE}
    )
    of_2009 = dict(zip(framework_2009.KEYS, framework_2009.CHALLENGES, strict=True))
    short = dict(zip(framework_2009.KEYS, framework_2009.SHORT_NAMES, strict=True))
    for number, (key, title) in enumerate(CHALLENGES, start=1):
        framework.challenges.get_or_create(
            number=number,
            defaults={
                "title": title,
                "key": key,
                "description": of_2009[key][1],
                "short_name": short[key],
            },
        )
    for rank, name, description in framework_2009.STAGES:
        framework.stages.get_or_create(
            rank=rank, defaults={"name": name, "description": description}
        )
