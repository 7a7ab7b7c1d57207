"""The knowledge base: SQLAlchemy tables, migrations, ingest, review overlay and queries."""
