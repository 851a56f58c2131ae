"""How a method is written in each flavour (sync, async): its return types, its `@overload`s
when a `stream` param switches the result to events, the `cast` back to the declared type, the
call into the runtime and the headers it passes. Decided here, so the template only prints."""

from __future__ import annotations

from dataclasses import dataclass

from codegen.emit.annotations import python_literal
from codegen.emit.code import Code
from codegen.emit.ctx_pages import PageNames
from codegen.emit.ctx_tests import RequestHeader


@dataclass(frozen=True)
class Signature:
    """One `def` of a method: an `@overload` or the implementation. `stream_mode` is None
    without a `stream` switch; else `false`, `true`, `bool` (overloads) or `impl`."""

    overload: bool
    stream_mode: str | None
    returns: Code


@dataclass(frozen=True)
class Flavour:
    """A method as the sync or the async resource class writes it."""

    is_async: bool
    # `async def`, or `def` (sync, and async pages: the paginator is awaited or iterated)
    def_keyword: Code
    # what awaits the runtime's coroutine (`await `, or nothing)
    awaits: Code
    awaits_request: Code
    returns: Code
    stream_returns: Code | None
    signatures: list[Signature]
    # the implementation's result cast back to this type (a `cast(Any, ...)` argument, or the
    # stream union), or None
    cast_back: Code | None
    # how the runtime is told what to return: `cast_to=...`, `stream=...`, `page=...`, `model=...`
    result_args: list[Code]


def flavour(
    is_async: bool,
    kind: str,
    item: Code,
    item_arg: Code,
    page: PageNames | None,
    stream_item: Code | None,
    follows: bool,
) -> Flavour:
    stream = "AsyncStream" if is_async else "Stream"
    returns = _returns(is_async, kind, item, page)
    stream_returns = Code(f"{stream}[{stream_item}]") if stream_item else None
    if stream_returns is not None:
        either = Code(f"{returns} | {stream_returns}")
        signatures = [
            Signature(True, "false", returns),
            Signature(True, "true", stream_returns),
            Signature(True, "bool", either),
            Signature(False, "impl", either),
        ]
    else:
        signatures = [Signature(False, None, returns)]
    cast_back = None
    if kind == "model" and (item_arg != item or stream_item) and not follows:
        cast_back = signatures[-1].returns
    awaits = Code("await " if is_async else "")
    return Flavour(
        is_async=is_async,
        def_keyword=Code("async def" if is_async and kind != "page" else "def"),
        awaits=awaits,
        awaits_request=awaits if kind != "page" else Code(""),
        returns=returns,
        stream_returns=stream_returns,
        signatures=signatures,
        cast_back=cast_back,
        result_args=_result_args(is_async, kind, item, item_arg, page, returns, stream_returns),
    )


def _returns(is_async: bool, kind: str, item: Code, page: PageNames | None) -> Code:
    if kind == "page":
        assert page is not None
        if is_async:
            return Code(f"AsyncPaginator[{item}, {page.async_name}[{item}]]")
        return Code(f"{page.sync_name}[{item}]")
    if kind == "jsonl":
        return Code(f"{'AsyncJSONLDecoder' if is_async else 'JSONLDecoder'}[{item}]")
    if kind == "sse":
        return Code(f"{'AsyncStream' if is_async else 'Stream'}[{item}]")
    if kind == "binary":  # read; `.with_streaming_response` gives the Streamed* twin
        return Code("AsyncBinaryAPIResponse" if is_async else "BinaryAPIResponse")
    return item


def _result_args(
    is_async: bool,
    kind: str,
    item: Code,
    item_arg: Code,
    page: PageNames | None,
    returns: Code,
    stream_returns: Code | None,
) -> list[Code]:
    if kind == "page":
        assert page is not None
        page_class = page.async_name if is_async else page.sync_name
        return [Code(f"page={page_class}[{item}]"), Code(f"model={item_arg}")]
    if kind in ("jsonl", "sse"):
        return [Code(f"cast_to={returns}"), Code("stream=True")]
    if kind == "binary":
        return [Code(f"cast_to={returns}")]
    if kind == "void":
        return [Code("cast_to=NoneType")]
    if stream_returns is not None:
        return [
            Code(f"cast_to=cast(Any, {stream_returns} if stream is True else {item})"),
            Code("stream=stream is True"),
        ]
    return [Code(f"cast_to={item_arg}")]


def extra_headers_arg(
    headers: list[RequestHeader], follow_accept: str | None, header_params: list[tuple[str, str]]
) -> Code:
    """The `extra_headers=` argument: the method's headers over the caller's `extra_headers`.
    A followed URL with an `accept` of its own (and no Accept header set) sends that, with the
    header params (`header_params`: (wire, Python name))."""
    if follow_accept is not None and not any(h.wire in ("Accept", "accept") for h in headers):
        pairs = [f"{python_literal('Accept')}: {python_literal(follow_accept)}, "]
        pairs += [f"{python_literal(wire)}: {name}, " for wire, name in header_params]
        return Code("{ " + "".join(pairs) + "**(extra_headers or {}) }")
    if not headers:
        return Code("extra_headers")
    return Code("{ " + "".join(f"{_header(h)}, " for h in headers) + "**(extra_headers or {}) }")


def _header(h: RequestHeader) -> str:
    value: str
    if h.param and h.constant is not None:
        value = f"header_list({h.param}, {python_literal(h.constant)})"
    elif h.param:
        value = h.param
    else:
        value = python_literal(h.constant)
    return f"{python_literal(h.wire)}: {value}"
