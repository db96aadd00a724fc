"""Queue numbers: service groups, counters and the groups they serve, the per-group daily sequence,
tickets and their calls.

Revision ID: 0011
Revises: 0010
"""
from alembic import op
import sqlalchemy as sa

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('service_group',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('letter', sa.String(length=1), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('intake_hint', sa.String(length=200), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_group')),
    sa.UniqueConstraint('letter', name=op.f('uq_service_group_letter'))
    )
    op.create_table('counter',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_counter')),
    sa.UniqueConstraint('number', name=op.f('uq_counter_number'))
    )
    op.create_table('counter_group',
    sa.Column('counter_id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['counter_id'], ['counter.id'], name=op.f('fk_counter_group_counter_id_counter'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['group_id'], ['service_group.id'], name=op.f('fk_counter_group_group_id_service_group'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('counter_id', 'group_id', name=op.f('pk_counter_group'))
    )
    op.create_table('ticket_sequence',
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('last_number', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['group_id'], ['service_group.id'], name=op.f('fk_ticket_sequence_group_id_service_group'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('group_id', 'day', name=op.f('pk_ticket_sequence'))
    )
    op.create_table('ticket',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('taken_at', sa.DateTime(), nullable=False),
    sa.Column('waiting_ahead', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('counter_id', sa.Integer(), nullable=True),
    sa.Column('first_called_at', sa.DateTime(), nullable=True),
    sa.Column('called_at', sa.DateTime(), nullable=True),
    sa.Column('finished_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['counter_id'], ['counter.id'], name=op.f('fk_ticket_counter_id_counter'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['group_id'], ['service_group.id'], name=op.f('fk_ticket_group_id_service_group'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ticket')),
    sa.UniqueConstraint('group_id', 'day', 'number', name='uq_ticket_group_day_number')
    )
    with op.batch_alter_table('ticket', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ticket_day'), ['day'], unique=False)
        batch_op.create_index(batch_op.f('ix_ticket_status'), ['status'], unique=False)
    op.create_table('ticket_call',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('ticket_id', sa.Integer(), nullable=False),
    sa.Column('counter_id', sa.Integer(), nullable=False),
    sa.Column('called_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['counter_id'], ['counter.id'], name=op.f('fk_ticket_call_counter_id_counter'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['ticket_id'], ['ticket.id'], name=op.f('fk_ticket_call_ticket_id_ticket'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ticket_call'))
    )
    with op.batch_alter_table('ticket_call', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ticket_call_ticket_id'), ['ticket_id'], unique=False)


def downgrade():
    with op.batch_alter_table('ticket_call', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ticket_call_ticket_id'))
    op.drop_table('ticket_call')
    with op.batch_alter_table('ticket', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ticket_status'))
        batch_op.drop_index(batch_op.f('ix_ticket_day'))
    op.drop_table('ticket')
    op.drop_table('ticket_sequence')
    op.drop_table('counter_group')
    op.drop_table('counter')
    op.drop_table('service_group')
