"""`make bench`, second part: each main page's requests per second over
HTTP, against a bare Django view answering as many bytes on the same
gunicorn command line (tests/bench_bare.py). tests/bench.py runs it after
its in-process tables, with the pages to measure.

The site runs as in production: website.wsgi under
website.settings.production (plain HTTP, no search limit, a log line per
request), its static files collected into var/bench-http/static, the bench
database (DATABASE_URL), and a Redis server of its own on a free loopback
port when redis-server is installed, otherwise a cache per worker
(ALLOW_PER_PROCESS_CACHE=true). Both servers get BENCH_WORKERS (2) sync
workers. wrk drives each page for BENCH_HTTP_SECONDS (5) with 2 threads and
4 connections, then the bare view for as long, back to back, so the two
figures share the machine's state. The ratio is the page's requests per
second over the bare view's: 1.0 would be a page that costs no more than
Django answering the same bytes.

Everything started here is stopped on the way out, Ctrl-C included. Logs
are kept in var/bench-http/."""

import contextlib
import http.client
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "var" / "bench-http"
GUNICORN = Path(sys.executable).with_name("gunicorn")
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
SECONDS = int(os.environ.get("BENCH_HTTP_SECONDS", "5"))
WRK = ["wrk", "-t2", "-c4", "--timeout", "10s", "--latency"]
COMPRESSED = {"Accept-Encoding": "gzip, br"}
UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def wrk_missing_message():
    if shutil.which("wrk"):
        return None
    return (
        "wrk is not installed, so the HTTP part of the bench (requests per second against "
        "a bare Django view) cannot run: `apt-get install wrk` (`make bench` installs it "
        "itself when run as root)."
    )


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def stop(process):
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def start(stack, command, log_name, env=None):
    """Start `command` with its output in var/bench-http/<log_name>; the
    stack stops it on the way out."""
    log = stack.enter_context(open(OUT / log_name, "w"))  # noqa: SIM115
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    stack.callback(stop, process)
    return process


def wait_until(ready, process, log_name, what):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        with contextlib.suppress(OSError, http.client.HTTPException):
            if ready():
                return
        time.sleep(0.2)
    tail = (OUT / log_name).read_text(errors="replace")[-3000:]
    raise SystemExit(f"{what} did not start; the end of var/bench-http/{log_name}:\n{tail}")


def start_redis(stack):
    """A Redis of our own, shared by the workers as in production, or None
    when redis-server is not installed."""
    if not shutil.which("redis-server"):
        return None
    port = free_port()
    command = ["redis-server", "--port", str(port), "--bind", "127.0.0.1"]
    process = start(stack, [*command, "--save", "", "--appendonly", "no"], "redis.log")

    def answers():
        with socket.create_connection(("127.0.0.1", port), timeout=1) as conn:
            conn.sendall(b"PING\r\n")
            return conn.recv(16).startswith(b"+PONG")

    wait_until(answers, process, "redis.log", "redis-server")
    return f"redis://127.0.0.1:{port}/0"


def site_environment(redis_url):
    """Production settings, with what they refuse to start without."""
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in ("REDIS_URL", "ALLOW_PER_PROCESS_CACHE", "PAGE_CACHE_SECONDS")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="website.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        WAGTAILADMIN_BASE_URL="https://localhost",
        SECURE_SSL_REDIRECT="false",
        SEARCH_RATE_LIMIT_PER_MINUTE="0",
        STATIC_ROOT=str(OUT / "static"),
        # A JSON line per request, as in production (into gunicorn's log).
        REQUEST_LOG="true",
    )
    if redis_url:
        env["REDIS_URL"] = redis_url
    else:
        env["ALLOW_PER_PROCESS_CACHE"] = "true"
    return env


def start_gunicorn(stack, app, env, log_name, ready_path):
    port = free_port()
    command = [str(GUNICORN), app, "--workers", str(WORKERS), "--bind", f"127.0.0.1:{port}"]
    process = start(
        stack, [*command, "--no-control-socket", "--log-level", "warning"], log_name, env
    )
    wait_until(lambda: get(port, ready_path)[0] == 200, process, log_name, app)
    return port


def get(port, path, headers=None):
    """(status, body, headers) of one GET, redirects not followed; without
    an Accept-Encoding header http.client asks for `identity`."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read(), response.headers
    finally:
        connection.close()


def warm(port, path, headers=None):
    """GET the page until every worker is likely to have drawn it (and kept
    it, without a shared cache); fail unless it answers 200. The last
    answer's body and headers."""
    for _ in range(2 * WORKERS):
        status, body, answer_headers = get(port, path, headers)
        if status != 200:
            raise SystemExit(
                f"{path} answered {status}, not 200: no figures (var/bench-http/site.log)"
            )
    return body, answer_headers


def milliseconds(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * UNIT_MS[unit]


def wrk(port, path, headers=None, seconds=SECONDS):
    """(requests per second, p50 ms, p99 ms) of wrk against one address."""
    command = [*WRK, f"-d{seconds}s"]
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    url = f"http://127.0.0.1:{port}{path}"
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if bad:
        raise SystemExit(f"{path} answered {bad.group(1)} requests with an error:\n{output}")
    errors = re.search(r"Socket errors: .*", output)
    if errors:
        print(f"  wrk on {path}: {errors.group(0)}")
    per_second = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50, p99 = (
        milliseconds(re.search(rf"^\s+{share}%\s+(\S+)", output, re.M).group(1))
        for share in (50, 99)
    )
    return per_second, p50, p99


def print_table(site, bare, pages, headers=None):
    """Each page, then the bare view answering as many bytes as the page
    sent; pages whose answer was not a page-cache hit, and why, below."""
    width = max(len(page) for page in pages)
    print(
        f"{'page':{width}} {'cache':>5} {'sent as':>8} {'KB sent':>8} {'req/s':>8} {'p50 ms':>7} "
        f"{'p99 ms':>7} {'bare r/s':>9} {'bare p50':>8} {'ratio':>6}"
    )
    misses = []
    for page in pages:
        body, answer = warm(site, page, headers)
        size = len(body)
        get(bare, f"/bytes/{size}")
        cached = answer.get("X-Page-Cache", "-")
        encoding = answer.get("Content-Encoding", "-")
        if cached != "hit":
            misses.append((page, answer))
        per_second, p50, p99 = wrk(site, page, headers)
        bare_per_second, bare_p50, _ = wrk(bare, f"/bytes/{size}", headers)
        print(
            f"{page:{width}} {cached:>5} {encoding:>8} {size / 1024:8.1f} {per_second:8.0f} "
            f"{p50:7.1f} {p99:7.1f} {bare_per_second:9.0f} {bare_p50:8.1f} "
            f"{per_second / bare_per_second:6.2f}"
        )
    for page, answer in misses:
        cookies = [value.split("=", 1)[0] for value in answer.get_all("Set-Cookie") or []]
        print(
            f"  not from the page cache: {page}: Cache-Control "
            f"{answer.get('Cache-Control', '-')!r}, Vary {answer.get('Vary', '-')!r}, "
            f"cookies set {cookies or '-'}"
        )


def collect_static(env):
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    return time.perf_counter() - started


def stop_on_sigterm():
    """SIGTERM (a killed `make`) unwinds like Ctrl-C, so the servers stop."""

    def unwind(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, unwind)


def run(pages, machine_state):
    """Serve the site and the bare view, then print both tables."""
    OUT.mkdir(parents=True, exist_ok=True)
    stop_on_sigterm()
    with contextlib.ExitStack() as stack:
        redis_url = start_redis(stack)
        env = site_environment(redis_url)
        took = collect_static(env)
        site = start_gunicorn(stack, "website.wsgi", env, "site.log", "/healthz")
        bare = start_gunicorn(stack, "tests.bench_bare", env, "bare.log", "/bytes/1")
        cache = (
            f"Redis on {redis_url}"
            if redis_url
            else "a cache per worker (redis-server is not installed; ALLOW_PER_PROCESS_CACHE)"
        )
        print(
            f"\nOver HTTP: gunicorn, {WORKERS} sync workers, website.settings.production on "
            f"127.0.0.1:{site}, the bare view (tests/bench_bare.py) on 127.0.0.1:{bare}; "
            f"cache: {cache}; static files collected in {took:.0f} s. "
            f"wrk {' '.join(WRK[1:])} -d{SECONDS}s per address, page then bare view. "
            f"Each page is fetched {2 * WORKERS} times first; 'cache' is its X-Page-Cache "
            "header then; KB sent is the body the bare view sends too.\n"
            f"Before: {machine_state()}\n"
        )
        # Every worker of both servers through its first requests, untimed.
        wrk(site, pages[0], seconds=1)
        wrk(bare, "/bytes/1", seconds=1)
        print("No Accept-Encoding header: pages go out uncompressed.")
        print_table(site, bare, pages)
        print(
            f"\nWith 'Accept-Encoding: {COMPRESSED['Accept-Encoding']}': each page compressed as "
            "the site does it ('sent as'); the bare view sends as many bytes, uncompressed."
        )
        print_table(site, bare, pages, COMPRESSED)
        print(f"\nAfter: {machine_state()}")
