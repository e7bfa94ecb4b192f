"""Block supports: layout classes and container hashes, wrapper attributes, small supports."""

from __future__ import annotations

import hashlib

import pytest

from pressbox.content.blocks.css import style_engine_get_styles, to_kebab_case
from pressbox.content.blocks.phpjson import php_json_encode
from pressbox.content.blocks.safecss import safecss_filter_attr
from pressbox.content.blocks.sanitize import sanitize_title
from pressbox.content.blocks.supports.layout import unique_id_from_values

from .fakes import make_ctx, render
from .oracle_data import php_run, php_sources

needs_php = pytest.mark.skipif(
    isinstance(php_sources(), str),
    reason="php-cli (with mbstring) or the WordPress mirror is absent",
)


def md5_8(text: str) -> str:
    return hashlib.md5(text.encode()).hexdigest()[:8]


def test_container_hash_is_md5_of_php_json_of_the_layout_inputs() -> None:
    # [used layout, block gap support, gap, skip gap serialization, fallback gap, block spacing]
    expected = md5_8('[{"type":"flex","flexWrap":"nowrap"},true,null,false,"1.2rem",null]')
    content = '<!-- wp:group {"layout":{"type":"flex","flexWrap":"nowrap"}} -->\n<div class="wp-block-group"></div>\n<!-- /wp:group -->'
    assert render(content, make_ctx()) == (
        f'\n<div class="wp-block-group is-nowrap is-layout-flex wp-container-core-group-is-layout-{expected} '
        'wp-block-group-is-layout-flex"></div>\n'
    )


def test_columns_use_their_block_gap_from_theme_styles() -> None:
    expected = md5_8(
        '[{"type":"flex","flexWrap":"nowrap"},true,null,false,"var(--wp--preset--spacing--50)",null]'
    )
    out = render(
        '<!-- wp:columns -->\n<div class="wp-block-columns"></div>\n<!-- /wp:columns -->',
        make_ctx(),
    )
    assert f"wp-container-core-columns-is-layout-{expected}" in out


@pytest.mark.parametrize(
    ("attrs", "classes"),
    [
        (
            '{"layout":{"type":"constrained"}}',
            "has-global-padding is-layout-constrained wp-block-group-is-layout-constrained",
        ),
        ("", "is-layout-flow wp-block-group-is-layout-flow"),
        (
            '{"layout":{"inherit":true}}',
            "has-global-padding is-layout-constrained wp-block-group-is-layout-constrained",
        ),
    ],
)
def test_layouts_without_styles_get_no_container_class(attrs: str, classes: str) -> None:
    content = f'<!-- wp:group {attrs} -->\n<div class="wp-block-group"></div>\n<!-- /wp:group -->'
    assert render(content, make_ctx()) == f'\n<div class="wp-block-group {classes}"></div>\n'


def test_layout_classes_go_on_the_inner_block_wrapper() -> None:
    content = (
        '<!-- wp:cover -->\n<div class="wp-block-cover"><span class="bg"></span>'
        '<div class="wp-block-cover__inner-container"><!-- wp:paragraph --><p>x</p><!-- /wp:paragraph --></div></div>\n'
        "<!-- /wp:cover -->"
    )
    out = render(content, make_ctx())
    assert (
        '<div class="wp-block-cover__inner-container is-layout-flow wp-block-cover-is-layout-flow">'
        in out
    )


def test_duotone_and_elements_classes() -> None:
    content = (
        '<!-- wp:image {"style":{"color":{"duotone":["#000","#fff"]}}} -->\n<figure class="wp-block-image">'
        '<img src="a.jpg"/></figure>\n<!-- /wp:image -->'
        '<!-- wp:group {"style":{"elements":{"link":{"color":{"text":"red"}}}}} -->\n'
        '<div class="wp-block-group"></div>\n<!-- /wp:group -->'
    )
    out = render(content, make_ctx())
    assert 'class="wp-block-image wp-duotone-000-fff-1"' in out
    assert 'class="wp-block-group wp-elements-1 is-layout-flow' in out


def test_block_visibility_false_hides_the_block() -> None:
    content = (
        '<!-- wp:paragraph {"metadata":{"blockVisibility":false}} --><p>x</p><!-- /wp:paragraph -->'
    )
    assert render(content, make_ctx()) == ""


def test_wrapper_attributes_of_a_dynamic_block() -> None:
    content = (
        '<!-- wp:archives {"className":"extra","align":"wide","backgroundColor":"pale","fontSize":"large",'
        '"style":{"spacing":{"padding":{"top":"var:preset|spacing|40","left":"0"}},"color":{"text":"#123"}}} /-->'
    )
    out = render(content, make_ctx())
    # extra classes first, then align, custom class, generated class, colors, typography
    assert out.startswith(
        '<ul style="color:#123;padding-top:var(--wp--preset--spacing--40);padding-left:0" '
        'class="wp-block-archives-list alignwide extra wp-block-archives has-text-color has-background '
        'has-pale-background-color has-large-font-size">'
    )


@pytest.mark.parametrize(
    ("styles", "css", "classes"),
    [
        (
            {"color": {"text": "var:preset|color|red"}},
            "color:var(--wp--preset--color--red);",
            "has-text-color has-red-color",
        ),
        (
            {
                "border": {
                    "radius": {"topLeft": "2px"},
                    "top": {"width": "1px", "color": "var:preset|color|x"},
                }
            },
            "border-top-left-radius:2px;border-top-width:1px;border-top-color:var(--wp--preset--color--x);",
            "",
        ),
        ({"typography": {"lineHeight": 1.5, "fontSize": "12px"}}, "font-size:12px;", ""),
        ({"dimensions": {"minHeight": "0"}}, "min-height:0;", ""),
    ],
)
def test_style_engine(styles: dict[str, object], css: str, classes: str) -> None:
    result = style_engine_get_styles(styles)
    assert (result.css, result.classnames) == (css, classes)


_CSS_CASES = [
    "color: red; background: url(javascript:alert(1))",
    "width:calc(100% - (2 * var(--x)));height:expression(1)",
    "--my-var: 3px; --bad var: 1; position:fixed",
    "background-image:url('https://x.test/a.png');grid-template-columns:repeat(2,minmax(0,1fr))",
    'margin:0 auto;behaviour:url(x);font-family:"A",serif',
]
_KEBAB_CASES = [
    "fooBar",
    "x-large",
    "XXLarge",
    "camelCaseWord2",
    "hello world",
    "élan",
    "3rd",
    "foo_bar",
    "A1B2",
]
_TITLE_CASES = ["core/columns", "Hello World!", "space-between", "Ελληνικά", "a.b_c  d", "Café"]


@pytest.mark.php
@needs_php
def test_css_and_names_match_php() -> None:
    body = r"""
    $out = array();
    foreach ($in[0] as $c) { $out[] = safecss_filter_attr($c); }
    foreach ($in[1] as $c) { $out[] = _wp_to_kebab_case($c); }
    foreach ($in[2] as $c) { $out[] = sanitize_title_with_dashes(remove_accents($c), '', 'save'); }
    foreach ($in[3] as $c) { $out[] = md5(json_encode($c)); }
    echo json_encode($out);
    """
    values = [
        [{"type": "flex"}, True, None, False, "1.2rem", {"a": [1, 2.5, "é/"]}],
        {},
        {"0": "x"},
    ]
    expected = php_run(body, [_CSS_CASES, _KEBAB_CASES, _TITLE_CASES, values])
    ours = [safecss_filter_attr(c) for c in _CSS_CASES]
    ours += [to_kebab_case(c) for c in _KEBAB_CASES]
    ours += [sanitize_title(c) for c in _TITLE_CASES]
    ours += [hashlib.md5(php_json_encode(v).encode()).hexdigest() for v in values]
    assert ours == expected
    assert unique_id_from_values(values[0], "p-") == "p-" + expected[-3][:8]
