"""Typed parsing of a full room: ``json.loads`` + ``Room.from_dict`` against ``json.loads``, before and after.

*Before* is the generator's stock model template: the benchmark generates the package from the same spec
with the same settings but without ``openapi/templates`` into a temporary folder and imports it as
``moodhood_api_stock``. *After* is ``generated/moodhood_api`` (our template, ``openapi/templates``). Both
parse the same pre-encoded full room (``_bench_client.FULL_ROOM``, the one the resources rows use) and must
agree on it.

The same two packages are then compared per call on ``httpx.MockTransport`` (``GET`` one room, personal
token): raw httpx with ``.json()``, the generated ``get_room.sync_detailed`` and ``Moodhood.call`` with it.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import moodhood_api
import moodhood_api.errors
import moodhood_api.types
from _bench_client import FULL_ROOM
from _bench_common import BASE_URL, PERSONAL_TOKEN, Row, median, per_call_us
from _regen_codegen import generate_package, overlaid_spec, write_spec
from _regen_common import CODEGEN_CONFIG, OVERLAY_FILE, SPEC_FILE
from moodhood_api.api.space_rooms import get_room
from moodhood_api.models import Room

from moodhood import Moodhood

__all__ = ["bench_models", "stock_package"]

REPO_ROOT = Path(__file__).resolve().parent.parent
_SECTION = "6 model parsing (full room)"
_SPACE_ID, _ROOM_ID = str(FULL_ROOM["spaceId"]), str(FULL_ROOM["id"])
_BODY = json.dumps(FULL_ROOM, separators=(",", ":")).encode()


@contextmanager
def stock_package() -> Iterator[ModuleType]:
    """``moodhood_api`` generated as ``regenerate.py`` does (overlaid spec, same settings) but with the
    generator's own templates, imported as ``moodhood_api_stock``."""
    with tempfile.TemporaryDirectory(prefix="moodhood-bench-stock-") as scratch:
        document, _ = overlaid_spec(REPO_ROOT / SPEC_FILE, REPO_ROOT / OVERLAY_FILE)
        staged = write_spec(document, Path(scratch) / "moodhood.json")
        config = REPO_ROOT / CODEGEN_CONFIG
        folder, _ = generate_package(staged, config, Path(scratch) / "out", templates=None)
        spec = importlib.util.spec_from_file_location(
            "moodhood_api_stock", folder / "__init__.py", submodule_search_locations=[str(folder)]
        )
        assert spec is not None and spec.loader is not None
        package = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = package
        # the same UNSET, Response and UnexpectedStatus as moodhood_api (both template sets write those files
        # alike), so that Moodhood.call accepts the responses of the stock functions
        sys.modules[f"{spec.name}.types"] = moodhood_api.types
        sys.modules[f"{spec.name}.errors"] = moodhood_api.errors
        try:
            spec.loader.exec_module(package)
            importlib.import_module("moodhood_api_stock.models")
            importlib.import_module("moodhood_api_stock.api.space_rooms.get_room")
            yield package
        finally:
            for name in [n for n in sys.modules if n == spec.name or n.startswith(spec.name + ".")]:
                del sys.modules[name]


def _timed(variants: dict[str, Callable[[], object]], rounds: int, calls: int) -> dict[str, list[float]]:
    """µs per call of each variant per round, the order rotated from round to round (after a warm-up)."""
    for call in variants.values():
        per_call_us(call, max(calls // 10, 20))
    names = list(variants)
    timings: dict[str, list[float]] = {name: [] for name in names}
    for r in range(rounds):
        for name in names[r % len(names) :] + names[: r % len(names)]:
            timings[name].append(per_call_us(variants[name], calls))
    return timings


def _row(what: str, times: list[float], base: list[float] | None, base_name: str = "", **target: Any) -> Row:
    """A result row; with ``base``, the ratio is the median of the per-round ratios."""
    if base is None:
        return Row(_SECTION, what, f"{median(times):.2f} µs")
    ratio = median([t / b for t, b in zip(times, base, strict=True)])
    limit: float | None = target.get("limit")
    return Row(
        _SECTION,
        what,
        f"{median(times):.2f} µs",
        f"{base_name} {median(base):.2f} µs",
        f"{ratio:.2f}x",
        target.get("text", f"<= {limit:.2f}x" if limit is not None else ""),
        None if limit is None else ratio <= limit,
    )


def _parse_rows(stock: ModuleType, rounds: int, calls: int) -> list[Row]:
    stock_room: Any = stock.models.Room
    loads = json.loads
    ours, theirs = Room.from_dict(loads(_BODY)), stock_room.from_dict(loads(_BODY))
    if ours.to_dict() != theirs.to_dict() or ours.to_dict().keys() != FULL_ROOM.keys():
        raise RuntimeError("the two model templates disagree on the full room")
    timings = _timed(
        {
            "json.loads": lambda: loads(_BODY),
            "stock": lambda: stock_room.from_dict(loads(_BODY)),
            "ours": lambda: Room.from_dict(loads(_BODY)),
        },
        rounds,
        calls,
    )
    loads_only = timings["json.loads"]
    return [
        _row("parse full room: json.loads", loads_only, None),
        _row(
            "parse full room: json.loads + Room.from_dict, stock template (before)",
            timings["stock"],
            loads_only,
            "json.loads",
        ),
        _row(
            "parse full room: json.loads + Room.from_dict vs json.loads",
            timings["ours"],
            loads_only,
            "json.loads",
            limit=2.5,
            text="<= 2.50x (goal 2x)",
        ),
        _row("parse full room: after vs before", timings["ours"], timings["stock"], "before"),
    ]


def _answer(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, content=_BODY, headers={"content-type": "application/json"})


def _call_rows(stock: ModuleType, rounds: int, calls: int) -> list[Row]:
    stock_get_room: Any = stock.api.space_rooms.get_room
    transport = httpx.MockTransport(_answer)
    header = {"Authorization": f"Bearer {PERSONAL_TOKEN}"}
    ids, path = (_SPACE_ID, _ROOM_ID), f"/spaces/{_SPACE_ID}/rooms/{_ROOM_ID}"
    with ExitStack() as stack:
        raw = stack.enter_context(httpx.Client(base_url=BASE_URL, headers=header, transport=transport))
        generated = stack.enter_context(
            moodhood_api.Client(base_url=BASE_URL, headers=header, httpx_args={"transport": transport})
        )
        mh = stack.enter_context(
            Moodhood(base_url=BASE_URL, token=PERSONAL_TOKEN, http_client=httpx.Client(transport=transport))
        )

        def raw_call() -> object:
            response = raw.get(path)
            response.raise_for_status()
            return response.json()

        variants: dict[str, Callable[[], object]] = {
            "raw": raw_call,
            "generated, before": lambda: stock_get_room.sync_detailed(*ids, client=generated).parsed,
            "generated, after": lambda: get_room.sync_detailed(*ids, client=generated).parsed,
            "call, before": lambda: mh.call(stock_get_room.sync_detailed, *ids),
            "call, after": lambda: mh.call(get_room.sync_detailed, *ids),
        }
        expected = Room.from_dict(FULL_ROOM).to_dict()
        for name, call in variants.items():
            if name != "raw" and call().to_dict() != expected:  # type: ignore[attr-defined]
                raise RuntimeError(f"{name} did not parse the full room")
        timings = _timed(variants, rounds, calls)
    raw_times = timings["raw"]
    what = "per call, GET room (MockTransport, personal token)"
    return [
        _row(f"{what}: raw httpx (.json())", raw_times, None),
        _row(f"{what}: generated get_room, before", timings["generated, before"], raw_times, "raw"),
        _row(f"{what}: generated get_room, after", timings["generated, after"], raw_times, "raw"),
        _row(f"{what}: Moodhood.call(get_room), before", timings["call, before"], raw_times, "raw"),
        _row(f"{what}: Moodhood.call(get_room), after", timings["call, after"], raw_times, "raw"),
    ]


def bench_models(rounds: int, parse_calls: int, http_calls: int) -> list[Row]:
    """Parse rows (``parse_calls`` parses per variant per round), then per-call rows over MockTransport."""
    with stock_package() as stock:
        return _parse_rows(stock, rounds, parse_calls) + _call_rows(stock, rounds, http_calls)
