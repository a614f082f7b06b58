"""A Bot API server on 127.0.0.1 that answers the way Telegram does, for end-to-end tests.

It keeps chats, messages and pending updates in memory, serves long-polling `getUpdates` with
offsets, validates `sendMessage` text the way Telegram does (HTML entities, 4096 UTF-16 units),
and can be told to answer the next calls of a method with 429 + retry_after, a 5xx, or slowly.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import random
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from aiohttp import web

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawq"
BOT = {
    "id": 123456789,
    "is_bot": True,
    "first_name": "Factbot",
    "username": "FactTestBot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": True,
}
_TAGS = {
    "b",
    "strong",
    "i",
    "em",
    "u",
    "ins",
    "s",
    "strike",
    "del",
    "a",
    "code",
    "pre",
    "blockquote",
    "tg-spoiler",
    "span",
    "tg-emoji",
}


class EntityError(ValueError):
    pass


class _TelegramHTML(HTMLParser):
    """Telegram's HTML parse mode: a small tag set, properly nested, and only four named entities."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.stack: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _TAGS:
            raise EntityError(f'Unsupported start tag "{tag}"')
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            raise EntityError(f'Unmatched end tag "{tag}"')

    def handle_data(self, data: str) -> None:
        if "<" in data or ">" in data or "&" in data:
            raise EntityError("Unexpected character")
        self.text.append(data)

    def handle_entityref(self, name: str) -> None:
        named = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
        if name not in named:
            raise EntityError(f'Unknown entity "&{name};"')
        self.text.append(named[name])

    def handle_charref(self, name: str) -> None:
        self.text.append(chr(int(name[1:], 16) if name.startswith("x") else int(name)))


def parse_html(text: str) -> str:
    parser = _TelegramHTML()
    parser.feed(text)
    parser.close()
    if parser.stack:
        raise EntityError(f'Can\'t find end tag corresponding to start tag "{parser.stack[-1]}"')
    return "".join(parser.text)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@dataclass
class Fault:
    status: int
    retry_after: int | None = None
    delay: float = 0.0


@dataclass
class Chaos:
    """Each call independently fails with these odds: 429, a 5xx, or a slow (but right) answer."""

    rng: random.Random
    too_many: float = 0.0
    server_error: float = 0.0
    slow: float = 0.0
    seen: Counter[str] = field(default_factory=Counter)

    def draw(self) -> Fault | None:
        roll = self.rng.random()
        if roll < self.too_many:
            self.seen["429"] += 1
            return Fault(429, retry_after=1)
        if roll < self.too_many + self.server_error:
            self.seen["5xx"] += 1
            return Fault(self.rng.choice([500, 502]))
        if roll < self.too_many + self.server_error + self.slow:
            self.seen["slow"] += 1
            return Fault(200, delay=self.rng.uniform(0.05, 0.5))
        return None


@dataclass
class BotAPIServer:
    token: str = TOKEN
    updates: list[dict[str, Any]] = field(default_factory=list)
    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    sent: list[dict[str, Any]] = field(default_factory=list)
    messages: dict[tuple[int, int], dict[str, Any]] = field(default_factory=dict)
    blocked: set[int] = field(default_factory=set)
    migrated: dict[int, int] = field(default_factory=dict)
    faults: dict[str, list[Fault]] = field(default_factory=dict)
    delays: dict[str, float] = field(default_factory=dict)
    webhook: dict[str, Any] = field(default_factory=dict)
    commands: list[dict[str, Any]] = field(default_factory=list)
    localized_commands: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # by language_code
    admins: dict[int, set[int]] = field(default_factory=dict)
    chaos: dict[str, Chaos] = field(default_factory=dict)
    lean: bool = False  # for benchmarks: count calls and messages instead of keeping them
    counts: Counter[str] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1)
        self._new_update = asyncio.Event()
        self._changed = asyncio.Condition()  # notified after every request
        self._closing = False
        self._runner: web.AppRunner | None = None
        self.port = 0

    # --- life cycle --------------------------------------------------------------------------

    async def start(self) -> str:
        app = web.Application(client_max_size=10 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self.base_url

    async def stop(self) -> None:
        """End every long poll at once: cleanup waits for open requests, and a getUpdates the
        bot has given up on would otherwise hold it for its whole timeout."""
        self._closing = True
        self._new_update.set()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    # --- what tests do -------------------------------------------------------------------------

    def fail(self, method: str, status: int, *, times: int = 1, retry_after: int | None = None) -> None:
        self.faults.setdefault(method, []).extend(Fault(status, retry_after) for _ in range(times))

    def stall(self, method: str, seconds: float, *, times: int = 1) -> None:
        """Answer the next calls of `method` correctly, but only after `seconds`."""
        self.faults.setdefault(method, []).extend(Fault(200, delay=seconds) for _ in range(times))

    def slow(self, method: str, seconds: float) -> None:
        self.delays[method] = seconds

    def push(self, update: dict[str, Any]) -> int:
        update_id = next(self._update_ids)
        self.updates.append({"update_id": update_id, **update})
        self._new_update.set()
        return update_id

    def user_message(
        self,
        text: str | None,
        *,
        chat: dict[str, Any],
        user: dict[str, Any],
        reply_to: dict[str, Any] | None = None,
        entities: list[dict[str, Any]] | None = None,
        edited: bool = False,
        extra: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": chat,
            "from": user,
            **(extra or {}),
        }
        if text is not None:
            message["text"] = text
        if entities:
            message["entities"] = entities
        if reply_to is not None:
            message["reply_to_message"] = reply_to
        if not self.lean:
            self.messages[(chat["id"], message["message_id"])] = message
        self.push({"edited_message" if edited else "message": message})
        return message

    def callback(self, data: str, *, message: dict[str, Any], user: dict[str, Any]) -> str:
        query_id = str(next(self._update_ids) + 10_000)
        self.push(
            {"callback_query": {"id": query_id, "from": user, "chat_instance": "1", "data": data, "message": message}}
        )
        return query_id

    def inline(self, query: str, *, user: dict[str, Any]) -> str:
        query_id = str(next(self._update_ids) + 20_000)
        self.push({"inline_query": {"id": query_id, "from": user, "query": query, "offset": ""}})
        return query_id

    def member_update(self, chat: dict[str, Any], *, status: str, by: dict[str, Any]) -> None:
        """The bot's own membership changed: `kicked` when a user blocks it or a group bans it."""
        old = {"user": BOT, "status": "member"}
        new = {"user": BOT, "status": status, **({"until_date": 0} if status == "kicked" else {})}
        self.push(
            {
                "my_chat_member": {
                    "chat": chat,
                    "from": by,
                    "date": int(time.time()),
                    "old_chat_member": old,
                    "new_chat_member": new,
                }
            }
        )

    def sent_to(self, chat_id: int) -> list[dict[str, Any]]:
        return [m for m in self.sent if m["chat"]["id"] == chat_id]

    def replies_to(self, message: dict[str, Any]) -> list[dict[str, Any]]:
        return [
            m
            for m in self.sent
            if m.get("reply_to_message", {}).get("message_id") == message["message_id"]
            and m["chat"]["id"] == message["chat"]["id"]
        ]

    def calls_of(self, method: str) -> list[dict[str, Any]]:
        return [params for name, params in self.calls if name == method]

    async def wait_for(self, condition: Callable[[], Any], timeout: float = 10.0) -> Any:  # noqa: ASYNC109
        """The condition's first true value, checked after every request the bot makes (and every
        tenth of a second, for conditions on the bot's own state, such as its logs)."""
        deadline = time.monotonic() + timeout
        async with self._changed:
            while not (value := condition()):
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError("timed out waiting for the bot")
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._changed.wait(), min(left, 0.1))
        return value

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    # --- the HTTP side -------------------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.Response:
        try:
            return await self._respond(request)
        finally:
            await self._notify()

    async def _respond(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return _error(401, "Unauthorized")
        method = request.match_info["method"]
        params = await _params(request)
        self.counts[method] += 1
        if not self.lean:
            self.calls.append((method, params))
        if method in self.delays:
            await asyncio.sleep(self.delays[method])
        faults = self.faults.get(method)
        chaos = self.chaos[method].draw() if method in self.chaos else None
        if faults or chaos:
            fault = faults.pop(0) if faults else chaos
            assert fault is not None
            await asyncio.sleep(fault.delay)
            if fault.status == 429:
                return _error(
                    429, f"Too Many Requests: retry after {fault.retry_after}", {"retry_after": fault.retry_after}
                )
            if fault.status != 200:
                return _error(fault.status, "Internal Server Error" if fault.status == 500 else "Bad Gateway")
        handler = getattr(self, f"_api_{method}", None)
        if handler is None:
            return _error(404, "Not Found")
        try:
            result = await handler(params)
        except _APIError as exc:
            return _error(exc.code, exc.description, exc.parameters)
        return web.json_response({"ok": True, "result": result})

    async def _api_getMe(self, params: dict[str, Any]) -> Any:
        return BOT

    async def _api_deleteWebhook(self, params: dict[str, Any]) -> Any:
        self.webhook = {}
        return True

    async def _api_setWebhook(self, params: dict[str, Any]) -> Any:
        self.webhook = params
        return True

    async def _api_getWebhookInfo(self, params: dict[str, Any]) -> Any:
        return {"url": self.webhook.get("url", ""), "has_custom_certificate": False, "pending_update_count": 0}

    async def _api_setMyCommands(self, params: dict[str, Any]) -> Any:
        if params.get("language_code"):
            self.localized_commands[params["language_code"]] = params["commands"]
        else:
            self.commands = params["commands"]
        return True

    async def _api_getUpdates(self, params: dict[str, Any]) -> Any:
        offset = int(params.get("offset", 0) or 0)
        if offset:
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
        timeout = min(float(params.get("timeout", 0) or 0), 2.0)
        deadline = time.monotonic() + timeout
        while not self.updates and not self._closing and time.monotonic() < deadline:
            self._new_update.clear()
            try:
                await asyncio.wait_for(self._new_update.wait(), deadline - time.monotonic())
            except TimeoutError:
                break
        return self.updates[: int(params.get("limit", 100) or 100)]

    def _chat_for(self, chat_id: Any) -> dict[str, Any]:
        chat_id = int(chat_id)
        if chat_id in self.migrated:
            raise _APIError(
                400,
                "Bad Request: group chat was upgraded to a supergroup chat",
                {"migrate_to_chat_id": self.migrated[chat_id]},
            )
        if chat_id in self.blocked:
            raise _APIError(403, "Forbidden: bot was blocked by the user")
        for (cid, _), message in self.messages.items():
            if cid == chat_id:
                return dict(message["chat"])
        return {"id": chat_id, "type": "private" if chat_id > 0 else "group"}

    def _text(self, params: dict[str, Any]) -> str:
        text = str(params.get("text", ""))
        if params.get("parse_mode") == "HTML":
            try:
                text = parse_html(text)
            except EntityError as exc:
                raise _APIError(400, f"Bad Request: can't parse entities: {exc}") from None
        if not text.strip():
            raise _APIError(400, "Bad Request: message text is empty")
        if utf16_len(text) > 4096:
            raise _APIError(400, "Bad Request: message is too long")
        return text

    async def _api_sendMessage(self, params: dict[str, Any]) -> Any:
        chat = self._chat_for(params["chat_id"])
        text = self._text(params)
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": chat,
            "from": BOT,
            "text": text,
            "html": params.get("text"),
            "at": time.monotonic(),
        }
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        reply = params.get("reply_parameters") or {}
        reply_id = reply.get("message_id") or params.get("reply_to_message_id")
        if reply_id:
            original = self.messages.get((chat["id"], int(reply_id)))
            if original is not None:
                message["reply_to_message"] = {k: v for k, v in original.items() if k != "reply_to_message"}
        self.counts["delivered"] += 1
        if not self.lean:
            self.messages[(chat["id"], message["message_id"])] = message
            self.sent.append(message)
        return {k: v for k, v in message.items() if k not in {"html", "at"}}

    async def _api_editMessageText(self, params: dict[str, Any]) -> Any:
        key = (int(params["chat_id"]), int(params["message_id"]))
        if key not in self.messages:
            raise _APIError(400, "Bad Request: message to edit not found")
        message = self.messages[key]
        message.update(text=self._text(params), html=params.get("text"), edited=True)
        message["reply_markup"] = params.get("reply_markup")
        return {k: v for k, v in message.items() if k not in {"html", "edited", "at"}}

    async def _api_answerCallbackQuery(self, params: dict[str, Any]) -> Any:
        return True

    async def _api_answerInlineQuery(self, params: dict[str, Any]) -> Any:
        for result in params.get("results", []):
            content = result.get("input_message_content", {})
            self._text({"text": content.get("message_text", ""), "parse_mode": content.get("parse_mode")})
        return True

    async def _api_getChatMember(self, params: dict[str, Any]) -> Any:
        chat_id, user_id = int(params["chat_id"]), int(params["user_id"])
        member = {"user": user(user_id), "is_anonymous": False}
        if user_id in self.admins.get(chat_id, set()):
            return {**member, "status": "administrator", "can_be_edited": False, **_ADMIN_RIGHTS}
        return {"user": member["user"], "status": "member"}

    async def _api_sendChatAction(self, params: dict[str, Any]) -> Any:
        return True


_ADMIN_RIGHTS = dict.fromkeys(
    (
        "can_manage_chat",
        "can_delete_messages",
        "can_manage_video_chats",
        "can_restrict_members",
        "can_promote_members",
        "can_change_info",
        "can_invite_users",
        "can_post_stories",
        "can_edit_stories",
        "can_delete_stories",
    ),
    True,
)


class _APIError(Exception):
    def __init__(self, code: int, description: str, parameters: dict[str, Any] | None = None) -> None:
        super().__init__(description)
        self.code, self.description, self.parameters = code, description, parameters


def _error(code: int, description: str, parameters: dict[str, Any] | None = None) -> web.Response:
    body: dict[str, Any] = {"ok": False, "error_code": code, "description": description}
    if parameters:
        body["parameters"] = parameters
    return web.json_response(body, status=code)


async def _params(request: web.Request) -> dict[str, Any]:
    """Bot API parameters arrive as a query, a form (nested values JSON-encoded, files uploaded) or JSON."""
    params: dict[str, Any] = dict(request.query)
    if request.content_type == "application/json":
        params.update(await request.json())
    elif request.can_read_body:
        params.update(dict(await request.post()))
    for key, value in list(params.items()):
        if isinstance(value, web.FileField):  # an upload (setWebhook's certificate): its bytes
            params[key] = value.file.read()
        elif isinstance(value, str) and value[:1] in "[{":
            with contextlib.suppress(ValueError):
                params[key] = json.loads(value)
    return params


STICKER = {
    "sticker": {
        "file_id": "s",
        "file_unique_id": "s",
        "width": 1,
        "height": 1,
        "is_animated": False,
        "is_video": False,
        "type": "regular",
    }
}


def private_chat(user_id: int) -> dict[str, Any]:
    return {"id": user_id, "type": "private", "first_name": f"User{user_id}"}


def user(user_id: int, language_code: str | None = None) -> dict[str, Any]:
    """A user; `language_code` is their Telegram app's language, as Telegram sends it."""
    found = {"id": user_id, "is_bot": False, "first_name": f"User{user_id}"}
    return found if language_code is None else {**found, "language_code": language_code}


def group_chat(chat_id: int, kind: str = "group") -> dict[str, Any]:
    return {"id": chat_id, "type": kind, "title": "Test group"}
