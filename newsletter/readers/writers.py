"""Who wrote the article, as a page says it around the article: the byline taken from its line (without its "By",
with the date a byline may carry), a writer's name on its own line with what marks it as the writer's, and the
writer's note ("ELENA VASQUEZ is a Senior Fellow at ...", "Kim covers North and South Korea for ..."), over it, under
it or after its last paragraph. The note is the page's, no paragraph of the article; a paragraph about someone in the
news who shares the writer's name is."""

from __future__ import annotations

import html
import re

from newsletter.models import Story
from newsletter.patterns import regex
from newsletter.readers.candidates import PLACE, WRITER_TAGLINE
from newsletter.readers.headers import figures_date
from newsletter.readers.lines import (
    BYLINE_WORDS,
    GLUED_DATE,
    NAMES,
    STAMP_WORDS,
    STAMPED,
    WEEKDAY,
    Line,
    is_date_line,
    is_furniture,
    line_date,
)
from newsletter.readers.months import MONTHS, WEEKDAYS
from newsletter.readers.scripts import words_of
from newsletter.readers.words import SECTIONS


def writers_bios(texts: list[str], roles: list[str]) -> list[int]:
    """The paragraphs that tell who the page's writers are: each starts with a name its byline gives and goes on as a
    writer's note does: the whole name ("Anna Petrova is a senior correspondent"), or the first or last name alone
    only in what the writer covers ("Todorov covers Bulgaria"); or it is the contributor's own line in the first
    person under the byline ("I write about franchising."), there or after the article with more."""
    names: set[str] = set()  # the writers' whole names
    parts: set[str] = set()  # ... and their first and last names, which start a note only as "covers ..."
    for text, role in zip(texts, roles, strict=True):
        if role == "byline":
            for name in re.split(r",|\s+(?:and|&)\s+", BYLINE_WORDS.sub("", text)):
                words = name.split()
                if 2 <= len(words) <= 4 and NAMES.fullmatch(name.strip()):
                    names.add(" ".join(words).casefold())
                    parts.update({words[0].casefold(), words[-1].casefold()})
    found = []
    taglines = [text for i, text in enumerate(texts) if i and roles[i - 1] == "byline" and WRITER_TAGLINE.match(text)]
    for i, text in enumerate(texts):
        head = BIO.match(text)
        name = " ".join(head["name"].split()).casefold() if head else ""
        if roles[i] == "prose" and (name in names or name in parts and head and head["covers"]):
            found.append(i)  # (a quoted expert who shares the writer's surname "is a senior analyst")
        elif roles[i] == "prose" and any(text.startswith(line) for line in taglines) and words_of(text) <= NOTE_WORDS:
            found.append(i)  # a contributor's own line under the name ("I write about ..."), or again with more
    return found


# What a writer's note says after the name: what the writer is ("is a Senior Fellow at", "is Director of"), or what
# the writer covers for whom ("covers Bulgaria for The Associated Press"); not what a person in the news is or does
# A writer's post (and a program's: its producer, photographer, host)
POSTS = r"(?:correspondent|editor|reporter|writer|columnist|contributor|analyst|journalist|producer|photographer|host)"
FOREIGN_POSTS = (
    r"(?:korrespondent|redakteur|reporter|autor|journalist|kolumnist|chefredakteur|ressortleiter)(?:in)?|journaliste|"
    r"correspondante?|rédact(?:eur|rice)|chroniqueu(?:r|se)|éditorialiste|periodista|corresponsal|redactora?|"
    r"columnista|jornalista|correspondente|repórter|colunista|giornalista|corrispondente|inviat[oa]|redatt(?:ore|rice)|"
    r"editorialista"
)
NOTE = (
    rf",?\s+(?:(?:is|was|has been)\s+(?:(?:a|an|the)\s+)?(?:[\w’'-]+\s+){{0,4}}?(?i:{POSTS}|fellow|professor|"
    r"researcher|director|chief|lecturer|author|scholar|adviser|advisor|economist|historian)\b|"
    r"(?P<covers>covers|reports on|reports from|writes about|writes on|has (?:covered|reported on|reported from))|"
    # ... and as German, French, Spanish, Portuguese and Italian sites say what their writer is ("Maren Holt ist
    # Korrespondentin der Hafenzeitung", "... est journaliste au service politique")
    r"(?:ist|war|est|était|es|fue|é|foi|è|era)\s+(?:(?:ein|eine|der|die|un|une|le|la|el|uma?|o|a|il|lo)\s+)?"
    rf"(?:[\w’'-]+\s+){{0,3}}?(?i:{FOREIGN_POSTS}))\b"
)
NAME = r"[A-Z\u00C0-\u024F][\w.'’-]*"
APPOSITIVE = r"(?:,\s+(?:a|an|the)\s+[^,]{1,80}?(?=,))?"  # "Katarina Lindholm, a former minister, is a senior fellow"
BIO = regex(rf"^(?P<name>{NAME}(?:\s+{NAME}){{0,3}}){APPOSITIVE}{NOTE}")
# ... or how to reach the writer: "Contact Ruth Wambui at ruth.wambui@example.com."
REACH_AT = r"(?:[^@]{1,40}?\s(?:or|and)\s+)?\S+@\S+$"  # the address, perhaps a telephone number before it
CONTACT = regex(
    rf"^(?:Contact|Email|E-mail|Reach|Write to)\s+(?P<name>{NAME}(?:\s+{NAME}){{1,3}})\s+(?:at|via|on)\s+{REACH_AT}"
)  # (with a telephone number before the address: "Reach Greg Wachowski at 555-0143 or greg@example.com.")
# ... or as an American paper says it: "Staff writer Raymond Tsai can be reached at 555-0143 or rtsai@example.com."
REACHED = regex(
    rf"^(?:(?i:staff\s+)?(?i:writer|reporter|correspondent)\s+)?(?P<name>{NAME}(?:\s+{NAME}){{1,3}})\s+(?:can|may) be "
    rf"reached (?:at|by e-?mail at|via)\s+{REACH_AT}"
)
WRITER_NOTE = regex(
    rf"^(?P<name>{NAME}(?:[ -]{NAME}){{1,3}}){APPOSITIVE}{NOTE}"
)  # ... the full name, after the last paragraph, when a line of the header names the writer (see signed_above)
NOTE_WORDS = 80  # ... of a sentence or three


def written_note(lines: list[Line], start: int, text: str) -> bool:
    """A paragraph after the article that is a writer's note (or how to reach the writer), whose name stands in a
    short line of the header above it (a name alone under the headline, read as no byline), or heads the list of the
    writer's other stories ("MORE FROM Hannah Delacroix"): not a closing line about someone in the news ("Kevin
    Hassett is the director of the National Economic Council.")."""
    note = WRITER_NOTE.match(text) or CONTACT.match(text) or REACHED.match(text)
    if note is None or words_of(text) > NOTE_WORDS:
        return False
    name = " ".join(note["name"].split()).casefold()
    if any(" ".join(line.text.split()).casefold() == f"more from {name}" for line in lines[start:]):
        return True
    return any(
        name in line.text.casefold()
        and (
            line.text.casefold().startswith(f"by {name}")
            or words_of(line.text) <= HEADER_NAME
            and NAMES.fullmatch(line.text)
        )
        for line in lines[:start]
    )  # (a line of names: "By Khalid Osman and Rebecca Hale", not the headline "Norman Davies, historian, dies")


HEADER_NAME = 8  # words: a header's line that names the writers ("Khalid Osman and Rebecca Hale")


# A writer's post on its own line under the name: "Scotland political correspondent", with the place after a comma
# ("Balkans correspondent, Belgrade"; on a line of its own: REPORTING_FROM)
POST_LINE = regex(rf"(?i)^(?:[\w'’-]+\s+){{0,3}}{POSTS}(?:,\s+(?-i:{PLACE}))?$")

ADDRESS = r"\s*[-–—|,]\s*(?P<address>[\w.+-]+)@[\w.-]+"  # a writer's address after the name: " - jane@site.dk"
WRITTEN_TO = regex(ADDRESS + "$")

# A writer's name on its own, with what marks it as the writer's (a name alone is as often a label, a place, a
# venue, a series, a publication or the story's subject, with a "Follow" button or a reading time under it): the
# writer's post ("Anna Petrova Political correspondent", or on the line under it: the BBC's), the date right under
# it (Axios's, DW's, Substack's; "Anna Petrova in Paris" over it: the Guardian's), or own address ("Jane Doe -
# jane@site.dk")
WRITER = regex(
    r"^(?P<name>[A-Z\u00C0-\u024F][\w'’.-]+(?:\s+(?:[A-Z\u00C0-\u024F][\w'’.-]+|de|van|von|der|da|del|di|du|la|le|bin|al))"
    r"{1,3}?)"
    rf"(?:(?P<post>(?i:,?\s+(?:[a-z]+\s+){{0,2}}{POSTS}))|\s+in\s+(?P<place>{PLACE}))?(?:{ADDRESS})?$"
)


# ... not a site's or a section's name, a button, a title ("The Planetary Press", "Text Size", "Ein Albtraum"), nor
# a line in capitals ("OUTDOOR LOVERS": a category's, as often as a name)
NO_NAME = regex(
    r"^(?i:the|a|an|ein|eine|der|die|das|le|la|les|el|los|las|un|une|il|lo)\b|"
    r"(?i:\b(?:size|text|font|print|share|menu|press|media|magazine|times|post|daily|weekly|journal|review|blog|desk|"
    r"tips?|team|office|contact|newsroom|editors|service|support|info|letters?|news|live|stream|video|updates?|"
    r"points|takeaways|highlights|summary)\b)|"
    r"^[^a-z]+$"
)


def post_under_name(texts: list[str], i: int) -> bool:
    """The writer's post on its own line under the name (the BBC's), which a photo's credit under it does not make
    the photo's caption."""
    return i > 0 and bool(POST_LINE.match(texts[i]) and WRITER.match(texts[i - 1]))


def writer_line(lines: list[Line], i: int, pick: int | None) -> bool:
    """A line under the headline that is a writer's name with what marks it as the writer's: a post, the date
    right under it, or the writer's own address."""
    found = WRITER.match(lines[i].text)
    if pick is None or i <= pick or not found or is_furniture(lines[i].text) or NO_NAME.search(found["name"]):
        return False
    names = {word.lower() for word in found["name"].split()}
    if names & SECTIONS:
        return False  # a section's label: "World News", "Breaking News"
    if found["address"]:  # the writer's own, not "Contact Us - news@site.com"
        return any(name in found["address"].lower() for name in names if len(name) >= 3)
    under = lines[i + 1].text if i + 1 < len(lines) else ""  # the post under the name, or the date
    return bool(found["post"] or POST_LINE.match(under) or is_date_line(under) and dated(under))


DAY_NAMED = regex(rf"(?i)^{WEEKDAY}")


def dated(text: str) -> bool:
    """A date line that says when: a day's date, a weekday or a stamp ("Published ..."); not a clock alone, as a video
    player's "Remaining Time -1:32" is."""
    return bool(line_date(text) or figures_date(text) or STAMPED.match(text) or DAY_NAMED.match(text))


# The BBC's byline as its pages print it for screen readers: a heading ("Article information"), then a label and a
# comma before the writer's name and post ("Author, Anna Petrova", "Role, Europe correspondent"), in English or in the
# language of its World Service's page (the labels its services set; a service that sets none prints the English)
ARTICLE_INFORMATION = regex(
    r"^(?:Article information|اطلاعات مقاله|Información del artículo|О статье|Haber bilgisi|مضمون کی تفصیل|"
    r"Maelezo kuhusu taarifa|Bayani kan maƙala|Informasi artikel|기사 관련 정보|Podaci o članku|Подаци о чланку|"
    r"Ibiranga iyi nkuru|Məqalə barədə məlumat|Informacje o artykule|கட்டுரை தகவல்)$"
)
LABELLED_AUTHOR = regex(
    r"^(?:Author|نویسنده|Autor|Автор|Yazan|مصنف|Marubuci|Penulis|Tác giả|기자|Аутор|Umwanditsi|Müəllif|Szerző|"
    r"எழுதியவர்)\s*[,،]\s+(?P<name>[^\s,،].{0,60})$"
)
LABELLED_ROLE = regex(
    r"^(?:Role|شغل|Título del autor|Должность|Unvan|पदनाम|عہدہ|Nafasi|Peranan|Vai trò|Funkcija|Функција|Igikorwa|"
    r"Vəzifə|Pozíció|Stanowisko|பதவி|기자)\s*[,،]\s+\S.{0,80}$"
)


def labelled_byline(texts: list[str]) -> dict[int, str]:
    """The lines of the BBC's labelled byline and what each is ({line: "byline" or "furniture"}): the writer's line
    under the heading or over the post's, the heading and the post's line, which the byline does not keep."""
    found: dict[int, str] = {}
    for i, text in enumerate(texts):
        headed = i > 0 and ARTICLE_INFORMATION.match(texts[i - 1]) is not None
        posted = i + 1 < len(texts) and LABELLED_ROLE.match(texts[i + 1]) is not None
        if LABELLED_AUTHOR.match(text) and (headed or posted):
            found[i] = "byline"
            if headed:
                found[i - 1] = "furniture"
            if posted:
                found[i + 1] = "furniture"
    return found


# A byline's date after a bar or a comma: "By Anna Petrova | Nov. 20, 2026", "By Anna Petrova, November 20, 2026"
STAMP_WORD = rf"(?i:(?:first |last )?(?:updated|published|posted)|{STAMP_WORDS})\b"  # "Updated", "publié"...
STAMP_AFTER = regex(rf"[\s,|·•]*{STAMP_WORD}\s*:?$")
DATED_BYLINE = regex(
    r"^(?P<name>.+?)\s*(?:[|·•]|,(?=\s*\S+\.?\s+\d|\s*\d|\s*" + STAMP_WORD + r")|\s(?=" + GLUED_DATE + r")|"
    r"\s[-–—](?=\s*\d|\s*[A-Z][a-z]{2,8}\.?\s+\d))"  # ... or a dash before its figures or month: "Tess Bonn -
    # 11/19/19 06:56 AM EST", "Daniel Kessler - Mar 5, 2013 4:30pm UTC"
    r"\s*(?P<date>[^|·•]+)$"
)


def take_byline(line: Line, story: Story) -> None:
    """The story's byline from its line, without its "By" or an address after it; a date after a bar or a comma, or
    right after the names, is the story's date (not after words that are no name's: "Moritz Berg publiziert am 25.
    September 2026")."""
    name = HANDLE.sub("", BYLINE_WORDS.sub("", line.text)).strip()  # (not the writer's handle glued on)
    name = labelled["name"] if (labelled := LABELLED_AUTHOR.match(name)) else name  # (the BBC's "Author, ...")
    found = DATED_BYLINE.match(name)
    glued = found is not None and not re.search(r"[|·•,]\s*$", name[: found.start("date")])
    if found and glued and not NAMES.fullmatch(found["name"]):
        found = None
    if found and is_date_line(found["date"]):  # (its date read when it can be: not "Aug 18th 2010", "11/19/19")
        name = STAMP_AFTER.sub("", found["name"]).strip()  # (not "Updated" glued on: "Globe Columnist,Updated")
        if story.date is None:
            story.date = line_date(found["date"])
    story.byline = WRITTEN_TO.sub("", name)  # the name, not the writer's address
    line.kind = "byline"


def named_authors(text: str, separator: str = ";") -> str:
    """The writers' names from a page's metadata as trafilatura gives them (parts split by ";", capitalised) or its
    JSON-LD (by ","), each as author_name leaves it, joined by commas ("Doug Stanglin, USA TODAY")."""
    names: list[str] = []
    address = False  # after the publisher: its city and country ("Süddeutsche de GmbH; Munich; Germany")
    for part in html.unescape(text).split(separator):  # ("O&#039;Donnell": one name)
        address = bool(PUBLISHER.search(part)) or address and len(part.split()) == 1
        if not address and (name := author_name(part)) and name not in names:
            names.append(name)
    return ", ".join(names)


def author_name(part: str) -> str:
    """One writer's name as a page's metadata gives it, without the "By" a byline line had ("Par Ion Popescu",
    "View all posts by Daniel Lemire", "Текст: ..."), a weekday glued after it ("Malcolm Owen Monday"), or a site's
    address after a comma ("Troy L. Smith, Cleveland.com"); "" for what names no writer: a stamp ("Publié Le"), a
    date's words ("Wednesday January", "Apr"), a site's address ("futurezone.at", "Www Medianotions De"), the
    publisher ("Süddeutsche de GmbH"), the desk's editor ("责任编辑：张迪"), a form's or a template's placeholder
    ("Name", "Email Com", "admin")."""
    name = NAME_LABEL.sub("", BYLINE_WORDS.sub("", " ".join(part.split())))  # (named_authors unescaped it)
    name = EDITOR.split(name)[0].strip(" ,")  # (the desk's editor after the writer: "作者：未知 责任编辑：棒棒不是糖")
    name = HOST_AFTER.sub("", WEEKDAY_AFTER.sub("", STAMP_AFTER.sub("", name)))  # ("... wire services Published")
    name = BUTTONS_AFTER.sub("", name)  # (the buttons by the name: "Alyssa Newcomb Twitter Email", "... 关注")
    if len(name.split()) >= 3:
        name = MONTH_AFTER.sub("", name)
    words = name.lower().split()
    if not words or STAMP_ALONE.fullmatch(name) or HOST.fullmatch(name) or PUBLISHER.search(name):
        return ""
    if all(word.strip(".") in MONTHS or re.fullmatch(WEEKDAYS, word) or word in NO_WRITER for word in words):
        return ""
    return name


NAME_LABEL = regex(
    r"(?i)^(?:view all posts by|posts by|текст|text|作者)(?:\s*[:：]\s*|\s+)"
)  # ("Текст" without its colon)
WEEKDAY_AFTER = regex(rf"(?<=\w)\s+(?i:{WEEKDAYS})$")
# A month glued after a name of two words or more ("Cindy Mangomini December"; not "Laura June": a month that is also
# a name stays)
MONTH_AFTER = regex(r"(?<=\w)\s+(?:January|February|March|July|September|October|November|December)$")
TLD = r"(?i:com|net|org|info|de|at|ch|fr|it|es|nl|be|uk|ru|pl|io|me|cn|jp|in|au|ca)"
# An address: a common top-level domain after a space or dot ("futurezone.at", "Www Medianotions De", "Nytimes Co
# Kr": trafilatura's capitals), or a dotted word ending in lowercase letters; not initials glued to a name
# ("J.K.Rowling")
HOST = regex(
    rf"(?:(?i:www)[\s.])?[\w-]+(?:[\s.][\w-]+)*?[\s.](?:{TLD}|(?i:co|com|org|net|gov|ac)[\s.](?i:[a-z]{{2}}))"
    r"|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}"
)
HOST_AFTER = regex(rf",\s*[\w-]+(?:\.[\w-]+)*\.{TLD}$")
EDITOR = regex(r"(?:责任编辑|責任編輯|编辑|編輯)\s*[:：]")  # the desk's editor, no writer
PUBLISHER = regex(r"\b(?:GmbH|Inc\.?|Ltd\.?|LLC|S\.A\.)(?:$|[\s,])")
NO_WRITER = {"name", "email", "admin", "administrator", "author", "autor", "editor", "unknown", "未知"}  # ("Editor
# December": a template's placeholder and a date's word)
BUTTONS_AFTER = regex(r"(?i)(?<=\S)(?:\s+(?:twitter|e-?mail|facebook|instagram|linkedin|follow|关注))+$")


HANDLE = regex(r"(?<=\w)@\w+(?![\w.@-])")  # "Chaim Gartenberg@cgartenberg" (not an address: "kim@example.co.kr")
STAMP_ALONE = regex(rf"{STAMP_WORD}(?:\s+(?i:le|am|el|em|il|op|on|at))?\s*:?")  # "Publié Le", "Veröffentlicht Am"
