"""The demo page behind ``nrscompose demo``: the live counter and the server check, side by side.

A standard-library HTTP server (:class:`http.server.ThreadingHTTPServer`) bound to 127.0.0.1
only, serving one page from the package's ``static`` folder — no CDN, no external font, no
third-party code — and four JSON endpoints. It is a demonstration and a test bed for the
browser test, not a production server: no TLS, no authentication, no persistence.

==========================  ==================================================================
``GET /``                   ``static/demo.html`` (with ``demo.js``, ``demo.css`` and the
                            live counter ``nrscompose-counter.js`` under ``/static/``)
``GET /api/options``        profiles, channels and message languages for the page's selects
``POST /api/check``         :func:`~nrscompose.forms.check_message` on the submitted form
                            (``application/x-www-form-urlencoded``, as a browser submits it,
                            or a JSON object with the same names)
``POST /api/preview``       ``Template(text).preview(values)`` and the template's problems
``POST /api/suggest``       a GSM rewrite of each character given, with its Unicode name
``GET /campaign``           ``static/campaign.html``: a campaign's estimate, drawn
``GET /api/campaign/...``   ``example``: the bundled example campaign (CSV, template, prices)
``POST /api/estimate``      the estimate of a CSV (:mod:`nrscompose.forms.campaign_page`)
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

Bad clients cannot hold it: each connection gets :data:`READ_TIMEOUT` seconds per read and
:data:`REQUEST_DEADLINE` seconds to send a whole request (slow clients are disconnected);
at most :data:`MAX_THREADS` requests are handled at once, and up to
:data:`REQUEST_QUEUE_SIZE` connections wait in the listen queue instead of being reset.
"""

from __future__ import annotations

import contextlib
import json
import math
import socket
import sys
import threading
import time
import traceback
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import Any, Final
from urllib.parse import parse_qs, urlsplit

from nrscompose.analysis import Analysis, describe_char
from nrscompose.errors import NrsComposeError, Problem, ValidationError
from nrscompose.forms import campaign_page
from nrscompose.forms._messages import LANGUAGES
from nrscompose.forms.check import FormProblem, MessageCheck, check_message
from nrscompose.http import load_json
from nrscompose.profiles import PROFILES
from nrscompose.suggestions import candidate
from nrscompose.template import Template, Value

__all__ = ["HOST", "DemoServer", "check_json"]

HOST: Final = "127.0.0.1"
MAX_BODY: Final = 256 * 1024  # bytes: a message of 15 parts is under 5 KB even as UTF-8
MAX_CHARS: Final = 500  # characters per /api/suggest request
MAX_LISTED: Final = 100  # entries of any list in an answer; the rest is counted
READ_TIMEOUT: Final = 10.0  # seconds a connection may stay silent
REQUEST_DEADLINE: Final = 30.0  # seconds to send one whole request, however it trickles
MAX_THREADS: Final = 32  # requests handled at once; the others wait in the listen queue
REQUEST_QUEUE_SIZE: Final = 256  # connections the kernel holds while every thread is busy
_MAX_NUMBER_DIGITS: Final = 18  # a form's max_parts longer than this is not a number anyone means
_CHANNELS: Final = ("sms", "landing")
_STATIC: Final = {  # the only files served, with their types
    "demo.html": "text/html; charset=utf-8",
    "demo.css": "text/css; charset=utf-8",
    "demo.js": "text/javascript; charset=utf-8",
    "nrscompose-counter.js": "text/javascript; charset=utf-8",
    "campaign.html": "text/html; charset=utf-8",
    "campaign.js": "text/javascript; charset=utf-8",
}
_FORM: Final = "application/x-www-form-urlencoded"
_TRUE: Final = ("1", "on", "true", "yes")
# Everything the page loads comes from this server; a CDN or inline script would be refused.
_CSP: Final = "default-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'"

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


def _problem_json(problem: FormProblem | Problem) -> JsonObject:
    return problem.as_json()


def _grouped(items: list[JsonObject], key: Callable[[JsonObject], object]) -> list[JsonObject]:
    """The first item of each group of ``key``, in order, with ``count`` of its group."""
    groups: dict[object, JsonObject] = {}
    for item in items:
        first = groups.setdefault(key(item), {**item, "count": 0})
        first["count"] = int(first["count"]) + 1  # type: ignore[call-overload]
    return list(groups.values())


def _capped(answer: JsonObject, name: str, items: list[Any]) -> None:
    """``answer[name]`` = the first :data:`MAX_LISTED` items; ``<name>_omitted`` the rest."""
    answer[name] = items[:MAX_LISTED]
    answer[f"{name}_omitted"] = max(0, len(items) - MAX_LISTED)


def _problems_json(problems: tuple[FormProblem, ...], received: str) -> list[JsonObject]:
    # One entry per (kind, code, field, characters): 80,000 distinct CJK characters are one
    # warning each, but a message with the same emoji 500 times needs one entry, not 500.
    def same(found: JsonObject) -> object:
        start, end = found["start"], found["end"]
        spanned = isinstance(start, int) and isinstance(end, int)
        what = received[start:end] if spanned else found["message"]  # type: ignore[index]
        return found.get("kind"), found["code"], found["field"], what

    return _grouped([_problem_json(p) for p in problems], same)


def check_json(check: MessageCheck, received: str) -> JsonObject:
    """The ``/api/check`` answer for ``check`` of the text ``received``, grouped and capped
    (see the module)."""
    answer: JsonObject = {"received": received, "valid": check.valid, "codes": list(check.codes)}
    _capped(answer, "problems", _problems_json(check.problems, received))
    # grouped by the check, and only the listed ones rendered: no entry a character
    listed = check.warnings.grouped(MAX_LISTED)
    answer["warnings"] = [{**w.as_json(), "count": count} for w, count in listed]
    answer["warnings_omitted"] = check.warnings.distinct - len(listed)
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


def _form_fields(body: bytes) -> JsonObject:
    """An urlencoded form as the JSON shape: repeated ``key``/``value`` rows become ``values``."""
    try:
        pairs = parse_qs(body.decode("ascii"), keep_blank_values=True, errors="strict")
    except (UnicodeDecodeError, ValueError) as error:
        raise BadRequest(f"the form is not valid UTF-8 urlencoded data: {error}") from None
    fields: JsonObject = {name: items[-1] for name, items in pairs.items()}
    keys, values = pairs.get("key", []), pairs.get("value", [])
    rows = {key.strip(): value for key, value in zip(keys, values, strict=False) if key.strip()}
    fields["values"] = rows or None
    fields["trans"] = _string(fields, "trans").lower() in _TRUE
    parts = _string(fields, "max_parts", "1").strip()
    number = parts.isdecimal() and len(parts) <= _MAX_NUMBER_DIGITS
    fields["max_parts"] = int(parts) if number else parts  # else: 110 from the check
    if not _string(fields, "sender").strip():
        fields["sender"] = None  # an empty field: the account's default sender, not checked
    return fields


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
    return _CheckForm(
        message=_string(fields, "message"),
        channel=channel,
        profile=profile,
        max_parts=fields.get("max_parts", 1),
        trans=trans,
        sender=sender,
        values=None if raw_values is None else _values(raw_values),
        locale=locale,
    )


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
            problems = [_problem_json(p) for p in error.problems]
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
    return {"profiles": list(PROFILES), "channels": list(_CHANNELS), "locales": list(LANGUAGES)}


def _estimate(fields: JsonObject) -> JsonObject:
    try:
        return campaign_page.estimate_json(fields)
    except campaign_page.CampaignRequestError as error:
        raise BadRequest(str(error)) from None


_POST: Final = {
    "/api/check": _check,
    "/api/preview": _preview,
    "/api/suggest": _suggest,
    "/api/estimate": _estimate,
}


# --------------------------------------------------------------------------------- server


class _Handler(BaseHTTPRequestHandler):
    server: DemoServer
    server_version = "nrscompose-demo"
    protocol_version = "HTTP/1.1"
    error_content_type = "application/json"

    def setup(self) -> None:
        super().setup()
        self.connection.settimeout(self.server.read_timeout)  # each read and write

    def handle_one_request(self) -> None:
        # From waiting for the request line to the last byte of the body, one deadline: a
        # client trickling a byte at a time is disconnected when it passes.
        self.server.deadlines.watch(self.connection)
        try:
            super().handle_one_request()
        finally:
            self.server.deadlines.release(self.connection)

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
        if path.startswith("/static/") and name in _STATIC:
            static = resources.files("nrscompose.forms") / "static" / name
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
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if content_type == _FORM and endpoint is _check:
            fields = _form_fields(body)
        elif content_type == "application/json":
            fields = _json_fields(body)
        else:
            accepted = "application/json" + (f" or {_FORM}" if endpoint is _check else "")
            raise BadRequest(
                f"unsupported Content-Type {content_type!r}; send {accepted}",
                HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
            )
        return HTTPStatus.OK, "application/json", _json_body(endpoint(fields))

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
        try:
            body = self.rfile.read(size)
        except TimeoutError:
            body = b""
        self.server.deadlines.release(self.connection)
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


class _Deadlines:
    """Connections still sending a request, and when each must have sent it; a watcher
    thread shuts down the late ones (which wakes the handler blocked in a read)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._due: dict[socket.socket, float] = {}
        self._lock = threading.Lock()
        self._stopped = threading.Event()
        self._watcher = threading.Thread(target=self._watch, name="demo-deadlines", daemon=True)
        self._watcher.start()

    def watch(self, connection: socket.socket) -> None:
        with self._lock:
            self._due[connection] = time.monotonic() + self.seconds

    def release(self, connection: socket.socket) -> None:
        with self._lock:
            self._due.pop(connection, None)

    def stop(self) -> None:
        self._stopped.set()
        self._watcher.join()

    def _watch(self) -> None:
        tick = min(0.1, self.seconds / 4)
        while not self._stopped.wait(tick):
            now = time.monotonic()
            with self._lock:
                late = [c for c, due in self._due.items() if due <= now]
                for connection in late:
                    del self._due[connection]
            for connection in late:
                with contextlib.suppress(OSError):  # closed meanwhile
                    connection.shutdown(socket.SHUT_RDWR)


class DemoServer(ThreadingHTTPServer):
    """The demo page on ``http://127.0.0.1:<port>/``; ``port=0`` takes any free port.

    Run it with ``serve_forever()`` (in a thread in tests), stop it with ``shutdown()`` and
    ``server_close()`` (or use it as a context manager). ``quiet`` silences the request log.
    ``read_timeout``, ``request_deadline`` and ``max_threads`` default to
    :data:`READ_TIMEOUT`, :data:`REQUEST_DEADLINE` and :data:`MAX_THREADS`.
    """

    daemon_threads = True
    request_queue_size = REQUEST_QUEUE_SIZE

    def __init__(
        self,
        port: int = 0,
        *,
        quiet: bool = True,
        read_timeout: float = READ_TIMEOUT,
        request_deadline: float = REQUEST_DEADLINE,
        max_threads: int = MAX_THREADS,
    ) -> None:
        self.quiet = quiet
        self.read_timeout = read_timeout
        self._slots = threading.BoundedSemaphore(max_threads)
        super().__init__((HOST, port), _Handler)
        self.deadlines = _Deadlines(request_deadline)

    def process_request(self, request: Any, client_address: Any) -> None:
        # Waits for a free thread; meanwhile new connections wait in the listen queue. A
        # thread is freed at the latest when its client's request deadline passes.
        self._slots.acquire()
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._slots.release()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], OSError):
            return  # a client that went away or was cut off at its deadline
        if not self.quiet:
            super().handle_error(request, client_address)

    def server_close(self) -> None:
        super().server_close()
        self.deadlines.stop()

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server_address[1]}/"
