"""Seed 004's bulk SMS API: payloads from the seed, routes from the caller, flat160 credits."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nrscompose._base.errors import ValidationError
from nrscompose.providers import bulk_sms

API = bulk_sms.BulkSmsApi(
    "https://sms.example.com",
    {
        "send": bulk_sms.Route("POST", "/api/v1/send/"),
        "send_bulk": bulk_sms.Route("POST", "/api/v1/bulk/"),
        "opt_outs": bulk_sms.Route("GET", "/api/v1/optouts/"),
        "opt_out_overwrite": bulk_sms.Route("PUT", "/api/v1/optouts/{id}/"),
    },
    {"Authorization": "Token s3cret"},
)


def test_individual_message_payload() -> None:
    request = bulk_sms.send_sms(API, "27815854565", "Hi Colony", campaign_pk=7)
    assert (request.method, request.url) == ("POST", "https://sms.example.com/api/v1/send/")
    assert request.json() == {"destination": "27815854565", "message": "Hi Colony",
                              "campaign_pk": 7}  # fmt: skip
    assert "s3cret" not in repr(request)
    assert "s3cret" not in repr(API)


def test_bulk_payload_is_the_seed_example() -> None:
    request = bulk_sms.send_bulk(API, [("27815854565", "Hi Colony"),
                                      ("27815854565", "Morning Colony"),
                                      ("27815854565", "Afternoon Colony")])  # fmt: skip
    assert request.json() == [
        {"destination": "27815854565", "message": "Hi Colony"},
        {"destination": "27815854565", "message": "Morning Colony"},
        {"destination": "27815854565", "message": "Afternoon Colony"},
    ]


def test_problems_and_unconfigured_routes() -> None:
    with pytest.raises(ValidationError) as error:
        bulk_sms.send_bulk(API, [("0815854565", ""), ("27815854565", "ok")])
    assert [p.field for p in error.value.problems] == ["[0].destination", "[0].message"]
    with pytest.raises(ValidationError, match="no route"):
        bulk_sms.contact_lists(API)
    with pytest.raises(ValueError, match="unknown operations"):
        bulk_sms.BulkSmsApi("https://x.example", {"teleport": bulk_sms.Route("GET", "/t")})


def test_opt_outs() -> None:
    assert bulk_sms.opt_outs(API, originator="Colony").url.endswith("/optouts/?originator=Colony")
    overwrite = bulk_sms.overwrite_opt_out(API, 12, reason="resubscribed")
    assert overwrite.url.endswith("/api/v1/optouts/12/")
    assert overwrite.method == "PUT"


@pytest.mark.parametrize(("length", "credits"), [(1, 1), (160, 1), (161, 2), (320, 2), (321, 3)])
def test_credits_are_160_character_chunks(length: int, credits: int) -> None:
    assert bulk_sms.credits("a" * length) == credits
    assert bulk_sms.credits("é" * length) == credits  # characters, whatever the charset


# Printable Latin-1: no grapheme cluster spans two code points (those move a chunk's cut).
@given(st.text(st.characters(codec="latin-1", categories=["L", "N", "P", "S", "Zs"]),
               min_size=1, max_size=1000))  # fmt: skip
def test_credits_formula(message: str) -> None:
    assert bulk_sms.credits(message) == -(-len(message) // 160)


# -- the operations with caller-supplied routes, and their typed answers ----------------------

FULL = bulk_sms.BulkSmsApi(
    "https://sms.example.com",
    {
        "company": bulk_sms.Route("GET", "/api/v1/company/"),
        "company_update": bulk_sms.Route("PATCH", "/api/v1/company/"),
        "contact_lists": bulk_sms.Route("GET", "/api/v1/contactlists/"),
        "batch_contacts": bulk_sms.Route("GET", "/api/v1/contactlists/{list_id}/batch/"),
        "batch_contacts_create": bulk_sms.Route("POST", "/api/v1/contactlists/{list_id}/batch/"),
        "contact_lists_import": bulk_sms.Route("POST", "/api/v1/contactlists/import/"),
        "deployments_import": bulk_sms.Route("POST", "/api/v1/deployments/import/"),
        "contact_lists_refresh": bulk_sms.Route("POST", "/api/v1/contactlists/{list_id}/refresh/"),
        "contact_list_delete": bulk_sms.Route("DELETE", "/api/v1/contactlists/{list_id}/"),
        "contact_list_save_contacts": bulk_sms.Route("POST", "/api/v1/contactlists/{id}/save/"),
        "contact": bulk_sms.Route("GET", "/api/v1/contactlists/{list_id}/contacts/{contact_id}/"),
        "contact_update": bulk_sms.Route(
            "PUT", "/api/v1/contactlists/{list_id}/contacts/{contact_id}/"
        ),
        "contact_delete": bulk_sms.Route(
            "DELETE", "/api/v1/contactlists/{list_id}/contacts/{contact_id}/"
        ),
        "deployments": bulk_sms.Route("GET", "/api/v1/deployments/"),
        "deployment_report": bulk_sms.Route("POST", "/api/v1/deployments/{deployment_id}/report/"),
        "stats_hourly": bulk_sms.Route("GET", "/api/v1/deployments/{deployment_id}/stats/hourly/"),
        "stats_daily": bulk_sms.Route("GET", "/api/v1/stats/daily/"),
        "stats_monthly": bulk_sms.Route("GET", "/api/v1/stats/monthly/"),
        "stats_yearly": bulk_sms.Route("GET", "/api/v1/stats/yearly/"),
        "opt_outs": bulk_sms.Route("GET", "/api/v1/optouts/"),
    },
    {"Authorization": "Token s3cret"},
)


@pytest.mark.parametrize(
    ("build", "method", "path", "expects"),
    [
        (lambda: bulk_sms.company(FULL), "GET", "/api/v1/company/", "record"),
        (lambda: bulk_sms.update_company(FULL, {"title": "Colony"}), "PATCH", "/api/v1/company/",
         "record"),
        (lambda: bulk_sms.batch_contacts(FULL, 7), "GET", "/api/v1/contactlists/7/batch/",
         "record"),
        (lambda: bulk_sms.create_batch_contacts(FULL, 7, [{"msisdn": "27815854565"}]), "POST",
         "/api/v1/contactlists/7/batch/", "record"),
        (lambda: bulk_sms.refresh_contact_lists(FULL, 7), "POST",
         "/api/v1/contactlists/7/refresh/", "record"),
        (lambda: bulk_sms.delete_contact_list(FULL, 7), "DELETE", "/api/v1/contactlists/7/",
         "record"),
        (lambda: bulk_sms.save_contacts(FULL, 7), "POST", "/api/v1/contactlists/7/save/",
         "record"),
        (lambda: bulk_sms.contact(FULL, 7, 9), "GET", "/api/v1/contactlists/7/contacts/9/",
         "record"),
        (lambda: bulk_sms.update_contact(FULL, 7, 9, {"first_name": "Ana"}), "PUT",
         "/api/v1/contactlists/7/contacts/9/", "record"),
        (lambda: bulk_sms.delete_contact(FULL, 7, 9), "DELETE",
         "/api/v1/contactlists/7/contacts/9/", "record"),
        (lambda: bulk_sms.deployment_report(FULL, 3), "POST", "/api/v1/deployments/3/report/",
         "record"),
        (lambda: bulk_sms.deployment_stats(FULL, "hour", deployment_id=3), "GET",
         "/api/v1/deployments/3/stats/hourly/", "stats"),
        (lambda: bulk_sms.deployment_stats(FULL, "day"), "GET", "/api/v1/stats/daily/", "stats"),
        (lambda: bulk_sms.deployment_stats(FULL, "month"), "GET", "/api/v1/stats/monthly/",
         "stats"),
        (lambda: bulk_sms.deployment_stats(FULL, "year"), "GET", "/api/v1/stats/yearly/", "stats"),
        (lambda: bulk_sms.contact_lists(FULL), "GET", "/api/v1/contactlists/", "contact_list"),
        (lambda: bulk_sms.deployments(FULL), "GET", "/api/v1/deployments/", "deployment"),
    ],
)  # fmt: skip
def test_each_documented_operation_builds_on_the_callers_route(build, method, path, expects):
    request = build()
    assert (request.method, request.url) == (method, "https://sms.example.com" + path)
    assert request.expects == expects
    assert request.header("authorization") == "Token s3cret"


def test_csv_imports_upload_the_file_parameter_as_multipart() -> None:
    csv = b"msisdn,first_name\r\n27815854565,Ana\r\n"
    request = bulk_sms.import_contact_lists(FULL, csv, filename="list.csv")
    content_type = request.header("content-type") or ""
    assert content_type.startswith("multipart/form-data; boundary=")
    # Read back with the standard library's MIME parser, as a server would.
    from email.parser import BytesParser
    from email.policy import HTTP

    message = BytesParser(policy=HTTP).parsebytes(
        b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + request.body
    )
    (part,) = list(message.iter_parts())
    assert part.get_param("name", header="content-disposition") == "file"
    assert part.get_filename() == "list.csv"
    assert part.get_payload(decode=True) == csv
    deployments = bulk_sms.import_deployments(FULL, csv)
    assert (deployments.url.endswith("/deployments/import/"), deployments.expects) == (
        True, "deployment")  # fmt: skip
    assert bulk_sms.import_deployments(FULL, csv).body == deployments.body  # deterministic


def test_bad_identifiers_routes_and_files_are_reported() -> None:
    with pytest.raises(ValidationError) as error:
        bulk_sms.contact(FULL, 0, "9")  # type: ignore[arg-type]
    assert [p.field for p in error.value.problems] == ["list_id", "contact_id"]
    with pytest.raises(ValidationError, match="deployment_id"):
        bulk_sms.deployment_stats(FULL, "day", deployment_id=3)  # the route has no place for it
    with pytest.raises(ValidationError, match="deployment_id"):
        bulk_sms.deployment_stats(FULL, "hour")  # the route needs it
    with pytest.raises(ValidationError):
        bulk_sms.import_contact_lists(FULL, b"")
    with pytest.raises(ValidationError):
        bulk_sms.update_company(FULL, {})
    from nrscompose._base.errors import ArgumentError

    with pytest.raises(ArgumentError):
        bulk_sms.deployment_stats(FULL, "week")  # type: ignore[arg-type]
    with pytest.raises(ArgumentError):
        bulk_sms.import_deployments(FULL, b"a", filename='x"\r\n.csv')


STATS = {"email_sent_count": 0, "deployment": 3, "sms_optout_count": 1,
         "email_unsent_count": 0, "email_optout_count": 0, "period_type": 1,
         "period_end": "2024-01-01T11:00:00Z", "period_start": "2024-01-01T10:00:00Z",
         "total": 120, "id": 55, "sms_sent_count": 118, "sms_unsent_count": 1}  # fmt: skip
DEPLOYMENT = {"status": 2, "updated_by": 4, "title": "Spring", "date_updated": None,
              "marketing": True, "company": 1, "optout": True, "dispatch": 0,
              "total_credits": 240, "total_contacts": 120, "send_date": "2024-01-01T10:00:00Z",
              "created_by": 4, "error": "", "date_created": "2023-12-31T09:00:00+02:00",
              "linked_campaign": None, "id": 3, "approved_by": None}  # fmt: skip


def _answer(request, status: int, body: object):  # type: ignore[no-untyped-def]
    from nrscompose._base.http import HttpResponse

    return bulk_sms.read(request, HttpResponse(status, {}, json.dumps(body).encode()))


def test_answers_are_typed_records_of_the_reference_schemas() -> None:
    from datetime import UTC, datetime, timedelta, timezone

    stats = _answer(bulk_sms.deployment_stats(FULL, "day"), 200, [STATS])
    assert isinstance(stats, bulk_sms.Listing)
    (period,) = stats.items
    assert isinstance(period, bulk_sms.DeploymentStats)
    assert (period.total, period.sms_sent_count) == (120, 118)
    assert period.period_start == datetime(2024, 1, 1, 10, tzinfo=UTC)
    page = _answer(bulk_sms.deployments(FULL), 200,
                   {"count": 31, "next": "https://sms.example.com/api/v1/deployments/?page=2",
                    "previous": None, "results": [DEPLOYMENT]})  # fmt: skip
    assert (page.count, page.next, page.previous) == (
        31, "https://sms.example.com/api/v1/deployments/?page=2", None)  # fmt: skip
    deployment = page.items[0]
    assert isinstance(deployment, bulk_sms.Deployment)
    assert deployment.marketing is True
    assert deployment.linked_campaign is None
    assert deployment.date_created == datetime(2023, 12, 31, 9, tzinfo=timezone(timedelta(hours=2)))
    imported = _answer(bulk_sms.import_deployments(FULL, b"x"), 201, DEPLOYMENT)
    assert isinstance(imported, bulk_sms.Deployment)
    day = "2024-01-01T00:00:00Z"
    vip = {"saved_query": None, "title": "VIP", "date_updated": day, "date_created": day,
           "company": 1, "id": 7, "colour": "red"}  # fmt: skip
    lists = _answer(bulk_sms.contact_lists(FULL), 200, [vip])
    assert lists.items[0] == bulk_sms.ContactList(
        7, "VIP", 1, None, datetime(2024, 1, 1, tzinfo=UTC), datetime(2024, 1, 1, tzinfo=UTC),
        {"colour": "red"})  # fmt: skip
    optouts = _answer(bulk_sms.opt_outs(FULL, originator="Colony"), 200, [
        {"originator": "Colony", "date_opted_out": "2024-01-01T00:00:00Z", "reason": "STOP",
         "date_overwritten": None, "overwritten_by": None, "company": 1, "id": 2}])  # fmt: skip
    assert isinstance(optouts.items[0], bulk_sms.OptOut)
    assert optouts.items[0].reason == "STOP"
    report = _answer(bulk_sms.deployment_report(FULL, 3), 202, {"task": "queued"})
    assert report == bulk_sms.Record({"task": "queued"})
    from nrscompose._base.http import HttpResponse

    deleted = bulk_sms.read(bulk_sms.delete_contact_list(FULL, 7), HttpResponse(204, {}, b""))
    assert deleted == bulk_sms.Empty(204)


@pytest.mark.parametrize(
    "body",
    [{**STATS, "total": "120"}, {**STATS, "period_end": "yesterday"}, {**STATS, "id": None},
     [1], "x"],
)  # fmt: skip
def test_a_value_of_another_type_than_the_schema_is_malformed(body) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(bulk_sms.MalformedResponseError):
        _answer(bulk_sms.deployment_stats(FULL, "day"), 200, body)


def test_error_answers() -> None:
    with pytest.raises(bulk_sms.BulkSmsApiError) as error:
        _answer(bulk_sms.company(FULL), 401, {"detail": "Invalid token."})
    assert (error.value.status, error.value.description) == (401, "Invalid token.")
    with pytest.raises(bulk_sms.BulkSmsApiError) as error:
        _answer(bulk_sms.update_company(FULL, {"title": ""}), 400,
                {"title": ["This field may not be blank."]})  # fmt: skip
    assert error.value.fields == {"title": ["This field may not be blank."]}


@pytest.mark.parametrize("status", [200, 400])
def test_deeply_nested_json_is_a_malformed_answer_not_a_recursion_error(status):
    deep = "[" * 100_000 + "]" * 100_000
    if status == 200:
        with pytest.raises(bulk_sms.MalformedResponseError, match="not JSON"):
            bulk_sms.parse_response(200, deep, "record")
    else:
        with pytest.raises(bulk_sms.BulkSmsApiError):
            bulk_sms.parse_response(400, deep, "record")
