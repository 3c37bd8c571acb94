"""Parsing the documented 360nrs answers and event notifications (seed 001)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from urllib.parse import urlencode

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nrscompose._base.errors import ApiError
from nrscompose._base.http import HttpResponse
from nrscompose.providers import nrs

ACCEPTED = {
    "campaignId": 100000, "sendingId": 100001,
    "result": [{"accepted": True, "to": "34666555444", "id": "XXXXXXXXXXXXX", "parts": 1,
                "scheduledAt": None, "expiresAt": None}],
}  # fmt: skip
MULTI = {
    "campaignId": 100000, "sendingId": 100001,
    "result": [
        {"accepted": True, "to": "34666555444", "id": "XXXXXXXXXXXXX", "parts": 1,
         "scheduledAt": None, "expiresAt": None},
        {"accepted": False, "to": "34", "error": {"code": 102,
                                                  "description": "No valid recipients"}},
    ],
}  # fmt: skip
PAGE = {
    "data": [{"id": 1, "name": "My contact list"}],
    "meta": {"pagination": {"total": 500, "count": 100, "per_page": 100, "current_page": 1,
                            "total_pages": 5,
                            "links": {"next": "https://dashboard.360nrs.com/api/rest/groups?page=2"}}},
}  # fmt: skip
OTP = {"recipient": "34666555444", "code": "1234", "attempts": 1, "maxAttempts": 3,
       "maxSecondsValidity": 60, "appId": "", "createdAt": "2020-01-01T12:00:00+00:00",
       "updatedAt": "2020-01-01T12:00:00+00:00",
       "expiresAt": "2020-01-01T12:01:00+00:00"}  # fmt: skip


def dumps(value: object) -> bytes:
    return json.dumps(value).encode()


def test_202_all_accepted() -> None:
    result = nrs.parse_response(202, dumps(ACCEPTED), "send")
    assert (result.campaign_id, result.sending_id, result.status) == (100000, 100001, 202)
    (item,) = result.results
    assert item.accepted
    assert item.id == "XXXXXXXXXXXXX"
    assert item.parts == 1
    assert item.scheduled_at is None
    assert result.parts == 1


def test_207_per_recipient_errors_map_to_the_catalogue() -> None:
    result = nrs.parse_response(207, dumps(MULTI))
    assert isinstance(result, nrs.SendResult)
    (rejected,) = result.rejected
    assert rejected.error is not None
    assert rejected.error.code == 102
    assert rejected.error.entry is not None
    assert rejected.error.entry.status == 400
    assert len(result.accepted) == 1


def test_dates_and_unknown_fields_are_kept() -> None:
    answer = json.loads(json.dumps(ACCEPTED))
    answer["result"][0].update(scheduledAt="2030-01-01 10:00:00", newField=[1])
    answer["billing"] = {"cost": 0.05}
    result = nrs.parse_response(202, dumps(answer), "send")
    item = result.results[0]
    assert item.scheduled_at == datetime(2030, 1, 1, 10, tzinfo=UTC)
    assert item.extra == {"newField": [1]}
    assert result.extra == {"billing": {"cost": 0.05}}


@pytest.mark.parametrize(
    ("status", "code", "description"),
    [(400, 102, "No valid recipients"), (401, 103, "Username or password unknown"),
     (402, 111, "Not enough credits"), (404, 404, "Resource not found"),
     (422, 422, "The email field is required."), (500, 101, "Internal Database error")],
)  # fmt: skip
def test_error_answers_raise_api_error(status: int, code: int, description: str) -> None:
    raw = dumps({"error": {"code": code, "description": description}})
    with pytest.raises(nrs.NrsApiError) as error:
        nrs.parse_response(status, raw)
    assert isinstance(error.value, ApiError)
    assert (error.value.status, error.value.code, error.value.description) == (
        status, code, description)  # fmt: skip
    expected = nrs.CATALOGUE.get(code)
    assert error.value.entry == expected


@pytest.mark.parametrize(
    ("status", "raw"),
    [(202, b"<html>oops</html>"), (500, b"Internal Server Error"), (202, b'{"data": 1}'),
     (207, b'{"result": [{"to": "1"}]}'), (400, b'{"message": "x"}'), (302, b"")],
)  # fmt: skip
def test_malformed_bodies_carry_status_and_raw_text(status: int, raw: bytes) -> None:
    with pytest.raises(nrs.MalformedResponseError) as error:
        nrs.parse_response(status, raw)
    assert error.value.status == status
    assert error.value.raw == raw.decode()


def test_pages_with_next_link_and_last_page() -> None:
    page = nrs.parse_response(200, dumps(PAGE), "page")
    assert page.items == ({"id": 1, "name": "My contact list"},)
    assert page.next == "https://dashboard.360nrs.com/api/rest/groups?page=2"
    assert (page.total, page.total_pages, page.current_page) == (500, 5, 1)
    last = {"data": [], "meta": {"pagination": {"total": 1, "links": []}}}
    assert nrs.parse_response(200, dumps(last)).next is None  # type: ignore[union-attr]
    coverage = nrs.parse_response(200, dumps({"data": [{"countryIso": "AD"}]}))
    assert isinstance(coverage, nrs.Page)
    assert coverage.next is None


@pytest.mark.parametrize("reason", nrs.OTP_REASONS)
def test_otp_check_reasons(reason: str) -> None:
    raw = dumps({"data": {"valid": reason == "Valid", "reason": reason, "otp": {"data": OTP}}})
    check = nrs.parse_response(200, raw, "otp-check")
    assert check.valid == (reason == "Valid")
    assert check.reason == reason
    assert check.otp is not None
    assert check.otp.max_attempts == 3
    assert check.expired == (reason == "Expired")


def test_otp_generate() -> None:
    otp = nrs.parse_response(200, dumps({"data": {**OTP, "attempts": 0}}))
    assert isinstance(otp, nrs.Otp)
    assert otp.code == "1234"
    assert otp.expires_at == datetime(2020, 1, 1, 12, 1, tzinfo=UTC)


def test_scheduled_and_counts() -> None:
    listing = nrs.parse_response(200, dumps({"result": [{"guid": "100", "type": "SMS"}],
                                             "total": 1}))  # fmt: skip
    assert isinstance(listing, nrs.ScheduledResult)
    assert listing.total == 1
    single = nrs.parse_response(200, dumps({"result": {"guid": "100", "content": {}},
                                            "total": 1}))  # fmt: skip
    assert isinstance(single, nrs.ScheduledResult)
    assert single.items[0]["guid"] == "100"
    updated = nrs.parse_response(200, dumps({"result": True, "updated": 2}))
    assert updated == nrs.UpdateResult(True, 2, "updated")
    deleted = nrs.parse_response(200, dumps({"result": True, "deleted": 2}), "count")
    assert isinstance(deleted, nrs.UpdateResult)
    assert deleted.action == "deleted"


def test_items_csv_html_files_and_204() -> None:
    item = nrs.parse_response(201, dumps({"data": {"id": 1, "name": "New Template"}}))
    assert isinstance(item, nrs.Item)
    assert item.data["id"] == 1
    csv = nrs.parse_response(200, b"email;result\nvalid@example.com;deliverable\n", "csv")
    assert isinstance(csv, nrs.TextBody)
    assert csv.text.startswith("email;result")
    assert nrs.parse_response(204, b"") == nrs.Empty(204)
    assert nrs.parse_response(200, b"%PDF", "file") == nrs.FileBody(b"%PDF")


def test_read_uses_the_request_expectation() -> None:
    request = nrs.otp_check(recipient="34666555444", code="1234",
                            credentials=nrs.Credentials("u", "p"))  # fmt: skip
    raw = dumps({"data": {"valid": False, "reason": "Invalid code", "otp": {"data": OTP}}})
    check = nrs.read(request, HttpResponse(200, {}, raw))
    assert isinstance(check, nrs.OtpCheck)
    assert not check.valid


@given(st.binary(max_size=200), st.sampled_from([200, 202, 207, 400, 401, 404, 500]))
def test_any_body_parses_or_raises_an_api_error(raw: bytes, status: int) -> None:
    statuses: list[int] = []
    try:
        nrs.parse_response(status, raw)
    except nrs.NrsApiError as error:
        statuses.append(error.status)
    assert statuses in ([], [status])


# -- event notifications ---------------------------------------------------------------------


def test_clicked_event_from_a_form_body() -> None:
    raw = urlencode({
        "id": "XXXXXXXXXXXXX", "channel": "sms", "contactId": "12", "campaignId": "0",
        "campaignName": "", "event": "clicked",
        "extra": json.dumps({"url": "https%3A%2F%2Fexample.com%2Fa%3Fb%3D1"}),
        "eventDate": "2021-07-19T15:00:33+00:00", "newField": "kept",
    })  # fmt: skip
    event = nrs.parse_event(raw.encode())
    assert (event.event, event.channel, event.id, event.contact_id) == (
        "clicked", "sms", "XXXXXXXXXXXXX", 12)  # fmt: skip
    assert event.campaign_id == 0
    assert event.campaign_name == ""
    assert event.clicked_url == "https://example.com/a?b=1"
    assert event.event_date == datetime(2021, 7, 19, 15, 0, 33, tzinfo=UTC)
    assert event.other == {"newField": "kept"}


def test_form_submitted_event_from_decoded_fields() -> None:
    event = nrs.parse_event({
        "id": "", "channel": "landing", "event": "form_submitted", "formId": "7",
        "extra": '{"formValues":{"param1":"value1","param2":"value2"}}',
    })  # fmt: skip
    assert event.id is None
    assert event.form_id == 7
    assert event.form_values == {"param1": "value1", "param2": "value2"}


def test_event_with_bad_extra_is_kept_and_without_event_refused() -> None:
    event = nrs.parse_event("channel=mailing&event=delivered&extra=%7Bnot&smtpResponse=250+OK")
    assert event.extra == {}
    assert event.extra_raw == "{not"
    assert event.smtp_response == "250 OK"
    with pytest.raises(nrs.MalformedEventError):
        nrs.parse_event("channel=sms")
    with pytest.raises(nrs.MalformedEventError):
        nrs.parse_event("channel=sms&event=sent&contactId=abc")
