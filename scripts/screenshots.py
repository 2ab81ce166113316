"""Screenshots of every view on every screen we support, in both languages and colour schemes.

    uv run python scripts/screenshots.py [--out screenshots] [--only 1280x720] [--language en]
        [--theme dark] [--font-size xlarge] [--script views]

Runs screenshots_views.py, _editor, _exam, _more (multiple-choice and judge feedback, dialogs),
_workbook and _cohort (成绩报表 → 备考准备) once per screen, language and theme (``--script more``
runs only that one), each in its own process: the scale factor (QT_SCALE_FACTOR) and the offscreen screen's
size are fixed when Qt starts. PNGs go to ``<out>/<screen>/<language>-<theme>[-<font size>]/``;
widgets found cut off are printed as ``CLIPPED …`` lines and make the exit status 1.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from jgstudy.gui.fonts import FONT_SIZES

HERE = Path(__file__).resolve().parent
SCRIPTS = ("views", "editor", "exam", "more", "workbook", "cohort")


@dataclass(frozen=True)
class Screen:
    """A physical screen: its pixels and the desktop's scaling."""

    width: int
    height: int
    scale: float = 1.0

    @property
    def name(self) -> str:
        suffix = f"@{round(self.scale * 100)}" if self.scale != 1 else ""
        return f"{self.width}x{self.height}{suffix}"

    @property
    def logical(self) -> str:
        """The window size in Qt's (device-independent) pixels: the whole screen."""
        return f"{round(self.width / self.scale)}x{round(self.height / self.scale)}"

    def environment(self, folder: Path) -> dict[str, str]:
        """Qt's offscreen platform with one screen of this size and scale."""
        config = folder / f"screen-{self.name}.json"
        screen = {"name": "screen", "x": 0, "y": 0, "width": self.width, "height": self.height}
        screen |= {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
        config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
        env = dict(os.environ)
        env["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
        env["QT_SCALE_FACTOR"] = str(self.scale)
        return env


SCREENS = (Screen(1280, 720), Screen(1600, 1000), Screen(1920, 1080, 1.5))


def run_one(
    screen: Screen, language: str, theme: str, font_size: str, out: Path, scripts: list[str]
) -> int:
    """The scripts for one screen, language, theme and text size; non-zero if any clipped."""
    folder = f"{language}-{theme}" + ("" if font_size == "normal" else f"-{font_size}")
    target = out / screen.name / folder
    options = ["--out", str(target), "--size", screen.logical, "--language", language]
    options += ["--theme", theme, "--font-size", font_size]
    status = 0
    with tempfile.TemporaryDirectory() as temp:
        env = screen.environment(Path(temp))
        for script in scripts:
            command = [sys.executable, str(HERE / f"screenshots_{script}.py"), *options]
            done = subprocess.run(command, env=env, cwd=HERE.parent, check=False)
            status |= done.returncode
    return status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=HERE.parent / "screenshots")
    parser.add_argument("--only", choices=[s.name for s in SCREENS], action="append")
    parser.add_argument("--language", choices=["zh_CN", "en"], action="append")
    parser.add_argument("--theme", choices=["light", "dark"], action="append")
    parser.add_argument("--font-size", choices=list(FONT_SIZES), default="normal")
    parser.add_argument("--script", choices=SCRIPTS, action="append")
    args = parser.parse_args(argv)
    screens = [s for s in SCREENS if not args.only or s.name in args.only]
    status = 0
    for screen in screens:
        for language in args.language or ["zh_CN", "en"]:
            for theme in args.theme or ["light", "dark"]:
                status |= run_one(
                    screen, language, theme, args.font_size, args.out, args.script or list(SCRIPTS)
                )
    return status


if __name__ == "__main__":
    sys.exit(main())
