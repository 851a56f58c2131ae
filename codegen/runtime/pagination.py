"""Cursor pages: iterate one page, every page, or every item across pages."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator, Generator, Iterator, Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Generic,
    Self,
    TypeVar,
)

# codegen:begin imports
from pydantic import Field, PrivateAttr

from ._models import BaseModel

# codegen:end imports

if TYPE_CHECKING:
    from ._async_client import AsyncAPIClient
    from ._request_options import FinalRequestOptions
    from ._sync_client import SyncAPIClient

__all__ = [
    "AsyncPaginator",
    "BaseAsyncPage",
    "BasePage",
    "BaseSyncPage",
    "PageInfo",
]
# the page classes of the package's spec
__all__ += [
    # codegen:begin page_names
    "AsyncPage",
    "SyncPage",
    # codegen:end page_names
]

_T = TypeVar("_T")


@dataclasses.dataclass(frozen=True)
class PageInfo:
    """What to change in the current request's query to get the next page."""

    params: Mapping[str, object]


class BasePage(BaseModel, Generic[_T]):
    """A page: its fields come from the response body, the request it came from is kept."""

    _options: FinalRequestOptions = PrivateAttr()

    def has_next_page(self) -> bool:
        return bool(self._get_page_items()) and self.next_page_info() is not None

    def next_page_info(self) -> PageInfo | None:
        raise NotImplementedError

    def _get_page_items(self) -> list[_T]:
        raise NotImplementedError

    def _next_page_options(self) -> FinalRequestOptions:
        info = self.next_page_info()
        if info is None:
            raise RuntimeError(
                "No next page expected; check `.has_next_page()` before calling `.get_next_page()`."
            )
        params: dict[str, object] = {**self._options.params, **info.params}
        return dataclasses.replace(self._options, params=params)


class BaseSyncPage(BasePage[_T], Generic[_T]):
    _client: SyncAPIClient = PrivateAttr()

    def _set_private_attributes(self, client: SyncAPIClient, options: FinalRequestOptions) -> None:
        self._client = client
        self._options = options

    def get_next_page(self) -> Self:
        options = self._next_page_options()
        return self._client.request(type(self), options)

    def iter_pages(self) -> Iterator[Self]:
        page = self
        while True:
            yield page
            if not page.has_next_page():
                return
            page = page.get_next_page()

    def __iter__(self) -> Iterator[_T]:  # type: ignore[override]
        """Every item of this page and of the pages after it, fetched as needed."""
        for page in self.iter_pages():
            yield from page._get_page_items()


class BaseAsyncPage(BasePage[_T], Generic[_T]):
    _client: AsyncAPIClient = PrivateAttr()

    def _set_private_attributes(self, client: AsyncAPIClient, options: FinalRequestOptions) -> None:
        self._client = client
        self._options = options

    async def get_next_page(self) -> Self:
        options = self._next_page_options()
        return await self._client.request(type(self), options)

    async def iter_pages(self) -> AsyncIterator[Self]:
        page = self
        while True:
            yield page
            if not page.has_next_page():
                return
            page = await page.get_next_page()

    async def __aiter__(self) -> AsyncIterator[_T]:
        """Every item of this page and of the pages after it, fetched as needed."""
        async for page in self.iter_pages():
            for item in page._get_page_items():
                yield item


SyncPageT = TypeVar("SyncPageT", bound=BaseSyncPage[Any])
AsyncPageT = TypeVar("AsyncPageT", bound=BaseAsyncPage[Any])


class AsyncPaginator(Generic[_T, AsyncPageT]):
    """What async list methods return: `await` it for the first page, or `async for` every item."""

    def __init__(
        self, *, client: AsyncAPIClient, options: FinalRequestOptions, page_cls: type[AsyncPageT]
    ) -> None:
        self._client = client
        self._options = options
        self._page_cls = page_cls

    def __await__(self) -> Generator[Any, None, AsyncPageT]:
        return self._client.request(self._page_cls, self._options).__await__()

    async def __aiter__(self) -> AsyncIterator[_T]:
        page = await self
        async for item in page:
            yield item


# codegen:begin next_page_unknown
class NextPageUnknownError(RuntimeError):
    """codegen could not read this page class's next-page rule from the SDK (see the README's
    "Skipped or approximated"): asking for a next page raises instead of stopping silently."""

    def __init__(self, page: str) -> None:
        super().__init__(
            f"{page}: the next-page rule of this page class is unknown to the generated client; "
            "request further pages yourself (the first page is complete)"
        )


# codegen:end next_page_unknown


# codegen:begin cursor_helpers
def _item_field(items: list[Any], index: int, name: str) -> object:
    """A field of the first or last item (a model or a plain dict); None on an empty page."""
    if not items:
        return None
    item = items[index]
    if isinstance(item, Mapping):
        return item.get(name)
    return getattr(item, name, None)


def _as_int(value: object, default: int) -> int:
    """A page number or offset sent in the current request, else `default`."""
    if isinstance(value, bool) or value is None or value == "":
        return default
    return value if isinstance(value, int) else int(str(value))


# codegen:end cursor_helpers


# codegen:begin field_path_helper
def _field_path(value: object, path: tuple[str, ...]) -> object:
    """A cursor nested in a page field (`result_info.cursors.after`: `path` is the keys below
    the field), from models and plain dicts alike; None where a step is missing or null."""
    for name in path:
        if value is None:
            return None
        value = value.get(name) if isinstance(value, Mapping) else getattr(value, name, None)
    return value


# codegen:end field_path_helper


# codegen:begin page_classes
class SyncPage(BaseSyncPage[_T], Generic[_T]):
    data: list[_T] = Field(default_factory=list)
    has_more: bool | None = None
    first_id: str | None = None
    last_id: str | None = None

    def _get_page_items(self) -> list[_T]:
        return self.data or []

    def has_next_page(self) -> bool:
        if self.has_more is False:
            return False
        return super().has_next_page()

    def next_page_info(self) -> PageInfo | None:
        query = self._options.params
        if query.get("before_id"):
            return PageInfo(params={"before_id": self.first_id}) if self.first_id else None
        return PageInfo(params={"after_id": self.last_id}) if self.last_id else None


class AsyncPage(BaseAsyncPage[_T], Generic[_T]):
    data: list[_T] = Field(default_factory=list)
    has_more: bool | None = None
    first_id: str | None = None
    last_id: str | None = None

    def _get_page_items(self) -> list[_T]:
        return self.data or []

    def has_next_page(self) -> bool:
        if self.has_more is False:
            return False
        return super().has_next_page()

    def next_page_info(self) -> PageInfo | None:
        query = self._options.params
        if query.get("before_id"):
            return PageInfo(params={"before_id": self.first_id}) if self.first_id else None
        return PageInfo(params={"after_id": self.last_id}) if self.last_id else None


# codegen:end page_classes
