"""Tiny hand-written specs for the `codegen diff` tests: one resource, `widgets`, whose types
and methods each test rewrites."""

from __future__ import annotations

from pathlib import Path

from codegen.diff.compare import compare
from codegen.diff.rules import Change
from codegen.parser import parse_spec

HEAD = """import { APIResource } from "./core/resource.js";
import { APIPromise } from "./core/api-promise.js";
import { RequestOptions } from "./internal/request-options.js";
"""

TYPES = """export interface Widget {
    id: string;
    name: string;
    color: 'red' | 'blue';
    size?: number;
}
export interface WidgetCreateParams {
    name: string;
    color?: 'red' | 'blue';
}
"""

METHODS = """    create(body: WidgetCreateParams, options?: RequestOptions): APIPromise<Widget>;
    retrieve(widgetID: string, options?: RequestOptions): APIPromise<Widget>;
"""


def widgets(types: str = TYPES, methods: str = METHODS, js: str | None = None) -> dict[str, str]:
    files = {
        "widgets.d.ts": f"{HEAD}{types}export declare class Widgets extends APIResource {{\n"
        f"{methods}}}\n"
    }
    if js is not None:
        files["widgets.js"] = js
    return files


def write(root: Path, files: dict[str, str]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


def changes(tmp: Path, old: dict[str, str], new: dict[str, str]) -> list[Change]:
    a = parse_spec(write(tmp / "old", old))
    b = parse_spec(write(tmp / "new", new))
    return compare(a, b)


def rules(tmp: Path, old: dict[str, str], new: dict[str, str]) -> list[str]:
    return sorted(c.rule for c in changes(tmp, old, new))
