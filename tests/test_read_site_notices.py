"""What a site sets between its header and the article, pasted with it: its appeal for money ("Support local
journalism. Give today."), the word of a box that needs scripts ("Live updates are loading. If this message does not
go away, please enable JavaScript."), a paywall's label in the site's language ("Článek je součástí předplatného.",
"Cet article est réservé aux abonnés. Abonnez-vous ..."), a results table's rows over an election story, and a
market's ticker over the headline ("Riesgo país: 2.023"). Written as made-up pages, each from a page of the
thirty-third round's heads7 pool in that shape (the paywall's label in French, German and Italian as well as in
Czech and Polish). Each is what the editor sees: the article starting at its first paragraph, the line named among
those left out, and the story's headline, sure, not a row of the table nor a ticker's value."""

import re

import pytest
from test_read_kickers import GERMAN, ITALIAN, read
from test_read_press_captions import FRENCH

BALLOTS = (
    "More than 1,900 mail ballots in Harlow County's August primary arrived at the elections office after the legal "
    "deadline and could not be counted, according to figures released Monday.\n"
    "County Auditor Linda Farrow said about two thirds of the late ballots had been postmarked on or before Election "
    "Day but took more than a week to arrive.\n"
    "The state's new rules require ballots to be received by the day of the election, a change lawmakers made last "
    "year after a dispute over late-arriving ballots in two counties.\n"
)
HEADER = (
    "KWBR\nHarlow Public Radio\nDonate\nListen Live\nNews\nPolitics\n"
    "Why are so many mail ballots in Harlow County arriving late?\n"
    "By Tessa Whitcomb\nSeptember 22, 2020 at 5:34 PM PDT\nFacebook\nTwitter\nEmail\n"
    "An election worker sorts mail ballots at the Harlow County elections office on Oct. 19.\n"
    "Tessa Whitcomb / KWBR\n"
)


def left_out(notices: list[str], text: str) -> bool:
    """A notice names the line among the lines left out, its words quoted."""
    return any("left out" in notice and text[:30] in notice for notice in notices)


@pytest.mark.parametrize(
    "appeal",
    ["Support local journalism. Give today.", "Support public media. Give today.", "Support local news. Give now."],
)
def test_a_public_radio_s_appeal_over_the_article_is_no_paragraph(appeal):
    story, notices = read(HEADER + appeal + "\n" + BALLOTS)
    assert story.headline == "Why are so many mail ballots in Harlow County arriving late?"
    assert [block.text for block in story.body] == BALLOTS.strip().split("\n")
    assert left_out(notices, appeal)


MAYOR = (
    "Grace Okafor, a two-term city council member and former public defender, will be Ashford's next mayor after "
    "defeating businessman Mark Havili in Tuesday's runoff.\n"
    "With all 58 precincts reporting early Wednesday, Okafor had 53.3 percent of the vote to Havili's 46.7 percent, "
    "a margin of about 2,300 votes.\n"
    '"This city voted for safer streets and for a government that answers the phone," Okafor told supporters at a '
    "downtown hotel.\n"
    "Okafor will be sworn in on Jan. 3.\n"
)


@pytest.mark.parametrize("cell", [" ", "\t"])  # the cells as a made-up page writes them, and as a browser copies them
def test_a_results_table_s_rows_and_a_script_s_notice_over_the_story(cell):
    """The rows of the results table over the story ("Grace Okafor 18,412 53.3%") are no headline, though a byline
    stands near them and the story names the winner; the box's notice that it needs scripts is no paragraph."""
    table = (
        f"Candidate{cell}Votes{cell}Pct.\nGrace Okafor{cell}18,412{cell}53.3%\nMark Havili{cell}16,104{cell}46.7%\n"
        f"Total{cell}34,516\n"
    )
    notice = "Live updates are loading. If this message does not go away, please enable JavaScript."
    page = (
        "The Ashford Gazette\nSubscribe\nLog in\nNews\nElections\nElections 2022\nResults\nMayor\nCity Council\n"
        "Election results 2022\nOkafor wins Ashford mayoral race by 2,300 votes\n"
        "Results last updated Nov. 9, 2022, 1:42 a.m.\n58 of 58 precincts reporting (100%)\nAshford mayor\n"
        f"{table}Source: Ashford County Elections Office. Results are unofficial until certified.\n"
        f"{{{{ liveUpdates.title }}}}\n{notice}\nBy Rebecca Lind\nNov. 9, 2022 Updated 1:50 a.m.\n{MAYOR}"
    )
    story, notices = read(page)
    assert story.headline == "Okafor wins Ashford mayoral race by 2,300 votes"
    assert not story.headline_unsure
    assert [block.text for block in story.body] == MAYOR.strip().split("\n")
    assert left_out(notices, notice)


TEACHERS = (
    "Stávkovou pohotovost vyhlásil krajský výbor odborového svazu pracovníků školství ve středu dopoledne. Podle "
    "jeho předsedkyně jde o reakci na návrh rozpočtu.\n"
    "„Nejde jen o peníze. Učitelé mají ve třídách třicet dětí a na přípravu jim nezbývá čas,“ řekla předsedkyně.\n"
    "Ministerstvo školství zatím počítá s navýšením prostředků na platy o deset procent, což podle odborů nestačí.\n"
)
POLLS = (
    "Sondaż przeprowadzony w dniach 3-5 marca pokazuje, że na Koalicję chce głosować 31 procent wyborców, a na "
    "partię rządzącą 29 procent.\n"
    "Trzecie miejsce zajmuje Lewica z wynikiem 11 procent, a próg wyborczy przekraczają jeszcze dwa ugrupowania.\n"
    "Badanie przeprowadzono na próbie 1000 dorosłych mieszkańców kraju metodą wywiadów telefonicznych.\n"
)
PAYWALLED = [
    # (header, the paywall's label, the article)
    (
        "Deník Vltava\nZprávy\nDomácí\nUčitelé v kraji budou stávkovat. Jde o platy i o přetížení\n"
        "2. listopadu 2022 14:35\nLenka Dvořáková\nSdílet\n",
        "Článek je součástí předplatného. Předplaťte si Deník Vltava Premium za 1 Kč.",
        TEACHERS,
    ),
    (
        "Gazeta Nadwiślańska\nWiadomości\nKraj\nSondaż: Koalicja wyprzedza partię rządzącą o dwa punkty\n"
        "6 marca 2023 09:15\nAnna Nowicka\nUdostępnij\n",
        "Artykuł dostępny w ramach prenumeraty. Zaprenumeruj, aby czytać dalej.",
        POLLS,
    ),
]


@pytest.mark.parametrize(("header", "label", "article"), PAYWALLED)
def test_a_paywall_s_label_in_the_site_s_language_is_no_paragraph(header, label, article):
    story, notices = read(header + label + "\n" + article)
    assert [block.text for block in story.body] == article.strip().split("\n")
    assert left_out(notices, label)
    assert re.sub(r"\s+", " ", story.headline) == header.split("\n")[3]


@pytest.mark.parametrize(
    ("headline", "label", "article"),
    [
        ("CDU zieht in Mecklenburg-Vorpommern an der SPD vorbei",
         "Dieser Artikel ist nur für Abonnenten. Jetzt Abonnement abschließen.", GERMAN),
        ("Referendum, il Sì avanti di sei punti ma metà degli elettori è indecisa",
         "Articolo riservato agli abbonati. Abbonamento a 1 euro al mese.", ITALIAN),
        ("Le train de nuit retrouve ses voyageurs, pas ses voitures",
         "Cet article est réservé aux abonnés. Abonnez-vous à partir de 1 €.", FRENCH),
    ],
)  # fmt: skip
def test_a_paywall_s_label_of_two_sentences_in_french_german_or_italian_is_no_paragraph(headline, label, article):
    story, notices = read(f"News\n{headline}\n12.03.2024\nAnna Weber\n{label}\n{article}")
    assert story.headline == headline
    assert [block.text for block in story.body] == article.strip().split("\n")
    assert left_out(notices, label)


RIVER = (
    "El Paraná marcó este lunes 12 centímetros en el hidrómetro del puerto de Rosario, el registro más bajo desde "
    "1971 y casi dos metros por debajo de su nivel normal para agosto.\n"
    "Las terminales del Gran Rosario cargan los buques con unas 6.000 toneladas menos por viaje, según la Cámara de "
    "Actividades Portuarias.\n"
    "Para la semana próxima, el Instituto Nacional del Agua prevé que el río siga bajando entre 5 y 10 centímetros.\n"
)


def test_a_market_s_ticker_over_the_headline_is_no_headline_of_its_own():
    """A paste selected from the ticker's last value down: "Riesgo país: 2.023" over the headline is a ticker's
    value, not a title whose standfirst the headline would be, and the headline, with the lead photo's caption under
    it, is sure."""
    headline = "La bajante histórica del Paraná complica a los puertos del Gran Rosario"
    caption = (
        "Un buque de bandera panameña amarrado en el muelle de una terminal de Timbúes, con la línea de flotación a "
        "la vista. El calado permitido bajó de 34 a 31 pies en las últimas semanas, lo que obliga a cargar unas 6.000 "
        "toneladas menos por viaje. Los prácticos recomiendan navegar de día en los pasos más críticos."
    )
    story, _ = read(f"Riesgo país: 2.023\n{headline}\n{caption}\n{RIVER}")
    assert (story.headline, story.headline_unsure) == (headline, False)
