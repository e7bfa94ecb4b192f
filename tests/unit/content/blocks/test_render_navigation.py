"""Navigation (with page list, links and submenus), social links and the directive processor."""

from __future__ import annotations

import pytest

from pressbox.content.blocks.interactivity import parse_directive_name, process_directives
from pressbox.content.context import PostData
from pressbox.content.counters import Counters

from .fakes import HOME, FakeSite, make_ctx, render


def pages_site() -> FakeSite:
    site = FakeSite()
    site.add(PostData(id=50, post_type="page", post_title="About", post_name="about"))
    site.add(PostData(id=51, post_type="page", post_title="Team", post_name="team", post_parent=50))
    site.add(PostData(id=52, post_type="page", post_title="Contact", post_name="contact"))
    return site


NAV_WITH_PAGES = "<!-- wp:navigation -->\n<!-- wp:page-list /-->\n<!-- /wp:navigation -->"


def test_navigation_wraps_the_page_list_in_the_responsive_overlay() -> None:
    out = render(NAV_WITH_PAGES, make_ctx(pages_site()))
    assert out.startswith(
        '<nav class="is-responsive wp-block-navigation is-layout-flex '
        'wp-block-navigation-is-layout-flex" \n\t\t data-wp-interactive="core/navigation" '
        """data-wp-context='{"overlayOpenedBy":{"click":false,"hover":false,"focus":false},"""
        """"type":"overlay","roleAttribute":"","ariaLabel":"Menu"}'><button aria-haspopup="dialog" """
        'aria-label="Open menu" class="wp-block-navigation__responsive-container-open" '
    )
    assert 'id="modal-1" ' in out and 'id="modal-1-content">' in out
    assert (
        '<ul class="wp-block-navigation__container is-responsive wp-block-navigation">'
        '<ul class="wp-block-page-list">' in out
    )
    assert out.endswith(
        "\t\t\t\t\t\t\t</div>\n\t\t\t\t\t\t</div>\n\t\t\t\t\t</div>\n\t\t\t\t</div></nav>"
    )


def test_submenu_items_get_directives_and_lose_the_unresolved_binding() -> None:
    out = render(NAV_WITH_PAGES, make_ctx(pages_site()))
    item = (
        '<li data-wp-context="{ &quot;submenuOpenedBy&quot;: { &quot;click&quot;: false, '
        "&quot;hover&quot;: false, &quot;focus&quot;: false }, &quot;type&quot;: &quot;submenu"
        '&quot;, &quot;modal&quot;: null, &quot;previousFocus&quot;: null }" '
        'data-wp-interactive="core/navigation" data-wp-on--focusout="actions.handleMenuFocusout" '
        'data-wp-on--keydown="actions.handleMenuKeydown" data-wp-on--pointerenter='
        '"actions.openMenuOnHover" data-wp-on--pointerleave="actions.closeMenuOnHover" '
        'data-wp-watch="callbacks.initMenu" tabindex="-1" class="wp-block-pages-list__item '
        'has-child wp-block-navigation-item open-on-hover-click">'
    )
    assert item in out
    # `aria-expanded="false"` is bound to state the server does not know: removed.
    assert (
        '<button data-wp-bind--aria-expanded="state.isSubmenuOpen" data-wp-on--click='
        '"actions.toggleMenuOnClick" aria-label="About submenu" class="wp-block-navigation__submenu-icon '
        'wp-block-navigation-submenu__toggle" >' in out
    )
    assert (
        '<li class="wp-block-pages-list__item wp-block-navigation-item open-on-hover-click ">'
        f'<a class="wp-block-pages-list__item__link wp-block-navigation-item__content" href="{HOME}/team/">'
        in out
    )


def test_modal_ids_continue_the_request_counter() -> None:
    counters = Counters()
    render(NAV_WITH_PAGES, make_ctx(pages_site()), counters)
    assert 'id="modal-2"' in render(NAV_WITH_PAGES, make_ctx(pages_site()), counters)


@pytest.mark.parametrize(
    ("attrs", "present", "absent"),
    [
        ('{"overlayMenu":"never"}', '<nav class="wp-block-navigation', "modal-"),
        ('{"overlayMenu":"never","ariaLabel":"Main"}', 'aria-label="Main"', "data-wp-context='"),
        ('{"hasIcon":false}', ">Menu</button>", 'aria-label="Open menu"'),
    ],
)
def test_navigation_attributes(attrs: str, present: str, absent: str) -> None:
    content = f"<!-- wp:navigation {attrs} -->\n<!-- wp:page-list /-->\n<!-- /wp:navigation -->"
    out = render(content, make_ctx(pages_site()))
    assert present in out
    assert absent not in out


def test_navigation_links_and_submenus() -> None:
    content = (
        '<!-- wp:navigation {"overlayMenu":"never"} -->'
        '<!-- wp:navigation-link {"label":"Home","url":"/"} /-->'
        '<!-- wp:navigation-submenu {"label":"More","url":"/more"} -->'
        '<!-- wp:navigation-link {"label":"Sub","url":"/sub"} /-->'
        "<!-- /wp:navigation-submenu -->"
        '<!-- wp:navigation-link {"label":"Gone","type":"page","id":999,"url":"/gone"} /-->'
        "<!-- /wp:navigation -->"
    )
    out = render(content, make_ctx(pages_site()))
    assert (
        '<li class="wp-block-navigation-item wp-block-navigation-link">'
        '<a class="wp-block-navigation-item__content"  href="/">'
        '<span class="wp-block-navigation-item__label">Home</span></a></li>' in out
    )
    assert (
        'class="wp-block-navigation-item has-child open-on-hover-click wp-block-navigation-submenu"'
        in out
    )
    assert (
        '<ul data-wp-on--focus="actions.openMenuOnFocus" '
        'class="wp-block-navigation__submenu-container wp-block-navigation-submenu">' in out
    )
    assert "Gone" not in out  # a link to a missing page is not rendered


def test_page_list_outside_navigation_has_no_navigation_classes() -> None:
    out = render("<!-- wp:page-list /-->", make_ctx(pages_site()))
    assert "wp-block-navigation-item" not in out
    assert out.startswith(
        '<ul class="wp-block-page-list"><li class="wp-block-pages-list__item has-child">'
    )


SOCIAL = (
    '<!-- wp:social-links {"openInNewTab":%s} --><ul class="wp-block-social-links">'
    '<!-- wp:social-link {"url":"%s","service":"%s"} /--></ul><!-- /wp:social-links -->'
)


@pytest.mark.parametrize(
    ("new_tab", "url", "service", "expected"),
    [
        (
            "false",
            "#x",
            "wordpress",
            '<li class="wp-social-link wp-social-link-wordpress wp-block-social-link">'
            '<a href="#x" class="wp-block-social-link-anchor"><svg',
        ),
        (
            "true",
            "example.com/me",
            "mastodon",
            '<a rel="noopener nofollow" target="_blank" href="https://example.com/me" '
            'class="wp-block-social-link-anchor">',
        ),
        (
            "false",
            "#y",
            "nonsense",
            '<span class="wp-block-social-link-label screen-reader-text">Share Icon</span>',
        ),
    ],
)
def test_social_links(new_tab: str, url: str, service: str, expected: str) -> None:
    out = render(SOCIAL % (new_tab, url, service), make_ctx())
    assert expected in out


def test_social_link_without_url_renders_nothing() -> None:
    out = render('<!-- wp:social-link {"service":"x"} /-->', make_ctx())
    assert out == ""


@pytest.mark.parametrize(
    ("name", "parsed"),
    [
        ("data-wp-bind--aria-expanded", ("bind", "aria-expanded", None)),
        ("data-wp-on--click---two", ("on", "click", "two")),
        ("data-wp-interactive", ("interactive", None, None)),
        ("data-wp-context---x", ("context", None, "x")),
        ("data-wp--bind", None),
        ("data-wp-a.b", None),
    ],
)
def test_parse_directive_name(name: str, parsed: tuple[str, str | None, str | None] | None) -> None:
    result = parse_directive_name(name)
    got = None if result is None else (result.prefix, result.suffix, result.unique_id)
    assert got == parsed


@pytest.mark.parametrize(
    ("html", "state", "expected"),
    [
        ("<p>none</p>", None, "<p>none</p>"),
        (
            '<div data-wp-interactive="x"><b data-wp-bind--hidden="state.h" hidden>t</b></div>',
            None,
            '<div data-wp-interactive="x"><b data-wp-bind--hidden="state.h" >t</b></div>',
        ),
        (
            '<div data-wp-interactive="x"><b data-wp-bind--aria-hidden="!state.h">t</b></div>',
            {"x": {"h": False}},
            '<div data-wp-interactive="x"><b aria-hidden="true" data-wp-bind--aria-hidden="!state.h">t</b></div>',
        ),
        (
            """<div data-wp-interactive="x" data-wp-context='{"on":true}'>"""
            '<i data-wp-class--is-on="context.on" class="a">t</i></div>',
            None,
            """<div data-wp-interactive="x" data-wp-context='{"on":true}'>"""
            '<i data-wp-class--is-on="context.on" class="a is-on">t</i></div>',
        ),
        (
            # Unbalanced HTML is left alone.
            '<div data-wp-interactive="x"><b data-wp-bind--hidden="state.h" hidden>t</div>',
            None,
            '<div data-wp-interactive="x"><b data-wp-bind--hidden="state.h" hidden>t</div>',
        ),
    ],
)
def test_process_directives(
    html: str, state: dict[str, dict[str, bool]] | None, expected: str
) -> None:
    assert process_directives(html, state) == expected
