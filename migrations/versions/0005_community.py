"""Hamlets, digital teams, activity log, duty roster, guides and announcements

Revision ID: 0005
Revises: 0004
"""
from alembic import op
import sqlalchemy as sa

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('announcement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('text', sa.String(length=300), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_announcement'))
    )
    op.create_table('guide',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('summary', sa.Text(), nullable=True),
    sa.Column('url', sa.String(length=500), nullable=True),
    sa.Column('published', sa.Boolean(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_guide'))
    )
    op.create_table('hamlet',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_hamlet')),
    sa.UniqueConstraint('name', name=op.f('uq_hamlet_name'))
    )
    op.create_table('activity',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('occurred_on', sa.Date(), nullable=False),
    sa.Column('hamlet_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('people_helped', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['hamlet_id'], ['hamlet.id'], name=op.f('fk_activity_hamlet_id_hamlet')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activity'))
    )
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_activity_hamlet_id'), ['hamlet_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_activity_occurred_on'), ['occurred_on'], unique=False)

    op.create_table('guide_step',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('guide_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('url', sa.String(length=500), nullable=True),
    sa.Column('image_path', sa.String(length=200), nullable=True),
    sa.Column('image_type', sa.String(length=40), nullable=True),
    sa.ForeignKeyConstraint(['guide_id'], ['guide.id'], name=op.f('fk_guide_step_guide_id_guide'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_guide_step'))
    )
    with op.batch_alter_table('guide_step', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_guide_step_guide_id'), ['guide_id'], unique=False)

    op.create_table('team_member',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('hamlet_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=True),
    sa.Column('organisation', sa.String(length=20), nullable=False),
    sa.Column('joined_on', sa.Date(), nullable=True),
    sa.Column('left_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['hamlet_id'], ['hamlet.id'], name=op.f('fk_team_member_hamlet_id_hamlet')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_team_member'))
    )
    with op.batch_alter_table('team_member', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_team_member_hamlet_id'), ['hamlet_id'], unique=False)

    op.create_table('activity_member',
    sa.Column('activity_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], name=op.f('fk_activity_member_activity_id_activity'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['member_id'], ['team_member.id'], name=op.f('fk_activity_member_member_id_team_member'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('activity_id', 'member_id', name=op.f('pk_activity_member'))
    )
    op.create_table('duty_exception',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('session', sa.String(length=10), nullable=True),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.String(length=200), nullable=True),
    sa.ForeignKeyConstraint(['member_id'], ['team_member.id'], name=op.f('fk_duty_exception_member_id_team_member'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_duty_exception'))
    )
    with op.batch_alter_table('duty_exception', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_duty_exception_day'), ['day'], unique=False)

    op.create_table('duty_shift',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('weekday', sa.Integer(), nullable=False),
    sa.Column('session', sa.String(length=10), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['member_id'], ['team_member.id'], name=op.f('fk_duty_shift_member_id_team_member'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_duty_shift')),
    sa.UniqueConstraint('member_id', 'weekday', 'session', name='uq_duty_shift_member_slot')
    )
    with op.batch_alter_table('duty_shift', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_duty_shift_member_id'), ['member_id'], unique=False)


def downgrade():
    with op.batch_alter_table('duty_shift', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_duty_shift_member_id'))

    op.drop_table('duty_shift')
    with op.batch_alter_table('duty_exception', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_duty_exception_day'))

    op.drop_table('duty_exception')
    op.drop_table('activity_member')
    with op.batch_alter_table('team_member', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_team_member_hamlet_id'))

    op.drop_table('team_member')
    with op.batch_alter_table('guide_step', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_guide_step_guide_id'))

    op.drop_table('guide_step')
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_activity_occurred_on'))
        batch_op.drop_index(batch_op.f('ix_activity_hamlet_id'))

    op.drop_table('activity')
    op.drop_table('hamlet')
    op.drop_table('guide')
    op.drop_table('announcement')
