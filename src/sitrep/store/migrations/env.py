"""Alembic environment: runs on the connection that store/migrate.py passes in, inside its transaction."""

from alembic import context

from sitrep.store.schema import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
