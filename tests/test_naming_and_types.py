"""Name mapping (property-based) and how IR types become Python annotations."""

from __future__ import annotations

import keyword
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from codegen.emit.naming import (
    PYDANTIC_RESERVED,
    attr_name,
    field_scope,
    identifier,
    module_name,
    python_path,
)
from codegen.naming_wire import snake_case
from codegen.parser import parse_spec


@given(st.text(max_size=30))
def test_identifier_is_always_valid(raw: str) -> None:
    assert identifier(raw).isidentifier()


@given(st.lists(st.text(min_size=1, max_size=12), max_size=12))
def test_field_names_are_unique_safe_identifiers(wires: list[str]) -> None:
    scope = field_scope()
    names = [scope.claim(w, w) for w in dict.fromkeys(wires)]
    assert len(set(names)) == len(names)
    for name in names:
        assert name.isidentifier() and not keyword.iskeyword(name) and name not in PYDANTIC_RESERVED


def test_known_mappings() -> None:
    scope = field_scope()
    assert [
        scope.claim(w, w)
        for w in ["class", "from", "json", "model_config", "x-request-id", "x_request_id", "2fa"]
    ] == ["class_", "from_", "json_", "model_config_", "x_request_id", "x_request_id_2", "f_2fa"]
    assert snake_case("messageBatchID") == "message_batch_id"
    assert module_name("resources/messages/messages") == "messages"
    assert [snake_case(n) for n in ["dnssecE2E", "E2EResponse", "summaryV2Foo", "P2PLink"]] == [
        "dnssec_e2e", "e2e_response", "summary_v2_foo", "p2p_link",
    ]  # fmt: skip


def test_resource_attributes_take_the_spelling_of_their_module_file() -> None:
    """Stainless names a resource's files and its Python attribute from one snake_case name;
    its camelCase TS attribute loses the word breaks (`aiSearch` is `aisearch` in Python)."""
    assert attr_name("aiSearch", "resources/aisearch/aisearch") == "aisearch"
    assert attr_name("DDoSProtection", "resources/ddos-protection/ddos-protection") == (
        "ddos_protection"
    )
    assert attr_name("RayID", "resources/logs/rayid") == "rayid"
    assert attr_name(
        "IdPFederationGrants", "resources/zero-trust/access/idp-federation-grants"
    ) == ("idp_federation_grants")
    # a file of another word (or none) leaves the attribute's own snake_case
    assert attr_name("userProfiles", "resources/beta/profiles") == "user_profiles"
    assert attr_name("import", "") == "import_"
    assert python_path("beta.userProfiles") == "beta.user_profiles"
    assert python_path("zeroTrust.access.IdPFederationGrants", [
        "resources/zero-trust/zero-trust", "", "resources/zero-trust/access/idp-federation-grants",
    ]) == "zero_trust.access.idp_federation_grants"  # fmt: skip


@given(
    st.sampled_from(["a", "type", "kind"]),
    st.lists(st.from_regex(r"[a-z]{1,6}", fullmatch=True), min_size=2, max_size=4, unique=True),
)
def test_discriminated_union_from_generated_declarations(
    tmp_path_factory, tag: str, values: list[str]
) -> None:  # type: ignore[no-untyped-def]
    members = "\n".join(
        f"export interface M{i} {{ {tag}: '{v}'; x?: number; }}" for i, v in enumerate(values)
    )
    union = " | ".join(f"M{i}" for i in range(len(values)))
    path = tmp_path_factory.mktemp("u") / "u.d.ts"
    path.write_text(
        f"{members}\nexport type U = {union};\nexport type L = {' | '.join(repr(v) for v in values)};\n"
    )
    spec = parse_spec(path)
    u = spec.declarations["u#U"]
    assert u.type.discriminator == tag  # type: ignore[union-attr]
    lit = spec.declarations["u#L"]
    assert [m.value for m in lit.type.members] == values  # type: ignore[union-attr]


def test_unsupported_construct_is_a_diagnostic(tmp_path: Path) -> None:
    path = tmp_path / "x.d.ts"
    path.write_text(
        "export interface A { k: keyof B; t: `a${string}`; }\nexport interface B { b: string }\n"
    )
    spec = parse_spec(path)
    assert sum(d.code == "unsupported-type" for d in spec.diagnostics) == 2


def test_pydantic_reserved_names_cover_the_installed_basemodel() -> None:
    """The generator lists pydantic's attributes itself (it does not import pydantic); the
    generated package's pinned pydantic must add none that a field could shadow."""
    import pydantic

    from codegen.emit.naming import PYDANTIC_RESERVED

    public = {name for name in dir(pydantic.BaseModel) if not name.startswith("__")}
    assert public <= PYDANTIC_RESERVED


def test_a_model_field_named_list_does_not_shadow_the_builtin_its_annotation_reads() -> None:
    """cloudflare's `...QueryStringExclude.list: list[str] | None`: pydantic evaluates the
    annotation in the class body, where a field `list` (default None) is what `list` names."""
    source = (
        "from __future__ import annotations\n"
        "import pydantic\n"
        "class M(pydantic.BaseModel):\n"
        "    NAME: list[str] | None = pydantic.Field(default=None, alias='list')\n"
        "m = M.model_validate({'list': ['a']})\n"
    )
    name = field_scope().claim("list", "list")
    assert name == "list_"
    run: dict[str, object] = {}
    exec(source.replace("NAME", name), run)
    assert getattr(run["m"], name) == ["a"]
    try:
        exec(source.replace("NAME", "list"), {})
    except TypeError:
        pass  # the unsafe spelling fails at import, as the whole cloudflare package did
    else:
        raise AssertionError("a field `list` was expected to break its own annotation")
