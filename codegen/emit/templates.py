"""Where templates come from: the built-in set installed with codegen (package data of
`codegen.templates`, read with importlib.resources), overlaid file by file by a user folder
(`--templates DIR` / `templates` in config), so overriding one template needs only that file."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import jinja2

import codegen
from codegen.emit import runtime_files
from codegen.errors import SpecError

TEMPLATE_SUFFIX = ".j2"


def builtin_root() -> Traversable | None:
    """The installed templates; a source checkout put on `sys.path` uninstalled (the benches'
    snapshots) has them beside the `codegen` folder instead."""
    try:
        root = resources.files("codegen.templates")
    except ModuleNotFoundError:
        root = Path(codegen.__file__).resolve().parent.parent / "templates"
    return root if root.is_dir() else None


class TraversableLoader(jinja2.BaseLoader):
    """Templates under an importlib.resources root (a folder, or inside a zip)."""

    def __init__(self, root: Traversable) -> None:
        self.root = root

    def _find(self, name: str) -> Traversable | None:
        node = self.root
        for part in name.split("/"):
            if part in ("", ".", ".."):
                return None
            node = node / part
        return node if node.is_file() else None

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        node = self._find(template)
        if node is None:
            raise jinja2.TemplateNotFound(template)
        return node.read_text(encoding="utf-8"), None, lambda: True

    def list_templates(self) -> list[str]:
        found: list[str] = []

        def walk(node: Traversable, prefix: str) -> None:
            for child in node.iterdir():
                if child.is_dir():
                    walk(child, f"{prefix}{child.name}/")
                elif child.name.endswith(TEMPLATE_SUFFIX):
                    found.append(prefix + child.name)

        walk(self.root, "")
        return sorted(found)


def loader(overlay: Path | None) -> jinja2.BaseLoader:
    """The user's folder first (when given), then the built-in set."""
    loaders: list[jinja2.BaseLoader] = []
    if overlay is not None:
        if not overlay.is_dir():
            raise SpecError(None, f"templates folder {overlay} does not exist")
        loaders.append(jinja2.FileSystemLoader(str(overlay)))
    builtin = builtin_root()
    if builtin is not None:
        loaders.append(TraversableLoader(builtin))
    elif overlay is None:
        raise SpecError(None, "codegen's built-in templates are missing: reinstall codegen")
    return jinja2.ChoiceLoader(loaders)


def template_names(env: jinja2.Environment) -> list[str]:
    """Every template name either layer has (an overlay may add a runtime module or a test)."""
    return sorted(n for n in env.list_templates() if n.endswith(TEMPLATE_SUFFIX))


def templates_digest(env: jinja2.Environment) -> str:
    """The effective set: each name with the source that wins for it (and the runtime files), so a
    cache keyed on this changes when the overlay or the installed templates change, and only then."""
    h = hashlib.sha256()
    for name in template_names(env):
        source, _, _ = env.loader.get_source(env, name) if env.loader else ("", None, None)
        h.update(name.encode() + b"\0" + hashlib.sha256(source.encode()).digest())
    for name, text in runtime_files.runtime_sources().items():
        h.update(b"runtime:" + name.encode() + b"\0" + hashlib.sha256(text.encode()).digest())
    return h.hexdigest()
