"""Check built distributions: the wheel's metadata (license, classifiers, URLs) and contents.

    python scripts/check_dist.py DIST_DIR      # exit 1 with one line per problem

Run by .ci/run after ``python -m build``; ``twine check --strict`` covers the README rendering.
"""

from __future__ import annotations

import sys
import tarfile
import zipfile
from email.parser import Parser
from pathlib import Path

PYTHONS = ("3.11", "3.12", "3.13", "3.14")
URLS = ("Homepage", "Documentation", "Repository", "Issues", "Changelog")
CANONICAL = "https://github.com/moodhood/moodhood-python"


def wheel_problems(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        (metadata_name,) = [n for n in names if n.endswith(".dist-info/METADATA")]
        meta = Parser().parsestr(archive.read(metadata_name).decode("utf-8"))
    problems = []
    if meta["License-Expression"] != "MIT":
        problems.append(f"License-Expression is {meta['License-Expression']!r}, not 'MIT'")
    if not any(n.endswith(".dist-info/licenses/LICENSE") for n in names):
        problems.append("the wheel does not ship LICENSE")
    classifiers = set(meta.get_all("Classifier") or [])
    wanted = {f"Programming Language :: Python :: {v}" for v in PYTHONS} | {"Typing :: Typed"}
    problems += [f"missing classifier {c!r}" for c in sorted(wanted - classifiers)]
    urls = dict(u.split(", ", 1) for u in meta.get_all("Project-URL") or [])
    problems += [f"missing Project-URL {label}" for label in URLS if label not in urls]
    problems += [
        f"Project-URL {k} is not on {CANONICAL}"
        for k, v in urls.items()
        if "github.com" in v and not v.startswith(CANONICAL)
    ]
    if not meta.get_all("Author") and not meta.get("Author-email"):
        problems.append("no author")
    if not meta.get("Keywords"):
        problems.append("no keywords")
    for package in ("moodhood", "moodhood_api"):
        if f"{package}/py.typed" not in names:
            problems.append(f"{package}/py.typed missing")
    problems += [
        f"{n} should not be in the wheel" for n in names if n.startswith(("tests/", "examples/", "docs/"))
    ]
    return problems


def sdist_problems(sdist: Path) -> list[str]:
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    return [
        f"the sdist lacks {n}"
        for n in ("LICENSE", "CHANGELOG.md", "examples/webapp/app.py")
        if n not in names
    ]


def main(argv: list[str]) -> int:
    dist = Path(argv[1]) if len(argv) > 1 else Path("dist")
    wheels, sdists = sorted(dist.glob("*.whl")), sorted(dist.glob("*.tar.gz"))
    if len(wheels) != 1 or len(sdists) != 1:
        print(f"expected one wheel and one sdist in {dist}, found {len(wheels)} and {len(sdists)}")
        return 1
    problems = wheel_problems(wheels[0]) + sdist_problems(sdists[0])
    for problem in problems:
        print(problem)
    if not problems:
        print(f"{wheels[0].name}: license, classifiers, URLs and contents ok")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
