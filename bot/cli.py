"""The `factbot` command: ask questions, check the facts, run the bot, report what went unanswered.

Usage (`--facts DIR` may come before or after the command):
    factbot ask "who claimed the attacks?"
    factbot ask "حملے کس نے کیے؟"        # answered in Urdu; --language en|ur|auto
    factbot ask                      # on a terminal: a question per line, Ctrl-D ends
    printf 'death toll?\nwho did it\n' | factbot ask --json
    factbot check
    factbot run [--base-url URL] [--webhook-url URL]
    factbot health                   # is the running bot serving? (exit 0 if so)
    factbot report unanswered [--data DIR]
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import secrets
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from bot.config import Settings, load_settings
from bot.errors import ConfigError, FactBaseError
from bot.language import LANGUAGES, NAMES, Language, language_of
from bot.logs import configure_logging, redact

if TYPE_CHECKING:
    from bot.core import Core

# Each command imports what only it needs (the core, the store, asyncio, the Telegram layer) when it
# runs: `factbot health` and a start-up that fails on its settings need none of them, and every
# process started pays for what it imports.

log = logging.getLogger("factbot")


def _parser() -> argparse.ArgumentParser:
    # `--facts` on the main parser and on every command, so it may come before or after the
    # command; SUPPRESS keeps a command's parser from overwriting a value given before it.
    facts = argparse.ArgumentParser(add_help=False)
    facts.add_argument(
        "--facts",
        type=Path,
        default=argparse.SUPPRESS,
        help="folder of fact YAML files (default: $FACTBOT_FACTS_DIR, else ./facts)",
    )
    parser = argparse.ArgumentParser(
        prog="factbot",
        description="Answers questions about a news story from a curated, cited fact base.",
        parents=[facts],
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ask = commands.add_parser("ask", parents=[facts], help="answer a question and print it as a reader sees it")
    ask.add_argument(
        "question",
        nargs="?",
        help="the question; without it, one question per line (a prompt on a terminal, Ctrl-D ends)",
    )
    ask.add_argument("--json", action="store_true", help="one JSON object per answer, one per line")
    ask.add_argument(
        "--language",
        choices=["auto", *LANGUAGES],
        default="auto",
        help="answer in English (en) or Urdu (ur); auto (the default): in the language of each question's script",
    )

    commands.add_parser("check", parents=[facts], help="validate the fact base; exits 1 and lists file:line problems")

    run = commands.add_parser("run", parents=[facts], help="run the Telegram bot (long polling unless --webhook-url)")
    run.add_argument(
        "--base-url",
        help="Bot API base URL, as python-telegram-bot's base_url (default https://api.telegram.org/bot)",
    )
    run.add_argument("--webhook-url", help="public HTTPS URL Telegram posts updates to (enables webhook mode)")
    run.add_argument("--data", type=Path, help="data folder for the SQLite database (default ./data)")
    commands.add_parser(
        "health",
        parents=[facts],
        help="ask the running bot whether it is serving (its health endpoint); exits 0 if so, 1 if not",
    )
    report = commands.add_parser("report", parents=[facts], help="operator reports from the bot's database")
    report.add_argument(
        "what", choices=["unanswered"], help="unanswered: the questions most often not answered with a fact"
    )
    report.add_argument("--data", type=Path, help="data folder of the SQLite database (default ./data)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # Opt into PTB's next-major time periods (timedelta) now: with ints, every 429 logs a deprecation
    # warning. `retry_after_seconds` reads either, so an operator's PTB_TIMEDELTA=false still works.
    os.environ.setdefault("PTB_TIMEDELTA", "1")
    args = _parser().parse_args(argv)
    try:
        overrides = {"facts_dir": getattr(args, "facts", None), "data_dir": getattr(args, "data", None)}
        if args.command == "run":
            overrides |= {"base_url": args.base_url, "webhook_url": args.webhook_url}
        settings = load_settings(**overrides)
        if args.command == "check":
            return _check(settings)
        if args.command == "run":
            return _run(settings)
        if args.command == "health":
            return _health(settings)
        if args.command == "report":
            import asyncio

            return asyncio.run(_report_unanswered(settings))
        from bot.core import build_core

        core = build_core(settings.facts_dir, thresholds=settings.thresholds, cache_dir=settings.cache_dir)
        return _ask(core, args.question, as_json=args.json, language=language_of(args.language))
    except FactBaseError as exc:
        print(f"factbot: the fact base has {len(exc.problems)} problem(s):", file=sys.stderr)
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    except ConfigError as exc:
        print(f"factbot: {redact(str(exc))}", file=sys.stderr)
        return 2


def _check(settings: Settings) -> int:
    from bot.core import build_core

    core = build_core(settings.facts_dir, thresholds=settings.thresholds, cache_dir=settings.cache_dir)
    base = core.factbase
    by_language = ", ".join(f"{r.choice_count} {NAMES[lang]}" for lang, r in core.router.by_language.items())
    print(
        f"ok: {len(base.facts)} facts, {len(base.gaps)} gaps, {len(base.sources)} source(s), "
        f"{core.router.choice_count} example questions ({by_language}; each fact's own question and its examples), "
        f"version {base.version}"
    )
    return 0


async def _report_unanswered(settings: Settings) -> int:
    from bot.store import SQLiteStore, Store, open_store

    store: Store = open_store(settings)
    if isinstance(store, SQLiteStore) and not store.path.exists():
        print(f"factbot: no database at {store.path} (has the bot run? see --data)", file=sys.stderr)
        return 1
    async with store:
        rows = await store.unsure_questions(50)
    for question, count in rows:
        print(f"{count:6d}  {question}")
    if not rows:
        print("nothing unanswered yet")
    return 0


def _health(settings: Settings) -> int:
    from bot.chat.health import probe

    serving, line = probe(settings.health_port)
    print(line if serving else f"factbot: {line}", file=sys.stdout if serving else sys.stderr)
    return 0 if serving else 1


def _run(settings: Settings) -> int:
    import asyncio

    from bot.chat.app import build_application
    from bot.chat.serve import run
    from bot.core import ServingCore, build_core
    from bot.store import open_store

    token = settings.require_token().get_secret_value()
    secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else secrets.token_urlsafe(32)
    database = urlsplit(settings.database_url.get_secret_value()).password if settings.database_url else None
    configure_logging(settings.log_level, secrets=(token, secret, database or ""))
    store = open_store(settings)  # opened by the application as it starts (`app.initialize`)
    serving = ServingCore(build_core(settings.facts_dir, thresholds=settings.thresholds, cache_dir=settings.cache_dir))
    app = build_application(settings, serving, store)
    asyncio.run(run(app, settings, secret))
    log.info("stopped cleanly")
    return 0


def _questions(question: str | None) -> Iterator[str]:
    """The one question given, else a line at a time: with a prompt on a terminal, until Ctrl-D."""
    if question is not None:
        yield question
    elif sys.stdin.isatty():
        print("Ask a question and press Enter; Ctrl-D ends.", file=sys.stderr)
        while True:
            try:
                yield input("> ")
            except EOFError:
                print(file=sys.stderr)
                return
    else:
        yield from (line.rstrip("\n") for line in sys.stdin)


def _ask(core: Core, question: str | None, *, as_json: bool, language: Language | None) -> int:
    """Answer each question; a reader that stops early (`| head`) ends the run quietly."""
    try:
        _answer_each(core, question, as_json=as_json, language=language)
    except BrokenPipeError:
        # Python's documented recipe: point stdout at devnull so the flush at exit cannot fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def _answer_each(core: Core, question: str | None, *, as_json: bool, language: Language | None) -> None:
    from bot.render import render_text

    for index, text in enumerate(_questions(question)):
        routing, answer = core.ask(text, language)
        if as_json:
            record = {
                "question": text,
                "answered": answer.answered,
                "decisions": [i.decision for i in routing.intents],
                "text": render_text(answer),
                "facts": list(answer.fact_ids),
                "score": round(routing.score, 1),
                "language": answer.language,
            }
            print(json.dumps(record, ensure_ascii=False), flush=True)
        else:
            print(("\n" if index else "") + render_text(answer), flush=True)


if __name__ == "__main__":
    sys.exit(main())
