"""The last gaps between the API references and the library, each test quoting its sentence.

The sentences are read from verbatim excerpts (``tests/data/360nrs_reference_gaps_excerpts.txt``
and ``email_contacts_reference_excerpts.txt``; ``test_reference_excerpts.py`` checks them
against the full references), so a test cannot quote what the reference does not say.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import excerpts
from nrscompose._base.errors import ArgumentError, NrsComposeError, ValidationError
from nrscompose._base.http import HttpResponse, json_bytes
from nrscompose.providers import email_contacts as contacts_api
from nrscompose.providers import nrs

CREDS = nrs.Credentials("user", "password")
REFERENCE = "\n".join(excerpts("360nrs_reference_gaps_excerpts.txt"))


def quoted(sentence: str) -> str:
    """``sentence`` after checking the reference says it, word for word."""
    assert sentence in REFERENCE, sentence
    return sentence


def _kinds_codes(error: pytest.ExceptionInfo[ValidationError]) -> list[tuple[str, str, int | None]]:
    return [(p.kind, p.field, p.code) for p in error.value.problems]


# -- parts: the server's default is 1 --------------------------------------------------------

SMS = {"to": ["34666555444"], "from": "TEST"}
LANDING = {**SMS, "templateBody": "<html>{LAND_URL}</html>"}


@pytest.mark.parametrize(
    ("kind", "payload", "message"),
    [("sms", SMS, "a" * 161), ("landing", LANDING, "{LAND_URL} " + "a" * 150)],
)
def test_validate_without_parts_is_105_as_the_server_defaults_parts_to_1(
    kind: str, payload: dict[str, object], message: str
) -> None:
    quoted("This variable is set to 1 by default, so if it is not specified and a message over "
           "160 characters for gsm encoding is sent, the message will fail.")  # fmt: skip
    quoted("If the number of parts is less than that required for sending the text, the message "
           "will fail with error 105.")  # fmt: skip
    problems = nrs.validate(kind, {**payload, "message": message})  # type: ignore[arg-type]
    assert [(p.kind, p.code) for p in problems] == [("text.too_long", 105)]
    assert nrs.validate(kind, {**payload, "message": message, "parts": 2}) == ()  # type: ignore[arg-type]
    assert nrs.validate(kind, {**payload, "message": message[:-12]}) == ()  # type: ignore[arg-type]


# -- a missing body is its missing required fields -------------------------------------------


@pytest.mark.parametrize(
    ("name", "path", "missing"),
    [("groups.create", None, ["name"]), ("groups.update", {"id": 1}, ["name"]),
     ("templates.create", None, ["html", "name"])],
)  # fmt: skip
def test_no_body_is_the_422_of_the_missing_name(
    name: str, path: dict[str, object] | None, missing: list[str]
) -> None:
    quoted('"description": "The name field is required."')
    printed = REFERENCE.split("Error response", 1)[1]
    answer, _end = json.JSONDecoder().raw_decode(printed[printed.index("{") :])
    assert answer["error"]["code"] == 422
    with pytest.raises(ValidationError) as error:
        nrs.endpoint(name, CREDS, path=path)
    assert _kinds_codes(error) == [("value.required", field, 422) for field in missing]
    assert 140 not in error.value.codes  # "Template missing" was reported before


# -- contacts: countryIso and customFields ---------------------------------------------------

CONTACT = {"email": "new.contact@example.com", "phone": "3466666666", "countryIso": "ES",
           "groupsNames": ["My contact list"]}  # fmt: skip


@pytest.mark.parametrize("country", ["ESP", "E", "XX", "EU", 34, "ÉS"])
def test_country_iso_is_a_two_letter_iso_code(country: object) -> None:
    quoted("countryIso string Required when phone or landline is specified Two-letter ISO code "
           "of the contact's country.")  # fmt: skip
    for name, path in (("contacts.create", None), ("contacts.update", {"id": 1})):
        with pytest.raises(ValidationError) as error:
            nrs.endpoint(name, CREDS, path=path, body={**CONTACT, "countryIso": country})
        assert _kinds_codes(error) == [("value.not_country", "countryIso", 422)]
    assert nrs.endpoint("contacts.create", CREDS, body=CONTACT).json() == CONTACT


def test_the_iso_list_has_the_249_codes_of_iso_3166_1() -> None:
    from nrscompose.providers.nrs._resource_checks import iso_countries

    assert len(iso_countries()) == 249
    assert {"ES", "PT", "BR", "AQ", "SS", "CW"} <= iso_countries()
    babel = pytest.importorskip("babel")
    territories = {c for c in babel.Locale("en").territories if len(c) == 2 and c.isalpha()}
    not_iso = {"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "XK",
               "ZZ"}  # fmt: skip
    assert territories - not_iso == iso_countries()


@pytest.mark.parametrize(
    ("field", "kind"),
    [({"key": "vip", "type": "boolean", "value": "1"}, "value.choice"),
     ({"key": "born", "type": "date", "value": "31/05/1989"}, "value.not_iso_date"),
     ({"key": "born", "type": "date", "value": "1989-02-30"}, "value.not_iso_date"),
     ({"key": "spent", "type": "decimal", "value": "12,50"}, "value.not_decimal"),
     ({"key": "spent", "type": "decimal", "value": "NaN"}, "value.not_decimal"),
     ({"key": "company", "value": 5}, "value.not_text")],
)  # fmt: skip
def test_custom_fields_take_string_date_or_decimal(field: dict[str, object], kind: str) -> None:
    quoted("customFields[]type string No Type of custom field. Possible values: string, date, "
           "decimal. For date fields the value must be in ISO8601 format. Default value: "
           "string.")  # fmt: skip
    with pytest.raises(ValidationError) as error:
        nrs.endpoint("contacts.create", CREDS, body={**CONTACT, "customFields": [field]})
    assert [p.kind for p in error.value.problems] == [kind]
    assert error.value.problems[0].field.startswith("customFields[0].")


def test_custom_fields_of_each_documented_type_pass() -> None:
    fields = [{"key": "company", "value": "ACME inc."},  # the reference's example
              {"key": "born", "type": "date", "value": "1989-02-11"},
              {"key": "seen", "type": "date", "value": "2024-05-31T10:00:00+02:00"},
              {"key": "spent", "type": "decimal", "value": "-12.50"},
              {"key": "text", "type": "string", "value": "x"}]  # fmt: skip
    request = nrs.endpoint("contacts.create", CREDS, body={**CONTACT, "customFields": fields})
    assert request.json()["customFields"] == fields  # type: ignore[index, call-overload]
    with pytest.raises(ValidationError) as error:
        nrs.endpoint("contacts.create", CREDS, body={**CONTACT, "customFields": "x"})
    assert error.value.kinds == ("value.not_list",)


# -- GUIDs -----------------------------------------------------------------------------------

BAD_GUIDS = [b"12", 1.5, 2.0, True, [1, b"2"], [1.5], bytearray(b"1"), {"1": 1}, "-1", "١٢",
             "9" * 5000, 2**64, []]  # fmt: skip


@pytest.mark.parametrize("guid", BAD_GUIDS)
def test_a_guid_of_another_type_is_120_everywhere(guid: object) -> None:
    quoted("guid integer, array No Identifier of message or messages.")
    calls = [
        lambda: nrs.scheduled_delete(CREDS, guid=guid),  # type: ignore[arg-type]
        lambda: nrs.scheduled_list(CREDS, guid=guid),  # type: ignore[arg-type]
        lambda: nrs.scheduled_update(CREDS, guid=guid, schedule_date="20300101000000"),  # type: ignore[arg-type]
        lambda: nrs.endpoint("scheduled.delete", CREDS, body={"guid": guid}),
    ]
    for call in calls:
        with pytest.raises(ValidationError) as error:
            call()
        assert _kinds_codes(error) == [("guid.invalid", "guid", 120)]


guid_like = st.one_of(
    st.integers(),
    st.floats(),
    st.text(max_size=30),
    st.binary(max_size=8),
    st.booleans(),
    st.text(alphabet="0123456789", min_size=1, max_size=30),
)
guids = guid_like | st.lists(guid_like, max_size=3) | st.tuples(guid_like)


@given(guids)
def test_every_guid_is_sent_as_integers_or_refused_with_120(guid: object) -> None:
    for call in (nrs.scheduled_delete, nrs.scheduled_list):
        try:
            request = call(CREDS, guid=guid)  # type: ignore[arg-type]
        except ValidationError as error:
            refused: tuple[int, ...] = error.codes
        else:
            refused = ()
            assert all(0 <= n < 2**63 for n in _sent_guids(request))
        assert refused in ((), (120,))


def _sent_guids(request: nrs.HttpRequest) -> list[int]:
    """The GUIDs a request sends: in its JSON body, or its query (``guid[]=1&guid[]=2``)."""
    if not request.body:
        return [int(v) for v in re.findall(r"guid(?:%5B%5D)?=(\d+)", request.url)]
    sent = request.json()["guid"]  # type: ignore[index, call-overload]
    numbers = sent if isinstance(sent, list) else [sent]
    assert all(isinstance(n, int) for n in numbers)
    return numbers


def test_guid_bytes_were_sent_as_other_messages_guids() -> None:
    # b"12" was sent as [49, 50]: DELETE /scheduled would have deleted messages 49 and 50
    request = nrs.scheduled_delete(CREDS, guid=[12, "13"])
    assert request.json() == {"guid": [12, 13]}


# -- scheduled_update(now=) ------------------------------------------------------------------


def test_scheduled_update_refuses_a_past_date_with_121() -> None:
    quoted("121 400 Invalid scheduled date")
    now = datetime(2030, 1, 1, tzinfo=UTC)
    with pytest.raises(ValidationError) as error:
        nrs.scheduled_update(CREDS, schedule_date="20291231235959", now=now)
    assert _kinds_codes(error) == [("date.past", "scheduleDate", 121)]
    with pytest.raises(ValidationError):
        nrs.scheduled_update(CREDS, schedule_date=now - timedelta(seconds=1), now=now)
    later = nrs.scheduled_update(CREDS, schedule_date=now + timedelta(hours=1), now=now)
    assert later.json() == {"scheduleDate": "20300101010000"}


@pytest.mark.parametrize("now", [datetime(2030, 1, 1), "20300101000000", 0])
def test_a_naive_now_is_an_argument_error_not_a_skipped_check(now: object) -> None:
    with pytest.raises(ArgumentError):
        nrs.scheduled_update(CREDS, schedule_date="20200101000000", now=now)  # type: ignore[arg-type]
    with pytest.raises(ArgumentError):
        nrs.endpoint("scheduled.delete", CREDS, now=now)  # type: ignore[arg-type]
    with pytest.raises(ArgumentError):  # the same rule for every builder that takes now=
        nrs.sms(credentials=CREDS, to="34666555444", sender="TEST", message="x",
                schedule_date="20200101000000", now=now)  # type: ignore[arg-type]  # fmt: skip


def test_an_aware_now_in_another_zone_compares_instants() -> None:
    madrid = datetime(2030, 1, 1, 1, 0, tzinfo=timezone(timedelta(hours=1)))  # 00:00 UTC
    assert nrs.scheduled_update(CREDS, schedule_date="20300101000000", now=madrid)


# -- the email-contacts import, byte for byte ------------------------------------------------


def test_the_import_example_is_sent_byte_for_byte_in_the_references_key_order() -> None:
    example = excerpts("email_contacts_reference_excerpts.txt")[0]
    printed = example.split("-d '", 1)[1].rsplit("}'", 1)[0] + "}"
    parsed = json.loads(printed)  # keys in the printed order
    request = contacts_api.import_contacts(
        contacts_api.ApiKey("k", "https://api.example.com"),
        file_url=parsed["fileUrl"], file_body=parsed["fileBody"], json_body=parsed["jsonBody"],
        list_ids=parsed["listIds"], notify_url=parsed["notifyUrl"],
        new_list=(parsed["newList"]["listName"], parsed["newList"]["folderId"]),
        email_blacklist=False, disable_notification=False, sms_blacklist=False,
        update_existing_contacts=True, empty_contacts_attributes=True,
    )  # fmt: skip
    assert request.body == json_bytes(parsed)
    # the printed text with the whitespace between tokens removed, compared as bytes
    assert request.body == re.sub(r'\s+(?=(?:[^"]*"[^"]*")*[^"]*$)', "", printed).encode()
    assert request.body.index(b'"notifyUrl"') < request.body.index(b'"newList"')


# -- CSV answers -----------------------------------------------------------------------------


def _csv_answer(request: nrs.HttpRequest, text: str) -> object:
    return nrs.read(request, HttpResponse(200, {"content-type": "text/csv"}, text.encode()))


def _columns(prefix: str) -> str:
    line = next(line for line in REFERENCE.splitlines() if line.startswith(prefix))
    return line.removeprefix(prefix).strip()


def test_the_events_report_of_a_voice_campaign_has_its_columns() -> None:
    header = _columns("For voice campaigns:")
    row_text = "Spring,7,1,42,delivered,34666555444,,,ES,35,2019-01-01 10:00:00\n"
    report = _csv_answer(nrs.events_report(1, CREDS), header + "\n" + row_text)
    assert isinstance(report, nrs.EventsReport)
    assert report.channel == "voice"
    (row,) = report.rows
    assert (row.campaign_id, row.sending_id, row.contact_id) == (7, 1, 42)
    assert row.call_duration_seconds == 35
    assert row.created_at == datetime(2019, 1, 1, 10, tzinfo=UTC)
    assert row.browser is None
    assert ",".join(nrs.EVENT_COLUMNS["voice"]) == header


def test_the_events_report_of_other_channels_and_its_custom_fields() -> None:
    header = _columns("For the other channels:")
    text = (header + ",company\n"
            "Spring,7,1,42,clicked,,a@example.com,,ES,Firefox,Linux,https://x.example/a,"
            "2019-01-01T10:00:00+00:00,ACME\n")  # fmt: skip
    request = nrs.events_report(1, CREDS, show_custom_fields=True)
    report = _csv_answer(request, text)
    assert isinstance(report, nrs.EventsReport)
    assert report.channel == "other"
    assert report.custom_field_names == ("company",)
    (row,) = report.rows
    assert (row.event, row.browser, row.os, row.url) == (
        "clicked", "Firefox", "Linux", "https://x.example/a")  # fmt: skip
    assert row.custom_fields == {"company": "ACME"}
    assert row.call_duration_seconds is None
    with pytest.raises(nrs.MalformedResponseError):
        _csv_answer(request, "campaignName,event\nSpring,clicked\n")


def test_the_keystroke_report_has_phonenumber_key_message() -> None:
    quoted("will contain the following columns: phonenumber, key, message")
    for header in ("phonenumber,key,message", "phonenumber, key, message"):
        report = _csv_answer(nrs.keystroke_report(1, CREDS),
                             f'{header}\n34666555444,1,"Press 1, then 2"\n')  # fmt: skip
        assert report == nrs.KeystrokeReport((nrs.KeystrokeRow("34666555444", "1",
                                                               "Press 1, then 2"),))  # fmt: skip


def test_the_email_validation_result_as_the_reference_prints_it() -> None:
    printed = REFERENCE.split("Response (HTTP 200)\n\n", 1)[1].split("\n\n")[0].strip()
    printed = "\n".join(printed.splitlines()[:4])  # the header and the reference's three rows
    assert printed.startswith("email;result")
    request = nrs.endpoint("validations.result", CREDS, path={"id": 123})
    result = _csv_answer(request, printed + "\n")
    assert isinstance(result, nrs.EmailValidationResult)
    assert [(r.email, r.result, r.deliverable) for r in result.rows] == [
        ("valid@example.com", "deliverable", True),
        ("notvalid@example.com", "undeliverable", False),
        ("unknown@example.com", "risky", False),
    ]
    assert request.header("accept") == "text/csv"


@pytest.mark.parametrize("body", ["", "\ufeff", "a\0b", '"unterminated\n', "x;y\n1;2\n"])
@pytest.mark.parametrize("kind", ["events-report", "keys-report", "validation-result"])
def test_a_csv_answer_of_another_shape_is_a_malformed_response(body: str, kind: str) -> None:
    try:
        parsed = nrs.parse_response(200, body, kind)
    except nrs.MalformedResponseError:
        return
    assert not getattr(parsed, "rows", ())


# -- the form-elements annex -----------------------------------------------------------------


def _annex_examples() -> list[dict[str, object]]:
    annex = REFERENCE.split("Form elements", 1)[1].split("The templates accept", 1)[0]
    objects = re.findall(r"^\{\n.*?^\}", annex, re.M | re.S)
    # the annex's checkbox example ends with a comma before its "}", which JSON does not allow
    return [json.loads(re.sub(r",\s*}$", "}", text)) for text in objects]


def test_every_element_of_the_annex_is_known_with_its_attributes() -> None:
    quoted("formFields array Yes Set of elements that the form will have. See annex to see all "
           "the elements.")  # fmt: skip
    from nrscompose.providers.nrs._resource_checks import FORM_ELEMENTS

    examples = _annex_examples()
    assert [e["type"] for e in examples] == list(FORM_ELEMENTS)
    for example in examples:
        element = FORM_ELEMENTS[str(example["type"])]
        assert set(example) == element.attributes, example["type"]
    request = nrs.endpoint("forms.create", CREDS, body={"name": "f", "formFields": examples})
    assert request.json()["formFields"] == examples  # type: ignore[index, call-overload]


@pytest.mark.parametrize(
    ("fields", "problems"),
    [("x", [("value.not_list", "formFields")]),
     ([], [("value.not_list", "formFields")]),
     (["h1"], [("value.not_object", "formFields[0]")]),
     ([{"type": "video", "label": "x"}], [("value.choice", "formFields[0].type")]),
     ([{"type": "h1"}], [("value.required", "formFields[0].label")]),
     ([{"type": "select", "label": "x", "customField": "c"}],
      [("value.required", "formFields[0].options")]),
     ([{"type": "radio", "label": "x", "customField": "c", "options": [{"label": "a"}]}],
      [("value.required", "formFields[0].options[0].value")]),
     ([{"type": "text", "label": "x", "customField": "c", "rows": 3}],
      [("value.unknown_field", "formFields[0].rows")]),
     ([{"type": "textarea", "label": "x", "customField": "c", "rows": 0}],
      [("value.too_small", "formFields[0].rows")]),
     ([{"type": "checkbox", "label": 5, "customField": "c", "required": "yes"}],
      [("value.not_text", "formFields[0].label"),
       ("value.not_boolean", "formFields[0].required")])],
)  # fmt: skip
def test_form_fields_are_checked_against_the_annex(
    fields: object, problems: list[tuple[str, str]]
) -> None:
    for name, path in (("forms.create", None), ("forms.update", {"id": 1})):
        with pytest.raises(ValidationError) as error:
            nrs.endpoint(name, CREDS, path=path, body={"name": "f", "formFields": fields})
        assert [(p.kind, p.field) for p in error.value.problems] == problems


# -- mail bodies and templates: the link patterns --------------------------------------------


def test_the_link_patterns_of_the_reference_are_recognised() -> None:
    quoted("[form_{ID}] Link to the form with id {ID}")
    example = quoted('<a href="[form_12]">Form link</a>')
    assert nrs.mail_links(example) == (nrs.MailLink("form", 12, (9, 18)),)
    body = "[unsubscribe_link] [show_link] [attachment_3] " + example
    assert [link.kind for link in nrs.mail_links(body)] == [
        "unsubscribe", "show", "attachment", "form"]  # fmt: skip
    assert nrs.preview_mail(example) == ('<a href="https://preview.invalid/form/12">Form link</a>')
    assert nrs.preview_mail("[unsubscribe_link]", stand_ins={"unsubscribe": "#u"}) == "#u"


@pytest.mark.parametrize(
    ("body", "kind"),
    [("[form_x]", "mail.link_id"), ("[attachment_]", "mail.link_id"),
     ("[form_1a]", "mail.link_id"), ("[form_١٢]", "mail.link_id"),
     ("[unsubscribe_url_link]", "mail.unknown_link"), ("[unsuscribe_link]", "mail.unknown_link")],
)  # fmt: skip
def test_an_id_that_is_not_a_number_or_an_unknown_link_is_reported(body: str, kind: str) -> None:
    html = f"<p>Hi {{name}} <a href='{body}'>x</a></p>"
    assert [p.kind for p in nrs.mail_problems(html)] == [kind]
    with pytest.raises(ValidationError):
        nrs.preview_mail(html)
    with pytest.raises(ValidationError) as error:
        nrs.mailing(credentials=CREDS, to="a@example.com", from_email="b@example.com",
                    subject="s", reply_to="b@example.com", body=html)  # fmt: skip
    assert [(p.kind, p.field, p.code) for p in error.value.problems] == [(kind, "body", None)]
    for name in ("templates.create", "templates_v2.create"):
        with pytest.raises(ValidationError) as error:
            nrs.endpoint(name, CREDS, body={"name": "t", "html": html})
        assert [p.kind for p in error.value.problems] == [kind]


def test_plain_brackets_and_css_braces_are_not_patterns() -> None:
    html = "<style>p { color: red }</style><p>[1] [note] {name}</p>"
    assert nrs.mail_problems(html) == ()
    assert nrs.preview_mail(html, {"name": "Ana"}) == (
        "<style>p { color: red }</style><p>[1] [note] Ana</p>"
    )


def test_a_per_recipient_preview_escapes_the_values() -> None:
    quoted("[unsubscribe_link] Link to the unsubscribe page.")
    html = '<h1>Hello {name}</h1><a href="[unsubscribe_link]" title="{title}">out</a>'
    values = {"name": "<script>alert(1)</script>", "title": '" onmouseover="x'}
    shown = nrs.preview_mail(html, values)
    assert "<script>" not in shown
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in shown
    assert 'title="&quot; onmouseover=&quot;x"' in shown
    assert nrs.preview_mail("{name}", {"name": "[unsubscribe_link]"}) == "[unsubscribe_link]"


@given(st.dictionaries(st.sampled_from(["name", "title"]), st.text()))
def test_no_value_can_add_markup_to_a_preview(values: dict[str, str]) -> None:
    import html

    shown = nrs.preview_mail('<p title="{title}">{name} [show_link]</p>', values)
    title, name = (html.escape(values[k]) if k in values else f"{{{k}}}" for k in ("title", "name"))
    assert shown == f'<p title="{title}">{name} https://preview.invalid/show</p>'
    assert shown.count("<") == 2  # only the body's own markup
    assert shown.count('"') == 2


def test_no_builder_raises_anything_but_the_librarys_errors_on_these_gaps() -> None:
    for guid in BAD_GUIDS:
        for call in (nrs.scheduled_delete, nrs.scheduled_list):
            with pytest.raises(NrsComposeError):
                call(CREDS, guid=guid)  # type: ignore[arg-type]
