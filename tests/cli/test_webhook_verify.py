"""``moodhood webhook verify``: a delivered payload on stdin, the secret from --secret or the variable."""

from __future__ import annotations

import io
import json
import sys

import pytest

from moodhood.webhooks import sign
from tests.cli.conftest import Runner

SECRET = "Wh00kSecretAbcdefghijklmnopqrstu"
BODY = {
    "eventName": "record_finished",
    "roomId": "65a1b2c3d4e5f6a7b8c9d0e1",
    "spaceId": "65a1b2c3d4e5f6a7b8c9d0e2",
    "recordId": "65a1b2c3d4e5f6a7b8c9d0e3",
}


def payload(body: dict[str, str], secret: str = SECRET) -> bytes:
    return json.dumps({"signature": sign(body, secret), "body": body}).encode()


def test_verify_accepts_a_signed_payload_with_the_secret_from_the_variable(cli: Runner) -> None:
    result = cli("webhook", "verify", "--json", stdin=payload(BODY), env={"MOODHOOD_WEBHOOK_SECRET": SECRET})
    assert result.code == 0, result.err
    event = result.json()
    assert event["verified"] is True
    assert event["eventName"] == "record_finished"
    assert event["recordId"] == BODY["recordId"]


def test_verify_table_output_names_the_event(cli: Runner) -> None:
    result = cli("webhook", "verify", "--secret", SECRET, stdin=payload(BODY))
    assert result.code == 0, result.err
    assert "record_finished" in result.out
    assert BODY["spaceId"] in result.out
    assert SECRET not in result.out + result.err


def test_verify_rejects_a_wrong_signature_in_one_line(cli: Runner) -> None:
    forged = payload(BODY, secret="AnotherSecretAbcdefghijklmnopqrs")
    result = cli("webhook", "verify", "--secret", SECRET, stdin=forged)
    assert result.code == 1
    assert result.err_lines == ["moodhood: error: webhook rejected: the webhook signature does not match"]
    assert result.out == ""


def test_verify_rejects_a_tampered_body(cli: Runner) -> None:
    signed = json.loads(payload(BODY))
    signed["body"]["roomId"] = "000000000000000000000000"
    result = cli("webhook", "verify", "--secret", SECRET, stdin=json.dumps(signed).encode())
    assert result.code == 1
    assert "does not match" in result.err


def test_verify_without_a_secret_names_the_option_and_the_variable(cli: Runner) -> None:
    result = cli("webhook", "verify", stdin=payload(BODY))
    assert result.code == 2
    assert len(result.err_lines) == 1
    assert "--secret" in result.err and "MOODHOOD_WEBHOOK_SECRET" in result.err


def test_verify_with_garbage_on_stdin_is_one_line(cli: Runner) -> None:
    result = cli("webhook", "verify", "--secret", SECRET, stdin=b"not json at all")
    assert result.code == 1
    assert result.err_lines == [
        "moodhood: error: webhook rejected: the webhook payload is not valid JSON (JSONDecodeError)"
    ]


def test_verify_with_empty_stdin(cli: Runner) -> None:
    result = cli("webhook", "verify", "--secret", SECRET, stdin=b"")
    assert result.code == 2
    assert "no payload on stdin" in result.err


def test_verify_on_a_terminal_says_what_to_pipe_instead_of_waiting(
    cli: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Keyboard(io.BytesIO):
        def isatty(self) -> bool:
            return True

        def read(self, size: int | None = -1) -> bytes:
            raise AssertionError("verify must not wait for a person to type a payload")

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(Keyboard()))
    result = cli("webhook", "verify", "--secret", SECRET)
    assert result.code == 2
    assert len(result.err_lines) == 1 and "no payload on stdin" in result.err_lines[0]
