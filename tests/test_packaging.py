"""An installed wheel carries what the app needs at run time: banks, migrations, the schema."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(shutil.which("uv") is None, reason="uv is needed to build the wheel")
def test_the_wheel_ships_banks_migrations_and_schema(tmp_path: Path) -> None:
    subprocess.run(
        ["uv", "build", "--wheel", "--out-dir", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("jgstudy-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    banks = {p.relative_to(ROOT).as_posix() for p in (ROOT / "question_banks").rglob("*.yaml")}
    assert {f"jgstudy/{b}" for b in banks} <= names
    assert "jgstudy/core/storage/migrations/env.py" in names
    migrations = (ROOT / "src/jgstudy/core/storage/migrations/versions").glob("*.py")
    assert {f"jgstudy/core/storage/migrations/versions/{m.name}" for m in migrations} <= names
    assert "jgstudy/resources/schema/bank.schema.json" in names
