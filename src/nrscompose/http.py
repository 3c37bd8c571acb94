# The public path of nrscompose._base.http: written by tools/write_fronts.py
from nrscompose._base import http as _implementation
from nrscompose._base.http import (
    MAX_JSON_DEPTH,
    SECRET_HEADERS,
    HttpRequest,
    HttpResponse,
    JsonValue,
    QueryValue,
    build_url,
    check_base_url,
    check_field_text,
    check_header_name,
    encode_query,
    header_pairs,
    json_bytes,
    load_json,
    secret_names,
)

__doc__ = _implementation.__doc__
__all__ = [
    "MAX_JSON_DEPTH",
    "SECRET_HEADERS",
    "HttpRequest",
    "HttpResponse",
    "JsonValue",
    "QueryValue",
    "build_url",
    "check_base_url",
    "check_field_text",
    "check_header_name",
    "encode_query",
    "header_pairs",
    "json_bytes",
    "load_json",
    "secret_names",
]
