"""WordPress 7.1's tables (wp-admin/includes/schema.php) as SQLAlchemy Core metadata.

Column names, types, defaults and indexes follow WordPress so that PHP WordPress can read and
write the same database. The table prefix is a parameter; every function takes the `Tables`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    Dialect,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
)
from sqlalchemy.dialects import mysql

ZERO_DATE = "0000-00-00 00:00:00"


class WPDateTime(TypeDecorator[str]):
    """A WordPress datetime: DATETIME on MySQL, text elsewhere, always a string in Python.

    WordPress stores `0000-00-00 00:00:00` for "no date", which no Python datetime can hold,
    so values travel as the `YYYY-MM-DD HH:MM:SS` strings WordPress itself uses.
    """

    impl = String(19)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> Any:
        if dialect.name == "mysql":
            return dialect.type_descriptor(mysql.DATETIME())
        if dialect.name == "postgresql":
            return dialect.type_descriptor(String(19))
        return dialect.type_descriptor(String(19))

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        if not isinstance(value, str):
            value = value.strftime("%Y-%m-%d %H:%M:%S")
        return value

    def process_result_value(self, value: Any, dialect: Dialect) -> str:
        if value is None:
            return ZERO_DATE
        if isinstance(value, str):
            return value
        return str(value.strftime("%Y-%m-%d %H:%M:%S"))


ID = BigInteger().with_variant(Integer(), "sqlite")
LONGTEXT = Text().with_variant(mysql.LONGTEXT(), "mysql")
MEDIUMTEXT = Text().with_variant(mysql.MEDIUMTEXT(), "mysql")
TINYTEXT = Text().with_variant(mysql.TINYTEXT(), "mysql")


def _pk() -> Any:
    return ID


def _meta_table(metadata: MetaData, name: str, id_col: str, owner_col: str) -> Table:
    return Table(
        name,
        metadata,
        Column(id_col, _pk(), primary_key=True, autoincrement=True),
        Column(owner_col, BigInteger, nullable=False, server_default="0"),
        Column("meta_key", String(255), nullable=True),
        Column("meta_value", LONGTEXT, nullable=True),
        Index(f"{name}_{owner_col}", owner_col),
        Index(f"{name}_meta_key", "meta_key", mysql_length=191),
        sqlite_autoincrement=True,
    )


@dataclass(frozen=True)
class Tables:
    """The tables of one site, bound to a prefix."""

    prefix: str
    metadata: MetaData
    posts: Table
    postmeta: Table
    terms: Table
    term_taxonomy: Table
    term_relationships: Table
    termmeta: Table
    users: Table
    usermeta: Table
    comments: Table
    commentmeta: Table
    options: Table
    links: Table

    def by_suffix(self, suffix: str) -> Table:
        """The table named `prefix + suffix` (`posts`, `term_taxonomy`, …)."""
        table = getattr(self, suffix, None)
        if not isinstance(table, Table):
            raise KeyError(suffix)
        return table

    @property
    def all(self) -> list[Table]:
        return list(self.metadata.sorted_tables)


def build_tables(prefix: str = "wp_") -> Tables:
    """Declare WordPress's tables under `prefix`."""
    md = MetaData()
    p = prefix
    posts = Table(
        f"{p}posts",
        md,
        Column("ID", _pk(), primary_key=True, autoincrement=True),
        Column("post_author", BigInteger, nullable=False, server_default="0"),
        Column("post_date", WPDateTime, nullable=False, server_default=ZERO_DATE),
        Column("post_date_gmt", WPDateTime, nullable=False, server_default=ZERO_DATE),
        Column("post_content", LONGTEXT, nullable=False),
        Column("post_title", Text, nullable=False),
        Column("post_excerpt", Text, nullable=False),
        Column("post_status", String(20), nullable=False, server_default="publish"),
        Column("comment_status", String(20), nullable=False, server_default="open"),
        Column("ping_status", String(20), nullable=False, server_default="open"),
        Column("post_password", String(255), nullable=False, server_default=""),
        Column("post_name", String(200), nullable=False, server_default=""),
        Column("to_ping", Text, nullable=False),
        Column("pinged", Text, nullable=False),
        Column("post_modified", WPDateTime, nullable=False, server_default=ZERO_DATE),
        Column("post_modified_gmt", WPDateTime, nullable=False, server_default=ZERO_DATE),
        Column("post_content_filtered", LONGTEXT, nullable=False),
        Column("post_parent", BigInteger, nullable=False, server_default="0"),
        Column("guid", String(255), nullable=False, server_default=""),
        Column("menu_order", Integer, nullable=False, server_default="0"),
        Column("post_type", String(20), nullable=False, server_default="post"),
        Column("post_mime_type", String(100), nullable=False, server_default=""),
        Column("comment_count", BigInteger, nullable=False, server_default="0"),
        Index(f"{p}posts_post_name", "post_name", mysql_length=191),
        Index(f"{p}posts_type_status_date", "post_type", "post_status", "post_date", "ID"),
        Index(f"{p}posts_post_parent", "post_parent"),
        Index(f"{p}posts_post_author", "post_author"),
        Index(f"{p}posts_type_status_author", "post_type", "post_status", "post_author"),
        sqlite_autoincrement=True,
    )
    terms = Table(
        f"{p}terms",
        md,
        Column("term_id", _pk(), primary_key=True, autoincrement=True),
        Column("name", String(200), nullable=False, server_default=""),
        Column("slug", String(200), nullable=False, server_default=""),
        Column("term_group", BigInteger, nullable=False, server_default="0"),
        Index(f"{p}terms_slug", "slug", mysql_length=191),
        Index(f"{p}terms_name", "name", mysql_length=191),
        sqlite_autoincrement=True,
    )
    term_taxonomy = Table(
        f"{p}term_taxonomy",
        md,
        Column("term_taxonomy_id", _pk(), primary_key=True, autoincrement=True),
        Column("term_id", BigInteger, nullable=False, server_default="0"),
        Column("taxonomy", String(32), nullable=False, server_default=""),
        Column("description", LONGTEXT, nullable=False),
        Column("parent", BigInteger, nullable=False, server_default="0"),
        Column("count", BigInteger, nullable=False, server_default="0"),
        Index(f"{p}term_taxonomy_term_id_taxonomy", "term_id", "taxonomy", unique=True),
        Index(f"{p}term_taxonomy_taxonomy", "taxonomy"),
        sqlite_autoincrement=True,
    )
    term_relationships = Table(
        f"{p}term_relationships",
        md,
        Column("object_id", BigInteger, primary_key=True, server_default="0"),
        Column("term_taxonomy_id", BigInteger, primary_key=True, server_default="0"),
        Column("term_order", Integer, nullable=False, server_default="0"),
        Index(f"{p}term_relationships_term_taxonomy_id", "term_taxonomy_id"),
    )
    users = Table(
        f"{p}users",
        md,
        Column("ID", _pk(), primary_key=True, autoincrement=True),
        Column("user_login", String(60), nullable=False, server_default=""),
        Column("user_pass", String(255), nullable=False, server_default=""),
        Column("user_nicename", String(50), nullable=False, server_default=""),
        Column("user_email", String(100), nullable=False, server_default=""),
        Column("user_url", String(100), nullable=False, server_default=""),
        Column("user_registered", WPDateTime, nullable=False, server_default=ZERO_DATE),
        Column("user_activation_key", String(255), nullable=False, server_default=""),
        Column("user_status", Integer, nullable=False, server_default="0"),
        Column("display_name", String(250), nullable=False, server_default=""),
        Index(f"{p}users_user_login_key", "user_login"),
        Index(f"{p}users_user_nicename", "user_nicename"),
        Index(f"{p}users_user_email", "user_email"),
        sqlite_autoincrement=True,
    )
    comments = Table(
        f"{p}comments",
        md,
        Column("comment_ID", _pk(), primary_key=True, autoincrement=True),
        Column("comment_post_ID", BigInteger, nullable=False, server_default="0"),
        Column("comment_author", TINYTEXT, nullable=False),
        Column("comment_author_email", String(100), nullable=False, server_default=""),
        Column("comment_author_url", String(200), nullable=False, server_default=""),
        Column("comment_author_IP", String(100), nullable=False, server_default=""),
        Column("comment_date", WPDateTime, nullable=False, server_default=ZERO_DATE),
        Column("comment_date_gmt", WPDateTime, nullable=False, server_default=ZERO_DATE),
        Column("comment_content", Text, nullable=False),
        Column("comment_karma", Integer, nullable=False, server_default="0"),
        Column("comment_approved", String(20), nullable=False, server_default="1"),
        Column("comment_agent", String(255), nullable=False, server_default=""),
        Column("comment_type", String(20), nullable=False, server_default="comment"),
        Column("comment_parent", BigInteger, nullable=False, server_default="0"),
        Column("user_id", BigInteger, nullable=False, server_default="0"),
        Index(f"{p}comments_comment_post_ID", "comment_post_ID"),
        Index(f"{p}comments_approved_date_gmt", "comment_approved", "comment_date_gmt"),
        Index(f"{p}comments_comment_date_gmt", "comment_date_gmt"),
        Index(f"{p}comments_comment_parent", "comment_parent"),
        Index(f"{p}comments_author_email", "comment_author_email", mysql_length=10),
        sqlite_autoincrement=True,
    )
    options = Table(
        f"{p}options",
        md,
        Column("option_id", _pk(), primary_key=True, autoincrement=True),
        Column("option_name", String(191), nullable=False, server_default=""),
        Column("option_value", LONGTEXT, nullable=False),
        Column("autoload", String(20), nullable=False, server_default="yes"),
        Index(f"{p}options_option_name", "option_name", unique=True),
        Index(f"{p}options_autoload", "autoload"),
        sqlite_autoincrement=True,
    )
    links = Table(
        f"{p}links",
        md,
        Column("link_id", _pk(), primary_key=True, autoincrement=True),
        Column("link_url", String(255), nullable=False, server_default=""),
        Column("link_name", String(255), nullable=False, server_default=""),
        Column("link_image", String(255), nullable=False, server_default=""),
        Column("link_target", String(25), nullable=False, server_default=""),
        Column("link_description", String(255), nullable=False, server_default=""),
        Column("link_visible", String(20), nullable=False, server_default="Y"),
        Column("link_owner", BigInteger, nullable=False, server_default="1"),
        Column("link_rating", Integer, nullable=False, server_default="0"),
        Column("link_updated", WPDateTime, nullable=False, server_default=ZERO_DATE),
        Column("link_rel", String(255), nullable=False, server_default=""),
        Column("link_notes", MEDIUMTEXT, nullable=False),
        Column("link_rss", String(255), nullable=False, server_default=""),
        Index(f"{p}links_link_visible", "link_visible"),
        sqlite_autoincrement=True,
    )
    return Tables(
        prefix=prefix,
        metadata=md,
        posts=posts,
        postmeta=_meta_table(md, f"{p}postmeta", "meta_id", "post_id"),
        terms=terms,
        term_taxonomy=term_taxonomy,
        term_relationships=term_relationships,
        termmeta=_meta_table(md, f"{p}termmeta", "meta_id", "term_id"),
        users=users,
        usermeta=_meta_table(md, f"{p}usermeta", "umeta_id", "user_id"),
        comments=comments,
        commentmeta=_meta_table(md, f"{p}commentmeta", "meta_id", "comment_id"),
        options=options,
        links=links,
    )
