"""Prove that concurrent dossier creates under gunicorn lose nothing and duplicate nothing, even
when a worker is killed mid-write.

Usage: .venv/bin/python bench/integrity.py [--backend sqlite|postgresql|both]  (default both).
Signs in through the real form, sends 1,000 concurrent creates through the intake form, then a
second batch during which one worker gets SIGKILL, and checks every answer against the database.
Prints a markdown table per backend and writes bench/results/integrity.md. Exits 1 when a request
was lost or duplicated or the server stopped answering; 0 otherwise. Only 127.0.0.1 is contacted.
"""
import argparse
import os
import secrets
import signal
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import create_engine, text

import loadgen
import run
from integrity_http import Answer, Client, create, sign_in

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "bench" / "results" / "integrity.md"
WORKERS = ("--worker-class", "gthread", "--workers", "4", "--threads", "4")
USER, PASSWORD = "kiemthu", secrets.token_urlsafe(12)


@dataclass
class Batch:
    label: str
    answers: list[Answer] = field(default_factory=list)
    seconds: float = 0.0
    cut: int = 0  # answers lost to the kill's broken connections, before they were resolved
    notes: list[str] = field(default_factory=list)

    def count(self, kind: str) -> int:
        return sum(a.kind == kind for a in self.answers)


def send_batch(port: int, session: tuple[dict, str], names: list[str], threads: int, seconds: float,
               batch: Batch) -> Batch:
    """Send every name once from `threads` clients sharing a queue, bounded by `seconds`."""
    queue, lock = iter(names), threading.Lock()
    deadline = time.monotonic() + seconds

    def worker() -> None:
        client = Client(port, session[0])
        try:
            while time.monotonic() < deadline:
                with lock:
                    name = next(queue, None)
                if name is None:
                    return
                answer = create(client, name, session[1])
                with lock:
                    batch.answers.append(answer)
        finally:
            client.close()

    started = time.perf_counter()
    pool = [threading.Thread(target=worker, daemon=True) for _ in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    batch.seconds = time.perf_counter() - started
    if len(batch.answers) < len(names):
        batch.notes.append(f"time limit {seconds:.0f} s reached: {len(names) - len(batch.answers)} never sent")
    return batch


def rows_by_name(url: str, prefix: str) -> dict[str, list[str]]:
    """Receipt codes in the database per applicant name starting with `prefix`."""
    found: dict[str, list[str]] = {}
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT applicant_name, receipt_code FROM dossier "
                                           "WHERE applicant_name LIKE :p"), {"p": prefix + "%"})
            for name, code in rows:
                found.setdefault(name, []).append(code)
    finally:
        engine.dispose()
    return found


def verify(batch: Batch, url: str, prefix: str) -> dict:
    """Lost, duplicated and mismatched answers of one batch, read straight from the database."""
    stored = rows_by_name(url, prefix)
    ok = [a for a in batch.answers if a.kind == "ok"]
    lost = [a.name for a in ok if not stored.get(a.name)]
    duplicated = [n for n, codes in stored.items() if len(codes) > 1]
    mismatched = [a.name for a in ok if stored.get(a.name) and a.code not in stored[a.name]]
    written_anyway = [a.name for a in batch.answers if a.kind != "ok" and stored.get(a.name)]
    codes = Counter(c for codes in stored.values() for c in codes)
    return {"lost": len(lost), "duplicated": len(duplicated), "duplicate_codes": sum(n > 1 for n in codes.values()),
            "mismatched": len(mismatched), "written_anyway": len(written_anyway), "stored": stored}


def worker_pids(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return [int(pid) for pid in children]


def kill_one_worker(master: int, batch: Batch, after: int) -> dict:
    """Once `after` answers of the batch came back, SIGKILL the first worker; the pid killed."""
    deadline = time.monotonic() + 60
    while len(batch.answers) < after and time.monotonic() < deadline:
        time.sleep(0.005)
    victim = worker_pids(master)[0]
    os.kill(victim, signal.SIGKILL)
    return {"pid": victim, "at": time.strftime("%H:%M:%S", time.gmtime()), "answered": len(batch.answers)}


def retry_cut(port: int, session: tuple[dict, str], batch: Batch, url: str, prefix: str) -> None:
    """A create cut by the kill is looked up by name first, resent only when absent (idempotent)."""
    stored = rows_by_name(url, prefix)
    client = Client(port, session[0])
    try:
        cut = [a for a in batch.answers if a.kind == "cut"]
        present = [a for a in cut if stored.get(a.name)]
        batch.cut = len(cut)
        for answer in cut:
            if answer in present:
                answer.kind, answer.code = "ok", stored[answer.name][0]
            else:
                again = create(client, answer.name, session[1])
                answer.kind, answer.status, answer.code = again.kind, again.status, again.code
    finally:
        client.close()
    batch.notes.append(f"{len(cut)} requests cut by the kill: {len(present)} had been committed "
                       f"(found by applicant name, counted OK), {len(cut) - len(present)} resent once")


def partial_writes(url: str) -> int:
    """Dossiers without their 'received' history row: a create that was only half written."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return connection.execute(text(
                "SELECT COUNT(*) FROM dossier d WHERE NOT EXISTS (SELECT 1 FROM dossier_status_change c "
                "WHERE c.dossier_id = d.id AND c.status = 'received')")).scalar_one()
    finally:
        engine.dispose()


def sqlite_checks(url: str) -> list[str]:
    """PRAGMA integrity_check and foreign_key_check; problems found (empty when sound)."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            integrity = connection.execute(text("PRAGMA integrity_check")).scalars().all()
            orphans = connection.execute(text("PRAGMA foreign_key_check")).all()
    finally:
        engine.dispose()
    problems = [] if integrity == ["ok"] else [f"integrity_check: {integrity[:5]}"]
    return problems + ([f"foreign_key_check: {len(orphans)} rows, e.g. {orphans[:3]}"] if orphans else [])


def names(prefix: str, count: int) -> list[str]:
    return [f"{prefix} {i:04d}" for i in range(1, count + 1)]


def fault_run(server, port: int, session, url: str, args) -> tuple[Batch, dict]:
    """The second batch with one worker SIGKILLed; the kill and whether the server answered after."""
    batch, killed = Batch("fault: worker SIGKILLed"), {}
    after = args.fault_requests // 3
    killer = threading.Thread(target=lambda: killed.update(kill_one_worker(server.pid, batch, after)))
    killer.start()
    send_batch(port, session, names("Sự cố", args.fault_requests), args.threads, args.seconds, batch)
    killer.join()
    cut = batch.count("cut")
    retry_cut(port, session, batch, url, "Sự cố")
    probe_client = Client(port, session[0])
    probe = create(probe_client, "Sau sự cố 0001", session[1])
    probe_client.close()
    killed["healthz"] = loadgen.get(port, "/healthz") == 200
    killed["create"] = probe.kind == "ok"
    killed["cut"] = cut
    return batch, killed


def run_backend(backend: str, url: str, workdir: Path, args) -> list[tuple[Batch, dict, dict]]:
    """Prepare the database, start gunicorn with 4 workers, run both batches; always cleaned up."""
    env = {**os.environ, "FLASK_APP": "wsgi", "SECRET_KEY": secrets.token_hex(32),
           "DATABASE_URL": url, "UPLOAD_DIR": str(workdir / "up")}
    print(f"[{backend}] preparing the database...", file=sys.stderr)
    run.flask(env, "db", "upgrade")
    run.flask(env, "load-seed")
    run.flask(env, "create-user", USER, "--role", "officer", "--full-name", "Kiểm thử", "--password", PASSWORD)
    run.GUNICORN = WORKERS  # start_server reads the module's flags: 4 workers here
    port = run.free_port()
    server = run.start_server(env, port, workdir / "gunicorn.log")
    try:
        session = sign_in(port, USER, PASSWORD)
        print(f"[{backend}] {args.requests} creates on port {port}...", file=sys.stderr)
        load = send_batch(port, session, names("Kiểm thử", args.requests), args.threads, args.seconds,
                          Batch(f"{args.requests:,} concurrent creates"))
        results = [(load, verify(load, url, "Kiểm thử"), {})]
        print(f"[{backend}] {args.fault_requests} creates with a worker killed...", file=sys.stderr)
        fault, killed = fault_run(server, port, session, url, args)
        halves = partial_writes(url)
        problems = (sqlite_checks(url) if backend == "sqlite" else []) + (
            [f"{halves} dossiers without their 'received' history row"] if halves else [])
        killed["consistent"] = not problems
        fault.notes += problems or ["after the kill: every dossier has its 'received' history row" + (
            "; PRAGMA integrity_check = ok, foreign_key_check empty" if backend == "sqlite" else "")]
        results.append((fault, verify(fault, url, "Sự cố"), killed))
    finally:
        run.stop_server(server)
    log = (workdir / "gunicorn.log").read_text(errors="replace")
    results[-1][0].notes.append(f"server log: {log.count('Traceback')} tracebacks, "
                                f"{log.count('database is locked')} 'database is locked'")
    return results


def table(backend: str, results) -> str:
    """One markdown table for a backend, its notes under it."""
    lines = [f"## {backend}", "",
             "| Run | Requests | 2xx/303 | Retryable | Other errors | Cut by kill (resolved) | Lost | Duplicated "
             "| Time s | req/s |", "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    notes = []
    for batch, found, killed in results:
        ok, total = batch.count("ok"), len(batch.answers)
        others = batch.count("error") + batch.count("cut")
        lines.append(f"| {batch.label} | {total} | {ok} | {batch.count('retryable')} | {others} | "
                     f"{batch.cut} | {found['lost']} | {found['duplicated']} | {batch.seconds:.1f} | "
                     f"{total / batch.seconds if batch.seconds else 0:.0f} |")
        statuses = Counter(a.status for a in batch.answers if a.kind in ("error", "retryable"))
        notes += [f"{batch.label}: {n}" for n in batch.notes]
        if statuses:
            notes.append(f"{batch.label}: non-success statuses {dict(statuses)} (0 = connection error)")
        if found["duplicate_codes"]:
            notes.append(f"{batch.label}: {found['duplicate_codes']} receipt codes stored more than once")
        if found["mismatched"] or found["written_anyway"]:
            notes.append(f"{batch.label}: {found['mismatched']} receipt codes differ from the answer, "
                         f"{found['written_anyway']} rows written although the answer was not a success")
        if killed:
            notes += [f"worker killed: pid {killed['pid']} at {killed['at']} UTC "
                      f"after {killed['answered']} answers ({killed['cut']} requests cut)",
                      f"server answered after kill: {'yes' if killed['healthz'] else 'no'} (/healthz), "
                      f"{'yes' if killed['create'] else 'no'} (one more create)"]
    return "\n".join(lines + [""] + [f"- {n}" for n in notes]) + "\n"


def failed(results) -> bool:
    """Anything lost or duplicated, or the server silent after the kill."""
    bad = any(found["lost"] or found["duplicated"] or found["duplicate_codes"] or found["mismatched"]
              for _, found, _ in results)
    killed = results[-1][2]
    return bad or not (killed.get("healthz") and killed.get("create") and killed.get("consistent", True))


def measure_backend(backend: str, args) -> tuple[str, bool]:
    with tempfile.TemporaryDirectory(prefix="motcua-integrity-") as tmp:
        workdir = Path(tmp)
        if backend == "sqlite":
            results = run_backend(backend, f"sqlite:///{workdir / 'integrity.db'}", workdir, args)
            return table("SQLite", results), failed(results)
        from tests.postgres import Cluster

        cluster = Cluster().start()
        try:
            cluster.execute("CREATE DATABASE integrity")
            results = run_backend(backend, cluster.url("integrity"), workdir, args)
        finally:
            cluster.stop()
        return table("PostgreSQL 15", results), failed(results)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--requests", type=int, default=1000, help="creates in the load batch")
    parser.add_argument("--fault-requests", type=int, default=300, help="creates in the fault batch")
    parser.add_argument("--threads", type=int, default=40, help="client threads, one connection each")
    parser.add_argument("--seconds", type=float, default=180.0, help="time limit per batch")
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    backends = ("sqlite", "postgresql") if args.backend == "both" else (args.backend,)
    sections, bad = [], False
    for backend in backends:
        try:
            section, failure = measure_backend(backend, args)
        except run.SetupError as error:
            section, failure = f"## {backend}\n\nSetup failed: {error}\n", True
        sections.append(section)
        bad = bad or failure
    load = os.getloadavg()
    header = (f"# Integrity under load and faults\n\n{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, "
              f"gunicorn {' '.join(WORKERS)}, {args.threads} client threads, "
              f"load average after {load[0]:.2f}. Result: {'FAIL' if bad else 'PASS'}\n")
    output = "\n".join([header, *sections])
    print(output)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(output, encoding="utf-8")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
