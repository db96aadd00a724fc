"""Dossiers: the CCCD number a scan read at intake, kept only while the admin's setting says so
(off by default), to find a citizen's earlier dossiers.

Revision ID: 0012
Revises: 0011
"""
from alembic import op
import sqlalchemy as sa

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('dossier', schema=None) as batch_op:
        batch_op.add_column(sa.Column('citizen_id_number', sa.String(length=12), nullable=True))
        batch_op.create_index(batch_op.f('ix_dossier_citizen_id_number'), ['citizen_id_number'], unique=False)


def downgrade():
    with op.batch_alter_table('dossier', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dossier_citizen_id_number'))
        batch_op.drop_column('citizen_id_number')
