"""The `pressbox` command: serve, init, import.

Every option can also be given as an environment variable (`PRESSBOX_DATABASE_URL`, …).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from pressbox import __version__

cli = typer.Typer(
    help="pressbox: the WordPress REST API, served by Python on WordPress's own tables.",
    no_args_is_help=True,
    add_completion=False,
)

DatabaseOpt = Annotated[
    str,
    typer.Option(
        "--database",
        "-d",
        envvar="PRESSBOX_DATABASE_URL",
        help="Database URL: sqlite:///path/site.db, mysql://user:pass@host/db or postgresql://…",
    ),
]
PrefixOpt = Annotated[
    str,
    typer.Option("--table-prefix", envvar="PRESSBOX_TABLE_PREFIX", help="WordPress table prefix."),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"pressbox {__version__}")
        raise typer.Exit()


@cli.callback()
def main_callback(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """pressbox: the WordPress REST API, served by Python on WordPress's own tables."""


@cli.command()
def serve(
    database: DatabaseOpt = "sqlite:///pressbox.db",
    table_prefix: PrefixOpt = "wp_",
    host: Annotated[
        str, typer.Option(envvar="PRESSBOX_HOST", help="Address to listen on.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(envvar="PRESSBOX_PORT", help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(envvar="PRESSBOX_WORKERS", help="Worker processes.")] = 2,
    site_url: Annotated[
        str | None,
        typer.Option(
            envvar="PRESSBOX_SITE_URL",
            help="Public URL; overrides the `home` and `siteurl` options.",
        ),
    ] = None,
    uploads_dir: Annotated[
        Path | None,
        typer.Option(envvar="PRESSBOX_UPLOADS_DIR", help="Folder served at /wp-content/uploads/."),
    ] = None,
    demo: Annotated[
        bool,
        typer.Option(
            help="If the database holds no site yet, install one with demo content first."
        ),
    ] = False,
) -> None:
    """Serve the REST API (granian, sync WSGI, one thread per worker)."""
    if demo:
        _install_demo_if_empty(database, table_prefix, site_url or f"http://{host}:{port}")
    from granian.constants import Interfaces
    from granian.server import Server as Granian

    os.environ["PRESSBOX_DATABASE_URL"] = database
    os.environ["PRESSBOX_TABLE_PREFIX"] = table_prefix
    if site_url:
        os.environ["PRESSBOX_SITE_URL"] = site_url
    if uploads_dir:
        os.environ["PRESSBOX_UPLOADS_DIR"] = str(uploads_dir)
    server = Granian(
        "pressbox.wsgi:application",
        address=host,
        port=port,
        interface=Interfaces.WSGI,
        workers=workers,
        blocking_threads=1,
        log_access=False,
    )
    typer.echo(f"pressbox serving {database} at http://{host}:{port}/wp-json/")
    server.serve()


def _install_demo_if_empty(database: str, table_prefix: str, site_url: str) -> None:
    from pressbox.store.db import Database
    from pressbox.store.install import InstallError, install_site

    db = Database(database, table_prefix)
    try:
        result = install_site(
            db,
            site_url=site_url,
            title="pressbox demo",
            admin_user="admin",
            admin_email="admin@example.com",
            admin_password=None,
            demo=True,
        )
    except InstallError:
        return  # a site is already there: serve it as it is
    else:
        db.analyze()
    finally:
        db.close()
    typer.echo(
        f"Installed a demo site in {database}; administrator 'admin', password {result.generated_password}"
    )


@cli.command()
def init(
    database: DatabaseOpt = "sqlite:///pressbox.db",
    table_prefix: PrefixOpt = "wp_",
    site_url: Annotated[str, typer.Option(help="The site's public URL.")] = "http://127.0.0.1:8000",
    title: Annotated[str, typer.Option(help="Site title.")] = "My pressbox site",
    admin_user: Annotated[str, typer.Option(help="Administrator login.")] = "admin",
    admin_email: Annotated[str, typer.Option(help="Administrator e-mail.")] = "admin@example.com",
    admin_password: Annotated[
        str | None,
        typer.Option(
            envvar="PRESSBOX_ADMIN_PASSWORD", help="Administrator password (random if omitted)."
        ),
    ] = None,
    demo: Annotated[
        bool, typer.Option(help="Add demo content (posts, pages, categories, tags).")
    ] = False,
    sample_content: Annotated[
        bool,
        typer.Option(
            help="Write WordPress's sample post and pages (leave out before importing a WXR)."
        ),
    ] = True,
    description: Annotated[str, typer.Option(help="Site tagline.")] = "",
) -> None:
    """Create an empty site as a fresh WordPress install has it."""
    from pressbox.store.db import Database
    from pressbox.store.install import install_site

    db = Database(database, table_prefix)
    result = install_site(
        db,
        site_url=site_url,
        title=title,
        admin_user=admin_user,
        admin_email=admin_email,
        admin_password=admin_password,
        demo=demo,
        sample_content=sample_content,
        description=description,
    )
    db.analyze()
    typer.echo(f"Installed {title!r} at {site_url} in {database}")
    if result.generated_password:
        typer.echo(f"Administrator {admin_user!r} password: {result.generated_password}")


@cli.command("import")
def import_(
    file: Annotated[
        Path,
        typer.Argument(exists=True, dir_okay=False, help="A mysqldump .sql file or a WXR export."),
    ],
    database: DatabaseOpt = "sqlite:///pressbox.db",
    table_prefix: PrefixOpt = "wp_",
) -> None:
    """Import a WordPress database dump (.sql) or a WXR export (.xml/.wxr)."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from pressbox.store.db import Database

    db = Database(database, table_prefix)
    show = sys.stderr.isatty()
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TextColumn("{task.completed} rows"),
        TimeElapsedColumn(),
        disable=not show,
    ) as progress:
        task = progress.add_task(f"Importing {file.name}", total=None)

        def tick(n: int) -> None:
            progress.advance(task, n)

        if _is_sql(file):
            from pressbox.store.sqldump import load_dump

            stats = load_dump(file, db.engine, db.tables, progress=tick)
            summary = ", ".join(f"{name}: {count}" for name, count in stats.rows.items())
        else:
            from pressbox.wxr import import_wxr

            db.create_schema()
            wxr_stats = import_wxr(file, db.engine, db.tables, progress=tick)
            summary = str(wxr_stats)
    db.analyze()  # the planner's statistics, for the tables as they are now
    typer.echo(f"Imported {file} into {database}: {summary}")


def _is_sql(path: Path) -> bool:
    if path.suffix.lower() == ".sql":
        return True
    with path.open("rb") as fh:
        head = fh.read(512).lstrip()
    return not head.startswith(b"<")


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
