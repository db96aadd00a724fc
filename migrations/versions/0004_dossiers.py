"""Dossier intake register, status history and satisfaction ratings (filled by the dossiers work)

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('lookup_throttle',
    sa.Column('address', sa.String(length=64), nullable=False),
    sa.Column('window_start', sa.DateTime(), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('address', name=op.f('pk_lookup_throttle'))
    )
    op.create_table('receipt_counter',
    sa.Column('year', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('value', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('year', name=op.f('pk_receipt_counter'))
    )
    op.create_table('dossier',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('receipt_code', sa.String(length=40), nullable=False),
    sa.Column('procedure_id', sa.Integer(), nullable=False),
    sa.Column('applicant_name', sa.String(length=200), nullable=False),
    sa.Column('applicant_phone', sa.String(length=20), nullable=True),
    sa.Column('channel', sa.String(length=10), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=False),
    sa.Column('digitised', sa.Boolean(), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('finished_at', sa.DateTime(), nullable=True),
    sa.Column('finished_on', sa.Date(), nullable=True),
    sa.Column('result_returned_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['procedure_id'], ['procedure.id'], name=op.f('fk_dossier_procedure_id_procedure')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dossier')),
    sa.UniqueConstraint('receipt_code', name=op.f('uq_dossier_receipt_code'))
    )
    with op.batch_alter_table('dossier', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dossier_finished_at'), ['finished_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_dossier_procedure_id'), ['procedure_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_dossier_received_at'), ['received_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_dossier_status'), ['status'], unique=False)
    op.create_table('dossier_rating',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('dossier_id', sa.Integer(), nullable=False),
    sa.Column('score', sa.String(length=20), nullable=False),
    sa.Column('comment', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['dossier_id'], ['dossier.id'], name=op.f('fk_dossier_rating_dossier_id_dossier'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dossier_rating')),
    sa.UniqueConstraint('dossier_id', name=op.f('uq_dossier_rating_dossier_id'))
    )
    with op.batch_alter_table('dossier_rating', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dossier_rating_created_at'), ['created_at'], unique=False)
    op.create_table('dossier_status_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('dossier_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('changed_at', sa.DateTime(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('username', sa.String(length=80), nullable=False),
    sa.ForeignKeyConstraint(['dossier_id'], ['dossier.id'], name=op.f('fk_dossier_status_change_dossier_id_dossier'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_dossier_status_change_user_id_user'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dossier_status_change'))
    )
    with op.batch_alter_table('dossier_status_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dossier_status_change_dossier_id'), ['dossier_id'], unique=False)


def downgrade():
    with op.batch_alter_table('dossier_status_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dossier_status_change_dossier_id'))
    op.drop_table('dossier_status_change')
    with op.batch_alter_table('dossier_rating', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dossier_rating_created_at'))
    op.drop_table('dossier_rating')
    with op.batch_alter_table('dossier', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dossier_status'))
        batch_op.drop_index(batch_op.f('ix_dossier_received_at'))
        batch_op.drop_index(batch_op.f('ix_dossier_procedure_id'))
        batch_op.drop_index(batch_op.f('ix_dossier_finished_at'))
    op.drop_table('dossier')
    op.drop_table('receipt_counter')
    op.drop_table('lookup_throttle')
