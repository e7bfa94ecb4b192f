"""The active theme's post templates: what `template` may be set to on a post.

WordPress counterpart: `WP_Theme::get_post_templates()` / `get_page_templates()`, which the
posts controller's `check_template()` uses to validate `template` (the schema itself carries no
`enum` in 7.1). For a block theme the list is the theme's PHP page templates (none in a block
theme) plus every *custom* block template — those declared in theme.json `customTemplates`
and user-made ones — for each public post type the template allows (all public types when it
names none).

Twenty Twenty-Five 1.5 (the oracle's theme) declares one custom template in its theme.json:
`page-no-title` ("Page No Title", post types `page`). So a page may use `page-no-title`, and
any other type has no template to choose: the oracle answers a post created with
`template: "no-such-template"` with `template is not one of .` (an empty list).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class CustomTemplate:
    """A custom block template: theme.json `customTemplates` entry or a user template."""

    slug: str
    title: str
    post_types: tuple[str, ...] | None = None  # None: every public post type


TWENTYTWENTYFIVE_CUSTOM_TEMPLATES: tuple[CustomTemplate, ...] = (
    CustomTemplate("page-no-title", "Page No Title", ("page",)),
)


@dataclass(frozen=True)
class ThemeTemplates:
    """The post templates of the active theme, per post type."""

    custom_templates: tuple[CustomTemplate, ...] = ()
    # PHP templates with a `Template Name:` header: (file, name, post types).
    php_templates: tuple[tuple[str, str, tuple[str, ...]], ...] = ()

    def post_templates(self, public_post_types: Iterable[str]) -> dict[str, dict[str, str]]:
        """`WP_Theme::get_post_templates()`: post type -> {template slug or file: title}."""
        out: dict[str, dict[str, str]] = {}
        for file, name, types in self.php_templates:
            for post_type in types:
                out.setdefault(post_type, {})[file] = name
        for post_type in public_post_types:
            for template in self.custom_templates:
                if template.post_types is not None and post_type not in template.post_types:
                    continue
                out.setdefault(post_type, {})[template.slug] = template.title
        return out

    def page_templates(self, post_type: str, public_post_types: Sequence[str]) -> dict[str, str]:
        """`WP_Theme::get_page_templates( null, $post_type )`: the allowed `template` values."""
        return self.post_templates(public_post_types).get(post_type, {})


TWENTYTWENTYFIVE = ThemeTemplates(custom_templates=TWENTYTWENTYFIVE_CUSTOM_TEMPLATES)
