"""The command line, run as a user runs it: in a fresh process."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from myk10_workshop import __version__
from myk10_workshop.app import QUIT_WHEN_READY, READY_MARKER
from myk10_workshop.paths import DATABASE_NAME

APP = [sys.executable, "-m", "myk10_workshop"]


def _env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **extra}
    env.pop(QUIT_WHEN_READY, None)
    env.update(extra)
    return env


def _run(*args: str, timeout: float = 60, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*APP, *args], capture_output=True, text=True, timeout=timeout,
                          env=_env(**env), check=False)


def _projects(database: Path) -> list[str]:
    with sqlite3.connect(database) as connection:
        return [name for (name,) in connection.execute(
            "SELECT name FROM project WHERE deleted = 0")]


def test_version() -> None:
    result = _run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"MYK10 Workshop {__version__}"


def test_unknown_option_gives_usage_and_status_2() -> None:
    result = _run("--bogus")
    assert result.returncode == 2
    assert "usage: myk10-workshop" in result.stderr
    assert "unrecognized arguments: --bogus" in result.stderr


def test_help_lists_the_options() -> None:
    result = _run("--help")
    assert result.returncode == 0
    for option in ("--data-dir", "--demo", "--version", "--self-test", "--language"):
        assert option in result.stdout


def test_self_test_passes_offscreen() -> None:
    result = _run("--self-test", timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed" in result.stdout
    assert "FAIL" not in result.stdout


def test_demo_fills_an_empty_data_folder_and_the_window_opens(tmp_path: Path) -> None:
    result = _run("--data-dir", str(tmp_path), "--demo", **{QUIT_WHEN_READY: "1"})
    assert result.returncode == 0, result.stderr
    assert READY_MARKER in result.stdout
    assert _projects(tmp_path / DATABASE_NAME) == ["Smarte Region MYK10"]
    with sqlite3.connect(tmp_path / DATABASE_NAME) as connection:
        (mode,) = connection.execute("PRAGMA journal_mode").fetchone()
    assert mode == "wal"


def _first_error_line(*args: str) -> str:
    """Start the app, read the first line it writes to stderr, then stop it (a message box
    would wait for a click)."""
    with subprocess.Popen([*APP, *args, "--language", "en"], stderr=subprocess.PIPE,
                          stdout=subprocess.DEVNULL, text=True,
                          env=_env(**{QUIT_WHEN_READY: "1"})) as process:
        try:
            assert process.stderr is not None
            return process.stderr.readline()
        finally:
            process.kill()
            process.wait(timeout=30)


def test_demo_refuses_a_folder_that_holds_projects(tmp_path: Path) -> None:
    assert _run("--data-dir", str(tmp_path), "--demo", **{QUIT_WHEN_READY: "1"}).returncode == 0
    line = _first_error_line("--data-dir", str(tmp_path), "--demo")
    assert line.startswith(f"The data folder {tmp_path} already holds projects")
    assert _projects(tmp_path / DATABASE_NAME) == ["Smarte Region MYK10"]


def test_self_test_and_demo_do_not_mix() -> None:
    result = _run("--self-test", "--demo")
    assert result.returncode == 2
    assert "--self-test and --demo cannot be combined" in result.stderr


def test_a_chosen_data_folder_starts_empty(tmp_path: Path) -> None:
    result = _run("--data-dir", str(tmp_path), **{QUIT_WHEN_READY: "1"})
    assert result.returncode == 0, result.stderr
    assert _projects(tmp_path / DATABASE_NAME) == []


@pytest.mark.skipif(sys.platform != "linux", reason="XDG_DATA_HOME decides the folder on Linux")
def test_first_start_in_the_user_data_folder_seeds_the_demo(tmp_path: Path) -> None:
    result = _run(**{QUIT_WHEN_READY: "1", "XDG_DATA_HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    database = tmp_path / "MYK10 Workshop" / DATABASE_NAME
    assert _projects(database) == ["Smarte Region MYK10"]
    assert (tmp_path / "MYK10 Workshop" / "logs").is_dir()
    # The second start keeps what is there and adds nothing.
    assert _run(**{QUIT_WHEN_READY: "1", "XDG_DATA_HOME": str(tmp_path)}).returncode == 0
    assert _projects(database) == ["Smarte Region MYK10"]


def test_database_of_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    database = tmp_path / DATABASE_NAME
    with sqlite3.connect(database) as connection:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        connection.execute("INSERT INTO alembic_version VALUES ('9999')")
    connection.close()
    before = database.read_bytes()
    line = _first_error_line("--data-dir", str(tmp_path))
    assert "saved by a newer version of MYK10 Workshop (schema 9999)" in line
    assert database.read_bytes() == before
    assert not (tmp_path / f"{DATABASE_NAME}-wal").exists()



def test_a_bug_at_start_up_is_logged_with_its_traceback(tmp_path: Path) -> None:
    assert _run("--data-dir", str(tmp_path), **{QUIT_WHEN_READY: "1"}).returncode == 0
    with sqlite3.connect(tmp_path / DATABASE_NAME) as connection:
        connection.execute("UPDATE meta SET value = 'not-a-uuid' WHERE key = 'device_id'")
    connection.close()
    result = _run("--data-dir", str(tmp_path), **{QUIT_WHEN_READY: "1"})
    assert result.returncode != 0
    logged = (tmp_path / "logs" / "myk10-workshop.log").read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in logged
    assert "badly formed hexadecimal UUID string" in logged
