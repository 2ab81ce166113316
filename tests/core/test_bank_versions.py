"""A bank's versions over time: renumbered sheets keep history; retiring hides, restoring returns."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import text

from jgstudy.core.convert import onto_existing, read_source
from jgstudy.core.records import UserInfo
from jgstudy.core.service import StudyService
from peek import engine_of
from sheetkit import save

QUESTIONS = {
    "建党": ("党的一大召开于（ ）。", "单选", "1921年", "1949年", "A"),
    "遵义": ("遵义会议召开于（ ）。", "单选", "1935年", "1927年", "A"),
    "宗旨": ("党的根本宗旨是全心全意为人民服务。", "判断", "", "", "正确"),
    "新增": ("新中国成立于（ ）。", "单选", "1949年", "1950年", "A"),
}


def _version(path: Path, keys: list[str]) -> Path:
    """A hand-made sheet: 题号 1, 2, 3… renumbered whenever a row is inserted."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["题号", "题干", "题型", "选项A", "选项B", "正确答案", "解析"])
    for number, key in enumerate(keys, start=1):
        ws.append([number, *QUESTIONS[key], "解析。"])
    return save(wb, path, chinese_formats=False)


def _answer_all(service: StudyService, user: UserInfo) -> None:
    for pk in service.practice_queue(user, mode="new"):
        record = service.question(pk)
        answer = "A" if record.question.type == "single" else True
        service.record(user.id, record, answer, 3000)


def _log_stems(service: StudyService) -> dict[str, str]:
    """Each review log's question stem, as stored."""
    sql = "SELECT l.uid, q.data FROM review_logs l JOIN questions q ON q.pk = l.question_pk"
    with engine_of(service).connect() as conn:
        rows = conn.execute(text(sql)).all()
    return {uid: json.loads(data)["stem"] for uid, data in rows}


def test_renumbered_version_keeps_every_answer_on_its_question(
    service: StudyService, tmp_path: Path
) -> None:
    folder = tmp_path / "imported"
    v1 = read_source(_version(tmp_path / "题库v1.xlsx", ["建党", "遵义", "宗旨"]))
    service.import_conversion(v1, folder)
    user = service.ensure_user("张三")
    _answer_all(service, user)
    before = _log_stems(service)
    assert len(before) == 3
    bank_id = service.banks()[0].id

    # v2: a question inserted as 题号 2, the rest renumbered, one question dropped.
    v2_file = _version(tmp_path / "题库v2.xlsx", ["建党", "新增", "遵义"])
    v2 = onto_existing(read_source(v2_file), bank_id, service.bank_questions(bank_id))
    assert v2.ids is not None
    assert (len(v2.ids.matched), len(v2.ids.new), len(v2.ids.vanished)) == (2, 1, 1)
    result = service.import_conversion(v2, folder)
    assert (result.added, result.retired) == (1, 1)

    assert _log_stems(service) == before
    assert [b.id for b in service.banks()] == [bank_id]  # one bank, not two
    stems = {service.question(pk).question.stem for pk in service.practice_queue(user, mode="new")}
    assert stems == {"新中国成立于（ ）。"}


def test_retired_bank_is_hidden_and_restored_with_history(
    service: StudyService, tmp_path: Path
) -> None:
    folder = tmp_path / "imported"
    conversion = read_source(_version(tmp_path / "题库.xlsx", ["建党", "遵义", "宗旨"]))
    service.import_conversion(conversion, folder)
    bank_id = service.banks()[0].id
    user = service.ensure_user("张三")
    _answer_all(service, user)
    reviews = service.stats(user).total_reviews

    assert service.retire_bank(bank_id) == 3
    assert service.banks()[0].retired_at is not None
    assert service.practice_queue(user, mode="new") == []
    assert service.practice_queue(user, mode="wrong") == []
    assert service.stats(user).total_reviews == reviews  # history kept
    # Re-importing the same file keeps it retired.
    service.import_conversion(conversion, folder)
    assert service.practice_queue(user, mode="review") == []

    assert service.restore_bank(bank_id) == 3
    assert service.banks()[0].retired_at is None
    assert service.stats(user).total_reviews == reviews


def test_question_removed_by_a_version_stays_retired_after_restore(
    service: StudyService, tmp_path: Path
) -> None:
    folder = tmp_path / "imported"
    service.import_conversion(read_source(_version(tmp_path / "v1.xlsx", ["建党", "宗旨"])), folder)
    bank_id = service.banks()[0].id
    service.retire_bank(bank_id)
    v2 = read_source(_version(tmp_path / "v2.xlsx", ["建党"]))
    service.import_conversion(onto_existing(v2, bank_id, service.bank_questions(bank_id)), folder)
    assert service.restore_bank(bank_id) == 1
    user = service.ensure_user("李四")
    stems = [service.question(pk).question.stem for pk in service.practice_queue(user, mode="new")]
    assert stems == ["党的一大召开于（ ）。"]
