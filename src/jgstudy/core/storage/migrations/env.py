"""Alembic environment: jgstudy always passes an open connection in ``config.attributes``."""

from alembic import context

from jgstudy.core.storage.schema import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through jgstudy.core.storage.engine.upgrade()")
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
