"""Section words and line joining of the parser."""
from __future__ import annotations

import pytest

from extract.profiles import sections
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


def _joined_line_by_line(lines: list[tuple[str, bool]], wrapped: bool) -> str:
    """The explanation joining as it was: the paragraph so far copied for every wrapped line."""
    out: list[str] = []
    for text, first in lines:
        if out and wrapped and (not first or sections.LOWER_START.match(text)):
            out[-1] = sections.join_wrapped(out[-1], text)
        else:
            out.append(text)
    return "\n".join(t.strip() for t in out if t.strip())


def test_explanation_lines_are_joined_piece_by_piece_as_they_were_line_by_line():
    """A fuzz input wrapped 400,000 lines of `5,7` into one explanation: joining each line to
    a copy of the paragraph so far was quadratic (22 s of 27). The pieces give the same text."""
    import random

    from extract.parse.explanations import _join_lines
    rng = random.Random(7)
    words = ["Wmo-", "voorzieningen", "en", "of", "  ", "", "x", "-", "a-", "Beleid", "zorg ", " de ", "tot",
             "en/of zo", "É-", "über", "5,7"]
    for _ in range(5000):
        lines = [(" ".join(rng.choice(words) for _ in range(rng.randint(0, 3))), rng.random() < 0.3)
                 for _ in range(rng.randint(0, 8))]
        for wrapped in (True, False):
            assert _join_lines(lines, wrapped) == _joined_line_by_line(lines, wrapped), lines
    many = [("Het beleid", True)] + [("5,7", False)] * 300_000
    assert _join_lines(many, True) == "Het beleid" + " 5,7" * 300_000
