"""Shared fixtures: the oracle's location and databases loaded from it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def oracle_dir() -> Path | None:
    """The WordPress oracle (`../shared/oracle`, or `PRESSBOX_ORACLE`), if present."""
    path = Path(os.environ.get("PRESSBOX_ORACLE") or ROOT.parent / "shared" / "oracle")
    return path if (path / "exchanges.jsonl").is_file() else None


@pytest.fixture(scope="session")
def oracle() -> Path:
    path = oracle_dir()
    if path is None:
        pytest.skip("the WordPress oracle is absent (set PRESSBOX_ORACLE to its folder)")
    return path
