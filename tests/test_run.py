"""`factbot run` as a real process: polling and webhook against the loopback Bot API server."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import socket
import sys
import tempfile
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import aiohttp
import pytest

from tests.botapi import TOKEN, BotAPIServer, group_chat, private_chat, user
from tests.conftest import ROOT, Certificates
from tests.ports import free_port
from tests.test_chat import ask, command, mention


async def start_bot(*args: str, env: dict[str, str]) -> asyncio.subprocess.Process:
    """`factbot run`, its health endpoint on a free port unless `env` names one."""
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "run",
        *args,
        cwd=ROOT,
        env={
            **os.environ,
            "FACTBOT_TOKEN": TOKEN,
            "FACTBOT_LOG_LEVEL": "DEBUG",
            "FACTBOT_HEALTH_PORT": str(free_port()),
            **env,
        },
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


async def factbot_health(port: int) -> tuple[int, str]:
    """`factbot health` against the health endpoint on `port`: its exit code and what it printed."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "health",
        cwd=ROOT,
        env={**os.environ, "FACTBOT_HEALTH_PORT": str(port)},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    output, _ = await asyncio.wait_for(process.communicate(), timeout=30)
    assert process.returncode is not None
    return process.returncode, output.decode()


async def stop_bot(process: asyncio.subprocess.Process) -> str:
    process.send_signal(signal.SIGTERM)
    _, stderr = await asyncio.wait_for(process.communicate(), timeout=30)
    assert process.returncode == 0, stderr.decode()
    return stderr.decode()


@pytest.fixture
async def polling_bot(api: BotAPIServer, tmp_path: Path) -> AsyncIterator[asyncio.subprocess.Process]:
    process = await start_bot("--base-url", api.base_url, env={"FACTBOT_DATA_DIR": str(tmp_path)})
    await api.wait_for(lambda: api.calls_of("getUpdates"), timeout=30)
    yield process
    if process.returncode is None:
        process.kill()
        await process.wait()


async def test_run_polling_holds_private_and_group_conversations(
    polling_bot: asyncio.subprocess.Process, api: BotAPIServer
) -> None:
    [private] = await ask(api, "kitne log mare gaye?")
    assert "193" in private["text"] and "Source:" in private["text"]
    [topic] = await ask(api, "/topics", entities=command("/topics"))
    assert topic["reply_markup"]["inline_keyboard"]
    group = group_chat(-777)
    api.user_message("anyone seen the match?", chat=group, user=user(5))
    [answer] = await ask(
        api, "@FactTestBot who did it", chat=group, who=user(5), entities=mention("@FactTestBot who did it")
    )
    assert "Baloch Liberation Army" in answer["text"]
    assert len(api.sent) == 3
    stderr = await stop_bot(polling_bot)
    assert TOKEN not in stderr and TOKEN.split(":")[1] not in stderr
    assert "Traceback" not in stderr and " ERROR " not in stderr


async def test_run_webhook_checks_the_secret_on_every_request(api: BotAPIServer, tmp_path: Path) -> None:
    port, health_port = free_port(), free_port()
    url = f"http://127.0.0.1:{port}/hook"
    process = await start_bot(
        "--base-url",
        api.base_url,
        "--webhook-url",
        url,
        env={
            "FACTBOT_DATA_DIR": str(tmp_path),
            "FACTBOT_WEBHOOK_PORT": str(port),
            "FACTBOT_WEBHOOK_SECRET": "s3cret-value",
            "FACTBOT_HEALTH_PORT": str(health_port),
        },
    )
    try:
        [hook] = await api.wait_for(lambda: api.calls_of("setWebhook"), timeout=30)
        assert hook["url"] == url and hook["secret_token"] == "s3cret-value"
        message = {"message_id": 1, "date": 0, "chat": private_chat(42), "from": user(42), "text": "who did it"}
        api.messages[(42, 1)] = message
        async with aiohttp.ClientSession() as http:

            async def post(update_id: int, secret: str | None) -> int:
                headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret is not None else {}
                body = {"update_id": update_id, "message": message}
                async with http.post(url, json=body, headers=headers) as response:
                    return response.status

            for _ in range(50):
                try:
                    assert await post(1, "wrong") == 403
                    break
                except aiohttp.ClientConnectorError:
                    await asyncio.sleep(0.2)
            assert await post(2, None) == 403
            assert await post(3, "s3cret-value") == 200
        [reply] = await api.wait_for(lambda: api.sent)
        assert "Baloch Liberation Army" in reply["text"] and len(api.sent) == 1
        code, said = await factbot_health(health_port)
        assert code == 0 and said.startswith("ok: serving facts version") and "(webhook)" in said
        stderr = await stop_bot(process)
        # At DEBUG, PTB logs setWebhook's parameters, the secret among them.
        assert "setWebhook" in stderr and "s3cret-value" not in stderr and TOKEN not in stderr
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()


@pytest.mark.parametrize(
    ("token", "message"), [(None, "FACTBOT_TOKEN is not set"), ("not-a-token", "FACTBOT_TOKEN: Value error")]
)
async def test_missing_or_malformed_token_is_a_one_line_error(tmp_path: Path, token: str | None, message: str) -> None:
    env = {k: v for k, v in os.environ.items() if k != "FACTBOT_TOKEN"}
    if token is not None:
        env["FACTBOT_TOKEN"] = token
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "run",
        cwd=tmp_path,
        env={**env, "FACTBOT_FACTS_DIR": str(ROOT / "facts")},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    _, stderr = await asyncio.wait_for(process.communicate(), timeout=30)
    text = stderr.decode()
    assert process.returncode == 2 and message in text
    assert "Traceback" not in text and len(text.strip().splitlines()) == 1
    if token is not None:
        assert token not in text


async def run_once(cwd: Path, env: dict[str, str], *args: str, as_user: list[str] | None = None) -> tuple[int, str]:
    """`factbot run` that is expected to stop at start-up: its exit code and stderr."""
    process = await asyncio.create_subprocess_exec(
        *(as_user or []),
        sys.executable,
        "-m",
        "bot",
        "run",
        *args,
        cwd=cwd,
        env={**os.environ, "FACTBOT_FACTS_DIR": str(ROOT / "facts"), "FACTBOT_TOKEN": TOKEN, **env},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    _, stderr = await asyncio.wait_for(process.communicate(), timeout=30)
    assert process.returncode is not None
    return process.returncode, stderr.decode()


def _a_file(tmp_path: Path) -> str:
    (tmp_path / "a-file").write_text("not a folder")
    return str(tmp_path / "a-file")


def _a_corrupt_database(tmp_path: Path) -> str:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "factbot.sqlite3").write_bytes(b"this is not a database, it was damaged " * 40)
    return str(tmp_path / "data")


def _a_folder_where_the_database_goes(tmp_path: Path) -> str:
    (tmp_path / "data" / "factbot.sqlite3").mkdir(parents=True)
    return str(tmp_path / "data")


@pytest.mark.parametrize(
    ("env", "names"),
    [
        ({"FACTBOT_ADMIN_IDS": "[777"}, "FACTBOT_ADMIN_IDS: not valid JSON"),
        ({"FACTBOT_LOG_LEVEL": "LOUD"}, "FACTBOT_LOG_LEVEL: Input should be 'DEBUG'"),
        ({"FACTBOT_FAIR_BURST": "-1"}, "FACTBOT_FAIR_BURST: Input should be greater than or equal to 0"),
        ({"FACTBOT_DATA_DIR": _a_file}, "is a file, not a folder"),
        ({"FACTBOT_DATA_DIR": lambda tmp: _a_file(tmp) + "/data"}, "FACTBOT_DATA_DIR: cannot make the folder"),
        ({"FACTBOT_DATA_DIR": _a_corrupt_database}, "factbot.sqlite3: not a SQLite database, or damaged"),
        ({"FACTBOT_DATA_DIR": _a_folder_where_the_database_goes}, "factbot.sqlite3: the database cannot be opened"),
        ({"FACTBOT_TOKEN": "987654321:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDwrong"}, "FACTBOT_TOKEN: Telegram rejected"),
        ({"FACTBOT_WEBHOOK_CERT": "cert.pem"}, "FACTBOT_WEBHOOK_CERT and FACTBOT_WEBHOOK_KEY: set both"),
        ({"FACTBOT_WEBHOOK_KEY": "key.pem"}, "FACTBOT_WEBHOOK_CERT and FACTBOT_WEBHOOK_KEY: set both"),
        (
            {"FACTBOT_DATABASE_URL": "postgresql://factbot:hunter2-pw@127.0.0.1:1/factbot"},
            "FACTBOT_DATABASE_URL: cannot use the database at postgresql://factbot:***@127.0.0.1:1/factbot",
        ),
        ({"FACTBOT_DATABASE_URL": "sqlite:///data.db"}, "FACTBOT_DATABASE_URL: Value error, must start with postgres"),
    ],
)
async def test_a_bad_start_is_one_line_naming_the_fix(
    api: BotAPIServer, tmp_path: Path, env: dict[str, object], names: str
) -> None:
    values = {k: v(tmp_path) if callable(v) else str(v) for k, v in env.items()}
    values.setdefault("FACTBOT_DATA_DIR", str(tmp_path / "data"))
    code, stderr = await run_once(
        tmp_path, {**values, "FACTBOT_WEBHOOK_SECRET": "s3cret-value"}, "--base-url", api.base_url
    )
    assert code == 2, stderr
    assert len(stderr.strip().splitlines()) == 1 and names in stderr, stderr
    assert "Traceback" not in stderr
    for secret in (TOKEN, values.get("FACTBOT_TOKEN", TOKEN), "s3cret-value", "hunter2-pw"):
        assert secret.split(":")[-1] not in stderr


@pytest.mark.parametrize(
    ("files", "names"),
    [
        (lambda c: (c.self_signed[0].with_name("missing.pem"), c.self_signed[1]), "FACTBOT_WEBHOOK_CERT: cannot read"),
        (lambda c: (c.self_signed[0], c.signed[1]), "FACTBOT_WEBHOOK_KEY: {key} is not the private key of the cert"),
        (lambda c: (c.self_signed[1], c.self_signed[0]), "FACTBOT_WEBHOOK_CERT: {cert} holds no PEM certificate"),
    ],
    ids=["missing", "another-key", "swapped"],
)
async def test_a_certificate_that_cannot_be_used_is_one_line_before_telegram_is_asked(
    api: BotAPIServer,
    tmp_path: Path,
    certificates: Certificates,
    files: Callable[[Certificates], tuple[Path, Path]],
    names: str,
) -> None:
    cert, key = files(certificates)
    port = free_port()
    env = {
        "FACTBOT_DATA_DIR": str(tmp_path / "data"),
        "FACTBOT_WEBHOOK_PORT": str(port),
        "FACTBOT_WEBHOOK_CERT": str(cert),
        "FACTBOT_WEBHOOK_KEY": str(key),
    }
    args = ("--base-url", api.base_url, "--webhook-url", f"https://127.0.0.1:{port}/hook")
    code, stderr = await run_once(tmp_path, env, *args)
    assert code == 2 and len(stderr.strip().splitlines()) == 1, stderr
    assert names.format(cert=cert, key=key) in stderr and "Traceback" not in stderr
    assert not api.calls  # Telegram was not asked anything


@pytest.fixture
def read_only_data() -> Iterator[Path]:
    """A read-only data folder that an unprivileged user can reach (pytest's tmp_path is root's alone)."""
    top = Path(tempfile.mkdtemp())
    top.chmod(0o755)
    (top / "data").mkdir(mode=0o555)
    yield top / "data"
    shutil.rmtree(top)


async def test_a_read_only_data_folder_is_one_line(api: BotAPIServer, read_only_data: Path) -> None:
    """Root writes into read-only folders, so as root (CI) the bot runs as nobody, as in the image."""
    nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] if os.geteuid() == 0 else None
    env = {"FACTBOT_DATA_DIR": str(read_only_data)}
    code, stderr = await run_once(read_only_data.parent, env, "--base-url", api.base_url, as_user=nobody)
    assert code == 2 and "is not writable by this user" in stderr and len(stderr.strip().splitlines()) == 1, stderr


async def test_an_uncaught_error_is_redacted(tmp_path: Path) -> None:
    script = (
        "from bot.logs import configure_logging\n"
        "configure_logging('INFO', secrets=['s3cret-value'])\n"
        f"raise RuntimeError('GET /bot{TOKEN}/getMe with secret s3cret-value')\n"
    )
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", script, cwd=ROOT, stderr=asyncio.subprocess.PIPE
    )
    _, stderr = await process.communicate()
    text = stderr.decode()
    assert process.returncode == 1 and "RuntimeError" in text and "<redacted-token>" in text
    assert TOKEN not in text and "s3cret-value" not in text


async def test_a_port_in_use_is_one_line_naming_the_setting(api: BotAPIServer, tmp_path: Path) -> None:
    """The webhook's port is bound first, by the same code as the health endpoint's."""
    setting = "FACTBOT_WEBHOOK_PORT"
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        env = {"FACTBOT_DATA_DIR": str(tmp_path / "data"), "FACTBOT_HEALTH_PORT": str(free_port()), setting: str(port)}
        args = ("--base-url", api.base_url, "--webhook-url", "https://bot.example.org/hook")
        code, stderr = await run_once(tmp_path, env, *args)
    assert code == 2 and len(stderr.strip().splitlines()) == 1, stderr
    assert f"{setting}: cannot listen on 127.0.0.1:{port}" in stderr and "Traceback" not in stderr
