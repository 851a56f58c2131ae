"""What a generated test expects on the wire for a request's body, by its kind
(`RequestShape.body_kind`): JSON (compared parsed), a multipart/form-data form, raw bytes with the
method's Content-Type, or an urlencoded form; computed here from the example arguments, apart
from the runtime that encodes them, so a wrong encoding fails the test."""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass

from codegen.ir import Method

_FILE_TYPES = (bytes, tuple)


@dataclass(frozen=True)
class BodyCheck:
    # "json": `json` is the parsed body (None: no body is sent); "form": multipart/form-data;
    # "raw": exactly `raw`, under the Content-Type among the expected headers
    kind: str
    json: object = None
    raw: bytes | None = None
    # the form holds a file (its bytes must be in the body); the fields that make a part
    file: bool = False
    names: tuple[str, ...] = ()


def body_check(method: Method, body: object, whole: bool) -> BodyCheck:
    """`body`: the JSON the test's call sends (fields, or the whole-body param's value when
    `whole`, sent even when empty)."""
    kind = method.request.body_kind if method.request else None
    if kind in ("multipart", "maybe-multipart"):
        file = _holds_file(body)
        if kind == "multipart" or file:
            fields = body if isinstance(body, dict) else {}
            names = tuple(k for k, v in fields.items() if _parts(v))
            return BodyCheck("form", file=file, names=names)
    if kind == "content":
        return BodyCheck("raw", raw=_raw(body))
    if kind == "urlencoded":
        return BodyCheck("raw", raw=urllib.parse.urlencode(_pairs("", body)).encode())
    return BodyCheck("json", json=body if (whole or body) else None)


def _holds_file(value: object) -> bool:
    if isinstance(value, _FILE_TYPES):
        return True
    if isinstance(value, list):
        return any(_holds_file(v) for v in value)
    if isinstance(value, dict):
        return any(_holds_file(v) for v in value.values())
    return False


def _parts(value: object) -> bool:
    """Whether a form field's value makes at least one part (None and empty containers none)."""
    if value is None:
        return False
    if isinstance(value, list):
        return any(_parts(v) for v in value)
    if isinstance(value, dict):
        return any(_parts(v) for v in value.values())
    return True


def _raw(value: object) -> bytes:
    if isinstance(value, tuple):
        return _raw(value[1])
    if isinstance(value, bytes):
        return value
    return str(value).encode("utf-8")


def _pairs(key: str, value: object) -> list[tuple[str, str]]:
    """`qs.stringify(body, { allowDots: true, arrayFormat: 'repeat' })`."""
    if value is None:
        return []
    if isinstance(value, list):
        return [pair for item in value for pair in _pairs(key, item)]
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _pairs(f"{key}.{k}" if key else k, v)]
    if isinstance(value, bool):
        return [(key, "true" if value else "false")]
    return [(key, str(value))]
