"""The vcrpy preset: scrubbing hooks, decoded bodies, and token requests matched on ``grant_type``."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qsl

from moodhood._extras import require
from moodhood.testing._scrub import scrub_request, scrub_response

__all__ = ["MATCH_ON", "grant_type", "grant_type_matcher", "make_vcr", "register_matchers", "vcr_config"]

MATCH_ON = ("method", "scheme", "host", "port", "path", "query", "grant_type")
"""vcrpy's default matchers plus ``grant_type``: every grant posts to the same ``/auth/token`` URL."""


def grant_type(request: Any) -> str | None:
    """The ``grant_type`` of a token request's JSON or form body; ``None`` for any other request."""
    body = getattr(request, "body", None)
    if isinstance(body, bytes):
        try:
            body = body.decode("utf-8")
        except UnicodeDecodeError:
            return None
    if not isinstance(body, str) or "grant_type" not in body:
        return None
    try:
        parsed = json.loads(body)
    except ValueError:
        value = dict(parse_qsl(body, keep_blank_values=True)).get("grant_type")
    else:
        value = parsed.get("grant_type") if isinstance(parsed, dict) else None
    return value if isinstance(value, str) else None


def grant_type_matcher(r1: Any, r2: Any) -> None:
    """A vcrpy matcher: two requests match when their ``grant_type`` (or its absence) is the same."""
    first, second = grant_type(r1), grant_type(r2)
    if first != second:
        raise AssertionError(f"grant_type {first!r} != {second!r}")


def register_matchers(vcr_instance: Any) -> None:
    """Register the ``grant_type`` matcher on a ``vcr.VCR`` (the pytest plugin does it for you)."""
    vcr_instance.register_matcher("grant_type", grant_type_matcher)


def vcr_config(**overrides: Any) -> dict[str, Any]:
    """Keyword arguments for ``vcr.VCR(...)`` / ``use_cassette(...)`` / pytest-recording's ``vcr_config``.

    Requests and responses are scrubbed (:func:`scrub_request`, :func:`scrub_response`), compressed
    responses are decoded first, and requests match on method, URL and ``grant_type``. ``overrides``
    replace keys; to add your own hook keep ours: ``before_record_request=(scrub_request, mine)``.
    The ``grant_type`` matcher must be registered on the VCR (:func:`register_matchers`,
    :func:`make_vcr`, or the pytest plugin).
    """
    config: dict[str, Any] = {
        "before_record_request": scrub_request,
        "before_record_response": scrub_response,
        "decode_compressed_response": True,
        "match_on": MATCH_ON,
    }
    config.update(overrides)
    return config


def make_vcr(**overrides: Any) -> Any:
    """A ``vcr.VCR`` with :func:`vcr_config` and the ``grant_type`` matcher registered (needs vcrpy)."""
    vcrpy = require("testing", "vcr", feature="make_vcr()")
    instance = vcrpy.VCR(**vcr_config(**overrides))
    register_matchers(instance)
    return instance
