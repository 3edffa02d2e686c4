"""``/doc/``: the vendor spec as a Swagger UI page (swagger-ui-express layout), optionally behind basic auth.

- ``GET /doc/``: HTML that loads Swagger UI (from a CDN) and ``./swagger-ui-init.js``;
- ``GET /doc/swagger-ui-init.js``: ``var options = {"swaggerDoc": <spec>, ...}`` (swagger-ui-express style);
- ``GET /doc/openapi.json``: the spec itself.

The spec served is the vendor part only (see :mod:`moodhood.sandbox._spec`), without our overlay, like the
real service's page: pulling it with ``scripts/regenerate.py --pull`` gives back ``openapi/moodhood.yaml``.
"""

from __future__ import annotations

import base64
import hmac
import json
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from moodhood.sandbox._state import SandboxState

__all__ = ["doc_routes"]

_CDN = "https://unpkg.com/swagger-ui-dist@5"

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <title>MoodHood API (sandbox)</title>
  <link rel="stylesheet" type="text/css" href="{cdn}/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="{cdn}/swagger-ui-bundle.js"></script>
<script src="{cdn}/swagger-ui-standalone-preset.js"></script>
<script src="./swagger-ui-init.js"></script>
</body>
</html>
"""

_INIT = """
window.onload = function () {{
  var options = {options};
  var ui = SwaggerUIBundle({{
    spec: options.swaggerDoc,
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: "StandaloneLayout"
  }});
  window.ui = ui;
}};
"""


def _spec(request: Request) -> dict[str, Any]:
    vendor: dict[str, Any] = request.app.state.api.vendor
    return vendor


def _authorised(request: Request) -> bool:
    state: SandboxState = request.app.state.sandbox
    expected = state.config.doc_auth
    if expected is None:
        return True
    scheme, _, encoded = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "basic":
        return False
    try:
        user, _, password = base64.b64decode(encoded, validate=True).decode("utf-8").partition(":")
    except ValueError:  # binascii.Error, UnicodeDecodeError, and non-ASCII text given to b64decode
        return False
    same_user = hmac.compare_digest(user.encode(), expected[0].encode())
    same_password = hmac.compare_digest(password.encode(), expected[1].encode())
    return same_user and same_password


def _guard(request: Request) -> Response | None:
    if _authorised(request):
        return None
    return Response(
        "Unauthorized",
        401,
        headers={"WWW-Authenticate": 'Basic realm="MoodHood API docs"'},
        media_type="text/plain",
    )


async def page(request: Request) -> Response:
    denied = _guard(request)
    if denied is not None:
        return denied
    _spec(request)
    return Response(_PAGE.format(cdn=_CDN), media_type="text/html")


async def init_script(request: Request) -> Response:
    denied = _guard(request)
    if denied is not None:
        return denied
    options = json.dumps({"swaggerDoc": _spec(request), "customOptions": {}}, indent=2, ensure_ascii=False)
    return Response(_INIT.format(options=options), media_type="application/javascript")


async def spec_json(request: Request) -> Response:
    denied = _guard(request)
    if denied is not None:
        return denied
    return JSONResponse(_spec(request))


async def to_slash(request: Request) -> Response:
    return RedirectResponse("/doc/", 301)


def doc_routes() -> list[BaseRoute]:
    """The routes to mount at the application root."""
    return [
        Route("/doc", to_slash, methods=["GET"]),
        Route("/doc/", page, methods=["GET"]),
        Route("/doc/swagger-ui-init.js", init_script, methods=["GET"]),
        Route("/doc/openapi.json", spec_json, methods=["GET"]),
    ]
