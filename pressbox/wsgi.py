"""The WSGI application object for servers (`pressbox.wsgi:application`), built from the env."""

from __future__ import annotations

from pressbox.app import App
from pressbox.config import Settings
from pressbox.rest.wsgi import WSGIApp


def create_application(settings: Settings | None = None) -> WSGIApp:
    app = App(settings or Settings.from_env())
    return WSGIApp(app, fallback=app.site_handler())


application = create_application()
