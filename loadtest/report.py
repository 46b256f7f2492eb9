"""Print the load test's figures and check that no submission was lost:

    python -m loadtest.report STATS SUBMITTED BEFORE AFTER [CPU_BEFORE CPU_AFTER]

(the Locust stats CSV, the submissions Locust counted, the row counts
before and after, and optionally the CPU seconds of the app, PostgreSQL
and Redis before and after, from loadtest/cpu.py).

Exit status 1 when a request failed or a submission the client saw succeed
is not a new row; the latency goal is reported, never enforced."""

import csv
import json
import sys
from pathlib import Path

GOAL_P95_MS = 300
KINDS = ("referrals", "champions", "bookings")


def rows(stats_csv):
    with open(stats_csv, newline="") as handle:
        return list(csv.DictReader(handle))


def number(row, column):
    value = row.get(column) or "0"
    return float(value) if value != "N/A" else 0.0


def cpu_report(cpu_before, cpu_after, requests, seconds):
    before = json.loads(Path(cpu_before).read_text())
    after = json.loads(Path(cpu_after).read_text())
    used = {name: after[name] - before[name] for name in before}
    per_request = {name: 1000 * value / max(requests, 1) for name, value in used.items()}
    total = sum(per_request.values())
    print(
        "CPU per request: "
        + ", ".join(f"{name} {ms:.0f} ms" for name, ms in per_request.items())
        + f"; together {total:.0f} ms, so two free cores would serve about "
        f"{2000 / total:.0f} requests per second"
        if total
        else "CPU per request: none measured"
    )
    print(f"CPU used during the run: {sum(used.values()) / seconds:.2f} cores on average")


def main(stats_csv, submitted_json, before_json, after_json, cpu_before=None, cpu_after=None):
    stats = rows(stats_csv)
    submitted = json.loads(Path(submitted_json).read_text())
    before = json.loads(Path(before_json).read_text())
    after = json.loads(Path(after_json).read_text())
    total = next(row for row in stats if row["Name"] == "Aggregated")

    print(f"{'request':44} {'n':>7} {'fail':>5} {'p50':>6} {'p95':>6} {'p99':>6}  (ms)")
    for row in sorted(stats, key=lambda r: (r["Name"] == "Aggregated", r["Name"])):
        print(
            f"{row['Name'][:44]:44} {int(number(row, 'Request Count')):>7} "
            f"{int(number(row, 'Failure Count')):>5} {number(row, '50%'):>6.0f} "
            f"{number(row, '95%'):>6.0f} {number(row, '99%'):>6.0f}"
        )
    requests, failures = int(number(total, "Request Count")), int(number(total, "Failure Count"))
    p95 = number(total, "95%")
    print()
    print(
        f"Requests: {requests}, {number(total, 'Requests/s'):.1f} per second; "
        f"errors: {failures}; p50 {number(total, '50%'):.0f} ms, p95 {p95:.0f} ms, "
        f"p99 {number(total, '99%'):.0f} ms"
    )
    print(f"Goal p95 under {GOAL_P95_MS} ms: {'met' if p95 < GOAL_P95_MS else 'NOT met'}")
    if cpu_before and cpu_after:
        seconds = requests / max(number(total, "Requests/s"), 0.001)
        cpu_report(cpu_before, cpu_after, requests, seconds)

    lost = False
    print()
    print(f"{'rows':10} {'before':>7} {'after':>7} {'new':>5} {'client saw succeed':>19}")
    for kind in KINDS:
        new = after[kind] - before[kind]
        seen = submitted.get(kind, 0)
        lost = lost or new != seen
        print(f"{kind:10} {before[kind]:>7} {after[kind]:>7} {new:>5} {seen:>19}")
    print(
        "No submission lost." if not lost else "MISMATCH: rows and successful submissions differ."
    )
    return 1 if lost or failures else 0


if __name__ == "__main__":
    if len(sys.argv) not in (5, 7):
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
