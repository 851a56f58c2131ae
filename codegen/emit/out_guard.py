"""Folders `--out` may never be: the filesystem root, the home folder, the project (the folder of
the pyproject.toml in use, when there is one), the spec.

Ownership (the manifest) keeps a run from replacing foreign files, but generating into one of
these is always a mistake (`--out .` at the project root, `--out ~`, a typo'd `--out /`), so it
is refused before anything is parsed or written.
"""

from __future__ import annotations

import os
from pathlib import Path

from codegen.errors import SpecError


def _home() -> Path | None:
    try:
        return Path.home().resolve()
    except (RuntimeError, KeyError, OSError):
        return None


def _within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_out_folder(out: Path, *, root: Path, spec: Path, templates: Path | None = None) -> None:
    """Raise a one-line SpecError when `out` is no place to generate into."""
    shown = str(out)
    if os.path.lexists(out) and not out.is_dir():
        raise SpecError(None, f"output folder {shown} exists and is not a folder")
    where = out.resolve()
    if where.parent == where:
        raise SpecError(None, f"output folder {shown} is the filesystem root")
    home = _home()
    if home is not None and _within(home, where):
        what = "the home folder" if where == home else "a folder holding the home folder"
        raise SpecError(None, f"output folder {shown} is {what} ({home})")
    project = root.resolve()
    if (project / "pyproject.toml").exists() and _within(project, where):
        what = "the project root" if where == project else "a folder holding the project"
        raise SpecError(None, f"output folder {shown} is {what} ({project}, its pyproject.toml)")
    guarded = [("spec", spec)] + ([("templates", templates)] if templates is not None else [])
    for name, path in guarded:
        folder = path.resolve()
        if not folder.exists():
            continue
        folder = folder if folder.is_dir() else folder.parent
        if _within(where, folder) or _within(folder, where):
            raise SpecError(
                None, f"output folder {shown} overlaps the {name} folder {folder}; choose another"
            )
