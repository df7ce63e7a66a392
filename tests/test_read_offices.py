"""A town hall's, a club's or a society's news page as pasted: the site's menus, a list of its latest news each titled
"Topic: what happened", then the item itself under its title in that shape and its date ("Veröffentlicht am:
14.05.2019", the CMS's label). The item's title is the headline, not a box of facts, and its date the story's date.
The pages are written here in that shape."""

import datetime as dt

import pytest
from test_read_kickers import read

ITEM = (
    "Mit dem feierlichen Spatenstich am Freitag haben die Bauarbeiten für den neuen Kindergarten in Oberau "
    "begonnen, der ab dem Herbst des kommenden Jahres zwei Gruppen mit je fünfundzwanzig Kindern aufnehmen soll.\n"
    "Der bestehende Kindergarten im Ortszentrum ist seit Jahren voll ausgelastet, und der Gemeinderat hat den Neubau "
    "im vergangenen Herbst einstimmig beschlossen.\n"
    "Das Gebäude wird in Holzbauweise errichtet und bietet neben zwei Gruppenräumen auch einen Bewegungsraum und einen "
    "großen Garten, der an den Spielplatz der Volksschule grenzt.\n"
)
TITLE = "Neuer Kindergarten in Oberau: Spatenstich ist erfolgt"


@pytest.mark.parametrize("stamp", ["Veröffentlicht am: 14.05.2019", "Erstellt am: 14.05.2019"])
def test_a_news_item_titled_topic_colon_what_happened_under_a_list_of_such_titles_is_the_headline(stamp):
    page = (
        "Marktgemeinde St. Kilian am Wald\nZum Inhalt springen\nSuche\nGemeindeamt\nBürgerservice\nAmtstafel\n"
        "Aktuelles\nNeuigkeiten\n"
        "Müllabfuhr: geänderte Termine zu Christi Himmelfahrt\nVorschau: Gemeinderatssitzung am 6. Juni\n"
        f"{TITLE}\n{stamp}\n{ITEM}Impressum\nDatenschutz\n"
    )
    story, _ = read(page)
    assert (story.headline, story.headline_unsure) == (TITLE, False)
    assert story.date == dt.date(2019, 5, 14)
    assert not any("14.05.2019" in block.text for block in story.body)


def test_a_date_labelled_with_a_colon_after_am_or_le_is_the_story_s_date():
    story, _ = read(f"Accueil\nActualités\nLa commune ouvre une nouvelle école\nPublié le : 14/05/2019\n{ITEM}")
    assert story.date == dt.date(2019, 5, 14)


def test_a_box_of_facts_ending_in_its_dates_stays_a_box_of_facts():
    """A knowledge base's box of facts under its title ("ID: ...", "Platforms: ...", then "Created: <date>" and
    "Last Modified: <date>"): the fact over the dates is no headline over its own date; the title is the headline."""
    title = "Der Neubau des Kindergartens in Oberau beginnt im Mai"
    facts = (
        "ID: KB-1137\nGemeinde: St. Kilian am Wald\nAuftraggeber: Gemeinderat\nProjekt: Neuer Kindergarten in Oberau\n"
    )
    dates = "Erstellt am: 14.05.2019\nAktualisiert am: 15.05.2019\n"
    menu = "Übersicht\nBeteiligte\nZeitplan\nDokumente\nKontakt\nDrucken\n"
    story, _ = read(f"Startseite\nProjekte\n{title}\n{menu}{facts}{dates}{ITEM}")
    assert story.headline == title


JAPANESE_NOTICE = (
    "平成29年4月1日から、粗大ごみの収集方法が、これまでの定期収集から電話またはインターネットによる申込制に変わります。\n"
    "申し込みは収集日の1週間前までに、粗大ごみ受付センターへお願いします。料金は品目ごとに決まっています。\n"
    "詳しくは、4月に全戸配布するごみカレンダーをご覧ください。\n"
)


@pytest.mark.parametrize("number", ["ページ番号1004521", "ページID：1004521"])
def test_a_page_s_number_in_its_site_s_system_is_never_its_headline(number):
    """A city's page prints its number in the site's system over the date ("ページ番号1004521"): with the title in
    the paste, the title is the headline; without it, the number is never given as the headline."""
    top = "みなと野市\nくらし・手続き\nホーム\n>\nごみ・リサイクル\n"
    title = "粗大ごみの収集方法が4月から変わります"
    story, _ = read(f"{top}{title}\n{number}\n更新日：2017年2月20日\n印刷\n{JAPANESE_NOTICE}")
    assert story.headline == title
    story, _ = read(f"{top}{number}\n更新日：2017年2月20日\n印刷\n{JAPANESE_NOTICE}")
    assert story.headline != number
