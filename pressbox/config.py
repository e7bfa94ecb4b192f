"""Settings: where the database is, its table prefix, the public URL, the uploads folder.

Every setting comes from a command-line flag or a `PRESSBOX_*` environment variable.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_DATABASE_URL = "sqlite:///pressbox.db"


@dataclass(frozen=True)
class Settings:
    """One site's configuration."""

    database_url: str = DEFAULT_DATABASE_URL
    table_prefix: str = "wp_"
    # Overrides the `home`/`siteurl` options when set (e.g. behind a proxy).
    site_url: str | None = None
    uploads_dir: Path | None = None
    render_cache: bool = True
    extra: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: object) -> Settings:
        """Settings from `PRESSBOX_*` variables; non-None keyword overrides win."""
        env = dict(os.environ if environ is None else environ)
        values: dict[str, object] = {
            "database_url": env.get("PRESSBOX_DATABASE_URL", DEFAULT_DATABASE_URL),
            "table_prefix": env.get("PRESSBOX_TABLE_PREFIX", "wp_"),
            "site_url": env.get("PRESSBOX_SITE_URL") or None,
            "uploads_dir": Path(env["PRESSBOX_UPLOADS_DIR"])
            if env.get("PRESSBOX_UPLOADS_DIR")
            else None,
            "render_cache": env.get("PRESSBOX_RENDER_CACHE", "1") not in ("0", "false", "no"),
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]
