"""The parsed-file cache: the per-file half of `parse_spec`, pickled by content hash.

For a `.d.ts` file the entry is its `ModuleScan` after seed recovery (without the `SourceText`,
which the caller has just read) and the diagnostics that file produced, in the order it produced
them; for a `.js` file, what `read_js` read. The key covers the file's bytes, codegen's version,
the parser's own sources (any change to the parser invalidates every entry), the tree-sitter
versions and, for a `.d.ts`, its display path and the set of modules given (imports resolve
against it). Nothing here holds a tree-sitter node.
"""

from __future__ import annotations

import dataclasses
import pickle
from functools import cache
from pathlib import Path
from typing import Any

import codegen
from codegen.cache import BlobStore, sha256_hex, tree_digest, version_of
from codegen.ir import Diagnostic
from codegen.parser.dts import ModuleScan
from codegen.parser.js import JsModule
from codegen.parser.source import SourceText

_SCAN_FIELDS = tuple(f.name for f in dataclasses.fields(ModuleScan) if f.name != "source")


@cache
def parser_digest() -> str:
    """codegen's version, the parser's sources and the IR's, and the grammar's versions."""
    package = Path(codegen.__file__).parent
    own = [
        package / name
        for name in ("ir.py", "ir_types.py", "diagnostics.py", "errors.py", "naming_wire.py")
    ]
    return sha256_hex(
        "parser 1",
        codegen.__version__,
        tree_digest(package / "parser", "*.py"),
        *(p.read_bytes() if p.is_file() else b"" for p in own),
        f"tree-sitter=={version_of('tree-sitter')}",
        f"tree-sitter-typescript=={version_of('tree-sitter-typescript')}",
    )


class ScanCache:
    def __init__(self, store: BlobStore) -> None:
        self.store = store
        self.hits = 0
        self.misses = 0

    @staticmethod
    def given_digest(given: set[str]) -> str:
        return sha256_hex(*sorted(given))

    @staticmethod
    def scan_key(source: SourceText, given: str) -> str:
        return sha256_hex(
            "scan", parser_digest(), source.display, source.module, given, source.data
        )

    @staticmethod
    def js_key(source: SourceText) -> str:
        return sha256_hex("js", parser_digest(), source.data)

    def _load(self, key: str) -> Any:
        body = self.store.get(key)
        if body is None:
            return None
        try:
            return pickle.loads(body)
        except Exception:  # a corrupted or stale entry is a miss, never fatal
            self.store.discard(key)
            return None

    def _save(self, key: str, value: object) -> None:
        try:
            body = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # not picklable (it should always be): just do not cache it
            return
        self.store.put(key, body)

    def load_scan(
        self, source: SourceText, given: str
    ) -> tuple[ModuleScan, list[Diagnostic]] | None:
        key = self.scan_key(source, given)
        value = self._load(key)
        try:
            fields, produced = value
            scan = ModuleScan(source, **{name: fields[name] for name in _SCAN_FIELDS})
            if not all(isinstance(d, Diagnostic) for d in produced):
                raise TypeError("not a diagnostic")
        except Exception:
            if value is not None:
                self.store.discard(key)
            self.misses += 1
            return None
        self.hits += 1
        return scan, list(produced)

    def save_scan(
        self, source: SourceText, given: str, scan: ModuleScan, produced: list[Diagnostic]
    ) -> None:
        fields = {name: getattr(scan, name) for name in _SCAN_FIELDS}
        self._save(self.scan_key(source, given), (fields, produced))

    def load_js(self, source: SourceText) -> JsModule | None:
        value = self._load(self.js_key(source))
        if not isinstance(value, JsModule):
            if value is not None:
                self.store.discard(self.js_key(source))
            self.misses += 1
            return None
        self.hits += 1
        return value

    def save_js(self, source: SourceText, module: JsModule) -> None:
        self._save(self.js_key(source), module)
