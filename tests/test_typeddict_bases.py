"""Request TypedDicts subclass the TypedDicts their interface extends (emit/typeddict_bases.py):
a field a subclass redeclares leaves the base and goes to every subclass; anything inexact is
flattened. The generated packages' mypy --strict runs and their tests over real HTTP check the
emitted classes (`MessageCreateParamsNonStreaming(MessageCreateParamsBase)`)."""

from __future__ import annotations

from codegen.emit.typeddict_bases import subclassing
from codegen.ir import Declaration, Field_, Interface, LiteralType, Location, Primitive, Ref


def _field(name: str, line: int, literal: bool | None = None) -> Field_:
    t = Primitive("boolean") if literal is None else LiteralType(literal)
    return Field_(name, t, True, Location("m.d.ts", line, 1))


def _interface(name: str, line: int, fields: list[Field_], *bases: str) -> Interface:
    return Interface(
        name, name, "m", fields, Location("m.d.ts", line, 1), extends=[Ref(b, b) for b in bases]
    )


def _decls(*interfaces: Interface) -> dict[str, Declaration]:
    return {i.id: i for i in interfaces}


def _all(_: str) -> bool:
    return True


def _before(base: str, decl: str) -> bool:
    return base < decl  # the tests name bases first


def test_redeclared_field_moves_from_the_base_to_every_subclass() -> None:
    decls = _decls(
        _interface("A", 1, [_field("model", 2), _field("stream", 3)]),
        _interface("B", 5, [_field("stream", 6, False)], "A"),
        _interface("C", 8, [_field("stream", 9, True)], "A"),
        _interface("D", 11, [_field("extra", 12)], "A"),
    )
    found = subclassing(decls, _all, _all, _before)
    assert found.bases == {"B": ["A"], "C": ["A"], "D": ["A"]}
    assert found.withheld == {"A": {"stream"}}
    assert [f.name for f in found.body("A", decls)] == ["model"]
    stream = found.body("B", decls)
    assert [f.name for f in stream] == ["stream"] and stream[0].type == LiteralType(False)
    # a subclass that does not redeclare it declares the base's own `stream`
    assert [(f.name, f.type) for f in found.body("D", decls)] == [
        ("stream", Primitive("boolean")),
        ("extra", Primitive("boolean")),
    ]


def test_inexact_cases_stay_flattened() -> None:
    decls = _decls(
        _interface("A", 1, [_field("x", 2), _field("w", 3)]),
        _interface("B", 4, [_field("x", 5, False)], "A"),
        _interface("C", 6, [_field("y", 7)], "B"),  # redeclares nothing: subclasses B
        _interface("D", 8, [_field("w", 9, True)], "B"),  # w is A's own, not B's
        _interface("E", 10, [_field("z", 11)], "A", "B"),  # x and w from two bases
    )
    found = subclassing(decls, _all, _all, _before)
    assert found.bases == {"B": ["A"], "C": ["B"]}
    assert found.withheld == {"A": {"x"}}
    assert [f.name for f in found.body("D", decls)] == ["x", "w"]
    assert [f.name for f in found.body("E", decls)] == ["x", "w", "z"]
    # not emitted, not in class form, or defined after: flattened
    for emitted, class_form, before in (
        (lambda d: d != "A", _all, _before),
        (_all, lambda d: d != "A", _before),
        (_all, _all, lambda base, decl: False),
    ):
        found = subclassing(decls, emitted, class_form, before)
        assert "B" not in found.bases and "A" not in found.withheld
