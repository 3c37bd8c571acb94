"""The command line as a person uses it: output, exit status, and one-line errors."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from nrscompose.cli import main

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "message.txt"


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(list(argv), out=out)
    return status, out.getvalue()


def test_analyze_prints_encoding_parts_and_offending_characters():
    status, output = run("analyze", "Olá – João")
    assert status == 0
    assert output.startswith("utf-16: 1 part, 10 units, 60 left")
    assert '"–" (EN DASH) at 4' in output
    assert "^" in output  # the offending characters are marked under the text


def test_analyze_json_is_machine_readable_with_suggestion():
    status, output = run("analyze", "--json", f"@{EXAMPLE}")
    data = json.loads(output)
    assert status == 0
    assert (data["encoding"], data["parts"]) == ("utf-16", 3)
    assert data["suggestion"]["replacements"][0]["char"] == "—"
    assert data["suggestion"]["encoding"] == "gsm-pt"


def test_analyze_reads_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("hello"))
    assert run("analyze", "-")[1].startswith("gsm: 1 part, 5 septets")


def test_trans_option_counts_as_the_server_does():
    assert run("analyze", "--trans", "Ação")[1].startswith("gsm: 1 part")


def test_split_numbers_the_parts_with_their_sizes():
    status, output = run("split", "]" * 153)
    assert status == 0
    assert output.splitlines()[0].startswith("[1/3] (152 units)")
    assert output.splitlines()[2].startswith("[3/3] (2 units)")


def test_user_mistake_is_one_line_with_the_api_code_and_status_2(capsys):
    status, _ = run("analyze", "--encoding", "gsm", "😀")
    assert status == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert "cannot be sent as gsm" in error


def test_missing_file_is_a_clear_error(capsys):
    assert run("analyze", "@/nonexistent/message.txt")[0] == 2
    assert "no such file (given with @FILE)" in capsys.readouterr().err


@pytest.mark.slow
def test_console_script_runs_the_example():
    result = subprocess.run(
        [sys.executable, "-m", "nrscompose.cli", "analyze", f"@{EXAMPLE}"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert "suggestion:" in result.stdout


def test_request_prints_the_api_request_with_the_secret_masked(monkeypatch):
    monkeypatch.setenv("NRS_USERNAME", "shop")
    monkeypatch.setenv("NRS_API_PASSWORD", "s3cret")
    status, output = run(
        "request", "sms", "--to", "34666555444", "--from", "SHOP", "--message", "Olá João"
    )
    data = json.loads(output)
    assert status == 0
    assert data["headers"]["Authorization"] == "Basic ***"
    assert (data["body"]["encoding"], data["body"]["parts"]) == ("gsm-pt", 1)
    assert "s3cret" not in output


def test_request_curl_shows_the_secret_only_when_asked(monkeypatch):
    import base64

    monkeypatch.setenv("NRS_USERNAME", "shop")
    monkeypatch.setenv("NRS_API_PASSWORD", "s3cret")
    secret = base64.b64encode(b"shop:s3cret").decode()
    masked = run(
        "request", "sms", "--to", "34666555444", "--from", "S", "--message", "x", "--curl"
    )[1]
    shown = run(
        "request",
        "sms",
        "--to",
        "34666555444",
        "--from",
        "S",
        "--message",
        "x",
        "--curl",
        "--show-secret",
    )[1]
    assert masked.startswith("curl -X POST")
    assert secret not in masked
    assert secret in shown


def test_request_problems_are_one_line_with_every_api_code(capsys):
    status, _ = run("request", "sms", "--to", "123", "--from", "ABCDEFGHIJKLMNOP", "--message", "")
    error = capsys.readouterr().err
    assert status == 2
    assert error.count("\n") == 1
    assert all(code in error for code in ("[102]", "[107]", "[104]"))


def test_window_tells_when_a_held_message_may_go():
    status, output = run("window", "33612345678", "--at", "2026-03-01T14:00+01:00")
    assert status == 0
    assert "marketing SMS not allowed at 2026-03-01T14:00+01:00\n" in output  # not "now"
    assert "next allowed: Monday 2026-03-02 08:00 CET (2026-03-02 07:00 UTC)" in output


def test_window_refuses_a_time_without_offset(capsys):
    assert run("window", "33612345678", "--at", "2026-03-01T14:00")[0] == 2
    assert "no UTC offset" in capsys.readouterr().err


def test_render_fills_values_and_counts():
    status, output = run("render", "Hola {name|capitalizeAll}", "--var", "name=josé luis")
    assert status == 0
    assert output.splitlines()[0] == "Hola José Luis"
    assert output.splitlines()[1].startswith("gsm: 1 part, ")


def test_render_range_gives_best_and_worst_case():
    output = run("render", "Hola {name}", "--range", "--max-length", "name=200")[1]
    assert "best case:  gsm, 1 part\n" in output
    assert "worst case: utf-16" in output


def test_render_unknown_filter_is_a_positioned_error(capsys):
    assert run("render", "Hola {name|shout}")[0] == 2
    assert "shout" in capsys.readouterr().err
