"""The real application against the loopback Bot API server: private chats, groups, buttons."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from bot.chat.context import App
from bot.language import script_language
from bot.phrases import EN, UR
from bot.store import Store
from tests.botapi import BOT, STICKER, TOKEN, BotAPIServer, group_chat, private_chat, user
from tests.clock import ManualClock
from tests.conftest import BotFactory

ALICE, BOB = user(1001), user(1002)
PRIVATE = private_chat(1001)
GROUP = group_chat(-5001)


def mention(text: str) -> list[dict[str, Any]]:
    start = text.index("@FactTestBot")
    return [{"type": "mention", "offset": start, "length": len("@FactTestBot")}]


def command(text: str) -> list[dict[str, Any]]:
    return [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]


async def ask(
    api: BotAPIServer, text: str, *, chat: dict[str, Any] = PRIVATE, who: dict[str, Any] = ALICE, **kwargs: Any
) -> list[dict[str, Any]]:
    message = api.user_message(text, chat=chat, user=who, **kwargs)
    return await api.wait_for(lambda: api.replies_to(message))


async def test_private_question_gets_cited_html_reply(bot_app: App, api: BotAPIServer) -> None:
    [reply] = await ask(api, "who claimed the attacks?")
    assert "Baloch Liberation Army" in reply["text"] and "Source:" in reply["text"]
    assert "<b>" in reply["html"]
    related = reply["reply_markup"]["inline_keyboard"]
    assert related and related[0][0]["callback_data"].startswith("r:")


async def test_a_follow_up_is_read_with_the_same_person_s_last_question(
    make_bot: BotFactory, api: BotAPIServer
) -> None:
    """ "and in noshki?" alone is no question of the story; after "how many people died?" it asks for
    Noshki's toll, which the sources do not give. Another person's follow-up, or one asked after
    the window, is read alone; the question is kept as the router normalised it."""
    clock = ManualClock()
    app = await make_bot(clock=clock)
    await ask(api, "how many people died?")
    await ask(api, "thanks")  # chat, not a question a follow-up could lean on
    [reply] = await ask(api, "and in noshki?")
    assert "do not report how many people were killed in each district" in reply["text"]
    [other] = await ask(api, "and in noshki?", chat=private_chat(1002), who=BOB)
    assert "do not report" not in other["text"]
    assert await app.bot_data.store.last_question(1001, 1001, since=clock.now()) == "how many people killed noshki"
    clock.advance(app.bot_data.settings.follow_up_seconds + 1)
    [late] = await ask(api, "and in mastung?")
    assert "do not report" not in late["text"]


async def test_commands_are_registered_for_the_menu(bot_app: App, api: BotAPIServer) -> None:
    assert {c["command"] for c in api.commands} >= {"start", "help", "topics", "sources"}


async def test_start_shows_example_buttons_that_answer(bot_app: App, api: BotAPIServer) -> None:
    [reply] = await ask(api, "/start", entities=command("/start"))
    buttons = [row[0] for row in reply["reply_markup"]["inline_keyboard"]]
    assert len(buttons) >= 3
    api.callback(buttons[0]["callback_data"], message=reply, user=ALICE)
    await api.wait_for(lambda: api.messages[(PRIVATE["id"], reply["message_id"])].get("edited"))
    assert "Source:" in api.messages[(PRIVATE["id"], reply["message_id"])]["text"]


@pytest.mark.parametrize(("text", "expected"), [("/help", "who says so"), ("/sources", "News Desk")])
async def test_help_and_sources(bot_app: App, api: BotAPIServer, text: str, expected: str) -> None:
    [reply] = await ask(api, text, entities=command(text))
    assert expected in reply["text"]


async def test_topic_button_shows_its_facts(bot_app: App, api: BotAPIServer) -> None:
    [reply] = await ask(api, "/topics", entities=command("/topics"))
    data = [row[0]["callback_data"] for row in reply["reply_markup"]["inline_keyboard"]]
    assert "t:condemnation:en" in data
    api.callback("t:condemnation", message=reply, user=ALICE)
    [facts] = await api.wait_for(lambda: api.replies_to(reply))
    assert "Saudi Arabia" in facts["text"] and "United Arab Emirates" in facts["text"]


async def test_did_you_mean_buttons_answer_and_none_is_recorded(bot_app: App, api: BotAPIServer) -> None:
    [reply] = await ask(api, "what did bugti say")
    rows = reply["reply_markup"]["inline_keyboard"]
    assert rows[-1][0]["text"] == "None of these"
    api.callback(rows[0][0]["callback_data"], message=reply, user=ALICE)
    await api.wait_for(lambda: api.messages[(PRIVATE["id"], reply["message_id"])].get("edited"))
    assert "Source:" in api.messages[(PRIVATE["id"], reply["message_id"])]["text"]

    [second] = await ask(api, "did the chief minister say anything")
    api.callback(second["reply_markup"]["inline_keyboard"][-1][0]["callback_data"], message=second, user=ALICE)
    await api.wait_for(lambda: len(api.calls_of("answerCallbackQuery")) == 2)
    store: Store = bot_app.bot_data.store
    await api.wait_for(lambda: api.messages[(PRIVATE["id"], second["message_id"])].get("edited"))
    assert any(count >= 2 for _, count in await store.unsure_questions())


@pytest.mark.parametrize(
    "data",
    [
        "a:no-such-fact:1001",
        "garbage",
        "",
        "t:nope",
        "a:bla-claim",
        "x:" + "9" * 60,
        "a:bla-claim:" + "9" * 5000,  # more digits than int() will read
        "r:bla-claim:" + "1" * 40,
        "n:" + "7" * 5000,
        "a:bla-claim:١٠٠١",  # Arabic-Indic digits
        "r:bla-claim:１００１",  # full-width digits
        "n:²",
        "t:" + "x" * 5000,
        "a:\x00\uffff:1001",
        "💥:💥:💥",
        "a:bla-claim:1001\n",
    ],
)
async def test_stale_or_forged_callbacks_get_a_polite_answer(
    bot_app: App, api: BotAPIServer, data: str, caplog: pytest.LogCaptureFixture
) -> None:
    [reply] = await ask(api, "who did it")
    api.callback(data, message=reply, user=ALICE)
    answered = await api.wait_for(lambda: api.calls_of("answerCallbackQuery"))
    assert answered[0]["text"] == EN.stale
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_group_chatter_is_ignored(bot_app: App, api: BotAPIServer) -> None:
    api.user_message("how many people died?", chat=GROUP, user=ALICE)
    api.user_message("lol", chat=GROUP, user=BOB)
    [reply] = await ask(api, "/ask@FactTestBot who did it", chat=GROUP, entities=command("/ask@FactTestBot who did it"))
    assert len(api.sent) == 1 and "Baloch" in reply["text"]


@pytest.mark.parametrize(
    ("text", "kwargs"),
    [
        ("@FactTestBot who did it", {"entities": mention("@FactTestBot who did it")}),
        ("civilians slain? @facttestbot", {"entities": mention("civilians slain? @FactTestBot")}),
        ("/ask who did it", {"entities": command("/ask who did it")}),
    ],
)
async def test_group_answers_when_addressed_with_one_reply(
    bot_app: App, api: BotAPIServer, text: str, kwargs: dict[str, Any]
) -> None:
    replies = await ask(api, text, chat=GROUP, **kwargs)
    assert len(replies) == 1 and "Source:" in replies[0]["text"]


async def test_group_reply_to_the_bot_is_a_question(bot_app: App, api: BotAPIServer) -> None:
    [first] = await ask(api, "/ask who did it", chat=GROUP, entities=command("/ask who did it"))
    [second] = await ask(api, "and how many civilians died?", chat=GROUP, reply_to=first)
    assert "31 civilians" in second["text"]


async def test_group_command_for_another_bot_is_ignored(bot_app: App, api: BotAPIServer) -> None:
    api.user_message("/ask@OtherBot who did it", chat=GROUP, user=ALICE, entities=command("/ask@OtherBot who did it"))
    await ask(api, "/help@FactTestBot", chat=GROUP, entities=command("/help@FactTestBot"))
    assert len(api.sent) == 1


async def test_group_buttons_belong_to_the_asker(bot_app: App, api: BotAPIServer) -> None:
    [reply] = await ask(
        api, "@FactTestBot what did bugti say", chat=GROUP, entities=mention("@FactTestBot what did bugti say")
    )
    data = reply["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    api.callback(data, message=reply, user=BOB)
    [refused] = await api.wait_for(lambda: api.calls_of("answerCallbackQuery"))
    assert refused["text"] == EN.only_asker
    api.callback(data, message=reply, user=ALICE)
    await api.wait_for(lambda: api.messages[(GROUP["id"], reply["message_id"])].get("edited"))


async def test_inline_mode_offers_cited_answers(bot_app: App, api: BotAPIServer) -> None:
    api.inline("who claimed it", user=ALICE)
    [call] = await api.wait_for(lambda: api.calls_of("answerInlineQuery"))
    first = call["results"][0]
    assert first["id"] == "bla-claim" and "Source:" in first["input_message_content"]["message_text"]
    api.inline("", user=ALICE)
    calls = await api.wait_for(
        lambda: len(api.calls_of("answerInlineQuery")) == 2 and api.calls_of("answerInlineQuery")
    )
    assert len(calls[1]["results"]) >= 3


async def test_server_errors_are_retried_with_backoff(make_bot: BotFactory, api: BotAPIServer) -> None:
    clock = ManualClock()
    await make_bot(clock=clock)
    api.fail("sendMessage", 500, times=2)
    api.fail("sendMessage", 502)
    replies = await ask(api, "who did it")
    assert len(replies) == 1 and len(api.calls_of("sendMessage")) == 4
    assert clock.slept == [0.5, 1.0, 2.0]


async def test_slow_answers_still_deliver_once(bot_app: App, api: BotAPIServer) -> None:
    api.slow("sendMessage", 0.3)
    replies = await ask(api, "who did it")
    assert len(replies) == 1


async def test_blocked_user_is_a_log_line_not_a_crash(
    bot_app: App, api: BotAPIServer, caplog: pytest.LogCaptureFixture
) -> None:
    api.blocked.add(2002)
    api.user_message("who did it", chat=private_chat(2002), user=user(2002))
    await api.wait_for(lambda: any("blocked" in r.getMessage() or "refused" in r.getMessage() for r in caplog.records))
    assert not any(r.exc_info for r in caplog.records if r.levelno >= logging.WARNING)
    assert len(await ask(api, "who did it")) == 1


async def test_group_migrated_to_supergroup_keeps_working(bot_app: App, api: BotAPIServer) -> None:
    api.user_message(None, chat=GROUP, user=ALICE, extra={"migrate_to_chat_id": -1009001})
    supergroup = group_chat(-1009001, "supergroup")
    replies = await ask(api, "/ask who did it", chat=supergroup, entities=command("/ask who did it"))
    assert len(replies) == 1


@pytest.mark.parametrize(
    "text",
    [
        "x" * 10_000,
        "😀😀😀",
        "مرنے والوں کی تعداد کیا ہے؟",
        "who\u200b did\u200d it\u0000\u0007",
        "<b>who</b> did it & <script>alert(1)</script>",
        "*who* _did_ [it](http://x)",
        "\u202ewho did it",
        " ",
    ],
)
async def test_strange_messages_get_one_valid_reply(
    bot_app: App, api: BotAPIServer, text: str, caplog: pytest.LogCaptureFixture
) -> None:
    replies = await ask(api, text)
    assert len(replies) == 1
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_html_in_the_question_is_never_parsed(bot_app: App, api: BotAPIServer) -> None:
    [reply] = await ask(api, "<i>bitcoin</i> & <b>price</b>")
    assert "<i>bitcoin" not in reply["html"]


async def test_messages_without_text(bot_app: App, api: BotAPIServer) -> None:
    [reply] = await ask(
        api,
        None,
        extra=STICKER,
    )
    assert "only read text" in reply["text"]
    api.user_message(
        None,
        chat=GROUP,
        user=ALICE,
        extra={"photo": [{"file_id": "p", "file_unique_id": "p", "width": 1, "height": 1}]},
    )
    await ask(api, "/help", entities=command("/help"))
    assert len(api.sent) == 2


async def test_edited_question_in_private_is_answered_again(bot_app: App, api: BotAPIServer) -> None:
    message = api.user_message("who did it", chat=PRIVATE, user=ALICE)
    await api.wait_for(lambda: api.replies_to(message))
    api.push({"edited_message": {**message, "text": "how many civilians were slain", "edit_date": 1}})
    await api.wait_for(lambda: len(api.sent) == 2)
    assert "31" in api.sent[1]["text"]


async def test_token_never_logged(make_bot: BotFactory, api: BotAPIServer, caplog: pytest.LogCaptureFixture) -> None:
    await make_bot(clock=ManualClock())  # the retry's backoff passes at once
    caplog.set_level(logging.DEBUG)
    api.fail("sendMessage", 500)
    await ask(api, "who did it")
    from bot.logs import RedactingFormatter

    formatter = RedactingFormatter("%(message)s")
    assert not any(TOKEN in formatter.format(r) for r in caplog.records)
    assert BOT["username"]


async def test_subscribe_and_unsubscribe_in_a_private_chat(bot_app: App, api: BotAPIServer) -> None:
    store: Store = bot_app.bot_data.store
    expected = [
        ("/subscribe", "now subscribed", True),
        ("/subscribe", "already subscribed", True),
        ("/unsubscribe", "Unsubscribed", False),
        ("/unsubscribe", "was not subscribed", False),
    ]
    for text, reply_has, subscribed in expected:
        [reply] = await ask(api, text, entities=command(text))
        assert reply_has in reply["text"]
        assert await store.is_subscribed(PRIVATE["id"]) is subscribed


@pytest.mark.parametrize("text", ["/subscribe", "/unsubscribe", "/subscribe@FactTestBot"])
async def test_only_group_admins_change_the_group_subscription(bot_app: App, api: BotAPIServer, text: str) -> None:
    store: Store = bot_app.bot_data.store
    api.admins[GROUP["id"]] = {ALICE["id"]}
    if text == "/unsubscribe":
        await store.subscribe(GROUP["id"])
    before = await store.is_subscribed(GROUP["id"])
    [refused] = await ask(api, text, chat=GROUP, who=BOB, entities=command(text))
    assert "only this group's administrators" in refused["text"]
    assert await store.is_subscribed(GROUP["id"]) is before
    [accepted] = await ask(api, text, chat=GROUP, who=ALICE, entities=command(text))
    assert "administrators" not in accepted["text"]
    assert await store.is_subscribed(GROUP["id"]) is not before


async def test_anonymous_group_admin_may_subscribe_the_group(bot_app: App, api: BotAPIServer) -> None:
    anonymous = {"id": 1087968824, "is_bot": True, "first_name": "Group", "username": "GroupAnonymousBot"}
    [reply] = await ask(
        api, "/subscribe", chat=GROUP, who=anonymous, entities=command("/subscribe"), extra={"sender_chat": GROUP}
    )
    assert "now subscribed" in reply["text"]
    assert await bot_app.bot_data.store.is_subscribed(GROUP["id"])


async def test_latest_without_updates_says_there_are_none(bot_app: App, api: BotAPIServer) -> None:
    [reply] = await ask(api, "/latest", entities=command("/latest"))
    assert "do not report any new development since the first reports of 1 Feb 2026" in reply["text"]


async def test_stats_count_subscribers_and_deliveries(make_bot: BotFactory, api: BotAPIServer) -> None:
    await make_bot(admin_ids=(ALICE["id"],))
    await ask(api, "/subscribe", entities=command("/subscribe"))
    [stats] = await ask(api, "/stats", entities=command("/stats"))
    assert "Subscribed chats: 1" in stats["text"] and "0 pending" in stats["text"]


async def test_a_failed_admin_check_is_a_polite_retry_not_a_subscription(bot_app: App, api: BotAPIServer) -> None:
    api.fail("getChatMember", 400)
    [reply] = await ask(api, "/subscribe", chat=GROUP, who=ALICE, entities=command("/subscribe"))
    assert "try again" in reply["text"]
    assert not await bot_app.bot_data.store.is_subscribed(GROUP["id"])


async def test_memory_does_not_grow_with_every_new_user(make_bot: BotFactory, api: BotAPIServer) -> None:
    bot_app = await make_bot(rate_limit=False)  # the send budget would space the 40 answers over 1.3 s
    for user_id in range(9000, 9040):
        await ask(api, "who did it", chat=private_chat(user_id), who=user(user_id))
    # PTB notes each chat and user for a persistence update; with no persistence nothing drains it.
    assert not bot_app._chat_ids_to_be_updated_in_persistence  # type: ignore[attr-defined]
    assert not bot_app._user_ids_to_be_updated_in_persistence  # type: ignore[attr-defined]


# --- Urdu ---------------------------------------------------------------------------------------

URDU_READER = user(1003, language_code="ur")


def buttons_of(message: dict[str, Any]) -> list[dict[str, Any]]:
    return [row[0] for row in message["reply_markup"]["inline_keyboard"]]


async def test_an_urdu_question_gets_a_cited_urdu_answer_with_urdu_buttons(bot_app: App, api: BotAPIServer) -> None:
    [reply] = await ask(api, "حملوں کی ذمہ داری کس نے قبول کی؟")
    text = reply["text"]  # the loopback server checked the HTML, as Telegram would
    assert "بلوچ لبریشن آرمی نے حملوں کی ذمہ داری قبول کی" in text and "ذریعہ: News Desk" in text
    related = buttons_of(reply)
    assert related[0]["callback_data"].endswith(":ur") and script_language(related[0]["text"]) == "ur"
    api.callback(related[0]["callback_data"], message=reply, user=ALICE)
    [more] = await api.wait_for(lambda: api.replies_to(reply))
    assert "بحوالہ" in more["text"] and "Source:" not in more["text"]


async def test_urdu_did_you_mean_and_none_of_these(bot_app: App, api: BotAPIServer) -> None:
    [reply] = await ask(api, "بگٹی نے کیا کہا")
    assert reply["text"].startswith(UR.not_sure)
    *choices, none = buttons_of(reply)
    assert none["text"] == UR.none_of_these
    api.callback(choices[0]["callback_data"], message=reply, user=ALICE)
    await api.wait_for(lambda: api.messages[(PRIVATE["id"], reply["message_id"])].get("edited"))
    assert "ذریعہ:" in api.messages[(PRIVATE["id"], reply["message_id"])]["text"]
    [second] = await ask(api, "وزیر اعلی نے کیا کہا")
    api.callback(buttons_of(second)[-1]["callback_data"], message=second, user=ALICE)
    await api.wait_for(lambda: api.messages[(PRIVATE["id"], second["message_id"])].get("edited"))
    assert api.messages[(PRIVATE["id"], second["message_id"])]["text"] == UR.noted_more


async def test_the_language_command_is_stored_and_every_reply_follows_it(
    make_bot: BotFactory, api: BotAPIServer
) -> None:
    bot_app = await make_bot(fair_burst=0, fair_per_minute=0)  # many commands in a row
    store: Store = bot_app.bot_data.store

    async def say(text: str) -> dict[str, Any]:
        [reply] = await ask(api, text, entities=command(text) if text.startswith("/") else None)
        return reply

    assert (await say("/language ur"))["text"] == UR.language_set["ur"]
    assert await store.language(PRIVATE["id"]) == "ur"
    assert "ذریعہ:" in (await say("who claimed the attacks?"))["text"]  # English asked, Urdu chosen
    assert (await say("/help"))["text"].startswith("میں اس خبر کے بارے میں")
    assert (await say("/sources"))["text"].startswith("ذرائع\n")
    assert "کوئی نئی پیش رفت" in (await say("/latest"))["text"]
    assert (await say("/language"))["text"] == UR.language_is.format(language=UR.language_names["ur"])
    topics = await say("/topics")
    assert topics["text"] == UR.pick_topic and buttons_of(topics)[0]["text"] == "ہلاکتیں اور مرنے والوں کی تعداد"
    api.callback("t:condemnation", message=topics, user=ALICE)  # a button from before buttons had a language
    [facts] = await api.wait_for(lambda: api.replies_to(topics))
    assert "سعودی عرب" in facts["text"]

    assert (await say("/language en"))["text"] == EN.language_set["en"]
    assert "Source:" in (await say("حملے کس نے کیے؟"))["text"]
    assert (await say("/language auto"))["text"] == EN.language_set["auto"]
    assert await store.language(PRIVATE["id"]) is None
    assert "ذریعہ:" in (await say("حملے کس نے کیے؟"))["text"] and "Source:" in (await say("who did it"))["text"]
    assert (await say("/language klingon"))["text"] == EN.language_usage


async def test_in_auto_commands_follow_the_telegram_app_language(bot_app: App, api: BotAPIServer) -> None:
    chat = private_chat(URDU_READER["id"])
    [start] = await ask(api, "/start", chat=chat, who=URDU_READER, entities=command("/start"))
    assert start["text"].startswith("السلام علیکم!")
    assert all(script_language(b["text"]) == "ur" for b in buttons_of(start))
    [subscribed] = await ask(api, "/subscribe", chat=chat, who=URDU_READER, entities=command("/subscribe"))
    assert UR.updates_in_english in subscribed["text"]  # auto: updates have no question to follow
    [help_text] = await ask(api, "/help", entities=command("/help"))  # Alice's app is not in Urdu
    assert "who says so" in help_text["text"]


async def test_only_group_admins_change_the_group_language(bot_app: App, api: BotAPIServer) -> None:
    api.admins[GROUP["id"]] = {ALICE["id"]}
    [refused] = await ask(api, "/language ur", chat=GROUP, who=BOB, entities=command("/language ur"))
    assert refused["text"] == EN.admins_language and await bot_app.bot_data.store.language(GROUP["id"]) is None
    await ask(api, "/language ur", chat=GROUP, who=ALICE, entities=command("/language ur"))
    [answer] = await ask(api, "/ask who did it", chat=GROUP, who=BOB, entities=command("/ask who did it"))
    assert "ذریعہ:" in answer["text"]


async def test_a_reader_writing_urdu_is_asked_to_slow_down_in_urdu(make_bot: BotFactory, api: BotAPIServer) -> None:
    await make_bot(fair_burst=1)
    await ask(api, "حملے کس نے کیے؟")
    [notice] = await ask(api, "کتنے لوگ مارے گئے؟")
    assert notice["text"] == UR.slow_down


async def test_an_urdu_inline_flood_is_told_to_slow_down_in_urdu(make_bot: BotFactory, api: BotAPIServer) -> None:
    await make_bot(clock=ManualClock(), fair_inline_burst=1)
    for _ in range(2):
        api.inline("حملے کس نے کیے", user=ALICE)
    answered = await api.wait_for(lambda: len(calls := api.calls_of("answerInlineQuery")) == 2 and calls)
    [notice] = [c for c in answered if not c["results"]]
    assert notice["button"]["text"] == UR.inline_slow_down


async def test_inline_results_and_the_menu_in_urdu(bot_app: App, api: BotAPIServer) -> None:
    api.inline("حملے کس نے کیے", user=ALICE)
    [call] = await api.wait_for(lambda: api.calls_of("answerInlineQuery"))
    first = call["results"][0]
    assert first["id"] == "bla-claim" and first["title"] == "بی ایل اے نے ذمہ داری قبول کی"
    assert "ذریعہ:" in first["input_message_content"]["message_text"]
    urdu_menu = {c["command"]: c["description"] for c in api.localized_commands["ur"]}
    assert urdu_menu.keys() == {c["command"] for c in api.commands} and urdu_menu["language"] == UR.menu["language"]
