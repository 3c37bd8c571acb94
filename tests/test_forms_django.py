"""``nrscompose.forms.django`` through Django's real test client: a form posted to a view."""

from __future__ import annotations

import json
import sys
from typing import Any

import pytest

django = pytest.importorskip("django")

from django.conf import settings  # noqa: E402

if not settings.configured:
    settings.configure(
        DEBUG=True,
        SECRET_KEY="nrscompose-tests",
        ROOT_URLCONF=__name__,
        ALLOWED_HOSTS=["testserver"],
        INSTALLED_APPS=[
            "django.contrib.staticfiles",
            "nrscompose.forms.django.NrsComposeConfig",
        ],
        MIDDLEWARE=["django.middleware.locale.LocaleMiddleware"],
        STATIC_URL="/static/",
        USE_I18N=True,
        LANGUAGE_CODE="en",
    )
    django.setup()

from django import forms  # noqa: E402
from django.http import HttpRequest, HttpResponse, JsonResponse  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import path  # noqa: E402

from nrscompose.forms.django import (  # noqa: E402
    MessageTextField,
    MessageTextValidator,
    SenderField,
)


class CampaignForm(forms.Form):  # type: ignore[misc]
    sender = SenderField()
    message = MessageTextField(max_parts=2)


def campaign(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return HttpResponse(str(CampaignForm()))
    form = CampaignForm(request.POST)
    if form.is_valid():
        return JsonResponse({"ok": True, "message": form.cleaned_data["message"]})
    errors = {
        name: [
            {"code": error.code, "message": error.messages[0], **(error.params or {})}
            for error in error_list
        ]
        for name, error_list in form.errors.as_data().items()
    }
    return JsonResponse({"ok": False, "errors": errors}, status=400)


urlpatterns = [path("campaign", campaign)]


def post(data: dict[str, str], **headers: Any) -> tuple[int, dict[str, Any]]:
    response = Client().post("/campaign", data, **headers)
    return response.status_code, json.loads(response.content)


def test_get_renders_the_textarea_with_the_counter_script_and_options() -> None:
    html = Client().get("/campaign").content.decode()
    assert "<textarea" in html
    assert 'data-nrs-counter=""' in html
    assert 'data-nrs-max-parts="2"' in html
    assert 'data-nrs-channel="sms"' in html
    assert 'data-nrs-newlines="crlf"' in html
    assert '<script type="module" src="/static/nrscompose-counter.js"></script>' in html
    assert '<output class="nrs-counter" data-nrs-counter-for="id_' in html


def test_counter_script_is_found_by_staticfiles(tmp_path) -> None:
    """Installed from a wheel, the package's copy; in a source checkout, the copy that
    ``python -m nrscompose.forms.counter_script DIR`` writes into a ``STATICFILES_DIRS`` folder."""
    from pathlib import Path

    from django.contrib.staticfiles import finders
    from django.test import override_settings

    from nrscompose.forms import counter_script

    package_copy = sys.modules["nrscompose.forms"].__file__
    assert package_copy is not None
    shipped = Path(package_copy).parent / "static" / counter_script.SCRIPT_NAME
    if shipped.exists():
        assert Path(str(finders.find(counter_script.SCRIPT_NAME))) == shipped
        return
    assert counter_script.main([str(tmp_path)]) == 0
    with override_settings(STATICFILES_DIRS=[str(tmp_path)]):
        found = finders.find(counter_script.SCRIPT_NAME)
    assert Path(str(found)) == tmp_path / counter_script.SCRIPT_NAME
    assert Path(str(found)).read_bytes() == counter_script.counter_script()


def test_valid_post_cleans_to_the_crlf_text_it_counted() -> None:
    status, body = post({"sender": "ACME", "message": "Hola\nmundo "})
    assert status == 200
    assert body == {"ok": True, "message": "Hola\r\nmundo "}  # not stripped: it is billed


def test_too_long_post_answers_105_with_its_span() -> None:
    status, body = post({"sender": "ACME", "message": "a" * 400})
    assert status == 400
    (error,) = body["errors"]["message"]
    assert error["code"] == "105"
    assert error["api_code"] == 105
    assert (error["start"], error["end"]) == (306, 400)
    assert error["message"] == "The message needs 3 parts but at most 2 parts are allowed."


def test_empty_fields_are_the_api_codes_not_djangos_required() -> None:
    status, body = post({"sender": "", "message": ""})
    assert status == 400
    assert [e["code"] for e in body["errors"]["sender"]] == ["106"]
    assert [e["code"] for e in body["errors"]["message"]] == ["104"]


def test_template_problems_have_kinds_as_codes_and_percent_survives() -> None:
    status, body = post({"sender": "ABCDEFGHIJKLMNOP", "message": "100 {name|upper%}"})
    assert status == 400
    assert body["errors"]["sender"][0]["code"] == "107"
    (error,) = body["errors"]["message"]
    assert error["code"] == "template.unexpected_character"
    assert error["start"] == 15
    assert error["message"].startswith('"%" (PERCENT SIGN) at 15 ')


def test_accept_language_translates_the_messages() -> None:
    _, body = post({"sender": "ACME", "message": "a" * 400}, HTTP_ACCEPT_LANGUAGE="es")
    assert body["errors"]["message"][0]["message"].startswith("El mensaje necesita 3 partes")
    _, body = post({"sender": "", "message": "x"}, HTTP_ACCEPT_LANGUAGE="pt-br")
    assert body["errors"]["sender"][0]["message"] == "O remetente é obrigatório."


def test_validator_is_deconstructible_for_model_fields() -> None:
    validator = MessageTextValidator(max_parts=3, channel="landing")
    path_, _args, kwargs = validator.deconstruct()
    assert path_ == "nrscompose.forms.django.MessageTextValidator"
    assert kwargs == {"max_parts": 3, "channel": "landing"}
    assert validator == MessageTextValidator(max_parts=3, channel="landing")
