"""Forms (mẫu đơn, tờ khai): files with rendered previews, forms linked to procedures, kiosk prints.

Revision ID: 0010
Revises: 0009
"""
from alembic import op
import sqlalchemy as sa

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('paper_file',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('original_name', sa.String(length=255), nullable=False),
    sa.Column('stored_name', sa.String(length=120), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('mimetype', sa.String(length=120), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('page_count', sa.Integer(), nullable=False),
    sa.Column('preview_width', sa.Integer(), nullable=False),
    sa.Column('preview_height', sa.Integer(), nullable=False),
    sa.Column('uploaded_at', sa.DateTime(), nullable=False),
    sa.Column('uploaded_by', sa.String(length=80), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_paper_file')),
    sa.UniqueConstraint('stored_name', name=op.f('uq_paper_file_stored_name'))
    )
    op.create_table('paper_form',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('blank_id', sa.Integer(), nullable=False),
    sa.Column('example_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['blank_id'], ['paper_file.id'], name=op.f('fk_paper_form_blank_id_paper_file')),
    sa.ForeignKeyConstraint(['example_id'], ['paper_file.id'], name=op.f('fk_paper_form_example_id_paper_file'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_paper_form'))
    )
    op.create_table('procedure_paper_form',
    sa.Column('procedure_id', sa.Integer(), nullable=False),
    sa.Column('paper_form_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['paper_form_id'], ['paper_form.id'], name=op.f('fk_procedure_paper_form_paper_form_id_paper_form'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['procedure_id'], ['procedure.id'], name=op.f('fk_procedure_paper_form_procedure_id_procedure'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('procedure_id', 'paper_form_id', name=op.f('pk_procedure_paper_form'))
    )
    with op.batch_alter_table('procedure_paper_form', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_procedure_paper_form_paper_form_id'), ['paper_form_id'], unique=False)
    op.create_table('paper_form_print',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('paper_form_id', sa.Integer(), nullable=False),
    sa.Column('printed_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['paper_form_id'], ['paper_form.id'], name=op.f('fk_paper_form_print_paper_form_id_paper_form'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_paper_form_print'))
    )
    with op.batch_alter_table('paper_form_print', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_paper_form_print_paper_form_id'), ['paper_form_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_paper_form_print_printed_at'), ['printed_at'], unique=False)


def downgrade():
    with op.batch_alter_table('paper_form_print', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_paper_form_print_printed_at'))
        batch_op.drop_index(batch_op.f('ix_paper_form_print_paper_form_id'))
    op.drop_table('paper_form_print')
    with op.batch_alter_table('procedure_paper_form', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_procedure_paper_form_paper_form_id'))
    op.drop_table('procedure_paper_form')
    op.drop_table('paper_form')
    op.drop_table('paper_file')
