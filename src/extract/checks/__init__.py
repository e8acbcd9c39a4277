"""Rules over the records of a document (and, later, across editions)."""
from .validate import validate

__all__ = ["validate"]
