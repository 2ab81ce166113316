"""Synthetic but realistic data for the benchmark: Chinese banks and long review histories."""

from __future__ import annotations

import random
import uuid
from datetime import datetime, timedelta
from pathlib import Path

import yaml

SUBJECTS = [
    "市直机关工委",
    "市发改委",
    "市审计局",
    "市税务局",
    "市生态环境局",
    "市农业农村局",
    "市市场监管局",
]
ACTIONS = [
    "组织基层宣讲",
    "开展警示教育",
    "举办专题培训班",
    "评定“四强”党支部",
    "发布揭榜攻关榜单",
    "建立廉政风险防控措施",
]
UNITS = ["场", "次", "个", "期", "项", "名"]
THEMES = ["理论武装", "党建引领", "基层组织建设", "清廉机关建设", "干部素质提升", "营商环境优化"]
# Options of the multiple-choice questions: words no stem contains. With THEMES as options, the
# answer of every fifth question stood in a third of all stems, so the sibling map (core.siblings)
# held n²/15 pairs: 5M and 1 GB for 10,000 questions, beyond the machine's memory for 50,000.
MEASURES = ["健全学习制度", "压实主体责任", "强化日常监督", "改进工作作风"]


def _question(rng: random.Random, index: int) -> dict[str, object]:
    subject, action, unit = rng.choice(SUBJECTS), rng.choice(ACTIONS), rng.choice(UNITS)
    number = rng.randint(12, 9000)
    stem = f"2025年，{subject}围绕“{rng.choice(THEMES)}”{action}共多少{unit}？（第{index}题）"
    base = {
        "id": f"q{index:06d}",
        "stem": stem,
        "explanation": f"{subject}全年{action}{number}{unit}，体现了以高质量党建促进高质量发展的工作成效。",
        "tags": [rng.choice(THEMES)],
        "difficulty": rng.randint(1, 5),
        "source": {"locator": "正文", "quote": f"{action}{number}{unit}"},
    }
    kind = index % 5
    if kind in (0, 1):
        # Distinct values: the bank checks refuse two options with the same text.
        candidates = dict.fromkeys([number + 100, number * 2, number + 1000, number + 7])
        wrong = rng.sample([n for n in candidates if n != number], 3)
        options = dict(zip("ABCD", [f"{n}{unit}" for n in [number, *wrong]], strict=True))
        return {**base, "type": "single", "options": options, "answer": "A"}
    if kind == 2:
        return {
            **base,
            "type": "judge",
            "stem": stem.replace("共多少", f"共{number}"),
            "answer": True,
        }
    if kind == 3:
        return {
            **base,
            "type": "fill",
            "stem": f"{subject}{action}{{{{1}}}}{unit}。",
            "blanks": [[str(number)]],
        }
    options = dict(zip("ABCD", MEASURES, strict=True))
    return {**base, "type": "multiple", "options": options, "answer": ["A", "C"]}


def questions(count: int, seed: int = 7) -> list[dict[str, object]]:
    """The ``count`` questions of the benchmark bank, as its YAML holds them."""
    rng = random.Random(seed)
    return [_question(rng, i) for i in range(count)]


def write_bank(path: Path, count: int, seed: int = 7) -> Path:
    """A bank file of ``count`` questions (about 700 bytes each)."""
    bank = {
        "format": 1,
        "id": f"bench-{count}",
        "title": f"基准测试题库（{count}题）",
        "questions": questions(count, seed),
    }
    path.write_text(yaml.safe_dump(bank, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def review_rows(
    user_id: int, pks: list[int], count: int, start: datetime, seed: int = 11
) -> list[dict[str, object]]:
    """``count`` review-log rows spread over the year before ``start``."""
    rng = random.Random(seed)
    rows = []
    for _ in range(count):
        correct = rng.random() < 0.8
        rows.append(
            {
                "uid": uuid.UUID(int=rng.getrandbits(128)).hex,
                "user_id": user_id,
                "question_pk": rng.choice(pks),
                "answer": '"A"',
                "correct": correct,
                "score": 1.0 if correct else 0.0,
                "rating": 3 if correct else 1,
                "duration_ms": rng.randint(2000, 30000),
                "reviewed_at": start - timedelta(seconds=rng.randint(0, 365 * 86400)),
            }
        )
    return rows
