"""Posts of any post type: list and single item (WP_REST_Posts_Controller)."""

from __future__ import annotations

import hmac
import math
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from pressbox.auth.current import current_user
from pressbox.content.context import PostData
from pressbox.rest.controller import add_pagination, fields_for_response, filter_item_by_context
from pressbox.rest.errors import RestException
from pressbox.rest.fields import is_field_included
from pressbox.rest.message import Request, Response
from pressbox.schema import _php
from pressbox.schema.errors import RestError
from pressbox.store.posts_query import PostQuery, TaxClause
from pressbox.store.posts_store import PostsStore

if TYPE_CHECKING:
    from pressbox.app import App
    from pressbox.registry.post_types import PostType
    from pressbox.registry.taxonomies import Taxonomy

_HTML_CLASS_STRIP = re.compile(r"%[a-fA-F0-9][a-fA-F0-9]|[^A-Za-z0-9_-]")


def mysql_to_rfc3339(value: str) -> str | None:
    if not value or value.startswith("0000-00-00"):
        return None
    return value.replace(" ", "T")


@lru_cache(maxsize=8192)
def sanitize_html_class(value: str, fallback: str = "") -> str:
    cleaned = _HTML_CLASS_STRIP.sub("", value)
    return cleaned if cleaned else fallback


def supports(post_type: PostType, feature: str) -> bool:
    return feature in post_type.supports


class PostsController:
    """Serves `/wp/v2/{rest_base}` and `/wp/v2/{rest_base}/{id}` for one post type."""

    def __init__(self, app: App, post_type: PostType) -> None:
        self.app = app
        self.post_type = post_type
        self.namespace = post_type.rest_namespace or "wp/v2"
        self.rest_base = post_type.rest_base or post_type.name
        self.taxonomies: list[Taxonomy] = [
            t for t in app.taxonomies.for_object_type(post_type.name) if t.show_in_rest
        ]
        self.all_taxonomies: list[Taxonomy] = app.taxonomies.for_object_type(post_type.name)
        # get_post_class() names the terms of the public taxonomies of this type.
        self.public_taxonomies: list[Taxonomy] = [
            t for t in app.taxonomies if t.public and post_type.name in t.object_type
        ]
        # Subclasses may query with their own builder (attachments also match file names).
        self.store: PostsStore = app.posts_store
        self._schema: dict[str, Any] | None = None

    # -- schema -----------------------------------------------------------------------------

    def item_schema(self) -> dict[str, Any]:
        if self._schema is None:
            self._schema = self.app.schemas.post_item_schema(self.post_type)
        return self._schema

    # -- permissions ------------------------------------------------------------------------

    def get_items_permissions_check(self, request: Request) -> bool:
        if request.get("context") == "edit" and not self.app.auth.can(
            request.user, self.post_type.cap["edit_posts"]
        ):
            raise RestException(
                "rest_forbidden_context",
                "Sorry, you are not allowed to edit posts in this post type.",
                self.app.server.authorization_required_code(request),
            )
        return True

    def get_post(self, raw_id: Any) -> PostData:
        post_id = _php.to_int(raw_id)  # `(int) $id`, as WordPress reads it
        post = self.app.site.post(post_id) if post_id > 0 else None
        if post is None or post.post_type != self.post_type.name:
            raise RestException("rest_post_invalid_id", "Invalid post ID.", 404)
        return post

    def get_item_permissions_check(self, request: Request) -> bool:
        post = self.get_post(request.get("id"))
        if request.get("context") == "edit" and not self.app.auth.can_edit_post(request.user, post):
            raise RestException(
                "rest_forbidden_context",
                "Sorry, you are not allowed to edit this post.",
                self.app.server.authorization_required_code(request),
            )
        password = request.query.get("password")
        if (
            password
            and isinstance(password, str)
            and not hmac.compare_digest(post.post_password.encode(), password.encode())
        ):
            raise RestException("rest_post_incorrect_password", "Incorrect post password.", 403)
        return self.check_read_permission(post, request)

    def permission_key(self, request: Request) -> Any:
        """What the item routes' permission checks depend on, besides the user."""
        try:
            post = self.get_post(request.get("id"))
        except RestException:
            return None
        # Passwords only matter with a `password` query argument, which a link never has.
        return (
            post.post_type,
            post.post_status,
            post.post_author,
            post.post_parent,
            bool(request.query),
        )

    def check_read_permission(self, post: PostData, request: Request) -> bool:
        """WP_REST_Posts_Controller::check_read_permission."""
        if post.post_status == "publish" or self.app.auth.can_read_post(request.user, post):
            return True
        status = self.app.post_statuses.get(post.post_status)
        if status is not None and status.public:
            return True
        if post.post_status == "inherit" and post.post_parent > 0:
            parent = self.app.site.post(post.post_parent)
            if parent is not None:
                return self.check_read_permission(parent, request)
        return post.post_status == "inherit"

    def _forbid(self, code: str, message: str, request: Request) -> RestException:
        return RestException(code, message, self.app.server.authorization_required_code(request))

    def _check_author_and_sticky(self, request: Request, action: str) -> bool | RestException:
        """The `author` and `sticky` checks that creating and updating share; `action`
        ("create" or "update") names the write in the author error."""
        user, cap = request.user, self.post_type.cap
        author = request.get("author")
        if (
            author
            and (user is None or user.id != author)
            and not self.app.auth.can(user, cap["edit_others_posts"])
        ):
            return self._forbid(
                "rest_cannot_edit_others",
                f"Sorry, you are not allowed to {action} posts as this user.",
                request,
            )
        if request.get("sticky") and not (
            self.app.auth.can(user, cap["edit_others_posts"])
            or self.app.auth.can(user, cap["publish_posts"])
        ):
            return self._forbid(
                "rest_cannot_assign_sticky",
                "Sorry, you are not allowed to make posts sticky.",
                request,
            )
        return True

    def create_item_permissions_check(self, request: Request) -> bool | RestException:
        if request.get("id"):
            raise RestException("rest_post_exists", "Cannot create existing post.", 400)
        allowed = self._check_author_and_sticky(request, "create")
        if allowed is not True:
            return allowed
        if not self.app.auth.can(request.user, self.post_type.cap["create_posts"]):
            return self._forbid(
                "rest_cannot_create",
                "Sorry, you are not allowed to create posts as this user.",
                request,
            )
        return True

    def update_item_permissions_check(self, request: Request) -> bool | RestException:
        post = self.get_post(request.get("id"))
        if not self.app.auth.can_edit_post(request.user, post):
            return self._forbid(
                "rest_cannot_edit", "Sorry, you are not allowed to edit this post.", request
            )
        return self._check_author_and_sticky(request, "update")

    def delete_item_permissions_check(self, request: Request) -> bool | RestException:
        post = self.get_post(request.get("id"))
        if not self.app.auth.can_delete_post(request.user, post):
            return self._forbid(
                "rest_cannot_delete", "Sorry, you are not allowed to delete this post.", request
            )
        return True

    # -- argument callbacks -----------------------------------------------------------------

    def sanitize_post_statuses(self, statuses: Any, params: Any, name: str) -> Any:
        """Statuses other than the default need the right to edit (or read private) posts."""
        from pressbox.schema.predicates import wp_parse_list
        from pressbox.schema.sanitize import rest_validate_request_arg
        from pressbox.wxr.slugs import sanitize_title

        values = list(dict.fromkeys(sanitize_title(str(v)) for v in wp_parse_list(statuses)))
        default = params.args.get("status", {}).get("default")
        user = current_user.get()
        for status in values:
            if status == default:
                continue
            allowed = self.app.auth.can(user, self.post_type.cap["edit_posts"]) or (
                status == "private"
                and self.app.auth.can(user, self.post_type.cap["read_private_posts"])
            )
            if not allowed:
                return RestError(
                    "rest_forbidden_status",
                    "Status is forbidden.",
                    {"status": 403 if user and user.id else 401},
                )
            result = rest_validate_request_arg(status, params, name)
            if isinstance(result, RestError):
                return result
        return values

    def sanitize_slug(self, slug: Any, params: Any, name: str) -> Any:
        from pressbox.wxr.slugs import sanitize_title

        return sanitize_title(str(slug))

    def check_status(self, status: Any, params: Any, name: str) -> Any:
        from pressbox.schema.sanitize import rest_validate_request_arg

        result = rest_validate_request_arg(status, params, name)
        if isinstance(result, RestError):
            return result
        if status == "private" and not self.app.auth.can(
            current_user.get(), self.post_type.cap["publish_posts"]
        ):
            return RestError(
                "rest_cannot_publish",
                "Sorry, you are not allowed to create private posts in this post type.",
                {"status": 403 if current_user.get() else 401},
            )
        return True

    def check_template(self, template: Any, params: Any, name: str) -> Any:
        if not template:
            return True
        allowed = self.app.registries.page_templates(self.post_type.name)
        # A list or map here is a fatal error in PHP 8 (an illegal `isset()` offset); it is
        # the client's mistake, so it is answered as an unknown template.
        if isinstance(template, str | int) and str(template) in allowed:
            return True
        return RestError(
            "rest_invalid_param",
            f"Invalid template. Must be one of: {', '.join(allowed)}",
            {"status": 400},
        )

    def check_meta_is_array(self, value: Any, params: Any, name: str) -> Any:
        return isinstance(value, dict | list)

    # -- collection -------------------------------------------------------------------------

    def build_query(self, request: Request) -> PostQuery:
        """Map the REST parameters onto WP_Query's (get_items + prepare_items_query)."""
        registered = self.app.schemas.post_collection_params(self.post_type)
        q = PostQuery(post_type=[self.post_type.name])
        q.logged_in = bool(request.user and request.user.id)

        def given(name: str) -> bool:
            return name in registered and request.get(name) is not None

        if given("author"):
            q.author_in = [int(v) for v in request["author"]]
        if given("author_exclude"):
            q.author_not_in = [int(v) for v in request["author_exclude"]]
        if given("exclude"):
            q.post_not_in = [int(v) for v in request["exclude"]]
        if given("include"):
            q.post_in = [int(v) for v in request["include"]]
        if given("menu_order"):
            q.menu_order = int(request["menu_order"])
        if given("offset"):
            q.offset = int(request["offset"])
        if given("order"):
            q.order = str(request["order"]).upper()
        if given("orderby"):
            q.orderby = str(request["orderby"])
        if given("page"):
            q.page = int(request["page"])
        if given("parent"):
            q.parent_in = [int(v) for v in request["parent"]]
        if given("parent_exclude"):
            q.parent_not_in = [int(v) for v in request["parent_exclude"]]
        if given("search"):
            q.search = str(request["search"])
        if given("search_columns"):
            q.search_columns = list(request["search_columns"])
        if given("slug"):
            q.name_in = [str(v) for v in request["slug"]]
        if given("status"):
            q.post_status = list(request["status"])
        if given("before"):
            q.dates.append(("post_date", "<", self._query_date(request["before"])))
        if given("modified_before"):
            q.dates.append(("post_modified", "<", self._query_date(request["modified_before"])))
        if given("after"):
            q.dates.append(("post_date", ">", self._query_date(request["after"])))
        if given("modified_after"):
            q.dates.append(("post_modified", ">", self._query_date(request["modified_after"])))
        if "per_page" in registered:
            q.per_page = int(request["per_page"])
        if given("sticky"):
            sticky = self.app.site.sticky_posts()
            if request["sticky"]:
                q.post_in = [i for i in sticky if i in q.post_in] if q.post_in else sticky
                if not q.post_in:
                    q.post_in = [0]
            elif sticky:
                q.post_not_in = q.post_not_in + sticky
        if given("search_semantics") and request["search_semantics"] == "exact":
            q.exact = True
        self._tax_query(q, request)
        if given("format"):
            self._format_query(q, list(request["format"]))
        return q

    def _query_date(self, value: str) -> str:
        """WP_Date_Query::build_mysql_datetime for an RFC 3339 value (site timezone UTC)."""
        from pressbox.rest.dates import to_site_mysql

        return to_site_mysql(value, self.app.site)

    def _tax_query(self, q: PostQuery, request: Request) -> None:
        relation = request.get("tax_relation")
        if relation:
            q.tax_relation = str(relation)
        for tax in self.taxonomies:
            base = tax.rest_base or tax.name
            include = request.get(base)
            exclude = request.get(base + "_exclude")
            if include:
                terms, children, operator = self._tax_terms(include)
                if terms:
                    ids = self.app.site.term_taxonomy_ids(tax.name, terms, children)
                    q.tax.append(TaxClause(tax.name, ids, operator))
            if exclude:
                terms, children, _op = self._tax_terms(exclude)
                if terms:
                    ids = self.app.site.term_taxonomy_ids(tax.name, terms, children)
                    q.tax.append(TaxClause(tax.name, ids, "NOT IN"))

    @staticmethod
    def _tax_terms(value: Any) -> tuple[list[int], bool, str]:
        if isinstance(value, list):
            return [int(v) for v in value], False, "IN"
        if isinstance(value, dict):
            terms = [int(v) for v in (value.get("terms") or [])]
            children = bool(value.get("include_children"))
            operator = "AND" if value.get("operator") == "AND" else "IN"
            return terms, children, operator
        return [], False, "IN"

    def _format_query(self, q: PostQuery, formats: list[str]) -> None:
        clauses: list[TaxClause] = []
        if "standard" in formats:
            clauses.append(TaxClause("post_format", [], "NOT EXISTS"))
            formats = [f for f in formats if f != "standard"]
        if formats:
            ids = self.app.terms.term_taxonomy_ids_by_slug(
                "post_format", [f"post-format-{f}" for f in formats]
            )
            clauses.append(TaxClause("post_format", ids, "IN"))
        q.format_clauses = clauses

    def get_items(self, request: Request) -> Response:
        if request.get("orderby") == "relevance" and not request.get("search"):
            raise RestException(
                "rest_no_search_term_defined",
                "You need to define a search term to order by relevance.",
                400,
            )
        if request.get("orderby") == "include" and not request.get("include"):
            raise RestException(
                "rest_orderby_include_missing_include",
                "You need to define an include parameter to order by include.",
                400,
            )
        q = self.build_query(request)
        ids, total = self.store.find(q)
        page = q.page
        if total < 1 and page > 1:
            total = self.store.count(q)
        max_pages = math.ceil(total / q.per_page) if q.per_page > 0 else 1
        if page > max_pages and total > 0:
            raise RestException(
                "rest_post_invalid_page_number",
                "The page number requested is larger than the number of pages available.",
                400,
            )
        data: list[Any] = []
        if request.method != "HEAD":
            posts = self.app.site.posts(ids)
            # get_items() skips what the reader may not read (WordPress's per-post check).
            ordered = [
                posts[i]
                for i in ids
                if i in posts and self.check_read_permission(posts[i], request)
            ]
            prepared = self.prepare_items(ordered, request)
            data = prepared
        response = Response(data=data)
        collection = self.app.server.rest_url(f"{self.namespace}/{self.rest_base}")
        add_pagination(response, request, collection, page=page, total=total, max_pages=max_pages)
        return response

    def get_item(self, request: Request) -> Response:
        post = self.get_post(request.get("id"))
        if request.method == "HEAD":
            response = Response(data=[])
        else:
            response = Response(data=self.prepare_items([post], request)[0])
        if self.post_type.viewable:
            link = self.app.site.permalink_of(post)
            response.link_header("alternate", link, type="text/html")
        return response

    # -- prepare ----------------------------------------------------------------------------

    def prepare_items(self, posts: list[PostData], request: Request) -> list[Any]:
        from pressbox.endpoints.post_prepare import prepare_posts

        return prepare_posts(self, posts, request)

    def fields(self, request: Request) -> list[str]:
        return fields_for_response(self.item_schema(), request)

    def context_filter(self, data: dict[str, Any], request: Request) -> dict[str, Any]:
        context = request.get("context") or "view"
        return filter_item_by_context(data, self.item_schema(), context)

    @staticmethod
    def included(field: str, fields: list[str]) -> bool:
        return is_field_included(field, fields)
