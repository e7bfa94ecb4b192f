"""A `WP_Error` holding one error, as the REST API's validation functions return it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class RestError:
    """One WordPress error: its code, its message and its data (None when WordPress sets none).

    `data` stays None rather than `{}` because WordPress tells them apart on the wire: the
    `details` of a `rest_invalid_param` error carry `"data": null` for an error without data.
    """

    code: str
    message: str
    data: dict[str, Any] | None = None

    def to_response_data(self) -> dict[str, Any]:
        """`rest_convert_error_to_response( $error )->get_data()` for a single error."""
        return {"code": self.code, "message": self.message, "data": self.data}
