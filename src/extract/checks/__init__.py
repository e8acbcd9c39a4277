"""Rules over the records of one edition: `check` (all rules, a DataFrame of findings) and
`validate` (the conversion-time subset, as diagnostics)."""
from .rules import RULES, RULES_BY_ID, Rule
from .run import check, run_rules, select_rules
from .validate import validate

__all__ = ["RULES", "RULES_BY_ID", "Rule", "check", "run_rules", "select_rules", "validate"]
