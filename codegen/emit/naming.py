"""Every Python name the emitter writes is decided here, by one resolver per scope.

A scope knows what is taken, so keywords (`class`), builtins the generated code needs (`list`,
`type`...), pydantic's reserved attributes (`model_config`, `json`, `copy`...), names that are not
identifiers (`x-request-id`, `2fa`) and names that collide once mapped all get a safe, stable
spelling; the wire name is kept beside it as the alias.
"""

from __future__ import annotations

import builtins
import keyword
import re
from collections.abc import Sequence

from codegen.naming_wire import snake_case

# Attributes of pydantic.BaseModel (2.x, as pinned for the generated package) and of the
# runtime's BaseModel that a field must not shadow. Written out rather than read from an
# installed pydantic: the generator does not depend on pydantic, and its output must not change
# with whichever version happens to be installed.
PYDANTIC_RESERVED = frozenset(
    {
        "_abc_impl",
        "_calculate_keys",
        "_copy_and_set_values",
        "_get_value",
        "_iter",
        "_setattr_handler",
        "construct",
        "copy",
        "dict",
        "from_orm",
        "json",
        "model_computed_fields",
        "model_config",
        "model_construct",
        "model_copy",
        "model_dump",
        "model_dump_json",
        "model_extra",
        "model_fields",
        "model_fields_set",
        "model_json_schema",
        "model_parametrized_name",
        "model_post_init",
        "model_rebuild",
        "model_validate",
        "model_validate_json",
        "model_validate_strings",
        "parse_file",
        "parse_obj",
        "parse_raw",
        "schema",
        "schema_json",
        "to_dict",
        "to_json",
        "update_forward_refs",
        "validate",
    }
)
# Names the generated modules use unqualified: a param or class named so would shadow them.
GENERATED_GLOBALS = frozenset(
    {
        "Any",
        "Dict",
        "List",
        "Literal",
        "Optional",
        "Union",
        "Iterable",
        "Annotated",
        "Required",
        "TypedDict",
        "BaseModel",
        "Field",
        "datetime",
        "httpx",
        "NotGiven",
        "NOT_GIVEN",
        "Headers",
        "Query",
        "Body",
        "Timeout",
        "Omit",
        "make_request_options",
    }
)
BUILTINS = frozenset(dir(builtins))
# Builtins that annotations use: a field or param of that name would shadow them.
_ANNOTATION_BUILTINS = frozenset({"int", "float", "str", "bool", "object", "repr"})
# In a model's class body a field `list` would be what a later `list[str]` annotation reads
# (pydantic evaluates them there: cloudflare's `QueryStringExclude.list`, import fails).
_CLASS_BODY_BUILTINS = frozenset({"list", "dict"})
# Keyword-only params every generated method already has.
METHOD_RESERVED = frozenset({"self", "extra_headers", "extra_query", "extra_body", "timeout"})


def identifier(raw: str) -> str:
    """Any string to a valid identifier (`x-request-id` -> `x_request_id`, `2fa` -> `f_2fa`)."""
    # `created_at[gte]` -> `created_at_gte`: trailing punctuation adds no word
    name = re.sub(r"\W", "_", re.sub(r"\W+$", "", raw, flags=re.ASCII) or raw, flags=re.ASCII)
    if not name or name[0].isdigit():
        name = f"f_{name}"
    return name


def pascal_case(raw: str) -> str:
    parts = re.split(r"[^0-9A-Za-z]+", raw)
    name = "".join(p[:1].upper() + p[1:] for p in parts if p)
    return identifier(name or "Model")


class Scope:
    """The names taken in one Python namespace (a module, a class body, a parameter list)."""

    def __init__(self, reserved: frozenset[str] = frozenset(), public: bool = False) -> None:
        self.reserved = reserved
        self.public = public  # pydantic fields may not start with an underscore
        self.taken: dict[str, str] = {}
        self.by_key: dict[str, str] = {}

    def base(self, wanted: str) -> str:
        """The safe spelling of `wanted` in this scope, before any clash is resolved."""
        base = identifier(wanted)
        if self.public and base.startswith("_"):
            base = f"{identifier(base.lstrip('_') or 'field')}_"
        # soft keywords (`match`, `type`, `case`) are valid names, as in the official SDK
        if keyword.iskeyword(base) or base in self.reserved:
            base = f"{base}_"
        return base

    def claim(self, wanted: str, key: str) -> str:
        """A unique, safe name for `key` (a wire or spec name), as close to `wanted` as can be."""
        if key in self.by_key:
            return self.by_key[key]
        base = self.base(wanted)
        name, n = base, 2
        while name in self.taken:
            name, n = f"{base}_{n}", n + 1
        self.taken[name] = key
        self.by_key[key] = name
        return name


def field_scope() -> Scope:
    """Field names of a model: pydantic's attributes and builtins used in annotations are taken."""
    return Scope(
        PYDANTIC_RESERVED | GENERATED_GLOBALS | _ANNOTATION_BUILTINS | _CLASS_BODY_BUILTINS, True
    )


# Names the runtime modules (`_client`, `_exceptions`, the package `__init__`) bind themselves:
# a configured or spec class name that is one of them would shadow it.
RUNTIME_NAMES = frozenset(
    {
        "APIConnectionError",
        "APIError",
        "APIResponseValidationError",
        "APIStatusError",
        "APITimeoutError",
        "JSONLDecodeError",
        "make_status_error",
        "SyncAPIClient",
        "AsyncAPIClient",
        "BaseModel",
        "NOT_GIVEN",
        "NotGiven",
        "Omit",
        "Timeout",
        "Dict",
        "List",
        "Literal",
        "Tuple",
        "Mapping",
        "Self",
        "TypeVar",
        "httpx",
        "os",
        "types",
        "DEFAULT_BASE_URL",
        "DEFAULT_TIMEOUT",
        "DEFAULT_MAX_RETRIES",
        "_V",
        "_resolve_api_key",
        "_resolve_base_url",
        "_merge",
        # what the package's __init__ / _client.py also export or use (the official top level)
        "APIResponse",
        "AsyncAPIResponse",
        "Stream",
        "AsyncStream",
        "NoneType",
        "not_given",
        "omit",
        "DefaultHttpxClient",
        "DefaultAsyncHttpxClient",
        "DefaultAioHttpClient",
        "ClassVar",
        "__version__",
    }
)

# What the runtime's page classes define: a page field must not shadow them.
PAGE_RESERVED = frozenset(
    {
        "has_next_page",
        "next_page_info",
        "get_next_page",
        "iter_pages",
        "PageInfo",
        "Optional",
        "List",
        "Field",
    }
)
# What a resource class defines besides its API methods.
RESOURCE_RESERVED = frozenset(
    {
        "with_raw_response",
        "with_streaming_response",
        "_client",
        "_get",
        "_post",
        "_put",
        "_patch",
        "_delete",
        "_get_api_list",
    }
)


def page_scope() -> Scope:
    """Field names of a page model: a model's reserved names and the page runtime's."""
    reserved = PYDANTIC_RESERVED | GENERATED_GLOBALS | _ANNOTATION_BUILTINS | PAGE_RESERVED
    return Scope(reserved | _CLASS_BODY_BUILTINS, True)


def param_scope() -> Scope:
    return Scope(METHOD_RESERVED | GENERATED_GLOBALS | _ANNOTATION_BUILTINS)


def module_scope() -> Scope:
    return Scope(GENERATED_GLOBALS | BUILTINS)


def class_name(qualified: str) -> str:
    """`BatchCreateParams.Request` -> `BatchCreateParamsRequest`."""
    return pascal_case(qualified.replace(".", "_"))


def method_name(ts_name: str) -> str:
    """`countTokens` -> `count_tokens`; keywords get a trailing underscore."""
    name = identifier(snake_case(ts_name))
    return f"{name}_" if keyword.iskeyword(name) else name


def python_path(resource_path: str, modules: Sequence[str] = ()) -> str:
    """`beta.userProfiles` -> `beta.user_profiles`: each attribute as a Python name; with the
    spec module of each segment's resource, see `attr_name`."""
    parts = resource_path.split(".")
    return ".".join(
        attr_name(part, modules[i] if i < len(modules) else "") for i, part in enumerate(parts)
    )


def attr_name(ts_attr: str, module: str) -> str:
    """A resource attribute as a Python name: the spec's file name of the resource's module
    when it spells the same word (`aiSearch` in `resources/aisearch/aisearch` -> `aisearch`,
    `DDoSProtection` in `ddos-protection` -> `ddos_protection`, `RayID` in `logs/rayid` ->
    `rayid`: Stainless names both the files and the Python attributes from one snake_case name,
    which camelCase loses), else its snake_case (`userProfiles` -> `user_profiles`)."""
    stem = module.rsplit("/", 1)[-1]
    if stem and re.sub(r"[^0-9a-z]", "", stem.lower()) == re.sub(r"[^0-9a-z]", "", ts_attr.lower()):
        return method_name(stem.replace("-", "_"))
    return method_name(ts_attr)


def module_name(spec_module: str) -> str:
    """`resources/messages/batches` -> `messages_batches`; `resources/messages/messages` -> `messages`."""
    parts = [p for p in spec_module.split("/") if p not in ("resources", "index")]
    if len(parts) >= 2 and parts[-1] == parts[-2]:
        parts = parts[:-1]
    name = identifier(snake_case("_".join(parts)) or "types")
    return f"{name}_" if keyword.iskeyword(name) else name


def async_class(name: str) -> str:
    """The async twin of a generated class (`Batches` -> `AsyncBatches`), as the official SDK."""
    return f"Async{name}"


def sync_class(name: str) -> str:
    """The sync class of a pair whose plain name is taken by the spec (`Page` -> `SyncPage`)."""
    return f"Sync{name}"
