# The public path of nrscompose._base.http: written by tools/write_fronts.py
from nrscompose._base import http as _implementation
from nrscompose._base.http import (
    MAX_JSON_DEPTH as MAX_JSON_DEPTH,
)
from nrscompose._base.http import (
    SECRET_HEADERS as SECRET_HEADERS,
)
from nrscompose._base.http import (
    HttpRequest as HttpRequest,
)
from nrscompose._base.http import (
    HttpResponse as HttpResponse,
)
from nrscompose._base.http import (
    JsonValue as JsonValue,
)
from nrscompose._base.http import (
    QueryValue as QueryValue,
)
from nrscompose._base.http import (
    build_url as build_url,
)
from nrscompose._base.http import (
    check_base_url as check_base_url,
)
from nrscompose._base.http import (
    check_field_text as check_field_text,
)
from nrscompose._base.http import (
    check_header_name as check_header_name,
)
from nrscompose._base.http import (
    encode_query as encode_query,
)
from nrscompose._base.http import (
    header_pairs as header_pairs,
)
from nrscompose._base.http import (
    json_bytes as json_bytes,
)
from nrscompose._base.http import (
    load_json as load_json,
)
from nrscompose._base.http import (
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
