"""Shared pieces of the generator: the random source, skewed weights, names and dates."""

import datetime
import random
from collections import Counter

FIRST_NAMES = (
    "Aisha Alex Amir Anna Ben Bola Carla Chen Chris Dan Deepa Eleri Emma Fatima Femi Gareth "
    "Grace Hannah Imran Isla Jack James Jo Kate Kwame Laura Leah Liam Maria Mark Megan Mo Nadia "
    "Niamh Olu Omar Pat Priya Rachel Raj Rhys Rosa Ruth Sam Sara Sean Sian Sophie Tom Yusuf Zoe"
).split()
LAST_NAMES = (
    "Adeyemi Ahmed Ali Bailey Begum Brown Campbell Chowdhury Clarke Davies Edwards Evans Green "
    "Hall Harris Hughes Jackson James Jones Kaur Khan Lewis Morgan Murphy Nguyen Okafor O'Neill "
    "Patel Price Roberts Robinson Shah Singh Smith Taylor Thomas Turner Walker Watson White "
    "Williams Wilson Wood Wright Young"
).split()
PLACES = (
    "Avon Barnet Bath Bedford Berkshire Birmingham Bradford Brighton Bristol Bury Cambridge "
    "Cardiff Carlisle Cheshire Cornwall Coventry Cumbria Derby Devon Dorset Dudley Durham Essex "
    "Exeter Gloucester Gwent Halton Hampshire Hereford Hull Kent Kirklees Lancashire Leeds "
    "Leicester Lincoln Liverpool Luton Manchester Mayo Medway Mersey Norfolk Northampton "
    "Northumberland Nottingham Oxford Oxleas Pennine Plymouth Powys Sheffield Shropshire "
    "Solent Somerset Stafford Suffolk Surrey Sussex Swansea Tees Tyne Wakefield Wirral "
    "Worcester York"
).split()
SUFFIXES = (
    ("NHS Foundation Trust", "nhs_trust"),
    ("Partnership NHS Trust", "nhs_trust"),
    ("Mental Health NHS Trust", "nhs_trust"),
    ("Health Board", "health_board"),
    ("Recovery College", "other"),
    ("Community Mental Health Team", "nhs_trust"),
    ("Mind", "voluntary"),
    ("Independent Hospital", "independent"),
)
CHANGE_IDEAS = (
    "peer support workers on the ward",
    "co-produced care plans",
    "recovery college course on managing anxiety",
    "shared risk safety plans written with the person",
    "individual placement and support employment specialist",
    "personal budgets for day activities",
    "recovery-focused supervision for staff",
    "welcome pack written by service users",
    "carers' drop-in session",
    "WRAP workshops run by peer trainers",
    "strengths-based assessment form",
    "housing advice clinic",
    "team recovery implementation plan review",
    "service users on interview panels",
    "hope-inspiring language in letters",
)


def skewed_weights(rng: random.Random, n: int, *, shape: float = 1.3, cap: float = 40.0):
    """A few busy, many quiet: Pareto weights, capped so one item cannot take everything."""
    return [min(cap, rng.paretovariate(shape)) for _ in range(n)]


def allocate(rng: random.Random, total: int, weights, *, cap: int | None = None) -> list[int]:
    """Split ``total`` among items by weight (exactly ``total``), none above ``cap``."""
    n = len(weights)
    counts = [0] * n
    remaining = total
    while remaining > 0:
        open_items = [i for i in range(n) if cap is None or counts[i] < cap]
        if not open_items:
            raise ValueError(f"{total} does not fit in {n} items of at most {cap}")
        drawn = Counter(rng.choices(open_items, [weights[i] for i in open_items], k=remaining))
        for i, k in drawn.items():
            take = k if cap is None else min(k, cap - counts[i])
            counts[i] += take
            remaining -= take
    return counts


def person_name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def days_before(today: datetime.date, rng: random.Random, most: int, least: int = 0):
    return today - datetime.timedelta(days=rng.randint(least, most))
