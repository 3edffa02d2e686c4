"""The model template on property kinds ``openapi/moodhood.yaml`` does not use yet (a pulled spec may):
``tests/models/fixtures/kinds.yaml`` is generated with the project's settings and templates into a temporary
folder, checked with ``mypy --strict`` and imported as ``kinds_api``."""

from __future__ import annotations

import importlib
import importlib.util
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.openapi.conftest import REPO, SCRIPTS

pytestmark = pytest.mark.timeout(300)  # a generation and a mypy run; the machine may be busy

UUID = "0b8f9a52-3c1e-4d7a-9f7e-2a6c5b4d3e21"
MINIMAL = {"id": UUID, "when": "2026-01-02", "tags": ["a"], "maybe": None}


@pytest.fixture(scope="module")
def kinds_package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    if str(SCRIPTS) not in sys.path:
        sys.path.insert(0, str(SCRIPTS))
    codegen = importlib.import_module("_regen_codegen")
    spec = Path(__file__).resolve().parent / "fixtures" / "kinds.yaml"
    config, templates = REPO / "openapi" / "codegen.yaml", REPO / codegen.TEMPLATES
    folder, warnings = codegen.generate_package(spec, config, tmp_path_factory.mktemp("kinds"), templates)
    assert warnings == []
    yield folder


@pytest.fixture(scope="module")
def models(kinds_package: Path) -> Iterator[Any]:
    spec = importlib.util.spec_from_file_location(
        "kinds_api", kinds_package / "__init__.py", submodule_search_locations=[str(kinds_package)]
    )
    assert spec is not None and spec.loader is not None
    sys.modules["kinds_api"] = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(sys.modules["kinds_api"])
        yield importlib.import_module("kinds_api.models")
    finally:
        for name in [n for n in sys.modules if n == "kinds_api" or n.startswith("kinds_api.")]:
            del sys.modules[name]


def test_the_generated_package_is_mypy_strict_clean(kinds_package: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", kinds_package.name],
        cwd=kinds_package.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_kind_round_trips(models: Any) -> None:
    body = {
        **MINIMAL,
        "level": 2,
        "color": "red",
        "colors": ["green", "red"],
        "either": 5,
        "child": {"name": "c", "parent": {**MINIMAL, "maybe": "m"}},
        "kids": [{"name": "k"}],
        "counts": [1, 2],
        "free": {"a": [1]},
        "ratio": 0.5,
        "stamp": "2026-11-29T23:30:00+00:00",
        "meta": {"x": 1},
    }
    thing = models.Thing.from_dict(body)
    assert thing.to_dict() == body
    assert models.Thing.from_dict(thing.to_dict()) == thing
    assert thing.child.parent.maybe == "m"  # the reference cycle Thing -> Child -> Thing
    assert str(thing.id) == UUID and type(thing.id).__name__ == "UUID"  # uuid: the generator's own code


def test_unknown_enum_values_in_lists_are_tolerated(models: Any) -> None:
    thing = models.Thing.from_dict({**MINIMAL, "colors": ["red", "teal"], "color": "navy"})
    assert thing.colors[1] == "teal" and isinstance(thing.colors[1], models.Color)
    assert thing.to_dict()["colors"] == ["red", "teal"] and thing.to_dict()["color"] == "navy"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("colors", ["red", 3], "Thing.colors[]: expected a string, got int"),
        ("counts", [1, True], "Thing.counts[]: expected an integer, got bool"),
        ("tags", "a", "Thing.tags: expected a JSON array, got str"),
        ("maybe", 1, "Thing.maybe: expected a string or null, got int"),
        ("ratio", "1", "Thing.ratio: expected a number or null, got str"),
        ("child", [], "Thing.child: expected a JSON object or null, got list"),
        ("when", "2026-02-30", "Thing.when: expected an ISO 8601 date string, got a string that is not one"),
    ],
)
def test_wrong_types_name_the_field(models: Any, field: str, value: Any, message: str) -> None:
    with pytest.raises((TypeError, ValueError)) as info:
        models.Thing.from_dict({**MINIMAL, field: value})
    assert str(info.value) == message


def test_a_schema_without_additional_properties_drops_unknown_keys(models: Any) -> None:
    thing = models.Thing.from_dict({**MINIMAL, "dropped": 1})
    assert not hasattr(thing, "additional_properties") and "dropped" not in thing.to_dict()


def test_absent_optionals_and_nulls(models: Any) -> None:
    unset = importlib.import_module("kinds_api.types").UNSET
    child = models.Child.from_dict({"name": "c", "extra": None})
    assert child.parent is unset and child.additional_properties == {"extra": None}
    thing = models.Thing.from_dict({**MINIMAL, "child": None, "stamp": None})
    assert thing.child is None and thing.stamp is None and thing.color is unset
