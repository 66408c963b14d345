"""The progress score's reasons in words (:mod:`pdsa.progress`): numbers, dates and where
each indicator stands, as every page, report and export shows them. ``read`` is an
indicator's ``progress.Read``."""

from __future__ import annotations

from .charts.change import BASELINE_LEAST


def day(day) -> str:
    return f"{day.day} {day:%b %Y}"


def num(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def pct_of(fraction: float) -> str:
    return f"{fraction * 100:.0f} %"


def pct(read) -> str:
    return pct_of(read.change.completion or 0)


def names(reads) -> str:
    return ", ".join(f"“{r.name}”" for r in reads)


def sentence(parts) -> str:
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."


def improvement(read) -> str:
    c = read.change
    trial = " (trial limits: fewer than 12 values before)" if c.before_trial else ""
    return (
        f"“{read.name}” shows an improvement from {day(c.improved_on)} against the limits "
        f"before the change{trial}"
    )


def where(read) -> str:
    if read.change.improved_on:
        return improvement(read)[0].lower() + improvement(read)[1:]
    return f"“{read.name}” is {pct(read)} of the way to its target ({levels(read)})"


def levels(read) -> str:
    c = read.change
    return f"from {num(c.baseline)} to {num(c.current)}, target {num(c.target)}"


def status(reads) -> str:
    """Where each indicator stands after the change, so the team sees what is missing."""
    parts = []
    for r in reads:
        c = r.change
        if c.target is None:
            parts.append(f"“{r.name}” has no target")
        elif c.baseline is None:
            parts.append(
                f"“{r.name}” needs {BASELINE_LEAST} values before the change or a typed baseline"
            )
        elif c.current is None:
            parts.append(f"“{r.name}” has no values after the change yet")
        else:
            signal = "an improvement signal" if c.improved_on else "no improvement signal"
            parts.append(f"“{r.name}”: {pct(r)} ({levels(r)}), {signal}")
        if c.before < 2:
            parts.append(f"“{r.name}” needs 2 or more values before the change to read a signal")
    return sentence(parts) if parts else ""


def sustained(read) -> str:
    c = read.change
    return f"{c.after} values after the change, none a concern in the latest 12"


def unsustained(improved) -> str:
    parts = []
    for r in improved:
        c = r.change
        if c.concern_on:
            parts.append(f"“{r.name}” has a concern signal on {day(c.concern_on)}")
        else:
            parts.append(f"“{r.name}” has {c.after} values after the change")
    return sentence(parts)


def assurance(read) -> str:
    c = read.change
    if c.target is None:
        return f"“{read.name}” has no target."
    if not c.meets_target:
        return (
            f"“{read.name}” does not meet its target yet "
            f"(now {num(c.current)}, target {num(c.target)})."
        )
    if c.needs_for_assurance:
        return (
            f"“{read.name}” meets its target, but its limits come from {c.assured_points} "
            f"values after the change: needs {c.needs_for_assurance} more values."
        )
    return f"“{read.name}”'s limits do not lie wholly on the right side of its target."
