"""The `.js` reader's shortcuts give the facts its tree reading gives.

In a file that parses without errors, `read_js` finds classes from their `class` keyword and
reads the statements `tsc` writes for every module (`require`s, `Object.defineProperty` re-exports)
from their bytes. A file with a syntax error anywhere takes the tree reading for both, so a
source and the same source with a stray `}` appended must give equal facts.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tree_sitter import Parser

from codegen.parser.js import JsModule, read_js
from codegen.parser.js.tree import language

SPEC = Path(__file__).resolve().parent.parent / "spec"


def both_ways(source: bytes) -> tuple[JsModule, JsModule]:
    """(facts with the shortcuts, facts of the tree reading alone)."""
    broken = source + b"\n}"
    assert Parser(language()).parse(broken).root_node.has_error
    return read_js(source, "x.js"), read_js(broken, "x.js")


@pytest.mark.parametrize("rel", sorted(str(p.relative_to(SPEC)) for p in SPEC.rglob("*.js")))
def test_real_files_read_the_same_both_ways(rel: str) -> None:
    fast, slow = both_ways((SPEC / rel).read_bytes())
    assert fast == slow


def test_the_shortcuts_read_tsc_statements() -> None:
    source = b"\n".join(
        [
            b'"use strict";',
            b'Object.defineProperty(exports, "__esModule", { value: true });',
            b'const tslib_1 = require("../internal/tslib.js");',
            b'const data_1 = tslib_1.__importStar(require("../internal/data.js"));',
            b'var m_2 = __importStar(require("./m\xc3\xa9.js"));',
            b'Object.defineProperty(exports, "T", { enumerable: true, get: function () '
            b"{ return data_1.U; } });",
        ]
    )
    fast, slow = both_ways(source)
    assert fast == slow
    assert fast.requires == (
        ("tslib_1", "../internal/tslib.js"),
        ("data_1", "../internal/data.js"),
        ("m_2", "./m\u00e9.js"),
    )
    assert fast.reexports == (("T", "data_1", "U"),)


_NAME = st.sampled_from(["a", "m_1", "x_12", "$x_1", "T", "require", "class_1", "A.b"])
_PATH = st.sampled_from(["./a.js", "", "../x/y.js", "a\\u0062.js", "a\\\\b", "\u00e9.js"])
_SPACE = st.sampled_from(["", " ", "  ", "\n", "/* c */ "])


_PIECE = st.sampled_from(["/a", "/b-c.d", "$", "{x}", "${id}", "${ a }", "${this}", "\\n", "é"])
_ARG = st.sampled_from(["obj", "o", "undefined", "this", "x_1"])


def request(draw: st.DrawFn) -> str:
    """A `this._client` call as Stainless writes it (a path template, maybe unwrapped), or not."""
    path = "".join(draw(st.lists(_PIECE, max_size=4)))
    tag = draw(st.sampled_from(["(0, path_1.path) ", "(0, path_1.path)", "path_1.path", ""]))
    quote = draw(st.sampled_from(["`", "`", "'"]))
    call = (
        f"this._client.{draw(st.sampled_from(['get', 'post', 'foo']))}({tag}{quote}{path}{quote})"
    )
    param, body = draw(_ARG), draw(_ARG)
    tail = draw(
        st.sampled_from(
            [
                "",
                f"._thenUnwrap(({param}) => {body}.result)",
                f"._thenUnwrap(({param}) => {body}.a.b)",
                f"._thenUnwrap({param} => {body}.a)",
                f" /* c */._thenUnwrap(({param}) => {body}.result)",
                "._thenUnwrap",
                "?.x",
                "!",
            ]
        )
    )
    return call + tail


@st.composite
def statements(draw: st.DrawFn) -> str:
    """A top-level statement of one of the shapes the shortcuts read, or a near miss."""
    sp = draw(_SPACE)
    name, other, path = draw(_NAME), draw(_NAME), draw(_PATH)
    kind = draw(st.sampled_from(["const", "var", "let"]))
    shapes = [
        f'{kind} {name} ={sp} require("{path}");',
        f'{kind} {name} = {other}.__importStar(require("{path}")){sp};',
        f'{kind} {name} = __importStar({sp}require("{path}"));',
        f'{kind} {name} = {other}(require("{path}"));',
        f'{kind} {name} = {{ a: "{path}" }};',
        f'exports.{name} = {{ "k":{sp}"{path}" }};',
        f'Object.defineProperty(exports, "{path}", {{{sp}value: true }});',
        f'Object.defineProperty(exports, "{name}", {{ enumerable: true, get: function () '
        f"{{ return {other}.{name};{sp}}} }});",
        f"class {name} {{ m() {{ return this._client.get('/{path}'); }} }}",
        f'const {name} = class {{ /* class */ static x = "class"; }};',
        f"var {name} = (() => {{ class {other} extends E {{}} return {other}; }})();",
        f"{name}.className = subclass_1;",
        f"class {name} {{ m(id, {other}) {{ return {request(draw)}; }} }}",
    ]
    return draw(st.sampled_from(shapes))


@settings(max_examples=150, deadline=None)
@given(st.lists(statements(), min_size=1, max_size=6))
def test_generated_statements_read_the_same_both_ways(lines: list[str]) -> None:
    source = "\n".join(lines).encode()
    if Parser(language()).parse(source).root_node.has_error:
        return  # no shortcut runs on a file with errors: nothing to compare
    fast, slow = both_ways(source)
    assert fast == slow


@pytest.mark.parametrize("param", ["obj", "undefined", "this", "o"])
@pytest.mark.parametrize(
    "tail",
    [
        "._thenUnwrap(({p}) => {p}.result)",
        "._thenUnwrap(({p}) => obj.a.b)",
        "._thenUnwrap({p} => {p}.a)",
        "\n  ._thenUnwrap(({p}) => {p}.result)",
        "._thenUnwrap",
        ";",
    ],
)
def test_unwraps_read_the_same_both_ways(param: str, tail: str) -> None:
    source = (
        "class A { m(id) { return this._client.get((0, path_1.path) `/a/${id}`)"
        + tail.format(p=param)
        + "; } }"
    ).encode()
    fast, slow = both_ways(source)
    assert fast == slow
    assert fast.classes[0].methods[0].requests[0].path == "/a/{id}"


@pytest.mark.parametrize(
    ("span", "route"),
    [
        ("(0, t_1.startApiCallSpan)(this._client, 'n', options, { route: '/r' })", "/r"),
        ("wrap(() => startApiCallSpan(c, { route: '/hidden' }))", None),
        ("wrap(function () { return startApiCallSpan({ route: '/hidden' }); })", None),
        ("wrap(startApiCallSpan({ route: '/a' }), startApiCallSpan({ route: '/b' }))", "/a"),
        ("startApiCallSpan({ other: 1 }, wrap(startApiCallSpan({ route: '/inner' })))", "/inner"),
        ("local", "/l"),
    ],
)
def test_span_routes(span: str, route: str | None) -> None:
    source = (
        "class A { m(id, options) { const local = startApiCallSpan({ route: '/l' }); "
        f"return this._client.get('/x', {{ ...options, __span: {span} }}); }} }}"
    ).encode()
    fast, slow = both_ways(source)
    assert fast == slow
    assert fast.classes[0].methods[0].requests[0].span_route == route


@pytest.mark.parametrize(
    ("tail", "timeout"),
    [
        ("A.DEFAULT_TIMEOUT = 5;", 5),
        ("(A.DEFAULT_TIMEOUT) = 6; // DEFAULT_TIMEOUT", 6),
        ("A.DEFAULT_TIMEOUT = B.DEFAULT_TIMEOUT = 7;", 7),
        ("A.DEFAULT_TIMEOUT = x; A.DEFAULT_TIMEOUT = 8 * 2;", 16),
        ("f(() => { A.DEFAULT_TIMEOUT = 9; });", 9),
        ("A.OTHER = 1; // DEFAULT_TIMEOUT = 3", 30),
        ("A['DEFAULT_TIMEOUT'] = 4;", 30),
    ],
)
def test_client_timeout_assignments(tail: str, timeout: int) -> None:
    """`X.DEFAULT_TIMEOUT = <ms>` anywhere in the client's file, first in source order, else
    the `?? <ms>` default."""
    source = (
        "class A { constructor({ baseURL = 'https://x' } = {}) { "
        "this.timeout = options.timeout ?? 30; } }\n" + tail
    ).encode()
    client = read_js(source, "client.js").client
    assert client is not None and client.timeout_ms == timeout


@pytest.mark.parametrize(
    ("member", "name", "params"),
    [
        ("m(a, b, options) { }", "m", ("a", "b", "options")),
        ("m() { }", "m", ()),
        ("m(undefined, b) { }", "m", ("b",)),
        ("m(this, b) { }", "m", ("b",)),
        ("m(a,b) { }", "m", ("a", "b")),
        ("m(a = 1, { b }, ...rest) { }", "m", ("a", "rest")),
        ("async m($a_1) { }", "m", ("$a_1",)),
        ("static m(a) { }", "m", ("a",)),
        ("get m() { }", None, None),
        ("static set m(v) { }", None, None),
        ("static get m() { }", None, None),
        ("getter(a) { }", "getter", ("a",)),
        ("set_up(a) { }", "set_up", ("a",)),
    ],
)
def test_method_params_and_accessors(
    member: str, name: str | None, params: tuple[str, ...] | None
) -> None:
    fast, slow = both_ways(f"class A extends B {{ {member} }}".encode())
    assert fast == slow
    methods = fast.classes[0].methods
    assert [(m.name, m.params) for m in methods] == ([(name, params)] if name else [])
