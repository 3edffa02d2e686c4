"""The API description the sandbox serves and obeys: the vendor spec, and our overlay applied to it.

- the **vendor spec** (``openapi/moodhood.yaml``: our reconstruction of what MoodHood publishes) is
  ``config.spec_path``, else ``$MOODHOOD_SANDBOX_SPEC``, else the copy the wheel ships beside this module,
  else the file of a source checkout; ``/doc/`` serves it as it is, like the real service's Swagger page;
- the **overlay** (``openapi/overlay.yaml``: the constraints, links and names we add) is
  ``$MOODHOOD_SANDBOX_OVERLAY``, else the wheel's copy, else the source checkout's; the sandbox routes and
  validates requests with the spec it gives (:func:`api_spec`).

Reading YAML needs PyYAML (the ``sandbox`` extra).
"""

from __future__ import annotations

import functools
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from moodhood._overlay import OverlayAction, apply_overlay

__all__ = ["ApiSpec", "api_spec", "find_overlay", "find_spec", "load_spec"]

_HERE = Path(__file__).resolve().parent
_CHECKOUT = _HERE.parents[1] / "openapi"


def _first_file(*candidates: str | None) -> Path | None:
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


def find_spec(configured: str | None) -> Path | None:
    """The vendor spec file, if one can be found."""
    return _first_file(
        configured,
        os.environ.get("MOODHOOD_SANDBOX_SPEC"),
        str(_HERE / "openapi.yaml"),  # installed wheel: force-included by pyproject.toml
        str(_CHECKOUT / "moodhood.yaml"),  # source checkout
    )


def find_overlay() -> Path | None:
    """The overlay file, if one can be found."""
    return _first_file(
        os.environ.get("MOODHOOD_SANDBOX_OVERLAY"),
        str(_HERE / "overlay.yaml"),
        str(_CHECKOUT / "overlay.yaml"),
    )


def load_spec(path: Path) -> dict[str, Any]:
    """Parse a JSON or YAML document (cached while the file is unchanged); ``ValueError`` if not a mapping."""
    return _load(path, path.stat().st_mtime_ns)


@functools.lru_cache(maxsize=8)
def _load(path: Path, mtime_ns: int) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        document = json.loads(text)
    else:
        import yaml

        document = yaml.safe_load(text)
    if not isinstance(document, dict):
        raise ValueError(f"{path} is not an OpenAPI document")
    return document


@dataclass(frozen=True)
class ApiSpec:
    """The vendor spec as found, and the spec with the overlay applied."""

    vendor: dict[str, Any]
    overlaid: dict[str, Any]
    unmatched: list[OverlayAction] = field(default_factory=list)


def api_spec(spec_path: str | None) -> ApiSpec:
    """Load the vendor spec and apply the overlay; ``RuntimeError`` when there is no spec to load."""
    path = find_spec(spec_path)
    if path is None:
        raise RuntimeError(
            "no OpenAPI spec found for the sandbox "
            "(set spec_path or MOODHOOD_SANDBOX_SPEC, or reinstall moodhood)"
        )
    overlay = find_overlay()
    overlay_key = None if overlay is None else (overlay, overlay.stat().st_mtime_ns)
    return _api_spec(path, path.stat().st_mtime_ns, overlay_key)


@functools.lru_cache(maxsize=4)
def _api_spec(path: Path, mtime_ns: int, overlay: tuple[Path, int] | None) -> ApiSpec:
    vendor = _load(path, mtime_ns)
    if overlay is None:
        return ApiSpec(vendor, vendor)
    result = apply_overlay(vendor, _load(*overlay))
    return ApiSpec(vendor, result.spec, result.unmatched)
