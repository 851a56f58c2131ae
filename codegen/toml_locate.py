"""Where each key and array element of a TOML text is: tomllib gives values but no positions.

`positions(text)` finds every key path (`("tool", "codegen", "errors", 2, "status")`): the line
and column of its key (of the header, for tables) and of its value (the element, in arrays), so
a config error can point at the offending key or value. The text has already been parsed by tomllib:
the scanner is lenient and stops quietly (keeping what it found) at anything it does not know.
"""

from __future__ import annotations

import bisect
import re
import tomllib
from dataclasses import dataclass

Path = tuple[str | int, ...]

_BARE = re.compile(r"[A-Za-z0-9_-]+")
_SCALAR_END = re.compile(r"[,\]}\s#]")
_DATE_SPACE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2} (?=[0-9]{2}:)")


class _Stop(Exception):
    """The text is not what the scanner expects; keep the positions found so far."""


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.i = 0
        self.starts = [0, *(m.end() for m in re.finditer("\n", text))]
        self.found = Positions({}, {})
        self.tables: dict[Path, int] = {}  # [[array]] tables: how many seen so far

    def at(self, index: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, index)
        return line, index - self.starts[line - 1] + 1

    def mark(self, path: Path, index: int) -> None:
        self.found.keys.setdefault(path, self.at(index))

    def mark_value(self, path: Path, index: int) -> None:
        self.found.values.setdefault(path, self.at(index))

    def skip(self, newlines: bool) -> None:
        """Whitespace and comments (and newlines, inside arrays)."""
        text = self.text
        while self.i < len(text):
            char = text[self.i]
            if char in " \t\r" or (newlines and char == "\n"):
                self.i += 1
            elif char == "#":
                end = text.find("\n", self.i)
                self.i = len(text) if end < 0 else end
            else:
                return

    def document(self) -> None:
        table: Path = ()
        while True:
            self.skip(newlines=True)
            if self.i >= len(self.text):
                return
            if self.text[self.i] == "[":
                table = self.header()
            else:
                self.keyval(table)
                self.skip(newlines=False)
                if self.i < len(self.text) and self.text[self.i] != "\n":
                    raise _Stop

    def header(self) -> Path:
        start = self.i
        double = self.text.startswith("[[", self.i)
        self.i += 2 if double else 1
        self.skip(newlines=False)
        path = self.key()
        self.skip(newlines=False)
        close = "]]" if double else "]"
        if not self.text.startswith(close, self.i):
            raise _Stop
        self.i += len(close)
        if double:
            index = self.tables.get(path, 0)
            self.tables[path] = index + 1
            self.mark(path, start)
            path = (*path, index)
        self.mark(path, start)
        return path

    def key(self) -> Path:
        parts: list[str] = []
        while True:
            self.skip(newlines=False)
            parts.append(self.key_part())
            self.skip(newlines=False)
            if not self.text.startswith(".", self.i):
                return tuple(parts)
            self.i += 1

    def key_part(self) -> str:
        char = self.text[self.i : self.i + 1]
        if char in ('"', "'"):
            start = self.i
            self.string()
            value = tomllib.loads("k = " + self.text[start : self.i])["k"]
            return str(value)
        bare = _BARE.match(self.text, self.i)
        if bare is None:
            raise _Stop
        self.i = bare.end()
        return bare.group()

    def keyval(self, table: Path) -> None:
        start = self.i
        key = self.key()
        for depth in range(1, len(key) + 1):  # `a.b = 1` also defines table `a`
            self.mark((*table, *key[:depth]), start)
        path = (*table, *key)
        if not self.text.startswith("=", self.i):
            raise _Stop
        self.i += 1
        self.skip(newlines=False)
        self.mark_value(path, self.i)
        self.value(path)

    def value(self, path: Path) -> None:
        char = self.text[self.i : self.i + 1]
        if char in ('"', "'"):
            self.string()
        elif char == "[":
            self.array(path)
        elif char == "{":
            self.inline_table(path)
        else:
            date = _DATE_SPACE.match(self.text, self.i)  # `1979-05-27 07:32:00`: one value
            end = _SCALAR_END.search(self.text, date.end() if date else self.i)
            self.i = len(self.text) if end is None else end.start()

    def string(self) -> None:
        text, quote = self.text, self.text[self.i]
        triple = quote * 3
        if text.startswith(triple, self.i):
            end = text.find(triple, self.i + 3)
            while quote == '"' and end > 0 and _escaped(text, end):
                end = text.find(triple, end + 1)
            if end < 0:
                raise _Stop
            while text.startswith(quote, end + 3):  # up to two quotes may end the content
                end += 1
            self.i = end + 3
            return
        j = self.i + 1
        while j < len(text) and text[j] != quote and text[j] != "\n":
            j += 2 if quote == '"' and text[j] == "\\" else 1
        if j >= len(text) or text[j] != quote:
            raise _Stop
        self.i = j + 1

    def array(self, path: Path) -> None:
        self.i += 1
        index = 0
        while True:
            self.skip(newlines=True)
            if self.text.startswith("]", self.i):
                self.i += 1
                return
            self.mark((*path, index), self.i)
            self.mark_value((*path, index), self.i)
            self.value((*path, index))
            index += 1
            self.skip(newlines=True)
            if self.text.startswith(",", self.i):
                self.i += 1
            elif not self.text.startswith("]", self.i):
                raise _Stop

    def inline_table(self, path: Path) -> None:
        self.i += 1
        while True:
            self.skip(newlines=False)
            if self.text.startswith("}", self.i):
                self.i += 1
                return
            self.keyval(path)
            self.skip(newlines=False)
            if self.text.startswith(",", self.i):
                self.i += 1
            elif not self.text.startswith("}", self.i):
                raise _Stop


def _escaped(text: str, index: int) -> bool:
    backslashes = 0
    while index - backslashes - 1 >= 0 and text[index - backslashes - 1] == "\\":
        backslashes += 1
    return backslashes % 2 == 1


@dataclass(frozen=True)
class Positions:
    """Line and column (1-based) of each key and each value, by key path."""

    keys: dict[Path, tuple[int, int]]
    values: dict[Path, tuple[int, int]]

    def key(self, path: Path) -> tuple[int, int]:
        """Where `path` is set, else its nearest located parent (a missing key is reported at
        its table); (1, 1) only when nothing on the way is in the text."""
        for depth in range(len(path), 0, -1):
            if path[:depth] in self.keys:
                return self.keys[path[:depth]]
        return 1, 1

    def value(self, path: Path) -> tuple[int, int]:
        """Where the value of `path` starts, else where its key is."""
        return self.values.get(path) or self.key(path)


def positions(text: str) -> Positions:
    """The positions of every key path and array element in `text`."""
    scanner = _Scanner(text)
    try:
        scanner.document()
    except (_Stop, tomllib.TOMLDecodeError):
        pass
    return scanner.found
