"""retire (停用) and restore whole banks

A retired bank is hidden from practice, exams and the browser; its questions, review logs and
cards stay. ``questions.retired_with_bank`` marks the questions that retiring the bank hid, so
restoring it brings back exactly those (not the ones a newer version of the bank removed).

Revision ID: 0003_bank_retire
Revises: 0002
Create Date: 2026-12-06 09:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_bank_retire"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMN (SQLite supports it): a batch copy of "questions" would have to drop a
    # table that cards and review logs point to.
    op.add_column("banks", sa.Column("retired_at", sa.DateTime(), nullable=True))
    op.add_column(
        "questions",
        sa.Column("retired_with_bank", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    op.drop_column("questions", "retired_with_bank")
    op.drop_column("banks", "retired_at")
