"""Every decision the code cites (``D<n>``) is written in docs/decisions.md, and nothing cites a document
outside the repository (the shared API notes and their ``§`` sections stay out)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DECISIONS = ROOT / "docs" / "decisions.md"
CITING = ("moodhood", "scripts", "tests", "openapi", "docs")
SUFFIXES = {".py", ".md", ".yaml", ".yml", ".toml", ".mjs", ".cfg", ".txt"}
REFERENCE = re.compile(r"(?<![\w-])D(\d{1,3})(?!\w)")
OUTSIDE_DOCS = r"moodhood-api\.md|design\.md|/work/shared"
OUTSIDE = {top: re.compile(r"§|" + OUTSIDE_DOCS) for top in ("moodhood", "scripts", "tests")}
OUTSIDE["docs"] = re.compile(OUTSIDE_DOCS)  # docs may use § for their own sections


def _files() -> list[Path]:
    found = [ROOT / "README.md"]
    for top in CITING:
        found += [p for p in sorted((ROOT / top).rglob("*")) if p.is_file() and p.suffix in SUFFIXES]
    return [p for p in found if ".venv" not in p.parts and "cassettes" not in p.parts]


def _decisions() -> dict[int, str]:
    headings = re.findall(r"^### D(\d+): (.+)$", DECISIONS.read_text(encoding="utf-8"), re.MULTILINE)
    return {int(number): title for number, title in headings}


def test_decisions_are_numbered_d1_to_d21_each_once_with_a_source() -> None:
    text = DECISIONS.read_text(encoding="utf-8")
    numbers = [int(n) for n in re.findall(r"^### D(\d+):", text, re.MULTILINE)]
    assert numbers == list(range(1, 22))
    for section in re.split(r"^### ", text, flags=re.MULTILINE)[1:]:
        assert "*Source:" in section, section.splitlines()[0]


def test_every_cited_decision_exists() -> None:
    known = _decisions()
    missing = {
        f"{path.relative_to(ROOT)}: D{number}"
        for path in _files()
        if path not in (DECISIONS, Path(__file__).resolve())
        for number in REFERENCE.findall(path.read_text(encoding="utf-8", errors="replace"))
        if int(number) not in known
    }
    assert not missing, sorted(missing)


def test_the_check_sees_citations() -> None:
    texts = [p.read_text(errors="replace") for p in _files() if p != DECISIONS]
    cited = {int(n) for text in texts for n in REFERENCE.findall(text)}
    assert {2, 5, 14} <= cited  # the scan really reads the code (the auth core cites these)
    assert REFERENCE.findall("see D22, not AD3 or D4x") == ["22"]


@pytest.mark.parametrize("top", ["moodhood", "scripts", "tests", "docs"])
def test_nothing_cites_a_document_outside_the_repository(top: str) -> None:
    this = Path(__file__).resolve()
    offenders = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in _files()
        if path.is_relative_to(ROOT / top) and path != this
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1)
        if OUTSIDE[top].search(line)
    ]
    assert not offenders, offenders
