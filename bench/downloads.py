"""Kiosk home latency while 50 phones download a 10 MB meeting PDF, and the server's memory.

Usage: .venv/bin/python bench/downloads.py [--clients 50] [--rate-mbit 0]
Starts gunicorn exactly as bench/run.py does (its helpers are imported, not copied), measures the
kiosk home's p95 idle, then again while `--clients` threads download the PDF in a loop; reports the
ratio (target <= 3x) and the RSS of master + workers. `--rate-mbit N` makes each client read at
most N Mbit/s, like a phone on the hall Wi-Fi, instead of as fast as loopback allows.
Writes bench/results/downloads-threads<N>-rate<R>.md.
"""
import argparse
import http.client
import multiprocessing
import os
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

import loadgen
import run  # bench/run.py: free_port, flask, start_server, stop_server, GUNICORN
from loadgen import Target

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PDF_MB = 10
KIOSK = Target("/kiosk/", ("/kiosk/",))
CHUNK = 64 * 1024


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50, help="parallel downloads")
    parser.add_argument("--rate-mbit", type=float, default=0, help="per-client read rate, 0 = unlimited")
    parser.add_argument("--seconds", type=float, default=10.0, help="length of each measurement")
    parser.add_argument("--concurrency", type=int, default=2, help="kiosk client threads")
    parser.add_argument("--threads", type=int, default=0,
                        help="gunicorn threads per worker (0: as bench/run.py, i.e. the Makefile's run)")
    return parser.parse_args()


def prepare_meeting(env: dict, workdir: Path) -> str:
    """A published meeting with a 10 MB PDF and a live link, made through the app; returns the link path."""
    script = f"""
import io
from app import create_app
from app.extensions import db
from app.meetings import links, services
from app.meetings.models import Meeting
from datetime import datetime, timedelta
app = create_app()
with app.app_context():
    meeting = Meeting(title="Họp thử tải", starts_at=datetime.utcnow() + timedelta(days=1), is_public=True)
    db.session.add(meeting)
    pdf = b"%PDF-1.4\\n%" + b"x" * ({PDF_MB} * 1024 * 1024 - 40) + b"\\n%%EOF\\n"
    services.add_document(meeting, io.BytesIO(pdf), "Tài liệu lớn.pdf", None, "", "bench")
    services.publish(meeting, True)
    link = links.create_link(meeting, datetime.utcnow() + timedelta(days=7), None, "bench")
    db.session.commit()
    document = meeting.documents[0]
    print(f"/h/{{links.token_for(link)}}/tai-lieu/{{document.id}}")
"""
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    if done.returncode != 0:
        raise run.SetupError(f"could not create the meeting:\n{done.stderr}")
    return done.stdout.strip().splitlines()[-1]


def server_rss_mb(server: subprocess.Popen) -> float:
    """Resident memory of gunicorn's master and its workers, in MB."""
    pids = [server.pid] + [int(p) for p in subprocess.run(
        ["pgrep", "-P", str(server.pid)], capture_output=True, text=True).stdout.split()]
    total = 0
    for pid in pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        total += next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS"))
    return total / 1024


class Downloads:
    """Client threads downloading one path again and again until stopped."""

    def __init__(self, port: int, path: str, clients: int, rate_mbit: float):
        self.port, self.path, self.rate = port, path, rate_mbit * 125_000  # bytes per second
        self.stop = threading.Event()
        self.done = self.errors = self.bytes = 0
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=self._loop, daemon=True) for _ in range(clients)]

    def __enter__(self):
        self.started = time.perf_counter()
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *_):
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=30)
        self.seconds = time.perf_counter() - self.started

    def _loop(self) -> None:
        while not self.stop.is_set():
            try:
                received = self._one()
            except (OSError, http.client.HTTPException):
                received = -1
            with self.lock:
                if received > 0:
                    self.done += 1
                elif received >= 0 and not self.stop.is_set():
                    self.errors += 1
                self.bytes += max(received, 0)

    def _count_partial(self, received: int) -> None:
        with self.lock:
            self.bytes += received

    def _one(self) -> int:
        connection = http.client.HTTPConnection(loadgen.HOST, self.port, timeout=60)
        try:
            connection.request("GET", self.path)
            response = connection.getresponse()
            if response.status != 200:
                response.read()
                return -1
            expected = int(response.getheader("Content-Length", "0"))
            received, started = 0, time.perf_counter()
            while chunk := response.read(CHUNK):
                received += len(chunk)
                if self.rate:
                    ahead = received / self.rate - (time.perf_counter() - started)
                    if ahead > 0:
                        time.sleep(ahead)
                if self.stop.is_set():
                    self._count_partial(received)
                    return 0
            return received if received == expected else -1
        finally:
            connection.close()


def _download_process(port: int, path: str, clients: int, rate: float, stop, results) -> None:
    with Downloads(port, path, clients, rate) as downloads:
        stop.wait()
    results.put((downloads.done, downloads.errors, downloads.bytes, downloads.seconds))


def measure(port: int, path: str, args: argparse.Namespace, server) -> dict:
    loadgen.run(port, KIOSK, 200, args.concurrency, 2.0)  # warm-up: pages cached in both workers
    idle = loadgen.run(port, KIOSK, 100_000, args.concurrency, args.seconds)
    rss_idle = server_rss_mb(server)
    # The downloading threads live in another process: in this one they would hold the GIL
    # and the kiosk client's own waits would count as server latency.
    stop, results = multiprocessing.Event(), multiprocessing.Queue()
    process = multiprocessing.Process(target=_download_process,
                                      args=(port, path, args.clients, args.rate_mbit, stop, results))
    process.start()
    time.sleep(2.0)  # every client is mid-download before the kiosk is measured
    loaded = loadgen.run(port, KIOSK, 100_000, args.concurrency, args.seconds)
    rss_peak = server_rss_mb(server)
    stop.set()
    done, errors, received, seconds = results.get(timeout=120)
    process.join()
    downloads = argparse.Namespace(done=done, errors=errors, bytes=received, seconds=seconds)
    return {"idle": idle, "loaded": loaded, "downloads": downloads, "rss_idle": rss_idle, "rss_peak": rss_peak}


def report(args: argparse.Namespace, result: dict, load_before: tuple) -> str:
    idle, loaded, downloads = result["idle"], result["loaded"], result["downloads"]
    idle_p95, loaded_p95 = idle.percentile(95), loaded.percentile(95)
    ratio = loaded_p95 / idle_p95 if idle_p95 and loaded.latencies else float("inf")
    rate = f"{args.rate_mbit:g} Mbit/s per client" if args.rate_mbit else "unlimited (loopback)"
    lines = [
        "# Meeting downloads vs. the kiosk home",
        "",
        f"- When: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} CPUs, load average before "
        f"{load_before[0]:.2f}, after {os.getloadavg()[0]:.2f} (shared machine)",
        f"- Command: `.venv/bin/python bench/downloads.py --clients {args.clients} --rate-mbit {args.rate_mbit:g}"
        f"{f' --threads {args.threads}' if args.threads else ''}`",
        f"- Server: gunicorn {' '.join(run.GUNICORN)}, SQLite, files sent with send_file (sendfile when possible)",
        f"- Load: {args.clients} clients downloading a {PDF_MB} MB PDF in a loop, read rate {rate}; "
        f"kiosk: {args.concurrency} threads, {args.seconds:g} s per measurement",
        "",
        "| | kiosk requests | errors | p50 ms | p95 ms |",
        "|---|---:|---:|---:|---:|",
        f"| idle | {len(idle.latencies)} | {idle.errors} | {idle.percentile(50) * 1000:.1f} | {idle_p95 * 1000:.1f} |",
        f"| {args.clients} downloads | {len(loaded.latencies)} | {loaded.errors} | {loaded.percentile(50) * 1000:.1f} "
        f"| {loaded_p95 * 1000:.1f} |",
        "",
        f"- **Kiosk p95 under load / idle: {ratio:.2f}x** (target <= 3x: {'met' if ratio <= 3 else 'NOT met'})"
        + ("; the kiosk got no answer at all: every server thread was busy sending" if not loaded.latencies else ""),
        f"- Downloads completed: {downloads.done} ({downloads.bytes / 1048576 / downloads.seconds:.0f} MB/s), "
        f"failed: {downloads.errors}",
        f"- Server memory (RSS, master + workers): {result['rss_idle']:.0f} MB idle, {result['rss_peak']:.0f} MB "
        "during the downloads",
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    args = parse_args()
    if args.threads:
        # start_server reads run.GUNICORN when it runs: the same command, more threads per worker.
        options = list(run.GUNICORN)
        options[options.index("--threads") + 1] = str(args.threads)
        run.GUNICORN = tuple(options)
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="motcua-downloads-") as tmp:
        workdir = Path(tmp)
        env = run.app_env(workdir)
        try:
            run.flask(env, "db", "upgrade")
            run.flask(env, "load-seed")
            path = prepare_meeting(env, workdir)
            server = run.start_server(env, run.free_port(), workdir / "gunicorn.log")
        except run.SetupError as exc:
            print(f"Benchmark aborted: {exc}", file=sys.stderr)
            return 1
        port = int(server.args[server.args.index("--bind") + 1].rsplit(":", 1)[1])
        try:
            result = measure(port, path, args, server)
        finally:
            run.stop_server(server)
    text = report(args, result, load_before)
    print(text)
    output = RESULTS / f"downloads-threads{args.threads or 'default'}-rate{args.rate_mbit:g}.md"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    print(f"Written to {output.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
