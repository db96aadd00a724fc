"""Dossiers: officers' corrections kept in a history table; folded applicant names and phone digits
for the register search (accents, phone formats).

Revision ID: 0009
Revises: 0008
"""
import re
import unicodedata

from alembic import op
import sqlalchemy as sa

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

# As app.catalog.folding.fold and app.dossiers.models.phone_digits, copied: a migration must not
# change when the app's code does.
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")
_LETTERS = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})


def _fold(text):
    bare = _MARKS.sub("", unicodedata.normalize("NFKD", (text or "").translate(_LETTERS).lower()))
    words = re.sub(r"[^0-9a-z.]+", " ", bare).split()
    return " ".join(w.strip(".") for w in words if w.strip("."))[:200]


def _digits(text):
    digits = re.sub(r"\D", "", text or "")
    return ("0" + digits[2:] if digits.startswith("84") and len(digits) >= 11 else digits)[:20]


def _fill_search_columns():
    dossier = sa.table('dossier', sa.column('id', sa.Integer()), sa.column('applicant_name', sa.String(200)),
                       sa.column('applicant_phone', sa.String(20)), sa.column('applicant_folded', sa.String(200)),
                       sa.column('phone_digits', sa.String(20)))
    connection = op.get_bind()
    rows = connection.execute(sa.select(dossier.c.id, dossier.c.applicant_name, dossier.c.applicant_phone)).all()
    for start in range(0, len(rows), 1000):
        connection.execute(
            dossier.update().where(dossier.c.id == sa.bindparam('dossier_id')),
            [{'dossier_id': id_, 'applicant_folded': _fold(name), 'phone_digits': _digits(phone)}
             for id_, name, phone in rows[start:start + 1000]])


def upgrade():
    op.create_table('dossier_edit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('dossier_id', sa.Integer(), nullable=False),
    sa.Column('changed_at', sa.DateTime(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('username', sa.String(length=80), nullable=False),
    sa.Column('changes', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['dossier_id'], ['dossier.id'], name=op.f('fk_dossier_edit_dossier_id_dossier'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_dossier_edit_user_id_user'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dossier_edit'))
    )
    with op.batch_alter_table('dossier_edit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dossier_edit_dossier_id'), ['dossier_id'], unique=False)
    with op.batch_alter_table('dossier', schema=None) as batch_op:
        batch_op.add_column(sa.Column('applicant_folded', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('phone_digits', sa.String(length=20), nullable=True))
    _fill_search_columns()
    with op.batch_alter_table('dossier', schema=None) as batch_op:
        batch_op.alter_column('applicant_folded', existing_type=sa.String(length=200), nullable=False)
        batch_op.alter_column('phone_digits', existing_type=sa.String(length=20), nullable=False)


def downgrade():
    with op.batch_alter_table('dossier', schema=None) as batch_op:
        batch_op.drop_column('phone_digits')
        batch_op.drop_column('applicant_folded')
    with op.batch_alter_table('dossier_edit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dossier_edit_dossier_id'))
    op.drop_table('dossier_edit')
