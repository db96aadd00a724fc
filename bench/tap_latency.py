"""From a tap on the kiosk's on-screen keyboard to updated results, in Chromium with the CPU slowed.

Usage: .venv/bin/python bench/tap_latency.py [--slowdown 4] [--root PATH]
Serves a fresh seeded database with gunicorn (as bench/run.py does), opens /kiosk/tim-kiem in
Debian's Chromium through Playwright at 1920×1080 with touch, slows its CPU with
`Emulation.setCPUThrottlingRate`, then taps queries key by key the way a citizen does (waiting for
the results, then a short pause). Each sample is the time from the key's pointerdown to the frame
after htmx swapped the new results in. --root serves another checkout (e.g. an older commit
unpacked with `git archive`), to compare before and after.
"""
import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import run  # bench/run.py: the server helpers

QUERIES = ("dang ky khai sinh", "ket hon", "chung thuc ban sao", "tach ho khau", "so do")
PAUSE_MS = 250  # a citizen looks at the keys before the next tap
# Runs before any page script; CDP-injected, so the page's CSP does not apply to it.
PROBE = """
window.__samples = []; window.__tapAt = null;
document.addEventListener("pointerdown", (e) => {
  if (e.target.closest && e.target.closest("[data-keyboard-for] button[data-key]")) { window.__tapAt = performance.now(); }
}, true);
document.addEventListener("htmx:afterSwap", () => {
  const at = window.__tapAt;
  if (at === null) { return; }
  window.__tapAt = null;
  requestAnimationFrame(() => window.__samples.push(performance.now() - at));
});
"""


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--slowdown", type=float, default=4.0, help="Chromium CPU throttling rate")
    parser.add_argument("--root", type=Path, default=run.ROOT, help="checkout to serve")
    parser.add_argument("--rounds", type=int, default=2, help="times the queries are typed")
    return parser.parse_args()


def serve(root: Path, workdir: Path):
    """Migrate and seed a temporary database in `root`, start gunicorn on it; (server, port)."""
    run.ROOT = root  # run.flask() and run.start_server() work in this checkout
    env = run.app_env(workdir)
    run.flask(env, "db", "upgrade")
    run.flask(env, "load-seed")
    port = run.free_port()
    server = run.start_server(env, port, workdir / "gunicorn.log")
    # Each worker builds its search index on its first search: not what a tap costs afterwards.
    for n in range(20):
        run.loadgen.get(port, run.search_path(f"khai sinh {n}"), run.HTMX)
    return server, port


def measure(port: int, slowdown: float, rounds: int) -> list[float]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), headless=True,
                                    args=["--no-sandbox", "--disable-gpu"])
        # bypass_csp: wait_for_function evaluates a string, which the kiosk's CSP forbids.
        context = browser.new_context(viewport={"width": 1920, "height": 1080}, has_touch=True, bypass_csp=True)
        page = context.new_page()
        page.add_init_script(PROBE)
        page.goto(f"http://127.0.0.1:{port}/kiosk/tim-kiem")
        page.wait_for_function("window.htmx !== undefined")
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": slowdown})
        for _ in range(rounds):
            for query in QUERIES:
                page.get_by_role("button", name="Xóa hết").tap()
                page.wait_for_timeout(PAUSE_MS)
                page.evaluate("window.__tapAt = null")
                for key in query:
                    name = "Dấu cách" if key == " " else key.upper()
                    page.get_by_role("button", name=name, exact=True).tap()
                    page.wait_for_function("window.__tapAt === null", timeout=10_000)
                    page.wait_for_timeout(PAUSE_MS)
        samples = page.evaluate("window.__samples")
        browser.close()
    return samples


def main() -> int:
    args = parse_args()
    with tempfile.TemporaryDirectory(prefix="motcua-tap-") as tmp:
        server, port = serve(args.root.resolve(), Path(tmp))
        try:
            started = time.perf_counter()
            samples = measure(port, args.slowdown, args.rounds)
        finally:
            run.stop_server(server)
    cut = statistics.quantiles(samples, n=20)
    print(f"tap to results, CPU slowed {args.slowdown:g}×, {len(samples)} taps "
          f"({time.perf_counter() - started:.0f} s), {args.root}: p50 {statistics.median(samples):.0f} ms, "
          f"p95 {cut[18]:.0f} ms, max {max(samples):.0f} ms; load average {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
