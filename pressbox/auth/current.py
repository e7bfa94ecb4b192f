"""The user the current request acts as, for argument callbacks that only see parameters.

WordPress's callbacks call `current_user_can()` on a global user; ours read this context
variable, which the server sets for the duration of each dispatch.
"""

from __future__ import annotations

from contextvars import ContextVar

from pressbox.auth.users import CurrentUser

current_user: ContextVar[CurrentUser | None] = ContextVar("current_user", default=None)
