"""A pasted page's lines, what each is and where its body runs -> the headline: the line above the body with the
most evidence for it, and whether it is sure enough not to be flagged as a guess; and where the article starts
under it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsletter.patterns import regex
from newsletter.readers import bounds, fold
from newsletter.readers.address import ADDRESS_LEAD, ADDRESS_SURE, address_share, sentence
from newsletter.readers.bounds import headed, in_highlights, in_related_box, over_date, own_headline, role_under
from newsletter.readers.candidates import (
    NAMES_ONLY,
    PROMO,
    REPORTING_FROM,
    could_be_headline,
    in_fact_box,
    ranked_size,
    video_length,
)
from newsletter.readers.credits import captioned, doubled, split_credit
from newsletter.readers.dialogs import in_machine_summary
from newsletter.readers.doubts import (
    POST_WRITER,
    decked,
    live_posts,
    over_menu,
    prose_shaped,
    short_title_over,
    standfirst_long,
    topic_label,
)
from newsletter.readers.encyclopedias import encyclopedia_title
from newsletter.readers.headers import (
    HEADER_LINES,
    TOPICAL,
    about_the_article,
    bylined_deck,
    dated_about,
    dated_title,
    dated_under,
    deck_under,
    header_above,
    header_below,
    headline_shaped,
    in_title_list,
    near_lines,
    own_date,
    points_under,
    sentences_over_date,
    topical,
    under_header,
)
from newsletter.readers.kinds import below_titles, said_only, same_title, shortened, surtitle_over
from newsletter.readers.lines import (
    BOILERPLATE,
    BUTTON,
    RELATED,
    Line,
    ends_sentence,
    is_title_like,
    line_date,
    shown,
    title_case,
    written_as_sentence,
)
from newsletter.readers.players import played
from newsletter.readers.posts import post_title
from newsletter.readers.scripts import words_of
from newsletter.readers.words import FOREIGN_SMALL, TRAIL, is_nav_run, menu_of_sections, same_words, share, terms

# --- the headline: the line above the body with the most evidence for it --------------------------------------

QUOTED = regex(r"[\"“‘«„'].+[\"”’»“']")  # a whole line in quotes: '"We cannot pay the teachers."'
HEAD_WINDOW = 60  # lines above the body searched for its headline
# What each line between a candidate and the body costs it: the page's bylines, dates and buttons cost little,
# other titles and prose more (a headline sits just above its article)
GAP_COST = {"byline": 0.0, "date": 0.0, "credit": 0.02, "caption": 0.05, "furniture": 0.015, "url": 0.05,
            "label": 0.03, "other": 0.1, "list": 0.1, "prose": 0.2, "related": 0.2, "end": 0.2}  # fmt: skip
BOX_COST = 0.03  # ... and a title in a related box, which is plainly not the article's (its heading costs in full)
HAIR = 0.05  # the lead of a choice that ranks first but should be flagged as close
LONG_TITLE = 14  # words: a line in Title Case this long may be a standfirst, on a site that Title-Cases every line
FAR_HEADER = 0.6  # the most the lines between a bylined header about the article and its first paragraph cost
OPENING = 12  # prose lines under a candidate read for the words it shares with its article
ABOUT = 0.5  # a line with this share of its words in them is about the article, whatever menu word it holds
LEDE = 5  # ... of which the first few must hold enough of its words for it to be sure
# Sure: a clear lead over the next best (MARGIN), a good score (SURE), the article's words (TOPICAL) and a
# headline's length. Anything less is a guess: flagged. The lead and the score are set where they alone, without
# the reasons below, flag most of the wrong choices on the pages read while the rules were written (44 of 52): a
# rule written from a page catches that page's shape, and the score's lead is what a shape never met still shows.
SURE = 1.2
MARGIN = 0.6
BYLINED = 0.5  # a byline under a line is more of a header than a date alone: lists of videos and stories have dates
ABOUT_MOST = 0.6  # a line shaped as a menu is a headline when the article's opening holds most of its words
CONTENTS = 0.8  # what a line loses that stands again inside the article with its neighbour: a contents entry
INTRODUCED = 0.8  # what a line loses under a lead-in of three words or more that ends in a colon
TWICE = 0.3  # a line the page's header holds twice is more likely its title (not in a box or a list of titles)
TWIN = 3  # lines apart at most, the two copies (one far above may be a menu's: "Office of the Spokesperson")
UNDER_HEADER = 0.6  # a title under the article's header, past its buttons, with none of its own: a caption's place
ADDRESSED = 1.0  # the most the address's words add to a line holding them all
NAMEPLATE = 5  # words at most of a site's name the page's foot repeats
KICKER_MOST = 4  # words: a line this short over a longer title is as often its kicker ("Umfrage vor der Landtagswahl")
# The lines a guessed headline's warning offers instead (the desk's buttons); its hint names the first three. The
# page's own headline was the fourth or fifth likeliest on 8 of the read pools' 45 wrong guesses whose paste held it.
CHOICES = 5
KEPT_SCORES = CHOICES + 3  # the best scores a Headline keeps: the chosen line, the choices, and twins of them besides


@dataclass
class Headline:
    index: int | None  # the chosen line, or None: no line could be a headline
    sure: bool
    candidates: int  # lines that could be
    scores: list[tuple[float, int]] = field(default_factory=list)  # the best few (score, index), for a look
    why: str = ""  # what made it a guess, when it is one
    shared: float = 0.0  # the share of its words the article's opening holds

    def others(self, lines: list[Line], chosen: int, most: int = 3) -> list[int]:
        """The next likeliest lines after the chosen one, as many as `most`, once each (its twin left out)."""
        seen, likely = {fold(lines[chosen].text)}, []
        for _, i in self.scores:
            if fold(lines[i].text) not in seen:
                seen.add(fold(lines[i].text))
                likely.append(i)
        return likely[:most]

    def hint(self, lines: list[Line], chosen: int) -> str:
        """What to do with a guess: check it, or take one of the next likeliest lines (by number and words), or
        write the headline."""
        likely = self.others(lines, chosen)
        named = ", ".join(f"line {lines[i].number} {shown(lines[i].text, 80)}" for i in likely)
        return f"check it, or take one of the next likeliest: {named}; or write the headline in the story" \
            if likely else "check it or write the headline in the story"  # fmt: skip


def only_menu(text: str, lede_share: float) -> bool:
    """A menu-shaped line that is no headline written in Title Case: it shares little of the article's opening, or
    it names three sections or more."""
    return lede_share < ABOUT_MOST or menu_of_sections(text)


def prose_under(lines: list[Line], roles: list[str], i: int, end: int) -> list[int]:
    """The paragraphs under a line, down to the article's end; not a promo's blurb ("Get breaking news alerts and
    special reports."), whose words are its own button's, not the article's."""
    return [j for j in range(i + 1, end + 1) if roles[j] == "prose" and not PROMO.search(lines[j].text)]


def in_lede(lines: list[Line], roles: list[str], i: int, end: int, small: frozenset[str] = frozenset()) -> float:
    """The share of a line's words that the first paragraphs under it hold (`small`: words not counted)."""
    lede = [lines[j].text for j in prose_under(lines, roles, i, end)[:LEDE]]
    return share(lines[i].text, terms(" ".join(lede)), small)


def choose_headline(lines: list[Line], roles: list[str], start: int, end: int, site: str = "",
                    slug: frozenset[str] = frozenset(), given: str = "") -> Headline:  # fmt: skip
    """The headline among the lines above the body (or its first few lines, when title-like), by evidence: words
    shared with the article's opening (the strongest: a section label, a site's name, a credit or another story's
    title shares none or few), nearness to it, a byline or date just under it, a headline's length and shape;
    never a line inside running text, a title of a related box only on strong evidence. Unsure (with the reason
    why) when the best has little evidence, another line comes close, or it may be a caption or a standfirst. The
    words of the article's address (`slug`), when the editor gave it, rank a line; most of them make a title sure.
    The headline the page at that address names (`given`, readers/named.py) is the line that is it, and sure."""
    roles = labelled(lines, roles)
    texts = [line.text for line in lines]
    scored: list[tuple[float, int]] = []
    shares: dict[int, float] = {}  # per candidate: the share of its words the article's opening holds
    ledes: dict[int, float] = {}  # ... and its first paragraphs
    box = in_related_box(lines, roles)
    boxed = {line.text for line, inside in zip(lines, box, strict=True) if inside}
    boxed -= {line.text for line, inside in zip(lines, box, strict=True) if not inside}  # only in a box
    captions: set[int] = set()  # candidates standing over a photo's credit, as its caption would
    named: set[int] = set()  # candidates that are the site's own name
    # ... as the page's foot repeats it under the article ("War on the Rocks" over the menu and over "About")
    foot = {fold(line.text) for line in lines[end + 1 :] if words_of(line.text) <= NAMEPLATE}
    inside: set[int] = set()  # candidates right after a paragraph: a subhead's or a caption's place
    menus: set[int] = set()  # candidates shaped as a menu run, with no header of their own under them
    listed: set[int] = set()  # candidates in a list of titles: other stories'
    lenient: dict[int, float] = {}  # what ranks a candidate but is not evidence enough to be sure of it
    spelled: dict[int, float] = {}  # the share of the address's words a candidate holds
    window = range(max(0, start - HEAD_WINDOW), min(start + 8, end + 1))
    blog_post = post_title(lines, roles, start)  # a blog's post title under its date, its description over it
    subheads = {texts[k] for k in range(start, end + 1) if roles[k] != "prose"}
    trail = {fold(lines[j].text.split(sep)[-1]) for j in window for sep in TRAIL if lines[j].text.count(sep) >= 2}
    for i in window:
        line, role = lines[i], roles[i]
        if REPORTING_FROM.match(line.text) and (
            roles[i - 1 : i] == ["byline"] or role_under(roles, i) in ("byline", "date")
        ):
            continue  # the writer's place by the byline ("Reporting from Kyiv"), not an essay's title over its deck
        if POST_WRITER.match(line.text) or blog_post is not None and i == start - 1:
            continue  # a live post's writer ("From CNN's Priya Nandakumar"); a blog's name over its description
        if i > start and sum(words_of(lines[j].text) for j in range(start, i) if roles[j] == "prose") > 40:
            continue  # a line inside the article
        size = ranked_size(line.text)
        about = len(terms(line.text)) >= 2 and in_lede(lines, roles, i, end) >= ABOUT  # half its words: the article's
        if role == "furniture" and (size >= 5 and not BOILERPLATE.search(line.text) or about) \
                and not BUTTON.match(line.text) and not in_machine_summary(texts, roles, i):  # fmt: skip
            role = "other"  # a headline may hold a menu's word ("home", "watch"): a long one, or the article's words
        if role in ("date", "byline") and size >= 5 and about and title_case(line.text) and not line.text[0].isdigit():
            role = "other"  # a headline with a date in it, or one that starts "By the numbers"; not one led by a date
        over_credit = role == "caption" and not doubled(lines, roles, i)  # a title over a photo's credit
        untitled = not split_credit(line.text)[1] and not re.search(r"[.!?)]\s|[.)]$", line.text)
        if role == "caption" and not captioned(texts, i) and (not over_credit or untitled):
            role = "other"  # a headline pasted twice (the page's title, then its heading), or over a photo's credit;
            # not a caption its label names ("Image caption" over it)
        if not could_be_headline(line.text, role, about) or NAMES_ONLY.match(line.text) and over_date(roles, i):
            continue  # ... nor writers' names over the date ("Laura Chen, Daniel Okafor"; "Red Lines and Hard Choices"
            # has the same shape, over its standfirst)
        if i >= start and not is_title_like(line.text) and not (words_of(line.text) <= 25 and over_date(roles, i)):
            continue  # the article's own sentence; not a headline written as one, with its date right under it
        if line.text.endswith(("…", "...")) or in_fact_box(texts, i, roles) or bounds.summary_point(texts, roles, i):
            continue  # a teaser cut short: another story's; a box of facts ("Location: Pilsen", "Size: ..."); a point
            # of the article's summary under its heading ("In Summary"), over the byline
        own = terms(line.text)
        if not own:
            continue
        after = prose_under(lines, roles, i, end)
        opening = terms(" ".join(lines[j].text for j in after[:OPENING]))
        shared = share(line.text, opening)
        shares[i] = shared
        ledes[i] = in_lede(lines, roles, i, end)
        begin = article_start(lines, roles, i, start, box) if i < start else start  # the article may start higher
        between = [j for j in range(i + 1, begin) if lines[j].text != lines[j - 1].text]  # a gallery's slides: once
        gap = sum(BOX_COST if box[j] else GAP_COST.get(roles[j], 0.1) for j in between)
        # A related box between it and the article costs it less than other lines, and a byline under it adds: both
        # rank it, neither makes it sure (with the headline left out, a deck or a promo's title over a box would be)
        length = video_length(texts, i)  # a video's title: its length is no date, its second copy the player's
        dated = dated_under(roles if length is None else [*roles[:length], "furniture", *roles[length + 1 :]], i)
        if not dated:  # ... a line with no header of its own under it, that is
            lenient[i] = sum(GAP_COST.get(roles[j], 0.1) - BOX_COST for j in range(i + 1, begin) if box[j])
        else:
            lenient[i] = 0.0
        if i < start and shared >= ABOUT and dated and any(roles[j] == "byline" for j in near_lines(roles, i)):
            gap = min(gap, FAR_HEADER)  # a header with its byline, about the article: a playlist may stand between
        # In the body, but one over its own date or byline; a blog's post title under its date, the blog's
        # description over that, is no line of the body (the description is no paragraph of the post)
        above_it = [words_of(lines[j].text) for j in range(start, i) if roles[j] == "prose" and i != blog_post]
        notice = len(above_it) == 1 and role_under(roles, i) in ("date", "byline")
        gap += min(0.02 * sum(above_it), GAP_COST["prose"] if notice else 1.0)
        dated = dated or i == blog_post  # (the post's date stands over it)
        spelled[i] = address_share(line.text, slug)  # ranks it; only most of the address's words make it sure (below)
        score = 2.0 * shared - gap + ADDRESSED * spelled[i]
        lenient[i] += ADDRESSED * spelled[i]
        score += 0.3 if 4 <= size <= 20 else -0.6 if size < 2 else -0.4 if size < 3 else -0.2 if size > 25 else 0.0
        twin = any(lines[j].text == line.text for j in range(max(0, i - TWIN), min(len(lines), i + TWIN + 1)) if j != i)
        if size >= 4 and twin and length is None and not box[i] and not in_title_list(lines, roles, i):
            score += TWICE  # the page's title over its heading, or a heading over its image's alt: pasted twice
        if size <= 3 and not own & opening:
            score -= 0.5  # a section label, a site's name: none of the article's words
        if site and (fold(line.text) in (fold(site), fold(f"the {site}")) or fold(site) == fold(f"the {line.text}")):
            score -= 0.8  # the site's own name, as its copyright line gives it
            named.add(i)
        elif size <= NAMEPLATE and fold(line.text) in foot and all(roles[j] == "furniture" for j in range(i)):
            named.add(i)  # (at the page's top: a headline the foot lists again stands lower)
        bylined = any(roles[j] == "byline" for j in near_lines(roles, i))  # a site's date bar may be under its menu
        if is_nav_run(line.text) and not (bylined and ledes[i] >= TOPICAL and not menu_of_sections(line.text)):
            menus.add(i)  # a Title Case headline without small words has its byline under it; a menu not
        if over_credit:
            captions.add(i)
        # Under a "Related" heading (or right under "Read more", even inside the article), or the same title as one
        # there: another story's title, unless a byline or date follows it and its words are the article's
        # ... but not the line right over the article's first paragraph that holds half its words: the box ends there
        # (unless a title about the article stands above the box: that is the headline, and this the box's last)
        opens = about and i < start and all(roles[j] == "furniture" for j in range(i + 1, start)) \
            and not titled_above_box(lines, roles, i, end)  # fmt: skip
        if i and RELATED.match(lines[i - 1].text) or not opens and (box[i] or line.text in boxed):
            score -= 0.3 if dated and ledes[i] >= TOPICAL and line.text not in boxed else 0.8
        if i in menus:
            score -= 0.6
        if i and texts[i - 1].rstrip().endswith(":") and words_of(texts[i - 1]) >= 3:
            score -= INTRODUCED  # what a lead-in introduces ("stated on May 2, 2026 in a Facebook post:"): a claim
        if i < start and line.text in subheads and any(0 <= k < start and texts[k] in subheads for k in (i - 1, i + 1)):
            score -= CONTENTS  # a table of contents' entry: the article's subheads, standing again inside it
            lenient[i] -= CONTENTS  # (ranks it lower; it still comes close to a choice it rivals)
        if in_highlights(lines, roles, i) and not (dated or bylined):
            score -= 0.6  # a point of the article's summary ("Story highlights"): its words, not its headline
        if ends_sentence(line.text) or re.search(r"[.!?]\s+[A-Z]|[。！？](?=\w)", line.text):
            score -= 0.4  # a sentence, or two: a caption, a standfirst or a paragraph
        if size >= 6 and line_date(line.text):
            score -= 0.4  # a day, month and year in a sentence: a photo's caption ("..., in Kyiv, May 3, 2026")
            captions.add(i)
        if dated:
            kicker = size <= KICKER_MOST and not own_date(roles, i)  # a short line over a title that has the date
            score += 0.2 if kicker else 0.4  # under it: the date is more that title's ("Umfrage vor der Landtagswahl")
        if size >= 5 and fold(line.text) in trail:  # a headline's length: a trail may end in its section
            score += 0.5  # the page's breadcrumb trail ends in it: "Home > Section > Headline" (ranks it; a section's
            lenient[i] += 0.5  # heading under a trail ending in the section gets it too, so it never makes one sure)
        if bylined and size >= 3:
            score += BYLINED  # a writer's name under it: its header, whichever line it heads
            lenient[i] += BYLINED
        above = next((j for j in range(i - 1, max(-1, i - 6), -1)
                      if roles[j] not in HEADER_LINES), None)  # fmt: skip
        below = next((j for j in range(i + 1, min(i + 6, len(roles)))
                      if roles[j] not in HEADER_LINES), None)  # fmt: skip
        if above is not None and roles[above] == "prose" and words_of(lines[above].text) >= 15:
            score -= 0.4  # after running text: a subhead or a caption
            if above >= start or any(roles[j] in ("byline", "date") for j in range(max(0, above - 4), above)):
                inside.add(i)  # ... in the article: its paragraph, or one under the article's byline or date
            if below is not None and roles[below] == "prose" and i < start:
                score -= 0.4  # between two paragraphs
        if i < start and in_title_list(lines, roles, i):
            score -= 0.4  # one of a list of titles: other stories'
            if in_title_list(lines, roles, i, alike=True):
                listed.add(i)  # ... each with its date or byline, as this one: a list, not a header
        scored.append((score, i))
    if not scored:
        return Headline(None, False, 0)
    scored = standfirsts(lines, roles, scored, shares, box)
    for n, (value, i) in enumerate(scored):
        # Under a header about the article, past its buttons, with none of its own: a caption's or a standfirst's place
        # (right under the date, it may be the date's own title: a blog's post under its date, an episode's under its
        # show's); that ranks it lower, and is no evidence against a rival
        header = header_above(lines, roles, i, scored, ledes, box)
        if header is not None and topical(lines, roles, header, ledes) and roles[i - 1] not in ("byline", "date") \
                and full_header(lines, roles, header):  # fmt: skip
            scored[n] = (value - UNDER_HEADER, i)
            lenient[i] -= UNDER_HEADER
    scored = below_titles(lines, roles, played(texts, scored))  # a label ranks under the title beside it; a video's low
    scored.sort(key=lambda pair: (-pair[0], -pair[1]))
    if given and (match := next((i for _, i in scored if same_words(lines[i].text, given)), None)) is not None \
            or (match := encyclopedia_title(lines, roles)) is not None:  # fmt: skip  # ("From Wikipedia" under it)
        return Headline(match, True, len(scored), scored[:KEPT_SCORES], "", shares.get(match, 0.0))  # the page names it
    best, index = scored[0]
    rivals = [(value, i) for value, i in scored[1:] if not same_title(lines[i].text, lines[index].text)
              and not under_header(lines, roles, index, i, inside)
              and not standfirst_of(lines, roles, index, i, ledes[index] >= ABOUT)
              and surtitle_over(lines, roles, i, shares) != index  # (its surtitle, saying only who spoke)
              and (i not in menus or index in menus or not only_menu(lines[i].text, ledes[i]))]  # fmt: skip
    # Close on the evidence: what only ranks a line (a byline under it, a box's low cost) cannot put a rival at a
    # distance, as it cannot make a line sure; a rival with no evidence of its own ("World") is not named as close:
    # the choice is then weak, which the reasons below say
    close = [
        i for value, i in rivals if 0 < value - lenient[i] and (best - lenient[index]) - (value - lenient[i]) < MARGIN
    ]
    why = ""
    others = [i for _, i in scored if not same_title(lines[i].text, lines[index].text)]
    titled = {i: spelled[i] if not sentence(lines[i].text) else 0.0 for _, i in scored}  # (a sentence: a deck's)
    if titled[index] >= ADDRESS_SURE and all(spelled[i] <= titled[index] - ADDRESS_LEAD for i in others):
        pass  # the address spells it out, and no other line as well: sure, whatever else may be said of it
    elif (spells := max(others, key=lambda i: titled[i], default=None)) is not None and \
            titled[spells] >= ADDRESS_SURE and titled[spells] > spelled[index] + ADDRESS_LEAD:  # fmt: skip
        why = f"line {lines[spells].number} ({shown(lines[spells].text, 40)}) holds more of the address's words"
    elif (post := live_posts(lines, roles, index, end)) is not None and (
        top := page_title(lines, roles, index, scored, shares)
    ) is not None:  # (the page's first line may be its title)
        index = top  # the first post's title on a live page: its own title, with the byline or date under it, above
        why = f"it stands over a live page's posts, each headed by its time (line {lines[post].number} heads one)"
    elif close:
        why = f"line {lines[close[0]].number} ({shown(lines[close[0]].text, 40)}) comes close"
    elif post is not None:
        why = f"it heads the first of a live page's posts (line {lines[post].number} below heads another so)"
    elif (headed := header_below(lines, roles, index, rivals, ledes)) is not None:
        why = f"line {lines[headed].number} ({shown(lines[headed].text, 40)}) below it has the byline or date under it"
    elif index in named:
        why = "it is the site's own name (its copyright line, or the page's foot, says so)"
    elif index in inside:
        why = "it follows a paragraph, as a subhead or a caption does"
    elif (header := header_above(lines, roles, index, scored, ledes, box)) is not None:
        why = f"line {lines[header].number} ({shown(lines[header].text, 40)}) above it has the byline or date under it"
    elif (upper := dated_about(lines, roles, index, scored, ledes)) is not None:
        why = f"line {lines[upper].number} ({shown(lines[upper].text, 40)}) higher up is dated and about the article"
    elif index >= start and not dated_under(roles, index) and (upper := dated_title(lines, roles, start, {
            i for _, i in scored if roles[i] in ("other", "label")})) is not None:  # fmt: skip
        why = f"line {lines[upper].number} ({shown(lines[upper].text, 40)}) above the article has the date under it"
    elif index in listed:
        why = "it is one of a list of titles, as other stories' are listed"
    elif index in menus and only_menu(lines[index].text, ledes[index]):
        why = "it reads like a menu (capitalised words with none of a sentence's small words)"
    elif not about_the_article(lines[index].text, in_lede(lines, roles, index, end, FOREIGN_SMALL), FOREIGN_SMALL):
        why = "it shares few words with the article's opening"
    elif best - lenient[index] < SURE:
        why = "little else marks it as the headline (its place, its shape)"
    elif (lower := kicker_over(lines, roles, index, shares)) is not None:
        title = f"line {lines[lower].number} ({shown(lines[lower].text, 40)})"
        why = f"{title} under it is longer and has the date under it: it may be the headline, and this its kicker"
    elif (upper := title_above(lines, roles, index, scored, shares)) is not None:
        title = f"line {lines[upper].number} ({shown(lines[upper].text, 40)})"
        why = f"{title} just above it may be the headline and it the standfirst"
    elif ends_sentence(lines[index].text) and not QUOTED.fullmatch(lines[index].text):
        why = "it is written as a sentence, as a standfirst is"  # a quote with nothing above it is a quote's headline
    elif (upper := over_photo(lines, roles, index, scored, ledes)) is not None:
        title = f"line {lines[upper].number} ({shown(lines[upper].text, 40)})"
        why = f"{title} above the photo over it may be the headline"
    elif index in captions and not title_case(lines[index].text) and not dated_under(roles, index):
        why = "it reads like a photo's caption (over a credit, or with a date)"
    elif in_highlights(lines, roles, index) and roles[index + 1 : index + 2] == ["other"]:  # one point of a list
        why = "it is a point of the story's highlights, not its title"
    elif (long := standfirst_long(lines[index].text)) and not decked(lines, roles, index):
        why = f"it is {long} words long, as a standfirst is: a headline is seldom so long"
    elif topic_label(lines, roles, index, start, {i for _, i in scored}):
        why = "it reads like a topic's label (a few words and a year)"
    elif over_menu(lines, roles, index, start):
        why = "it stands over the page's menu, where a site puts its name"
    elif prose_shaped(lines[index].text) and not decked(lines, roles, index):
        why = "it is written as running prose, as a standfirst is"
    elif ranked_size(lines[index].text) <= 3:
        why = "it is as short as a section label"  # three words: a topic's name ("Upper House Majority") as often
    return Headline(index, not why, len(scored), scored[:KEPT_SCORES], why, shares[index])


def page_title(
    lines: list[Line], roles: list[str], index: int, scored: list[tuple[float, int]], shares: dict[int, float]
) -> int | None:
    """The best line above the chosen one that has its own byline or date under it and holds the article's words:
    the live page's own title, over the posts whose first the chosen line heads."""
    return next((i for _, i in scored if i < index and dated_under(roles, i) and shares[i] >= TOPICAL
                 and words_of(lines[i].text) > KICKER_MOST), None)  # fmt: skip  # (a headline's length, no label's)


def titled_above_box(lines: list[Line], roles: list[str], i: int, end: int) -> bool:
    """A title of four words or more, half its words the article's, in the few lines above the related heading over
    line i with no paragraph between: the article's headline, set above a box whose last title stands over it."""
    heading = next((j for j in range(i - 1, max(-1, i - 12), -1) if RELATED.match(lines[j].text)), None)
    return heading is not None and any(
        roles[j] == "other" and words_of(lines[j].text) >= 4 and is_title_like(lines[j].text)
        and in_lede(lines, roles, j, end) >= ABOUT and "prose" not in roles[j:heading]
        for j in range(max(0, heading - 4), heading)
    )  # fmt: skip


def standfirst_of(lines: list[Line], roles: list[str], index: int, rival: int, about: bool) -> bool:
    """A sentence right under the chosen title (buttons aside; a headline's four words, not a kicker's two), over the
    byline or date: its standfirst, no rival. So is a longer line there with no full stop (the Guardian's, Reuters'
    decks), under a title `about` the article (half its words in its first paragraphs; not a kicker's or a section's
    title over the headline, which says little of the article), neither in Title Case (a Title Case title over a
    sentence-case line may be another story's over the headline)."""
    under = next((j for j in range(index + 1, len(roles)) if roles[j] not in ("furniture", "label")), None)
    longer = about and words_of(lines[rival].text) > words_of(lines[index].text) \
        and not title_case(lines[rival].text) and not title_case(lines[index].text)  # fmt: skip
    return rival == under and (ends_sentence(lines[rival].text) or longer) and not ends_sentence(lines[index].text) \
        and dated_under(roles, rival) and words_of(lines[index].text) >= 4 \
        and not shortened(lines[index].text, lines[rival].text)  # (its short form over it: a rival)  # fmt: skip


def labelled(lines: list[Line], roles: list[str]) -> list[str]:
    """The roles, with a short line of one to three words that is no sentence ("Save", "Text size", "Editorial", an
    author's name, a kicker) a "label": a button or a tag the headline's header may hold, which a headline of its
    own is seldom as short as."""
    return ["label" if role == "other" and words_of(line.text) <= 3 else role
            for line, role in zip(lines, roles, strict=True)]  # fmt: skip


def title_above(
    lines: list[Line], roles: list[str], index: int, scored: list[tuple[float, int]], shares: dict[int, float]
) -> int | None:
    """A line of four words or more that could be the headline, right above the chosen one (nothing but buttons
    between) when the chosen one is written as a sentence: it may be the standfirst. Not a menu run, nor the last of
    a list of titles (another right above it: other stories' titles over the article's headline) unless it is about
    the article and the chosen one is no shorter."""
    long_title = title_case(lines[index].text) and words_of(lines[index].text) >= LONG_TITLE
    short = short_title_over(lines, roles, index, scored, shares) if title_case(lines[index].text) else None
    if short is not None or title_case(lines[index].text) and not long_title:
        return short  # written as a title: not a standfirst (but a site that Title-Cases every line writes its long
        # standfirsts so too, under a shorter headline about the article; and a magazine's title of two or three
        # words may stand over a subtitle in Title Case)
    candidates = {i for _, i in scored}
    for i in range(index - 1, max(-1, index - 8), -1):
        if i in candidates and words_of(lines[i].text) >= 4 and not same_title(lines[i].text, lines[index].text) \
                and surtitle_over(lines, roles, i, candidates) != index:  # fmt: skip
            # ... unless that title is about the article and the chosen one no shorter: then it may be the headline
            # and the chosen one its standfirst, however many titles stand above it
            longer = words_of(lines[index].text) >= words_of(lines[i].text)
            about = shares.get(i, 0.0) >= TOPICAL
            listed = any(headline_shaped(lines, roles, j) for j in range(max(0, i - 2), i)) and not (longer and about)
            # past a label ("Analysis", a name), a headline shares a word of the article: a promo's title does not
            apart = "label" in roles[i + 1 : index] and not shares.get(i, 0.0)
            menu = is_nav_run(lines[i].text) and only_menu(lines[i].text, shares.get(i, 0.0))
            unlike = long_title and not (about and words_of(lines[i].text) < words_of(lines[index].text))
            return None if menu or listed or apart or unlike else i
        if roles[i] not in ("furniture", "label"):
            return None
    return None


def over_photo(
    lines: list[Line], roles: list[str], index: int, scored: list[tuple[float, int]], ledes: dict[int, float]
) -> int | None:
    """A title about the article right above a photo (its caption and credit, buttons and labels aside) that stands
    right above the chosen line: the page's headline may be that one, over its photo, and the chosen line a deck or
    a title set under the picture."""
    candidates = {i for _, i in scored}
    photo = False
    for j in range(index - 1, max(-1, index - 8), -1):
        if roles[j] in ("caption", "credit"):
            photo = True
            continue
        if roles[j] in ("furniture", "label"):
            continue
        if photo and j in candidates and topical(lines, roles, j, ledes) and words_of(lines[j].text) >= 4 \
                and not same_title(lines[j].text, lines[index].text):  # fmt: skip
            return j
        return None
    return None


def standfirsts(
    lines: list[Line], roles: list[str], scored: list[tuple[float, int]], shares: dict[int, float], box: list[bool]
) -> list[tuple[float, int]]:
    """Of two lines in a row that both could be the headline and both share the article's words, the upper one is
    the headline and the lower its standfirst (a headline is never printed under its own summary); not across a
    byline or date, which closes the upper one's header. A Title Case line over a sentence (not in a box) ranks
    first, but only just: a site's tagline or a series' banner over a headline written as a question has that
    shape too, so the choice is flagged."""
    score = {i: value for value, i in scored}
    adjusted = dict(score)
    for i in score:
        if words_of(lines[i].text) < KICKER_MOST + 1 or said_only(lines[i].text):
            continue  # no surtitle saying who spoke
        below = next((j for j in near_lines(roles, i) if j in score and words_of(lines[j].text) >= 4), None)
        if below is None or same_title(lines[i].text, lines[below].text):
            continue  # the page's title over its heading: one headline, not a headline and its standfirst
        if shares[i] < TOPICAL and not (shares[i] > 0 and sentences_over_date(lines, roles, i, below)) \
                and not bylined_deck(lines, roles, i, below):  # fmt: skip
            continue  # the upper line must be about the article (or head a deck: as a sentence, in Title Case)
        if title_case(lines[below].text) and not ends_sentence(lines[below].text) and not line_date(lines[below].text):
            continue  # a title in Title Case: a headline itself (the upper one a kicker or another story's), no summary
        if shortened(lines[i].text, lines[below].text):
            continue  # a short form of the title under it (a trail's last entry): no headline over its summary
        if shares[below] > 0 and not {"byline", "date"} & set(roles[i + 1 : below]):
            adjusted[i] += 0.3
            adjusted[below] -= 0.3
            if title_case(lines[i].text) and written_as_sentence(lines[below].text) and dated_under(roles, below) \
                    and not box[i]:  # fmt: skip
                # a Title Case headline over a sentence in sentence case, the header's date under that: the
                # sentence may be its standfirst however many more of the article's words it holds
                adjusted[i] = max(adjusted[i], adjusted[below] + HAIR)
            elif (deck_under(lines[i].text, lines[below].text) or sentences_over_date(lines, roles, i, below)) \
                    and not box[i]:  # fmt: skip
                # a deck half as long again, or as long and written as the headline is (not a box's last title)
                adjusted[i] = max(adjusted[i], adjusted[below] + HAIR)
    points = {i: points_under(lines, roles, i, score) for i in score if shares[i] > 0 and not box[i]}
    for i, under in points.items():  # a headline over its summary's points, each a line of its own: it ranks first
        if under and not any(i in others for others in points.values()):  # (a point over the next is none)
            adjusted[i] = max(adjusted[i], max(adjusted[j] for j in under) + HAIR)
    for i in score:
        below = next(iter(near_lines(roles, i, 1)), None)
        if ranked_size(lines[i].text) <= KICKER_MOST and below in score and kicked(lines, roles, i, below, shares):
            # a kicker or a topic's label right over a longer title about the article, with the header's date or
            # byline under that title ("美国大选2016" over its headline): that title ranks first, only just
            adjusted[below] = max(adjusted[below], adjusted[i] + HAIR)
    return [(adjusted[i], i) for _, i in scored]


def full_header(lines: list[Line], roles: list[str], title: int) -> bool:
    """A header whose title is a headline's length, not a topic's banner over the date ("Festival d'Avignon 2026"
    over "Samedi 11 juillet 2026"), under which the article's own headline may stand."""
    return ranked_size(lines[title].text) > KICKER_MOST


def kicker_over(lines: list[Line], roles: list[str], index: int, shares: dict[int, float]) -> int | None:
    """The first longer title under a line as short as a kicker (a site's breadcrumb or date bar may stand between),
    no sentence, sharing words with the article, the header's byline or date under it."""
    if ranked_size(lines[index].text) > KICKER_MOST:
        return None
    for j in range(index + 1, min(len(lines), index + 6)):
        if roles[j] == "prose":
            break
        if j in shares and ranked_size(lines[j].text) > KICKER_MOST and not ends_sentence(lines[j].text):
            return j if dated_under(roles, j) and shares[j] > 0 and is_title_like(lines[j].text) else None
    return None


def kicked(lines: list[Line], roles: list[str], i: int, j: int, shares: dict[int, float]) -> bool:
    """A title under a short line that is a topic's label (its figures, "美国大选2016", or its words again elsewhere on
    the page, as a menu's or a trail's): longer than it but a headline's length, about the article, no sentence or
    subtitle ("——记…"), with its own date or byline under it. Or any short line over a title that has its own deck
    under it, longer and in sentence case, the date under that: a magazine's fly title, headline and rubric (the
    Economist's "Kenya's constitution" over "A vote for change, of a sort"), whose headline may be a pun."""
    label, title = lines[i].text, lines[j].text
    named = re.search(r"\d", label) or any(label in line.text for k, line in enumerate(lines) if k != i)
    if not (KICKER_MOST < ranked_size(title) <= LONG_TITLE) or ends_sentence(title) or title.startswith("——"):
        return False
    deck = lines[j + 1].text if j + 1 < len(lines) else ""
    decked = words_of(deck) >= max(8, words_of(title) + 2) and not title_case(deck) and dated_under(roles, j + 1)
    return bool(named) and shares[j] >= TOPICAL and dated_under(roles, j) or decked and shares[j] > 0


def article_start(lines: list[Line], roles: list[str], pick: int, start: int, box: list[bool] | None = None) -> int:
    """Where the article begins under its headline: the densest run may have started lower, after a related box
    or a widget inside the article; the prose between the headline and that run is the article's when there is
    more of it than of anything else, and no headline of the run's own stands over it below a box."""
    if pick >= start:
        return next((i for i in range(pick + 1, len(lines)) if roles[i] == "prose"), start)
    between = range(pick + 1, start)
    box = box or in_related_box(lines, roles)
    prose = sum(words_of(lines[i].text) for i in between if roles[i] == "prose")
    other = sum(words_of(lines[i].text) for i in between if roles[i] in ("other", "caption", "list") and not box[i])
    first = next((i for i in between if roles[i] == "prose"), None)
    if first is None or prose < 30 or prose < 2 * other:
        return start
    opening = terms(" ".join(lines[j].text for j in prose_under(lines, roles, start - 1, len(lines) - 1)[:LEDE]))
    if any(box[i] or roles[i] == "related" for i in between) and own_headline(lines, roles, start, opening) \
            and not headed(roles, first):  # (with the byline above, that title is the article's subhead)  # fmt: skip
        return start  # over a box, the run has its own headline: the prose above the box is another story's
    return first
