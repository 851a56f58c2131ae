"""Sentinels and type aliases shared by the runtime and the generated resources."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import IO, Literal, TypedDict

import httpx

__all__ = [
    "NOT_GIVEN",
    "Body",
    "FileContent",
    "FileTypes",
    "Headers",
    "NoneType",
    "NotGiven",
    "Omit",
    "Query",
    "RequestHeaders",
    "RequestOptions",
    "Timeout",
    "not_given",
    "omit",
]


class NotGiven:
    """Marks an argument the caller did not pass, where `None` is a meaningful value.

    Parameters left as `NOT_GIVEN` are dropped from the query, body and headers.
    """

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN = NotGiven()
not_given = NOT_GIVEN
"""The official SDK's lowercase spelling of `NOT_GIVEN` (the same object)."""

NoneType: type[None] = type(None)
"""The type of `None`, as the `cast_to` of a method without a result."""


class Omit:
    """Pass as a header value to remove a header the client would otherwise send."""

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "Omit()"


omit = Omit()

Headers = Mapping[str, str | Omit]
# What generated methods pass on: header params may be lists (sent comma-separated) or NOT_GIVEN
RequestHeaders = Mapping[str, object]
Query = Mapping[str, object]
Body = object
Timeout = float | httpx.Timeout | None
# A file to upload: its bytes, an open binary file, a path, or (filename, content[, content type])
FileContent = bytes | IO[bytes] | os.PathLike[str]
FileTypes = (
    FileContent | tuple[str | None, FileContent] | tuple[str | None, FileContent, str | None]
)


class RequestOptions(TypedDict, total=False):
    """Per-call overrides; build them with `make_request_options(...)`."""

    headers: RequestHeaders
    params: Query
    extra_json: Mapping[str, object]
    timeout: Timeout
    max_retries: int
    # how the body goes on the wire: "json", "multipart", "maybe-multipart", "content" or
    # "urlencoded" (see `_encoding.body_kind`)
    body_kind: str
    unwrap: tuple[str, ...]
