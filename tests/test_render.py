"""Rendering: escaped HTML, plain text, and messages that fit Telegram's 4096 limit."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from bot.answers import Answer, Claim, FactBlock
from bot.core import Core
from bot.render import MAX_MESSAGE, pack, render, utf16_len

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
