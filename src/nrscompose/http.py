# The public path of nrscompose._base.http: written by tools/write_fronts.py
from nrscompose._base import http as _implementation
from nrscompose._base.http import (
    MAX_JSON_DEPTH as MAX_JSON_DEPTH,
    SECRET_HEADERS as SECRET_HEADERS,
    HttpRequest as HttpRequest,
    HttpResponse as HttpResponse,
    JsonValue as JsonValue,
    QueryValue as QueryValue,
    build_url as build_url,
    check_base_url as check_base_url,
    check_field_text as check_field_text,
    check_header_name as check_header_name,
    encode_query as encode_query,
    header_pairs as header_pairs,
    json_bytes as json_bytes,
    load_json as load_json,
    secret_names as secret_names,
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
