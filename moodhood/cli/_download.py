"""Downloading a recording from its storage link, with a client that holds no MoodHood credentials.

The link points at a storage host, not the API: the request goes through a fresh ``httpx.Client`` with no
auth and no MoodHood headers, so no token can reach that host (even through a redirect).
"""

from __future__ import annotations

import sys
from typing import Any, BinaryIO

import httpx

from moodhood._exceptions import InsecureTransportError
from moodhood._net import is_loopback
from moodhood.cli._errors import CommandError
from moodhood.cli._output import styled

__all__ = ["fetch", "file_name"]

_CHUNK = 64 * 1024


def file_name(url: str, fallback: str) -> str:
    """The last path segment of ``url`` when it is a plain file name, else ``fallback``."""
    name = httpx.URL(url).path.rsplit("/", 1)[-1]
    if name and name not in (".", "..") and all(c.isalnum() or c in "._-" for c in name):
        return name
    return fallback


def fetch(
    url: str,
    out: BinaryIO,
    *,
    allow_insecure_http: bool = False,
    transport: httpx.BaseTransport | None = None,
) -> int:
    """Stream ``url`` into ``out`` (a progress bar on a terminal's stderr); returns the bytes written."""
    target = httpx.URL(url)
    if target.scheme not in ("http", "https"):
        raise ValueError(f"the download link is not an http(s) URL: {target.scheme}://...")
    if target.scheme == "http" and not allow_insecure_http and not is_loopback(target.host):
        raise InsecureTransportError(
            f"refusing to download over plain http:// from {target.host!r}: use https://"
        )
    try:
        return _stream(url, out, transport)
    except httpx.HTTPStatusError as exc:
        raise CommandError(f"download failed: HTTP {exc.response.status_code} from {target.host}") from None
    except httpx.HTTPError as exc:
        raise CommandError(f"download failed: {type(exc).__name__} from {target.host}: {exc}") from None


def _stream(url: str, out: BinaryIO, transport: httpx.BaseTransport | None) -> int:
    written = 0
    with (
        httpx.Client(
            follow_redirects=True, timeout=httpx.Timeout(60.0, connect=10.0), transport=transport
        ) as http,
        http.stream("GET", url) as response,
    ):
        response.raise_for_status()
        total = int(response.headers.get("content-length") or 0) or None
        bar = _progress(total)
        try:
            for chunk in response.iter_bytes(_CHUNK):
                out.write(chunk)
                written += len(chunk)
                if bar is not None:
                    bar[0].update(bar[1], completed=written)
        finally:
            if bar is not None:
                bar[0].stop()
    return written


def _progress(total: int | None) -> tuple[Any, Any] | None:
    """A rich progress bar on stderr, only when stderr is a terminal that wants it."""
    if not styled(sys.stderr):
        return None
    from rich.console import Console
    from rich.progress import BarColumn, DownloadColumn, Progress, TransferSpeedColumn

    progress = Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        console=Console(file=sys.stderr),
        transient=True,
    )
    task = progress.add_task("downloading", total=total)
    progress.start()
    return progress, task
