"""API-surface parity of a generated client package against an official one (any pair).

Usage: python bench/parity.py --ours anthropic_full [--official anthropic] [--scope ours|all]
                              [--prefix messages.batches] [--spec DIR] [--json]
e.g.   python bench/parity.py --ours lithic --official lithic --scope all --spec SPEC_DIR
(`--theirs` is the old name of `--official`, whose default is `anthropic`; two packages of one
import name are compared from two interpreters' paths, see `bench/parity_drift.py`.)

Both packages must be importable.  Nothing is sent over the network: each package's sync client
is found, not assumed (`find_client`: a public class of `<pkg>` or `<pkg>._client` that
subclasses `SyncAPIClient`), built with base_url="http://127.0.0.1:9" and "x" for every
credential-like option (`client_args`), and only introspected.

What is compared (the official package is the reference; "theirs" below):

* Resource paths: attributes of the client, and recursively of resources, whose values are
  resource objects (a class named `SyncAPIResource` in the MRO; the official SDK exposes them as
  cached_property).  Private names and with_raw_response / with_streaming_response are skipped.
* Methods: public functions defined on a resource class (not inherited from the base resource).
* Params (from inspect.signature, ignoring self, extra_headers, extra_query, extra_body and
  timeout): present in ours, and required in both or optional in both (required = no default).
  A param that is positional in one package and keyword-only in the other is listed (group
  "param kind") but does not count against the percentage.
* Return types, compared by class names after normalisation: module qualifiers are dropped
  (`batch_create_params.Request` -> `Request`), typing aliases become builtins (`List` -> `list`),
  `Optional[X]`, `Union[...]` and `X | Y` become one sorted `A | B | None` union, `Annotated`,
  `Required`, `NotRequired` are unwrapped, and Literal values are sorted.  So
  `SyncPage[MessageBatch]` or `JSONLDecoder[MessageBatchIndividualResponse]` must match exactly.
* Types: pydantic BaseModel subclasses and TypedDicts defined in modules under `<pkg>.types`
  (walked with pkgutil).  A type of theirs is matched to one of ours, each used once, greedily
  in this order: same kind (model/TypedDict) before different kind, same name (the class name, or
  another public name a types module binds it to, e.g. a deprecated alias) before an alias,
  then the closest module path relative to `types` (tokens of the dotted/underscored path,
  longest common prefix, then overlap).  Aliases cover the official SDK's naming of nested and
  param types: `Request` in module `batch_create_params` ~ `BatchCreateParamsRequest`,
  `InputSchema` in `tool_param` ~ `ToolInputSchema`, `ToolParam` ~ `Tool`, and ours
  `PermissionError_` ~ `PermissionError` (aliases compare case-insensitively).  An alias match
  counts as present but is listed ("type renamed"), and so is a model matched with a TypedDict
  ("type kind").
* Fields, by wire name (pydantic alias, or a TypedDict `Annotated[..., X(alias=...)]`): present
  in ours with the same optionality: pydantic `model_fields[f].is_required()`, TypedDict
  `__required_keys__` / `__optional_keys__`.  Whether a field's annotation admits None is listed
  ("field nullability") but does not count.

Denominators.  Each percentage is "theirs items found in ours / theirs items in scope"; params and
return types are counted only over matched methods and fields only over matched types, so that one
missing method or type is not also charged once per param or field.  Items only ours has are
listed, never counted.

* --scope all: every resource path of theirs, every type theirs defines under `types` (with
  --prefix: the types reachable from the resource paths under the prefix).
* --scope ours (default): the resource paths on which ours defines at least one method (a bare
  container resource such as `messages` in a batches-only package is not charged with all of the
  official `messages` methods), and, as types, the closure of what theirs needs for those paths
  (annotation of every param and return, then fields, type aliases and base classes,
  transitively) plus the theirs counterpart of every type ours reaches from its own in-scope
  paths.  This is fair to a partial package, whatever its module layout: it is charged for what
  the official SDK needs for the endpoints it offers, not for unrelated modules.

--prefix P keeps the resource paths equal to P or under `P.` in both packages.

Exit status: 0, or 2 with a one-line error when a package (or its client) cannot be imported.

Code: annotations in `parity_annotations.py`, loading a package in `parity_packages.py`, type
matching in `parity_match.py`, the comparison and its text report in `parity_compare.py`.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.parity_compare import compare, render  # noqa: E402
from bench.parity_packages import PackageImportError  # noqa: E402


def importable_as(ours: str, theirs: str, ours_dir: Path | None, tmp: Path) -> str:
    """The name to import the generated package by. With `ours_dir`, it is imported from there;
    when it has the official package's import name, a copy named `<name>_generated` is (the
    generated package imports itself only relatively), so both load in one interpreter."""
    if ours_dir is None:
        if ours == theirs:
            raise PackageImportError(f"--ours {ours} is the official name too: give --ours-dir")
        return ours
    source = ours_dir / ours.replace(".", "/")
    if not source.is_dir():
        raise PackageImportError(f"no package folder {source}")
    if ours.split(".")[0] != theirs.split(".")[0]:
        sys.path.insert(0, str(ours_dir))
        return ours
    name = ours.replace(".", "_") + "_generated"
    shutil.copytree(source, tmp / name, ignore=shutil.ignore_patterns("__pycache__"))
    sys.path.insert(0, str(tmp))
    return name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--ours", required=True, help="import name of the generated package")
    parser.add_argument(
        "--official", "--theirs", dest="theirs", default="anthropic", help="reference package"
    )
    parser.add_argument("--scope", choices=("ours", "all"), default="ours")
    parser.add_argument("--prefix", default=None, help="only resource paths under this one")
    parser.add_argument(
        "--ours-dir",
        type=Path,
        help="folder holding the generated package (needed when it has the official's name)",
    )
    parser.add_argument("--spec", type=Path, help="the npm spec: classify mismatches as drift")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    args = parser.parse_args(argv)
    try:
        with tempfile.TemporaryDirectory(prefix="parity-") as tmp:
            ours = importable_as(args.ours, args.theirs, args.ours_dir, Path(tmp))
            report = compare(ours, args.theirs, args.scope, args.prefix)
            if args.spec is not None:
                from bench.parity_drift import classify

                report["classes"] = classify(report, args.spec)
    except PackageImportError as exc:
        print(f"parity: {exc}".splitlines()[0], file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        render(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
