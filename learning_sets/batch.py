"""Reading several delegates pasted from a spreadsheet or uploaded as CSV: one person a line
(name, email, perspective, dietary needs, access needs), tab- or comma-separated. Every
line is checked and every problem is reported with its line number."""

import csv
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from .models import DelegatePerspective

MAX_LINES = 200
MAX_FIELD = 1000
MAX_NAME = 200
MAX_EMAIL = 254
COLUMNS = ("full_name", "email", "perspective", "dietary_needs", "access_needs")


def _key(text: str) -> str:
    return " ".join(text.replace("-", " ").replace("_", " ").lower().split())


PERSPECTIVES = {
    **{_key(value): value for value, _ in DelegatePerspective.choices},
    **{_key(label): value for value, label in DelegatePerspective.choices},
    "professional": DelegatePerspective.NHS_PROFESSIONAL,
    "nhs": DelegatePerspective.NHS_PROFESSIONAL,
    "service user or survivor": DelegatePerspective.SERVICE_USER,
    "peer worker": DelegatePerspective.STAFF_LIVED,
}


@dataclass
class Batch:
    people: list[dict] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _is_header(cells: list[str]) -> bool:
    return bool(cells) and _key(cells[0]) in {"name", "full name"}


def read_people(text: str, *, email_required: bool = False) -> Batch:
    batch = Batch()
    lines = text.splitlines()
    if len(lines) > MAX_LINES:
        batch.errors.append(f"Paste at most {MAX_LINES} lines at a time.")
        return batch
    seen_emails: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        delimiter = "\t" if "\t" in line else ","
        try:
            cells = [cell.strip() for cell in next(csv.reader([line], delimiter=delimiter))]
        except csv.Error:
            batch.errors.append(f"Line {number}: the line cannot be read; check its quotes.")
            continue
        if number == 1 and _is_header(cells):
            continue
        person, problems = _person(cells, email_required=email_required)
        if person and person["email"]:
            if person["email"] in seen_emails:
                problems.append(
                    f"{person['email']} is also on line {seen_emails[person['email']]}."
                )
            seen_emails.setdefault(person["email"], number)
        batch.errors.extend(f"Line {number}: {problem}" for problem in problems)
        if not problems:
            batch.people.append({"line": number, **person})
    if not batch.people and not batch.errors:
        batch.errors.append("Enter at least one person: one a line.")
    return batch


def _person(cells: list[str], *, email_required: bool) -> tuple[dict | None, list[str]]:
    if len(cells) > len(COLUMNS):
        return None, [
            f"expected at most {len(COLUMNS)} columns (name, email, perspective, dietary "
            f"needs, access needs), found {len(cells)}."
        ]
    person = dict(zip(COLUMNS, cells + [""] * (len(COLUMNS) - len(cells)), strict=True))
    problems = []
    if not person["full_name"]:
        problems.append("enter the person's name.")
    elif len(person["full_name"]) > MAX_NAME:
        problems.append(f"the name is longer than {MAX_NAME} characters.")
    person["email"] = person["email"].lower()
    if person["email"]:
        try:
            if len(person["email"]) > MAX_EMAIL:
                raise ValidationError("too long")
            validate_email(person["email"])
        except ValidationError:
            problems.append(f"“{person['email'][:60]}” is not an email address.")
    elif email_required:
        problems.append("enter the person's email address.")
    perspective = PERSPECTIVES.get(_key(person["perspective"]))
    if perspective is None:
        labels = ", ".join(label for _, label in DelegatePerspective.choices)
        problems.append(f"the perspective must be one of: {labels}.")
    person["perspective"] = perspective
    for name in ("dietary_needs", "access_needs"):
        if len(person[name]) > MAX_FIELD:
            problems.append(f"{name.replace('_', ' ')} are longer than {MAX_FIELD} characters.")
    return person, problems
