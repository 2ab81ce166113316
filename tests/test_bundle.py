"""The desktop bundle runs on a machine without Python or uv (built by packaging/build.py).

Slow: building takes minutes. ``JGSTUDY_BUNDLE=dist/jgstudy`` tests a bundle built before
instead of building one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        sys.platform == "win32", reason="the Windows bundle is tested by its CI job"
    ),
]


@pytest.fixture(scope="module")
def bundle() -> Path:
    given = os.environ.get("JGSTUDY_BUNDLE")
    if given:
        return Path(given).resolve()
    subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build.py"), "--no-archive"],
        check=True,
        cwd=ROOT,
        capture_output=True,
    )
    return ROOT / "dist" / "jgstudy"


def bare_environment(tmp_path: Path) -> dict[str, str]:
    """No Python, no uv: PATH is an empty folder; only what a desktop session would have."""
    empty = tmp_path / "empty-path"
    empty.mkdir()
    env = {
        "PATH": str(empty),
        "HOME": str(tmp_path / "home"),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_RUNTIME_DIR": str(tmp_path),
    }
    assert shutil.which("python3", path=env["PATH"]) is None
    assert shutil.which("uv", path=env["PATH"]) is None
    return env


def test_the_bundle_holds_the_banks_migrations_schema_and_desktop_files(bundle: Path) -> None:
    internal = bundle / "_internal" / "jgstudy"
    assert (internal / "question_banks" / "wh2025").is_dir()
    assert (internal / "question_banks" / "exams").is_dir()
    assert (internal / "question_banks" / "competitions").is_dir()
    assert (internal / "core" / "storage" / "migrations" / "env.py").is_file()
    assert (internal / "resources" / "schema" / "bank.schema.json").is_file()
    assert (bundle / "share" / "applications" / "jgstudy.desktop").is_file()
    assert (bundle / "share" / "icons" / "hicolor" / "256x256" / "apps" / "jgstudy.png").is_file()
    assert os.access(bundle / "install.sh", os.X_OK)
    assert not list(bundle.rglob("libQt6WebEngine*")) and not list(bundle.rglob("libQt6Quick*"))


def test_the_cli_answers_from_stdin_without_python(bundle: Path, tmp_path: Path) -> None:
    env = bare_environment(tmp_path)
    data = tmp_path / "data"
    version = subprocess.run(
        [str(bundle / "jgstudy"), "--version"], env=env, capture_output=True, text=True, check=True
    )
    assert version.stdout.startswith("jgstudy ")
    done = subprocess.run(
        [str(bundle / "jgstudy"), "--data-dir", str(data), "practice", "--user", "测试",
         "--limit", "2"],
        input="A\nA\n对\nq\n", env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert "[1/2]" in done.stdout
    assert (data / "jgstudy.sqlite3").is_file()  # the data folder is the user's, not the bundle's
    assert not list(bundle.rglob("*.sqlite3"))


def test_the_desktop_starts_and_stays_up(bundle: Path, tmp_path: Path) -> None:
    env = bare_environment(tmp_path)
    process = subprocess.Popen(
        [str(bundle / "jgstudy"), "--data-dir", str(tmp_path / "data")],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        time.sleep(15)
        assert process.poll() is None, process.communicate()[1]
    finally:
        process.terminate()
        _out, err = process.communicate(timeout=30)
    assert "Traceback" not in err
