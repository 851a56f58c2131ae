"""Rules written once and shared: a union's non-null members, the RFC 3339 datetime doc rule."""

from __future__ import annotations

from codegen.emit.annotations import documents_datetime
from codegen.ir import LiteralType, Primitive, Ref, UnionType
from codegen.ir_walk import is_null, non_null_members


def test_non_null_members_keeps_order_and_drops_every_null() -> None:
    a, b = Ref("A", "m#A"), LiteralType("x")
    union = UnionType([Primitive("null"), a, Primitive("string"), Primitive("null"), b])
    assert non_null_members(union) == [a, Primitive("string"), b]
    assert is_null(Primitive("null")) and not is_null(Primitive("string")) and not is_null(a)


def test_documents_datetime_reads_across_line_breaks() -> None:
    assert documents_datetime("RFC 3339\n   datetime string representing the time")
    assert documents_datetime("An RFC 3339 datetime.")
    assert not documents_datetime("RFC 3339 date")
    assert not documents_datetime("")
