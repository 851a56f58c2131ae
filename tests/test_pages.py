"""Next-page rules read from each page class's own `.js`: a cursor from a page field or from the
last/first item, a page number, an offset, choices on the request's query; a rule that cannot be
read is a warning, and its pages raise past the first instead of stopping there. The generated
package's own tests then auto-paginate over 3 pages of each style over real HTTP."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import REPO, run_generated_tests
from lint_generated import ruff_default_rules

from codegen.cache import Caches
from codegen.config import load_config
from codegen.parser.js import JsPageRule, JsPageStep, read_js
from codegen.pipeline import generate

CURSOR_RULE = """
    nextPageRequestOptions() {
        if (this.options.query?.['before_id']) {
            const first_id = this.first_id;
            if (!first_id) {
                return null;
            }
            return { ...this.options, query: { ...(0, values_1.maybeObj)(this.options.query), before_id: first_id } };
        }
        const cursor = this.last_id;
        if (!cursor) {
            return null;
        }
        return { ...this.options, query: { ...(0, values_1.maybeObj)(this.options.query), after_id: cursor } };
    }"""
LAST_ITEM_RULE = """
    nextPageRequestOptions() {
        const data = this.getPaginatedItems();
        const id = data[data.length - 1]?.id;
        if (!id) {
            return null;
        }
        return { ...this.options, query: { ...(0, values_1.maybeObj)(this.options.query), after: id } };
    }"""
BOTH_WAYS_RULE = """
    nextPageRequestOptions() {
        const data = this.getPaginatedItems();
        if ('ending_before' in (this.options.query || {})) {
            const first = data[0]?.token;
            if (!first) return null;
            return { ...this.options, query: { ...this.options.query, ending_before: first } };
        }
        const last = data[data.length - 1]?.token;
        if (!last) return null;
        return { ...this.options, query: { ...this.options.query, starting_after: last } };
    }"""
NEGATED_TEST_RULE = """
    nextPageRequestOptions() {
        const data = this.getPaginatedItems();
        const isForwards = !(typeof this.options.query === 'object' && 'ending_before' in (this.options.query || {}));
        if (isForwards) {
            const token = data[data.length - 1]?.token;
            if (!token) {
                return null;
            }
            return { ...this.options, query: { ...(0, values_1.maybeObj)(this.options.query), starting_after: token } };
        }
        const token = data[0]?.token;
        if (!token) {
            return null;
        }
        return { ...this.options, query: { ...(0, values_1.maybeObj)(this.options.query), ending_before: token } };
    }"""
PAGE_NUMBER_RULE = """
    nextPageRequestOptions() {
        const query = this.options.query;
        const currentPage = query?.page ?? 1;
        return { ...this.options, query: { ...(0, values_1.maybeObj)(this.options.query), page: currentPage + 1 } };
    }"""
OFFSET_RULE = """
    nextPageRequestOptions() {
        const offset = this.options.query?.offset ?? 0;
        const length = this.getPaginatedItems().length;
        return { ...this.options, query: { ...this.options.query, offset: offset + length } };
    }"""
NEXT_URL_RULE = """
    nextPageRequestOptions() {
        const url = this.next_page_url;
        if (!url) return null;
        return { ...this.options, path: url, query: {} };
    }"""
OPAQUE_CHOICE_RULE = """
    nextPageRequestOptions() {
        if (this.backwards()) {
            return { ...this.options, query: { before: this.first_id } };
        }
        return { ...this.options, query: { after: this.last_id } };
    }"""
NESTED_CURSOR_RULE = """
    nextPageRequestOptions() {
        const cursor = this.result_info?.cursors?.after;
        if (!cursor) {
            return null;
        }
        return { ...this.options, query: { ...(0, values_1.maybeObj)(this.options.query), cursor } };
    }"""
NESTED_RENAMED_RULE = """
    nextPageRequestOptions() {
        const cursor = this.result_info?.next_page_token;
        if (!cursor) {
            return null;
        }
        return { ...this.options, query: { ...(0, values_1.maybeObj)(this.options.query), page_token: cursor } };
    }"""
ITEMS_FIELD_RULE = """
    nextPageRequestOptions() {
        const cursor = this.data?.next;
        if (!cursor) {
            return null;
        }
        return { ...this.options, query: { after: cursor } };
    }"""
SINGLE_PAGE_RULE = """
    nextPageRequestOptions() {
        return null;
    }"""
HAS_MORE = """
    hasNextPage() {
        if (this.has_more === false) {
            return false;
        }
        return super.hasNextPage();
    }"""


def page_class(rule: str, name: str = "Page", has_more: bool = True) -> str:
    return f"""
class {name} extends AbstractPage {{
    constructor(client, response, body, options) {{
        super(client, response, body, options);
        this.data = body.data || [];
    }}
    getPaginatedItems() {{
        return this.data ?? [];
    }}{HAS_MORE if has_more else ""}{rule}
}}
exports.{name} = {name};
"""


def rule_of(rule: str, has_more: bool = True) -> JsPageRule:
    (found,) = read_js(page_class(rule, has_more=has_more).encode(), "p.js").page_rules
    return found


@pytest.mark.parametrize(
    ("rule", "steps"),
    [
        (
            CURSOR_RULE,
            [
                JsPageStep("before_id", "before_id", "field", "first_id"),
                JsPageStep(None, "after_id", "field", "last_id"),
            ],
        ),
        (LAST_ITEM_RULE, [JsPageStep(None, "after", "last_item", "id")]),
        (
            BOTH_WAYS_RULE,
            [
                JsPageStep("ending_before", "ending_before", "first_item", "token"),
                JsPageStep(None, "starting_after", "last_item", "token"),
            ],
        ),
        (
            NEGATED_TEST_RULE,
            [
                JsPageStep("ending_before", "ending_before", "first_item", "token"),
                JsPageStep(None, "starting_after", "last_item", "token"),
            ],
        ),
        (PAGE_NUMBER_RULE, [JsPageStep(None, "page", "page_number", "page", 1)]),
        (OFFSET_RULE, [JsPageStep(None, "offset", "offset", "offset")]),
        (SINGLE_PAGE_RULE, []),
        (NESTED_CURSOR_RULE, [JsPageStep(None, "cursor", "field", "result_info.cursors.after")]),
        (
            NESTED_RENAMED_RULE,
            [JsPageStep(None, "page_token", "field", "result_info.next_page_token")],
        ),
    ],
)
def test_rules_are_read(rule: str, steps: list[JsPageStep]) -> None:
    found = rule_of(rule)
    assert found.readable
    assert (found.item_field, found.has_more_field) == ("data", "has_more")
    assert list(found.cursors) == steps


def test_has_more_as_a_conjunction() -> None:
    source = page_class(SINGLE_PAGE_RULE, has_more=False).replace(
        "getPaginatedItems() {",
        "hasNextPage() {\n        return this.has_more && super.hasNextPage();\n    }\n"
        "    getPaginatedItems() {",
    )
    (found,) = read_js(source.encode(), "p.js").page_rules
    assert found.has_more_field == "has_more"


@pytest.mark.parametrize("rule", [NEXT_URL_RULE, OPAQUE_CHOICE_RULE, ITEMS_FIELD_RULE])
def test_rules_not_modelled_are_unreadable(rule: str) -> None:
    found = rule_of(rule)
    assert not found.readable and found.cursors == ()
    assert found.line > 0  # the method's position, for the warning


def test_page_class_in_a_resource_file_warns_with_its_location(tmp_path: Path) -> None:
    """A page class declared in a resource's own files, whose rule is a next-page URL."""
    from codegen.parser import RouteConfig, parse_spec

    spec = tmp_path / "spec"
    shutil.copytree(REPO / "spec", spec)
    dts = spec / "resources" / "messages" / "batches.d.ts"
    dts.write_text(
        dts.read_text()
        + "\nexport declare class UrlPage<Item> extends AbstractPage<Item> {\n"
        + "    data: Array<Item>;\n    next_page_url: string | null;\n}\n"
        + "export declare class SubPage<Item> extends Page<Item> {\n}\n"
    )
    dts.write_text(
        dts.read_text().replace(
            'import { Page, type PageParams, PagePromise } from "../../core/pagination.js";',
            "import { AbstractPage, Page, type PageParams, PagePromise } from "
            '"../../core/pagination.js";',
        )
    )
    js = spec / "resources" / "messages" / "batches.js"
    js.write_text(
        js.read_text()
        + page_class(NEXT_URL_RULE, "UrlPage").replace("AbstractPage", "pagination_1.AbstractPage")
    )
    js.write_text(js.read_text() + "\nclass SubPage extends pagination_1.Page {\n}\n")
    parsed = parse_spec(spec, RouteConfig())
    by_name = {p.name: p for p in parsed.pages}
    assert by_name["SubPage"].rule_known  # a subclass without a rule of its own: its base's
    assert by_name["SubPage"].cursors == by_name["Page"].cursors != []
    (warning,) = [d for d in parsed.diagnostics if d.code == "page-rule-unknown"]
    assert warning.severity == "warning"
    assert warning.loc.file.endswith("resources/messages/batches.js")
    lines = js.read_text().splitlines()
    assert "nextPageRequestOptions" in lines[warning.loc.line - 1]
    assert "'UrlPage'" in warning.message and "raise" in warning.message
    (page,) = [p for p in parsed.pages if p.name == "UrlPage"]
    assert not page.rule_known


STYLES = {
    "last_item": (LAST_ITEM_RULE, True),
    "page_number": (PAGE_NUMBER_RULE, False),
    "offset": (OFFSET_RULE, False),
    "unknown": (NEXT_URL_RULE, True),
    "nested_cursor": (NESTED_CURSOR_RULE, False),
}
# what the nested cursor reads: a page field whose type is an interface in a namespace
RESULT_INFO_DTS = """
export declare namespace PageResponse {
    interface ResultInfo {
        count?: number;
        cursors?: ResultInfo.Cursors;
    }
    namespace ResultInfo {
        interface Cursors {
            after?: string;
        }
    }
}
"""


@pytest.fixture(scope="module")
def shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("page-cache")


@pytest.mark.parametrize("style", sorted(STYLES))
def test_generated_package_paginates_over_real_http(
    style: str, tmp_path: Path, shared_cache: Path
) -> None:
    """spec/ with its Page class's rule replaced: the generated package's own pagination tests
    (3 pages and more over a local HTTP server, sync and async) pass, and --strict fails only
    where the rule is unknown."""
    rule, has_more = STYLES[style]
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(REPO / "pyproject.toml", project)
    shutil.copytree(REPO / "spec", project / "spec")
    shutil.copytree(REPO / "templates", project / "templates")
    js = project / "spec" / "core" / "pagination.js"
    text = js.read_text()
    start = text.index("class Page extends AbstractPage")
    end = text.index("exports.Page = Page;") + len("exports.Page = Page;")
    replacement = page_class(rule, has_more=has_more).strip()
    replacement = replacement.replace(
        "this.data = body.data || [];",
        (
            "this.data = body.data || [];\n        this.has_more = body.has_more || false;\n"
            "        this.first_id = body.first_id || null;\n        this.last_id = body.last_id || null;"
        ),
    )
    js.write_text(text[:start] + replacement + text[end:])
    if style == "nested_cursor":
        js.write_text(
            js.read_text().replace(
                "this.last_id = body.last_id || null;",
                "this.last_id = body.last_id || null;\n        this.result_info = body.result_info || {};",
            )
        )
        dts = project / "spec" / "core" / "pagination.d.ts"
        text = dts.read_text().replace(
            "    last_id: string | null;\n    constructor(",
            "    last_id: string | null;\n    result_info: PageResponse.ResultInfo;\n    constructor(",
        )
        dts.write_text(text + RESULT_INFO_DTS)
    config = load_config(project / "pyproject.toml", {"out": project / "out"})
    build = generate(config, Caches(shared_cache), jobs=1)
    unknown = [w for w in build.warnings if "page-rule-unknown" in w]
    assert bool(unknown) == (style == "unknown")
    pagination = (project / "out" / "anthropic_batches" / "pagination.py").read_text()
    nested = '_field_path(self.result_info, ("cursors", "after"))'
    assert (nested in pagination) == (style == "nested_cursor")
    if style == "unknown":
        assert "raise NextPageUnknownError" in pagination
        readme = (project / "out" / "README.md").read_text()
        assert re.search(r"- `core/pagination\.js:\d+:\d+`: page class 'Page'", readme), readme
    run = run_generated_tests(project / "out", "tests/test_client.py", "-k", "page")
    assert run.returncode == 0, run.stdout[-4000:]
    ran = re.search(r"(\d+) passed", run.stdout)
    assert ran and int(ran.group(1)) >= (1 if style == "unknown" else 3), run.stdout[-2000:]
    # each page style renders its own pagination and test code: ruff's default rules on both
    ruff = ruff_default_rules(project / "out")
    assert ruff.returncode == 0, ruff.stdout[-3000:]

