"""Contract testing with Schemathesis: all checks, per-operation and stateful phases, on a running sandbox.

The sandbox listens on a free loopback port; Schemathesis (pinned in the ``dev`` extra) reads the overlaid
spec the sandbox obeys (our constraints and links included) and runs once per kind of caller: a user token,
a client token and no token. ``schemathesis/schemathesis.toml`` tells a check about a documented status only
where the spec's own text says when it happens. Every run must end with 0 failures.

Bounded by example counts, not time, so the result does not depend on the machine's load: the user run
has every phase, the client and anonymous runs leave out the coverage phase (their answers are 403s and 401s).
Webhook deliveries to the URLs Schemathesis invents go to a dead loopback proxy: nothing leaves the machine.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from moodhood.sandbox import SandboxConfig, SandboxServer
from moodhood.sandbox._spec import api_spec
from tests._spec import operations_of

CONFIG = Path(__file__).resolve().parent / "schemathesis" / "schemathesis.toml"
DEAD_PROXY = "http://127.0.0.1:9"  # the discard port: connection refused, nothing sent anywhere

RUNS = {
    # kind: (phases, examples per operation, seed)
    "user": ("examples,coverage,fuzzing,stateful", 10, 3),
    "client": ("examples,fuzzing,stateful", 5, 1),
    "none": ("examples,fuzzing,stateful", 3, 2),
}


@pytest.fixture(scope="module")
def contract(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """A running sandbox, the overlaid spec as a file, and a token of each kind."""
    work = tmp_path_factory.mktemp("schemathesis")
    spec_file = work / "spec.json"
    spec_file.write_text(json.dumps(api_spec(None).overlaid), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
            patch.setenv(name, DEAD_PROXY)
        patch.setenv("NO_PROXY", "127.0.0.1,localhost,::1")
        patch.setenv("no_proxy", "127.0.0.1,localhost,::1")
        with SandboxServer(SandboxConfig(webhook_attempts=1, webhook_timeout=1.0)) as server:
            config = server.config
            secret = {"client_id": config.client_id, "client_secret": config.client_secret}
            with httpx.Client(base_url=server.base_url, trust_env=False) as http:
                client = http.post("/auth/token", json={"grant_type": "client_credentials", **secret})
                client_token = client.json()["access_token"]
                email, password = config.users[0]
                user = http.post(
                    "/auth/token",
                    headers={"Authorization": f"Bearer {client_token}"},
                    json={"grant_type": "password", **secret, "username": email, "password": password},
                )
            yield {
                "url": server.base_url,
                "spec": str(spec_file),
                "work": str(work),
                "user": user.json()["access_token"],
                "client": client_token,
                "none": "",
            }


def _run(contract: dict[str, str], kind: str) -> subprocess.CompletedProcess[str]:
    phases, examples, seed = RUNS[kind]
    args = [sys.executable, "-m", "schemathesis.cli", "--config-file", str(CONFIG), "--no-color", "run"]
    args += [contract["spec"], "--url", contract["url"], "--checks", "all", "--phases", phases]
    args += ["--max-examples", str(examples), "--seed", str(seed), "--workers", "2"]
    if contract[kind]:
        args += ["--header", f"Authorization: Bearer {contract[kind]}"]
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120"}
    return subprocess.run(
        args, cwd=contract["work"], env=env, capture_output=True, text=True, timeout=400, check=False
    )


@pytest.mark.parametrize("kind", list(RUNS))
def test_schemathesis_finds_no_failure(contract: dict[str, str], kind: str) -> None:
    done = _run(contract, kind)
    output = done.stdout + done.stderr
    for secret in (contract["user"], contract["client"]):
        output = output.replace(secret, "<token>")
    assert done.returncode == 0, output[-6000:]
    summary = re.search(r"(\d+) generated, (\d+) passed", output)  # with failures: "N generated, found ..."
    assert summary is not None, output[-3000:]
    assert int(summary.group(1)) == int(summary.group(2)) > 0, output[-3000:]
    total = len(operations_of(json.loads(Path(contract["spec"]).read_text(encoding="utf-8"))))
    assert f"Tested: {total}" in output, output[-3000:]
    if kind == "user":  # the stateful phase followed the spec's links, not nothing
        links = re.search(r"API Links:\s+(\d+) covered", output)
        assert links is not None and int(links.group(1)) >= 5, output[-3000:]
