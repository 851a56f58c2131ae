"""The runtime's models (codegen/runtime/_models.py) in place: valid data validates, data a newer
API may send is built leniently instead of failing, and dumps use the wire names."""

# Generated models spell unions `Union[...]` / `Optional[...]` (origin `typing.Union`, which the
# lenient builder must handle as well as `X | Y`), so these tests do too.
# ruff: noqa: UP007, UP045

from __future__ import annotations

import datetime
from typing import Annotated, Any, Literal, Optional, Union

import pydantic

from codegen.runtime._models import BaseModel, construct_type


class Text(BaseModel):
    type: Literal["text"]
    text: str


class Image(BaseModel):
    type: Literal["image"]
    url: str


Block = Annotated[Union[Text, Image], pydantic.Field(discriminator="type")]


class Message(BaseModel):
    id: str
    role: Literal["user", "assistant"]
    content: list[Block]
    created_at: Optional[datetime.datetime] = None
    stop: Optional[str] = pydantic.Field(default=None, alias="stop_reason")


def test_valid_data_validates() -> None:
    value = {
        "id": "m",
        "role": "user",
        "content": [{"type": "text", "text": "hi"}, {"type": "image", "url": "u"}],
        "created_at": "2024-01-02T03:04:05Z",
        "stop_reason": "end",
    }
    message = construct_type(Message, value)
    assert isinstance(message.content[1], Image)
    assert message.created_at == datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.UTC)
    assert message.stop == "end"
    assert message.to_dict() == value | {"created_at": message.created_at}


def test_unknown_enum_value_and_block_type_are_kept_not_refused() -> None:
    value = {
        "id": "m",
        "role": "system",
        "content": [{"type": "text", "text": "a"}, {"type": "audio", "seconds": 3}],
        "extra_field": 1,
    }
    message = construct_type(Message, value)
    assert isinstance(message, Message)
    assert message.model_dump()["role"] == "system"
    assert isinstance(message.content[0], Text)
    unknown: Any = message.content[1]
    assert type(unknown) is BaseModel
    assert unknown.to_dict() == {"type": "audio", "seconds": 3}
    assert message.to_dict()["extra_field"] == 1
    assert '"role": "system"' in message.to_json()


def test_undiscriminated_union_picks_the_best_overlap() -> None:
    class A(BaseModel):
        a: int
        shared: str

    class B(BaseModel):
        b: int
        shared: str

    built = construct_type(Union[A, B], {"b": "not an int", "shared": "s"})
    assert isinstance(built, B) and built.model_dump()["b"] == "not an int"
    assert construct_type(Optional[A], None) is None
    assert construct_type(A | None, {"a": "x", "shared": "s"}).a == "x"
    assert construct_type(dict[str, A], {"k": {"a": 1, "shared": ""}})["k"] == A(a=1, shared="")
    assert construct_type(list[int], "not a list") == "not a list"
