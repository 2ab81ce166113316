"""study plans: a cadre's own FSRS parameters, target date and recall; schedule events

Revision ID: 0006_study_plans
Revises: 0005_workbook
Create Date: 2026-12-06 10:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_study_plans"
down_revision: str | None = "0005_workbook"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "study_plans",
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), primary_key=True),
        sa.Column("parameters", sa.Text(), nullable=False, server_default=""),
        sa.Column("fitted_at", sa.DateTime(), nullable=True),
        sa.Column("target_date", sa.Date(), nullable=True),
        sa.Column("target_recall", sa.Float(), nullable=True),
    )
    op.create_table(
        "schedule_events",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("actor", sa.String(100), nullable=False, server_default=""),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("before", sa.Text(), nullable=False, server_default=""),
        sa.Column("after", sa.Text(), nullable=False, server_default=""),
    )
    op.create_index("ix_schedule_events_user", "schedule_events", ["user_id", "at"])


def downgrade() -> None:
    op.drop_index("ix_schedule_events_user", "schedule_events")
    op.drop_table("schedule_events")
    op.drop_table("study_plans")
