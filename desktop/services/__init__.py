"""Use cases: own transaction, role check, validation, audit; they return plain dataclasses."""
