"""The runtime's models (codegen/runtime/_models.py) in place: valid data validates, data a newer
API may send is built leniently instead of failing, and dumps use the wire names."""

# Generated models spell unions `X | Y` (origin `types.UnionType`, which the generated tests
# exercise); the lenient builder must handle `typing.Union` as well, so these tests spell that.
# ruff: noqa: UP007, UP045

from __future__ import annotations

import datetime
import importlib
import subprocess
import sys
from pathlib import Path
from typing import Annotated, Any, Literal, Optional, Union

import pydantic
import pytest

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


TYPES_MODULES = {
    "__init__.py": "",
    "batches.py": (
        "from __future__ import annotations\n"
        "from codegen.runtime._models import BaseModel, complete_models\n"
        "from typing import Literal, Optional\n"
        "from .sub.owners import Owner\n"
        "class Batch(BaseModel):\n"
        "    counts: Counts\n"
        "    owner: Optional[Owner] = None\n"
        "    state: State\n"
        "class Counts(BaseModel):\n"
        "    done: int\n"
        "State = Literal['open', 'ended']\n"
        "complete_models(__name__)\n"
    ),
    "sub/__init__.py": "",
    "sub/owners.py": (
        "from __future__ import annotations\n"
        "from codegen.runtime._models import BaseModel, complete_models\n"
        "class Owner(BaseModel):\n"
        "    tag: Tag\n"
        "class Tag(BaseModel):\n"
        "    name: str\n"
        "complete_models(__name__)\n"
    ),
    # a module importing no model of its own: importing it builds nothing elsewhere
    "other.py": "X = 1\n",
}


def _types_package(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch, files: dict[str, str], name: str
) -> None:
    for rel, text in files.items():
        path = tmp_path / name / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    monkeypatch.syspath_prepend(str(tmp_path))


def test_every_model_is_complete_once_its_module_is_imported(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    _types_package(tmp_path, monkeypatch, TYPES_MODULES, "fwd_types")
    importlib.import_module("fwd_types.other")
    assert "fwd_types.batches" not in sys.modules and "fwd_types.sub.owners" not in sys.modules
    owners = importlib.import_module("fwd_types.sub.owners")
    # by the end of its module, each model names only bound names: complete, without its users
    assert owners.Owner.__pydantic_complete__ and "fwd_types.batches" not in sys.modules
    assert owners.Owner.model_fields["tag"].annotation is owners.Tag
    batches = importlib.import_module("fwd_types.batches")
    assert batches.Batch.__pydantic_complete__
    assert batches.Batch.model_fields["counts"].annotation is batches.Counts
    assert batches.Batch.model_fields["state"].annotation == Literal["open", "ended"]
    # complete models are also what model_construct (the lenient path) builds from
    value = {"counts": {"done": 1}, "owner": {"tag": {"name": "a"}}, "state": "new"}
    built = construct_type(batches.Batch, value)
    assert type(built.counts) is batches.Counts and type(built.owner.tag) is owners.Tag
    assert built.state == "new"


def test_a_name_that_never_resolves_fails_at_import(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {
        **TYPES_MODULES,
        "sub/owners.py": TYPES_MODULES["sub/owners.py"].replace(
            "complete_models(__name__)", "del Tag\ncomplete_models(__name__)"
        ),
    }
    _types_package(tmp_path, monkeypatch, files, "broken_types")
    importlib.import_module("broken_types")
    with pytest.raises(pydantic.PydanticUndefinedAnnotation):
        importlib.import_module("broken_types.batches")


LAZY_IMPORT = """
import sys
import anthropic_batches
client = anthropic_batches.Anthropic(api_key="k")
loaded = lambda part: sorted(m for m in sys.modules if m.startswith("anthropic_batches." + part))
print(loaded("resources"), loaded("types."))
client.messages.batches
from anthropic_batches.types.messages.message_batch import MessageBatch
print(loaded("resources"), MessageBatch.__pydantic_complete__)
"""


def test_the_package_and_its_client_import_no_resource_and_no_type_module() -> None:
    """Only the first use of `client.messages.batches` imports it and builds its models."""
    out = subprocess.run(
        [sys.executable, "-c", LAZY_IMPORT],
        cwd=Path(__file__).resolve().parents[1] / "generated",
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    assert out[0] == "[] []"
    assert out[1] == (
        "['anthropic_batches.resources', 'anthropic_batches.resources.messages', "
        "'anthropic_batches.resources.messages.batches'] True"
    )
