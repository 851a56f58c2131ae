"""What one request is made of: the options a generated method hands to the client (and pages
keep to ask for the next page)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from typing import cast

from ._types import (
    NOT_GIVEN,
    Body,
    NotGiven,
    Query,
    RequestHeaders,
    RequestOptions,
    Timeout,
)

__all__ = ["FinalRequestOptions", "header_list", "make_request_options"]


@dataclasses.dataclass
class FinalRequestOptions:
    """Everything needed to (re)send one request; pages keep it to ask for the next one."""

    method: str
    url: str
    params: Mapping[str, object] = dataclasses.field(default_factory=dict)
    headers: RequestHeaders | None = None
    json_data: Body | None = None
    extra_json: Mapping[str, object] | None = None
    timeout: Timeout | NotGiven = NOT_GIVEN
    max_retries: int | NotGiven = NOT_GIVEN
    body_kind: str = "json"
    # the response field path the method returns (`_thenUnwrap((obj) => obj.result)`)
    unwrap: tuple[str, ...] = ()

    @classmethod
    def build(
        cls, method: str, url: str, *, body: Body | None, options: RequestOptions | None
    ) -> FinalRequestOptions:
        options = options or {}
        return cls(
            method=method,
            url=url,
            params=options.get("params", {}),
            headers=options.get("headers"),
            json_data=body,
            extra_json=options.get("extra_json"),
            timeout=options.get("timeout", NOT_GIVEN),
            max_retries=options.get("max_retries", NOT_GIVEN),
            body_kind=options.get("body_kind", "json"),
            unwrap=tuple(options.get("unwrap", ())),
        )


def make_request_options(
    *,
    query: Query | None = None,
    extra_headers: RequestHeaders | None = None,
    extra_query: Query | None = None,
    extra_body: Body | None = None,
    timeout: Timeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    body_kind: str = "json",
    unwrap: tuple[str, ...] = (),
) -> RequestOptions:
    """Merge a method's query params and the caller's `extra_*` / `timeout` into options."""
    options: RequestOptions = {}
    if extra_headers is not None:
        options["headers"] = extra_headers
    if extra_body is not None:
        if not isinstance(extra_body, Mapping):
            raise TypeError(f"extra_body must be a mapping, got {type(extra_body).__name__}")
        options["extra_json"] = cast(Mapping[str, object], extra_body)
    if query is not None or extra_query is not None:
        options["params"] = {**(query or {}), **(extra_query or {})}
    if not isinstance(timeout, NotGiven):
        options["timeout"] = timeout
    if not isinstance(max_retries, NotGiven):
        options["max_retries"] = max_retries
    if body_kind != "json":
        options["body_kind"] = body_kind
    if unwrap:
        options["unwrap"] = unwrap
    return options


def header_list(value: object, *constants: str) -> list[object]:
    """`[...(value ?? []), ...constants].toString()`: a list header param (`betas`) with the
    values the spec always appends to it; sent comma-joined."""
    items: list[object] = (
        [] if value is None or isinstance(value, NotGiven) else list(cast(Iterable[object], value))
    )
    return [*items, *constants]
