"""Health: whether the running bot is alive and serving, for `factbot health` and Docker's HEALTHCHECK.

The bot answers GET http://127.0.0.1:FACTBOT_HEALTH_PORT/healthz in polling and webhook mode alike:
200 while the application runs, takes updates (long polling, or the webhook's listener) and its
background tasks are alive; 503 with the reasons otherwise. Either way the body says which facts
version is served and how the last reload went. A reload that failed does not make the bot
unhealthy: it goes on serving the last good facts, and the report says so.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

if TYPE_CHECKING:  # for annotations only: `factbot health` (probe) then starts without telegram's modules
    from bot.chat.context import App

PATH = "/healthz"


def status(app: App, mode: str, taking_updates: Callable[[], bool]) -> dict[str, Any]:
    services = app.bot_data
    problems = [] if app.running else ["the application is not running"]
    if not taking_updates():
        problems.append("long polling has stopped" if mode == "polling" else "the webhook listener has stopped")
    problems += [f"{task.get_name()} has stopped" for task in services.background if task.done()]
    last = services.reloader.last
    return {
        "serving": not problems,
        "problems": problems,
        "mode": mode,
        "facts_version": services.serving.current.version,
        "last_reload": None
        if last is None
        else {
            "ok": last.ok,
            "at": time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(last.at)),
            "problems": len(last.problems),
        },
    }


def health_app(app: App, mode: str, taking_updates: Callable[[], bool]) -> Starlette:
    async def healthz(request: Request) -> JSONResponse:
        report = status(app, mode, taking_updates)
        return JSONResponse(report, status_code=200 if report["serving"] else 503)

    return Starlette(routes=[Route(PATH, healthz, methods=["GET"])])


def probe(port: int, *, timeout: float = 5.0) -> tuple[bool, str]:
    """Ask the running bot; whether it is serving, and one line that says so (or why not)."""
    url = f"http://127.0.0.1:{port}{PATH}"
    try:
        response = httpx.get(url, timeout=timeout, trust_env=False)
        report = response.json()
        serving, mode, version = bool(report["serving"]), report["mode"], report["facts_version"]
    except httpx.HTTPError as exc:
        return False, f"no bot answers at {url} ({type(exc).__name__}): is it running, with this FACTBOT_HEALTH_PORT?"
    except (ValueError, KeyError, TypeError):
        return False, f"{url} answered {response.status_code}, but not with a factbot health report"
    if not serving:
        return False, f"the bot is not serving: {'; '.join(report['problems'])}"
    last = report.get("last_reload")
    if last is None:
        reload = "no reload since it started"
    elif last["ok"]:
        reload = f"last reload ok at {last['at']}"
    else:
        reload = f"the last reload failed at {last['at']} ({last['problems']} problems; `factbot check` lists them)"
    return True, f"ok: serving facts version {version} ({mode}); {reload}"
