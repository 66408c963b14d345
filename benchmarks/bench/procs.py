"""Peak memory of processes from /proc (Linux), without extra dependencies."""

import os
from pathlib import Path


def peak_rss_mb(pid: int) -> float | None:
    """VmHWM: the most resident memory the process has used since it started."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except FileNotFoundError:
        return None
    return None


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        text = (task / "children").read_text().split() if (task / "children").exists() else []
        found += [int(p) for p in text]
    return found


def cpu_seconds(pid: int) -> float | None:
    """User and system CPU the process has used so far (``utime + stime`` of
    ``/proc/<pid>/stat``): what a job cost, whatever else the machine was doing."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return None
    fields = text.rpartition(")")[2].split()  # after the command name, which may hold spaces
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
