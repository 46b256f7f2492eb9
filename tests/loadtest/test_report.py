"""The load test's verdict: a submission the client saw succeed that is
not a new row, or any failed request, fails the run."""

import csv
import json

from loadtest import cpu, report

COLUMNS = ["Type", "Name", "Request Count", "Failure Count", "Requests/s", "50%", "95%", "99%"]


def write_run(tmp_path, failures=0, submitted=None, new_rows=None):
    with open(tmp_path / "stats.csv", "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        writer.writerow(["GET", "/", 90, failures, 1.5, 40, 120, 200])
        writer.writerow(["", "Aggregated", 100, failures, 1.7, 45, 130, 210])
    before = {"referrals": 10, "champions": 5, "bookings": 7}
    after = {kind: count + (new_rows or {}).get(kind, 0) for kind, count in before.items()}
    for name, value in (("submitted", submitted or {}), ("before", before), ("after", after)):
        (tmp_path / f"{name}.json").write_text(json.dumps(value))
    return [
        str(tmp_path / name)
        for name in ("stats.csv", *(f"{n}.json" for n in ("submitted", "before", "after")))
    ]


def test_every_submission_is_a_new_row_and_nothing_failed(tmp_path, capsys):
    seen = {"referrals": 3, "champions": 2, "bookings": 4}
    assert report.main(*write_run(tmp_path, submitted=seen, new_rows=seen)) == 0
    out = capsys.readouterr().out
    assert "Requests: 100, 1.7 per second; errors: 0; p50 45 ms, p95 130 ms, p99 210 ms" in out
    assert "Goal p95 under 300 ms: met" in out
    assert "No submission lost." in out


def test_a_lost_submission_fails_the_run(tmp_path, capsys):
    seen = {"referrals": 3, "champions": 2, "bookings": 4}
    rows = {**seen, "referrals": 2}
    assert report.main(*write_run(tmp_path, submitted=seen, new_rows=rows)) == 1
    assert "MISMATCH" in capsys.readouterr().out


def test_a_failed_request_fails_the_run(tmp_path):
    assert report.main(*write_run(tmp_path, failures=1)) == 1


def test_cpu_of_a_process_tree_is_counted():
    import os

    sum(range(2_000_000))  # use a little CPU
    assert cpu.tree_seconds(os.getpid()) > 0
