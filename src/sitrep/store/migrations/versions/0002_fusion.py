"""Cross-article fusion: fusion_decisions (each report's fused incident and why) and fusion_words.

Revision ID: 0002
Revises: 0001
"""

from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('fusion_decisions',
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('report_id', sa.String(length=80), nullable=False),
    sa.Column('article_id', sa.String(length=32), nullable=False),
    sa.Column('incident_id', sa.String(length=80), nullable=False),
    sa.Column('founder', sa.Boolean(), nullable=False),
    sa.Column('day', sa.Date(), nullable=True),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('compared_with', sa.String(length=80), nullable=True),
    sa.Column('score', sa.Float(), nullable=True),
    sa.Column('parts', sa.JSON(), nullable=False),
    sa.Column('words', sa.JSON(), nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_fusion_decisions_article_id_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['report_id'], ['incident_reports.id'], name=op.f('fk_fusion_decisions_report_id_incident_reports'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_fusion_decisions')),
    sa.UniqueConstraint('report_id', name=op.f('uq_fusion_decisions_report_id'))
    )
    with op.batch_alter_table('fusion_decisions', schema=None) as batch_op:
        batch_op.create_index('ix_fusion_decisions_block', ['founder', 'day', 'country'], unique=False)
        batch_op.create_index(batch_op.f('ix_fusion_decisions_article_id'), ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_fusion_decisions_incident_id'), ['incident_id'], unique=False)

    op.create_table('fusion_words',
    sa.Column('word', sa.String(length=80), nullable=False),
    sa.Column('reports', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('word', name=op.f('pk_fusion_words'))
    )


def downgrade() -> None:
    op.drop_table('fusion_words')
    with op.batch_alter_table('fusion_decisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_fusion_decisions_incident_id'))
        batch_op.drop_index(batch_op.f('ix_fusion_decisions_article_id'))
        batch_op.drop_index('ix_fusion_decisions_block')
    op.drop_table('fusion_decisions')
