"""What a site sets between its header and the article, pasted with it: its appeal for money ("Support local
journalism. Give today."), the word of a box that needs scripts ("The live results are loading. If nothing appears,
please enable JavaScript."), a paywall's label in the site's language ("Článek je součástí předplatného.",
"Cet article est réservé aux abonnés. Abonnez-vous ..."), a results table's rows over an election story, and a
market's ticker over the headline ("Riesgo país: 1.987"). Made-up pages, each in the shape of a page of the
thirty-third round's heads7 pool, with stories, names and figures of their own (the paywall's label in French, German
and Italian as well as in Czech and Polish). Each is what the editor sees: the article starting at its first
paragraph, the line named among those left out, and the story's headline, sure, not a row of the table nor a
ticker's value."""

import pytest
from test_read_kickers import GERMAN, ITALIAN, read
from test_read_press_captions import FRENCH

BALLOTS = (
    "Six polling places in Dunmore ran out of provisional ballots before noon on Tuesday, and voters there were told "
    "to wait or to drive to the county building across town, poll workers said.\n"
    "Elections director Paul Ambrose said the county had printed the same number of provisional ballots as in 2018 "
    "and had not expected so many voters to find their names missing from the rolls.\n"
    "Fresh ballots reached the six sites by early afternoon, about three hours after the first ran out.\n"
)
HEADER = (
    "WLCR\nLake Country Public Radio\nDonate\nListen Live\nNews\nPolitics\n"
    "Why did Dunmore's polling places run out of provisional ballots?\n"
    "By Nora Kessler\nNovember 8, 2022 at 6:10 PM EST\nFacebook\nTwitter\nEmail\n"
    "Voters wait outside the Dunmore community center on Tuesday.\n"
    "Nora Kessler / WLCR\n"
)


def read_past(page: str, headline: str, article: str, site_line: str):
    """What the editor sees of a page with the site's line over its article: the headline, the article from its
    first paragraph, and a notice naming the site's line among the lines left out, its words quoted."""
    story, notices = read(page)
    assert story.headline == headline
    assert [block.text for block in story.body] == article.strip().split("\n")
    assert any("left out" in notice and site_line[:30] in notice for notice in notices)
    return story


@pytest.mark.parametrize(
    "appeal",
    ["Support local journalism. Give today.", "Support public media. Give today.", "Support local news. Give now."],
)
def test_a_public_radio_s_appeal_over_the_article_is_no_paragraph(appeal):
    read_past(HEADER + appeal + "\n" + BALLOTS, "Why did Dunmore's polling places run out of provisional ballots?",
              BALLOTS, appeal)  # fmt: skip


MAYOR = (
    "Tomas Rivera, a school board member and retired fire captain, will be Brookfield's next mayor after beating "
    "council president Helen Park in Tuesday's election.\n"
    "With all 24 precincts counted, Rivera had 51.2 percent of the vote to Park's 48.8 percent, a lead of 463 votes "
    "that is too wide for an automatic recount.\n"
    '"People told me they want the potholes fixed before anything else," Rivera said at his campaign office.\n'
    "Park conceded shortly after midnight.\n"
)


@pytest.mark.parametrize("cell", [" ", "\t"])  # the cells as a made-up page writes them, and as a browser copies them
def test_a_results_table_s_rows_and_a_script_s_notice_over_the_story(cell):
    """The rows of the results table over the story ("Tomas Rivera 9,871 51.2%") are no headline, though a byline
    stands near them and the story names the winner; the box's notice that it needs scripts is no paragraph."""
    table = (
        f"Candidate{cell}Votes{cell}Pct.\nTomas Rivera{cell}9,871{cell}51.2%\nHelen Park{cell}9,408{cell}48.8%\n"
        f"Total{cell}19,279\n"
    )
    notice = "The live results are loading. If nothing appears, please enable JavaScript."
    page = (
        "Brookfield Courier\nSubscribe\nSign in\nNews\nElections\nResults\nMayor\nCouncil\nBallot questions\n"
        "Election results 2024\nRivera edges Park to become Brookfield mayor\n"
        "Updated Nov. 6, 2024, 11:58 p.m.\n24 of 24 precincts counted (100%)\nBrookfield mayor\n"
        f"{table}Source: Brookfield city clerk. Results are unofficial.\n"
        f"{{{{ results.heading }}}}\n{notice}\nBy Owen Marsh\nNov. 6, 2024\n{MAYOR}"
    )
    story = read_past(page, "Rivera edges Park to become Brookfield mayor", MAYOR, notice)
    assert not story.headline_unsure


BUSES = (
    "Krajští zastupitelé v pondělí schválili zdražení jízdného v regionálních autobusech. Od ledna zaplatí cestující "
    "za základní jízdenku o čtyři koruny více.\n"
    "Podle hejtmana kraj doplácí dopravcům každý rok víc kvůli cenám nafty a mzdám řidičů.\n"
    "Opozice navrhovala zdražení odložit o půl roku, návrh ale neprošel.\n"
)
POLLS = (
    "Sondaż przeprowadzony w dniach 3-5 marca pokazuje, że na Koalicję chce głosować 31 procent wyborców, a na "
    "partię rządzącą 29 procent.\n"
    "Trzecie miejsce zajmuje Lewica z wynikiem 11 procent, a próg wyborczy przekraczają jeszcze dwa ugrupowania.\n"
    "Badanie przeprowadzono na próbie 1000 dorosłych mieszkańców kraju metodą wywiadów telefonicznych.\n"
)
PAYWALLED = [
    # (the lines over the headline, the headline, the lines under it, the paywall's label, the article)
    ("Jihočeský den\nZprávy\nKraj", "Jízdné v krajských autobusech zdraží od ledna o čtyři koruny",
     "14. října 2024 16:20\nPetr Novák\nSdílet",
     "Článek je součástí předplatného. Předplaťte si Jihočeský den Plus za 1 Kč.", BUSES),
    ("Gazeta Nadwiślańska\nWiadomości\nKraj", "Sondaż: Koalicja wyprzedza partię rządzącą o dwa punkty",
     "6 marca 2023 09:15\nAnna Nowicka\nUdostępnij",
     "Artykuł dostępny w ramach prenumeraty. Zaprenumeruj, aby czytać dalej.", POLLS),
    ("News", "CDU zieht in Mecklenburg-Vorpommern an der SPD vorbei", "12.03.2024\nAnna Weber",
     "Dieser Artikel ist nur für Abonnenten. Jetzt Abonnement abschließen.", GERMAN),
    ("News", "Referendum, il Sì avanti di sei punti ma metà degli elettori è indecisa", "12.03.2024\nAnna Weber",
     "Articolo riservato agli abbonati. Abbonamento a 1 euro al mese.", ITALIAN),
    ("News", "Le train de nuit retrouve ses voyageurs, pas ses voitures", "12.03.2024\nAnna Weber",
     "Cet article est réservé aux abonnés. Abonnez-vous à partir de 1 €.", FRENCH),
]  # fmt: skip


@pytest.mark.parametrize(("above", "headline", "below", "label", "article"), PAYWALLED)
def test_a_paywall_s_label_in_the_site_s_language_is_no_paragraph(above, headline, below, label, article):
    read_past(f"{above}\n{headline}\n{below}\n{label}\n{article}", headline, article, label)


FARES = (
    "El boleto de colectivo en Córdoba costará desde el lunes 180 pesos, un 25 por ciento más que ahora, tras la "
    "aprobación del Concejo Deliberante.\n"
    "Las empresas pedían un aumento del 40 por ciento y advertían que sin él reducirían las frecuencias nocturnas.\n"
    "La oposición votó en contra y pidió una auditoría de los subsidios que reciben las líneas urbanas.\n"
)


def test_a_market_s_ticker_over_the_headline_is_no_headline_of_its_own():
    """A paste selected from the ticker's last value down: "Riesgo país: 1.987" over the headline is a ticker's
    value, not a title whose standfirst the headline would be, and the headline, with the lead photo's caption under
    it, is sure."""
    headline = "El Concejo aprobó un aumento del 25 por ciento en el boleto de colectivo de Córdoba"
    caption = (
        "Pasajeros esperan el colectivo en una parada del centro de Córdoba, frente a la plaza San Martín, en la hora "
        "pico de la mañana. Las líneas del norte de la ciudad son las que más pasajeros llevan cada día, según la "
        "empresa municipal. El nuevo cuadro tarifario regirá también para los fines de semana."
    )
    story, _ = read(f"Riesgo país: 1.987\n{headline}\n{caption}\n{FARES}")
    assert (story.headline, story.headline_unsure) == (headline, False)
