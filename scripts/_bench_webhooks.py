"""Webhook verification under hostile payloads: time per payload and extra memory (``tracemalloc``).

The worst cases within the default 64 KiB cap are payloads whose ``body`` bytes are not the compact form
MoodHood signs (spaces after separators), so verification cannot stop at the HMAC of the raw bytes and must
reproduce ``JSON.stringify``: floats with exponents (the costliest numbers to print as JavaScript does),
strings of control characters (every one escaped), and objects of array-index keys (re-ordered). Each is
timed with a good and a bad signature. Then a 20 MB body of floats with a bad signature, the attack from
issue 15: time to reject it and the peak of memory allocated while doing so.
"""

from __future__ import annotations

import functools
import json
import time
import tracemalloc
from collections.abc import Callable

from _bench_common import Row, median

from moodhood.webhooks import WebhookVerificationError, sign, verify

__all__ = ["bench_webhooks", "hostile_payloads"]

_SECTION = "6 webhooks (hostile payloads)"
_SECRET = "bench-webhook-secret-0123456789ab"
_CAP = 65536
_BIG = 20 * 1024 * 1024


def _base() -> dict[str, object]:
    return {"eventName": "record_finished", "roomId": "r" * 24, "spaceId": "s" * 24, "recordId": "x" * 24}


def _fill(make: Callable[[int], dict[str, object]], limit: int) -> dict[str, object]:
    """The largest ``make(n)`` (binary search on ``n``) whose loose payload stays within ``limit`` bytes."""
    low, high = 1, 1
    while len(_loose(make(high), "0" * 64)) <= limit:
        low, high = high, high * 2
    while high - low > 1:
        mid = (low + high) // 2
        if len(_loose(make(mid), "0" * 64)) <= limit:
            low = mid
        else:
            high = mid
    return make(low)


def _loose(body: dict[str, object], signature: str) -> bytes:
    """The payload with a space after every separator: not the compact form that was signed."""
    text = json.dumps({"signature": signature, "body": body}, ensure_ascii=False, separators=(", ", ": "))
    return text.encode("utf-8")


def _floats(n: int) -> dict[str, object]:
    return {**_base(), "values": [1.2345678901234567e-7 * (i + 1) for i in range(n)]}


def _escapes(n: int) -> dict[str, object]:
    return {**_base(), "text": '\x01\x1f"\\' * n}


def _index_keys(n: int) -> dict[str, object]:
    return {**_base(), "map": {str(n - i): 0 for i in range(n)}}


def hostile_payloads(limit: int = _CAP) -> dict[str, tuple[bytes, bytes]]:
    """Name -> (payload with the right signature, the same with a wrong one), each within ``limit`` bytes."""
    payloads = {}
    for name, make in (("floats", _floats), ("escapes", _escapes), ("index keys", _index_keys)):
        body = _fill(make, limit)
        payloads[name] = (_loose(body, sign(body, _SECRET)), _loose(body, "0" * 64))
    return payloads


def _time(call: Callable[[], object], rounds: int) -> tuple[float, float]:
    """Median wall-clock and median CPU seconds of ``call`` (CPU time shows the work on a busy machine)."""
    wall, cpu = [], []
    for _ in range(rounds):
        start, start_cpu = time.perf_counter(), time.process_time()
        call()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return median(wall), median(cpu)


def _rejects(raw: bytes) -> Callable[[], None]:
    def run() -> None:
        try:
            verify(raw, _SECRET)
        except WebhookVerificationError:
            return
        raise RuntimeError("a payload with a wrong signature was accepted")

    return run


def _big_floats() -> bytes:
    values = ",".join(f"{1.2345678901234567e-7 * (i + 1)!r}" for i in range(_BIG // 20))
    return b'{"signature":"' + b"0" * 64 + b'","body":{"eventName":"x","values":[' + values.encode() + b"]}}"


def bench_webhooks(rounds: int) -> list[Row]:
    """Rows: verify time per hostile payload within the cap, then the 20 MB rejection (time, memory)."""
    rows = []
    for name, (good, bad) in hostile_payloads().items():
        good_s, good_cpu = _time(functools.partial(verify, good, _SECRET), rounds)
        bad_s, bad_cpu = _time(_rejects(bad), rounds)
        good_ms, bad_ms = good_s * 1000, bad_s * 1000
        rows.append(
            Row(
                _SECTION,
                f"verify {len(good):,} B of {name}, good / bad signature",
                f"{good_ms:.1f} / {bad_ms:.1f} ms (CPU {good_cpu * 1000:.1f} / {bad_cpu * 1000:.1f} ms)",
                target="< 50 ms",
                met=max(good_ms, bad_ms) < 50,
            )
        )
    big = _big_floats()
    seconds, cpu = _time(_rejects(big), 1 if rounds < 3 else 3)
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        base = tracemalloc.get_traced_memory()[0]
        _rejects(big)()
        peak = tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()
    rows.append(
        Row(
            _SECTION,
            f"reject {len(big) / 2**20:.0f} MB of floats, bad signature (time)",
            f"{seconds * 1000:.1f} ms (CPU {cpu * 1000:.1f} ms)",
            target="< 50 ms",
            met=seconds < 0.05,
        )
    )
    rows.append(
        Row(
            _SECTION,
            f"reject {len(big) / 2**20:.0f} MB of floats, bad signature (extra memory)",
            f"{peak / 2**20:.2f} MB",
            target="< 30 MB",
            met=peak < 30 * 2**20,
        )
    )
    return rows
