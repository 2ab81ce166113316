"""Bank files that are not plain files, or not where they seem; keys given twice.

Before: a symlinked bank pointing anywhere was read and its lines echoed in error messages,
``/dev/zero`` exhausted memory, a FIFO hung, and ``answer: A`` followed by ``answer: B`` was
silently ``B``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from jgstudy.cli.main import main
from jgstudy.core.banks import BankErrors, load_bank, load_banks

SECRET = "机密：内部口令 hunter2"
BANK = """format: 1
id: dup
title: 重复键
questions:
  - id: q1
    type: single
    stem: 题目
    options: {A: 甲, B: 乙}
    answer: A
    answer: B
"""

posix_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX files")


def test_a_symlink_leaving_the_folder_is_refused_and_not_echoed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text(f"{SECRET}\n: : :\n", encoding="utf-8")
    banks = tmp_path / "banks"
    banks.mkdir()
    (banks / "leak.yaml").symlink_to(outside)
    assert main(["check", str(banks)]) == 1
    out = capsys.readouterr().out
    assert "符号链接指向检查的文件夹之外" in out
    assert "hunter2" not in out


def test_a_symlink_inside_the_folder_is_still_read(tmp_path: Path) -> None:
    real = tmp_path / "banks" / "real"
    real.mkdir(parents=True)
    source = Path(__file__).parents[1] / "data" / "banks" / "sample.yaml"
    (real / "bank.yaml").write_bytes(source.read_bytes())
    (tmp_path / "banks" / "alias.yaml").symlink_to(real / "bank.yaml")
    banks, problems = load_banks([tmp_path / "banks"])
    assert [p.message for p in problems if "符号链接" in p.message] == []
    assert len(banks) == 2  # (the two then clash on their id: a separate, located problem)


@posix_only
def test_dev_zero_is_refused_at_once(tmp_path: Path) -> None:
    link = tmp_path / "zero.yaml"
    link.symlink_to("/dev/zero")
    with pytest.raises(BankErrors, match="不是普通文件"):
        load_bank(link)  # named directly: followed, then refused as a device
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "zero.yaml").symlink_to("/dev/zero")
    _banks, problems = load_banks([folder])
    assert [p.message for p in problems] == ["符号链接指向检查的文件夹之外，已拒绝"]


HANGS = """
import sys
from pathlib import Path
from jgstudy.core.banks import BankErrors, load_bank, load_banks
try:
    load_bank(Path(sys.argv[1]))
except BankErrors as e:
    print(e.problems[0].message)
print(load_banks([Path(sys.argv[1]).parent])[1][0].message)
"""


@posix_only
def test_a_fifo_is_refused_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    run = subprocess.run(
        [sys.executable, "-c", HANGS, str(fifo)], capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == ["不是普通文件（设备、管道或套接字），已拒绝"] * 2


def test_a_file_growing_past_the_limit_is_cut_at_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jgstudy.core.banks import loader

    monkeypatch.setattr(loader, "MAX_BYTES", 100)
    big = tmp_path / "big.yaml"
    big.write_text("a: " + "x" * 500)
    with pytest.raises(BankErrors, match="文件过大"):
        load_bank(big)


def test_each_duplicate_key_is_reported_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "dup.yaml"
    path.write_text(BANK.replace("format: 1\n", "format: 1\nid: again\n"), encoding="utf-8")
    with pytest.raises(BankErrors) as caught:
        load_bank(path)
    found = [(p.line, p.column, p.message) for p in caught.value.problems]
    assert found == [
        (3, 1, "键“id”重复（第 2 行已有），两个值只会保留一个"),
        (11, 5, "键“answer”重复（第 10 行已有），两个值只会保留一个"),
    ]


def test_merge_keys_may_still_override(tmp_path: Path) -> None:
    from jgstudy.core.banks.yamlsafe import parse

    assert parse("base: &b {x: 1}\nitem:\n  <<: *b\n  x: 2\n") == {
        "base": {"x": 1},
        "item": {"x": 2},
    }
