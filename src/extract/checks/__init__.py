"""Checks: rules over Documents, within one edition and across editions. They depend on the
models (and the code grammar of `profiles`), never on sources, the parser or the writers; the
library API (`extract.api`) reads paths into Documents and calls them.

Within one edition: `rules` (RULES, one function per rule, `numbering` for codes), `findings`
(what a rule reports), `run` (`check`: all rules over documents, a DataFrame of findings) and
`at_conversion` (`validate`: the conversion-time subset, as diagnostics on the document).

Across editions: `comparison` (`compare`: the changes from one edition to another, records paired
by `matching`), `indicator_series` (`series`: one row per indicator, kind and year over many
editions), and `keys` (code order, policy area, figures, publication order) that line them up.
"""
from .at_conversion import validate
from .comparison import compare
from .indicator_series import series
from .rules import RULES, RULES_BY_ID, Rule
from .run import UnknownRule, check, run_rules, select_rules

__all__ = ["RULES", "RULES_BY_ID", "Rule", "UnknownRule", "check", "compare", "run_rules", "select_rules",
           "series", "validate"]
