"""A line that could be a page's headline, by its shape alone: not a counter, a placeholder, a menu, a share
button, a promo or an aside. choose_headline (headline.py) weighs the lines that pass by their place and words."""

from __future__ import annotations

from newsletter.patterns import regex
from newsletter.readers.dialogs import CONSENT_HEADING
from newsletter.readers.labels import original_title
from newsletter.readers.lines import BACK_LINK, CAPTION_LABEL, COUNTER, READING_TIME, TAG_LINE
from newsletter.readers.scripts import spaceless, words_of

# A line wholly in brackets: an aside ("（原标题：…）", the story's original title; "(Updated with quotes)"), never
# the headline; one level of brackets inside it
ASIDE = regex(r"^[(（][^()（）]*(?:[(（][^()（）]*[)）][^()（）]*)*[)）]$")
WEB_ADDRESS = regex(r"(?i)\bwww\.|^\S+\.(?:com|org|net|co|br|uk|de|fr|in|ru|io)\S*$|^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$")
PLACEHOLDER = regex(r"\{\{|\}\}|\{%|%\}|\$\{|\[\[")
# A menu's or a breadcrumb's separators (Blog > Food > Diet, Home >> News)
MENU_SEPARATORS = regex(r"\s(?:[|•·»›>/]|>>)\s|\s\|\s*|\s*\|\s")
TAG_RUN = regex(r"[^|\s]{1,12}(?:\|[^|\s]{1,12}){2,}")  # tags run together, no spaces ("20190926|国贸|增长率")
HASHTAGS = regex(
    r"(?:#[^#\s]{1,20}#\s*){2,}|#[^#\s]{1,30}(?:\s+#[^#\s]{1,30})+|#[^#\s]{1,6}(?:#[^#\s]{1,6})+#?"
)  # "#天文#月球#", "#vote #senate", "#天文航天#月球" (short tags run together; not "#嫦娥七号#完成月球南极着陆")
IMAGE_FILE = regex(r"(?i)\w\.(?:jpe?g|png|gif|webp|avif)$")  # an image's file name, left as its alt text
# ... a file's name in lower case, or one word alone (not a title's "... Still Called IMG_0001.JPG")
WHO_STANDS_WHERE = regex(r"\((?:L-R|R-L|l-r|from (?:left|right))\)")  # a photo's caption: "(L-R) Anna Petrova, ..."
# The writer's place on its own line by the byline: "Reporting from Kyiv, Ukraine, and Geneva" (places, not a title's
# words after a comma: "Reporting from Gaza, Without Getting In")
NOT_PLACE = r"(?!(?:Without|With|From|Beyond|After|Before|Behind|Inside|Outside|Under|Over|In|On|At|For|The|A|An)\b)"
PLACE = rf"{NOT_PLACE}[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,3}}"
REPORTING_FROM = regex(rf"^Reporting from {PLACE}(?:(?:,\s*|,?\s+and\s+){PLACE}){{0,4}}$")
# A writer's academic post and place under the name: "Senior Lecturer in European Politics, University of Glasgow"
ACADEMIC_POST = regex(
    r"^(?:(?:Senior|Associate|Assistant|Visiting|Adjunct|Honorary|Principal|Research|Distinguished|Emeritus)\s+)*"
    r"(?:Lecturer|Professor|Reader|Fellow|Researcher|Scientist|Director|Dean|PhD [Cc]andidate|Doctoral [Cc]andidate)"
    r"(?:\s+(?:of|in|for|at)\s+[^,]{2,60})?,\s*(?:The\s+)?(?:[A-Z][\w.'’&-]*\s+)*(?:University|College|Institute|School)"
    r"(?:\s+(?:of|for|at|in)\s+[A-Z][\w.'’ -]{0,50})?$"
)
# A link to the story before or after: "上一篇：…", "Previous post: …", or a title with its arrow ("« Episode 86: …",
# "Episode 88: … »"; not a quote in guillemets, « … »)
PREVIOUS_NEXT = regex(
    r"^(?:上一篇|下一篇|前の記事|次の記事)(?:文章)?\s*[:：]|"
    r"(?i:^(?:previous|next|older|newer) (?:post|article|story|entry)\b)|^(?:«|‹|←)\s*[^»›]+$|^[^«‹]+\s(?:»|›|→)$"
)
# A page's number in its site's system, its label then the number alone: "ページ番号1004521", "記事ID：8841", "Page ID:
# 12345", "Artikel-Nr. 4711", "文章编号：2019-0412" (a town hall's or a ministry's site prints it over the date)
PAGE_NUMBER = regex(
    r"(?i)^(?:ページ番号|ページID|記事番号|記事ID|文章编号|文章編號|稿件编号|기사\s?번호|"
    r"page (?:id|number|no\.?)|article (?:id|number|no\.?)|document (?:id|number|no\.?)|"
    r"artikel-?(?:id|nr\.?|nummer)|seiten-?id|n[°º] d'article)\s*"
    r"[:：#]?\s*[\d-]{3,}$"
)
# A contributor's own line under the name, in the first person: "I write about small businesses and the people who
# start them.", "I cover Congress for ..." (a magazine's contributor network prints one over every post)
WRITER_TAGLINE = regex(r"^I (?:write|cover|report|blog)\b[^.!?]{0,150}\.$")
# A table's row as a page's text gives it, a name and then two numbers or more in its cells, the last a share or
# a count with its decimals: a results table's "Tomas Rivera 9,871 51.2%" (or its cells apart by tabs); a headline
# ends in one number at most ("... to 3.9%"), a date in a year ("November 18, 2026")
TABLE_ROW = regex(r"\D(?:[\t ]+[-+]?\d(?:[\d.,]*\d)?\s?%?)+[\t ]+[-+]?(?:\d[\d.,]*[.,]\d+|\d+\s?%)\s?%?\s*$")
# ... and a market's ticker, a label and its value: "Riesgo país: 1.987", "Dólar blue: $ 141,50", "DAX: 15.234 %"
TICKER = regex(r"^[^:]{0,29}[^\d\s:]:\s*(?:[$€£¥]\s?)?[-+]?\d[\d.,]*\s?%?$")  # (not a time: "Vandaag, 16:48")
# A section's name in square brackets, as some sites set it beside the headline ("[Kernel]", "[Update]")
BRACKETED_LABEL = regex(r"^\[[^\[\]]{1,30}\]$")
NOT_HEADLINES = regex(
    r"(?i)^(?:welcome to|these are external links|visit our|go to|share (?:all|this)|image \d|photo \d|"
    r"advertisement|sponsored|skip to|click|tap (?:here|to)|you are (?:here|at)|breadcrumb|(?:您的)?当前位置|"
    r"(?:您的)?當前位置|現在位置|目前位置|(?:\S{0,6}客户端|APP|App)\s*下载$|下载\S{0,6}(?:客户端|APP|App)$)"
    # ... in Chinese: "your place: News > Wuhan", "download the app"
)
# Writers' names and nothing else: "Laura Chen, Daniel Okafor", "Anna Petrova and John Smith" (a byline's, not a title)
PERSON = r"[A-Z\u00C0-\u024F][a-z\u00DF-\u024F'’.-]+(?:\s+[A-Z\u00C0-\u024F][a-z\u00DF-\u024F'’.-]+){1,2}"
NAMES_ONLY = regex(rf"^{PERSON}(?:(?:,\s+|,?\s+and\s+|\s+&\s+){PERSON})+$")
MENU_FIRST = regex(r"(?i)^(?:follow|skip|watch|listen|home|tap)\b")  # a button's word: a headline's too
# A promo: an imperative to take something ("Download our free e-book", "Get the newsletter", "Sign up today")
PROMO = regex(
    r"(?i)^(?:download|get|grab|claim|join|subscribe|sign up|register|try|start|order|buy|shop|request|book|"
    r"reserve|unlock|access|enter|win|save)\b.*\b(?:free|e-?books?|guides?|newsletters?|webinars?|whitepapers?|"
    r"reports?|courses?|trials?|offers?|discounts?|deals?|today|now|here|copy|issues?|access|alerts?|updates?|"
    r"inbox|emails?|app)\b"
)
TEASER_LINK = regex(r"(?i)\b(?:read more|continue reading|read the full|full story)\b|^[»›→▸]")  # a link on
# A share button's words: "Share", "Share this", "Sharing options", "Shares" at the end; not a market's shares
# in a headline ("Retailer's sales miss, shares plunge")
SHARE_LINE = regex(
    r"(?i)^\W*(?:[\d.,]+\s*[km]?\s*)?shar(?:e|es|ed|ing)\b|\bshar(?:e|es|ed)\W*$|"
    r"\b(?:tweet|pin it|email this|like us)\b|"
    r"をシェア(?:する)?\W*$|^\W*分享(?:到|至)?|공유하기\W*$"  # "このニュースをシェア", "分享至 Facebook", "공유하기"
)


def could_be_headline(text: str, role: str, about: bool = False) -> bool:
    """A line a page could have as its headline: not a counter, a placeholder, a menu, a reading time, a share
    line, a promo, a label in capitals or a sentence that goes on. A line `about` the article (half its words are
    in its first paragraphs) is not ruled out by a word alone ("Home sales fall", "Shares slump", "7 of 10 ...")."""
    if role in ("furniture", "date", "byline", "credit", "caption", "url", "list", "related", "end"):
        return False
    size = words_of(text)
    if not 1 <= size <= 35 or text.endswith((",", ";", ":", "，", "；", "：", "、")) or len(text) > 250:
        return False
    if text.startswith("——"):
        return False  # a Chinese subtitle under its title ("——记甘肃民勤县的治沙农民")
    if PLACEHOLDER.search(text) or WEB_ADDRESS.search(text) or len(MENU_SEPARATORS.findall(text)) >= 2 \
            or TAG_LINE.match(text) or ASIDE.match(text) or TAG_RUN.fullmatch(text) \
            or BRACKETED_LABEL.match(text) or PAGE_NUMBER.match(text) or original_title(text) \
            or TABLE_ROW.search(text) or TICKER.match(text):  # fmt: skip
        return False  # {{placeholder}}, www.site.com, News | Sport | Business, Tags: vote, Senate, Iowa, (aside),
        # [Kernel], ページ番号1004521, 原标题：... (the story's title in the paper a portal took it from), a table's
        # row, a ticker
    named_file = IMAGE_FILE.search(text) and (text == text.lower() or " " not in text.strip())
    if ACADEMIC_POST.match(text) or HASHTAGS.fullmatch(text) or named_file or WHO_STANDS_WHERE.search(text) \
            or WRITER_TAGLINE.match(text):  # fmt: skip
        return False  # Senior Lecturer in X, University of Y, #vote #senate, cards.jpg, (L-R), I write about X.
    if size <= 3 and COUNTER.search(text) or size <= 6 and READING_TIME.search(text) or NOT_HEADLINES.match(text) \
            or CAPTION_LABEL.match(text) or size <= 8 and BACK_LINK.match(text) \
            or CONSENT_HEADING.match(text):  # fmt: skip
        return False  # 0 Shares, 10 of 15, 4 min read, Go to Google News, Cookies on GOV.UK
    word_alone = COUNTER.search(text) or MENU_FIRST.match(text) or size <= 6 and SHARE_LINE.search(text)
    if not about and (TEASER_LINK.search(text) or word_alone or PROMO.search(text)) or PREVIOUS_NEXT.match(text):
        return False
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and not (all(c.isupper() for c in letters) and size <= 4)


LABEL_SPACELESS = 5  # words (15 letters): a Thai section's label with no space in it, at most


def ranked_size(text: str) -> int:
    """A line's words, as its length ranks it as a headline: a Thai (Lao, Burmese, Khmer) run of letters with no
    space in it, as short as a section's label ("การเมือง", politics), is one word; so is a place's name joined by
    hyphens ("Saint-Florent-sur-Cher", an edition's or a town's label)."""
    size = words_of(text)
    if spaceless(text) and " " not in text.strip() and size <= LABEL_SPACELESS or HYPHENED.fullmatch(text.strip()):
        return 1
    return size


HYPHENED = regex(r"[^\W\d_]+(?:-[^\W\d_]+)+")


# A fact box's line: a short key and its value ("Name: Maya", "Location: Pilsen — Chicago", "Size: 900 square feet")
FACT = regex(r"^(?P<key>[^\W\d_][^:]{0,30}):\s+\S")
FACT_KEY = 4  # words at most
FACT_RUN = 4  # lines in a row at least: a house tour's, a recipe's or a profile's box of facts


def in_fact_box(texts: list[str], i: int, roles: list[str] | None = None) -> bool:
    """One of four lines or more in a row, each a short key and its value: a box of facts, never the headline (a
    headline with its label, "Analysis: ...", "Ukraine: ...", stands alone). Given the lines' roles, not the run's
    last line but its date ("Veröffentlicht am: 14.05.2019"): a headline in that shape over its own date, under a
    list of titles in it ("Müllabfuhr: geänderte Termine", "Vorschau: Gemeinderatssitzung am 6. Juni")."""

    def fact(j: int) -> bool:
        found = FACT.match(texts[j]) if 0 <= j < len(texts) else None
        return found is not None and words_of(found["key"]) <= FACT_KEY

    if not fact(i):
        return False
    first, last = i, i
    while fact(first - 1):
        first -= 1
    while fact(last + 1):
        last += 1
    return last - first + 1 >= FACT_RUN and not (roles is not None and last == i + 1 and roles[last] == "date")


DURATION = regex(r"^\d{1,2}:\d{2}(?::\d{2})?(?:\s*[|·•]\s*\S.{0,30})?$")  # a video's length, its section after it


def video_length(texts: list[str], i: int) -> int | None:
    """The line of a video's length ("2:32 | NFL") between a title and its second copy (the player's): a video's
    card, whose title may be about the article but is not its headline. None if the line is no such title."""
    for length, twin in ((i + 1, i + 2), (i - 1, i - 2)):
        if 0 <= twin < len(texts) and texts[twin] == texts[i] and DURATION.match(texts[length]):
            return length
    return None
