"""The status error classes (`_exceptions.py`, the package exports, the fault tests): the spec's
error classes named by the resolver, then the configured extras, each under a parent the
package defines, in an order Python can import."""

from __future__ import annotations

from dataclasses import dataclass

from codegen.config import ErrorConfig
from codegen.emit.ctx_client import ClassNames
from codegen.emit.ctx_plan import Planner
from codegen.emit.doors import config_identifier
from codegen.emit.naming import RUNTIME_NAMES, Scope
from codegen.errors import SpecError
from codegen.ir import Location

# Builtins the generated `_exceptions` and package `__init__` use by name.
_ERROR_MODULE_BUILTINS = frozenset(
    {"Exception", "id", "int", "next", "object", "str", "super", "type", "len", "isinstance"}
)


@dataclass(frozen=True)
class ErrorClass:
    """A status error class; `match` is `exact` (that status) or `at_least` (a range's floor)."""

    name: str
    status: int
    match: str
    parent: str
    doc: str
    loc: str | None


@dataclass(frozen=True)
class ErrorAlias:
    """A configured name for a status the spec already has a class for."""

    name: str
    target: str


def error_plan(planner: Planner, names: ClassNames) -> tuple[list[ErrorClass], list[ErrorAlias]]:
    """(status error classes, aliases): spec errors named by the resolver (a class `None`
    becomes `None_`, with a warning), configured ones checked: identifiers, and a parent
    the package defines, so the module imports (exit 2 otherwise)."""
    spec, config = planner.spec, planner.config
    taken = {names.class_name, names.async_class_name, names.error_root}
    # builtins the error module itself uses are taken; others (`NotImplementedError` in
    # the whole SDK) keep the spec's name, as a class of that module
    scope = Scope(RUNTIME_NAMES | _ERROR_MODULE_BUILTINS | taken | {"Client", "AsyncClient"})
    python: dict[str, str] = {}
    errors: list[ErrorClass] = []
    for e in spec.errors:
        py = scope.claim(e.name, e.name)
        python[e.name] = py
        if py != e.name:
            planner.warn(f"error class '{e.name}' is named '{py}' in Python", e.loc)
        parent = python.get(e.parent, e.parent)
        assert e.status is not None  # the parser keeps only the classes with a status
        errors.append(ErrorClass(py, e.status, e.match, parent, e.doc.text, str(e.loc)))
    by_status = {e.status: python[e.name] for e in spec.errors if e.match == "exact"}
    where = f"{config.section} errors"
    aliases: list[ErrorAlias] = []
    extras: list[ErrorConfig] = []
    for extra in config.extra_errors:
        if extra.name in python:
            continue
        config_identifier(
            extra.name,
            "name",
            where,
            frozenset(scope.taken) | scope.reserved,
            config.where.get("errors"),
        )
        if extra.status in by_status:
            aliases.append(ErrorAlias(extra.name, by_status[extra.status]))
        else:
            extras.append(extra)
        scope.claim(extra.name, extra.name)
    bases = {"APIError", "APIStatusError", names.error_root}
    defined = bases | {e.name for e in errors} | {x.name for x in extras}
    for extra in extras:
        parent = python.get(extra.parent, extra.parent)
        if parent not in defined or parent == extra.name:
            known = ", ".join(sorted(defined - {extra.name}))
            raise SpecError(
                config.where.get("errors"),
                f"{where}: '{extra.name}' has parent {extra.parent!r}, which is not an "
                f"error class of the package (known: {known})",
            )
        errors.append(ErrorClass(extra.name, extra.status, "exact", parent, "", None))
    _check_parent_order(errors, bases, where, config.where.get("errors"))
    return sorted(errors, key=lambda e: (e.status, e.name)), aliases


def _check_parent_order(
    errors: list[ErrorClass], bases: set[str], where: str, loc: Location | None
) -> None:
    """Every error class's parent is defined before it can be: no cycle among the configured."""
    done = set(bases)
    left = list(errors)
    while left:
        ready = [e for e in left if e.parent in done]
        if not ready:
            names = ", ".join(sorted(e.name for e in left))
            raise SpecError(loc, f"{where}: the parents of {names} form a cycle")
        done |= {e.name for e in ready}
        left = [e for e in left if e.name not in done]


@dataclass(frozen=True)
class StatusClass:
    """The error class a status must raise, as the fault tests expect it."""

    status: int
    name: str


# statuses the fault tests always try, beside those of the error classes
_PROBED_STATUSES = (408, 418, 502, 599)


def status_classes(errors: list[ErrorClass]) -> list[StatusClass]:
    """Each error class's status and the probed ones, with the class it raises: the class of
    exactly that status, else the range with the highest floor at or below it, else
    `APIStatusError`."""
    out = []
    for status in sorted({e.status for e in errors} | set(_PROBED_STATUSES)):
        exact = [e for e in errors if e.match == "exact" and e.status == status]
        ranged = sorted(
            (e for e in errors if e.match == "at_least" and e.status <= status),
            key=lambda e: e.status,
            reverse=True,
        )
        found = (exact or ranged)[:1]
        out.append(StatusClass(status, found[0].name if found else "APIStatusError"))
    return out
