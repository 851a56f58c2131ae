"""The official Stainless Python layout from the spec's file tree (codegen/emit/layout.py).

Small IR fixtures; the whole-SDK comparison with the official package is
bench/layout_parity.py (downloads the official sdist).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from codegen.emit.layout import Placement, acronyms, file_stem, plan, types_package
from codegen.ir import (
    Alias,
    ClientInfo,
    Declaration,
    Interface,
    Location,
    PageClass,
    Ref,
    Resource,
    Spec,
)

LOC = Location("x.d.ts", 1, 1)


def _iface(module: str, name: str) -> Interface:
    return Interface(id=f"{module}#{name}", name=name, module=module, fields=[], loc=LOC)


def _spec(decls: list[Declaration], resources: list[str]) -> Spec:
    page = PageClass(id="core/pagination#Page", name="Page", item_field="data", fields=[], loc=LOC)
    return Spec(
        files=[], diagnostics=[], errors=[], pages=[page], client=ClientInfo(),
        declarations={d.id: d for d in decls},
        resources=[Resource(name=m.rsplit("/", 1)[-1], path=m, module=m, methods=[], loc=LOC)
                   for m in resources],
    )


RESOURCES = ["resources/messages/messages", "resources/messages/batches",
             "resources/beta/beta", "resources/beta/messages/batches",
             "resources/beta/organization/claude-code/managed-settings/rbac-groups"]


def test_types_go_to_the_package_of_their_resources_parent() -> None:
    rs = set(RESOURCES)
    assert types_package("resources/messages/messages", rs) == "types"
    assert types_package("resources/messages/batches", rs) == "types.messages"
    assert types_package("resources/beta/beta", rs) == "types"
    assert types_package("resources/beta/messages/batches", rs) == "types.beta.messages"
    assert types_package("resources/beta/organization/claude-code/managed-settings/rbac-groups",
                         rs) == "types.beta.organization.claude_code.managed_settings"
    # a file that defines no resource is a package of its own
    assert types_package("resources/shared", rs) == "types.shared"
    assert types_package("core/pagination", rs) is None
    assert types_package("client", rs) is None


def test_each_type_gets_a_module_named_for_it_and_nested_types_share_their_outers() -> None:
    page_alias = Alias(id="resources/messages/batches#MessageBatchesPage", name="MessageBatchesPage",
                       module="resources/messages/batches", loc=LOC,
                       type=Ref(text="Page", target="core/pagination#Page"))
    decls: list[Declaration] = [
        _iface("resources/messages/messages", "Message"),
        _iface("resources/messages/messages", "MessageCreateParams"),
        _iface("resources/messages/messages", "MessageCreateParamsStreaming"),
        _iface("resources/messages/messages", "MessageCreateParams.Metadata"),
        _iface("resources/messages/batches", "MessageBatch"),
        _iface("resources/messages/batches", "BatchCreateParams"),
        _iface("resources/messages/batches", "BatchCreateParams.Request"),
        _iface("resources/messages/batches", "BatchCreateParams.Request.Params"),
        _iface("resources/beta/messages/batches", "BetaMessageBatch"),
        _iface("resources/shared", "APIErrorObject"),
        page_alias,
        Alias(id="resources/messages/messages#MessageCreateParams.MessageCreateParamsStreaming",
              name="MessageCreateParams.MessageCreateParamsStreaming",
              module="resources/messages/messages", loc=LOC,
              type=Ref(text="MessagesAPI.MessageCreateParamsStreaming",
                       target="resources/messages/messages#MessageCreateParamsStreaming")),
    ]
    layout = plan(_spec(decls, RESOURCES))
    homes = {k.split("#")[1]: v for k, v in layout.placements.items()}
    assert homes == {
        "Message": Placement("types.message", "Message"),
        "MessageCreateParams": Placement("types.message_create_params", "MessageCreateParams"),
        "MessageCreateParamsStreaming": Placement("types.message_create_params",
                                                  "MessageCreateParamsStreaming"),
        "MessageCreateParams.Metadata": Placement("types.message_create_params", "Metadata"),
        "MessageCreateParams.MessageCreateParamsStreaming": Placement(
            "types.message_create_params", "MessageCreateParamsStreaming"),
        "MessageBatch": Placement("types.messages.message_batch", "MessageBatch"),
        "BatchCreateParams": Placement("types.messages.batch_create_params", "BatchCreateParams"),
        "BatchCreateParams.Request": Placement("types.messages.batch_create_params", "Request"),
        "BatchCreateParams.Request.Params": Placement("types.messages.batch_create_params",
                                                      "RequestParams"),
        "BetaMessageBatch": Placement("types.beta.messages.beta_message_batch",
                                      "BetaMessageBatch"),
        "APIErrorObject": Placement("types.shared.api_error_object", "APIErrorObject"),
    }
    assert layout.module_of("resources/messages/batches#MessageBatchesPage") is None
    # the namespace's re-export of a type with the same home is that type, defined once
    assert layout.same_as == {
        "resources/messages/messages#MessageCreateParams.MessageCreateParamsStreaming":
            "resources/messages/messages#MessageCreateParamsStreaming"}
    # packages re-export their top-level names, never the nested ones; parents exist
    assert layout.exports["types.messages"] == [
        ("types.messages.batch_create_params", "BatchCreateParams"),
        ("types.messages.message_batch", "MessageBatch")]
    assert ("types.message_create_params", "Metadata") not in layout.exports["types"]
    assert layout.exports["types.beta"] == []
    assert sorted(layout.exports) == ["types", "types.beta", "types.beta.messages",
                                      "types.messages", "types.shared"]


def test_file_stems_follow_the_words_of_the_name() -> None:
    known = acronyms({"BetaURLImageSource", "BetaMCPToolset", "URLPDFSource", "MCPOAuthParams",
                      "URLMCPServer", "BetaAPIError", "Base64PDFSource"})
    assert known == {"URL", "MCP", "URLPDF", "MCPO", "URLMCP", "API", "PDF"}
    cases = {
        "MessageBatch": "message_batch",
        "BetaAPIError": "beta_api_error",
        "Base64PDFSource": "base64_pdf_source",
        "CodeExecutionTool20250522Param": "code_execution_tool_20250522_param",
        "URLMCPServerParams": "url_mcp_server_params",
        "URLPDFSource": "url_pdf_source",
        "MCPOAuthParams": "mcp_oauth_params",
        "BetaCMEKError": "beta_cmek_error",
    }
    assert {n: file_stem(n, known) for n in cases} == cases
    # without the spec's acronyms a run stays one word
    assert file_stem("URLMCPServerParams") == "urlmcp_server_params"


def test_parity_counts_a_match_only_in_the_official_module() -> None:
    from bench.layout_parity import compare

    spec = _spec([_iface("resources/messages/batches", "MessageBatch"),
                  _iface("resources/messages/messages", "Tool"),
                  _iface("resources/messages/messages", "OursOnly")], RESOURCES)
    official = {"MessageBatch": {"types.messages.message_batch"},
                "Tool": {"types.beta.agent_create_params"}, "ToolParam": {"types.tool_param"}}
    result = compare(spec, official)
    assert (result["top_level"]["shared"], result["top_level"]["matched"]) == (2, 1)
    assert result["top_level"]["misses"] == [{"id": "resources/messages/messages#Tool",
                                              "ours": "types.tool",
                                              "official": ["types.beta.agent_create_params"]}]
    assert (result["ours_only"], result["official_only"]) == (1, 1)


@pytest.mark.skipif(os.environ.get("CODEGEN_PEER") != "1",
                    reason="set CODEGEN_PEER=1 to compare with the official sdist (pip download; "
                    "needs `codegen fetch --target full`)")
def test_whole_sdk_layout_matches_the_official_package(tmp_path: Path) -> None:
    out = tmp_path / "layout.json"
    run = subprocess.run([sys.executable, "bench/layout_parity.py", "--json-file", str(out)],
                         cwd=Path(__file__).resolve().parent.parent, capture_output=True,
                         text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    assert json.loads(out.read_text())["top_level"]["percent"] >= 99.0


def test_a_params_type_with_only_path_and_header_params_has_no_module() -> None:
    from codegen.ir import Method, Param, ParamLocation, Response

    def method(name: str, params_type: str, locations: list[ParamLocation]) -> Method:
        return Method(name=name, loc=LOC, response=Response(kind="model", type=None),
                      params_type=Ref(text=params_type,
                                      target=f"resources/messages/batches#{params_type}"),
                      params=[Param(name=f"p{i}", type=Ref(text="string"), required=True,
                                    location=loc, loc=LOC)
                              for i, loc in enumerate(locations)])

    spec = _spec([_iface("resources/messages/batches", "BatchRetrieveParams"),
                  _iface("resources/messages/batches", "BatchListParams")], RESOURCES)
    spec.resources[1].methods = [method("retrieve", "BatchRetrieveParams", ["path", "header"]),
                                 method("list", "BatchListParams", ["header", "query"])]
    layout = plan(spec)
    assert layout.module_of("resources/messages/batches#BatchRetrieveParams") is None
    assert layout.module_of("resources/messages/batches#BatchListParams") == (
        "types.messages.batch_list_params")


def test_a_type_module_named_like_a_package_is_a_clash() -> None:
    spec = _spec([_iface("resources/beta/beta", "Messages"),
                  _iface("resources/messages/batches", "MessageBatch")], RESOURCES)
    assert plan(spec).clashes == ["types.messages"]
    assert plan(_spec([_iface("resources/messages/batches", "MessageBatch")],
                      RESOURCES)).clashes == []


def test_relative_imports_between_type_modules() -> None:
    from codegen.emit.ctx_common import relative

    assert relative("messages.message_batch", "messages.message_batch_result") == (
        ".message_batch_result")
    assert relative("messages.message_batch", "shared.api_error_object") == (
        "..shared.api_error_object")
    assert relative("message", "messages.message_batch") == ".messages.message_batch"
    assert relative("beta.sessions.x", "beta.y") == "..y"
    assert relative("beta.__init__", "beta.sessions.x") == ".sessions.x"


def test_each_package_re_exports_its_own_modules_and_the_root_also_shared() -> None:
    from codegen.emit.ctx_types import TypeModule, type_packages

    def module(name: str, *exports: str, moved_to: str | None = None) -> TypeModule:
        return TypeModule(name, moved_to, [], [], [], list(exports))

    packages = type_packages([
        module("message", "Message"),
        module("shared.error_object", "ErrorObject"),
        module("beta.organization.claude_code.rbac", "Rbac"),
        module("messages.a", "Twice", "A"),
        module("messages.b", "Twice"),
        # merged away by an import cycle: its names are re-exported from where they now live
        module("messages.c", "C", moved_to="message"),
    ])
    got = {p.name: {(i.module, n) for i in p.imports for n in i.names} for p in packages}
    assert got == {
        "": {(".message", "Message"), (".shared.error_object", "ErrorObject")},
        "beta": set(),
        "beta.organization": set(),
        "beta.organization.claude_code": {(".rbac", "Rbac")},
        "messages": {(".a", "A"), (".c", "C")},
        "shared": {(".error_object", "ErrorObject")},
    }
    assert [p.path for p in packages][:2] == ["__init__.py", "beta/__init__.py"]


def test_the_batch_package_has_the_official_modules_and_lazy_packages() -> None:
    """generated/: `MessageBatch` in `types/messages/message_batch.py`, importable from its
    package, which binds it only on first use (its `__init__` imports nothing eagerly)."""
    root = Path(__file__).resolve().parent.parent / "generated"
    assert (root / "anthropic_batches/types/messages/message_batch.py").is_file()
    assert (root / "anthropic_batches/pagination.py").is_file()
    code = (
        "import sys\n"
        "import anthropic_batches.types.messages.message_batch as m\n"
        "assert 'MessageBatch' not in vars(sys.modules['anthropic_batches.types.messages'])\n"
        "from anthropic_batches.types.messages import MessageBatch\n"
        "from anthropic_batches.types import ErrorResponse, Message\n"
        "from anthropic_batches.pagination import SyncPage, AsyncPage\n"
        "from anthropic_batches._utils import parse_datetime, parse_date\n"
        "from anthropic_batches import _compat\n"
        "assert _compat.PYDANTIC_V1 is False and _compat.PYDANTIC_V2 is True\n"
        "assert MessageBatch is m.MessageBatch\n"
        "print(ErrorResponse.__module__)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(root)}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "anthropic_batches.types.shared.error_response"
