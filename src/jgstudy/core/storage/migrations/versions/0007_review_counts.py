"""review counts: reviews and right answers per cadre per quarter hour, filled from the logs;
an index that answers "is this question active?" without reading the question

Revision ID: 0007_review_counts
Revises: 0006_study_plans
Create Date: 2026-12-06 10:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_review_counts"
down_revision: str | None = "0006_study_plans"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The quarter hour of a review (UTC epoch seconds // 900); reviewed_at is stored as naive UTC.
SLOT = {
    "sqlite": "CAST(strftime('%s', reviewed_at) AS INTEGER) / 900",
    "postgresql": "CAST(FLOOR(EXTRACT(EPOCH FROM reviewed_at) / 900) AS INTEGER)",
}


def upgrade() -> None:
    op.create_index("ix_questions_active", "questions", ["pk", "retired"])
    op.create_table(
        "review_counts",
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), primary_key=True),
        sa.Column("slot", sa.Integer(), primary_key=True),
        sa.Column("reviews", sa.Integer(), nullable=False),
        sa.Column("correct", sa.Integer(), nullable=False),
    )
    slot = SLOT[op.get_bind().dialect.name]
    op.execute(
        "INSERT INTO review_counts (user_id, slot, reviews, correct) "
        f"SELECT user_id, {slot}, COUNT(*), SUM(CASE WHEN correct THEN 1 ELSE 0 END) "
        f"FROM review_logs GROUP BY user_id, {slot}"
    )


def downgrade() -> None:
    op.drop_table("review_counts")
    op.drop_index("ix_questions_active", "questions")
