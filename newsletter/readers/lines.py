"""One line of a pasted page -> what it plainly is: a byline, a date, page furniture, a related or comments heading,
prose or a title (a photo's credit: credits.py); and the Line itself, numbered as in the file. The text reader
(text.py) and the headline chooser (headline.py) read the page through these."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from newsletter.patterns import regex
from newsletter.readers import languages
from newsletter.readers.appeals import APPEAL
from newsletter.readers.buttons import OTHER_BUTTONS
from newsletter.readers.months import MONTHS, TWO_MONTHS, WEEKDAYS, calendar_date
from newsletter.readers.scripts import CJK, FULL_STOPS, spaceless, words_of

# --- what a line plainly is --------------------------------------------------------------------------------

MONTH = "(?:" + "|".join(sorted(map(re.escape, [*MONTHS, *TWO_MONTHS]), key=len, reverse=True)) + r")\.?"
YEAR_END = r"(?:\b|(?=\d{1,2}:\d{2}\b))"  # ... or glued to its time, as CNBC's pastes ("NOV 20 20194:29 AM EST")
DATE_FORMS = [
    regex(rf"\b(?P<month>{MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}}){YEAR_END}", re.I),
    # 31 May 2012, 31. Mai 2012, 1er janvier 2020, 31 de maio de 2012, 20 Nov, 2019 (RT's)
    regex(
        rf"(?i)\b(?P<day>\d{{1,2}})(?:\.|er|º|st|nd|rd|th)?\s+(?:de\s+|of\s+)?(?P<month>{MONTH}),?\s+(?:de\s+)?(?P<year>\d{{4}}){YEAR_END}"
    ),
    regex(r"(?<!\d)(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?!\d)"),  # "Name2019-01-07T17:27:31+02:00"
    regex(rf"\b(?P<day>\d{{1,2}})\.(?P<month>{MONTH})(?<=\.)(?P<year>\d{{4}}){YEAR_END}", re.I),  # 30.out.2022
    regex(rf"\b(?P<year>\d{{4}})\.\s+(?P<month>{MONTH})\s+(?P<day>\d{{1,2}})\.", re.I),  # 2026. március 12.
    # Japanese, Chinese and Korean pages: 2026年11月20日, 2026년 11월 20일 (a date in figures with dots or slashes may
    # be an exhibition's or a match's in the article; a timestamp's time marks it, see DATE_WORDS)
    regex(r"(?<!\d)(?P<year>\d{4})\s*[年년]\s*(?P<month>\d{1,2})\s*[月월]\s*(?P<day>\d{1,2})\s*[日일]"),
]
# A timestamp's first word in other languages (German, French, Spanish, Portuguese, Italian, Dutch), as a stamp only
# before its date or time: "Veröffentlicht am 12.03.2026", not "Publicado el informe ..."
STAMP_WORDS = (r"veröffentlicht|aktualisiert|erschienen|erstellt|publié|mis à jour|publicado|actualizado|atualizado|"
               r"pubblicato|aggiornato|gepubliceerd|bijgewerkt")  # fmt: skip
STAMP = rf"(?:{STAMP_WORDS})\s*:?\s*(?:(?:am|le|el|em|il|op|den|on)\s*:?\s+)?(?:\d|{MONTH}\b)"  # "am: 14.05.2019"
WEEKDAY = rf"(?:{WEEKDAYS})(?:-feira)?\b"
AGO_UNITS = r"(?:hours?|hrs?|minutes?|mins?|days?|weeks?)"  # a time counted back from now: "12 mins ago"
DATE_WORDS = regex(
    rf"(?i)^(?:published|updated|posted|last updated|first published|modified|date)\b|^{STAMP}|"
    # ... a weekday, then a date's part: "Tue, Nov 19", "Donnerstag, 31. Mai 2012", "lunes, 3 de junio"
    rf"^{WEEKDAY}\.?,?\s+(?:den\s+|le\s+|the\s+)?(?:\d|{MONTH}\b)|"
    r"\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\b|^\d+\s*[smhd]\s+ago$|"
    # "2 hours ago", "12 mins ago"; "1 Hour AgoCNBC.com", the site's name glued on as the page pastes it
    rf"\b{AGO_UNITS}\s+ago(?:\b|(?-i:(?=[A-Z])))|"
    r"^\d{1,2}\.\d{2}\s*(?:[ap]m\s*)?(?-i:[A-Z]{1,4}T|UTC|GMT)$|"  # a live post: "05.47 BST" (not "10.00pm")
    r"^\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})\b|"  # 21/06/2014 Name
    # ... a year-first date in figures alone, or with "published" ("[2016.09.06] 發表"), not an event's ("2018.04.05 ~")
    r"^[\[【(（]?\d{4}([./])\d{2}\1\d{2}[\]】)）]?\s*(?:發表|发表|發佈|发布|更新|published|updated)?$|"
    r"^\d+\s*(?:分钟|分鐘|小时|小時|天)前(?:\s|$)"  # 3小时前: three hours ago, in Chinese (not "3天前失联的…")
)
# A machine's timestamp, which a theme prints beside its author and sections: "2019-01-07T17:27:31+02:00"
MACHINE_STAMP = regex(r"(?<!\d)\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
# A line led by a date in figures, then its writer and sections ("21/11/2026 Anna Petrova Politics, ..."): a dateline
# ... or led by a date and its time in figures, year first ("2019-09-08 00:20:15 来源: 每日经济新闻"): a timestamp
FIGURES_FIRST = regex(
    r"^\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})\b|^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*\d{1,2}:\d{2}(?::\d{2})?(?!\s*[A-Za-z])"
)  # ... not a live blog's entry under its time ("2026-11-24 14:10 Helicopter back in the air")
# What a dateline holds besides its date: its time, its weekday, small words; a writer's name after "by", "von"
NOT_DATE = regex(
    rf"\b\d{{1,2}}[:.]\d{{2}}|\d+|\b(?:[A-Z]{{1,4}}T|UTC|GMT)\b|(?i:\b{WEEKDAY}|\b(?:am|pm|uhr|h|on|at|um|le|el|de|"
    r"del|à|a|the|of|last|modified|updated|published|posted|first)\b)"
)
BY_NAME = regex(r"\s(?i:by|von|par|por|door|di|de)\s+[A-Z\u00C0-\u024F].*$|\s[|·•]\s.*[A-Za-z].*$")


YEARS = (1900, 2199)  # a date's year, in the calendar the readers know


def line_date(line: str) -> dt.date | None:
    for form in DATE_FORMS:
        match = form.search(line)
        if match:
            month = match.group("month")
            name = month.rstrip(".").lower()
            number = int(month) if month.isdigit() else MONTHS.get(name)
            if name in TWO_MONTHS:
                number = TWO_MONTHS[name][0 if re.match(r"\d{1,2}\.", match.group(0)) else 1]
            day = calendar_date(name, int(match.group("year")), number or 0, int(match.group("day")))
            # ... not another calendar's year that no month's name tells: the Hebrew 5786 ("Nisan 14, 5786")
            if day is not None and YEARS[0] <= day.year <= YEARS[1]:
                return day
    return None


# A timestamp's first word: "Updated 10:41, Dec 10, 2012"; in Chinese, Japanese and Korean, 更新时间 / 公開日 / 입력
STAMPED = regex(
    rf"(?i)(?:published|updated|posted|first published|last updated)\b|{STAMP}|"
    # ... the stamp and its date, not a word that starts the same ("发布会", a press conference; "公開討論会")
    r"(?:更新|发布|發佈|发表|發表|公開|配信|掲載|入力)(?:时间|時間|日時|日)?\s*[:：]?\s*\d|(?:时间|時間|日期)\s*[:：]\s*\d|"
    r"(?:입력|수정|등록|기사입력|업데이트)\s*[:：]?\s*\d"
)


def is_date_line(line: str) -> bool:
    """A dateline or timestamp: short, and mostly a date or time ("PUBLISHED: 10:48, Tue, Nov 19, 2026 | UPDATED:
    11:05, Tue, Nov 19, 2026" twice as long as most)."""
    if " | " in line and is_date_line(line.split(" | ")[0]) and all(words_of(p) <= 4 for p in line.split(" | ")[1:]):
        return True  # the date, then its place and edition: "Jul 29th 2010 | NAIROBI | from the print edition"
    # Japanese: a sentence has no spaces; a time of day ("3:53 p.m. EST") is not counted as words
    words = words_of(CLOCK.sub(" ", line)) if CJK.search(line) else len(CLOCK.sub(" ", line).split())
    # ... its source and comment count may follow it (not a clause, as a live post under its time has: "，")
    stamped = STAMPED.match(line) or FIGURES_FIRST.match(line) and not re.search("[，,]", line)
    # (not a time's "a.m.": "Last Modified: Wednesday, August 8, 2012 at 12:41 a.m.")
    if words > (20 if stamped else 10) or re.search(r"(?<![ap]\.m)[.?!。]$", line.rstrip()) and words > 6:
        return False
    running_words = re.search(r"\b[a-z]{3,}\s+[a-z]{3,}\s+[a-z]{3,}\s+[a-z]{3,}", line)  # a sentence, not a date
    if not (line_date(line) or DATE_WORDS.search(line)) or running_words:
        return False
    if stamped or FIGURES_FIRST.match(line) or MACHINE_STAMP.search(line) or YEAR_AND_TIME.search(line):
        return True
    return undated_words(line) <= 2 or dated_at_an_end(line)


# A year and a time of day, as any language stamps an article ("Oluşturulma Tarihi: Mart 12, 2026 14:22",
# "12 marca 2026 | 13:41"): with a label's colon before it, or a month's word alone beside the figures
YEAR_AND_TIME = regex(
    r"^(?:[^\W\d_]+(?: [^\W\d_]+)?\s*:\s*)?"  # its label: "Oluşturulma Tarihi:", "Opublikowano:"; the day
    r"(?:[^\W\d_]{3,12}\.?\s+\d{1,2}|\d{1,2}\.?\s+[^\W\d_]{3,12}\.?),?\s+(?:19|20)\d{2}"  # "Mart 12, 2026"
    r"\s*[,|·–-]?\s*\d{1,2}:\d{2}(?:\s*[A-Z]{2,4})?\W*$"
)


def dated_at_an_end(line: str) -> bool:
    """A full date starts or ends the line, and the rest is names: "Nov 20, 2026 — Anna Petrova, Staff Writer",
    "Anna Petrova and John Smith, November 20, 2026" (a headline holding a date has its words in lower case)."""
    for form in DATE_FORMS:
        for match in form.finditer(line):
            rest = CLOCK.sub(" ", line[: match.start()] + " " + line[match.end() :]).strip(" ,—–-|·")
            if (match.start() <= 1 or match.end() >= len(line.rstrip()) - 1) and NAMES.fullmatch(rest):
                return True
    return False


# Names and their joins: "Anna Petrova and John Smith", "Anna Petrova, Staff Writer", "Washington Post Staff"
CLOCK = regex(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*\b(?:[A-Z]{1,4}T|UTC|GMT)\b)?")  # 3:53 p.m. EST, 08:08 pm
NAMES = regex(r"(?:[A-Z\u00C0-\u024F][\w.'’-]*|and|und|et|y|e|of|,|&|\s)+")


# A time as counted back from now, and what a page glues onto it: "12 mins ago", "1 Hour AgoCNBC.com", "2 Comments"
RELATIVE = regex(rf"(?i)\b\d+\s+{AGO_UNITS}\s+ago\S*|\b\d+\s+comments?\b")


def undated_words(line: str) -> int:
    """The words a line holds besides its date, time, weekday and their small words (and a writer's name after "by"
    or a bar): a headline with a date in it has several ("Landtagswahl am 14. März 2027: Das sind die Kandidaten")."""
    rest = RELATIVE.sub(" ", BY_NAME.sub(" ", line))
    for form in DATE_FORMS:
        rest = form.sub(" ", rest)
    return len(re.findall(r"[^\W\d_]{2,}", NOT_DATE.sub(" ", rest)))


# What a byline says before the writer's name: plainly ("By", "Written by"), or as the piece's kind ("Analysis by",
# CNN's, only over a name); and in other languages, a label and a colon ("Penulis:", "Autor:"). The reader strips it
PLAIN_BY = r"By|Written by|Words by|Reporting by|Story by"
KIND_BY = r"(?:Analysis|Opinion|Commentary|Review|Interview) by"
BY_WORDS = rf"(?:{PLAIN_BY}|{KIND_BY})"
OTHER_BY = r"Von|Par|Por|Door|Di|Av|Af|Dal nostro (?:corrispondente|inviato)|Dalla nostra (?:corrispondente|inviata)"
# ("By" in German, French, Spanish, Dutch, Italian, Swedish, Danish; and Italian's "from our correspondent")
AUTHOR_LABELS = r"Penulis|Reporter|Wartawan|Pewarta|Autor|Autora|Autore|Autori|Auteur|Texto|Reportagem"
NAME_WORD = r"[A-Z\u00C0-\u024F][\w'’.-]+"
# Names as a byline in another language gives them: capitalised words and their particles ("Jean-Pierre Dupont et
# Marie Curie", "Ana de la Torre"), then perhaps a post or an agency after a comma or a bar, or when it was published
NAMES_AFTER_BY = (rf"{NAME_WORD}(?:\s+(?:{NAME_WORD}|de|van|von|der|den|da|del|di|du|la|le|y|e|und|et|and|&)){{0,6}}"
                  r"(?:\s*[,|·]\s*.{1,60}|\s+\([^()]{1,60}\)|\s+(?:publiziert|veröffentlicht|publié|publicado|"
                  r"pubblicato|gepubliceerd|am|le|el|il|op|den|on)\b.{1,60})?")  # fmt: skip  # "(Saint-Nazaire)" too
# A date right after a writer's name, with no bar or comma between: "December 22, 2016", "20 November 2026",
# "Updated Nov 20, 2026", "posted Aug 18th 2010", "Veröffentlicht am 1. Mai 2019"
GLUED_DATE = (rf"(?i:(?:updated|published|posted|{STAMP_WORDS})(?:\s+(?:am|le|el|em|il|op|on))?\s+)?"
              rf"(?:(?i:{MONTH})\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|"
              rf"\d{{1,2}}\.?\s+(?i:{MONTH})\s+\d{{4}})")  # fmt: skip
BYLINE = regex(
    rf"^(?:{PLAIN_BY}):?\s+[A-Z\u00C0-\u024F].{{0,100}}$|"  # "By: Name" too
    # "Von", "Par", "Por", "Di" only over names: "Di Maio quits Five Star Movement", "Por Fin: ..." are headlines
    rf"^(?i:{OTHER_BY})\s+{NAMES_AFTER_BY}$|"  # ... in lower case too ("di Francesca Raimondi")
    # "Analysis by" and the like only over a name (and a post): "Review by Ofsted finds ..." is a headline
    rf"^{KIND_BY}\s+{NAME_WORD}(?:\s+{NAME_WORD}){{0,3}}(?:,\s.{{1,80}})?$|"
    # in capitals (a style's text-transform pastes so) or in lower case, only over a name: "BY ANNA PETROVA"
    r"^(?:BY|by)\s+(?![^,|]*\b(?i:the|of|in|on|at|to|for|after|with|from|is|are|was|as|over|into)\b)"  # a headline's
    r"(?:(?:[A-Z\u00C0-\u024F][\w'’.-]*|and|AND|&)\s+){1,7}[A-Z\u00C0-\u024F][\w'’.-]*"
    rf"(?:\s*[,|·]\s.{{1,60}}|\s+[-–—]\s+(?=.*\d).{{1,60}}|\s+(?={GLUED_DATE}).{{1,60}})?$"  # "by Name Dec 22, 2016"
)


BYLINE_WORDS = regex(
    rf"^(?:(?:{BY_WORDS}|(?i:{OTHER_BY})|Oleh|BY|by|{languages.BY_ELSEWHERE}):?\s+|"
    rf"(?:{AUTHOR_LABELS}|{languages.AUTHOR_WORDS})\s*:\s*)"
)  # what a byline says before the name


# A byline without "By": a name, a comma, the writer's post ("Jane Doe, AP Auto Writer", "KENJI MORISAKI, Nikkei staff
# writer", "Jane Doe, Senior Fellow"; not "Chris Mason, political editor"), two writers so, or "Name Staff Writer"
STAFF = (
    r"[A-Z\u00C0-\u024F][\w.'’\-]+(?:\s+[A-Z\u00C0-\u024F][\w.'’\-]+){1,3}(?:,\s+(?:[A-Z][\w.&'’\-]*\s+){0,3}|,\s+"
    r"(?:[A-Z][\w.&'’\-]*\s+){1,3}(?:staff|senior|chief|deputy|contributing)\s+|\s+Staff\s+)"
    r"(?i:writer|reporter|correspondent|editor|contributor|columnist|staff|researcher|analyst|fellow)"
)
STAFF_BYLINE = regex(rf"^{STAFF}(?:\s*;\s*{STAFF})*$")


# A Japanese or Chinese name in kanji (山田太郎, 山田 太郎) or a Korean one in hangul (김철수): never kana, particles or
# two words of hangul, which a headline ending in "reporter" has ("拘束された日本人記者", "억류된 일본인 기자")
HANGUL_RANGE = "\uac00-\ud7a3"  # Korean's syllables: words with spaces between, but endings that change
HANGUL = regex(f"[{HANGUL_RANGE}]")
CJK_NAME = rf"(?:[\u4E00-\u9FFF]{{2,5}}|[\u4E00-\u9FFF]{{1,3}}\s[\u4E00-\u9FFF]{{1,3}}|[{HANGUL_RANGE}]{{2,4}})"


# ... in other languages: a label and a colon ("Penulis: Budi Santoso", "Autor: Ana Souza"), Indonesian's "Oleh", a
# Korean or Japanese name and its post ("김철수 기자", "山田太郎記者"), or the Japanese post first ("編集委員 中沢克二")
OTHER_BYLINE = regex(
    rf"^(?:(?:{AUTHOR_LABELS}|{languages.AUTHOR_WORDS})\s*:|Oleh)\s*{languages.NAME_START}.{{0,80}}$|"
    rf"{languages.SIGNED_ELSEWHERE}|^(?:[^\s,=]{{1,10}}=)?"
    + CJK_NAME
    + r"\s?(?:기자|특파원|記者|特派員|編集委員)(?:\s+\S+@\S+)?$|^(?:編集委員|論説委員|解説委員|特派員)\s"
    + CJK_NAME
    + "$"
)


# ... in Chinese: the reporter's or writer's label and the names, a source before it or the city it reports from after
# it ("凤凰网资讯 记者 高远", "記者許家豪／台中報導", "作者：孟晨 陈欣然", "文／王小明")
CJK_WRITER = r"(?!直击|探访|实探|走进|揭秘|现场|独家)[\u4E00-\u9FFF]{2,4}"  # (not "直击 抗洪一线")
OUTLET = r"[\u4E00-\u9FFF]{0,6}(?:新闻|新聞|日报|日報|晚报|晚報|报|報|网|網|社|台|客户端)"  # glued on: "澎湃新闻记者"
REPORTER = rf"(?:{OUTLET})?(?:记者|記者|通讯员|通訊員)"
CHINESE_BYLINE = regex(
    # ... the label apart from the names (a space or a colon after it: "记者暗访 校外培训" is a headline's "reporter
    # goes undercover"), or glued to one name and the city it reports from ("記者許家豪／台中報導")
    rf"^(?:\S{{1,12}}\s+)?(?:{REPORTER}(?:\s*[：:]\s*|\s+)|(?:作者|撰文|文)\s*[：:／/]\s*){CJK_WRITER}"
    rf"(?:\s*[、，,]\s*{CJK_WRITER}|\s+{CJK_WRITER})*(?:\s*[／/]\s*[\u4E00-\u9FFF]{{2,8}})?$|"
    rf"^{REPORTER}{CJK_WRITER}(?:[、，,]{CJK_WRITER})*\s*[／/]\s*[\u4E00-\u9FFF]{{0,6}}(?:報導|报道|報道|报导)$"
)


# A desk's byline, no one's name: "HT Correspondent, New Delhi", "Staff Reporter", "Express News Service", "Our
# Bureau", "Seattle Times Olympia bureau" (the papers of South Asia sign most stories so); not a bare "Reporter", which
# is as often a programme's name in a broadcaster's menu
DESK_BYLINE = regex(
    r"^(?:[A-Z]{2,6}|Our|Staff|Special|Express|Own|Senior)\s+(?:Correspondent|Reporter|News Service|Bureau)"
    r"(?:,\s*[A-Z][\w.'’ -]{1,30})?$|^(?:Correspondent|Reporter),\s*[A-Z][\w.'’ -]{1,30}$|"
    r"^(?:[A-Z][\w.&'’-]*\s+){1,4}bureau(?:,\s*[A-Z][\w.'’ -]{1,30})?$"
)


def is_byline(line: str) -> bool:
    return bool(BYLINE.match(line)) and len(line.split()) <= 14 and not re.search(r"(?<![ap]\.m)[.?!]$", line) or \
        bool(re.match(r"^By\s+\S+", line)) and len(line.split()) <= 8 or bool(STAFF_BYLINE.match(line)) or \
        len(line) <= 90 and bool(OTHER_BYLINE.match(line)) or bool(DESK_BYLINE.match(line)) or \
        len(line) <= 40 and bool(CHINESE_BYLINE.match(line))  # fmt: skip


RELATED = regex(
    r"(?i)^(?:More from (?P<brand>\S.{0,60})|Read more|Read next|Read also|Next (?:article|story|in (?:\S+ ){0,3}news)|"
    r"Nächster Artikel|Article suivant|Siguiente artículo|Próxima notícia|Próximo artigo|Articolo successivo|"
    r"Volgend artikel|Related|Related (?:stories|articles|"
    r"posts|content|coverage|news|reading|topics|links)|More on|Recommended(?: for you| stories| reading| articles)?|"
    r"More (?:stories|news|articles|headlines|on this (?:story|topic)|in \S.{0,40})|Most (?:read|popular|viewed|shared)"
    r"(?: (?:stories|articles|now|this week))?|Popular(?: (?:stories|now|articles))?|You (?:may|might) also like|"
    r"Also (?:read|on \S.{0,40})|Trending(?: now| stories)?|Top stories|Latest(?: news| stories)?|Editor'?s picks|"
    r"What to read next|Further reading|See also|Don'?t miss|In case you missed it|Keep reading|"
    r"Explore (?:more|further|the topic)|Related subjects|Additional reading|(?:\S+ ){1,2}recommends?|"  # DW's
    # ... as German, French, Spanish, Portuguese, Italian and Dutch pages head a list of other stories
    r"(?:Ähnliche|Verwandte|Weitere|Empfohlene) (?:Beiträge|Artikel|Nachrichten|Themen)|(?:Mehr )?zum Thema|"
    r"Das könnte (?:dich|Sie|euch) auch interessieren|Auch interessant|Lesen Sie auch|Meist ?gelesen|"
    r"Articles? (?:similaires|liés|connexes)|(?:À|A) lire aussi|Lire aussi|Sur le même sujet|Les plus lus|"
    r"Vous (?:aimerez|pourriez) aussi(?: aimer)?|(?:Artículos|Noticias|Entradas) relacionad[ao]s|"
    r"Te puede interesar|Lo más leído|Lee también|(?:Artigos|Notícias|Posts) relacionad[oa]s|Leia também|"
    r"Veja também|Mais lid[ao]s|Articoli correlati|Leggi anche|I più letti|Potrebbe interessarti|"
    r"Gerelateerde (?:artikelen|berichten)|Lees ook|Meest gelezen|"
    # ... and Chinese and Japanese pages: related news, reading, articles; recommended; you may like; popular
    r"相关(?:新闻|阅读|文章|推荐|报道)|相關(?:新聞|閱讀|文章)|(?:热门|热点|推荐)(?:推荐|阅读|文章)|猜你喜欢|延伸阅读|"
    r"更多精彩|精彩推荐|24小时热闻|大家都在看|"
    r"【?関連(?:記事|ニュース)】?|人気記事|おすすめ記事|"
    # ... and in the other languages of the read pools: "read also", "related news", "most read"
    r"Читайте (?:также|також)|Похожие (?:материалы|новости)|Czytaj (?:także|też)|Zobacz (?:także|też)|"
    r"Související (?:články|zprávy)|Čtěte (?:také|též)|İlgili (?:Haberler|haberler)|관련\s?(?:기사|뉴스)|"
    r"اقرأ (?:أيضا|أيضًا|أيضاً)|(?:أخبار|مواضيع) ذات صلة|ये भी पढ़ें|(?:Baca|Simak) (?:juga|pula)|"
    r"Berita (?:Terkait|Berkaitan|Lainnya)|Tin (?:liên quan|cùng chuyên mục)|(?:อ่าน)?ข่าวที่เกี่ยวข้อง|"
    r"Διαβάστε (?:επίσης|ακόμη)|Σχετικά άρθρα|Läs (?:också|även)|Læs (?:også|mere)|Les (?:også|mer)|Lue myös|"
    r"Citește (?:și|şi)|Articole similare|Kapcsolódó (?:cikkek|hírek)|مزید پڑھیں|"
    rf"আরও পড়ুন|כתבות נוספות|Llegeix (?:també|més)|Notícies relacionades|{languages.RELATED_HEADINGS})"
    r"\s*(?:[:：]|…|\.{3})?$"  # (a heading may trail off: "Das könnte dich auch interessieren …")
)
# The story's tags after their label, as a list: "Topics: Crack, damage, earthquake", "Schlagworte: Wahl, SPD"
TAG_LINE = regex(
    r"(?i)^(?:tags?|topics?|filed under|keywords|themen|schlagw(?:ö|oe)rter|schlagworte|mots-clés|sujets|"
    r"etiquetas|temas|tag|argomenti|onderwerpen)\s*:\s*[^,]{1,60}(?:,\s*[^,]{1,60}){2,}$"
)
RIGHTS_RESERVED = regex(
    rf"(?i)(?:©|ⓒ|\(c\)|copyright\b).*\b(?:rights reserved\b|{languages.ALL_RIGHTS_RESERVED})|"
    rf"\b(?:rights reserved\b|{languages.ALL_RIGHTS_RESERVED}).*(?:©|ⓒ|copyright)|"
    # ... as Chinese sites forbid reprinting, near the line's start and not quoted: "未经授权禁止转载",
    # "本網站之文字…非經授權，不得轉載", "未经允许任何单位或个人不得转载" (not a paragraph that cites
    # "未经授权不得转载" as a contract's words)
    r"(?:^|。)[^“「『\"。]{0,20}(?:未经|未經|非经|非經)[^，。,]{0,6}(?:授权|授權|许可|許可|同意|允许|允許)"
    r"[^。]{0,12}?(?:禁止|不得|请勿|請勿|严禁|嚴禁)[^。]{0,30}(?:转载|轉載)"
)
FURNITURE = regex(
    r"(?i)\b(?:subscribe|subscription|sign in|sign up|log ?in|log out|register|newsletter|share(?: on| this| via)?|"
    r"tweet|facebook|twitter|linkedin|whatsapp|pinterest|reddit|email|e-mail|print|copy link|advertisement|"
    r"advertise|sponsored|cookies?|privacy|terms of (?:use|service)|all rights reserved|copyright|©|"
    r"read more|show less|show more|continue reading|skip to|menu|search|home|back to top|click here|"
    r"download (?:the )?app|follow us|contact us|about us|careers|support (?:us|the)|donate|listen|watch|"
    r"open in app|view gallery|enlarge|toggle|loading|mailto)\b"
)


TITLE_MOST = 30  # words: a title is no longer (Thai's, Lao's, Burmese and Khmer's run longer: 135 letters)
TITLE_MOST_SPACELESS = 45
SPACELESS_PARAGRAPH = 25  # words: a line this long is running text (a headline is shorter), with no full stop


CJK_STOP = regex(r"[。！？]")  # a sentence's end inside a Japanese or Chinese line


def short_cjk_sentence(line: str) -> bool:
    """A short Chinese or Japanese line that ends as a sentence or a clause does, as no headline ends: its full
    stop or semicolon ("此事引发网友热议。", "一是换乘站多；"), or the colon of a list's or a quote's lead-in
    ("有三个特点：")."""
    if not CJK.search(line):
        return False
    ends = re.search(r"[。．；;][”’\"'」』）)》]*\s*$", line) is not None and words_of(line) >= 3
    return ends or bool(re.search(r"[：:]\s*$", line)) and words_of(line) >= 4


# A link back to the site's list: the phrase and a listing word, and little else ("Back to all news", "Zurück zur
# Übersicht"); not a headline that starts so ("Back to All-Time Highs", "Retour aux urnes", "Torna a salire")
BACK_LINK = regex(
    r"(?i)^(?:back to (?:the )?(?:top|overview|home ?page|home|index|list|all (?:news|articles|stories|posts)|results|"
    r"articles|news|search)|zurück zu[rm]? (?:übersicht|startseite|liste|newsübersicht|artikelübersicht)|"
    r"retour (?:à la liste|à l'accueil|à l’accueil|aux articles|aux actualités)|"
    r"volver a (?:la portada|inicio|noticias|la lista)|voltar para (?:o início|a página inicial|notícias)|"
    r"torna a (?:home|elenco|notizie|inizio)|terug naar (?:overzicht|home|nieuws)|kembali ke (?:beranda|indeks|berita))"
    r"(?::\s*\S+(?:\s\S+)?)?\W*$"  # ... and at most the section's name after a colon
)
# The labels screen readers get before a photo's caption (BBC's, in every language it publishes in): the BBC's label
# over a caption, as its English and World Service pages print it ("Image caption, ..."; Persian, Arabic, Swahili,
# Russian, Ukrainian, Hindi, Urdu, Spanish, Portuguese, Indonesian, Turkish, Vietnamese, Chinese); the AP's "FILE -"
CAPTION_LABEL = regex(
    r"(?i)^(?:(?:image|media|video) caption\b|(?-i:FILE(?: PHOTO)?)\s+[-–—](?=\s)|enlarge\s+/(?=\s)|توضیح تصویر|"
    r"التعليق على الصورة|maelezo ya picha|подпись к фото|підпис до фото|इमेज कैप्शन|تصویر کا کیپشن|pie de foto|"
    r"legenda da foto|keterangan gambar|fotoğraf altı yazısı|chụp lại hình ảnh|图像加注文字)\s*[:,،]?\s*"
)


BOILERPLATE = regex(
    rf"(?i)\b(cookies?|(?:this|our) (?:web)?site|privacy|consent|javascript|browser|opt[- ]out|{languages.SUBSCRIBE}|"
    r"newsletters?|terms|log in|sign in|sign up|ad ?blocker|advertis\w+|all rights reserved|copyright)\b"
)


# What a news site prints around every article, whole sentences of it: that the article is read aloud by a machine,
# the wire's standards, licensing and reprints, the agency's description of itself, the print edition's note
PAGE_NOTICE = regex(
    r"(?i)^\W*(?:voiced by artificial intelligence\W*$|(?:produced|read|voiced) (?:by|with|using) .{0,80}?\bai "
    r"narration\b|this (?:article|story) (?:was|is) (?:narrated|voiced|read) by (?:ai|artificial intelligence)\b|"
    r"(?:press play to )?listen to this (?:article|story)(?:\W*$|\s*[·|•\d(])|our standards:|purchase licensing "
    r"rights|(?:reprints|licensing) (?:&|and) permissions|order reprints\W*$|the associated press is an independent "
    r"global news organization|this material may not be published, broadcast, rewritten|a version of this article "
    r"appear(?:s|ed) in print|unlock the editor['’]?s digest|add .{1,40} as a preferred source\b|"
    r"our live coverage (?:has ended|has moved|is over)\b(?=.{0,80}$)|this article appeared in the .{1,60} print "
    r"edition\b|the views expressed (?:in this (?:article|piece) )?are (?:the author['’]s|those of the author)|"
    r"الآراء الواردة (?:في|أدناه)|opinions expressed by .{1,40}? contributors are their own|"  # (Arabic's; a network's)
    # ... a call for tips, the site's app and newsletter, its word about itself, the NYT's help with a word
    r"(?:have|got) an? (?:confidential |news |story )+tip\b|(?:send|submit|share) (?:us )?(?:your )?(?:confidential "
    r"|news )*tips?\b|get (?:the )?latest news\b.{0,80}\bapp\b|(?:the day['’]s|our) (?:top|biggest|best) "
    r"(?:stories|headlines|news) delivered\b|[\w.&'’ -]{2,40} is an? (?:global|leading)\b[^.]{0,40}\b(?:media|news)\b"
    r"[^.]{0,30}\b(?:company|brand|network|provider)\b|to find "
    r"reference information about the words used in this article|"
    # ... and a sign-up box's messages, pasted whether shown or not (misspelt as some sites print them)
    r"you have (?:been )?succ?ess?fully subscribed\b|thanks? you for subscribing\b|thanks for subscribing\b|"
    r"(?:an|a confirmation) e-?mail (?:with an? (?:activation|confirmation) link )?has (?:just )?been sent to your\b|"
    r"please check your (?:inbox|e-?mail) to confirm\b|something went wrong,? please try again(?: later)?\W*$|"
    # ... and a widget's word that it needs scripts ("This slideshow requires JavaScript.", "... enable JavaScript.")
    r"(?:this|the) [\w ]{1,30} requires javascript\b|.{0,120}?\benable javascript(?: to\b|\W*$)|"
    # ... a social network's like box, as pages of the 2010s pasted it, and Bloomberg's word about its Terminal
    r"[\d,.]+[km]? (?:people|others) like this\b|sign up to see what your friends like\b|be the first of your "
    r"friends to like this\b|before it['’]s here, it['’]s on the bloomberg terminal\b)"
)  # ... the notice itself, at the line's start (an article reporting one says it inside a sentence: "Voiced by
# artificial intelligence, the video mimics ...", "Listen to this article, it says, in a voice ...")
NOTICE_WORDS = 80  # ... a line this long at most (the agency's word about itself runs to 60)
# ... a notice speaks to its reader: "you", "we", "our" (and as German, French, Spanish, Portuguese and Italian pages
# say them), or tells the reader what to do ("Sign up for the newsletter here.")
ADDRESSED = regex(
    r"(?i)\b(?:we|our|you|your|i|my|me|wir|unser\w*|vous|votre|vos|nous|notre|nos|usted(?:es)?|tu|tus|nuestr[oa]s?|"
    r"você|vocês|nosso|nossa|voi|vostr[oaie]|noi|nostr[oaie]|вы|вас|вам|ваш\w*|мы|нам|нас|наш\w*)\b|"  # ... Russian
    r"\b(?:we|you)['’]|(?-i:\b(?:us|Sie|Ihnen|Ihre?[nmrs]?)\b)|"
    r"(?:^|[.!?]\s+)(?:sign up|subscribe|click|tap|enable|accept|register|log ?in|sign in|download|follow|join|want|"
    r"get|try|read|become|support|donate|give|jetzt)\b"
)  # ("us", not "US"; "Sie", the reader, not "sie", she or they)
# A photo's buttons, each the whole line: NPR's "hide caption" and "toggle caption", the Guardian's "View image in
# fullscreen", and the one that enlarges it in the site's language, "Bild vergrößern" (credits.py looks past them
# from a caption to its credit, and takes none for a credit: "Bild" as in "Bild: dpa")
CAPTION_BUTTONS = r"(?:hide|show|toggle|expand|close) caption|enlarge this image|view image in fullscreen|(?:click " \
    r"to )?enlarge (?:image|photo|picture)|view larger image|(?:bild|foto|grafik) vergrö(?:ß|ss)ern|agrandir (?:l['’]" \
    r"image|la photo)|ampliar (?:imagen|foto|imagem)|ingrandisci (?:l['’]immagine|la foto)|vergroot (?:afbeelding|" \
    r"foto)|powiększ (?:zdjęcie|obraz)|увеличить (?:фото|изображение)"  # fmt: skip
LEAD_IN = regex(r"\w\s*:$")  # "More:", "Explore:", "Empfehlungen von Dennis:"; not a smiley's "(:"
# Where an advertisement stands in the article: "Article continues after sponsorship", "Story Continued Below",
# "Continue reading the main story", "Advertisement - Scroll to continue"
AD_SLOT = (
    r"(?:(?:the )?(?:article|story|text|report) continues? (?:below|after|under)(?: (?:this |the )?(?:ad|"
    r"advertisement|advert|sponsorship|sponsor message|break|video))?|story continued below|continue reading (?:the "
    r"main story|below)|"
    r"(?:advertisement|ad)\W+(?:scroll|continue reading)\b.{0,30})"
)
BUTTON = regex(
    r"(?i)^\W*(?:save(?: for later| article| story)?|saved|share\d|translate|gift (?:this )?(?:article|story)|bookmark|"
    rf"add to (?:my )?(?:list|reading list)|provide news feedback or report an error|{CAPTION_BUTTONS}|"
    r"(?:share )?all sharing options(?: for:.*)?|"  # Vox Media's share menu, with the headline pasted after it
    rf"what['’]?s this\?|get started|{OTHER_BUTTONS}|"  # ... a "Recommend" button's question mark; Medium's sign-up
    r"(?:【[^】]{1,12}】\s*){2,}|"  # ... a Chinese page's row of buttons in brackets: "【字号 大 中 小】 【打印】"
    # ... and an advertisement's label, as other languages print it, or where the text goes on past it
    r"advert(?:isement|ising)?|publicidade|publicidad|publicité|pubblicità|anzeige|werbung|reklama|reklam|reklame|hirdetés|mainos|"
    rf"advertentie|annons|реклама|פרסומת|إعلان|广告|廣告|広告|report this ad|{AD_SLOT})\W*$"  # (WordPress.com's)
)
TERSE = 20  # words: a notice of two sentences at most
REPORTED = regex(r"(?i)\b(?:said|says|told|according to|reported|announced|added|warned|argued|wrote)\b")
QUOTED = regex(r"[\"“”«»„]")  # a quotation: someone's words in the article, no appeal of the site's
APPEAL_ALONE = 12  # words: a line this short with one appeal in it is the appeal ("You've read 1 article this month")


# A counter: of shares, comments or views ("1.2K Shares"), or a gallery's ("Image 10 of 15")
# What a counter counts, in English and as German, French, Spanish, Portuguese and Italian pages say it
COUNTED = r"shares?|comments?|views?|likes?|reads?|reactions?|kommentare?|aufrufe|commentaires?|vues|comentarios?|" \
    r"comentários?|commenti"  # fmt: skip
# ... and what only a whole line of a number counts: "12 votes", "(1 Bewertung)"; a headline may start so
RATED = r"votes?|ratings?|reviews?|bewertung(?:en)?|stimmen|avis|votos?|voti|sterne|stars?|beiträge|postings?|replies"
COUNTER = regex(
    rf"(?i)^\W*[\d.,]+\s*[km]?\W*(?:{COUNTED}|{RATED})?\W*$|"
    r"\b\d+\s+(?:of|/)\s+\d+\b|"  # 10 of 15 (a gallery's slide)
    # a rating, the whole line: "4.5 out of 5", "3 von 5, (1 Bewertung)"
    rf"^\W*(?:rating:?\s*)?\d+(?:[.,]\d)?\s+(?:out of|von|sur|de|di|van)\s+\d+\b[\W\d]*(?:{COUNTED}|{RATED})?\W*$|"
    rf"^\W*[\d.,]+\s*[km]?\s+(?:{COUNTED})\b|"
    rf"^\W*\w+\W+[\d.,]+\s*[km]?\s+(?:{COUNTED})\W*$|"  # after one word: "New, 74 comments"
    rf"^\W*(?:{COUNTED}|tweets?|recommend|pin it|\+1)\W*[\d.,]+\s*[km]?\W*$"  # a button, then its count: "Like 5.9k"
)
# A reading time, in any language: a number, then a unit of minutes ("4 min read", "Lesezeit: 3 Minuten", "3分")
READING_TIME = regex(
    r"(?i)\d+-minute read|"  # ... "7-minute read", not "Biden's 90-minute debate"
    r"\d+\s*(?:[-–]\s*\d+\s*)?(?:min(?:s|\.|utes?|utos?|uten|uti|uty|ut)?(?!\w)|мин(?:ут[аы]?|\.)?(?!\w)|分)"
)
# A link to another story set inside the article ("READ MORE: Title", "See also: Title", "RELATED: Title")
STORY_LINK = regex(
    r"(?i)^(?:see more|read more|read also|also read|see also|related|read next|more|recommended|don'?t miss|"
    r"上一篇|下一篇|上一篇文章|下一篇文章|前の記事|次の記事)\s*[:：]\s*\S"
)


ARCHIVE_LINK = regex(rf"(?i)^{MONTH}\s+\d{{4}}\s*\(\d+\)$")


# The same buttons and links on a Chinese page (\b finds no word's edge between Chinese characters): share, WeChat,
# Weibo, Qzone, QR code, scan, log in, register, bookmark, print, font size, report, the app, home page, more
CJK_FURNITURE = regex(r"分享|微信|微博|QQ空间|二维码|扫码|登录|注册|收藏|打印|字号|举报|客户端|首页|^更多$")
CJK_SENTENCE = regex(
    r"[，。！？；“”]|.{5,}[：:]$"
)  # ... a line with a sentence's marks is no button: "他在微博上发文称："


def is_furniture(line: str) -> bool:
    """A line of the page around the article: menus, buttons, share links, promos, legal and cookie notices, links
    to other stories."""
    words = words_of(line)
    if words == 0 or STORY_LINK.match(line) and words <= 30 or not re.search(r"[^\W_]", line):
        return True  # ... and a rule of underscores or stars ("___", "* * *"): the story's end, or a break
    if words <= 3 and COUNTER.search(line) or words <= 4 and READING_TIME.search(line):
        return True  # 1.2K Shares, 10 of 15, 4 min read
    if TAG_LINE.match(line):
        return True  # Topics: crack, damage, earthquake
    if ARCHIVE_LINK.match(line):
        return True  # a blog's archive link and its count: "April 2015 (1)" (not "SPD (27)": a result's seats)
    notices = {match.lower() for match in BOILERPLATE.findall(line)}
    if len(notices) >= 2 and (
        ADDRESSED.search(line) or words <= TERSE and not REPORTED.search(line) and not QUOTED.search(line)
    ):
        return True  # a notice speaks to the reader ("We use cookies", "you agree to our Terms") or is terse ("This
        # article is for subscribers only. Subscription from 1 euro a week"); the news of a paper's subscribers and
        # advertising, reported ("said", "according to"), is the article's
    if BUTTON.match(line):
        return True  # "Save", "share2", "Gift this article": a button's label, the whole line
    if words <= NOTICE_WORDS and PAGE_NOTICE.search(line):
        return True  # "Voiced by artificial intelligence.", "Purchase Licensing Rights"
    appeals = {match.lower() for match in APPEAL.findall(line)}
    if (
        appeals
        and ADDRESSED.search(line)
        and not QUOTED.search(line)
        and (words <= APPEAL_ALONE or words <= NOTICE_WORDS and len(appeals | notices) >= 2)
    ):
        return True  # "Thanks for reading The Ledger! Subscribe for free to receive new posts and support my work."
    if words <= 8 and (FURNITURE.search(line) or CJK_FURNITURE.search(line) and not CJK_SENTENCE.search(line)):
        return True
    return words <= 12 and FURNITURE.search(line) is not None and not re.search(r"[.!?][\"”’')»]*\s*$", line) \
        or bool(re.match(r"(?i)^(?:©|copyright\b|all rights reserved)", line))  # fmt: skip


SENTENCE_END = regex(r"(?:[.!?…:;\"”’)»]|[.!?…][«“]|\w[.!?][\"”’]?\s+(?:[A-Z]{1,4}|[■◆●▪∎]))\s*$")


def is_prose(line: str) -> bool:
    """A sentence or more of running text, as an article's paragraphs are (not a title, not a label)."""
    tokens = re.findall(r"[^\W\d_][\w’'\-]*", line)
    if not tokens:
        return False
    if CJK.search(line):  # Japanese, Chinese: no case, no spaces; a sentence ends in its own full stop (then a
        # closing quote: 。” ), a clause in its semicolon or colon, a list's lead-in in a dash; a long line of sentences
        stops = re.search(r"[。．！？!?…；;：:][”’\"'」』）)》]*\s*$|[」』）)”’\"]\s*$|——$", line) is not None
        return (stops or len(CJK_STOP.findall(line)) >= 2 and words_of(line) >= 20) and words_of(line) >= 8
    if spaceless(line):  # Thai, Lao, Burmese, Khmer: no case, seldom a full stop; a paragraph is longer than a headline
        return words_of(line) >= SPACELESS_PARAGRAPH or bool(re.search(r"[.!?။។]\s*$", line)) and words_of(line) >= 8
    arrow = re.search(r"\w\s+»\s*$", line) and line.count("»") == 1 and "«" not in line  # "Politics »": a link
    # ... ending in a stop (in German quotes too: »Dann.«), or in the site's mark after it ("... Thursday. DM")
    ends = bool(SENTENCE_END.search(line)) and not arrow
    caseless = sum(1 for token in tokens if not token[0].isupper() and not token[0].islower())
    if caseless * 2 >= len(tokens) and len(tokens) < 20:  # Korean, Arabic, Hindi, Urdu: no capitals to tell a title
        # by; a sentence's full stop does (not a teaser's ".."), or its question mark
        return len(tokens) >= 4 and re.search(r"(?<![.…])[.!?।|۔።؟][\"'”’»)]?\s*$", line) is not None
    lower = sum(1 for token in tokens if token[0].islower()) / len(tokens)
    if len(tokens) >= 20:
        capitals = sum(1 for token in tokens if token[0].isupper()) / len(tokens)
        if capitals >= 0.75 and not re.search(r"[.,;:!?]", line):
            return False  # capitalised words with no sentence's mark: a menu pasted into one line
        return lower >= 0.25 or not line.isupper()
    return ends and (lower >= 0.3 or len(tokens) <= 3 and not re.fullmatch(r"\W*\w+:", line.strip()))  # "From:"


def title_case(line: str) -> bool:
    """A headline written in Title Case (captions are sentences): three words or more, nearly all capitalised."""
    tokens = re.findall(r"[^\W\d_][\w’'\-]*", line)
    if len(tokens) < 3 or not is_title_like(line):
        return False
    small = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "by", "with", "from", "as"}
    return all(token[0].isupper() or token in small for token in tokens) and sum(t[0].isupper() for t in tokens) >= 3


def written_as_sentence(text: str) -> bool:
    """A sentence in sentence case, as a standfirst is written: it ends as one ('.', '?', '!') and is no title."""
    return not title_case(text) and text.rstrip("\"”’»'").endswith((".", "?", "!")) and words_of(text) >= 8


ABBREVIATION_END = regex(r"(?:\b(?:[A-Z]\.){2,}|\b(?:Jr|Sr|Inc|Ltd|Co|Corp|St|Dr|Mr|Mrs|Ms|No|vs)\.)$")


def ends_sentence(line: str) -> bool:
    """The line ends as a sentence does: its full stop, not an abbreviation's ("... in the U.S.", "Inc.") or a
    cut ("..."); inside its closing quotes too ('"We will win."')."""
    line = line.rstrip("\"”’»」』'")
    return line.endswith(FULL_STOPS) and not line.endswith("...") and not ABBREVIATION_END.search(line)


def is_title_like(line: str) -> bool:
    words = words_of(line)
    if (
        not 1 <= words <= (TITLE_MOST_SPACELESS if spaceless(line) else TITLE_MOST)
        or ends_sentence(line)
        or line.endswith((",", ";", ":", "，", "；", "："))
    ):
        return False
    letters = [c for c in line if c.isalpha()]
    return not (letters and all(c.isupper() for c in letters) and words <= 4)


@dataclass
class Line:
    number: int  # 1-based line number in the file
    text: str
    kind: str = ""  # what it became: headline, body, teaser, caption, credit, byline, date, item, heading, left


def shown(text: str, limit: int = 60) -> str:
    return '"' + (text if len(text) <= limit else text[: limit - 1] + "…") + '"'


COPYRIGHT = regex(
    r"(?i)^(?:(?:©|\(c\)|copyright)\s*)+(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(?P<site>[^.,|©·•]{2,60})"
)  # "© 2026 The Moscow Times.", "© Copyright 2016 The Federalist Papers · All Rights Reserved"


def page_site(lines: list[Line]) -> str:
    """Whose page it is, as its copyright line says ("© 2026 The Moscow Times. All rights reserved."), or ""."""
    for line in reversed(lines):
        match = COPYRIGHT.match(line.text)
        if match:
            site = re.sub(r"(?i)\s*\ball rights reserved\b.*$", "", match.group("site")).strip()
            if site:
                return site
    return ""
