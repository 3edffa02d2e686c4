"""The API description as the tests see it: the vendor spec, the overlaid spec, and their operations.

Lists of operations in tests come from here (from the spec), never from hand-written tuples.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

import yaml

from moodhood._overlay import apply_overlay

ROOT = Path(__file__).resolve().parents[1]
SPEC_PATH = ROOT / "openapi" / "moodhood.yaml"
OVERLAY_PATH = ROOT / "openapi" / "overlay.yaml"
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def _load(path: Path) -> dict[str, Any]:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(document, dict), path
    return document


SPEC: dict[str, Any] = _load(SPEC_PATH)
"""``openapi/moodhood.yaml`` as committed (the vendor part)."""

API_SPEC: dict[str, Any] = apply_overlay(SPEC, _load(OVERLAY_PATH)).spec
"""The spec with ``openapi/overlay.yaml`` applied: what the sandbox routes and validates with."""


class Op(NamedTuple):
    """One operation: method (lower case), path template, operationId, the operation object."""

    method: str
    path: str
    operation_id: str
    operation: dict[str, Any]


def operations_of(spec: dict[str, Any]) -> list[Op]:
    """Every operation of ``spec``, sorted by path and method."""
    return sorted(
        (
            Op(method, path, str(item[method].get("operationId")), item[method])
            for path, item in spec.get("paths", {}).items()
            for method in METHODS
            if method in item
        ),
        key=lambda op: (op.path, METHODS.index(op.method)),
    )
