"""The runtime's pages (codegen/runtime/pagination.py) in place, with its sample page class (the
batch target's cursor page) walked over real HTTP, and the helpers other page rules use."""

from __future__ import annotations

import asyncio
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from runtime_http import Reply, serve

from codegen.runtime._async_client import AsyncAPIClient
from codegen.runtime._base_client import make_request_options
from codegen.runtime._models import BaseModel
from codegen.runtime._sync_client import SyncAPIClient
from codegen.runtime.pagination import (
    AsyncPage,
    AsyncPaginator,
    NextPageUnknownError,
    SyncPage,
    _as_int,
    _field_path,
    _item_field,
)


class Row(BaseModel):
    id: str


def _page(ids: list[str], has_more: bool) -> Reply:
    rows = [{"id": i} for i in ids]
    first, last = (ids[0], ids[-1]) if ids else (None, None)
    return Reply(body={"data": rows, "has_more": has_more, "first_id": first, "last_id": last})


PAGES = [_page(["a", "b"], True), _page(["c"], True), _page(["d"], False)]


def _query(path: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(path).query)


def test_iterating_walks_every_page_with_the_after_cursor() -> None:
    with serve(*PAGES) as (url, script):
        client = SyncAPIClient(base_url=url, timeout=5.0, max_retries=0)
        page = client.get_api_list(
            "/v1/rows",
            model=Row,
            page=SyncPage[Row],
            options=make_request_options(query={"limit": 2}),
        )
        assert [row.id for row in page] == ["a", "b", "c", "d"]
    assert [_query(s.path) for s in script.seen] == [
        {"limit": ["2"]},
        {"limit": ["2"], "after_id": ["b"]},
        {"limit": ["2"], "after_id": ["c"]},
    ]


def test_before_cursor_pages_backwards_and_has_more_false_stops() -> None:
    with serve(_page(["y", "z"], True), _page(["x"], False)) as (url, script):
        client = SyncAPIClient(base_url=url, timeout=5.0, max_retries=0)
        options = make_request_options(query={"before_id": "zz"})
        page = client.get_api_list("/v1/rows", model=Row, page=SyncPage[Row], options=options)
        pages = list(page.iter_pages())
    assert [[r.id for r in p.data] for p in pages] == [["y", "z"], ["x"]]
    assert _query(script.seen[1].path) == {"before_id": ["y"]}
    assert not pages[-1].has_next_page()


def test_an_empty_page_ends_iteration_even_if_has_more() -> None:
    with serve(_page([], True)) as (url, script):
        client = SyncAPIClient(base_url=url, timeout=5.0, max_retries=0)
        assert list(client.get_api_list("/v1/rows", model=Row, page=SyncPage[Row])) == []
    assert len(script.seen) == 1


def test_get_next_page_without_a_cursor_refuses() -> None:
    with serve(Reply(body={"data": [{"id": "a"}], "has_more": True})) as (url, _):
        client = SyncAPIClient(base_url=url, timeout=5.0, max_retries=0)
        page = client.get_api_list("/v1/rows", model=Row, page=SyncPage[Row])
    assert not page.has_next_page()
    with pytest.raises(RuntimeError, match="No next page"):
        page.get_next_page()


def test_async_paginator_awaits_one_page_or_iterates_all() -> None:
    async def main() -> None:
        with serve(*PAGES) as (url, script):
            client = AsyncAPIClient(base_url=url, timeout=5.0, max_retries=0)
            paginator = client.get_api_list("/v1/rows", model=Row, page=AsyncPage[Row])
            assert isinstance(paginator, AsyncPaginator)
            assert [row.id async for row in paginator] == ["a", "b", "c", "d"]
            assert len(script.seen) == 3
        with serve(_page(["a"], True)) as (url, script):
            client.base_url = url
            first = await client.get_api_list("/v1/rows", model=Row, page=AsyncPage[Row])
            assert [r.id for r in first.data] == ["a"] and first.has_next_page()
            assert len(script.seen) == 1

    asyncio.run(main())


def test_item_field_reads_models_and_dicts() -> None:
    rows: list[Any] = [Row(id="a"), {"id": "b"}]
    assert _item_field(rows, 0, "id") == "a"
    assert _item_field(rows, -1, "id") == "b"
    assert _item_field(rows, 0, "missing") is None
    assert _item_field([], -1, "id") is None


@pytest.mark.parametrize(("value", "expected"), [(None, 7), ("", 7), (True, 7), (3, 3), ("4", 4)])
def test_as_int_reads_the_sent_page_number(value: object, expected: int) -> None:
    assert _as_int(value, 7) == expected


def test_next_page_unknown_names_the_page_class() -> None:
    assert "CursorPage: the next-page rule" in str(NextPageUnknownError("CursorPage"))


class Cursors(BaseModel):
    after: str | None = None


class ResultInfo(BaseModel):
    cursors: Cursors | None = None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (ResultInfo(cursors=Cursors(after="c2")), "c2"),
        ({"cursors": {"after": "c3"}}, "c3"),
        (ResultInfo(), None),
        ({"cursors": None}, None),
        ({}, None),
        (None, None),
    ],
)
def test_field_path_reads_a_nested_cursor_from_models_and_dicts(
    value: object, expected: object
) -> None:
    assert _field_path(value, ("cursors", "after")) == expected
