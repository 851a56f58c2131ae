"""`[tool.codegen]` is checked against its schema: a wrong-typed or invalid value for any key is
one `pyproject.toml:LINE:COL: message` line and exit 2, pointing at the value (or at an unknown
key); good configs still load. The CLI refuses a missing --config, `-j 0`, resources the spec
does not have, and missing templates, each as one line."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from conftest import REPO, SPEC
from hypothesis import given, settings
from hypothesis import strategies as st

from codegen.cli import main
from codegen.config import Config, load_config
from codegen.config_schema import SCHEMA
from codegen.errors import SpecError
from codegen.toml_locate import positions

# a valid [tool.codegen] with every key, one per line (line 2 onward)
GOOD: dict[str, str] = {
    "spec": '"spec"',
    "out": '"generated"',
    "templates": '"templates"',
    "routes_file": '"routes.toml"',
    "cache": '".codegen-cache"',
    "package": '"my_pkg"',
    "distribution": '"my-pkg"',
    "version": '"1.2.0rc1"',
    "resources": '["messages.batches", "*"]',
    "client_class": '"Client"',
    "async_client_class": '"AsyncClient"',
    "error_root": '"ClientError"',
    "log_env": '"MY_LOG"',
    "default_base_url": '"https://api.example.com:8443/base"',
    "auth_header": '"x-api-key"',
    "api_key_env": '"MY_API_KEY"',
    "base_url_env": '"MY_BASE_URL"',
    "route_prefix": '"/v1"',
    "int_fields": '["*_tokens", "Foo.*"]',
    "float_fields": '["temperature"]',
    "datetime_fields": '["*_at"]',
    "string_fields": '["id"]',
    "include": '["client.d.ts", "core/**"]',
    "errors": '[{ name = "TooLargeError", status = 413, parent = "APIStatusError" }]',
    "default_timeout": "60",
    "default_max_retries": "0",
    "npm_package": '"@scope/sdk"',
    "npm_version": '"1.14.0-beta.1+build.5"',
    "npm_sha256": f'"{"aB" * 32}"',
    "strict": "true",
}
WRONG_TYPE = {
    "str": "1",
    "path": "2",
    "int": '"2"',
    "float": '"600"',
    "list[str]": '"limit"',
    "bool": '"yes"',
}
WRONG_TYPE["errors"] = '"x"'

# (key, TOML value, what the message says); the message points at the value, or at the
# offending item of an array (marked by the substring after `@`)
CASES: list[tuple[str, str, str]] = [
    *[(key, WRONG_TYPE[spec.kind], "expected") for key, spec in SCHEMA.items()],
    ("resources", '"messages.batches"', "expected an array of strings, got a string"),
    ("resources", "[1, 2]", "resources[0]: expected a string, got an integer"),
    ("resources", '["a", { b = 1 }]', "resources[1]: expected a string, got a table"),
    ("include", '"client.d.ts"', "expected an array of strings"),
    ("int_fields", '["ok", 3]', "int_fields[1]: expected a string"),
    ("default_timeout", "true", "expected a number, got a boolean"),
    ("default_max_retries", "1.5", "expected an integer, got a float"),
    ("default_max_retries", "false", "expected an integer, got a boolean"),
    ("errors", "[1]", "errors[0]: expected a table"),
    ("errors", '{ name = "X" }', "expected an array of tables"),
    ("errors", "[{ name = 1, status = 413 }]", "errors[0].name: expected a string"),
    ("errors", '[{ name = "X", status = "413" }]', "errors[0].status: expected an integer"),
    ("errors", '[{ name = "X", status = 413, parent = 1 }]', "errors[0].parent: expected"),
    ("errors", "[{ status = 413 }]", "errors[0]: missing 'name'"),
    ("errors", '[{ name = "X" }]', "errors[0]: missing 'status'"),
    ("errors", '[{ name = "X", stauts = 413 }]', "did you mean 'status'?"),
]
# well-typed but invalid values
INVALID: list[tuple[str, str, str]] = [
    ("package", '"class"', "is a Python keyword"),
    ("package", '"my-pkg"', "not a Python package name"),
    ("package", '"a.b"', "not a Python package name"),
    ("package", '""', "not a Python package name"),
    ("client_class", '"1Client"', "not a Python identifier"),
    ("client_class", '"None"', "is a Python keyword"),
    ("async_client_class", '"Async Client"', "not a Python identifier"),
    (
        "error_root",
        '"x\\" + __import__(\\"os\\").system(\\"id\\") + \\""',
        "not a Python identifier",
    ),
    ("errors", '[{ name = "None", status = 413 }]', 'errors[0].name: "None" is a Python keyword'),
    ("errors", '[{ name = "X", status = 413, parent = "a.b" }]', "errors[0].parent"),
    ("errors", '[{ name = "X", status = 99 }]', "99 is not an HTTP status (100..599)"),
    ("errors", '[{ name = "X", status = 600 }]', "600 is not an HTTP status"),
    ("log_env", '"MY-LOG"', "not an environment variable name"),
    ("api_key_env", '"1KEY"', "not an environment variable name"),
    ("base_url_env", '"A B"', "not an environment variable name"),
    ("distribution", '"-pkg"', "PEP 508"),
    ("distribution", '"my pkg"', "PEP 508"),
    ("version", '"1.0.0.final"', "PEP 440"),
    ("version", '"v1"', "PEP 440"),
    ("auth_header", '"x api key"', "HTTP header name"),
    ("auth_header", '"x:y"', "HTTP header name"),
    ("default_base_url", '"ftp://example.com"', "not an http(s) URL"),
    ("default_base_url", '"https://"', "not an http(s) URL"),
    ("default_base_url", '"https://example.com:99999"', "not an http(s) URL"),
    ("default_base_url", '"https://a b"', "not an http(s) URL"),
    ("route_prefix", '"v1"', "URL path prefix"),
    ("route_prefix", '"/v1/../x"', "URL path prefix"),
    ("default_timeout", "0", "is not > 0"),
    ("default_timeout", "-1.5", "is not > 0"),
    ("default_timeout", "nan", "is not > 0"),
    ("default_timeout", "inf", "is not > 0"),
    ("default_max_retries", "-1", "-1 is not >= 0"),
    ("resources", '["messages..batches"]', "not a resource path"),
    ("resources", '["ok", ""]', "resources[1]"),
    ("int_fields", '[""]', "an empty string"),
    ("spec", '""', "an empty path"),
    ("npm_package", '"--registry=http://evil"', "not an npm package name"),
    ("npm_package", '"Upper"', "not an npm package name"),
    ("npm_package", '"@scope/.x"', "not an npm package name"),
    ("npm_package", '"_x"', "not an npm package name"),
    ("npm_package", f'"{"a" * 215}"', "longer than 214"),
    ("npm_version", '"1/../../../x"', "exact semver"),
    ("npm_version", '"^1.0.0"', "exact semver"),
    ("npm_version", '"v1.0.0"', "exact semver"),
    ("npm_version", '"01.0.0"', "exact semver"),
    ("npm_version", '"--help"', "exact semver"),
    ("npm_sha256", '"abc"', "a sha256"),
    ("pacakge", '"x"', "unknown key \"pacakge\" (did you mean 'package'?)"),
]


def write(tmp_path: Path, key: str, value: str, drop: str = "") -> tuple[Path, int]:
    """GOOD with `key = value` (in place of the key's own line) and without `drop`; returns the
    file and the line of `key`."""
    body = dict(GOOD)
    body[key] = value
    body.pop(drop, None)
    lines = ["[tool.codegen]", *(f"{k} = {v}" for k, v in body.items())]
    path = tmp_path / "pyproject.toml"
    path.write_text("\n".join(lines) + "\n")
    return path, 2 + list(body).index(key)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().err


def item_column(line: str, value: str, message: str) -> int:
    """The 1-based column of the value, or of the array item or error field the message names."""
    col = line.index("= ") + 3
    text = line[col - 1 :]
    item = re.search(r"\[(\d+)\](?:\.(\w+))?:", message)
    if item is None or not text.startswith("["):
        return col
    parsed = positions("k = " + text)
    path: tuple[str | int, ...] = ("k", int(item.group(1)))
    if item.group(2):
        path = (*path, item.group(2))
    return col + parsed.value(path)[1] - 5


@pytest.mark.parametrize(("key", "value", "says"), CASES + INVALID)
def test_bad_value_is_one_line_at_its_position(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], key: str, value: str, says: str
) -> None:
    pyproject, line = write(tmp_path, key, value)
    code, err = run(capsys, "check", "--config", str(pyproject))
    assert code == 2, err
    assert err.count("\n") == 1 and "Traceback" not in err
    text = pyproject.read_text().splitlines()[line - 1]
    unknown = re.search(r'unknown key "(\w+)"', err)
    col = text.index(unknown.group(1)) + 1 if unknown else item_column(text, value, err)
    assert err.startswith(f"{pyproject}:{line}:{col}: [tool.codegen]"), err
    assert says in err


def test_every_key_is_in_the_schema_and_every_schema_key_is_a_config_key() -> None:
    fields = set(Config.__dataclass_fields__) - {"root", "extra_errors", "target", "where"}
    assert set(SCHEMA) == fields | {"errors"}
    assert set(GOOD) == set(SCHEMA)


def test_good_configs_load(tmp_path: Path) -> None:
    pyproject, _ = write(tmp_path, "package", '"my_pkg"', drop="spec")  # an npm target's is fetched
    config = load_config(pyproject, {})
    assert config.package == "my_pkg" and config.resources == ["messages.batches", "*"]
    assert config.default_timeout == 60.0 and isinstance(config.default_timeout, float)
    assert [(e.name, e.status, e.parent) for e in config.extra_errors] == [
        ("TooLargeError", 413, "APIStatusError")
    ]
    assert config.spec == tmp_path / ".codegen-cache" / "scope-sdk-1.14.0-beta.1+build.5" / "spec"
    base = load_config(REPO / "pyproject.toml", {})
    full = load_config(REPO / "pyproject.toml", {}, "full")
    assert base.package == "anthropic_batches" and full.package == "anthropic_full"
    assert len(base.extra_errors) == 4


def test_array_of_tables_and_dotted_keys_are_located(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        "[tool.codegen]\n"
        'package = "ok"\n'
        "targets.t.package = 'x-y'  # a dotted key\n"
        "[[tool.codegen.errors]]\n"
        'name = "A"\n'
        "status = 413\n"
        "[[tool.codegen.errors]]\n"
        'name = "B"\n'
        "status = 700\n"
    )
    with pytest.raises(SpecError) as err:
        load_config(pyproject, {})
    assert str(err.value).startswith(f"{pyproject}:9:10: [tool.codegen] errors[1].status: 700")
    pyproject.write_text(pyproject.read_text().replace("700", "503"))
    with pytest.raises(SpecError) as err:
        load_config(pyproject, {})
    assert str(err.value).startswith(f"{pyproject}:3:21: [tool.codegen.targets.t] package:")
    pyproject.write_text(pyproject.read_text().replace("'x-y'", "'x_y'"))
    config = load_config(pyproject, {}, "t")
    assert config.package == "x_y" and [e.status for e in config.extra_errors] == [413, 503]


def test_tables_that_are_not_tables(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    for text, where in [
        ("tool = 1\n", ":1:8: [tool] must be a table"),
        ("[tool]\ncodegen = []\n", ":2:11: [tool.codegen] must be a table, got an array"),
        ("[tool.codegen]\ntargets = 1\n", ":2:11: [tool.codegen.targets] must be a table"),
        ("[tool.codegen.targets]\nfull = 'x'\n", ":2:8: [tool.codegen.targets.full] must be"),
    ]:
        pyproject.write_text(text)
        with pytest.raises(SpecError) as err:
            load_config(pyproject, {})
        assert where in str(err.value), (text, str(err.value))


def test_flags_are_checked_like_the_keys_they_override(tmp_path: Path) -> None:
    pyproject, _ = write(tmp_path, "package", '"ok"', drop="spec")
    with pytest.raises(SpecError, match=r"^--package: \"my-pkg\" is not a Python package name"):
        load_config(pyproject, {"package": "my-pkg"})
    with pytest.raises(SpecError, match=r"^--resource\[0\]: \"a b\" is not a resource path"):
        load_config(pyproject, {"resources": ["a b"]})


def test_unknown_target_suggests_the_nearest(tmp_path: Path) -> None:
    with pytest.raises(SpecError, match=r"no target 'ful' .*\(known: [^)]*\bfull\b[^)]*\); did you mean 'full'"):
        load_config(REPO / "pyproject.toml", {}, "ful")


# -- the locator ------------------------------------------------------------------------------

_KEYS = st.from_regex(r"[a-z][a-z0-9_-]{0,8}", fullmatch=True)
_SCALARS = st.one_of(
    st.integers(-(10**6), 10**6).map(str),
    st.text(alphabet=st.sampled_from("ab =#[]{},.\"\\'x"), max_size=8).map(
        lambda s: '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'
    ),
    st.text(alphabet=st.sampled_from('ab =#[]{},."x'), max_size=8).map(lambda s: f"'{s}'"),
    st.sampled_from(["true", "false", "1.5", "inf", "1979-05-27", "1979-05-27 07:32:00Z"]),
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(_KEYS, st.lists(_SCALARS, max_size=4), st.booleans()),
        min_size=1,
        max_size=6,
        unique_by=lambda kv: kv[0],
    )
)
def test_locator_finds_every_key_and_item(entries: list[tuple[str, list[str], bool]]) -> None:
    """Keys with scalar or array values (arrays over several lines, with comments): the
    locator agrees with the text, and the text is valid TOML."""
    lines = ["# head", "[t]"]
    expected: dict[tuple[str | int, ...], tuple[int, int]] = {}
    keys: dict[tuple[str | int, ...], tuple[int, int]] = {}
    for key, items, as_array in entries:
        if not as_array and items:
            lines.append(f"{key} = {items[0]}  # c")
            expected[("t", key)] = (len(lines), len(key) + 4)
            keys[("t", key)] = (len(lines), 1)
            continue
        lines.append(f"{key} = [ # open")
        expected[("t", key)] = (len(lines), len(key) + 4)
        keys[("t", key)] = (len(lines), 1)
        for index, item in enumerate(items):
            lines.append(f"    {item}, # x")
            expected[("t", key, index)] = (len(lines), 5)
        lines.append("]")
    text = "\n".join(lines) + "\n"
    tomllib.loads(text)
    found = positions(text)
    for path, where in expected.items():
        assert found.value(path) == where, (path, text)
    for path, where in keys.items():
        assert found.key(path) == where, (path, text)


def test_locator_falls_back_to_the_nearest_parent() -> None:
    found = positions("[a]\nb = 1\n[a.c]\n")
    assert found.key(("a", "c", "missing")) == (3, 1)
    assert found.value(("a", "b")) == (2, 5) and found.key(("a", "b")) == (2, 1)
    assert found.key(("nowhere",)) == (1, 1)


# -- the command line -------------------------------------------------------------------------


def test_explicit_missing_config_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for command in ("generate", "check", "fetch"):
        code, err = run(capsys, command, "--config", str(tmp_path / "nope.toml"))
        assert (
            code == 2
            and err == f"codegen: {tmp_path / 'nope.toml'}: no such config file (--config)\n"
        )


def test_no_codegen_section_needs_spec_and_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for pyproject in (None, "[project]\nname = 'other'\n"):
        if pyproject:
            (tmp_path / "pyproject.toml").write_text(pyproject)
        for args in ([], ["--spec", str(SPEC)], ["--out", "o"]):
            code, err = run(capsys, "generate", *args)
            assert code == 2 and err.count("\n") == 1 and "no [tool.codegen] found" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pyproject.toml"]


@pytest.mark.parametrize("jobs", ["0", "-1", "x"])
def test_jobs_must_be_positive(capsys: pytest.CaptureFixture[str], jobs: str) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["generate", "-j", jobs])
    assert exit_.value.code == 2 and "-j/--jobs" in capsys.readouterr().err


def test_broken_templates_folder_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Outside the project (no ./templates), or with a broken template: one line, exit 2."""
    monkeypatch.chdir(tmp_path)
    templates = tmp_path / "templates"
    (templates / "dist").mkdir(parents=True)
    (templates / "dist" / "pyproject.toml.j2").write_text("{% if %}\n")
    code, err = run(capsys, "check", "--spec", str(SPEC), "--out", "o", "--templates", "templates")
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err, err
    assert "template" in err
    assert not (tmp_path / "o").exists()


def resources_config(tmp_path: Path, resources: str) -> Path:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        f'[tool.codegen]\nspec = "{SPEC}"\ntemplates = "{REPO / "templates"}"\n'
        f'out = "o"\n# resources\nresources = {resources}\n'
    )
    return pyproject


@pytest.mark.parametrize(
    ("resources", "flag", "where"),
    [
        ('["messages.batches"]', "messages.nope", "codegen: --resource: 'messages.nope'"),
        ('["messages.nope"]', None, ":6:13: [tool.codegen] resources: 'messages.nope'"),
        ('["messages.batches", "beta"]', None, ":6:13: [tool.codegen] resources: 'beta'"),
    ],
)
def test_resource_not_in_the_spec_lists_those_that_are(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    resources: str,
    flag: str | None,
    where: str,
) -> None:
    pyproject = resources_config(tmp_path, resources)
    args = ["--resource", flag] if flag else []
    code, err = run(capsys, "check", "--config", str(pyproject), *args)
    assert code == 2 and err.count("\n") == 1, err
    assert where in err and "is not a resource of the spec" in err
    assert err.rstrip().endswith("it has: messages, messages.batches")


def test_a_spec_without_resources_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = tmp_path / "spec"
    spec.mkdir()
    (spec / "types.d.ts").write_text("export interface Thing {\n  id: string;\n}\n")
    pyproject = resources_config(tmp_path, "[]")
    pyproject.write_text(pyproject.read_text().replace(str(SPEC), str(spec)))
    code, err = run(capsys, "check", "--config", str(pyproject))
    assert code == 2 and err.count("\n") == 1, err
    assert "no resources selected; the spec declares none" in err
