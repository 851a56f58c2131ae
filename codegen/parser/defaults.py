"""Documented defaults for what a spec leaves out when the SDK's core files are not given.

They describe the Stainless SDK's standard cursor page `Page` (core/pagination.d.ts and .js of
@anthropic-ai/sdk): items in `data`, `has_more`, `first_id`/`last_id`, and request params
`limit`, `before_id`, `after_id`. Each use is reported as a diagnostic.
"""

from __future__ import annotations

from typing import Any, cast

from codegen.ir import (
    ArrayType,
    Cursor,
    Doc,
    ErrorClass,
    Field_,
    Interface,
    Location,
    PageClass,
    Primitive,
    TypeParam,
    UnionType,
)

STANDARD_PAGE = "Page"
STANDARD_PAGE_PARAMS = "PageParams"


def page_params(module: str, loc: Location) -> Interface:
    def opt(name: str, kind: str, doc: str = "") -> Field_:
        return Field_(
            name, Primitive("integer" if kind == "int" else "string"), True, loc, doc=Doc(doc)
        )

    return Interface(
        id=f"{module}#{STANDARD_PAGE_PARAMS}",
        name=STANDARD_PAGE_PARAMS,
        module=module,
        fields=[
            opt("limit", "int", "Number of items per page."),
            opt("before_id", "str"),
            opt("after_id", "str"),
        ],
        loc=loc,
    )


def standard_page(module: str, loc: Location) -> PageClass:
    nullable_str = UnionType([Primitive("string"), Primitive("null")])
    return PageClass(
        id=f"{module}#{STANDARD_PAGE}",
        name=STANDARD_PAGE,
        item_field="data",
        fields=[
            Field_("data", ArrayType(TypeParam("Item")), False, loc),
            Field_("has_more", Primitive("boolean"), False, loc),
            Field_("first_id", nullable_str, False, loc),
            Field_("last_id", nullable_str, False, loc),
        ],
        loc=loc,
        params=page_params(module, loc).fields,
        has_more_field="has_more",
        cursors=[Cursor("before_id", "first_id", "before_id"), Cursor("after_id", "last_id", None)],
    )


# The status errors every Stainless SDK declares in core/error.d.ts (APIError.generate()).
STANDARD_ERRORS = (
    ("BadRequestError", 400, "exact"),
    ("AuthenticationError", 401, "exact"),
    ("PermissionDeniedError", 403, "exact"),
    ("NotFoundError", 404, "exact"),
    ("ConflictError", 409, "exact"),
    ("UnprocessableEntityError", 422, "exact"),
    ("RateLimitError", 429, "exact"),
    ("InternalServerError", 500, "at_least"),
)


def standard_errors(loc: Location) -> list[ErrorClass]:
    return [
        ErrorClass(name, status, cast(Any, match), "APIStatusError", loc)
        for name, status, match in STANDARD_ERRORS
    ]
