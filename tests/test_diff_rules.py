"""Each named rule of `codegen diff` on a small hand-written spec: old -> new, the rule(s) found.

`Widget` is read (a response), `WidgetCreateParams` written (the request); `Shared` below is
both. The cases hold the direction of data fixed and change one thing each.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from diff_specs import METHODS, TYPES, changes, rules, widgets

from codegen.diff.rules import RULES, Change, verdict

BOTH_TYPES = """export type Shade = 'light' | 'dark';
export interface Widget {
    id: string;
    shade: Shade;
}
export interface WidgetCreateParams {
    shade: Shade;
}
"""


def edit(old: str, new: str, text: str = TYPES) -> str:
    assert old in text, old
    return text.replace(old, new)


def method(old: str, new: str) -> str:
    return edit(old, new, METHODS)


WITH_PART = edit("    name: string;\n    color?", "    name: string;\n    part?: Part;\n    color?")
GADGET = TYPES + "export interface Gadget { id: string; }\n"
GADGETS = GADGET + "export interface Gizmo { id: string; }\n"


def result(type_text: str) -> str:
    """The methods, with `retrieve` returning `type_text`."""
    return method(
        "widgetID: string, options?: RequestOptions): APIPromise<Widget>",
        f"widgetID: string, options?: RequestOptions): APIPromise<{type_text}>",
    )


# (rule, old types, new types, old methods, new methods)
CASES: list[tuple[str, str, str, str, str]] = [
    # resources and methods
    (
        "method-added",
        TYPES,
        TYPES,
        METHODS,
        METHODS + "    delete(widgetID: string, options?: RequestOptions): APIPromise<Widget>;\n",
    ),
    (
        "method-removed",
        TYPES,
        TYPES,
        METHODS,
        method(
            "    retrieve(widgetID: string, options?: RequestOptions): APIPromise<Widget>;\n", ""
        ),
    ),
    (
        "method-deprecated",
        TYPES,
        TYPES,
        METHODS,
        method("    retrieve(", "    /** @deprecated use create */\n    retrieve("),
    ),
    # params: the request interface's fields are the method's params
    (
        "param-added-required",
        TYPES,
        edit("    name: string;\n    color?", "    name: string;\n    count: number;\n    color?"),
        METHODS,
        METHODS,
    ),
    (
        "param-added-optional",
        TYPES,
        edit("    name: string;\n    color?", "    name: string;\n    count?: number;\n    color?"),
        METHODS,
        METHODS,
    ),
    ("param-removed", TYPES, edit("    color?: 'red' | 'blue';\n}", "}"), METHODS, METHODS),
    (
        "param-renamed",
        TYPES,
        edit("    name: string;\n    color?", "    title: string;\n    color?"),
        METHODS,
        METHODS,
    ),
    (
        "param-now-required",
        TYPES,
        edit("    color?: 'red' | 'blue';\n}", "    color: 'red' | 'blue';\n}"),
        METHODS,
        METHODS,
    ),
    (
        "param-now-optional",
        TYPES,
        edit("    name: string;\n    color?", "    name?: string;\n    color?"),
        METHODS,
        METHODS,
    ),
    (
        "param-deprecated",
        TYPES,
        edit(
            "    name: string;\n    color?", "    /** @deprecated */\n    name: string;\n    color?"
        ),
        METHODS,
        METHODS,
    ),
    # request enum: a new value is an addition, a removed one breaks writers
    (
        "enum-member-added-input",
        TYPES,
        edit("color?: 'red' | 'blue'", "color?: 'red' | 'blue' | 'green'"),
        METHODS,
        METHODS,
    ),
    (
        "enum-member-removed-input",
        TYPES,
        edit("color?: 'red' | 'blue'", "color?: 'red'"),
        METHODS,
        METHODS,
    ),
    # response enum: a removed value cannot break readers
    (
        "enum-member-added-output",
        TYPES,
        edit("color: 'red' | 'blue';\n    size", "color: 'red' | 'blue' | 'green';\n    size"),
        METHODS,
        METHODS,
    ),
    (
        "enum-member-removed-output",
        TYPES,
        edit("color: 'red' | 'blue';\n    size", "color: 'red';\n    size"),
        METHODS,
        METHODS,
    ),
    # a type both read and written: any narrowing breaks one side
    (
        "type-changed-both",
        BOTH_TYPES,
        edit("'light' | 'dark'", "'light'", BOTH_TYPES),
        METHODS,
        METHODS,
    ),
    (
        "enum-member-added-output",
        BOTH_TYPES,
        edit("'light' | 'dark'", "'light' | 'dark' | 'dim'", BOTH_TYPES),
        METHODS,
        METHODS,
    ),
    # open enums admit any string
    (
        "open-enum-member-added",
        edit("color?: 'red' | 'blue'", "color?: 'red' | 'blue' | (string & {})"),
        edit("color?: 'red' | 'blue'", "color?: 'red' | 'blue' | 'green' | (string & {})"),
        METHODS,
        METHODS,
    ),
    (
        "open-enum-member-removed",
        edit("color?: 'red' | 'blue'", "color?: 'red' | 'blue' | (string & {})"),
        edit("color?: 'red' | 'blue'", "color?: 'red' | (string & {})"),
        METHODS,
        METHODS,
    ),
    # response fields
    (
        "field-added-output",
        TYPES,
        edit("    size?: number;\n", "    size?: number;\n    weight: number;\n"),
        METHODS,
        METHODS,
    ),
    ("field-removed", TYPES, edit("    size?: number;\n", ""), METHODS, METHODS),
    (
        "field-now-optional-output",
        TYPES,
        edit("    name: string;\n    color: 'red'", "    name?: string;\n    color: 'red'"),
        METHODS,
        METHODS,
    ),
    ("field-now-required-output", TYPES, edit("size?: number", "size: number"), METHODS, METHODS),
    (
        "field-deprecated",
        TYPES,
        edit("    size?: number;\n", "    /** @deprecated */\n    size?: number;\n"),
        METHODS,
        METHODS,
    ),
    (
        "nullable-added-output",
        TYPES,
        edit("size?: number", "size?: number | null"),
        METHODS,
        METHODS,
    ),
    (
        "nullable-removed-output",
        edit("size?: number", "size?: number | null"),
        TYPES,
        METHODS,
        METHODS,
    ),
    (
        "type-widened-output",
        TYPES,
        edit(
            "    id: string;\n    name: string;\n    color",
            "    id: string | number;\n    name: string;\n    color",
        ),
        METHODS,
        METHODS,
    ),
    (
        "type-changed",
        TYPES,
        edit(
            "    id: string;\n    name: string;\n    color",
            "    id: number;\n    name: string;\n    color",
        ),
        METHODS,
        METHODS,
    ),
    # request fields of a nested request type
    (
        "field-added-optional-input",
        WITH_PART + "export interface Part { label: string; }\n",
        WITH_PART + "export interface Part { label: string; note?: string; }\n",
        METHODS,
        METHODS,
    ),
    (
        "field-added-required-input",
        WITH_PART + "export interface Part { label: string; }\n",
        WITH_PART + "export interface Part { label: string; note: string; }\n",
        METHODS,
        METHODS,
    ),
    (
        "field-now-optional-input",
        WITH_PART + "export interface Part { label: string; }\n",
        WITH_PART + "export interface Part { label?: string; }\n",
        METHODS,
        METHODS,
    ),
    (
        "field-now-required-input",
        WITH_PART + "export interface Part { label?: string; }\n",
        WITH_PART + "export interface Part { label: string; }\n",
        METHODS,
        METHODS,
    ),
    (
        "nullable-added-input",
        TYPES,
        edit("name: string;\n    color?", "name: string | null;\n    color?"),
        METHODS,
        METHODS,
    ),
    (
        "nullable-removed-input",
        edit("name: string;\n    color?", "name: string | null;\n    color?"),
        TYPES,
        METHODS,
        METHODS,
    ),
    (
        "type-widened-input",
        TYPES,
        edit("name: string;\n    color?", "name: string | number;\n    color?"),
        METHODS,
        METHODS,
    ),
    (
        "type-narrowed-input",
        TYPES,
        edit("name: string;\n    color?", "name: 'a' | 'b';\n    color?"),
        METHODS,
        METHODS,
    ),
    # unions of models
    (
        "union-member-added-output",
        GADGETS,
        GADGETS,
        result("Widget | Gadget"),
        result("Widget | Gadget | Gizmo"),
    ),
    (
        "type-widened-output",
        GADGET,
        GADGET,
        result("Widget | null"),
        result("Widget | Gadget | null"),
    ),
    (
        "union-member-removed-output",
        GADGETS,
        GADGETS,
        result("Widget | Gadget | Gizmo"),
        result("Widget | Gadget"),
    ),
    (
        "type-narrowed-output",
        GADGET,
        GADGET,
        result("Widget | Gadget | null"),
        result("Widget | null"),
    ),
    (
        "union-member-added-input",
        edit(
            "    name: string;\n    color?",
            "    name: string;\n    part?: string | number;\n    color?",
        ),
        edit(
            "    name: string;\n    color?",
            "    name: string;\n    part?: string | number | boolean;\n    color?",
        ),
        METHODS,
        METHODS,
    ),
    (
        "union-member-removed-input",
        edit(
            "    name: string;\n    color?",
            "    name: string;\n    part?: string | number | boolean;\n    color?",
        ),
        edit(
            "    name: string;\n    color?",
            "    name: string;\n    part?: string | number;\n    color?",
        ),
        METHODS,
        METHODS,
    ),
    # results
    ("type-changed", GADGET, GADGET, METHODS, result("Gadget")),
    (
        "model-added",
        GADGET,
        GADGET,
        METHODS,
        METHODS + "    gadget(widgetID: string, options?: RequestOptions): APIPromise<Gadget>;\n",
    ),
    ("model-removed", GADGET, GADGET, result("Widget | Gadget | null"), result("Widget | null")),
    (
        "model-renamed",
        WITH_PART + "export interface Part { label: string; }\n",
        edit("part?: Part", "part?: Piece", WITH_PART)
        + "export interface Piece { label: string; }\n",
        METHODS,
        METHODS,
    ),
    ("return-kind-changed", GADGET, GADGET, METHODS, result("void")),
]


@pytest.mark.parametrize(
    ("rule", "old_types", "new_types", "old_methods", "new_methods"),
    CASES,
    ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)],
)
def test_rule(
    tmp_path: Path, rule: str, old_types: str, new_types: str, old_methods: str, new_methods: str
) -> None:
    found = rules(tmp_path, widgets(old_types, old_methods), widgets(new_types, new_methods))
    assert rule in found, found


def test_a_union_member_changed_in_place_is_compared_inside(tmp_path: Path) -> None:
    old = edit(
        "    name: string;\n    color?",
        "    name: string;\n    parts?: string | Array<'a' | 'b'>;\n    color?",
    )
    new = edit(
        "    name: string;\n    color?",
        "    name: string;\n    parts?: string | Array<'a' | 'b' | 'c'>;\n    color?",
    )
    assert rules(tmp_path, widgets(old), widgets(new)) == ["enum-member-added-input"]


WIDGETS_JS = """class Widgets extends resource_1.APIResource {
    create(body, options) {
        return this._client.post('/v1/widgets', { body, ...options });
    }
    retrieve(widgetID, options) {
        return this._client.get(path `/v1/widgets/${widgetID}`, options);
    }
}
exports.Widgets = Widgets;
"""


def test_route_changed_in_the_js(tmp_path: Path) -> None:
    old = widgets(js=WIDGETS_JS)
    new = widgets(js=WIDGETS_JS.replace("post('/v1/widgets'", "post('/v2/widgets'"))
    assert rules(tmp_path, old, new) == ["route-changed"]


def test_renamed_and_merged_models(tmp_path: Path) -> None:
    """Two nested copies merged into one shared type whose enum also grew: one rename each,
    the grown enum once, no removed model or union member."""
    nested = (
        "export interface Widget { id: string; }\n"
        "export interface WidgetCreateParams { a?: WidgetCreateParams.Loc; b?: Other.Loc; }\n"
        "export declare namespace WidgetCreateParams {\n"
        "    interface Loc { type: 'approximate'; city?: 'x' | 'y'; }\n}\n"
        "export interface Other { id: string; }\n"
        "export declare namespace Other {\n"
        "    interface Loc { type: 'approximate'; city?: 'x' | 'y'; }\n}\n"
    )
    shared = (
        "export interface Widget { id: string; }\n"
        "export interface WidgetCreateParams { a?: Location; b?: Location; }\n"
        "export interface Location { type: 'approximate'; city?: 'x' | 'y' | 'z'; }\n"
    )
    found = changes(tmp_path, widgets(nested), widgets(shared))
    assert sorted((c.rule, c.where, c.detail) for c in found) == [
        ("enum-member-added-input", "Location.city", '+ "z"'),
        ("model-renamed", "Other.Loc", "-> Location"),
        ("model-renamed", "WidgetCreateParams.Loc", "-> Location"),
    ]


def test_two_alike_params_replaced_by_one_are_not_a_rename(tmp_path: Path) -> None:
    two = edit(
        "    name: string;\n    color?",
        "    name: string;\n    a?: string;\n    b?: string;\n    color?",
    )
    one = edit("    name: string;\n    color?", "    name: string;\n    c?: string;\n    color?")
    found = rules(tmp_path, widgets(two), widgets(one))
    assert found == ["param-added-optional", "param-removed", "param-removed"]


def test_resources_added_and_removed(tmp_path: Path) -> None:
    gadgets = (
        "export interface Gadget { id: string; }\n"
        "export declare class Gadgets extends APIResource {\n"
        "    retrieve(gadgetID: string, options?: RequestOptions): APIPromise<Gadget>;\n}\n"
    )
    one, two = widgets(), widgets(TYPES + gadgets)
    assert rules(tmp_path / "a", one, two) == ["model-added", "resource-added"]
    assert rules(tmp_path / "b", two, one) == ["model-removed", "resource-removed"]


def test_every_rule_has_a_level_and_a_reason() -> None:
    assert all(r.level in ("patch", "minor", "major") and r.why for r in RULES.values())


def test_direction_decides_enum_removals(tmp_path: Path) -> None:
    request = rules(
        tmp_path / "a",
        widgets(),
        widgets(edit("color?: 'red' | 'blue'", "color?: 'red'")),
    )
    response = rules(
        tmp_path / "b",
        widgets(),
        widgets(edit("color: 'red' | 'blue';\n    size", "color: 'red';\n    size")),
    )
    assert request == ["enum-member-removed-input"] and RULES[request[0]].level == "major"
    assert response == ["enum-member-removed-output"] and RULES[response[0]].level == "patch"


def test_identical_specs_and_comments_are_no_change(tmp_path: Path) -> None:
    assert rules(tmp_path / "same", widgets(), widgets()) == []
    commented = "// a comment\n/** a doc comment that is new */\n" + TYPES
    assert rules(tmp_path / "comment", widgets(), widgets(commented)) == []


def test_verdict_is_the_highest_level() -> None:
    def change(rule: str) -> Change:
        return Change(rule, "x", "y")

    assert verdict([]) == "none"
    assert verdict([change("route-changed")]) == "patch"
    assert verdict([change("route-changed"), change("method-added")]) == "minor"
    assert verdict([change("method-added"), change("param-removed")]) == "major"


SPEC = Path(__file__).resolve().parent.parent / "spec"


@pytest.mark.parametrize(
    ("edit_from", "edit_to", "rule"),
    [
        (
            "export declare class ConflictError extends APIError<409, Headers> {",
            "export declare class GoneError extends APIError<410, Headers> {\n}\n"
            "export declare class ConflictError extends APIError<409, Headers> {",
            "error-added",
        ),
        (
            "    last_id: string | null;\n    constructor",
            "    last_id: string | null;\n    total: number;\n    constructor",
            "page-field-added",
        ),
        (
            "    first_id: string | null;\n    last_id: string | null;\n    constructor",
            "    last_id: string | null;\n    constructor",
            "page-field-removed",
        ),
    ],
)
def test_vendored_spec_edits(tmp_path: Path, edit_from: str, edit_to: str, rule: str) -> None:
    """Pages and errors, on a copy of the vendored spec with one edit in core/."""
    from codegen.diff.compare import compare
    from codegen.parser import parse_spec

    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(SPEC, old)
    shutil.copytree(SPEC, new)
    name = "error.d.ts" if "Error" in edit_from else "pagination.d.ts"
    pagination = new / "core" / name
    text = pagination.read_text()
    assert edit_from in text
    pagination.write_text(text.replace(edit_from, edit_to))
    found = compare(parse_spec(old), parse_spec(new), ["messages.batches"])
    assert [c.rule for c in found] == [rule]


# -- one rule each, with its level and the verdict it gives alone ------------------------------

CREATE = "    create(body: WidgetCreateParams, options?: RequestOptions): APIPromise<Widget>;\n"
STREAMING_TYPES = (
    TYPES + "export interface WidgetCreateParamsNonStreaming extends WidgetCreateParams {\n"
    "    stream?: false;\n}\n"
    "export interface WidgetCreateParamsStreaming extends WidgetCreateParams {\n"
    "    stream: true;\n}\n"
)
ONE_SHOT = method(
    CREATE,
    "    create(body: WidgetCreateParamsNonStreaming, options?: RequestOptions): APIPromise<Widget>;\n"
    "    create(body: WidgetCreateParams, options?: RequestOptions): APIPromise<Widget>;\n",
)
STREAMING = method(
    CREATE,
    "    create(body: WidgetCreateParamsNonStreaming, options?: RequestOptions): APIPromise<Widget>;\n"
    "    create(body: WidgetCreateParamsStreaming, options?: RequestOptions): "
    "APIPromise<Stream<Widget>>;\n"
    "    create(body: WidgetCreateParams, options?: RequestOptions): "
    "APIPromise<Stream<Widget> | Widget>;\n",
)
BODY_NAME = edit(
    "    name: string;\n    color?",
    "    /** Body param: its name */\n    name: string;\n    color?",
)
QUERY_NAME = edit(
    "    name: string;\n    color?",
    "    /** Query param: its name */\n    name: string;\n    color?",
)
# `retrieve(widgetID)` takes the id positionally; from a params interface it is keyword-only
RETRIEVE_PARAMS = (
    TYPES
    + "export interface WidgetRetrieveParams {\n    /** Path param: id */\n    widget_id: string;\n}\n"
)
RETRIEVE_BY_KEYWORD = method("retrieve(widgetID: string,", "retrieve(params: WidgetRetrieveParams,")
WIDGET = """export interface Widget {
    id: string;
    name: string;
    color: 'red' | 'blue';
    size?: number;
}
"""


def moved_to_shared() -> dict[str, str]:
    """`Widget` declared in `shared.d.ts` and imported: same name, same shape."""
    files = widgets('import { Widget } from "./shared.js";\n' + edit(WIDGET, ""))
    files["shared.d.ts"] = WIDGET
    return files


# (rule, its level, old spec, new spec)
ONE_RULE: list[tuple[str, str, dict[str, str], dict[str, str]]] = [
    (
        "stream-added",
        "minor",
        widgets(STREAMING_TYPES, ONE_SHOT),
        widgets(STREAMING_TYPES, STREAMING),
    ),
    (
        "stream-removed",
        "major",
        widgets(STREAMING_TYPES, STREAMING),
        widgets(STREAMING_TYPES, ONE_SHOT),
    ),
    ("param-moved", "patch", widgets(BODY_NAME), widgets(QUERY_NAME)),
    ("param-positional-changed", "major", widgets(), widgets(RETRIEVE_PARAMS, RETRIEVE_BY_KEYWORD)),
    ("model-moved", "patch", widgets(), moved_to_shared()),
]


@pytest.mark.parametrize(("rule", "level", "old", "new"), ONE_RULE, ids=[c[0] for c in ONE_RULE])
def test_one_rule(
    tmp_path: Path, rule: str, level: str, old: dict[str, str], new: dict[str, str]
) -> None:
    found = changes(tmp_path, old, new)
    assert [c.rule for c in found] == [rule]
    assert found[0].level == level and verdict(found) == level


def spec_edits(tmp: Path, edits: list[tuple[str, str, str]]) -> list[Change]:
    """Two copies of the vendored spec, the new one with `edits` (file, text, replacement), compared
    on `messages.batches` (a page-returning `list`)."""
    from codegen.diff.compare import compare
    from codegen.parser import parse_spec

    old, new = tmp / "old", tmp / "new"
    shutil.copytree(SPEC, old)
    shutil.copytree(SPEC, new)
    for name, before, after in edits:
        text = (new / name).read_text()
        assert before in text, (name, before)
        (new / name).write_text(text.replace(before, after, 1))
    return compare(parse_spec(old), parse_spec(new), ["messages.batches"])


def _between(text: str, start: str, end: str) -> str:
    first = text.index(start)
    return text[first : text.index(end, first) + len(end)]


def other_page(drop_field: str = "", extra_field: str = "") -> list[tuple[str, str, str]]:
    """A copy of core/pagination's `Page` named `BigPage` (.d.ts and .js), without `drop_field`
    and with `extra_field` (both .d.ts lines), now the page `messages.batches.list` returns."""
    dts = _between(
        (SPEC / "core/pagination.d.ts").read_text(), "export declare class Page<", "\n}\n"
    )
    js = _between(
        (SPEC / "core/pagination.js").read_text(), "class Page extends", "exports.Page = Page;\n"
    )
    dts = dts.replace("class Page<", "class BigPage<").replace(drop_field, "")
    dts = dts.replace("    constructor(", f"{extra_field}    constructor(")
    js = js.replace("class Page ", "class BigPage ").replace(
        "exports.Page = Page", "exports.BigPage = BigPage"
    )
    end = "//# sourceMappingURL"
    batches = "resources/messages/batches.d.ts"
    return [
        ("core/pagination.d.ts", end, dts + end),
        ("core/pagination.js", end, js + end),
        (batches, "{ Page, type PageParams", "{ Page, BigPage, type PageParams"),
        (batches, "MessageBatchesPage = Page<", "MessageBatchesPage = BigPage<"),
    ]


SPEC_ONE_RULE: list[tuple[str, str, list[tuple[str, str, str]]]] = [
    ("page-class-changed", "major", other_page(drop_field="    first_id: string | null;\n")),
    ("page-class-extended", "minor", other_page(extra_field="    total: number;\n")),
    ("page-class-extended", "minor", other_page()),
    (
        "page-rule-changed",
        "patch",
        [("core/pagination.js", "const cursor = this.last_id;", "const cursor = this.first_id;")],
    ),
    (
        "error-removed",
        "major",
        [
            (
                "core/error.d.ts",
                "export declare class ConflictError extends APIError<409, Headers> {\n}\n",
                "",
            )
        ],
    ),
    ("error-changed", "major", [("core/error.js", "status === 409", "status === 410")]),
    (
        "client-env-changed",
        "major",
        [("client.js", "readEnv)('ANTHROPIC_API_KEY')", "readEnv)('ANTHROPIC_KEY')")],
    ),
    (
        "client-env-changed",
        "major",
        [("client.js", "readEnv)('ANTHROPIC_BASE_URL')", "readEnv)('ANTHROPIC_URL')")],
    ),
    (
        "client-default-changed",
        "patch",
        [("client.js", "options.maxRetries ?? 2", "options.maxRetries ?? 5")],
    ),
    (
        "client-default-changed",
        "patch",
        [
            (
                "client.js",
                "baseURL || `https://api.anthropic.com`",
                "baseURL || `https://api.example.com`",
            )
        ],
    ),
]


@pytest.mark.parametrize(
    ("rule", "level", "edits"),
    SPEC_ONE_RULE,
    ids=[f"{c[0]}-{i}" for i, c in enumerate(SPEC_ONE_RULE)],
)
def test_one_rule_on_the_vendored_spec(
    tmp_path: Path, rule: str, level: str, edits: list[tuple[str, str, str]]
) -> None:
    found = spec_edits(tmp_path, edits)
    assert [c.rule for c in found] == [rule], [(c.rule, c.where, c.detail) for c in found]
    assert found[0].level == level and verdict(found) == level


def test_every_rule_is_tested() -> None:
    """Each rule id appears in this file's cases (a new rule needs a test)."""
    text = Path(__file__).read_text()
    assert [r for r in RULES if f'"{r}"' not in text] == []
