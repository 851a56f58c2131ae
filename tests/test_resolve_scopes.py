"""Type names resolve by TypeScript's scope rules: nested namespaces named relative to an
enclosing one, merged namespaces (interface + namespace of one name), import aliases and
re-exports (`export { A as B } from`, `export * from`, `export * as W from`). Each fixture is
the construct found unresolved in another vendor's SDK (lithic, cloudflare, cerebras)."""

from __future__ import annotations

from pathlib import Path

from codegen.ir import Alias, ArrayType, Interface, Ref, Spec, TypeRef, UnionType
from codegen.parser import parse_spec


def parse_files(tmp_path: Path, files: dict[str, str]) -> Spec:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return parse_spec(tmp_path)


def field_type(spec: Spec, decl_id: str, name: str) -> TypeRef:
    decl = spec.declarations[decl_id]
    assert isinstance(decl, Interface), decl_id
    return next(f.type for f in decl.fields if f.name == name)


def target(t: TypeRef) -> str | None:
    while isinstance(t, ArrayType):
        t = t.item
    assert isinstance(t, Ref), t
    return t.target


def unresolved(spec: Spec) -> list[str]:
    return [d.message for d in spec.diagnostics if d.code == "unresolved-ref"]


# lithic resources/account-holders/account-holders.d.ts:988, cloudflare core/pagination.d.ts:112:
# a namespace nested in a namespace (no `export`: tree-sitter reads it as an expression
# statement), its members named relative to the enclosing namespace
NESTED = """\
export type Update = Update.KYB | Update.Patch;
export declare namespace Update {
    interface KYB {
        owners?: Array<KYB.Owner>;
        patch?: Patch.Address;
    }
    namespace KYB {
        interface Owner {
            address?: Owner.Address;
        }
        namespace Owner {
            interface Address { line1: string; }
        }
    }
    interface Patch { address?: Patch.Address; }
    namespace Patch {
        interface Address { city: string; }
    }
}
"""


def test_nested_namespace_members_resolve_relative_to_the_enclosing_namespace(
    tmp_path: Path,
) -> None:
    spec = parse_files(tmp_path, {"a.d.ts": NESTED})
    assert unresolved(spec) == []
    assert target(field_type(spec, "a#Update.KYB", "owners")) == "a#Update.KYB.Owner"
    assert target(field_type(spec, "a#Update.KYB", "patch")) == "a#Update.Patch.Address"
    owner = field_type(spec, "a#Update.KYB.Owner", "address")
    assert target(owner) == "a#Update.KYB.Owner.Address"
    alias = spec.declarations["a#Update"]
    assert isinstance(alias, Alias) and isinstance(alias.type, UnionType)
    assert [target(m) for m in alias.type.members] == ["a#Update.KYB", "a#Update.Patch"]


def test_merged_namespaces_and_dotted_namespace_names(tmp_path: Path) -> None:
    spec = parse_files(
        tmp_path,
        {
            "a.d.ts": """\
export interface Page { info: Page.Info; more: Page.More; deep: Outer.Inner.Leaf; }
export declare namespace Page { interface Info { n: number; } }
export declare namespace Page { interface More { m: number; } }
export declare namespace Outer.Inner { interface Leaf { x: string; } }
"""
        },
    )
    assert unresolved(spec) == []
    assert target(field_type(spec, "a#Page", "info")) == "a#Page.Info"
    assert target(field_type(spec, "a#Page", "more")) == "a#Page.More"
    assert target(field_type(spec, "a#Page", "deep")) == "a#Outer.Inner.Leaf"


def test_the_innermost_namespace_of_that_name_wins_and_a_missing_member_is_unresolved(
    tmp_path: Path,
) -> None:
    spec = parse_files(
        tmp_path,
        {
            "a.d.ts": """\
export declare namespace A { interface B { x: string; } interface Y { y: string; } }
export declare namespace Outer {
    interface User { b: A.B; y: A.Y; }
    namespace A { interface B { inner: string; } }
}
"""
        },
    )
    assert target(field_type(spec, "a#Outer.User", "b")) == "a#Outer.A.B"
    # TypeScript finds `A` in `Outer` first; `Outer.A` has no `Y`: an error, not the outer A.Y
    assert field_type(spec, "a#Outer.User", "y") == Ref("A.Y")
    assert unresolved(spec) == ["unresolved type 'A.Y'"]


def test_an_interface_named_like_an_outer_namespace_does_not_hide_it(tmp_path: Path) -> None:
    spec = parse_files(
        tmp_path,
        {
            "a.d.ts": """\
export declare namespace A { interface B { x: string; } }
export declare namespace Outer {
    interface A { a: string; }
    interface User { b: A.B; a: A; }
}
"""
        },
    )
    assert unresolved(spec) == []
    assert target(field_type(spec, "a#Outer.User", "b")) == "a#A.B"
    assert target(field_type(spec, "a#Outer.User", "a")) == "a#Outer.A"


# lithic client.d.ts:317 (`export type Address = API.Address`, API = resources/index.js, which
# only re-exports) and `export import CursorPage = Pagination.CursorPage` in a namespace
REEXPORTS = {
    "shared.d.ts": "export interface Address { line1: string; }\n",
    "nested/card.d.ts": """\
export interface Card { token: string; }
export declare namespace Card { interface Limits { max: number; } }
""",
    "nested/index.d.ts": "export * from './card.js';\n",
    "ns.d.ts": "export interface Leaf { v: string; }\n",
    "index.d.ts": """\
export { type Address as Addr } from './shared.js';
export * from './nested/index.js';
export * as NS from './ns.js';
""",
    "client.d.ts": """\
import * as API from './index.js';
import { Card } from './index.js';
import * as Shared from './shared.js';
export interface Uses {
    address: API.Addr;
    card: API.Card;
    limits: Card.Limits;
    leaf: API.NS.Leaf;
    viaAlias: Client.Short;
    viaExport: Client.Addr2;
}
export declare namespace Client {
    export import Short = Shared.Address;
    export { type Address as Addr2 } from './shared.js';
}
""",
}


def test_reexports_and_import_aliases_are_followed(tmp_path: Path) -> None:
    spec = parse_files(tmp_path, REEXPORTS)
    assert unresolved(spec) == []
    uses = {
        name: target(field_type(spec, "client#Uses", name))
        for name in ("address", "card", "limits", "leaf", "viaAlias", "viaExport")
    }
    assert uses == {
        "address": "shared#Address",
        "card": "nested/card#Card",
        "limits": "nested/card#Card.Limits",
        "leaf": "ns#Leaf",
        "viaAlias": "shared#Address",
        "viaExport": "shared#Address",
    }


def test_a_reexport_cycle_is_unresolved_not_endless(tmp_path: Path) -> None:
    spec = parse_files(
        tmp_path,
        {
            "a.d.ts": "export * from './b.js';\nexport { X as Y } from './b.js';\n",
            "b.d.ts": "export * from './a.js';\nexport { Y as X } from './a.js';\n",
            "c.d.ts": "import * as A from './a.js';\nexport interface U { y: A.Y; z: A.Z; }\n",
        },
    )
    assert sorted(unresolved(spec)) == [
        f"unresolved type 'A.{n}' (imported from './a.js', which does not declare it)" for n in "YZ"
    ]
