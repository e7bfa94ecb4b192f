"""WXR (WordPress eXtended RSS) import: the WordPress Importer's counterpart, streaming.

`import_wxr()` writes an export into WordPress's tables; `read_wxr()` yields its records.
"""

from pressbox.wxr.importer import ImportStats, import_wxr
from pressbox.wxr.reader import UnsafeXMLError, WXRError, read_wxr
from pressbox.wxr.taxonomy import BUILTIN_OBJECT_TYPES

__all__ = [
    "BUILTIN_OBJECT_TYPES",
    "ImportStats",
    "UnsafeXMLError",
    "WXRError",
    "import_wxr",
    "read_wxr",
]
