"""Fuzz targets for every entry point that reads outside data: each takes arbitrary bytes and
fails only by raising something else than the library's own errors (or by hanging).

The hypothesis tests in ``test_fuzz.py`` run them in CI. With atheris installed
(``pip install atheris``), run one for as long as you like:

    python tests/fuzz_targets.py responses -atheris_runs=200000
    python tests/fuzz_targets.py --list

Targets: responses, events, validate, templates, jinja, csv_rows, forms, path_parameters,
patterns, workbooks.
"""

from __future__ import annotations

import contextlib
import re
import sys
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Final

from nrscompose._base.errors import NrsComposeError
from nrscompose._composition.template import Template
from nrscompose.forms import check_message
from nrscompose.providers import nrs

KINDS: Final = ("auto", "json", "send", "page", "otp-check", "otp", "item", "scheduled", "count",
                "csv", "file", "none", "events-report", "keys-report",
                "validation-result")  # fmt: skip
VALIDATE_KINDS: Final = ("sms", "landing", "mailing", "voice", "voice-audio", "whatsapp",
                         "otp-generate", "otp-check")  # fmt: skip


def _pick(data: bytes, choices: tuple[str, ...]) -> tuple[str, bytes]:
    return (choices[data[0] % len(choices)], data[1:]) if data else (choices[0], b"")


def responses(data: bytes) -> None:
    kind, rest = _pick(data, KINDS)
    status = int.from_bytes(rest[:2] or b"\0", "big") % 600
    with contextlib.suppress(NrsComposeError):
        nrs.parse_response(status, rest[2:], kind)


def events(data: bytes) -> None:
    try:
        event = nrs.parse_event(data)
    except NrsComposeError:
        return
    assert event.event
    assert event.channel
    _ = event.clicked_url, event.form_values


def validate(data: bytes) -> None:
    kind, rest = _pick(data, VALIDATE_KINDS)
    problems = nrs.validate(kind, rest)  # type: ignore[arg-type]
    assert all(p.field for p in problems)


def validate_payload(kind: str, payload: dict[str, object]) -> None:
    """The structured twin of :func:`validate`: a decoded payload of any shape."""
    problems = nrs.validate(kind, payload)  # type: ignore[arg-type]
    assert all(p.field for p in problems)


def templates(data: bytes) -> None:
    text = data.decode("utf-8", errors="replace")
    try:
        template = Template(text)
    except NrsComposeError as error:
        message = str(error)
    else:
        message = ""
        with contextlib.suppress(NrsComposeError):
            template.preview(dict.fromkeys(template.names, text[:40]), lenient=True)
    assert len(message) < 100_000  # problems are capped


def jinja(data: bytes) -> None:
    import jinja2

    from nrscompose._composition.jinja import sandboxed_environment

    environment = sandboxed_environment()
    with contextlib.suppress(jinja2.TemplateError, NrsComposeError):
        environment.from_string(data.decode("utf-8", errors="replace")).render(
            name="Ana", n=7, items=["a", "b"]
        )


def csv_rows(data: bytes) -> None:
    """A recipients file: the header line, then the fuzzed rows, through the file reader."""
    from nrscompose.campaign import estimate

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "recipients.csv"
        path.write_bytes(b"phone,name\n" + data)
        with contextlib.suppress(NrsComposeError):
            estimate(path, "Hola {name|capitalizeAll}", lenient=True)


def forms(data: bytes) -> None:
    text = data.decode("utf-8", errors="replace") + ("\ud800" if len(data) % 7 == 3 else "")
    parts: object = data[0] if data else 1
    check = check_message(text, max_parts=parts, sender=text[:12] or None)  # type: ignore[arg-type]
    assert check.valid == (not check.problems)


# Every endpoint with path parameters, and the other two builders that put a caller's value in
# a path; the example values are the reference's (``/conversations/34666777555/34666555444``).
PATH_ENDPOINTS: Final = tuple(name for name, row in nrs.ENDPOINTS.items() if row.path_params)
PATH_BUILDERS: Final = (*PATH_ENDPOINTS, "sms_info", "bulk_sms")
EXAMPLE_PATH: Final = {"from": "34666777555", "to": "34666555444", "type": "sms"}
EXAMPLE_FIELDS: Final[dict[str, object]] = {"formFields": [{"type": "h3", "label": "Hello"}]}


def example_body(name: str) -> dict[str, object] | None:
    """A body with every required field of the endpoint ``name`` (``None`` if it needs none)."""
    required = nrs.ENDPOINTS[name].required
    return {field: EXAMPLE_FIELDS.get(field, "x") for field in required} if required else None


def path_value(data: bytes) -> object:
    """A path value of any type from fuzzed bytes: text mostly, else an int, float or bytes."""
    shape, rest = (data[0] % 8, data[1:]) if data else (0, b"")
    text = rest.decode("utf-8", errors="surrogateescape")
    if shape == 5:
        return int.from_bytes(rest[:9] or b"\0", "big", signed=True)
    if shape == 6:
        return len(rest) / 7
    return rest if shape == 7 else text


def path_parameters(data: bytes) -> None:
    """Whatever a path parameter holds, the request stays in its endpoint: refused, or a URL
    whose path is already normal and has the template's segments in place."""
    builder, rest = _pick(data, PATH_BUILDERS)
    value = path_value(rest)
    creds = nrs.Credentials("user", "password")
    try:
        if builder == "sms_info":
            request, template = nrs.sms_info([value], creds), "/api/rest/sms/{ids}"  # type: ignore[list-item]
        elif builder == "bulk_sms":
            from nrscompose.providers import bulk_sms

            route = bulk_sms.Route("POST", "/optouts/{id}/overwrite/")
            api = bulk_sms.BulkSmsApi("https://api.example.com", {"opt_out_overwrite": route})
            request = api.request("opt_out_overwrite", ident=value)  # type: ignore[arg-type]
            template = route.path
        else:
            row = nrs.ENDPOINTS[builder]
            target = row.path_params[len(rest) % len(row.path_params)]
            path = {name: EXAMPLE_PATH.get(name, "1") for name in row.path_params}
            path[target] = value
            request = nrs.endpoint(builder, creds, path=path, body=example_body(builder))
            template = "/api/rest" + row.path
    except NrsComposeError:
        return
    assert_stays_in(request.url, template)


def assert_stays_in(url: str, template: str) -> None:
    """``url``'s path is normal and matches ``template`` segment by segment (``{…}`` any)."""
    from urllib.parse import urlsplit

    from nrscompose.providers._paths import normalised_path

    path = urlsplit(url).path
    assert normalised_path(path) == path, url
    sent, wanted = path.split("/"), template.split("/")
    assert len(sent) == len(wanted), url
    for segment, expected in zip(sent, wanted, strict=True):
        assert segment == expected or (expected.startswith("{") and segment), url


# The shapes of _base.patterns as first written: correct, but quadratic on long inputs, so
# the fuzz target compares the linear rewrites with them on short ones only.
_QUADRATIC_REFERENCES: Final = {
    "HTTP_URL": re.compile(r"https?://[^\s/?#@]+\.[^\s/?#@]+(?:[/?#]\S*)?", re.IGNORECASE),
    "EMAIL": re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+"),
}


def patterns(data: bytes) -> None:
    """Each pattern applied to outside data matches exactly what its first form matched."""
    from nrscompose._base import patterns as shapes

    text = data.decode("utf-8", errors="replace")
    for prefix in ("", "http://", "HTTPS://", "a@"):
        candidate = (prefix + text)[:300]
        for name, reference in _QUADRATIC_REFERENCES.items():
            linear = getattr(shapes, name)
            assert bool(linear.fullmatch(candidate)) == bool(reference.fullmatch(candidate)), name


def workbooks(data: bytes) -> None:
    """A workbook whose sheet XML (or shared strings, by the first byte) is the fuzzed bytes:
    the inspection refuses with the library's own error or passes it to the reader."""
    from nrscompose.campaign.workbook_bounds import inspect_workbook

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "book.xlsx"
        main = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
        relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        sheet, strings = (data[1:], b"") if data[:1] < b"\x80" else (b"", data[1:])
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("xl/workbook.xml", f'<workbook {main} xmlns:r="{relationships}">'
                             '<sheets><sheet name="S" r:id="rId1"/></sheets>'
                             "</workbook>")  # fmt: skip
            archive.writestr("xl/_rels/workbook.xml.rels", "<Relationships><Relationship "
                             'Id="rId1" Target="worksheets/sheet1.xml" Type="x/worksheet"/>'
                             "</Relationships>")  # fmt: skip
            archive.writestr("xl/worksheets/sheet1.xml", f"<worksheet {main}><sheetData>".encode()
                             + sheet + b"</sheetData></worksheet>")  # fmt: skip
            archive.writestr("xl/sharedStrings.xml", f"<sst {main}>".encode() + strings + b"</sst>")
        with contextlib.suppress(NrsComposeError):
            inspect_workbook(path, None)


TARGETS: Final[dict[str, Callable[[bytes], None]]] = {
    "responses": responses,
    "events": events,
    "validate": validate,
    "templates": templates,
    "jinja": jinja,
    "csv_rows": csv_rows,
    "forms": forms,
    "path_parameters": path_parameters,
    "patterns": patterns,
    "workbooks": workbooks,
}


def main(argv: list[str]) -> None:  # pragma: no cover - run by hand, with atheris
    if len(argv) < 2 or argv[1] not in TARGETS:
        print(f"usage: python {argv[0]} TARGET [atheris options]; targets: {', '.join(TARGETS)}")
        raise SystemExit(0 if "--list" in argv else 2)
    import atheris  # type: ignore[import-not-found]

    target = TARGETS[argv[1]]
    atheris.instrument_all()  # coverage feedback from the library's code, already imported
    atheris.Setup([argv[0], *argv[2:]], target)
    atheris.Fuzz()


if __name__ == "__main__":  # pragma: no cover
    main(sys.argv)
