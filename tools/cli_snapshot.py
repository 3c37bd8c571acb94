"""Record what the CLI prints for a fixed set of commands, and compare two records.

A restructuring must not change what users see. Run it before and after::

    python tools/cli_snapshot.py record before.json
    python tools/cli_snapshot.py record after.json
    python tools/cli_snapshot.py compare before.json after.json

Each command runs in a fresh process (as a user runs it), from a scratch folder holding the
bundled examples and a few files users really export; the folder's path is masked in the output.
"""

from __future__ import annotations

import difflib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
AT = "2026-11-29T14:00+01:00"

TEXTS = [
    "hi",
    "Olá, a sua encomenda está a caminho",
    "Precio: 10€ [oferta] {hoy}",
    "Pizza 🍕 tonight",
    "a" * 161,
    "ç" * 71,
    "line one\r\nline two",
    "zero\u200bwidth and\u00a0nbsp",
    "",
    "Soldes -50% ce week-end sur https://bit.ly/soldes",
    "@message.txt",
    "@missing.txt",
]
COUNT_OPTIONS = [
    [],
    ["--json"],
    ["--encoding", "gsm"],
    ["--encoding", "cheapest"],
    ["--encoding", "utf-16"],
    ["--trans"],
    ["--profile", "3gpp"],
    ["--channel", "landing"],
]
ANALYZE_ONLY = [
    ["--country", "FR", "--category", "marketing"],
    ["--country", "US", "--category", "marketing", "--json"],
    ["--country", "XX"],
    ["--encoding", "bogus"],
]
TEMPLATES = [
    [
        "Hola {name}, tu pedido de {amount|money} llega a {city}",
        "--var",
        "name=Ana",
        "--var",
        "amount=12.5",
        "--var",
        "city=Sevilla",
    ],
    ["Hola {name}", "--range", "--max-length", "name=20"],
    ["Hola {name}", "--range", "--default-max-length", "30"],
    ["Hola {name|upper}", "--values", "values.json"],
    ["Hola {name}"],
    ["Hola {name}", "--lenient"],
    ["Hola {name|uper}", "--var", "name=Ana"],
    ["Hola {name", "--var", "name=Ana"],
    ["@templates/order_es.txt", "--values", "values.json"],
    ["@templates/landing_pt.txt", "--channel", "landing", "--values", "values.json"],
    ["Hola {name}", "--var", "name"],
    ["Hola {name}", "--values", "missing.json"],
    ["Hola {name}", "--values", "notjson.json"],
    ["STOP {name}", "--var", "name=Ana", "--country", "FR", "--category", "marketing"],
]
ESTIMATE = [
    [],
    ["--json"],
    ["--dedupe"],
    ["--max-parts", "1"],
    ["--max-invalid", "0"],
    ["--max-invalid", "50%"],
    ["--category", "transactional"],
    ["--trans"],
    ["--profile", "3gpp"],
    ["--phone-field", "nope"],
    ["--phone-field", "name"],
    ["--max-parts", "x"],
    ["--csv", "out.csv"],
]
ESTIMATE_FILES = [
    (["national.csv", "--default-country", "ES"], []),
    (["national.csv"], []),
    (["national.csv", "--default-country", "ZZ"], []),
    (["excel_cp1252.csv"], []),
    (["excel_cp1252.csv", "--encoding", "cp1252"], []),
    (["excel_cp1252.csv", "--encoding", "cp1252", "--json"], []),
    (["mac.csv", "--encoding", "mac_roman"], []),
    (["no_phone.csv"], []),
    (["empty.csv"], []),
    (["duplicates.csv"], []),
    (["duplicates.csv", "--dedupe", "--json"], []),
    (["missing.csv"], []),
    (["campaign.csv", "national.csv"], []),
    (["countries.csv", "--country-field", "country"], []),
    (["countries.csv", "--country-field", "nope"], []),
    (["campaign.csv", "--delimiter", "semicolon"], []),
    (["semicolons.csv"], []),
    (["semicolons.csv", "--delimiter", ";"], []),
]
WINDOW = [
    [number, *extra]
    for number in [
        "+34612345678",
        "+33612345678",
        "+12015555056",
        "+5511987654321",
        "12",
        "abc",
        "+447700900123",
    ]
    for extra in (
        ["--at", AT],
        ["--at", AT, "--json"],
        ["--at", "2026-11-29T23:30+01:00"],
        ["--at", AT, "--category", "transactional"],
    )
] + [
    ["+34612345678", "--at", "yesterday"],
    ["+34612345678", "--at", AT, "--zone", "Mars/Base"],
    ["+12015555056", "--at", AT, "--zone", "America/New_York"],
]
# an SMS the API would take, then one field set at a time (typed from the field table)
SMS_HI = ["sms", "--to", "34612345678", "--from", "Shop", "--message", "hi"]
SET_VALUES = [
    "campaignName=Spring", "parts=2", "parts=two", "encoding=utf-16", "encoding=klingon",
    "scheduleDate=20261201120000", "scheduleDate=tomorrow", "nosuchfield=1", "certified=true",
    "certified=maybe", "noequals",
]  # fmt: skip
REQUEST = [
    SMS_HI,
    ["sms", "--to", "34612345678", "--to", "+34 612 345 678", "--message", "hi"],
    ["sms", "--to", "34612345678", "--from", "Shop", "--message", "a" * 161],
    [*SMS_HI, "--curl"],
    [*SMS_HI, "--curl", "--show-secret"],
    *([*SMS_HI, "--set", value] for value in SET_VALUES),
    [*SMS_HI, "--trans"],
    ["sms", "--message", "hi"],
    ["sms", "--to", "34612345678"],
    ["sms", "--to", "abc", "--message", "hi"],
    [
        "landing",
        "--to",
        "34612345678",
        "--from",
        "Shop",
        "--message",
        "Mira {LAND_URL}",
        "--set",
        "templateId=1",
    ],
    ["landing", "--to", "34612345678", "--message", "no link"],
    [
        "mail",
        "--to",
        "ana@example.com",
        "--from",
        "shop@example.com",
        "--message",
        "<p>hi</p>",
        "--set",
        "subject=Hello",
        "--set",
        "replyTo=help@example.com",
    ],
    [
        "voice",
        "--to",
        "34612345678",
        "--message",
        "Hola",
        "--set",
        "language=es",
        "--set",
        "gender=F",
    ],
    ["whatsapp", "--to", "34612345678", "--from", "34600000000", "--set", "templateId=7"],
    ["mail", "--to", "not-an-address", "--message", "<p>hi</p>"],
    ["voice", "--to", "34612345678", "--message", "Hola"],
    ["whatsapp", "--to", "34612345678", "--from", "34600000000", "--message", "hi"],
    ["fax", "--to", "34612345678"],
]
LOCALIZED = [
    ["analyze", "line one\r\nline two", "--locale", "es"],
    ["analyze", "Soldes sur https://bit.ly/x", "--country", "FR", "--locale", "pt"],
    ["--locale", "pt", "request", "sms", "--message", "hi"],
    ["estimate", "national.csv", "--template", "Hola {name}", "--locale", "es"],
    ["estimate", "national.csv", "--template", "Hola {name}", "--json", "--locale", "pt"],
    ["window", "12", "--locale", "es"],
]
MISC = [["--version"], ["--help"], [], ["nosuchcommand"], ["analyze"], ["estimate", "campaign.csv"]]


def commands() -> list[list[str]]:
    found: list[list[str]] = []
    found += [["analyze", text, *options] for text in TEXTS for options in COUNT_OPTIONS[:4]]
    found += [["analyze", "Olá €uro 😀", *options] for options in COUNT_OPTIONS[4:]]
    found += [["analyze", TEXTS[9], *options] for options in ANALYZE_ONLY]
    found += [["split", text, *options] for text in TEXTS[:8] for options in COUNT_OPTIONS[:2]]
    found += [["render", *template] for template in TEMPLATES]
    base = ["--template", "@templates/order_es.txt", "--prices", "prices.json", "--at", AT]
    found += [["estimate", "campaign.csv", *base, *options] for options in ESTIMATE]
    short = ["--template", "Hola {name}", "--prices", "prices.json", "--at", AT]
    found += [["estimate", *files, *short] for files, _ in ESTIMATE_FILES]
    found += [["window", *args] for args in WINDOW]
    found += [["request", *args] for args in REQUEST]
    found += LOCALIZED
    found += MISC
    return found


def scratch(folder: Path) -> None:
    shutil.copytree(ROOT / "examples", folder, dirs_exist_ok=True)
    (folder / "values.json").write_text('{"name": "Ana", "amount": "12.50", "city": "Faro"}')
    (folder / "notjson.json").write_text("{name: Ana")
    (folder / "national.csv").write_text("phone,name\n612345678,Ana\n612 345 679,Luis\n12,Bad\n")
    (folder / "excel_cp1252.csv").write_bytes(
        "phone;name\r\n+34612345678;Jos\u00e9 Mu\u00f1oz\r\n+34612345679;Ca\u00f1a\r\n".encode(
            "cp1252"
        )
    )
    (folder / "mac.csv").write_bytes(
        "phone;name\r+34612345678;Jos\u00e9\r+34612345679;Fran\u00e7ois\r".encode("mac_roman")
    )
    (folder / "semicolons.csv").write_text("telefono;name\n+34612345678;Ana\n+34612345679;Luis\n")
    (folder / "no_phone.csv").write_text("name,city\nAna,Faro\n")
    (folder / "empty.csv").write_text("")
    (folder / "duplicates.csv").write_text(
        "phone,name\n+34612345678,A\n0034612345678,B\n34 612 34 56 78,C\n+34 612-345-678,D\n"
        "+34612345678,A\n+34612345679,E\n"
    )
    (folder / "countries.csv").write_text(
        "phone,name,country\n612345678,A,ES\n0612345678,B,FR\n2015555056,C,US\n612345678,D,\n"
    )


def run(command: list[str], folder: Path) -> dict[str, object]:
    # this checkout's code, whatever is installed and wherever the command runs from
    source = os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))
    environment = {
        **os.environ, "COLUMNS": "80", "NO_COLOR": "1", "TZ": "Europe/Madrid", "PYTHONPATH": source
    }  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-m", "nrscompose", *command],
        cwd=folder, capture_output=True, env=environment, timeout=120, check=False,
    )  # fmt: skip
    mask = str(folder).encode()
    return {
        "command": command,
        "status": done.returncode,
        "stdout": done.stdout.replace(mask, b"$DIR").decode("utf-8", "backslashreplace"),
        "stderr": done.stderr.replace(mask, b"$DIR").decode("utf-8", "backslashreplace"),
    }


def record(out: Path) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        scratch(folder)
        with ThreadPoolExecutor(4) as pool:
            results = list(pool.map(lambda c: run(c, folder), commands()))
    out.write_text(json.dumps(results, ensure_ascii=False, indent=1))
    print(f"{len(results)} commands recorded in {out}")


def compare(before: Path, after: Path) -> int:
    old = {json.dumps(r["command"]): r for r in json.loads(before.read_text())}
    new = {json.dumps(r["command"]): r for r in json.loads(after.read_text())}
    changed = [key for key in old if old[key] != new.get(key)]
    for key in changed:
        print(f"changed: {key}")
        for field in ("status", "stdout", "stderr"):
            before, now = str(old[key][field]), str(new.get(key, {}).get(field))
            if before != now:
                diff = difflib.unified_diff(before.splitlines(), now.splitlines(), n=0)
                lines = [line.rstrip("\n") for line in diff]
                print("\n".join(f"  {field} {line}" for line in list(lines)[2:]))
    print(f"{len(old)} commands, {len(old) - len(changed)} identical, {len(changed)} changed")
    return 1 if changed else 0


if __name__ == "__main__":
    match sys.argv[1:]:
        case ["record", out]:
            record(Path(out))
        case ["compare", before, after]:
            sys.exit(compare(Path(before), Path(after)))
        case _:
            sys.exit(__doc__)
