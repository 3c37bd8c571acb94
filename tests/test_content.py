"""Country content rules (``nrscompose.content``): each rule quotes the 360nrs API reference's
"Sending Restrictions by Country", and each is tested through the public entry points —
``forms.check_message(..., country=, category=)``, ``estimate`` and the CLI."""

from __future__ import annotations

import io
import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import nrscompose as nc
from conftest import excerpts
from nrscompose._base.errors import ArgumentError
from nrscompose._base.problems import Problem
from nrscompose._rules import content
from nrscompose._rules.content import DEFAULT_CONTENT_RULES, PUBLIC_SHORTENERS, ContentRule
from nrscompose.cli import main
from nrscompose.forms import check_message

REFERENCE = "\n".join(excerpts("360nrs_country_restrictions_excerpts.txt"))


def kinds(text: str, country: str, category: str = "marketing", **options: object) -> list[str]:
    found = check_message(text, country=country, category=category, **options)  # type: ignore[arg-type]
    return [p.kind for p in (*found.problems, *found.warnings, *found.notices)]


# -- every rule is cited data ------------------------------------------------------------------


def test_every_rule_quotes_the_reference_verbatim() -> None:
    for rule in DEFAULT_CONTENT_RULES:
        quote = re.search(r'"(.+)"', rule.source)
        assert quote is not None, rule.name
        for fragment in quote.group(1).split("[...]"):
            assert fragment.strip(" ,.") in REFERENCE, (rule.name, fragment)
        assert rule.confidence in ("high", "medium")


def test_every_listed_country_has_rules_and_adding_one_is_adding_data() -> None:
    assert set(content.countries()) == {"FR", "ES", "GB", "US", "CO", "IE"}
    extra = ContentRule(
        "PT-opt-in", "PT", "content.opt_in_required", "notice", source="our legal team, 2026"
    )
    rules = DEFAULT_CONTENT_RULES.add(extra)
    assert [p.kind for p in content.check("Olá", "PT", rules=rules)] == ["content.opt_in_required"]
    assert content.check("Olá", "PT") == ()
    assert "FR-opt-out" not in [r.name for r in DEFAULT_CONTENT_RULES.remove("FR-opt-out")]


def test_a_rule_without_a_source_or_with_an_unknown_kind_is_refused() -> None:
    with pytest.raises(ArgumentError, match="needs a source"):
        ContentRule("x", "FR", "content.opt_in_required", "notice", source="")
    with pytest.raises(ArgumentError, match="unknown problem kind"):
        ContentRule("x", "FR", "content.nope", "notice", source="s")


@pytest.mark.parametrize("country", ["FRA", "F", "", "1A", "É1"])
def test_a_country_that_is_not_a_two_letter_code_is_an_argument_error(country: str) -> None:
    with pytest.raises(ArgumentError, match="two-letter"):
        check_message("hi", country=country)


def test_without_a_country_check_message_is_unchanged() -> None:
    found = check_message("Soldes -50% sur tout https://bit.ly/x")
    assert found.valid
    assert (found.notices, found.warnings) == ((), ())


# -- France: "It is mandatory to add the STOP au [STOP_CODE] as an opt-out instruction at the end
#    of your marketing SMS messages to France." -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Soldes -50% ce week-end. STOP au 36173",
        "Soldes -50% ce week-end. stop AU 36173",
        "Soldes -50% ce week-end. Stop au [STOP_CODE]",
        "Soldes -50% ce week-end. STOP au [stop_code]",
        "Soldes -50% ce week-end.\nSTOP au 36173.  ",
        "STOP au 36173",
    ],
)
def test_a_french_marketing_text_ending_with_its_opt_out_passes(text: str) -> None:
    assert "content.opt_out_missing" not in kinds(text, "FR")
    assert check_message(text, country="FR").valid


@pytest.mark.parametrize(
    "text",
    [
        "Soldes -50% ce week-end",
        "STOP au 36173 pour ne plus recevoir nos soldes",  # not at the end
        "Soldes -50% ce week-end. STOP au",  # no short code
        "Soldes -50% ce week-end. NONSTOP au 36173",
        "Soldes -50% ce week-end. STOP 36173",
        "",
    ],
)
def test_a_french_marketing_text_without_its_opt_out_at_the_end_is_an_error(text: str) -> None:
    found = check_message(text, country="fr", category="marketing")
    problem = next(p for p in found.problems if p.kind == "content.opt_out_missing")
    assert not found.valid
    assert (problem.severity, problem.code) == ("error", None)
    assert "STOP au" in problem.message


_CODES = st.from_regex(r"\A(\d{1,8}|\[STOP_CODE\])\Z")
_CASED = st.sampled_from(["STOP au", "stop au", "Stop AU", "STOP\tau"])


@given(st.text(max_size=200), _CASED, _CODES, st.sampled_from(["", ".", "!", " ", ".\n "]))
def test_any_text_ending_with_the_opt_out_passes(
    text: str, stop_au: str, code: str, end: str
) -> None:
    assert content.ends_with_opt_out(f"{text} {stop_au} {code}{end}")


def test_a_character_that_lower_cases_longer_does_not_shift_the_opt_out() -> None:
    assert content.ends_with_opt_out("İİİİ STOP au 36173")
    assert not content.ends_with_opt_out("STOP au 36173 İİİİ")


@given(st.text(max_size=200), _CODES, st.text(alphabet="abcxyz,;?", min_size=1, max_size=5))
def test_an_opt_out_followed_by_more_text_does_not_count(text: str, code: str, more: str) -> None:
    assert not content.ends_with_opt_out(f"{text} STOP au {code} {more}")


def test_the_span_of_a_link_indexes_the_text_as_given_when_line_breaks_are_normalized() -> None:
    text = "Sale!\nToday only:\nhttps://bit.ly/x"
    found = check_message(text, country="US")  # counted with CRLF, as a form submits it
    [problem] = [p for p in found.problems if p.kind == "content.public_shortener"]
    assert text[problem.start : problem.end] == "https://bit.ly/x"


def test_french_transactional_messages_are_exempt() -> None:
    # "Transactional messages, however, are not subject to these restrictions."
    assert kinds("Votre code: 1234", "FR", "transactional") == []
    assert check_message("Votre code: 1234", country="FR", category="transactional").valid


def test_the_opt_out_is_read_in_the_text_as_sent_and_in_every_language() -> None:
    found = check_message("Soldes", country="FR", locale="es")
    [problem] = [p for p in found.problems if p.kind == "content.opt_out_missing"]
    assert found.message_for(problem).startswith("Un SMS de marketing a FR")


# -- United States: "The use of public URL shorteners, such as bit.ly or tinyurl, is not
#    permitted. However, the use of custom domains within these services is permitted.
#    Therefore, you may use 360nrs' own URL shortener." ----------------------------------------


@pytest.mark.parametrize(
    ("text", "link"),
    [
        ("Sale today: https://bit.ly/3xYz", "https://bit.ly/3xYz"),
        ("Sale today: http://tinyurl.com/abc!", "http://tinyurl.com/abc"),
        ("Sale today: BIT.LY/abc", "BIT.LY/abc"),
        ("Sale today (www.bit.ly/abc).", "(www.bit.ly/abc)"),
        ("Sale today: is.gd/xyz, hurry", "is.gd/xyz"),
        ("Sale today: https://t.co/abc", "https://t.co/abc"),
    ],
)
def test_a_us_marketing_link_on_a_public_shortener_is_an_error(text: str, link: str) -> None:
    found = check_message(text, country="US", category="marketing")
    [problem] = [p for p in found.problems if p.kind == "content.public_shortener"]
    assert (problem.severity, problem.code) == ("error", None)
    assert problem.start is not None
    assert text[problem.start : problem.end] == link.rstrip(")")
    assert problem.params["domain"] in PUBLIC_SHORTENERS


@pytest.mark.parametrize(
    "text",
    [
        "Sale today: https://nrs.so/dvRINN",  # the 360nrs shortener, as its answers show
        "Sale today: https://go.acme.com/sale",  # a custom domain
        "Sale today: https://rabbit.ly/x",  # ends like bit.ly, is not it
        "Sale today at Cost.co",
        "Sale today: 3.5% off, e.g. shoes",
    ],
)
def test_the_360nrs_shortener_and_custom_domains_pass(text: str) -> None:
    assert "content.public_shortener" not in kinds(text, "US")


def test_us_transactional_messages_may_link_anywhere() -> None:
    assert kinds("Your parcel: https://bit.ly/x", "US", "transactional") == []


def test_the_shortener_list_names_the_references_examples_and_cites_its_source() -> None:
    assert {"bit.ly", "tinyurl.com"} <= PUBLIC_SHORTENERS
    assert "nrs.so" not in PUBLIC_SHORTENERS
    assert "PeterDaveHello/url-shorteners" in DEFAULT_CONTENT_RULES["US-shorteners"].source
    for domain in PUBLIC_SHORTENERS:
        assert re.fullmatch(r"[a-z0-9-]+(\.[a-z0-9-]+)+", domain), domain


_HOSTISH = st.text(alphabet="ab.-/: \nbitly", max_size=60)


@given(_HOSTISH)
def test_every_link_found_is_a_listed_host_inside_one_word(text: str) -> None:
    for start, end, host in content.shortener_links(text, PUBLIC_SHORTENERS):
        word = text[start:end]
        assert not any(c.isspace() for c in word)
        assert host in PUBLIC_SHORTENERS
        assert host in word.lower()


@given(st.text(max_size=80))
def test_a_text_without_a_listed_host_has_no_shortener_link(text: str) -> None:
    if not any(domain in text.lower() for domain in PUBLIC_SHORTENERS):
        assert content.shortener_links(text, PUBLIC_SHORTENERS) == []


@pytest.mark.parametrize(
    "hostile",
    ["a" * 200_000, "a." * 100_000, "-." * 100_000, "bit.ly" * 30_000, "x/" * 100_000],
)
def test_a_long_word_is_scanned_once(hostile: str) -> None:
    # a backtracking host pattern tried at every position is quadratic on these; the scan of
    # words, then runs inside each word, finishes at once
    content.shortener_links(hostile, PUBLIC_SHORTENERS)
    content.check(hostile, "US")
    content.check(hostile, "FR")


# -- Ireland: "Before sending any marketing traffic, the express consent (opt-in) of mobile
#    device users is required." -----------------------------------------------------------------


def test_an_irish_marketing_message_carries_the_opt_in_notice() -> None:
    found = check_message("Big sale this weekend", country="IE", category="marketing")
    assert found.valid  # a notice is a reminder, not a refusal
    [notice] = [p for p in found.notices if p.kind == "content.opt_in_required"]
    assert notice.severity == "notice"
    assert "opt-in" in notice.message
    assert kinds("Your code is 1234", "IE", "transactional") == []


# -- Colombia: "the 360nrs platform may automatically add the sender's name to the beginning of
#    the message or include a URL at the end" --------------------------------------------------


def test_colombia_says_how_many_units_remain_once_the_senders_name_is_added() -> None:
    found = check_message("a" * 100, country="CO", sender="ACME")
    [notice] = [p for p in found.notices if p.kind == "content.sender_name_room"]
    assert notice.params["prefix_units"] == len("ACME: ")
    assert notice.params["remaining"] == 160 - 100 - len("ACME: ")
    assert "54 units remain" in notice.message


def test_colombia_warns_when_the_senders_name_would_add_a_part() -> None:
    fits = "a" * (160 - len("ACME: "))
    assert "content.sender_name_room" in kinds(fits, "CO", sender="ACME")
    found = check_message(fits + "a", country="CO", sender="ACME")
    assert found.valid  # accepted as one part; the platform may bill two
    [warning] = [p for p in found.warnings if p.kind == "content.sender_name_extra_part"]
    assert warning.severity == "warning"
    assert (warning.params["parts"], warning.params["parts_with_name"]) == (1, 2)


def test_colombia_assumes_the_longest_sender_when_it_is_not_given() -> None:
    [problem] = [
        p for p in content.check("Hola", "CO", "transactional") if p.kind.startswith("content.s")
    ]
    assert problem.params["prefix_units"] == 11 + len(": ")


def test_colombia_counts_the_name_in_the_texts_encoding() -> None:
    found = content.check("Hola 😀", "CO", sender="ACME")
    room = next(p for p in found if p.kind == "content.sender_name_room")
    assert room.params["prefix_units"] == len("ACME: ")  # UTF-16 units, one per character
    assert room.params["remaining"] == 70 - len("Hola 😀".encode("utf-16-le")) // 2 - 6


_GSM_PT_AND_MORE = st.text(alphabet="aé€{ç😀Ωõ\n ", max_size=400)


@given(_GSM_PT_AND_MORE, st.sampled_from([None, "ACME", "A1", "X" * 11, "12345678901234"]),
       st.booleans())  # fmt: skip
def test_the_senders_name_is_counted_as_a_recount_of_the_named_text_would(
    text: str, sender: str | None, trans: bool
) -> None:
    # the shortcut from the text's own count (one part that still fits) equals a recount
    given_count = content.check(text, "CO", sender=sender, trans=trans,
                                analysis=nc.analyze(text, trans=trans))  # fmt: skip
    assert given_count == content.check(text, "CO", sender=sender, trans=trans)
    [found] = [p for p in given_count if p.kind.startswith("content.sender_name")]
    named = nc.analyze((sender or "X" * 11) + ": " + text, trans=trans)
    assert found.params["parts_with_name"] == named.parts
    assert found.params["remaining"] == named.remaining


# -- prohibited and age-restricted topics (every listed country) ------------------------------


@pytest.mark.parametrize("country", ["FR", "ES", "GB", "US", "CO", "IE"])
def test_every_listed_country_names_its_prohibited_topics_for_marketing(country: str) -> None:
    found = check_message("Hello", country=country, category="marketing")
    [notice] = [p for p in found.notices if p.kind == "content.prohibited_topics"]
    rule = DEFAULT_CONTENT_RULES[f"{country}-topics"]
    assert "strictly prohibited" in rule.source
    assert notice.params["topics"] == ", ".join(rule.topics)
    assert "content.prohibited_topics" not in kinds("Hello", country, "transactional")


def test_the_united_kingdom_asks_for_age_verification_of_adult_and_gambling_content() -> None:
    # "If you send adult or gambling content, you must ensure that the recipient's age has been
    # verified in compliance with PSA and Ofcom Guidelines."
    found = check_message("Hello", country="GB")
    [notice] = [p for p in found.notices if p.kind == "content.age_verification"]
    assert "adult, gambling" in notice.message


def test_no_topic_is_guessed_from_words() -> None:
    assert kinds("Bet on the election: free casino chips", "DE") == []
    assert kinds("Hello", "ES") == kinds("Bet on the election: free casino chips", "ES")


def test_severities_are_on_every_problem_and_backward_compatible() -> None:
    assert Problem("text.too_long", "message", None, {"needed": 2, "limit": 1}).severity == "error"
    assert Problem("text.not_gsm", "message", (0, 1), {"char": "x", "index": 0}).severity == (
        "warning"
    )
    assert "severity" not in Problem("text.required", "message").as_json()


# -- estimate: rows per country that break each rule -------------------------------------------

ROWS = [
    {"phone": "33612345678"},
    {"phone": "33612345679"},
    {"phone": "12025550123"},
    {"phone": "573001234567"},
    {"phone": "34612345678"},
    {"phone": "612345"},  # invalid: not counted
]


def test_estimate_counts_per_country_the_rows_that_break_each_rule() -> None:
    report = nc.estimate(ROWS, "Sale: https://bit.ly/x")
    assert report.content_rules["FR"] == {
        "content.opt_out_missing": 2,
        "content.prohibited_topics": 2,
    }
    assert report.content_rules["US"]["content.public_shortener"] == 1
    assert report.content_rules["CO"]["content.sender_name_room"] == 1
    assert "DE" not in report.content_rules
    data = report.as_json()["content_rules"]
    assert data["FR"]["content.opt_out_missing"] == {"rows": 2, "severity": "error"}
    assert data["CO"]["content.prohibited_topics"] == {"rows": 1, "severity": "notice"}


def test_estimate_checks_each_recipients_rendered_text() -> None:
    rows = [
        {"phone": "33612345678", "end": "STOP au 36173"},
        {"phone": "33612345679", "end": "Merci"},
    ]
    report = nc.estimate(rows, "Soldes. {end}")
    assert report.content_rules["FR"]["content.opt_out_missing"] == 1


def test_a_transactional_estimate_has_only_the_platform_rule() -> None:
    report = nc.estimate(ROWS, "Your code: 1234", category="transactional")
    assert report.content_rules == {"CO": {"content.sender_name_room": 1}}


def test_partial_reports_merge_their_content_counts() -> None:
    from nrscompose._composition.template import Template
    from nrscompose.campaign import CampaignPlan, ReportBuilder, estimate_batch

    plan = CampaignPlan(Template("Soldes"))
    builders = []
    for batch in (ROWS[:1], ROWS[1:]):
        builder = ReportBuilder()
        for row in estimate_batch(plan, batch):
            builder.add(row)
        builders.append(builder)
    merged = builders[0].merge(builders[1]).report(plan)
    assert merged.content_rules["FR"]["content.opt_out_missing"] == 2


# -- the CLI ------------------------------------------------------------------------------------


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out), out.getvalue()


def test_cli_analyze_prints_the_content_problems_of_a_country() -> None:
    status, out = run("analyze", "Soldes -50%", "--country", "FR", "--category", "marketing")
    assert status == 0
    assert "error: content.opt_out_missing: A marketing SMS to FR must end" in out
    assert "notice: content.prohibited_topics" in out
    status, out = run("analyze", "Soldes -50%", "--country", "FR", "--category", "transactional")
    assert "content." not in out


def test_cli_analyze_json_lists_the_content_problems_with_their_severity() -> None:
    _, out = run("analyze", "Go https://bit.ly/x", "--country", "US", "--json")
    found = json.loads(out)["content"]
    assert found[0]["kind"] == "content.public_shortener"
    assert (found[0]["severity"], found[0]["start"], found[0]["end"]) == ("error", 3, 19)
    _, out = run("analyze", "Go https://bit.ly/x", "--json")
    assert "content" not in json.loads(out)


def test_cli_render_checks_the_rendered_text() -> None:
    status, out = run("render", "Hi {name}. STOP au {code}", "--var", "name=Ana", "--var",
                      "code=36173", "--country", "FR")  # fmt: skip
    assert status == 0
    assert "opt_out_missing" not in out
    status, out = run("render", "Hola {name}", "--var", "name=Ana", "--country", "CO")
    assert "notice: content.sender_name_room" in out


def test_cli_refuses_a_bad_country_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    status, _ = run("analyze", "hi", "--country", "F\x1bR")
    assert status == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "\x1b" not in err
    assert "two-letter" in err


def test_cli_estimate_prints_the_content_rules_per_country(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "c.csv"
    path.write_text("phone\n33612345678\n12025550123\n", encoding="utf-8")
    status, out = run("estimate", str(path), "--template", "Go https://bit.ly/x")
    assert status == 0
    block = out.split("content rules (360nrs API reference", 1)[1]
    assert re.search(r"\n  FR +1 no opt-out 'STOP au <short code>' at the end\n", block)
    assert re.search(r"\n  US +1 a link on a public URL shortener\n", block)
    status, out = run("estimate", str(path), "--template", "Go https://bit.ly/x", "--json")
    assert json.loads(out)["content_rules"]["US"]["content.public_shortener"]["rows"] == 1


def test_content_warnings_follow_the_character_warnings_in_every_way_they_are_read() -> None:
    check = check_message(
        "😀" + "a" * 60, country="CO", category="marketing", sender="LongSender1", max_parts=3
    )
    warnings = check.warnings
    whole = tuple(warnings)
    assert [w.kind for w in whole] == ["text.not_gsm", "content.sender_name_extra_part"]
    assert [warnings[i] for i in range(-len(whole), len(whole))] == [*whole, *whole]
    assert warnings[1:] == whole[1:]
    assert [w.kind for w, _ in warnings.grouped()] == [w.kind for w in whole]
    with pytest.raises(IndexError):
        warnings[len(whole)]
