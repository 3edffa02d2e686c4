"""Publishing metadata: ``moodhood.__version__``, absolute README links, the changelog's shape."""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import metadata, version
from pathlib import Path

import moodhood

ROOT = Path(__file__).resolve().parents[1]
CANONICAL = "https://github.com/moodhood/moodhood-python"


def test_version_comes_from_the_installed_distribution() -> None:
    assert moodhood.__version__ == version("moodhood")
    assert moodhood.__version__ == tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]


def test_installed_metadata_has_license_classifiers_and_urls() -> None:
    meta = metadata("moodhood")
    assert meta["License-Expression"] == "MIT"
    classifiers = set(meta.get_all("Classifier") or [])
    assert {f"Programming Language :: Python :: 3.{minor}" for minor in (11, 12, 13, 14)} <= classifiers
    assert "Typing :: Typed" in classifiers
    urls = dict(entry.split(", ", 1) for entry in meta.get_all("Project-URL") or [])
    assert set(urls) == {"Homepage", "Documentation", "Repository", "Issues", "Changelog"}
    assert all(u.startswith(CANONICAL) for k, u in urls.items() if k != "Documentation")


def test_readme_links_are_absolute() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    links = re.findall(r"\]\(([^)]+)\)", readme)
    assert links, "README has no links at all"
    relative = [link for link in links if not link.startswith(("https://", "http://", "#"))]
    assert relative == []
    github = [link for link in links if "github.com" in link]
    assert all(link.startswith(CANONICAL + "/") for link in github)


def test_changelog_follows_keep_a_changelog() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## \[([^\]]+)\]", text, re.M)
    assert headings[0] == "Unreleased" and moodhood.__version__ in headings
    for name in headings:
        assert re.search(rf"^\[{re.escape(name)}\]: {re.escape(CANONICAL)}/", text, re.M), name
    sections = set(re.findall(r"^### (\w+)", text, re.M))
    assert sections <= {"Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"}
