"""Peak memory of processes from /proc (Linux), without extra dependencies."""

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
