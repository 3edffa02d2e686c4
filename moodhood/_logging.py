"""Logging through the ``moodhood`` logger: method, path, status, latency and retries, never a secret.

Only the URL *path* is logged: query strings can carry tokens (``accessToken=``), and headers and bodies are
never logged at all. Completed requests log at DEBUG, retries at INFO, failures without a response at INFO.
Each record also carries the values as attributes (``moodhood_method``, ``moodhood_path``,
``moodhood_status``, ``moodhood_elapsed``, ``moodhood_retries``) for structured handlers.
"""

from __future__ import annotations

import logging

import httpx

from moodhood import _redact

__all__ = ["log_failure", "log_response", "log_retry", "logger", "safe_path"]

logger = logging.getLogger("moodhood")
logger.addHandler(logging.NullHandler())
_redact.install()  # httpx's and httpcore's own records pass through the same masking


def safe_path(url: httpx.URL) -> str:
    """The path of ``url`` without scheme, host, userinfo, query or fragment."""
    return url.path or "/"


def log_response(request: httpx.Request, response: httpx.Response, elapsed: float, retries: int) -> None:
    """Log one finished API request."""
    if not logger.isEnabledFor(logging.DEBUG):
        return
    path = safe_path(request.url)
    logger.debug(
        "%s %s -> %d in %.3f s (retries: %d)",
        request.method,
        path,
        response.status_code,
        elapsed,
        retries,
        extra={
            "moodhood_method": request.method,
            "moodhood_path": path,
            "moodhood_status": response.status_code,
            "moodhood_elapsed": elapsed,
            "moodhood_retries": retries,
        },
    )


def log_failure(request: httpx.Request, error: BaseException, elapsed: float) -> None:
    """Log a request that ended without a response (connection error, timeout)."""
    path = safe_path(request.url)
    logger.info(
        "%s %s failed after %.3f s: %s",
        request.method,
        path,
        elapsed,
        type(error).__name__,
        extra={
            "moodhood_method": request.method,
            "moodhood_path": path,
            "moodhood_elapsed": elapsed,
            "moodhood_error": type(error).__name__,
        },
    )


def log_retry(request: httpx.Request, attempt: int, budget: int, delay: float, *, reason: str) -> None:
    """Log that ``request`` will be retried (``attempt`` of ``budget``) after ``delay`` seconds."""
    path = safe_path(request.url)
    logger.info(
        "Retrying %s %s in %.2f s (retry %d of %d) after %s",
        request.method,
        path,
        delay,
        attempt,
        budget,
        reason,
        extra={
            "moodhood_method": request.method,
            "moodhood_path": path,
            "moodhood_retries": attempt,
            "moodhood_delay": delay,
            "moodhood_reason": reason,
        },
    )
