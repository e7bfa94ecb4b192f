"""Running WordPress's own PHP in the differential tests.

php-cli detection, the WordPress sources read from the bare git mirror (never copied into the
repository), and a long-lived `php` process that answers JSON requests line by line. A harness
names the files it loads, its bootstrap and the functions it exposes; `start_php()` writes them
to a temporary folder and starts the process, or says why it cannot, and `require()` skips the
calling test with that reason.
"""

from __future__ import annotations

import atexit
import functools
import json
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest

MIRROR = os.environ.get("PRESSBOX_WP_MIRROR", "/work/.mirror/johnpbloch+wordpress-core/repo")
WP_TAG = os.environ.get("PRESSBOX_WP_TAG", "7.1.0")


@functools.cache
def php_missing() -> bool:
    """True unless `php` runs and has mbstring (WordPress's UTF-8 functions need it)."""
    if shutil.which("php") is None:
        return True
    try:
        modules = subprocess.run(["php", "-m"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.TimeoutExpired):
        return True
    return "mbstring" not in modules.split()


def wp_include(path: str) -> str:
    """The text of `wp-includes/<path>` in WordPress `WP_TAG`, from the mirror."""
    return subprocess.run(
        ["git", f"--git-dir={MIRROR}", "show", f"{WP_TAG}:wp-includes/{path}"],
        check=True,
        capture_output=True,
        text=True,
        encoding="utf-8",
    ).stdout


def extract_function(source: str, name: str, indent: str = "") -> str:
    """The text of `function name(` up to its closing brace at the same indentation."""
    m = re.search(
        rf"^{indent}(?:public |private |static )*function {re.escape(name)}\(", source, re.M
    )
    if m is None:
        raise LookupError(name)
    end = source.index(f"\n{indent}}}\n", m.start())
    return source[m.start() : end + len(indent) + 3]


def php_array(strings: Iterable[str]) -> str:
    """A PHP array literal of the given strings (which hold no quote)."""
    return "array(" + ", ".join(f"'{s}'" for s in strings) + ")"


class PhpProcess:
    """A `php` process running `bootstrap.php` and answering calls of the functions it exposes."""

    def __init__(
        self, name: str, folder: Path, allowed: frozenset[str], php_options: tuple[str, ...]
    ) -> None:
        self._name = name
        self._allowed = allowed
        self._stderr = (folder / "stderr.log").open("w+")
        self._proc = subprocess.Popen(
            ["php", *php_options, str(folder / "bootstrap.php")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            text=True,
            encoding="utf-8",
        )

    def call_many(self, calls: list[tuple[str, list[Any]]]) -> list[Any]:
        """Results of `[(function, args), …]` in one round trip."""
        for fn, _args in calls:
            if fn not in self._allowed:
                raise ValueError(f"not exposed by the {self._name}: {fn}")
        assert self._proc.stdin is not None and self._proc.stdout is not None
        self._proc.stdin.write(json.dumps([[fn, args] for fn, args in calls]) + "\n")
        self._proc.stdin.flush()
        line = self._proc.stdout.readline()
        if not line:
            self._stderr.seek(0)
            raise RuntimeError(f"php stopped: {self._stderr.read()[-2000:]}")
        result: list[Any] = json.loads(line)
        return result

    def call(self, fn: str, *args: Any) -> Any:
        return self.call_many([(fn, list(args))])[0]

    def close(self) -> None:
        if self._proc.poll() is None:
            assert self._proc.stdin is not None
            self._proc.stdin.close()
            self._proc.wait(timeout=10)
        self._stderr.close()


def start_php(
    name: str,
    files: Callable[[], dict[str, str]],
    allowed: frozenset[str],
    probe: Callable[[PhpProcess], bool],
    php_options: tuple[str, ...] = (),
) -> PhpProcess | str:
    """The started process, or why it cannot run.

    `files()` gives the folder's files by relative path, `bootstrap.php` among them, reading
    WordPress's sources with `wp_include()`; `probe` tells whether a first answer is right.
    """
    if php_missing():
        return "php-cli (with mbstring) is not installed"
    if shutil.which("git") is None:
        return "git is not installed"
    if not Path(MIRROR).is_dir():
        return f"the WordPress git mirror is absent ({MIRROR})"
    try:
        contents = files()
    except (subprocess.CalledProcessError, LookupError, ValueError) as exc:
        return f"WordPress {WP_TAG} sources unavailable from {MIRROR}: {exc}"
    folder = Path(tempfile.mkdtemp(prefix=f"pressbox-php-{name}-"))
    atexit.register(shutil.rmtree, folder, True)
    for relative, text in contents.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    php = PhpProcess(name, folder, allowed, php_options)
    atexit.register(php.close)
    try:
        if not probe(php):
            return f"the PHP {name} answered unexpectedly"
    except (RuntimeError, OSError, json.JSONDecodeError) as exc:
        return f"the PHP {name} failed to start: {exc}"
    return php


def require(started: PhpProcess | str) -> PhpProcess:
    """The running process; skips the calling test with the reason when it cannot run."""
    __tracebackhide__ = True  # the skip is reported at the harness that asked
    if isinstance(started, str):
        pytest.skip(started)
    return started
