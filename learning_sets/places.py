"""Fair places: who may take a place at a workshop. Pure logic, no database.

The method lets each site send up to 8 delegates. When the venue holds fewer than the
member sites x 8, first come first served would leave late sites with nothing, so each
member site is guaranteed an equal share of the venue (capacity // sites) until the
release date; the remainder, and after the release date every unclaimed place, is open
to all. A site never takes a place another site is still guaranteed."""

from dataclasses import dataclass

MAX_DELEGATES_PER_SITE = 8


@dataclass(frozen=True)
class SitePlaces:
    site_id: int
    guaranteed: int  # 0 when shares do not apply
    used: int
    free: int  # how many more the site may register now

    @property
    def free_of_share(self) -> int:
        return max(self.guaranteed - self.used, 0)


@dataclass(frozen=True)
class Places:
    capacity: int | None  # None: no venue booked, only the per-site limit applies
    member_site_ids: tuple[int, ...]
    used_by_site: dict[int, int]
    released: bool

    @property
    def registered(self) -> int:
        return sum(self.used_by_site.values())

    @property
    def shares_apply(self) -> bool:
        """Shares matter only when the venue cannot take 8 from every member site."""
        return (
            self.capacity is not None
            and bool(self.member_site_ids)
            and self.capacity < len(self.member_site_ids) * MAX_DELEGATES_PER_SITE
        )

    @property
    def share(self) -> int:
        if not self.shares_apply:
            return 0
        return min(self.capacity // len(self.member_site_ids), MAX_DELEGATES_PER_SITE)

    def for_site(self, site_id: int) -> SitePlaces:
        used = self.used_by_site.get(site_id, 0)
        free = MAX_DELEGATES_PER_SITE - used
        if self.capacity is not None:
            free = min(free, self.capacity - self.registered)
            if self.shares_apply and not self.released:
                free = min(free, max(self.share - used, 0) + self.open_to_all)
        return SitePlaces(site_id, self.share, used, max(free, 0))

    def sites(self) -> list[SitePlaces]:
        return [self.for_site(site_id) for site_id in self.member_site_ids]

    @property
    def open_to_all(self) -> int | None:
        """Places nobody is guaranteed: what any site may take beyond its share."""
        if self.capacity is None:
            return None
        if not self.shares_apply or self.released:
            return max(self.capacity - self.registered, 0)
        held = sum(max(self.share, self.used_by_site.get(s, 0)) for s in self.member_site_ids)
        outsiders = sum(n for s, n in self.used_by_site.items() if s not in self.member_site_ids)
        return max(self.capacity - held - outsiders, 0)

    def problem(self, site_id: int) -> tuple[str, str] | None:
        """Why the site cannot take one more place, as (limit, message), or None."""
        used = self.used_by_site.get(site_id, 0)
        if used >= MAX_DELEGATES_PER_SITE:
            return (
                "site",
                f"This site already has {MAX_DELEGATES_PER_SITE} delegates registered, the most "
                "a site may send to a workshop.",
            )
        if self.capacity is not None and self.registered >= self.capacity:
            return (
                "venue",
                f"The workshop is full: the venue holds {self.capacity} people and all places "
                "are taken.",
            )
        if used < self.share or self.open_to_all:
            return None
        return (
            "share",
            f"This site has used its {self.share} guaranteed places; the other places are kept "
            "for the other member sites until they are released to all.",
        )

    def with_one_more(self, site_id: int) -> "Places":
        used = dict(self.used_by_site)
        used[site_id] = used.get(site_id, 0) + 1
        return Places(self.capacity, self.member_site_ids, used, self.released)
