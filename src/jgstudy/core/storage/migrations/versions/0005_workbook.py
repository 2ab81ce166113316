"""workbook: stars (收藏), notes (笔记) and problem reports (题目纠错)

Revision ID: 0005_workbook
Revises: 0004_repair_first_reviewed
Create Date: 2026-12-06 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_workbook"
down_revision: str | None = "0004_repair_first_reviewed"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _owner() -> list[sa.Column[int]]:
    return [
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), primary_key=True),
        sa.Column("question_pk", sa.Integer(), sa.ForeignKey("questions.pk"), primary_key=True),
    ]


def upgrade() -> None:
    op.create_table("stars", *_owner(), sa.Column("created_at", sa.DateTime(), nullable=False))
    op.create_table(
        "notes",
        *_owner(),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "problem_reports",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("question_pk", sa.Integer(), sa.ForeignKey("questions.pk"), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("closed_by", sa.String(100), nullable=False, server_default=""),
    )
    op.create_index("ix_problem_reports_open", "problem_reports", ["closed_at"])


def downgrade() -> None:
    op.drop_index("ix_problem_reports_open", "problem_reports")
    op.drop_table("problem_reports")
    op.drop_table("notes")
    op.drop_table("stars")
