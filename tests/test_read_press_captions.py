"""A photo's caption with its credit glued on in one press's own convention (readers/press_captions.py): a Japanese
paper's "＝date, place", a Korean paper's reporter after the caption's sentence, a Chinese paper's "source 图", the
Japan Times' credit in capitals after a bar, a French paper's photographer "POUR « LE MONDE »". Between the headline
and the article each is the photo's caption and credit, never a paragraph; with the headline left out of the paste,
it is never given as a sure headline. The pages are written here in those shapes."""

import pytest
from test_read_kickers import read

JAPANESE = (
    "市議会は22日の本会議で、市議の定数を現在の48から46に削減する条例改正案を賛成多数で可決した。次の市議選から適用される。\n"
    "改正案は最大会派などが共同で提出した。人口減少が続くなか、議会も身を切る姿勢を示すべきだとの声を踏まえたという。\n"
    "反対した会派は、定数を減らせば議会の監視機能が弱まると主張した。\n"
)
KOREAN = (
    "서울 종로구의 한 전통시장에서 30년째 떡집을 운영하는 김순자(67)씨는 요즘 오전 장사를 아예 접었다. "
    "아침에 떡을 해 놓아도 팔리지가 않는다는 것이다.\n"
    "감염병 확산 이후 전통시장을 찾는 발길이 눈에 띄게 줄었다. "
    "시장 상인회에 따르면 이달 하루 방문객은 지난해의 절반 수준이다.\n"
    "상인들은 임대료 감면과 긴급 자금 지원을 요구하고 있다.\n"
)
CHINESE = (
    "11月20日上午，市发展和改革委员会召开居民生活用水价格调整听证会，拟将第一阶梯居民用水价格由每立方米2.95元调整为3.35元。\n"
    "根据听证方案，第二、第三阶梯水价按照现行比价关系相应调整，污水处理费标准不变。\n"
    "市发改委相关负责人在会上介绍，近年来供水企业的原水、电力和人工成本持续上涨，企业连续三年亏损。\n"
)
ENGLISH = (
    "The Tokyo High Court ruled Thursday that disparities in the weight of votes in last July's upper house election "
    "were in a state of unconstitutionality, but stopped short of voiding the results.\n"
    "The ruling is the first of 16 suits filed by two groups of lawyers at high courts across the country, and the "
    "Supreme Court is expected to rule on them together next year.\n"
    "The presiding judge said the Diet had not taken concrete steps toward a fundamental overhaul of the system.\n"
)

FRENCH = (
    "Il est 20 h 52 quand le Paris-Briançon s'ébranle, quai 1 de la gare d'Austerlitz. Dans la voiture 7, une famille "
    "lyonnaise installe les enfants sur les couchettes du haut.\n"
    "Longtemps présenté comme une relique, le train de nuit a retrouvé des voyageurs depuis que l'État a relancé deux "
    "lignes en 2021.\n"
    "Le gouvernement promet dix lignes nouvelles d'ici à 2030, mais les voitures manquent et les rames sont vieilles.\n"
)
PAGES = [
    # (menu and headline, date and buttons, the caption with its credit, the article, caption, credit)
    ("ニュース\n政治\n議員定数2削減、賛成多数で可決 市議会", "2016年12月22日 18時40分\n印刷\n写真・図版",
     "条例改正案が可決された市議会の本会議＝22日、静岡市葵区", JAPANESE,
     "条例改正案が可決された市議会の本会議", "＝22日、静岡市葵区"),
    ("뉴스\n사회\n“손님이 절반으로 줄었어요”… 감염병에 멈춘 전통시장", "등록 2020-03-18 17:42\n수정 2020-03-18 19:05",
     "18일 오후 서울 종로구의 한 전통시장이 한산한 모습을 보이고 있다. 이지현 기자", KOREAN,
     "18일 오후 서울 종로구의 한 전통시장이 한산한 모습을 보이고 있다.", "이지현 기자"),
    ("首页\n财经\n拟调整居民阶梯水价，听证会上多数代表同意", "2024-11-20 16:05 来源：河畔新闻\n字号",
     "听证会现场。 市发改委 图", CHINESE, "听证会现场。", "市发改委 图"),
    ("National\nPolitics\nHigh court says upper house poll was in 'state of unconstitutionality'",
     "Jan 22, 2026\nSHARE",
     "Lawyers who brought the suit speak to reporters outside the Tokyo High Court on Thursday. | KYODO", ENGLISH,
     "Lawyers who brought the suit speak to reporters outside the Tokyo High Court on Thursday.", "KYODO"),
    ("Économie\nTransports\nLe train de nuit peut-il revenir pour de bon ?", "Publié le 4 mars 2021 à 06h00\nPartager",
     "Le train de nuit Paris-Briançon en gare d'Austerlitz, le 3 mars 2021. MATHILDE ROSSIGNOL POUR « LE MONDE »",
     FRENCH, "Le train de nuit Paris-Briançon en gare d'Austerlitz, le 3 mars 2021.",
     "MATHILDE ROSSIGNOL POUR « LE MONDE »"),
]  # fmt: skip
IDS = ["japanese", "korean", "chinese", "english", "french"]


@pytest.mark.parametrize(("top", "stamp", "photo", "article", "caption", "credit"), PAGES, ids=IDS)
def test_a_caption_in_its_press_s_convention_is_the_photo_s_not_a_paragraph(top, stamp, photo, article, caption,
                                                                               credit):  # fmt: skip
    story, _ = read(f"{top}\n{stamp}\n{photo}\n{article}")
    assert story.headline == top.split("\n")[-1]
    assert (story.caption, story.credit) == (caption, credit)
    assert [block.text for block in story.body] == article.strip().split("\n")


@pytest.mark.parametrize(("top", "stamp", "photo", "article", "caption", "credit"), PAGES, ids=IDS)
def test_with_the_headline_left_out_the_caption_is_no_sure_headline(top, stamp, photo, article, caption, credit):
    story, _ = read(f"{top.rsplit(chr(10), 1)[0]}\n{stamp}\n{photo}\n{article}")
    assert story.headline_unsure or story.headline_derived or photo not in story.headline


@pytest.mark.parametrize(
    "title",
    [
        "首相、辞任へ＝総裁選不出馬",  # a Japanese wire's headline holds "＝": no day and place after it, no agency
        "Did the court void the July upper house vote? | ANALYSIS",  # a question before its label in capitals
    ],
)
def test_a_headline_in_the_same_shape_is_still_the_headline(title):
    story, _ = read(f"Menu\n{title}\n{JAPANESE if '＝' in title else ENGLISH}")
    assert story.headline == title


@pytest.mark.parametrize(
    ("line", "caption", "credit"),
    [
        ("The play area at a coworking space in Raleigh, N.C. TANDEM WORKS",
         "The play area at a coworking space in Raleigh, N.C.", "TANDEM WORKS"),
        ("Voters queue outside a polling station in Milwaukee on Monday. AFP VIA GETTY IMAGES",
         "Voters queue outside a polling station in Milwaukee on Monday.", "AFP VIA GETTY IMAGES"),
        ("The minister said the bill would pass by the end of the month. ENDS", "", ""),  # a press release's end
        # ... and a wire's name alone, which signs the article's last paragraph (India's papers: "... PTI")
        ("More than 300 people were deported by the immigration authorities for entering the country. PTI", "", ""),
        # ... and a labelled credit after the stop: "Photo by" (not only "Photo:")
        ("Voters queue outside a polling station in Milwaukee on Monday. Photo by a reader, used with permission.",
         "Voters queue outside a polling station in Milwaukee on Monday.", "Photo by a reader, used with permission."),
    ],
)  # fmt: skip
def test_a_credit_in_capitals_or_labelled_right_after_the_caption_s_stop_is_the_credit(line, caption, credit):
    story, _ = read(f"News\nVoters Return to the Polls as Turnout Climbs\n{line}\n{ENGLISH}")
    assert (story.caption, story.credit) == (caption, credit)


def test_a_paragraph_signed_by_its_wire_in_capitals_stays_the_article_s():
    """India's papers sign a wire's story at the end of its last paragraph ("... into the US. PTI"): that paragraph is
    the article's, no caption with its credit."""
    last = "More than 300 people were deported by the immigration authorities for entering the country. PTI"
    story, _ = read(f"News\nHigh court says upper house poll was in 'state of unconstitutionality'\n{ENGLISH}{last}\n")
    assert story.body[-1].text == last
