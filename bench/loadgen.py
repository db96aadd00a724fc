"""A small closed-loop load generator: threads, each with one persistent HTTP/1.1 connection.

Only 127.0.0.1 is ever contacted. Every run is bounded twice, by a request count and by a time
limit, so a slow endpoint cannot stretch the benchmark.
"""
import http.client
import itertools
import statistics
import threading
import time
from dataclasses import dataclass, field

HOST = "127.0.0.1"


@dataclass
class Target:
    """One endpoint to measure: a label, the paths to cycle through and the request headers."""

    label: str
    paths: tuple[str, ...]
    headers: dict = field(default_factory=dict)
    # Shared by all threads and runs, so distinct paths stay distinct across warm-up and rounds.
    ticket: itertools.count = field(default_factory=itertools.count, repr=False)

    def next_path(self) -> str:
        return self.paths[next(self.ticket) % len(self.paths)]


@dataclass
class Sample:
    """What one run measured: latencies of successful requests, errors and wall time."""

    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0
    server_cpu: float = 0.0  # CPU seconds the server's workers spent meanwhile

    def add(self, other: "Sample") -> None:
        self.latencies += other.latencies
        self.errors += other.errors
        self.seconds += other.seconds
        self.server_cpu += other.server_cpu

    @property
    def cpu_per_request(self) -> float:
        return self.server_cpu / len(self.latencies) if self.latencies else 0.0

    @property
    def throughput(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def percentile(self, p: int) -> float:
        """The p-th percentile latency in seconds (0 when nothing succeeded)."""
        if len(self.latencies) < 2:
            return self.latencies[0] if self.latencies else 0.0
        return statistics.quantiles(self.latencies, n=100, method="inclusive")[p - 1]


def _worker(port: int, target: Target, quota: int, deadline: float, out: Sample) -> None:
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        for _ in range(quota):
            if time.perf_counter() >= deadline:
                break
            path = target.next_path()
            started = time.perf_counter()
            try:
                connection.request("GET", path, headers=target.headers)
                response = connection.getresponse()
                response.read()
            except (OSError, http.client.HTTPException):
                out.errors += 1
                connection.close()  # the next request reconnects
                continue
            if response.status == 200:
                out.latencies.append(time.perf_counter() - started)
            else:
                out.errors += 1
    finally:
        connection.close()


def run(port: int, target: Target, requests: int, concurrency: int, seconds: float) -> Sample:
    """Send up to `requests` requests from `concurrency` threads, stopping after `seconds`."""
    quotas = [requests // concurrency + (i < requests % concurrency) for i in range(concurrency)]
    samples = [Sample() for _ in quotas]
    started = time.perf_counter()
    deadline = started + seconds
    threads = [
        threading.Thread(target=_worker, args=(port, target, q, deadline, s), daemon=True)
        for q, s in zip(quotas, samples)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    total = Sample(seconds=time.perf_counter() - started)
    for sample in samples:
        total.latencies += sample.latencies
        total.errors += sample.errors
    return total


def get(port: int, path: str, headers: dict | None = None, timeout: float = 5) -> int:
    """One request; the status code, or 0 when the server does not answer."""
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        response.read()
        return response.status
    except (OSError, http.client.HTTPException):
        return 0
    finally:
        connection.close()
