"""A process of its own with Qt's offscreen platform showing one screen of a given size and
scale factor (both are fixed when Qt starts), for tests of high-DPI and small screens."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def screen_environment(folder: Path, width: int, height: int, scale: float) -> dict[str, str]:
    """The environment for one screen of ``width``x``height`` physical pixels at ``scale``."""
    config = folder / f"screen-{width}x{height}.json"
    screen = {"name": "s", "x": 0, "y": 0, "width": width, "height": height, "dpr": 1}
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    env["QT_SCALE_FACTOR"] = str(scale)
    env["JGSTUDY_SCREEN_TEST"] = f"{width}x{height}@{scale}"
    return env


def run_on_screen(
    folder: Path, width: int, height: int, scale: float, test_file: str, select: str
) -> subprocess.CompletedProcess[str]:
    """Run the tests of ``test_file`` matching ``select`` (pytest -k) on that screen."""
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", test_file]
    command += ["-k", select]
    env = screen_environment(folder, width, height, scale)
    return subprocess.run(command, env=env, capture_output=True, text=True, check=False)


def on_screen() -> str:
    """The screen this process was started for ("" in an ordinary test run)."""
    return os.environ.get("JGSTUDY_SCREEN_TEST", "")
