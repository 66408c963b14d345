from imroc.tests.walk import Case, expect


def cases(world):
    return [
        Case("challenges:framework-current", "/challenges/", expect(302)),
        Case("challenges:framework-detail", "/challenges/2009/", expect(200)),
    ]
