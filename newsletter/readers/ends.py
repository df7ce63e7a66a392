"""What ends the article on a page: the heading over its readers' comments ("Comments (12)", "3 Kommentare", "热门评论
10条"), a reaction widget, the writer's box, its tags, a press release's end, the editor who signs a Chinese article,
Deutsche Welle's sign-off. A line that is one of them, and no more, is where the article is over; so is a note the
site sets under an article's worth of prose about the article itself (it was updated, it is a translation, it speaks
for its writer alone; where it ran first, a correction, a disclosure, an AI voice's note, where less of the page's
prose follows than stands over it), the article's tags on their line right under its last paragraph, the heading of
a note about whoever sent or wrote it ("About Elections Canada"), the site's asks of its readers that close the
article's run ("If you value our reporting, please consider becoming a member."), and readers' posts under it with
no heading over them, each under "Posted by <name> on <date>"."""

from __future__ import annotations

import re

from newsletter.patterns import regex
from newsletter.readers.appeals import APPEAL
from newsletter.readers.lines import QUOTED, RELATED, is_prose, line_date
from newsletter.readers.scripts import words_of

# A heading over readers' comments, with its count: "Comments (12)", "3 Kommentare", "热门评论 10条" (hot comments, ten)
COMMENT_HEADINGS = (r"comments?|responses?|replies|talkbacks?|have your say|kommentare?|commentaires?|comentarios?|"
                    r"comentários|commenti|reacties|(?:热门|最新|最热|网友|网民|读者|全部|熱門|網友|讀者)?(?:评论|評論)(?:\s*\d+\s*条)?|"
                    r"(?:网易|热门|最新)?跟[贴帖]|コメント|"
                    # ... and as pages in Slavic, Nordic, Baltic, Turkic, Semitic and Asian languages head them
                    r"комментари(?:и|ев|й)|коментар(?:і|ів|и)|сэтгэгдэл(?:үүд)?|komentarz[ey]?|komentáře|komentáre|"
                    r"komentar(?:i|ji)?|kommentarer|kommentit|kommentaarid|komentāri|komentarai|yorumlar|σχόλια|"
                    r"postings?|hozzászólások|comentarii|תגובות|(?:ال)?تعليقات|نظرات|댓글|bình luận|ý kiến|ความคิดเห็น|"
                    r"टिप्पणियाँ|टिप्पणियां|კომენტარები|diskuse|diskusia|dyskusja")  # fmt: skip
HEADING_END = r"\s*[:：]?(?:\s*[(（]\d(?:[\d,.\u00a0\u202f ]*\d)?[)）]|\s+\d[\d,.]*)?$"  # "(1,148)", "(1 148)", " 164"
# "12 Comments", "Reader comments 164", and the thread's order or choice before its comments: "Top Rated Comments",
# "Most recent comments" (not "Top Comment", one reader's shown inside the article, which goes on under it)
READERS = (r"(?:\d+\s+)?(?:(?:top[- ]rated|most[- ](?:popular|recent|liked|recommended)|top|latest|newest|"
           r"recent|featured|all|best)\s+(?=(?:readers?['’]?\s+)?(?:comments|responses|replies)\b))?"
           r"(?:readers?['’]?\s+)?")  # fmt: skip
COMMENTS = regex(r"(?i)^" + READERS + "(?:" + COMMENT_HEADINGS + ")" + HEADING_END)
# The references under an encyclopedia's, a paper's or a knowledge base's article (an encyclopedia's with its "[edit]"
# link; not its contents' numbered entry, "5 References"), a paper's statements, and the site's ask whether it helped
REFERENCE_HEADINGS = (
    r"references|sources|bibliography|footnotes|works cited|einzelnachweise|quellen|literatur|originalpublikation|"
    r"original publication|références|referencias|fuentes|riferimenti|bronnen|competing interests?(?: statement)?|"
    r"conflicts? of interest|(?:was|is) this (?:article|page) (?:helpful|useful)\?"
)
END_OF_ARTICLE = regex(
    r"(?i)^(?:" + REFERENCE_HEADINGS + r")(?:\s*\[[^\]]{1,40}\])?\s*:?$|"
    r"^" + READERS + "(?:" + COMMENT_HEADINGS + r"|leave a (?:comment|reply)|join the (?:conversation|discussion)|"
    r"add a comment|post a comment|show comments|view comments|"
    # ... a blog's heading over its comments ("7 Responses to “Title”", "12 thoughts on “Title”"), a link to them with
    # their count ("Kommentare lesen (145 Beiträge)", "Voir tous les commentaires (14)"), the login they ask for
    r"(?:\d+|one|no)\s+(?:responses?|comments?|thoughts|replies)\s+(?:to|on)\s+[“\"„«].{1,200}[”\"“»]|"
    r"discuss\s+[“\"„«].{1,200}[”\"“»]|"  # ... or its readers' ("Discuss “Rowing club wins fight ...”")
    r"(?:read|see|view|show) (?:all )?(?:\d+ )?comments|kommentare (?:lesen|anzeigen)(?:\s*\(\d[\d.]*\s+\w+\))?|"
    r"voir (?:tous )?les commentaires|ver (?:todos )?los comentarios|leggi (?:tutti )?i commenti|"
    r"(?:you must be|vous devez être) (?:logged in|connecté) (?:to|pour) (?:post a )?comment(?:er)?\.?|"
    # ... a reaction widget under the article ("How does this make you feel?", "What's your reaction?")
    r"how does this (?:story |article )?make you feel\?|what['’]?s your reaction\?|what is your reaction\?|"
    # ... a newsletter's ask for feedback, and the rules of its comments
    r"what did you think of (?:today['’]s|this) (?:brief|newsletter|issue|edition)\?|(?:comment|community) guidelines|"
    r"about the authors?|share this(?: article| story)?|before you go(?:\.\.\.|…)?|"
    r"citation:\s.{1,400}\bretrieved\b.{1,300}|"  # how to cite the page, as science news sites print it under it
    r"tags?|topics?|filed under|more about|explore more on (?:these|this) topics?|sign up for .{0,60}|"
    r"subscribe to .{0,60}|newsletter|footer|теги|метки|"
    r"related topics|follow us|categories|comments (?:are )?closed|pingbacks?|trackbacks?|"
    # ... the link a forum or a Drupal site sets under each post ("Log in or register to post comments")
    r"\(?log in (?:or register )?to post comments\)?|"
    r"-*\s*ends\s*-*|notes? to editors?|for more information|media contacts?|"  # a press release's end ("###"
    # breaks a blog's sections)
    # ... and as German, French, Spanish, Portuguese, Italian and Dutch pages say it
    r"kommentare? (?:hinzufügen|schreiben|geschlossen)|(?:schreibe|hinterlasse) einen kommentar|"
    r"über (?:den autor|die autorin)|über dieses thema berichtete.{1,120}|"  # (a broadcaster's note of its show)
    r"fanden sie diesen artikel (?:nützlich|hilfreich)\?|(?:laisser|ajouter) un commentaire|"
    r"mots-clés|à propos de l'auteur|(?:deja|dejar) un comentario|"
    r"etiquetas|sobre el autor|sobre la firma|deixe um comentário|sobre o autor|zum autor|zur autorin|"
    r"lascia un commento|reageer|over de auteur|"
    # ... the editors' initials and the wires over the article's end, as Deutsche Welle signs it ("jh/rt (dpa, AFP)")
    r"(?-i:[a-z]{1,4}(?:/[a-z]{1,4}){1,3}\s*\((?:[A-Z][\w.]*|dpa|epd|sid)(?:,\s*(?:[A-Z][\w.]*|dpa|epd|sid)){0,5}\))|"
    # ... and the editor in charge, who signs the article's end on Chinese news sites ("责任编辑：霍琦")
    r"(?:本文来源[:：]\s*\S{1,20}\s+)?(?:責任編輯|责任编辑)\s*[:：]\s*\S{1,20})" + HEADING_END
)

# A note the site sets under the article: it was updated or corrected, it is a translation, it speaks for its writer
# alone, or it asks for letters; or the heading of its message to readers ("A Message from The Moscow Times:"). Only
# under an article's worth of prose: over the article it is its editor's note.
AFTER_NOTE = regex(
    r"(?i)^(?:(?:editor['’]?s note|correction|update)\s*[:：]\s*)?(?:"
    r"(?:this|the) (?:article|story|post|piece|report|column) (?:has been|was|is) (?:updated|corrected|amended|"
    r"translated)\b|an earlier version of this (?:article|story|post|piece)\b|\(updates? with\b|"
    r"translation of an original article\b|translated (?:from|by) \w|"
    r"(?:the )?(?:views|opinions) expressed (?:in this \w+(?: \w+)? |here )?are\b|this work represents the views\b|"
    r"do you have an opinion on the issues raised in this article\?|a message from .{1,60}[:：]$|"
    r"this (?:story|article) (?:was|is) part of (?:our|the) .{1,40} issue\b|"  # a magazine's print issue
    # ... and the writer's disclosure The Conversation prints under each article, wherever it is republished
    r".{1,80}\b(?:does not|do not) work for, consult, own shares in or receive funding from\b)|"
    r".{0,60}(?:仅代表作者|僅代表作者)|"  # "... only the writer's or expert's own view"
    r".{0,10}(?:评论|評論|跟[贴帖])(?:仅|僅)(?:供|代表)|目前没有(?:热门)?跟[贴帖]"  # readers' comments speak for them
    # alone ("网友评论仅供其表达个人看法，并不表明网易立场。"); "no comments yet"
)
# ... and, only where less of the page's prose follows than stands over it (an affiliate disclosure sits under a
# shopping article's opening too, "ZDNet may earn a commission ..."), what else a site sets under the article:
SITE_NOTE = regex(
    r"(?i)^(?:(?:editor['’]?s note|correction|update)\s*[:：]\s*)?(?:"
    # ... its corrections, under their label ("Correction: March 15, 2012", "Erramos: o texto foi alterado",
    # "Rättelse: ..."), its disclosure of a funder or of affiliate links, its note that a machine's voice reads it
    r"(?:corrections?|clarifications?|errat(?:um|a)|rectificatif|rectification|fe de errores|corrección|correção|"
    r"erramos|correzione|rettifica|korrektur|korrekturhinweis|richtigstellung|rättelse|rettelse|correctie|"
    r"rectificatie|sprostowanie|düzeltme|oprava|訂正|更正|정정)\s*(?:[:：]|$)|(?:disclosures?|disclaimer|affiliate "
    r"disclosure|transparenzhinweis|offenlegung)\s*[:：]|(?:some|the) links in this (?:article|story|post|newsletter|"
    r"piece) (?:are|may be) affiliate links\b|audio (?:version )?(?:generated|produced|created|read) (?:with|by|using) "
    r"(?:ai|artificial intelligence)\b|voor de voorleesfunctie bij dit artikel\b|"
    # ... where it ran first, as a site republishing it says ("This article is republished from The Conversation
    # under a Creative Commons license", "This story was originally published by ProPublica"), in English, French,
    # German, Spanish, Portuguese, Italian and Dutch
    r"this (?:article|story|post|piece|report|essay|column|interview) (?:is|was|has been) (?:republished|"
    r"reproduced|reprinted|cross-?posted)\b|this (?:article|story|post|piece|report|essay|column|interview) "
    r"(?:was |is )?(?:originally|first) (?:published|appeared|posted|ran)\b|(?:originally|first) (?:published|"
    r"appeared|posted) (?:in|on|by|at) |a version of this (?:article|story|post|piece|report|essay|column) "
    r"(?:first |originally )?(?:appeared|was published|ran)\b|republished (?:with permission )?(?:from|by) |"
    r"cet article a (?:été )?(?:initialement |d['’]abord )?(?:publié|paru)\b|(?:initialement|originellement) "
    r"publié\b|dieser (?:artikel|beitrag|text) (?:erschien|ist) (?:zuerst|ursprünglich|erstmals)\b|(?:zuerst|"
    r"ursprünglich|erstmals) erschienen (?:bei|in|auf) |este (?:artículo|texto) (?:fue publicado|se publicó) "
    r"(?:originalmente|por primera vez)\b|publicad[oa] originalmente (?:en|por|em|no|na|pel[oa]) |este (?:artigo|"
    r"texto) foi (?:originalmente )?publicado (?:originalmente|primeiro)\b|(?:questo )?articolo (?:è stato )?"
    r"(?:pubblicato|apparso) (?:originariamente|per la prima volta|originalmente)\b|dit (?:artikel|stuk) "
    r"verscheen (?:eerder|eerst|oorspronkelijk)\b)"
)
NOTE_UNDER = 60  # words of prose above such a note, at least: an article's
NOTE_MOST = 80  # words: a note is no longer


def after_note(texts: list[str], roles: list[str], k: int, prose_above: int) -> bool:
    """Line `k`, under the article (`prose_above` words of paragraphs over it), is a site's note, or the article's
    tags or categories with the tags on the line right under its last paragraph (its buttons, a caption or the
    writer's signature between): the article is over."""
    text = texts[k]
    if prose_above < NOTE_UNDER or words_of(text) > NOTE_MOST:
        return False
    if AFTER_NOTE.match(text):
        return True
    if SITE_NOTE.match(text):
        return prose_below(texts, k) < prose_above
    above = next((j for j in range(k - 1, -1, -1) if roles[j] not in TAGS_UNDER), None)
    return bool(TAGGED.match(text)) and above is not None and roles[above] == "prose"


def prose_below(texts: list[str], k: int) -> int:
    """Words of the paragraphs under line `k`, up to what ends an article (a comments heading, a related list)."""
    words = 0
    for text in texts[k + 1 :]:
        if END_OF_ARTICLE.match(text) or RELATED.match(text):
            break
        words += words_of(text) if is_prose(text) else 0
    return words


TAGS_UNDER = ("furniture", "credit", "caption", "byline", "date")  # what may stand between the article and its tags


# The article's tags or categories, the tags on the line ("Tags: harbour, bridge", "Filed Under: City", "Article
# Tags : ...", "getaggt mit:Hafen", WordPress's "Posted in City | Tagged bridge" and "This entry was posted in ..."):
# under the article, where it is over (over it, between byline and first paragraph, it is the page's furniture)
TAGGED = regex(
    r"(?i)^(?:(?:(?:article|post|story)\s+)?(?:tags?|tagged(?:\s+(?:with|in|as))?|topics?|categor(?:y|ies)|"
    r"filed\s+(?:under|in)|keywords|themen|schlagw(?:ö|oe)rter|schlagworte|getaggt(?:\s+mit)?|"
    r"verschlagwortet(?:\s+mit)?|kategorien?|mots[- ]cl[ée]s|[ée]tiquettes|cat[ée]gories?|etiquetas|"
    r"categor[íi]as?|temas|argomenti|categorie|onderwerpen|categorieën)\s*[:：]\s*\S|"
    r"posted\s+in\s+\S.*\|\s*tagged\s|this (?:entry|post) was posted in\s)"
)


# The heading over an organisation's note under a press release or a report ("About Elections Canada", "About the
# Poll of Polls"), its name in capitals, as the paragraph under it opens with: who sent it, not the article
ABOUT = regex(r"^(?:About|Über|À propos (?:de |d['’])|Acerca de|Sobre|Informazioni su|Over)\s*(?P<name>\S.{1,60})$")
SMALL = {"the", "of", "and", "for", "de", "du", "la", "le", "des", "der", "die", "das", "el", "los", "del", "&"}


def about_heading(texts: list[str], roles: list[str], k: int, prose_above: int) -> bool:
    """Line `k` heads the note about the organisation that sent the article, or about its writer, under an article's
    worth of prose (`prose_above` words): the article is over. The name is written in capitals, and the paragraph
    under it opens with it as a note does: saying what it is ("Elections Canada is the independent, non-partisan
    agency ..."), or it is a byline's name. Not a subhead of the article: "About the Survey" over "The survey was
    carried out ...", "About Gaza" over "Gaza is home to 2.2 million people"."""
    match = ABOUT.match(texts[k])
    if match is None or prose_above < NOTE_UNDER or k + 1 >= len(texts) or texts[k].rstrip().endswith(STOPS):
        return False
    names = [word for word in match["name"].split() if word.casefold() not in SMALL]
    if not names or len(names) > 6 or not all(word[:1].isupper() or word[:1].isdigit() for word in names):
        return False
    under = texts[k + 1]
    if words_of(under) < NOTE_OPENING or names[0] not in [word.strip("“”\"'‘’(),") for word in under.split()[:8]]:
        return False
    written = any(role == "byline" and match["name"] in texts[j] for j, role in enumerate(roles[:k]))
    name = re.escape(re.sub(r"^(?:the|The)\s+", "", match["name"].strip()))  # "About the X": "X is ...", "The X is ..."
    return written or re.match(rf"(?:The\s+)?{name}(?:\s+\([^()]{{1,40}}\))?,?\s+{DEFINED}", under) is not None


STOPS = (".", "?", "!", ":")
NOTE_OPENING = 8  # words at least: a note's first sentence
DEFINED = r"(?:is|are|was|has been)\s+(?:a|an|the|one of)\b"  # "Elections Canada is the independent agency ..."


# What the site says to its readers under the article, in a paragraph's shape: an ask to subscribe, follow, join or
# give ("If you value our reporting, please consider becoming a member."), a newsletter's sign-off ("Thanks for
# reading ...! This post is public so feel free to share it."). A line is one when it names such a thing (SITE) and
# either asks it (a sentence opening with the ask: "Subscribe", "Follow <site> on", "Get the latest") or speaks as the
# site ("we", "our") to or of its readers ("you", "please", "consider", "help support", "readers"); not a quote, not
# the writer's own contact ("Follow him on Twitter @name": an address or a handle), not an article's talk of
# subscriptions ("you can watch ... from a single subscription": no "we", no ask), nor an organisation's news of its
# members ("Our membership now stands at 240": asking nothing of the reader).
SITE = regex(
    r"(?i)\b(?:subscri\w*|newsletters?|inbox|sign(?:ing)? up|members?(?:hip)?|donat\w*|paywall|journalism|sponsor\w*|"
    r"follow (?:us|on)|(?:on|at) (?:X|Twitter|Facebook|Instagram|LinkedIn|YouTube|Telegram|WhatsApp|TikTok)|"
    r"whatsapp channel|google news|podcasts?|this post is public|feel free to share|thanks for reading|assinante|"
    r"abonn\w*|iscriv\w*|suscri\w*|saluran|app store|our app|newsrooms?|stories like this|read this far)\b"
)
AS_SITE = regex(
    r"(?i)\b(?:we|our|we['’](?:re|ve|d|ll)|nous|notre|wir|unser\w*|nuestr[oa]s?|noss[oa]s?|nostr[oi]|wij|onze|"
    r"kami|мы|наш\w*)\b"
)  # fmt: skip  ("us" is as often "US"; "nos", "told us")
TO_READER = regex(
    r"(?i)\b(?:you|your|you['’](?:re|ve|ll|d)|please|consider|help (?:us|support|keep|fund)|readers|vous|"
    r"votre|(?-i:Ihnen)|usted|você|voi|anda|kamu|вы|вам|ваш\w*)\b"
)  # fmt: skip  (not "Sie", "U.S.")
ASKS = regex(
    r"(?:^|[.!?]\s+)(?:Enter your email|Follow (?:us|@|[A-Z]\S*(?: \S+){0,3} on)\b|Subscribe\b|Sign up\b|"
    r"Get (?:the|our|all|your|[A-Z])|Join (?:us|our|the conversation|\d)|Download (?:the|our)\b|"
    r"Support (?:us|our|independent)\b|Donate\b|Share (?:this|it)\b|Click (?:here|the)\b|Listen (?:now|on)\b|"
    r"Simak|Ikuti|Abonnez|Suivez|Inscrivez|Abonnieren|Folgen Sie|Suscríbete|Síguenos|Assine|Siga|Iscriviti|Seguici|"
    r"Thanks for reading|Thank you for reading)"
)
PITCH_MOST = 90  # words: an ask is a few sentences
APPEAL_MOST = 40  # ... and one known by appeals.APPEAL's words alone, a sentence or two
ADDRESS = regex(r"\S@\S|(?:^|\s)@\w")  # an e-mail address, a handle: a writer's own contact


def pitch(text: str) -> bool:
    """The line is the site's ask of its readers (see SITE)."""
    if QUOTED.search(text) or words_of(text) > PITCH_MOST or ADDRESS.search(text):
        return False
    appeal = APPEAL.search(text) is not None and words_of(text) <= APPEAL_MOST  # (not a writer's long P.S. ending so)
    spoken = AS_SITE.search(text) is not None and TO_READER.search(text) is not None
    return appeal or bool(SITE.search(text)) and (spoken or ASKS.search(text) is not None)


def article_end(texts: list[str], roles: list[str], start: int, end: int) -> int:
    """Where the article ends under what closes its run with no heading over it: the site's asks of its readers
    (before_pitches), readers' posts (before_thread)."""
    return before_thread(texts, roles, start, before_pitches(texts, roles, start, end))


# A reader's post's head with no heading over the thread: "Posted by harbourmum on March 12, 2026 at 10:12 PM"
POSTED_BY = regex(r"(?i)^(?:posted|submitted|written|commented)\s+by\s+(?P<name>\S.{0,50}?)\s+(?:on|at|[|·•—–-])\s")
THREAD_POSTS = 2  # heads at least, of two readers or more


def before_thread(texts: list[str], roles: list[str], start: int, end: int) -> int:
    """Where the article ends when readers' posts follow it with no heading over them, each under its reader's
    name and the day it was posted: at the last paragraph over the first, if an article's worth of prose is left. A
    live page's posts under their writers' names and times of day (no day) are the article."""
    heads = [(k, head["name"].casefold()) for k in range(start + 1, end + 1)
             if (head := POSTED_BY.match(texts[k])) and line_date(texts[k])]  # fmt: skip
    if len(heads) < THREAD_POSTS or len({name for _, name in heads}) < THREAD_POSTS:
        return end
    first = heads[0][0]
    if sum(words_of(texts[k]) for k in range(start, first) if roles[k] == "prose") < NOTE_UNDER:
        return end
    return max(k for k in range(start, first) if roles[k] == "prose")


ASK_BELOW = 3  # lines: an ask this close under the article's run closes it too


def before_pitches(texts: list[str], roles: list[str], start: int, end: int) -> int:
    """Where the article ends when the site's asks of its readers close its run (a membership appeal in three
    paragraphs, a newsletter's sign-off): at the last paragraph over them, if an article's worth of prose is left."""
    cut, between = end, None  # (a paragraph between two asks: the site's too, as it speaks of itself in between)
    below = next((k for k in range(end + 1, min(len(texts), end + ASK_BELOW + 1)) if roles[k] != "other"), None)
    asked = below is not None and pitch(texts[below])  # (an ask right under the run, left out as furniture)
    for k in range(end, start, -1):
        if roles[k] != "prose":
            continue
        if not pitch(texts[k]):
            if between is not None or cut == end and not asked:
                break
            between = k
            continue
        cut, between = k - 1, None
    if cut == end or sum(words_of(texts[k]) for k in range(start, cut + 1) if roles[k] == "prose") < NOTE_UNDER:
        return end
    return max(k for k in range(start, cut + 1) if roles[k] == "prose")


# A mark that ends a release or an article only where little of it follows (END_MARKS): a wire's or a government's
# "- 30 -", the editor's initials in brackets, as German sites sign an article ("(mha)", "(jk/dpa)"). Inside an
# article (quoted, or an agency's "(dpa)" between paragraphs) it is the page's furniture, and the article goes on.
END_MARK = regex(r"^(?:-\s*30\s*-|\((?:[a-z]{2,4}(?:/[a-z]{2,4}){0,2})\))$")


def end_marks(texts: list[str], roles: list[str]) -> dict[int, str]:
    """Each end mark's role: "end" where the article is over under it (article_over), else "furniture"."""
    return {i: "end" if article_over(texts, roles, i) else "furniture" for i, text in enumerate(texts)
            if END_MARK.match(text.strip())}  # fmt: skip


def article_over(texts: list[str], roles: list[str], i: int) -> bool:
    """Little of an article under line `i`, a mark that may end it: the next line past the page's buttons (and one
    short line, a box's heading) is no paragraph, and the prose under it, before what ends an article, is less than
    a note's worth and less than half the prose over it (a short article's last paragraphs under a mark are its own)."""
    j, heading = i + 1, False
    while j < len(texts) and (roles[j] == "furniture" or roles[j] == "other" and not heading):
        heading = heading or roles[j] == "other"
        j += 1
    if j < len(texts) and roles[j] == "prose":
        return False
    under = 0
    for k in range(i + 1, len(texts)):
        if roles[k] in ("end", "related"):
            break
        under += words_of(texts[k]) if roles[k] == "prose" else 0
    above = sum(words_of(texts[k]) for k in range(i) if roles[k] == "prose")
    return under < NOTE_UNDER and 2 * under < above
