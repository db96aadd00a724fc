"""Benchmark the dossier statistics page for a year of a large commune (20,000 dossiers) under gunicorn.

Usage: .venv/bin/python bench/dossier_statistics.py  Prints a markdown table (p50 of the statistics
page as a multiple of the /healthz p50; target under 10x) and writes bench/results/statistics.md.
Named dossier_statistics.py, not statistics.py: bench/ is the first entry of sys.path when these
scripts run, and a statistics.py there would replace the standard library module loadgen imports.
"""
import argparse
import http.client
import os
import re
import secrets
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlencode

import loadgen
import run  # bench/run.py: free_port, flask, start_server, stop_server, server_cpu, GUNICORN
from loadgen import Sample, Target

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "statistics.md"
LIMIT = 10.0
PASSWORD = "bench-" + secrets.token_hex(8)

# Builds the register inside the app, with bulk inserts; prints the number of dossiers.
PREPARE = """
import random, sys
from datetime import datetime, timedelta
from sqlalchemy import insert, select
from app import create_app
from app.auth.models import User
from app.catalog.models import Procedure
from app.dossiers.models import Dossier, Rating
from app.extensions import db

count, password = int(sys.argv[1]), sys.argv[2]
rng = random.Random(2026)
app = create_app()
with app.app_context():
    user = User(username="bench-viewer", full_name="Bench", role="viewer")
    user.set_password(password)
    db.session.add(user)
    procedures = db.session.scalars(select(Procedure.id)).all()
    start, rows, ratings = datetime(2025, 12, 25), [], []
    for n in range(count):
        received = start + timedelta(minutes=rng.randrange(0, 372 * 24 * 60))
        due = (received + timedelta(days=rng.choice([1, 3, 5, 7, 15]))).date()
        row = dict(receipt_code=f"XT-{received.year}-B{n:06d}", procedure_id=rng.choice(procedures),
                   applicant_name="Người dân", applicant_phone=None, digitised=rng.random() < 0.7,
                   channel=rng.choices(["direct", "online", "postal"], [52, 45, 3])[0], received_at=received,
                   due_date=due, status="received", finished_at=None, finished_on=None, result_returned_at=None,
                   created_at=received, updated_at=received)
        if rng.random() < 0.9:
            finished = received + timedelta(hours=rng.randrange(1, 20 * 24))
            row.update(status=rng.choices(["resolved", "returned", "withdrawn", "rejected"], [90, 5, 3, 2])[0],
                       finished_at=finished, finished_on=(finished + timedelta(hours=7)).date())
        rows.append(row)
    db.session.execute(insert(Dossier), rows)
    ids = db.session.scalars(select(Dossier.id).where(Dossier.status == "resolved")).all()
    db.session.execute(insert(Rating), [dict(dossier_id=i, score=rng.choice(["very_satisfied", "satisfied",
                       "not_satisfied"]), created_at=start + timedelta(days=rng.randrange(0, 365)))
                       for i in rng.sample(ids, len(ids) // 4)])
    db.session.commit()
    print(db.session.query(Dossier).count())
"""


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dossiers", type=int, default=20_000)
    parser.add_argument("--requests", type=int, default=400, help="per endpoint")
    parser.add_argument("--concurrency", type=int, default=4, help="client threads")
    parser.add_argument("--seconds", type=float, default=20.0, help="time limit per endpoint")
    parser.add_argument("--rounds", type=int, default=4, help="interleaved rounds over endpoints")
    return parser.parse_args()


def prepare(env: dict, count: int) -> str:
    run.flask(env, "db", "upgrade")
    run.flask(env, "load-seed")
    started = time.perf_counter()
    done = run.subprocess.run([sys.executable, "-c", PREPARE, str(count), PASSWORD], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        raise run.SetupError(f"could not build the register:\n{done.stderr[-3000:]}")
    return f"{done.stdout.strip()} dossiers built in {time.perf_counter() - started:.1f} s"


def sign_in(port: int) -> dict:
    """Sign in through the real form as a viewer; the headers that carry the session."""
    connection = http.client.HTTPConnection(loadgen.HOST, port, timeout=10)
    connection.request("GET", "/dang-nhap")
    response = connection.getresponse()
    page = response.read().decode()
    cookie = response.getheader("Set-Cookie").split(";", 1)[0]
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    body = urlencode({"csrf_token": token, "username": "bench-viewer", "password": PASSWORD})
    connection.request("POST", "/dang-nhap", body=body, headers={
        "Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"})
    response = connection.getresponse()
    response.read()
    if response.status != 302:
        raise run.SetupError(f"sign-in answered {response.status}")
    return {"Cookie": response.getheader("Set-Cookie").split(";", 1)[0]}


def targets(session: dict) -> list[Target]:
    return [
        Target("/healthz", ("/healthz",)),
        Target("statistics, year 2026", ("/quan-ly/thong-ke?ky=year&nam=2026",), session),
        Target("statistics, March 2026", ("/quan-ly/thong-ke?ky=month&nam=2026&thang=3",), session),
        Target("statistics, year, htmx", ("/quan-ly/thong-ke?ky=year&nam=2026",), {**session, "HX-Request": "true"}),
        Target("statistics XLSX, year", ("/quan-ly/thong-ke.xlsx?ky=year&nam=2026",), session),
        # Every request a different custom period: nothing kept helps, the SQL counts every time.
        Target("statistics, distinct periods (uncached)", tuple(
            f"/quan-ly/thong-ke?ky=custom&tu=2026-01-{1 + n % 28:02d}&den=2026-12-{1 + n // 28:02d}"
            for n in range(28 * 28)), session),
    ]


def measure(server, port: int, args) -> list[tuple[Target, Sample]]:
    chosen = targets(sign_in(port))
    for target in chosen:
        status = loadgen.get(port, target.paths[0], target.headers)
        if status != 200:
            raise run.SetupError(f"{target.paths[0]} answered {status}")
        loadgen.run(port, target, 5 * args.concurrency, args.concurrency, 5.0)
    totals = [Sample() for _ in chosen]
    for _ in range(args.rounds):
        for target, total in zip(chosen, totals):
            before = run.server_cpu(server)
            sample = loadgen.run(port, target, args.requests // args.rounds, args.concurrency,
                                 args.seconds / args.rounds)
            sample.server_cpu = run.server_cpu(server) - before
            total.add(sample)
    return list(zip(chosen, totals))


def table(results: list[tuple[Target, Sample]]) -> str:
    floor = results[0][1].percentile(50)
    lines = ["| Endpoint | OK | Errors | p50 ms | p95 ms | p50 × /healthz | CPU ms/req | Target | Result |",
             "|---|---:|---:|---:|---:|---:|---:|---|---|"]
    for target, sample in results:
        ratio = sample.percentile(50) / floor if floor else 0
        is_page = target.label.startswith("statistics, year 2026")
        verdict = ("PASS" if ratio < LIMIT and not sample.errors else "FAIL") if is_page else ""
        lines.append(f"| {target.label} | {len(sample.latencies)} | {sample.errors} | "
                     f"{sample.percentile(50) * 1000:.2f} | {sample.percentile(95) * 1000:.2f} | {ratio:.2f} | "
                     f"{sample.cpu_per_request * 1000:.1f} | {'< 10×' if is_page else ''} | {verdict} |")
    return "\n".join(lines)


def main() -> int:
    args = parse_args()
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="motcua-bench-stats-") as tmp:
        workdir = Path(tmp)
        env = run.app_env(workdir)
        try:
            print("preparing the register...", file=sys.stderr)
            note = prepare(env, args.dossiers)
            port = run.free_port()
            server = run.start_server(env, port, workdir / "gunicorn.log")
            try:
                print(f"measuring on port {port}...", file=sys.stderr)
                results = measure(server, port, args)
            finally:
                run.stop_server(server)
        except run.SetupError as exc:
            print(f"Benchmark aborted: {exc}", file=sys.stderr)
            return 1
    text = "\n".join([
        "# Dossier statistics benchmark", "",
        f"- When: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC ({os.cpu_count()} CPUs)",
        "- Command: `.venv/bin/python bench/dossier_statistics.py`",
        f"- Server: gunicorn {' '.join(run.GUNICORN)}, SQLite; signed in as a viewer through the form",
        f"- Data: {note}; 289 real procedures; about 45 % online, 90 % finished, a quarter of the resolved rated",
        f"- Client: {args.concurrency} threads, up to {args.requests} requests or {args.seconds:g} s per "
        f"endpoint, {args.rounds} interleaved rounds after a warm-up",
        f"- Load average before / after: {load_before[0]:.2f} / {os.getloadavg()[0]:.2f} (shared machine)",
        "", table(results), ""])
    print(text)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
