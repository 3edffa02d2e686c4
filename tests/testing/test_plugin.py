"""The pytest plugin as a user meets it: a fresh project run by a separate pytest process.

The inner project follows the documented recipe: a ``vcr_config`` fixture returning ``moodhood_vcr_config``
and ``@pytest.mark.vcr`` tests. It records with ``--record-mode=once``, then replays with the default mode
while its fake server refuses to answer.
"""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys
import textwrap

CONFTEST = """
import pytest

@pytest.fixture
def vcr_config(moodhood_vcr_config):
    return moodhood_vcr_config
"""

TEST_FLOW = """
import base64, json, os
import httpx
import pytest

CANARIES = {"secret": "canary-secret-q1w2e3r4", "password": "canary-pass-z9x8c7"}

def jwt(aud, n):
    enc = lambda d: base64.urlsafe_b64encode(json.dumps(d).encode()).rstrip(b"=").decode()
    claims = {"aud": aud, "iat": 1700000000, "exp": 1700000000 + 3600 * n}
    return enc({"alg": "HS256"}) + "." + enc(claims) + ".canary-signature-" + aud + str(n)

def handler(request):
    if os.environ.get("INNER_REPLAY"):
        raise AssertionError("the server was called during replay")
    body = json.loads(request.content)
    assert body["client_secret"] == CANARIES["secret"]
    aud = "user" if body["grant_type"] == "password" else "client"
    n = 1 if aud == "client" else 2
    tokens = {"access_token": jwt(aud, n), "refresh_token": jwt(aud, n + 10)}
    return httpx.Response(200, json={"token_type": "Bearer", **tokens})

def token(client, grant_type):
    body = {"client_id": "id", "client_secret": CANARIES["secret"], "grant_type": grant_type}
    if grant_type == "password":
        body.update(username="someone@example.com", password=CANARIES["password"])
    return client.post("https://moodhood.online/v1/auth/token", json=body).json()

def claims(token):
    part = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))

@pytest.mark.vcr
def test_tokens():
    with httpx.Client(transport=httpx.MockTransport(handler)) as client:
        grants = ["client_credentials", "password"]
        if os.environ.get("INNER_REPLAY"):
            grants.reverse()  # replay in the other order: grant_type matching must still pair them right
        got = {g: token(client, g) for g in grants}
    assert claims(got["client_credentials"]["access_token"])["aud"] == "client"
    assert claims(got["password"]["access_token"])["aud"] == "user"
    if os.environ.get("INNER_REPLAY"):
        assert got["password"]["access_token"].endswith(".scrubbed")
"""


def run_pytest(
    project: pathlib.Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args],
        cwd=project,
        env={**os.environ, "PYTEST_ADDOPTS": "", **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
    )


def make_project(tmp_path: pathlib.Path, files: dict[str, str]) -> pathlib.Path:
    (tmp_path / "pytest.ini").write_text("[pytest]\nasyncio_default_fixture_loop_scope = function\n", "utf-8")
    for name, text in files.items():
        (tmp_path / name).write_text(textwrap.dedent(text), "utf-8")
    return tmp_path


def test_record_then_replay_with_pytest_recording(tmp_path: pathlib.Path) -> None:
    project = make_project(tmp_path, {"conftest.py": CONFTEST, "test_flow.py": TEST_FLOW})
    recorded = run_pytest(project, "--record-mode=once")
    assert recorded.returncode == 0, recorded.stdout + recorded.stderr
    cassette = project / "cassettes" / "test_flow" / "test_tokens.yaml"
    text = cassette.read_text("utf-8")
    for canary in ("canary-secret-q1w2e3r4", "canary-pass-z9x8c7", "canary-signature", "someone@example.com"):
        assert canary not in text
    assert text.count(".scrubbed") == 4  # two token responses, two tokens each
    replayed = run_pytest(project, env={"INNER_REPLAY": "1"})
    assert replayed.returncode == 0, replayed.stdout + replayed.stderr
    assert "1 passed" in replayed.stdout


def test_plugin_loads_without_vcrpy_or_yaml(tmp_path: pathlib.Path) -> None:
    """With vcrpy, PyYAML and pytest-recording unavailable, the plugin still loads and its fixture works."""
    project = make_project(
        tmp_path,
        {
            "test_it.py": """
            def test_fixture(moodhood_vcr_config):
                assert moodhood_vcr_config["decode_compressed_response"] is True
                assert "grant_type" in moodhood_vcr_config["match_on"]
            """
        },
    )
    script = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('vcr', 'yaml', 'pytest_recording'):\n"
        "            raise ModuleNotFoundError(f'No module named {name!r} (blocked)', name=name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "import pytest\n"
        "sys.exit(pytest.main(['-q', '-p', 'no:cacheprovider', '-p', 'no:recording', '.']))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=project,
        env={**os.environ, "PYTEST_ADDOPTS": ""},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 passed" in done.stdout
