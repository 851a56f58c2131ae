"""The client's context (`_client.py`, and the settings the runtime and tests read): class
names, auth schemes, base URL, headers, timeouts, from the spec's client facts then config.
Text from the spec or config goes out as literals; the checks here are for the runtime."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from codegen.config import Config
from codegen.emit.doors import config_identifier, env_name, header_name, header_value, number
from codegen.emit.naming import BUILTINS, RUNTIME_NAMES, async_class
from codegen.errors import SpecError
from codegen.ir import Spec
from codegen.naming_wire import snake_case


@dataclass(frozen=True)
class ClassNames:
    """The client classes and the error root, checked identifiers the package does not use."""

    class_name: str
    async_class_name: str
    error_root: str


@dataclass(frozen=True)
class AuthScheme:
    """One credential: the client option, the header it goes in, and the variable it is read from
    (None: the spec's client reads none)."""

    option: str
    header: str
    prefix: str
    suffix: str
    env: str | None


@dataclass(frozen=True)
class HeaderPair:
    name: str
    value: str


@dataclass(frozen=True)
class ResourceRef:
    """A resource attached as an attribute: of the client (roots) or of its parent resource.
    `sync_class`/`async_class` are the names the importing module binds; `*_origin` is the
    class's own name when it is imported under another (see `local_refs`), else ""."""

    attr: str
    module: str
    sync_class: str
    async_class: str
    sync_origin: str = ""
    async_origin: str = ""


# What `_client.py` binds besides the client classes, the error root and the resources.
CLIENT_MODULE_NAMES = BUILTINS | {
    *("os", "httpx", "ClassVar", "Dict", "Literal", "Mapping", "Self", "TypeVar", "_V"),
    *("TYPE_CHECKING", "cached_property"),
    *("AsyncAPIClient", "SyncAPIClient", "NOT_GIVEN", "NotGiven", "Omit", "Timeout"),
    *("__version__", "Client", "AsyncClient", "ENVIRONMENTS", "DEFAULT_ENVIRONMENT"),
    *("DEFAULT_BASE_URL", "DEFAULT_TIMEOUT", "DEFAULT_MAX_RETRIES"),
    *("_credentials_given", "_resolve_base_url", "_merge"),
}


def local_refs(refs: list[ResourceRef], taken: Iterable[str]) -> list[ResourceRef]:
    """The resources one module imports, each class under a name unique in that module: its
    own, else `<Name>_2`, `<Name>_3`..., imported `as` that (cloudflare's `zero_trust.devices`
    has a sub-resource `Devices`; `logs.log_explorer` one named `Query`, a runtime type)."""
    used = set(taken)

    def claim(name: str) -> str:
        local, n = name, 2
        while local in used:
            local, n = f"{name}_{n}", n + 1
        used.add(local)
        return local

    out = []
    for ref in refs:
        sync_local, async_local = claim(ref.sync_class), claim(ref.async_class)
        out.append(
            replace(
                ref,
                sync_class=sync_local,
                async_class=async_local,
                sync_origin=ref.sync_class if sync_local != ref.sync_class else "",
                async_origin=ref.async_class if async_local != ref.async_class else "",
            )
        )
    return out


@dataclass(frozen=True)
class ClientContext:
    class_name: str
    async_class_name: str
    error_root: str
    auth: list[AuthScheme]
    key_option: str
    # what the server must see with every credential set to `<option>-secret`
    auth_all: dict[str, str]
    api_key_env: str | None
    api_key_env_pattern: str | None
    auth_prefix: str
    auth_suffix: str
    # None: the spec's client reads no base-URL variable, so the package reads none either
    base_url_env: str | None
    default_base_url: str
    # named environments (name -> base URL) and the default one; empty when the spec has none
    environments: list[HeaderPair]
    default_environment: str | None
    auth_header: str
    version_header: HeaderPair | None
    default_headers: list[HeaderPair]
    log_env: str
    # the spec's client sends a User-Agent / the X-Stainless-* platform headers (the package
    # sends its own: `<Client>/Python <version>`, `X-Stainless-Lang: python`)
    user_agent: bool
    platform_headers: bool
    default_timeout: int | float
    default_max_retries: int | float
    doc: str
    resources: list[ResourceRef]
    # the error's message when no credential is set
    missing_credentials: str
    # the same resources as `resources/__init__.py` re-exports them: their own names, but
    # unique among themselves (`resources` are also unique among `_client.py`'s other names)
    resource_exports: list[ResourceRef] = field(default_factory=list)


def class_names(spec: Spec, config: Config) -> ClassNames:
    """The spec's client class first (config fills what it lacks), checked to be identifiers
    the package does not already use (exit 2)."""
    where = config.section
    taken = RUNTIME_NAMES | BUILTINS
    spec_name = spec.client.class_name
    name = config_identifier(
        spec_name or config.client_class or "Client",
        "client_class",
        where,
        taken | {"AsyncClient"},
        None if spec_name else config.where.get("client_class"),
    )
    async_name = config_identifier(
        async_class(name) if spec_name else config.async_client_class or async_class(name),
        "async_client_class",
        where,
        taken | {"Client", name},
        None if spec_name else config.where.get("async_client_class"),
    )
    root = config_identifier(
        config.error_root or f"{name}Error",
        "error_root",
        where,
        taken | {"Client", "AsyncClient", name, async_name},
        config.where.get("error_root"),
    )
    return ClassNames(name, async_name, root)


def client_context(
    spec: Spec, config: Config, names: ClassNames, roots: list[ResourceRef]
) -> ClientContext:
    info = spec.client
    name = names.class_name
    version = info.version_header
    where = config.section
    # checked even when the spec's client files give their own
    timeout = number(
        config.default_timeout, f"{where} default_timeout", loc=config.where.get("default_timeout")
    )
    max_retries = number(
        config.default_max_retries,
        f"{where} default_max_retries",
        integer=True,
        loc=config.where.get("default_max_retries"),
    )
    auth = auth_schemes(spec, config)
    key = next((a for a in auth if a.option == "api_key"), auth[-1])
    return ClientContext(
        class_name=names.class_name,
        async_class_name=names.async_class_name,
        error_root=names.error_root,
        auth=auth,
        key_option=key.option,
        auth_all={a.header.lower(): a.prefix + a.option + "-secret" + a.suffix for a in auth},
        api_key_env=key.env,
        api_key_env_pattern=re.escape(key.env) if key.env else None,
        auth_prefix=key.prefix,
        auth_suffix=key.suffix,
        base_url_env=_base_url_env(spec, config, name),
        default_base_url=info.base_url or config.default_base_url or "http://localhost",
        environments=[
            HeaderPair(header_value(k, "environment name", None), _http_url(v))
            for k, v in info.environments
        ],
        default_environment=info.default_environment if info.environments else None,
        auth_header=key.header.lower(),
        version_header=(
            HeaderPair(
                header_name(version[0], "version header", None),
                header_value(version[1], "version header value", None),
            )
            if version
            else None
        ),
        default_headers=[
            HeaderPair(
                header_name(k, "default header", None),
                header_value(v, "default header value", None),
            )
            for k, v in (info.default_headers or ([version] if version else []))
        ],
        user_agent=info.user_agent,
        platform_headers=info.platform_headers,
        log_env=env_name(
            info.log_env or config.log_env or f"{name.upper()}_LOG", "log variable", None
        ),
        default_timeout=(info.timeout_ms / 1000.0) if info.timeout_ms else timeout,
        default_max_retries=info.max_retries if info.max_retries is not None else max_retries,
        doc="",
        resources=local_refs(roots, CLIENT_MODULE_NAMES | set(dataclasses.astuple(names))),
        missing_credentials=_missing_credentials(auth),
        resource_exports=local_refs(roots, ()),
    )


def _base_url_env(spec: Spec, config: Config, name: str) -> str | None:
    """The spec's variable when its client.js was read (none if it reads none); else config's."""
    info = spec.client
    if info.auth or info.base_url is not None:
        var = info.base_url_env
    else:
        var = info.base_url_env or config.base_url_env or f"{name.upper()}_BASE_URL"
    return env_name(var, "base URL variable", None) if var else None


def _http_url(url: str) -> str:
    if not re.fullmatch(r"https?://[^\s\\\"']+", url):
        raise SpecError(None, f"client.js: environment URL {url!r} is not an http(s) URL")
    return url


def _missing_credentials(auth: list[AuthScheme]) -> str:
    envs = [a.env for a in auth if a.env]
    options = " or ".join(a.option for a in auth)
    where = f" or by setting the {' or '.join(envs)} environment variable" if envs else ""
    return f"The {options} client option must be set by passing it to the client{where}"


def auth_schemes(spec: Spec, config: Config) -> list[AuthScheme]:
    """The spec's auth schemes in merge order; without client files, one API-key scheme
    from config (`auth_header`, `api_key_env`). Options become parameter names (checked
    identifiers); headers, values and variables are checked for what the runtime can send."""
    info = spec.client
    schemes = [(snake_case(a.option), a.header, a.prefix, a.suffix, a.env) for a in info.auth] or [
        (
            "api_key",
            info.auth_header or config.auth_header or "authorization",
            "",
            "",
            info.api_key_env or config.api_key_env,
        )
    ]
    taken = frozenset({"base_url", "timeout", "max_retries", "self"})
    return [
        AuthScheme(
            option=config_identifier(option, "auth option", "client.js", taken),
            header=header_name(header, "auth header", None),
            prefix=header_value(prefix, "auth value prefix", None),
            suffix=header_value(suffix, "auth value suffix", None),
            env=env_name(env, "API key variable", None) if env else None,
        )
        for option, header, prefix, suffix, env in schemes
    ]
