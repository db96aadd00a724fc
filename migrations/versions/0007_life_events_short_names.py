"""Kiosk for citizens: life events grouping procedures, short names, officer-confirmed processing times.

Revision ID: 0007
Revises: 0006
"""
from alembic import op
import sqlalchemy as sa

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('life_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=100), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('icon', sa.String(length=40), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_life_event')),
    sa.UniqueConstraint('slug', name=op.f('uq_life_event_slug'))
    )
    op.create_table('life_event_procedure',
    sa.Column('life_event_id', sa.Integer(), nullable=False),
    sa.Column('procedure_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['life_event_id'], ['life_event.id'], name=op.f('fk_life_event_procedure_life_event_id_life_event'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['procedure_id'], ['procedure.id'], name=op.f('fk_life_event_procedure_procedure_id_procedure'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('life_event_id', 'procedure_id', name=op.f('pk_life_event_procedure'))
    )
    with op.batch_alter_table('life_event_procedure', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_life_event_procedure_procedure_id'), ['procedure_id'], unique=False)
    with op.batch_alter_table('procedure', schema=None) as batch_op:
        batch_op.add_column(sa.Column('short_name', sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column('time_amount', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('time_unit', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('what_to_bring', sa.Text(), nullable=True))


def downgrade():
    with op.batch_alter_table('procedure', schema=None) as batch_op:
        batch_op.drop_column('what_to_bring')
        batch_op.drop_column('time_unit')
        batch_op.drop_column('time_amount')
        batch_op.drop_column('short_name')
    with op.batch_alter_table('life_event_procedure', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_life_event_procedure_procedure_id'))
    op.drop_table('life_event_procedure')
    op.drop_table('life_event')
