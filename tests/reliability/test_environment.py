"""Environment failures: one Chinese sentence and a non-zero exit, the traceback in the log.

Disk full, read-only files and folders, an unreachable server and a malformed ``--db`` used to
print tracebacks. Tests run as root in CI, where permission bits do not stop writes; the
read-only cases therefore use files whose mode has no write bit (jgstudy honours the mode), and
disk full is simulated at the failing call.
"""

from __future__ import annotations

import errno
import io
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from jgstudy.cli.main import main
from jgstudy.core.backup import restorable_problem
from jgstudy.core.logs import log_path
from jgstudy.core.storage.engine import check_writable

Capsys = pytest.CaptureFixture[str]


def run(folder: Path, *args: str) -> int:
    return main(["--data-dir", str(folder), *args])


def one_sentence(err: str) -> str:
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("错误：")
    return lines[0]


@pytest.fixture
def folder(tmp_path: Path, sample_bank: Path, capsys: Capsys) -> Path:
    assert run(tmp_path, "import", str(sample_bank)) == 0
    capsys.readouterr()
    return tmp_path


def test_a_read_only_database_is_one_sentence_and_leaves_no_read_only_shm(
    folder: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = folder / "jgstudy.sqlite3"
    for leftover in ("-wal", "-shm"):
        Path(f"{db}{leftover}").unlink(missing_ok=True)
    db.chmod(0o444)
    monkeypatch.setattr("sys.stdin", io.StringIO("C\nq\n"))
    assert run(folder, "practice", "--user", "张三") == 2
    assert "只读" in one_sentence(capsys.readouterr().err)
    assert not Path(f"{db}-shm").exists()
    db.chmod(0o644)  # fixed: the next session writes as before
    monkeypatch.setattr("sys.stdin", io.StringIO("C\nq\n"))
    assert run(folder, "practice", "--user", "张三") == 0
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT COUNT(*) FROM review_logs").fetchone()[0] == 1
    conn.close()


def test_a_read_only_shm_left_behind_is_repaired(folder: Path) -> None:
    db = folder / "jgstudy.sqlite3"
    shm = Path(f"{db}-shm")
    shm.write_bytes(b"")
    shm.chmod(0o444)
    check_writable(db)  # what every open of the database does first
    assert shm.stat().st_mode & stat.S_IWUSR


def test_a_read_only_data_folder_is_one_sentence(folder: Path, capsys: Capsys) -> None:
    (folder / "jgstudy.sqlite3").unlink()
    folder.chmod(0o555)
    try:
        assert run(folder, "import") == 2
    finally:
        folder.chmod(0o755)
    assert "只读" in one_sentence(capsys.readouterr().err)


@pytest.mark.parametrize(
    "failure",
    [
        OSError(errno.ENOSPC, "No space left on device", "/data/jgstudy.sqlite3"),
        sqlite3.OperationalError("database or disk is full"),
        OSError(errno.EROFS, "Read-only file system", "/data"),
        sqlite3.OperationalError("attempt to write a readonly database"),
        OSError(errno.EIO, "Input/output error"),
    ],
    ids=["ENOSPC", "SQLITE_FULL", "EROFS", "SQLITE_READONLY", "EIO"],
)
def test_disk_full_and_read_only_file_systems_are_one_sentence(
    folder: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch, failure: Exception
) -> None:
    def fail(*_args: object, **_kwargs: object) -> object:
        raise failure

    monkeypatch.setattr("jgstudy.core.backup.check_file", fail)
    monkeypatch.setattr("jgstudy.cli.db.check_file", fail)
    assert run(folder, "db", "check") == 2
    sentence = one_sentence(capsys.readouterr().err)
    assert any(word in sentence for word in ("磁盘", "只读"))
    logged = log_path(folder).read_text(encoding="utf-8")
    assert "Traceback" in logged and type(failure).__name__ in logged


def test_debug_shows_the_traceback(
    folder: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*_args: object, **_kwargs: object) -> object:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("jgstudy.cli.db.check_file", fail)
    assert main(["--debug", "--data-dir", str(folder), "db", "check"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" in err and "磁盘空间已满" in err


def test_a_bug_is_reported_with_the_log_path(
    folder: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*_args: object, **_kwargs: object) -> object:
        raise KeyError("bug")

    monkeypatch.setattr("jgstudy.cli.db.check_file", fail)
    assert run(folder, "db", "check") == 70
    err = capsys.readouterr().err
    assert "Traceback" not in err and str(log_path(folder)) in err
    assert "KeyError" in log_path(folder).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "url",
    [
        "postgresql+psycopg://jg:secret@127.0.0.1:1/jgstudy",
        "postgresql+psycopg://jg@127.0.0.1:1/jgstudy?password=secret",
        "not a url at all",
        "nosuchdb://x/y",
        "postgresql+psycopg://jg:secret@127.0.0.1:notaport/jgstudy",
    ],
)
def test_unreachable_servers_and_malformed_urls_are_one_sentence(
    tmp_path: Path, capsys: Capsys, url: str
) -> None:
    for command in (["stats", "--user", "张三"], ["db", "check"]):
        assert main(["--data-dir", str(tmp_path), "--db", url, *command]) == 2
        err = capsys.readouterr().err
        one_sentence(err)
        assert "secret" not in err


def test_db_check_hides_a_password_given_in_the_query(tmp_path: Path, capsys: Capsys) -> None:
    """Before: ``?password=`` was printed as is (only ``user:pw@`` was masked)."""
    url = "postgresql+psycopg://jg@127.0.0.1:1/jgstudy?password=hunter2&sslpassword=s3&x=1"
    assert main(["--data-dir", str(tmp_path), "--db", url, "db", "check"]) == 2
    err = capsys.readouterr().err
    assert "hunter2" not in err and "s3" not in err


def test_restore_refuses_a_foreign_file_with_an_alembic_version_table(
    folder: Path, capsys: Capsys
) -> None:
    """Before: another program's SQLite file with ``alembic_version`` was restored and migrated."""
    foreign = folder / "other-app.sqlite3"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
    conn.execute("INSERT INTO alembic_version VALUES ('0001')")
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
    conn.commit()
    conn.close()
    assert "不是 jgstudy 数据库" in (restorable_problem(foreign) or "")
    before = (folder / "jgstudy.sqlite3").read_bytes()
    assert run(folder, "db", "restore", str(foreign)) == 2
    assert "不是 jgstudy 数据库" in capsys.readouterr().err
    assert (folder / "jgstudy.sqlite3").read_bytes() == before
    conn = sqlite3.connect(foreign)
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == [
        "alembic_version",
        "invoices",
    ]
    conn.close()


def test_a_log_file_that_cannot_be_written_prints_no_traceback(
    folder: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Disk full: logging itself fails; the user still sees only the sentence."""

    def full(*_args: object, **_kwargs: object) -> object:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("jgstudy.cli.db.check_file", full)
    monkeypatch.setattr("jgstudy.core.logs._QuietFileHandler.shouldRollover", full)
    assert run(folder, "db", "check") == 2
    one_sentence(capsys.readouterr().err)


FULL_DISK = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes past the limit fail with EFBIG instead
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
from jgstudy.cli.main import main
sys.exit(main(sys.argv[2:]))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX resource limits")
@pytest.mark.parametrize("limit", [0, 60_000])
def test_a_real_write_failure_in_a_whole_process_is_one_sentence(
    tmp_path: Path, sample_bank: Path, limit: int
) -> None:
    """No file may grow past ``limit`` bytes (RLIMIT_FSIZE): the database cannot be written,
    as on a full disk, in a real process."""
    args = [str(limit), "--data-dir", str(tmp_path), "import", str(sample_bank)]
    run = subprocess.run(
        [sys.executable, "-c", FULL_DISK, *args], capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 2, run.stderr
    sentence = one_sentence(run.stderr)
    assert "磁盘" in sentence


def test_names_given_on_the_command_line_are_cleaned_or_refused(
    folder: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: "张三 " became a second cadre, and an ESC in --user reached the database."""
    for name in ("张三", " 张三 ", "张三\u3000"):
        monkeypatch.setattr("sys.stdin", io.StringIO("C\nq\n"))
        assert run(folder, "practice", "--user", name, "--limit", "1") == 0
    conn = sqlite3.connect(folder / "jgstudy.sqlite3")
    assert [r[0] for r in conn.execute("SELECT name FROM users")] == ["张三"]
    conn.close()
    capsys.readouterr()
    assert run(folder, "practice", "--user", "王\x1b]52;c;aGk=\x07五") == 2
    assert "控制字符" in one_sentence(capsys.readouterr().err)
    assert run(folder, "stats", "--user", " 张三") == 0


@pytest.mark.parametrize(
    ("command", "name", "words"),
    [
        ("export-scores", "missing/张三.json.gz", "找不到文件或文件夹"),
        ("report", "missing/报告.xlsx", "找不到文件或文件夹"),
        ("export-scores", ".", "是一个文件夹"),
    ],
)
def test_an_output_path_typed_wrong_is_one_sentence_not_an_internal_error(
    folder: Path,
    capsys: Capsys,
    monkeypatch: pytest.MonkeyPatch,
    command: str,
    name: str,
    words: str,
) -> None:
    """``-o`` into a folder that does not exist, or a folder for a file: the user's to fix,
    not an 内部错误 (a bug) with exit status 70."""
    monkeypatch.setattr("sys.stdin", io.StringIO("C\nq\n"))
    assert run(folder, "practice", "--user", "张三", "--limit", "1") == 0  # the cadre exists
    capsys.readouterr()
    target = folder / name
    args = ["-o", str(target)]
    if command == "export-scores":
        args = ["--user", "张三", *args]
    assert run(folder, command, *args) == 2
    sentence = one_sentence(capsys.readouterr().err)
    assert words in sentence and "内部错误" not in sentence
