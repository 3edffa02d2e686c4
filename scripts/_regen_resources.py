"""Render ``moodhood/_resources.py``: the typed resources (``mh.rooms.create(...)``), sync and async.

Input: the overlaid spec (names from ``_regen_names``) and openapi-python-client's own parse of it (the same
``GeneratorData`` its templates see), so every type, module and model name matches ``moodhood_api``.
Each operation becomes one method per flavour that:

- takes path parameters positionally (``str``), query parameters and request-body fields keyword-only with
  their types (an enum as ``Literal[<values>] | TheEnum``; optional ones default to ``UNSET``), or the whole
  body model as ``body=`` (two overloads), then the per-call options of ``CALL_OPTIONS``;
- checks its arguments (a clear ``TypeError``/``ValueError`` before any I/O), builds the model, and sends the
  generated ``sync_detailed``/``asyncio_detailed`` through the client's ``_send`` under one ``call_state``;
- returns the success model, ``None``, ``str`` (a text body or a redirect's ``Location``) or ``bytes``;
  an operation whose response media type is chosen by an enum query parameter (``format=json|xlsx``) gets one
  overload per value, and non-JSON answers send their media type in ``Accept``.

The output lives in the ``moodhood`` package because it depends on the client (per-call options, errors);
imports run one way, ``moodhood -> moodhood_api``, and ``moodhood_api`` is imported lazily inside each method
so ``import moodhood`` stays light. Output is plain text: the caller formats it with the pinned ruff.
"""

from __future__ import annotations

import keyword
import re
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from _regen_common import RegenError
from _regen_names import NamedOperation, operation_names

__all__ = ["CALL_OPTIONS", "RESOURCES_FILE", "TYPES_FILE", "CallOption", "render_resources"]

RESOURCES_FILE = Path("moodhood") / "_resources.py"
TYPES_FILE = Path("moodhood") / "types.py"


@dataclass(frozen=True)
class CallOption:
    """A per-call option every resource method takes and hands to ``call_state`` by name."""

    name: str
    annotation: str
    default: str


CALL_OPTIONS: tuple[CallOption, ...] = (
    CallOption("timeout", "TimeoutTypes | NotGiven", "NOT_GIVEN"),
    CallOption("max_retries", "int | None", "None"),
    CallOption("retry_post", "bool", "False"),
)
"""The one list of per-call options: a new option of ``call_state`` is one more line here."""

_JSON = "application/json"
_DOC_WIDTH = 108  # the project's line length (110) less the closing quotes' room


@dataclass
class _Arg:
    public: str  # the keyword the user writes
    target: str  # the generated function's or model's parameter
    annotation: str  # the full annotation in the method signature
    required: bool
    enum: str | None = None  # enum class to convert a literal into


@dataclass
class _Method:
    op: NamedOperation
    summary: str
    description: str
    module: str  # moodhood_api.api.<tag>
    function: str  # <operation module>
    path: list[_Arg] = field(default_factory=list)
    query: list[_Arg] = field(default_factory=list)
    fields: list[_Arg] = field(default_factory=list)
    body_model: str | None = None  # fields + body= overloads
    body_type: str | None = None  # body= only (a non-model body)
    body_required: bool = False
    returns: str = "None"
    accept: str | None = None
    loose: bool = False  # the generated function types this success as Any (a redirect): cast to ``returns``
    media: list[tuple[str, str, str, str]] = field(default_factory=list)  # (enum value, member, media, kind)
    media_arg: _Arg | None = None


def _text(value: object) -> str:
    raw = value.get_untrusted_value() if hasattr(value, "get_untrusted_value") else value
    return str(raw or "").strip()


def _code(value: object) -> str:
    """The text of a type the generator produced (its ``PythonCode`` wrapper, or a plain string)."""
    unwrap = getattr(value, "as_unembedded_code", None)
    return str(unwrap() if unwrap is not None else value)


def _public(python_name: str, taken: set[str]) -> str:
    name = python_name.rstrip("_") if python_name.endswith("_") else python_name
    if not name or keyword.iskeyword(name) or name in taken:
        name = f"{name}_"
    while name in taken:
        name = f"{name}_"
    taken.add(name)
    return name


def _arg(prop: Any, taken: set[str], names: set[str]) -> _Arg:
    from openapi_python_client.parser.properties import EnumProperty

    annotation = _code(prop.get_type_string())
    enum = None
    if isinstance(prop, EnumProperty):
        enum = str(prop.class_info.name)
        literal = ", ".join(repr(v) for v in prop.values.values())
        annotation = annotation.replace(enum, f"Literal[{literal}] | {enum}", 1)
    names.update(_names_in(annotation))
    required = bool(prop.required)
    return _Arg(_public(str(prop.python_name), taken), str(prop.python_name), annotation, required, enum)


def _names_in(annotation: str) -> set[str]:
    annotation = re.sub(r"'[^']*'|\"[^\"]*\"", "", annotation)  # literal values are not names
    words = set(re.findall(r"[A-Za-z_][A-Za-z0-9_.]*", annotation))
    builtin = {"str", "int", "float", "bool", "None", "Literal", "list", "dict", "Any", "bytes", "Unset"}
    return {w for w in words if w not in builtin and not w.startswith("datetime.")} | (
        {"datetime"} if "datetime." in annotation else set()
    )


def _success_returns(endpoint: Any, names: set[str]) -> tuple[str, bool]:
    kinds: list[str] = []
    loose = False
    for response in endpoint.responses:
        code = str(response.status_code.pattern) if hasattr(response.status_code, "pattern") else ""
        code = code or str(response.status_code)
        digits = "".join(ch for ch in code if ch.isdigit())
        if not digits or digits[0] not in "23":
            continue
        source = response.source.get("return_type") if isinstance(response.source, dict) else None
        text = _code(response.prop.get_type_string(no_optional=True))
        if digits[0] == "3":
            kind = "str"  # the Location the redirect points to (never followed)
            loose = True
        elif source == "None" or text == "Any":
            kind = "None"
        else:
            kind = text
        if kind not in kinds:
            kinds.append(kind)
    names.update(_names_in(" ".join(kinds)))
    if not kinds:
        return "None", False
    if len(kinds) > 1 and "None" in kinds:
        kinds = [k for k in kinds if k != "None"] + ["None"]
    return " | ".join(kinds), loose


def _success_content(op: Mapping[str, Any], components: Mapping[str, Any]) -> dict[str, Any]:
    for code, response in sorted((op.get("responses") or {}).items(), key=lambda kv: str(kv[0])):
        if not str(code).startswith("2"):
            continue
        if isinstance(response, Mapping) and "$ref" in response:
            response = components.get(str(response["$ref"]).rsplit("/", 1)[-1], {})
        content = response.get("content") if isinstance(response, Mapping) else None
        if isinstance(content, Mapping) and content:
            return dict(content)
    return {}


def _media_kind(media: str, schema: Any) -> str:
    if media == _JSON or media.endswith("+json"):
        return "json"
    if media.startswith("text/"):
        return "text"
    return "bytes"


def _match_media(values: list[str], content: dict[str, Any]) -> dict[str, str] | None:
    """Map each enum value to a media type: exact subtype (``json`` -> ``application/json``), ``+suffix``,
    then elimination when exactly one value and one media type remain."""
    left = sorted(content)
    found: dict[str, str] = {}
    for value in values:
        for media in left:
            subtype = media.split("/", 1)[-1].split(";")[0]
            if subtype == value or subtype.endswith(f"+{value}"):
                found[value] = media
                left.remove(media)
                break
    rest = [v for v in values if v not in found]
    if len(rest) == 1 and len(left) == 1:
        found[rest[0]] = left[0]
    return found if len(found) == len(values) else None


def _method(named: NamedOperation, endpoint: Any, op: Mapping[str, Any], spec: Mapping[str, Any]) -> _Method:
    from openapi_python_client.parser.properties import EnumProperty, ModelProperty

    tag = str(endpoint.tags[0]) if endpoint.tags else "default"
    names: set[str] = set()
    method = _Method(
        named,
        _text(endpoint.summary),
        _text(endpoint.description),
        f"moodhood_api.api.{tag}",
        str(endpoint.name),
    )
    taken = {"self", "body", *(o.name for o in CALL_OPTIONS)}
    method.path = [_arg(p, taken, names) for p in endpoint.path_parameters]
    for p in method.path:
        p.public = p.target  # positional-only: the name is documentation
    method.query = [_arg(p, taken, names) for p in endpoint.query_parameters]
    method.query += [_arg(p, taken, names) for p in endpoint.header_parameters if p.required]
    if len(endpoint.bodies) == 1:
        body = endpoint.bodies[0]
        prop = body.prop
        method.body_required = bool(prop.required)
        if isinstance(prop, ModelProperty) and str(body.body_type) == "json":
            method.body_model = str(prop.class_info.name)
            names.add(method.body_model)
            props = list(prop.required_properties or []) + list(prop.optional_properties or [])
            method.fields = [_arg(p, taken, names) for p in props]
            if not method.body_required:
                for f in method.fields:
                    f.required = False
        else:
            method.body_type = _code(prop.get_type_string(no_optional=True))
            names.update(_names_in(method.body_type))
    elif endpoint.bodies:
        raise RegenError(f"{named.qualname}: several request media types are not supported by the renderer")
    method.returns, method.loose = _success_returns(endpoint, names)
    components = (spec.get("components") or {}).get("responses") or {}
    content = _success_content(op, components)
    if len(content) == 1:
        media = next(iter(content))
        if _media_kind(media, content[media]) != "json":
            method.accept = media
    elif len(content) > 1:
        for prop, arg in zip(endpoint.query_parameters, method.query, strict=False):
            if isinstance(prop, EnumProperty) and prop.required:
                values = [str(v) for v in prop.values.values()]
                matched = _match_media(values, content)
                if matched:
                    members = {str(v): str(k) for k, v in prop.values.items()}
                    method.media = [
                        (v, members[v], matched[v], _media_kind(matched[v], content[matched[v]]))
                        for v in values
                    ]
                    method.media_arg = arg
                    break
    method.names = names  # type: ignore[attr-defined]
    return method


def _doc(method: _Method, indent: str) -> list[str]:
    text = method.summary or method.op.qualname
    if not text.endswith("."):
        text += "."
    body = [text]
    if method.description:
        body += ["", *method.description.splitlines()]
    return _doc_lines("\n".join(body), indent)


def _reflow(text: str) -> list[str]:
    """Join the spec's hard-wrapped lines into one line per paragraph or list item."""
    joined: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        starts_item = re.match(r"([-*|]|\d+\.)\s", stripped) is not None
        if stripped and joined and joined[-1] and not starts_item and not joined[-1].startswith("|"):
            joined[-1] += " " + stripped
        else:
            joined.append(stripped)
    return joined


def _doc_lines(text: str, indent: str) -> list[str]:
    body = _reflow(text)
    body = [line.replace("\\", "\\\\").replace('"""', '\\"\\"\\"').rstrip() for line in body]
    width = _DOC_WIDTH - len(indent)
    body = [
        part
        for line in body
        for part in (
            textwrap.wrap(line, width, subsequent_indent="  " if re.match(r"[-*]\s", line) else "") or [""]
        )
    ]
    lines = [f'{indent}"""{body[0]}']
    lines += [f"{indent}{line}" if line else "" for line in body[1:]]
    if len(body) > 1:
        lines.append(f'{indent}"""')
    else:
        lines[-1] += '"""'
    return lines


def _signature(
    method: _Method, name: str, is_async: bool, args: list[str], returns: str, overload: bool
) -> list[str]:
    head = "async def" if is_async else "def"
    params = ["self", *(f"{p.public}: {p.annotation}" for p in method.path)]
    if method.path:
        params.append("/")
    params.append("*")
    params += args
    params += [f"{o.name}: {o.annotation} = {o.default}" for o in CALL_OPTIONS]
    lines = ["    @overload"] if overload else []
    lines.append(f"    {head} {name}({', '.join(params)}) -> {returns}:{' ...' if overload else ''}")
    return lines


def _kw(arg: _Arg, optional: bool = False) -> str:
    if optional or not arg.required:
        annotation = arg.annotation if "Unset" in arg.annotation else f"{arg.annotation} | Unset"
        return f"{arg.public}: {annotation} = UNSET"
    return f"{arg.public}: {arg.annotation}"


def _convert(arg: _Arg) -> str:
    return f"enum_arg(_m.{arg.enum}, {arg.public})" if arg.enum else arg.public


def _render_method(method: _Method, is_async: bool) -> list[str]:
    name, qual = method.op.method, method.op.qualname
    lines: list[str] = []
    query = [_kw(a) for a in method.query]
    if method.media and method.media_arg is not None:
        arg = method.media_arg
        kinds = {"json": method.returns, "text": "str", "bytes": "bytes"}
        others = [_kw(a) for a in method.query if a is not arg]
        for value, member, _, kind in method.media:
            literal = f"{arg.public}: Literal[{value!r}, {arg.enum}.{member}]"
            lines += _signature(method, name, is_async, [*others, literal], kinds[kind], True)
        returns = " | ".join(dict.fromkeys(kinds[k] for *_, k in method.media))
        lines += _signature(method, name, is_async, query, returns, False)
    elif method.body_model:
        fields = [_kw(f) for f in method.fields]
        body_arg = f"body: {method.body_model}" + ("" if method.body_required else " | Unset = UNSET")
        lines += _signature(method, name, is_async, [*query, *fields], method.returns, True)
        lines += _signature(method, name, is_async, [*query, body_arg], method.returns, True)
        everything = [
            *query,
            f"body: {method.body_model} | Unset = UNSET",
            *(_kw(f, True) for f in method.fields),
        ]
        lines += _signature(method, name, is_async, everything, method.returns, False)
    else:
        extra = []
        if method.body_type:
            extra.append(f"body: {method.body_type}" + ("" if method.body_required else " | Unset = UNSET"))
        lines += _signature(method, name, is_async, [*query, *extra], method.returns, False)
    lines += _doc(method, "        ")
    lines += _body(method, is_async, qual)
    return lines


def _body(method: _Method, is_async: bool, qual: str) -> list[str]:
    out: list[str] = []
    for p in method.path:
        out.append(f"        if not (isinstance({p.public}, str) and {p.public}):")
        out.append(f"            raise bad_path_arg({qual!r}, {p.public!r}, {p.public})")
    needs_models = bool(
        method.body_model or method.media or any(a.enum for a in [*method.query, *method.fields])
    )
    if needs_models:
        out.append("        import moodhood_api.models as _m")
    out.append(f"        from {method.module} import {method.function} as _op")
    kwargs = [f"{a.target!r}: {_convert(a)}" for a in method.query]
    if method.body_model:
        fields = ", ".join(f.public for f in method.fields)
        required = [f for f in method.fields if f.required]
        build = ", ".join(f"{f.target}={_convert(f)}" for f in method.fields)
        out.append("        if isinstance(body, Unset):")
        if required:
            cond = " or ".join(f"isinstance({f.public}, Unset)" for f in required)
            out.append(f"            if {cond}:")
            given = ", ".join(f"{f.public}={f.public}" for f in required)
            out.append(f"                raise missing_args({qual!r}, {given})")
        out.append(f"            body = _m.{method.body_model}({build})")
        if method.fields:
            given = f"({fields},)" if len(method.fields) == 1 else f"({fields})"
            out.append(f"        elif any(v is not UNSET for v in {given}):")
            out.append(f"            raise body_and_fields({qual!r})")
        out.append(f"        elif not isinstance(body, _m.{method.body_model}):")
        out.append(f"            raise wrong_body({qual!r}, _m.{method.body_model}, body)")
        kwargs.append("'body': body")
    elif method.body_type:
        kwargs.append("'body': body")
    options = ", ".join(f"{o.name}={o.name}" for o in CALL_OPTIONS)
    names = [p.public for p in method.path]
    args = f"({names[0]},)" if len(names) == 1 else f"({', '.join(names)})"
    kw = "{" + ", ".join(kwargs) + "}"
    fn = "_op.asyncio_detailed" if is_async else "_op.sync_detailed"
    awaiting = "await " if is_async else ""
    if method.media and method.media_arg is not None:
        arg = method.media_arg
        out.append(f"        kwargs: dict[str, Any] = {kw}")
        out.append(f"        chosen = kwargs[{arg.target!r}]")
        for value, member, media, kind in method.media:
            if kind == "json":
                continue
            attr = "content" if kind == "bytes" else "text"
            out.append(f"        if chosen is _m.{arg.enum}.{member}:  # {value}")
            state = f"call_state({options}, accept={media!r})"
            send = f"{awaiting}self._client._send_raw(_op._get_kwargs(*{args}, **kwargs), {state})"
            out.append(f"            raw = {send}")
            out.append(f"            return raw.{attr}")
        json_media = next((m for _, _, m, k in method.media if k == "json"), _JSON)
        state = f"call_state({options}, accept={json_media!r})"
        out.append(f"        return {awaiting}self._client._send({fn}, {args}, kwargs, {state})")
        return out
    accept = f", accept={method.accept!r}" if method.accept else ""
    state = f"call_state({options}{accept})"
    call = f"{awaiting}self._client._send({fn}, {args}, {kw}, {state})"
    if method.loose:
        call = f"cast({method.returns!r}, {call})"
    out.append(f"        {call}" if method.returns == "None" else f"        return {call}")
    return out


def _class_name(resource: str, is_async: bool) -> str:
    base = "".join(part.capitalize() for part in resource.split("_"))
    return f"Async{base}" if is_async else base


def _shape(path: str) -> str:
    """The path with its parameter names blanked (the generator renames ``{spaceId}`` to ``{space_id}``)."""
    return re.sub(r"\{[^}]*\}", "{}", path)


def render_resources(spec: Mapping[str, Any], config: Path) -> dict[Path, str]:
    """The sources of ``moodhood/_resources.py`` and ``moodhood/types.py`` for the overlaid ``spec``
    (before formatting)."""
    from openapi_python_client.config import Config, ConfigFile, MetaType
    from openapi_python_client.parser import GeneratorData

    cfg = Config.from_sources(ConfigFile.load_from_path(config), MetaType.NONE, "spec", "utf-8", False, None)
    data = GeneratorData.from_dict(dict(spec), config=cfg)
    if not isinstance(data, GeneratorData):
        raise RegenError(f"openapi-python-client could not parse the spec: {data.header}")
    endpoints = {
        (str(ep.method).lower(), _shape(_text(ep.path))): ep
        for collection in data.endpoint_collections_by_tag.values()
        for ep in collection.endpoints
    }
    by_resource: dict[str, list[_Method]] = {}
    seen: set[str] = set()
    names: set[str] = set()
    for named in operation_names(spec):
        for part in (named.resource, named.method):
            if not part.isidentifier() or keyword.iskeyword(part) or part.startswith("_"):
                raise RegenError(f"{named.verb.upper()} {named.path}: {part!r} is not a usable name")
        if named.qualname in seen:
            raise RegenError(f"two operations are both named {named.qualname} (openapi/overlay.yaml)")
        seen.add(named.qualname)
        endpoint = endpoints.get((named.verb, _shape(named.path)))
        if endpoint is None:
            raise RegenError(f"{named.verb.upper()} {named.path}: not generated by openapi-python-client")
        op = spec["paths"][named.path][named.verb]
        method = _method(named, endpoint, op, spec)
        names |= method.names  # type: ignore[attr-defined]
        by_resource.setdefault(named.resource, []).append(method)
    classes = sorted({str(m.class_info.name) for m in [*data.models, *data.enums]})
    return {RESOURCES_FILE: _module(by_resource, sorted(names)), TYPES_FILE: _types_module(classes)}


_TYPES_DOC = '''"""Every model and enum of the MoodHood API, from one place.

    from moodhood.types import Room, RoomCreate, RoomType

These are the generated ``moodhood_api.models`` classes themselves (``moodhood.types.RoomType is
moodhood_api.models.RoomType``), so existing code keeps working. ``UNSET`` is the "not given" default of
optional model fields and resource arguments. Typical scripts need none of this: resource methods take
fields as keywords and enum values as their wire strings (``type="lesson"``). Importing this module loads
every model (about 25 ms), which ``import moodhood`` does not.

Generated by scripts/regenerate.py (the models of openapi/moodhood.yaml); do not edit.
"""'''


def _types_module(classes: list[str]) -> str:
    lines = [_TYPES_DOC, "", "from __future__ import annotations", "", "from moodhood_api.models import ("]
    lines += [f"    {name}," for name in classes]
    lines += [")", "from moodhood_api.types import UNSET, File, Unset", "", "__all__ = ["]
    everything = [*classes, "UNSET", "File", "Unset"]
    names = sorted(everything, key=lambda n: (not n.isupper(), not n[0].isupper(), n))  # ruff's RUF022 order
    lines += [f"    {name!r}," for name in names]
    lines += ["]"]
    return "\n".join(lines) + "\n"


def _module(by_resource: dict[str, list[_Method]], names: list[str]) -> str:
    models = [n for n in names if n not in {"datetime", "File", "Unset"}]
    lines = [
        '"""The typed resources of ``Moodhood`` and ``AsyncMoodhood`` (``mh.rooms.create(...)``).',
        "",
        "Generated by scripts/regenerate.py from openapi/moodhood.yaml + overlay.yaml; do not edit.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from typing import TYPE_CHECKING, Any, Literal, cast, overload",
        "",
        "from moodhood_api.types import UNSET, Unset",
        "",
        "from moodhood._base_client import call_state",
        "from moodhood._config import NOT_GIVEN, NotGiven, TimeoutTypes",
        "from moodhood._resource import (",
        "    AsyncAPIResource,",
        "    SyncAPIResource,",
        "    bad_path_arg,",
        "    body_and_fields,",
        "    enum_arg,",
        "    missing_args,",
        "    wrong_body,",
        ")",
        "",
        "if TYPE_CHECKING:",
    ]
    if "datetime" in names:
        lines += ["    import datetime", ""]
    imported = sorted(models)
    if "File" in names:
        lines += ["    from moodhood_api.types import File"]
    lines += ["    from moodhood_api.models import (", *(f"        {n}," for n in imported), "    )", ""]
    lines += ["    from moodhood._client import AsyncMoodhood, Moodhood"]
    imports_end = len(lines)
    classes: list[str] = []
    for is_async in (False, True):
        for resource in sorted(by_resource):
            cls = _class_name(resource, is_async)
            classes.append(cls)
            base = "AsyncAPIResource" if is_async else "SyncAPIResource"
            flavour = "AsyncMoodhood" if is_async else "Moodhood"
            lines += ["", "", f"class {cls}({base}):"]
            summary = f"``{flavour}.{resource}``: {', '.join(m.op.method for m in by_resource[resource])}."
            lines += _doc_lines(summary, "    ")
            lines += ["", "    __slots__ = ()"]
            for method in by_resource[resource]:
                lines += [""]
                lines += _render_method(method, is_async)
    for is_async in (False, True):
        mixin = "AsyncResources" if is_async else "SyncResources"
        flavour = "AsyncMoodhood" if is_async else "Moodhood"
        lines += [
            "",
            "",
            f"class {mixin}:",
            f'    """The resource attributes of ``{flavour}``."""',
            "",
            "    __slots__ = ()",
        ]
        for resource in sorted(by_resource):
            cls = _class_name(resource, is_async)
            lines += [
                "",
                "    @property",
                f"    def {resource}(self) -> {cls}:",
                f'        """{", ".join(m.op.method for m in by_resource[resource])}."""',
                f'        return {cls}(cast("{flavour}", self))',
            ]
    all_names = sorted([*classes, "AsyncResources", "SyncResources"])
    lines[imports_end:imports_end] = ["", "__all__ = [", *(f"    {n!r}," for n in all_names), "]"]
    return "\n".join(lines) + "\n"
