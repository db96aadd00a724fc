"""PostgreSQL: a trigram index on the folded search text, for the staff list's word search.

Revision ID: 0006
Revises: 0005
"""
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

# SQLite has no such index type; its catalogue is one commune's few hundred rows.
INDEX = 'ix_procedure_search_text_trgm'


def upgrade():
    if op.get_bind().dialect.name != 'postgresql':
        return
    # pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
    op.execute('CREATE EXTENSION IF NOT EXISTS pg_trgm')
    op.execute(f'CREATE INDEX {INDEX} ON procedure USING gin (search_text gin_trgm_ops)')


def downgrade():
    if op.get_bind().dialect.name != 'postgresql':
        return
    op.execute(f'DROP INDEX IF EXISTS {INDEX}')
