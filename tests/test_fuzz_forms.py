"""Every form of the project, as every role, posted with mutated data: never a server error.

The pages come from the permission walk (each app's ``tests/<app>/walk.py``) on the actors of
``build_world``; each page a role may open is read and its forms parsed, so a new form is
fuzzed without listing it here. Each form is posted (or, for a GET form, queried) a few
times with a seeded choice of mutations: empty values, huge and odd text, extreme numbers,
impossible dates, choices that are not offered, and tampered formset counts. A 500, or an
exception the client sees, fails the test with every case that broke. Each request runs in
a transaction rolled back afterwards, so the world stays the same for the next."""

import random
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.db import transaction

from .test_permission_walk import all_cases
from .walk import ROLES

SEED = 2011
TRIES = 2  # mutated submissions of each form a role can open (the first also tampers counts)
HUGE = "é" * 20_000
VALUES = [
    "",
    HUGE,
    "1e308",
    "-1e308",
    "-1",
    str(2**63),
    "NaN",
    "2012-02-30",
    "9999-12-31",
    "not-a-choice",
    "𝔘ñí©ødé \u202e‮ <script>",
    "a\x00b",
    "=HYPERLINK(1)",
]
COUNTS = ["99999999", str(2**63), "-1", "lots", ""]
SKIPPED = {"/accounts/logout/"}  # would sign the client out; nothing else to fuzz there


class Forms(HTMLParser):
    """The page's forms: method, action and fields (name -> offered values)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms, self._form, self._select, self._textarea = [], None, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._form = {
                "method": (a.get("method") or "get").lower(),
                "action": a.get("action") or "",
                "fields": {},
            }
            self.forms.append(self._form)
        elif self._form is None or not a.get("name"):
            return
        elif tag == "input" and a.get("type") not in {"submit", "button", "image", "reset"}:
            if a.get("type") in {"checkbox", "radio"} and a.get("name") in self._form["fields"]:
                self._form["fields"][a["name"]].append(a.get("value", "on"))
            else:
                self._form["fields"][a["name"]] = [
                    a.get("value", "on" if a.get("type") in {"checkbox", "radio"} else "")
                ]
        elif tag == "select":
            self._select = self._form["fields"].setdefault(a["name"], [])
        elif tag == "textarea":
            self._textarea = self._form["fields"].setdefault(a["name"], [""])
        if tag == "option" and self._select is not None and a.get("value"):
            self._select.append(a["value"])

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea is not None and data.strip():
            self._textarea[0] = data


def mutated(fields: dict, rng: random.Random, *, counts: bool) -> dict:
    """The form as offered, then about a third of its fields changed; with ``counts`` every
    formset's TOTAL_FORMS is tampered with too."""
    data = {name: (offered[0] if offered else "") for name, offered in fields.items()}
    for name in data:
        if counts and name.endswith("TOTAL_FORMS"):
            data[name] = rng.choice(COUNTS)
            continue
        if name == "csrfmiddlewaretoken" or rng.random() > 0.35:
            continue
        if name.endswith(("TOTAL_FORMS", "INITIAL_FORMS")):
            data[name] = rng.choice(COUNTS)
        else:
            data[name] = rng.choice(VALUES)
    return data


def pages(world, role):
    """The walk's GET pages this role may open (status 200), once each."""
    seen = set()
    for case in all_cases(world):
        if case.method == "get" and case.expected[role] == 200 and case.url not in seen:
            seen.add(case.url)
            yield case.url


@pytest.mark.parametrize("role", ROLES)
def test_no_form_gives_a_server_error_on_mutated_input(client, world, role):
    rng = random.Random(f"{SEED}-{role}")
    broken, posted = [], 0
    for url in pages(world, role):
        if role != "anonymous":
            client.force_login(world.users[role])
        page = client.get(url)
        if page.status_code != 200 or "html" not in page.get("Content-Type", ""):
            continue
        parser = Forms()
        parser.feed(page.content.decode())
        for form in parser.forms:
            action = urlsplit(urljoin(url, form["action"])).path
            if action in SKIPPED or not form["fields"]:
                continue
            for attempt in range(TRIES):
                data = mutated(form["fields"], rng, counts=attempt == 0)
                if role != "anonymous":
                    client.force_login(world.users[role])
                try:
                    with transaction.atomic():
                        response = getattr(client, "post" if form["method"] == "post" else "get")(
                            action, data
                        )
                        transaction.set_rollback(True)
                    status = response.status_code
                except Exception as exc:  # the client re-raises what the view raised
                    status = f"{type(exc).__name__}: {str(exc)[:200]}"
                posted += 1
                if status == 500 or isinstance(status, str):
                    changed = {
                        k: v[:40] for k, v in data.items() if v != (form["fields"][k] or [""])[0]
                    }
                    broken.append(
                        f"{form['method'].upper()} {action} from {url}: {status} {changed}"
                    )
    assert posted, "no form was found to fuzz"
    assert not broken, f"as {role}, {len(broken)} of {posted}:\n" + "\n".join(broken)
