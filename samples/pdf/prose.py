"""Deterministic Dutch policy prose: the pages of an annual report around its goal and indicator
tables (introductions, financial explanations, paragraphs on risks and reserves). No record
codes, no section headings: text the extractor must read past."""
from __future__ import annotations

import random

SENTENCES = [
    "De gemeente werkt samen met maatschappelijke partners aan een sterke sociale basis in de wijken.",
    "In het afgelopen jaar is de samenwerking met de regiogemeenten verder verstevigd.",
    "De uitvoering verliep grotendeels volgens planning, met uitzondering van enkele projecten.",
    "Door de krappe arbeidsmarkt was het lastig om vacatures tijdig te vervullen.",
    "De raad is via raadsinformatiebrieven op de hoogte gehouden van de voortgang.",
    "Het college heeft ingezet op een integrale aanpak waarin inwoners centraal staan.",
    "De lasten vielen lager uit dan begroot doordat een aantal subsidies niet volledig is besteed.",
    "Een deel van de middelen wordt overgeheveld naar het volgende begrotingsjaar.",
    "De risico's zijn in de paragraaf weerstandsvermogen nader toegelicht.",
    "Bij de voorjaarsnota is besloten om extra middelen beschikbaar te stellen voor onderhoud.",
    "De reserve is ingezet voor de dekking van incidentele kosten van het programma.",
    "Met de partners in de stad zijn prestatieafspraken gemaakt voor de komende jaren.",
    "De effecten van de maatregelen worden jaarlijks gemonitord en waar nodig bijgesteld.",
    "Inwoners konden via een digitaal platform meedenken over de plannen voor hun buurt.",
    "De investeringen in de openbare ruimte zijn conform het meerjarenprogramma uitgevoerd.",
    "Het aantal meldingen nam licht toe ten opzichte van het voorgaande jaar.",
    "De kosten van de inhuur van extern personeel waren hoger dan verwacht.",
    "In overleg met de provincie is een nieuwe subsidieregeling opgesteld.",
    "De evaluatie van het beleid is afgerond en wordt in het najaar aan de raad aangeboden.",
    "Er is extra aandacht besteed aan de bereikbaarheid van voorzieningen voor ouderen.",
]


def paragraphs(n: int, seed: int = 1, sentences: int = 5) -> list[str]:
    """`n` paragraphs of `sentences` sentences each, the same for the same seed."""
    rng = random.Random(seed)
    return [" ".join(rng.choice(SENTENCES) for _ in range(sentences)) for _ in range(n)]
