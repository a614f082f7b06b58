"""Rendering: escaped HTML, plain text, and messages that fit Telegram's 4096 limit."""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.answers import Answer, Claim, FactBlock
from bot.core import Core
from bot.render import MAX_MESSAGE, RLM, pack, render, utf16_len
from tests.botapi import parse_html

ALLOWED = {"b", "i", "blockquote"}


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag in ALLOWED, tag
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack.pop() == tag


def assert_valid_telegram_html(message: str) -> None:
    checker = _Checker()
    checker.feed(message)
    checker.close()
    assert checker.stack == []
    assert not re.search(r"&(?!(amp|lt|gt|quot);)", message)


def _answer(statement: str) -> Answer:
    claim = Claim(
        fact_id="x",
        title="<T&>",
        statement=statement,
        attribution="A & B",
        said=None,
        quote="q<",
        citation="S",
    )
    return Answer(question="q", blocks=(FactBlock(claim=claim),))


def test_html_escapes_content_and_uses_only_telegram_tags() -> None:
    [message] = render(_answer("1 < 2 & <script>"))
    assert "&lt;script&gt;" in message and "<script>" not in message
    assert_valid_telegram_html(message)


def test_plain_text_is_unescaped() -> None:
    [message] = render(_answer("1 < 2"), style="plain")
    assert "1 < 2" in message and "<b>" not in message


@pytest.mark.parametrize("size", [5000, 20000])
def test_long_answers_split_under_the_limit(size: int) -> None:
    messages = render(_answer("word " * size))
    assert len(messages) > 1
    for message in messages:
        assert utf16_len(message) <= MAX_MESSAGE
        assert_valid_telegram_html(message)


def test_emoji_count_as_two_utf16_units() -> None:
    messages = pack(["😀" * 3000], limit=MAX_MESSAGE, style="plain")
    assert len(messages) == 2 and all(utf16_len(m) <= MAX_MESSAGE for m in messages)


def test_paragraphs_are_packed_not_cut(core: Core) -> None:
    _, answer = core.ask("who did it and how many died")
    [message] = render(answer)
    assert_valid_telegram_html(message)
    assert message.count("<b>") >= 2


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=400))
def test_any_question_renders_to_valid_html_within_the_limit(core: Core, question: str) -> None:
    _, answer = core.ask(question)
    messages = render(answer)
    assert messages
    for message in messages:
        assert 0 < utf16_len(message) <= MAX_MESSAGE
        assert parse_html(message).strip()


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=9000), st.text(max_size=300))
def test_any_content_renders_to_valid_html_within_the_limit(statement: str, attribution: str) -> None:
    claim = Claim(
        fact_id="x",
        title=statement[:80],
        statement=statement,
        attribution=attribution,
        said=None,
        quote=attribution or None,
        citation=statement[-100:],
    )
    answer = Answer(question="q", blocks=(FactBlock(claim=claim, earlier=(claim,)),))
    for style in ("html", "plain"):
        for message in render(answer, style=style):
            assert 0 < utf16_len(message) <= MAX_MESSAGE
            if style == "html":
                parse_html(message)


URDU_QUESTIONS = [
    "بھارت نے کیا کہا",
    "ہیروف کیا ہے",
    "کتنے عسکریت پسند مارے گئے",
    "ذرائع",
    "خلاصہ",
    "200 لوگ مارے گئے؟",
]


@pytest.mark.parametrize("question", URDU_QUESTIONS)
def test_urdu_answers_are_telegram_html_that_reads_right_to_left(core: Core, question: str) -> None:
    _, answer = core.ask(question)
    assert answer.language == "ur"
    for message in render(answer):
        text = parse_html(message)  # the loopback Bot API's check: Telegram's tags and entities only
        for line in text.split("\n"):
            first = next((c for c in line if unicodedata.bidirectional(c) in ("L", "R", "AL")), "")
            if first and unicodedata.bidirectional(first) == "L" and not line.startswith("“"):  # a quote keeps its own
                assert line.startswith(RLM), line


def test_a_line_that_starts_left_to_right_gets_a_mark_only_in_urdu() -> None:
    claim = Claim(
        fact_id="x",
        title="BLA <b> & 145",
        statement="145 عسکریت پسند",
        attribution="News Desk",
        said=None,
        quote="“Herof,” or “black storm,”",
        quote_translation="“ہیروف”",
        citation="News Desk، “Pakistan says”",
    )
    urdu = render(Answer(question="q", blocks=(FactBlock(claim=claim),), language="ur"))[0]
    lines = urdu.split("\n")
    assert lines[0] == f"{RLM}<b>BLA &lt;b&gt; &amp; 145</b>"  # escaped, and marked outside the entity
    assert lines[1] == "145 عسکریت پسند"  # the first letter is Urdu: the line reads right to left as it is
    assert lines[3] == "<blockquote>“Herof,” or “black storm,”</blockquote>"  # the source's own words
    assert lines[4] == "<i>ترجمہ: “ہیروف”</i>"
    parse_html(urdu)
    english = render(Answer(question="q", blocks=(FactBlock(claim=claim),)))[0]
    assert RLM not in english


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ابپتٹثجچحخدڈرڑزژسشصضطظعغفقکگلمنںوہھءیے۰۱۲۳٤٥0189 <>&\"'“”\n،۔؟ـًٌٍَُِّْٰabcXYZ", max_size=600))
def test_any_urdu_content_renders_to_valid_html_within_the_limit(text: str) -> None:
    claim = Claim(
        fact_id="x",
        title=text[:80],
        statement=text or "x",
        attribution=text[:40],
        said=None,
        quote=text[:30] or None,
        quote_translation=text[:30] or None,
        citation=text[-50:],
    )
    answer = Answer(question="q", blocks=(FactBlock(claim=claim),), language="ur")
    for message in render(answer, limit=500):
        assert 0 < utf16_len(message) <= 500
        parse_html(message)
