"""The demo page behind ``nrscompose demo``: the live counter and the server check, side by side.

A standard-library HTTP server bound to 127.0.0.1 only (an asyncio event loop reads the
requests, :mod:`nrscompose.demo._serving`; :mod:`http.server`'s handler answers them),
serving one page from the package's ``static`` folder — no CDN, no external font, no
third-party code — and its JSON endpoints. It is a demonstration and a test bed for the
browser test, not a production server: no TLS, no authentication, no persistence.

==========================  ==================================================================
``GET /``                   ``static/demo.html`` (with ``demo.js``, ``demo.css`` and the
                            live counter ``nrscompose-counter.js`` under ``/static/``)
``GET /api/options``        profiles, channels, message languages and the countries with
                            content rules, for the page's selects
``POST /api/check``         :func:`~nrscompose.forms.check_message` on the submitted form,
                            as a JSON object of the form's fields; with ``country`` (and
                            ``category``), that country's content rules too
``POST /api/preview``       ``Template(text).preview(values)`` and the template's problems
``POST /api/suggest``       a GSM rewrite of each character given, with its Unicode name
``POST /api/user-data``     the user data of each SMS a handset receives (header, payload,
                            septets): :func:`~nrscompose.charsets.pdu.pack_parts`
``GET /campaign``           ``static/campaign.html``: a campaign's estimate, drawn
``GET /api/campaign/...``   ``example``: the bundled example campaign (CSV, template, prices)
``POST /api/estimate``      the estimate of a CSV (:mod:`nrscompose.demo.campaign_page`)
==========================  ==================================================================

The per-keystroke count never leaves the browser; the page calls ``/api/suggest`` only for a
character it has not seen yet and ``/api/preview`` only when the text has a placeholder.

Every answer is JSON; a bad request gets ``400`` and ``{"error": {"status", "message"}}``,
never a traceback — text with a lone surrogate, a value that is not a finite number, an
integer too long to convert, JSON nested deeper than 100 levels, and whatever the library
refuses as the caller's error. Spans (``start``/``end``) are code-point indices into the text
as received: a browser sends a textarea's line breaks as CRLF and the page maps them back.

Answers stay small whatever the text: problems, warnings and offending characters that repeat
are grouped (the first one, with ``count`` for how many there are), and every list is cut at
:data:`MAX_LISTED` entries with ``<name>_omitted`` saying how many were left out.

Bad clients cannot hold it: a connection waiting for bytes costs the event loop a coroutine,
not a thread, and gets :data:`READ_TIMEOUT` seconds per read, :data:`HEADER_DEADLINE` seconds
for its headers and :data:`REQUEST_DEADLINE` for the whole request (slow clients are
disconnected); only whole requests reach the :data:`MAX_THREADS` handler threads. Posts are
JSON from this server's own pages only (``Host`` and ``Origin`` are checked), and no other
site may frame the page.
"""

from __future__ import annotations

import contextlib
import io
import json
import math
import sys
import traceback
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from importlib import resources
from typing import Final
from urllib.parse import urlsplit

from nrscompose._base.errors import NrsComposeError, Problem, ValidationError
from nrscompose._base.http import load_json
from nrscompose._base.messages import LANGUAGES
from nrscompose._base.vocabularies import CATEGORIES, ENCODINGS
from nrscompose._composition.template import Template, Value
from nrscompose._counting import charsets
from nrscompose._counting.analysis import Analysis, analyze, describe_char
from nrscompose._counting.charsets.pdu import UserData, fill_bits, pack_parts
from nrscompose._counting.profiles import PROFILES
from nrscompose._counting.splitting import parts_of
from nrscompose._counting.suggestions import candidate
from nrscompose._rules import content
from nrscompose.demo import campaign_page
from nrscompose.demo._serving import EventLoopServer, Limits
from nrscompose.forms import counter_script
from nrscompose.forms.check import MessageCheck, check_message, problem_json

__all__ = ["HOST", "DemoServer", "check_json"]

HOST: Final = "127.0.0.1"
MAX_BODY: Final = 256 * 1024  # bytes: a message of 15 parts is under 5 KB even as UTF-8
MAX_CHARS: Final = 500  # characters per /api/suggest request
MAX_LISTED: Final = 100  # entries of any list in an answer; the rest is counted
READ_TIMEOUT: Final = 10.0  # seconds a connection may stay silent
HEADER_DEADLINE: Final = 10.0  # seconds to send the request line and headers, however slowly
REQUEST_DEADLINE: Final = 30.0  # seconds to send one whole request, however it trickles
# Requests answered at once (threads); the others wait, read whole, for a free one. The work
# is CPU-bound under one interpreter lock, so more threads would only hold more memory.
MAX_THREADS: Final = 8
# Open connections; past it, the one waiting longest for its headers is dropped. An idle
# connection costs a few kilobytes: this bounds file descriptors, not memory.
MAX_CONNECTIONS: Final = 4096
REQUEST_QUEUE_SIZE: Final = 1024  # connections the kernel holds until the loop accepts them
_CHANNELS: Final = ("sms", "landing")
_STATIC: Final = {  # the only files served, with their types
    "demo.html": "text/html; charset=utf-8",
    "demo.css": "text/css; charset=utf-8",
    "demo.js": "text/javascript; charset=utf-8",
    "demo-characters.js": "text/javascript; charset=utf-8",  # also the page's worker
    "nrscompose-counter.js": "text/javascript; charset=utf-8",
    "campaign.html": "text/html; charset=utf-8",
    "campaign.js": "text/javascript; charset=utf-8",
}
# Everything the page loads comes from this server; a CDN or inline script would be refused.
# No other site may frame the page either (clickjacking).
_CSP: Final = (
    "default-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)

JsonObject = dict[str, object]
_Reply = tuple[HTTPStatus, str, bytes]  # status, Content-Type, body


class BadRequest(Exception):
    """The client sent something the endpoint cannot use; answered as JSON, not a traceback."""

    def __init__(self, message: str, status: HTTPStatus = HTTPStatus.BAD_REQUEST) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True, slots=True)
class _CheckForm:
    """The fields of the page's form, from either encoding."""

    message: str
    channel: str
    profile: str
    max_parts: object
    trans: bool
    sender: str | None
    values: dict[str, Value] | None
    locale: str
    country: str | None = None  # the destination whose content rules apply
    category: str = "marketing"


def _grouped(items: list[JsonObject], key: Callable[[JsonObject], object]) -> list[JsonObject]:
    """The first item of each group of ``key``, in order, with ``count`` of its group."""
    groups: dict[object, JsonObject] = {}
    for item in items:
        first = groups.setdefault(key(item), {**item, "count": 0})
        count = first["count"]
        first["count"] = (count if isinstance(count, int) else 0) + 1
    return list(groups.values())


def _capped(answer: JsonObject, name: str, items: Sequence[object]) -> None:
    """``answer[name]`` = the first :data:`MAX_LISTED` items; ``<name>_omitted`` the rest."""
    answer[name] = list(items[:MAX_LISTED])
    answer[f"{name}_omitted"] = max(0, len(items) - MAX_LISTED)


def _problems_json(
    check: MessageCheck, problems: Iterable[Problem], received: str
) -> list[JsonObject]:
    # One entry per (kind, code, field, characters): 80,000 distinct CJK characters are one
    # warning each, but a message with the same emoji 500 times needs one entry, not 500.
    def same(found: JsonObject) -> object:
        start, end = found["start"], found["end"]
        if isinstance(start, int) and isinstance(end, int):
            what: object = received[start:end]
        else:
            what = found["message"]
        return found.get("kind"), found["code"], found["field"], what

    return _grouped([problem_json(p, check.locale) for p in problems], same)


def check_json(check: MessageCheck, received: str) -> JsonObject:
    """The ``/api/check`` answer for ``check`` of the text ``received``, grouped and capped
    (see the module)."""
    answer: JsonObject = {"received": received, "valid": check.valid, "codes": list(check.codes)}
    _capped(answer, "problems", _problems_json(check, check.problems, received))
    # grouped by the check, and only the listed ones rendered: no entry a character
    listed = check.warnings.grouped(MAX_LISTED)
    answer["warnings"] = [{**problem_json(w, check.locale), "count": count} for w, count in listed]
    answer["warnings_omitted"] = check.warnings.distinct - len(listed)
    _capped(answer, "notices", _problems_json(check, check.notices, received))
    suggestions = []
    for s in check.suggestions:
        found: JsonObject = {"char": s.char, "replacement": s.replacement}
        _capped(found, "indices", list(s.indices))
        found.update(parts_saved=s.parts_saved, message=s.message)
        suggestions.append(found)
    _capped(answer, "suggestions", suggestions)
    answer.update(
        suggestions_message=check.suggestions_message,
        parts_needed=check.parts_needed,
        max_parts=check.max_parts,
        newlines=check.newlines,
        newlines_changed=check.newlines_changed,
        analysis=None if check.analysis is None else _analysis_json(check.analysis),
    )
    return answer


def _analysis_json(analysis: Analysis) -> JsonObject:
    # one entry a character, with its count; only the listed ones made
    answer = analysis.as_json(grouped=True, limit=MAX_LISTED)
    answer["offending_omitted"] = max(0, analysis.offending.distinct - MAX_LISTED)
    return answer


# ------------------------------------------------------------------------ reading requests


def _string(fields: Mapping[str, object], name: str, default: str = "") -> str:
    value = fields.get(name, default)
    if not isinstance(value, str):
        raise BadRequest(f"{name!r} must be a string")
    return value


def _values(raw: object) -> dict[str, Value]:
    if not isinstance(raw, dict):
        raise BadRequest("'values' must be an object of name: value")
    values: dict[str, Value] = {}
    for name, value in raw.items():
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise BadRequest(f"the value of {name!r} must be a string or a number")
        if isinstance(value, float) and not math.isfinite(value):
            raise BadRequest(f"the value of {name!r} must be a finite number")
        values[name] = value
    return values


def _json_fields(body: bytes) -> JsonObject:
    try:
        fields: object = load_json(body.decode("utf-8"))
    except ValueError as error:  # not UTF-8, not JSON, too deep, an integer too long
        raise BadRequest(f"the body is not UTF-8 JSON: {error}") from None
    if not isinstance(fields, dict):
        raise BadRequest("the body must be a JSON object")
    _refuse_lone_surrogates(fields)
    return fields


def _refuse_lone_surrogates(fields: JsonObject) -> None:
    # JSON may escape half of a surrogate pair ("\ud800"); such text is no Unicode text: it
    # cannot be counted, sent, nor even written back as UTF-8.
    try:
        json.dumps(fields, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as error:
        raise BadRequest(
            f"the text contains a lone surrogate (U+{ord(error.object[error.start]):04X}); "
            "send whole characters"
        ) from None


def _check_form(fields: JsonObject) -> _CheckForm:
    if "message" not in fields:
        raise BadRequest("the field 'message' is required")
    channel = _string(fields, "channel", "sms")
    if channel not in _CHANNELS:
        raise BadRequest(f"unknown channel {channel!r}; use one of {', '.join(_CHANNELS)}")
    profile = _string(fields, "profile", "360nrs")
    if profile not in PROFILES:
        raise BadRequest(f"unknown profile {profile!r}; use one of {', '.join(PROFILES)}")
    trans = fields.get("trans", False)
    if not isinstance(trans, bool):
        raise BadRequest("'trans' must be true or false")
    sender = fields.get("sender")
    if sender is not None and not isinstance(sender, str):
        raise BadRequest("'sender' must be a string or null")
    locale = _string(fields, "locale", "en")
    if locale not in LANGUAGES:
        raise BadRequest(f"unknown locale {locale!r}; use one of {', '.join(LANGUAGES)}")
    raw_values = fields.get("values")
    country, category = _destination(fields)
    return _CheckForm(
        message=_string(fields, "message"),
        channel=channel,
        profile=profile,
        max_parts=fields.get("max_parts", 1),
        trans=trans,
        sender=sender,
        values=None if raw_values is None else _values(raw_values),
        locale=locale,
        country=country,
        category=category,
    )


def _destination(fields: JsonObject) -> tuple[str | None, str]:
    """The form's ``country`` (empty: none) and ``category``, checked."""
    country = _string(fields, "country").strip() if fields.get("country") is not None else ""
    category = _string(fields, "category", "marketing")
    if category not in CATEGORIES:
        raise BadRequest(f"unknown category {category!r}; use one of {', '.join(CATEGORIES)}")
    if not country:
        return None, category
    try:
        return content.country_code(country), category
    except NrsComposeError as error:
        raise BadRequest(_short(error)) from None


# ------------------------------------------------------------------------------ endpoints


def _check(fields: JsonObject) -> JsonObject:
    form = _check_form(fields)
    check = check_message(
        form.message,
        channel="landing" if form.channel == "landing" else "sms",
        max_parts=form.max_parts,  # type: ignore[arg-type]  # a non-integer is answered with 110
        trans=form.trans,
        profile=form.profile,
        sender=form.sender,
        template_values=form.values,
        locale=form.locale,
        country=form.country,
        category=form.category,  # type: ignore[arg-type]  # checked in _destination
    )
    return check_json(check, form.message)


def _preview(fields: JsonObject) -> JsonObject:
    text = _string(fields, "text")
    values = _values(fields.get("values") or {})
    try:
        template = Template(text)
    except ValidationError as error:
        return {
            "preview": None,
            "names": [],
            "problems": [p.as_json() for p in error.problems],
        }
    problems: list[JsonObject] = []
    try:
        try:
            preview = template.preview(values)
        except ValidationError as error:
            problems = [p.as_json() for p in error.problems]
            preview = template.preview(values, lenient=True)
    except (NrsComposeError, ArithmeticError) as error:  # a value the filters cannot format
        raise BadRequest(f"the values cannot be previewed: {_short(error)}") from None
    return {"preview": preview, "names": list(template.names), "problems": problems}


def _short(error: Exception) -> str:
    text = str(error) or type(error).__name__
    return text if len(text) <= 300 else text[:300] + "…"


def _suggest(fields: JsonObject) -> JsonObject:
    chars = fields.get("chars")
    if not isinstance(chars, list) or len(chars) > MAX_CHARS:
        raise BadRequest(f"'chars' must be a list of at most {MAX_CHARS} characters")
    found: JsonObject = {}
    for char in chars:
        if not isinstance(char, str) or len(char) != 1:
            raise BadRequest("each of 'chars' must be one character (one code point)")
        rewrite = candidate(char)
        found[char] = {
            "name": unicodedata.name(char, "") or f"U+{ord(char):04X}",
            "described": describe_char(char),
            "replacement": None if rewrite is None else rewrite[0],
            "reason": None if rewrite is None else rewrite[1],
        }
    return {"suggestions": found}


def _options() -> JsonObject:
    return {
        "profiles": list(PROFILES),
        "channels": list(_CHANNELS),
        "locales": list(LANGUAGES),
        "countries": list(content.countries()),
        "categories": list(CATEGORIES),
    }


def _estimate(fields: JsonObject) -> JsonObject:
    try:
        return campaign_page.estimate_json(fields)
    except campaign_page.CampaignRequestError as error:
        raise BadRequest(str(error)) from None


# ----------------------------------------------------------------- /api/user-data

_ENCODING_CHOICES: Final = ("auto", "cheapest", *ENCODINGS)
_MOST_PARTS: Final = 255  # the concatenation IE counts parts in one octet (TS 23.040)
_LANGUAGES: Final = {3: "Portuguese"}  # national language identifiers (TS 23.038 6.2.1.2.4)


def _user_data(fields: JsonObject) -> JsonObject:
    """The user data of every SMS that carries ``text`` as a handset receives it: counted with
    the ``3gpp`` profile (``3gpp-16bit`` with ``wide_reference``), so that each part fits its
    140 octets with the national-language headers, and packed by ``pack_parts``."""
    text = _string(fields, "text")
    encoding = _string(fields, "encoding", "auto")
    if encoding not in _ENCODING_CHOICES:
        choices = ", ".join(_ENCODING_CHOICES)
        raise BadRequest(f"unknown encoding {encoding!r}; use one of {choices}")
    flags = {name: fields.get(name, False) for name in ("trans", "wide_reference")}
    if not all(isinstance(flag, bool) for flag in flags.values()):
        raise BadRequest("'trans' and 'wide_reference' must be true or false")
    wide = bool(flags["wide_reference"])
    part = _whole_number(fields, "part", 0, _MOST_PARTS)
    reference = _whole_number(fields, "reference", 0, 0xFFFF if wide else 0xFF)
    profile = "3gpp-16bit" if wide else "3gpp"
    answer: JsonObject = {"profile": profile, "encoding": None, "tables": [0, 0], "problems": []}
    try:
        analysis = analyze(text, encoding=encoding, trans=bool(flags["trans"]), profile=profile)
    except ValidationError as error:  # a forced encoding that cannot carry the text
        answer.update(parts_total=0, parts=[], parts_omitted=0)
        answer["problems"] = [p.as_json() for p in error.problems][:MAX_LISTED]
        return answer
    texts = parts_of(analysis)
    if len(texts) > _MOST_PARTS:
        raise BadRequest(
            f"the text needs {len(texts)} parts; a concatenated message has at most {_MOST_PARTS}"
        )
    septets = charsets.for_tables(analysis.tables) if analysis.encoding != "utf-16" else None
    packed = pack_parts(texts, septets, reference=reference, wide_reference=wide)
    chosen = range(len(texts)) if not part else range(part - 1, min(part, len(texts)))
    parts = [_part_json(i + 1, texts[i], packed[i], septets) for i in chosen]
    answer.update(encoding=analysis.encoding, tables=list(analysis.tables))
    answer["parts_total"] = len(texts)
    _capped(answer, "parts", parts)
    return answer


def _whole_number(fields: JsonObject, name: str, default: int, most: int) -> int:
    value = fields.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= most:
        raise BadRequest(f"'{name}' must be a whole number from 0 to {most}")
    return value


def _part_json(
    sequence: int, text: str, data: UserData, septets: charsets.SeptetCharset | None
) -> JsonObject:
    def units(char: str) -> str:
        return (septets.encode(char) if septets else char.encode("utf-16-be")).hex(" ").upper()

    header = data.header
    return {
        "sequence": sequence,
        "text": text,
        "coding": data.coding,
        "length": data.length,
        "octets": len(data.octets),
        "header": header.hex(" ").upper(),
        "elements": _header_elements(header),
        "fill_bits": fill_bits(len(header)) if header and septets else 0,
        "payload": data.payload.hex(" ").upper(),
        "characters": [{"char": char, "units": units(char)} for char in text],
    }


def _header_elements(header: bytes) -> list[JsonObject]:
    """Each information element of a user data header, with what it says."""
    elements: list[JsonObject] = []
    position = 1  # after the header's length octet
    while position + 1 < len(header):
        iei, size = header[position], header[position + 1]
        data = header[position + 2 : position + 2 + size]
        elements.append({"iei": iei, "data": data.hex(" ").upper(), "meaning": _meaning(iei, data)})
        position += 2 + size
    return elements


def _meaning(iei: int, data: bytes) -> str:
    if iei in (0x00, 0x08):  # concatenation: reference, total, sequence
        reference = int.from_bytes(data[:-2], "big")
        bits = 8 * (len(data) - 2)
        return f"concatenation, {bits}-bit reference {reference}: part {data[-1]} of {data[-2]}"
    if iei in (0x24, 0x25):
        shift = "single shift" if iei == 0x24 else "locking shift"
        return f"{shift} table: {_LANGUAGES.get(data[0], f'national language {data[0]}')}"
    return f"information element {iei:#04x}"


_POST: Final = {
    "/api/check": _check,
    "/api/preview": _preview,
    "/api/suggest": _suggest,
    "/api/estimate": _estimate,
    "/api/user-data": _user_data,
}


# --------------------------------------------------------------------------------- server


class _Handler(BaseHTTPRequestHandler):
    server: DemoServer  # type: ignore[assignment]  # no socketserver: see _answer_request
    server_version = "nrscompose-demo"
    protocol_version = "HTTP/1.1"
    error_content_type = "application/json"

    def setup(self) -> None:
        # The event loop (forms/_serving.py) has read the request whole: it is parsed from
        # memory and answered into memory, so a handler thread never waits for a client.
        self.rfile = io.BytesIO(self.request)
        self.wfile = self._written = io.BytesIO()

    def handle(self) -> None:
        self.close_connection = True
        self.handle_one_request()

    def finish(self) -> None:
        self.answer = self._written.getvalue()

    def handle_expect_100(self) -> bool:
        return True  # "100 Continue" went out from the event loop, before it read the body

    def do_GET(self) -> None:
        self._answer(self._get)

    def do_HEAD(self) -> None:
        self._answer(self._get, head=True)

    def do_POST(self) -> None:
        self._answer(self._post)

    def _answer(self, route: Callable[[], _Reply], *, head: bool = False) -> None:
        try:
            status, content_type, body = route()
        except BadRequest as error:
            status, content_type = error.status, "application/json"
            body = _error_body(error.status, str(error))
        except NrsComposeError as error:  # the library refused what the client sent
            status, content_type = HTTPStatus.BAD_REQUEST, "application/json"
            body = _error_body(status, _short(error))
        except Exception:  # a bug: logged here, answered without the traceback
            if not self.server.quiet:
                traceback.print_exc(file=sys.stderr)
            status, content_type = HTTPStatus.INTERNAL_SERVER_ERROR, "application/json"
            body = _error_body(status, "internal error; see the server's log")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Content-Security-Policy", _CSP)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if not head:
            with contextlib.suppress(OSError):  # a client gone or cut off: nothing to tell
                self.wfile.write(body)

    def _get(self) -> _Reply:
        path = urlsplit(self.path).path
        if path in ("/", "/index.html"):
            path = "/static/demo.html"
        if path == "/campaign":
            path = "/static/campaign.html"
        if path == "/api/options":
            return HTTPStatus.OK, "application/json", _json_body(_options())
        if path == "/api/campaign/example":
            return HTTPStatus.OK, "application/json", _json_body(campaign_page.example_json())
        name = path.removeprefix("/static/")
        if path.startswith("/static/") and name == counter_script.SCRIPT_NAME:
            # Built into a wheel; built from the npm package's source in a checkout.
            return HTTPStatus.OK, _STATIC[name], counter_script.counter_script()
        if path.startswith("/static/") and name in _STATIC:
            static = resources.files("nrscompose.demo") / "static" / name
            return HTTPStatus.OK, _STATIC[name], static.read_bytes()
        if path in _POST:
            raise BadRequest(f"use POST for {path}", HTTPStatus.METHOD_NOT_ALLOWED)
        raise BadRequest(f"no such page: {path}", HTTPStatus.NOT_FOUND)

    def _post(self) -> _Reply:
        path = urlsplit(self.path).path
        endpoint = _POST.get(path)
        body = self._body()  # read even when refusing, so the connection stays usable
        if endpoint is None:
            raise BadRequest(f"no such endpoint: POST {path}", HTTPStatus.NOT_FOUND)
        self._refuse_other_sites()
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if content_type != "application/json":  # see _refuse_other_sites
            raise BadRequest(
                f"unsupported Content-Type {content_type!r}; send application/json",
                HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
            )
        fields = _json_fields(body)
        return HTTPStatus.OK, "application/json", _json_body(endpoint(fields))

    def _refuse_other_sites(self) -> None:
        """Posts come from this server's own pages only.

        A page of another site may post a form here without asking first (CORS: urlencoded,
        multipart and text/plain bodies need no preflight), so only JSON is accepted, which
        needs one that this server never grants; a browser names the posting page's
        ``Origin``, which must be this server; and ``Host`` must be this server's address, so
        that a DNS name rebound to 127.0.0.1 cannot post either.
        """
        port = self.server.server_address[1]
        hosts = {f"{HOST}:{port}", f"localhost:{port}"}
        host = (self.headers.get("Host") or "").strip().lower()
        if host not in hosts:
            raise BadRequest(f"the Host must be {HOST}:{port}", HTTPStatus.FORBIDDEN)
        origin = self.headers.get("Origin")
        if origin is not None and origin.strip().lower() not in {f"http://{h}" for h in hosts}:
            raise BadRequest("posts are accepted from this server's pages only",
                             HTTPStatus.FORBIDDEN)  # fmt: skip

    def _body(self) -> bytes:
        length = self.headers.get("Content-Length")
        if length is None or not length.strip().isdecimal():
            self.close_connection = True
            raise BadRequest("a Content-Length header is required", HTTPStatus.LENGTH_REQUIRED)
        if len(length.strip()) > len(str(MAX_BODY)) or int(length) > MAX_BODY:
            self.close_connection = True
            raise BadRequest(
                f"the body is larger than {MAX_BODY} bytes", HTTPStatus.REQUEST_ENTITY_TOO_LARGE
            )
        size = int(length)
        body = self.rfile.read(size)
        if len(body) < size:  # silent past the read timeout, or cut at the deadline
            self.close_connection = True
            raise BadRequest("the body did not arrive in time", HTTPStatus.REQUEST_TIMEOUT)
        return body

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """The server's own errors (malformed request line, unknown method) as JSON too."""
        status = HTTPStatus(code)
        body = _error_body(status, message or status.phrase)
        if self.request_version == "HTTP/0.9":  # an unparsable request line: answer in HTTP/1.1
            self.request_version = self.protocol_version
        self.close_connection = True
        self.send_response(code, message)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD" and code >= 200 and code not in (204, 304):
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        if not self.server.quiet:
            super().log_message(format, *args)


def _json_body(answer: JsonObject) -> bytes:
    return json.dumps(answer, ensure_ascii=False).encode("utf-8")


def _error_body(status: HTTPStatus, message: str) -> bytes:
    return _json_body({"error": {"status": int(status), "message": message}})


def _answer_request(server: DemoServer, raw: bytes, peer: tuple[str, int]) -> tuple[bytes, bool]:
    """The answer to one whole request, in a handler thread, and whether to close after it."""
    handler = _Handler(raw, peer, server)  # type: ignore[arg-type]  # not a socketserver
    return handler.answer, handler.close_connection


class DemoServer(EventLoopServer):
    """The demo page on ``http://127.0.0.1:<port>/``; ``port=0`` takes any free port.

    Run it with ``serve_forever()`` (in a thread in tests), stop it with ``shutdown()`` and
    ``server_close()`` (or use it as a context manager). ``quiet`` silences the request log.
    ``read_timeout``, ``header_deadline``, ``request_deadline``, ``max_threads`` and
    ``max_connections`` default to :data:`READ_TIMEOUT`, :data:`HEADER_DEADLINE`,
    :data:`REQUEST_DEADLINE`, :data:`MAX_THREADS` and :data:`MAX_CONNECTIONS`.
    """

    def __init__(
        self,
        port: int = 0,
        *,
        quiet: bool = True,
        read_timeout: float = READ_TIMEOUT,
        header_deadline: float = HEADER_DEADLINE,
        request_deadline: float = REQUEST_DEADLINE,
        max_threads: int = MAX_THREADS,
        max_connections: int = MAX_CONNECTIONS,
    ) -> None:
        limits = Limits(
            read_timeout=read_timeout,
            head_deadline=min(header_deadline, request_deadline),
            request_deadline=request_deadline,
            max_body=MAX_BODY,
            workers=max_threads,
            max_connections=max_connections,
        )
        super().__init__(
            HOST,
            port,
            lambda raw, peer: _answer_request(self, raw, peer),
            _error_body,
            limits,
            backlog=REQUEST_QUEUE_SIZE,
            quiet=quiet,
        )

    def __enter__(self) -> DemoServer:
        return self

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server_address[1]}/"
