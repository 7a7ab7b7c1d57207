"""Run the Alembic revisions shipped in store/migrations/ up to the newest, on open."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, text

SCRIPT_LOCATION = "sitrep.store:migrations"
# Any constant: PostgreSQL advisory locks are keyed by a 64-bit integer.
MIGRATION_LOCK_KEY = 0x5_17_2E_9


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    return config


def upgrade_to_head(engine: Engine) -> None:
    """Create or upgrade the schema; safe when several processes open a fresh database at once."""
    config = alembic_config()
    with engine.begin() as connection:
        # SQLite transactions already start with the write lock (database.py); PostgreSQL needs a lock of its own.
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
