"""Conformance to the 360nrs API reference: its own examples, answers and stated rules.

``fixtures/nrs_reference_responses.json`` holds every JSON answer the reference prints (63
bodies: each section's "Response", "HTTP Response Code …" and "Error response" examples, with
the endpoint they belong to); each one must be read by the parser its endpoint's requests use.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from nrscompose._base.errors import ValidationError
from nrscompose._base.http import HttpResponse
from nrscompose.providers import nrs
from nrscompose.providers.nrs import requests_sms

CREDS = nrs.Credentials("username", "apiPassword")
ANSWERS = json.loads(
    (Path(__file__).parent / "fixtures" / "nrs_reference_responses.json").read_text("utf-8")
)
_SENDING_EXPECTS = {"otp.generate": "otp", "otp.check": "otp-check"}


def _expects(endpoint: str) -> str:
    if endpoint in nrs.ENDPOINTS:
        return nrs.ENDPOINTS[endpoint].expects
    return _SENDING_EXPECTS.get(endpoint, "send")


def _problems(error: pytest.ExceptionInfo[ValidationError]) -> set[tuple[str, int | None]]:
    return {(p.field, p.code) for p in error.value.problems}


# -- 1. every documented answer is read by its endpoint's parser ----------------------------


@pytest.mark.parametrize("answer", ANSWERS, ids=[a["section"] for a in ANSWERS])
def test_every_documented_answer_is_read_by_its_endpoints_parser(answer):
    raw = json.dumps(answer["body"])
    kind = _expects(answer["endpoint"])
    if answer["status"] >= 400:
        with pytest.raises(nrs.NrsApiError) as error:
            nrs.parse_response(answer["status"], raw, kind)
        assert not isinstance(error.value, nrs.MalformedResponseError)
        assert error.value.code == answer["body"]["error"]["code"]
        return
    parsed = nrs.parse_response(answer["status"], raw, kind)
    assert not isinstance(parsed, nrs.Empty)
    data = answer["body"].get("data")
    if isinstance(data, list):  # every entry of a listing is kept
        entries = {
            nrs.Page: lambda p: p.items,
            nrs.Shortened: lambda p: p.urls,
            nrs.Images: lambda p: p.images,
        }[type(parsed)](parsed)
        assert len(entries) == len(data)


def test_the_fixture_covers_every_endpoint_with_a_documented_answer():
    documented = {a["endpoint"] for a in ANSWERS}
    assert {"shortener.shorten", "images.generate", "scheduled.list"} <= documented
    assert len(ANSWERS) == 63


def test_shortener_answer_is_read_as_one_entry_per_url():
    request = nrs.shorten_urls(["https://example.com/test1"], CREDS)
    body = json.dumps({"data": [
        {"longUrl": "https://example.com/test1", "shortUrl": "https://nrs.so/dvRINN",
         "error": False},
        {"longUrl": "invalidUrl", "shortUrl": None, "error": True},
    ]}).encode()  # fmt: skip
    shortened = nrs.read(request, HttpResponse(200, {}, body))
    assert isinstance(shortened, nrs.Shortened)
    assert shortened.short_url_of("https://example.com/test1") == "https://nrs.so/dvRINN"
    assert [u.long_url for u in shortened.failed] == ["invalidUrl"]
    assert shortened.short_url_of("invalidUrl") is None


def test_image_generator_answer_is_read_by_external_id():
    request = nrs.generate_images({"test1": ("jpg", b"\xff\xd8")}, CREDS)
    body = b'{"data": [{"externalId": "test1", "imageUrl": "https://x/1.jpg", "error": false}]}'
    images = nrs.read(request, HttpResponse(200, {}, body))
    assert isinstance(images, nrs.Images)
    assert images.images[0] == nrs.GeneratedImage("test1", "https://x/1.jpg", False)
    assert nrs.parse_response(200, body) == images  # detected without a kind too


@pytest.mark.parametrize(
    "body",
    [
        '{"data": {"longUrl": "a"}}',
        '{"data": [{"shortUrl": "b", "error": false}]}',
        '{"data": [{"longUrl": "a", "shortUrl": "b"}]}',
    ],
)
def test_a_shortener_answer_of_another_shape_is_malformed(body):
    with pytest.raises(nrs.MalformedResponseError):
        nrs.parse_response(200, body, "shortened")


# -- 2. list filters: values separated by commas --------------------------------------------


def test_include_sends_values_separated_by_commas():
    request = nrs.endpoint("contacts.list", CREDS, query={"include": ["customFields", "groups"]})
    # The reference's own next link: ``contacts?include=customFields%2Cgroups&page=2``.
    assert request.url.endswith("/api/rest/contacts?include=customFields%2Cgroups")
    shown = nrs.endpoint("contacts.show", CREDS, path={"id": 1}, query={"include": "groups"})
    assert shown.url.endswith("/contacts/1?include=groups")
    joined = nrs.endpoint("contacts.list", CREDS, query={"include": "customFields,groups"})
    assert joined.url == request.url


@pytest.mark.parametrize("value", [["customFields", "tags"], [], "", 3])
def test_include_refuses_values_the_reference_does_not_list(value):
    with pytest.raises(ValidationError) as error:
        nrs.endpoint("contacts.list", CREDS, query={"include": value})
    assert {field for field, _ in _problems(error)} == {"include"}


# -- 3. conditional requirements --------------------------------------------------------------

REFERENCE_CONTACT = {  # the reference's "Create a contact" example body
    "email": "new.contact@example.com",
    "phone": "3466666666",
    "countryIso": "ES",
    "groupsNames": ["My contact list"],
    "customFields": [{"key": "company", "value": "ACME inc."}],
}


@pytest.mark.parametrize("name", ["contacts.create", "contacts.update"])
def test_the_reference_contact_builds_and_an_empty_one_names_every_missing_field(name):
    path = {"id": 1} if name.endswith("update") else None
    assert nrs.endpoint(name, CREDS, path=path, body=REFERENCE_CONTACT).json() == REFERENCE_CONTACT
    with pytest.raises(ValidationError) as error:
        nrs.endpoint(name, CREDS, path=path, body={})
    # The server's own answer to a contact without one: 422 "The email field is required."
    assert _problems(error) == {("email", 422), ("groupsIds", 422)}


@pytest.mark.parametrize(
    ("change", "missing"),
    [
        ({"phone": None}, set()),  # email alone is enough
        ({"email": None, "phone": None}, {"email"}),
        ({"email": None, "phone": None, "landline": "34911234567"}, set()),
        ({"countryIso": None}, {"countryIso"}),  # a phone needs its country
        ({"phone": None, "landline": "34911234567", "countryIso": ""}, {"countryIso"}),
        ({"phone": None, "countryIso": None}, set()),  # no phone: no country needed
        ({"groupsNames": None}, {"groupsIds"}),
        ({"groupsNames": [], "groupsIds": [1]}, set()),
    ],
)
def test_contact_conditions(change, missing):
    contact = {**REFERENCE_CONTACT, **change}
    contact = {k: v for k, v in contact.items() if v is not None}
    if missing:
        with pytest.raises(ValidationError) as error:
            nrs.endpoint("contacts.create", CREDS, body=contact)
        assert _problems(error) == {(field, 422) for field in missing}
    else:
        assert nrs.endpoint("contacts.create", CREDS, body=contact).json() == contact


def test_an_email_validation_needs_groups_or_emails():
    example = {"groupsIds": [1111], "force": False,
               "notificationUrl": "https://example.com/notificationUrl"}  # fmt: skip
    assert nrs.endpoint("validations.create", CREDS, body=example).json() == example
    assert nrs.endpoint("validations.create", CREDS, body={"emails": ["a@example.com"]})
    with pytest.raises(ValidationError) as error:
        nrs.endpoint("validations.create", CREDS, body={"force": True})
    assert _problems(error) == {("groupsIds", 422)}
    with pytest.raises(ValidationError):
        nrs.endpoint("validations.create", CREDS)


def test_tags_need_a_campaign_name_on_every_sending_channel():
    problems = nrs.validate("sms", {"to": ["34666555444"], "from": "TEST", "message": "hi",
                                    "tags": ["spring"]})  # fmt: skip
    assert [(p.field, p.code) for p in problems] == [("tags", 126)]


# -- 4. a past scheduleDate: 121 ----------------------------------------------------------------


def test_a_past_schedule_date_is_121_in_code_and_docs():
    from datetime import UTC, datetime

    now = datetime(2024, 1, 1, tzinfo=UTC)
    with pytest.raises(ValidationError) as error:
        nrs.sms(to=["34666555444"], sender="TEST", message="x", credentials=CREDS,
                schedule_date="20231231000000", now=now)  # fmt: skip
    assert _problems(error) == {("scheduleDate", 121)}
    assert "121" in (requests_sms.sms.__doc__ or "")
    assert "108" not in (nrs.sms.__doc__ or "")
    docs = (Path(__file__).parents[1] / "docs" / "requests.md").read_text("utf-8")
    dates_row = next(line for line in docs.splitlines() if "in the past" in line)
    assert "121" in dates_row
    assert "108" not in dates_row


# -- 6. GUIDs -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("guid", "sent"), [(100, 100), ("100", 100), ([100, "101"], [100, 101]), (0, 0)]
)
def test_guids_are_integers_or_digit_strings(guid, sent):
    assert nrs.scheduled_delete(CREDS, guid=guid).json() == {"guid": sent}
    update = nrs.scheduled_update(CREDS, guid=guid, schedule_date="20300101000000")
    assert update.json()["guid"] == sent


@pytest.mark.parametrize("guid", [["abc"], "abc", "-1", -1, True, [1, 2.5], [], "１２"])
def test_anything_else_is_error_120(guid):
    for build in (
        lambda: nrs.scheduled_delete(CREDS, guid=guid),
        lambda: nrs.scheduled_list(CREDS, guid=guid),
        lambda: nrs.scheduled_update(CREDS, guid=guid, schedule_date="20300101000000"),
        lambda: nrs.endpoint("scheduled.delete", CREDS, body={"guid": guid}),
    ):
        with pytest.raises(ValidationError) as error:
            build()
        assert _problems(error) == {("guid", 120)}


def test_listing_several_guids_in_the_query():
    request = nrs.scheduled_list(CREDS, guid=["100", 101])
    # The reference does not say how an array travels in a query; ``guid[]=`` is how the
    # server's framework (PHP) reads one.
    assert request.url.endswith("/scheduled?guid[]=100&guid[]=101")


# -- 7. delivery notifications --------------------------------------------------------------------

EXAMPLE_URL = "https://example.com/notify.php?sender=%p&phone=%P&status=%s"


def test_the_reference_notification_urls_are_built():
    assert nrs.DeliveryNotificationUrl("https://example.com/notify.php").url == EXAMPLE_URL
    with_id = nrs.DeliveryNotificationUrl(
        "https://example.com/notify.php", fixed={"customId": "123456"}
    )
    assert with_id.url == EXAMPLE_URL + "&customId=123456"
    request = nrs.sms(to=["34666555444"], sender="TEST", message="hi", credentials=CREDS,
                      notification_url=with_id.url)  # fmt: skip
    assert request.json()["notificationUrl"] == with_id.url


def test_other_variable_names_and_fixed_values_are_encoded_but_escapes_are_not():
    url = nrs.DeliveryNotificationUrl(
        "https://example.com/n", sender=None, phone="to", status="estado",
        fixed={"ref": "a b&c"},
    )  # fmt: skip
    assert url.url == "https://example.com/n?to=%P&estado=%s&ref=a%20b%26c"


def test_a_notification_request_is_read_back():
    url = nrs.DeliveryNotificationUrl("https://example.com/notify.php", fixed={"customId": "1"})
    got = url.parse(
        "https://example.com/notify.php?sender=TEST&phone=34666555444&status=DELIVRD&customId=1"
    )
    assert (got.sender, got.phone, got.status) == ("TEST", "34666555444", "DELIVRD")
    assert dict(got.fixed) == {"customId": "1"}
    assert url.parse({"phone": "34666555444"}).status is None
    assert url.parse(b"sender=A%20B").sender == "A B"


@pytest.mark.parametrize(
    "arguments",
    [
        {"base": "ftp://example.com/n"},
        {"base": "https://example.com/n?x=1"},
        {"base": "https://example.com/n", "sender": None, "phone": None, "status": None},
        {"base": "https://example.com/n", "sender": "x", "phone": "x"},
        {"base": "https://example.com/n", "fixed": {"status": "1"}},
    ],
)
def test_bad_notification_urls_are_argument_errors(arguments):
    from nrscompose._base.errors import ArgumentError

    with pytest.raises(ArgumentError):
        nrs.DeliveryNotificationUrl(**arguments)


_ANSWER_HEADING = re.compile(
    r"^(HTTP Response Code \d+|Error response|Response|Multi GUID|Single GUID)\b"
)


def _printed_answers(reference: str) -> list[object]:
    """Each JSON block that follows an answer heading in the reference's text."""
    lines = reference.splitlines()
    found, after_heading = [], False
    for index, line in enumerate(lines):
        if _ANSWER_HEADING.match(line):
            after_heading = True
        elif line in ("{", "[") and after_heading:
            for end in range(index + 1, min(index + 400, len(lines))):
                try:
                    found.append(json.loads("\n".join(lines[index : end + 1])))
                except ValueError:
                    continue
                break
        elif line.startswith(("curl ", "Parameter", "Request", "POST ", "GET ", "PUT ")):
            after_heading = False
    return found


def test_the_fixture_holds_every_answer_the_reference_prints(full_seed_001: str) -> None:
    printed = [json.dumps(body, sort_keys=True) for body in _printed_answers(full_seed_001)]
    assert len(printed) == len(ANSWERS)
    assert set(printed) == {json.dumps(a["body"], sort_keys=True) for a in ANSWERS}
