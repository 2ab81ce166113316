"""A deterministic review history for the report tests: two units, nine cadres, one exam.

Each cadre has a *skill*: they answer the ``skill`` easiest questions right and the others
wrong, always with the same wrong choice. On question ``bad`` (its key says B, the truth is C)
the cadres with skill >= 3 answer the truth and are graded wrong; the weaker ones answer B and
are graded right, so the question discriminates negatively and its wrong option C is chosen
more often than the key.

Timeline (Beijing time): practice on 2–4 March 2026, the exam on 5 March.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, select, update

from jgstudy.core.grading import Response
from jgstudy.core.service import StudyService
from jgstudy.core.storage.schema import AttemptRow, QuestionRow, ReviewLogRow
from peek import clock_of, engine_of

BANK = Path(__file__).with_name("report_bank.yaml")
DAY0 = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # 09:00 in Beijing
EXAM_ID = "exam-2026q1"
EXAM_TITLE = "2026年第一季度测试"

# Easiest first: a cadre of skill s answers the first s of these right.
ORDER = ("q1", "q5", "q2", "q4", "q3", "q6")
RIGHT: dict[str, Response] = {
    "q1": "A",
    "q5": True,
    "q2": "B",
    "q4": frozenset("AC"),
    "q3": "D",
    "q6": ("294",),
}
# The wrong answer of a cadre with an even and with an odd skill: wrong answers spread, as in
# life, so that only the question with the wrong key draws one wrong option above its key.
WRONG: dict[str, tuple[Response, Response]] = {
    "q1": ("B", "C"),
    "q5": (False, False),
    "q2": ("A", "C"),
    "q4": (frozenset("ABC"), frozenset("A")),
    "q3": ("C", "A"),
    "q6": (("300",), ("249",)),
}
EXAM_QUESTIONS = ("q1", "q2", "q3")


@dataclass(frozen=True)
class Cadre:
    name: str
    unit: str
    skill: int
    takes_exam: bool = True
    finishes_exam: bool = True


CADRES = (
    Cadre("张伟", "审计局", 6),
    Cadre("王芳", "审计局", 5),
    Cadre("李娜", "审计局", 4),
    Cadre("刘洋", "审计局", 1),
    Cadre("杨帆", "财政局", 6),
    Cadre("赵磊", "财政局", 3),
    Cadre("黄敏", "财政局", 2),
    Cadre("周杰", "财政局", 1, finishes_exam=False),
)
IDLE = Cadre("陈静", "审计局", 0, takes_exam=False)  # registered, never answers
TRAINER = "培训员老李"  # answers too, but is no cadre


def response(qid: str, skill: int) -> Response:
    if qid == "bad":
        return "C" if skill >= 3 else "B"
    return RIGHT[qid] if ORDER.index(qid) < skill else WRONG[qid][skill % 2]


def duration_ms(skill: int, index: int) -> int:
    """Stronger cadres answer faster; deterministic."""
    return 20_000 - 2_000 * skill + 100 * index


def seed_history(service: StudyService) -> None:
    """Import the bank and record every cadre's answers and exam."""
    service.import_banks([BANK])
    service.ensure_user(IDLE.name, IDLE.unit)
    for cadre in CADRES:
        _practise(service, cadre)
    trainer = service.ensure_user(TRAINER, "审计局", role="trainer")
    _answer(service, trainer.id, "q1", "B", DAY0, 5_000)
    for cadre in CADRES:
        if cadre.takes_exam:
            _exam(service, cadre)


def _pk(service: StudyService, qid: str) -> int:
    with engine_of(service).connect() as conn:
        query = select(QuestionRow.pk).where(QuestionRow.bank_id == "rpt", QuestionRow.qid == qid)
        return int(conn.execute(query).scalar_one())


def _answer(
    service: StudyService, user_id: int, qid: str, given: Response, at: datetime, ms: int
) -> int:
    clock_of(service).set(at)
    record = service.question(_pk(service, qid))
    return service.record(user_id, record, given, ms).log_id


def _practise(service: StudyService, cadre: Cadre) -> None:
    user = service.ensure_user(cadre.name, cadre.unit)
    for index, qid in enumerate((*ORDER, "bad")):
        at = DAY0 + timedelta(days=index % 3, minutes=index)
        _answer(
            service, user.id, qid, response(qid, cadre.skill), at, duration_ms(cadre.skill, index)
        )
    if cadre.skill == 6 and cadre.unit == "审计局":
        # A second practice answer: counts as an attempt, not as a first answer.
        _answer(service, user.id, "q1", "A", DAY0 + timedelta(days=2, hours=1), 3_000)


def _exam(service: StudyService, cadre: Cadre) -> None:
    user = service.ensure_user(cadre.name, cadre.unit)
    start = DAY0 + timedelta(days=3)
    config = json.dumps({"id": EXAM_ID, "title": EXAM_TITLE}, ensure_ascii=False)
    values = {"uid": uuid.uuid4().hex, "user_id": user.id, "kind": "exam", "title": EXAM_TITLE}
    values |= {"config": config, "state": "{}", "started_at": start}
    with engine_of(service).begin() as conn:
        key = conn.execute(insert(AttemptRow).values(**values)).inserted_primary_key
        assert key is not None
        attempt_id = key[0]
    logs = [
        _answer(
            service, user.id, qid, response(qid, cadre.skill), start + timedelta(minutes=i), 8_000
        )
        for i, qid in enumerate(EXAM_QUESTIONS)
    ]
    score = sum(ORDER.index(q) < cadre.skill for q in EXAM_QUESTIONS)
    with engine_of(service).begin() as conn:
        conn.execute(
            update(ReviewLogRow).where(ReviewLogRow.id.in_(logs)).values(attempt_id=attempt_id)
        )
        if cadre.finishes_exam:
            conn.execute(
                update(AttemptRow)
                .where(AttemptRow.id == attempt_id)
                .values(
                    finished_at=start + timedelta(minutes=10), score=float(score), max_score=3.0
                )
            )
