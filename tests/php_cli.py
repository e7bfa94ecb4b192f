"""Whether the differential tests can run WordPress's PHP: php-cli with mbstring."""

from __future__ import annotations

import functools
import shutil
import subprocess


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
