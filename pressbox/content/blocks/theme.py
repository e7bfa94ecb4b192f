"""The merged theme.json values that block rendering reads (`wp_get_global_settings/styles()`).

WordPress merges core's theme.json, the active theme's and the user's global styles post; the
few values that change rendered markup are captured here. The defaults are those of the
oracle's site: WordPress 7.1 with Twenty Twenty-Five 1.5 and an empty user style.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

__all__ = ["TWENTY_TWENTY_FIVE", "ThemeSettings"]


def _frozen(data: dict[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(data)


@dataclass(frozen=True)
class ThemeSettings:
    """Global settings and styles that affect block markup."""

    # settings.spacing.blockGap is set (true once appearanceTools is on)
    block_gap_support: bool = True
    # settings.useRootPaddingAwareAlignments
    root_padding_aware_alignments: bool = True
    # styles.spacing.blockGap, with presets already resolved to `var(--wp--preset--…)`
    root_block_gap: str | None = "1.2rem"
    # styles.blocks.<name>.spacing.blockGap
    block_gaps: Mapping[str, Any] = field(
        default_factory=lambda: _frozen(
            {
                "core/columns": "var(--wp--preset--spacing--50)",
                "core/buttons": "16px",
                "core/quote": "var(--wp--preset--spacing--30)",
            }
        )
    )
    # styles.blocks.<name>.variations with style data (each gets an `is-style-x--N` class)
    styled_variations: Mapping[str, frozenset[str]] = field(
        default_factory=lambda: _frozen(
            {
                "core/button": frozenset({"outline"}),
                "core/quote": frozenset({"plain"}),
                "core/separator": frozenset({"wide"}),
                "core/site-logo": frozenset({"rounded"}),
            }
        )
    )
    # the theme has a theme.json (block themes do): image/group wrappers are not restored
    has_theme_json: bool = True
    # settings.typography.fluid and the theme's layout sizes, for fluid font sizes
    fluid_typography: bool = True
    wide_size: str = "1340px"
    # settings.lightbox for core/image (off unless a theme or user enables it)
    image_lightbox: bool = False
    # the theme's default `postsPerPage`-style settings are not needed; date/time come from options


TWENTY_TWENTY_FIVE = ThemeSettings()
