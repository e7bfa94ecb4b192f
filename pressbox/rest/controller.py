"""What every controller shares (WP_REST_Controller): fields for the response, context filter."""

from __future__ import annotations

from typing import Any

from pressbox.rest.fields import field_list
from pressbox.rest.message import Request, Response
from pressbox.rest.phpquery import add_query_arg, urlencode_deep

_FIELDS: dict[tuple[Any, ...], tuple[list[str], dict[str, Any]]] = {}
_FIELDS_LIMIT = 2048


def fields_for_response(schema: dict[str, Any], request: Request) -> list[str]:
    """WP_REST_Controller::get_fields_for_response (the same few questions recur: memoised)."""
    context = request.get("context")
    embed = "_embed" in request.query
    requested = request.query.get("_fields")
    if not isinstance(context, str | None) or not isinstance(requested, str | None):
        return _fields_for_response(schema, context, embed, requested)
    key = (id(schema), context, embed, requested)
    hit = _FIELDS.get(key)
    if hit is not None and hit[1] is schema:
        return list(hit[0])
    fields = _fields_for_response(schema, context, embed, requested)
    if len(_FIELDS) >= _FIELDS_LIMIT:
        _FIELDS.clear()
    _FIELDS[key] = (fields, schema)
    return list(fields)


def _fields_for_response(
    schema: dict[str, Any], context: Any, embed: bool, requested_param: Any
) -> list[str]:
    properties: dict[str, Any] = schema.get("properties", {})
    fields = [
        name
        for name, options in properties.items()
        if not (context and options.get("context") and context not in options["context"])
    ]
    fields.append("_links")
    if embed:
        fields.append("_embedded")
    fields = list(dict.fromkeys(fields))
    requested = field_list(requested_param)
    if not requested:
        return fields
    if "id" in fields:
        requested.append("id")
    out: list[str] = []
    for field in requested:
        if field in fields or field.split(".")[0] in fields:
            out.append(field)
    return out


_HIDDEN: dict[tuple[int, str], tuple[frozenset[str], Any]] = {}


def hidden_paths(schema: dict[str, Any], context: str) -> frozenset[str]:
    """`a.b` for each second-level property whose `context` excludes `context`.

    With the top level already chosen by context (`fields_for_response`), a controller that
    skips these paths produces exactly what filter_response_by_context would leave.
    """
    key = (id(schema), context)
    hit = _HIDDEN.get(key)
    if hit is not None and hit[1] is schema:
        return hit[0]
    paths = set()
    for name, prop in schema.get("properties", {}).items():
        nested = prop.get("properties")
        for sub, check in (nested if isinstance(nested, dict) else {}).items():
            if "context" in check and context not in check["context"]:
                paths.add(f"{name}.{sub}")
    found = frozenset(paths)
    _HIDDEN[key] = (found, schema)
    return found


_PLANS: dict[tuple[int, str], tuple[dict[str, Any], Any]] = {}


def context_plan(schema: dict[str, Any], context: str) -> dict[str, Any]:
    """For an object schema: key → False (drop), True (keep as is) or a sub-schema to filter.

    Computed once per schema and context; keys the schema does not describe are kept.
    """
    key = (id(schema), context)
    hit = _PLANS.get(key)
    if hit is not None and hit[1] is schema:
        return hit[0]
    plan: dict[str, Any] = {}
    properties = schema.get("properties")
    # An empty PHP array (`[]`) is a schema without properties.
    for name, check in (properties if isinstance(properties, dict) else {}).items():
        if "context" not in check:
            plan[name] = True
        elif context not in check["context"]:
            plan[name] = False
        elif (
            "properties" in check
            and check.get("type") == "object"
            and not check.get("additionalProperties")
        ):
            plan[name] = ("plan", context_plan(check, context))
        elif check.get("type") in ("object", "array") or "properties" in check or "items" in check:
            plan[name] = check
        else:
            plan[name] = True
    _PLANS[key] = (plan, schema)
    return plan


def filter_item_by_context(
    data: dict[str, Any], schema: dict[str, Any], context: str
) -> dict[str, Any]:
    """filter_response_by_context for a prepared item, using the cached plan."""
    return _filter_with_plan(data, context_plan(schema, context), context)


def _filter_with_plan(data: dict[str, Any], plan: dict[str, Any], context: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in data.items():
        rule = plan.get(key, True)
        if rule is False:
            continue
        if rule is True or not isinstance(value, dict | list):
            out[key] = value
        elif isinstance(rule, tuple):
            out[key] = (
                _filter_with_plan(value, rule[1], context) if isinstance(value, dict) else value
            )
        else:
            out[key] = filter_by_context(value, rule, context)
    return out


def filter_by_context(data: Any, schema: dict[str, Any], context: str) -> Any:
    """rest_filter_response_by_context for object and array schemas."""
    if not isinstance(data, dict | list):
        return data
    stype = schema.get("type", "object" if "properties" in schema else None)
    if stype is None:
        return data
    types = stype if isinstance(stype, list) else [stype]
    is_array = "array" in types and isinstance(data, list)
    is_object = "object" in types and isinstance(data, dict)
    if is_array:
        items = schema.get("items", {})
        if "context" in items and context not in items["context"]:
            return []
        return [
            filter_by_context(v, items, context)
            if isinstance(v, dict | list) and "context" in items
            else v
            for v in data
        ]
    if not is_object:
        return data
    assert isinstance(data, dict)
    raw_props = schema.get("properties")
    props: dict[str, Any] = raw_props if isinstance(raw_props, dict) else {}
    extra = (
        schema.get("additionalProperties")
        if isinstance(schema.get("additionalProperties"), dict)
        else None
    )
    out: dict[str, Any] = {}
    for key, value in data.items():
        check = props.get(key, extra or {})
        if "context" not in check:
            out[key] = value
            continue
        if context not in check["context"]:
            continue
        out[key] = (
            filter_by_context(value, check, context) if isinstance(value, dict | list) else value
        )
    return out


def add_pagination(
    response: Response,
    request: Request,
    collection_url: str,
    *,
    page: int,
    total: int,
    max_pages: int,
    as_text: bool = False,
) -> None:
    """A collection page's `X-WP-Total`/`X-WP-TotalPages` and `prev`/`next` Link headers, as
    get_items() sets them.

    The totals are integers, or strings where the controller casts them (`as_text`): only
    `_envelope` shows the difference. The links carry the request's query as sanitised
    (`status=publish` is then `status[0]=publish`).
    """
    response.headers["X-WP-Total"] = str(total) if as_text else total
    response.headers["X-WP-TotalPages"] = str(max_pages) if as_text else max_pages
    query = request.params.sources.get("GET", request.query) if request.params else request.query
    base = add_query_arg(urlencode_deep(query), collection_url)
    if page > 1:
        response.link_header("prev", add_query_arg({"page": min(page - 1, max_pages)}, base))
    if max_pages > page:
        response.link_header("next", add_query_arg({"page": page + 1}, base))
