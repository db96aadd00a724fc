"""Turn the national database's scraped text into something a citizen can read.

(First version: raw text only; the readable parsing replaces it.)
"""
from dataclasses import dataclass

MISSING = "Chưa có thông tin"


@dataclass
class ProcedureDetails:
    steps: list[str]
    documents: list[str]
    legal_basis: list[str]


def details(procedure) -> ProcedureDetails:
    """Everything the detail page shows, cleaned for reading."""
    def lines(text):
        return [line for line in (text or "").splitlines() if line.strip()]
    return ProcedureDetails(lines(procedure.steps), lines(procedure.documents), lines(procedure.legal_basis))
