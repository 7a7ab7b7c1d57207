"""Knowledge-base tables: articles, evidence, incidents and their reports, actors, relations, statements,
places, review edits, audit log, input errors (see docs/database.md).

Revision ID: 0001
Revises: (none)
"""

from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('actors',
    sa.Column('id', sa.String(length=160), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('parent_id', sa.String(length=160), nullable=True),
    sa.Column('country_code', sa.String(length=2), nullable=True),
    sa.Column('registered', sa.Boolean(), nullable=False),
    sa.Column('merged_into', sa.String(length=160), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_actors'))
    )
    with op.batch_alter_table('actors', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_actors_merged_into'), ['merged_into'], unique=False)

    op.create_table('articles',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('published', sa.DateTime(timezone=True), nullable=True),
    sa.Column('timezone', sa.String(length=64), nullable=True),
    sa.Column('dateline', sa.Text(), nullable=True),
    sa.Column('section', sa.Text(), nullable=True),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('origin', sa.Text(), nullable=False),
    sa.Column('credits', sa.JSON(), nullable=False),
    sa.Column('segments', sa.JSON(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('ingested_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_articles')),
    sa.UniqueConstraint('url', name=op.f('uq_articles_url'))
    )
    op.create_table('input_errors',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('origin', sa.Text(), nullable=False),
    sa.Column('file', sa.Text(), nullable=False),
    sa.Column('line', sa.Integer(), nullable=True),
    sa.Column('code', sa.String(length=8), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('seen_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_input_errors')),
    sa.UniqueConstraint('origin', 'code', name=op.f('uq_input_errors_origin'))
    )
    op.create_table('places',
    sa.Column('id', sa.String(length=255), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('admin1', sa.Text(), nullable=True),
    sa.Column('admin2', sa.Text(), nullable=True),
    sa.Column('country_code', sa.String(length=2), nullable=True),
    sa.Column('country', sa.Text(), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('precision', sa.String(length=16), nullable=True),
    sa.Column('geonameid', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_places'))
    )
    with op.batch_alter_table('places', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_places_country_code'), ['country_code'], unique=False)

    op.create_table('review_edits',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('target_type', sa.String(length=20), nullable=False),
    sa.Column('target_id', sa.String(length=160), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('author', sa.Text(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('undone_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('undone_by', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_edits'))
    )
    op.create_table('actor_mentions',
    sa.Column('id', sa.String(length=80), nullable=False),
    sa.Column('article_id', sa.String(length=32), nullable=False),
    sa.Column('actor_id', sa.String(length=160), nullable=False),
    sa.Column('mentions', sa.JSON(), nullable=False),
    sa.Column('confidence', sa.Double(), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['actors.id'], name=op.f('fk_actor_mentions_actor_id_actors')),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_actor_mentions_article_id_articles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_actor_mentions'))
    )
    with op.batch_alter_table('actor_mentions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_actor_mentions_actor_id'), ['actor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_actor_mentions_article_id'), ['article_id'], unique=False)

    op.create_table('aliases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('actor_id', sa.String(length=160), nullable=False),
    sa.Column('alias', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['actors.id'], name=op.f('fk_aliases_actor_id_actors'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_aliases')),
    sa.UniqueConstraint('actor_id', 'alias', name=op.f('uq_aliases_actor_id'))
    )
    with op.batch_alter_table('aliases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_aliases_actor_id'), ['actor_id'], unique=False)

    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('author', sa.Text(), nullable=False),
    sa.Column('action', sa.String(length=24), nullable=False),
    sa.Column('target_type', sa.String(length=20), nullable=False),
    sa.Column('target_id', sa.String(length=160), nullable=False),
    sa.Column('edit_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['edit_id'], ['review_edits.id'], name=op.f('fk_audit_log_edit_id_review_edits')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_at'), ['at'], unique=False)

    op.create_table('incidents',
    sa.Column('id', sa.String(length=80), nullable=False),
    sa.Column('rejected', sa.Boolean(), nullable=False),
    sa.Column('consolidation', sa.JSON(), nullable=False),
    sa.Column('type', sa.String(length=32), nullable=False),
    sa.Column('date_start', sa.Date(), nullable=True),
    sa.Column('date_end', sa.Date(), nullable=True),
    sa.Column('date_precision', sa.String(length=16), nullable=False),
    sa.Column('date_text', sa.Text(), nullable=True),
    sa.Column('place_id', sa.String(length=255), nullable=True),
    sa.Column('location_name', sa.Text(), nullable=True),
    sa.Column('admin1', sa.Text(), nullable=True),
    sa.Column('admin2', sa.Text(), nullable=True),
    sa.Column('country_code', sa.String(length=2), nullable=True),
    sa.Column('country', sa.Text(), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('geo_precision', sa.String(length=16), nullable=True),
    sa.Column('targets', sa.JSON(), nullable=False),
    sa.Column('weapons', sa.JSON(), nullable=False),
    sa.Column('fatalities_min', sa.Integer(), nullable=True),
    sa.Column('fatalities_max', sa.Integer(), nullable=True),
    sa.Column('fatalities_qualifier', sa.String(length=16), nullable=True),
    sa.Column('injuries_min', sa.Integer(), nullable=True),
    sa.Column('injuries_max', sa.Integer(), nullable=True),
    sa.Column('injuries_qualifier', sa.String(length=16), nullable=True),
    sa.Column('perpetrator_fatalities_min', sa.Integer(), nullable=True),
    sa.Column('perpetrator_fatalities_max', sa.Integer(), nullable=True),
    sa.Column('perpetrator_fatalities_qualifier', sa.String(length=16), nullable=True),
    sa.Column('confidence', sa.Double(), nullable=False),
    sa.ForeignKeyConstraint(['place_id'], ['places.id'], name=op.f('fk_incidents_place_id_places')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_incidents'))
    )
    with op.batch_alter_table('incidents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_incidents_admin1'), ['admin1'], unique=False)
        batch_op.create_index(batch_op.f('ix_incidents_country_code'), ['country_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_incidents_date_start'), ['date_start'], unique=False)
        batch_op.create_index(batch_op.f('ix_incidents_fatalities_min'), ['fatalities_min'], unique=False)
        batch_op.create_index(batch_op.f('ix_incidents_place_id'), ['place_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_incidents_type'), ['type'], unique=False)

    op.create_table('place_mentions',
    sa.Column('id', sa.String(length=80), nullable=False),
    sa.Column('article_id', sa.String(length=32), nullable=False),
    sa.Column('place_id', sa.String(length=255), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('confidence', sa.Double(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_place_mentions_article_id_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['place_id'], ['places.id'], name=op.f('fk_place_mentions_place_id_places')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_place_mentions'))
    )
    with op.batch_alter_table('place_mentions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_place_mentions_article_id'), ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_place_mentions_place_id'), ['place_id'], unique=False)

    op.create_table('relations',
    sa.Column('id', sa.String(length=80), nullable=False),
    sa.Column('article_id', sa.String(length=32), nullable=False),
    sa.Column('source_id', sa.String(length=160), nullable=False),
    sa.Column('target_id', sa.String(length=160), nullable=False),
    sa.Column('type', sa.String(length=32), nullable=False),
    sa.Column('directed', sa.Boolean(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('period', sa.Text(), nullable=True),
    sa.Column('asserted_by', sa.Text(), nullable=True),
    sa.Column('confidence', sa.Double(), nullable=False),
    sa.Column('rejected', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_relations_article_id_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['source_id'], ['actors.id'], name=op.f('fk_relations_source_id_actors')),
    sa.ForeignKeyConstraint(['target_id'], ['actors.id'], name=op.f('fk_relations_target_id_actors')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_relations'))
    )
    with op.batch_alter_table('relations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_relations_article_id'), ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_relations_source_id'), ['source_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_relations_target_id'), ['target_id'], unique=False)

    op.create_table('review_edit_targets',
    sa.Column('edit_id', sa.Integer(), nullable=False),
    sa.Column('target_type', sa.String(length=20), nullable=False),
    sa.Column('target_id', sa.String(length=160), nullable=False),
    sa.ForeignKeyConstraint(['edit_id'], ['review_edits.id'], name=op.f('fk_review_edit_targets_edit_id_review_edits'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('edit_id', 'target_type', 'target_id', name=op.f('pk_review_edit_targets'))
    )
    with op.batch_alter_table('review_edit_targets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_edit_targets_target_id'), ['target_id'], unique=False)

    op.create_table('sentences',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.String(length=32), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_sentences_article_id_articles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sentences')),
    sa.UniqueConstraint('article_id', 'start', name=op.f('uq_sentences_article_id'))
    )
    with op.batch_alter_table('sentences', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sentences_article_id'), ['article_id'], unique=False)

    op.create_table('statements',
    sa.Column('id', sa.String(length=80), nullable=False),
    sa.Column('article_id', sa.String(length=32), nullable=False),
    sa.Column('speaker', sa.Text(), nullable=True),
    sa.Column('speaker_id', sa.String(length=160), nullable=True),
    sa.Column('role', sa.Text(), nullable=True),
    sa.Column('organization_id', sa.String(length=160), nullable=True),
    sa.Column('anonymous', sa.Boolean(), nullable=False),
    sa.Column('direct', sa.Boolean(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('content_start', sa.Integer(), nullable=False),
    sa.Column('content_end', sa.Integer(), nullable=False),
    sa.Column('cue', sa.Text(), nullable=True),
    sa.Column('confidence', sa.Double(), nullable=False),
    sa.Column('rejected', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_statements_article_id_articles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_statements'))
    )
    with op.batch_alter_table('statements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_statements_article_id'), ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_statements_speaker_id'), ['speaker_id'], unique=False)

    op.create_table('evidence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.String(length=32), nullable=False),
    sa.Column('sentence_id', sa.Integer(), nullable=False),
    sa.Column('record_type', sa.String(length=20), nullable=False),
    sa.Column('record_id', sa.String(length=80), nullable=False),
    sa.Column('field', sa.String(length=40), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_evidence_article_id_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['sentence_id'], ['sentences.id'], name=op.f('fk_evidence_sentence_id_sentences'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evidence'))
    )
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evidence_article_id'), ['article_id'], unique=False)
        batch_op.create_index('ix_evidence_record', ['record_type', 'record_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_evidence_sentence_id'), ['sentence_id'], unique=False)

    op.create_table('incident_reports',
    sa.Column('id', sa.String(length=80), nullable=False),
    sa.Column('article_id', sa.String(length=32), nullable=False),
    sa.Column('incident_id', sa.String(length=80), nullable=True),
    sa.Column('record', sa.JSON(), nullable=False),
    sa.Column('type', sa.String(length=32), nullable=False),
    sa.Column('date_start', sa.Date(), nullable=True),
    sa.Column('date_end', sa.Date(), nullable=True),
    sa.Column('date_precision', sa.String(length=16), nullable=False),
    sa.Column('date_text', sa.Text(), nullable=True),
    sa.Column('place_id', sa.String(length=255), nullable=True),
    sa.Column('location_name', sa.Text(), nullable=True),
    sa.Column('admin1', sa.Text(), nullable=True),
    sa.Column('admin2', sa.Text(), nullable=True),
    sa.Column('country_code', sa.String(length=2), nullable=True),
    sa.Column('country', sa.Text(), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('geo_precision', sa.String(length=16), nullable=True),
    sa.Column('targets', sa.JSON(), nullable=False),
    sa.Column('weapons', sa.JSON(), nullable=False),
    sa.Column('fatalities_min', sa.Integer(), nullable=True),
    sa.Column('fatalities_max', sa.Integer(), nullable=True),
    sa.Column('fatalities_qualifier', sa.String(length=16), nullable=True),
    sa.Column('injuries_min', sa.Integer(), nullable=True),
    sa.Column('injuries_max', sa.Integer(), nullable=True),
    sa.Column('injuries_qualifier', sa.String(length=16), nullable=True),
    sa.Column('perpetrator_fatalities_min', sa.Integer(), nullable=True),
    sa.Column('perpetrator_fatalities_max', sa.Integer(), nullable=True),
    sa.Column('perpetrator_fatalities_qualifier', sa.String(length=16), nullable=True),
    sa.Column('confidence', sa.Double(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_incident_reports_article_id_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['incident_id'], ['incidents.id'], name=op.f('fk_incident_reports_incident_id_incidents'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['place_id'], ['places.id'], name=op.f('fk_incident_reports_place_id_places')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_incident_reports'))
    )
    with op.batch_alter_table('incident_reports', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_incident_reports_admin1'), ['admin1'], unique=False)
        batch_op.create_index(batch_op.f('ix_incident_reports_article_id'), ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_incident_reports_country_code'), ['country_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_incident_reports_date_start'), ['date_start'], unique=False)
        batch_op.create_index(batch_op.f('ix_incident_reports_fatalities_min'), ['fatalities_min'], unique=False)
        batch_op.create_index(batch_op.f('ix_incident_reports_incident_id'), ['incident_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_incident_reports_place_id'), ['place_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_incident_reports_type'), ['type'], unique=False)

    op.create_table('perpetrators',
    sa.Column('id', sa.String(length=90), nullable=False),
    sa.Column('report_id', sa.String(length=80), nullable=False),
    sa.Column('actor_id', sa.String(length=160), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('basis', sa.String(length=16), nullable=False),
    sa.Column('asserted_by', sa.Text(), nullable=True),
    sa.Column('asserted_by_id', sa.String(length=160), nullable=True),
    sa.Column('partner_ids', sa.JSON(), nullable=False),
    sa.Column('confidence', sa.Double(), nullable=False),
    sa.Column('rejected', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['actors.id'], name=op.f('fk_perpetrators_actor_id_actors')),
    sa.ForeignKeyConstraint(['report_id'], ['incident_reports.id'], name=op.f('fk_perpetrators_report_id_incident_reports'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_perpetrators'))
    )
    with op.batch_alter_table('perpetrators', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_perpetrators_actor_id'), ['actor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_perpetrators_report_id'), ['report_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('perpetrators', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_perpetrators_report_id'))
        batch_op.drop_index(batch_op.f('ix_perpetrators_actor_id'))

    op.drop_table('perpetrators')
    with op.batch_alter_table('incident_reports', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_incident_reports_type'))
        batch_op.drop_index(batch_op.f('ix_incident_reports_place_id'))
        batch_op.drop_index(batch_op.f('ix_incident_reports_incident_id'))
        batch_op.drop_index(batch_op.f('ix_incident_reports_fatalities_min'))
        batch_op.drop_index(batch_op.f('ix_incident_reports_date_start'))
        batch_op.drop_index(batch_op.f('ix_incident_reports_country_code'))
        batch_op.drop_index(batch_op.f('ix_incident_reports_article_id'))
        batch_op.drop_index(batch_op.f('ix_incident_reports_admin1'))

    op.drop_table('incident_reports')
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evidence_sentence_id'))
        batch_op.drop_index('ix_evidence_record')
        batch_op.drop_index(batch_op.f('ix_evidence_article_id'))

    op.drop_table('evidence')
    with op.batch_alter_table('statements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_statements_speaker_id'))
        batch_op.drop_index(batch_op.f('ix_statements_article_id'))

    op.drop_table('statements')
    with op.batch_alter_table('sentences', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sentences_article_id'))

    op.drop_table('sentences')
    with op.batch_alter_table('review_edit_targets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_edit_targets_target_id'))

    op.drop_table('review_edit_targets')
    with op.batch_alter_table('relations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_relations_target_id'))
        batch_op.drop_index(batch_op.f('ix_relations_source_id'))
        batch_op.drop_index(batch_op.f('ix_relations_article_id'))

    op.drop_table('relations')
    with op.batch_alter_table('place_mentions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_place_mentions_place_id'))
        batch_op.drop_index(batch_op.f('ix_place_mentions_article_id'))

    op.drop_table('place_mentions')
    with op.batch_alter_table('incidents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_incidents_type'))
        batch_op.drop_index(batch_op.f('ix_incidents_place_id'))
        batch_op.drop_index(batch_op.f('ix_incidents_fatalities_min'))
        batch_op.drop_index(batch_op.f('ix_incidents_date_start'))
        batch_op.drop_index(batch_op.f('ix_incidents_country_code'))
        batch_op.drop_index(batch_op.f('ix_incidents_admin1'))

    op.drop_table('incidents')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_log_at'))

    op.drop_table('audit_log')
    with op.batch_alter_table('aliases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_aliases_actor_id'))

    op.drop_table('aliases')
    with op.batch_alter_table('actor_mentions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_actor_mentions_article_id'))
        batch_op.drop_index(batch_op.f('ix_actor_mentions_actor_id'))

    op.drop_table('actor_mentions')
    op.drop_table('review_edits')
    with op.batch_alter_table('places', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_places_country_code'))

    op.drop_table('places')
    op.drop_table('input_errors')
    op.drop_table('articles')
    with op.batch_alter_table('actors', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_actors_merged_into'))

    op.drop_table('actors')
