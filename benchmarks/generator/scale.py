"""How big the generated programme is: everything follows from the number of sites, so
``--sites 5`` builds the same shape of programme as ``--sites 500``, a hundred times smaller."""

from dataclasses import dataclass, fields

ASSESSMENTS_PER_SITE = 10
PER_SITE = {
    "goals": 10,
    "cycles": 80,
    "indicators": 40,
    "data_points": 2000,
    "delegates": 40,
    "support_entries": 20,
}


@dataclass(frozen=True)
class Scale:
    sites: int = 500
    users: int = 300
    goals: int = 5_000
    cycles: int = 40_000
    indicators: int = 20_000
    data_points: int = 1_000_000
    learning_sets: int = 60
    delegates: int = 20_000
    support_entries: int = 10_000

    @classmethod
    def for_sites(cls, sites: int, **overrides) -> "Scale":
        counts = {name: per_site * sites for name, per_site in PER_SITE.items()}
        counts["users"] = max(12, round(sites * 0.6))
        counts["learning_sets"] = max(1, round(sites * 0.12))
        counts.update({k: v for k, v in overrides.items() if v is not None})
        return cls(sites=sites, **counts)

    def as_dict(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self)}
