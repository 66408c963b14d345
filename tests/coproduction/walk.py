from tests.walk import Case, expect


def cases(world):
    return [
        Case("coproduction:programme", "/co-production/", expect(200)),
        Case("coproduction:programme-csv", "/co-production/sites.csv", expect(200)),
    ]
