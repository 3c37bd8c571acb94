"""Path parameters stay in their endpoint: each takes its type's values, percent-encoded, never
a dot segment; a next link stays below the API (issue: "Paths that leave their endpoint").

Before the fix, 28 of the 32 endpoints with path parameters could be sent elsewhere by a value
(``{"id": ".."}`` in ``/groups/{id}`` is ``DELETE /api/rest``), as could ``sms_info([".."])``
and ``BulkSmsApi.request(ident="..")``; ``test_no_endpoint_can_be_left_through_its_path``
counts them (0 now).
"""

from __future__ import annotations

import pytest

import fuzz_targets
from nrscompose._base.errors import NrsComposeError, ValidationError
from nrscompose.providers import bulk_sms, nrs
from nrscompose.providers import email_contacts as contacts_api
from nrscompose.providers._paths import normalised_path

CREDS = nrs.Credentials("user", "password")
ESCAPES = ["..", ".", "../..", "../../admin", "%2e%2e", "%2E.", ".%2e", "\\..", "a/../.."]
WRONG_TYPE = ["", "1/2", "1?x=1", "1#x", " 1", "１", True, 1.5, b"12", None, ["1"], 10**5000,
              -(10**5000)]  # fmt: skip


def _escapes(value: object) -> int:
    """How many endpoints a ``value`` in one path parameter sends somewhere else."""
    escaped = 0
    for name in fuzz_targets.PATH_ENDPOINTS:
        row = nrs.ENDPOINTS[name]
        for target in row.path_params:
            path = {p: fuzz_targets.EXAMPLE_PATH.get(p, "1") for p in row.path_params}
            path[target] = value
            try:
                request = nrs.endpoint(name, CREDS, path=path, body=fuzz_targets.example_body(name))
            except NrsComposeError:
                continue
            try:
                fuzz_targets.assert_stays_in(request.url, "/api/rest" + row.path)
            except AssertionError:
                escaped += 1
                break
    return escaped


def test_there_are_32_endpoints_with_path_parameters() -> None:
    assert len(fuzz_targets.PATH_ENDPOINTS) == 32


@pytest.mark.parametrize("value", ESCAPES)
def test_no_endpoint_can_be_left_through_its_path(value: str) -> None:
    assert _escapes(value) == 0  # 28 with ".." before the fix


def _label(value: object) -> str:
    """A test id for a value (a huge integer has no ``repr``)."""
    if isinstance(value, int) and value.bit_length() > 64:
        return f"int{value.bit_length()}bits"
    return repr(value)


@pytest.mark.parametrize("value", ESCAPES + WRONG_TYPE, ids=_label)
@pytest.mark.parametrize("name", fuzz_targets.PATH_ENDPOINTS)
def test_a_path_value_of_another_type_is_a_problem_of_its_own(name: str, value: object) -> None:
    row = nrs.ENDPOINTS[name]
    target = row.path_params[-1]
    path = {p: fuzz_targets.EXAMPLE_PATH.get(p, "1") for p in row.path_params}
    path[target] = value
    with pytest.raises(ValidationError) as error:
        nrs.endpoint(name, CREDS, path=path, body=fuzz_targets.example_body(name))
    problems = [p for p in error.value.problems if p.field == target]
    assert problems, error.value
    assert problems[0].kind.startswith("path.") or problems[0].kind == "value.choice"
    assert problems[0].code == 422


def test_the_issues_examples_are_refused() -> None:
    # groups.delete with ".." went out as DELETE /api/rest; templates.preview as GET /preview
    for name in ("groups.delete", "templates.preview"):
        with pytest.raises(ValidationError) as error:
            nrs.endpoint(name, CREDS, path={"id": ".."})
        assert error.value.kinds == ("path.not_id",)
    for id_ in ("0", "-1", 0, 10**20):
        with pytest.raises(ValidationError):
            nrs.endpoint("groups.delete", CREDS, path={"id": id_})
    with pytest.raises(ValidationError) as error:
        nrs.sms_info([".."], CREDS)
    assert error.value.kinds == ("path.not_message_id",)
    api = bulk_sms.BulkSmsApi(
        "https://api.example.com", {"opt_out_overwrite": bulk_sms.Route("POST", "/optouts/{id}/")}
    )
    with pytest.raises(ValidationError) as error:
        api.request("opt_out_overwrite", ident="..")
    assert error.value.kinds == ("path.not_id",)


def test_values_of_the_right_type_are_encoded_and_kept() -> None:
    assert nrs.endpoint("groups.show", CREDS, path={"id": 7}).url.endswith("/api/rest/groups/7")
    conversation = nrs.endpoint(
        "whatsapp.conversation", CREDS, path={"from": "+34 666 777 555", "to": "0034666555444"}
    )
    assert conversation.url.endswith("/conversations/34666777555/34666555444")
    assert nrs.sms_info(["AAA", "B-1_c"], CREDS).url.endswith("/api/rest/sms/AAA,B-1_c")
    certificate = nrs.endpoint("certificates.sms", CREDS, path={"id": "XXXXXXXXXXXXX"})
    assert certificate.url.endswith("/sms/certificates/XXXXXXXXXXXXX")
    with pytest.raises(ValidationError) as error:
        nrs.sms_info(["A,B"], CREDS)  # a comma would make two ids of one
    assert error.value.kinds == ("path.not_message_id",)


def test_a_missing_or_unknown_path_parameter_is_named() -> None:
    with pytest.raises(ValidationError) as error:
        nrs.endpoint("groups.show", CREDS)
    assert [(p.kind, p.field) for p in error.value.problems] == [("path.required", "id")]
    with pytest.raises(ValidationError) as error:
        nrs.endpoint("groups.show", CREDS, path={"id": 1, "ids": ".."})
    assert [(p.kind, p.field) for p in error.value.problems] == [("value.unknown_field", "ids")]


def test_email_contacts_and_bulk_sms_fill_paths_the_same_way() -> None:
    key = contacts_api.ApiKey("k", "https://api.example.com")
    for call in (lambda v: contacts_api.list_info(key, v),
                 lambda v: contacts_api.folder_lists(key, v),
                 lambda v: contacts_api.list_contacts(key, v)):  # fmt: skip
        assert "/16" in call(16).url
        for value in ("..", "16/..", 0, True):
            with pytest.raises(ValidationError) as error:
                call(value)
            assert error.value.kinds == ("path.not_id",)
    route = bulk_sms.Route("GET", "/lists/{list_id}/contacts/")
    api = bulk_sms.BulkSmsApi("https://api.example.com", {"batch_contacts": route})
    request = api.request("batch_contacts", path_params={"list_id": 3})
    assert request.url.endswith("/lists/3/contacts/")
    with pytest.raises(ValidationError) as error:
        api.request("batch_contacts", path_params={"list_id": 3, "other": 4})
    assert error.value.kinds == ("route.missing_placeholder",)


@pytest.mark.parametrize(
    "next_url",
    [
        "https://dashboard.360nrs.com/api/rest/../../admin",
        "https://dashboard.360nrs.com/api/rest/%2e%2e/%2E%2E/admin",
        "https://dashboard.360nrs.com/api/rest/..",
        "https://dashboard.360nrs.com/api/rest/groups/../../x?page=2",
        "https://dashboard.360nrs.com/api/rest/..\\admin",
        "https://dashboard.360nrs.com/api/rest/..%2F..%2fadmin",
        "https://dashboard.360nrs.com/api/rest/x%5C..%5C..%5C..",
        "https://dashboard.360nrs.com/api/restless",
        "https://dashboard.360nrs.com/admin",
        "https://dashboard.360nrs.com/x/../api/rest/groups",
    ],
)
def test_follow_refuses_a_path_that_normalises_outside_the_api(next_url: str) -> None:
    with pytest.raises(ValidationError) as error:
        nrs.follow(next_url, CREDS)
    assert error.value.kinds == ("next.outside_api",)
    assert error.value.codes == (422,)


def test_follow_sends_a_path_that_stays_in_the_api_as_it_came() -> None:
    request = nrs.follow("https://dashboard.360nrs.com/api/rest/x/../groups?page=2", CREDS)
    assert request.url == "https://dashboard.360nrs.com/api/rest/x/../groups?page=2"
    with pytest.raises(ValidationError) as error:
        nrs.follow("https://evil.example/api/rest/groups?page=2", CREDS)
    assert error.value.kinds == ("next.other_host",)


def test_follow_keeps_a_base_url_with_a_path() -> None:
    creds = nrs.Credentials("user", "password", "https://white.example/panel")
    request = nrs.follow("https://white.example/panel/api/rest/groups?page=2", creds)
    assert request.url == "https://white.example/panel/api/rest/groups?page=2"
    with pytest.raises(ValidationError):
        nrs.follow("https://white.example/panel/api/rest/../../admin", creds)


@pytest.mark.parametrize(
    ("path", "normal"),
    [("/a/b/..", "/a/"), ("/a/./b", "/a/b"), ("/..", "/"), ("/a/%2E%2e/b", "/b"),
     ("/a/b", "/a/b"), ("/a\\..\\b", "/b"), ("/a/..%2Fb", "/b"), ("/a%5c..", "/")],
)  # fmt: skip
def test_paths_normalise_as_rfc_3986_removes_dot_segments(path: str, normal: str) -> None:
    assert normalised_path(path) == normal
