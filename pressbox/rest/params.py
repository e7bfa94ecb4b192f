"""Validate and sanitise a matched request's args (WP_REST_Request::has_valid_params, …)."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from pressbox.rest.errors import RestException
from pressbox.rest.message import Request
from pressbox.schema.args import RequestParams, has_valid_params, request_params, sanitize_params
from pressbox.schema.errors import RestError

# Outcomes of validation for requests without a body, by endpoint, user and parameters: the
# same list or embed asked again skips the schema walk. Callbacks that depend on the user
# (allowed statuses) see the user in the key; none reads stored data.
_OUTCOMES: OrderedDict[tuple[Any, ...], tuple[Any, RequestParams | RestError]] = OrderedDict()
OUTCOME_CACHE = 4096


def _raise(error: RestError) -> None:
    data = dict(error.data or {})
    status = int(data.pop("status", 400))
    raise RestException(error.code, error.message, status, **data)


def _frozen(value: Any) -> Any:
    """A hashable form that tells a PHP map from a list (`a[x]=1` from `a[0][0]=x&a[0][1]=1`)."""
    if isinstance(value, dict):
        return (
            dict,
            *((k, _frozen(v) if isinstance(v, dict | list) else v) for k, v in value.items()),
        )
    if isinstance(value, list):
        return (list, *(_frozen(v) if isinstance(v, dict | list) else v for v in value))
    return value


def _validate(request: Request, args: dict[str, dict[str, Any]]) -> RequestParams | RestError:
    content_type = request.headers.get("content-type", "")
    params = request_params(
        request.method,
        args,
        query=request.query,
        form=request.body,
        json=request.json,
        is_json=request.json is not None or content_type.startswith("application/json"),
        url=request.url_params,
    )
    request.params = params
    valid = has_valid_params(params)
    if isinstance(valid, RestError):
        return valid
    return sanitize_params(params)


def check_params(request: Request, args: dict[str, dict[str, Any]]) -> None:
    """Fill `request.params` from its sources and `args`, or raise WordPress's error."""
    if request.body or request.json is not None or request.raw_body:
        outcome = _validate(request, args)
    else:
        user = (request.user.id, request.user.caps) if request.user is not None else None
        key = (id(args), request.method, user, _frozen(request.query), _frozen(request.url_params))
        hit = _OUTCOMES.get(key)
        # The args object itself is kept with the outcome: an id can be reused once freed.
        if hit is not None and hit[0] is args:
            cached = hit[1]
        else:
            cached = _validate(request, args)
            _OUTCOMES[key] = (args, cached)
            if len(_OUTCOMES) > OUTCOME_CACHE:
                _OUTCOMES.popitem(last=False)
        outcome = cached.share() if isinstance(cached, RequestParams) else cached
    if isinstance(outcome, RestError):
        _raise(outcome)
    else:
        request.params = outcome
