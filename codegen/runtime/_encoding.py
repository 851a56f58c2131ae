"""How request values go on the wire: JSON bodies, multipart forms, query strings, headers."""

from __future__ import annotations

import datetime
import io
import os
import pathlib
from collections.abc import Mapping
from typing import Any, cast

import pydantic

from ._types import NotGiven, Omit

__all__ = [
    "ForceMultipart",
    "body_kind",
    "form_pairs",
    "header_value",
    "is_file",
    "jsonable",
    "multipart_parts",
    "query_pairs",
    "raw_content",
]


def is_file(value: object) -> bool:
    return isinstance(value, (bytes, io.IOBase, os.PathLike)) or (
        isinstance(value, tuple) and len(value) in (2, 3)
    )


def file_part(value: object) -> Any:
    """An httpx file part: paths are read, with their file name; content without a name of
    its own (bytes, an unnamed stream) goes without one, as `application/octet-stream` (httpx
    would call it "upload")."""
    if isinstance(value, os.PathLike):
        path = pathlib.Path(value)
        return (path.name, path.read_bytes())
    if isinstance(value, tuple) and isinstance(value[1], os.PathLike):
        return (value[0], pathlib.Path(value[1]).read_bytes(), *value[2:])
    if not isinstance(value, tuple) and not isinstance(getattr(value, "name", None), (str, bytes)):
        return (None, value, "application/octet-stream")
    return value


def multipart_parts(body: Mapping[str, object]) -> tuple[list[tuple[str, Any]], dict[str, Any]]:
    """A body with files as multipart/form-data: (file parts, form fields), keyed as the
    Stainless `.js` runtime keys them: a list's items as `key[]`, an object's fields as
    `key[field]`; booleans lowercase, as `String(true)` writes them."""
    files: list[tuple[str, Any]] = []
    data: dict[str, Any] = {}
    for key, value in body.items():
        _form_value(key, value, files, data)
    return files, data


def _form_value(
    key: str, value: object, files: list[tuple[str, Any]], data: dict[str, Any]
) -> None:
    if value is None or isinstance(value, (NotGiven, Omit)):
        return
    if is_file(value):
        files.append((key, file_part(value)))
    elif isinstance(value, (list, tuple)):
        for item in value:
            _form_value(key + "[]", item, files, data)
    elif isinstance(value, (Mapping, pydantic.BaseModel)):
        fields = value if isinstance(value, Mapping) else jsonable(value)
        for name, item in cast(Mapping[str, object], fields).items():
            _form_value(f"{key}[{name}]", item, files, data)
    else:
        data.setdefault(key, []).append(scalar_text(value))


def scalar_text(value: object) -> str:
    """A scalar as the `.js` runtime writes it into a form or query: booleans lowercase
    (`String(true)`), dates ISO 8601, anything else `str()`."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.date):  # datetime.datetime too
        return value.isoformat()
    return str(value)


class ForceMultipart(dict[str, Any]):
    """No file parts, yet true: httpx sends a form as multipart/form-data only when `files` is
    truthy, and a `multipartFormRequestOptions` body is a form with or without files."""

    def __bool__(self) -> bool:
        return True


def body_kind(declared: str, body: object) -> str:
    """The wire form of this call's body: "maybe-multipart" is a form only when a file is in it
    (`maybeMultipartFormRequestOptions`), JSON otherwise."""
    if declared == "maybe-multipart":
        return "multipart" if _holds_file(body) else "json"
    return declared


def _holds_file(value: object) -> bool:
    if is_file(value):
        return True
    if isinstance(value, (list, tuple)):
        return any(_holds_file(item) for item in value)
    if isinstance(value, Mapping):
        return any(_holds_file(item) for item in cast(Mapping[str, object], value).values())
    return False


def raw_content(value: object) -> bytes | None:
    """A whole body sent as it is (`Content-Type` set by the method): bytes, text as UTF-8, a
    path's or a stream's bytes, or the content of a `(name, content, ...)` file tuple."""
    if value is None or isinstance(value, (NotGiven, Omit)):
        return None
    if isinstance(value, tuple) and len(value) in (2, 3):
        return raw_content(value[1])
    if isinstance(value, str):
        return value.encode("utf-8")
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value)
    if isinstance(value, os.PathLike):
        return pathlib.Path(value).read_bytes()
    if isinstance(value, io.IOBase):
        data = value.read()
        return data.encode("utf-8") if isinstance(data, str) else bytes(data)
    raise TypeError(
        f"a raw request body must be bytes, str, a path or a file, got {type(value).__name__}"
    )


def form_pairs(body: object) -> list[tuple[str, str]]:
    """An object as `application/x-www-form-urlencoded` pairs, as the `.js` runtime's
    `qs.stringify(body, { allowDots: true, arrayFormat: 'repeat' })` writes it: nested fields as
    `a.b`, lists as repeated keys, booleans lowercase, None and unset fields left out."""
    pairs: list[tuple[str, str]] = []

    def add(key: str, value: object) -> None:
        if value is None or isinstance(value, (NotGiven, Omit)):
            return
        if isinstance(value, (list, tuple)):
            for item in value:
                add(key, item)
        elif isinstance(value, Mapping):
            for name, item in cast(Mapping[str, object], value).items():
                add(f"{key}.{name}" if key else str(name), item)
        else:
            pairs.append((key, scalar_text(value)))

    add("", jsonable(body) if isinstance(body, pydantic.BaseModel) else body)
    return pairs


def jsonable(value: object) -> object:
    """A JSON-encodable copy of a request body, without `NotGiven` / `Omit` entries."""
    if isinstance(value, pydantic.BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, Mapping):
        return {
            str(key): jsonable(item)
            for key, item in value.items()
            if not isinstance(item, (NotGiven, Omit))
        }
    if isinstance(value, (list, tuple)):
        return [jsonable(item) for item in value]
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    return value


def query_pairs(params: Mapping[str, object]) -> list[tuple[str, str]]:
    """Query parameters as wire pairs: booleans lowercase, lists as `key[]=a&key[]=b` (the
    TypeScript SDK's `arrayFormat: 'brackets'`), mappings as `key[sub]=v`, None dropped."""

    pairs: list[tuple[str, str]] = []
    for key, value in params.items():
        if value is None or isinstance(value, (NotGiven, Omit)):
            continue
        if isinstance(value, (list, tuple)):
            pairs.extend((f"{key}[]", scalar_text(item)) for item in value)
        elif isinstance(value, Mapping):
            pairs.extend(query_pairs({f"{key}[{k}]": v for k, v in value.items()}))
        else:
            pairs.append((key, scalar_text(value)))
    return pairs


def header_value(value: object) -> str:
    """Header params may be lists (sent comma-separated, e.g. beta flags) or scalars."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return ",".join(header_value(item) for item in value)
    return str(value)
