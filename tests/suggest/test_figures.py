"""The figures of a claim, read alike in six languages (claims/suggest/figures.py)."""

import pytest

from claims.suggest.figures import MONTH, NUMBER, SHARE, YEAR, compare, figures


def values(text: str) -> list[tuple[str, float]]:
    return [(figure.kind, round(figure.value, 6)) for figure in figures(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Exports grew 7.25% in the quarter.", [(SHARE, 0.0725)]),
        ("Las exportaciones crecieron un 7,25 % en el trimestre.", [(SHARE, 0.0725)]),
        ("Exports grew 7.25 per cent.", [(SHARE, 0.0725)]),
        ("Les exportations ont progressé de 7,25 pour cent.", [(SHARE, 0.0725)]),
        ("Die Exporte stiegen um 7,25 Prozent.", [(SHARE, 0.0725)]),
        ("The scheme cost 14,500 pounds.", [(NUMBER, 14500)]),
        ("Das Programm kostete 14.500 Pfund.", [(NUMBER, 14500)]),
        ("Le programme a coûté 14 500 livres.", [(NUMBER, 14500)]),
        ("Le programme a coûté 14\u202f500 livres.", [(NUMBER, 14500)]),
        ("The port handled 2.4 million containers.", [(NUMBER, 2_400_000)]),
        ("O porto movimentou 2,4 milhões de contentores.", [(NUMBER, 2_400_000)]),
        ("Il porto ha movimentato 2,4 milioni di container.", [(NUMBER, 2_400_000)]),
        ("The fund holds $7bn.", [(NUMBER, 7e9)]),
        ("El fondo tiene 7.000 millones de dólares.", [(NUMBER, 7e9)]),
        ("O fundo tem 7 mil milhões de dólares.", [(NUMBER, 7e9)]),
        ("Le fonds détient 7 milliards de dollars.", [(NUMBER, 7e9)]),
    ],
)
def test_digits_separators_and_scales_in_each_language(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Seventeen ministers resigned.", [(NUMBER, 17)]),
        ("Forty-two ministers resigned.", [(NUMBER, 42)]),
        ("Three thousand four hundred ministers resigned.", [(NUMBER, 3400)]),
        ("Six hundred thousand voters stayed home.", [(NUMBER, 600_000)]),
        ("Diecisiete ministros dimitieron.", []),  # not among the words read: no figure
        ("Sieben Minister traten zurück.", [(NUMBER, 7)]),
        ("Sette ministri si sono dimessi.", [(NUMBER, 7)]),
        ("The fleet is fourfold larger.", []),
        ("Prices doubled.", [(NUMBER, 2)]),
        ("Les prix ont triplé.", [(NUMBER, 3)]),
        ("Sie hat sich viermal beworben.", [(NUMBER, 4)]),
    ],
)
def test_number_words_and_multiples(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "share"),
    [
        ("One in four voters is undecided.", 0.25),
        ("Seven out of ten voters are undecided.", 0.7),
        ("Uno de cada cuatro votantes está indeciso.", 0.25),
        ("Un électeur sur quatre est indécis.", 0.25),
        ("Jeder vierte Wähler ist unentschlossen.", 0.25),
        ("Um em cada quatro eleitores está indeciso.", 0.25),
        ("Un elettore su quattro è indeciso.", 0.25),
        ("A quarter of voters are undecided.", 0.25),
        ("Half of the voters are undecided.", 0.5),
        ("Two thirds of the voters are undecided.", 2 / 3),
    ],
)
def test_shares_written_as_fractions(text, share):
    assert values(text) == [(SHARE, round(share, 6))]


def test_dates_years_and_months():
    assert values("Prices rose by 5 in 2020.") == [(NUMBER, 5), (YEAR, 2020)]
    assert values("Turnout fell in 2019 and again in June.") == [(YEAR, 2019), (MONTH, 6)]
    assert values("La participation a baissé en juin 2019.") == [(MONTH, 6), (YEAR, 2019)]
    assert values("Il tasso è sceso a giugno del 2019.") == [(MONTH, 6), (YEAR, 2019)]
    # English months that are also verbs count only capitalised.
    assert values("Prices may march higher.") == []
    assert values("Prices rose in May.") == [(MONTH, 5)]
    # The Italian "mai" is "never", the French "mai" after "en" a month.
    assert values("Non ha mai votato.") == []
    assert values("Il a voté en mai.") == [(MONTH, 5)]


@pytest.mark.parametrize(
    "text",
    [
        "The COVID-19 rules ended.",
        "The G7 met in Rome.",
        "The 5G network is live.",
        "She came 2nd in the race.",
        "The first half of the year was calm.",
        "It is due to the weather.",
        "One supplier sells the gas.",
        "O salário dos professores subiu.",  # Portuguese "dos" is "of the", not two
    ],
)
def test_what_is_not_a_figure(text):
    assert figures(text) == ()


def test_the_same_claim_in_other_words_and_languages_has_the_same_figures():
    claim = "Exports rose 4.2% in 2021, the fastest in nine years."
    for other in [
        "In 2021 exports grew by 4.2 percent, faster than in any of the previous nine years.",
        "Las exportaciones subieron un 4,2 % en 2021, el ritmo más rápido en nueve años.",
        "Die Exporte stiegen 2021 um 4,2 %, so schnell wie seit neun Jahren nicht.",
    ]:
        check = compare(claim, other)
        assert check.verdict == "same", other
        assert not check.differs


@pytest.mark.parametrize(
    "other",
    [
        "Exports rose 2.4% in 2021, the fastest in nine years.",
        "Exports rose 4.2% in 2012, the fastest in nine years.",
        "Exports rose 4.2% in 2021, the fastest in six years.",
        "Exports rose 42% in 2021, the fastest in nine years.",
        "Exports rose in 2021, the fastest in nine years.",
    ],
)
def test_a_changed_or_missing_figure_makes_them_different(other):
    check = compare("Exports rose 4.2% in 2021, the fastest in nine years.", other)
    assert check.verdict == "different"
    assert check.differs
    assert [f.text for f in check.left] == ["4.2%", "2021", "nine"]


def test_wordings_without_figures():
    check = compare("Vaccines cause autism.", "Las vacunas causan autismo.")
    assert check.verdict == "none"
    assert check.left == check.right == ()
