"""The `factbot` command: ask questions, check the facts, run the bot, report what went unanswered.

Usage:
    factbot ask "who claimed the attacks?"
    printf 'death toll?\nwho did it\n' | factbot ask --json
    factbot check
    factbot run [--base-url URL] [--webhook-url URL]
    factbot report unanswered [--data DIR]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import secrets
import sys
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlsplit

from telegram import Update

from bot.config import Settings, load_settings
from bot.core import Core, CoreRef, build_core
from bot.errors import ConfigError, FactBaseError
from bot.logs import configure_logging
from bot.render import render_text
from bot.store import Store

log = logging.getLogger("factbot")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factbot",
        description="Answers questions about a news story from a curated, cited fact base.",
    )
    parser.add_argument(
        "--facts",
        type=Path,
        help="folder of fact YAML files (default: $FACTBOT_FACTS_DIR, else ./facts)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ask = commands.add_parser("ask", help="answer a question and print it as a reader sees it")
    ask.add_argument("question", nargs="?", help="the question; without it, one question per line on stdin")
    ask.add_argument("--json", action="store_true", help="one JSON object per answer, one per line")

    commands.add_parser("check", help="validate the fact base; exits 1 and lists file:line problems")

    run = commands.add_parser("run", help="run the Telegram bot (long polling unless --webhook-url)")
    run.add_argument(
        "--base-url",
        help="Bot API base URL, as python-telegram-bot's base_url (default https://api.telegram.org/bot)",
    )
    run.add_argument("--webhook-url", help="public HTTPS URL Telegram posts updates to (enables webhook mode)")
    report = commands.add_parser("report", help="operator reports from the bot's database")
    report.add_argument("what", choices=["unanswered"], help="unanswered: most frequent questions not answered well")
    report.add_argument("--data", type=Path, help="data folder of the SQLite database (default ./data)")
    run.add_argument("--data", type=Path, help="data folder for the SQLite database (default ./data)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        overrides = {"facts_dir": args.facts, "data_dir": getattr(args, "data", None)}
        if args.command == "run":
            overrides |= {"base_url": args.base_url, "webhook_url": args.webhook_url}
        settings = load_settings(**overrides)
        if args.command == "check":
            return _check(settings)
        if args.command == "run":
            return _run(settings)
        if args.command == "report":
            return asyncio.run(_report_unanswered(settings))
        core = build_core(settings.facts_dir, thresholds=settings.thresholds)
        return _ask(core, args.question, as_json=args.json)
    except FactBaseError as exc:
        print(f"factbot: the fact base has {len(exc.problems)} problem(s):", file=sys.stderr)
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    except ConfigError as exc:
        print(f"factbot: {exc}", file=sys.stderr)
        return 2


def _check(settings: Settings) -> int:
    core = build_core(settings.facts_dir, thresholds=settings.thresholds)
    base = core.factbase
    examples = sum(len(f.examples) for f in base.facts) + sum(len(g.examples) for g in base.gaps)
    print(
        f"ok: {len(base.facts)} facts, {len(base.gaps)} gaps, {len(base.sources)} source(s), "
        f"{examples} examples, version {base.version}"
    )
    return 0


async def _report_unanswered(settings: Settings) -> int:
    path = settings.data_dir / "factbot.sqlite3"
    if not path.exists():
        print(f"factbot: no database at {path} (has the bot run? see --data)", file=sys.stderr)
        return 1
    async with Store(path) as store:
        rows = await store.unanswered(50)
    for question, count in rows:
        print(f"{count:6d}  {question}")
    if not rows:
        print("nothing unanswered yet")
    return 0


def _run(settings: Settings) -> int:
    from bot.chat.app import build_application

    configure_logging(settings.log_level)
    settings.require_token()
    core = CoreRef(build_core(settings.facts_dir, thresholds=settings.thresholds))
    store = Store(settings.data_dir / "factbot.sqlite3")
    app = build_application(settings, core, store)
    log.info("facts version %s loaded; starting", core.current.factbase.version)
    if settings.webhook_url:
        secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else secrets.token_urlsafe(32)
        app.run_webhook(
            listen=settings.webhook_listen,
            port=settings.webhook_port,
            url_path=urlsplit(settings.webhook_url).path.lstrip("/"),
            webhook_url=settings.webhook_url,
            secret_token=secret,
            allowed_updates=Update.ALL_TYPES,
        )
    else:
        app.run_polling(allowed_updates=Update.ALL_TYPES)
    log.info("stopped cleanly")
    return 0


def _ask(core: Core, question: str | None, *, as_json: bool) -> int:
    questions = [question] if question is not None else (line.rstrip("\n") for line in sys.stdin)
    for text in questions:
        routing, answer = core.ask(text)
        if as_json:
            record = {
                "question": text,
                "answered": answer.answered,
                "decisions": [i.decision for i in routing.intents],
                "text": render_text(answer),
                "facts": list(answer.fact_ids),
                "score": round(routing.score, 1),
            }
            print(json.dumps(record, ensure_ascii=False), flush=True)
        else:
            print(render_text(answer))
    return 0


if __name__ == "__main__":
    sys.exit(main())
