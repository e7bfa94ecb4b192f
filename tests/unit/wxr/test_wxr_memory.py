"""Importing stays within a memory bound that does not grow with the size of the export."""

from __future__ import annotations

import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine

import pressbox.wxr.reader as reader
from pressbox.store.tables import build_tables
from pressbox.wxr import import_wxr, read_wxr

from .wxrgen import write_wxr


def _peak_import(tmp_path: Path, items: int) -> int:
    """Python memory at its peak while importing a generated export of `items` items."""
    path = write_wxr(tmp_path / f"{items}.xml", items, comments=1, body_size=400)
    tables = build_tables("wp_")
    engine = create_engine(f"sqlite:///{tmp_path / f'{items}.db'}")
    tables.metadata.create_all(engine)
    tracemalloc.start()
    try:
        stats = import_wxr(path, engine, tables)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        engine.dispose()
    assert stats.posts == items
    return peak


def test_peak_memory_does_not_grow_with_items(tmp_path: Path) -> None:
    small = _peak_import(tmp_path, 1_000)
    large = _peak_import(tmp_path, 5_000)
    # One batch of items is in memory at a time; five times the items, the same peak.
    assert large < small * 1.25 + 1_000_000, (small, large)
    assert large < 32_000_000


def test_parsed_tree_is_dropped_as_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """libxml2's memory is outside tracemalloc's view: check the tree itself stays small."""
    seen: list[Any] = []  # the element of the latest event
    original = reader.etree.iterparse

    def recording_iterparse(*args: Any, **kwargs: Any) -> Iterator[tuple[str, Any]]:
        for event, elem in original(*args, **kwargs):
            seen[:] = [elem]
            yield event, elem

    monkeypatch.setattr(reader.etree, "iterparse", recording_iterparse)
    path = write_wxr(tmp_path / "tree.xml", 300, comments=2, body_size=200)
    largest = 0
    for _ in read_wxr(path):
        root = seen[0].getroottree().getroot()
        largest = max(largest, sum(1 for _ in root.iter()))
    # What lxml has parsed ahead of the events (a chunk of input: a few items of ~66
    # elements each) stays; everything read before is gone. Unbounded, it would be ~20,000.
    assert 0 < largest < 20 * 66
