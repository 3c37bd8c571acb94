"""Seed 003's contacts API: paths from the seed's examples, the api-key header, filters."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from nrscompose._base.errors import ValidationError
from nrscompose._base.http import HttpResponse
from nrscompose.providers import email_contacts as contacts_api

KEY = contacts_api.ApiKey("xkeysib-secret", "https://api.example.com")


def test_api_key_header_and_hidden_secret() -> None:
    request = contacts_api.create_folder(KEY, "test_folder")
    assert request.header("api-key") == "xkeysib-secret"
    assert "xkeysib-secret" not in repr(request)
    assert "xkeysib-secret" not in repr(KEY)


def test_create_folder_and_list_match_the_seed_examples() -> None:
    folder = contacts_api.create_folder(KEY, "test_folder")
    assert (folder.method, folder.url) == ("POST", "https://api.example.com/v3/contacts/folders")
    assert folder.json() == {"name": "test_folder"}
    created = contacts_api.create_list(KEY, "test_list", 5)
    assert created.url.endswith("/v3/contacts/lists")
    assert created.json() == {"name": "test_list", "folderId": 5}


def test_create_contact_seed_example() -> None:
    request = contacts_api.create_contact(
        KEY, "elly@example.com", ext_id="externalId",
        attributes={"FNAME": "Elly", "LNAME": "Roger"}, email_blacklisted=False,
        sms_blacklisted=False, list_ids=[36], update_enabled=False,
    )  # fmt: skip
    assert request.json() == {
        "email": "elly@example.com", "ext_id": "externalId",
        "attributes": {"FNAME": "Elly", "LNAME": "Roger"}, "emailBlacklisted": False,
        "smsBlacklisted": False, "listIds": [36], "updateEnabled": False,
    }  # fmt: skip


def test_create_contact_problems_all_at_once() -> None:
    with pytest.raises(ValidationError) as error:
        contacts_api.create_contact(KEY, "nope", attributes={"fname": "x"}, list_ids=[0],
                               smtp_blacklist_sender=["a@b.c"])  # fmt: skip
    assert [p.field for p in error.value.problems] == [
        "email", "attributes.fname", "listIds[0]", "smtpBlacklistSender"]  # fmt: skip


def test_import_contacts() -> None:
    request = contacts_api.import_contacts(
        KEY, file_body="NAME;SURNAME;EMAIL\nSmith;John;john.smith@example.com",
        list_ids=[76], notify_url="http://requestb.in/173lyyx1",
        new_list=("ContactImport - 2017-05", 2), update_existing_contacts=True,
        empty_contacts_attributes=True,
    )  # fmt: skip
    sent = request.json()
    assert request.url.endswith("/v3/contacts/import")
    assert sent["newList"] == {"listName": "ContactImport - 2017-05", "folderId": 2}  # type: ignore[index, call-overload]
    with pytest.raises(ValidationError) as error:
        contacts_api.import_contacts(KEY, file_url="/local/file.csv", json_body=[],
                                empty_contacts_attributes=True)  # fmt: skip
    assert [p.field for p in error.value.problems] == [
        "fileUrl", "listIds", "emptyContactsAttributes"]  # fmt: skip
    with pytest.raises(ValidationError) as error:
        contacts_api.import_contacts(KEY, list_ids=[76])
    assert [p.field for p in error.value.problems] == ["fileUrl"]  # no source at all


# The reference's "Import contact" example body, sent as it is.
IMPORT_EXAMPLE = {
    "fileUrl": "https://importfile.domain.com",
    "fileBody": "NAME;SURNAME;EMAIL\nSmith;John;john.smith@example.com\n"
    "Roger;Ellie;ellie36@example.com",
    "jsonBody": [{"email": "ndicky0@ocn.ne.jp", "attributes": {
        "LNAME": "Noemi", "FNAME": "Dicky", "COUNTRY": "DE", "BIRTHDAY": "11/02/1989",
        "PREFERED_COLOR": "BLACK"}}],
    "listIds": [76],
    "notifyUrl": "http://requestb.in/173lyyx1",
    "newList": {"listName": "ContactImport - 2017-05", "folderId": 2},
    "emailBlacklist": False,
    "disableNotification": False,
    "smsBlacklist": False,
    "updateExistingContacts": True,
    "emptyContactsAttributes": True,
}  # fmt: skip


def test_the_reference_import_example_with_all_three_sources_builds() -> None:
    example = IMPORT_EXAMPLE
    request = contacts_api.import_contacts(
        KEY, file_url=example["fileUrl"], file_body=example["fileBody"],
        json_body=example["jsonBody"], list_ids=[76], notify_url=example["notifyUrl"],
        new_list=("ContactImport - 2017-05", 2), email_blacklist=False,
        disable_notification=False, sms_blacklist=False, update_existing_contacts=True,
        empty_contacts_attributes=True,
    )  # fmt: skip
    assert request.json() == example
    assert request.expects == "process"


def test_listings_with_limit_offset_sort_and_dates() -> None:
    assert contacts_api.folder_lists(KEY, 16, limit=10, offset=0, sort="desc").url == (
        "https://api.example.com/v3/contacts/folders/16/lists?limit=10&offset=0&sort=desc"
    )
    assert contacts_api.list_info(KEY, 16).url.endswith("/v3/contacts/lists/16")
    since = datetime(2017, 5, 1, 17, 5, 3, 120000, tzinfo=UTC)
    listing = contacts_api.contacts(KEY, limit=10, modified_since=since)
    assert listing.url.endswith("/v3/contacts?limit=10&modifiedSince=2017-05-01T17%3A05%3A03.120Z")
    assert contacts_api.list_contacts(KEY, 18).url.endswith("/v3/contacts/lists/18/contacts")
    with pytest.raises(ValidationError):
        contacts_api.contacts(KEY, limit=0, sort="up", created_since=datetime(2020, 1, 1))  # type: ignore[arg-type]


def test_bodies_are_json() -> None:
    assert json.loads(contacts_api.create_folder(KEY, "f").body) == {"name": "f"}


# -- answers ---------------------------------------------------------------------------------
# Every response body the reference prints, with the builder whose request it answers.


def _answer(request, status: int, body: object):  # type: ignore[no-untyped-def]
    return contacts_api.read(request, HttpResponse(status, {}, json.dumps(body).encode()))


def test_created_ids_and_the_import_process() -> None:
    assert _answer(
        contacts_api.create_folder(KEY, "test_folder"), 200, {"id": 5}
    ) == contacts_api.Created(5)
    assert _answer(
        contacts_api.create_list(KEY, "test_list", 5), 200, {"id": 16}
    ) == contacts_api.Created(16)
    contact = contacts_api.create_contact(KEY, "elly@example.com")
    assert _answer(contact, 201, {"id": 21}) == contacts_api.Created(21)
    updated = contacts_api.read(contact, HttpResponse(204, {}, b""))
    assert updated == contacts_api.Empty(204)  # 204 "Contact updated"
    imported = contacts_api.import_contacts(
        KEY, file_url="https://importfile.domain.com", list_ids=[2]
    )
    assert _answer(imported, 200, {"processId": 78}) == contacts_api.ImportProcess(78)


def test_the_lists_of_a_folder_and_one_list() -> None:
    lists = _answer(contacts_api.folder_lists(KEY, 16), 200, {"lists": [
        {"id": 46, "name": "Reactiv", "totalSubscribers": 7655, "totalBlacklisted": 0,
         "uniqueSubscribers": 7655}], "count": 1})  # fmt: skip
    assert isinstance(lists, contacts_api.Lists)
    assert lists.count == 1
    assert (lists.lists[0].id, lists.lists[0].name, lists.lists[0].total_subscribers) == (
        46, "Reactiv", 7655)  # fmt: skip
    info = _answer(contacts_api.list_info(KEY, 16), 200, {
        "id": 16, "name": "Newsletter_Weekly", "totalSubscribers": 6533, "totalBlacklisted": 63,
        "uniqueSubscribers": 6596, "folderId": 1, "createdAt": "2016-02-26T11:56:08Z",
        "campaignStats": [{"campaignId": 15, "stats": {"delivered": 6632, "sent": 6645}}],
        "dynamicList": False})  # fmt: skip
    assert isinstance(info, contacts_api.ContactList)
    assert info.folder_id == 1
    assert info.created_at == datetime(2016, 2, 26, 11, 56, 8, tzinfo=UTC)
    assert info.campaign_stats[0]["campaignId"] == 15
    assert info.dynamic_list is False


def test_contacts_of_the_account_and_of_a_list() -> None:
    answer = {"contacts": [{
        "email": "alex.pain@example.com", "id": 45, "emailBlacklisted": False,
        "smsBlacklisted": True, "createdAt": "2017-05-12T12:30:00Z",
        "modifiedAt": "2017-05-12T12:30:00Z", "listIds": [12, 9, 20],
        "listUnsubscribed": [1, 2],
        "attributes": {"LASTNAME": "Pain", "FIRSTNAME": "Alex", "DOB": "2010-12-31",
                       "GENDER": "Kid"}}], "count": 17655}  # fmt: skip
    for request in (contacts_api.contacts(KEY), contacts_api.list_contacts(KEY, 18)):
        parsed = _answer(request, 200, answer)
        assert isinstance(parsed, contacts_api.Contacts)
        assert parsed.count == 17655
        contact = parsed.contacts[0]
        assert (contact.id, contact.email, contact.list_ids) == (45, "alex.pain@example.com",
                                                                 (12, 9, 20))  # fmt: skip
        assert contact.list_unsubscribed == (1, 2)
        assert contact.attributes["FIRSTNAME"] == "Alex"


def test_the_400_answer_and_bodiless_404() -> None:
    request = contacts_api.import_contacts(
        KEY, file_url="https://importfile.domain.com", list_ids=[2]
    )
    with pytest.raises(contacts_api.EmailContactsApiError) as error:
        _answer(request, 400, {"code": "method_not_allowed",
                               "message": "POST Method is not allowed on this path"})  # fmt: skip
    assert error.value.status == 400
    assert error.value.error_code == "method_not_allowed"
    assert error.value.description == "POST Method is not allowed on this path"
    with pytest.raises(contacts_api.EmailContactsApiError) as error:
        contacts_api.read(contacts_api.list_info(KEY, 16), HttpResponse(404, {}, b""))
    assert (error.value.status, error.value.error_code) == (404, None)


@pytest.mark.parametrize(
    ("builder", "body"),
    [(lambda: contacts_api.list_info(KEY, 16), b'{"lists": []}'),
     (lambda: contacts_api.contacts(KEY), b'{"contacts": {}}'),
     (lambda: contacts_api.create_folder(KEY, "x"), b'{"id": "5"}'),
     (lambda: contacts_api.contacts(KEY), b"<html>")],
)  # fmt: skip
def test_other_shapes_are_malformed(builder, body) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(contacts_api.MalformedResponseError):
        contacts_api.read(builder(), HttpResponse(200, {}, body))


@pytest.mark.parametrize("status", [200, 400])
def test_deeply_nested_json_is_a_malformed_answer_not_a_recursion_error(status):
    deep = "[" * 100_000 + "]" * 100_000
    if status == 200:
        with pytest.raises(contacts_api.MalformedResponseError, match="not JSON"):
            contacts_api.parse_response(200, deep, "lists")
    else:  # an error body that is not an object: the status still says what happened
        with pytest.raises(contacts_api.EmailContactsApiError):
            contacts_api.parse_response(400, deep, "lists")
