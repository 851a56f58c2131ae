"""The named rules: each change found is one of these, and its rule alone sets its semver level.

`major` breaks code that type-checked and ran against the old package; `minor` adds something
users can now do (or marks something deprecated, as semver asks); `patch` changes nothing a
caller can observe through the types. Rules on types are per direction (see `direction`): the
user *writes* input types, so a narrower one breaks and a wider one adds; the user *reads*
output types, so a wider one breaks (a field that may now be missing or null) and a narrower one
does not. A type used both ways breaks on any change. One policy choice: a new member of a
response enum or union is `minor`, not `major`: readers narrow by the discriminator, and the
generated models already have to accept members a newer API sends.
"""

from __future__ import annotations

from dataclasses import dataclass

LEVELS = ("none", "patch", "minor", "major")


@dataclass(frozen=True)
class Rule:
    name: str
    level: str
    why: str


_RULES = [
    Rule("resource-added", "minor", "a new client attribute"),
    Rule("resource-removed", "major", "code using the resource fails"),
    Rule("method-added", "minor", "a new method"),
    Rule("method-removed", "major", "calls to it fail"),
    Rule("method-deprecated", "minor", "semver: deprecations are minor"),
    Rule("route-changed", "patch", "same call, another HTTP route; the signature is unchanged"),
    Rule("param-added-required", "major", "existing calls lack the new required argument"),
    Rule("param-added-optional", "minor", "a new optional argument"),
    Rule("param-removed", "major", "calls passing it fail"),
    Rule("param-renamed", "major", "calls passing the old keyword fail"),
    Rule("param-now-required", "major", "calls that omit it fail"),
    Rule("param-now-optional", "patch", "every old call still works"),
    Rule("param-positional-changed", "major", "positional and keyword calls differ"),
    Rule("param-moved", "patch", "sent elsewhere (query/body/header/wire name); same argument"),
    Rule("param-deprecated", "minor", "semver: deprecations are minor"),
    Rule("return-kind-changed", "major", "the result is another kind (model, page, stream...)"),
    Rule("page-class-changed", "major", "the returned page class lacks fields the old one had"),
    Rule("page-class-extended", "minor", "another page class with every field of the old one"),
    Rule("stream-added", "minor", "a new stream=True overload"),
    Rule("stream-removed", "major", "stream=True calls fail"),
    Rule("model-added", "minor", "a new type in the package"),
    Rule("model-removed", "major", "imports of the type fail"),
    Rule("model-renamed", "major", "imports of the old name fail; its values are unchanged"),
    Rule("model-moved", "patch", "declared in another spec module; the name is unchanged"),
    Rule("field-added-output", "minor", "readers get a new attribute"),
    Rule("field-added-optional-input", "minor", "writers may set a new key"),
    Rule("field-added-required-input", "major", "existing request values lack the new key"),
    Rule("field-removed", "major", "readers and writers of the field fail"),
    Rule("field-now-optional-output", "major", "typed readers must now handle a missing field"),
    Rule("field-now-optional-input", "patch", "every old request value is still valid"),
    Rule("field-now-required-input", "major", "request values that omit it are invalid"),
    Rule("field-now-required-output", "patch", "readers get a stronger guarantee"),
    Rule("field-deprecated", "minor", "semver: deprecations are minor"),
    Rule("nullable-added-output", "major", "typed readers must now handle null"),
    Rule("nullable-added-input", "minor", "writers may now send null"),
    Rule("nullable-removed-input", "major", "writers sending null fail"),
    Rule("nullable-removed-output", "patch", "readers get a stronger guarantee"),
    Rule("enum-member-added-input", "minor", "writers may send a new value"),
    Rule("enum-member-added-output", "minor", "a new value readers narrow by (see module doc)"),
    Rule("enum-member-removed-input", "major", "writers sending that value fail"),
    Rule("enum-member-removed-output", "patch", "readers never see that value again"),
    Rule("open-enum-member-added", "minor", "a newly listed value; any string was accepted"),
    Rule("open-enum-member-removed", "patch", "no longer listed; an open enum still admits it"),
    Rule("union-member-added-input", "minor", "writers may send a new variant"),
    Rule("union-member-added-output", "minor", "a new variant readers narrow by (see module doc)"),
    Rule("union-member-removed-input", "major", "writers sending that variant fail"),
    Rule("union-member-removed-output", "patch", "readers never see that variant again"),
    Rule("type-widened-input", "minor", "writers may send more"),
    Rule("type-widened-output", "major", "readers may receive values they do not handle"),
    Rule("type-narrowed-input", "major", "values writers sent are no longer accepted"),
    Rule("type-narrowed-output", "patch", "readers receive a subset of what they handled"),
    Rule("type-changed", "major", "neither type contains the other"),
    Rule("type-changed-both", "major", "a type read and written: any change breaks one side"),
    Rule("page-field-added", "minor", "a new page attribute"),
    Rule("page-field-removed", "major", "readers of the page attribute fail"),
    Rule("page-rule-changed", "patch", "the runtime's next-page rule; iteration is unchanged"),
    Rule("error-added", "minor", "a new exception class"),
    Rule("error-removed", "major", "`except` clauses naming it fail"),
    Rule("error-changed", "major", "another status or base class: other handlers catch it"),
    Rule("client-env-changed", "major", "deployments setting the old variable stop working"),
    Rule("client-default-changed", "patch", "a client default (base URL, header, retries)"),
]

RULES: dict[str, Rule] = {r.name: r for r in _RULES}


@dataclass(frozen=True)
class Change:
    """One change a user of the generated package can observe. `where` names it in IR terms
    (`messages.batches.create(requests)`, `MessageBatch.ended_at`); `loc` is file:line."""

    rule: str
    where: str
    detail: str
    loc: str = ""
    direction: str = ""

    @property
    def level(self) -> str:
        return RULES[self.rule].level

    @property
    def breaking(self) -> bool:
        return self.level == "major"


def verdict(changes: list[Change]) -> str:
    if not changes:
        return "none"
    return max((c.level for c in changes), key=LEVELS.index)


def reaches(level: str, threshold: str) -> bool:
    return LEVELS.index(level) >= LEVELS.index(threshold)
