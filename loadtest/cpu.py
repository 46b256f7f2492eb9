"""CPU seconds used so far by process trees, from /proc (Linux):

    python -m loadtest.cpu PID [PID…]

For each root: its own user and system time, that of the children it has
waited for (gunicorn's workers that were replaced, PostgreSQL's backends
that have exited) and that of every live descendant. Taken before and after
a run, the difference is the CPU the site used however busy the machine was
with other work, which load-test latencies alone cannot show."""

import os
import sys
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")


def stat(pid):
    text = Path(f"/proc/{pid}/stat").read_text()
    fields = text[text.rindex(")") + 2 :].split()
    # After the name: state ppid … utime(14) stime(15) cutime(16) cstime(17), 1-based.
    return int(fields[1]), sum(int(value) for value in fields[11:15])


def tree_seconds(root):
    parents = {}
    ticks = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)], ticks[int(entry.name)] = stat(entry.name)
            except (FileNotFoundError, ProcessLookupError, ValueError):
                continue
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += ticks.get(pid, 0)
        todo += [child for child, parent in parents.items() if parent == pid]
    return total / TICKS


if __name__ == "__main__":
    print(" ".join(f"{tree_seconds(int(pid)):.2f}" for pid in sys.argv[1:]))
