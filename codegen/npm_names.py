"""npm's grammar for what `codegen fetch` passes to npm and puts in cache paths.

A package name or version that is not in it is refused before npm runs or a path is built: a
version such as `1/../../x` would otherwise climb out of the cache, and a name such as `--x`
would reach npm as an option.
"""

from __future__ import annotations

import re

# validate-npm-package-name, for new packages: lowercase, url-safe, optionally `@scope/`; no
# part starts with `.`, `_` or `-`
_NAME_PART = r"[a-z0-9~][a-z0-9._~-]*"
_NPM_NAME = re.compile(rf"(?:@{_NAME_PART}/)?{_NAME_PART}", re.ASCII)
NPM_NAME_MAX = 214
_RESERVED = {"node_modules", "favicon.ico"}

# semver.org 2.0.0: an exact version (no range, no leading `v`, no leading zeros)
_NUM = r"(?:0|[1-9][0-9]*)"
_PRE_ID = r"(?:0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*)"
_SEMVER = re.compile(
    rf"{_NUM}\.{_NUM}\.{_NUM}(?:-{_PRE_ID}(?:\.{_PRE_ID})*)?(?:\+[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*)?",
    re.ASCII,
)


def npm_name_problem(name: str) -> str | None:
    """Why `name` is not a valid npm package name, or None."""
    if not name:
        return "it is empty"
    if len(name) > NPM_NAME_MAX:
        return f"it is longer than {NPM_NAME_MAX} characters"
    if name in _RESERVED:
        return f"'{name}' is reserved"
    if not _NPM_NAME.fullmatch(name):
        return (
            "npm names are lowercase letters, digits and `-._~`, not starting with `.`, `_` "
            "or `-`, optionally scoped as `@scope/name`"
        )
    return None


def npm_version_problem(version: str) -> str | None:
    """Why `version` is not an exact semver 2.0 version (`1.14.0`, `2.0.0-beta.1`), or None."""
    if _SEMVER.fullmatch(version):
        return None
    return "expected an exact semver version such as 1.14.0"
