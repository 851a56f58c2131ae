"""The fuzz inputs: mutated copies of real spec files, each a small spec folder.

Every input is a pure function of `(seed, index)`, so a run and any single input can be replayed
(`bench/fuzz.py --seed S --only I`). An input is a dict of relative path -> bytes (the folder to
parse) plus optional symlinks; mutations work on bytes, on tokens, and on the structure (deep
nesting, every encoding oddity).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SPEC = REPO / "spec"
SEED_FILES = (
    Path("/work/shared/seed/batches.d.ts"),
    REPO / "tests" / "data" / "seed" / "batches.d.ts",
)
FULL_SPEC = REPO / ".codegen-cache" / "anthropic-ai-sdk-1.14.0" / "spec"

DEPTHS = (50, 99, 100, 101, 200, 500, 1000, 10_000)
# numbers valid in TypeScript, most of them not JSON
NUMBERS = (
    "01", "010", "08", "1.", ".5", "-0x10", "-1n", "1n", "0x10", "1e3", "1E-3", "1_000", "0b1",
    "0o7", "0B11", "0O17", "0X1F", "1e400", "-0", "-.5", "- 1", "0.1e+2", "9007199254740993",
    "1__0", "0x", "1e", "5.5.5",
)  # fmt: skip
TOKENS = (
    "<", ">", "{", "}", "(", ")", "[", "]", "|", "&", ";", ":", "?", ",", ".", "=", "=>", "...",
    "'", '"', "`", "/*", "*/", "//", "\\", "const", "n: const", "keyof", "typeof", "infer",
    "extends", "namespace", "interface", "type", "class", "export", "declare", "import",
    "readonly", "abstract", "static", "private", "#x", "new", "this", "unique symbol", "enum",
    "function", "=> void", "as", "is", "asserts", "get", "set", "default", "module", "global",
    "`${string}`", "[K in keyof T]", "T extends U ? X : Y", "-?", "+readonly", "@dec",
    "\x00", "\x1b[31m", "\u202e", "\ufeff", "\u2028", "\U0001d518", "é", *NUMBERS,
)  # fmt: skip
ENCODINGS = ("bom", "utf16", "utf16be", "invalid", "overlong", "nul", "crlf", "cr", "surrogate",
             "latin1", "esc")  # fmt: skip
NESTINGS = ("generic", "array", "union", "tuple", "object", "intersection", "namespace",
            "paren", "flat-union", "flat-intersection", "readonly", "js-expr", "js-object",
            "interface-ns", "conditional", "alias-chain", "extends-chain", "alias-cycle")  # fmt: skip
_TOKEN = re.compile(rb"[A-Za-z_$][\w$]*|\d[\w.]*|\s+|/\*.*?\*/|//[^\n]*|.", re.S)


@dataclass
class Input:
    """One fuzz input: the folder's files and links (relative path -> target), and what was done."""

    files: dict[str, bytes]
    links: dict[str, str] = field(default_factory=dict)
    steps: list[str] = field(default_factory=list)


@dataclass
class Corpus:
    """The groups of real files an input starts from: each group is a whole small spec."""

    groups: list[dict[str, bytes]]

    @classmethod
    def load(cls, full: bool = True) -> Corpus:
        groups = [_folder(SPEC)]
        for path in sorted(SPEC.rglob("*.d.ts")):
            groups.append(_module(SPEC, path))
        seed = next((p for p in SEED_FILES if p.is_file()), None)
        if seed is not None:
            groups.append({"batches.d.ts": seed.read_bytes()})
        if full and FULL_SPEC.is_dir():
            for path in sorted(FULL_SPEC.rglob("*.d.ts")):
                groups.append(_module(FULL_SPEC, path))
        return cls(groups)


def _folder(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name.endswith((".d.ts", ".js"))
    }


def _module(root: Path, path: Path) -> dict[str, bytes]:
    rel = path.relative_to(root).as_posix()
    out = {rel: path.read_bytes()}
    js = path.with_name(path.name[: -len(".d.ts")] + ".js")
    if js.is_file():
        out[rel[: -len(".d.ts")] + ".js"] = js.read_bytes()
    return out


def make_input(corpus: Corpus, seed: int, index: int) -> Input:
    """The input number `index` of the run seeded `seed`: a group, then 1-3 mutations."""
    rng = random.Random(f"{seed}:{index}")
    # the whole spec/ folder is the slowest group: one input in eight
    group = corpus.groups[0] if rng.random() < 0.125 else rng.choice(corpus.groups[1:])
    inp = Input(dict(group))
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        name, fn = rng.choice(_MUTATIONS)
        target = rng.choice(sorted(inp.files))
        if name.startswith("dts-") and not target.endswith(".d.ts"):
            target = rng.choice(sorted(t for t in inp.files if t.endswith(".d.ts")))
        inp.steps.append(f"{name}({target})")
        fn(rng, inp, target)
    return inp


# --- byte mutations ----------------------------------------------------------------------------


def _span(rng: random.Random, data: bytes) -> tuple[int, int]:
    start = rng.randrange(len(data) + 1)
    return start, min(len(data), start + rng.choice((1, 1, 2, 4, 16, 64)))


def _byte_delete(rng: random.Random, inp: Input, target: str) -> None:
    data = inp.files[target]
    a, b = _span(rng, data)
    inp.files[target] = data[:a] + data[b:]


def _byte_insert(rng: random.Random, inp: Input, target: str) -> None:
    data = inp.files[target]
    at = rng.randrange(len(data) + 1)
    blob = bytes(rng.randrange(256) for _ in range(rng.choice((1, 2, 3, 8))))
    inp.files[target] = data[:at] + blob + data[at:]


def _byte_swap(rng: random.Random, inp: Input, target: str) -> None:
    data = inp.files[target]
    (a, b), (c, d) = sorted((_span(rng, data), _span(rng, data)))
    if b <= c:
        inp.files[target] = data[:a] + data[c:d] + data[b:c] + data[a:b] + data[d:]


def _truncate(rng: random.Random, inp: Input, target: str) -> None:
    data = inp.files[target]
    inp.files[target] = data[: rng.randrange(len(data) + 1)]


# --- token mutations ---------------------------------------------------------------------------


def _tokens(data: bytes) -> list[bytes]:
    return _TOKEN.findall(data)


def _token_delete(rng: random.Random, inp: Input, target: str) -> None:
    toks = _tokens(inp.files[target])
    if toks:
        del toks[rng.randrange(len(toks))]
    inp.files[target] = b"".join(toks)


def _token_insert(rng: random.Random, inp: Input, target: str) -> None:
    toks = _tokens(inp.files[target])
    new = rng.choice(TOKENS).encode() if rng.random() < 0.6 or not toks else rng.choice(toks)
    toks.insert(rng.randrange(len(toks) + 1), new)
    inp.files[target] = b"".join(toks)


def _token_swap(rng: random.Random, inp: Input, target: str) -> None:
    toks = _tokens(inp.files[target])
    if len(toks) > 1:
        i, j = rng.randrange(len(toks)), rng.randrange(len(toks))
        toks[i], toks[j] = toks[j], toks[i]
    inp.files[target] = b"".join(toks)


def _token_replace(rng: random.Random, inp: Input, target: str) -> None:
    toks = _tokens(inp.files[target])
    words = [i for i, t in enumerate(toks) if t[:1].isalnum() or t[:1] in b"'\""]
    if words:
        toks[rng.choice(words)] = rng.choice(TOKENS).encode()
    inp.files[target] = b"".join(toks)


_TYPE_SLOT = re.compile(rb"(\??: )([^;\n]{1,80});")


def _dts_number(rng: random.Random, inp: Input, target: str) -> None:
    """A property or literal type becomes an odd TypeScript number literal."""
    data = inp.files[target]
    slots = list(_TYPE_SLOT.finditer(data))
    num = rng.choice(NUMBERS).encode()
    if not slots:
        inp.files[target] = data + b"\nexport type N = " + num + b";\n"
        return
    m = rng.choice(slots)
    inp.files[target] = data[: m.start(2)] + num + data[m.end(2) :]


# --- structure: deep nesting -------------------------------------------------------------------


def nested(kind: str, depth: int) -> bytes:
    """A type (or, for namespace/js kinds, statements) nested `depth` levels deep."""
    n = depth
    text = {
        "generic": "Array<" * n + "string" + ">" * n,
        "array": "string" + "[]" * n,
        "union": "(string | " * n + "number" + ")" * n,
        "tuple": "[" * n + "string" + "]" * n,
        "object": "{ a: " * n + "string" + " }" * n,
        "intersection": "(A & " * n + "B" + ")" * n,
        "paren": "(" * n + "string" + ")" * n,
        "flat-union": " | ".join(f"'v{i}'" for i in range(n)),
        "flat-intersection": " & ".join(f"T{i}" for i in range(n)),
        "readonly": "readonly " * n + "string[]",
        "conditional": "T extends string ? " * n + "X" + " : Y" * n,
    }.get(kind)
    if text is not None:
        return text.encode()
    if kind == "alias-chain":
        chain = "".join(f"export type C{i} = C{i + 1};\n" for i in range(n))
        return (chain + f"export interface C{n} {{ type: 'c' }}\nexport type CU = C0 | CV;\n"
                "export interface CV { type: 'v' }\n").encode()  # fmt: skip
    if kind == "extends-chain":
        chain = "".join(
            f"export interface E{i} extends E{i + 1} {{ e{i}: string }}\n" for i in range(n)
        )
        return (chain + f"export interface E{n} {{ type: 'e' }}\nexport type EU = E0 | EV;\n"
                "export interface EV { type: 'v' }\n").encode()  # fmt: skip
    if kind == "alias-cycle":
        return (
            b"export type Y1 = Y2;\nexport type Y2 = Y1;\nexport type YU = Y1 | Y3;\n"
            b"export interface Y3 { type: 'y' }\n"
        )
    if kind == "namespace":
        return ("export namespace N {\n" * n + "export type X = string;\n" + "}\n" * n).encode()
    if kind == "interface-ns":
        return (
            "export declare namespace N { " * n + "interface I { a: string }" + " }" * n
        ).encode()
    if kind == "js-expr":
        return ("const x = " + "(" * n + "1" + ")" * n + ";\n").encode()
    return ("const o = " + "{ a: " * n + "1" + " }" * n + ";\n").encode()  # js-object


def _dts_nest(rng: random.Random, inp: Input, target: str) -> None:
    kind, depth = rng.choice(NESTINGS), rng.choice(DEPTHS)
    inp.steps[-1] += f"[{kind}x{depth}]"
    blob = nested(kind, depth)
    data = inp.files[target]
    if kind in ("namespace", "interface-ns", "alias-chain", "extends-chain", "alias-cycle"):
        inp.files[target] = data + b"\n" + blob
    elif kind.startswith("js-"):
        js = target[: -len(".d.ts")] + ".js"
        inp.files[js] = inp.files.get(js, b"") + b"\n" + blob
    else:
        slots = list(_TYPE_SLOT.finditer(data))
        if slots and rng.random() < 0.7:
            m = rng.choice(slots)
            inp.files[target] = data[: m.start(2)] + blob + data[m.end(2) :]
        else:
            inp.files[target] = data + b"\nexport type Deep<T = 1> = " + blob + b";\n"


# --- encodings ---------------------------------------------------------------------------------


def _encoding(rng: random.Random, inp: Input, target: str) -> None:
    kind = rng.choice(ENCODINGS)
    inp.steps[-1] += f"[{kind}]"
    data = inp.files[target]
    at = rng.randrange(len(data) + 1)
    text = data.decode("utf-8", "replace")
    inp.files[target] = {
        "bom": lambda: b"\xef\xbb\xbf" + data,
        "utf16": lambda: text.encode("utf-16"),
        "utf16be": lambda: text.encode("utf-16-be"),
        "invalid": lambda: (
            data[:at] + rng.choice((b"\xff", b"\xc3", b"\x80", b"\xe2\x82")) + data[at:]
        ),
        "overlong": lambda: data[:at] + b"\xc0\xaf" + data[at:],
        "nul": lambda: data[:at] + b"\x00" + data[at:],
        "crlf": lambda: data.replace(b"\n", b"\r\n"),
        "cr": lambda: data.replace(b"\n", b"\r"),
        "surrogate": lambda: data[:at] + b"\xed\xa0\x80" + data[at:],
        "latin1": lambda: text.replace("a", "\xe9").encode("latin-1", "replace"),
        "esc": lambda: data[:at] + b"\x1b[2J\x07\x00\x7f" + data[at:],
    }[kind]()


# --- the folder itself -------------------------------------------------------------------------


def _links(rng: random.Random, inp: Input, target: str) -> None:
    """Links inside the spec folder: to a system file, out of the root, to a sibling, a loop."""
    kind = rng.choice(("system", "outside-dir", "inside", "loop", "dangling"))
    inp.steps[-1] += f"[{kind}]"
    if kind == "system":
        inp.links["evil.d.ts"] = "/etc/passwd"
    elif kind == "outside-dir":
        inp.links["up"] = "/etc"
    elif kind == "inside":
        inp.links["copy.d.ts"] = target
    elif kind == "loop":
        inp.links["loop"] = "."
    else:
        inp.links["gone.d.ts"] = "nowhere.d.ts"


_MUTATIONS: list[tuple[str, Callable[[random.Random, Input, str], None]]] = [
    ("byte-delete", _byte_delete),
    ("byte-insert", _byte_insert),
    ("byte-swap", _byte_swap),
    ("truncate", _truncate),
    ("token-delete", _token_delete),
    ("token-insert", _token_insert),
    ("token-insert", _token_insert),
    ("token-swap", _token_swap),
    ("token-replace", _token_replace),
    ("token-replace", _token_replace),
    ("dts-number", _dts_number),
    ("dts-nest", _dts_nest),
    ("dts-nest", _dts_nest),
    ("encoding", _encoding),
    ("links", _links),
]
