"""Facts read from the compiled ``.js`` files of a Stainless-generated TypeScript SDK.

The ``.d.ts`` declarations say what a method accepts and returns, but not how it talks to the
API: the HTTP verb, the path template, which parameters go to the body, the query or a header,
which page class a list uses, how a page finds the next one, which status maps to which error,
and the client's defaults. Those live only in the compiled JavaScript, so this package reads it,
one module per kind of fact over a shared ``JsContext`` (``context.py``) and tree helpers
(``tree.py``).

It recognises the shapes Stainless emits and nothing more. Anything else is not reported rather
than guessed at, and ``read_js`` never raises: the caller compares what it got with what it needs
and reports the gaps.
"""

from __future__ import annotations

from tree_sitter import Node, Parser

from codegen.parser.js.classes import read_class
from codegen.parser.js.client_settings import read_client
from codegen.parser.js.context import JsContext
from codegen.parser.js.error_statuses import read_error_statuses
from codegen.parser.js.facts import (
    JsClass,
    JsClientDefaults,
    JsErrorStatus,
    JsMethod,
    JsModule,
    JsPageRule,
    JsPageStep,
    JsPos,
    JsRequest,
    JsWarning,
)
from codegen.parser.js.pages import read_page_rule
from codegen.parser.js.tables import read_tables
from codegen.parser.js.tree import language, safe

__all__ = [
    "JsClass",
    "JsClientDefaults",
    "JsErrorStatus",
    "JsMethod",
    "JsModule",
    "JsPageRule",
    "JsPageStep",
    "JsPos",
    "JsRequest",
    "JsWarning",
    "read_js",
]

_EMPTY = JsModule(classes=(), page_rules=(), error_statuses=(), client=None)


def read_js(source: bytes, file: str) -> JsModule:
    """Read the facts of one compiled ``.js`` file; never raises (odd input gives fewer facts).

    ``file`` only names the input; it is not opened.
    """
    del file  # positions are returned bare; the caller owns the file name
    try:
        tree = Parser(language()).parse(source)
    except Exception:
        return _EMPTY
    ctx = JsContext(source, tree.root_node)
    class_nodes = safe(list[Node](), ctx.class_nodes)
    classes = tuple(c for c in (safe(None, read_class, ctx, n) for n in class_nodes) if c)
    page_rules = tuple(r for r in (safe(None, read_page_rule, ctx, n) for n in class_nodes) if r)
    errors = safe((), read_error_statuses, ctx, class_nodes)
    client = safe(None, read_client, ctx, class_nodes)
    tables, requires, reexports = safe(((), (), ()), read_tables, ctx)
    return JsModule(
        classes=classes,
        page_rules=page_rules,
        error_statuses=errors,
        client=client,
        tables=tables,
        requires=requires,
        reexports=reexports,
    )
