"""The router's decisions on questions of each kind, and the rules that keep it honest."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import OSA

from bot import router as router_module
from bot.answers import GapBlock
from bot.core import Core
from bot.language import LANGUAGES, Language, script_language
from bot.lexicon import fold
from bot.quality import load_labelled
from bot.router import Router, Routing
from bot.thresholds import Thresholds
from tests.conftest import LABELLED


def _decided(core: Core, question: str, previous: str | None = None) -> list[tuple[str, str | None]]:
    """Each intent of a routing as (decision, first target): what a person is told, in brief."""
    routing = core.router.route(question, previous=previous)
    return [(i.decision, i.top.target if i.top else None) for i in routing.intents]


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("who claimed the attacks?", "bla-claim"),
        ("how many civilians were slain", "civilians-killed"),
        ("what did the uk say", "uk-condemnation"),
        ("who launched the attacks", "bla-claim"),
        ("who masterminded this", "bla-claim"),
    ],
)
def test_clear_question_is_answered(core: Core, question: str, fact_id: str) -> None:
    intent = core.router.route(question).intents[0]
    assert intent.decision == "answer"
    assert intent.top is not None and intent.top.target == fact_id
    assert intent.top.score >= core.router.thresholds.answer


def test_matches_are_ranked_with_scores(core: Core) -> None:
    matches = core.router.route("how many militants killed").intents[0].matches
    assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)


def test_two_questions_in_one_message_get_both(core: Core) -> None:
    routing = core.router.route("who did it and how many civilians died")
    assert [i.top.target for i in routing.intents if i.top] == ["bla-claim", "civilians-killed"]


@pytest.mark.parametrize("question", ["deaths? who did it?", "the dead, and who did this"])
def test_a_first_fragment_that_asks_alone_is_not_the_subject_of_the_next(core: Core, question: str) -> None:
    """A fragment before a question is read as its subject ("police and fc, how many were killed"); when
    the two read as one ask nothing, the fragment asks of its own: both were declined, and the first,
    with "who did" read as "who died", got "the names are not reported" (a dev batch, misleading)."""
    assert _decided(core, question) == [("answer", "overall-toll"), ("answer", "bla-claim")]


@pytest.mark.parametrize(
    ("question", "targets"),
    [
        ("kab hua tha aur kahan", ["timing", "districts"]),
        ("یہ کب اور کہاں ہوا", ["timing", "districts"]),
        ("کس نے کیا تھا اور کب", ["bla-claim", "timing"]),
    ],
)
def test_question_words_alone_in_a_part_ask_their_own_question(core: Core, question: str, targets: list[str]) -> None:
    """A part that is only a question word in Roman Urdu or Urdu ("kab", "کس نے کیا") adds nothing of
    its own to the next part: "kab hua" then asks where alone, not "where ... when"."""
    routing = core.router.route(question)
    assert [(i.decision, i.top.target if i.top else None) for i in routing.intents] == [("answer", t) for t in targets]


def test_and_inside_one_question_is_not_split(core: Core) -> None:
    routing = core.router.route("how did the army and police respond")
    assert len(routing.intents) == 1


@pytest.mark.parametrize("question", ["what did china say", "did russia condemn the attacks"])
def test_country_without_a_fact_is_a_gap_not_a_neighbour(core: Core, question: str) -> None:
    intent = core.router.route(question).intents[0]
    assert intent.decision == "gap"
    assert intent.uncovered_entities


def test_entity_must_be_covered_by_the_answering_fact(core: Core) -> None:
    """Iran is in the facts (as a neighbour), but no fact says Iran condemned anything."""
    intent = core.router.route("did iran condemn the attacks").intents[0]
    assert intent.decision == "gap"


@pytest.mark.parametrize("question", ["what's the weather in lahore", "who won the match", "", "   ", "!!!"])
def test_off_topic_is_declined(core: Core, question: str) -> None:
    assert not core.router.route(question).on_topic


def test_explicit_gap_is_routed_to_its_entry(core: Core) -> None:
    intent = core.router.route("how many people were wounded").intents[0]
    assert intent.decision == "gap" and intent.top is not None and intent.top.target == "injured"


@pytest.mark.parametrize(
    ("question", "target"),
    [
        ("who is natalie baker", "person-baker"),  # a person's role, not what she said
        ("tell me about bugti", "person-bugti"),
        ("how long did the clashes last", "operation-duration"),  # a duration, not the dates
        ("how did new delhi react", "india-rejection"),  # an alias names the same entity
        ("so where is balochistan", "province-context"),  # the province, not the places in it
        ("where in balochistan were the attacks", "districts"),
    ],
)
def test_a_question_gets_the_fact_that_gives_what_it_asks_for(core: Core, question: str, target: str) -> None:
    intent = core.router.route(question).intents[0]
    assert (intent.decision, intent.top.target if intent.top else None) == ("answer", target)


def test_two_parties_named_in_one_question_each_get_their_fact(core: Core) -> None:
    routing = core.router.route("what did india and the us say")
    assert [(i.decision, i.top.target if i.top else None) for i in routing.intents] == [
        ("answer", "india-rejection"),
        ("answer", "us-condemnation"),
    ]


def test_a_named_party_that_no_fact_mentions_is_the_only_one_reported_missing(core: Core) -> None:
    routing = core.router.route("what did india and china say")
    assert [i.uncovered_entities for i in routing.intents if i.decision == "gap"] == [("china",)]
    assert any(i.decision == "answer" and i.top and i.top.target == "india-rejection" for i in routing.intents)


@pytest.mark.parametrize(
    ("question", "party"), [("and turkey?", "turkey"), ("what about the eu", "eu"), ("اور ترکی؟", "turkey")]
)
def test_a_follow_up_naming_only_a_party_asks_what_it_said(core: Core, question: str, party: str) -> None:
    """ "and turkey?" follows on from a question about reactions: "not reported about Turkey", while
    "who is the prime minister of pakistan" (names only, but no follow-up) stays off topic."""
    [intent] = core.router.route(question).intents
    assert (intent.decision, intent.uncovered_entities, intent.asks) == ("gap", (party,), "said")
    assert not core.router.route("who is the prime minister of pakistan").on_topic


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("did iran do this?", "bla-claim"),
        ("taliban ne kiya kya", "bla-claim"),
        ("daesh ka haath hai?", "bla-claim"),
        ("کیا ایران ملوث ہے", "bla-claim"),
        ("is the bla responsible", "bla-claim"),
        ("was india behind this", "india-allegation"),
        ("was the attack the work of the ttp", "bla-claim"),  # a word of the story is still a guess
        ("did india carry out the attacks", "india-allegation"),  # was: "not reported" what weapons
        ("al qaeda claiming it?", "bla-claim"),  # a claim guessed: these four were declined or a "did you mean"
        ("did the pakistani taliban claim the attacks", "bla-claim"),
        ("has isis claimed the quetta attack", "bla-claim"),  # a place of the story beside the guess
        ("iran was behind the gwadar attack, right?", "bla-claim"),  # was "the motive is not reported"
        ("the iranians backed them, didnt they", "bla-claim"),  # these three were declined
        ("pls confirm the bla claimed it", "bla-claim"),
        ("isis did this one, no?", "bla-claim"),
        ("daesh ne zimmedari qabool ki kya", "bla-claim"),
        ("کیا داعش نے ذمہ داری قبول کی", "bla-claim"),
    ],
)
def test_a_guess_at_who_did_it_gets_whom_the_sources_name(core: Core, question: str, fact_id: str) -> None:
    """A guess at a party the sources never link to the attacks gets who claimed them, not a fact about
    that party (Iran borders Balochistan) nor a "not reported"; one they do link narrows the answer."""
    [intent] = core.router.route(question).intents
    assert intent.decision == "answer" and intent.top is not None
    assert intent.top.target == fact_id
    # A place is no guess at who did it: "is it quetta" asks where it was.
    assert _decided(core, "is it quetta") == [("answer", "districts")]


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("did india claim responsibility for the attacks", [("answer", "india-rejection")]),
        ("so delhi accepted responsibility?", [("answer", "india-rejection")]),
        ("کیا انڈیا نے ذمہ داری قبول کی", [("answer", "india-rejection")]),
        ("kya bharat ne zimmedari qabool ki", [("answer", "india-rejection")]),
        ("did the saudis claim responsibility", [("answer", "saudi-condemnation")]),
        ("did the bla accept responsibility", [("answer", "bla-claim")]),
        ("is there any evidence for the india claim", [("gap", "evidence")]),
        ("so india accepted it was involved?", [("answer", "india-rejection")]),
    ],
)
def test_whether_a_party_owned_up_is_what_it_said(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """Claiming the attacks is owning up: asked of a party with words of its own, its words answer it
    (India's denial; India got Pakistan's charge, which leaves the claim standing). The group that did
    claim them is answered with its claim, and a claim as a noun ("the india claim") is no owning up.
    "accepted" alone is a word of India's answer, as "accept" was (it got Pakistan's charge)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "decision", "fact_id"),
    [
        ("i heard the uk kept quiet about it, true?", "answer", "uk-condemnation"),
        ("someone said the uae blamed the victims, is that right", "answer", "uae-condemnation"),
        ("suna hai bugti ne istifa de diya, sach hai?", "clarify", "person-bugti"),
        ("someone told me india admitted it, true?", "answer", "india-rejection"),  # admitting is saying
        ("the saudis sided with india, didn't they?", "clarify", "saudi-condemnation"),  # no fact names both
        ("turkey strongly condemned it too, right?", "gap", None),  # "strongly" narrows nothing
        ("heard pakistan showed intercepted messages proving india's hand, true?", "gap", "evidence"),
        ("someone says islamabad released documents proving indian funding, right?", "gap", "evidence"),
        ("my colleague mentioned that india admitted it, is that true?", "answer", "india-rejection"),
        ("saudi arabia gave pakistan a loan, right?", "clarify", "saudi-condemnation"),
        ("bugti likes cricket, right?", "clarify", "person-bugti"),
        ("my friend told me on the phone that the army showed proof, is it true?", "gap", "evidence"),
        ("میرے کزن نے بتایا کہ بھارت نے مان لیا ہے، کیا یہ سچ ہے؟", "answer", "india-rejection"),
    ],
)
def test_a_rumour_about_a_party_gets_what_the_sources_say_of_them(
    core: Core, question: str, decision: str, fact_id: str
) -> None:
    """The rumour's words are unknown to us, and were declined; they are also no guide to which fact
    ("de diya" had matched how long the operation took): a fact about the party named is; of two
    parties no fact names together, the first, the rumour's subject (both were declined). What a party
    admitted is what it said: India's denial, not Pakistan's charge (which left the rumour standing). A
    word of the rumour that only a gap is asked about is what it checks: the evidence ("proving india's
    role" was a "did you mean" of Pakistan's charge; a dev batch's was answered with it, misleading);
    the asker's own words are not (a phone only a gap's example has: "the names are not reported"),
    nor how they heard it ("on the phone": declined). What a party is said to have admitted is what
    that party said (a "did you mean" of Pakistan's charge; in Urdu, "the injured are not reported").
    A rumour that says nothing the fact is asked about, only names the party ("saudi arabia gave
    pakistan a loan"), is offered the fact, not answered with it (a review found it answered). India's
    denial, the one fact offered for "india admitted it" and the classifier sure of it, is answered."""
    [intent] = core.router.route(question).intents
    assert intent.decision == decision
    assert (intent.top.target if intent.top else None) == fact_id
    assert core.router.route("heard quetta's schools shut, true?").intents[0].decision != "answer"
    told = core.router.route("میرے بھائی نے فون پر بتایا کہ انڈیا نے مان لیا ہے، کیا یہ سچ ہے؟")
    assert [i.decision for i in told.intents] != ["gap"]


@pytest.mark.parametrize(
    "question",
    [
        "what is quantum computing",
        "what is the population of quetta",
        "how far is quetta from gwadar",  # was "not reported" how many died in each district
        "how many died in the 9/11 attacks",
        "what happened in 2019",
        "how many times did the bla strike in 2023",
        "any news from iran today",
        "افغانستان کی تازہ خبریں",
        "شورش کب شروع ہوئی تھی",
        "میں نے پڑھا تھا ۲۰۲۳ میں کوئٹہ میں دھماکہ ہوا۔ اس میں کتنے لوگ مارے گئے؟",
        "im doing a school project on the 2005 kashmir earthquake, whats the death toll",
        "doing a report on the 2009 lahore attack, who was responsible",
    ],
)
def test_unknown_words_or_another_event_are_declined(core: Core, question: str) -> None:
    """A year not ours names another time even with the story's words in it (a gap about how many
    attacked) or words of chat (the story's summary). Another country's news (lexicon `news`), with
    no word of the attacks, is another subject (the last two got "how things stand now is not
    reported" and a "did you mean" of the province). When the insurgency began is its history, not the
    day of the attacks (a "did you mean" of the dates; `elsewhere:` examples). A question pointing at
    what the asker told of another year is about that time (it got our toll in all: misleading), and so
    is one after the asker tells of something that happened that year (`story.happenings`: the
    earthquake, the attack). The asker's own life that year is no other event (a review found "i
    visited quetta in 2019, ..." declined when any word we did not know in it made it one)."""
    assert not core.router.route(question).on_topic
    for guard in (
        "i live in quetta since 2010, how many died",
        "i visited quetta in 2019, which districts were attacked",
        "i was born in 2001 in mastung, was mastung attacked",
    ):
        assert core.router.route(guard).intents[0].decision == "answer"


@pytest.mark.parametrize(
    "question",
    [
        "did any children get injured",  # a review: declined
        "did they find indian weapons or anything linking it to india",  # a dev batch: declined
    ],
)
def test_what_only_gaps_cover_is_not_reported_not_declined(core: Core, question: str) -> None:
    """Words each of which only some gap covers (the injured, children among the dead) ask what the
    sources do not report: no one target covers them all, which is otherwise how another subject that
    shares a word with the story is told (a "stray" question), but every one of them is the story's."""
    [intent] = core.router.route(question).intents
    assert intent.decision == "gap" and intent.top is not None and intent.top.kind == "gap"
    assert core.router.route("how to join pak army").intents[0].decision == "decline"


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("why did india admit it", [("answer", "india-rejection")]),
        ("why did india admit it was behind the attacks", [("clarify", "india-allegation")]),
        ("why did the bla attack", [("gap", "motive")]),
    ],
)
def test_why_a_quoted_party_said_something_is_not_the_attackers_motive(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """The motive gap is the BLA's unreported words (its `speaker`): "why did india admit it" got "what
    the attackers wanted is not reported" (a review), as if India's words were theirs. Why the BLA
    attacked is still that gap (a guard)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "facts"),
    [
        ("which country mentioned extremism", ["saudi-condemnation"]),
        ("who offered condolences", ["us-condemnation", "uae-condemnation"]),
        ("who sent condolences", ["us-condemnation", "uae-condemnation"]),  # a review: declined
        ("who said pakistanis deserve to live free from fear", ["us-condemnation"]),
        ("which country talked about peace and security", ["uk-condemnation"]),
        ("تعزیت کس نے کی", ["us-condemnation", "uae-condemnation"]),
        ("کس ملک نے انتہا پسندی کا ذکر کیا", ["saudi-condemnation"]),
    ],
)
def test_who_said_the_words_of_a_statement_is_whose_statement(core: Core, question: str, facts: list[str]) -> None:
    """A review found 60 questions of who said what declined: no example has every word of every
    statement. The one or two statements with every word the question is about (`lexicon.quoting`
    aside: "mentioned", "which country") are whose words they are. Not words that are no statement's
    ("who won the peace prize"), nor "their demands" (whose, the part before says: "not reported")."""
    intents = core.router.route(question).intents
    assert [(i.decision, i.top.target if i.top else None) for i in intents] == [("answer", f) for f in facts]
    assert core.router.route("who won the peace prize").intents[0].decision == "decline"
    denied = core.router.route("which country didnt mention condolences").intents  # not the US's and the UAE's
    assert all(i.decision != "answer" for i in denied)
    demands = core.router.route("انہوں نے یہ حملے کیوں کیے؟ مطالبہ کیا ہے انکا").intents
    assert [i.top.target for i in demands if i.top] == ["motive"]


@pytest.mark.parametrize(
    ("question", "meta"),
    [
        ("hello", "greeting"),
        ("thank you!", "thanks"),
        ("tl;dr", "summary"),
        ("source?", "sources"),
        ("any updates", "latest"),
        ("what can you do", "help"),
        ("آپ کی نوازش", "thanks"),
        ("امید ہے خیریت سے ہوں گے آپ", "greeting"),
        ("مرکزی نکات بتائیں", "summary"),
        ("hey bot how are you doing today", "greeting"),
        ("which article do you use for this", "sources"),
        ("what kinds of things can i ask you", "help"),
        # after the asker's own story, which was read with it and declined
        ("i'm a retired teacher in quetta and my grandson installed this bot. how are you?", "greeting"),
        ("a friend from work forwarded me this bot. i'm confused how it works. what can you do?", "help"),
        ("any updates since feb 2?", "latest"),  # a day of a month is no number of another subject
    ],
)
def test_what_people_say_to_any_bot_gets_a_meta_reply(core: Core, question: str, meta: str) -> None:
    intent = core.router.route(question).intents[0]
    assert intent.decision == "meta" and intent.top is not None and intent.top.target == meta


@pytest.mark.parametrize("question", ["whats your name", "mera naam kya hai", "aap ka naam kya hai bot"])
def test_the_asker_s_or_the_bot_s_name_is_no_name_in_the_story(core: Core, question: str) -> None:
    """ "whats your name" got the name of the BLA's operation."""
    assert all(i.decision != "answer" for i in core.router.route(question).intents)


@pytest.mark.parametrize(
    "question", ["what's the emergency number of the hospitals in quetta", "سول ہسپتال کا ایمرجنسی نمبر"]
)
def test_an_emergency_number_is_no_emergency_footing(core: Core, question: str) -> None:
    """A phone number to call is another subject: it got the fact that hospitals were on emergency footing."""
    assert all(i.decision == "decline" for i in core.router.route(question).intents)


@pytest.mark.parametrize(
    "question", ["what is 25% of 480", "source of article 295", "help me with question 56", "whats new with the 77 bus"]
)
def test_a_number_of_another_subject_gets_no_meta_reply(core: Core, question: str) -> None:
    """A number none of our sources gives, no day and no year, is something else being asked about: it
    got help or the sources list, a reply to a plea nobody made."""
    assert all(i.decision == "decline" for i in core.router.route(question).intents)


@pytest.mark.parametrize("question", ["attack number 2", "figures 2?"])
def test_a_number_that_labels_is_no_figure_heard(core: Core, question: str) -> None:
    """Only what counts the dead ("toll", `story.tallies`, and `story.counted`) makes a number after it a
    figure heard: "attack number 2" was told the sources do not give the figure 2."""
    assert core.router.route(question).intents[0].figures == ()


@pytest.mark.parametrize(
    ("question", "figure"),
    [("1200 dead?", "1200"), ("is the death toll 250?", "250"), ("militants killed 300?", "300")],
)
def test_a_figure_the_sources_do_not_give_is_kept_for_the_answer(core: Core, question: str, figure: str) -> None:
    """After what it counts ("toll 250?"), a figure that ends the question was taken for another event."""
    intent = core.router.route(question).intents[0]
    assert intent.figures == (figure,)
    assert intent.decision == "answer"


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("britain side is saying anything on this?", "uk-condemnation"),
        ("which places came under attack", "districts"),
        ("۹۲ کی تعداد کہاں سے آئی؟", "militants-killed-92"),
    ],
)
def test_the_one_fact_offered_is_answered_when_the_classifier_is_sure_of_it(
    core: Core, question: str, fact_id: str
) -> None:
    """A "did you mean" of one fact whose match covers too little of the question is answered when the
    classifier picks it as surely as it must to answer a question the rules declined (`rescue`)."""
    [intent] = core.router.route(question).intents
    assert intent.decision == "answer" and intent.top is not None and intent.top.target == fact_id


@pytest.mark.parametrize(
    ("question", "decision", "target"),
    [
        ("what was the military's own figure on saturday", "answer", "militants-killed-92"),
        ("ok and the army's own number?", "clarify", "militants-killed-92"),
    ],
)
def test_words_no_target_uses_do_not_decline_what_rules_and_classifier_agree_on(
    core: Core, question: str, decision: str, target: str
) -> None:
    """Most of these words ("own") are in no target's words, which reads as another subject that shares a
    word with the story; with a word of the story in it and the classifier leaning (not sure) to the
    rules' first fact, it is that fact or a "did you mean" of it, not a decline."""
    [intent] = core.router.route(question).intents
    assert intent.decision == decision and intent.top is not None and intent.top.target == target


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("is it true only the uae condemned the attacks", "condemnation-overview"),
        ("کیا صرف برطانیہ نے مذمت کی", "condemnation-overview"),
        ("did the uae only send condolences", "uae-condemnation"),  # "only" of what it did, not who
        ("was it only the british who condemned it", "condemnation-overview"),  # the round-up ranked first
        ("sirf britain ne mazammat ki?", "condemnation-overview"),  # "sirf" and "just" are no normalised words
        ("just the emiratis condemned it, right?", "condemnation-overview"),
        ("just tell me what the uae said", "uae-condemnation"),  # "just" of the asking, not of a party
    ],
)
def test_a_claim_that_one_party_alone_said_it_gets_the_round_up(core: Core, question: str, fact_id: str) -> None:
    """The UAE's own statement would leave the claim standing; the list of all who condemned corrects it."""
    [intent] = core.router.route(question).intents
    assert intent.decision == "answer" and intent.top is not None
    assert intent.top.target == fact_id


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("did the army kill 150 militants?", "militants-killed-145"),
        ("i heard 30 civilians died", "civilians-killed"),
        ("were 20 soldiers killed", "security-personnel-killed"),
        ("so around 180 militants were killed?", "militants-killed-145"),  # "around" was the 92's word
        ("were over 40 soldiers killed", "security-personnel-killed"),  # was the militants' 145
        ("was it 13 civilians who died?", "civilians-killed"),  # "who" was asked: the names not reported
    ],
)
def test_a_figure_heard_near_one_of_ours_settles_between_close_counts(core: Core, question: str, fact_id: str) -> None:
    """Close counts ("militants", "security" both match) are told apart by the figure heard: the fact
    alone in giving one near it. "Was it N ... who" checks the figure; its "who" asks for no one."""
    [intent] = core.router.route(question).intents
    assert intent.decision == "answer" and intent.top is not None
    assert intent.top.target == fact_id


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("where exactly in balochistan", "districts"),  # was the province, bordering Iran and Afghanistan
        ("balochistan mein kahan", "districts"),
        ("بلوچستان میں کہاں", "districts"),
        ("where is balochistan", "province-context"),
        ("بلوچستان کہاں ہے", "province-context"),
    ],
)
def test_where_inside_the_province_is_where_the_attacks_were(core: Core, question: str, fact_id: str) -> None:
    """The province's name beside a word placing something in it (lexicon: inside) asks where in it
    the attacks were; the name alone asks where the province is."""
    [intent] = core.router.route(question).intents
    assert intent.decision == "answer" and intent.top is not None
    assert intent.top.target == fact_id


@pytest.mark.parametrize(
    "question",
    ["کتنے اضلاع متاثر ہوئے", "متاثرہ علاقے کون سے ہیں", "how many districts affected", "affected districts?"],
)
def test_places_affected_are_places_hit(core: Core, question: str) -> None:
    """Districts "affected" (متاثر) are where the attacks were (reviews: declined, the word unknown);
    people affected are not mapped to the attacks, which would make them the attackers, nor are
    English areas "affected" (hospitals in the affected areas lost their fact)."""
    [intent] = core.router.route(question).intents
    assert intent.decision == "answer" and intent.top is not None and intent.top.target == "districts"


@pytest.mark.parametrize("question", ["were the attacks in 12 districts", "heard the attacks were in 9 districts"])
def test_a_count_of_districts_heard_gets_the_districts(core: Core, question: str) -> None:
    """A number before "districts" (`story.counted`) is a figure heard, not another event: both were
    declined; the districts fact says "several", and the reply that 12 is not given. "Cities" was
    tried too and dropped: "کیا 12 شہروں میں حملے ہوئے" then got "no city was taken"."""
    [intent] = core.router.route(question).intents
    assert (intent.decision, intent.top and intent.top.target) == ("answer", "districts")
    assert intent.figures


@pytest.mark.parametrize(
    "question",
    [
        "200 killed, right?",
        "suna hai 400 log mare",
        "heard that 350 were killed",
        "heard more than 300 people were killed",
        "250 se zyada log mare?",
        "کیا 200 سے زیادہ لوگ مرے",
        "300 se upar log mare?",
    ],
)
def test_a_figure_heard_of_no_one_in_particular_asks_how_many_died_in_all(core: Core, question: str) -> None:
    """ "were 300 killed" says nothing of whom: it asks what "how many were killed" asks, and gets the
    toll in all with each figure in it (it was a "did you mean" between the soldiers and the toll).
    A word bounding the figure (`story.bounds`: "more than", "se zyada") is part of it: the last three
    got the soldiers' count or a decline."""
    [intent] = core.router.route(question).intents
    assert (intent.decision, intent.top and intent.top.target) == ("answer", "overall-toll")
    assert intent.figures


@pytest.mark.parametrize(
    "question",
    ["how many soldiers died in bannu", "bajaur operation mein kitne dehshatgard mare", "تیراہ میں کتنے لوگ مارے گئے"],
)
def test_a_toll_of_a_district_of_another_province_is_another_event(core: Core, question: str) -> None:
    """Khyber Pakhtunkhwa's districts (a review found Kurram, Bajaur, Lakki Marwat) were unknown words
    beside a toll of ours: the 17, the 145 or the toll in all, for another event."""
    assert not core.router.route(question).on_topic


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("did the uk condemn the bombing in peshawar", [("decline", None)]),
        ("did the uk and the us condemn the bombing in peshawar", [("decline", None)]),
        ("غزہ میں اب کیا صورتحال ہے", [("decline", None)]),
        ("what did the uk say about gwadar", [("answer", "uk-condemnation")]),
    ],
)
def test_a_place_is_no_party_to_ask_what_it_said(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """ "What did india and the us say" is asked of each party; a place is none. One outside the story
    is another event (the first got the UK's statement on our attacks and a "not reported"), and Gaza
    is now such a place (the second was "not reported" of how things stand now); one of ours only
    narrows (the third added a "did you mean" of the Saudi statement)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "target"),
    [("مقابلہ کتنا لمبا تھا", "operation-duration"), ("کیا یہ پچھلے واقعات کے مقابلے میں ریکارڈ ہے", "record-toll")],
)
def test_muqabla_alone_is_an_encounter_and_ke_muqable_mein_compares(core: Core, question: str, target: str) -> None:
    """مقابلہ is an armed encounter ("how long was the encounter": the duration); "کے مقابلے میں" is
    "compared with" (a record). The first was declined, read as "compare"."""
    assert _decided(core, question) == [("answer", target)]


@pytest.mark.parametrize(
    "question",
    [
        "funerals?",
        "any compensation for the families of the dead",
        "are flights to gwadar operating",
        "کیا جنازے ہو گئے",
        "معاوضہ ملا؟",
    ],
)
def test_what_came_after_is_a_situation_the_sources_do_not_follow(core: Core, question: str) -> None:
    """Funerals, relief, travel and services after the attacks are part of how things stand now,
    which the sources do not report: all five were declined as off topic (or a "did you mean" of
    the UAE's statement)."""
    assert _decided(core, question) == [("gap", "current-situation")]


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("is the fighting still going on", [("gap", "current-situation")]),
        ("is the army operation over now", [("gap", "current-situation")]),
        # a "did you mean" of the insurgency since the fighting is its word too (see
        # test_the_fighting_is_the_insurgency_and_what_they_fight_for_their_motive)
        ("kya fighting abhi bhi ho rahi hai", [("clarify", "insurgency-context")]),
        ("کیا فوجی آپریشن اب بھی جاری ہے", [("gap", "current-situation")]),
        ("is the insurgency still going on", [("answer", "insurgency-context")]),
        ("why does the violence still continue", [("answer", "insurgency-context")]),
    ],
)
def test_how_things_stand_now_is_the_gap_after_our_sources(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """The sources end on 1 February 2026: "is it still going on" asks what they cannot tell, though
    facts are asked about operations too (the first four got the duration, the toll's make-up or a
    "did you mean"). What the authorities said goes on (the insurgency) is still theirs to answer."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("what is operation herof, a military op or what", [("answer", "operation-herof")]),
        ("who claimed it, the ttp or something", [("answer", "bla-claim")]),
        ("how many attackers were there in total, not just the ones killed", [("gap", "attacker-count")]),
        ("how many attackers were there, not killed ones", [("gap", "attacker-count")]),
        ("bla kya hai, koi party ya kya", [("answer", "bla-status")]),
        (
            "what did india say, did the us condemn it or what",
            [("answer", "india-rejection"), ("answer", "us-condemnation")],
        ),
    ],
)
def test_a_guess_at_the_answer_is_no_question_of_its_own(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """A later part that only guesses at or narrows the answer (`lexicon.hedges`: "or what", "not
    just", "not") and asks nothing without it is left out; one that asks something is still asked.
    "..., not killed ones" got the militants killed and a "did you mean" of the record."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    "question",
    [
        "did the fighting go on for 3 days?",
        "ops lasted like 2 weeks right",
        "suna hai 5 din operation chala",
        "کیا آپریشن ۴ دن چلا",
        "it lasted 2 weeks?",  # a review: declined, "weeks" a word no target covers
        "145 militants in 3 days?",  # a count checked with a span keeps the span's unit
    ],
)
def test_a_span_heard_asks_how_long_and_is_answered_with_ours(core: Core, question: str) -> None:
    """A number before a unit of time (`story.spans`) in a question of how long is a span someone heard,
    not another event; the reply gives ours, "about 40 hours"."""
    [intent] = core.router.route(question).intents
    assert (intent.decision, intent.top and intent.top.target) == ("answer", "operation-duration")
    assert intent.figures and intent.asks == "duration"


@pytest.mark.parametrize("question", ["how many were killed in the first 24 hours", "who attacked 3 days ago"])
def test_a_span_in_a_question_of_something_else_is_no_figure_heard(core: Core, question: str) -> None:
    """ "24 hours" in a count is no figure to compare ours with (24 is not near the 17 soldiers), and
    "3 days ago" names a day that is not ours: no answer, and no "the sources do not give 3"."""
    intents = core.router.route(question).intents
    assert all(i.decision != "answer" and not i.figures for i in intents)


@pytest.mark.parametrize(
    ("question", "target"),
    [
        ("is bugti the interior minister or something", "person-bugti"),
        ("is natalie baker a general", "person-baker"),
        ("randhir jaiswal ka post?", "person-jaiswal"),
        ("کیا بگٹی گورنر ہیں", "person-bugti"),
    ],
)
def test_a_guess_at_someone_s_office_asks_who_they_are(core: Core, question: str, target: str) -> None:
    """Words of an office (`lexicon.offices`) with a person's name ask what that person is, whichever
    office they guess; the role the source gives answers it. All four were declined or a "did you mean"."""
    assert _decided(core, question) == [("answer", target)]


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("who issued the american statement", [("answer", "person-baker")]),
        ("who made india's statement", [("answer", "person-jaiswal")]),
        ("india ki taraf se bayan kis ne diya", [("answer", "person-jaiswal")]),
        ("بھارت کا بیان کس نے دیا", [("answer", "person-jaiswal")]),
        ("amreeka ki taraf se kis ne bayan diya", [("answer", "person-baker")]),
        ("did the us say who did it", [("answer", "us-condemnation")]),
        ("uk ka bayan kis ne diya", [("answer", "uk-condemnation")]),
        ("kis ne kaha ke india is ke peeche hai", [("answer", "india-allegation")]),
        ("amrika ne kaha ke hamla kis ne kiya?", [("answer", "us-condemnation")]),
        ("amrika ke ilawa kis ne mazammat ki", [("answer", "condemnation-overview")]),
        ("who issued a statement against india", [("answer", "india-allegation")]),
        ("bharat ka haath tha is mein, ye kisne kaha tha", [("answer", "india-allegation")]),
        ("اس میں بھارت کا ہاتھ ہے، یہ کس نے کہا", [("answer", "india-allegation")]),
        ("the us diplomat ka naam kya hai jis ne bayan diya", [("answer", "person-baker")]),
        ("us ki janib se kis ne bayan jari kiya", [("answer", "person-baker")]),
        ("امریکی سفارت خانے کا بیان کس نے دیا", [("answer", "person-baker")]),
        ("bharat ki wazarat e kharja ka bayan kis ne diya", [("answer", "person-jaiswal")]),
        ("us ka bayan dene wali khatoon kaun thi", [("answer", "person-baker")]),
        ("بھارت کا جواب دینے والے ترجمان کون ہیں", [("answer", "person-jaiswal")]),
        ("amrika ka bayan jari karne wala kaun tha", [("answer", "person-baker")]),
        ("pakistan blamed india. who said it", [("answer", "india-allegation")]),
        ("who spoke for new delhi", [("answer", "person-jaiswal")]),
        ("which american diplomat issued that statement", [("answer", "person-baker")]),
        ("pakistan mein kis ne hamla kiya", [("answer", "bla-claim")]),
    ],
)
def test_who_spoke_for_a_country_is_the_person_who_did(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """ "who issued the american statement" asks for the person (`lexicon.spoke`): the first four got
    a decline, a "did you mean" or the statement. Guards (a review found the last four answered with
    Jaiswal or Baker): "who" after the word of saying asks what was said; no one is named for the UK;
    a country after "kis ne" is what was said, one marked as saying (amrika ne) said it, one set aside
    is not asked about, and a statement "against india" is not India's. What was said ("india's hand")
    before the asking is what it asks about, unless it only says for whom or names them
    (`lexicon.behalf`); a "who" between a country and "said" asks who said it, not what it said. Right
    after the asking, "for" and a country asks who spoke for it ("who spoke for new delhi" was a "did
    you mean" of Pakistan's charge), and so does which diplomat issued it ("issued" was no word of
    ours: declined); who attacked in a country is no one who spoke (a guard)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("کیا کوئی اریسٹ ہوئی", [("gap", "arrests")]),
        ("ایویڈنس کیا ہے انڈیا کے خلاف", [("gap", "evidence")]),
        ("کتنا ڈیمج ہوا", [("gap", "damage")]),
    ],
)
def test_english_words_in_urdu_script_are_read(core: Core, question: str, reply: list[tuple[str, str | None]]) -> None:
    """Arrest, evidence and damage typed in Urdu letters (اریسٹ، ایویڈنس، ڈیمج) were unknown words: declined."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("besides quetta, which other cities", [("answer", "districts")]),
        ("نوشکی کے علاوہ اور کون سے شہر", [("answer", "districts")]),
        ("apart from mastung, which other places were hit", [("answer", "districts")]),
        ("except for quetta, were other cities hit", [("answer", "districts")]),
        ("and besides quetta?", [("clarify", "districts")]),
        ("نوشکی کے علاوہ؟", [("answer", "districts")]),
        ("aside from that, what did the us say", [("answer", "us-condemnation")]),
        (
            "was india involved apart from the bla? how many soldiers died?",
            [("answer", "india-allegation"), ("answer", "security-personnel-killed")],
        ),
    ],
)
def test_what_a_question_sets_aside_is_no_question_of_its_own(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """ "besides quetta" asks nothing: it is what the next part sets aside. Read as a part of its own, the
    first two added "the sources do not report the injured" or "how many attacked" to the list of
    places; "and besides quetta?" alone got the injured gap, offered now as the list of places. A
    part that asks ("was india involved apart from the bla?") stays a question; "aside from
    that" sets no party aside (it got the gap of other countries' words); both guards from a review."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("kaun se shehar nishane par the", [("answer", "districts")]),
        ("khud kush dhamaka hua tha kya", [("gap", "weapons")]),
        ("how many militants did the forces take out", [("answer", "militants-killed-145")]),
        ("did qatar stand with pakistan", [("gap", None)]),
        ("allah reham kare, kitne civilians mare gaye", [("answer", "civilians-killed")]),
        ("یا اللہ، کتنے لوگ مارے گئے", [("answer", "overall-toll")]),
        ("saw on whatsapp that 200 soldiers died, is that right?", [("answer", "security-personnel-killed")]),
        ("aqwam e muttahida ne kya kaha", [("gap", "other-reactions")]),
        ("randheer jaiswal kaun hai", [("answer", "person-jaiswal")]),
        ("LEA casualties?", [("answer", "security-personnel-killed")]),
        ("what were they hoping for", [("gap", "motive")]),
        ("US ka reaction aya?", [("answer", "us-condemnation")]),
        ("are they pinning it on india", [("answer", "india-allegation")]),
        ("whom did pakistan hold responsible", [("answer", "india-allegation")]),
        ("what do they actually want", [("gap", "motive")]),
        ("what do bla want from the govt", [("gap", "motive")]),
        ("what were the terrorists wanting", [("gap", "motive")]),
        ("what are the saudis saying", [("answer", "saudi-condemnation")]),
        ("london what is saying?", [("answer", "uk-condemnation")]),
        ("what did india want pakistan to do", [("answer", "india-rejection")]),
        ("want the death toll", [("answer", "overall-toll")]),
        ("were doctors killed", [("gap", "victim-breakdown")]),
        ("why does the violence never stop in balochistan", [("answer", "insurgency-context")]),
        ("why does the fighting never stop there", [("answer", "insurgency-context")]),
        ("were any shops torched", [("gap", "damage")]),
        ("heard a bridge was blown up near quetta", [("gap", "damage")]),
        ("were some of the dead labourers", [("gap", "victim-breakdown")]),
        ("kya mare jane walon mein mazdoor bhi the", [("gap", "victim-breakdown")]),
        ("any captures so far?", [("gap", "arrests")]),
        ("were any civilians caught up in the violence", [("answer", "civilians-killed")]),
        ("did anyone get caught", [("gap", "arrests")]),
        ("kitne jawanon ki shahadat hui", [("answer", "security-personnel-killed")]),
        ("kaun se mulk pakistan ke saath khare hain", [("answer", "condemnation-overview")]),
        ("imarat ne tazeeyat ki?", [("answer", "uae-condemnation")]),
        ("shaheed jawanon ki list bta do", [("gap", "victim-names")]),
        ("کیا کوئی سڑک یا پل اڑائے گئے", [("gap", "damage")]),  # roads or bridges blown up, in Urdu
        ("what even is operation herof", [("answer", "operation-herof")]),  # got "the motive is not reported"
        ("who even is sarfaraz bugti", [("answer", "person-bugti")]),
        ("how many fitna al hindustan terrorists were killed", [("answer", "militants-killed-145")]),
        ("فتنہ الہندوستان کے کتنے دہشت گرد مارے گئے", [("answer", "militants-killed-145")]),
        ("facebook pe keh rahe hain 60 fauji shaheed hue, sach hai?", [("answer", "security-personnel-killed")]),
        ("log keh rahe hain 300 mare, sach?", [("answer", "overall-toll")]),
        ("tera kya khayal hai kitne mare", [("answer", "overall-toll")]),  # "tera" (your) was repaired to "dera"
        ("which countries border balochistan? does the article say?", [("answer", "province-context")]),
        ("does the story say who leads the bla", [("gap", "bla-leader")]),  # asks about the leader, not the story
        ("what does the news say", [("meta", "summary")]),
        ("how many martyrs?", [("answer", "overall-toll")]),  # got "how many took part is not reported"
        ("what is fitna al hindustan", [("answer", "india-allegation")]),
    ],
)
def test_everyday_wordings_are_read(core: Core, question: str, reply: list[tuple[str, str | None]]) -> None:
    """ "kaun se" (which), a suicide attack in two words, killing as "taking out", standing with
    Pakistan as a reaction, a prayer before the question, where a rumour was seen, the UN in Roman
    Urdu, a spelling of Randhir, law-enforcement agencies (LEA), hoping for something, "aya" (came),
    pinning it on someone or holding them responsible (blaming), what they (or the BLA) want, violence
    that never stops, shops torched and a bridge blown up (damage), labourers (a breakdown of the
    dead by work, which nobody reports), captures (arrests, not a city taken; caught up in something
    is no arrest: the arrests gap), "jawanon" (soldiers), standing with Pakistan ("saath khare"),
    "tazeeyat" (condolences), "bta" (tell), "what even is" (what is), Pakistan's name for
    the militants ("fitna al hindustan": a count of them got "how many took part is not reported", as no
    fact of the dead names India), "keh rahe hain" (are saying: a rumour of 60 soldiers got the 145
    militants), whether the article says something (it got the sources or the name of the operation), "saying" (what a
    country says, which got "Pakistan's leaders are not reported"): each was declined, a "did you
    mean", the help reply, (LEA) the overall toll or (the fighting that never stops) the motive gap.
    Guards: what India wanted is its statement and "want" alone asks nothing; dead doctors are a
    breakdown nobody reports."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("bla ki qayadat kaun karta hai", [("gap", "bla-leader")]),
        ("fauj ne kitne dehshatgard khatam kiye", [("answer", "militants-killed-145")]),
        ("jeswal kaun hai", [("answer", "person-jaiswal")]),
        ("cheen ne hamle par kya kaha", [("gap", None)]),
        ("kya dehshatgardon ne koi shehar cheen liya", [("answer", "no-city-seized")]),
    ],
)
def test_roman_urdu_words_people_type_are_read(core: Core, question: str, reply: list[tuple[str, str | None]]) -> None:
    """Leadership (qayadat), killing (khatam kiye), a spelling of Jaiswal, China (cheen ne): a "did you
    mean", a decline, and for China the US statement before. Snatching (cheen liya) is no China."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("hamla kis ny kiya", [("answer", "bla-claim")]),
        ("fighting still on rn?", [("gap", "current-situation")]),
        ("intl response?", [("answer", "condemnation-overview")]),
        ("wat cities wer attacked", [("answer", "districts")]),
    ],
)
def test_short_words_spelt_as_in_chat_are_read(core: Core, question: str, reply: list[tuple[str, str | None]]) -> None:
    """Vowels dropped from words too short to repair ("ny" for "ne", "rn" for right now, "intl", "wer"
    for were): each was declined, or the now of "rn" lost (how long the operation lasted). Not "mre":
    it is "mere" (my) as often as "mare" (died)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("this is horrible, who is behind it", [("answer", "bla-claim")]),
        ("afsos hua, kis ne kiya", [("answer", "bla-claim")]),
        ("awful, why did they do it", [("gap", "motive")]),
        ("who is sad", [("decline", None)]),
        ("afsos kis ne kiya", [("decline", None)]),
    ],
)
def test_how_the_asker_feels_is_no_part_of_the_question(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """A part of nothing but a feeling ("this is horrible", "afsos hua": what a pity) was read as what
    the message asks about, a word no fact covers: the message was declined. A feeling that is what a
    question asks about is no part to leave out ("who is sad" got who claimed the attacks while
    feelings were stopwords: guards)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("bharat ka is ilzam par moaqif kya hai", [("answer", "india-rejection")]),
        ("so delhi accepted the charge?", [("answer", "india-rejection")]),
        ("kya india ne hamlon ka hukm diya", [("decline", None)]),
        ("operation herof ka hukm kis ne diya", [("gap", "bla-leader")]),
        ("ان حملوں کا حکم کس نے دیا تھا", [("gap", "bla-leader")]),
        ("who is bugti, for anyone who doesnt know", [("answer", "person-bugti")]),
    ],
)
def test_who_stands_where_owns_up_or_gave_the_order_is_read(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """India's stance (moaqif) on the charge is its rejection, not the charge, as is India accepting it
    (it was declined); who gave the order for the attacks (hukm kis ne, حکم کس نے) is the group's
    leader, whom the sources do not name (a "did you mean" of other facts), but not whether India gave
    it (a guard: it got the leader gap); "anyone who" opens no question of its own (it added the BLA's
    claim)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("امریکہ کی شارژ ڈی افیئرز کون ہیں", [("answer", "person-baker")]),
        ("کیا یہ برسوں کا سب سے خطرناک حملہ تھا", [("answer", "record-toll")]),
        ("kya ye sab se khatarnak hamla tha", [("answer", "record-toll")]),
        ("کیا بلوچستان سب سے خطرناک صوبہ ہے", [("decline", None)]),
    ],
)
def test_a_title_or_a_superlative_in_other_words_is_read(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """Chargé d'affaires as it is also spelt in Urdu (شارژ), and "the most dangerous" (سب سے خطرناک,
    sab se khatarnak) as the deadliest: each was declined. A province called the most dangerous is
    general knowledge, no question about the attacks (it was answered with what the province is).
    Not the English "most dangerous": "the most dangerous group in pakistan" is not about the toll."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("security forces ka kitna nuqsan hua", [("answer", "security-personnel-killed")]),
        ("پولیس اہلکاروں کا کتنا نقصان ہوا", [("answer", "security-personnel-killed")]),
        ("awam ka nuqsan", [("answer", "civilians-killed")]),
        ("فوج کا کتنا نقصان ہوا", [("answer", "security-personnel-killed")]),
        ("املاک کا کتنا نقصان ہوا", [("gap", "damage")]),
        ("did militants damage the roads", [("gap", "damage")]),
    ],
)
def test_a_group_s_losses_are_its_dead(core: Core, question: str, reply: list[tuple[str, str | None]]) -> None:
    """A loss (nuqsan, نقصان) right after a group of people the sources count (`story.groups`) asks how
    many of them died: each was told damage to property is not reported, though the dead are ("فوج",
    the army, alone reads as the one who killed: a "did you mean" of the militants' toll until the
    army's losses were its soldiers'). Property's losses, and damage that people did, are still the
    damage gap (guards)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("which year did the attacks happen", [("answer", "timing")]),
        ("how many were killed last year", [("decline", None)]),
        ("pichle saal kitne log mare", [("decline", None)]),
        ("کیا یہ پچھلے سال ہوا", [("decline", None)]),
        ("what time of day did the attackers strike", [("gap", "time-of-day")]),
        ("کیا بھارت نے الزام تسلیم کیا", [("answer", "india-rejection")]),
        ("is sarfaraz bugti the army chief", [("answer", "person-bugti")]),
    ],
)
def test_what_a_question_asks_of_a_time_a_charge_or_an_office(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """A year asked for is a date (the districts were given), last year another time in English, Roman
    Urdu and Urdu (a "did you mean" of our toll; the Urdu date check got the record toll; a review
    found "pichle saal" read as "when" gave our toll for last year's), and the time of day not the
    dates; accepting the charge is India's answer to it (in Urdu, Pakistan's charge was given); an
    office guessed for someone is no second person to report on ("army chief" added "nothing is
    reported about Asim Munir")."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("bugti is the prime minister right?", [("answer", "person-bugti")]),
        ("is natalie baker from britain", [("answer", "person-baker")]),
        ("randhir jaiswal works for modi?", [("answer", "person-jaiswal")]),
        ("who is bugti and who is imran khan", [("answer", "person-bugti"), ("gap", None)]),
    ],
)
def test_a_guess_at_who_a_person_in_the_story_is_asks_who_they_are(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """An office, a country or an employer guessed for a person in the story, a tag after it ("right?",
    lexicon: tags, belongs): the first added "nothing is reported about Shehbaz Sharif", the second
    got "no other country's reaction is reported", the third was declined. Asking who two people are
    still asks about both (a guard)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("sceptic here, who claimed the attacks", [("answer", "bla-claim")]),
        ("for my essay: what is the baloch liberation army", [("answer", "bla-status")]),
        ("can you help me with my homework", [("decline", None)]),
    ],
)
def test_why_someone_asks_says_nothing_of_what(core: Core, question: str, reply: list[tuple[str, str | None]]) -> None:
    """ "sceptic here", "for my essay" (stopwords): the unknown word made the first a "did you mean".
    Homework is still something else to ask for (a guard)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("حملہ آوروں نے کیا کہا", [("clarify", "bla-claim")]),
        ("was it in the morning", [("gap", "time-of-day")]),
        ("mastung was hit no?", [("answer", "districts")]),
        ("it was in mastung right?", [("answer", "districts")]),
        ("no. of dead", [("answer", "overall-toll")]),
        ("nobody got arrested?", [("gap", "arrests")]),
        ("the uk kept quiet, didnt they", [("answer", "uk-condemnation")]),
        ("did no one claim the attacks", [("answer", "bla-claim")]),
        ("did the fighting go on for a week", [("answer", "operation-duration")]),
        ("gwadar bhi nishana bana?", [("answer", "districts")]),
        ("was it in iran as well", [("answer", "province-context")]),
    ],
)
def test_the_militants_words_a_part_of_the_day_and_a_tag(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """What the attackers said is what the group that claimed them said (it got Saudi Arabia's words);
    "in the morning" is a time, not a greeting; a tag ("no?", "right?") makes a statement about a
    place a question (it got a "did you mean" of Pakistan's charge, and a decline), and "no." before
    "of" is a number (a guard: "no" is now a stopword); "nobody" is no unknown word (declined), and a
    tag checks a rumour about a party as "true?" does (declined); "no one" is nobody, "a week" seven
    days heard and "nishana bana" attacked (each declined). A country named as where it happened too
    is asked where it was ("is it in iran too" got the injured gap): the province and its borders."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("کیا لاہور بھی نشانہ بنا", [("answer", "districts")]),
        ("کیا لڑائی ایک ہفتہ جاری رہی", [("answer", "operation-duration")]),
        ("الزام طالبان پر لگا یا انڈیا پر", [("answer", "india-allegation")]),
        ("CM نے کتنے دہشت گرد بتائے", [("clarify", "militants-killed-145")]),
    ],
)
def test_urdu_targets_weeks_and_charges(core: Core, question: str, reply: list[tuple[str, str | None]]) -> None:
    """ "نشانہ بنا" (was targeted) is attacked, "ایک ہفتہ" (a week) a span heard, and "الزام ... لگا"
    with the verb apart a guess at whom Pakistan blamed: the first was declined, the second a "did
    you mean", the third got "no evidence is reported". "CM" in Latin letters inside Urdu is the chief
    minister (declined)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("did the fighting end in a day", [("answer", "operation-duration")]),
        ("was it an isolated incident", [("answer", "coordinated")]),
        ("is the hospital situation under control now", [("gap", "current-situation")]),
        ("what hour was the last attack", [("gap", "time-of-day")]),
        ("militants captured by the army?", [("gap", "arrests")]),
        ("what was the bla demanding", [("gap", "motive")]),
    ],
)
def test_a_day_long_fight_an_isolated_attack_and_the_hospitals(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """Ending in a day is how long it lasted and an isolated incident asks whether the attacks were
    coordinated (each was a "did you mean" or declined). "The last attack" is no lasting, and the
    hospitals' situation now is how things stand now (guards: a review found "hospital situation"
    read as the hospitals' fact took that gap away).
    People captured are arrested, not a city seized (that was the answer), and demanding is demands
    (declined)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "answered"),
    [
        ("did more soldiers die than civilians", ["security-personnel-killed", "civilians-killed"]),
        ("were more policemen killed than militants", ["security-personnel-killed", "militants-killed-145"]),
        ("more civilians than militants?", ["civilians-killed", "militants-killed-145"]),
        ("more cops or more civilians killed?", ["security-personnel-killed", "civilians-killed"]),
        ("شہری زیادہ مارے گئے یا پولیس والے؟", ["civilians-killed", "security-personnel-killed"]),
    ],
)
def test_weighing_one_group_s_dead_against_another_s_gives_both(core: Core, question: str, answered: list[str]) -> None:
    """No one fact answers "more X than Y" (`story.weighing`), but each group's toll side by side lets
    the asker weigh them: each was answered with the first group's toll alone, as if the other were not
    asked about; then a "did you mean" of both; the Urdu one was declined."""
    assert _decided(core, question) == [("answer", target) for target in answered]


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("who is the pm of india", [("decline", None)]),
        ("amreeka ka sadar kaun hai", [("decline", None)]),
        ("who's the indian foreign minister", [("decline", None)]),  # was a "did you mean" too
        ("who is the indian spokesperson", [("answer", "person-jaiswal")]),
        ("who is the american envoy", [("answer", "person-baker")]),
        ("who is the bla chief", [("gap", "bla-leader")]),
        ("who's the american ambassador to india", [("decline", None)]),
        ("who was cm of balochistan before bugti", [("decline", None)]),
        ("balochistan ka pehla cm kaun tha", [("decline", None)]),
        ("who is the cm", [("answer", "person-bugti")]),
    ],
)
def test_who_holds_an_office_no_one_in_the_story_holds_is_general_knowledge(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """Who holds a country's office that no person of ours is asked by (their facts' examples) is not
    the story: the first got a "did you mean" of whom Pakistan blamed (the second was declined before
    too, as "sadar" names no one of ours). Offices of ours, and the BLA's leader (a gap), are guards.
    One country's envoy to another (not Pakistan) and who held an office before or after the person
    in the story (lexicon `succession`) are general knowledge too: each was a "not reported" or a
    "did you mean" of who Bugti is. "The cm" is Bugti (it was declined)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("what is operation azm", [("decline", None)]),
        ("آپریشن ضرب عضب کیا تھا", [("decline", None)]),
        ("operation hiroof", [("clarify", "operation-herof")]),
        ("operation khatam hua kya", [("gap", "current-situation")]),
    ],
)
def test_an_operation_we_do_not_know_is_another_event(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """A word we do not know right after "operation" names another one: the first two got the army's
    operations after these attacks. A near miss of "herof" is still a "did you mean" of it, and "khatam
    hua" (ended) of an operation asks how things stand now (it was a "did you mean" of Herof)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("did the bla take people hostage", [("gap", "hostages")]),
        ("کیا یرغمال بھی بنائے گئے", [("gap", "hostages")]),
        ("bla kab bani", [("decline", None)]),
        ("bla kis ne banai", [("decline", None)]),
    ],
)
def test_hostages_are_a_gap_and_the_bla_s_founding_off_topic(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """The sources say nothing of hostages: taking them read as seizing, and got "no city was seized"
    (misleading). When the BLA was formed is general knowledge ("bani", formed, read as nothing, and
    the question as when the attacks were)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("has the bla accepted responsibility", [("answer", "bla-claim")]),
        ("did the militants hold noshki", [("answer", "no-city-seized")]),
        ("what office does jaiswal hold", [("answer", "person-jaiswal")]),
        ("were any attackers held", [("gap", "arrests")]),
        ("herof ka english mein matlab", [("answer", "operation-herof")]),
        ("which post does randhir jaiswal hold", [("answer", "person-jaiswal")]),
        ("did the attackers hold any city", [("answer", "no-city-seized")]),
        ("31 civilians? just checking", [("answer", "civilians-killed")]),
        ("bas itna batao kitne log mare", [("answer", "overall-toll")]),
        ("ye hamla kis ne kar diya", [("answer", "bla-claim")]),
        ("as per the report, what sort of group is the bla", [("answer", "bla-status")]),
        ("what does the article say about the province", [("answer", "province-context")]),
        ("how does the report describe the bla", [("answer", "bla-status")]),
        ("is the balochistan liberation army the same as the bla", [("answer", "bla-status")]),
        ("give me the toll of soldiers", [("answer", "security-personnel-killed")]),
        ("name the cities that were attacked", [("answer", "districts")]),
        ("name the dead", [("gap", "victim-names")]),
        ("pls name any civilians killed", [("gap", "victim-names")]),
        ("name any city that was attacked", [("answer", "districts")]),
        ("balochistan ki sarhad kin mulkon ke saath lagti hai", [("answer", "province-context")]),
        ("hamlawar kitne the total", [("gap", "attacker-count")]),
        (
            "kitne log mare, un mein se civilians kitne the",
            [("answer", "overall-toll"), ("answer", "civilians-killed")],
        ),
        ("did the military say iran-backed militants did this", [("answer", "india-allegation")]),
        ("jazakallah bhai", [("meta", "thanks")]),
    ],
)
def test_phrases_that_read_as_other_words(core: Core, question: str, reply: list[tuple[str, str | None]]) -> None:
    """Accepting responsibility is claiming it ("accept" alone is "not reject"; it read "reject claim");
    English is a language in "in english" (it was the UK); the post someone holds is their office
    ("hold" is "seize", and "does" ruled out who someone is), holding a city still seizing it, and
    attackers held are detained (a review found them read as hostages); asking only to check or for
    just this, and thanking with a blessing, are no words of a question (declined). Naming any of
    the dead asks who they were (it got the civilian toll: misleading), of cities which they were. Every answer is
    from the article: "as per the report" asks nothing more (it read as who says so, and got who
    claimed the attacks), and what the article says about something, or how it describes it, asks
    about that (declined). "Is X the same as Y" asks what X is (it got the operation's name), and
    militants someone sponsored or backed are a guess at whom Pakistan blamed (a false "no evidence is
    reported"). Asking in the imperative ("give me", "list all", "name the cities") asks which (each
    was a "did you mean"); naming the dead is still their names (a guard). Roman Urdu "kin" (which)
    and "hamlawar" (attackers) are words of ours (both were declined), and "un mein" is "of them", not
    the United Nations (it got "the injured are not reported"; a review found "nothing from the UN")."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("who r u", [("meta", "help")]),
        ("who built you", [("meta", "help")]),
        ("who attacked the soldiers", [("answer", "bla-claim")]),
        ("fauj pe kis ne hamla kiya", [("answer", "bla-claim")]),
        ("aap kaun hain", [("meta", "help")]),
        ("how many of us were killed, i serve in the police", [("answer", "overall-toll")]),
        ("mere abu fc mein hain, kitne jawan shaheed hue", [("answer", "security-personnel-killed")]),
        ("were the police attacked", [("answer", "operation-herof")]),
        ("کیا فوج پر حملہ ہوا تھا", [("answer", "operation-herof")]),
        ("پاکستان اور بھارت کی جنگوں کے بارے میں بتائیں", [("decline", None)]),
        ("operation results?", [("clarify", "operation-duration")]),
        ("فیس بک پر لکھا ہے 300 فوجی شہید ہوئے", [("answer", "security-personnel-killed")]),
    ],
)
def test_words_a_review_found_misread(core: Core, question: str, reply: list[tuple[str, str | None]]) -> None:
    """Who the bot is, or who made it, is the help reply (it got who claimed the attacks, or was
    declined); who attacked a force is who is responsible (it got the army's operations, or whom
    Pakistan blamed); "of us" is the asker's side and
    "abu" a father (they were the United States and Abu Dhabi: "not reported per district"); whether a
    force was attacked is whom the attacks targeted (it got the army's operations); a common word after
    "operation" names no other operation (declined); where an Urdu rumour was read (Facebook, "لکھا
    ہے") is no word of the question (declined); wars (جنگوں) are no fighters (جنگجو) by a repaired
    ending (the wars between India and Pakistan got Pakistan's charge against India)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("what did the american charge d'affaires say", [("answer", "us-condemnation")]),
        ("ایران اور افغانستان کا ردعمل کیا رہا", [("gap", "other-reactions")]),
        ("is 48 the right number", [("answer", "overall-toll")]),
    ],
)
def test_one_reply_per_target_and_our_own_totals_are_figures(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """A party and its spokesperson, or two parties with no statement, both land on one target: it is
    said once (the first two got the same block twice). 48 and 193 are figures of ours too (our
    arithmetic): a check of one is the overall toll (it was declined as a number heard)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("the soldiers??", "security-personnel-killed"),
        ("and the police??", "security-personnel-killed"),
        ("militants??", "militants-killed-145"),
    ],
)
def test_a_group_alone_offers_its_toll_first(core: Core, question: str, first: str) -> None:
    """A group and nothing else may ask how many of them died or anything else of them: a "did you
    mean" with their toll first. Soldiers and police got the army's operations outright, the militants
    a choice without their toll."""
    [intent] = core.router.route(question).intents
    assert intent.decision == "clarify" and intent.top is not None and intent.top.target == first


def test_a_group_alone_after_a_question_is_read_with_it(core: Core) -> None:
    previous = "how many civilians were killed"
    assert _decided(core, "and the soldiers?", previous) == [("answer", "security-personnel-killed")]


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("of the 17 dead how many were police", [("gap", "victim-breakdown")]),
        ("17 mein se kitne FC ke jawan the", [("gap", "victim-breakdown")]),
        ("۱۷ میں سے کتنے فوجی تھے اور کتنے پولیس والے", [("gap", "victim-breakdown")]),
        ("how many of the 145 were from the bla", [("gap", "victim-breakdown")]),
        ("how many policemen died, 17?", [("answer", "security-personnel-killed")]),
        ("۱۷ جوانوں میں سے کتنے ایف سی کے تھے", [("gap", "victim-breakdown")]),
        ("where does the figure of the 92 come from", [("answer", "militants-killed-92")]),
        ("of the 31, how many were kids", [("gap", "victim-breakdown")]),
        ("of the 48, how many were policemen", [("answer", "overall-toll")]),
        ("193 mein se kitne militants the", [("answer", "overall-toll")]),
        ("how many of the 92 are in the 145", [("answer", "militants-killed-92")]),
    ],
)
def test_a_part_of_a_figure_is_the_breakdown_not_the_figure(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """A count of part of one of our figures (lexicon `among`: "of the", "mein se", "میں سے", with the
    figure within two words) answered with the figure again is the breakdown the sources do not give
    (`story.breakdown`): the first four got the whole figure back, as if it answered. A guess at the
    figure itself, and "of the 92" asking no count, are guards (a dev batch found the second given the
    breakdown gap: misleading). A review found more: the gap said twice when the part follows a comma;
    and a false "not reported" for parts of our totals (48, 193: the overall toll gives the 17, 31 and
    145 they are made of) and for one figure weighed against another."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize("question", ["did it happen on sunday", "kya hamla itwar ko hua", "was it on a friday?"])
def test_a_day_of_the_week_put_to_the_story_asks_when(core: Core, question: str) -> None:
    """A day of the week heard and asked as a yes or no ("was it on a friday?") asks when it was, as a
    date heard does: the first was declined, the second got India's answer as a "did you mean"."""
    assert _decided(core, question) == [("answer", "timing")]


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("how many policemen lost their lives on sunday", [("gap", "day-tolls")]),
        ("how many fighters died on friday", [("gap", "day-tolls")]),
        ("itwar ko kitne log mare", [("gap", "day-tolls")]),
        ("how many soldiers were killed on saturday", [("gap", "day-tolls")]),
        ("how many police were killed on saturday", [("gap", "day-tolls")]),  # declined: the day kept as a word
        ("how many militants died on tuesday", [("gap", "day-tolls")]),  # "tuesday" is "date", read as "when"
        ("how many died on saturday", [("gap", "day-tolls")]),  # the 92 are militants only
        ("was the 92 only for saturday", [("answer", "militants-killed-92")]),
        ("hafte ko kitne militant mare", [("answer", "militants-killed-92")]),
        ("how many militants were killed on saturday", [("answer", "militants-killed-92")]),
        ("ہفتے کو کتنے دہشت گرد مارے گئے", [("answer", "militants-killed-92")]),
        ("how many died in the saturday attacks", [("answer", "overall-toll")]),
        ("deaths on friday?", [("gap", "day-tolls")]),
        ("how many militants died per day", [("gap", "day-tolls")]),
        ("روزانہ کتنے لوگ مارے گئے", [("gap", "day-tolls")]),
        ("how many soldiers died on day one", [("gap", "day-tolls")]),  # gave the 17 of both days
        ("pehle din kitne mare", [("gap", "day-tolls")]),
        ("پہلے دن کتنے لوگ مارے گئے", [("gap", "day-tolls")]),  # got the 92 militants alone
        ("roz kitne log mare", [("gap", "day-tolls")]),
        ("saturday dead", [("gap", "day-tolls")]),
        ("militants killed saturday", [("answer", "militants-killed-92")]),
        ("does the 145 include the friday raids", [("answer", "toll-composition")]),
        ("how many militants were killed according to bugti on sunday", [("answer", "militants-killed-145")]),
        ("who gave the toll on sunday", [("clarify", "militants-killed-92")]),
    ],
)
def test_a_count_of_one_day_is_the_day_s_toll_or_the_gap(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """The sources count one day's dead once: the military's 92 militants on Saturday
    (`story.day_counts`). A count asked of any other day, or of that day's other dead, is how many died
    each day, not reported: "how many soldiers died on sunday" got the 17 and "how many militants were
    killed on friday" the 145 (both misleading). A day beside a word naming the attacks only says which
    attacks, and what the 145 covers is no count of a day. A review found more: Monday to Thursday read
    as "when" (the 145 again), a count of Saturday's police declined, Saturday's dead in all answered
    with the militants alone, and "hafte ko" (on Saturday) not read as a day. A dev batch found a day
    and words of death alone ("sunday deaths?") read as "when": the dates, misleading; and a count of
    each day ("per day", "روزانہ", `lexicon.each_day`) was a "did you mean" of one group's toll, and so
    was the first day ("day one", "pehle din", "پہلے دن"), or the toll of both days. The day one who
    gives our figures gave one is no day of deaths ("sunday ko cm ne jo figure diya" got the gap), nor
    the day someone asked of gave one ("who gave the toll on sunday": a "did you mean" of the figures,
    each saying who gave it)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("how many women were killed", [("gap", "victim-breakdown")]),
        ("were any children among the dead", [("gap", "victim-breakdown")]),
        ("how many of the civilians killed were labourers", [("gap", "victim-breakdown")]),
        ("were there any teachers among the dead", [("gap", "victim-breakdown")]),
        ("any journalists killed?", [("gap", "victim-breakdown")]),
        ("was a teacher among those killed", [("gap", "victim-breakdown")]),  # one of them: a "did you mean"
        ("were any japanese engineers killed", [("gap", "victim-breakdown")]),  # declined
        ("کتنے صحافی مارے گئے", [("gap", "victim-breakdown")]),
        (
            "how many civilians died and how many were women",
            [("answer", "civilians-killed"), ("gap", "victim-breakdown")],
        ),
        ("how many security men were killed", [("answer", "security-personnel-killed")]),
    ],
)
def test_a_kind_of_people_among_the_dead_is_the_breakdown(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """Women, workers, teachers, journalists (`story.subgroups`) with a word of the dead ask how the dead
    break down, which the sources never say: the first got the 31 civilians (misleading), the next two
    a "did you mean" and a decline. "Men" is no such kind: "security men" are the 17."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "target"),
    [
        ("who announced the 145 figure", "militants-killed-145"),
        ("92 wala figure kis ne diya tha", "militants-killed-92"),
        ("145 ka elaan kis ne kiya", "militants-killed-145"),
        ("۱۴۵ کا عدد کس نے دیا", "militants-killed-145"),
        ("the 17 figure, says who?", "security-personnel-killed"),
        ("and the 31, what does that number stand for", "civilians-killed"),
        ("92 se kya murad hai", "militants-killed-92"),
        ("۱۷ کا مطلب کیا ہے", "security-personnel-killed"),
        ("did the army announce the 145", "militants-killed-145"),
        ("bugti ne 92 kaha tha?", "militants-killed-92"),
        ("کیا ۱۴۵ کا اعلان فوج نے کیا", "militants-killed-145"),
        ("what date was the 145 toll announced", "militants-killed-145"),
        ("۱۴۵ کا اعلان کب کیا گیا", "militants-killed-145"),
        ("what does the 145 include", "toll-composition"),
        ("is 145 the highest ever", "record-toll"),
    ],
)
def test_a_figure_of_ours_alone_is_the_fact_that_gives_it(core: Core, question: str, target: str) -> None:
    """Who gave a figure is answered by the fact that gives it (`story.figures`), whose attribution says
    who: the first four were a "did you mean" of what the 145 includes (of the military's 92 for the
    17), or declined. So is what a figure stands for (lexicon `meaning`): the next three were declined
    or a "did you mean". A wrong guess at who gave it gets the fact too, which says who did: the
    next three got the military's 92 for the 145 and what the 145 includes for Bugti's 92. When it
    was given is in the fact's attribution (the next two were a "did you mean"). What it includes and
    whether it is a record ask more of it (guards)."""
    assert _decided(core, question) == [("answer", target)]


@pytest.mark.parametrize(
    ("question", "target"),
    [
        ("who were the targets of the attacks", "operation-herof"),
        ("kisko nishana banaya unhon ne", "operation-herof"),
        ("کن کو نشانہ بنایا گیا", "operation-herof"),
        ("who carried out the attack", "bla-claim"),
    ],
)
def test_who_was_attacked_is_not_who_attacked(core: Core, question: str, target: str) -> None:
    """Whom the attacks targeted is what the BLA said its operation targeted; "targets" had been read
    as "attack", so the first got who claimed the attacks, the others a decline or the dates."""
    assert _decided(core, question) == [("answer", target)]


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("how many did the army kill", [("answer", "militants-killed-145")]),
        ("didnt the police kill 300?", [("answer", "militants-killed-145")]),
        ("fauj ne kitne maare", [("answer", "militants-killed-145")]),
        ("فوج نے کتنے مارے", [("answer", "militants-killed-145")]),
        ("how many soldiers did the bla kill", [("answer", "security-personnel-killed")]),
        ("policemen killed by the terrorists, how many", [("answer", "security-personnel-killed")]),
        ("بی ایل اے نے کتنے فوجی مارے", [("answer", "security-personnel-killed")]),
        ("how many people did the attackers kill", [("answer", "overall-toll")]),
        ("how many people did the police kill", [("answer", "militants-killed-145")]),
        ("fauj ne kitne log maare", [("answer", "militants-killed-145")]),
        ("army ne kitnay militants maaray", [("answer", "militants-killed-145")]),  # got the 17 too
        ("how many civilians did the police kill", [("clarify", "civilians-killed")]),
        ("fauj ke hathon kitne shehri mare", [("clarify", "civilians-killed")]),
        ("how many army men killed", [("answer", "security-personnel-killed")]),
        ("fauji kitne maare gaye", [("answer", "security-personnel-killed")]),
        ("dehshatgard kitne maare gaye", [("answer", "militants-killed-145")]),
        ("terrorist kitne khatam hue bhai", [("answer", "militants-killed-145")]),  # got "how many took part"
        ("how many policemen did the militants kill", [("answer", "security-personnel-killed")]),
        ("فورسز نے کتنے دہشتگرد جہنم واصل کیے", [("answer", "militants-killed-145")]),  # an idiom of killing
    ],
)
def test_who_killed_is_not_who_died(core: Core, question: str, reply: list[tuple[str, str | None]]) -> None:
    """A side of the fighting marked as the one who killed (`story.forces`, `story.attackers`; "did",
    "ne", "by") killed the other side: the army killed militants, and the attackers everyone else.
    Each of the first eight got the wrong side's dead ("how many did the army kill" the soldiers who
    died; "how many soldiers did the bla kill" the militants). Unmarked, a side is who died (guards).
    The civilians are counted as killed in the attacks, not by the forces: that toll is only offered.
    What the killers say they killed is a figure they did not give (see
    test_a_count_from_one_who_gave_none_is_not_reported)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("where do u get ur facts", [("meta", "sources")]),
        ("where did you get that", [("meta", "sources")]),
        ("where did you get the names", [("gap", "victim-names")]),
        ("where?", [("answer", "districts")]),
    ],
)
def test_where_the_facts_come_from_is_not_where_it_happened(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """ "where did you get" this, that or your facts asks for the sources: read as "where", it tied the
    sources with the districts and was declined; so was "where?" alone, as the sources' examples read
    "where" too. Where the names came from still asks for the names (a guard)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize("question", ["Shehbaz sb ne kya kaha", "shehbaz sahab ne kya kaha"])
def test_a_courtesy_after_a_name_is_no_word_of_the_question(core: Core, question: str) -> None:
    """ "sb" (sahab after a name; "sab", all, elsewhere) was an unknown word that declined the question."""
    assert [(i.decision, i.uncovered_entities) for i in core.router.route(question).intents] == [("gap", ("shehbaz",))]


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("bharat ka kya jawab aya", [("answer", "india-rejection")]),
        ("did india condemn the attacks", [("clarify", "india-rejection")]),
        ("what did pakistani leaders say", [("gap", "pakistani-leaders")]),
        ("did pakistan's president say anything", [("gap", "pakistani-leaders")]),
        ("what did the pm say about india", [("gap", "pakistani-leaders")]),
        ("besides the us?", [("gap", "other-reactions")]),
    ],
)
def test_a_party_whose_words_we_give_is_never_a_gap_about_someone_else_s(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """A gap says whose unreported words it is about (`speaker`): India was told "no reaction from
    any other country is reported" and "nothing from Pakistan's leaders", though its rejection is a
    fact. Pakistan's leaders are still Pakistan's gap, also said about India, and a party set aside
    ("besides the us") leaves the others' gap (the last four are guards)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        (
            "my brother is a nurse in quetta and worked through the night, was an emergency declared in hospitals?",
            [("answer", "hospitals-emergency")],
        ),
        ("i live in karachi and my family is in noshki, were the attacks coordinated?", [("answer", "coordinated")]),
        (
            "my family is in mastung and we were scared all night, did the militants take any city?",
            [("answer", "no-city-seized")],
        ),
        ("i am from noshki, how many died there?", [("gap", "district-tolls")]),
        ("how many died, i heard 200, in quetta?", [("gap", "district-tolls")]),
        (
            "i live in karachi and my family is in noshki, was there an emergency in hospitals?",
            [("answer", "hospitals-emergency")],
        ),
        (
            "how many soldiers were killed? my brother is in the army and his phone is off",
            [("answer", "security-personnel-killed")],
        ),
        ("aoa, mera bhai army mein hai, kitne fauji shaheed hue", [("answer", "security-personnel-killed")]),
        (
            "my cousin is in mastung and she says everyone is talking about some group. did anyone claim the attacks?",
            [("answer", "bla-claim")],
        ),
        (
            "i'm writing an essay on the words the attackers used. what does black storm refer to in this story?",
            [("answer", "operation-herof")],
        ),
        (
            "i'm a student in lahore and want to get the details right. which districts were hit?",
            [("answer", "districts")],
        ),
        ("doing a project on this, who claimed it", [("answer", "bla-claim")]),
        ("doing an essay on the balochistan attacks, how many died", [("answer", "overall-toll")]),
    ],
)
def test_the_asker_s_own_story_is_no_question(core: Core, question: str, reply: list[tuple[str, str | None]]) -> None:
    """Where the asker and theirs are, and what they went through, frames the question and asks
    nothing: the first three were declined (read whole, with Karachi as another event and the
    night as a time of day). A place the question points back to ("there") is what it asks about:
    the fourth is a guard (with no words of `there` it gets the toll in all, misleading); so is a
    place after the asker's aside ("i heard 200, in quetta?"); "was there" points nowhere. The force
    the asker's family serves in is their story too, and a greeting no part of the question: the last
    two were declined (read whole, the family's words unknown), and so is the story going on after the
    question. Someone of theirs goes on in the next part ("..., she says ..."): it got a "did you mean" of
    the operation's name (read whole), and a review's "he says ..." a false "not reported". "What does X
    refer to" asks what X means, "in this story" of the story (a "did you mean" of the date). Getting the
    details right is no tag checking the rest (the whole message was read, Lahore and all: declined).
    "Doing a project on this" is the asker's too, their "I'm" left out (declined; "the motives are not
    reported" and the toll)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    "question",
    [
        "my mum is 52, she says it was india. who claimed the attacks?",
        "my dad is 45, he says it was india. who claimed the attacks?",
        "my uncle is a retired colonel and he says it was india. who claimed responsibility?",
    ],
)
def test_a_claim_of_the_story_passed_on_is_checked_and_the_question_answered(core: Core, question: str) -> None:
    """ "..., she says it was india" passes on a claim of the story: it is no more of the asker's story
    (a review found such messages declined, the asker's age read as a figure heard)."""
    intents = core.router.route(question).intents
    assert ("answer", "bla-claim") in [(i.decision, i.top.target if i.top else None) for i in intents]
    assert all(i.decision != "decline" for i in intents)


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("has any soldier been named among the dead", [("gap", "victim-names")]),
        ("what is pakistan's accusation against india", [("answer", "india-allegation")]),
        ("civilian casualties", [("answer", "civilians-killed")]),
        ("what's his name, the chief minister", [("answer", "person-bugti")]),
        ("was it al qaeda?", [("answer", "bla-claim")]),
        ("were any women killed", [("gap", "victim-breakdown")]),
        ("any foreigners killed", [("gap", "victim-breakdown")]),
    ],
)
def test_a_gap_that_fits_far_better_keeps_a_word_a_fact_shares(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """ "named" is the names of the dead, though a fact is asked "what's his name": the first got the
    17 soldiers (misleading). The second read "accusation" as no word of blame (a "did you mean").
    The next three are guards: a fact asked with the word still wins where it fits. Women and
    foreigners get the breakdown gap from the rules alone (with the rule off, a "did you mean")."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(("distinct", "answered"), [(15.0, True), (0.0, False)])
def test_a_gap_must_fit_by_a_lead_to_keep_a_shared_word(core: Core, distinct: float, answered: bool) -> None:
    """With no lead needed (`distinct` 0) a question whether any country condemned it loses its
    answer to the gap its words share (reactions of any other country); the default keeps it."""
    router = Router(core.factbase, thresholds=Thresholds(distinct=distinct))
    [intent] = router.route("has any country condemned it").intents
    assert (intent.decision == "answer") is answered


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("جیسوالکون ہے", [("answer", "person-jaiswal")]),
        ("امریکہنے کیا کہا", [("answer", "us-condemnation")]),
        ("بھارتی ترجمان رندھیر جیسوال کون ہیں", [("answer", "person-jaiswal")]),
        ("بیانیہ کیا ہے", [("decline", None)]),
    ],
)
def test_two_urdu_words_run_together_are_read_apart(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """A space lost between two Urdu words ("جیسوال کون", "امریکہ نے"): both were declined. A word
    we know stays whole, and so does a common Urdu word (guards: split, جیسوال would read as "جی سوال"
    and بیانیہ as "بیان یہ")."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("has britain expressed a view on the attacks", [("answer", "uk-condemnation")]),
        ("has the uae issued any statement", [("answer", "uae-condemnation")]),
        ("what did pakistan say about india", [("answer", "india-allegation")]),
        ("pakistan ne india ko kya kaha", [("answer", "india-allegation")]),
        ("pakistan ne bharat ko kya bola", [("answer", "india-allegation")]),
        ("انڈیا نے پاکستان کو کیا کہا", [("answer", "india-rejection")]),
        ("pakistan ne ilzam lagaya to india ne kya kaha", [("answer", "india-rejection")]),
    ],
)
def test_a_party_asked_for_its_statement_in_other_words_gets_its_own(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """A word between the party and the word of saying ("britain expressed a view") still makes it the
    speaker: the round-up was given before; "issued" was an unknown word (a decline). "what did pakistan
    say about india" is a guard: Pakistan, right before "say", speaks. In Urdu the one who speaks is
    marked (ne, نے) and the word before "kaha" is whom it was said to: the other side's statement was
    given (and "bola" was no word of saying)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("noshki mein bhi hua?", [("answer", "districts")]),
        ("کیا گوادر میں بھی ہوا", [("answer", "districts")]),
        ("was it in noshki", [("answer", "districts")]),
        ("was peshawar attacked as well", [("answer", "districts")]),
        ("کیا لاہور پر بھی حملہ ہوا تھا", [("answer", "districts")]),
        ("kal raat lahore mein kuch hua?", [("decline", None)]),
        ("how many died in the karachi attack", [("decline", None)]),
        ("is it safe in karachi", [("decline", None)]),
        ("کیا لاہور میں بھی بارش ہوئی", [("decline", None)]),
        ("how is it in quetta", [("decline", None)]),
    ],
)
def test_did_it_happen_there_too_asks_where_it_happened(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """ "X mein bhi hua", "X میں بھی ہوا": "hua" is a stopword, so only the place was left and both were
    declined; so were "was it in noshki" and, of a place outside the story, "was peshawar attacked as
    well" (where the attacks were answers it: not there). Anything else of a place outside the story
    is another event, as is rain there too, or how it is there (the last five are guards)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("suna hai ye hamle mangal ko hue, sach?", [("answer", "timing")]),
        ("were the attacks on thursday", [("answer", "timing")]),
        ("how many militants were killed on saturday", [("answer", "militants-killed-92")]),
        ("was it on jan 29?", [("answer", "timing")]),
        ("heard it happened on march 5", [("answer", "timing")]),
        ("۲۹ جنوری کو ہوا تھا؟", [("answer", "timing")]),
        ("how many were killed in the quetta attack of jan 2024", [("decline", None)]),
        ("how many soldiers were killed on jan 30", [("decline", None)]),
        ("suna hai mangal ko 12 log zakhmi hue", [("gap", "injured")]),
        ("were the attacks on feb 1 right?", [("answer", "timing")]),
        ("hamle feb 1 ko hue?", [("answer", "timing")]),
        ("was it on february 2nd", [("answer", "timing")]),  # a review: declined
        ("was it on the 1st of feb", [("clarify", "timing")]),  # got the latest updates
        ("how many militants killed by feb 1st", [("answer", "militants-killed-145")]),  # all until then
        ("did the attack happen in 2024?", [("answer", "timing")]),
        ("kya yeh hamla 2023 mein hua tha", [("answer", "timing")]),
        ("کیا یہ حملے 2024 میں ہوئے تھے", [("answer", "timing")]),
        ("how many died in the 2024 attacks", [("decline", None)]),
    ],
)
def test_a_day_or_span_someone_heard_is_asked_against_ours(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """A weekday, a month or a day of the month the story is not on is a date someone heard (declined
    as an unknown number, or a "did you mean" of the districts); the story's own days keep their
    meaning (the 92 was Saturday's figure: a guard), and a year is still another event (a guard), as
    is a count on a day we do not count by; "12 log" counts people (guards a review asked for). A day
    of the story's own asks when too (a check of "feb 1" got the latest updates), also as an ordinal
    ("the 1st of feb": folded to "1", and no chat about what is new after it); "by feb 1st" is all
    until then (`story.until`), not that day's count ("not reported", once the ordinal was read). A year put to the
    story alone as a yes-or-no guess is a date heard too (the three were declined); with a question of
    its own it is another event (a guard)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("deadliest in 10 years?", [("answer", "record-toll")]),
        ("سب سے بڑا حملہ 20 سال میں؟", [("answer", "record-toll")]),
        ("who attacked quetta 10 years ago", [("decline", None)]),
        ("20 سال پہلے کیا ہوا", [("decline", None)]),
        ("how many soldiers were killed in 5 years", [("decline", None)]),
    ],
)
def test_a_period_compared_with_is_no_other_event_unless_it_is_past(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """ "the deadliest in 10 years" compares (`story.periods`, with a word of `story.comparing`): the
    number was one our facts do not give, so both were declined as another event. "10 years ago" still
    names another time, and so does a period in a question that compares nothing (the Urdu "20 years
    ago" got the summary before; the other two are guards)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("was it the taliban or someone else", [("answer", "bla-claim")]),
        ("could it have been the taliban", [("answer", "bla-claim")]),
        ("did pakistan blame india", [("answer", "india-allegation")]),
        ("who else condemned it", [("answer", "condemnation-overview")]),
        ("did the ttp claim it", [("answer", "bla-claim")]),
        ("was it afghanistan who claimed responsibility", [("answer", "bla-claim")]),
        ("it was iran no?", [("answer", "bla-claim")]),
        ("taliban did this no", [("answer", "bla-claim")]),
        ("کیا ٹی ٹی پی نے یہ حملہ کیا", [("answer", "bla-claim")]),
    ],
)
def test_a_guess_at_who_did_it_may_leave_room_for_someone_else(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """ "or someone else", "could it have been" and "blame" were no guessing phrases: the first two were
    declined, "did pakistan blame afghanistan" got "no evidence is reported" (a false "not reported");
    they get who the sources say did it, as does a guess at who claimed it (the TTP was declined,
    Afghanistan a "did you mean" the province). India, whom Pakistan blamed, and "who else" are guards.
    A tag ("no?", "correct") or a guess worded as a statement ("it was", "نے یہ حملہ کیا") is still a
    guess: the last three got the injured gap, a decline and "other reactions are not reported"."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("was india blamed", [("answer", "india-allegation")]),
        ("india accused of what exactly", [("answer", "india-allegation")]),
        ("india got blamed for it?", [("answer", "india-allegation")]),
        ("so india was accused?", [("answer", "india-allegation")]),
        ("india blamed pakistan?", [("answer", "india-rejection")]),
        ("who did india blame for the attacks", [("answer", "india-rejection")]),
        ("was the uae accused", [("answer", "india-allegation")]),
        ("did pakistan blame the uk", [("answer", "india-allegation")]),
        ("who the uk blamed?", [("answer", "uk-condemnation")]),
        ("did the military back up the india accusation with anything concrete", [("clarify", "india-allegation")]),
        ("who made the india accusation", [("answer", "india-allegation")]),
        ("was the india accusation proven", [("gap", "evidence")]),
    ],
)
def test_the_one_blamed_in_the_passive_is_not_who_blames(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """A party named before a word of blaming in the passive ("was india blamed", "india accused of
    what") is the one Pakistan blamed: all four got India's rejection, as if India had spoken (a dev
    batch's "india blamed?", misleading). A party with words of its own that Pakistan is said to
    blame is a guess at whom it blamed, too (a review found the BLA's claim given). A party that
    blames in the active voice, also before the word at the end ("who the uk blamed?"), is a guard. So
    is a noun of blaming after an article and the name (lexicon: charges): "the india accusation" is
    Pakistan's charge: with "anything concrete" after it a dev batch's got India's rejection, "who made
    the india accusation" India's spokesperson, "was it proven" India's rejection (all misleading)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("did pakistan blame afghanistan", [("answer", "india-allegation")]),
        ("did pakistan blame afghanistan too", [("answer", "india-allegation")]),  # a review: declined
        ("was iran blamed as well", [("answer", "india-allegation")]),
        ("did the military say the taliban were behind it", [("answer", "india-allegation")]),
        ("did iran say it was the taliban", [("gap", "other-reactions")]),
        ("did india say it was them", [("answer", "india-rejection")]),
        ("kya pakistan ne afghanistan par ilzam lagaya", [("answer", "india-allegation")]),
        ("kya pakistan ne taliban ke bare mein kuch kaha", [("gap", "pakistani-leaders")]),
        ("did the taliban blame anyone", [("gap", "other-reactions")]),
        ("کیا امریکہ نے بھارت پر الزام لگایا", [("answer", "us-condemnation")]),
        ("did the uk blame the bla", [("answer", "uk-condemnation")]),
        ("did india blame pakistan", [("answer", "india-rejection")]),
        ("how did india respond to pakistan's accusation", [("answer", "india-rejection")]),
        ("saboot kahan hai india wale ilzam ka", [("gap", "evidence")]),
        ("who did saudi arabia blame", [("answer", "saudi-condemnation")]),
        ("did the united states blame india", [("answer", "us-condemnation")]),
        ("did jaiswal blame pakistan", [("answer", "india-rejection")]),
        ("who spoke for iran", [("gap", "other-reactions")]),
        ("who spoke for china", [("gap", None)]),
        ("india ne kiya kya", [("answer", "india-allegation")]),
        ("kya bharat ne karaya? ya bas ilzam hai", [("answer", "india-allegation")]),
        ("saboot hai ke india ne kiya? ya sirf ilzam", [("gap", "evidence")]),
        ("did britain hold india responsible", [("answer", "uk-condemnation")]),
        ("ye raw ne karaya?", [("answer", "india-allegation")]),
        ("did the chief minister blame india", [("answer", "india-allegation")]),
        ("کیا یہ را کا کام ہے", [("answer", "india-allegation")]),
        ("did pakistan hold india responsible", [("answer", "india-allegation")]),
        ("heard pakistan blamed the afghan government, right?", [("answer", "india-allegation")]),
        ("pakistan blamed kabul's regime for backing them, true?", [("answer", "india-allegation")]),
    ],
)
def test_a_guess_at_whom_pakistan_blamed_gets_whom_it_did(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """A word of blaming or saying with a party the sources quote nothing of (`story.accused`): the
    first got the BLA's claim, the second "no evidence is reported" (a false "not reported"); so did
    the Roman Urdu "ilzam" (lexicon: guesses). A party named as the one who spoke or blamed, before the
    word or marked "ne", is asked what it said, not whom Pakistan blamed: reviews found "did the
    taliban blame anyone" and "did the us blame india" answered with Pakistan's charge, then with "no
    evidence is reported" (the US's words are reported); "pakistani taliban" as a name read "pakistan
    ne taliban" as the TTP. A name before the charge without a marker ("india wale ilzam") is who is
    blamed, and Pakistan's accusation is no one's words but Pakistan's (guards). A name of two words
    ("saudi arabia") and a person who speaks for a party (`story.speaks_for`) blame as the party does
    (a third review found the BLA's claim and a "did you mean" given). Who spoke for a party the
    sources quote nothing of is its words, not reported ("who spoke for iran" got "who leads the BLA
    is not reported", misleading; China's was declined). The marker counts in the sentence that blames
    ("kya bharat ne karaya? ya bas ilzam hai", "saboot hai ke india ne kiya? ya sirf ilzam" got what
    India said). Holding someone responsible is blaming them, and the party before it the one who
    blames (a review found the UK's question answered with Pakistan's charge). RAW, India's agency, is
    a guess at India (declined); Pakistan's chief minister blames as Pakistan does (it got "no
    evidence is reported", a false "not reported"). A country's government is that country (a dev
    batch's "the taliban government" got "no evidence is reported", misleading)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize("question", ["who is the us president", "us ambassador kon hai"])
def test_an_office_with_no_person_named_is_no_question_of_who_someone_is(core: Core, question: str) -> None:
    """Office words ask who someone is only beside a person's name: the US's president or ambassador
    is not the chargé d'affaires the article quotes."""
    assert all(i.decision != "answer" for i in core.router.route(question).intents)


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("so why did they do the attacks", ("gap", "motive")),
        ("unhon ne hamla kyun kiya", ("gap", "motive")),
        ("ان لوگوں نے حملے کیوں کیے", ("gap", "motive")),
        ("why does balochistan keep seeing attacks like this", ("answer", "insurgency-context")),
        ("بلوچستان میں حملے بار بار کیوں ہوتے ہیں", ("answer", "insurgency-context")),
    ],
)
def test_why_they_attacked_is_their_motive_not_why_attacks_go_on(
    core: Core, question: str, reply: tuple[str, str | None]
) -> None:
    """The authorities' view that insurgents remain active answers why attacks keep happening
    (`asked_with`: keep, still, repeatedly...), not why these were carried out: the attackers' aims
    are not reported. The first two got the authorities' view; the last two are guards."""
    assert _decided(core, question) == [reply]


@pytest.mark.parametrize("question", ["india ne pakistan ke ilzam par kya kaha", "دہلی نے پاکستان کے الزام پر کیا کہا"])
def test_who_speaks_is_marked_by_ne_where_the_verb_comes_last(core: Core, question: str) -> None:
    """ "What did India say about Pakistan's allegation" is India's answer, not the allegation, also
    when India is marked as the speaker by "ne"/"نے" rather than standing before "say"."""
    assert _decided(core, question) == [("answer", "india-rejection")]


@pytest.mark.parametrize("question", ["what did bugti say", "بگٹی نے کیا کہا", "what did the cm say"])
def test_what_someone_said_is_a_choice_among_all_they_said(core: Core, question: str) -> None:
    """The classifier may favour one of them (or who the person is): the reply still offers them all,
    and only what he said (it offered who he is and the day he spoke first)."""
    intent = core.router.route(question).intents[0]
    assert intent.decision == "clarify"
    assert len(intent.matches) >= 2
    assert {m.target for m in intent.matches}.isdisjoint({"person-bugti", "timing"})


@pytest.mark.parametrize(
    ("question", "target"),
    [
        ("what did randhir jaiswal say then", "india-rejection"),
        ("natalie baker ne kya kaha tha", "us-condemnation"),
        ("بیکر نے کیا کہا تھا", "us-condemnation"),
    ],
)
def test_what_someone_with_one_statement_said_is_that_statement(core: Core, question: str, target: str) -> None:
    """Baker and Jaiswal each made one statement in the sources; the rest that mentions them is who they
    are or when they spoke. Each was a "did you mean" of their statement and who they are."""
    assert _decided(core, question) == [("answer", target)]


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("who's natalie baker, and what did she say", [("answer", "person-baker"), ("answer", "us-condemnation")]),
        ("jaiswal kaun hai aur usne kya kaha", [("answer", "person-jaiswal"), ("answer", "india-rejection")]),
        ("بیکر کون ہیں اور انہوں نے کیا کہا", [("answer", "person-baker"), ("answer", "us-condemnation")]),
    ],
)
def test_what_she_said_after_who_she_is_is_her_statement(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """The part after "who is baker" asks what "she" said: "she" kept the part from reading as what
    someone said, and it was a "did you mean". In Roman Urdu and Urdu ("usne", "انہوں نے") the part
    read as asking only who said so, which every answer says, and was dropped."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("no of milittants killd", "no of militants killed"),
        ("how many civlians were kiled", "how many civilians were killed"),
        ("whee were the attacks", "where were the attacks"),
        ("what did thse people say", "what did these people say"),
        ("yaar america ne condemn kiya", "america ne condemn kiya"),
        ("kisi mulk ne condemn kiya ya nahi", "mulk ne condemn kiya"),  # "any", "or not" narrow nothing
        ("hw mny soldiers dyed", "how many soldiers died"),  # too short, or a word: the lexicon's
        ("fc ke kitne jawan mare", "security ke kitne jawan mare"),  # a force people name
        ("how many levies died", "how many security died"),
        ("mere khayal mein 200 mare", "200 mare"),  # "khayal" was repaired into "ghayal", injured
        ("wht did ind say abt it", "what did india say about it"),  # how people abbreviate
        ("wat did the us say", "what did the us say"),  # "wat" was dropped as a stopword
        ("worst evr", "worst ever"),
        ("gr8 thx", "great thx"),
        ("who is sarfaraz bug tea", "who is sarfaraz bugti"),  # a name heard as two words
        ("was must hung attacked", "was mastung attacked"),
        ("were any towns seized", "were any towns seized"),  # two stopwords stay two ("germany")
        ("what did the u k say", "what did the uk say"),  # a name spelt out
        ("is the b l a banned", "is the bla banned"),
    ],
)
def test_typos_are_repaired_against_known_words(core: Core, typed: str, meant: str) -> None:
    """A letter dropped, added, changed or two swapped; a misspelt stopword is repaired, then dropped;
    of two equally near words, the one sharing more letters in order ("whee": where, not when). A word
    of chat ("yaar") is a stopword, not a typo of one of ours ("baar")."""
    assert core.router.normalise(typed) == core.router.normalise(meant)


@pytest.mark.parametrize(
    ("word", "wrong"),
    [
        ("سارے", "مارے"),
        ("چلتی", "ملتی"),
        ("رکتے", "کرتے"),
        ("بارش", "بارے"),
        ("سوری", "سورس"),
        ("طالبات", "طالبان"),
        ("بھرتی", "بھارتی"),
    ],
)
def test_a_common_urdu_word_is_only_repaired_into_another_form_of_ours(core: Core, word: str, wrong: str) -> None:
    """ "سارے" (all) was repaired into "مارے" (killed), so "were the 145 all the attackers" answered
    with the 145 dead; "چلتی" (went on) became "ملتی" (meets), "رکتے" (stop) "کرتے" (do). A common
    Urdu word is repaired only into another ending of one of ours (letters added or dropped at its end,
    or a last vowel changed), as "سربراہی" (leadership) is "سربراہ" (leader); and never into a stopword
    ("بارش", rain, was "بارے" and dropped). Keeping all but the last two letters, tried first, still
    made "سوری" (sorry) "سورس" (source) and "طالبات" (students) "طالبان". A word is common as people
    write it, before folding: "بھرتی" (recruitment), folded "بہرتی", was rare and became "بھارتی" (Indian), so "how
    to join the army" got Pakistan's charge against India."""
    urdu = core.router.by_language["ur"]
    assert OSA.distance(fold(word), fold(wrong)) <= 2
    assert urdu._repair(fold(word)) != fold(wrong)
    assert urdu._repair("سربراہی") == "سربراہ"


@pytest.mark.parametrize(("word", "near"), [("founded", "funded"), ("rounded", "wounded")])
def test_a_common_english_word_is_not_taken_for_a_typo(core: Core, word: str, near: str) -> None:
    """ "who founded it" is not "who funded it": a word English uses often (wordfreq) is left as it is,
    an unknown word, however close it is to one of ours."""
    assert OSA.distance(word, near) == 1
    assert word in core.router.normalise(f"who {word} it").split()


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("kitne militant bataye sarfraz bugti ne", [("clarify", "militants-killed-145")]),
        (
            "sarfraz bugti kaun hai aur usne kitne militant bataye",
            [("answer", "person-bugti"), ("clarify", "militants-killed-145")],
        ),
        ("بگٹی کون ہے اور اس نے کتنے دہشتگرد بتائے", [("answer", "person-bugti"), ("clarify", "militants-killed-145")]),
        ("what is the toll according to the cm", [("answer", "overall-toll")]),
    ],
)
def test_how_many_militants_a_giver_told_of_is_his_figure(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """ "how many militants did bugti tell" lost "told bugti" as a word of sourcing, and "how many
    militants" alone is how many took part, which is not reported (dev batch 58: misleading, for he
    gave 145 killed). The giver stays when nothing else says what is counted; "the toll according to
    the cm" still reads without him (a guard)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(("word", "stopword"), [("sone", "hone"), ("bhao", "bhai")])
def test_a_word_a_letter_changed_from_a_stopword_is_not_repaired_away(core: Core, word: str, stopword: str) -> None:
    """ "sone ka bhao kya chal raha" (the price of gold) lost both words to stopwords ("hone", "bhai")
    and was answered with the insurgency, "chal raha" being "ongoing" (dev batch 58). A letter dropped
    is still a typo of a stopword (the repairs above)."""
    assert stopword in core.factbase.lexicon.stopwords
    assert core.router.by_language["en"]._repair(word) != stopword
    assert _decided(core, f"{word} ka bhao kya chal raha") == [("decline", None)]


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("why is there so much fighting over there", [("answer", "insurgency-context")]),
        ("what are the militants fighting for", [("gap", "motive")]),
        ("were they fighting for 3 days?", [("answer", "operation-duration")]),
    ],
)
def test_the_fighting_is_the_insurgency_and_what_they_fight_for_their_motive(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """ "fighting" was the motive gap's word, from "what is the bla fighting for": why fighting goes on
    there got "the sources do not report what the attackers wanted". Reading "fighting for" as what
    they want was tried and dropped: "fighting for 3 days" is how long."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize("question", ["quetta mein sardi kitni parti hai", "kya aap meri homework kar sakte ho"])
def test_a_word_of_another_subject_is_not_repaired_into_ours(core: Core, question: str) -> None:
    """ "sardi" (cold) was repaired into "saudi" and the question became a count of Saudi Arabia's;
    "meri" (my) into "mare" (killed). Both are declined."""
    assert _decided(core, question) == [("decline", None)]


@pytest.mark.parametrize(("typed", "meant"), [("was gwadr attacked", "gwadar"), ("what did the armi do", "army")])
def test_a_typo_of_our_names_is_repaired_though_other_subjects_use_it(core: Core, typed: str, meant: str) -> None:
    """The `elsewhere:` questions spell "gwadr" and "armi" as people do: keeping their words whole (to
    keep "sardi" from "saudi") left these unrepaired and declined, so "sardi" is a lexicon word instead."""
    assert meant in core.router.normalise(typed).split()


@pytest.mark.parametrize("question", ["were 300 people injured", "were 250 people wounded"])
def test_a_figure_an_example_happens_to_use_is_still_a_figure_heard(core: Core, question: str) -> None:
    """Only the numbers our facts give are known words; any other is a figure someone heard."""
    assert _decided(core, question)[0] == ("gap", "injured")


def test_thresholds_are_configuration(core: Core) -> None:
    strict = Router(core.factbase, thresholds=Thresholds(answer=100, suggest=100, margin=0))
    assert strict.route("how many civilans were killd in the violence").intents[0].decision != "answer"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_example_is_a_choice_of_its_language(core: Core, language: Language) -> None:
    base = core.factbase
    router = core.router.by_language[language]
    targets = (*base.facts, *base.gaps, *base.meta)
    per_target = [list(dict.fromkeys(base.lexicon.normalise(q) for q in base.asked(t, language))) for t in targets]
    assert router.choices == [c for choices in per_target for c in choices]  # the same twice is scored once
    assert router.owners == [t.id for t, choices in zip(targets, per_target, strict=True) for _ in choices]
    assert core.router.choice_count == sum(r.choice_count for r in core.router.by_language.values())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_any_text_gets_a_decision_and_nothing_else(core: Core, text: str) -> None:
    routing = core.router.route(text)
    assert routing.intents
    for intent in routing.intents:
        assert intent.decision in {"answer", "clarify", "gap", "decline", "meta"}
        assert len(intent.matches) <= 3
        assert all(0 <= m.score <= 100 for m in intent.matches)
        base = core.factbase
        assert all(base.fact(m.target) or base.gap(m.target) or base.meta_entry(m.target) for m in intent.matches)
        if intent.decision == "answer":
            assert intent.top is not None and intent.top.kind == "fact"


@pytest.mark.parametrize(
    ("question", "target"),
    [
        ("بلوچستان میں کتنے لوگ مارے گئے", "overall-toll"),  # the question of issue 13, declined before
        ("کِتنے عام شہری ہلاک ہوۓ", "civilians-killed"),  # diacritics, and ۓ for ئے
        ("حملوں کی ذمہ داری کس نے لی", "bla-claim"),
        ("بگٹی کون ہے", "person-bugti"),  # who someone is, not what he said
        ("آپریشن کتنے گھنٹے چلا", "operation-duration"),  # how long, not when
        ("امریکا نے کیا کہا؟", "us-condemnation"),
        ("کتنے militants ہلاک ہوئے", "militants-killed-145"),  # mixed script, mostly Urdu
        ("what did بھارت say", "india-rejection"),  # mixed script, mostly English
        ("کیا سب حملے جڑے ہوئے تھے", "coordinated"),  # جڑے had been mapped to a word no Urdu example uses
        ("بی ایل اے کون سی تنظیم ہے", "bla-status"),  # what the BLA is, not which group claimed the attacks
        ("کون سی تنظیم نے ذمہ داری لی", "bla-claim"),
    ],
)
def test_an_urdu_question_gets_the_fact_an_english_one_would(core: Core, question: str, target: str) -> None:
    intents = core.router.route(question).intents
    assert [(i.decision, i.top.target if i.top else None) for i in intents] == [("answer", target)]


def test_urdu_has_the_same_three_kinds_of_no(core: Core) -> None:
    route = core.router.route
    assert [i.decision for i in route("کتنے زخمی ہوئے").intents] == ["gap"]
    assert [i.uncovered_entities for i in route("چین نے کیا بیان دیا").intents] == [("china",)]
    assert not route("آج موسم کیسا ہے").on_topic and not route("کرکٹ میچ کون جیتا").on_topic
    assert not route("کراچی حملے میں کتنے لوگ مرے").on_topic  # another attack is another story


def test_urdu_two_part_questions_and_figures(core: Core) -> None:
    routing = core.router.route("حملہ کس نے کیا اور کتنے شہری مرے")
    assert [i.top.target for i in routing.intents if i.top] == ["bla-claim", "civilians-killed"]
    assert core.router.route("۲۰۰ لوگ مارے گئے؟").intents[0].figures == ("200",)


def test_each_script_is_scored_against_its_own_language(core: Core) -> None:
    """English is routed as if there were no Urdu: its router holds no Urdu example."""
    english, urdu = core.router.by_language["en"], core.router.by_language["ur"]
    assert core.router.of("who did it") is english and core.router.of("یہ کس نے کیا") is urdu
    assert not any(script_language(c) == "ur" for c in english.choices)
    assert english.choice_count + urdu.choice_count == core.router.choice_count


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("did the bla seize noshki", "no-city-seized"),  # no fact names Noshki, but one says no city was taken
        ("did militants capture mastung city", "no-city-seized"),
    ],
)
def test_no_not_reported_where_a_fact_matches_as_well(core: Core, question: str, fact_id: str) -> None:
    """A named place or kind of answer may rule a fact out, but a "not reported" beside it could be false."""
    intents = Router(core.factbase, thresholds=Thresholds(agree=10.0)).route(question).intents
    assert [i.decision for i in intents] == ["clarify"]
    assert fact_id in [m.target for m in intents[0].matches]
    assert [i.decision for i in core.router.route(question).intents] in (["clarify"], ["answer"])


@pytest.mark.parametrize("question", ["any arrests?? how many", "any injured?? how many"])
def test_a_fragment_that_leans_on_the_rest_is_not_a_question_of_its_own(core: Core, question: str) -> None:
    assert [i.decision for i in core.router.route(question).intents] == ["gap"]


@pytest.mark.parametrize(
    ("question", "targets"),
    [
        ("pakistan blamed india. who said it and on what day was that?", ["india-allegation"]),
        ("the bla claimed it right, and on which day did they", ["bla-claim"]),
        ("how many soldiers died, and on what day was that?", ["security-personnel-killed", "timing"]),
    ],
)
def test_a_part_asking_only_when_asks_it_of_the_part_before(core: Core, question: str, targets: list[str]) -> None:
    """Read alone, "on which day was that" is when the attacks were: the day Pakistan blamed India it
    is not. A count gives no day: then the day of the attacks is what is asked."""
    assert _decided(core, question) == [("answer", t) for t in targets]


@pytest.mark.parametrize(
    "question",
    [
        "who were the policemen that were killed",
        "who were the 17 who died",
        "who were the dead civilians",
        "who were the soldiers or police killed",  # two groups named, no choice offered
    ],
)
def test_who_the_dead_were_is_not_how_many_died(core: Core, question: str) -> None:
    """A "not reported" of the kind asked for (victim-names: who) is not set aside for a fact that
    gives another kind: each answered or offered the count."""
    assert _decided(core, question) == [("gap", "victim-names")]


def test_so_much_is_not_how_many(core: Core) -> None:
    """ "itna", "itni" (so much) were repaired into "kitni" (how many) and the question declined."""
    assert _decided(core, "balochistan mein itna fasad kyun hai") == [("answer", "insurgency-context")]


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("who gave the us statement and what did the uk say", ["person-baker", "uk-condemnation"]),
        ("us ka bayan kis ne diya aur india ne kya kaha", ["person-baker", "india-rejection"]),
        ("بھارت کا بیان کس نے دیا اور برطانیہ نے کیا کہا", ["person-jaiswal", "uk-condemnation"]),
        ("what did iran and afghanistan say", ["other-reactions"]),
    ],
)
def test_parts_asking_different_things_of_two_parties_are_read_apart(
    core: Core, question: str, reply: list[str]
) -> None:
    """Read whole, both parties shared "what did they say" and the first three gave the statements; a
    message asking one thing of both is still read whole (each part alone, Iran would be a place), and
    the one "not reported" both get is said once."""
    assert [i.top.target for i in core.router.route(question).intents if i.top] == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("somebody said it happened last thursday?", [("answer", "timing")]),  # was declined
        ("was the attack last week?", [("clarify", "districts")]),
        ("what did the uk say last week", [("decline", None)]),
    ],
)
def test_last_before_a_day_is_the_day_before_not_how_long(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """ "last" is "lasted" alone; "last thursday" is a day heard. "last week" may be when something was
    said or when it happened: read as a date it answered "what did the uk say last week" with the
    attacks' dates, read as nothing "was the attack last week?" with the districts (a review found
    both), so it reads as no date: a "did you mean", or a decline, never a wrong fact."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("what was the uk statement about the bla", [("answer", "uk-condemnation")]),
        ("saudi arabia ne bla ke bare mein kya kaha", [("answer", "saudi-condemnation")]),
        ("did the uk mention the bla", [("answer", "uk-condemnation")]),  # whom it mentions: no second speaker
        ("what did india and the us say", [("answer", "india-rejection"), ("answer", "us-condemnation")]),
        ("what about iran and afghanistan, did they condemn", [("gap", "other-reactions")]),
    ],
)
def test_what_a_party_said_about_another_is_its_own_statement(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """What was said about (`lexicon.about`) is no second speaker: each got a second reply about the
    BLA (a "did you mean" of its operation) or India (its rejection). Two speakers still get their
    statement each, and "what about" opens a follow-up, not what was said about (guards)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "speaker"),
    [
        ("did natalie baker say anything about india", "baker"),
        ("what did the us say about india", "us"),
        ("america ne india ke bare mein kya kaha", "us"),
        ("what did bugti say about india", "bugti"),
        ("بی ایل اے نے بھارت کے بارے میں کیا کہا", "bla"),  # a review: India's rejection, "بی ایل اے" three words
        ("did saudi arabia mention india", "saudi-arabia"),  # a review: declined ("mention" asked nothing)
    ],
)
def test_what_a_speaker_never_said_about_a_party_of_the_story_is_not_reported(
    core: Core, question: str, speaker: str
) -> None:
    """None of the US statement is about India (a writer's batch found it given as if it were): not
    reported, with what the speaker did say offered, and never "nothing about India", which the
    sources do report on."""
    (intent,) = core.router.route(question).intents
    assert (intent.decision, intent.named, intent.uncovered_entities) == ("gap", (speaker,), ())
    answer = core.ask(question, None)[1]
    offered = {c.fact_id for b in answer.blocks if isinstance(b, GapBlock) for c in b.known}
    assert offered and all(speaker in core.factbase.fact(f).entities for f in offered)


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("what has jaiswal said about bangladesh", [("gap", ("bangladesh",))]),
        ("جیسوال نے بنگلہ دیش کے بارے میں کیا کہا", [("gap", ("bangladesh",))]),
        ("wat did jaiswal say abt bangladesh", [("gap", ("bangladesh",))]),
        ("what did the uk say? and did china condemn", [("answer", ()), ("gap", ("china",))]),
    ],
)
def test_what_a_speaker_said_about_a_party_outside_the_story_is_not_reported(
    core: Core, question: str, reply: list[tuple[str, tuple[str, ...]]]
) -> None:
    """His statement is about Pakistan's allegation, not Bangladesh: only the "not reported" ("abt" is
    "about": it got his statement too). A party outside the story asked about on its own ("did china
    condemn") does not take the statement away."""
    intents = core.router.route(question).intents
    assert [(i.decision, i.uncovered_entities) for i in intents] == reply


@pytest.mark.parametrize(
    ("question", "target"),
    [
        ("who killed the policemen", "bla-claim"),
        ("civilians ko kis ne mara", "bla-claim"),
        ("who died, soldiers or civilians?", "civilians-killed"),
        ("who killed the terrorists", "security-operations"),
        ("terroriston ko kis ne maare", "security-operations"),
        ("who murdered the policemen", "bla-claim"),
        ("دہشت گرد کس نے مارے؟", "security-operations"),  # the dead before "who killed", no "کو"
        ("لوگ کس نے مارے", "bla-claim"),
    ],
)
def test_who_killed_them_is_who_is_responsible_and_a_guess_at_the_dead_is_their_count(
    core: Core, question: str, target: str
) -> None:
    """ "who killed X" asks who is responsible, not who the dead were (a "not reported" of their
    names would be false), and the militants were killed in the forces' operations (a review found
    them answered with the BLA's claim); a guess among groups ("soldiers or civilians") is offered
    their counts."""
    [intent] = core.router.route(question).intents
    assert intent.decision in ("answer", "clarify") and intent.top is not None and intent.top.target == target


@pytest.mark.parametrize(
    "question",
    ["is 31 right", "who was responsible", "who is sarfraz bugti", "what is the province where all this happened"],
)
def test_the_story_s_own_figures_and_wording_keep_a_question_on_topic(core: Core, question: str) -> None:
    assert core.router.route(question).on_topic


def test_a_word_typical_of_one_target_outweighs_one_used_in_passing(core: Core) -> None:
    """Dozens of examples a target use many words in passing; the keyword score weighs how typical each is."""
    plain = Router(core.factbase, thresholds=Thresholds(typicality=0.0, second_opinion=10.0, sure=10.0, agree=10.0))
    question = "balochistan mein kitne log mare"
    top = core.router.route(question).intents[0].matches
    assert top[0].target == "overall-toll"
    assert plain.route(question).intents[0].matches[0].target != "overall-toll"


def test_a_cue_word_is_a_known_word(core: Core) -> None:
    """Asking for "comment" is asking for a statement, not an unknown word that makes the question a decline."""
    question = "did pakistan's army chief comment on the attacks"
    assert core.router.route(question).on_topic


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("how many individuals died in total", "overall-toll"),
        ("who is behind it", "bla-claim"),
    ],
)
def test_the_classifier_settles_a_near_tie_between_sibling_facts(core: Core, question: str, fact_id: str) -> None:
    """Fuzzy scores put sibling facts level; the words that tell them apart decide. Without the
    classifier's say (second_opinion out of reach) the same question is a "did you mean"."""
    assert _decided(core, question)[0] == ("answer", fact_id)
    alone = Router(core.factbase, thresholds=Thresholds(second_opinion=10.0, sure=10.0, agree=10.0))
    assert alone.route(question).intents[0].decision == "clarify"


def test_out_of_how_many_asks_the_total_only_of_the_attackers(core: Core) -> None:
    """ "out of how many districts were attacked" is no count of attackers (a review found it made one)."""
    assert _decided(core, "out of how many districts were attacked") != [("gap", "attacker-count")]


@pytest.mark.parametrize(
    "question",
    [
        "how many attackers took part in it",
        "how many fighters launched the assault",
        "how many bla men took part",
        "145 were killed out of how many militants?",  # was the 145
    ],
)
def test_a_count_of_attackers_is_not_a_count_of_the_dead(core: Core, question: str) -> None:
    """The killed counts declare `asked_with` (killed, toll, their figure): a count without any of them
    asks for something else, here how many attacked, which the sources do not give."""
    assert _decided(core, question) == [("gap", "attacker-count")]


def test_a_second_part_borrows_the_first_part_s_words(core: Core) -> None:
    """ "and how many policemen" asks for deaths because the first part did."""
    assert _decided(core, "how many civilians were killed and how many policemen") == [
        ("answer", "civilians-killed"),
        ("answer", "security-personnel-killed"),
    ]


@pytest.mark.parametrize(
    ("question", "decision"),
    [
        ("were exams postponed because of this", "gap"),
        ("is ke baad bazaar band hue", "gap"),
        ("were exams postponed", "decline"),
        ("who carried out the pulwama attack", "decline"),
    ],
)
def test_a_question_pointing_at_the_attacks_is_a_gap_not_a_decline(core: Core, question: str, decision: str) -> None:
    """Schools, shops or roads are in no fact; "after the attacks" (story.refers) still makes the
    question ours, so the reply is "not reported", while the same words alone, or another attack,
    stay off topic."""
    assert [i.decision for i in core.router.route(question).intents] == [decision]


@pytest.mark.parametrize(
    "question",
    ["who is pakistan's prime minister", "who is the uk's prime minister", "who is the chief minister of sindh"],
)
def test_who_is_a_country_s_person_asks_about_the_person_not_the_country(core: Core, question: str) -> None:
    """The country or province only says which one: no fact about our story's chief minister or the
    country's spokesperson answers it."""
    assert [i.decision for i in core.router.route(question).intents if i.decision == "answer"] == []


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("who are the baloch", None),
        ("who is the chief minister", "person-bugti"),
        ("who is the indian spokesperson", "person-jaiswal"),
        ("who is the us envoy", "person-baker"),
    ],
)
def test_a_person_answers_who_is_only_by_name_or_role(core: Core, question: str, answer: str | None) -> None:
    """ "who are the baloch" shares "balochistan" with the chief minister's examples, but asks about
    neither him nor his role."""
    answered = [i.top.target for i in core.router.route(question).intents if i.decision == "answer" and i.top]
    assert answered == ([answer] if answer else [])


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("did hospitals in quetta declare an emergency", "hospitals-emergency"),
        ("did the bla seize quetta", "no-city-seized"),
        ("who is the american woman baker", "person-baker"),
    ],
)
def test_a_did_you_mean_the_classifier_agrees_with_is_answered(core: Core, question: str, fact_id: str) -> None:
    """The rules offer one fact they could not be sure of (a place it does not name, a word it lacks);
    when the classifier clearly picks the same fact, and it matches well or covers what the question
    is about, that is the answer."""
    assert _decided(core, question)[0] == ("answer", fact_id)
    doubtful = Router(core.factbase, thresholds=Thresholds(agree=10.0))
    assert doubtful.route(question).intents[0].decision == "clarify"


@pytest.mark.parametrize("question", ["کوئٹہ میں کتنے عام شہری جاں بحق ہوئے", "مستونگ میں کتنے شہری مارے گئے"])
def test_the_classifier_never_answers_a_count_in_a_place_with_a_count_for_everywhere(core: Core, question: str) -> None:
    """The civilians killed in Quetta are not the 31 civilians killed in all: the sources give no
    district's toll. The classifier may agree with that fact; it is still only a "did you mean"."""
    [intent] = core.router.route(question).intents
    assert intent.decision in ("clarify", "gap")


@pytest.mark.parametrize(
    "question",
    ["دھماکے کس گھنٹے ہوئے", "حملہ دن کے کس حصے میں ہوا", "kitne bajay shuru hua", "کیا دھماکے آدھی رات کو ہوئے"],
)
def test_an_urdu_question_about_the_hour_is_the_time_of_day_gap_not_the_date(core: Core, question: str) -> None:
    [intent] = core.router.route(question).intents
    assert intent.decision == "gap" and intent.top is not None
    assert intent.top.target == "time-of-day"


@pytest.mark.parametrize(
    ("previous", "message", "reply"),
    [
        ("how many people died?", "and in noshki?", ("gap", "district-tolls")),
        ("when did it happen", "and where?", ("answer", "districts")),
        ("how many militants were killed", "and who said so?", ("answer", "person-bugti")),
        ("how many soldiers died", "says who?", ("answer", "person-bugti")),
        ("what did india say", "who said it?", ("answer", "person-jaiswal")),
        ("بھارت نے کیا کہا", "یہ کس نے کہا", ("answer", "person-jaiswal")),
        ("who claimed it", "who said so", ("answer", "bla-claim")),
        ("how many people died?", "and who did it?", ("answer", "bla-claim")),  # a question of its own
        ("how many people died?", "mastung?", ("gap", "district-tolls")),  # a fragment that asks nothing
        ("did india respond to the allegation", "what did they say", ("answer", "india-rejection")),
        ("did britain condemn it", "what did they say", ("answer", "uk-condemnation")),
        ("who is natalie baker", "what did she say", ("answer", "us-condemnation")),  # her one statement
        ("how many soldiers died", "aur police?", ("answer", "security-personnel-killed")),
        ("how many soldiers were killed", "and the police?", ("answer", "security-personnel-killed")),
        ("how many died", "and did quetta fall?", ("answer", "no-city-seized")),
        ("how many died", "aur amrika?", ("answer", "us-condemnation")),
        ("what did india say", "and the bla?", ("answer", "bla-status")),
    ],
)
def test_a_follow_up_is_read_with_the_question_before(
    core: Core, previous: str, message: str, reply: tuple[str, str]
) -> None:
    """One that asks nothing of its own asks the question before of what it names; one that asks
    something asks it of the question before's subject, as does one whose "they" or "she" the question
    before names; one answered alone is answered alone, unless it opens as a follow-up and asks
    nothing ("aur police?" alone is the operations the police took part in, not the police killed);
    not if it asks ("and did quetta fall?") or names a party with answers of its own ("aur amrika?").
    Who said it is whom the fact answered before is attributed to, the fact about them if there is one
    (review 30: after "what did india say", "who said it?" got Pakistan's charge against India), else
    that fact again."""
    routing = core.router.route(message, previous=previous)
    assert [(i.decision, i.top and i.top.target) for i in routing.intents] == [reply]
    assert routing.question == message


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("any foreigners from china killed", ("gap", "victim-breakdown")),  # who the dead were
        ("whats cpec", ("decline", None)),  # nothing asked but the name
        ("who claimed the lahore bombing", ("decline", None)),  # a place outside the story: another event
    ],
)
def test_a_question_naming_someone_outside_the_story_is_a_gap_if_worded_like_one(
    core: Core, question: str, reply: tuple[str, str | None]
) -> None:
    """China is in no fact, so a question naming it had no fact to answer and was declined, though
    without the name it asks what the victim-breakdown gap says the sources do not give."""
    assert _decided(core, question) == [reply]


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("are roads open", ("gap", "current-situation")),
        ("ab halaat control mein hain kya", ("gap", "current-situation")),
        ("are the roads in karachi open", ("decline", None)),  # somewhere outside the story
        ("is the weather good today", ("decline", None)),
    ],
)
def test_a_gap_the_rules_and_the_classifier_both_rank_first_is_no_decline(
    core: Core, question: str, reply: tuple[str, str | None]
) -> None:
    """No word of the story, so the rules decline "are roads open"; their best target is the
    current-situation gap and the classifier picks it too: a "not reported" states no fact, so that
    agreement (`agree`) is enough, where answering a fact needs the classifier sure (`rescue`)."""
    assert _decided(core, question) == [reply]


@pytest.mark.parametrize(
    ("question", "target"),
    [
        ("may i ask how many civilians were killed", "civilians-killed"),
        ("may i ask when the attacks took place?", "timing"),
        ("if you dont mind, when did this happen", "timing"),
        ("ye baker sahiba kaun hain", "person-baker"),
    ],
)
def test_courtesy_is_no_part_of_what_is_asked(core: Core, question: str, target: str) -> None:
    """ "ask", "if" and honorifics (sahiba, sahab) were words we did not know or that diluted the match:
    the first, third and fourth were declined, the second a "did you mean"."""
    assert _decided(core, question) == [("answer", target)]


@pytest.mark.parametrize("question", ["number of attackers?", "what was the number of attackers"])
def test_a_count_of_attackers_is_never_answered_with_a_count_of_the_dead(core: Core, question: str) -> None:
    """The military's 92 listed "number" among the words it may be asked with, and what the 145
    includes listed none: either answered how many attackers there were."""
    assert "answer" not in [i.decision for i in core.router.route(question).intents]


@pytest.mark.parametrize(
    ("question", "target"),
    [
        ("hamla karne walon mein se kitne maare gaye", "militants-killed-145"),  # the attackers killed
        ("who said ninety two militants died", "militants-killed-92"),  # a figure in words
        ("بانوے والی تعداد کس نے دی", "militants-killed-92"),
    ],
)
def test_attackers_and_figures_in_words_are_understood(core: Core, question: str, target: str) -> None:
    assert _decided(core, question) == [("answer", target)]


@pytest.mark.parametrize(
    ("question", "target"),
    [
        ("how do they know it was india", "evidence"),  # "know" is a stopword: it was "how ... india"
        ("how does the army know who did it", "evidence"),
    ],
)
def test_how_do_they_know_asks_for_their_evidence(core: Core, question: str, target: str) -> None:
    assert _decided(core, question) == [("gap", target)]


@pytest.mark.parametrize("question", ["what did they say", "unka bayan kya tha"])
def test_a_pronoun_naming_no_one_gets_no_guess_at_whom_it_means(core: Core, question: str) -> None:
    """Alone, "what did they say" resembles the US statement most; answering it would guess who "they" are."""
    [intent] = core.router.route(question).intents
    assert intent.decision == "clarify"


@pytest.mark.parametrize(
    ("previous", "message", "whole"),
    [
        ("کتنے لوگ مارے گئے", "اور مستونگ میں؟", "کتنے لوگ مارے گئے مستونگ میں"),
        ("how many civilians died in quetta", "and noshki?", "how many civilians died in noshki"),
        ("aur kitne log mare", "mastung mein?", "aur kitne log mare mastung mein"),
    ],
)
def test_a_follow_up_is_read_as_the_whole_question_it_stands_for(
    core: Core, previous: str, message: str, whole: str
) -> None:
    """The question before, as written and without its names, then the follow-up: it had kept only
    the question words ("how many mastung"), which reads like a question about Mastung's people."""

    def reply(routing: Routing) -> list[tuple[str, tuple[str, ...]]]:
        return [(i.decision, tuple(m.target for m in i.matches)) for i in routing.intents]

    assert reply(core.router.route(message, previous=previous)) == reply(core.router.route(whole))


def test_a_follow_up_without_a_question_before_is_read_alone(core: Core) -> None:
    assert not core.router.route("and in noshki?").on_topic
    assert not core.router.route("and the weather?", previous="how many people died?").on_topic


def test_a_weak_match_the_classifier_agrees_with_must_cover_the_question(core: Core) -> None:
    """Agreement is not enough for a fact that matches less than `answer` and leaves the question's
    subject uncovered: the Indian official's name is not what India said. (Asked "... جس نے الزام
    مسترد کیا", who spoke for India, it is the person: `test_who_spoke_for_a_country_is_the_person_who_did`.)"""
    intent = core.router.route("الزام مسترد کرنے والے بھارتی عہدیدار کا نام کیا ہے").intents[0]
    assert intent.decision == "clarify" and intent.top is not None
    assert intent.top.target == "india-rejection"


@pytest.mark.parametrize("question", ["how many people live in noshki", "how do i join the police"])
def test_what_the_classifier_places_among_other_subjects_is_declined(core: Core, question: str) -> None:
    """A near miss that shares a place or a word with the story gets a "did you mean" or even an
    answer from the rules; the classifier, which learned `elsewhere:` as one more target, declines it."""
    assert [i.decision for i in core.router.route(question).intents] == ["decline"]
    rules_only = Router(core.factbase, thresholds=Thresholds(elsewhere=10.0, veto=10.0))
    assert [i.decision for i in rules_only.route(question).intents] != ["decline"]


@pytest.mark.parametrize(
    ("question", "reply", "threshold"),
    [
        ("in which city did the most people die", ("gap", "district-tolls"), "sure_gap"),
        ("did the bla say they wanted independence", ("gap", "motive"), "sure_gap"),
        ("who was the indian official quoted", ("answer", "person-jaiswal"), "outside"),
        ("what do the authorities say the attacks show", ("answer", "insurgency-context"), "outside"),
    ],
)
def test_a_did_you_mean_the_classifier_is_sure_of_is_its_pick(
    core: Core, question: str, reply: tuple[str, str], threshold: str
) -> None:
    """The rules offer a neighbour: the places attacked, what the US said, or "did you mean: Pakistan
    blamed India". The classifier, sure past `sure_gap` or `outside`, knows the question asks for what
    nobody reports, or for a fact whose examples share few of its words. (A count of a place, once
    its example here, is now the rules' own gap: see the test of a count of a place.)"""
    assert _decided(core, question)[0] == reply
    rules_only = Router(core.factbase, thresholds=Thresholds(**{threshold: 10.0}))
    assert rules_only.route(question).intents[0].decision == "clarify"


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("was it one planned thing", ("answer", "coordinated")),
        ("app kya bata sakte ho", ("meta", "help")),
        ("Thank you very much for your help.", ("meta", "thanks")),
    ],
)
def test_a_question_the_rules_decline_is_answered_when_the_classifier_is_sure(
    core: Core, question: str, reply: tuple[str, str]
) -> None:
    """No word of the story in it, so the rules decline; the classifier, sure past `rescue` (or `chat`
    for a chat reply, which states nothing), knows it."""
    assert _decided(core, question)[0] == reply
    rules_only = Router(core.factbase, thresholds=Thresholds(rescue=10.0, chat=10.0))
    assert rules_only.route(question).intents[0].decision == "decline"


@pytest.mark.parametrize("question", ["who is natalie portman", "how hot is quetta in june"])
def test_a_question_mostly_of_words_we_do_not_know_is_not_rescued(core: Core, question: str) -> None:
    """The classifier ranks every question somewhere: one we have few words for stays declined."""
    assert [i.decision for i in core.router.route(question).intents] == ["decline"]


def test_a_near_tie_is_not_settled_for_a_fact_that_leaves_the_question_uncovered(core: Core) -> None:
    """ "is saudi arabia rich" names Saudi Arabia, but nothing we have says anything about "rich"."""
    intent = core.router.route("is saudi arabia rich").intents[0]
    assert intent.decision == "clarify"


@pytest.mark.parametrize(
    ("question", "targets"),
    [
        ("where were the attacks and when", ["districts", "timing"]),
        ("how many civilians died, and why", ["civilians-killed"]),
        ("who claimed the attacks??? pls", ["bla-claim"]),
        ("what is balochistan and who attacked it", ["province-context", "bla-claim"]),
    ],
)
def test_a_part_that_leans_on_the_one_before_asks_about_its_subject(
    core: Core, question: str, targets: list[str]
) -> None:
    """ "and when" asks when the attacks were; a trailing "pls" asks nothing and is no part of its own;
    the second part's "who" does not make the first ask for a person."""
    intents = core.router.route(question).intents
    assert [i.top.target for i in intents if i.decision == "answer" and i.top] == targets


@pytest.mark.parametrize(
    ("question", "targets"),
    [
        ("who is randhir jaiswal, and what did he say about it", ["person-jaiswal", "india-rejection"]),
        ("who is bugti, and jaiswal?", ["person-bugti", "person-jaiswal"]),
        ("we are worried, when did it start", ["timing"]),
        ("who was behind the attacks, india?", ["india-allegation"]),
        ("how many militants were killed, according to the chief minister", ["militants-killed-145"]),
        ("according to the army, who was backing the gunmen?", ["india-allegation"]),
        (
            "I'm a Pakistani-Canadian in Toronto and my coworkers asked me about it. "
            "Which countries condemned the attacks?",
            ["condemnation-overview"],
        ),
        ("I'm an Indian engineer in Pune and I read the news daily. When did the attacks happen?", ["timing"]),
        ("ham log lahore se hain, ghar wale pareshan hain. kitne civilians mare?", ["civilians-killed"]),
        (
            "i'm a shopkeeper from multan and the tv keeps mentioning sarfaraz bugti. i don't follow politics. "
            "who is he?",
            ["person-bugti"],
        ),
        (
            "i'm a retired banker from sialkot and i keep seeing the name natalie baker in the papers. who is she?",
            ["person-baker"],
        ),
        ("we live in gwadar and heard gunfire on friday night. how many civilians were killed?", ["civilians-killed"]),
        ("i'm from the uk, what did my government say about it?", ["uk-condemnation"]),  # "my" is theirs
        (
            "i'm a pensioner who spent years driving trucks in karachi. did the uk government condemn the attacks?",
            ["uk-condemnation"],
        ),
        (
            "i'm a nurse who worked in riyadh. i still read saudi papers. did saudi arabia condemn these attacks?",
            ["saudi-condemnation"],
        ),
        ("who claimed it, and was that group banned", ["bla-claim", "bla-status"]),
        ("total dead including militants soldiers and civilians?", ["overall-toll"]),
        ("how many people were killed in all, i keep seeing different numbers on facebook", ["overall-toll"]),
        ("how many civilians died, we saw some figures on tv", ["civilians-killed"]),
        ("how many died and who said so", ["overall-toll"]),
        ("how many militants were killed, who gave that number", ["militants-killed-145"]),
        ("how many civilians died, according to whom", ["civilians-killed"]),
        ("when did it happen and who reported it", ["timing"]),
        ("کتنے لوگ مارے گئے اور یہ کس نے بتایا", ["overall-toll"]),
    ],
)
def test_what_the_asker_tells_or_guesses_is_no_question_of_its_own(
    core: Core, question: str, targets: list[str]
) -> None:
    """ "he" asks about the person just named; "we are worried" tells, it asks nothing; "india?" after
    "who was behind" is a guess at the answer, not a second question about India; "according to the
    chief minister" is a clause of the question before, while "was that group banned" opens one; "and
    civilians" is one more of a list; "i keep seeing different numbers" names a count but asks none;
    "who said so" asks what every answer says (before, it got the military's 92 as a second answer).
    Whose word it is may come first too ("according to the army, ..." was a "did you mean" of its own).
    Where the asker is from or lives, countries too, tells nothing of the story unless they say what a
    country said or did there (the next two were declined or "not reported about India"); "ham" is we.
    A message with a part of the story is read without the parts that only tell of the asker, and "he"
    or "she" in its one question is the one person it names (both were declined); a day the asker tells
    of is not the day a count is asked of. After parts that only tell of the asker, a last question of
    its own words that is answered alone is answered ("who spent" read as a question had got it declined)."""
    assert _decided(core, question) == [("answer", t) for t in targets]


@pytest.mark.parametrize(
    ("question", "decision", "target"),
    [
        ("why did the bla attack, what did they say they were after", "gap", "motive"),
        ("india rejected it right? so what did they actually say", "answer", "india-rejection"),
        ("pakistan blamed india, what exactly did they say", "answer", "india-allegation"),
    ],
)
def test_a_part_whose_they_may_mean_anyone_is_read_with_the_one_before(
    core: Core, question: str, decision: str, target: str
) -> None:
    """ "what did they say" alone lands on whichever statement it resembles most (the UK's, the US's):
    a part whose "they" would name a party the message does not makes the message one question."""
    assert _decided(core, question) == [(decision, target)]


@pytest.mark.parametrize(
    "question",
    [
        "suna hai ek major bhi shaheed hua, uska naam kya tha",
        "heard a police officer was killed too, what was his name",
    ],
)
def test_what_the_asker_heard_is_no_question_of_its_own(core: Core, question: str) -> None:
    """A rumour ("heard ...", "suna hai ...") tells; the part after asks about it: the Urdu one got the
    operation's name as a second answer, for a name the sources do not give. (A figure heard, with
    "what's the real number", is answered with the toll in all: the second review's test.)"""
    intents = core.router.route(question).intents
    assert len(intents) == 1
    assert intents[0].decision != "answer"


@pytest.mark.parametrize(
    ("question", "decision", "target"),
    [("what were they after", "gap", "motive"), ("what do they want", "gap", "motive")],
)
def test_what_they_want_is_their_motive(core: Core, question: str, decision: str, target: str) -> None:
    """ "want" is a stopword ("i want to know ..."): "what do they want" had been read as a bare "what"."""
    assert _decided(core, question)[0] == (decision, target)


def test_a_fact_base_beyond_the_classifier_s_size_routes_without_it(
    core: Core, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The classifier trains one model per target; past CLASSIFIER_TARGETS a near-tie stays a "did you mean"."""
    monkeypatch.setattr(router_module, "CLASSIFIER_TARGETS", 10)
    big = Router(core.factbase)
    question = "how many individuals died in total"
    assert big.route(question).intents[0].decision == "clarify"
    assert core.router.route(question).intents[0].decision == "answer"


def test_at_scale_the_shortlist_gives_the_answers_every_example_would(
    core: Core, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past twice SHORTLIST targets, only the shortlisted targets' examples that share a telling word
    with the question are scored (a fact base 1000 times larger is then fast). With a shortlist of 12
    of the shipped facts' 50 targets, the best target is the full router's for 99.0 % of the tune
    questions; scoring every shortlisted example gives the same. The words a signature keeps are
    the rare ones: a word in most targets ("how") sets no bit."""
    items = [i for i in load_labelled(LABELLED) if i.split == "tune" and i.group == "in_scope"]

    def best(router: Router) -> list[str | None]:
        tops = (router.route(item.question).intents[0].top for item in items)
        return [top.target if top else None for top in tops]

    full = best(core.router)
    monkeypatch.setattr(router_module, "SHORTLIST", 12)
    same = sum(a == b for a, b in zip(full, best(Router(core.factbase)), strict=True))
    assert same / len(items) >= 0.98
    idf = {"how": 1.0, "herof": 4.0}
    assert router_module._signature(["how"], idf) == 0
    assert router_module._signature(["how", "herof"], idf) == router_module._signature(["herof"], idf) != 0


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        (
            "tell me about the province and the insurgency there",
            [("answer", "province-context"), ("answer", "insurgency-context")],
        ),
        (
            "how many soldiers died and give me the civilian toll too",
            [("answer", "security-personnel-killed"), ("answer", "civilians-killed")],
        ),
        ("give me the 17 and the 31", [("answer", "security-personnel-killed"), ("answer", "civilians-killed")]),
        ("death toll with source pls", [("answer", "overall-toll")]),
        ("who claimed it? cite the source", [("answer", "bla-claim")]),
        (
            "mujhe batao kitne fauji mare aur kitne civilians",
            [("answer", "security-personnel-killed"), ("answer", "civilians-killed")],
        ),
        ("92 or 145?", [("answer", "militants-killed-92")]),
    ],
)
def test_asking_in_the_imperative_or_for_sources_asks_nothing_more(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """ "Tell me", "give me", "mujhe batao" ask (lexicon `requests`): "me" there is no asker telling of
    themselves, which dropped the first part of the first message, and a request after a question is
    a part of its own (the second lost its civilians). Figures of ours alone are each their fact (the
    third was declined); asking for sources asks nothing every answer does not give (a "did you mean"
    and a decline). Two figures that differ are still the fact that says why (the last is a guard)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        (
            "was any city captured? and the hospitals?",
            [("answer", "no-city-seized"), ("answer", "hospitals-emergency")],
        ),
        (
            "how many policemen died? and civilians?",
            [("answer", "security-personnel-killed"), ("answer", "civilians-killed")],
        ),
        ("how many people died? in mastung?", [("gap", "district-tolls")]),
        ("total dead including soldiers and civilians", [("answer", "overall-toll")]),
    ],
)
def test_a_fragment_after_a_question_mark_is_a_question_of_its_own(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """A word or two after a question mark asks again, alone or like the question before (as a
    follow-up would): the first was declined, the second lost its civilians. A place after a count
    narrows it: the third got the toll in all (misleading). Without the question mark, a word or two
    is one more of a list (a guard)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("how many militants died in noshki", [("gap", "district-tolls")]),
        ("mastung mein kitne civilians mare", [("gap", "district-tolls")]),
        ("how many died in quetta", [("gap", "district-tolls")]),
        (
            "my aunt lives in kalat and we were up all night, how many civilians lost their lives",
            [("answer", "civilians-killed")],
        ),
        ("میرا کزن نوشکی میں رہتا ہے، کتنے پولیس والے شہید ہوئے", [("answer", "security-personnel-killed")]),
    ],
)
def test_a_count_of_a_place_is_its_toll_which_the_sources_do_not_give(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """The toll in all, the militants' or the civilians' is no place's: a count of a group in a
    place was a "did you mean" of those tolls; of everyone a guard. Where the asker's family lives
    is their story: "lives in" is not lives lost, and an Urdu comma (،) ends a part as a comma does
    (both got "not reported" for the place once a place ruled the tolls out)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("so how many militants were killed in total", [("answer", "militants-killed-145")]),
        ("civilians kitne mare total", [("answer", "civilians-killed")]),
        ("how many people died in total", [("answer", "overall-toll")]),
        ("total dead incl militants?", [("answer", "overall-toll")]),
        ("how many fighters did the army kill altogether", [("answer", "militants-killed-145")]),
        ("how many died altogether", [("answer", "overall-toll")]),
    ],
)
def test_a_group_s_toll_in_all_is_that_group_s(core: Core, question: str, reply: list[tuple[str, str | None]]) -> None:
    """ "In total" of one group is that group's toll, not everyone's: the first two were a "did you
    mean" of the toll in all, and "altogether" (a word of our examples) the toll in all. Everyone's
    toll in all, also with a group included, is a guard."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("civilian n police deaths??", [("answer", "civilians-killed"), ("answer", "security-personnel-killed")]),
        (
            "how many civilians and soldiers died",
            [("answer", "civilians-killed"), ("answer", "security-personnel-killed")],
        ),
        ("how many non militants died", [("clarify", "overall-toll")]),
        ("fauj ne kitne dehshatgard maare", [("answer", "militants-killed-145")]),
    ],
)
def test_a_count_of_several_groups_is_each_group_s_toll(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """Two groups' dead asked at once get each group's toll: the first two were a "did you mean" of
    one of them. A phrase standing for groups ("non militants": everyone else, whose 48 is in the toll
    in all) and a force marked as who killed are guards."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("ok, thanks", [("meta", "thanks")]),
        ("جی ہاں، شکریہ", [("meta", "thanks")]),
        ("numbers pls", [("answer", "overall-toll")]),
        ("what was the earlier death toll", [("answer", "militants-killed-92")]),
        ("what statement did the uae make", [("answer", "uae-condemnation")]),
        ("they say 50 died, true?", [("answer", "overall-toll")]),
        ("can you name some of the 17", [("gap", "victim-names")]),
        ("with sources?", [("meta", "sources")]),
        ("when was it, 2025 or 2026?", [("answer", "timing")]),
        ("how many died? in balochistan?", [("answer", "overall-toll")]),
        ("how many lives in noshki were lost", [("gap", "district-tolls")]),
        ("how many militants died in quetta and elsewhere", [("answer", "militants-killed-145")]),
        ("first cm of balochistan?", [("decline", None)]),
        ("did india give the 92 figure", [("answer", "militants-killed-92")]),
        ("میری خالہ نوشکی میں رہتی ہیں، وہاں کتنے لوگ مارے گئے", [("gap", "district-tolls")]),
        ("who launched the black storm operation", [("answer", "operation-herof")]),
    ],
)
def test_words_a_second_review_found_misread(core: Core, question: str, reply: list[tuple[str, str | None]]) -> None:
    """A part of no weight ("yes", "ok") left alone was the question (declined); "the numbers" got
    the military's earlier 92 (misleading), "the earlier toll" the record, a statement someone made
    "not reported" of Pakistan's leaders, and a figure people say the 145 militants (misleading).
    The rest are what this round's own rules first got wrong: naming some of a figure got what the
    145 includes (misleading), asking only for sources, a year offered beside ours, the province after
    a count and lives lost in a place were declined or a "did you mean", and a place widened to
    everywhere was "not reported" (misleading). It also found, from before this round: the first
    chief minister, unasked with "who", got the record toll, a party guessed as giving a figure "no
    evidence reported" (both misleading), and "there" after where the asker's family lives, in Urdu,
    was declined (read with all their story). Who launched the operation is who named it (it got "who
    leads the BLA is not reported": misleading)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize("question", ["what does bla mean", "bla ka matlab kya hai"])
def test_what_a_name_stands_for_asks_what_it_is(core: Core, question: str) -> None:
    """It got the operation's name ("what does herof mean" is the typical "mean"): misleading."""
    [intent] = core.router.route(question).intents
    assert intent.top is not None and intent.top.target == "bla-status"


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("the uk stayed silent on this, is that true?", [("answer", "uk-condemnation")]),
        ("fwd: 300 policemen martyred in quetta. is this true", [("gap", "district-tolls")]),
        ("میرا بیٹا کوئٹہ میں پڑھتا ہے۔ کتنے عام شہری مارے گئے؟", [("answer", "civilians-killed")]),
        ("حملے کن شہروں میں ہوئے۔ ذمہ داری کس نے لی؟", [("answer", "districts"), ("answer", "bla-claim")]),
        ("میں کل سفر میں تھا۔ یہ سب کس دن ہوا؟", [("answer", "timing")]),
        ("کوئی کہتا ہے پچاس مرے، کوئی کہتا ہے سو۔ ہم پریشان ہیں۔ کل کتنی اموات ہوئیں؟", [("answer", "overall-toll")]),
        ("I was in hospital. when did all this happen?", [("answer", "timing")]),
        ("we live in gwadar. did they take over any city?", [("answer", "no-city-seized")]),
        ("how many normal ppl died not the soldiers", [("answer", "civilians-killed")]),
        ("what did india say when it was blamed by pakistan", [("answer", "india-rejection")]),
        ("the provincial govt. said how many civilians died?", [("answer", "civilians-killed")]),
        ("someone told me 500 died. how many died?", [("answer", "overall-toll")]),
        ("was it iran? any news", [("clarify", "province-context")]),
        ("who was behind herof", [("answer", "operation-herof")]),
        ("who started the baloch insurgency", [("decline", None)]),
        ("how many died in the balochistan attacks", [("answer", "overall-toll")]),
        ("heard 300 were killed, whats the real number", [("answer", "overall-toll")]),
        ("deaths?", [("answer", "overall-toll")]),
        ("news of afghanistan and the death toll pls", [("answer", "overall-toll")]),
        ("when did the fighting begin", [("answer", "timing")]),
    ],
)
def test_a_claim_and_a_part_asking_if_it_is_true_are_one_question(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """ "Is that true" alone checks the claim before it: read apart, the claim lost its check (the
    first was declined). A forward's own words ("fwd:") are no words of the question (a "not
    reported" of no subject). The Urdu full stop (۔) ends a part as a question mark does: the asker's
    story was read with the question (declined), and two questions as one (a "did you mean"); "میں"
    opening a part is the asker ("I"; after, "in"), and "کوئی کہتا ہے" a rumour (a guard), their story; so
    does an English full stop after a word (not in "U.S."): the next two were declined or a "did you
    mean". A group after "not" is set aside (it got the soldiers' toll), and "when" after another
    question word joins a clause (it got Pakistan's charge, given on the day asked): both misleading.
    A second review found the rest: a full stop after a short form ("govt.") ends no sentence; what
    someone told the asker is what they heard (it read as a statement); a guess at who did it with
    "any news" is no country's news (declined); who was behind the operation is who launched it
    ("who leads the BLA is not reported": misleading); who started the insurgency is its history.
    How many died in the Balochistan attacks is the toll in all (it got the civilians' 31), and when
    the fighting began the day ("what time of day is not reported"): both misleading; a figure
    heard and "deaths?" are the toll in all (a "did you mean" of the tolls); examples. A part about
    another country's news is declined alone, the rest answered (it said the toll was not reported)."""
    assert _decided(core, question) == reply


def test_a_part_whose_them_declines_alone_asks_of_the_part_before(core: Core) -> None:
    """ "who took part in them" alone is declined; "them" is the operations the part before asks about,
    so it offers who carried them out (the second part was lost)."""
    first, second = core.router.route("how long did the operations go on, and who took part in them?").intents
    assert first.decision == "answer" and first.top is not None and first.top.target == "operation-duration"
    assert second.top is not None and second.top.target == "security-operations"


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("has the toll gone up since then?", [("gap", "current-situation")]),
        ("why do these people keep doing this", [("gap", "motive")]),
    ],
)
def test_what_the_sources_cannot_know_yet_or_do_not_say(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """Whether the toll has risen since is how things stand now; why they keep attacking is their
    motive (a "did you mean" of the record toll, and a decline; gap examples)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("how many soldiers died, what's the figure?", [("answer", "security-personnel-killed")]),
        ("deaths among the police, what's the number?", [("answer", "security-personnel-killed")]),
        ("was it the biggest militant toll in so short a time, as per bugti?", [("answer", "record-toll")]),
        ("apart from the dead, how many got hurt?", [("gap", "injured")]),
        ("was it coordinated, and in which districts?", [("answer", "coordinated"), ("answer", "districts")]),
    ],
)
def test_a_part_that_asks_nothing_new_belongs_to_the_question_beside_it(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """A part of nothing but words that ask, asking what the part before asks, asks it again: the first
    two answered a second part, the military's 92, beside the figure asked for (misleading). Whose
    word it is ("as per bugti") and what is set aside ("apart from the dead") are clauses, not
    questions: the third answered the civilians' toll as well, the fourth the toll in all. A part
    asking something else still stands alone (the last is a guard)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("how many gunmen were shot dead", [("answer", "militants-killed-145")]),
        ("how many assailants were gunned down", [("answer", "militants-killed-145")]),
        ("has any country denounced the violence", [("answer", "condemnation-overview")]),
        ("were medical facilities put in crisis mode", [("answer", "hospitals-emergency")]),
    ],
)
def test_news_words_for_the_story_s_subjects_are_known(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """Words of the news and of everyday talk for what the story is about (a thesaurus in the
    lexicon): each was a "did you mean" of the wrong fact or a decline."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("i wonder how india responded once it was accused", [("answer", "india-rejection")]),
        ("i assume the uk condemned it too, what did they say", [("answer", "uk-condemnation")]),
        ("any idea who pakistan ended up accusing", [("answer", "india-allegation")]),
        ("were they all hit at once", [("answer", "coordinated")]),
    ],
)
def test_thinking_aloud_asks_nothing(core: Core, question: str, reply: list[tuple[str, str | None]]) -> None:
    """ "I wonder", "I assume", "any idea", "ended up", "once" (as when) say nothing of what is asked:
    the first and third were declined for words we did not know, the second was a "did you mean". "At
    once" is still all together (a guard: "once" alone is dropped)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("how did washington describe the jan 31 attacks", [("answer", "us-condemnation")]),
        ("how many died in the 31 january attacks", [("answer", "overall-toll")]),
        ("who claimed the saturday attacks", [("answer", "bla-claim")]),
        ("were the attacks on jan 31?", [("answer", "timing")]),
        ("were the attacks on jan 30?", [("answer", "timing")]),
    ],
)
def test_a_date_beside_the_attacks_only_says_which(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """A date of ours right beside a word naming the attacks says which attacks, in a question asking
    anything but when: the first got the date of the attacks (misleading), the second read "31" as the
    civilians' toll heard (a "did you mean"), the third was a "did you mean". A date that is all a
    question asks about is still the question (the last two are guards)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("what about india?", [("answer", "india-rejection")]),
        ("tell me about india", [("answer", "india-rejection")]),
        ("who is india's spokesman", [("answer", "person-jaiswal")]),
        ("what about the uk", [("answer", "uk-condemnation")]),
    ],
)
def test_asking_about_a_country_is_what_it_said(core: Core, question: str, reply: list[tuple[str, str | None]]) -> None:
    """A country named alone ("what about india") asks what it said: the first got who India's
    spokesman is, the second offered him. Who its spokesman is stays his role (the third was a "did
    you mean" of Pakistan's charge); the UK is a guard."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("was india blamed by pakistan", [("answer", "india-allegation")]),
        ("india was accused by the army, right?", [("answer", "india-allegation")]),
        ("was the bla blamed by the us", [("answer", "us-condemnation")]),
    ],
)
def test_who_blames_in_the_passive_is_after_by(core: Core, question: str, reply: list[tuple[str, str | None]]) -> None:
    """ "Was india blamed by pakistan": Pakistan blames, not India (the first got India's rejection,
    as if India had blamed; the second is a guard, its "right?" read apart). Whoever the "by" names
    is the one whose words answer it: the last got Pakistan's charge."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("what happened at the hospital?", [("answer", "hospitals-emergency")]),
        ("did other countries react to what happened in noshki", [("answer", "condemnation-overview")]),
        ("what happened in the tehran attack", [("decline", None)]),
        ("what did the uk say about the attack", [("answer", "uk-condemnation")]),
    ],
)
def test_what_happened_names_nothing_asked(core: Core, question: str, reply: list[tuple[str, str | None]]) -> None:
    """ "Happened" is a word of the story that never narrows it: the first two were declined, as
    mostly about something no fact covers. An attack in a country that took no part is another event
    (the third; a guard, as it was); what a country said about the attack is not (a guard)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("did the uk keep quiet about it?", [("answer", "uk-condemnation")]),
        ("amreeka khamosh raha?", [("answer", "us-condemnation")]),
        ("کیا امارات خاموش رہا", [("answer", "uae-condemnation")]),
        ("did iran remain silent?", [("gap", "other-reactions")]),
        ("was it over in forty hours", [("answer", "operation-duration")]),
    ],
)
def test_keeping_silent_asks_what_was_said(core: Core, question: str, reply: list[tuple[str, str | None]]) -> None:
    """Keeping quiet is saying nothing, and a guess that someone did asks what they said: each was
    declined for a word we did not know. A country the sources do not quote gets the gap of other
    reactions (it was declined too). "Forty" is our 40 hours (it was declined)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("natalie baker what is her job", [("answer", "person-baker")]),
        ("bugti what is his designation", [("answer", "person-bugti")]),
        ("in how much time were the 145 killed?", [("answer", "operation-duration")]),
    ],
)
def test_how_second_language_speakers_ask_who_and_how_long(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """A name first, then "what is her job": "her" is the person named, so it asks who she is (the
    first got the US statement, the second a "did you mean" of his record). "How much time" asks how
    long (it got the 145 militants: misleading)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("how many people were killed, civilians not soldiers?", [("answer", "civilians-killed")]),
        ("police peoples losing life how many", [("answer", "security-personnel-killed")]),
        ("saudi wale kya bol rahe", [("answer", "saudi-condemnation")]),
        ("who speak for the us side", [("answer", "person-baker")]),
        ("how many people died, not counting the militants?", [("answer", "overall-toll")]),
    ],
)
def test_how_people_who_learnt_english_second_ask(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """A group after the count narrows it ("..., civilians not soldiers": it got the toll in all,
    misleading); "peoples", "losing life", "bol rahe" (saying), "speak" are words people write (each
    was declined). The last is a guard: a group only set aside narrows nothing (the toll in all is
    what is not the militants')."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("what about the london bridge attack", [("decline", None)]),
        ("what about india and iran", [("answer", "india-rejection"), ("gap", "other-reactions")]),
        ("were chinese nationals attacked?", [("gap", "victim-breakdown")]),
        ("besides condemning it, did britain do anything?", [("answer", "uk-condemnation")]),
        ("how many died in noshki, what is the figure?", [("gap", "district-tolls")]),
        ("what were the reactions?", [("answer", "condemnation-overview")]),
        ("kitne shuhada hue", [("answer", "overall-toll")]),
        ("what did the spokesperson say", [("answer", "india-rejection")]),
        ("امارات نے حملوں کو کیا کہا", [("answer", "uae-condemnation")]),
    ],
)
def test_what_a_third_review_found_misread(core: Core, question: str, reply: list[tuple[str, str | None]]) -> None:
    """A review of this round's rules, old code against new, found these (each was worse after a rule
    of the round): an attack abroad the classifier rescued (it answered the UK statement); a country
    named with one that said nothing got who India's spokesman is; a people's name before "attacked"
    is no attack abroad; a part only setting something aside asks nothing, and the part after it is
    no guess at it; a part asking again is dropped, not read with the rest (it got the injured gap);
    "reactions" is no word of the army's response, "shuhada" are the dead; "the indian spokesperson"
    in the examples stays as it is (reading it as Jaiswal lost "what did the spokesperson say"); the
    Urdu "ne" marks who spoke, not an attack there."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("setting aside the militants, what was the toll?", [("answer", "overall-toll")]),
        ("who was behind the 31 jan 2026 attacks", [("answer", "bla-claim")]),
        ("31 january ke hamle kis ne kiye", [("answer", "bla-claim")]),
        ("was india blamed by the military?", [("answer", "india-allegation")]),
        ("is india being accused by pakistan", [("answer", "india-allegation")]),
        ("how much time do i have", [("decline", None)]),
        ("can i ask who did it", [("answer", "bla-claim")]),
    ],
)
def test_what_the_third_review_found_the_round_had_missed(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """Misread before this round and after its rules: "setting aside" sets aside (it got the 145
    militants); a date with its year, or before a word asking who, still only says which attacks
    (both got the date); who blames in the passive may be Pakistan's forces, or follow "being" (both
    got India's rejection); a question about the asker ("do i have") with no word of the story is not
    about it (it got how long the operations lasted). Asking leave to ask is a guard."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("what did iran say about the attacks", [("gap", "other-reactions")]),
        ("did kabul say anything about the attacks", [("gap", "other-reactions")]),
        ("what did the pm say about the attacks", [("gap", "pakistani-leaders")]),
    ],
)
def test_a_country_the_sources_do_not_quote_is_one_of_the_others(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """What a country no fact quotes said about the attacks is the gap of other reactions, not
    "nothing from Pakistan's leaders" (the first two got that: misleading). Pakistan's leaders are
    still theirs (a guard)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("bharat ka haath hai, fauj ne kaha?", [("answer", "india-allegation")]),
        ("who blamed india, and did india deny it?", [("answer", "india-allegation"), ("answer", "india-rejection")]),
    ],
)
def test_a_party_and_a_word_of_saying_after_a_claim_checks_who_said_it(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """ "..., fauj ne kaha?": whether the army said the claim before it, which its answer says; read
    alone it got the military's 92 as well (misleading). A part that asks ("did india deny it") is
    still a question of its own (a guard)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("was lahore attacked?", [("answer", "districts")]),
        ("did the militants attack karachi?", [("answer", "districts")]),
        ("how many died in the lahore attack", [("decline", None)]),
        ("was the karachi airport attacked", [("decline", None)]),
        ("was pakistan attacked", [("answer", "districts")]),
        ("was islamabad attacked", [("answer", "districts")]),
        ("کیا اسلام آباد میں حملہ ہوا", [("answer", "districts")]),
        ("islamabad mein hamla hua?", [("answer", "districts")]),
        ("kalat mein koi hamla hua?", [("answer", "districts")]),
        ("sibi mein kya hua", [("answer", "districts")]),
        ("did anything happen in panjgur", [("answer", "districts")]),
        ("what happened in lahore", [("decline", None)]),
        ("is lahore also in balochistan", [("decline", None)]),
    ],
)
def test_whether_a_place_was_hit_is_where_the_attacks_were(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """A yes/no question whether a place outside the story was hit, and nothing else, is answered with
    where the attacks were (the first two were declined as another event). Asking anything more of
    an attack there, or of something there, is another event (guards). So is the setting asked of
    alone (Islamabad is Pakistan's name as a party): it got the forces' operations (review 31). A
    question mark alone asks it too, as Roman Urdu asks (review 33: "islamabad mein hamla hua?"), and
    what happened in a district of ours no fact names (`story.within`: "sibi mein kya hua" was
    declined); what happened in Lahore is another event (a guard)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("@bot who is natalie baker?", [("answer", "person-baker")]),
        ("factbot jaiswal sahab kaun hain?", [("answer", "person-jaiswal")]),
        ("ok bot, how many civilians died", [("answer", "civilians-killed")]),
        ("who was behind it, bot?", [("answer", "bla-claim")]),
        ("اوکے بوٹ، کتنے پولیس اہلکار شہید ہوئے؟", [("answer", "security-personnel-killed")]),
        ("hi there bot", [("meta", "greeting")]),
        ("are you a bot?", [("meta", "help")]),
        ("thanks bot 🙏", [("meta", "thanks")]),
        ("anything new bot", [("meta", "latest")]),
        ("baker kaun hai bot", [("answer", "person-baker")]),
        ("is this the bot", [("meta", "help")]),
        ("what else bot", [("meta", "help")]),
        ("بوٹ، ڈالر کا ریٹ کیا چل رہا ہے؟", [("decline", None)]),
    ],
)
def test_calling_the_bot_by_name_is_no_part_of_the_question(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """In a group people call the bot before asking ("@bot", "factbot", "ok bot,", "اوکے بوٹ،") or
    after ("..., bot?", and without the comma in a group's haste: "thanks bot 🙏"); its name was read
    as a word of the question (a "did you mean", or declined). A message that is nothing but the call,
    or asks about the bot ("is this the bot"), keeps it (guards); so does a word or two that ask
    nothing without it ("what else bot" was declined once the name was taken out)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("were 2000 attackers killed", [("answer", "militants-killed-145")]),
        ("heard 1950 people died, true?", [("answer", "overall-toll")]),
        ("did 2000 militants attack", [("gap", "attacker-count")]),
        ("how many attacks in 2024", [("decline", None)]),
        ("in 2000 militants attacked quetta, how many died", [("decline", None)]),
        ("2012 militants attacked quetta, was it this bad?", [("decline", None)]),
        (
            "17,31,145 killed?",
            [("answer", x) for x in ("security-personnel-killed", "civilians-killed", "militants-killed-145")],
        ),
    ],
)
def test_a_number_the_size_of_a_year_before_people_is_a_count(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """ "2000 attackers" is a count heard, checked against ours: the first three were declined as
    another year. After a word that makes a year ("in 2000"), or in a message that neither asks nor
    checks a count, it is one (guards: a review found "2012 militants attacked quetta" read as a
    count). Our figures listed with commas are each ours, not one number (a review found them read as
    1731145)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("any town taken by them?", [("answer", "no-city-seized")]),
        ("any persons arrested?", [("gap", "arrests")]),
        ("were bla men taken prisoner", [("gap", "arrests")]),
        ("is there any womens killed", [("gap", "victim-breakdown")]),
        ("childrens died?", [("gap", "victim-breakdown")]),
        ("which bomb they were using", [("gap", "weapons")]),
        ("what uae is telling about it", [("answer", "uae-condemnation")]),
        ("balochistan touches which countries", [("answer", "province-context")]),
        ("how long ago did all this happen", [("answer", "timing")]),
        ("were there 2,000 attackers", [("gap", "attacker-count")]),
    ],
)
def test_english_as_people_learning_it_write_it(core: Core, question: str, reply: list[tuple[str, str | None]]) -> None:
    """Plurals such as "persons" and "childrens", "telling" for saying, "using", a town "taken",
    countries that "touch" a province: a dev batch of terse and non-native questions found each
    declined; "how long ago" asks when, and got how long the operations lasted (misleading). A figure
    written with a comma ("2,000") was two numbers and two parts (it got the latest updates)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        (
            "fwd: '17 brave jawans embraced shahadat in balochistan'. is this real?",
            [("answer", "security-personnel-killed")],
        ),
        (
            "whatsapp forward says 145 terrorists sent to hell in balochistan, legit?",
            [("answer", "militants-killed-145")],
        ),
        ("is 145 real", [("answer", "militants-killed-145")]),
        ("the military said 145 were killed on saturday, right?", [("clarify", "toll-composition")]),
        ("it took two weeks of operations to kill 145, right?", [("clarify", "operation-duration")]),
        ("31 civilians were killed, is it real?", [("answer", "civilians-killed")]),
        ("heard the bla did it, is it real?", [("answer", "bla-claim")]),
        ("pakistan scored 145 runs, right?", [("decline", None)]),
        ("dollar is 31 rupees, right?", [("decline", None)]),
        ("92 pilgrims died, true?", [("clarify", "militants-killed-92")]),
        ("heard it happened on jan 31, true?", [("answer", "timing")]),
        ("heard 17 districts were attacked, true?", [("answer", "districts")]),  # several, among them four
        ("my cousin says 145 soldiers died, true?", [("answer", "security-personnel-killed")]),
        ("92 soldiers martyred, is it true?", [("clarify", "security-personnel-killed")]),
        ("the army said 92 militants were killed, right?", [("answer", "militants-killed-92")]),
        ("heard the 145 included civilians, true?", [("answer", "toll-composition")]),
    ],
)
def test_a_rumour_that_gives_one_figure_of_ours_gets_its_fact(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """A forwarded message with one of our figures and words we need not know ("sent to hell") is
    checked against the fact that gives the figure: the first three were a "did you mean", "not
    reported" or declined ("real" was no word of checking). A rumour with a claim we know of besides
    the figure (a day, a span, places, what the figure includes, another group) is checked for that
    claim, and a date is no figure (guards: a review found the 31 civilians given for "jan 31", the 17
    personnel for "17 districts", and "it real" heard as "israel": "nothing about Israel"). A claim of
    nobody killed is none of ours ("145 runs"), nor one of words we do not know and no group of the
    dead ("92 pilgrims"): a later review found both answered with our fact, misleading."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("herof is a victory chant, right?", [("clarify", "operation-herof")]),
        ("کوئی عام شہری تو نہیں مرا نا؟", [("clarify", "civilians-killed")]),
        ("is quetta cold, right?", [("decline", None)]),
        ("imran khan is in jail, right?", [("decline", None)]),
        ("31 december is a holiday, right?", [("decline", None)]),
    ],
)
def test_a_claim_checked_with_words_we_do_not_know_offers_the_nearest_facts(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """A claim about the story made a question by a tag ("..., right?", "نا؟") with words we do not
    know was declined: the facts it is nearest are offered, never answered (the claim may be
    anything). A claim of nothing of the story's own is declined, and one of our figures alone is no
    word of the story's (guards: a review found "31 december is a holiday" offered the dates)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("teacher here, how many people died in all? need it for my class", [("answer", "overall-toll")]),
        ("for my students: how many civilians died", [("answer", "civilians-killed")]),
        ("who is pakistan pointing fingers at", [("answer", "india-allegation")]),
    ],
)
def test_why_the_asker_asks_is_no_part_of_the_question(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """A teacher asking for a class ("for my students", "to tell my class") was declined for those
    words, or asked about students among the dead ("not reported", misleading); pointing a finger at
    someone is blaming them (declined)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("my brother said 300 died, true?", [("answer", "overall-toll")]),
        ("meri khala kehti hain 50 police wale shaheed hue, sach hai?", [("answer", "security-personnel-killed")]),
        ("میرے ماموں کہتے ہیں اس کے پیچھے بھارت ہے", [("answer", "india-allegation")]),
        ("who is bugti's wife", [("decline", None)]),
        (
            "my sister says pakistan blamed afghanistan, is that what they said",
            [("answer", "india-allegation")],
        ),
    ],
)
def test_the_asker_s_own_people_are_no_part_of_the_question(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """Who told the asker (a brother, a sister, a friend; after "my", `lexicon.kin`) is never what is
    asked: "brother", in one example of the soldiers' toll, made the first the 17 (misleading); the
    second was a "did you mean" of the province. Someone else's wife is what is asked (a guard)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    "question",
    ["میرے دوست نے فون پر بتایا کہ فوج نے ثبوت دکھا دیے، کیا یہ سچ ہے؟", "ہمسائے کہتے ہیں بازار جل گیا، کیا یہ سچ ہے؟"],
)
def test_a_part_that_checks_the_rest_is_no_chat_with_the_bot(core: Core, question: str) -> None:
    """ "کیا یہ سچ ہے" (is this true) checks what the message says: when the rest was declined, it was
    read alone, as a question to the bot, and got the help reply."""
    assert all(i.decision != "meta" for i in core.router.route(question).intents)


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("jawabi karwai kis ne ki?", [("answer", "security-operations")]),
        ("what does the bla actually want?", [("gap", "motive")]),
        ("۱۴۵ کی تعداد کس نے جاری کی", [("answer", "militants-killed-145")]),
        ("was the toll unprecedented, according to the cm?", [("answer", "record-toll")]),
        ("hello who did it", [("answer", "bla-claim")]),
    ],
)
def test_words_the_group_chat_writer_used(core: Core, question: str, reply: list[tuple[str, str | None]]) -> None:
    """ "Jawabi karwai" is the forces' response, not the world's (it got who condemned: misleading);
    what the BLA "actually" wants is its aims (it got what the BLA is); "جاری" (released) says who gave
    a figure (it got what the 145 includes); "unprecedented", "unusual" are a record (it got what the
    145 includes); a greeting glued to a question is a part of its own (it got a greeting)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("what time is it in karachi", [("decline", None)]),
        ("whats the time now", [("decline", None)]),
        ("what time did the attacks begin", [("gap", "time-of-day")]),
    ],
)
def test_the_time_now_is_no_question_of_the_story(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """Asking the time now got "the sources do not report the time of day" (a gap for an off-topic
    question). When the attacks began is still that gap (a guard)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("was lahore attacked and how many died there", [("decline", None)]),
        ("was karachi hit, who did it", [("decline", None)]),
        ("were chinese attacked in gwadar", [("decline", None)]),
        ("what is the toll according to the cm", [("answer", "overall-toll")]),
        ("who is right, india or pakistan", [("decline", None)]),
        ("bot ne kya kaha", [("meta", "help")]),
        ("factbot kaun hai", [("meta", "help")]),
        ("hello was quetta attacked", [("answer", "districts")]),
        ("assalam o alaikum hamla kis ne kiya", [("answer", "bla-claim")]),
        ("hey guys who did this", [("answer", "bla-claim")]),
    ],
)
def test_what_a_fourth_review_found_misread(core: Core, question: str, reply: list[tuple[str, str | None]]) -> None:
    """Whether a place outside the story was hit is where the attacks were only when that is all the
    message asks, and of a place only (the first three answered where the attacks were, with the toll
    in all or the BLA's claim as if of Karachi). Whose figure a toll is says nothing of which figure
    (it got the civilians' 31). Who is right is an opinion, not what India said. The bot as the one
    who spoke, or asked about, is no call to it (a "did you mean" of statements; the BLA's claim). A
    greeting glued to a yes/no question, "assalam o alaikum", "guys" are no part of it (declined)."""
    assert _decided(core, question) == reply


def test_a_count_in_a_day_is_still_a_count(core: Core) -> None:
    """ "How many died in a day" asks a count, not how long anything lasted (a guard). Which count is a
    near-tie the classifier settles differently as examples change, so only the kind is held here."""
    [intent] = core.router.route("how many died in a day").intents
    assert intent.decision in ("answer", "clarify")
    assert all(
        core.factbase.fact(m.target) is not None and "count" in core.factbase.fact(m.target).answers
        for m in intent.matches
    )
    assert "operation-duration" not in {m.target for m in intent.matches}


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("what did britain and america each say?", [("answer", "uk-condemnation"), ("answer", "us-condemnation")]),
        ("amreeka aur england dono ne kya kaha", [("answer", "us-condemnation"), ("answer", "uk-condemnation")]),
    ],
)
def test_each_and_both_ask_each_its_own(core: Core, question: str, reply: list[tuple[str, str | None]]) -> None:
    """ "Each", "dono" (both) only say that every party named is asked in turn: they were read as
    words of the question, and each statement was a "did you mean"."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("my friend says militants captured noshki, is that right?", [("answer", "no-city-seized")]),
        ("were any fighters captured alive", [("gap", "arrests")]),
        ("were militants captured in mastung", [("gap", "arrests")]),
        ("was noshki taken", [("answer", "no-city-seized")]),
        ("has mastung been taken", [("answer", "no-city-seized")]),
        ("was quetta taken?", [("answer", "no-city-seized")]),
        ("were people in noshki taken hostage", [("gap", "hostages")]),
        ("the militants held quetta for hours right", [("answer", "no-city-seized")]),  # a dev batch: arrests
        ("were any militants held", [("gap", "arrests")]),
        ("did the bla occupy gwadar", [("answer", "no-city-seized")]),  # a review: declined
    ],
)
def test_capturing_a_place_is_seizing_it(core: Core, question: str, reply: list[tuple[str, str | None]]) -> None:
    """ "Captured" right before a place (`story.taking`) is seizing it: the first got "whether anyone was
    arrested is not reported" (misleading); so is "taken" or "captured" right after one, which got
    "hostages are not reported" or a decline. People captured, or captured in a place, are arrested,
    and people taken hostage hostages (guards). Holding a place is seizing it too; people held are
    arrested."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("ye hamlay kis grp ne kiye", [("answer", "bla-claim")]),
        ("what is bakers title", [("answer", "person-baker")]),
        ("did london speak up or stay neutral", [("answer", "uk-condemnation")]),
        ("britain walon ne kuch kaha ya chup hai", [("answer", "uk-condemnation")]),
        ("was isis khorasan responsible for this", [("answer", "bla-claim")]),
    ],
)
def test_chat_spellings_and_idioms_read_as_the_question(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """ "grp" ("kis grp ne": which group), "bakers", staying neutral or quiet (saying nothing) and
    ISIS-K by its full name: each was declined or, for "kis grp ne", answered with the dates."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("who gave the american statement, whats the name", [("answer", "person-baker")]),
        ("india ki taraf se kis ne bayan diya, naam kya hai", [("answer", "person-jaiswal")]),
        ("who condemned the attacks, whats the name", [("answer", "condemnation-overview")]),
        ("who claimed it, whats the name of their operation", [("answer", "bla-claim"), ("answer", "operation-herof")]),
        ("who were the dead? their names", [("gap", "victim-names")]),
        ("who were the civilians? names please", [("answer", "civilians-killed"), ("gap", "victim-names")]),
        ("who claimed it? what was it called", [("answer", "bla-claim"), ("answer", "operation-herof")]),
    ],
)
def test_a_name_asked_after_who_is_the_who(core: Core, question: str, reply: list[tuple[str, str | None]]) -> None:
    """A part asking only a name, after a part asking who, is answered by the who (which names them):
    it was asked alone and got the operation's name as well (misleading). A name of something the
    part says, names no fact gives, and names after a fact that names no one ("who were the
    civilians": how many) are asked; "what was it called" is the operation's name (guards)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("were flights cancelled", [("gap", "current-situation")]),
        ("were markets closed", [("gap", "current-situation")]),
        ("کیا انٹرنیٹ سروس بند ہوئی تھی", [("gap", "current-situation")]),
        ("internet band hai quetta mein?", [("gap", "current-situation")]),
        ("کیا ٹرینیں منسوخ ہو گئیں", [("gap", "current-situation")]),
        ("has the internet been restored", [("gap", "current-situation")]),
        ("schools in lahore closed for winter?", [("decline", None)]),
    ],
)
def test_what_was_shut_afterwards_is_not_reported(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """Closures after the attacks (flights, markets, the internet) are how things went on, which the
    sources do not follow: "closed", "cancelled", "band", "منسوخ" and "restored" were words we did not
    know, and such questions were declined as off topic. Closures of another place and time are (a
    guard)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("میں کراچی سے ہوں، بتائیں کہ برطانیہ نے مذمت کی تھی یا خاموش رہا", [("answer", "uk-condemnation")]),
        ("ہم پشاور سے ہیں، بتائیں کہ متحدہ عرب امارات نے مذمت کی تھی", [("answer", "uae-condemnation")]),
        ("main quetta se hun, batao ke america ne mazammat ki ya chup raha", [("answer", "us-condemnation")]),
        ("india ka haath hai, army ne kaha?", [("answer", "india-allegation")]),
    ],
)
def test_a_request_after_the_askers_story_asks(core: Core, question: str, reply: list[tuple[str, str | None]]) -> None:
    """ "بتائیں کہ" (tell me whether) asks outright: after the asker's home it was read as checking
    whether the US or the UK said what the part before claimed, and the message was declined. A party
    and a word of saying with no request still check the claim before them (a guard)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("how long has bugti been the cm", [("clarify", "person-bugti")]),
        ("since when is jaiswal the spokesperson", [("clarify", "person-jaiswal")]),
        ("بگٹی کب سے وزیر اعلیٰ ہیں", [("clarify", "person-bugti")]),
        ("when did jaiswal say it", [("answer", "india-rejection")]),
        ("imran khan kab riha honge", [("decline", None)]),
    ],
)
def test_a_persons_time_in_office_is_only_offered_who_they_are(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """When or how long one of our people has held their office, which no fact gives: "how long has
    bugti been chief minister" got the operations' 40 hours and "بگٹی کب سے وزیر اعلیٰ ہیں" the attacks'
    dates (both misleading; review 30). Who they are is offered. When they said something is their
    statement's day, and someone outside the story is another subject (guards)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize("question", ["where did the attackers come from", "where did the militants come from"])
def test_where_a_side_came_from_is_no_question_of_our_sources(core: Core, question: str) -> None:
    """ "Where did the militants come from" got the list of our sources, as "where is this from" does
    (review 30): it asks about them, which no fact says, so it is never the sources nor an answer."""
    intents = core.router.route(question).intents
    assert all(i.decision not in ("meta", "answer") for i in intents)
    assert _decided(core, "where is this from") == [("meta", "sources")]
    assert _decided(core, "army ki latest update") == [("meta", "latest")]


@pytest.mark.parametrize("question", ["کیا کوئی خاتون بھی جاں بحق ہوئی", "کیا کوئی خاتون ماری گئی"])
def test_a_death_asked_of_someone_is_no_person_of_ours(core: Core, question: str) -> None:
    """A question of deaths that names none of our people is never about who one of them is: "was a
    woman (خاتون) killed" got who Natalie Baker is, whom the Urdu examples call one (review 30)."""
    intents = core.router.route(question).intents
    assert all(i.top is None or i.top.target != "person-baker" for i in intents)
    assert all(i.decision != "answer" for i in intents)
    assert _decided(core, "who is the woman who spoke for the us") == [("answer", "person-baker")]


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("how many militants were killed in gwadar", [("gap", "district-tolls")]),
        ("noshki mein kitne militant mare", [("gap", "district-tolls")]),
        ("how many were injured in quetta", [("gap", "injured")]),
        ("how many militants took part in gwadar", [("gap", "attacker-count")]),
        ("how many children died in noshki", [("gap", "victim-breakdown")]),
        ("how many died in balochistan", [("answer", "overall-toll")]),
        ("how many died in turbat", [("gap", "district-tolls")]),
        ("panjgur mein kitne log mare", [("gap", "district-tolls")]),
        ("تربت میں کتنے لوگ مرے", [("gap", "district-tolls")]),
        ("how many died in karachi", [("decline", None)]),
    ],
)
def test_a_count_of_the_dead_in_one_place_is_not_reported(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """No fact counts the dead by district (`story.place_tolls`), whoever it counts: "how many
    militants were killed in gwadar" got "how many took part is not reported" (review 30). A count
    with a gap of its own keeps it (the injured, those who took part, children), and the province is
    where all of it was (guards). A district of Balochistan no fact names (`story.within`) is still
    this story: "how many died in turbat" got a "did you mean" of the 17, the toll and the 145 (review
    31); one of another province is another event (a guard)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("has india said how many people died", [("gap", None)]),
        ("how many soldiers did the bla say it killed", [("gap", None)]),
        ("how many policemen did the militants say they killed", [("gap", None)]),
        ("us ne kitni halaktein batayin", [("gap", None)]),
        ("did the army say how many were killed", [("answer", "militants-killed-92")]),
        ("did bugti say how many were wounded", [("gap", "injured")]),
        ("bugti ne kitne militants bataye", [("clarify", "militants-killed-145")]),
        ("what did the uk say about the death toll", [("answer", "uk-condemnation")]),
    ],
)
def test_a_count_from_one_who_gave_none_is_not_reported(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """Only Bugti and the military give figures: "how many did the bla say they killed" got the
    military's 92 and "did india say how many died" the injured gap (review 29). Whoever gave a
    figure still gets it, a count no one gives keeps its own gap, and what one said about a figure
    is their statement (guards). A count one who gives our figures said is one of theirs though it
    names no death ("bugti ne kitne militants bataye": how many took part was not reported)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("saudi aur uae ki reactions?", [("answer", "saudi-condemnation"), ("answer", "uae-condemnation")]),
        ("who's the cm over there now", [("answer", "person-bugti")]),
        ("کیا کوئی غیر ملکی بھی ہلاک ہوا؟ امریکی وغیرہ", [("gap", "victim-breakdown")]),
        ("lemme guess, pakistan blamed india", [("answer", "india-allegation")]),
        ("what did the MEA spokesperson say", [("answer", "india-rejection")]),
        ("define the bla for me", [("answer", "bla-status")]),
        ("why is pakistan blaming us", [("answer", "india-allegation")]),
        ("did they blame us", [("answer", "india-allegation")]),
        ("is the 145 just propaganda", [("answer", "militants-killed-145")]),
        ("was it a single attack", [("answer", "coordinated")]),
        ("عام لوگوں کی اموات کتنی ہوئیں", [("answer", "civilians-killed")]),
        ("amreeka ka rad-e-amal", [("answer", "us-condemnation")]),
        ("kya koi khatoon bhi mari", [("gap", "victim-breakdown")]),
        ("کیا کوئی عورت بھی ماری گئی", [("gap", "victim-breakdown")]),
        ("dehshatgardon ke ilawa kitne log mare", [("clarify", "civilians-killed")]),
        ("عسکریت پسندوں کے علاوہ کتنے افراد ہلاک ہوئے", [("clarify", "civilians-killed")]),
        ("what did the army call the attackers", [("answer", "india-allegation")]),
        ("پاک فوج نے دہشت گردوں کو کیا کہا", [("answer", "india-allegation")]),
        ("yaar kitny log mary gy", [("answer", "overall-toll")]),
        ("lol ok, how many died", [("answer", "overall-toll")]),
        ("kya ye kai saalon ka sab se khooni hamla hai", [("answer", "record-toll")]),
        ("مجھے اردو میں جواب دیں", [("meta", "help")]),
        ("please answer in urdu", [("meta", "help")]),
        ("did bahrain say anything", [("gap", None)]),
        ("کیا کویت نے مذمت کی", [("gap", None)]),
        ("what has the governor said", [("gap", "pakistani-leaders")]),
        ("who is the governor of balochistan", [("decline", None)]),
    ],
)
def test_reactions_and_over_there(core: Core, question: str, reply: list[tuple[str, str | None]]) -> None:
    """ "reactions" (plural) is each one's response: two countries' reactions got who condemned in all
    for the second (misleading). "over there" is there: "over" was read as the fighting being over,
    and the chief minister's question got the BLA leader's gap (dev batch 55). "وغیرہ" (and so on)
    and "lemme" are stopwords: a nationality "and so on" after foreigners was declined as another
    country's news, and "lemme guess" declined the guess after it. The MEA (India's Ministry of External
    Affairs) is its foreign ministry, and "define X" asks what X is: both were declined (dev batch 53).
    "Us" blamed or accused is the asker's country, not the US: the first got the evidence gap, the
    second the BLA's claim. Doubt ("propaganda", "hype") says nothing of what is asked, and a single
    attack is asked against the coordinated ones: each was declined. "عام لوگوں" (common people) are
    the civilians, and "rad-e-amal" (reaction), a phrase that sat among the one-word `words` and
    never matched, is a response: both were declined. A woman ("khatoon", "عورت") killed is the
    breakdown the sources do not give: it got who Natalie Baker is (review 30). Those killed besides
    the militants ("ke ilawa", "کے علاوہ") are the civilians and the security personnel, offered
    both: it got the 145 militants, or "how many took part is not reported". What the army called the
    attackers is its charge ("Indian-sponsored militants"): it got the BLA's name for its operation.
    "mary gy" (mare gaye), "lol" and "khooni" (bloody) were declined. Asking for replies in Urdu is
    how to use the bot: it got the forces' operations (review 30). Bahrain, Kuwait, Oman, Egypt and
    four more are countries whose words the sources do not give ("not reported about Bahrain"): they
    were words we did not know, and the question was declined. What the governor said is one more of
    Pakistan's leaders' words, not reported: "governor" was a word no example used, and it was
    declined (dev batch 53); who the governor is stays general knowledge (a guard)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("فوج نے حملوں کا الزام کس پر لگایا", [("answer", "india-allegation")]),
        ("why did pakistan blame the afghans", [("answer", "india-allegation")]),
        ("pakistan ne china par ilzam kyun lagaya", [("answer", "india-allegation")]),
        ("why did iran blame pakistan", [("gap", "other-reactions")]),
        ("شدت پسندوں نے کیا کہا", [("clarify", "bla-claim")]),
    ],
)
def test_whom_pakistan_blamed_asked_in_other_ways(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """ "لگایا" (put, as in laying blame) is a stopword as "lagaya" is: split from "الزام" by "کس پر" it
    was a word we did not know, and the question a "did you mean". Why Pakistan blamed a party it did
    not is a wrong guess at whom it blamed: what it said corrects it (it got the province's context, or
    was declined). Another country blaming is that country's words (a guard). What the militants
    ("شدت پسند") said is what the group that claimed the attacks said: it got Saudi Arabia's words.
    """
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("what does the word baloch mean", [("decline", None)]),
        ("ISPR stands for what", [("gap", None)]),
        ("bla ka full form kya hai", [("answer", "bla-status")]),
        ("what does bla stand for", [("answer", "bla-status")]),
        ("what does black storm mean", [("answer", "operation-herof")]),
        ("ہیروف کا کیا مطلب ہے", [("answer", "operation-herof")]),
        ("what does the 40 hours mean", [("answer", "operation-duration")]),
    ],
)
def test_a_term_is_defined_only_by_a_fact_asked_to_define_it(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """What a word means is answered only by a target asked what that word means, or the fact about
    a name (`defining`): "what does the word baloch mean" got Herof's meaning and "what does ISPR
    stand for" what the BLA is (both misleading; dev batch 53). "Full form" asks what a name stands
    for (it was declined), and what one of our figures means is its fact's (guards)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("quick question: who claimed the attacks", [("answer", "bla-claim")]),
        ("ek sawal hai, kitne log mare", [("answer", "overall-toll")]),
        ("how many ppl ded", [("answer", "overall-toll")]),
        ("khulasa bata do", [("meta", "summary")]),
        ("puri kahani sunao", [("meta", "summary")]),
        ("koi aurat mari kya", [("gap", "victim-breakdown")]),
        ("kaun kaun se mulk sath khare hain", [("answer", "condemnation-overview")]),
        ("kis kis ne saath diya", [("answer", "condemnation-overview")]),
    ],
)
def test_words_from_review_29(core: Core, question: str, reply: list[tuple[str, str | None]]) -> None:
    """A question announced ("quick question", "ek sawal": "sawal" was repaired into "saal", years),
    "ded", "khulasa" and "puri kahani" (the story in brief), "aurat" (a woman, repaired into Surat, so
    the toll was given) and standing with ("sath khare", "saath diya": solidarity) were declined or
    answered wrongly."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("what is the ISPR", [("decline", None)]),
        ("ISPR kya hai", [("decline", None)]),
        ("FC kya hota hai", [("decline", None)]),
        ("پولیس کیا ہیں", [("decline", None)]),  # "ہیں" folds to "ہین": matched folded
        ("what did the army do", [("answer", "security-operations")]),
        ("فوج کیا کر رہی ہے", [("answer", "security-operations")]),
        ("army?", [("clarify", "militants-killed-92")]),
    ],
)
def test_what_a_force_is_is_general_knowledge(core: Core, question: str, reply: list[tuple[str, str | None]]) -> None:
    """ "what is the ISPR" got the operations the forces took part in (dev batch 44, misleading): what a
    force is, nothing else asked (`lexicon.being`), no fact describes. What it did, and a one-word
    fragment, are still ours (guards)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("what does a chargé d'affaires do in general", [("decline", None)]),
        ("what is a counterterrorism department in general, how is it structured", [("decline", None)]),
        ("ek charge d affaires aam tor par kya karta hai", [("decline", None)]),
        ("were the attacks generally coordinated", [("answer", "coordinated")]),
        ("generally how long did the operation last", [("answer", "operation-duration")]),
        ("in general what happened in balochistan", [("meta", "summary")]),
        ("who is the chargé d'affaires", [("answer", "person-baker")]),
    ],
)
def test_what_something_is_in_general_is_general_knowledge(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """ "in general" (`lexicon.in_general`) beside an indefinite article (`indefinite`: a kind of thing)
    asks how it is in the world: "what does a charge d'affaires do in general" got who Natalie Baker is
    (dev batches 49 and 60, misleading). The story in general is still ours (review 33 found "in
    general what happened" declined without the article's condition), as are a question pointing at the
    attacks and the office asked of the story (guards)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("jaiswal kon hai? us ne kya kaha", [("answer", "person-jaiswal"), ("answer", "india-rejection")]),
        ("jaiswal kon hai? US ne kya kaha", [("answer", "person-jaiswal"), ("answer", "us-condemnation")]),
        ("natalie baker kon hai, us ka bayan kya tha", [("answer", "person-baker"), ("answer", "us-condemnation")]),
        ("uk ne condemn kiya? US ne bhi kiya?", [("answer", "uk-condemnation"), ("answer", "us-condemnation")]),
        ("uk ne kya kaha? us ne kya kaha?", [("answer", "uk-condemnation"), ("answer", "us-condemnation")]),
        ("us ne kya kaha", [("answer", "us-condemnation")]),
        ("jaiswal kon hai? 🙏🙏? us ne kya kaha", [("answer", "person-jaiswal"), ("answer", "india-rejection")]),
    ],
)
def test_us_ne_after_someone_named_is_him_or_her(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """Roman Urdu "us ne" (he, she) opening a part after one naming a person (`lexicon.him_or_her`) got
    the US statement (review 32, misleading). Written "US", the same question of one more party, "us
    ka" (hers is the US's statement) and "us ne" alone still ask the US: review 33 found eleven such
    questions lose their second answer when every "us" and postposition after any party was read so."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("کتنے شہداء ہیں", [("answer", "overall-toll")]),
        ("how many martyrs", [("answer", "overall-toll")]),
        ("شہداء کے نام بتائیں", [("gap", "victim-names")]),
    ],
)
def test_how_many_martyrs_is_the_toll_in_urdu_too(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """ "کتنے شہداء" (how many martyrs) got "how many took part is not reported" (review 32, misleading),
    as "how many martyrs" is the toll; the martyrs' names are still not reported (a guard)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        (
            "saudi ne kya kaha? uae ne bhi kuch kaha us ke baad?",
            [("answer", "saudi-condemnation"), ("answer", "uae-condemnation")],
        ),
        ("us ke baad kya hua", [("meta", "summary")]),
        ("US ka bayan kya hai", [("answer", "us-condemnation")]),
    ],
)
def test_us_ke_baad_is_after_that_not_the_united_states(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """Roman Urdu "us ke baad" (after that) named the US, whose statement was given as a third reply
    (dev batch 54, misleading); the US's statement ("US ka bayan") is still the US's (a guard)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("whos the balochistan chief minister they quote", [("answer", "person-bugti")]),
        ("who is the chief minister quoted in the story", [("answer", "person-bugti")]),
        ("log aghwa hue kya", [("gap", "hostages")]),
    ],
)
def test_who_is_quoted_is_who_they_are(core: Core, question: str, reply: list[tuple[str, str | None]]) -> None:
    """ "quote" was a word we did not know (declined), and "quoted" a "did you mean": being quoted says
    nothing of what is asked (dev batch 59). Review 32 found "aghwa" (kidnapped) declined. ("nab" as
    "nabbed" was tried and dropped: NAB is Pakistan's accountability bureau, review 33.)"""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("kya huaa balochistan mai", [("meta", "summary")]),
        ("balochistan mai kya huaa", [("meta", "summary")]),
        ("kya hoa quetta mein", [("answer", "districts")]),
        ("kia hua balochistan mein", [("meta", "summary")]),
    ],
)
def test_what_happened_spelt_as_people_type_it(core: Core, question: str, reply: list[tuple[str, str | None]]) -> None:
    """ "kya huaa", "kya hoa" (what happened) were declined, and "kia hua" got what the province is,
    though "kya hua" is the story in brief (reviews 31 and 33); of one place, it is where the attacks
    were."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("how many districts were hit", [("answer", "districts")]),
        ("kitne districts mein hamle hue", [("answer", "districts")]),
        ("one of the deadliest incidents in years?", [("answer", "record-toll")]),
        ("were these isolated incidents", [("answer", "coordinated")]),
        ("how many districts does balochistan have", [("decline", None)]),
    ],
)
def test_how_many_places_and_incidents(core: Core, question: str, reply: list[tuple[str, str | None]]) -> None:
    """How many districts were hit is answered by the several districts the article names (the first
    two were declined as another subject, review 29); an "incident" or "episode" is an attack, as the
    article's flare-up is (the third was declined). How many districts the province has is
    general knowledge (a guard)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("was a school attacked", [("gap", "damage")]),
        ("were any police stations hit by the militants", [("gap", "damage")]),
        ("which buildings were attacked", [("gap", "damage")]),
        ("what places were targeted", [("answer", "districts")]),
        ("did hospitals go on an emergency footing", [("answer", "hospitals-emergency")]),
    ],
)
def test_a_site_attacked_is_not_reported(core: Core, question: str, reply: list[tuple[str, str | None]]) -> None:
    """The sources name the districts, not the buildings or sites attacked: "was a school attacked"
    was declined as off topic and "which buildings" offered the districts (review 29). The places
    targeted are the districts, and hospitals are the emergency footing (guards)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("is hamle mein kul kitni jaane gayi", [("answer", "overall-toll")]),
        ("sunna hai mastung par qabza hogaya tha", [("answer", "no-city-seized")]),
        ("kya koi pul tabah hua", [("gap", "damage")]),
        ("koi rail track tabah hua?", [("gap", "damage")]),
        ("shaheed hone walon ki tadad", [("answer", "overall-toll")]),
        ("marne walon ki kul tadaad", [("answer", "overall-toll")]),
        ("zakhmi hone walon ki tadad", [("gap", "injured")]),
    ],
)
def test_roman_urdu_helpers_and_losses_are_read(core: Core, question: str, reply: list[tuple[str, str | None]]) -> None:
    """ "jaane gayi" (lives were lost), "hogaya" (it happened), "tabah" (destroyed), "pul" (a bridge)
    and a railway "track" in the singular were words we did not know: the toll was a "did you mean",
    the rumour of a seized town was declined, and the damage gap was read as a bare "not reported".
    "tadad" (the number of) is a count: "the number of those martyred" got the injured gap, whose
    examples alone had the word (review 29)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("giraftariyan kitni huin is silsile mein", [("gap", "arrests")]),
        ("griftari hui kisi ki?", [("gap", "arrests")]),
        ("thanks yaar bahut help hui", [("meta", "thanks")]),
        ("aapne ye sab kahan se liya", [("meta", "sources")]),
    ],
)
def test_roman_urdu_as_typed_on_whatsapp(core: Core, question: str, reply: list[tuple[str, str | None]]) -> None:
    """ "giraftariyan", "griftari" (arrests), "silsile" (in this matter), "bahut" (very), "help hui" (it
    helped: thanks, not a plea for help) and "aapne" (you, as the one who did it) were words we did
    not know: each message was declined."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("who planned the attacks", [("answer", "bla-claim")]),
        ("kis ne plan kiya ye sab", [("answer", "bla-claim")]),
        ("who led the attackers? name?", [("gap", "bla-leader")]),
        ("were the attacks planned", [("answer", "coordinated")]),
    ],
)
def test_who_planned_the_attacks_is_who_is_behind_them_and_who_led_them_is_unnamed(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """Who planned the attacks is who is behind them, the group that claimed them: it got that the
    attacks were coordinated (misleading). Who led them is their commander, whom the sources do not
    name: it got the BLA's claim. That they were planned is the coordination (a guard)."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    "question", ["who rejected it from india? naam kya hai", "who denied it for india, whats the name"]
)
def test_a_name_asked_alone_is_the_name_of_whom_the_part_before_asks(core: Core, question: str) -> None:
    """A name asked after a part its answer does not name is asked of that part's subject: alone it
    was "what name", the operation's name (misleading)."""
    targets = {m.target for i in core.router.route(question).intents for m in i.matches}
    assert "operation-herof" not in targets
    assert targets & {"india-rejection", "person-jaiswal"}


@pytest.mark.parametrize("question", ["were the funerals held", "have funerals been held"])
def test_funerals_held_are_how_things_went_on(core: Core, question: str) -> None:
    """Funerals held are what came after, which the sources do not follow: "held" was read as detained,
    and the reply said arrests are not reported (misleading)."""
    assert _decided(core, question) == [("gap", "current-situation")]


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("reaction from india?", [("clarify", "india-rejection")]),
        ("any reaction from the afghan government", [("gap", "other-reactions")]),
        ("any response from the govt in kabul", [("gap", "other-reactions")]),
        ("response from the uk", [("answer", "uk-condemnation")]),
    ],
)
def test_a_reaction_from_a_party_is_that_party_s(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """Who reacted, named right after "from" (`said_from`), is who said it: "reaction from india?" said
    no other country's reaction is reported (misleading), and the Afghan government's got "Pakistan's
    leaders are not reported"."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("what kinda guns were they carrying", [("gap", "weapons")]),
        ("did any of the attackers surrender", [("gap", "arrests")]),
        ("militants surrendered?", [("gap", "arrests")]),
    ],
)
def test_carrying_is_using_and_surrendering_is_being_taken(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """What fighters carried is what they used, and fighters who gave up were taken: neither is
    reported. "kinda", "carry" and "surrender" were words we did not know (declined, or "did you mean
    no city was taken")."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("بھارت کے ملوث ہونے کی کیا دلیل ہے", [("gap", "evidence")]),
        ("تم کیا کرسکتے ہو", [("meta", "help")]),
    ],
)
def test_urdu_words_people_type(core: Core, question: str, reply: list[tuple[str, str | None]]) -> None:
    """ "دلیل" (proof) and "کرسکتے" (can do, typed as one word) were words we did not know: the first got
    India's rejection as a "did you mean", the second was declined."""
    assert _decided(core, question) == reply


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("kya flights cancel hui", [("gap", "current-situation")]),
        ("internet bahal hua?", [("gap", "current-situation")]),
        ("kisi ko kidnap kiya?", [("gap", "hostages")]),
        ("ye hamla kisnay kia", [("answer", "bla-claim")]),
        ("kya ttp ne zimmedari li", [("answer", "bla-claim")]),
        ("was it the pakistani taliban", [("answer", "bla-claim")]),
        ("kya govt ki taraf se koi help hui", [("decline", None)]),
    ],
)
def test_roman_urdu_of_what_came_after_and_who_claimed(
    core: Core, question: str, reply: list[tuple[str, str | None]]
) -> None:
    """Words from review 28's Roman Urdu, each declined: "cancel", "bahal" (restored, repaired into
    "bahar", outside), "kidnap", "kisnay" (who) and "zimmedari li" (took responsibility). Help given
    is no thanks: only "it helped a lot" is (a guard: "koi help hui" had become thanks). "Pakistani
    taliban" is the TTP, not Afghanistan's Taliban (dev batch 33: "did the pakistani taliban say they
    did it" got "no reactions of other countries are reported")."""
    if "pakistani" in question:
        assert "ttp" in core.router.normalise(question).split()
    assert _decided(core, question) == reply


@pytest.mark.parametrize("question", ["has quetta calmed down", "is it calmer in balochistan now"])
def test_calming_down_is_how_things_stand_now(core: Core, question: str) -> None:
    """ "Calmed" and "calmer" are the calm the examples ask about ("is quetta calm now"): they were
    words we did not know, and the questions were declined."""
    assert _decided(core, question) == [("gap", "current-situation")]


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("herof kis zuban ka lafz hai", "kalat"),
        ("operation ka lafz kya hai", "kalat"),
        ("india ne mana ya inkar kar dia", "canada"),
        ("india ne mana ya nahi", "canada"),
    ],
)
def test_a_stopword_and_a_word_are_not_a_name_two_slips_away(core: Core, question: str, name: str) -> None:
    """Two words heard as one name may be one slip from it beside a stopword, not two: "ka lafz" was
    read as Kalat, and the reply said the sources report nothing about Kalat (misleading); "mana ya"
    (accepted, or) as Canada, and "did india accept or deny" got a second reply, about Canada."""
    assert all(name not in i.uncovered_entities for i in core.router.route(question).intents)
    assert name not in core.router.normalise(question)
    assert _decided(core, question)[-1] != ("gap", None)


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("بیکر کون ہیں اور اس نے کیا کہا", [("answer", "person-baker"), ("answer", "us-condemnation")]),
        ("جیسوال کون ہے؟ اس نے کیا بیان دیا", [("answer", "person-jaiswal"), ("answer", "india-rejection")]),
    ],
)
def test_urdu_he_of_two_words_points_back(core: Core, question: str, reply: list[tuple[str, str | None]]) -> None:
    """ "اس نے" (he, she) is two words, so the single-word pointers missed it and the second part was
    dropped: what the person named before said went unanswered (review 28)."""
    assert _decided(core, question) == reply
