"""Call-to-screen latency of the hall screen while the kiosk is under its benchmark load.

Usage: .venv/bin/python bench/queue.py  Starts gunicorn (2 workers, as `make run`) on a temporary
SQLite database with the seed, a group, a counter, an officer and waiting tickets; two simulated hall
screens poll /man-hinh/bang?v=... every second as js/queue.js does (each with its own phase); the
kiosk load of bench/run.py (home, search, a procedure page) runs from other threads; an officer calls
the next number through the counter's real form every 1.5–2.5 s. Latency: from sending the call to a
screen receiving the board that shows it. Prints a markdown table, writes bench/results/queue.md.
"""
import argparse
import http.client
import os
import random
import re
import secrets
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlencode

import loadgen
import run  # bench/run.py: free_port, flask, start_server, stop_server, GUNICORN, search_path, QUERIES
from loadgen import Sample, Target

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "queue.md"
PASSWORD = "bench-" + secrets.token_hex(8)
POLL_SECONDS = 1.0  # as POLL_MS in app/queue/hall_views.py
TARGET_P95 = 2.0

# Tickets are written straight into the database: the opening hours would refuse them at night or
# on a Sunday, and taking them is not what is measured here.
PREPARE = """
import sys
from datetime import timedelta
from app import create_app
from app.auth.models import User
from app.core.timeutil import to_local, utcnow
from app.extensions import db
from app.queue.models import Counter, ServiceGroup, Ticket

count, password = int(sys.argv[1]), sys.argv[2]
app = create_app()
with app.app_context():
    user = User(username="bench-officer", full_name="Bench", role="officer")
    user.set_password(password)
    group = ServiceGroup(letter="A", name="Hộ tịch – Chứng thực")
    db.session.add_all([user, group, Counter(number=1, groups=[group])])
    now = utcnow()
    db.session.add_all(Ticket(group=group, day=to_local(now).date(), number=n, taken_at=now - timedelta(minutes=30))
                       for n in range(1, count + 1))
    db.session.commit()
"""


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=30, help="numbers called")
    parser.add_argument("--screens", type=int, default=2, help="hall screens polling")
    parser.add_argument("--concurrency", type=int, default=6, help="kiosk load threads")
    return parser.parse_args()


class Officer:
    """A signed-in session at counter 1, calling through the page's own form (CSRF included)."""

    def __init__(self, port: int) -> None:
        self.port = port
        page, cookie = self._get("/dang-nhap", {})
        body = urlencode({"csrf_token": _token(page), "username": "bench-officer", "password": PASSWORD})
        response = self._post("/dang-nhap", body, {"Cookie": cookie})
        if response.status != 302:
            raise run.SetupError(f"sign-in answered {response.status}")
        self.cookie = {"Cookie": response.getheader("Set-Cookie").split(";", 1)[0]}
        page, cookie = self._get("/quan-ly/quay/1", self.cookie)
        self.token = _token(page)
        if cookie:  # the session now holds the CSRF secret too
            self.cookie = {"Cookie": cookie}

    def call_next(self) -> None:
        response = self._post("/quan-ly/quay/1/goi-tiep", urlencode({"csrf_token": self.token}), self.cookie)
        if response.status != 303:
            raise run.SetupError(f"the call answered {response.status}")

    def _connection(self) -> http.client.HTTPConnection:
        # A new connection per request: gunicorn closes idle keep-alive ones after 2 s.
        return http.client.HTTPConnection(loadgen.HOST, self.port, timeout=10)

    def _get(self, path: str, headers: dict) -> tuple[str, str]:
        connection = self._connection()
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        return response.read().decode(), (response.getheader("Set-Cookie") or "").split(";", 1)[0]

    def _post(self, path: str, body: str, headers: dict):
        connection = self._connection()
        connection.request("POST", path, body=body, headers={
            **headers, "Content-Type": "application/x-www-form-urlencoded"})
        response = connection.getresponse()
        response.read()
        return response


def _token(page: str) -> str:
    return re.search(r'name="csrf_token"[^>]* value="([^"]+)"', page).group(1)


def screen(port: int, stop: threading.Event, seen: dict, errors: list) -> None:
    """Poll like js/queue.js: every second, sending the board's version; note when each call id arrives."""
    connection = http.client.HTTPConnection(loadgen.HOST, port, timeout=5)
    version, last = "", None
    time.sleep(random.random() * POLL_SECONDS)  # screens are not in step with each other
    while not stop.is_set():
        try:
            connection.request("GET", f"/man-hinh/bang?v={version}")
            response = connection.getresponse()
            body = response.read().decode()
        except (OSError, http.client.HTTPException):
            errors.append(1)
            connection.close()
        else:
            arrived = time.monotonic()
            if response.status == 200:
                version = re.search(r'data-version="(\w+)"', body).group(1)
                call = re.search(r'data-call-id="(\d+)"', body)
                if call and call.group(1) != last:
                    last = call.group(1)
                    seen.setdefault(last, []).append(arrived)
        stop.wait(POLL_SECONDS)


def kiosk_load(port: int, stop: threading.Event, out: Sample, concurrency: int) -> None:
    """bench/run.py's kiosk load, in bursts, until stopped."""
    target = Target("kiosk", ("/kiosk/", f"/kiosk/thu-tuc/{run.CODE}",
                              *(run.search_path(q) for q in run.QUERIES)), run.GZIP)
    while not stop.is_set():
        out.add(loadgen.run(port, target, 400, concurrency, 2.0))


def measure(port: int, args) -> tuple[list[float], Sample, int, int]:
    stop, seen, errors, load = threading.Event(), {}, [], Sample()
    threads = [threading.Thread(target=screen, args=(port, stop, seen, errors)) for _ in range(args.screens)]
    threads.append(threading.Thread(target=kiosk_load, args=(port, stop, load, args.concurrency)))
    for thread in threads:
        thread.start()
    officer, sent = Officer(port), []
    time.sleep(2)
    try:
        for _ in range(args.calls):
            sent.append(time.monotonic())
            officer.call_next()
            time.sleep(random.uniform(1.5, 2.5))
        time.sleep(3)
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    # Call ids are 1, 2, 3... in the order they were sent.
    latencies = [arrived - sent[int(call) - 1] for call, times in seen.items() for arrived in times]
    return latencies, load, len(errors), sum(len(times) for times in seen.values())


def main() -> int:
    args = parse_args()
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="motcua-bench-queue-") as tmp:
        workdir = Path(tmp)
        env = run.app_env(workdir)
        try:
            run.flask(env, "db", "upgrade")
            run.flask(env, "load-seed")
            done = run.subprocess.run([sys.executable, "-c", PREPARE, str(args.calls + 10), PASSWORD], cwd=ROOT,
                                      env=env, capture_output=True, text=True, timeout=300)
            if done.returncode != 0:
                raise run.SetupError(done.stderr[-3000:])
            port = run.free_port()
            server = run.start_server(env, port, workdir / "gunicorn.log")
            try:
                latencies, load, errors, arrivals = measure(port, args)
            finally:
                run.stop_server(server)
        except run.SetupError as exc:
            print(f"Benchmark aborted: {exc}", file=sys.stderr)
            return 1
    result = Sample(latencies=latencies)
    expected = args.calls * args.screens
    p95 = result.percentile(95)
    text = "\n".join([
        "# Hall screen: call-to-screen latency under kiosk load", "",
        f"- When: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC ({os.cpu_count()} CPUs)",
        "- Command: `.venv/bin/python bench/queue.py`",
        f"- Server: gunicorn {' '.join(run.GUNICORN)}, SQLite",
        f"- {args.calls} calls through the counter's form, {args.screens} screens polling every {POLL_SECONDS:g} s; "
        f"kiosk load: {args.concurrency} threads on home, a procedure and six searches",
        f"- Load average before / after: {load_before[0]:.2f} / {os.getloadavg()[0]:.2f} (shared machine)", "",
        "| Measure | Value |", "|---|---:|",
        f"| calls seen by screens | {arrivals} of {expected} |",
        f"| call → screen p50 | {result.percentile(50) * 1000:.0f} ms |",
        f"| call → screen p95 | {p95 * 1000:.0f} ms |",
        f"| call → screen max | {max(latencies, default=0) * 1000:.0f} ms |",
        f"| screen request errors | {errors} |",
        f"| kiosk load: requests, req/s, p95 | {len(load.latencies)}, {load.throughput:.0f}, "
        f"{load.percentile(95) * 1000:.0f} ms |",
        f"| kiosk load errors | {load.errors} |",
        f"| target p95 ≤ {TARGET_P95:g} s | {'met' if p95 <= TARGET_P95 and arrivals == expected else 'NOT met'} |",
        ""])
    print(text)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
