"""prepare_item_for_response for users, batched: one meta query for a whole page of users.

WordPress counterparts: `WP_REST_Users_Controller::prepare_item_for_response()` and
`prepare_links()`, `WP_User` (roles, `allcaps`, `caps`), `get_author_posts_url()`,
`get_user_locale()` and `WP_REST_Meta_Fields::get_value()` for user meta.
"""

from __future__ import annotations

from contextlib import nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from pressbox.content.avatars import AvatarOptions, avatar_urls, initials_name
from pressbox.rest.controller import filter_item_by_context
from pressbox.rest.fields import included
from pressbox.rest.message import Request, Response
from pressbox.schema.users import META_SUBTYPE
from pressbox.store.phpserialize import maybe_unserialize
from pressbox.store.users_store import UserRow

if TYPE_CHECKING:
    from pressbox.endpoints.users import UsersController
    from pressbox.store.site import Site

# The WP_User properties that live in usermeta, by the response field that needs them.
_META_FOR_FIELD = {
    "first_name": "first_name",
    "last_name": "last_name",
    "description": "description",
    "locale": "locale",
    "nickname": "nickname",
}
# What gmdate( 'c', strtotime( '0000-00-00 00:00:00' ) ) gives.
_ZERO_DATE_ISO = "-0001-11-30T00:00:00+00:00"


def registered_date(value: str) -> str:
    """`gmdate( 'c', strtotime( $user_registered ) )` (PHP runs in UTC under WordPress)."""
    if not value or value.startswith("0000-00-00"):
        return _ZERO_DATE_ISO
    try:
        parsed = datetime.fromisoformat(value.replace(" ", "T"))
    except ValueError:
        return _ZERO_DATE_ISO
    return parsed.replace(tzinfo=UTC).isoformat(timespec="seconds")


def author_posts_url(site: Site, user_id: int, nicename: str) -> str:
    """`get_author_posts_url()`: `/author/<nicename>/` under pretty permalinks."""
    home = site.home_url()
    structure = str(site.option("permalink_structure", "") or "")
    if not structure:
        return f"{home}/?author={user_id}"
    # WP_Rewrite::$front is the structure up to its first tag.
    front = structure[: structure.find("%")] if "%" in structure else structure
    link = f"{front}author/{nicename}"
    link = link.rstrip("/") + "/" if structure.endswith("/") else link.rstrip("/")
    return home + "/" + link.lstrip("/")


def site_locale(site: Site) -> str:
    """`get_locale()` without translations installed: `WPLANG`, else `en_US`."""
    value = site.option("WPLANG", "")
    return str(value) if value else "en_US"


def _first(values: list[str] | None, default: str = "") -> str:
    return values[0] if values else default


def _caps(meta: dict[str, list[str]], key: str) -> dict[str, Any]:
    """`WP_User::$caps`: the unserialized `{prefix}capabilities`, or nothing."""
    value = maybe_unserialize(_first(meta.get(key))) if meta.get(key) else None
    return {str(k): v for k, v in value.items()} if isinstance(value, dict) else {}


def _roles_and_allcaps(
    caps: dict[str, Any], roles: dict[str, Any]
) -> tuple[list[str], dict[str, Any]]:
    """`WP_User::get_role_caps()`: role names among the caps, and the merged capabilities."""
    user_roles = [name for name in caps if name in roles]
    allcaps: dict[str, Any] = {}
    for role in user_roles:
        data = roles[role]
        granted = data.get("capabilities") if isinstance(data, dict) else None
        if isinstance(granted, dict):
            allcaps.update({str(k): v for k, v in granted.items()})
    allcaps.update(caps)
    return user_roles, allcaps


def _meta_value(ctl: UsersController, meta: dict[str, list[str]], request: Request) -> Any:
    """`WP_REST_Meta_Fields::get_value()` for the user meta keys shown in REST."""
    from pressbox.schema.sanitize import rest_sanitize_value_from_schema

    properties = ctl.item_schema()["properties"]["meta"].get("properties", {})
    out: dict[str, Any] = {}
    for key, registered in ctl.app.registries.meta.for_rest("user", META_SUBTYPE).items():
        if not registered.show_in_rest:
            continue
        options = registered.show_in_rest
        name = getattr(options, "name", None) or key
        schema = properties.get(name)
        if schema is None:
            continue
        values = meta.get(key) or []
        if registered.single:
            value = maybe_unserialize(values[0]) if values else schema.get("default")
            out[name] = rest_sanitize_value_from_schema(value, schema, name)
        else:
            items = schema.get("items", {})
            out[name] = [
                rest_sanitize_value_from_schema(maybe_unserialize(v), items, name) for v in values
            ]
    return out


@dataclass(frozen=True)
class _Page:
    """What every user of one page is prepared with."""

    fields: list[str]
    meta: dict[int, dict[str, list[str]]]
    caps_key: str | None  # set when roles or capabilities are shown
    roles: dict[str, Any]
    avatars: AvatarOptions | None
    locale: str
    list_users: bool
    context: str

    def inc(self, name: str) -> bool:
        return included(name, tuple(self.fields))


def prepare_users(ctl: UsersController, users: list[UserRow], request: Request) -> list[Any]:
    """Prepare each user and turn it into data with links, as a collection does."""
    fields = ctl.fields(request)
    key = tuple(fields)

    def inc(name: str) -> bool:
        return included(name, key)

    keys = [key for field, key in _META_FOR_FIELD.items() if inc(field)]
    caps_key = None
    if inc("roles") or inc("capabilities") or inc("extra_capabilities"):
        caps_key = ctl.store.capabilities_key
        keys.append(caps_key)
    if inc("meta"):
        keys += list(ctl.app.registries.meta.for_rest("user", META_SUBTYPE))
    avatars = ctl.avatar_options() if inc("avatar_urls") else None
    if avatars is not None and avatars.default == "initials":
        keys += ["first_name", "last_name"]
    page = _Page(
        fields=fields,
        meta=ctl.store.meta([u.id for u in users], list(dict.fromkeys(keys))),
        caps_key=caps_key,
        roles=ctl.user_roles() if caps_key else {},
        avatars=avatars,
        locale=site_locale(ctl.app.site) if inc("locale") else "",
        list_users=ctl.can(request, "list_users"),
        context=request.get("context") or "embed",
    )
    want_links = inc("_links") or inc("_embedded")
    # The links' target hints check each user's permissions: answer them from this page.
    primed = ctl.store.primed({u.id: u for u in users}, *ctl.countable_types(request))
    out: list[Any] = []
    with primed if want_links else nullcontext():
        for user in users:
            response = Response(data=_prepare_one(ctl, user, request, page))
            if want_links:
                _add_links(ctl, user, response)
            out.append(ctl.app.server.response_to_data(response, request, False))
    return out


def _prepare_one(ctl: UsersController, user: UserRow, request: Request, page: _Page) -> Any:
    inc = page.inc
    umeta = page.meta.get(user.id, {})
    data: dict[str, Any] = {}
    if inc("id"):
        data["id"] = user.id
    if inc("username"):
        data["username"] = user.user_login
    if inc("name"):
        data["name"] = user.display_name
    if inc("first_name"):
        data["first_name"] = _first(umeta.get("first_name"))
    if inc("last_name"):
        data["last_name"] = _first(umeta.get("last_name"))
    if inc("email"):
        data["email"] = user.user_email
    if inc("url"):
        data["url"] = user.user_url
    if inc("description"):
        data["description"] = _first(umeta.get("description"))
    if inc("link"):
        data["link"] = author_posts_url(ctl.app.site, user.id, user.user_nicename)
    if inc("locale"):
        data["locale"] = _first(umeta.get("locale")) or page.locale
    if inc("nickname"):
        data["nickname"] = _first(umeta.get("nickname"))
    if inc("slug"):
        data["slug"] = user.user_nicename
    caps = _caps(umeta, page.caps_key) if page.caps_key else {}
    user_roles, allcaps = _roles_and_allcaps(caps, page.roles)
    if inc("roles") and (page.list_users or ctl.can_edit_user(request, user.id)):
        data["roles"] = user_roles
    if inc("registered_date"):
        data["registered_date"] = registered_date(user.user_registered)
    if inc("capabilities"):
        data["capabilities"] = allcaps  # (object): `{}` when empty
    if inc("extra_capabilities"):
        data["extra_capabilities"] = caps
    if page.avatars is not None:
        name = initials_name(
            user.display_name,
            _first(umeta.get("first_name")),
            _first(umeta.get("last_name")),
            user.user_login,
        )
        data["avatar_urls"] = avatar_urls(user.user_email, page.avatars, name=name)
    if inc("meta"):
        data["meta"] = _meta_value(ctl, umeta, request)
    data = filter_item_by_context(data, ctl.item_schema(), page.context)
    if data.get("meta") == {}:
        data["meta"] = []  # an empty PHP array is a JSON list
    return data


def _add_links(ctl: UsersController, user: UserRow, response: Response) -> None:
    """`prepare_links()`: self and collection."""
    url = ctl.app.server.rest_url
    base = f"{ctl.namespace}/{ctl.rest_base}"
    response.add_link("self", url(f"{base}/{user.id}"))
    response.add_link("collection", url(base))
