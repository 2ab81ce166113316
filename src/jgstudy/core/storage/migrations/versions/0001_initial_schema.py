"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-27 11:28:46.131031
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "banks",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("mtime_ns", sa.BigInteger(), nullable=False),
        sa.Column("multiple_scoring", sa.String(length=20), nullable=False),
        sa.Column("question_count", sa.Integer(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("unit", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("settings", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "attempts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=32), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("config", sa.Text(), nullable=False),
        sa.Column("state", sa.Text(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("max_score", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("uid"),
    )
    with op.batch_alter_table("attempts", schema=None) as batch_op:
        batch_op.create_index("ix_attempts_user_started", ["user_id", "started_at"], unique=False)

    op.create_table(
        "questions",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("bank_id", sa.String(length=64), nullable=False),
        sa.Column("qid", sa.String(length=64), nullable=False),
        sa.Column("type", sa.String(length=10), nullable=False),
        sa.Column("difficulty", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=16), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("retired", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["bank_id"],
            ["banks.id"],
        ),
        sa.PrimaryKeyConstraint("pk"),
        sa.UniqueConstraint("bank_id", "qid", name="uq_questions_bank_qid"),
    )
    with op.batch_alter_table("questions", schema=None) as batch_op:
        batch_op.create_index("ix_questions_bank_retired", ["bank_id", "retired"], unique=False)

    op.create_table(
        "cards",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("question_pk", sa.Integer(), nullable=False),
        sa.Column("state", sa.Integer(), nullable=False),
        sa.Column("step", sa.Integer(), nullable=True),
        sa.Column("stability", sa.Float(), nullable=True),
        sa.Column("difficulty", sa.Float(), nullable=True),
        sa.Column("due", sa.DateTime(), nullable=False),
        sa.Column("last_review", sa.DateTime(), nullable=True),
        sa.Column("reps", sa.Integer(), nullable=False),
        sa.Column("lapses", sa.Integer(), nullable=False),
        sa.Column("right_streak", sa.Integer(), nullable=False),
        sa.Column("in_wrong_book", sa.Boolean(), nullable=False),
        sa.Column("first_reviewed_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["question_pk"],
            ["questions.pk"],
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
        ),
        sa.PrimaryKeyConstraint("user_id", "question_pk"),
    )
    with op.batch_alter_table("cards", schema=None) as batch_op:
        batch_op.create_index("ix_cards_user_due", ["user_id", "due"], unique=False)
        batch_op.create_index("ix_cards_user_first", ["user_id", "first_reviewed_at"], unique=False)

    op.create_table(
        "question_tags",
        sa.Column("question_pk", sa.Integer(), nullable=False),
        sa.Column("tag", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(["question_pk"], ["questions.pk"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("question_pk", "tag"),
    )
    with op.batch_alter_table("question_tags", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_question_tags_tag"), ["tag"], unique=False)

    op.create_table(
        "review_logs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=32), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("question_pk", sa.Integer(), nullable=False),
        sa.Column("attempt_id", sa.Integer(), nullable=True),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("correct", sa.Boolean(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.Column("duration_ms", sa.Integer(), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["attempt_id"],
            ["attempts.id"],
        ),
        sa.ForeignKeyConstraint(
            ["question_pk"],
            ["questions.pk"],
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("uid"),
    )
    with op.batch_alter_table("review_logs", schema=None) as batch_op:
        batch_op.create_index("ix_review_logs_question", ["question_pk"], unique=False)
        batch_op.create_index("ix_review_logs_user_time", ["user_id", "reviewed_at"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("review_logs", schema=None) as batch_op:
        batch_op.drop_index("ix_review_logs_user_time")
        batch_op.drop_index("ix_review_logs_question")

    op.drop_table("review_logs")
    with op.batch_alter_table("question_tags", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_question_tags_tag"))

    op.drop_table("question_tags")
    with op.batch_alter_table("cards", schema=None) as batch_op:
        batch_op.drop_index("ix_cards_user_first")
        batch_op.drop_index("ix_cards_user_due")

    op.drop_table("cards")
    with op.batch_alter_table("questions", schema=None) as batch_op:
        batch_op.drop_index("ix_questions_bank_retired")

    op.drop_table("questions")
    with op.batch_alter_table("attempts", schema=None) as batch_op:
        batch_op.drop_index("ix_attempts_user_started")

    op.drop_table("attempts")
    op.drop_table("users")
    op.drop_table("banks")
