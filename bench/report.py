"""The benchmark's markdown table: numbers, ratios to /healthz and PASS/FAIL against the targets."""
from loadgen import Sample

FLOOR = "/healthz"


def _ratio(value: float, floor: float) -> float:
    return value / floor if floor else 0.0


# The typing row's p50 limit for each scenario's search limit: 1.5× at 289 procedures, 2× at 5,000.
TYPING_P50_LIMIT = {2.0: 1.5, 3.0: 2.0}


def verdict(label: str, sample: Sample, floor: Sample, search_p50_limit: float) -> tuple[str, str]:
    """(target text, PASS/FAIL) for endpoints that have a target, ("—", "") for the others."""
    throughput = _ratio(sample.throughput, floor.throughput)
    p50 = _ratio(sample.percentile(50), floor.percentile(50))
    if sample.errors:
        return "no errors", "FAIL"
    if label == "/kiosk/":
        return "req/s ≥ 0.5×", "PASS" if throughput >= 0.5 else "FAIL"
    if label.startswith("search"):
        if "typing" in label:  # a new prefix on every key: issue 17's goal, tighter than a repeated search's
            search_p50_limit = TYPING_P50_LIMIT[search_p50_limit]
        limit = f"{search_p50_limit:g}"
        return f"p50 ≤ {limit}×", "PASS" if p50 <= search_p50_limit else "FAIL"
    if label == "QR warm":
        return "req/s ≥ 0.8×", "PASS" if throughput >= 0.8 else "FAIL"
    return "—", ""


def table(rows) -> str:
    """One markdown table for every scenario and endpoint."""
    lines = [
        "| Catalogue | Endpoint | OK | Errors | req/s | p50 ms | p95 ms | req/s × floor "
        "| p50 × floor | Server CPU ms/req | CPU × floor | Target | Result |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    floors = {row.scenario.name: row.sample for row in rows if row.target.label == FLOOR}
    for row in rows:
        floor, sample = floors[row.scenario.name], row.sample
        target, result = verdict(row.target.label, sample, floor, row.scenario.search_p50_limit)
        lines.append(
            f"| {row.scenario.name} | {row.target.label} | {len(sample.latencies)} | {sample.errors} "
            f"| {sample.throughput:.0f} | {sample.percentile(50) * 1000:.2f} "
            f"| {sample.percentile(95) * 1000:.2f} "
            f"| {_ratio(sample.throughput, floor.throughput):.2f} "
            f"| {_ratio(sample.percentile(50), floor.percentile(50)):.2f} "
            f"| {sample.cpu_per_request * 1000:.2f} "
            f"| {_ratio(sample.cpu_per_request, floor.cpu_per_request):.2f} | {target} | {result} |"
        )
    return "\n".join(lines)


def failures(rows) -> int:
    """How many targets failed."""
    floors = {row.scenario.name: row.sample for row in rows if row.target.label == FLOOR}
    return sum(
        verdict(r.target.label, r.sample, floors[r.scenario.name], r.scenario.search_p50_limit)[1]
        == "FAIL"
        for r in rows
    )
