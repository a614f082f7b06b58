"""Health: `factbot health` says whether the running bot serves, not whether the files on disk are
valid. A bad edit leaves it serving the last good facts, and healthy; a stopped bot is not."""

from __future__ import annotations

from pathlib import Path

import aiohttp

from bot.chat.serve import running
from bot.core import Core
from tests.botapi import BotAPIServer
from tests.conftest import application, bot_settings
from tests.ports import free_port
from tests.test_run import factbot_health, start_bot, stop_bot

ADMIN = 4242


async def test_health_holds_through_a_bad_edit_and_fails_once_the_bot_stops(
    api: BotAPIServer, facts_copy: Path, tmp_path: Path
) -> None:
    port = free_port()
    env = {
        "FACTBOT_DATA_DIR": str(tmp_path),
        "FACTBOT_FACTS_DIR": str(facts_copy),
        "FACTBOT_HEALTH_PORT": str(port),
        "FACTBOT_ADMIN_IDS": f"[{ADMIN}]",
    }
    process = await start_bot("--base-url", api.base_url, env=env)
    try:
        await api.wait_for(lambda: api.calls_of("getUpdates"), timeout=30)
        code, said = await factbot_health(port)
        assert code == 0 and "(polling); no reload since it started" in said, said
        version = said.split("version ")[1].split()[0]

        path = facts_copy / "claim.yaml"
        path.write_text(path.read_text().replace("topic: claim", "topic: [claim", 1))
        await api.wait_for(lambda: any("did not reload" in m["text"] for m in api.sent_to(ADMIN)), timeout=15)
        code, said = await factbot_health(port)
        assert code == 0 and f"serving facts version {version} (polling); the last reload failed" in said, said
    finally:
        await stop_bot(process)
    code, said = await factbot_health(port)
    assert code == 1 and len(said.strip().splitlines()) == 1 and "no bot answers" in said, said


async def test_the_endpoint_says_503_when_updates_stop_coming_in(api: BotAPIServer, tmp_path: Path, core: Core) -> None:
    settings = bot_settings(api, tmp_path, health_port=free_port())
    app = application(settings, core=core)
    url = f"http://127.0.0.1:{settings.health_port}/healthz"
    async with running(app, settings, "s3cret-value"), aiohttp.ClientSession() as http:
        async with http.get(url) as response:
            report = await response.json()
            assert response.status == 200 and report["serving"] and report["mode"] == "polling"
            assert report["facts_version"] == app.bot_data.serving.current.version
        assert app.updater is not None
        await app.updater.stop()
        async with http.get(url) as response:
            assert response.status == 503 and (await response.json())["problems"] == ["long polling has stopped"]
