"""Indexes for the incident list: kept incidents in date order, alone and within a country.

Revision ID: 0004
Revises: 0003
"""

from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index('ix_incidents_date_order', table_name='incidents')
    op.create_index('ix_incidents_listing', 'incidents',
                    ['rejected', sa.text('(date_start IS NULL)'), 'date_start', 'id'])
    op.create_index('ix_incidents_country_listing', 'incidents',
                    ['rejected', 'country_code', sa.text('(date_start IS NULL)'), 'date_start', 'id'])


def downgrade() -> None:
    op.drop_index('ix_incidents_country_listing', table_name='incidents')
    op.drop_index('ix_incidents_listing', table_name='incidents')
    op.create_index('ix_incidents_date_order', 'incidents', [sa.text('(date_start IS NULL)'), 'date_start', 'id'])
