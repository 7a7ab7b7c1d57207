"""Who denied an incident, beside its perpetrators: a `denials` list on incidents and incident reports.

Revision ID: 0006
Revises: 0005
"""

from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

TABLES = ('incidents', 'incident_reports')


def upgrade() -> None:
    # a plain ADD COLUMN: SQLite's batch mode would rebuild the tables and lose their expression indexes
    for table in TABLES:
        # rows stored before: no denial read (re-extraction or re-fusion fills it)
        op.add_column(table, sa.Column('denials', sa.JSON(), nullable=False, server_default=sa.text("'[]'")))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('denials')
