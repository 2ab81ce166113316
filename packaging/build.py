"""Build the desktop bundle a cadre unpacks and runs: ``dist/jgstudy/`` and an archive of it.

    uv run python packaging/build.py            # bundle + archive for this machine
    uv run python packaging/build.py --no-archive

Runs the same on Linux and Windows (and macOS); everything OS-specific stays in this script.
See docs/packaging.md for why PyInstaller, what the bundle holds and the measured sizes.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST, WORK = ROOT / "dist", ROOT / "build" / "pyinstaller"
WINDOWS = sys.platform == "win32"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
# Qt modules jgstudy never uses; PyInstaller only follows imports, this keeps it so.
EXCLUDES = [
    *(f"PySide6.{m}" for m in (
        "QtWebEngineCore", "QtWebEngineWidgets", "QtWebEngineQuick", "QtWebChannel",
        "QtWebSockets", "QtQml", "QtQuick", "QtQuick3D", "QtQuickWidgets", "QtQuickControls2",
        "Qt3DCore", "Qt3DRender", "Qt3DInput", "Qt3DLogic", "Qt3DAnimation", "Qt3DExtras",
        "QtDataVisualization", "QtGraphs", "QtBluetooth", "QtNfc", "QtPositioning",
        "QtLocation", "QtSensors", "QtSerialPort", "QtSerialBus", "QtRemoteObjects",
        "QtScxml", "QtStateMachine", "QtTextToSpeech", "QtHttpServer", "QtDesigner", "QtHelp",
        "QtPdf", "QtPdfWidgets", "QtSpatialAudio", "QtTest", "QtUiTools", "QtSql",
    )),
    "tkinter", "pytest", "hypothesis", "mypy", "ruff", "IPython", "numpy", "torch",
    "PIL",  # openpyxl reads pictures with Pillow if present; jgstudy locates them itself
]  # fmt: skip
# Qt's own dialog texts in the interface languages; English needs none.
KEPT_TRANSLATIONS = ("qtbase_zh_CN.qm", "qt_zh_CN.qm", "qtmultimedia_zh_CN.qm")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-archive", action="store_true", help="只生成 dist/jgstudy/ 文件夹")
    args = parser.parse_args(argv)
    icons = make_icons(WORK / "icons")
    run_pyinstaller(write_spec(icons))
    bundle = DIST / "jgstudy"
    prune_translations(bundle)
    remove_dangling_links(bundle)
    if not WINDOWS:
        add_linux_desktop_files(bundle, icons)
    print(f"bundle: {bundle} ({size_mb(bundle):.0f} MB unpacked)")
    if not args.no_archive:
        archive = make_archive(bundle)
        print(f"archive: {archive} ({archive.stat().st_size / 2**20:.0f} MB)")
    return 0


def make_icons(folder: Path) -> dict[int, Path]:
    """PNG icons at the hicolor sizes (and a Windows .ico), drawn from the SVG by Qt."""
    folder.mkdir(parents=True, exist_ok=True)
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtGui import QGuiApplication\n"
        "app = QGuiApplication(['icons'])\n"
        "from jgstudy.gui.appicon import render\n"
        "folder = Path(sys.argv[1])\n"
        "for size in map(int, sys.argv[2:]):\n"
        "    render(size).save(str(folder / f'jgstudy-{size}.png'))\n"
        "render(256).toImage().save(str(folder / 'jgstudy.ico'))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    sizes = [str(s) for s in ICON_SIZES]
    subprocess.run([sys.executable, "-c", script, str(folder), *sizes], check=True, env=env)
    return {size: folder / f"jgstudy-{size}.png" for size in ICON_SIZES}


def write_spec(icons: dict[int, Path]) -> Path:
    icon = icons[256].with_name("jgstudy.ico") if WINDOWS else icons[256]
    extra = [m for m in ("psycopg", "psycopg_binary") if _importable(m)]  # shared databases
    text = (ROOT / "packaging" / "jgstudy.spec.in").read_text(encoding="utf-8")
    for key, value in {
        "@ROOT@": ROOT.as_posix(),
        "@WINDOWS@": repr(WINDOWS),
        "@EXCLUDES@": repr(EXCLUDES),
        "@EXTRA_HIDDEN@": repr(extra),
        "@ICON@": repr(str(icon)),
    }.items():
        text = text.replace(key, value)
    spec = WORK / "jgstudy.spec"
    spec.write_text(text, encoding="utf-8")
    return spec


def _importable(module: str) -> bool:
    from importlib.util import find_spec

    return find_spec(module) is not None


def run_pyinstaller(spec: Path) -> None:
    import PyInstaller.__main__

    PyInstaller.__main__.run(
        [str(spec), "--noconfirm", "--clean", "--log-level=WARN",
         "--distpath", str(DIST), "--workpath", str(WORK)]
    )  # fmt: skip


def prune_translations(bundle: Path) -> None:
    for folder in bundle.rglob("translations"):
        for qm in folder.glob("*.qm"):
            if qm.name not in KEPT_TRANSLATIONS:
                qm.unlink()


def remove_dangling_links(bundle: Path) -> None:
    """Links PyInstaller made to the Qt libraries the spec dropped (QML, Quick)."""
    for path in bundle.rglob("*"):
        if path.is_symlink() and not path.exists():
            path.unlink()


def add_linux_desktop_files(bundle: Path, icons: dict[int, Path]) -> None:
    """A .desktop entry, hicolor icons and install.sh, all inside the unpacked folder."""
    share = bundle / "share"
    for size, png in icons.items():
        target = share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "jgstudy.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(png, target)
    applications = share / "applications"
    applications.mkdir(parents=True, exist_ok=True)
    linux = ROOT / "packaging" / "linux"
    shutil.copyfile(linux / "jgstudy.desktop", applications / "jgstudy.desktop")
    installer = bundle / "install.sh"
    shutil.copyfile(linux / "install.sh", installer)
    installer.chmod(0o755)


def archive_name() -> str:
    from jgstudy.version import version

    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, "linux")
    machine = platform.machine().lower()
    arch = {"amd64": "x86_64", "aarch64": "arm64"}.get(machine, machine)
    return f"jgstudy-{version()}-{system}-{arch}"


def make_archive(bundle: Path) -> Path:
    name = archive_name()
    if WINDOWS:
        target = DIST / f"{name}.zip"
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            for path in sorted(bundle.rglob("*")):
                archive.write(path, Path("jgstudy") / path.relative_to(bundle))
        return target
    target = DIST / f"{name}.tar.gz"
    with tarfile.open(target, "w:gz", compresslevel=9) as archive:
        archive.add(bundle, arcname="jgstudy")
    return target


def size_mb(folder: Path) -> float:
    files = (p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return sum(p.stat().st_size for p in files) / 2**20


if __name__ == "__main__":
    sys.exit(main())
