from tests.walk import Case, expect

# Consultants and the administrator only; everyone else is refused, anonymous signs in.
STAFF_ONLY = expect(200, lead_a=403, member_a=403, lead_b=403, organiser=403)
FIGURES = ("sites", "goals", "cycles", "support", "delegates", "outcomes", "training")
TABLES = (
    "status",
    "goals",
    "stalled",
    "cycles",
    "completed",
    "overdue",
    "support",
    "attendance",
    "outcomes",
    "coproduction",
    "peer_support",
    "heatmap",
)


def cases(world):
    return [
        Case("dashboard:overview", "/dashboard/", STAFF_ONLY),
        Case("dashboard:heatmap", "/dashboard/heatmap/", STAFF_ONLY),
        Case("dashboard:me", "/dashboard/me/", STAFF_ONLY),
        *(Case("dashboard:list", f"/dashboard/list/{f}/", STAFF_ONLY) for f in FIGURES),
        *(Case("dashboard:list-csv", f"/dashboard/list/{f}/csv/", STAFF_ONLY) for f in FIGURES),
        *(Case("dashboard:table-csv", f"/dashboard/csv/{t}/", STAFF_ONLY) for t in TABLES),
    ]
