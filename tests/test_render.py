"""Rendering: escaped HTML, plain text, and messages that fit Telegram's 4096 limit."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.answers import Answer, Claim, FactBlock
from bot.core import Core
from bot.render import MAX_MESSAGE, pack, render, utf16_len
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
