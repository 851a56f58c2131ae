"""A property whose annotation is memoised is read from its text (`TypeReader.read_property`):
name, '?', type, location and doc must be what the node-by-node read gives."""

from __future__ import annotations

from typing import Any

import pytest

from codegen.diagnostics import Diagnostics
from codegen.ir import Declaration, Diagnostic, Interface
from codegen.parser.dts import scan_module
from codegen.parser.source import SourceText, parse_checked
from codegen.parser.types import PLAIN_LEAVES, PLAIN_UNIONS, TypeReader

TEXT = """\
export interface A {
  /** doc */
  a: string | null;
  b?: string | null;
  readonly c: string | null;
  'd-e': string | null;
  f ?: string | null;
  g /* c */: string | null;
  h?: /* c */ string | null;
  $i: string | null;
  default: 'x' | 'y';
  j: 'x' | 'y';
  k?;
  l: Array<string | null>;
  m: string | null
  n: { o: string | null; p?: string | null };
}
export interface B {
  a: string | null;
  j?: 'x' | 'y';
  q:
    | 'x'
    | 'y';
}
"""


def _fields(ascii_text: bool) -> tuple[list[Declaration], list[Diagnostic]]:
    PLAIN_LEAVES.clear()
    PLAIN_UNIONS.clear()
    # (a file with non-ASCII text is read from its bytes)
    source = SourceText("m.d.ts", "m", (TEXT if ascii_text else f"{TEXT}// é\n").encode())
    assert (source.ascii is not None) == ascii_text
    diags = Diagnostics()
    scan = scan_module(source, parse_checked(source, diags).root_node, diags, {"m"})
    return list(scan.declarations), list(diags.items)


def test_the_text_read_gives_what_the_node_read_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    node_reads: list[object] = []
    read = TypeReader._read_property

    def counted(self: TypeReader, *args: Any) -> Any:
        node_reads.append(args)
        return read(self, *args)

    monkeypatch.setattr(TypeReader, "_read_property", counted)
    from_text = _fields(True)
    from_bytes = _fields(False)
    assert len(node_reads) == 2 * 6  # (readonly, quoted, spaced, commented, `$` names, `k?;`)
    monkeypatch.setattr(TypeReader, "read_property", read)
    from_nodes = _fields(True)
    assert from_text == from_nodes
    assert from_bytes == from_nodes
    names = [f.name for d in from_text[0] if isinstance(d, Interface) for f in d.fields]
    assert names[:4] == ["a", "b", "c", "d-e"] and "$i" in names and "q" in names
