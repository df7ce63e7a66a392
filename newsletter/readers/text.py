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
from dataclasses import dataclass
from pathlib import Path

from newsletter.errors import InputError
from newsletter.headers import header_problem
from newsletter.models import Block, Image, Notice, Source, Span, Story
from newsletter.readers import Read
from newsletter.readers.quotes import find_quote
from newsletter.text import clean_lines, first_sentence, length_problem, read_text, shorten

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


def split_credit(line: str) -> tuple[str, str]:
    """A caption line that ends in its credit (`... 2021. REUTERS/Michelle Nichols`) -> (caption, credit)."""
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
    r"\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\b|\b(?:hours?|minutes?|days?|weeks?)\s+ago\b|"
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
    r"posts|content|coverage|news|reading|topics|links)|Recommended(?: for you| stories| reading| articles)?|"
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
FURNITURE = re.compile(
    r"(?i)\b(?:subscribe|subscription|sign in|sign up|log ?in|log out|register|newsletter|share(?: on| this| via)?|"
    r"tweet|facebook|twitter|linkedin|whatsapp|pinterest|reddit|email|e-mail|print|copy link|advertisement|"
    r"advertise|sponsored|cookies?|privacy|terms of (?:use|service)|all rights reserved|copyright|©|"
    r"read more|show less|show more|continue reading|skip to|menu|search|home|back to top|click here|"
    r"download (?:the )?app|follow us|contact us|about us|careers|support (?:us|the)|donate|listen|watch|"
    r"open in app|view gallery|enlarge|toggle|loading)\b"
)


def words_of(line: str) -> int:
    return len(re.findall(r"\w+", line))


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
    ends = bool(re.search(r"[.!?…:;\"”’)»]\s*$", line))
    lower = sum(1 for token in tokens if token[0].islower()) / len(tokens)
    if len(tokens) >= 20:
        return lower >= 0.25 or not line.isupper()
    return ends and (lower >= 0.3 or len(tokens) <= 3)


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

    # The body: prose in the run; subheads between prose; captions and credits inside it go to no output
    body: list[Block] = []
    body_words = 0
    for i in range(start, end + 1):
        line = lines[i]
        role = roles[i]
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
    head_at = header(lines, roles, start, story)
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
    story.pull_quotes = [quote for block in body if block.kind == "p" and (quote := find_quote(block.text))]

    # Below the body: a related list becomes "More from" items
    stories = [story]
    brand = ""
    heading = next((i for i in range(end + 1, len(lines)) if roles[i] == "related"), None)
    if heading is not None:
        match = RELATED.match(lines[heading].text)
        brand = (match.group("brand") or "").strip() if match else ""
        problem = header_problem(brand) if brand else None
        if problem:  # the brand name goes into the From header: refused here, where the page names it
            raise InputError(
                f"the brand name {brand!r} in 'More from' {problem}, which would forge mail headers; retype the line",
                file=file,
                line=lines[heading].number,
            )
        lines[heading].kind = "heading"
        items = parse_items(lines[heading + 1 :], roles[heading + 1 :], file)
        stories.extend(items)
        item_words = sum(words_of(item.teaser) for item in items)
        if items and body_words < item_words:
            notices.append(Notice(message=f"the article ({body_words} words) is shorter than the "
                                          f"'{lines[heading].text}' list below it ({item_words} words): check that "
                                          "the whole article was pasted",
                                  source=Source(file=file, line=lines[heading].number)))  # fmt: skip
    account(lines, file, notices)
    return Read(stories=stories, brand=brand)


def classify(lines: list[Line]) -> list[str]:
    """What each line plainly is, before any is placed: credit, caption, byline, date, related, end, furniture,
    prose or other."""
    roles = []
    texts = [line.text for line in lines]
    for text in texts:
        if RELATED.match(text):
            roles.append("related")
        elif END_OF_ARTICLE.match(text):
            roles.append("end")
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


LIST_ITEM = re.compile(r"^(?:\d{1,3}[.)]|[-•*–·▪])\s+\S")
BARE_URL = re.compile(r"https?://\S+")
# What a line adds to a run: prose its words; a list item or a bare link a little or nothing; the rest costs.
WEIGHT = {"prose": 0, "list": 1, "url": 0, "other": -3, "furniture": -6, "caption": -2, "credit": -2, "byline": -4,
          "date": -4}  # fmt: skip


def body_run(lines: list[Line], roles: list[str]) -> tuple[int | None, int]:
    """The stretch of lines densest in prose: the maximum-sum run (a related or comments heading ends it)."""
    best, best_run = 0.0, (None, -1)
    total, first = 0.0, 0
    # A newsletter page's "More from <brand>" list follows its lead: the article is above it when prose is there
    more_from = next((i for i, line in enumerate(lines) if roles[i] == "related"
                      and line.text.lower().startswith("more from ")), len(lines))  # fmt: skip
    if "prose" in roles[:more_from]:
        lines, roles = lines[:more_from], roles[:more_from]
    for i, (line, role) in enumerate(zip(lines, roles, strict=True)):
        if role in ("related", "end"):
            total, first = 0.0, i + 1
            continue
        score = words_of(line.text) if role == "prose" else WEIGHT[role]
        if total + score <= 0:
            total, first = 0.0, i + 1
            continue
        total += score
        if total > best:
            best, best_run = total, (first, i)
    start, end = best_run
    if start is None:
        return None, -1
    while start <= end and roles[start] != "prose":
        start += 1
    return start, end


def header(lines: list[Line], roles: list[str], start: int, story: Story) -> int | None:
    """Fill the headline, standfirst (teaser), byline, date, caption and credit from the lines above the body;
    return the headline's index."""
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
    head = list(range(top, start))
    candidates = [i for i in head if roles[i] in ("other", "prose") and is_title_like(lines[i].text)]
    long_enough = [i for i in candidates if words_of(lines[i].text) >= 4]
    pick = (long_enough or candidates or [None])[0]
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
    return pick


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
                stories.append(Story(teaser=line.text, source=Source(file=file, line=line.number)))
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
