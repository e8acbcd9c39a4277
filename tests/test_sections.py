"""Section words and line joining of the parser."""
from __future__ import annotations

import pytest

from extract.profiles.sections import ends_sentence, footnote, goals_intro, is_section_heading, join_wrapped


@pytest.mark.parametrize("before, after, joined", [
    ("Organiseren van een passend", "voorzieningenaanbod", "Organiseren van een passend voorzieningenaanbod"),
    ("aanbod van algemene Wmo-", "voorzieningen", "aanbod van algemene Wmo-voorzieningen"),
    ("breed kunst-", "en cultuurprogramma", "breed kunst- en cultuurprogramma"),
    ("de stelling", "'Ik woon in", "de stelling 'Ik woon in"),
])
def test_wrapped_lines_join(before, after, joined):
    assert join_wrapped(before, after) == joined


def test_section_words():
    assert is_section_heading("Effectindicatoren bij 9A Sociale binding en participatie")
    assert is_section_heading("Verbonden partijen")
    assert is_section_heading("Een overzicht van realisatie- en streefwaarden van de indicatoren (ook uit vorige begrotingen) staat op")
    assert not is_section_heading("Het college verstrekt subsidie aan de coöperatie.")
    assert goals_intro("Doelen en prestaties bij 9A Sociale binding") == ("9A", "Sociale binding")
    assert footnote("**De cijfers in Leiden zijn lager") == ("**", "De cijfers in Leiden zijn lager")
    assert footnote("Stadsenquête*") is None
    assert ends_sentence("Dit leidt tot een uitvoeringsplan voor 2019.") and not ends_sentence("Organiseren van")
