"""Text pasted from a news page (.txt) -> the lead story, then its "More from" items; every line accounted for.

A page pasted from any site holds its article among menus, banners, bylines, share buttons, related lists and
footers. Each line is first given what it plainly is (a credit, a caption, a byline, a date, page furniture, a
"More from" heading, prose); the article's body is then the stretch of the page densest in prose (a maximum-sum
run: prose lines count their words, other lines cost a little, headings of related lists and comments end it);
the headline is the title-like line just above it. Every line left out is named in a notice, by line number.
What a line plainly is lives in lines.py, where the article runs in bounds.py, the headline's choice in headline.py.
"""

from __future__ import annotations

import re

from newsletter.errors import InputError
from newsletter.headers import header_problem
from newsletter.models import Block, Image, Notice, Source, Span, Story
from newsletter.patterns import regex
from newsletter.readers import GUESS, Read, Related
from newsletter.readers.address import slug_terms
from newsletter.readers.bounds import BOX_LINE_WORDS, PAGE_LIST, body_run, dateline_above, repeated_boxes, writers_box
from newsletter.readers.candidates import REPORTING_FROM
from newsletter.readers.credits import (
    CAPTION_UNDER,
    CAPTION_UNDER_WORDS,
    CREDIT_LABEL,
    LICENCE,
    LICENCE_WORDS,
    PHOTO_LABEL,
    PICTURED,
    PLAY_GLUED,
    LeadPhoto,
    captioned,
    credit_under,
    glued_twin,
    is_credit,
    menu_credit,
    paragraph_over_credit,
    signed_off,
    site_copyright,
    split_credit,
    toggled,
)
from newsletter.readers.dialogs import (
    appeal_boxes,
    consent_dialogs,
    first_promo,
    machine_summary,
    paywall,
    sign_up_boxes,
    site_promo,
    subhead_ends,
)
from newsletter.readers.ends import END_OF_ARTICLE, about_heading, after_note, article_end, end_marks
from newsletter.readers.headers import date_over, figures_date, is_standfirst
from newsletter.readers.headline import CHOICES, article_start, choose_headline
from newsletter.readers.labels import counted_links, is_markup, original_title, qualified_labels
from newsletter.readers.lines import (
    ADDRESSED,
    CAPTION_LABEL,
    LEAD_IN,
    NAMES,
    RELATED,
    RIGHTS_RESERVED,
    STAMPED,
    Line,
    ends_sentence,
    is_byline,
    is_date_line,
    is_furniture,
    is_prose,
    is_title_like,
    line_date,
    page_site,
    short_cjk_sentence,
    title_case,
)
from newsletter.readers.listicles import first_item
from newsletter.readers.page import unread_left_out
from newsletter.readers.quotes import find_quote
from newsletter.readers.scripts import words_of
from newsletter.readers.standfirst import past_standfirst
from newsletter.readers.words import breadcrumb
from newsletter.readers.writers import (
    labelled_byline,
    post_under_name,
    take_byline,
    writer_line,
    writers_bios,
    written_note,
)
from newsletter.text import clean_lines, first_sentence, length_problem, listed, shorten

PARAGRAPH_LIMIT = 20_000  # characters: an article's longest paragraphs run to about 3,000


# --- the page ----------------------------------------------------------------------------------------------


def parse_page(text: str, file: str, notices: list[Notice], address: str = "", named: str = "") -> Read:
    """Text copied from a news page (at `address`, if given, whose page names `named`): the lead, then items."""
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
    for i in repeated_boxes(lines, roles, start, end):
        roles[i] = "furniture"  # a box the page shows again elsewhere: left out, and named so

    head = choose_headline(lines, roles, start, end, page_site(lines), slug_terms(address), named)
    promo = None  # the site's promo under the headline ("Chat with us in Messenger..."): no standfirst from there on
    if head.index is not None:
        start = article_start(lines, roles, head.index, start)
        start = past_standfirst(lines, roles, head.index, start, end)  # the standfirst is the teaser, not the body
        promo = first_promo([line.text for line in lines], roles, head.index, start)
        if promo == start < end:
            start += 1  # ... over the article's first paragraph, which is the next
    dated = dateline_above(lines, roles, start, head.index)  # "WASHINGTON (AP) —" over the first paragraph: the
    start = first_item(lines, start - dated, head.index)  # article's (Story.opening joins the two); a list's item 1

    # A paywall's call to log in ends the article there: the page holds only its opening (said below)
    texts = [line.text for line in lines]
    wall = paywall(texts, roles, start, end)
    if wall is not None and wall <= end:
        end = max((k for k in range(start, wall) if roles[k] == "prose"), default=end)
    end = article_end(texts, roles, start, end)  # the site's asks under it, readers' posts: not its own

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
        if role == "prose" or dated and i == start:
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
        elif role == "date" and body_words > OPENING_WORDS and i < end and roles[i + 1] == "prose" \
                and not STAMPED.match(line.text):  # fmt: skip
            line.kind = "body"  # a timeline's date over its paragraph, past the article's opening (not "Updated ...")
            body.append(Block(kind="h", spans=[Span(text=line.text)]))

    # A subhead or a lead-in ("More:", "Explore:", "IOC:") with nothing under it is the page's, not the article's
    taken = [line for line in lines[start : end + 1] if line.kind == "body"]  # a line per block, in order
    # ... and so is a note of who wrote it after its last paragraph ("Grace Lin is an associate professor at ...")
    while len(body) > 1 and (
        body[-1].kind == "h"
        or LEAD_IN.search(body[-1].text)
        and words_of(body[-1].text) <= 6
        or body[-1].kind == "p"
        and (written_note(lines, start, body[-1].text) or site_promo(body[-1].text, [b.text for b in body[:-1]]))
    ):  # ... and the site's promo under it, speaking to the reader of nothing the article speaks of
        body.pop()
        taken.pop().kind = ""  # left out, and named so
    for at in [k for k in (-1, 0) if len(body) > 1 and original_title(body[k].text)]:  # the story's title where
        body.pop(at)  # it first ran ("（原标题：…）"), over the article or under it
        taken.pop(at).kind = ""

    # Above the body: headline, standfirst, byline, date, the lead photo's caption and credit
    story = Story(body=body, source=Source(file=file, line=lines[start].number))
    header(lines, roles, start, head.index, story, promo)
    opening_byline(lines, roles, start, end, story)
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
            story.headline_unsure = True
            notices.append(Notice(message=f"{GUESS}: line {lines[head_at].number} was the likeliest of "
                                          f"{head.candidates} lines that "
                                          f"could be, but {head.why}",
                                  source=Source(file=file, line=lines[head_at].number), story=story.headline,
                                  hint=head.hint(lines, head_at),
                                  choices=[lines[i].text for i in head.others(lines, head_at, CHOICES)]))  # fmt: skip
    story.body = body = unread_left_out(story.body, file, notices)
    story.pull_quotes = [quote for block in body if block.kind == "p" and (quote := find_quote(block.text))]
    if wall is not None:
        notices.append(
            Notice(
                message=f"line {lines[wall].number} ({shorten(lines[wall].text, 60)!r}) under the "
                "article asks to log in or subscribe: the page may hold only its opening",
                source=Source(file=file, line=lines[wall].number),
                story=story.headline,
                hint="paste it again from a browser that is logged in, or check it is all there",
            )
        )

    # Below the body: a related list, the "More from" items when the page is the brand's
    stories = [story]
    brand = ""
    related = []
    heading = next((i for i in range(end + 1, len(lines)) if roles[i] == "related"), None)
    if heading is not None:
        match = RELATED.match(lines[heading].text)
        brand = (match.group("brand") or "").strip() if match else ""
        if brand and writers_box(lines, heading, brand):
            brand = ""  # "More from <the writer>" under the writer's box: the writer's stories, not a brand's
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


def classify(lines: list[Line]) -> list[str]:
    """What each line plainly is, before any is placed: credit, caption, byline, date, related, end, furniture,
    prose or other."""
    roles: list[str] = []
    texts = [line.text for line in lines]
    prose_words = 0  # of the paragraphs above the line
    for k, text in enumerate(texts):
        prose_words += words_of(texts[k - 1]) if k and roles[k - 1] == "prose" else 0
        if RELATED.match(text):
            roles.append("related")
        elif LICENCE.match(text) and words_of(text) <= LICENCE_WORDS:  # a photo's or the article's licence
            roles.append("furniture")
        elif END_OF_ARTICLE.match(text) or RIGHTS_RESERVED.search(text) and len(text) <= 160 \
                or AUTHORS.match(text) and "prose" in roles[-2:] or after_note(texts, roles, k, prose_words) \
                or about_heading(texts, roles, k, prose_words):  # fmt: skip
            roles.append("end")  # comments, tags, the page's copyright line, its writers' box: the article is over
        elif is_credit(text):
            roles.append("credit")
        elif split_credit(text)[1] or captioned(texts, k):
            roles.append("caption")  # a caption that ends in its credit, or is labelled one ("Image caption ...", or
            # the label on the line above), or says its photo is from the archive ("(File photo)", "（资料图）")
        elif is_byline(text):
            roles.append("byline")
        elif is_date_line(text):
            roles.append("date")
        elif LIST_ITEM.match(text) and words_of(text) >= 2:
            roles.append("list")
        elif BARE_URL.fullmatch(text):
            roles.append("url")
        elif is_furniture(text) or is_markup(text):
            roles.append("furniture")
        elif is_prose(text):
            roles.append("prose")
        else:
            roles.append("other")
    for i in consent_dialogs(texts):
        roles[i] = "furniture"  # a cookie-consent dialog: its purposes read as sentences
    for i, role in end_marks(texts, roles).items():
        roles[i] = role  # "- 30 -", "(mha)": the article's end, with little under it
    for i in range(len(texts)):
        if menu_credit(texts, roles, i):
            roles[i] = "furniture"  # a menu's entry in a credit's shape ("Press/Media Center"), no photo's credit
    for i, text in enumerate(texts[:-1]):
        if (
            re.fullmatch(r"(?i)by:?(?:\s*[—–-])?", text)
            and NAMES.fullmatch(texts[i + 1])
            and words_of(texts[i + 1]) <= 4
        ):
            roles[i], roles[i + 1] = "furniture", "byline"  # "By" on its line, the writer's name on the next
    for i in writers_bios(texts, roles):
        roles[i] = "furniture"  # "ELENA VASQUEZ is a Senior Fellow at ...": who wrote it, over or under the article
    for i, role in labelled_byline(texts).items():
        roles[i] = role  # the BBC's: "Article information", "Author, Anna Petrova", "Role, Europe correspondent"
    for i, text in enumerate(texts[:-2]):
        if CREDIT_LABEL.match(text) and roles[i + 1] == "credit":
            roles[i] = "furniture"  # a credit's label on a line of its own (the New York Times' "Credit...")
    for i in range(len(texts)):
        if roles[i] == "credit" and signed_off(texts, roles, i):
            roles[i] = "end"  # the article's source or wires at its foot: over; the sentence over it is its last
    # Captions: the line (or doubled line: alt text, then the visible caption) just above a credit, and a
    # doubled line even with no credit; a caption that ends in its credit.
    for i, text in enumerate(texts):
        if breadcrumb(text):
            continue  # the page's trail over the lead photo's credit ("Home / Travel / <headline>"): no caption
        if REPORTING_FROM.match(text) and in_header(roles, i):
            roles[i] = "furniture"  # the writer's place by the byline ("Reporting from Glasgow"), not a subhead
        elif roles[i] == "other" and i > 0 and roles[i - 1] == "byline" and text == texts[i - 1]:
            roles[i] = "furniture"  # the writer's name again under it (a link, then its photo's alt): no caption
        elif roles[i] in ("prose", "other") and 0 < i < len(texts) - 1 and roles[i - 1] == "credit" and \
                "prose" not in roles[: i - 1] and "caption" not in roles[: i - 1] \
                and CAPTION_UNDER_WORDS <= words_of(text) <= CAPTION_UNDER \
                and (re.search(r"[^\W_]$", text) and roles[i + 1] == "prose" or roles[i + 1] == "byline"):  # fmt: skip
            roles[i] = "caption"  # the BBC's: the lead photo's credit over its caption, the article under it; and
            # Advance's (NJ.com, cleveland.com): the credit over the caption, the byline under it
        elif roles[i] == "other" and i >= 2 and roles[i - 1] == "credit" and paragraph_over_credit(texts, roles, i - 2):
            roles[i] = "caption"  # ... and a photo's inside the article, between two paragraphs
        elif roles[i] in ("prose", "other") and glued_twin(texts, roles, i):
            roles[i] = "caption"  # the photo's alt text, then its caption with the credit glued on: one caption
        elif roles[i] in ("prose", "other"):
            credited = credit_under(texts, roles, i)
            if credited and (
                words_of(text) > CAPTION_WORDS or title_case(text) or paragraph_over_credit(texts, roles, i)
            ):
                continue  # a paragraph beside a photo's credit is still a paragraph, a headline above it a headline
            if credited and (
                post_under_name(texts, i)
                or CAPTION_LABEL.match(texts[i + 2] if i + 2 < len(texts) else "")
                or LEAD_IN.search(text)
            ):
                continue  # the BBC's: the credit belongs to the labelled caption under it; the writer's post over it; a
                # lead-in over buttons ("Artikel empfehlen:"), no caption
            if credited or text in texts[max(0, i - 1) : i] + texts[i + 1 : i + 2]:
                roles[i] = "caption"  # above a credit, or shown twice: its alt text, then the caption
            elif toggled(texts, roles, i) and words_of(text) <= CAPTION_WORDS and not title_case(text):
                roles[i] = "caption"  # NPR's: the caption, its "hide caption" and "toggle caption" buttons, its credit
    # A short Chinese sentence between the article's paragraphs is one of them (at its start it may be a caption)
    for i, text in enumerate(texts):
        if (
            0 < i < len(texts) - 1
            and roles[i] in ("other", "furniture")
            and short_cjk_sentence(text)
            and roles[i - 1] in ("prose", "list")
            and (roles[i + 1] == "prose" or short_cjk_sentence(texts[i + 1]))
        ):
            roles[i] = "prose"  # fmt: skip
    for i in counted_links(texts):
        roles[i] = "furniture"  # a sidebar's category links, each with its count ("Politik (12)", "Wahabi (185)")
    for i in qualified_labels(texts, roles):
        roles[i] = "other"  # a list's labels, each with its qualifier ("Fridge (small)"), among other labels
    # Teasers cut short ("Facebook altered 689,000 users' News Feeds for a..."), two or more with no paragraph
    # between: a column of other stories' openings, not paragraphs (a paragraph of the article may trail off so)
    cut = [bool(CUT_SHORT.search(text)) and words_of(text) < BOX_LINE_WORDS for text in texts]
    near = [i for i, short in enumerate(cut) if short and roles[i] == "prose"]
    for i in near:
        if any(cut[j] and all(roles[k] != "prose" or cut[k] for k in range(min(i, j) + 1, max(i, j)))
               for j in range(max(0, i - 3), min(len(cut), i + 4)) if j != i):  # fmt: skip
            roles[i] = "other"
    for i in sign_up_boxes(texts, roles):
        roles[i] = "furniture"  # a newsletter's sign-up box between the article's paragraphs: the article goes on
    for i in subhead_ends(texts, roles):
        roles[i] = "other"  # "For more information" as the article's subhead: the article goes on under it
    for i in machine_summary(texts, roles) + appeal_boxes(texts, roles):
        roles[i] = "furniture"  # a summary a machine wrote over the article ("Generated by AI", its points), and a
        # site's appeal box set into it (its paragraphs between "Your support helps us ..." and "... difference.")
    # "More from <brand>" always starts the items. Another related heading ends the article when a list follows
    # it (titles, captions, credits); one in the middle of the article (a "Read more" box) is only furniture; a page's
    # list of its most read or latest stories always ends it, even as paragraphs (other stories' openings).
    for i, role in enumerate(roles):
        if role == "related" and not texts[i].lower().startswith("more from ") and not PAGE_LIST.match(texts[i]):
            following = roles[i + 1 : i + 5]
            if sum(1 for r in following if r not in ("prose", "list", "url")) < min(2, len(following)):
                roles[i] = "furniture"
                # ... and the other story's title or teaser it links to, the one line under it
                if i + 1 < len(texts) and roles[i + 1] in ("prose", "other") and words_of(texts[i + 1]) <= BOX_TITLE:
                    roles[i + 1] = "furniture"
    return roles


CUT_SHORT = regex(r"\w(?:\.\.\.|…)$")
CAPTION_WORDS = 45  # a photo's caption is a sentence or two; a longer line beside a credit is the article's
BOX_TITLE = 20  # the words of another story's title or teaser under a "Read more" inside the article
STANDFIRST_MOST = 10  # words: a line right under the headline, no title, this long is its standfirst
LIST_ITEM = regex(r"^(?:\d{1,3}[.)]|[-•*–·▪])\s+\S")
BARE_URL = regex(r"https?://\S+")


def header(lines: list[Line], roles: list[str], start: int, pick: int | None, story: Story, promo: int | None) -> None:
    """Fill the headline, standfirst (teaser), byline, date, caption and credit from the lines above the body; no
    standfirst at or under the site's `promo`."""
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
    pick_next = next((i for i in range(pick + 1, start) if roles[i] != "furniture"), None) if pick is not None else None
    if pick is not None:
        story.headline = lines[pick].text
        lines[pick].kind = "headline"
    photo = LeadPhoto()
    stop = start if promo is None else promo
    for i in head:
        line, role = lines[i], roles[i]
        if line.kind:
            continue
        if pick is not None and i < pick and role not in ("caption", "credit") and not date_over(roles, i, pick, start):
            continue  # above the headline: menus and labels (its date right over it, when none is under it, is its)
        if pick is not None and line.text == story.headline:
            line.kind = "headline"  # the headline pasted twice
            continue
        if role == "caption" and words_of(line.text) < 2:
            continue  # a word shown twice, as a caption is: buttons ("TT", "TT": smaller and larger text), a label
        if role == "caption" and i + 1 < len(lines) and site_line(lines, roles, i + 1, pick):
            continue  # over the site's dated copyright line ("©2016 Name Inc."): its slogan, no photo's caption
        if role == "caption":
            photo.add(*split_credit(GALLERY.sub("", CAPTION_LABEL.sub("", line.text))))  # not its label
            line.kind = "caption"
        elif role == "credit" and not site_line(lines, roles, i, pick):  # (the photo's credit again, under its
            # caption shown again: once more, not shown; not the site's dated copyright line, "© 2019")
            line.kind = "credit" if not photo.credit else line.kind
            photo.add("", PLAY_GLUED.sub("", line.text))  # not a video's button glued on ("PlayEvan Vucci/AP")
        elif role == "byline" and not story.byline:
            take_byline(line, story)
        elif role == "date" and story.date is None and (day := line_date(line.text) or figures_date(line.text)):
            story.date = day
            line.kind = "date"
        elif (
            (role == "prose" or i == pick_next and unstopped_standfirst(line.text, role))
            and pick is not None
            and i > pick
            and not story.teaser
            and is_standfirst(line.text)
            and "related" not in roles[pick + 1 : i]
            and i < stop
        ):  # fmt: skip  (a box's titles are no standfirst, nor the site's promo or what is under it)
            story.teaser = line.text  # the standfirst under the headline (right under it, with no full stop at its end)
            line.kind = "teaser"
    bylined = "byline" in roles[top : start + 5]  # (one under the article's first lines is taken later)
    writer = None if bylined else next((i for i in head if not lines[i].kind and roles[i] == "other"
                                        and writer_line(lines, i, pick)), None)  # fmt: skip
    if writer is not None:  # no byline: a writer's name on its own
        take_byline(lines[writer], story)
    story.credit = photo.credit
    if photo.captions:
        story.caption = " ".join(photo.captions)
        story.image = Image(alt=story.caption)


AUTHORS = regex(r"(?i)^authors?$")  # a box of the writers under the last paragraph ("Author:" over a name is a label)
GALLERY = regex(r"^(?:\d+ of \d+\s*[|·•]\s*|\[\d+/\d+\]\s*)")  # a gallery's counter: "1 of 2 | The...", "[1/3]The..."


def site_line(lines: list[Line], roles: list[str], i: int, pick: int | None) -> bool:
    """The header's line `i` is the site's copyright line, no lead photo's credit (credits.site_copyright): a dated
    one is the photo's in the photo's place, under the headline or under a caption written as a sentence."""
    captioned = i > 0 and roles[i - 1] == "caption" and ends_sentence(lines[i - 1].text)
    return site_copyright(lines[i].text, pick is not None and i > pick or captioned)


def in_header(roles: list[str], i: int) -> bool:
    """The line stands in the article's header: by a byline or a date, or with one paragraph at most above it (a
    standfirst), not deep in the article."""
    above, below = roles[i - 1] if i else "", roles[i + 1] if i + 1 < len(roles) else ""
    return above == "byline" or below in ("byline", "date") or roles[:i].count("prose") <= 1


OPENING_WORDS = 60  # words of the article's first short paragraphs a byline may stand under


def opening_byline(lines: list[Line], roles: list[str], start: int, end: int, story: Story) -> None:
    """The byline (and the date) among the article's first short paragraphs, when its header has none: a page
    that sets its writer's name under the opening sentences ("Title / two sentences / By Anna Petrova / ...")."""
    words = 0
    for i in range(start, end + 1):
        line, role = lines[i], roles[i]
        if role == "prose":
            words += words_of(line.text)
            if words > OPENING_WORDS:
                return
        elif role == "byline" and not story.byline and not line.kind:
            take_byline(line, story)
        elif role == "date" and story.date is None and not line.kind and (day := line_date(line.text)):
            story.date = day
            line.kind = "date"


def unstopped_standfirst(text: str, role: str) -> bool:
    """A line right under the headline that is its standfirst though no full stop ends it (the Telegraph's, the
    Guardian's): long, no title, no caption (with its credit, "... PHOTO: BERNAMA", or in a photo's words: "gestures",
    "left,"), no writer's or date's line, no note or promo to the reader ("Editor's note: ...", "Follow our live
    coverage ..."), no run of tags."""
    captioned = bool(split_credit(text)[1] or PHOTO_LABEL.search(text) or PICTURED.search(text))
    noted = bool(re.match(r"[^:]{1,25}:\s", text) or ADDRESSED.search(text) or len(re.findall(r"\s[–|/]\s", text)) >= 2)
    words = text.split()
    tags = sum(word[0].isupper() for word in words) >= 0.6 * len(words)  # "Hungary election 2026 Viktor Orbán ..."
    return role == "other" and len(words) >= STANDFIRST_MOST and not title_case(text) and not captioned \
        and not noted and not tags and not line_date(text)  # fmt: skip


def parse_items(lines: list[Line], roles: list[str], file: str) -> list[Story]:
    """The related list: per item a caption and credit with an optional teaser, or one line per item.

    Items may touch with no blank line between them, so the credit lines, not the blank lines, mark where an item
    is. The list ends where the page's furniture begins, after its items (the list's own tabs, "Latest", "Top",
    may stand over them).
    """
    end = 0
    gap = 0
    for i, role in enumerate(roles):
        if role in ("related", "end"):
            break
        if role == "furniture" or (role == "other" and words_of(lines[i].text) <= 3):
            gap += 1
            if gap >= 2 and end:
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
        shown = listed(['"' + (line.text if len(line.text) <= 40 else line.text[:39] + "…") + '"' for line in run])
        notices.append(Notice(message=f"{file}:{where}: left out as page furniture: {shown}"))
    left = sum(words_of(line.text) for run in runs for line in run)
    kept = sum(words_of(line.text) for line in lines if line.kind == "body")
    if kept * 3 < left:
        notices.append(Notice(message=f"the article kept {kept} words and left out {left}: check that the story "
                                      "holds the whole article", source=Source(file=file, line=1)))  # fmt: skip
