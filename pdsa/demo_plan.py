"""The demo's improvement work, as data: what each demo site works on (``PLAN``) and why
its closed goals were closed; ``pdsa.demo`` builds it through the services."""

from .models import Cycle, Goal, Indicator

# site -> (lead username, [(challenge, [goal])]); goal: (title, difficulty, status, owner,
# months ago started, months to target, [indicator], [cycle]); indicator: (name, unit, better,
# interval days, points, series kwargs, target); cycle: (change idea, outcome or None,
# learning). The series' shift or trend starts where the goal's first adopted or adapted
# change is dated (its act date), on every indicator of the goal, so the score reads the data
# as the work happened.
PLAN = {
    "Devon Partnership NHS Trust": (
        "lead",
        [
            (
                3,
                [
                    (
                        "Open a co-produced Recovery College prospectus",
                        Goal.Difficulty.EASY,
                        Goal.Status.ACHIEVED,
                        "Dan Ellery",
                        24,
                        6,
                        [
                            (
                                "Course places taken each month",
                                "places",
                                Indicator.Better.UP,
                                30,
                                24,
                                {"base": 40, "noise": 6, "shift_at": 12, "shift": 18},
                                55,
                            ),
                        ],
                        [
                            (
                                "Peer trainers and clinicians write course descriptions together",
                                Cycle.Outcome.ADOPT,
                                "Courses written by peer trainers filled first.",
                            ),
                        ],
                    )
                ],
            ),
            (
                6,
                [
                    (
                        "A peer support worker in every community team",
                        Goal.Difficulty.HARD,
                        Goal.Status.IN_PROGRESS,
                        "Ruth Penrose",
                        24,
                        24,
                        [
                            (
                                "Community teams with a peer support worker",
                                "%",
                                Indicator.Better.UP,
                                30,
                                24,
                                {"base": 20, "noise": 2, "trend_from": 14, "step": 4},
                                50,
                            ),
                        ],
                        [
                            (
                                "Recruit peer workers through the Recovery College graduates",
                                Cycle.Outcome.ADAPT,
                                "Graduates applied but needed a supported interview.",
                            ),
                            ("Supported interviews with a peer on every panel", None, ""),
                        ],
                    )
                ],
            ),
            (
                1,
                [
                    (
                        "Personal goals in every care review",
                        Goal.Difficulty.EASY,
                        Goal.Status.IN_PROGRESS,
                        "Sam Okafor",
                        8,
                        6,
                        [
                            (
                                "Care reviews recording a personal goal in the person's words",
                                "%",
                                Indicator.Better.UP,
                                7,
                                30,
                                {"base": 35, "noise": 5, "shift_at": 18, "shift": 20},
                                60,
                            ),
                            (
                                "Days from referral to first conversation about goals",
                                "days",
                                Indicator.Better.DOWN,
                                7,
                                26,
                                {"base": 21, "noise": 3, "shift_at": 14, "shift": -8},
                                14,
                            ),
                        ],
                        [
                            (
                                "A recovery prompt card attached to the electronic care record",
                                Cycle.Outcome.ABANDON,
                                "Staff clicked past the prompt: a form field does not change a "
                                "conversation. "
                                "We need people, not screens, to model the question.",
                            ),
                            (
                                "Peer-led coaching on one ward before care reviews",
                                Cycle.Outcome.ADAPT,
                                "Coaching worked on the ward where the manager joined in.",
                            ),
                            (
                                "Peer-led coaching with the ward manager on all acute wards",
                                Cycle.Outcome.ADOPT,
                                "Managers modelling the question made it stick.",
                            ),
                        ],
                    )
                ],
            ),
        ],
    ),
    "Mersey Care NHS Trust": (
        "lead2",
        [
            (
                7,
                [
                    (
                        "Co-produced safety plans on two wards",
                        Goal.Difficulty.EASY,
                        Goal.Status.IN_PROGRESS,
                        "Aisha Khan",
                        10,
                        6,
                        [
                            (
                                "Safety plans written with the person",
                                "%",
                                Indicator.Better.UP,
                                14,
                                22,
                                {"base": 30, "noise": 4, "shift_at": 12, "shift": 15},
                                45,
                            ),
                        ],
                        [
                            (
                                "Service users and nurses write safety plans side by side",
                                Cycle.Outcome.ADOPT,
                                "People kept their own copy and used it.",
                            ),
                        ],
                    ),
                    (
                        "Text-message recovery check-ins after discharge",
                        Goal.Difficulty.EASY,
                        Goal.Status.ABANDONED,
                        "Aisha Khan",
                        16,
                        6,
                        [],
                        [
                            (
                                "A text from the ward a week after discharge",
                                Cycle.Outcome.ABANDON,
                                "Few people answered a number they did not know; "
                                "the peer worker's phone call worked better.",
                            ),
                        ],
                    ),
                ],
            ),
            (
                8,
                [
                    (
                        "Halve restrictive interventions",
                        Goal.Difficulty.HARD,
                        Goal.Status.IN_PROGRESS,
                        "Paul Rimmer",
                        18,
                        18,
                        [
                            (
                                "Restraint incidents each month",
                                "incidents",
                                Indicator.Better.DOWN,
                                30,
                                24,
                                {"base": 28, "noise": 4, "shift_at": 14, "shift": -10},
                                18,
                            ),
                        ],
                        [
                            (
                                "A weekly reflective practice group on each ward",
                                Cycle.Outcome.ABANDON,
                                "Shift patterns meant few staff could attend; "
                                "learning moved to handovers.",
                            ),
                            ("Ten-minute safety huddles at every handover", None, ""),
                        ],
                    )
                ],
            ),
        ],
    ),
    "Nottingham University Hospitals NHS Foundation Trust": (
        None,
        [
            (
                10,
                [
                    (
                        "Employment specialists in community teams (IPS)",
                        Goal.Difficulty.HARD,
                        Goal.Status.IN_PROGRESS,
                        "Helen Cartwright",
                        20,
                        12,
                        [
                            (
                                "People in paid work supported by IPS",
                                "people",
                                Indicator.Better.UP,
                                30,
                                20,
                                {"base": 8, "noise": 2, "trend_from": 10, "step": 1.2},
                                20,
                            ),
                        ],
                        [
                            (
                                "An employment specialist attends team meetings weekly",
                                Cycle.Outcome.ADOPT,
                                "Referrals rose once clinicians met the specialist.",
                            ),
                        ],
                    )
                ],
            ),
            (
                2,
                [
                    (
                        "Co-produced recovery training for team managers",
                        Goal.Difficulty.EASY,
                        Goal.Status.NOT_STARTED,
                        "Grace Lowe",
                        1,
                        6,
                        [],
                        [],
                    )
                ],
            ),
        ],
    ),
}


# Why each closed goal of the plan was closed, in the group's words.
CLOSING_NOTES = {
    "Open a co-produced Recovery College prospectus": (
        "The first prospectus is out, written by peer trainers and clinicians together, and "
        "places taken each month stayed up after the change. The college carries on as "
        "part of the trust's ordinary work."
    ),
    "Text-message recovery check-ins after discharge": (
        "Stopped after one cycle: people did not answer texts from a number they did not "
        "know. The peer workers' phone calls do the job; the group put its time there."
    ),
}
