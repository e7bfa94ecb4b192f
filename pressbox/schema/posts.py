"""The JSON schema of posts of any post type, as WordPress 7.1 builds it.

WordPress counterparts: `WP_REST_Posts_Controller::get_item_schema()` and `get_schema_links()`,
`WP_REST_Blocks_Controller::get_item_schema()` and the `rest_wp_navigation_item_schema` filter
(`WP_Navigation_Fallback::update_wp_navigation_post_schema`).

Every function returns fresh plain dicts and lists in WordPress's key order (the JSON of an
OPTIONS answer is compared key by key). `post_item_schema()` is `get_item_schema()`: some
properties carry `arg_options` (callbacks named as in WordPress, None for an explicit `null`),
which `rest_get_endpoint_args_for_schema()` merges into the request args;
`public_item_schema()` strips them for OPTIONS (`get_public_item_schema()`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from pressbox.registry import POST_FORMATS, Registries
from pressbox.registry.post_types import PostType
from pressbox.schema.controller_args import JSONSchema, RestUrl, clone
from pressbox.schema.meta_fields import meta_field_schema

SCHEMA_DRAFT_04 = "http://json-schema.org/draft-04/schema#"

# `arg_options` with an explicit `null`: prepare_item_for_database() handles the value.
_NO_SCHEMA_CALLBACKS = {"sanitize_callback": None, "validate_callback": None}

_ALL = ["view", "edit", "embed"]
_VIEW_EDIT = ["view", "edit"]
_EDIT = ["edit"]

# The supports features the schema looks at, in the order it adds their properties.
_ATTRIBUTES = (
    "title",
    "editor",
    "author",
    "excerpt",
    "thumbnail",
    "comments",
    "revisions",
    "page-attributes",
    "post-formats",
    "custom-fields",
)
# These three types get a fixed set of properties whatever they support.
_FIXED_SCHEMAS: Mapping[str, tuple[str, ...]] = {
    "post": (
        "title",
        "editor",
        "author",
        "excerpt",
        "thumbnail",
        "comments",
        "revisions",
        "post-formats",
        "custom-fields",
    ),
    "page": (
        "title",
        "editor",
        "author",
        "excerpt",
        "thumbnail",
        "comments",
        "revisions",
        "page-attributes",
        "custom-fields",
    ),
    "attachment": ("title", "author", "comments", "revisions", "custom-fields", "thumbnail"),
}


def _base_properties(status_enum: list[str]) -> JSONSchema:
    """The properties every post has."""
    return {
        "date": {
            "description": "The date the post was published, in the site's timezone.",
            "type": ["string", "null"],
            "format": "date-time",
            "context": _ALL,
        },
        "date_gmt": {
            "description": "The date the post was published, as GMT.",
            "type": ["string", "null"],
            "format": "date-time",
            "context": _VIEW_EDIT,
        },
        "guid": {
            "description": "The globally unique identifier for the post.",
            "type": "object",
            "context": _VIEW_EDIT,
            "readonly": True,
            "properties": {
                "raw": {
                    "description": "GUID for the post, as it exists in the database.",
                    "type": "string",
                    "context": _EDIT,
                    "readonly": True,
                },
                "rendered": {
                    "description": "GUID for the post, transformed for display.",
                    "type": "string",
                    "context": _VIEW_EDIT,
                    "readonly": True,
                },
            },
        },
        "id": {
            "description": "Unique identifier for the post.",
            "type": "integer",
            "context": _ALL,
            "readonly": True,
        },
        "link": {
            "description": "URL to the post.",
            "type": "string",
            "format": "uri",
            "context": _ALL,
            "readonly": True,
        },
        "modified": {
            "description": "The date the post was last modified, in the site's timezone.",
            "type": "string",
            "format": "date-time",
            "context": _VIEW_EDIT,
            "readonly": True,
        },
        "modified_gmt": {
            "description": "The date the post was last modified, as GMT.",
            "type": "string",
            "format": "date-time",
            "context": _VIEW_EDIT,
            "readonly": True,
        },
        "slug": {
            "description": "An alphanumeric identifier for the post unique to its type.",
            "type": "string",
            "context": _ALL,
            "arg_options": {"sanitize_callback": "sanitize_slug"},
        },
        "status": {
            "description": "A named status for the post.",
            "type": "string",
            "enum": status_enum,
            "context": _VIEW_EDIT,
            "arg_options": {"validate_callback": "check_status"},
        },
        "type": {
            "description": "Type of post.",
            "type": "string",
            "context": _ALL,
            "readonly": True,
        },
        "password": {
            "description": "A password to protect access to the content and excerpt.",
            "type": "string",
            "context": _EDIT,
        },
    }


def _viewable_properties() -> JSONSchema:
    """Properties of types that are viewable and public."""
    return {
        "permalink_template": {
            "description": "Permalink template for the post.",
            "type": "string",
            "context": _EDIT,
            "readonly": True,
        },
        "generated_slug": {
            "description": "Slug automatically generated from the post title.",
            "type": "string",
            "context": _EDIT,
            "readonly": True,
        },
        "class_list": {
            "description": "An array of the class names for the post container element.",
            "type": "array",
            "context": _VIEW_EDIT,
            "readonly": True,
            "items": {"type": "string"},
        },
    }


def _rendered_object(
    description: str, raw: str, rendered: str, rendered_context: list[str]
) -> JSONSchema:
    return {
        "description": description,
        "type": "object",
        "context": rendered_context,  # the object is as visible as its rendered form
        "arg_options": _NO_SCHEMA_CALLBACKS,
        "properties": {
            "raw": {"description": raw, "type": "string", "context": _EDIT},
            "rendered": {
                "description": rendered,
                "type": "string",
                "context": rendered_context,
                "readonly": True,
            },
        },
    }


def _protected(what: str) -> JSONSchema:
    return {
        "description": f"Whether the {what} is protected with a password.",
        "type": "boolean",
        "context": _ALL,
        "readonly": True,
    }


def _attribute_properties(attribute: str, meta: Callable[[], JSONSchema]) -> JSONSchema:
    """The properties one supported feature adds."""
    if attribute == "title":
        return {
            "title": _rendered_object(
                "The title for the post.",
                "Title for the post, as it exists in the database.",
                "HTML title for the post, transformed for display.",
                _ALL,
            )
        }
    if attribute == "editor":
        content = _rendered_object(
            "The content for the post.",
            "Content for the post, as it exists in the database.",
            "HTML content for the post, transformed for display.",
            _VIEW_EDIT,
        )
        content["properties"]["block_version"] = {
            "description": "Version of the content block format used by the post.",
            "type": "integer",
            "context": _EDIT,
            "readonly": True,
        }
        content["properties"]["protected"] = _protected("content")
        return {"content": content}
    if attribute == "author":
        return {
            "author": {
                "description": "The ID for the author of the post.",
                "type": "integer",
                "context": _ALL,
            }
        }
    if attribute == "excerpt":
        excerpt = _rendered_object(
            "The excerpt for the post.",
            "Excerpt for the post, as it exists in the database.",
            "HTML excerpt for the post, transformed for display.",
            _ALL,
        )
        excerpt["properties"]["protected"] = _protected("excerpt")
        return {"excerpt": excerpt}
    if attribute == "thumbnail":
        return {
            "featured_media": {
                "description": "The ID of the featured media for the post.",
                "type": "integer",
                "context": _ALL,
            }
        }
    if attribute == "comments":
        return {
            "comment_status": {
                "description": "Whether or not comments are open on the post.",
                "type": "string",
                "enum": ["open", "closed"],
                "context": _VIEW_EDIT,
            },
            "ping_status": {
                "description": "Whether or not the post can be pinged.",
                "type": "string",
                "enum": ["open", "closed"],
                "context": _VIEW_EDIT,
            },
        }
    if attribute == "page-attributes":
        return {
            "menu_order": {
                "description": "The order of the post in relation to other posts.",
                "type": "integer",
                "context": _VIEW_EDIT,
            }
        }
    if attribute == "post-formats":
        return {
            "format": {
                "description": "The format for the post.",
                "type": "string",
                "enum": list(POST_FORMATS),
                "context": _VIEW_EDIT,
            }
        }
    if attribute == "custom-fields":
        return {"meta": meta()}
    return {}  # 'revisions' adds no property


def schema_links(
    post_type: PostType, registries: Registries, rest_url: RestUrl
) -> list[JSONSchema]:
    """`WP_REST_Posts_Controller::get_schema_links()`: the `targetSchema` action links."""
    href = rest_url(f"/{post_type.namespace}/{post_type.route_base}/{{id}}")

    def link(rel: str, title: str, properties: JSONSchema) -> JSONSchema:
        return {
            "rel": f"https://api.w.org/{rel}",
            "title": title,
            "href": href,
            "targetSchema": {"type": "object", "properties": properties},
        }

    links: list[JSONSchema] = []
    if post_type.name != "attachment":
        links.append(
            link(
                "action-publish",
                "The current user can publish this post.",
                {"status": {"type": "string", "enum": ["publish", "future"]}},
            )
        )
    links.append(
        link(
            "action-unfiltered-html",
            "The current user can post unfiltered HTML markup and JavaScript.",
            {"content": {"raw": {"type": "string"}}},
        )
    )
    if post_type.name == "post":
        links.append(
            link(
                "action-sticky",
                "The current user can sticky this post.",
                {"sticky": {"type": "boolean"}},
            )
        )
    if post_type.supports_feature("author"):
        links.append(
            link(
                "action-assign-author",
                "The current user can change the author on this post.",
                {"author": {"type": "integer"}},
            )
        )
    for taxonomy in registries.taxonomies.for_object_type(post_type.name, show_in_rest=True):
        base = taxonomy.route_base
        terms = {base: {"type": "array", "items": {"type": "integer"}}}
        links.append(
            link(
                f"action-assign-{base}",
                f"The current user can assign terms in the {taxonomy.name} taxonomy.",
                terms,
            )
        )
        links.append(
            link(
                f"action-create-{base}",
                f"The current user can create terms in the {taxonomy.name} taxonomy.",
                clone(terms),
            )
        )
    return links


def post_item_schema(post_type: PostType, registries: Registries, rest_url: RestUrl) -> JSONSchema:
    """`get_item_schema()` of the controller of `post_type` (with `arg_options`).

    The posts controller's schema, with the changes of `WP_REST_Blocks_Controller` (patterns)
    and of the `rest_wp_navigation_item_schema` filter applied. Controllers that rebuild
    the schema further (attachments, menu items, templates, …) start from this one.
    """
    properties = _base_properties(registries.statuses.names(internal=False))
    if post_type.viewable and post_type.public:
        properties.update(_viewable_properties())
    if post_type.hierarchical:
        properties["parent"] = {
            "description": "The ID for the parent of the post.",
            "type": "integer",
            "context": _VIEW_EDIT,
        }
    fixed = _FIXED_SCHEMAS.get(post_type.name)
    for attribute in _ATTRIBUTES:
        if fixed is not None and attribute not in fixed:
            continue
        if fixed is None and not post_type.supports_feature(attribute):
            continue
        properties.update(
            _attribute_properties(
                attribute, lambda: meta_field_schema(registries.meta, "post", post_type.name)
            )
        )
    if post_type.name == "post":
        properties["sticky"] = {
            "description": "Whether or not the post should be treated as sticky.",
            "type": "boolean",
            "context": _VIEW_EDIT,
        }
    properties["template"] = {
        "description": "The theme file to use to display the post.",
        "type": "string",
        "context": _VIEW_EDIT,
        "arg_options": {"validate_callback": "check_template"},
    }
    for taxonomy in registries.taxonomies.for_object_type(post_type.name, show_in_rest=True):
        properties[taxonomy.route_base] = {
            "description": f"The terms assigned to the post in the {taxonomy.name} taxonomy.",
            "type": "array",
            "items": {"type": "integer"},
            "context": _VIEW_EDIT,
        }
    schema: JSONSchema = {
        "$schema": SCHEMA_DRAFT_04,
        "title": post_type.name,
        "type": "object",
        "properties": properties,
    }
    links = schema_links(post_type, registries, rest_url)
    if links:
        schema["links"] = links
    schema = clone(schema)  # no list shared between properties or calls
    if post_type.name == "wp_navigation":
        _navigation_schema(schema["properties"])
    if post_type.rest_controller == "WP_REST_Blocks_Controller":
        _blocks_schema(schema["properties"])
    return schema


def _navigation_schema(properties: JSONSchema) -> None:
    """`WP_Navigation_Fallback::update_wp_navigation_post_schema()`: embeds see more."""
    properties["status"]["context"].append("embed")
    properties["content"]["context"].append("embed")
    for key in ("raw", "rendered", "block_version"):
        properties["content"]["properties"][key]["context"].append("embed")
    properties["title"]["properties"]["raw"]["context"].append("embed")


def _blocks_schema(properties: JSONSchema) -> None:
    """`WP_REST_Blocks_Controller::get_item_schema()`: raw title and content are viewable,
    and patterns have no rendered ones."""
    for key in ("title", "content"):
        if key in properties:
            properties[key]["properties"]["raw"]["context"] = ["view", "edit"]
            del properties[key]["properties"]["rendered"]


def public_item_schema(schema: JSONSchema) -> JSONSchema:
    """`WP_REST_Controller::get_public_item_schema()`: the properties lose `arg_options`."""
    public = clone(schema)
    for prop in public.get("properties", {}).values():
        prop.pop("arg_options", None)
    return public
