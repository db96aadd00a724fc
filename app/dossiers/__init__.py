"""The dossier intake register, receipts, public status lookup, statistics and ratings."""
