"""``/doc/``: Swagger UI (swagger-ui-express layout), with and without basic auth; ``--pull`` finds it."""

from __future__ import annotations

import sys
from pathlib import Path

import httpx
import pytest
import yaml

from moodhood.sandbox import SandboxConfig, SandboxServer, create_app

ROOT = Path(__file__).resolve().parents[2]
SPEC = yaml.safe_load((ROOT / "openapi" / "moodhood.yaml").read_text(encoding="utf-8"))


def _client(config: SandboxConfig) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app(config)), base_url="http://sandbox")


async def test_doc_page_embeds_the_spec() -> None:
    async with _client(SandboxConfig()) as http:
        page = await http.get("/doc/")
        assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
        assert 'src="./swagger-ui-init.js"' in page.text
        init = await http.get("/doc/swagger-ui-init.js")
        assert init.status_code == 200 and '"swaggerDoc": {' in init.text
        spec = await http.get("/doc/openapi.json")
        assert spec.json() == SPEC
        assert (await http.get("/doc")).status_code == 301


@pytest.mark.parametrize("path", ["/doc/", "/doc/swagger-ui-init.js", "/doc/openapi.json"])
async def test_doc_auth(path: str) -> None:
    async with _client(SandboxConfig(doc_auth=("docs", "docs-password"))) as http:
        missing = await http.get(path)
        assert missing.status_code == 401 and missing.headers["www-authenticate"].startswith("Basic")
        wrong = await http.get(path, auth=("docs", "nope"))
        assert wrong.status_code == 401
        garbage = await http.get(path, headers={"Authorization": "Basic !!!"})
        assert garbage.status_code == 401
        non_ascii = await http.get(path, headers=[(b"Authorization", b"Basic \xe9\xe9")])
        assert non_ascii.status_code == 401
        ok = await http.get(path, auth=("docs", "docs-password"))
        assert ok.status_code == 200


def test_without_a_spec_the_sandbox_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    import moodhood.sandbox._spec as spec

    monkeypatch.setattr(spec, "find_spec", lambda configured: None)
    with pytest.raises(RuntimeError, match="no OpenAPI spec found for the sandbox"):
        create_app(SandboxConfig())


async def test_spec_path_can_point_at_a_json_file(tmp_path: Path) -> None:
    spec = tmp_path / "spec.json"
    spec.write_text('{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}}')
    async with _client(SandboxConfig(spec_path=str(spec))) as http:
        assert (await http.get("/doc/openapi.json")).json()["info"]["title"] == "t"


def test_regenerate_pull_finds_the_spec_behind_basic_auth(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "scripts"))
    sys.modules.pop("_regen_fetch", None)
    from _regen_fetch import fetch_spec

    with SandboxServer(SandboxConfig(doc_auth=("docs", "docs-password"))) as server:
        fetched = fetch_spec(server.root_url + "/doc/", "docs", "docs-password")
    assert fetched == SPEC
