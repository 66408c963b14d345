"""NHS.UK responsive tables without repeating each column's heading by hand in templates.

``responsive(html)`` takes a plain ``<table>`` (caption, ``<thead>`` with one row of ``<th>``,
``<tbody>`` rows of ``<th scope="row">``/``<td>``) and returns nhsuk-frontend's responsive
markup: the classes, ARIA table roles (the cells become blocks at narrow widths) and, in every
body cell, ``<span class="nhsuk-table-responsive__heading" aria-hidden="true">`` with its
column's heading, so at 320 px each row reads as a list of "heading value" pairs.
"""

import re
from html import escape, unescape

TAG = re.compile(r"<[^>]+>")
OPEN_CELL = re.compile(r"<(th|td)(\s[^>]*)?>", re.I)
ROW = re.compile(r"<tr(\s[^>]*)?>(.*?)</tr>", re.I | re.S)


def _add_class(attrs: str, classes: str) -> str:
    attrs = attrs or ""
    match = re.search(r'class="([^"]*)"', attrs)
    if match:
        return attrs.replace(match.group(0), f'class="{classes} {match.group(1)}"', 1)
    return f' class="{classes}"{attrs}'


def _with_role(attrs: str, role: str) -> str:
    return attrs if "role=" in attrs else f'{attrs} role="{role}"'


def _text(html: str) -> str:
    return " ".join(unescape(TAG.sub(" ", html)).split())


def _head(html: str) -> tuple[str, list[str]]:
    def cell(match):
        attrs = _add_class(match.group(2), "nhsuk-table__header")
        return f"<th{_with_role(attrs, 'columnheader')}>"

    def row(match):
        cells = OPEN_CELL.sub(cell, match.group(2))
        return (
            f"<tr{_with_role(_add_class(match.group(1), 'nhsuk-table__row'), 'row')}>{cells}</tr>"
        )

    html = ROW.sub(row, html)
    headings = [_text(c) for c in re.findall(r"<th[^>]*>(.*?)</th>", html, re.I | re.S)]
    return html, headings


BODY_CELL = re.compile(r"<(th|td)(\s[^>]*)?>(.*?)</\1>", re.I | re.S)


def _body(html: str, headings: list[str]) -> str:
    def row(match):
        index = -1

        def cell(cell_match):
            nonlocal index
            index += 1
            kind, attrs = cell_match.group(1).lower(), cell_match.group(2) or ""
            header = kind == "th"
            attrs = _add_class(attrs, "nhsuk-table__header" if header else "nhsuk-table__cell")
            attrs = _with_role(attrs, "rowheader" if header else "cell")
            heading = headings[index] if index < len(headings) and "colspan" not in attrs else ""
            if not heading:
                return f"<{kind}{attrs}>{cell_match.group(3)}</{kind}>"
            # The value in one element, so the heading and the value sit side by side.
            return (
                f'<{kind}{attrs}><span class="nhsuk-table-responsive__heading" aria-hidden="true">'
                f"{escape(heading)} </span><span>{cell_match.group(3)}</span></{kind}>"
            )

        cells = BODY_CELL.sub(cell, match.group(2))
        return (
            f"<tr{_with_role(_add_class(match.group(1), 'nhsuk-table__row'), 'row')}>{cells}</tr>"
        )

    return ROW.sub(row, html)


def responsive(html: str) -> str:
    head = re.search(r"<thead(\s[^>]*)?>(.*?)</thead>", html, re.I | re.S)
    body = re.search(r"<tbody(\s[^>]*)?>(.*?)</tbody>", html, re.I | re.S)
    if not head or not body:
        raise ValueError("a responsive table needs a <thead> and a <tbody>")
    head_html, headings = _head(head.group(2))
    body_html = _body(body.group(2), headings)
    thead_attrs = _with_role(_add_class(head.group(1), "nhsuk-table__head"), "rowgroup")
    tbody_attrs = _with_role(_add_class(body.group(1), "nhsuk-table__body"), "rowgroup")
    html = (
        html[: head.start()]
        + f"<thead{thead_attrs}>{head_html}</thead>"
        + html[head.end() : body.start()]
        + f"<tbody{tbody_attrs}>{body_html}</tbody>"
        + html[body.end() :]
    )
    html = re.sub(
        r"<table(\s[^>]*)?>",
        lambda m: f"<table{_with_role(_add_class(m.group(1), 'nhsuk-table-responsive'), 'table')}>",
        html,
        count=1,
    )
    return re.sub(
        r"<caption(\s[^>]*)?>",
        lambda m: f"<caption{_add_class(m.group(1), 'nhsuk-table__caption')}>",
        html,
        count=1,
    )
