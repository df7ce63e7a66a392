"""A photo's lines in a pasted page: its credit, in any of the forms agencies and newsrooms print it (alone, or glued
onto its caption), and where a line beside a credit is its caption or the article's own paragraph."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsletter.patterns import regex
from newsletter.readers import fold
from newsletter.readers.ends import article_over
from newsletter.readers.kinds import label_only
from newsletter.readers.languages import ALL_RIGHTS_RESERVED
from newsletter.readers.lines import (
    CAPTION_BUTTONS,
    CAPTION_LABEL,
    FURNITURE,
    REPORTED,
    STAMPED,
    Line,
    ends_sentence,
    line_date,
    title_case,
)
from newsletter.readers.press_captions import press_credit
from newsletter.readers.scripts import CJK, words_of
from newsletter.readers.words import breadcrumb

# Agencies and picture libraries, as credits name them. A set, not an alternation in CREDIT: the alternation,
# written out three times there, took 3 ms of Python's `re` compiling at every run.
AGENCIES = frozenset(
    "REUTERS|Reuters|AP|AP Photo|Associated Press|AFP|AFP via Getty Images|Getty Images|Getty|EPA|EPA-EFE|"
    "Bloomberg|Kyodo|Xinhua|Sipa|Sipa USA|NurPhoto|Shutterstock|Alamy|ZUMA|ZUMA Press|ZUMA Wire|AAP|PA|"
    "PA Images|PA Wire|Imago|Pool|Handout|File Photo|File|Anadolu|Anadolu Agency|SOPA Images|LightRocket|"
    "GZERO Media|Eurasia Group|The Canadian Press|CP|dpa|ANSA|TASS|Sputnik|WireImage|Corbis|Redux|"
    "The New York Times|The Washington Post|Wikimedia Commons|Flickr|Unsplash|iStock|iStockphoto|"
    # ... and as Chinese, Japanese and Korean pages name them: Xinhua, China News Service, Kyodo, Jiji, Reuters,
    # AP, AFP, Yonhap
    "新华社|新華社|中新社|共同社|共同通信|時事通信|路透社|美联社|法新社|연합뉴스".split("|")
)
# Chinese and Japanese credits: "图片来源：官网" (the image's source), "每经记者 张蕊 摄" (taken by; "市发改委 图",
# pictured by), "公安分局供图 华龙网" (supplied by, then the site), "写真：共同" (photo: Kyodo)
CJK_CREDIT = (
    r"(?:图片来源|图片来自|图源|圖片來源|来源|來源|图|圖|写真|撮影|摄影|攝影)\s*[:：/／＝=]\s*.{1,60}|"
    r"[^。！？]{1,40}?(?:[\s/／](?:摄|攝|图|圖)|供图|供圖)(?:\s+\S{1,12})?|"
    # "（記者林筱涵攝）": photographed by the reporter, in Taiwan's papers; any photographer's, in brackets
    r"[（(]?(?:記者|记者)\S{2,4}(?:攝|摄)[）)]?|[（(][^（）()由]{1,16}(?:攝|摄|拍摄|拍攝|供图|供圖)[）)]"
)
# ... in brackets, glued onto the caption with or without its stop: "（資料照，陳品妤攝）", "(美国之音萧晴拍摄)"; a
# name or a label before it, not a clause saying how it was taken ("（部分空景由無人機拍攝）"); the caption one
# sentence; or the photo's label and source: "（写真＝ロイター）"
BRACKETED = (
    r"[（(](?:[^（）()由]{1,16}(?:攝|摄|拍摄|拍攝|供图|供圖)|(?:写真|照片|图|圖)\s*[＝=:：][^（）()]{1,16})[）)]"
)
CJK_BRACKETED = regex(BRACKETED)
CJK_TRAILING = regex(rf"^(?P<caption>[^。]{{5,59}}[^。\s]。?)\s*(?P<credit>{BRACKETED})$")
# ... or led by its agency alone in brackets, as Lianhe Zaobao sets it ("（法新社）一名计票人员...处理邮寄选票。"); an
# article's dateline names its place and says it cabled ("（法新社巴黎4日电）")
CJK_LEADING = regex(
    r"^[（(](?P<credit>法新社|路透社|美联社|美聯社|彭博社|欧新社|歐新社|新华社|新華社|中新社|共同社|韩联社|韓聯社|"
    r"AFP|Reuters|AP|EPA|Bloomberg)[）)]\s*(?P<caption>[^。！？]{5,59}。?)$"
)
# "Photo" as pages in other languages label a credit: Slavic and Baltic, Hungarian, Turkish, Greek, Finnish,
# Vietnamese, Filipino, Swahili, Hausa, Persian, Arabic, Urdu, Hebrew, Hindi, Bengali, Korean, Thai, Burmese, Georgian,
# Armenian
PHOTO_WORDS = (
    "фото|снимка|fot\\.|fotó|zdjęcie|slika|nuotr\\.|fotoğraf|φωτ\\.|φωτο|φωτογραφία|kuva|ảnh|larawan|picha|hoto|"
    "عکس|صورة|تصوير|فوٹو|تصویر|צילום|फोटो|फ़ोटो|ছবি|사진|ภาพ|ဓာတ်ပုံ|ფოტო|լուսանկար"
)
# ... and the BBC's label over the credit, in English and its World Service's languages (as CAPTION_LABEL's)
SOURCE_LABELS = (
    "image source|منبع تصویر|مصدر الصورة|chanzo cha picha|автор фото|इमेज स्रोत|تصویر کا ذریعہ|fuente de la imagen|"
    "crédito|sumber gambar|fotoğraf kaynağı|nguồn hình ảnh|图像来源"
)
# Where a list's picture came from, as BuzzFeed's and its like's lines give it: "Via Flickr: Name / Creative Commons"
VIA_SITES = r"Flickr|Instagram|Twitter|YouTube|Tumblr|Giphy|Imgur|Reddit|Facebook|Pinterest|TikTok|Getty Images"
CREDIT_SMALL = r"photos?|file|handout|courtesy|family|images?|pool|staff|illustration"  # lower-case words of credits
PHOTOGRAPHER = r"(?i:photographer|photo editor)"
STAFF_PHOTO = r"(?i:file|staff|handout|special|contributed|submitted) (?i:photo|photograph|image|picture)s?"
NAMEISH = r"[A-Z][\w.'’\-]*(?:\s+(?:[A-Z][\w.'’\-]*|de|da|van|von|del|la|le|bin|al))*"
CREDIT = regex(
    "|".join(
        [
            r"\(?(?i:Photo|Photograph|Photography|Illustration|Image|Picture|Video)s?\s*(?i:by|:|credit:?)\s*.{1,100}?\)?",
            rf"\(?(?i:{PHOTO_WORDS})(?:\s*[:|-]|(?<=\.))\s*.{{1,100}}?\)?",  # "Фото: Танјуг", "Ảnh: X", "PICHA | X"
            # "File photo: Name/Agency"
            rf"(?i:file|archive|stock) (?i:photo|image|picture)s?:\s*{NAMEISH}(?:\s*/\s*{NAMEISH}){{0,3}}",
            # Kyodo via REUTERS, Name/Org via Getty Images, Courtesy of the family via AP: names before "via", not a
            # sentence's words ("Como, la Ztl si allarga: ... in via Milano", an Italian street; "Bank warns via X")
            rf"(?:(?:[^\sa-z][^\s]*|[a-z]{{1,3}}|{CREDIT_SMALL})\s+){{1,10}}via\s+[A-Z][\w.&'’ \-]{{1,60}}",
            rf"(?i:via)\s+(?:{VIA_SITES}|[\w-]+\.(?:com|net|org|tv))(?:\s*[:/]\s*.{{1,80}})?",  # "Via Flickr: X / CC"
            r"[^.!?]{1,80}\s+(?i:nuotr\.|nuotrauka)",  # Lithuanian, the label after: "Seimas / BNS nuotr."
            r"(?i:Courtesy(?: of)?|Credit|Credits|Photo credit|Source|Image source|Foto|Bild)\s*:?\s+.{1,100}",
            rf"(?i:{SOURCE_LABELS})\s*[:,،]\s*.{{1,100}}",  # the BBC's: "Image source, Getty Images"
            r"(?:©|\(c\)|(?i:copyright))\s*.{1,80}",
            CJK_CREDIT,
            # the photographer by name and post, as a student paper's template sets it under the caption
            rf"{NAMEISH},\s+(?:(?i:staff|chief|senior|contributing|student|assistant)\s+)?{PHOTOGRAPHER}",
            # Lukas Coch/AAP, Elizabeth Frantz/File Photo/Reuters; last, so that a line in no other form is told by it
            rf"(?P<bare>{NAMEISH}(?:\s*/\s*{NAMEISH}){{1,3}}(?:\s+{STAFF_PHOTO})?)",  # "Name/Sentinel file photo"
        ]
    )
)
NAME_ONLY = regex(NAMEISH)
SITE_LINKS = regex(
    r"(?i)\b(?:terms(?: of (?:use|service))?/|privacy (?:policy|dashboard|notice|settings)|cookie (?:policy|settings)|"
    r"sitemap|impressum|datenschutzerklärung|accessibility statement)"
)


def is_credit(line: str) -> bool:
    """A photo credit line, in any of the forms agencies and newsrooms print them."""
    if CJK_BRACKETED.fullmatch(line.strip()):
        return True
    line = unwrap(line.strip())
    if not line or len(line) > 120 or len(line.split()) > 12:
        return False
    # A sentence goes on after a full stop, or a link: the site's copyright line ("Copyright 2013 NPR. To see more,
    # visit http://www.npr.org/."), no credit; a credit may name a site ("Photo: www.ourcommons.ca")
    if re.search(r"[.!?]\s+[a-z]|https?://", line):
        return False
    if (
        re.fullmatch(r"(?i)(?:Photo|Photos|Video|Image)s?", line)
        or CAPTION_BUTTON.match(line)
        or SITE_LINKS.search(line)
    ):
        return False  # a button ("Bild vergrößern"); the site's links pasted as one line ("Terms/Privacy Policy")
    if copyright_glued(line):
        return False  # a caption with its credit after a copyright sign: split_credit parts them
    # ... nor a breadcrumb trail ("News / Politics"), whose places are written as a credit's names are
    return agency_credit(line) or CREDIT.fullmatch(line) is not None and not breadcrumb(line)


COPYRIGHT_LABEL = regex(rf"(?i)(?:photo(?:graph)?|foto|bild|image|picture|credit|{PHOTO_WORDS})s?\W*")
COPYRIGHT_SIGNS = regex(r"(?i)^(?:(?:©|\(c\)|copyright\b)\s*)+")
YEAR = regex(r"\b(?:19|20)\d\d\b")
YEARS = regex(r"\b(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d\b")  # "2011-2019"
COPYRIGHT_CAPTION_WORDS = 4  # a caption of a photo, before its copyright sign: more than a brand's name ("BBC ©")


# What only a site's copyright line says: its rights, contents or data; its rights reserved, anywhere in the line
# and in the languages sites print it
SITE_WORDS = regex(r"(?i)\b(?:copyright|contents?|data|all rights)\b")  # (not "rights": "© Human Rights Watch")
RESERVED = regex(rf"(?i)\b(?:rights reserved|{ALL_RIGHTS_RESERVED})")


def site_copyright(line: str, beside_photo: bool = False) -> bool:
    """The line is the site's copyright line (or the article's: "© Thomson Reuters 2020"), no photo's credit. Its
    words say so: its rights, the site's contents or data ("... © 2019 CBS. All rights reserved", "Alle Rechte
    vorbehalten", "Sports data © STATS"; not a caption's before it: "Civil rights marchers in Selma © Name/AP"); so
    do a year with no one named ("© 2019") and its years since the site began ("© 2000-2018 Name"). One year with a
    name ("©2016 POPSUGAR Inc.", "© Us Weekly 2016") is the site's in its menu or at the page's foot, but a photo's
    credit may be dated too (a film's still: "© 2016 Warner Bros."): where it stands beside a caption or in the lead
    photo's place (`beside_photo`), it is the photo's. A credit with its label ("Photo: © 2019 X") is too."""
    signs = COPYRIGHT_SIGNS.match(line)
    before, sign, holder = ("", "©", line[signs.end() :]) if signs else line.partition("©")
    if not sign or COPYRIGHT_LABEL.fullmatch(before.strip()):
        return False
    holder = COPYRIGHT_SIGNS.sub("", holder)  # its signs, after its words: "... © Copyright 2016", "©copyright 2016"
    said = holder if words_of(before) >= COPYRIGHT_CAPTION_WORDS else f"{before} {holder}"  # not a caption's words
    if SITE_WORDS.search(said) or RESERVED.search(line):
        return True
    if YEARS.search(holder):
        return True  # its years, from the site's first ("©The Anti-June Cleaver 2011-2019"): a photo has one
    return YEAR.search(holder) is not None and (not beside_photo or not re.search(r"[^\W\d_]", holder))


def copyright_glued(line: str) -> tuple[str, str] | None:
    """(caption, credit) of a caption that ends in its credit after a copyright sign, as German and Austrian sites
    print them ("Radfahren in Salzburg, Hellbrunn © Österreich Werbung / Ulli Cecerle-Uitz", "... Bundestag© Odd
    Andersen /AFP"); not the site's copyright line (site_copyright: "Copyright © 2019 CBS", "Sports data © STATS
    2018"; a dated one is the photo's after a caption of a sentence or a few words), nor a labelled credit ("Foto:
    © dpa", "... film. Photo: © Jane Doe": the label is the credit's)."""
    caption, sign, credit = line.partition("©")
    label = (caption.split() or [""])[-1]
    if (
        not sign
        or not re.search(r"[^\W\d_]", COPYRIGHT_SIGNS.sub("", caption))
        or COPYRIGHT_LABEL.fullmatch(caption.strip())
    ):
        return None
    if label.endswith(":") and COPYRIGHT_LABEL.fullmatch(label):
        return None
    if words_of(caption) > FILE_CAPTION_WORDS:
        return None  # a paragraph with a picture's credit pasted onto it: the article's, credit and all
    if site_copyright(line, ends_sentence(caption) or words_of(caption) >= COPYRIGHT_CAPTION_WORDS):
        return None
    return (caption.rstrip(), sign + credit) if is_credit(sign + credit.rstrip()) else None


def bare_names(line: str) -> bool:
    """A credit only by its shape, names between slashes ("Luis Sinco / Los Angeles Times"): no label, no agency, no
    ©. A menu's entries are written so ("Press/Media Center", "Stadtgeschichte / Landesgeschichte")."""
    line = unwrap(line.strip())
    found = CREDIT.fullmatch(line)
    return (
        found is not None
        and found.group("bare") is not None
        and not agency_credit(line)
        and not any(part.strip() in AGENCIES for part in line.split("/"))  # "Evan Vucci / AP"
    )


def names_a_link(line: str) -> bool:
    """Of names between slashes, one is a site's link or section ("Twitter / Facebook / RSS", "Arts/Culture")."""
    return any(FURNITURE.fullmatch(part.strip()) or label_only(part) for part in unwrap(line.strip()).split("/"))


def menu_credit(texts: list[str], roles: list[str], i: int) -> bool:
    """A credit by its shape alone that is a site's link (a part of it a link's or a section's name), or stands by no
    photo: under no caption, alt text or headline (a line of a few words at least, no date stamp), as menus set their
    entries ("My Teams", "Organize / See All Teams Help")."""
    if roles[i] != "credit" or not bare_names(texts[i]):
        return False
    above = texts[i - 1] if i else ""
    pictured = (
        i > 0
        and roles[i - 1] in ("prose", "other", "caption")
        and words_of(above) >= PICTURE_OVER_WORDS
        and not STAMPED.search(above)
    )
    return names_a_link(texts[i]) or not pictured


PICTURE_OVER_WORDS = 4  # words at least of the caption, alt text or headline over a photo's credit (a menu's are fewer)


def agency_credit(line: str) -> bool:
    """A credit that names an agency: `Reuters`, `REUTERS/Name/File Photo`, `Jane Doe/Getty Images`,
    `Jane Doe | Getty Images`, `Jane Doe | Bloomberg | Getty Images`."""
    parts = line.split("/")
    name, bar, agency = line.partition("|")
    outlets = [part.strip() for part in agency.split("|")]  # ... or more: "Natalie Naccache | Bloomberg | Getty Images"
    return (
        # the agency, then up to three names or notes
        (parts[0].rstrip() in AGENCIES and len(parts) <= 4
            and all(part and len(part.strip()) <= 80 for part in parts[1:]))
        # a name, the agency, perhaps "File Photo"
        or (len(parts) in (2, 3) and parts[1] in AGENCIES and 1 <= len(parts[0]) <= 60 and "." not in parts[0]
            and all(1 <= len(part) <= 60 for part in parts[2:]))
        # a name | the agency (| another), as CNBC prints them
        or (bool(bar) and len(outlets) <= 2 and all(outlet in AGENCIES for outlet in outlets)
            and NAME_ONLY.fullmatch(name.rstrip()) is not None)
    )  # fmt: skip


def names_agency(credit: str) -> bool:
    """The credit starts with an agency's name."""
    return unwrap(credit).startswith(tuple(AGENCIES))


def unwrap(line: str) -> str:
    """`((Mohammed Ameen/Reuters))`, `[Photo: X]` and `（新华社记者 李鑫 摄）` -> the credit inside."""
    while len(line) > 2 and line[0] + line[-1] in ("()", "[]", "（）"):
        line = line[1:-1].strip()
    return line


# A licence, a photo's or the article's, as Flickr, Wikimedia and think tanks give it: "Creative Commons: Some rights
# reserved.", "This work is licensed under a Creative Commons Attribution 4.0 licence", "CC BY-SA 4.0"
LICENCE = regex(
    r"(?i)^(?:creative commons\b|this (?:work|article|image|photo) is licensed under (?:a )?creative "
    r"commons\b|cc by\b)"
)
LICENCE_WORDS = 30
# ... or the agency's or paper's name before the word: "(PTI photo)", "(Express Photo by Name)"
AGENCY_PHOTO = (
    r"\((?!(?:See|Watch|View|In|Inside|Viral|Exclusive|More|All|New|Latest|Top|Best|Rare|Unseen|Leaked|First)\b)"
    r"(?:[A-Z][\w.&'’-]*\s+){1,3}(?i:file\s+)?(?i:photo|pic)(?:\s+(?i:by)\s+[^()]{1,60})?\)"  # not "(See Pics)"
)
# ... or a wire's name in Arabic, as the Arab press brackets it after the caption, an archive photo's label before it:
# "(رويترز)", "(أ.ف.ب)", "(أرشيفية - رويترز)": Reuters, AFP, AP, EPA, dpa, Getty, Anadolu, or "archive" alone
ARABIC_WIRE = (
    r"\((?:أرشيفية\s*[-–]\s*)?(?:رويترز|أ\.?\s?ف\.?\s?ب|أ\.?\s?ب|إ\.?\s?ب\.?\s?أ|د\.?\s?ب\.?\s?أ|غيتي|الأناضول|"
    r"أرشيفية)\.?\)"
)
TRAILING_CREDIT = regex(
    r"^(?P<caption>.{20,}?)\s+(?P<credit>\((?i:photo|image|picture|pic|foto|credit|source)s?\b[^()]{1,80}\)|"
    rf"(?P<agency>{AGENCY_PHOTO}|{ARABIC_WIRE}))$"
)
WIRE_CAPTION = 20  # words: a caption before a wire's name in brackets; a paragraph ending so is longer, or reported
BRACKETED_CREDIT = regex(r"^(?P<caption>[^()]{20,300}?)\s+\((?P<credit>[^()]{2,80})\)$")
# ... or a wire's name alone in brackets after a caption of a sentence or two, as Italian papers print it ("... il
# voto sul premierato (Ansa)", "(Epa)", "(LaPresse)")
WIRE_TRAILING = regex(
    r"^(?P<caption>[^()]{20,200}?)\s+(?P<credit>\((?:Ansa|ANSA|Epa|EPA|Afp|AFP|Ap|AP|Reuters|REUTERS|LaPresse|"
    r"Imagoeconomica|Getty Images|Getty|dpa|Efe|EFE|Anp|ANP|Belga|BELGA|Ipa|IPA|Agf|AGF)\))$"
)  # (as it spells them: "(ePA)" is a German law's short name)
# ... the outlet and the photographer in brackets, as the ABC prints them ("... (ABC News: Callum Ashby)"); and a
# credit's label glued on with no stop before it ("... her pitch to voters Credit: Name for The Telegraph", "... on
# Tuesday.Credit...Name for The New York Times")
OUTLET_CREDIT = regex(
    rf"^(?P<caption>.{{20,}}?[.!?])\s+(?P<credit>\((?P<outlet>(?:[A-Z][\w.&'’-]*\s+){{0,3}}[A-Z][\w.&'’-]*):\s*"
    rf"{NAMEISH}\))$"
)  # ... after the caption's full stop; the outlet the ABC's own ("ABC News", "ABC Rural"), an agency or "Supplied"
LABELLED_CREDIT = regex(
    r"^(?P<caption>.{20,}?)\s*(?P<credit>(?:Credit|Photograph|Crédits? photos?|(?<=[.!?])Photo|(?<=[.!?]\s)Photo)"
    r"(?:\s*:\s*|\.\.\.\s*|…\s*)"
    rf"{NAMEISH}(?:\s*/\s*{NAMEISH}|\s+(?:for|via)\s+{NAMEISH})?)$"
)


CREDIT_WORDS = 10  # a glued-on credit: its label, a name or two, an outlet
CREDIT_LONGEST = 240  # characters: is_credit takes none over 120 once its brackets are off; twice that, to be sure


def split_credit(line: str) -> tuple[str, str]:
    """A caption line that ends in its credit (`... 2021. REUTERS/Michelle Nichols`, `... in June (Image: GETTY)`)
    -> (caption, credit)."""
    line = HIDE_GLUED.sub("", line)  # a button pasted onto the credit: "... Chuck Burton/AP hide caption"
    if glued := copyright_glued(line) or press_credit(line, WIRES):
        return glued  # (or in one press's own convention: "...本会議＝22日、静岡市葵区", "... on Thursday. | KYODO")
    bracketed = TRAILING_CREDIT.match(line)
    if bracketed and (bracketed.group("agency") or is_credit(bracketed.group("credit"))):
        return bracketed.group("caption"), bracketed.group("credit")
    wire = WIRE_TRAILING.match(line)
    if wire:
        return wire.group("caption"), wire.group("credit")
    # ... or a photographer's and agency's, or a wire's, in brackets: "... chose independence (Ness Kerton/AFP via Getty
    # Images)", "... in Mumbai on Wednesday. (PTI)"
    bracketed = BRACKETED_CREDIT.match(line)
    caption = bracketed["caption"] if bracketed else ""
    alone = ends_sentence(caption) and words_of(caption) <= WIRE_CAPTION and not REPORTED.search(caption)
    if bracketed and ((credit := bracketed["credit"]) in AGENCIES | WIRES and alone
                      or is_credit(credit) and ("/" in credit or " via " in credit)):  # fmt: skip
        # (a wire's name alone after a short sentence's stop: "Trains were halted briefly (Kyodo)" and "... the
        # inquiry would be made public, the minister said. (PTI)" are paragraphs)
        return bracketed["caption"], f"({credit})"
    outlet = OUTLET_CREDIT.match(line)
    if outlet and not (outlet["outlet"].startswith("ABC") or outlet["outlet"] in AGENCIES | {"Supplied"}):
        outlet = None  # a seat's party and its candidate: "... a majority of 8,405 (Reform: Nigel Farage)"
    cjk = CJK_TRAILING.match(line) or CJK_LEADING.match(line)
    found = outlet or LABELLED_CREDIT.match(line) or (cjk if CJK.search(line) else None)
    if found and len(found.group("credit").split()) <= CREDIT_WORDS:
        return found.group("caption"), found.group("credit")
    # After the caption's stop (Chinese: no space after it), or its dash before a labelled credit ("... - Ảnh: X")
    # ... or a stop glued to a credit in capitals, as the Boston Globe pastes it ("... in 2022.EFREM LUKATSKY/AP")
    first_cjk = CJK.search(line)  # (once per line: each stop asking it of its caption made a long line quadratic)
    for stop in re.finditer(rf"[.!?)](?=\s+\S|{GLUED_CAPITALS})|[。！？）]\s*(?=\S)|\s[-–—]\s+(?=\S)", line):
        if len(line) - stop.end() > CREDIT_LONGEST:
            continue  # no credit so long (is_credit's limit, its brackets aside): not cut out to be asked
        caption, credit = line[: stop.start() + 1].rstrip(), line[stop.end() :].lstrip()
        # ... a slash between the caption's stop and its credit, as a Gannett paper sets it ("... plan. / Name/X")
        credit = credit.removeprefix("/ ")
        # a caption in Chinese or Japanese over its credit: its length counted in characters
        in_chars = first_cjk is not None and first_cjk.start() <= stop.start() and re.fullmatch(CJK_CREDIT, credit)
        labelled = PHOTO_LABEL.match(credit) is not None or PHOTO_BY.match(credit) is not None  # "Photo: X"
        if (
            (len(caption) >= 20 or in_chars and len(caption) >= 6)
            and is_credit(credit)
            and (labelled or stop.group().strip() not in "-–—" and ("/" in credit or " via " in credit
                                                                    or names_agency(credit) or in_chars))
        ):  # fmt: skip
            return caption, credit
    return line, ""


def glued_twin(texts: list[str], roles: list[str], i: int) -> bool:
    """The line again, a line or two under it, with its credit glued on: the photo's alt text over its caption
    ("A crowd waits ...", then "A crowd waits ... (Jane Doe / Herald)"), one caption shown twice."""
    return any(
        roles[j] == "caption" and texts[j].startswith(texts[i]) and split_credit(texts[j])[0] == texts[i]
        for j in range(i + 1, min(len(texts), i + 3))
    )


@dataclass
class LeadPhoto:
    """The lead photo's caption lines and credit, as the header's lines give them, each said once: a caption line
    another one holds whole is the same words again (its alt text, a name: "Donald Trump" and "Donald Trump speaks at
    a rally ..."), and the photo shown again (its alt text over its credit, then its caption over the same credit)
    keeps its first caption, or the one under it when that says far more."""

    captions: list[str] = field(default_factory=list)
    credit: str = ""
    credited: int = 0  # the caption lines there were when the credit was taken: the photo's; any after, again

    def add(self, caption: str, credit: str = "") -> None:
        if caption and not any(f" {fold(caption)} " in f" {fold(kept)} " for kept in self.captions):
            self.captions = [kept for kept in self.captions if f" {fold(kept)} " not in f" {fold(caption)} "]
            self.captions.append(caption)
        if credit and not self.credit:
            self.credit, self.credited = credit, len(self.captions)
        elif credit and fold(credit) == fold(self.credit) and self.captions[self.credited :]:
            first, again = self.captions[: self.credited], self.captions[self.credited :]
            fuller = words_of(" ".join(again)) >= FULLER * words_of(" ".join(first))  # alt text, then the caption
            self.captions = again if fuller else first  # ... not a gallery's next slide, by the same photographer
            self.credited = len(self.captions)


FULLER = 2  # times the words of the photo's first caption: its alt text's summary, then the caption in full


GLUED_CAPITALS = r"[A-Z][A-Z'’.-]+ [A-Z][A-Z '’.-]*/"  # a credit in capitals with its agency: "EFREM LUKATSKY/AP"
CAPTION_UNDER = 20  # a caption under its credit (the BBC's order): a line of six words to this many, ending in no
CAPTION_UNDER_WORDS = 6  # ... stop or colon
PARAGRAPH_OVER = 15  # a sentence of this many words over a credit whose caption is under it is the article's
SOURCE_LINE = regex(r"(?i)^source\s*:")


# A credit's label on a line of its own, the credit on the next: the New York Times' "Credit...", "Photo:"
CREDIT_LABEL = regex(r"(?i)^(?:credits?|photo(?:graph)?|image|picture|foto)\s*(?:\.\.\.|…|:)$")


def credit_under(texts: list[str], roles: list[str], i: int) -> bool:
    """A photo's credit stands under the line, perhaps under its label on a line of its own; not the site's rights
    line under the article's last paragraph, a paragraph over it and none under it ("Copyright 2020 KQVR. To
    see more, visit KQVR.", "Copyright © 2013, The Lakeshore Courier"), which leaves that paragraph the article's."""
    under = i + 2 if i + 1 < len(texts) and CREDIT_LABEL.match(texts[i + 1]) else i + 1
    if under < len(texts) and site_copyright(texts[under]) and roles[i - 1 : i] == ["prose"] \
            and "prose" not in roles[under + 1 : under + 2]:  # fmt: skip
        return False
    return under < len(texts) and roles[under] == "credit"


def toggled(texts: list[str], roles: list[str], i: int) -> bool:
    """The line is over a caption's buttons (NPR's "hide caption", "toggle caption") and a credit under them."""
    if i + 1 >= len(texts) or not HIDE_CAPTION.match(texts[i + 1]):
        return False  # the first button hides the caption: a line with no caption over a credit has none
    j = i + 1
    while j < len(texts) and CAPTION_BUTTON.match(texts[j]):
        j += 1
    return j < len(texts) and roles[j] == "credit"


# A button or link pasted onto the credit: NPR's "hide caption", Reuters' "Purchase Licensing Rights, opens new tab"
HIDE_GLUED = regex(r"(?i)(?<=\S)\s+(?:(?:hide|toggle) caption|purchase licensing rights(?:,\s*opens new tab)?)$")
# ... or before it, with no space: a video's "Play" button over its picture ("PlayEvan Vucci/AP Photo")
PLAY_GLUED = regex(r"^(?:Play|Watch)(?=[A-Z][\w.'’-]*\s+[A-Z])")
HIDE_CAPTION = regex(r"(?i)^(?:hide|show) caption$")
CAPTION_BUTTON = regex(rf"(?i)^(?:{CAPTION_BUTTONS})$")


# The news agencies that sign an article's end, with the desk's initials or the site's own name beside them:
# "mrc/dpa/Reuters", "– TIMES/AFP/NA", "(AFP)"
WIRES = frozenset(
    "Reuters|REUTERS|AP|AFP|dpa|DPA|EFE|ANSA|TASS|Kyodo|Xinhua|AAP|PA|Anadolu|KNA|epd|APA|SDA|ATS|Belga|ANP|PAP|"
    "CTK|ČTK|MTI|Lusa|Agerpres|BTA|Tanjug|HINA|NTB|TT|Ritzau|STT|Yonhap|Bernama|Antara|PTI|IANS|ANI|NA|Télam|"
    "Notimex|Europa Press|Interfax|Ukrinform|IRNA|WAFA|SPA|MENA|KUNA|QNA|WAM".split("|")
)
SIGN_OFF = regex(
    r"^[–—-]?\s*\(?\s*(?:[a-z]{1,4}/)*(?P<names>[\w.]+(?: [\w.]+)?(?:\s*[/,+]\s*[\w.]+(?: [\w.]+)?){0,4})\s*\)?$"
)


def signed_off(texts: list[str], roles: list[str], i: int) -> bool:
    """Line `i`, a credit in its shape, is the article's sign-off: its source ("Source: Al Jazeera and news agencies")
    or the wires it draws on ("mrc/dpa/Reuters", "– TIMES/AFP/NA"), under the article's last sentence (a paragraph
    over it), and the article over under it (ends.article_over: a subhead and paragraphs under it, the line is a
    photo's credit inside the article). No photo's credit: the sentence over it is no caption, however short."""
    if not (i >= 2 and roles[i - 2] == "prose" and roles[i - 1] in ("prose", "other") and ends_sentence(texts[i - 1])):
        return False
    match = SIGN_OFF.match(texts[i].strip())
    names = re.split(r"\s*[/,+]\s*", match["names"]) if match else []
    wires = any(name in WIRES for name in names) and all(name in WIRES or name.isupper() for name in names)
    if not SOURCE_LINE.match(texts[i]) and not wires:
        return False  # (a photographer's name beside the agency, "Jane Doe/Reuters": a photo's credit)
    return article_over(texts, roles, i)


def paragraph_over_credit(texts: list[str], roles: list[str], i: int) -> bool:
    """The line over a credit, inside the article, is its paragraph and no caption: a sentence with a paragraph over
    it, written as no caption is (no day's date, no "The chart shows"), and the credit's caption under the credit
    (the BBC's order: a caption's sentence under it, longer than a subhead, then a paragraph), or the credit the
    article's source line at its foot ("Source: Al Jazeera", nothing of the article under it)."""
    text = texts[i]
    if not (i and roles[i - 1] == "prose" and ends_sentence(text) and words_of(text) >= PARAGRAPH_OVER):
        return False
    if line_date(text) or DESCRIBED.match(text):
        return False  # "... in Budapest on Thursday, October 23, 2025.", "The chart shows ..."
    under = [roles[k] for k in range(i + 2, min(len(texts), i + 4))]
    if SOURCE_LINE.match(texts[i + 1]):  # (a chart's description says what it shades or shows)
        return "prose" not in under[:1] and not CHARTED.search(text)
    caption = texts[i + 2] if i + 2 < len(texts) else ""
    return (
        texts[i + 1].strip() in AGENCIES  # the BBC's credit: the agency alone ("Getty Images", "Reuters", "EPA")
        and under == ["other", "prose"]
        and CAPTION_UNDER_SENTENCE <= words_of(caption) <= CAPTION_UNDER
        and not title_case(caption)
    )  # fmt: skip  (a subhead under the credit is shorter, or written in Title Case)


PHOTO_LABEL = regex(
    rf"(?i)\b(?:photo|image|picture|foto|bild|{PHOTO_WORDS})(?:\s*:|(?<=\.)\s|\s+(?=(?-i:[A-Z]{{2,}})$))"
)  # a caption's credit glued on: "... PHOTO: X", "... Fot. X", "... - Foto BERNAMA" (an agency in capitals, last)
PHOTO_BY = regex(r"(?i)^(?:photo(?:graph)?|image|picture)s?\s+by\s+\S")  # after the caption's stop: "... Photo by X"
# A photo's own words: what its people do before the camera (a standfirst's news "poses" a threat, "is seen as"
# one, "talks with" another), where they stand in it (", left,"; not "the far right,"), that it is a file picture
PICTURED = regex(
    r"(?i)\b(?:pictured|file (?:photo|picture|image)|looks on|gestures|poses for|(?:is|are) seen (?!as\b)|"
    r"(?:speaks|waves|smiles|listens) (?:to|at|during|as|with|after|before)|arrives (?:at|for)|"
    r"(?<=, )(?:left|right|centre|center|front|back|second (?:left|right)),)|\((?:left|right|centre|center|[lrc])\)|"
    r"\((?:L-R|R-L|from (?:left|right))\)"
)
CHARTED = regex(r"(?i)\b(?:shaded|chart|graph|graphic|map|pictured|shown in)\b")
CAPTION_UNDER_SENTENCE = 10  # words: a caption under its credit inside the article; a subhead there is shorter
DESCRIBED = regex(r"(?i)^(?:the|this) (?:chart|graphic|map|graph|table|photo|picture|image)s? (?:shows?|above|below)\b")


# A photo's note that it is from the archive, closing its caption in brackets or after a dash: "(File photo)",
# "（资料图）", "(Archivbild)", "—ফাইল চিত্র।": the line is a caption (its photo the paper's own, no credit)
FILE_PHOTO_WORDS = (
    r"file(?: photo| picture| image)?|archive photo|资料图片?|資料圖片?|资料照片?|資料照片?|資料写真|자료사진|"
    r"फ़?फाइल फ़?फोटो|फ़ाइल फ़ोटो|ফাইল (?:চিত্র|ছবি)|கோப்புப் படம்|فائل فوٹو|صورة أرشيفية|أرشيفية|عکس آرشیوی|"
    r"foto de archivo|imagen de archivo|foto de arquivo|imagem de arquivo|photo d['’]archives?|archives|archivbild|"
    r"archivfoto|symbolbild|foto d['’]archivio|foto di repertorio|архивное фото|фото из архива|arşiv fotoğrafı|"
    r"ảnh tư liệu|ảnh minh họa"
)
FILE_PHOTO = regex(rf"(?i)(?:[(（]\s*(?:{FILE_PHOTO_WORDS})\s*[)）]|\s[-–—]\s*(?:{FILE_PHOTO_WORDS}))\s*[.।。]?\s*$")


def captioned(texts: list[str], k: int) -> bool:
    """A caption by its label: labelled on its own line ("Image caption, ..."), or under the label standing alone (the
    BBC's pages of 2015-2019: "Image copyright", "PA", "Image caption", then the caption); or closing with its photo's
    note that it is from the archive ("(File photo)", "（资料图）")."""
    above = texts[k - 1] if k else ""
    alone = CAPTION_LABEL.match(above) is not None and not CAPTION_LABEL.sub("", above).strip()
    return bool(CAPTION_LABEL.match(texts[k]) and CAPTION_LABEL.sub("", texts[k])) or alone or file_photo(texts[k])


def file_photo(text: str) -> bool:
    """A caption that closes with its photo's note that it is from the archive, short as captions are."""
    return FILE_PHOTO.search(text) is not None and words_of(text) <= FILE_CAPTION_WORDS


FILE_CAPTION_WORDS = 60  # words at most (a Chinese line's letters count as words: a caption of two sentences)


def doubled(lines: list[Line], roles: list[str], i: int) -> bool:
    """A line pasted twice in a row with no credit beside either copy: a caption's alt text, or a title."""
    twin = next((j for j in (i - 1, i + 1) if 0 <= j < len(lines) and lines[j].text == lines[i].text), None)
    near = range(max(0, min(i, twin or i) - 1), min(len(lines), max(i, twin or i) + 2))
    return twin is not None and not any(roles[j] == "credit" for j in near)
