"""Screenshots of 题库 → 导入 (the preview) and of the bank table with a retired bank.

    uv run python scripts/screenshots_import.py [--out screenshots] [--size 1280x720]
    QT_SCALE_FACTOR=1.5 uv run python scripts/screenshots_import.py --size 1280x720

Builds a 考试宝-template workbook (dates, a refused row, a merged instruction row, a 版本号 sheet),
imports it into a temporary database, previews a second version onto the same bank, and retires
a second bank. Saves import-*.png.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from shotkit import Shooter, settle, with_dialog

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from openpyxl import Workbook  # noqa: E402

from jgstudy.core.clock import FixedClock  # noqa: E402
from jgstudy.core.convert import onto_existing, read_source  # noqa: E402
from jgstudy.core.services import open_services  # noqa: E402
from jgstudy.gui.banks import BanksPanel  # noqa: E402
from jgstudy.gui.importpreview import ImportPreview  # noqa: E402
from jgstudy.gui.main import install_qt_translations, make_application  # noqa: E402
from jgstudy.gui.style import apply_theme  # noqa: E402
from jgstudy.gui.workers import BankImporter  # noqa: E402
from sheetkit import save, template_sheet, version_sheet  # noqa: E402

ROWS = [
    ["中国共产党第一次全国代表大会召开于（ ）。", "单选", datetime(1921, 7, 1),
     datetime(1949, 10, 1), "1935年", "1927年", "", "", "", "", "A", "一大于1921年7月召开。",
     "一、党的创立", "适中"],
    ["下列属于“五位一体”总体布局的有（ ）。", "多选", "经济建设", "政治建设", "文化建设", "社会建设",
     "生态文明建设", "党的建设", "", "", "ABCDE", "五位一体。", "二、总体布局", "较难"],
    ["党的根本宗旨是全心全意为人民服务。", "判断", "", "", "", "", "", "", "", "", "正确", "党章。",
     "一、党的创立", "较易"],
    ["这一行没有写正确答案。", "单选", "甲", "乙", "", "", "", "", "", "", "", "", "", "很棒"],
]  # fmt: skip


def book(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "题目"
    template_sheet(ws, rows)
    for cell in ("C3", "D3"):
        ws[cell].number_format = 'yyyy"年"m"月"'
    version_sheet(wb)
    return save(wb, path)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--size", default="1280x720")
    options = parser.parse_args(argv)
    width, height = (int(n) for n in options.size.split("x"))
    options.out.mkdir(parents=True, exist_ok=True)
    app = make_application()
    install_qt_translations(app)
    apply_theme(app, "light", 15)
    shooter = Shooter(app, options.out)
    suffix = f"{options.size}@{os.environ.get('QT_SCALE_FACTOR', '1')}"
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        services = open_services(
            f"sqlite:///{folder / 'db.sqlite3'}", FixedClock(datetime.now(UTC))
        )
        study = services.study
        study.import_conversion(read_source(book(folder / "题库v1.xlsx", ROWS)), folder)
        panel = BanksPanel(study, BankImporter(study), folder, confirm=lambda *_a: True)
        panel.resize(width, height)
        panel.show()
        panel.refresh()
        bank = study.banks()[0]
        rows = [ROWS[0], ["新中国成立于（ ）。", "单选", "1949年", "1950年", "", "", "", "", "", "",
                          "A", "开国。", "", "低"], *ROWS[1:]]  # fmt: skip
        conversion = read_source(book(folder / "题库v2.xlsx", rows))
        dialog = ImportPreview(conversion, study.banks(), study.bank_questions, panel)
        dialog.resize(min(1000, width - 80), min(640, height - 60))
        dialog.show()
        settle(app)
        shooter.save(f"import-01-preview-{suffix}", with_dialog(panel, dialog))
        dialog.tabs.setCurrentIndex(2)
        settle(app)
        shooter.save(f"import-02-notices-{suffix}", with_dialog(panel, dialog))
        dialog.reject()
        study.import_conversion(
            onto_existing(conversion, bank.id, study.bank_questions(bank.id)), folder
        )
        panel.refresh()
        panel.table.selectRow(0)
        panel.retire_selected()
        settle(app)
        shooter.shot(f"import-03-retired-{suffix}", panel)
        services.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
