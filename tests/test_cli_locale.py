"""``--locale es|pt``: the problems' sentences the command prints (the error line, the content
problems of ``analyze`` and ``render``) are in that language; the rest of the output, argparse's
own usage errors and the default (English) stay as they were."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from nrscompose.cli import build_parser
from test_cli_estimate import run, write  # the CLI in this process, files written as given

# 155 GSM characters: one part, two once the platform puts a sender's name before them (CO).
LONG = "a" * 155
REFUSED_SMS = ("request", "sms", "--message", "hi")  # no recipient, no sender


@pytest.mark.parametrize(
    ("locale", "sentence"),
    [
        ("es", "La plataforma 360nrs puede añadir el nombre del remitente al principio de los "
               "mensajes a CO: con él (13 unidades) el mensaje necesita 2 partes en lugar de 1."),
        ("pt", "A plataforma 360nrs pode adicionar o nome do remetente ao início das mensagens "
               "para CO: com ele (13 unidades) a mensagem precisa de 2 partes em vez de 1."),
    ],
)  # fmt: skip
def test_an_analyze_warning_is_in_the_locale(locale: str, sentence: str) -> None:
    status, out, _ = run("analyze", LONG, "--country", "CO", "--locale", locale)
    assert status == 0
    assert f"warning: content.sender_name_extra_part: {sentence}\n" in out
    assert out.startswith("gsm: 1 part, 155 septets")  # what is not a problem stays English


def test_a_render_notice_is_in_the_locale() -> None:
    status, out, _ = run("render", "Hola {name}", "--var", "name=Ana", "--country", "CO",
                         "--locale", "pt")  # fmt: skip
    assert status == 0
    assert "notice: content.prohibited_topics: As mensagens de marketing para CO não" in out


@pytest.mark.parametrize(
    ("locale", "line"),
    [
        ("es", "[102] to: Se necesita al menos un destinatario.; "
               "[106] from: El remitente es obligatorio."),
        ("pt", "[102] to: É necessário pelo menos um destinatário.; "
               "[106] from: O remetente é obrigatório."),
    ],
)  # fmt: skip
def test_a_request_refusal_is_in_the_locale(locale: str, line: str) -> None:
    status, out, err = run(*REFUSED_SMS, "--locale", locale)
    assert (status, out, err) == (2, "", f"nrscompose: error: {line}\n")


@pytest.mark.parametrize(
    ("locale", "sentence"),
    [("es", "'two' no es un número entero"), ("pt", "'two' não é um número inteiro")],
)
def test_a_refused_set_value_is_in_the_locale(locale: str, sentence: str) -> None:
    status, _, err = run("request", "sms", "--to", "34612345678", "--from", "Shop", "--message",
                         "hi", "--set", "parts=two", "--locale", locale)  # fmt: skip
    assert (status, err) == (2, f"nrscompose: error: set: parts: {sentence}\n")


@pytest.mark.parametrize(
    ("locale", "sentence"),
    [
        ("es", "missing.csv: no existe ese archivo de destinatarios."),
        ("pt", "missing.csv: esse ficheiro de destinatários não existe."),
    ],
)
def test_an_estimate_error_is_in_the_locale(locale: str, sentence: str, tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.csv")
    status, _, err = run("estimate", missing, "--template", "Hola", "--locale", locale)
    assert (status, err) == (2, f"nrscompose: error: file: {missing.removesuffix('missing.csv')}"
                                f"{sentence}\n")  # fmt: skip


def test_an_estimate_time_refused_is_in_the_locale(tmp_path: Path) -> None:
    people = write(tmp_path / "people.csv", "phone\n34612345678\n")
    status, _, err = run("estimate", people, "--template", "Hola", "--at", "tomorrow",
                         "--locale", "es")  # fmt: skip
    assert status == 2
    assert err == "nrscompose: error: at: 'tomorrow' no es una hora ISO 8601 como " \
                  "2026-11-29T14:00+01:00.\n"  # fmt: skip


def test_the_locale_may_come_before_or_after_the_command() -> None:
    after = run(*REFUSED_SMS, "--locale", "pt")
    before = run("--locale", "pt", *REFUSED_SMS)
    assert before == after
    assert run("--locale", "pt", *REFUSED_SMS, "--locale", "es") == run(*REFUSED_SMS, "--locale",
                                                                         "es")  # fmt: skip


def test_without_locale_or_with_en_the_sentences_are_english() -> None:
    english = (2, "", "nrscompose: error: [102] to: At least one recipient is required.; "
                      "[106] from: The sender is required.\n")  # fmt: skip
    assert run(*REFUSED_SMS) == english
    assert run(*REFUSED_SMS, "--locale", "en") == english
    assert run("--locale", "en", *REFUSED_SMS) == english


def test_argparse_usage_errors_stay_english() -> None:
    status, _, err = run("analyze", "--locale", "es")
    assert status == 2
    assert err.endswith("nrscompose analyze: error: the following arguments are required: text\n")
    status, _, err = run("analyze", "hi", "--locale", "fr")
    assert status == 2
    assert "invalid choice: 'fr' (choose from 'en', 'es', 'pt')" in err


@pytest.mark.parametrize(
    "command",
    [["analyze", "x"], ["split", "x"], ["render", "x"], ["estimate", "f.csv", "--template", "x"],
     ["window", "34612345678"], ["request", "sms"], ["demo"]],
)  # fmt: skip
def test_every_command_takes_the_locale_listed_once_in_the_main_help(command: list[str]) -> None:
    parser = build_parser()
    assert parser.parse_args([*command, "--locale", "pt"]).locale == "pt"
    assert parser.parse_args(["--locale", "es", *command]).locale == "es"
    assert parser.parse_args(command).locale == "en"
    assert "[--locale {en,es,pt}]" in parser.format_usage()
    subcommands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert "--locale" not in subcommands.choices[command[0]].format_help()


def test_the_estimate_report_and_an_analysis_note_are_in_the_locale(tmp_path: Path) -> None:
    recipients = write(tmp_path / "r.csv", "phone,name\n12,Ana\n+34612345678,Luis\n")
    status, out, _ = run("estimate", recipients, "--template", "Hola {name}", "--locale", "es")
    assert status == 0
    assert "       1 demasiado corto para un número internacional\n" in out
    status, out, _ = run("estimate", recipients, "--template", "Hola {name}", "--json",
                         "--locale", "pt")  # fmt: skip
    shown = json.loads(out)["invalid_reasons"]
    assert shown == {"recipient.too_short": {
        "rows": 1, "message": "demasiado curto para um número internacional"}}  # fmt: skip
    status, out, _ = run("analyze", "a\r\nb", "--locale", "es")
    assert "note: 1 salto de línea CRLF: cuenta como 2 unidades" in out
