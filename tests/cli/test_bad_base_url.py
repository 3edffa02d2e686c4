"""A bad base URL is a configuration error in the CLI too: one line, exit code 2."""

from __future__ import annotations

import pytest

from tests.cli.conftest import Runner


@pytest.mark.parametrize("url", ["http://xn--localhost-/v1", "http://127.0.0.1:99999/v1", "http://u:p@h/v1"])
def test_bad_base_url_exits_2_with_one_line(cli: Runner, url: str) -> None:
    result = cli(
        "spaces", "list", env={"MOODHOOD_BASE_URL": url, "MOODHOOD_TOKEN": "personal-token-0123456789"}
    )
    assert result.code == 2, result.err
    assert len(result.err_lines) == 1
    assert result.err_lines[0].startswith("moodhood: error: configuration: base_url=")
    assert "Traceback" not in result.err and "IDNAError" not in result.err
