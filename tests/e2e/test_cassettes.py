"""The cassettes as a whole: every operation of the spec is recorded, on the fixed host, with no secret."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from moodhood.testing import lint_cassettes
from tests.e2e.conftest import CASSETTES, REPLAY_BASE_URL, REPLAY_ORIGIN, Target

SPEC = Path(__file__).resolve().parents[2] / "openapi" / "moodhood.yaml"
METHODS = ("get", "put", "post", "delete", "patch")


def operations() -> dict[str, tuple[str, re.Pattern[str]]]:
    """operationId → (METHOD, a regex for its recorded path, ``/v1`` + the template with any id)."""
    spec = yaml.safe_load(SPEC.read_text("utf-8"))
    found = {}
    for template, item in spec["paths"].items():
        pattern = re.compile("/v1" + re.sub(r"\{[^}/]+\}", "[^/]+", template))
        for method in METHODS:
            if method in item:
                found[item[method]["operationId"]] = (method.upper(), pattern)
    return found


def recorded() -> list[tuple[str, str, dict[str, Any]]]:
    """``(cassette name, request uri, interaction)`` for every recorded interaction."""
    out = []
    for path in sorted(CASSETTES.glob("*.yaml")):
        for interaction in yaml.safe_load(path.read_text("utf-8"))["interactions"]:
            out.append((path.name, interaction["request"]["uri"], interaction))
    return out


def test_cassettes_exist() -> None:
    assert len(list(CASSETTES.glob("*.yaml"))) >= 7


def test_every_operation_of_the_spec_is_recorded() -> None:
    ops = operations()
    assert len(ops) == 31
    seen: dict[str, set[str]] = {op: set() for op in ops}
    for name, uri, interaction in recorded():
        method, path = interaction["request"]["method"], urlsplit(uri).path
        matches = [op for op, (m, pattern) in ops.items() if m == method and pattern.fullmatch(path)]
        assert len(matches) == 1, f"{name}: {method} {path} is not exactly one operation: {matches}"
        seen[matches[0]].add(name)
    missing = sorted(op for op, names in seen.items() if not names)
    assert not missing, f"operations with no recording: {missing}"


def test_recordings_use_the_fixed_host_and_leave_out_sandbox_controls() -> None:
    interactions = recorded()
    assert interactions
    for name, uri, interaction in interactions:
        assert uri.startswith(REPLAY_ORIGIN + "/v1/"), f"{name}: {uri}"
        assert interaction["request"]["headers"].get("host") == [urlsplit(REPLAY_ORIGIN).netloc]
        body = interaction["response"]["body"]["string"]
        text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
        assert "127.0.0.1" not in text and "localhost" not in text, name


def test_both_grants_are_recorded_and_matched_apart() -> None:
    grants = [
        yaml.safe_load(i["request"]["body"])["grant_type"]
        for _, uri, i in recorded()
        if urlsplit(uri).path == "/v1/auth/token"
    ]
    assert {"client_credentials", "password"} <= set(grants)


def test_no_cassette_holds_a_secret() -> None:
    assert lint_cassettes([CASSETTES]) == []


@pytest.mark.parametrize("name", sorted(p.name for p in CASSETTES.glob("*.yaml")))
def test_cassette_belongs_to_a_scenario(name: str) -> None:
    """No stale cassette: each one is the default cassette of a scenario test in this folder."""
    scenario = "test_" + name.removesuffix(".yaml")
    sources = "".join(p.read_text("utf-8") for p in Path(__file__).parent.glob("test_*.py"))
    assert f"async def {scenario}(" in sources


def test_replay_starts_no_server(e2e_target: Target) -> None:
    """In replay the target is the fixed, never-resolving host: no sandbox, no account, no control."""
    if e2e_target.recording:
        pytest.skip("recording: the target is live")
    assert (e2e_target.mode, e2e_target.control) == ("replay", None)
    assert e2e_target.base_url == REPLAY_BASE_URL
