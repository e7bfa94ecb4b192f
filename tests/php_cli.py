"""Running WordPress's own PHP in the differential tests.

php-cli detection, the WordPress sources read from the bare git mirror (never copied into the
repository), and a long-lived `php` process that answers JSON requests line by line. A harness
names the files it loads, its bootstrap and the functions it exposes; `start_php()` writes them
to a temporary folder and starts the process, or says why it cannot, and `require()` skips the
calling test with that reason. A harness that wants a fresh process per run (PHP statics that
live for one request) writes its folder with `harness_folder()` and runs it with `run_bootstrap()`.
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
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

import pytest

MIRROR = os.environ.get("PRESSBOX_WP_MIRROR", "/work/.mirror/johnpbloch+wordpress-core/repo")
WP_TAG = os.environ.get("PRESSBOX_WP_TAG", "7.1.0")
# plugin.php requires these itself, so a folder holds them without a harness requiring them.
_PLUGIN_CLASSES = ("class-wp-hook.php", "class-wp-filter-sentinel.php")

_T = TypeVar("_T")


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


@functools.cache
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


def wp_files(
    required: Iterable[str], functions: Mapping[str, Iterable[str]] | None = None
) -> dict[str, str]:
    """A harness folder's WordPress part, by relative path.

    `wp-includes/<file>` for each `required` file (plugin.php brings the classes it requires),
    and `extracted.php` holding the named `functions` of files that would pull in too much.
    """
    whole = [*required]
    if "plugin.php" in whole:
        whole += _PLUGIN_CLASSES
    files = {f"wp-includes/{name}": wp_include(name) for name in whole}
    if functions:
        found = (
            extract_function(wp_include(f), n) for f, names in functions.items() for n in names
        )
        files["extracted.php"] = "\n\n".join(["<?php", *found]) + "\n"
    return files


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


def php_folder(name: str, files: Callable[[], dict[str, str]]) -> Path | str:
    """A temporary folder holding `files()` (by relative path), or why WordPress's PHP cannot run.

    `files()` reads WordPress's sources with `wp_include()` or `wp_files()`.
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
    return folder


def harness_folder(
    name: str, required: Sequence[str], functions: Mapping[str, Iterable[str]], bootstrap: str
) -> Path | str:
    """`php_folder()` of `wp_files(required, functions)` and `bootstrap.php`.

    The bootstrap's `%FILES%` becomes the PHP array of the `required` files.
    """
    return php_folder(
        name,
        lambda: {
            **wp_files(required, functions),
            "bootstrap.php": bootstrap.replace("%FILES%", php_array(required)),
        },
    )


def start_php(
    name: str,
    files: Callable[[], dict[str, str]],
    allowed: frozenset[str],
    probe: Callable[[PhpProcess], bool],
    php_options: tuple[str, ...] = (),
) -> PhpProcess | str:
    """The started process, or why it cannot run.

    `files()` gives the folder's files (see `php_folder()`), `bootstrap.php` among them; `probe`
    tells whether a first answer is right.
    """
    folder = php_folder(name, files)
    if isinstance(folder, str):
        return folder
    php = PhpProcess(name, folder, allowed, php_options)
    atexit.register(php.close)
    try:
        if not probe(php):
            return f"the PHP {name} answered unexpectedly"
    except (RuntimeError, OSError, json.JSONDecodeError) as exc:
        return f"the PHP {name} failed to start: {exc}"
    return php


def run_php(args: Sequence[str], payload: Any) -> Any:
    """What a short-lived `php *args` prints as JSON, given `payload` as JSON on its stdin."""
    proc = subprocess.run(
        ["php", *args], input=json.dumps(payload).encode(), capture_output=True, check=False
    )
    if proc.returncode != 0 or not proc.stdout:
        output = proc.stdout[-2000:] + proc.stderr[-2000:]
        raise RuntimeError(f"php failed: {output.decode(errors='replace')}")
    return json.loads(proc.stdout)


def run_bootstrap(folder: Path | str, payload: Any) -> Any:
    """`run_php()` of a `harness_folder()`'s bootstrap; skips the calling test without a folder."""
    __tracebackhide__ = True
    return run_php([str(require(folder) / "bootstrap.php")], payload)


def require(started: _T | str) -> _T:
    """The running process (or folder); skips the calling test with the reason when there is none."""
    __tracebackhide__ = True  # the skip is reported at the harness that asked
    if isinstance(started, str):
        pytest.skip(started)
    return started
