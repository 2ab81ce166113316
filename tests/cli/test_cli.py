"""The command line, in-process and as a real subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from jgstudy.cli.main import main

DATA = Path(__file__).parents[1] / "data"


def run(tmp_path: Path, *args: str) -> int:
    return main(["--data-dir", str(tmp_path), *args])


def test_check_passes_a_valid_bank(
    capsys: pytest.CaptureFixture[str], sample_bank: Path, tmp_path: Path
) -> None:
    assert run(tmp_path, "check", str(sample_bank)) == 0
    assert "共 6 题" in capsys.readouterr().out


def test_check_prints_every_error_with_its_place(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = DATA / "broken" / "broken.yaml"
    assert run(tmp_path, "check", str(broken)) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 9
    assert lines[0] == f"{broken}:9:13: 答案 D 不在选项中（选项为 A、B、C）"


def test_import_then_practice_then_stats(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    sample_bank: Path,
    tmp_path: Path,
) -> None:
    assert run(tmp_path, "import", str(sample_bank)) == 0
    assert "新增 6 题" in capsys.readouterr().out
    assert run(tmp_path, "import", str(sample_bank)) == 0
    assert "新增 0 题" in capsys.readouterr().out
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("C\nA B\nx\n错\nu\n对\nq\n"))
    assert run(tmp_path, "practice", "--user", "张三", "--unit", "审计局", "--order", "bank") == 0
    out = capsys.readouterr().out
    assert "✔ 正确" in out
    assert "✘ 错误。正确答案：ABD" in out
    assert "无法识别的答案" in out
    assert "作答 3 题，正确 2 题" in out  # the undone wrong judge answer does not count
    assert run(tmp_path, "stats", "--user", "张三") == 0
    assert "累计作答：3" in capsys.readouterr().out


def test_stats_for_an_unknown_user_is_a_clear_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert run(tmp_path, "stats", "--user", "无此人") == 2
    assert "没有名为 无此人 的用户" in capsys.readouterr().err


def test_the_installed_command_runs_as_a_subprocess(tmp_path: Path, sample_bank: Path) -> None:
    env = {**os.environ, "JGSTUDY_DB": f"sqlite:///{tmp_path / 'env.sqlite3'}"}
    command = [sys.executable, "-m", "jgstudy.cli.main", "--data-dir", str(tmp_path)]
    imported = subprocess.run(
        [*command, "import", str(sample_bank)], env=env, capture_output=True, text=True, check=False
    )
    assert imported.returncode == 0, imported.stderr
    assert (tmp_path / "env.sqlite3").exists()  # JGSTUDY_DB was used, not the data folder default
    practice = subprocess.run(
        [*command, "practice", "--user", "赵六", "--limit", "1", "--order", "bank"],
        env=env,
        input="C\n",
        capture_output=True,
        text=True,
        check=False,
    )
    assert practice.returncode == 0, practice.stderr
    assert "作答 1 题，正确 1 题" in practice.stdout


def test_a_closed_output_pipe_ends_practice_quietly(tmp_path: Path, sample_bank: Path) -> None:
    command = [sys.executable, "-m", "jgstudy.cli.main", "--data-dir", str(tmp_path)]
    subprocess.run([*command, "import", str(sample_bank)], capture_output=True, check=True)
    # `jgstudy practice … | head -1`: the reader closes the pipe after its first line.
    practice = subprocess.Popen(
        [*command, "practice", "--user", "赵六"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert practice.stdout is not None and practice.stdin is not None
    practice.stdout.readline()
    practice.stdout.close()
    _out, err = practice.communicate(input=b"C\n" * 20, timeout=60)
    assert b"Traceback" not in err and b"BrokenPipe" not in err, err.decode()
    assert practice.returncode == 1


def test_an_import_leaves_the_sibling_relation_stored_for_later_starts(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The next process (a cadre's practice, an exam draw) reads it instead of searching."""
    from jgstudy.core import service as service_module
    from jgstudy.core.paths import database_url
    from jgstudy.core.services import open_services

    assert run(tmp_path, "import", str(DATA / "lint" / "leaky.yaml")) == 0

    def no_search(_items: object) -> object:
        raise AssertionError("searched again")

    monkeypatch.setattr(service_module, "sibling_groups", no_search)
    later = open_services(database_url(None, tmp_path))
    try:
        assert later.study.siblings()
    finally:
        later.close()
