"""Webhook verification under hostile payloads: time per payload and extra memory (``tracemalloc``).

Three shapes of payload are the costliest to reproduce ``JSON.stringify`` for: floats with exponents (the
costliest numbers to print as JavaScript does), strings of control characters (every one escaped), and
objects of array-index keys (re-ordered). Each is timed at the 64 KiB cap in the compact form MoodHood sends
(one HMAC of the received bytes), at the cap in a loose form (spaces after separators: refused, too large
to re-serialise), and at ``MAX_REPRODUCED_BYTES`` (16 KiB) in the loose form, the worst case that is
re-serialised, with a good and a bad signature. Then a 20 MB body of floats with a bad signature, the
attack from issue 15: time to reject it and the peak of memory allocated while doing so.
"""

from __future__ import annotations

import functools
import json
import time
import tracemalloc
from collections.abc import Callable

from _bench_common import Row, median

from moodhood.webhooks import MAX_REPRODUCED_BYTES, WebhookVerificationError, canonical_json, sign, verify

__all__ = ["bench_webhooks", "hostile_payloads"]

_SECTION = "7 webhooks (hostile payloads)"
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


def _compact(body: dict[str, object], signature: str) -> bytes:
    """The payload as MoodHood's Node service writes it."""
    return b'{"signature":"' + signature.encode() + b'","body":' + canonical_json(body) + b"}"


def _floats(n: int) -> dict[str, object]:
    return {**_base(), "values": [1.2345678901234567e-7 * (i + 1) for i in range(n)]}


def _escapes(n: int) -> dict[str, object]:
    return {**_base(), "text": '\x01\x1f"\\' * n}


def _index_keys(n: int) -> dict[str, object]:
    return {**_base(), "map": {str(n - i): 0 for i in range(n)}}


_SHAPES = (("floats", _floats), ("escapes", _escapes), ("index keys", _index_keys))


def hostile_payloads(limit: int = _CAP) -> dict[str, tuple[bytes, bytes]]:
    """Name -> (loose payload with the right signature, the same with a wrong one), within ``limit`` bytes."""
    payloads = {}
    for name, make in _SHAPES:
        body = _fill(make, limit)
        payloads[name] = (_loose(body, sign(body, _SECRET)), _loose(body, "0" * 64))
    return payloads


def _compact_payloads() -> dict[str, bytes]:
    """Name -> compact payload with the right signature, at most the 64 KiB cap."""
    payloads = {}
    for name, make in _SHAPES:
        body = _fill(make, _CAP - 2000)  # compact is shorter than loose: stays under the cap
        payloads[name] = _compact(body, sign(body, _SECRET))
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


def _row(what: str, timings: list[tuple[float, float]]) -> Row:
    wall = max(t[0] for t in timings) * 1000
    shown = " / ".join(f"{t[0] * 1000:.1f}" for t in timings)
    cpu = " / ".join(f"{t[1] * 1000:.1f}" for t in timings)
    return Row(_SECTION, what, f"{shown} ms (CPU {cpu} ms)", target="< 50 ms", met=wall < 50)


def bench_webhooks(rounds: int) -> list[Row]:
    """Rows: verify time per hostile payload within the cap, then the 20 MB rejection (time, memory)."""
    rows = []
    compact = _compact_payloads()
    at_cap = hostile_payloads(_CAP)
    reproduced = hostile_payloads(MAX_REPRODUCED_BYTES)
    for name, _ in _SHAPES:
        fast = _time(functools.partial(verify, compact[name], _SECRET), rounds)
        rows.append(_row(f"verify {len(compact[name]):,} B of {name}, compact (as sent)", [fast]))
        refused = _time(_rejects(at_cap[name][0]), rounds)
        rows.append(
            _row(f"refuse {len(at_cap[name][0]):,} B of {name}, loose (not re-serialised)", [refused])
        )
        good, bad = reproduced[name]
        timings = [_time(functools.partial(verify, good, _SECRET), rounds), _time(_rejects(bad), rounds)]
        rows.append(
            _row(f"verify {len(good):,} B of {name}, loose (re-serialised), good / bad signature", timings)
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
            f"{seconds * 1e6:.0f} µs (CPU {cpu * 1e6:.0f} µs)",
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
