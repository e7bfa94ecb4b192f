"""The block editor's pattern and block sources: `/wp/v2/block-directory/search`,
`/wp/v2/pattern-directory/patterns`, `/wp/v2/block-patterns/patterns` and
`/wp/v2/block-patterns/categories` (WP_REST_Block_Directory_Controller,
WP_REST_Pattern_Directory_Controller, WP_REST_Block_Patterns_Controller,
WP_REST_Block_Pattern_Categories_Controller).

All four serve editors only: anonymous readers get each controller's refusal. The two
directories query WordPress.org and the pattern registry holds the theme's pattern files,
neither of which pressbox serves yet (501 past the checks).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pressbox.endpoints.controller_routes import can_edit_any_post_type, forbid, register_specs
from pressbox.rest.message import Request
from pressbox.schema.patterns import (
    block_directory_routes,
    block_pattern_categories_routes,
    block_patterns_routes,
    pattern_directory_routes,
)

if TYPE_CHECKING:
    from pressbox.app import App


class _EditorsOnly:
    """`get_items_permissions_check()`: the right to edit posts of some REST type."""

    code = ""
    message = ""

    def __init__(self, app: App) -> None:
        self.app = app

    def get_items_permissions_check(self, request: Request) -> bool:
        if can_edit_any_post_type(self.app, request):
            return True
        raise forbid(self.app, request, self.code, self.message)


class BlockDirectoryController:
    """WP_REST_Block_Directory_Controller: for users who may install and activate plugins."""

    def __init__(self, app: App) -> None:
        self.app = app

    def get_items_permissions_check(self, request: Request) -> bool:
        user = request.user
        if self.app.auth.can(user, "install_plugins") and self.app.auth.can(
            user, "activate_plugins"
        ):
            return True
        raise forbid(
            self.app,
            request,
            "rest_block_directory_cannot_view",
            "Sorry, you are not allowed to browse the block directory.",
        )


class PatternDirectoryController(_EditorsOnly):
    """WP_REST_Pattern_Directory_Controller."""

    code = "rest_pattern_directory_cannot_view"
    message = "Sorry, you are not allowed to browse the local block pattern directory."


class BlockPatternsController(_EditorsOnly):
    """WP_REST_Block_Patterns_Controller."""

    code = "rest_cannot_view"
    message = "Sorry, you are not allowed to view the registered block patterns."


class BlockPatternCategoriesController(_EditorsOnly):
    """WP_REST_Block_Pattern_Categories_Controller."""

    code = "rest_cannot_view"
    message = "Sorry, you are not allowed to view the registered block pattern categories."


def register_block_directory_routes(app: App) -> None:
    """Registered after the widgets routes."""
    register_specs(app, BlockDirectoryController(app), block_directory_routes())


def register_pattern_directory_routes(app: App) -> None:
    """Registered after the block directory route."""
    register_specs(app, PatternDirectoryController(app), pattern_directory_routes())


def register_block_patterns_routes(app: App) -> None:
    """The block patterns route, then the pattern categories route (before site health)."""
    register_specs(app, BlockPatternsController(app), block_patterns_routes())
    register_specs(app, BlockPatternCategoriesController(app), block_pattern_categories_routes())
