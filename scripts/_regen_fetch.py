"""Fetch a live OpenAPI document: from its own URL or through the Swagger UI page that shows it.

A Swagger UI page leads to the document in one of these ways, tried in this order on the page and on the
``*init*.js`` scripts it loads (``swagger-initializer.js``, swagger-ui-express's ``swagger-ui-init.js``):

1. an embedded ``"swaggerDoc": {...}`` (swagger-ui-express, JSON inside ``var options = {...}``);
2. swagger-ui-express pointing at a URL: ``"swaggerUrl"``, the first of ``"swaggerUrls"``, or ``url`` /
   the first of ``urls`` in its ``"customOptions"``;
3. ``SwaggerUIBundle({url: "..."})`` or the first entry of ``urls: [{url: "...", ...}]``.

Basic-auth credentials go only to the origin of the URL the user gave, never to another host.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Generator
from typing import Any

import httpx
from _regen_common import RegenError, one_line
from _regen_spec import parse_document

__all__ = ["fetch_spec", "find_in_script", "public_url"]

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_SRC = re.compile(r"""\bsrc\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_SWAGGER_URL = re.compile(r"""["']?swaggerUrl["']?\s*:\s*(["'`])(.+?)\1""")
_URLS = re.compile(r"""(?<![\w$.])["']?urls["']?\s*:\s*\[""")
_URL = re.compile(r"""(?<![\w$.])["']?url["']?\s*:\s*(["'`])(.+?)\1""")
_BUNDLE = re.compile(r"SwaggerUIBundle\s*\(")
_MAX_FETCHES = 8


def public_url(url: httpx.URL | str) -> str:
    """The URL without user name or password, for messages."""
    return str(httpx.URL(url).copy_with(username=None, password=None))


class _OriginBasicAuth(httpx.Auth):
    """HTTP basic auth that is sent to one origin only."""

    def __init__(self, origin: httpx.URL, user: str, password: str) -> None:
        self._origin = (origin.scheme, origin.host, origin.port)
        token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
        self._header = f"Basic {token}"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if (request.url.scheme, request.url.host, request.url.port) == self._origin:
            request.headers["Authorization"] = self._header
        yield request


def _is_spec(document: Any) -> bool:
    return isinstance(document, dict) and ("openapi" in document or "swagger" in document)


def _json_after(text: str, key: str) -> Any:
    """The JSON object or array that follows ``"key":`` in ``text``, or ``None``."""
    match = re.search(rf"""["']?{key}["']?\s*:\s*(?=[\[{{])""", text)
    if not match:
        return None
    try:
        value, _ = json.JSONDecoder().raw_decode(text, match.end())
    except ValueError:
        return None
    return value


def _first_url(value: Any) -> str | None:
    if isinstance(value, dict):
        if isinstance(value.get("url"), str):
            return str(value["url"])
        value = value.get("urls")
    if (
        isinstance(value, list)
        and value
        and isinstance(value[0], dict)
        and isinstance(value[0].get("url"), str)
    ):
        return str(value[0]["url"])
    return None


def find_in_script(text: str) -> tuple[str, Any]:
    """Look for a spec in page or script text: ``("doc", spec)``, ``("url", url)`` or ``("", None)``."""
    document = _json_after(text, "swaggerDoc")
    if _is_spec(document):
        return "doc", document
    match = _SWAGGER_URL.search(text)
    if match:
        return "url", match.group(2)
    for key in ("swaggerUrls", "customOptions"):
        url = _first_url(_json_after(text, key))
        if url:
            return "url", url
    bundle = _BUNDLE.search(text)
    if bundle:
        config = text[bundle.end() :]
        urls = _URLS.search(config)
        match = _URL.search(config, urls.end()) if urls else _URL.search(config)
        if match:
            return "url", match.group(2)
    return "", None


class _Fetcher:
    def __init__(self, client: httpx.Client) -> None:
        self._client = client
        self._fetches = 0

    def get(self, url: httpx.URL) -> httpx.Response:
        self._fetches += 1
        if self._fetches > _MAX_FETCHES:
            raise RegenError(f"gave up after {_MAX_FETCHES} requests without finding a spec")
        try:
            response = self._client.get(url)
        except httpx.TimeoutException:
            raise RegenError(f"timed out fetching {public_url(url)}") from None
        except httpx.HTTPError as exc:
            raise RegenError(
                f"cannot fetch {public_url(url)}: {one_line(exc) or type(exc).__name__}"
            ) from None
        if response.status_code in (401, 403):
            raise RegenError(
                f"{public_url(response.url)} answered {response.status_code} {response.reason_phrase}: "
                "wrong or missing credentials "
                "(--user/--password or MOODHOOD_SWAGGER_USER/MOODHOOD_SWAGGER_PASSWORD)"
            )
        if response.status_code >= 400:
            raise RegenError(
                f"{public_url(response.url)} answered {response.status_code} {response.reason_phrase}"
            )
        return response

    def spec_at(self, url: httpx.URL) -> dict[str, Any]:
        response = self.get(url)
        document = parse_document(response.text)
        if _is_spec(document):
            assert isinstance(document, dict)
            return document
        page = response.url
        scripts = [
            page.join(src.group(1))
            for attrs, _ in _SCRIPT.findall(response.text)
            if (src := _SRC.search(attrs)) and "init" in src.group(1).rsplit("/", 1)[-1]
        ]
        for text in [response.text, *(self.get(script).text for script in scripts)]:
            kind, found = find_in_script(text)
            if kind == "doc":
                assert isinstance(found, dict)
                return found
            if kind == "url":
                target = page.join(found)
                reply = self.get(target)
                document = parse_document(reply.text)
                if not _is_spec(document):
                    raise RegenError(
                        f"{public_url(target)} (named by the Swagger UI page) holds no OpenAPI document"
                    )
                assert isinstance(document, dict)
                return document
        raise RegenError(
            f"no OpenAPI document found at {public_url(url)} (neither a spec nor a Swagger UI page)"
        )


def fetch_spec(url: str, user: str | None, password: str | None, timeout: float = 20.0) -> dict[str, Any]:
    """Fetch the OpenAPI document behind ``url`` (a spec or a Swagger UI page); raise ``RegenError``."""
    try:
        start = httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise RegenError(f"not a URL: {one_line(exc)}") from None
    if start.scheme not in ("http", "https"):
        raise RegenError(f"not an http(s) URL: {public_url(start)}")
    if start.username or start.password:
        user, password = user or start.username, password or start.password
        start = start.copy_with(username=None, password=None)
    auth = _OriginBasicAuth(start, user, password or "") if user else None
    headers = {"Accept": "application/json, application/yaml;q=0.9, text/html;q=0.8, */*;q=0.5"}
    with httpx.Client(auth=auth, headers=headers, timeout=timeout, follow_redirects=True) as client:
        return _Fetcher(client).spec_at(start)
