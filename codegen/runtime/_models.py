"""Base model and the lenient `construct_type`, so that a newer API never breaks an old client."""

from __future__ import annotations

import collections.abc
import sys
import types
from functools import lru_cache
from typing import Annotated, Any, Literal, Union, cast, get_args, get_origin

import pydantic
from pydantic import ConfigDict
from pydantic.fields import FieldInfo

__all__ = ["BaseModel", "complete_models", "construct_type", "validate_type"]


class BaseModel(pydantic.BaseModel):
    """Base of every response model: unknown fields are kept, wire names are aliases."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
        protected_namespaces=(),
        arbitrary_types_allowed=True,
    )

    # Leniently built values (unknown enum values, unknown union members) are off-schema on
    # purpose: dumping them must not warn. Pass warnings=True to see pydantic's warnings.
    def model_dump(self, **kwargs: Any) -> dict[str, Any]:
        kwargs.setdefault("warnings", False)
        return super().model_dump(**kwargs)

    def model_dump_json(self, **kwargs: Any) -> str:
        kwargs.setdefault("warnings", False)
        return super().model_dump_json(**kwargs)

    def to_dict(
        self,
        *,
        mode: Literal["json", "python"] = "python",
        use_api_names: bool = True,
        exclude_unset: bool = True,
        exclude_defaults: bool = False,
        exclude_none: bool = False,
    ) -> dict[str, object]:
        """The model as a dict keyed by wire names, holding only the fields the API sent."""
        return self.model_dump(
            mode=mode,
            by_alias=use_api_names,
            exclude_unset=exclude_unset,
            exclude_defaults=exclude_defaults,
            exclude_none=exclude_none,
            warnings=False,
        )

    def to_json(
        self,
        *,
        indent: int | None = 2,
        use_api_names: bool = True,
        exclude_unset: bool = True,
        exclude_defaults: bool = False,
        exclude_none: bool = False,
    ) -> str:
        """The model as a JSON string keyed by wire names."""
        return self.model_dump_json(
            indent=indent,
            by_alias=use_api_names,
            exclude_unset=exclude_unset,
            exclude_defaults=exclude_defaults,
            exclude_none=exclude_none,
            warnings=False,
        )


def complete_models(module: str) -> None:
    """Build now every model that the module `module` defines and pydantic left incomplete.

    A model naming a class or alias defined further down its module is left incomplete by
    pydantic (`model_fields[...].annotation` a `ForwardRef`, `__pydantic_complete__` False, and
    `model_construct`, the lenient path, does not rebuild it). Every generated types module
    ends in this call: its imports are at its top and the modules of an import cycle are merged
    into one, so by its end every name it uses is bound and no other module need be imported.
    A model is thus complete once its module is, and importing the package builds none: the
    client imports a resource, and the resource its types, on first use. A name that still
    does not resolve raises here, at import, not on some later response.
    """
    for value in list(vars(sys.modules[module]).values()):
        if (
            isinstance(value, type)
            and issubclass(value, pydantic.BaseModel)
            and value.__module__ == module
            and not value.__pydantic_complete__
        ):
            # depth 0: resolve in the module's globals only, not in this frame's locals
            value.model_rebuild(raise_errors=True, _parent_namespace_depth=0)


@lru_cache(maxsize=512)
def _cached_adapter(type_: Any) -> pydantic.TypeAdapter[Any]:
    return pydantic.TypeAdapter(type_)


def _adapter(type_: object) -> pydantic.TypeAdapter[Any]:
    try:
        return _cached_adapter(type_)
    except TypeError:  # unhashable annotation: build it uncached
        return pydantic.TypeAdapter(cast(Any, type_))


def validate_type(type_: object, value: object) -> Any:
    """Turn decoded JSON into `type_` strictly: a `pydantic.ValidationError` on any mismatch
    (clients built with `_strict_response_validation=True`)."""
    return _adapter(type_).validate_python(value)


def construct_type(type_: object, value: object) -> Any:
    """Turn decoded JSON into `type_`, never failing on data a newer API may send.

    Valid data is validated normally. Otherwise the value is built leniently:
    unknown enum values stay raw strings, unknown union members become a generic
    `BaseModel`, and models are built field by field with `model_construct`.
    """
    try:
        return _adapter(type_).validate_python(value)
    except (pydantic.ValidationError, pydantic.PydanticSchemaGenerationError):
        return _construct_lenient(type_, value, None)


def _construct_lenient(type_: object, value: object, discriminator: str | None) -> Any:
    origin = get_origin(type_)
    args = get_args(type_)

    if origin is Annotated:
        for meta in args[1:]:
            if isinstance(meta, FieldInfo) and isinstance(meta.discriminator, str):
                discriminator = meta.discriminator
        return _construct_lenient(args[0], value, discriminator)

    if origin is Union or origin is types.UnionType:
        return _construct_union(args, value, discriminator)

    if origin in (list, collections.abc.Sequence):
        if not isinstance(value, list):
            return value
        item_type = args[0] if args else object
        return [construct_type(item_type, item) for item in value]

    if origin in (dict, collections.abc.Mapping):
        if not isinstance(value, dict):
            return value
        value_type = args[1] if len(args) == 2 else object
        return {key: construct_type(value_type, item) for key, item in value.items()}

    if isinstance(type_, type) and issubclass(type_, pydantic.BaseModel):
        if not isinstance(value, dict):
            return value
        return _construct_model(type_, value)

    # Literal mismatches (an enum value added later), scalars, `object`: keep the raw value.
    return value


def _construct_model(model: type[pydantic.BaseModel], value: dict[str, Any]) -> Any:
    fields: dict[str, Any] = {}
    known: set[str] = set()
    for name, info in model.model_fields.items():
        key = info.alias if info.alias is not None and info.alias in value else name
        known.update((name, key))
        if key not in value:
            continue
        annotation: object = info.annotation
        if isinstance(info.discriminator, str):
            annotation = Annotated[annotation, pydantic.Field(discriminator=info.discriminator)]
        elif info.metadata:
            annotation = Annotated[(annotation, *info.metadata)]
        fields[name] = construct_type(annotation, value[key])
    extra = {key: item for key, item in value.items() if key not in known}
    return model.model_construct(**fields, **extra)


def _construct_union(members: tuple[object, ...], value: object, discriminator: str | None) -> Any:
    if value is None and type(None) in members:
        return None
    models = [
        m
        for m in map(_unwrap, members)
        if isinstance(m, type) and issubclass(m, pydantic.BaseModel)
    ]
    if discriminator is not None and isinstance(value, dict):
        tag = value.get(discriminator)
        for model in models:
            if _tag_matches(model, discriminator, tag):
                return construct_type(model, value)
        return BaseModel.model_construct(**value)
    for member in members:
        try:
            return _adapter(member).validate_python(value)
        except (pydantic.ValidationError, pydantic.PydanticSchemaGenerationError):
            continue
    non_none = [m for m in members if m is not type(None)]
    if len(non_none) == 1:  # Optional[X]
        return _construct_lenient(non_none[0], value, None)
    if isinstance(value, dict) and models:
        best = max(models, key=lambda m: _overlap(m, cast(dict[str, Any], value)))
        return _construct_model(best, value)
    return value


def _unwrap(type_: object) -> object:
    return get_args(type_)[0] if get_origin(type_) is Annotated else type_


def _tag_matches(member: type[pydantic.BaseModel], discriminator: str, tag: object) -> bool:
    info = member.model_fields.get(discriminator)
    if info is None:
        info = next((f for f in member.model_fields.values() if f.alias == discriminator), None)
    return (
        info is not None
        and get_origin(info.annotation) is Literal
        and tag in get_args(info.annotation)
    )


def _overlap(model: type[pydantic.BaseModel], value: dict[str, Any]) -> int:
    return sum(1 for name, info in model.model_fields.items() if (info.alias or name) in value)
