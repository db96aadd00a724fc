"""How often the kiosk search answers a set of citizen queries first, by kind of query.

Usage: .venv/bin/python bench/search_quality.py tests/search_sets/set11.json [...] [--misses]
A set is a JSON list of {"query", "expected": [codes], "kind", "persona"}: written blind, by someone
who saw only app/catalog/seed/procedures.json. The catalogue is loaded as `make run` loads it
(migrations, then `flask load-seed`) into a temporary SQLite file. --misses lists the queries not
answered first (do not use it on a held-out set before its figure is taken).
"""
import json
import os
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import run  # bench/run.py: the app's environment and the `flask` command helper

ROOT = Path(__file__).resolve().parent.parent


def measure(path: str, show_misses: bool) -> None:
    from app.catalog import search

    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # first, top three, all
    for item in json.loads(Path(path).read_text(encoding="utf-8")):
        codes = [hit.code for hit in search.search_procedures(item["query"], 3)]
        counts = by_kind[item["kind"]]
        counts[2] += 1
        counts[0] += bool(codes) and codes[0] in item["expected"]
        counts[1] += bool(set(codes) & set(item["expected"]))
        if show_misses and not (codes and codes[0] in item["expected"]):
            print(f"  miss [{item['kind']}] {item['query']!r}: expected {item['expected']}, got {codes}")
    first, top, total = (sum(counts[i] for counts in by_kind.values()) for i in range(3))
    kinds = ", ".join(f"{kind} {c[0]}/{c[2]}" for kind, c in by_kind.items())
    print(f"{path}: first {first}/{total}, top three {top}/{total} ({kinds})")


def main() -> None:
    sets = [arg for arg in sys.argv[1:] if not arg.startswith("--")]
    with tempfile.TemporaryDirectory() as folder:
        env = run.app_env(Path(folder))
        run.flask(env, "db", "upgrade")
        run.flask(env, "load-seed")
        os.environ.update(env)
        sys.path.insert(0, str(ROOT))
        from app import create_app

        with create_app().app_context():
            for path in sets:
                measure(path, "--misses" in sys.argv)


if __name__ == "__main__":
    main()
