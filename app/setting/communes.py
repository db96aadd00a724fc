"""The provinces and communes after the 2025 reform, to suggest the commune's exact name."""
import csv
from functools import lru_cache
from pathlib import Path

COMMUNES_CSV = Path(__file__).resolve().parent.parent / "catalog" / "seed" / "communes_2025.csv"


@lru_cache(maxsize=1)
def _rows() -> tuple[dict, ...]:
    with COMMUNES_CSV.open(encoding="utf-8", newline="") as source:
        return tuple(csv.DictReader(source))


def provinces() -> list[tuple[str, str]]:
    """(code, name) of every province, in the list's order."""
    seen = {}
    for row in _rows():
        seen.setdefault(row["province_code"], row["province_full_name"])
    return list(seen.items())


def commune_names(province_code: str) -> list[str]:
    """'UBND xã …' / 'UBND phường …' names of the communes of one province, by name."""
    names = [f"UBND {row['ward_type'].lower()} {row['ward_name']}"
             for row in _rows() if row["province_code"] == province_code]
    return sorted(names, key=str.casefold)
