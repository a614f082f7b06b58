"""`Answer` to text a person reads: Telegram HTML (escaped) or plain text, split under 4096.

Telegram counts a message's length in UTF-16 code units after parsing entities; we measure the
HTML source in UTF-16 units, which is never shorter, so a chunk that fits here fits there.
"""

from __future__ import annotations

import re
import unicodedata
from html import escape, unescape
from typing import Literal

from bot.answers import (
    Answer,
    Block,
    Claim,
    ClarifyBlock,
    DeclineBlock,
    FactBlock,
    GapBlock,
    IntroBlock,
    NewsBlock,
    NoteBlock,
    SourcesBlock,
    SummaryBlock,
)
from bot.phrases import Phrases, phrases

MAX_MESSAGE = 4096
RLM = "\u200f"  # right-to-left mark
_TAG = re.compile(r"<[^>]+>")
Style = Literal["html", "plain"]


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class _Writer:
    def __init__(self, style: Style, say: Phrases) -> None:
        self.style = style
        self.say = say

    def text(self, value: str) -> str:
        return escape(value, quote=False) if self.style == "html" else value

    def bold(self, value: str) -> str:
        return f"<b>{self.text(value)}</b>" if self.style == "html" else value

    def italic(self, value: str) -> str:
        return f"<i>{self.text(value)}</i>" if self.style == "html" else value

    def quote(self, value: str) -> str:
        return f"<blockquote>{self.text(value)}</blockquote>" if self.style == "html" else f"> {value}"


def _claim(w: _Writer, c: Claim, *, heading: bool = True) -> list[str]:
    say = w.say
    according = _according(say, c)
    who = according[:1].upper() + according[1:] + (f"{say.comma}{c.said}" if c.said else "")
    lines = [w.bold(c.title)] if heading else []
    lines.append(w.text(c.statement))
    lines.append(w.italic(who + say.full_stop))
    if c.quote:
        lines.append(w.quote(c.quote))
    if c.quote and c.quote_translation:
        lines.append(w.italic(say.translation.format(text=c.quote_translation)))
    lines.append(w.italic(say.source.format(citation=c.citation)))
    return lines


def _block(w: _Writer, block: Block) -> list[str]:
    """Paragraphs of one block; each paragraph is complete markup on its own."""
    say = w.say
    if isinstance(block, FactBlock):
        paragraphs = ["\n".join(_claim(w, block.claim))]
        for heard, not_given in (
            (block.unreported_figures, say.figure_not_given),
            (block.unreported_days, say.day_not_given),
            (block.unnamed, say.place_not_named),
            (block.uncounted, say.part_not_counted),
            (block.unblamed, say.not_blamed),
        ):
            if heard:
                note = w.text(not_given.format(figures=say.join_or(list(heard))))
                paragraphs[0] = f"{note}\n{paragraphs[0]}"
        for old in block.earlier:
            paragraphs.append(w.bold(say.earlier_report) + "\n" + "\n".join(_claim(w, old, heading=False)))
        for other in block.differing:
            paragraphs.append(
                w.bold(say.side_by_side)
                + "\n"
                + "\n".join(_claim(w, other.claim, heading=False))
                + "\n"
                + w.italic(say.why_they_differ)
                + w.text(other.why)
            )
        return paragraphs
    if isinstance(block, NewsBlock):
        kind = say.change if block.change else say.new_development
        headline = w.bold(say.headline.format(kind=kind, date=block.date))
        if block.change:
            headline += w.text(say.replaces)
        first, *rest = _block(w, block.fact)
        return [f"{headline}\n{first}", *rest]
    if isinstance(block, GapBlock):
        lines = [w.text(say.not_reported.format(missing=block.missing))]
        if block.known:
            lines.append(w.text(say.they_report))
            lines.extend(w.text(f"• {c.label}") for c in block.known)
        return ["\n".join(lines)]
    if isinstance(block, ClarifyBlock):
        lines = [w.text(say.not_sure)]
        lines.extend(w.text(f"• {c.label}") for c in block.choices)
        return ["\n".join(lines)]
    if isinstance(block, DeclineBlock):
        lines = [
            w.text(say.sorry_scope.format(scope=_lower_first(block.scope))),
            w.text(say.can_tell.format(topics=say.separator.join(block.topics))),
        ]
        if block.examples:
            lines.append(w.text(say.for_example))
            lines.extend(w.text(f"• {c.label}") for c in block.examples)
        return ["\n".join(lines)]
    if isinstance(block, IntroBlock):
        lines = [
            w.text(block.text),
            w.text(say.i_cover.format(scope=_lower_first(block.scope), topics=say.separator.join(block.topics))),
        ]
        if block.examples:
            lines.append(w.text(say.try_asking))
            lines.extend(w.text(f"• {c.label}") for c in block.examples)
        return ["\n".join(lines)]
    if isinstance(block, NoteBlock):
        return [w.text(block.text)]
    if isinstance(block, SummaryBlock):
        lines = [w.bold(block.text)]
        for point in block.points:
            lines.append(w.text(f"• {point.statement}") + " " + w.italic(f"({_according(say, point)})"))
        citations = dict.fromkeys(p.citation for p in block.points)
        lines.extend(w.italic(say.source.format(citation=c)) for c in citations)
        return ["\n".join(lines)]
    if isinstance(block, SourcesBlock):
        return ["\n".join([w.bold(block.text), *(w.text(f"• {c}") for c in block.citations)])]
    raise TypeError(f"unknown block {block!r}")


def _according(say: Phrases, c: Claim) -> str:
    source = c.attribution[:1].lower() + c.attribution[1:] if c.attribution.startswith("The ") else c.attribution
    return say.according.format(source=source)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _right_to_left(paragraph: str, style: Style) -> str:
    """Each line of an Urdu message reads right to left, also one that starts with a Latin word or a
    number ("BLA ..."): a right-to-left mark before it says so. Quotes in the source's language keep
    their own direction."""
    lines = []
    for line in paragraph.split("\n"):
        plain = unescape(_TAG.sub("", line)) if style == "html" else line
        quoted = line.startswith("<blockquote>") if style == "html" else line.startswith("> ")
        first = next((c for c in plain if unicodedata.bidirectional(c) in ("L", "R", "AL")), "")
        starts_ltr = unicodedata.bidirectional(first) == "L" if first else bool(plain.strip())
        lines.append(RLM + line if starts_ltr and not quoted else line)
    return "\n".join(lines)


def render(answer: Answer, *, style: Style = "html", limit: int = MAX_MESSAGE) -> list[str]:
    """The answer as one or more messages, each within `limit` UTF-16 units."""
    w = _Writer(style, phrases(answer.language))
    paragraphs = [p for block in answer.blocks for p in _block(w, block)]
    if answer.language == "ur":
        paragraphs = [_right_to_left(p, style) for p in paragraphs]
    return pack(paragraphs, limit=limit, style=style)


def render_text(answer: Answer) -> str:
    """Plain text in one piece, for the command line."""
    return "\n\n".join(render(answer, style="plain", limit=10**9))


def pack(paragraphs: list[str], *, limit: int = MAX_MESSAGE, style: Style = "html") -> list[str]:
    """Join paragraphs into as few messages as fit; split only an oversized paragraph."""
    messages: list[str] = []
    current = ""
    for paragraph in paragraphs:
        pieces = [paragraph] if utf16_len(paragraph) <= limit else _split_long(paragraph, limit, style)
        for piece in pieces:
            joined = f"{current}\n\n{piece}" if current else piece
            if utf16_len(joined) <= limit:
                current = joined
            else:
                messages.append(current)
                current = piece
    if current:
        messages.append(current)
    return messages


def _split_long(paragraph: str, limit: int, style: Style) -> list[str]:
    """An oversized paragraph loses its markup and is cut at spaces, never inside an entity."""
    plain = unescape(_TAG.sub("", paragraph)) if style == "html" else paragraph
    chunks: list[str] = []
    current = ""
    for word in plain.split(" "):
        candidate = f"{current} {word}" if current else word
        rendered = escape(candidate, quote=False) if style == "html" else candidate
        if utf16_len(rendered) <= limit:
            current = candidate
            continue
        if current:
            chunks.append(current)
        current = word
        while utf16_len(escape(current, quote=False) if style == "html" else current) > limit:
            cut = _fit(current, limit, style)
            chunks.append(current[:cut])
            current = current[cut:]
    if current:
        chunks.append(current)
    return [escape(c, quote=False) if style == "html" else c for c in chunks]


def _fit(word: str, limit: int, style: Style) -> int:
    """The longest prefix of `word` that renders within `limit`."""
    low, high = 1, len(word)
    while low < high:
        mid = (low + high + 1) // 2
        piece = escape(word[:mid], quote=False) if style == "html" else word[:mid]
        if utf16_len(piece) <= limit:
            low = mid
        else:
            high = mid - 1
    return low
