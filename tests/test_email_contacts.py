"""Seed 003's contacts API: paths from the seed's examples, the api-key header, filters."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from nrscompose.errors import ValidationError
from nrscompose.providers import email_contacts

KEY = email_contacts.ApiKey("xkeysib-secret", "https://api.example.com")


def test_api_key_header_and_hidden_secret() -> None:
    request = email_contacts.create_folder(KEY, "test_folder")
    assert request.header("api-key") == "xkeysib-secret"
    assert "xkeysib-secret" not in repr(request)
    assert "xkeysib-secret" not in repr(KEY)


def test_create_folder_and_list_match_the_seed_examples() -> None:
    folder = email_contacts.create_folder(KEY, "test_folder")
    assert (folder.method, folder.url) == ("POST", "https://api.example.com/v3/contacts/folders")
    assert folder.json() == {"name": "test_folder"}
    created = email_contacts.create_list(KEY, "test_list", 5)
    assert created.url.endswith("/v3/contacts/lists")
    assert created.json() == {"name": "test_list", "folderId": 5}


def test_create_contact_seed_example() -> None:
    request = email_contacts.create_contact(
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
        email_contacts.create_contact(KEY, "nope", attributes={"fname": "x"}, list_ids=[0],
                               smtp_blacklist_sender=["a@b.c"])  # fmt: skip
    assert [p.field for p in error.value.problems] == [
        "email", "attributes.fname", "listIds[0]", "smtpBlacklistSender"]  # fmt: skip


def test_import_contacts() -> None:
    request = email_contacts.import_contacts(
        KEY, file_body="NAME;SURNAME;EMAIL\nSmith;John;john.smith@example.com",
        list_ids=[76], notify_url="http://requestb.in/173lyyx1",
        new_list=("ContactImport - 2017-05", 2), update_existing_contacts=True,
        empty_contacts_attributes=True,
    )  # fmt: skip
    sent = request.json()
    assert request.url.endswith("/v3/contacts/import")
    assert sent["newList"] == {"listName": "ContactImport - 2017-05", "folderId": 2}  # type: ignore[index, call-overload]
    with pytest.raises(ValidationError) as error:
        email_contacts.import_contacts(KEY, file_url="/local/file.csv", json_body=[],
                                empty_contacts_attributes=True)  # fmt: skip
    assert len(error.value.problems) == 4


def test_listings_with_limit_offset_sort_and_dates() -> None:
    assert email_contacts.folder_lists(KEY, 16, limit=10, offset=0, sort="desc").url == (
        "https://api.example.com/v3/contacts/folders/16/lists?limit=10&offset=0&sort=desc"
    )
    assert email_contacts.list_info(KEY, 16).url.endswith("/v3/contacts/lists/16")
    since = datetime(2017, 5, 1, 17, 5, 3, 120000, tzinfo=UTC)
    listing = email_contacts.contacts(KEY, limit=10, modified_since=since)
    assert listing.url.endswith("/v3/contacts?limit=10&modifiedSince=2017-05-01T17%3A05%3A03.120Z")
    assert email_contacts.list_contacts(KEY, 18).url.endswith("/v3/contacts/lists/18/contacts")
    with pytest.raises(ValidationError):
        email_contacts.contacts(KEY, limit=0, sort="up", created_since=datetime(2020, 1, 1))  # type: ignore[arg-type]


def test_bodies_are_json() -> None:
    assert json.loads(email_contacts.create_folder(KEY, "f").body) == {"name": "f"}
