"""Rendering of `content`, `title` and `excerpt`: WordPress's filters as pure steps."""
