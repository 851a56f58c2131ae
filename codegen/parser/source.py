"""Finding spec files, parsing them with tree-sitter, and refusing malformed input early.

The one kind of damage we repair is the lossy export's: a closing `>` left behind where a type
argument list was stripped (`Promise>`). tree-sitter isolates it as a one-character ERROR node
right after a type name; anything else that is not valid TypeScript is fatal.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import tree_sitter_typescript
from tree_sitter import Language, Node, Parser, Tree

from codegen.diagnostics import Diagnostics
from codegen.errors import SpecError
from codegen.ir import Location

DTS_SUFFIX = ".d.ts"
_IGNORED_ERRNOS = (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP)  # as pathlib's


@dataclass
class SourceText:
    """One spec file: `module` is its path under the root without extension (`core/pagination`)."""

    display: str  # its path as given (under the root as the caller named it)
    module: str
    data: bytes
    # the text, when ASCII (most files): byte offsets are its offsets, so a node's text is a
    # slice of it, not a decoded slice of `data` (~25k decodes a large SDK)
    ascii: str | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.ascii = self.data.decode("ascii") if self.data.isascii() else None

    @property
    def path(self) -> Path:
        return Path(self.display)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    def loc(self, node: Node) -> Location:
        row, column = node.start_point
        return Location(self.display, row + 1, column + 1)

    def text(self, node: Node) -> str:
        # a slice of our own text: `node.text` copies the same range out of the tree, slower
        if self.ascii is not None:
            return self.ascii[node.start_byte : node.end_byte]
        return self.data[node.start_byte : node.end_byte].decode("utf-8", "replace")


@cache
def ts_language() -> Language:
    return Language(tree_sitter_typescript.language_typescript())


@cache
def ts_parser() -> Parser:
    return Parser(ts_language())


def field_id(name: str) -> int:
    """The grammar's id of field `name`: `child_by_field_id` with it skips the by-name lookup
    `child_by_field_name` repeats on every call (a scan of the grammar's field names)."""
    found = ts_language().field_id_for_name(name)
    if found is None:
        raise KeyError(name)
    return found


def find_spec_files(
    root: Path, include: Sequence[str] | None = None
) -> tuple[list[SourceText], dict[str, SourceText]]:
    """The `.d.ts` files under `root` (or `root` itself) and the `.js` siblings, by module.

    `include` (globs on paths relative to `root`, see `included`) selects among a folder's files;
    empty or None takes them all.
    """
    if not root.exists():
        raise SpecError(None, f"{root}: no such file or directory")
    if root.is_file():
        if not root.name.endswith(DTS_SUFFIX):
            raise SpecError(None, f"{root}: expected a .d.ts file or a folder of them")
        base, files = root.parent, [str(root)]
    else:
        base, files = root, _spec_files(root)
        if include:
            files = [p for p in files if included(Path(p).relative_to(root).as_posix(), include)]
            if not files:
                raise SpecError(None, f"{root}: no .d.ts files match include {list(include)}")
        if not files:
            raise SpecError(None, f"{root}: no .d.ts files found")
    base_dir = f"{base}/" if str(base) != "/" else "/"
    dts = [_read(path, base, base_dir) for path in files]
    js: dict[str, SourceText] = {}
    for source in dts:
        # (os.path on strings: pathlib's per-call parsing was a tenth of a small spec's parse)
        sibling = source.display[: -len(DTS_SUFFIX)] + ".js"
        if _exists(sibling, os.lstat, stat.S_ISLNK):
            _inside(Path(sibling), base.resolve())
        if _exists(sibling, os.stat, stat.S_ISREG):
            js[source.module] = _read(sibling, base, base_dir)
    return dts, js


def _exists(
    path: str, stat_fn: Callable[[str], os.stat_result], is_kind: Callable[[int], bool]
) -> bool:
    """`Path.is_symlink` / `Path.is_file` on a string: False where pathlib ignores the error."""
    try:
        return is_kind(stat_fn(path).st_mode)
    except OSError as exc:
        if exc.errno not in _IGNORED_ERRNOS:
            raise
        return False
    except ValueError:
        return False


def _spec_files(root: Path) -> list[str]:
    """The `.d.ts` files under `root`, sorted. Links are followed only while they stay inside
    `root` (each folder once); a link leading out, a broken `.d.ts` link or a folder that cannot
    be listed is an error, never a silent skip."""
    real_root = root.resolve()
    seen = {str(real_root)}
    found: list[str] = []
    stack = [(str(root), str(real_root))]  # (folder, its real path: a link's is resolved)
    while stack:
        folder, real_folder = stack.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            raise SpecError(None, f"{Path(folder)}: cannot list folder: {exc.strerror}") from None
        for entry in entries:
            is_dts = entry.name.endswith(DTS_SUFFIX)
            try:
                is_dir = entry.is_dir()
                is_link = entry.is_symlink()
                if is_link and (is_dir or is_dts):
                    _inside(Path(entry.path), real_root)
                if is_dir:
                    real = (
                        str(Path(entry.path).resolve())
                        if is_link
                        else os.path.join(real_folder, entry.name)
                    )
                    if real not in seen:
                        seen.add(real)
                        stack.append((entry.path, real))
                elif is_dts and entry.is_file():
                    found.append(entry.path)
            except OSError as exc:
                raise SpecError(None, f"{Path(entry.path)}: cannot read: {exc.strerror}") from None
    # (sorted as paths: by component, so `a/b` comes before `a-c/b`)
    return sorted(found, key=lambda p: p.split("/"))  # (strings: a `Path` each cost more)


def _inside(link: Path, real_root: Path) -> None:
    """Refuse a link that leads out of the spec folder or nowhere."""
    target = link.resolve()
    if not target.is_relative_to(real_root):
        raise SpecError(None, f"{link}: symbolic link leads outside the spec folder; refused")
    if not target.exists():
        raise SpecError(None, f"{link}: broken symbolic link")


def included(rel: str, patterns: Sequence[str]) -> bool:
    """Whether the relative posix path `rel` matches one of `patterns`: `*` and `?` within one
    path segment, `**` across segments (`core/**`, `**/*.d.ts`); a pattern matching one of
    `rel`'s folders (`core`) includes everything under it."""
    parts = rel.split("/")
    candidates = ["/".join(parts[:i]) for i in range(1, len(parts) + 1)]
    return any(_glob(p).match(c) for p in patterns for c in candidates)


@cache
def _glob(pattern: str) -> re.Pattern[str]:
    out: list[str] = []
    i = 0
    pattern = pattern.strip("/")
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + r"\Z")


def _read(display: str, base: Path, base_dir: str) -> SourceText:
    rel = (
        display[len(base_dir) :]
        if display.startswith(base_dir)
        else Path(display).relative_to(base).as_posix()
    )
    module = rel[: -len(DTS_SUFFIX)] if rel.endswith(DTS_SUFFIX) else rel.rsplit(".", 1)[0]
    try:
        with open(display, "rb") as f:
            data = f.read()
    except OSError as exc:
        raise SpecError(None, f"{display}: cannot read: {exc.strerror}") from None
    try:
        if not data.isascii():  # (ASCII is UTF-8: most files skip decoding a copy to check)
            data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SpecError(
            _byte_location(display, data, exc.start), _not_utf8(data, exc.start)
        ) from None
    head = data[:1024]
    if head.count(0) * 4 > len(head) > 16:  # tree-sitter takes ~25 s/MB on such text
        raise SpecError(
            _byte_location(display, data, data.index(0)),
            "file is not UTF-8: it looks like UTF-16 (NUL bytes between the characters)",
        )
    return SourceText(display, module, data)


def _byte_location(file: str, data: bytes, offset: int) -> Location:
    """Line and column (in characters, 1-based) of byte `offset`."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace"))
    return Location(file, data.count(b"\n", 0, offset) + 1, column + 1)


def _not_utf8(data: bytes, offset: int) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "file is not UTF-8: it starts with a UTF-16 byte order mark"
    return f"file is not UTF-8: invalid byte 0x{data[offset]:02x}"


def parse_checked(source: SourceText, diags: Diagnostics) -> Tree:
    """Parse and make sure the tree is whole, repairing only stray `>` after a type name."""
    tree = ts_parser().parse(source.data)
    for node in _broken_nodes(tree.root_node):
        if _is_stray_angle(source, node):
            diags.warn(
                "recovered-stray-angle",
                "stray '>' after a type name: type arguments were stripped here; ignored",
                source.loc(node),
            )
            continue
        raise SpecError(source.loc(node), _describe(source, node))
    return tree


def _broken_nodes(root: Node) -> list[Node]:
    found: list[Node] = []
    stack = [root]
    while stack:
        node = stack.pop()
        if not node.has_error and not node.is_missing:
            continue
        if node.is_missing or node.type == "ERROR":
            found.append(node)
            continue
        stack.extend(reversed(node.children))
    return sorted(found, key=lambda n: n.start_byte)


def _is_stray_angle(source: SourceText, node: Node) -> bool:
    if node.is_missing or node.type != "ERROR":
        return False
    text = source.text(node)
    if not text or set(text) != {">"}:
        return False
    before = source.data[: node.start_byte].rstrip()
    return bool(before) and (chr(before[-1]).isalnum() or chr(before[-1]) in "_$>")


def _describe(source: SourceText, node: Node) -> str:
    if node.is_missing:
        return f"expected '{node.type}' here (the file looks truncated or unbalanced)"
    text = source.text(node).strip()
    if text.startswith("/*") and "*/" not in text:
        return "unterminated comment: expected '*/'"
    snippet = text.splitlines()[0][:40] if text else ""
    if not snippet:
        return "unexpected end of input: the file looks truncated"
    return f"syntax error: unexpected '{snippet}', expected a TypeScript declaration"
