"""Blocks: the block parser and `do_blocks` with server-side rendering of core blocks."""
