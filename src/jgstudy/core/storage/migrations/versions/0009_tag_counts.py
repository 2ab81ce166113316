"""tag counts: each cadre's reviews and right answers per tag, kept by the database itself

The home view's 各专题正确率 summed every card of the cadre joined with its question's tags
(15-20 ms at 25,000 cards, the largest part of the view). ``tag_counts`` holds those sums;
triggers on ``cards`` and ``question_tags`` keep them in the same transaction as any change of a
card's counters or of a question's tags, whichever code (or raw SQL) makes it. An index on
``cards.question_pk`` lets a tag change find the cards of its question.

Revision ID: 0009_tag_counts
Revises: 0008_sibling_cache
Create Date: 2026-12-06 15:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_tag_counts"
down_revision: str | None = "0008_sibling_cache"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# A card's counters added to (taken from) each tag of its question; a tag added to (taken from)
# a question adds (takes) the counters of every card of that question.
_ADD_CARD = """
INSERT INTO tag_counts (user_id, tag, cards, reviews, correct)
SELECT NEW.user_id, tag, 1, NEW.reps, NEW.reps - NEW.lapses
FROM question_tags WHERE question_pk = NEW.question_pk
ON CONFLICT (user_id, tag) DO UPDATE SET cards = tag_counts.cards + 1,
  reviews = tag_counts.reviews + excluded.reviews, correct = tag_counts.correct + excluded.correct;
"""
_REMOVE_CARD = """
UPDATE tag_counts SET cards = cards - 1, reviews = reviews - OLD.reps,
  correct = correct - (OLD.reps - OLD.lapses)
WHERE user_id = OLD.user_id
  AND tag IN (SELECT tag FROM question_tags WHERE question_pk = OLD.question_pk);
"""
_ADD_TAG = """
INSERT INTO tag_counts (user_id, tag, cards, reviews, correct)
SELECT user_id, NEW.tag, 1, reps, reps - lapses FROM cards WHERE question_pk = NEW.question_pk
ON CONFLICT (user_id, tag) DO UPDATE SET cards = tag_counts.cards + 1,
  reviews = tag_counts.reviews + excluded.reviews, correct = tag_counts.correct + excluded.correct;
"""
_REMOVE_TAG = """
UPDATE tag_counts SET cards = cards - 1,
  reviews = reviews - (SELECT reps FROM cards
                       WHERE user_id = tag_counts.user_id AND question_pk = OLD.question_pk),
  correct = correct - (SELECT reps - lapses FROM cards
                       WHERE user_id = tag_counts.user_id AND question_pk = OLD.question_pk)
WHERE tag = OLD.tag AND user_id IN (SELECT user_id FROM cards WHERE question_pk = OLD.question_pk);
"""
_CHANGED = (
    "OLD.user_id <> NEW.user_id OR OLD.question_pk <> NEW.question_pk "
    "OR OLD.reps <> NEW.reps OR OLD.lapses <> NEW.lapses"
)

SQLITE = [
    f"CREATE TRIGGER tag_counts_card_insert AFTER INSERT ON cards BEGIN {_ADD_CARD} END",
    f"CREATE TRIGGER tag_counts_card_delete AFTER DELETE ON cards BEGIN {_REMOVE_CARD} END",
    "CREATE TRIGGER tag_counts_card_update AFTER UPDATE OF user_id, question_pk, reps, lapses "
    f"ON cards WHEN {_CHANGED} BEGIN {_REMOVE_CARD} {_ADD_CARD} END",
    f"CREATE TRIGGER tag_counts_tag_insert AFTER INSERT ON question_tags BEGIN {_ADD_TAG} END",
    f"CREATE TRIGGER tag_counts_tag_delete AFTER DELETE ON question_tags BEGIN {_REMOVE_TAG} END",
]

# SECURITY DEFINER: a trainer changing a question's tags updates the counts of cadres of other
# units, which row-level security (jgstudy db provision) would otherwise hide from them.
_POSTGRES_FUNCTION = """
CREATE FUNCTION jgstudy_tag_counts_{name}() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema} AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN {remove} END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN {add} END IF;
  RETURN NULL;
END $$
"""
POSTGRES = [
    "CREATE TRIGGER tag_counts_card AFTER INSERT OR DELETE ON cards "
    "FOR EACH ROW EXECUTE FUNCTION jgstudy_tag_counts_card()",
    "CREATE TRIGGER tag_counts_card_update AFTER UPDATE OF user_id, question_pk, reps, lapses "
    f"ON cards FOR EACH ROW WHEN ({_CHANGED}) EXECUTE FUNCTION jgstudy_tag_counts_card()",
    "CREATE TRIGGER tag_counts_tag AFTER INSERT OR DELETE ON question_tags "
    "FOR EACH ROW EXECUTE FUNCTION jgstudy_tag_counts_tag()",
]


def upgrade() -> None:
    op.create_index("ix_cards_question", "cards", ["question_pk"])
    op.create_table(
        "tag_counts",
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), primary_key=True),
        sa.Column("tag", sa.String(100), primary_key=True),
        sa.Column("cards", sa.Integer(), nullable=False),
        sa.Column("reviews", sa.Integer(), nullable=False),
        sa.Column("correct", sa.Integer(), nullable=False),
    )
    op.execute(
        "INSERT INTO tag_counts (user_id, tag, cards, reviews, correct) "
        "SELECT c.user_id, t.tag, COUNT(*), SUM(c.reps), SUM(c.reps - c.lapses) "
        "FROM cards c JOIN question_tags t ON t.question_pk = c.question_pk "
        "GROUP BY c.user_id, t.tag"
    )
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        schema = bind.dialect.identifier_preparer.quote(
            bind.exec_driver_sql("SELECT current_schema()").scalar_one()
        )
        for name, remove, add in (
            ("card", _REMOVE_CARD, _ADD_CARD),
            ("tag", _REMOVE_TAG, _ADD_TAG),
        ):
            function = _POSTGRES_FUNCTION.format(name=name, schema=schema, remove=remove, add=add)
            op.execute(function)
        statements = POSTGRES
    else:
        statements = SQLITE
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        for trigger, table in (
            ("tag_counts_card", "cards"),
            ("tag_counts_card_update", "cards"),
            ("tag_counts_tag", "question_tags"),
        ):
            op.execute(f"DROP TRIGGER {trigger} ON {table}")
        op.execute("DROP FUNCTION jgstudy_tag_counts_card()")
        op.execute("DROP FUNCTION jgstudy_tag_counts_tag()")
    else:
        for statement in SQLITE:
            op.execute(f"DROP TRIGGER {statement.split()[2]}")
    op.drop_table("tag_counts")
    op.drop_index("ix_cards_question", "cards")
