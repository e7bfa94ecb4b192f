"""The schema, args and routes of attachments (`/wp/v2/media`), as WordPress 7.1 builds them.

WordPress counterparts: `WP_REST_Attachments_Controller::get_item_schema()`,
`get_collection_params()`, `get_endpoint_args_for_item_schema()`, `get_edit_media_item_args()`,
`get_media_types()` and `register_routes()` (the posts controller's two routes, then
`post-process` and `edit`; `sideload` and `finalize` only with client-side media processing,
which is off without the Gutenberg plugin's experiment).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import urlsplit

from pressbox.content.escaping import wp_kses_bad_protocol
from pressbox.mime import MIME_TYPES
from pressbox.registry import Registries
from pressbox.registry.post_types import PostType
from pressbox.schema import args as wp_args
from pressbox.schema.controller_args import (
    CREATABLE,
    DELETABLE,
    EDITABLE,
    READABLE,
    Args,
    JSONSchema,
    RestUrl,
    RouteSpec,
    clone,
    endpoint,
    force_arg,
    id_arg,
)
from pressbox.schema.errors import RestError
from pressbox.schema.posts import post_item_schema, public_item_schema
from pressbox.schema.posts_routes import post_collection_params, post_get_item_args
from pressbox.schema.sanitize import rest_validate_request_arg

ATTACHMENTS_CONTROLLER = "WP_REST_Attachments_Controller"

# wp_get_registered_image_subsizes(): the default sizes, then the two core adds itself
# (Twenty Twenty-Five registers none).
IMAGE_SUBSIZES = ("thumbnail", "medium", "medium_large", "large", "1536x1536", "2048x2048")

_ALL = ["view", "edit", "embed"]
_VIEW_EDIT = ["view", "edit"]
_EDIT = ["edit"]


def allowed_mime_types(unfiltered_html: bool = False) -> list[tuple[str, str]]:
    """`get_allowed_mime_types()`: never `swf`/`exe`; `htm|html` and `js` need unfiltered_html."""
    removed = {"swf", "exe"} if unfiltered_html else {"swf", "exe", "htm|html", "js"}
    return [(exts, mime) for exts, mime in MIME_TYPES if exts not in removed]


def media_types(unfiltered_html: bool = False) -> dict[str, list[str]]:
    """`get_media_types()`: the allowed MIME types grouped by their type (`image`, …)."""
    groups: dict[str, list[str]] = {}
    for _exts, mime in allowed_mime_types(unfiltered_html):
        groups.setdefault(mime.split("/", 1)[0], []).append(mime)
    return groups


def _rendered(description: str, raw: str, rendered: str, context: list[str]) -> JSONSchema:
    return {
        "description": description,
        "type": "object",
        "context": list(context),
        # prepare_item_for_database() checks and sanitizes these itself.
        "arg_options": {"sanitize_callback": None, "validate_callback": None},
        "properties": {
            "raw": {"description": raw, "type": "string", "context": list(_EDIT)},
            "rendered": {
                "description": rendered,
                "type": "string",
                "context": list(context),
                "readonly": True,
            },
        },
    }


def _readonly(description: str, type_: Any, context: list[str], **extra: Any) -> JSONSchema:
    prop: JSONSchema = {"description": description, "type": type_}
    prop.update(extra)
    prop["context"] = list(context)
    prop["readonly"] = True
    return prop


def _quality() -> JSONSchema:
    return {"type": "integer", "minimum": 1, "maximum": 100}


def attachment_item_schema(
    post_type: PostType, registries: Registries, rest_url: RestUrl
) -> JSONSchema:
    """`get_item_schema()`: the posts schema of `attachment` with the media properties."""
    schema = post_item_schema(post_type, registries, rest_url)
    props = schema["properties"]
    props["alt_text"] = {
        "description": "Alternative text to display when attachment is not displayed.",
        "type": "string",
        "context": list(_ALL),
        "arg_options": {"sanitize_callback": "sanitize_text_field"},
    }
    props["caption"] = _rendered(
        "The attachment caption.",
        "Caption for the attachment, as it exists in the database.",
        "HTML caption for the attachment, transformed for display.",
        _ALL,
    )
    props["description"] = _rendered(
        "The attachment description.",
        "Description for the attachment, as it exists in the database.",
        "HTML description for the attachment, transformed for display.",
        _VIEW_EDIT,
    )
    props["media_type"] = _readonly("Attachment type.", "string", _ALL, enum=["image", "file"])
    props["mime_type"] = _readonly("The attachment MIME type.", "string", _ALL)
    props["media_details"] = _readonly(
        "Details about the media file, specific to its type.", "object", _ALL
    )
    props["post"] = {
        "description": "The ID for the associated post of the attachment.",
        "type": "integer",
        "context": list(_VIEW_EDIT),
    }
    props["source_url"] = _readonly(
        "URL to the original attachment file.", "string", _ALL, format="uri"
    )
    props["missing_image_sizes"] = _readonly(
        "List of the missing image sizes of the attachment.",
        "array",
        _EDIT,
        items={"type": "string"},
    )
    props["filename"] = _readonly("Original attachment file name.", "string", _VIEW_EDIT)
    props["filesize"] = _readonly("Attachment file size in bytes.", ["integer", "null"], _VIEW_EDIT)
    props["exif_orientation"] = _readonly(
        "EXIF orientation value. Values 1-8 follow the EXIF specification, where 1 means "
        "no rotation needed.",
        "integer",
        _EDIT,
    )
    props["image_quality"] = _readonly(
        "Encode quality (1-100) from the wp_editor_set_quality filter, resolved against the "
        'output MIME type. The "default" value applies to the full-size image; "sizes" lists '
        'per-registered-size overrides where the filtered value differs from "default".',
        "object",
        _EDIT,
    )
    props["image_quality"]["properties"] = {
        "default": _quality(),
        "sizes": {"type": "object", "properties": {name: _quality() for name in IMAGE_SUBSIZES}},
    }
    props["image_output_format"] = _readonly(
        "The output MIME type this image should be converted to, based on the "
        "image_editor_output_format filter. Null if no conversion is needed.",
        ["string", "null"],
        _EDIT,
    )
    props["image_save_progressive"] = _readonly(
        "Whether to use progressive/interlaced encoding when saving this image.",
        "boolean",
        _EDIT,
    )
    del props["password"]
    if not props["meta"]["properties"]:
        props["meta"]["properties"] = []  # an empty PHP array: JSON `[]`
    return schema


def attachment_collection_params(
    post_type: PostType, registries: Registries, schema: JSONSchema
) -> Args:
    """`get_collection_params()`: the posts params, statuses of attachments, media filters."""
    params = post_collection_params(post_type, registries, schema)
    params["status"]["default"] = "inherit"
    params["status"]["items"]["enum"] = ["inherit", "private", "trash"]
    params["media_type"] = {
        "default": None,
        "description": "Limit result set to attachments of a particular media type or media types.",
        "type": "array",
        "items": {"type": "string", "enum": list(media_types())},
    }
    params["mime_type"] = {
        "default": None,
        "description": "Limit result set to attachments of a particular MIME type or MIME types.",
        "type": "array",
        "items": {"type": "string"},
    }
    return params


# -- the sideload URL ---------------------------------------------------------------------

_IPV4 = re.compile(r"^(([1-9]?\d|1\d\d|25[0-5]|2[0-4]\d)\.){3}([1-9]?\d|1\d\d|25[0-5]|2[0-4]\d)$")
_SAFE_PORTS = (80, 443, 8080)


def _internal_ipv4(ip: str) -> bool:
    """The special-purpose ranges `wp_http_validate_url()` refuses to request."""
    a, b, c, _d = (int(p) for p in ip.split("."))
    return (
        a in (0, 10, 127)
        or (a == 172 and 16 <= b <= 31)
        or (a == 192 and b == 168)
        or (a, b, c) in ((192, 0, 0), (192, 0, 2), (192, 88, 99), (198, 51, 100), (203, 0, 113))
        or (a == 169 and b == 254)
        or (a == 100 and 64 <= b <= 127)
        or (a == 198 and 18 <= b <= 19)
        or a >= 224
    )


def wp_http_validate_url(url: Any, home: str) -> bool:
    """`wp_http_validate_url()` without DNS: a host name is only checked when it is an IP.

    WordPress resolves names with `gethostbyname()`; pressbox leaves that to the download.
    """
    if not isinstance(url, str) or url == "" or re.fullmatch(r"\s*[+-]?\d+(\.\d*)?\s*", url):
        return False
    cleaned = wp_kses_bad_protocol(url, ("http", "https"))
    if not cleaned or cleaned.lower() != url.lower():
        return False
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return False
    host = parts.hostname or ""
    if not host or parts.username is not None or parts.password is not None:
        return False
    if any(ch in host for ch in ":#?[]"):
        return False
    home_parts = urlsplit(home)
    same_host = (home_parts.hostname or "").lower() == host.lower()
    bare = host.strip(".")
    if not same_host and _IPV4.match(bare) and _internal_ipv4(bare):
        return False
    if port is None or port in _SAFE_PORTS:
        return True
    return same_host and home_parts.port == port


def sideload_url_validator(home: str) -> Callable[[Any, Any, str], Any]:
    """The `url` arg's validate_callback: the schema first, then a safe public URL."""

    def validate(value: Any, request: Any, name: str) -> Any:
        valid = rest_validate_request_arg(value, request, name)
        if isinstance(valid, RestError):
            return valid
        if not wp_http_validate_url(value, home):
            return RestError(
                "rest_invalid_url",
                "Invalid URL. Provide a valid, publicly reachable HTTP or HTTPS image URL.",
                {"status": 400},
            )
        return True

    return validate


def attachment_endpoint_args(schema: JSONSchema, method: str, home: str) -> Args:
    """`get_endpoint_args_for_item_schema()`: creating also takes the upload options."""
    args = wp_args.endpoint_args_for_schema(schema, method)
    if method != wp_args.CREATABLE:
        return args
    args["generate_sub_sizes"] = {
        "type": "boolean",
        "default": True,
        "description": "Whether to generate image sub sizes.",
    }
    args["convert_format"] = {
        "type": "boolean",
        "default": True,
        "description": "Whether to convert image formats.",
    }
    args["url"] = {
        "type": "string",
        "format": "uri",
        "description": "URL of an external image to sideload into the media library, instead "
        "of uploading a file.",
        "sanitize_callback": "sanitize_url",
        "validate_callback": sideload_url_validator(home),
    }
    return args


# -- the edit route -------------------------------------------------------------------------


def _number(description: str, **extra: Any) -> JSONSchema:
    return {"description": description, "type": "number", **extra}


def _modifier(
    title: str, kind: str, args_description: str, required: list[str], properties: JSONSchema
) -> JSONSchema:
    return {
        "title": title,
        "properties": {
            "type": {"description": f"{title} type.", "type": "string", "enum": [kind]},
            "args": {
                "description": args_description,
                "type": "object",
                "required": required,
                "properties": properties,
            },
        },
    }


def _flip() -> JSONSchema:
    return _modifier(
        "Flip",
        "flip",
        "Flip arguments.",
        ["flip"],
        {
            "flip": {
                "description": "Flip direction.",
                "type": "object",
                "required": ["horizontal", "vertical"],
                "properties": {
                    "horizontal": {
                        "description": "Whether to flip in the horizontal direction.",
                        "type": "boolean",
                    },
                    "vertical": {
                        "description": "Whether to flip in the vertical direction.",
                        "type": "boolean",
                    },
                },
            }
        },
    )


def _crop_args() -> JSONSchema:
    percent = "as a percentage of the image"
    return {
        "left": _number(f"Horizontal position from the left to begin the crop {percent} width."),
        "top": _number(f"Vertical position from the top to begin the crop {percent} height."),
        "width": _number(f"Width of the crop {percent} width."),
        "height": _number(f"Height of the crop {percent} height."),
    }


def _deprecated_crop(what: str) -> JSONSchema:
    return _number(
        f"As a percentage of the image, {what}. DEPRECATED: Use `modifiers` instead.",
        minimum=0,
        maximum=100,
    )


def edit_media_item_args(update_args: Args) -> Args:
    """`get_edit_media_item_args()`; `update_args` are the item's EDITABLE args."""
    args: Args = {
        "src": {
            "description": "URL to the edited image file.",
            "type": "string",
            "format": "uri",
            "required": True,
        },
        # The `modifiers` param takes precedence over the older format.
        "modifiers": {
            "description": "Array of image edits.",
            "type": "array",
            "minItems": 1,
            "items": {
                "description": "Image edit.",
                "type": "object",
                "required": ["type", "args"],
                "oneOf": [
                    _flip(),
                    _modifier(
                        "Rotation",
                        "rotate",
                        "Rotation arguments.",
                        ["angle"],
                        {"angle": _number("Angle to rotate clockwise in degrees.")},
                    ),
                    _modifier(
                        "Crop",
                        "crop",
                        "Crop arguments.",
                        ["left", "top", "width", "height"],
                        _crop_args(),
                    ),
                ],
            },
        },
        "rotation": {
            "description": "The amount to rotate the image clockwise in degrees. DEPRECATED: "
            "Use `modifiers` instead.",
            "type": "integer",
            "minimum": 0,
            "exclusiveMinimum": True,
            "maximum": 360,
            "exclusiveMaximum": True,
        },
        "x": _deprecated_crop("the x position to start the crop from"),
        "y": _deprecated_crop("the y position to start the crop from"),
        "width": _deprecated_crop("the width to crop the image to"),
        "height": _deprecated_crop("the height to crop the image to"),
    }
    for name in ("caption", "description", "title", "post", "alt_text"):
        if name in update_args:
            args[name] = clone(update_args[name])
    return args


# -- routes ---------------------------------------------------------------------------------


def attachments_routes(
    post_type: PostType, registries: Registries, rest_url: RestUrl, home: str
) -> list[RouteSpec]:
    """`register_routes()`: collection, item, `post-process` and `edit`, in that order."""
    schema = attachment_item_schema(post_type, registries, rest_url)
    public = public_item_schema(schema)
    base = post_type.route_base
    namespace = post_type.namespace
    item_id = id_arg("Unique identifier for the post.")
    attachment_id = id_arg("Unique identifier for the attachment.")
    update_args = attachment_endpoint_args(schema, wp_args.EDITABLE, home)

    def spec(route: str, endpoints: Sequence[Any], with_schema: bool) -> RouteSpec:
        return {
            "namespace": namespace,
            "route": route,
            "controller": ATTACHMENTS_CONTROLLER,
            "endpoints": list(endpoints),
            "schema": clone(public) if with_schema else {},
        }

    collection = attachment_collection_params(post_type, registries, schema)
    create_args = attachment_endpoint_args(schema, wp_args.CREATABLE, home)
    action = {"type": "string", "enum": ["create-image-subsizes"], "required": True}
    return [
        spec(
            f"/{base}",
            [
                endpoint(READABLE, "get_items", {}, collection),
                endpoint(CREATABLE, "create_item", {}, create_args),
            ],
            True,
        ),
        spec(
            f"/{base}/(?P<id>[\\d]+)",
            [
                endpoint(READABLE, "get_item", item_id, post_get_item_args(schema)),
                endpoint(EDITABLE, "update_item", item_id, update_args),
                endpoint(
                    DELETABLE,
                    "delete_item",
                    item_id,
                    force_arg("Whether to bypass Trash and force deletion."),
                ),
            ],
            True,
        ),
        # Registered with a lone endpoint array: no schema of their own.
        spec(
            f"/{base}/(?P<id>[\\d]+)/post-process",
            [endpoint(CREATABLE, "post_process_item", {}, {**attachment_id, "action": action})],
            False,
        ),
        spec(
            f"/{base}/(?P<id>[\\d]+)/edit",
            [endpoint(CREATABLE, "edit_media_item", {}, edit_media_item_args(update_args))],
            False,
        ),
    ]
