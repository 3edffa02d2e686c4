"""Normal form: the committed spec is exactly what ``--pull`` writes for it, and the pull report checks the
overlay against what was pulled."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from moodhood.sandbox import SandboxConfig, SandboxServer
from tests.openapi.conftest import REPO, Regen, SpecServer

RENDERED = ("moodhood/_resources.py", "moodhood/types.py")  # rendered from the spec by regenerate.py


def _copy_repo(root: Path) -> None:
    for folder in ("openapi", "generated"):
        shutil.copytree(REPO / folder, root / folder, ignore=shutil.ignore_patterns("__pycache__"))
    for name in RENDERED:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(REPO / name, root / name)


def _files(root: Path) -> dict[str, bytes]:
    files = {
        str(path.relative_to(root)): path.read_bytes()
        for folder in ("openapi", "generated")
        for path in sorted((root / folder).rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }
    return files | {name: (root / name).read_bytes() for name in RENDERED}


def test_committed_spec_is_in_normal_form(regen: Regen) -> None:
    text = (REPO / "openapi" / "moodhood.yaml").read_text(encoding="utf-8")
    assert regen.spec.dump_spec(yaml.safe_load(text)) == text


def test_pulling_the_sandboxs_own_doc_changes_no_byte(
    regen: Regen, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "repo"
    _copy_repo(root)
    before = _files(root)
    with SandboxServer(SandboxConfig(doc_auth=("docs", "docs-password"))) as server:
        argv = ["--pull", server.root_url + "/doc/", "--user", "docs", "--password", "docs-password"]
        assert regen.main([*argv, "--root", str(root)]) == 0
    out = capsys.readouterr().out
    assert _files(root) == before
    assert "openapi/moodhood.yaml: unchanged; generated/moodhood_api: unchanged" in out
    assert "API operations: no changes" in out
    assert "Overlay: all" in out and "still apply" in out


def test_pull_report_lists_overlay_actions_that_no_longer_fit(
    regen: Regen, tmp_path: Path, spec_server: SpecServer, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "repo"
    _copy_repo(root)
    live: dict[str, Any] = copy.deepcopy(yaml.safe_load((REPO / "openapi" / "moodhood.yaml").read_text()))
    del live["paths"]["/users/me"]
    live["components"]["schemas"]["GuestUrlRequest"]["properties"]["ttl"]["maximum"] = 500_000
    spec_server.route("/spec.json", json.dumps(live), "application/json")
    overlay_before = (root / "openapi" / "overlay.yaml").read_bytes()
    assert regen.main(["--pull", spec_server.url("/spec.json"), "--root", str(root)]) == 0
    out = capsys.readouterr().out
    assert "Overlay: 2 of" in out
    assert "($.paths['/users/me'].get): getMe matches nothing in the pulled spec" in out
    assert "GuestUrlRequest" in out and "the spec says maximum=500000, the overlay 432000" in out
    assert (root / "openapi" / "overlay.yaml").read_bytes() == overlay_before  # a pull never touches it
