"""Everything the bot itself says, in English and in Urdu: the words around the curated facts
(according to, source, not reported...) and the chat's own messages. One place for a translator.

Texts with `{name}` are `str.format` templates; those sent as Telegram HTML say so, and the values
put into them are escaped by the caller.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.language import Language


@dataclass(frozen=True)
class Phrases:
    # answers (bot/render.py, bot/answers.py)
    according: str
    said_on: str
    full_stop: str
    source: str
    translation: str
    figure_not_given: str
    day_not_given: str
    place_not_named: str
    part_not_counted: str
    not_blamed: str
    earlier_report: str
    side_by_side: str
    why_they_differ: str
    change: str
    new_development: str
    headline: str
    replaces: str
    not_reported: str
    that: str
    they_report: str
    not_sure: str
    sorry_scope: str
    can_tell: str
    for_example: str
    i_cover: str
    try_asking: str
    separator: str
    comma: str
    either: str
    anything_about: str
    no_development: str
    topic_more_one: str
    topic_more_many: str
    with_input_from: str
    citation: str
    date: str
    months: tuple[str, ...]
    not_in_sources: str
    outside: str
    # the chat (bot/chat/)
    none_of_these: str
    longer: str
    goes_on: str
    only_asker: str
    stale: str
    noted: str
    noted_more: str
    start: str
    help: str
    pick_topic: str
    sources_heading: str
    ask_after: str
    yes: str
    unknown_command: str
    only_text: str
    slow_down: str
    group_slow_down: str
    inline_slow_down: str
    this_chat: str
    this_group: str
    subscribed: str
    already_subscribed: str
    unsubscribed: str
    not_subscribed: str
    updates_in_english: str
    cannot_check_admins: str
    admins_subscription: str
    admins_language: str
    language_is: str
    language_names: dict[str, str]
    language_set: dict[str, str]
    language_usage: str
    menu: dict[str, str]

    def format_date(self, day: dt.date) -> str:
        return self.date.format(day=day.day, month=self.months[day.month - 1], year=day.year)

    def join_or(self, items: list[str]) -> str:
        """ "A", "A or B", "A, B or C"."""
        if len(items) == 1:
            return items[0]
        return self.comma.join(items[:-1]) + f" {self.either} " + items[-1]


EN = Phrases(
    according="according to {source}",
    said_on="on {date}",
    full_stop=".",
    source="Source: {citation}",
    translation="Translation: {text}",
    figure_not_given="Our sources do not give the figure {figures}. What they report:",
    day_not_given="Our sources do not give {figures} as a date. What they report:",
    place_not_named="Our sources do not name {figures} among the places attacked. What they report:",
    part_not_counted="Our sources do not say how many of them were {figures}. What they report:",
    not_blamed="As our sources report it, this statement does not blame {figures}:",
    earlier_report="Earlier report",
    side_by_side="Another figure, side by side",
    why_they_differ="Why they differ: ",
    change="Change",
    new_development="New development",
    headline="{kind}, {date}",
    replaces=": this replaces an earlier report, shown below.",
    not_reported="Our sources do not report {missing}.",
    that="that",
    they_report="What they do report:",
    not_sure="I'm not sure which of these you mean:",
    sorry_scope="Sorry, I can only answer questions about the {scope}.",
    can_tell="I can tell you about: {topics}.",
    for_example="For example:",
    i_cover="I cover the {scope}: {topics}.",
    try_asking="Try asking:",
    separator="; ",
    comma=", ",
    either="or",
    anything_about="anything about {names} on this",
    no_development="any new development since the first reports of {date}",
    topic_more_one="This topic has 1 more fact: ask me about them in your own words, or pick one below.",
    topic_more_many="This topic has {count} more facts: ask me about them in your own words, or pick one below.",
    with_input_from="{publisher}, with additional input from {input}",
    citation="{publisher}, “{title}”, {date}",
    date="{day} {month} {year}",
    months=("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    not_in_sources="Not in our sources",
    outside="Outside what I cover",
    none_of_these="None of these",
    longer="(The full answer is longer: ask me in a private chat.)",
    goes_on="(There is more: ask me about one part of it at a time.)",
    only_asker="Only the person who asked can use these buttons.",
    stale="That button is out of date. Please ask your question again.",
    noted="Thanks, noted.",
    noted_more=(
        "Thanks. I've noted your question for the editors; our sources may not cover it yet. "
        "Try /topics to see what they do cover."
    ),
    start=(
        "Hello! I answer questions about the <b>{title}</b> from cited sources.\n"
        "Ask me anything in your own words, or try one of these:"
    ),
    help=(
        "I answer questions about the <b>{title}</b>:\n{topics}\n\n"
        "Every answer says who says so and cites its source. If our sources do not say, I tell you so.\n"
        "In a private chat just type a question. In a group, mention me, reply to me, "
        "or use /ask followed by your question.\n"
        "/topics browses the facts, /sources lists the sources, /latest shows the newest developments, "
        "and /subscribe sends you each new one once.\n"
        "I answer in the language you write in; /language ur answers in Urdu (اردو) always."
    ),
    pick_topic="Pick a topic:",
    sources_heading="Sources",
    ask_after="Ask me after the command, for example: /ask who claimed the attacks?",
    yes="Yes? Ask me a question about the story, or send /help.",
    unknown_command="I don't know that command. Try /help.",
    only_text="I can only read text. Please type your question.",
    slow_down="You're sending messages faster than I can answer. Please wait a little, then ask again.",
    group_slow_down="This group is asking faster than I can answer. Please wait a minute, then ask again.",
    inline_slow_down="Too many questions at once: please wait a little",
    this_chat="This chat",
    this_group="This group",
    subscribed=(
        "{here} is now subscribed: I'll send each new development once, with its source. "
        "/latest shows the most recent ones; /unsubscribe stops them."
    ),
    already_subscribed="{here} is already subscribed. /unsubscribe stops the updates.",
    unsubscribed="Unsubscribed: no more updates here. /subscribe starts them again.",
    not_subscribed="This chat was not subscribed. /subscribe starts the updates.",
    updates_in_english="Updates come in English; /language ur sends them in Urdu.",
    cannot_check_admins="I couldn't check who administers this group just now. Please try again.",
    admins_subscription="Sorry, only this group's administrators can change its subscription to updates.",
    admins_language="Sorry, only this group's administrators can change its language.",
    language_is="Language: {language}. /language en, /language ur or /language auto changes it.",
    language_names={
        "en": "English",
        "ur": "Urdu (اردو)",
        "auto": "auto, each question answered in the language it is written in",
    },
    language_set={
        "en": "From now on I answer in English here.",
        "ur": "From now on I answer in Urdu here.",
        "auto": (
            "From now on I answer each question in the language it is written in: Urdu script in Urdu, "
            "Latin script (English or Roman Urdu) in English."
        ),
    },
    language_usage="I know /language en, /language ur and /language auto.",
    menu={
        "start": "Start and see example questions",
        "help": "What I can answer, and how",
        "topics": "Browse the facts by topic",
        "sources": "The sources behind every answer",
        "ask": "Ask a question (in groups: /ask who claimed the attacks?)",
        "latest": "The most recent developments",
        "subscribe": "Get each new development once, with its source",
        "unsubscribe": "Stop getting new developments",
        "language": "Answers in English, Urdu, or the language of each question",
    },
)

UR = Phrases(
    according="بحوالہ {source}",
    said_on="{date} کو",
    full_stop="۔",
    source="ذریعہ: {citation}",
    translation="ترجمہ: {text}",
    figure_not_given="ہمارے ذرائع {figures} کا عدد نہیں دیتے۔ وہ یہ بتاتے ہیں:",
    day_not_given="ہمارے ذرائع {figures} تاریخ نہیں بتاتے۔ وہ یہ بتاتے ہیں:",
    place_not_named="ہمارے ذرائع حملوں کی جگہوں میں {figures} کا نام نہیں لیتے۔ وہ یہ بتاتے ہیں:",
    part_not_counted="ہمارے ذرائع یہ نہیں بتاتے کہ ان میں سے کتنے {figures} تھے۔ وہ یہ بتاتے ہیں:",
    not_blamed="جیسا کہ ہمارے ذرائع بتاتے ہیں، یہ بیان {figures} کو ذمہ دار نہیں ٹھہراتا:",
    earlier_report="پہلے کی خبر",
    side_by_side="ایک اور عدد، ساتھ ساتھ",
    why_they_differ="فرق کی وجہ: ",
    change="تبدیلی",
    new_development="نئی پیش رفت",
    headline="{kind}، {date}",
    replaces=": یہ پہلے کی ایک خبر کی جگہ لیتی ہے، جو نیچے دی گئی ہے۔",
    not_reported="ہمارے ذرائع یہ نہیں بتاتے: {missing}۔",
    that="یہ بات",
    they_report="وہ یہ بتاتے ہیں:",
    not_sure="مجھے یقین نہیں کہ آپ ان میں سے کون سی بات پوچھ رہے ہیں:",
    sorry_scope="معذرت، میں صرف اس خبر کے بارے میں سوالوں کے جواب دے سکتا ہوں: {scope}۔",
    can_tell="میں ان کے بارے میں بتا سکتا ہوں: {topics}۔",
    for_example="مثلاً:",
    i_cover="میں اس خبر کے بارے میں بتاتا ہوں: {scope}۔ موضوعات: {topics}۔",
    try_asking="یہ پوچھ کر دیکھیں:",
    separator="؛ ",
    comma="، ",
    either="یا",
    anything_about="اس معاملے پر {names} کے بارے میں کچھ بھی",
    no_development="{date} کی پہلی خبروں کے بعد کوئی نئی پیش رفت",
    topic_more_one="اس موضوع میں ایک اور حقیقت ہے: اس کے بارے میں اپنے الفاظ میں پوچھیں، یا نیچے سے چنیں۔",
    topic_more_many="اس موضوع میں {count} مزید حقائق ہیں: ان کے بارے میں اپنے الفاظ میں پوچھیں، یا نیچے سے ایک چنیں۔",
    with_input_from="{publisher}، {input} کی اضافی معلومات کے ساتھ",
    citation="{publisher}، “{title}”، {date}",
    date="{day} {month} {year}",
    months=("جنوری", "فروری", "مارچ", "اپریل", "مئی", "جون", "جولائی", "اگست", "ستمبر", "اکتوبر", "نومبر", "دسمبر"),
    not_in_sources="ہمارے ذرائع میں نہیں",
    outside="میرے دائرے سے باہر",
    none_of_these="ان میں سے کوئی نہیں",
    longer="(پورا جواب اس سے لمبا ہے: مجھ سے نجی چیٹ میں پوچھیں۔)",
    goes_on="(مزید بھی ہے: ایک وقت میں اس کے ایک حصے کے بارے میں پوچھیں۔)",
    only_asker="یہ بٹن صرف وہی استعمال کر سکتا ہے جس نے سوال پوچھا۔",
    stale="یہ بٹن پرانا ہو چکا ہے۔ براہ کرم اپنا سوال دوبارہ پوچھیں۔",
    noted="شکریہ، نوٹ کر لیا۔",
    noted_more=(
        "شکریہ۔ میں نے آپ کا سوال مدیروں کے لیے نوٹ کر لیا ہے؛ ہو سکتا ہے ہمارے ذرائع میں ابھی اس کا ذکر نہ ہو۔ "
        "ذرائع کن باتوں کا احاطہ کرتے ہیں، یہ دیکھنے کے لیے /topics بھیجیں۔"
    ),
    start=(
        "السلام علیکم! میں حوالہ دیے گئے ذرائع سے اس خبر کے بارے میں سوالوں کے جواب دیتا ہوں: <b>{title}</b>\n"
        "اپنے الفاظ میں کچھ بھی پوچھیں، یا ان میں سے کوئی سوال آزمائیں:"
    ),
    help=(
        "میں اس خبر کے بارے میں سوالوں کے جواب دیتا ہوں: <b>{title}</b>\n{topics}\n\n"
        "ہر جواب بتاتا ہے کہ بات کس نے کہی اور اس کا ذریعہ کیا ہے۔ "
        "اگر ہمارے ذرائع میں کوئی بات نہ ہو تو میں یہی بتاتا ہوں۔\n"
        "نجی چیٹ میں بس سوال لکھیں۔ گروپ میں مجھے مینشن کریں، میرے پیغام کا جواب دیں، "
        "یا /ask کے بعد اپنا سوال لکھیں۔\n"
        "/topics سے حقائق دیکھیں، /sources سے ذرائع، /latest سے تازہ ترین پیش رفت، "
        "اور /subscribe سے ہر نئی پیش رفت ایک بار پائیں۔\n"
        "میں اسی زبان میں جواب دیتا ہوں جس میں آپ لکھیں؛ /language ur سے ہمیشہ اردو میں۔"
    ),
    pick_topic="ایک موضوع چنیں:",
    sources_heading="ذرائع",
    ask_after="کمانڈ کے بعد سوال لکھیں، مثلاً: /ask حملوں کی ذمہ داری کس نے قبول کی؟",
    yes="جی؟ خبر کے بارے میں سوال پوچھیں، یا /help بھیجیں۔",
    unknown_command="میں یہ کمانڈ نہیں جانتا۔ /help آزمائیں۔",
    only_text="میں صرف تحریر پڑھ سکتا ہوں۔ براہ کرم اپنا سوال لکھیں۔",
    slow_down="آپ اتنی تیزی سے پیغام بھیج رہے ہیں کہ میں جواب نہیں دے پا رہا۔ براہ کرم تھوڑا رکیں، پھر پوچھیں۔",
    group_slow_down="یہ گروپ اتنی تیزی سے پوچھ رہا ہے کہ میں جواب نہیں دے پا رہا۔ براہ کرم ایک منٹ رکیں، پھر پوچھیں۔",
    inline_slow_down="ایک ساتھ بہت سے سوال: براہ کرم تھوڑا رکیں",
    this_chat="اس چیٹ",
    this_group="اس گروپ",
    subscribed=(
        "سبسکرپشن ہو گئی: میں {here} میں ہر نئی پیش رفت ایک بار، اس کے ذریعے کے ساتھ بھیجوں گا۔ "
        "/latest تازہ ترین پیش رفت دکھاتا ہے؛ /unsubscribe انہیں روک دیتا ہے۔"
    ),
    already_subscribed="{here} کی سبسکرپشن پہلے سے ہے۔ /unsubscribe اطلاعات روک دیتا ہے۔",
    unsubscribed="سبسکرپشن ختم: یہاں مزید اطلاعات نہیں آئیں گی۔ /subscribe انہیں دوبارہ شروع کرتا ہے۔",
    not_subscribed="یہاں کوئی سبسکرپشن نہیں تھی۔ /subscribe اطلاعات شروع کرتا ہے۔",
    updates_in_english="اطلاعات انگریزی میں آئیں گی؛ اردو میں پانے کے لیے /language ur بھیجیں۔",
    cannot_check_admins="میں ابھی یہ معلوم نہیں کر سکا کہ اس گروپ کے منتظم کون ہیں۔ براہ کرم دوبارہ کوشش کریں۔",
    admins_subscription="معذرت، اس گروپ کی سبسکرپشن صرف اس کے منتظمین بدل سکتے ہیں۔",
    admins_language="معذرت، اس گروپ کی زبان صرف اس کے منتظمین بدل سکتے ہیں۔",
    language_is="زبان: {language}۔ بدلنے کے لیے /language en، /language ur یا /language auto بھیجیں۔",
    language_names={
        "en": "انگریزی (English)",
        "ur": "اردو",
        "auto": "خودکار، ہر سوال کا جواب اسی زبان میں جس میں وہ لکھا گیا ہو",
    },
    language_set={
        "en": "اب سے میں یہاں انگریزی میں جواب دوں گا (From now on I answer in English here).",
        "ur": "اب سے میں یہاں اردو میں جواب دوں گا۔",
        "auto": (
            "اب سے میں ہر سوال کا جواب اسی زبان میں دوں گا جس میں وہ لکھا گیا ہو: اردو رسم الخط میں اردو، "
            "لاطینی رسم الخط (انگریزی یا رومن اردو) میں انگریزی۔"
        ),
    },
    language_usage="میں /language en، /language ur اور /language auto سمجھتا ہوں۔",
    menu={
        "start": "شروع کریں اور مثالی سوال دیکھیں",
        "help": "میں کیا بتا سکتا ہوں، اور کیسے",
        "topics": "موضوع کے لحاظ سے حقائق دیکھیں",
        "sources": "ہر جواب کے ذرائع",
        "ask": "سوال پوچھیں (گروپ میں: /ask حملے کس نے کیے؟)",
        "latest": "تازہ ترین پیش رفت",
        "subscribe": "ہر نئی پیش رفت ایک بار، ذریعے کے ساتھ پائیں",
        "unsubscribe": "نئی پیش رفت کی اطلاعات بند کریں",
        "language": "جواب انگریزی، اردو، یا ہر سوال کی اپنی زبان میں",
    },
)

_PHRASES: dict[Language, Phrases] = {"en": EN, "ur": UR}


def phrases(language: Language) -> Phrases:
    return _PHRASES[language]
