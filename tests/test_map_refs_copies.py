"""`map_refs` copies the types it changes with their constructors, every field given by
position (`dataclasses.replace` cost several times as much): a field added to one of them
must be added there too, which this test says."""

from __future__ import annotations

import dataclasses

from codegen.ir import (
    ArrayType,
    Field_,
    IntersectionType,
    Location,
    ObjectType,
    Primitive,
    RecordType,
    Ref,
    RuntimeRef,
    TupleType,
    UnionType,
)
from codegen.parser.resolve import map_refs

COPIED = {
    Ref: ("text", "target", "args", "kind"),
    RuntimeRef: ("name", "args", "kind"),
    ArrayType: ("item", "kind"),
    UnionType: ("members", "discriminator", "open", "kind"),
    IntersectionType: ("members", "kind"),
    TupleType: ("items", "kind"),
    RecordType: ("key", "value", "kind"),
    ObjectType: ("fields", "index", "kind"),
    Field_: ("name", "type", "optional", "loc", "doc"),
}


def test_the_copied_types_have_the_fields_map_refs_copies() -> None:
    for cls, names in COPIED.items():
        assert tuple(f.name for f in dataclasses.fields(cls)) == names, cls


def test_a_copy_keeps_every_other_field() -> None:
    loc = Location("a.d.ts", 1, 1)
    inner = Ref("A")
    t = UnionType(
        [
            Ref("B", "m#B", [inner]),
            RuntimeRef("Promise", [inner]),
            ArrayType(inner),
            IntersectionType([inner]),
            TupleType([inner]),
            RecordType(Primitive("string"), inner),
            ObjectType([Field_("f", inner, True, loc)], RecordType(Primitive("string"), inner)),
        ],
        discriminator="type",
        open=True,
    )
    out = map_refs(t, lambda ref: Ref(ref.text, "m#A", ref.args) if ref.text == "A" else ref)
    linked = Ref("A", "m#A")
    expected = UnionType(
        [
            Ref("B", "m#B", [linked]),
            RuntimeRef("Promise", [linked]),
            ArrayType(linked),
            IntersectionType([linked]),
            TupleType([linked]),
            RecordType(Primitive("string"), linked),
            ObjectType([Field_("f", linked, True, loc)], RecordType(Primitive("string"), linked)),
        ],
        discriminator="type",
        open=True,
    )
    assert out == expected
