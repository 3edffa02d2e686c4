"""Compare two OpenAPI documents operation by operation and flag what breaks existing callers.

Breaking, from the point of view of code written against the old generated client:

- an operation removed, a documented 2xx response removed;
- a response field removed, its type changed, no longer required, or given new enum values (the
  generated ``Enum`` classes reject values they do not know);
- a request field or parameter newly required, removed, or its type changed; request enum values removed.

Everything else that differs is listed as a plain note. :func:`overlay_issues` checks our overlay against a
pulled spec: actions that select nothing any more, and actions that restate a value the spec now gives
differently.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from _regen_spec import normalise

__all__ = [
    "OperationChange",
    "OverlayIssue",
    "SpecDiff",
    "diff_specs",
    "overlay_issues",
    "render_overlay_issues",
]

_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_MAX_DEPTH = 12


@dataclass(frozen=True)
class OperationChange:
    """One operation that was added, removed or changed."""

    kind: str  # "added", "removed" or "changed"
    method: str
    path: str
    operation_id: str | None = None
    notes: tuple[str, ...] = ()
    breaking: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """``"METHOD /path"``."""
        return f"{self.method.upper()} {self.path}"


@dataclass(frozen=True)
class SpecDiff:
    """The operation-level difference between two specs."""

    changes: tuple[OperationChange, ...] = ()
    operations: int = 0  # operations in the new spec

    def of_kind(self, kind: str) -> tuple[OperationChange, ...]:
        """The changes of one kind: ``"added"``, ``"removed"`` or ``"changed"``."""
        return tuple(change for change in self.changes if change.kind == kind)

    @property
    def added(self) -> tuple[OperationChange, ...]:
        return self.of_kind("added")

    @property
    def removed(self) -> tuple[OperationChange, ...]:
        return self.of_kind("removed")

    @property
    def changed(self) -> tuple[OperationChange, ...]:
        return self.of_kind("changed")

    @property
    def breaking(self) -> tuple[OperationChange, ...]:
        """The changes that break callers of the old client."""
        return tuple(change for change in self.changes if change.breaking)

    def render(self) -> str:
        """A plain-text report, one operation per line and indented details."""
        if not self.changes:
            return f"API operations: no changes ({self.operations} operations)"
        head = (
            f"API operations: {len(self.added)} added, {len(self.removed)} removed, "
            f"{len(self.changed)} changed; {len(self.breaking)} BREAKING "
            f"({self.operations} operations in the new spec)"
        )
        lines = [head]
        marks = {"added": "+", "removed": "-", "changed": "~"}
        for change in self.changes:
            label = f"  {marks[change.kind]} {change.key}"
            if change.operation_id:
                label += f"  ({change.operation_id})"
            if change.breaking:
                label += "  BREAKING"
            lines.append(label)
            lines += [f"      BREAKING: {reason}" for reason in change.breaking]
            lines += [f"      {note}" for note in change.notes]
        return "\n".join(lines)


def _pointer(root: Any, ref: str) -> Any:
    node = root
    for raw in ref[2:].split("/"):
        part = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, Mapping) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return None
    return node


def _deref(root: Any, node: Any, seen: tuple[str, ...] = ()) -> Any:
    """Inline every local ``$ref`` (a cycle is left as a ``$ref``)."""
    if isinstance(node, Mapping):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/") and ref not in seen:
            target = _pointer(root, ref)
            if isinstance(target, Mapping):
                siblings = {key: value for key, value in node.items() if key != "$ref"}
                return _deref(root, {**target, **siblings}, (*seen, ref))
        return {key: _deref(root, value, seen) for key, value in node.items()}
    if isinstance(node, list):
        return [_deref(root, item, seen) for item in node]
    return node


def _operations(spec: Mapping[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    ops: dict[tuple[str, str], dict[str, Any]] = {}
    paths = spec.get("paths") or {}
    for path in sorted(paths, key=str):
        item = _deref(spec, paths[path])
        if not isinstance(item, dict):
            continue
        shared = [p for p in item.get("parameters") or [] if isinstance(p, dict)]
        for method in _METHODS:
            op = item.get(method)
            if not isinstance(op, dict):
                continue
            params = {(p.get("in"), p.get("name")): p for p in shared}
            params.update(
                {(p.get("in"), p.get("name")): p for p in op.get("parameters") or [] if isinstance(p, dict)}
            )
            ops[(method, str(path))] = {**op, "parameters": params}
    return ops


@dataclass(frozen=True)
class _Field:
    required: bool  # required at every level from the body's root
    kind: str
    enum: frozenset[str]


def _kind(schema: Any) -> str:
    if not isinstance(schema, Mapping):
        return "any"
    if "$ref" in schema:
        return "ref " + str(schema["$ref"]).rsplit("/", 1)[-1]
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = "|".join(sorted(str(k) for k in kind))
    if kind is None:
        kind = "object" if "properties" in schema or "allOf" in schema else "any"
    return f"{kind}({schema['format']})" if "format" in schema else str(kind)


def _fields(schema: Any, prefix: str = "", chain: bool = True, depth: int = 0) -> dict[str, _Field]:
    """Flatten a resolved schema into ``{"a.b[].c": _Field}``."""
    out: dict[str, _Field] = {}
    if not isinstance(schema, Mapping) or depth > _MAX_DEPTH:
        return out
    parts = [schema, *[p for p in schema.get("allOf") or [] if isinstance(p, Mapping)]]
    props: dict[str, Any] = {}
    required: set[str] = set()
    for part in parts:
        props.update(part.get("properties") or {})
        required.update(str(name) for name in part.get("required") or [])
    for name, sub in props.items():
        path = f"{prefix}.{name}" if prefix else str(name)
        needed = chain and name in required
        enum = frozenset(str(v) for v in sub.get("enum") or []) if isinstance(sub, Mapping) else frozenset()
        out[path] = _Field(needed, _kind(sub), enum)
        out.update(_fields(sub, path, needed, depth + 1))
    items = schema.get("items")
    if isinstance(items, Mapping):
        out.update(_fields(items, f"{prefix}[]", chain, depth + 1))
    for variant in [*(schema.get("oneOf") or []), *(schema.get("anyOf") or [])]:
        for path, found in _fields(variant, prefix, False, depth + 1).items():
            out.setdefault(path, found)
    return out


def _body_schema(holder: Any) -> Any:
    content = holder.get("content") if isinstance(holder, Mapping) else None
    if not isinstance(content, Mapping) or not content:
        return None
    for media in ("application/json", *sorted(c for c in content if "json" in c), *content):
        if media in content and isinstance(content[media], Mapping):
            return content[media].get("schema")
    return None


def _compare_params(
    old: Mapping[Any, Any], new: Mapping[Any, Any], notes: list[str], breaking: list[str]
) -> None:
    for key in sorted(old.keys() | new.keys(), key=str):
        where, name = key
        label = f"{where} parameter {name}"
        before, after = old.get(key), new.get(key)
        if after is None:
            breaking.append(f"{label} removed")
        elif before is None:
            (breaking if after.get("required") else notes).append(
                f"{label} added"
                + (" (required: request field newly required)" if after.get("required") else "")
            )
        else:
            if after.get("required") and not before.get("required"):
                breaking.append(f"{label} newly required")
            if _kind(before.get("schema")) != _kind(after.get("schema")):
                breaking.append(
                    f"{label} type changed: {_kind(before.get('schema'))} -> {_kind(after.get('schema'))}"
                )


def _compare_request(old: Any, new: Any, notes: list[str], breaking: list[str]) -> None:
    if not old and not new:
        return
    if not new:
        breaking.append("request body removed")
        return
    if not old:
        (breaking if new.get("required") else notes).append(
            "request body added" + (" (required)" if new.get("required") else "")
        )
    elif new.get("required") and not old.get("required"):
        breaking.append("request body newly required")
    before, after = _fields(_body_schema(old)) if old else {}, _fields(_body_schema(new))
    for path in sorted(before.keys() | after.keys()):
        was, now = before.get(path), after.get(path)
        if now is None:
            breaking.append(f"request field removed: {path}")
        elif now.required and (was is None or not was.required):
            breaking.append(f"request field newly required: {path}")
        elif was is None:
            notes.append(f"request field added: {path}")
        if was is not None and now is not None:
            if was.kind != now.kind:
                breaking.append(f"request field type changed: {path}: {was.kind} -> {now.kind}")
            if was.enum - now.enum:
                breaking.append(
                    f"request field {path} lost enum values: {', '.join(sorted(was.enum - now.enum))}"
                )
            if now.enum - was.enum and was.enum:
                notes.append(
                    f"request field {path} gained enum values: {', '.join(sorted(now.enum - was.enum))}"
                )


def _compare_responses(
    old: Mapping[str, Any], new: Mapping[str, Any], notes: list[str], breaking: list[str]
) -> None:
    for status in sorted(old.keys() | new.keys(), key=str):
        code = str(status)
        if status not in new:
            (breaking if code.startswith("2") else notes).append(f"response {code} removed")
            continue
        if status not in old:
            notes.append(f"response {code} added")
            continue
        before, after = _fields(_body_schema(old[status])), _fields(_body_schema(new[status]))
        for path in sorted(before.keys() | after.keys()):
            was, now = before.get(path), after.get(path)
            if now is None:
                breaking.append(f"response {code} field removed: {path}")
            elif was is None:
                notes.append(f"response {code} field added: {path}")
            else:
                if was.kind != now.kind:
                    breaking.append(f"response {code} field type changed: {path}: {was.kind} -> {now.kind}")
                if was.required and not now.required:
                    breaking.append(f"response {code} field no longer required: {path}")
                if now.enum - was.enum and was.enum:
                    added = ", ".join(sorted(now.enum - was.enum))
                    breaking.append(
                        f"response {code} field {path} gained enum values: {added} (generated Enum rejects)"
                    )
                if was.enum - now.enum:
                    lost = ", ".join(sorted(was.enum - now.enum))
                    notes.append(f"response {code} field {path} lost enum values: {lost}")


def _changed(method: str, path: str, old: dict[str, Any], new: dict[str, Any]) -> OperationChange | None:
    if old == new:
        return None
    notes: list[str] = []
    breaking: list[str] = []
    if old.get("operationId") != new.get("operationId"):
        breaking.append(f"operationId renamed: {old.get('operationId')} -> {new.get('operationId')}")
    _compare_params(old["parameters"], new["parameters"], notes, breaking)
    _compare_request(old.get("requestBody"), new.get("requestBody"), notes, breaking)
    _compare_responses(old.get("responses") or {}, new.get("responses") or {}, notes, breaking)
    if old.get("security") != new.get("security"):
        notes.append("security requirements changed")
    if not notes and not breaking:
        notes.append("descriptions or other details changed")
    return OperationChange("changed", method, path, new.get("operationId"), _dedupe(notes), _dedupe(breaking))


def _dedupe(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def diff_specs(old: Mapping[str, Any] | None, new: Mapping[str, Any]) -> SpecDiff:
    """Compare ``old`` (``None`` or ``{}`` for no previous spec) with ``new``."""
    before, after = _operations(normalise(old or {})), _operations(normalise(new))
    changes: list[OperationChange] = []
    order = sorted(before.keys() | after.keys(), key=lambda k: (k[1], _METHODS.index(k[0])))
    for method, path in order:
        was, now = before.get((method, path)), after.get((method, path))
        if was is None and now is not None:
            changes.append(OperationChange("added", method, path, now.get("operationId")))
        elif now is None and was is not None:
            changes.append(
                OperationChange("removed", method, path, was.get("operationId"), (), ("operation removed",))
            )
        elif was is not None and now is not None and (change := _changed(method, path, was, now)):
            changes.append(change)
    return SpecDiff(tuple(changes), len(after))


# --- the overlay against a pulled spec ------------------------------------------------------------------

# Keywords whose value the overlay states as a fact about the API: a live spec that says otherwise wins, and
# the report names the action, so that the overlay can be brought in line.
_FACT_KEYS = (
    "type", "format", "pattern", "enum", "nullable", "minLength", "maxLength", "minimum", "maximum",
    "exclusiveMinimum", "exclusiveMaximum", "minItems", "maxItems", "default", "required",
    "operationId", "security",
)  # fmt: skip


@dataclass(frozen=True)
class OverlayIssue:
    """An overlay action that no longer fits the spec: ``unmatched`` or ``contradicted``."""

    kind: str
    label: str
    detail: str = ""

    def render(self) -> str:
        what = "matches nothing in the pulled spec" if self.kind == "unmatched" else "is contradicted"
        return f"  ! {self.label} {what}" + (f": {self.detail}" if self.detail else "")


def _contradictions(node: Any, update: Any, where: str = "") -> list[str]:
    if not (isinstance(node, Mapping) and isinstance(update, Mapping)):
        return []
    found = []
    for key, value in update.items():
        if key not in node:
            continue
        here = f"{where}.{key}" if where else str(key)
        if key in _FACT_KEYS and node[key] != value:
            found.append(f"the spec says {here}={node[key]!r}, the overlay {value!r}")
        elif isinstance(value, Mapping):
            found += _contradictions(node[key], value, here)
    return found


def overlay_issues(spec: Mapping[str, Any], overlay: Mapping[str, Any]) -> list[OverlayIssue]:
    """The actions of ``overlay`` that select nothing in ``spec``, or whose update changes a value that
    ``spec`` already states differently (a constraint, a type, an operationId...)."""
    import jsonpath

    from moodhood._overlay import apply_overlay

    issues = [OverlayIssue("unmatched", action.label()) for action in apply_overlay(spec, overlay).unmatched]
    document = dict(spec)
    for index, action in enumerate(overlay.get("actions") or []):
        update = action.get("update") if isinstance(action, Mapping) else None
        if not isinstance(update, Mapping):
            continue
        label = f"action {index} ({action['target']})"
        if action.get("description"):
            label += f": {action['description']}"
        for match in jsonpath.finditer(action["target"], document):
            for detail in _contradictions(match.obj, update):
                issues.append(OverlayIssue("contradicted", label, detail))
    return issues


def render_overlay_issues(issues: Iterable[OverlayIssue], actions: int) -> str:
    """The overlay part of the pull report."""
    issues = list(issues)
    if not issues:
        return f"Overlay: all {actions} actions still apply"
    lines = [f"Overlay: {len(issues)} of {actions} actions need a look (openapi/overlay.yaml)"]
    return "\n".join(lines + [issue.render() for issue in issues])
