"""Security: server-side staff sessions (sign-out ends them, 12 h at most); a lookup secret for every
dossier, existing and imported ones included; lookups throttled per receipt code, not per address.

Revision ID: 0008
Revises: 0007
"""
import secrets

from alembic import op
import sqlalchemy as sa

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

# As app.dossiers.models, copied: a migration must not change when the app's code does.
LOOKUP_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def _new_secret():
    return "".join(secrets.choice(LOOKUP_ALPHABET) for _ in range(8))


def _give_every_dossier_a_secret():
    dossier = sa.table('dossier', sa.column('id', sa.Integer()), sa.column('lookup_secret', sa.String(8)))
    connection = op.get_bind()
    ids = connection.execute(sa.select(dossier.c.id)).scalars().all()
    for start in range(0, len(ids), 1000):
        connection.execute(dossier.update().where(dossier.c.id == sa.bindparam('dossier_id')),
                           [{'dossier_id': id_, 'lookup_secret': _new_secret()} for id_ in ids[start:start + 1000]])


def upgrade():
    op.create_table('staff_session',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('ended_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_staff_session_user_id_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff_session'))
    )
    with op.batch_alter_table('staff_session', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_staff_session_user_id'), ['user_id'], unique=False)
    with op.batch_alter_table('dossier', schema=None) as batch_op:
        batch_op.add_column(sa.Column('lookup_secret', sa.String(length=8), nullable=True))
    _give_every_dossier_a_secret()
    with op.batch_alter_table('dossier', schema=None) as batch_op:
        batch_op.alter_column('lookup_secret', existing_type=sa.String(length=8), nullable=False)
    # The counts were per address and last minutes: nothing worth carrying over.
    op.drop_table('lookup_throttle')
    op.create_table('lookup_throttle',
    sa.Column('receipt_code', sa.String(length=40), nullable=False),
    sa.Column('window_start', sa.DateTime(), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('receipt_code', name=op.f('pk_lookup_throttle'))
    )


def downgrade():
    op.drop_table('lookup_throttle')
    op.create_table('lookup_throttle',
    sa.Column('address', sa.String(length=64), nullable=False),
    sa.Column('window_start', sa.DateTime(), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('address', name=op.f('pk_lookup_throttle'))
    )
    with op.batch_alter_table('dossier', schema=None) as batch_op:
        batch_op.drop_column('lookup_secret')
    with op.batch_alter_table('staff_session', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_staff_session_user_id'))
    op.drop_table('staff_session')
