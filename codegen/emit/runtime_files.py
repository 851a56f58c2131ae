"""The package runtime (`codegen/runtime/*.py`): real Python, copied into every package.

Linted, type-checked and unit-tested where it lives, so what varies per package is marked in the
source rather than templated around it. `templates/runtime/<file>.py.j2` (when present) holds one
macro per varying part:
- a region `# codegen:begin NAME` ... `# codegen:end NAME` (lines) is replaced by what macro
  `NAME(original)` renders; `original` is the region's own text (a region can keep or drop it).
  In place, a region holds a working sample (the batch target's output), which the tests use;
- any other macro names a placeholder word (the root error `PackageError`), replaced wherever it
  occurs as a whole word by the macro's output, which must be an identifier.
"""

from __future__ import annotations

import re
from importlib import resources

import jinja2

from codegen.emit.code import BrokenOutput, Code, UnsafeOutput, is_identifier

RUNTIME_PACKAGE = "codegen.runtime"
PREFIX = "runtime:"
"""Marks an output item as a copied runtime file rather than a template."""

_REGION = re.compile(r"^[ \t]*# codegen:begin (\w+)\n(.*?)^[ \t]*# codegen:end \1\n", re.M | re.S)
_MARKER = re.compile(r"# codegen:(?:begin|end)\b")


def runtime_sources() -> dict[str, str]:
    """File name -> text of every runtime module (the package's `__init__` is not one); read on
    each call, so a long-lived process sees edits (they are a few small files)."""
    root = resources.files(RUNTIME_PACKAGE)
    return {
        node.name: node.read_text(encoding="utf-8")
        for node in sorted(root.iterdir(), key=lambda n: n.name)
        if node.name.endswith(".py") and node.name != "__init__.py"
    }


def slots_template(name: str) -> str:
    return f"runtime/{name}.j2"


def runtime_text(env: jinja2.Environment, name: str, context: dict[str, object]) -> str:
    """The runtime file `name` as the package gets it: the generated-file header, then its source
    with regions and placeholders filled from `templates/runtime/<name>.j2`."""
    source = runtime_sources()[name]
    header = env.get_template("header.j2").render(context)
    try:
        template = env.get_template(slots_template(name))
    except jinja2.TemplateNotFound:
        if _MARKER.search(source):
            raise BrokenOutput(
                f"runtime {name} has regions but no {slots_template(name)}"
            ) from None
        return header + source
    module = template.make_module(context)
    macros = {k: v for k, v in vars(module).items() if isinstance(v, jinja2.runtime.Macro)}
    filled: set[str] = set()

    def region(match: re.Match[str]) -> str:
        key = match.group(1)
        macro = macros.get(key)
        if macro is None:
            raise BrokenOutput(f"runtime {name}: no macro for region {key} in {template.name}")
        filled.add(key)
        return str(macro(Code(match.group(2))))

    text = _REGION.sub(region, source)
    if _MARKER.search(text):
        raise BrokenOutput(f"runtime {name}: a `# codegen:` marker without its pair")
    for word, macro in macros.items():
        if word in filled:
            continue
        value = str(macro())
        if not is_identifier(value):
            raise UnsafeOutput(f"{template.name}: {word} must be an identifier, got {value!r}")
        pattern = re.compile(rf"\b{re.escape(word)}\b")
        if not pattern.search(text):
            raise BrokenOutput(f"runtime {name}: placeholder {word} does not occur")
        text = pattern.sub(value, text)
    return header + text
