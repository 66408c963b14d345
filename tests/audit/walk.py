from tests.walk import Case, expect


def cases(world):
    return [
        Case("audit:event-list", "/audit/", expect(403, admin=200)),
        Case(
            "audit:event-list", "/audit/?action=exported&since=2026-01-01", expect(403, admin=200)
        ),
    ]
