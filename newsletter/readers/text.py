"""Text pasted from a news page (.txt) -> the lead story, then its "More from" items; every line accounted for.

A page pasted from any site holds its article among menus, banners, bylines, share buttons, related lists and
footers. Each line is first given what it plainly is (a credit, a caption, a byline, a date, page furniture, a
"More from" heading, prose); the article's body is then the stretch of the page densest in prose (a maximum-sum
run: prose lines count their words, other lines cost a little, headings of related lists and comments end it);
the headline is the title-like line just above it. Every line left out is named in a notice, by line number.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from newsletter.errors import InputError
from newsletter.headers import header_problem
from newsletter.models import Block, Image, Notice, Source, Span, Story
from newsletter.readers import Read, Related
from newsletter.readers.quotes import find_quote
from newsletter.text import clean_lines, first_sentence, length_problem, read_text, shorten

GUESS = "the headline is a guess"  # the warning's words when no line is clearly the headline
PARAGRAPH_LIMIT = 20_000  # characters: an article's longest paragraphs run to about 3,000


def read(path: Path, notices: list[Notice]) -> Read:
    return parse_page(read_text(path), str(path), notices)


# --- what a line plainly is --------------------------------------------------------------------------------

AGENCY = (
    r"(?:REUTERS|Reuters|AP|AP Photo|Associated Press|AFP|AFP via Getty Images|Getty Images|Getty|EPA|EPA-EFE|"
    r"Bloomberg|Kyodo|Xinhua|Sipa|Sipa USA|NurPhoto|Shutterstock|Alamy|ZUMA|ZUMA Press|ZUMA Wire|AAP|PA|"
    r"PA Images|PA Wire|Imago|Pool|Handout|File Photo|File|Anadolu|Anadolu Agency|SOPA Images|LightRocket|"
    r"GZERO Media|Eurasia Group|The Canadian Press|CP|dpa|ANSA|TASS|Sputnik|WireImage|Corbis|Redux|"
    r"The New York Times|The Washington Post|Wikimedia Commons|Flickr|Unsplash|iStock|iStockphoto)"
)
NAMEISH = r"[A-Z][\w.'’\-]*(?:\s+(?:[A-Z][\w.'’\-]*|de|da|van|von|del|la|le|bin|al))*"
CREDIT = re.compile(
    "|".join(
        [
            rf"{AGENCY}(?:\s*/\s*[^/]{{1,80}}){{0,3}}",  # Reuters, REUTERS/Name, REUTERS/Name/File Photo
            r"\(?(?i:Photo|Photograph|Photography|Illustration|Image|Picture|Video)s?\s*(?i:by|:|credit:?)\s*.{1,100}?\)?",
            r".{1,80}\s+via\s+[A-Z][\w.&'’ \-]{1,60}",  # Kyodo via REUTERS, Name/Org via Getty Images
            rf"{NAMEISH}(?:\s*/\s*{NAMEISH}){{1,3}}",  # Lukas Coch/AAP, Elizabeth Frantz/File Photo/Reuters
            rf"[^/.]{{1,60}}/{AGENCY}(?:/[^/]{{1,60}})?",  # Jane Doe/Getty Images
            r"(?i:Courtesy(?: of)?|Credit|Credits|Photo credit|Source|Image source|Foto|Bild)\s*:?\s+.{1,100}",
            r"(?:©|\(c\)|(?i:copyright))\s*.{1,80}",
        ]
    )
)


def is_credit(line: str) -> bool:
    """A photo credit line, in any of the forms agencies and newsrooms print them."""
    line = unwrap(line.strip())
    if not line or len(line) > 120 or len(line.split()) > 12:
        return False
    if re.search(r"[.!?]\s+[a-z]", line):  # a sentence goes on after a full stop: not a credit
        return False
    return CREDIT.fullmatch(line) is not None and not re.fullmatch(r"(?i)(?:Photo|Photos|Video|Image)s?", line)


def unwrap(line: str) -> str:
    """`((Mohammed Ameen/Reuters))` and `[Photo: X]` -> the credit inside."""
    while len(line) > 2 and line[0] + line[-1] in ("()", "[]"):
        line = line[1:-1].strip()
    return line


TRAILING_CREDIT = re.compile(
    r"^(?P<caption>.{20,}?)\s+(?P<credit>\((?i:photo|image|picture|pic|foto|credit|source)s?\b[^()]{1,80}\))$"
)


def split_credit(line: str) -> tuple[str, str]:
    """A caption line that ends in its credit (`... 2021. REUTERS/Michelle Nichols`, `... in June (Image: GETTY)`)
    -> (caption, credit)."""
    bracketed = TRAILING_CREDIT.match(line)
    if bracketed and is_credit(bracketed.group("credit")):
        return bracketed.group("caption"), bracketed.group("credit")
    for stop in re.finditer(r"[.!?)]\s+(?=\S)", line):
        caption, credit = line[: stop.start() + 1], line[stop.end() :]
        if (
            len(caption) >= 20
            and is_credit(credit)
            and ("/" in credit or " via " in credit or re.match(AGENCY, unwrap(credit)))
        ):
            return caption, credit
    return line, ""


MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
         r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")  # fmt: skip
MONTHS = {name: number for number, name in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}  # fmt: skip
DATE_FORMS = [
    re.compile(rf"\b(?P<month>{MONTH})\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})\b", re.I),
    re.compile(rf"\b(?P<day>\d{{1,2}})\.?\s+(?P<month>{MONTH})\s+(?P<year>\d{{4}})\b", re.I),
    re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b"),
]
DATE_WORDS = re.compile(
    r"(?i)^(?:published|updated|posted|last updated|first published|modified|date)\b|"
    r"\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\b|\b(?:hours?|minutes?|days?|weeks?)\s+ago\b|^\d+\s*[smhd]\s+ago$|"
    r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s"
)


def line_date(line: str) -> dt.date | None:
    for form in DATE_FORMS:
        match = form.search(line)
        if match:
            month = match.group("month")
            number = int(month) if month.isdigit() else MONTHS.get(month[:3].lower())
            try:
                return dt.date(int(match.group("year")), number or 0, int(match.group("day")))
            except ValueError:
                continue
    return None


def is_date_line(line: str) -> bool:
    """A dateline or timestamp: short, and mostly a date or time."""
    words = line.split()
    if len(words) > 10 or line.rstrip().endswith((".", "?", "!")) and len(words) > 6:
        return False
    running_words = re.search(r"[a-z]{3,}\s+[a-z]{3,}\s+[a-z]{3,}\s+[a-z]{3,}", line)  # a sentence, not a date
    return bool(line_date(line) or DATE_WORDS.search(line)) and not running_words


BYLINE = re.compile(
    r"^(?:By|Written by|Words by|Reporting by|Story by|Von|Par|Por|Door|Di|Av|Af)\s+[A-Z\u00C0-\u024F].{0,100}$"
)


def is_byline(line: str) -> bool:
    return bool(BYLINE.match(line)) and len(line.split()) <= 14 and not line.endswith((".", "?", "!")) or \
        bool(re.match(r"^By\s+\S+", line)) and len(line.split()) <= 8  # fmt: skip


RELATED = re.compile(
    r"(?i)^(?:More from (?P<brand>\S.{0,60})|Read more|Read next|Read also|Related|Related (?:stories|articles|"
    r"posts|content|coverage|news|reading|topics|links)|More on|Recommended(?: for you| stories| reading| articles)?|"
    r"More (?:stories|news|articles|headlines|on this (?:story|topic)|in \S.{0,40})|Most (?:read|popular|viewed|shared)"
    r"(?: (?:stories|articles|now|this week))?|Popular(?: (?:stories|now|articles))?|You (?:may|might) also like|"
    r"Also (?:read|on \S.{0,40})|Trending(?: now| stories)?|Top stories|Latest(?: news| stories)?|Editor'?s picks|"
    r"What to read next|Further reading|See also|Don'?t miss|In case you missed it|Keep reading|Explore more)"
    r"\s*:?$"
)
END_OF_ARTICLE = re.compile(
    r"(?i)^(?:\d+\s+)?(?:comments?|responses?|replies|leave a (?:comment|reply)|join the (?:conversation|discussion)|"
    r"add a comment|post a comment|show comments|view comments|about the authors?|share this(?: article| story)?|"
    r"tags?|topics?|filed under|more about|sign up for .{0,60}|subscribe to .{0,60}|newsletter|footer|"
    r"related topics|follow us)\s*:?(?:\s*\(\d+\))?$"
)
RIGHTS_RESERVED = re.compile(r"(?i)(?:©|\(c\)|copyright\b).*\brights reserved\b|\brights reserved\b.*(?:©|copyright)")
FURNITURE = re.compile(
    r"(?i)\b(?:subscribe|subscription|sign in|sign up|log ?in|log out|register|newsletter|share(?: on| this| via)?|"
    r"tweet|facebook|twitter|linkedin|whatsapp|pinterest|reddit|email|e-mail|print|copy link|advertisement|"
    r"advertise|sponsored|cookies?|privacy|terms of (?:use|service)|all rights reserved|copyright|©|"
    r"read more|show less|show more|continue reading|skip to|menu|search|home|back to top|click here|"
    r"download (?:the )?app|follow us|contact us|about us|careers|support (?:us|the)|donate|listen|watch|"
    r"open in app|view gallery|enlarge|toggle|loading)\b"
)


CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def words_of(line: str) -> int:
    """Words in a line; in a language written without spaces (Japanese, Chinese), two characters count as one."""
    cjk = len(CJK.findall(line))
    if not cjk:
        return len(re.findall(r"\w+", line))
    return len(re.findall(r"\w+", CJK.sub(" ", line))) + (cjk + 1) // 2


BOILERPLATE = re.compile(
    r"(?i)\b(cookies?|(?:this|our) (?:web)?site|privacy|consent|javascript|browser|opt[- ]out|subscri\w+|"
    r"newsletter|terms|log in|sign in|sign up|ad ?blocker|advertis\w+|all rights reserved|copyright)\b"
)


def is_furniture(line: str) -> bool:
    """A line of the page around the article: menus, buttons, share links, promos, legal and cookie notices."""
    words = words_of(line)
    if words == 0:
        return True
    if len({match.lower() for match in BOILERPLATE.findall(line)}) >= 2:
        return True
    if words <= 8 and FURNITURE.search(line):
        return True
    return words <= 12 and FURNITURE.search(line) is not None and not re.search(r"[.!?]\s*$", line) \
        or bool(re.match(r"(?i)^(?:©|copyright\b|all rights reserved)", line))  # fmt: skip


def is_prose(line: str) -> bool:
    """A sentence or more of running text, as an article's paragraphs are (not a title, not a label)."""
    tokens = re.findall(r"[^\W\d_][\w’'\-]*", line)
    if not tokens:
        return False
    if CJK.search(line):  # Japanese, Chinese: no case, no spaces; a sentence ends in its own full stop
        return bool(re.search(r"[。．！？!?」』）)]\s*$", line)) and words_of(line) >= 8
    ends = bool(re.search(r"[.!?…:;\"”’)»]\s*$", line))
    lower = sum(1 for token in tokens if token[0].islower()) / len(tokens)
    if len(tokens) >= 20:
        return lower >= 0.25 or not line.isupper()
    return ends and (lower >= 0.3 or len(tokens) <= 3)


def title_case(line: str) -> bool:
    """A headline written in Title Case (captions are sentences): three words or more, nearly all capitalised."""
    tokens = re.findall(r"[^\W\d_][\w’'\-]*", line)
    if len(tokens) < 3 or not is_title_like(line):
        return False
    small = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "by", "with", "from", "as"}
    return all(token[0].isupper() or token in small for token in tokens) and sum(t[0].isupper() for t in tokens) >= 3


def is_title_like(line: str) -> bool:
    words = words_of(line)
    if not 1 <= words <= 30 or line.endswith((".", ",", ";", ":")) and not line.endswith("..."):
        return False
    letters = [c for c in line if c.isalpha()]
    return not (letters and all(c.isupper() for c in letters) and words <= 4)


# --- the page ----------------------------------------------------------------------------------------------


@dataclass
class Line:
    number: int  # 1-based line number in the file
    text: str
    kind: str = ""  # what it became: headline, body, teaser, caption, credit, byline, date, item, heading, left


def shown(text: str, limit: int = 60) -> str:
    return '"' + (text if len(text) <= limit else text[: limit - 1] + "…") + '"'


def parse_page(text: str, file: str, notices: list[Notice]) -> Read:
    """Text copied from a news page: the lead story, then any "More from" / "Read more" list as items."""
    raw = clean_lines(text, file, notices)
    lines = [Line(n, " ".join(line.split())) for n, line in enumerate(raw, start=1) if line.strip()]
    for line in lines:
        problem = length_problem("paragraph", line.text, limit=PARAGRAPH_LIMIT)
        if problem:
            raise InputError(f"the line {problem}, or paste the page with its line breaks", file=file,
                             line=line.number)  # fmt: skip
    if not lines:
        raise InputError("holds no story: expected a headline, then paragraphs", file=file)
    roles = classify(lines)
    start, end = body_run(lines, roles)
    if start is None:
        raise InputError("holds no article: no paragraphs of running text found; paste the whole article page",
                         file=file)  # fmt: skip

    head = choose_headline(lines, roles, start, end)
    if head.index is not None:
        start = article_start(lines, roles, head.index, start)

    # The body: prose in the run; subheads between prose; captions and credits inside it go to no output, nor a
    # related box (its heading and the titles under it) inside the article
    body: list[Block] = []
    body_words = 0
    in_box = False
    for i in range(start, end + 1):
        line = lines[i]
        role = roles[i]
        in_box = (in_box or role == "related") and role != "prose"
        if in_box:
            continue
        if role == "prose":
            line.kind = "body"
            body.append(Block(spans=[Span(text=line.text)]))
            body_words += words_of(line.text)
        elif role == "list":
            line.kind = "body"
            numbered = line.text[0].isdigit()
            item = line.text if numbered else re.sub(r"^\S+\s+", "", line.text)
            body.append(Block(kind="oli" if numbered else "li", spans=[Span(text=item)]))
            body_words += words_of(item)
        elif role == "url":
            line.kind = "body"
            body.append(Block(spans=[Span(text=line.text, href=line.text)]))
        elif role == "other" and is_title_like(line.text) and words_of(line.text) <= 15 and i not in (start, end):
            line.kind = "body"
            body.append(Block(kind="h", spans=[Span(text=line.text)]))

    # Above the body: headline, standfirst, byline, date, the lead photo's caption and credit
    story = Story(body=body, source=Source(file=file, line=lines[start].number))
    header(lines, roles, start, head.index, story)
    head_at = head.index
    if head_at is None:
        notices.append(Notice(message="no headline found above the article: its first sentence stands in; "
                                      "write the headline in the story",
                              source=Source(file=file, line=lines[start].number)))  # fmt: skip
        story.headline = shorten(first_sentence(body[0].text), 120)
    else:
        problem = length_problem("headline", story.headline)
        if problem:
            raise InputError(f"the headline {problem}", file=file, line=lines[head_at].number)
        story.source = Source(file=file, line=lines[head_at].number)
        if not head.sure:
            chosen = f"line {lines[head_at].number} ({shown(story.headline)})"
            notices.append(Notice(message=f"{GUESS}: {chosen} was the likeliest of {head.candidates} lines that "
                                          "could be; check it or write the headline in the story",
                                  source=Source(file=file, line=lines[head_at].number)))  # fmt: skip
    story.pull_quotes = [quote for block in body if block.kind == "p" and (quote := find_quote(block.text))]

    # Below the body: a related list, the "More from" items when the page is the brand's
    stories = [story]
    brand = ""
    related = []
    heading = next((i for i in range(end + 1, len(lines)) if roles[i] == "related"), None)
    if heading is not None:
        match = RELATED.match(lines[heading].text)
        brand = (match.group("brand") or "").strip() if match else ""
        forged = header_problem(brand) if brand else None
        if forged:  # the brand name goes into the From header: refused here, where the page names it
            raise InputError(
                f"the brand name {brand!r} in 'More from' {forged}, which would forge mail headers; retype the line",
                file=file,
                line=lines[heading].number,
            )
        lines[heading].kind = "heading"
        items = parse_items(lines[heading + 1 :], roles[heading + 1 :], file)
        site = brand or page_site(lines)
        related.append(Related(file=file, line=lines[heading].number, heading=lines[heading].text, site=site,
                               items=items))  # fmt: skip
        item_words = sum(words_of(f"{item.headline} {item.teaser}") for item in items)
        if items and body_words < item_words:
            notices.append(Notice(message=f"the article ({body_words} words) is shorter than the "
                                          f"'{lines[heading].text}' list below it ({item_words} words): check that "
                                          "the whole article was pasted",
                                  source=Source(file=file, line=lines[heading].number)))  # fmt: skip
    account(lines, file, notices)
    return Read(stories=stories, brand=brand, related=related)


COPYRIGHT = re.compile(
    r"(?i)^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(?P<site>[^.,|©]{2,60})"
)


def page_site(lines: list[Line]) -> str:
    """Whose page it is, as its copyright line says ("© 2026 The Moscow Times. All rights reserved."), or ""."""
    for line in reversed(lines):
        match = COPYRIGHT.match(line.text)
        if match:
            site = re.sub(r"(?i)\s*\ball rights reserved\b.*$", "", match.group("site")).strip()
            if site:
                return site
    return ""


def classify(lines: list[Line]) -> list[str]:
    """What each line plainly is, before any is placed: credit, caption, byline, date, related, end, furniture,
    prose or other."""
    roles = []
    texts = [line.text for line in lines]
    for text in texts:
        if RELATED.match(text):
            roles.append("related")
        elif END_OF_ARTICLE.match(text) or RIGHTS_RESERVED.search(text) and len(text) <= 160:
            roles.append("end")  # comments, tags, the page's copyright line: the article is over
        elif is_credit(text):
            roles.append("credit")
        elif split_credit(text)[1]:
            roles.append("caption")  # a caption that ends in its credit
        elif is_byline(text):
            roles.append("byline")
        elif is_date_line(text):
            roles.append("date")
        elif LIST_ITEM.match(text) and words_of(text) >= 2:
            roles.append("list")
        elif BARE_URL.fullmatch(text):
            roles.append("url")
        elif is_furniture(text):
            roles.append("furniture")
        elif is_prose(text):
            roles.append("prose")
        else:
            roles.append("other")
    # Captions: the line (or doubled line: alt text, then the visible caption) just above a credit, and a
    # doubled line even with no credit; a caption that ends in its credit.
    for i, text in enumerate(texts):
        if roles[i] in ("prose", "other"):
            if i + 1 < len(texts) and roles[i + 1] == "credit" and (words_of(text) > CAPTION_WORDS or title_case(text)):
                continue  # a paragraph beside a photo's credit is still a paragraph, a headline above it a headline
            if i + 1 < len(texts) and (roles[i + 1] == "credit" or texts[i + 1] == text):
                roles[i] = "caption"
            elif i and texts[i - 1] == text:
                roles[i] = "caption"
    # "More from <brand>" always starts the items. Another related heading ends the article when a list follows
    # it (titles, captions, credits); one in the middle of the article (a "Read more" box) is only furniture.
    for i, role in enumerate(roles):
        if role == "related" and not texts[i].lower().startswith("more from "):
            following = roles[i + 1 : i + 5]
            if sum(1 for r in following if r not in ("prose", "list", "url")) < min(2, len(following)):
                roles[i] = "furniture"
    return roles


CAPTION_WORDS = 45  # a photo's caption is a sentence or two; a longer line beside a credit is the article's
LIST_ITEM = re.compile(r"^(?:\d{1,3}[.)]|[-•*–·▪])\s+\S")
BARE_URL = re.compile(r"https?://\S+")
# What a line adds to a run: prose its words; a list item or a bare link a little or nothing; the rest costs.
WEIGHT = {"prose": 0, "list": 1, "url": 0, "other": -3, "furniture": -6, "caption": -2, "credit": -2, "byline": -4,
          "date": -4}  # fmt: skip


UNDER_HEADING = 4  # lines: a run starting this near a related or comments heading is that block's
ARTICLE_WORDS = 60  # a run of prose this long is an article, not a caption or a promo


def body_run(lines: list[Line], roles: list[str]) -> tuple[int | None, int]:
    """The stretch of lines densest in prose: the maximum-sum run (a related or comments heading ends it)."""
    # A newsletter page's "More from <brand>" list follows its lead: the article is above it when prose is there
    more_from = next((i for i, line in enumerate(lines) if roles[i] == "related"
                      and line.text.lower().startswith("more from ")), len(lines))  # fmt: skip
    if "prose" in roles[:more_from]:
        lines, roles = lines[:more_from], roles[:more_from]
    # Per stretch between related or comment headings: its densest run, and whether it starts right under such a
    # heading (a "Most popular" block of openings, a comment thread)
    runs: list[tuple[float, int, int, bool]] = []  # (words, first, last, under a heading)
    total, first, heading = 0.0, 0, -10
    for i, (line, role) in enumerate(zip(lines, roles, strict=True)):
        if role in ("related", "end"):
            total, first, heading = 0.0, i + 1, i
            runs.append((0.0, i + 1, -1, True))
            continue
        score = words_of(line.text) if role == "prose" else WEIGHT[role]
        if total + score <= 0:
            total, first = 0.0, i + 1
            continue
        if total == 0:
            runs.append((0.0, first, -1, first - heading <= UNDER_HEADING))
        total += score
        if total > runs[-1][0]:
            runs[-1] = (total, first, i, runs[-1][3])
    runs = [run for run in runs if run[2] >= 0]
    if not runs:
        return None, -1
    best = max(runs, key=lambda run: run[0])
    # The article is not the run under a related or comments heading when a fair run of prose stands elsewhere
    free = [run for run in runs if not run[3] and run[2] < best[1]]  # an article above the block
    inside = roles[best[1] : best[2] + 1]
    alternating = inside.count("prose") < 2 * (len(inside) - inside.count("prose"))  # title, opening; name, comment
    if best[3] and alternating and free and max(run[0] for run in free) >= ARTICLE_WORDS:
        best = max(free, key=lambda run: run[0])
    _, start, end, _ = best
    while start <= end and roles[start] != "prose":
        start += 1
    return start, end


# --- the headline: the line above the body with the most evidence for it --------------------------------------

HEAD_WINDOW = 60  # lines above the body searched for its headline
COUNTER = re.compile(
    r"(?i)^\W*[\d.,]+\s*[km]?\W*(?:shares?|comments?|views?|likes?|reads?|reactions?|votes?)?\W*$|"
    r"\b\d+\s+(?:of|/)\s+\d+\b|^\W*[\d.,]+\s*[km]?\s+(?:shares?|comments?|views?|likes?|reads?|reactions?)\b"
)
WEB_ADDRESS = re.compile(r"(?i)\bwww\.|^\S+\.(?:com|org|net|co|br|uk|de|fr|in|ru|io)\S*$")
PLACEHOLDER = re.compile(r"\{\{|\}\}|\{%|%\}|\$\{|\[\[")
MENU_SEPARATORS = re.compile(r"\s[|•·»/]\s|\s\|\s*|\s*\|\s")
NOT_HEADLINES = re.compile(
    r"(?i)^(?:welcome to|these are external links|visit our|go to|share (?:all|this)|follow|image \d|photo \d|"
    r"advertisement|sponsored|skip|click|tap|watch|listen|you are (?:here|at)|breadcrumb|home\b)"
)
STOP_WORDS = frozenset(
    "the and for with that this from are was were has have had will its his her their they them after over into "
    "about but not you your our who what when where why how than then also been being more most said says new".split()
)  # fmt: skip
# What each line between a candidate and the body costs it: the page's bylines, dates and buttons cost little,
# other titles and prose more (a headline sits just above its article)
GAP_COST = {"byline": 0.0, "date": 0.0, "credit": 0.02, "caption": 0.05, "furniture": 0.03, "url": 0.05,
            "other": 0.1, "list": 0.1, "prose": 0.2, "related": 0.2, "end": 0.2}  # fmt: skip
SURE = 1.2  # a headline scoring less than this, sharing less than TOPICAL of its words with the article, or ...
TOPICAL = 0.34
MARGIN = 0.35  # ... less than this ahead of the next best, is a guess: flagged


@dataclass
class Headline:
    index: int | None  # the chosen line, or None: no line could be a headline
    sure: bool
    candidates: int  # lines that could be
    scores: list[tuple[float, int]] = field(default_factory=list)  # the best few (score, index), for a look


def terms(text: str) -> set[str]:
    """The words that say what a text is about: lowercase, no short or common words; two-character pieces of a
    language written without spaces."""
    found: set[str] = set()
    for token in re.findall(r"\w+", text.lower()):
        if CJK.search(token):
            found.update(token[i : i + 2] for i in range(len(token) - 1))
        elif len(token) >= 3 and token not in STOP_WORDS and not token.isdigit():
            found.add(token)
    return found


def could_be_headline(text: str, role: str) -> bool:
    """A line a page could have as its headline: not a counter, a placeholder, a menu, a label or a sentence
    that goes on."""
    if role in ("furniture", "date", "byline", "credit", "caption", "url", "list", "related", "end"):
        return False
    size = words_of(text)
    if not 1 <= size <= 35 or text.endswith((",", ";", ":")) or len(text) > 250:
        return False
    if COUNTER.search(text) or PLACEHOLDER.search(text) or NOT_HEADLINES.match(text) or WEB_ADDRESS.search(text):
        return False
    if len(MENU_SEPARATORS.findall(text)) >= 2:  # News | Sport | Business
        return False
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and not (all(c.isupper() for c in letters) and size <= 4)


def choose_headline(lines: list[Line], roles: list[str], start: int, end: int) -> Headline:
    """The headline among the lines above the body (or its first few lines, when title-like), by evidence: words
    shared with the article's opening, nearness to it, a byline or date just under it, a headline's length and
    shape; never a line of a related box or inside running text. Unsure when the best scores low or barely ahead
    of the next."""
    scored: list[tuple[float, int]] = []
    evidence: dict[int, float] = {}  # per candidate: the share of its words the article's opening holds
    box = in_related_box(lines, roles)
    for i in range(max(0, start - HEAD_WINDOW), min(start + 4, end + 1)):
        line, role = lines[i], roles[i]
        if box[i] or i > start and sum(words_of(lines[j].text) for j in range(start, i) if roles[j] == "prose") > 40:
            continue  # a title in a related box, or a line inside the article
        if role == "furniture" and words_of(line.text) >= 5 and not BOILERPLATE.search(line.text):
            role = "other"  # a headline may hold a menu's word ("home", "watch")
        if not could_be_headline(line.text, role) or i >= start and not is_title_like(line.text):
            continue
        if line.text.endswith(("…", "...")):
            continue  # a teaser cut short: another story's
        own = terms(line.text)
        if not own:
            continue
        after = [j for j in range(max(i + 1, start), end + 1) if roles[j] == "prose"]
        opening = " ".join(lines[j].text for j in after[:12])
        shared = len(own & terms(opening)) / (len(own) + 0.5)
        gap = sum(GAP_COST.get(roles[j], 0.1) for j in range(i + 1, start))
        score = 2.0 * shared - gap
        evidence[i] = shared
        size = words_of(line.text)
        score += 0.3 if 4 <= size <= 20 else -0.6 if size < 2 else -0.4 if size < 3 else -0.2 if size > 25 else 0.0
        if line.text.endswith(".") or re.search(r"[.!?]\s+[A-Z]", line.text):
            score -= 0.4  # a sentence, or two: a caption or a paragraph
        if any(roles[j] in ("byline", "date") for j in range(i + 1, min(i + 4, len(roles)))):
            score += 0.4
        above = next((j for j in range(i - 1, max(-1, i - 6), -1)
                      if roles[j] not in ("furniture", "date", "credit", "caption", "byline")), None)  # fmt: skip
        below = next((j for j in range(i + 1, min(i + 6, len(roles)))
                      if roles[j] not in ("furniture", "date", "credit", "caption", "byline")), None)  # fmt: skip
        if above is not None and roles[above] == "prose" and words_of(lines[above].text) >= 15:
            score -= 0.4  # after running text: a subhead or a caption
            if below is not None and roles[below] == "prose" and i < start:
                score -= 0.4  # between two paragraphs
        scored.append((score, i))
    if not scored:
        return Headline(None, False, 0)
    scored.sort(key=lambda pair: (-pair[0], -pair[1]))
    best, index = scored[0]
    runner_up = scored[1][0] if len(scored) > 1 else -1.0
    # Sure only with evidence of two kinds: its words are the article's, and it stands out from the other lines
    sure = (best >= SURE and evidence[index] >= TOPICAL or len(scored) == 1) and best - runner_up >= MARGIN
    return Headline(index, sure, len(scored), scored[:5])


def in_related_box(lines: list[Line], roles: list[str]) -> list[bool]:
    """Per line: whether it stands under a related heading ("Related", "Most popular") with no prose since."""
    box, inside, since = [], False, 0
    for line, role in zip(lines, roles, strict=True):
        if role == "related":
            inside, since = True, 0
        elif role == "prose" and words_of(line.text) >= 12 or since >= 12:
            inside = False
        since += 1
        box.append(inside and role != "related")
    return box


def article_start(lines: list[Line], roles: list[str], pick: int, start: int) -> int:
    """Where the article begins under its headline: the densest run may have started lower, after a related box
    or a widget inside the article; the prose between the headline and that run is the article's when there is
    more of it than of anything else."""
    if pick >= start:
        return next((i for i in range(pick + 1, len(lines)) if roles[i] == "prose"), start)
    between = range(pick + 1, start)
    box = in_related_box(lines, roles)
    prose = sum(words_of(lines[i].text) for i in between if roles[i] == "prose")
    other = sum(words_of(lines[i].text) for i in between if roles[i] in ("other", "caption", "list") and not box[i])
    first = next((i for i in between if roles[i] == "prose"), None)
    if first is None or prose < 30 or prose < 2 * other:
        return start
    return first


def header(lines: list[Line], roles: list[str], start: int, pick: int | None, story: Story) -> None:
    """Fill the headline, standfirst (teaser), byline, date, caption and credit from the lines above the body."""
    # The header: walking up from the body until the page's menus (three short non-prose lines in a row)
    top = start
    short_run = 0
    while top > 0 and start - top < 25:
        role = roles[top - 1]
        if role in ("related", "end"):
            break
        short = role in ("furniture", "other") and words_of(lines[top - 1].text) <= 3
        short_run = short_run + 1 if short else 0
        if short_run >= 3:
            top += short_run - 1
            break
        top -= 1
    if pick is not None:
        top = min(top, pick)
    head = list(range(top, start))
    if pick is not None:
        story.headline = lines[pick].text
        lines[pick].kind = "headline"
    caption_lines: list[str] = []
    for i in head:
        line, role = lines[i], roles[i]
        if line.kind:
            continue
        if pick is not None and i < pick and role not in ("caption", "credit"):
            continue  # above the headline: menus and labels
        if role == "caption":
            caption, credit = split_credit(line.text)
            if not story.credit and credit:
                story.credit = credit
            if caption not in caption_lines:
                caption_lines.append(caption)
            line.kind = "caption"
        elif role == "credit" and not story.credit:
            story.credit = line.text
            line.kind = "credit"
        elif role == "byline" and not story.byline:
            story.byline = re.sub(r"^(?:By|Written by|Words by|Reporting by|Story by)\s+", "", line.text).strip()
            line.kind = "byline"
        elif role == "date" and story.date is None and (day := line_date(line.text)):
            story.date = day
            line.kind = "date"
        elif role == "prose" and pick is not None and i > pick and not story.teaser:
            story.teaser = line.text  # the standfirst under the headline
            line.kind = "teaser"
    if caption_lines:
        story.caption = " ".join(caption_lines)
        story.image = Image(alt=story.caption)


def parse_items(lines: list[Line], roles: list[str], file: str) -> list[Story]:
    """The related list: per item a caption and credit with an optional teaser, or one line per item.

    Items may touch with no blank line between them, so the credit lines, not the blank lines, mark where an item
    is. The list ends where the page's furniture begins.
    """
    end = 0
    gap = 0
    for i, role in enumerate(roles):
        if role in ("related", "end"):
            break
        if role == "furniture" or (role == "other" and words_of(lines[i].text) <= 3):
            gap += 1
            if gap >= 2:
                break
            continue
        gap = 0
        end = i + 1
    content = lines[:end]
    credits = [i for i, line in enumerate(content) if i > 0 and roles[i] == "credit"]
    if not credits:
        stories = []
        for i, line in enumerate(content):
            if roles[i] in ("prose", "other", "caption") and words_of(line.text) >= 2:
                line.kind = "item"
                # A title is the item's headline; a sentence its teaser, the title made from it later (and flagged)
                titled = is_title_like(line.text) and not re.search(r"[.!?…]$", line.text)
                text = {"headline": line.text} if titled else {"teaser": line.text}
                stories.append(Story(**text, source=Source(file=file, line=line.number)))
        return stories
    # Each item starts at its caption: the line before its credit, or the first of a doubled caption.
    starts = []
    for n, at in enumerate(credits):
        start = at - 1
        previous_credit = credits[n - 1] if n else -1
        while start - 1 > previous_credit and content[start - 1].text == content[at - 1].text:
            start -= 1
        starts.append(start)
    stories = []
    for n, at in enumerate(credits):
        stop = starts[n + 1] if n + 1 < len(credits) else len(content)
        caption = content[at - 1].text
        for line in content[starts[n] : stop]:
            line.kind = "item"
        stories.append(
            Story(
                caption=caption,
                credit=content[at].text,
                image=Image(alt=caption),
                teaser=" ".join(line.text for line in content[at + 1 : stop]),
                source=Source(file=file, line=content[starts[n]].number),
            )
        )
    return stories


def account(lines: list[Line], file: str, notices: list[Notice]) -> None:
    """One notice per run of lines left out, naming the first few; a warning when most of the page went."""
    runs: list[list[Line]] = []
    previous = None
    for index, line in enumerate(lines):
        if line.kind:
            previous = None
            continue
        if previous is None:
            runs.append([])
        runs[-1].append(line)
        previous = index
    for run in runs:
        first, last = run[0].number, run[-1].number
        where = f"{first}-{last}" if last != first else f"{first}"
        shown = ", ".join('"' + (line.text if len(line.text) <= 40 else line.text[:39] + "…") + '"' for line in run[:3])
        more = f" (+{len(run) - 3} more)" if len(run) > 3 else ""
        notices.append(Notice(message=f"{file}:{where}: left out as page furniture: {shown}{more}"))
    left = sum(words_of(line.text) for run in runs for line in run)
    kept = sum(words_of(line.text) for line in lines if line.kind == "body")
    if kept * 3 < left:
        notices.append(Notice(message=f"the article kept {kept} words and left out {left}: check that the story "
                                      "holds the whole article", source=Source(file=file, line=1)))  # fmt: skip
