"""Benchmark the kiosk under gunicorn against the /healthz floor, with the real and a 5,000 catalogue.

Usage: .venv/bin/python bench/run.py  (or `make bench`). Prints a markdown table and writes it to
bench/results/latest.md. Exits 0 even when a target fails (it is a report), 1 when the server
cannot be set up or started.
"""
import argparse
import os
import platform
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlencode

import catalogue
import loadgen
import report
import wire
from loadgen import Sample, Target

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "latest.md"
CODE = "1.001193"
QUERIES = (
    "dang ky khai sinh", "chung thuc ban sao", "cap lai the can cuoc",
    "dang ky ket hon", "xac nhan tinh trang hon nhan", "ho ngheo",
)
# Every request takes gzip, as the kiosk's Chromium does: compressing is part of what is measured.
GZIP = {"Accept-Encoding": "gzip, deflate, br"}
HTMX = {"HX-Request": "true", **GZIP}
WIRE_PAGES = ("/kiosk/", f"/kiosk/thu-tuc/{CODE}", "/kiosk/su-kien/sinh-con")
WIRE_LIMIT = 60 * 1024


def search_path(query: str) -> str:
    return "/kiosk/tim-kiem?" + urlencode({"q": query})


TARGETS = (
    Target("/healthz", ("/healthz",), GZIP),
    Target("/kiosk/", ("/kiosk/",), GZIP),
    Target("search (page)", tuple(map(search_path, QUERIES)), GZIP),
    Target("search (htmx fragment)", tuple(map(search_path, QUERIES)), HTMX),
    # Every request a different query, as the kiosk sends while a citizen types: no cache helps.
    Target("search (typing, all distinct)", tuple(map(search_path, catalogue.typed_queries())), HTMX),
    Target("QR warm", (f"/kiosk/thu-tuc/{CODE}/qr.svg",), GZIP),
    Target(f"/kiosk/thu-tuc/{CODE}", (f"/kiosk/thu-tuc/{CODE}",), GZIP),
)
GUNICORN = ("--worker-class", "gthread", "--workers", "2", "--threads", "32")


class SetupError(Exception):
    """The database or the server could not be prepared: no measurement is possible."""


@dataclass
class Scenario:
    name: str
    total: int  # procedures in the catalogue; more than the seed means generated rows are added
    search_p50_limit: float


@dataclass
class Row:
    scenario: Scenario
    target: Target
    sample: Sample


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000, help="per endpoint and catalogue")
    parser.add_argument("--concurrency", type=int, default=6, help="client threads")
    parser.add_argument("--seconds", type=float, default=6.0, help="time limit per endpoint")
    parser.add_argument("--rounds", type=int, default=4, help="interleaved rounds over endpoints")
    parser.add_argument("--large", type=int, default=5000, help="size of the generated catalogue")
    return parser.parse_args()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((loadgen.HOST, 0))
        return sock.getsockname()[1]


def app_env(workdir: Path) -> dict:
    """The environment of a benchmark's app: a fresh SQLite file and upload folder in `workdir`."""
    return {**os.environ, "FLASK_APP": "wsgi", "SECRET_KEY": secrets.token_hex(32),
            "DATABASE_URL": f"sqlite:///{workdir / 'bench.db'}", "UPLOAD_DIR": str(workdir / "up")}


def flask(env: dict, *args: str) -> str:
    """Run one `flask` command of the app; its output, or SetupError with its message."""
    done = subprocess.run([sys.executable, "-m", "flask", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise SetupError(f"flask {' '.join(args)} failed:\n{done.stdout}{done.stderr}")
    return done.stdout.strip()


def prepare_database(scenario: Scenario, workdir: Path, env: dict) -> list[str]:
    """Migrate, seed and (for the large catalogue) import generated rows; notes for the report."""
    flask(env, "db", "upgrade")
    notes = [flask(env, "load-seed")]
    if scenario.total > len(catalogue.seed_rows()):
        path = workdir / "generated.json"
        catalogue.write_catalogue(path, scenario.total)
        started = time.perf_counter()
        output = flask(env, "import-procedures", str(path))
        notes.append(f"{output} (import-procedures: {time.perf_counter() - started:.1f} s)")
    return notes


def start_server(env: dict, port: int, log: Path) -> subprocess.Popen:
    """Start gunicorn in its own process group and wait until /healthz answers 200."""
    command = [sys.executable, "-m", "gunicorn", "--bind", f"{loadgen.HOST}:{port}", *GUNICORN, "wsgi:app"]
    with log.open("wb") as out:
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                  start_new_session=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            break
        if loadgen.get(port, "/healthz", timeout=1) == 200:
            return server
        time.sleep(0.1)
    stop_server(server)
    raise SetupError(f"gunicorn did not answer /healthz:\n{log.read_text(errors='replace')[-3000:]}")


def stop_server(server: subprocess.Popen) -> None:
    """Stop gunicorn and its workers: TERM for a graceful stop, KILL if it lingers."""
    # The whole group, even when the master already died: its workers must not outlive the run.
    try:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)
        os.killpg(server.pid, signal.SIGKILL)  # workers that ignored TERM
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()
    except ProcessLookupError:
        pass  # nothing left in the group


def server_cpu(server: subprocess.Popen) -> float:
    """CPU seconds used so far by gunicorn's workers: a cost other users' load barely changes."""
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    ticks = 0
    for pid in children:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue  # a worker that gunicorn just replaced
        ticks += int(fields[11]) + int(fields[12])  # utime + stime
    return ticks / os.sysconf("SC_CLK_TCK")


def measure_round(server: subprocess.Popen, port: int, target: Target, args) -> Sample:
    before = server_cpu(server)
    sample = loadgen.run(port, target, args.requests // args.rounds, args.concurrency,
                         args.seconds / args.rounds)
    sample.server_cpu = server_cpu(server) - before
    return sample


def measure(server: subprocess.Popen, port: int, args: argparse.Namespace) -> tuple[list[Sample], list[str]]:
    """Warm every endpoint up, then measure them in interleaved rounds so drift hits all alike."""
    notes = []
    for target in TARGETS:
        status = loadgen.get(port, target.paths[0], target.headers)
        if status != 200:
            notes.append(f"{target.paths[0]} answered {status or 'nothing'} (counted as errors)")
        loadgen.run(port, target, 20 * args.concurrency, args.concurrency, 1.0)
    totals = [Sample() for _ in TARGETS]
    for _ in range(args.rounds):
        for target, total in zip(TARGETS, totals):
            total.add(measure_round(server, port, target, args))
    for path in WIRE_PAGES:
        size, requests = wire.page_weight(port, path)
        verdict = "ok" if size <= WIRE_LIMIT else "FAIL"
        notes.append(f"wire size of {path} with what it loads: {size / 1024:.1f} KB in {requests} requests "
                     f"(target ≤ {WIRE_LIMIT // 1024} KB: {verdict})")
    return totals, notes


def run_scenario(scenario: Scenario, args: argparse.Namespace) -> tuple[list[Row], list[str]]:
    """One catalogue: fresh database, fresh server, every endpoint measured; always cleaned up."""
    with tempfile.TemporaryDirectory(prefix="motcua-bench-") as tmp:
        workdir = Path(tmp)
        env = app_env(workdir)
        print(f"[{scenario.name}] preparing the database...", file=sys.stderr)
        notes = prepare_database(scenario, workdir, env)
        port = free_port()
        server = start_server(env, port, workdir / "gunicorn.log")
        try:
            print(f"[{scenario.name}] measuring on port {port}...", file=sys.stderr)
            samples, problems = measure(server, port, args)
        finally:
            stop_server(server)
    return [Row(scenario, t, s) for t, s in zip(TARGETS, samples)], notes + problems


def header(args: argparse.Namespace, notes: list[str], load_before: tuple) -> str:
    """What was measured, how, and on what machine: numbers are meaningless without it."""
    load_after = os.getloadavg()
    return "\n".join([
        "# Kiosk benchmark",
        "",
        f"- When: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, on {platform.node()} "
        f"({os.cpu_count()} CPUs, Python {platform.python_version()})",
        "- Command: `.venv/bin/python bench/run.py` (same as `make bench`)",
        f"- Server: gunicorn {' '.join(GUNICORN)}, no access log, on 127.0.0.1, SQLite",
        f"- Client: {args.concurrency} threads with persistent connections, up to {args.requests} "
        f"requests or {args.seconds:g} s per endpoint, in {args.rounds} interleaved rounds, after a "
        "warm-up",
        f"- Search queries (cycled): {', '.join(QUERIES)}; \"typing\": a different prefix of a real "
        "procedure name (unaccented, e.g. `dang ky kh`) on every request",
        f"- Load average before / after: {load_before[0]:.2f} / {load_after[0]:.2f} "
        "(the machine is shared: compare ratios, not absolute numbers)",
        "- Server CPU: CPU time of the gunicorn workers per request (from /proc), which other "
        "processes' load barely changes: the steadiest column when the machine is busy",
        *(f"- {note}" for note in notes),
        "",
        "",
    ])


def main() -> int:
    args = parse_args()
    # A TERM (e.g. from make or CI) unwinds like Ctrl-C, so gunicorn and temp files are cleaned up.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    load_before = os.getloadavg()
    scenarios = (Scenario(f"{len(catalogue.seed_rows())} real", 0, 2.0),
                 Scenario(f"{args.large:,} generated", args.large, 3.0))
    rows, notes = [], []
    try:
        for scenario in scenarios:
            scenario_rows, scenario_notes = run_scenario(scenario, args)
            rows += scenario_rows
            notes += [f"{scenario.name}: {n}" for n in scenario_notes]
    except SetupError as exc:
        print(f"Benchmark aborted: {exc}", file=sys.stderr)
        return 1
    text = header(args, notes, load_before) + report.table(rows) + "\n"
    text += f"\n{report.failures(rows)} target(s) failed.\n"
    print(text)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(text, encoding="utf-8")
    print(f"Written to {RESULTS.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
