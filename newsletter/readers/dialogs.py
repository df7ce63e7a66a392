"""What a pasted page shows over, inside or after its article that is no part of it: a cookie-consent dialog (its
heading, the purposes it lists, its buttons), a newsletter's sign-up box or a "Leave a comment" button set between
the article's paragraphs (not a comment or the next post under it, which their writer signs), and a paywall's call
to log in or subscribe, which means the paste holds only the article's opening.

A consent dialog's paragraphs are sentences, and on a European site (the IAB's consent framework lists a dozen
purposes, each with a paragraph) they can outnumber a short article's; read as prose, they were taken for it."""

from __future__ import annotations

from newsletter.patterns import regex
from newsletter.readers.lines import MONTH, is_byline, is_date_line, is_furniture, is_prose, words_of
from newsletter.readers.words import terms

# A consent dialog's heading, the whole line: "Consent to Cookies & Data processing", "We value your privacy",
# "Datenschutz-Einstellungen", "Gestion des cookies" (not a menu's "Privacy", nor a headline that starts so)
CONSENT_HEADING = regex(
    r"(?i)^\W*(?:we (?:value|respect|care about) your privacy|your privacy(?: (?:choices|settings|matters))?|"
    r"privacy (?:settings|preferences|choices|cent(?:re|er)|notice)|cookies? (?:settings|preferences|consent|notice)|"
    r"manage (?:cookies|consent|(?:your )?privacy(?: settings)?)|consent to cookies\b.{0,40}|"
    r"(?:this (?:web)?site|we) uses? cookies|datenschutz-?(?:einstellungen|hinweis)|cookie-einstellungen|"
    r"gestion des cookies|paramètres des cookies|(?:nous )?respect(?:ons)? (?:de )?votre vie privée|vos choix|"
    r"tu privacidad|configuración de cookies|la tua privacy|privacyinstellingen|cookieindstillinger)\W*$"
)
# ... and its notice, right under it (or opening the dialog itself): "We use cookies and similar technologies", "On
# this website we use cookies", "Wir nutzen Cookies", "nous et nos partenaires utilisons des cookies"
NOTICE = regex(
    r"(?i)\b(?:we|our partners|this (?:web)?site|wir|diese (?:web)?seite|nous|ce site|este sitio|usamos|utilizamos|"
    r"questo sito|utilizziamo|vi|wij)\b.{0,60}\b(?:cookies?|tracking technologies)\b"
)
NOTICE_UNDER = 2  # lines: the notice stands this near under the dialog's heading
# Its buttons, a line of nothing else ("Accept All", "SettingsAccept All", "Reject all | Accept"), with one that
# answers it
BUTTON = (
    r"accept(?: all| cookies)?|agree(?: (?:and|&) (?:close|continue))?|i (?:accept|agree)|allow(?: all| cookies)?|"
    r"reject(?: all)?|decline(?: all)?|deny|ok(?:ay)?|got it|settings|manage (?:options|settings|preferences)|"
    r"customi[sz]e|more options|save(?: (?:and|&) exit)?|confirm (?:my )?choices|"
    r"alle akzeptieren|akzeptieren|zustimmen|alle ablehnen|ablehnen|einstellungen|tout accepter|accepter|"
    r"tout refuser|refuser|paramétrer|paramètres|aceptar(?: todo| todas)?|rechazar(?: todo)?|configurar|"
    r"accetta(?: tutto)?|rifiuta(?: tutto)?|impostazioni|alles accepteren|accepteren|weigeren|instellingen|"
    r"aceitar(?: tudo)?|rejeitar|accepter alle|acceptér alle|afvis(?: alle)?|godkänn(?: alla)?|acceptera alla|"
    r"avvisa(?: alla)?|indstillinger|inställningar"
)
CONSENT_BUTTONS = regex(rf"(?i)^(?:\W*(?:{BUTTON}))+\W*$")
ANSWER = regex(
    r"(?i)accept|agree|allow|reject|decline|deny|\bok|got it|akzeptieren|zustimmen|ablehnen|accepter|refuser|"
    r"aceptar|rechazar|accetta|rifiuta|accepteren|weigeren|aceitar|rejeitar|acceptér|afvis|godkänn|acceptera|avvisa"
)
# What a dialog's paragraphs speak of ("your device", "Ihre Zustimmung", "votre consentement")
PURPOSE = regex(
    r"(?i)\b(?:devices?|data|profiles?|personali[sz](?:ed|ation)|advertis\w*|ads|cookies?|identifiers?|geolocation|"
    r"partners|vendors|purposes|measurement|consent|privacy|tracking|browser|legitimate interest|daten|geräte?n?|"
    r"werbung|personalisiert\w*|profile?n?|partnern?|zwecke|einwilligung|zustimmung|données|appareils?|publicités?|"
    r"personnalisé\w*|partenaires|finalités|consentement)\b"
)
DIALOG_LINES = 30  # a consent dialog's heading, purposes and descriptions, to its buttons
HEADING_WORDS = 6  # ... its heading's, at most
PLAIN_WORDS = 150  # ... and at most this many words of sentences that are no cookie notice of their own


def consent_dialogs(texts: list[str]) -> set[int]:
    """The lines of the consent dialog over the page, pasted before it: from its heading above the page's first
    paragraph (a dialog's own heading with its notice right under it, or the notice itself: "We use cookies") to the
    buttons that answer it, at most DIALOG_LINES lines on; with no byline or date between (an article's header),
    every paragraph speaking of data, devices, ads or consent, and few words of sentences in all. (A cookie notice
    under the article is page furniture by its own words; an article about cookies, with "Accept" quoted or the
    site's banner under it, is no dialog.)"""
    for i, text in enumerate(texts):
        notice = NOTICE.search(text) is not None and is_furniture(text)  # "We use cookies on our website to ..."
        if is_prose(text) and not notice:
            break  # the page's first paragraph: a dialog over the page is pasted before it
        heading = CONSENT_HEADING.match(text) is not None and words_of(text) <= HEADING_WORDS
        if not notice and not (heading and any(NOTICE.search(line) for line in texts[i + 1 : i + 1 + NOTICE_UNDER])):
            continue  # no dialog's heading over its notice: a menu's "Privacy", a top bar's "Cookie settings"
        plain = 0  # words of the sentences between that are no cookie notice of their own
        for j in range(i + 1, min(len(texts), i + DIALOG_LINES + 1)):
            if is_byline(texts[j]) or is_date_line(texts[j]):
                break
            if is_prose(texts[j]) and not is_furniture(texts[j]):
                if not PURPOSE.search(texts[j]):
                    break  # a purpose's paragraph speaks of data, devices, ads, consent; an article's (mostly) not
                plain += words_of(texts[j])
            if plain > PLAIN_WORDS:
                break
            if CONSENT_BUTTONS.match(texts[j]) and ANSWER.search(texts[j]):
                if not any(is_prose(text) and not is_furniture(text) for text in texts[j + 1 :]):
                    break  # nothing of the page under it: the article and the site's banner, no dialog over them
                return set(range(i, j + 1))
    return set()


# A paywall's call where the article stops, the line's own words from its start: "Please sign up or log in to
# continue reading", "Subscribe to keep reading", "Join LeadDev.com for free to access this content", "This article is
# for subscribers only", "Keep reading with a 7-day free trial"; not a sentence that reports one ("Readers will be
# asked to subscribe to continue reading")
CALL = r"(?:please\s+)?(?:sign up|log ?in|sign in|subscribe|register|become a (?:member|subscriber)|start (?:your|a) " \
    r"(?:free )?trial|join \S+(?: for free)?|create an? (?:free )?account)\b"  # fmt: skip
# ... the whole line, from its first letter (not a quotation, not a report: '"Register to continue reading," it says')
# to the words that end it (not a promo's: "Subscribe to keep reading award-winning local journalism")
PAYWALL = regex(
    rf"(?i)^{CALL}.{{0,40}}\bto (?:continue|keep|finish) reading(?: (?:this|the) (?:article|story|post|piece))?\W*$|"
    r"^to (?:continue|keep) reading(?: this (?:article|story|post))?,? (?:please )?(?:sign up|log ?in|sign in|subscribe"
    r"|register)\b[^.]{0,30}\W*$|"
    rf"^{CALL}.{{0,40}}\bto (?:read|access|unlock|view) "
    r"(?:the (?:full|whole|rest of (?:the|this)) (?:article|story|post)|this (?:article|story|content|post))\W*$|"
    r"^(?:this|the) (?:article|story|content) is (?:only |exclusively )?(?:for|available to|reserved for) (?:our )?"
    r"(?:paying )?subscribers(?: only)?\W*$|"
    r"^keep reading with a .{0,20}\btrial\W*$|"
    r"^(?:jetzt )?(?:abonnieren|registrieren) und weiterlesen\W*$|^weiterlesen mit \S+(?: ?\+| ?plus| abo)\W*$|"
    r"^la suite est réservée aux abonnés\b.{0,40}$|^il vous reste [\d.,]+\s*% de (?:l['’]|cet )article\b.{0,80}$"
)
# ... and the offer under it: an account, a subscription, a trial, a price ("Create an account to access our free
# content", "£1 a week"), which is no paragraph of the article
OFFER = regex(
    r"(?i)\b(?:(?:an?|your|free) account|subscri\w+|sign (?:up|in)|log ?in|register\w*|free trial|newsletters?|"
    r"membership|unlimited access|cancel anytime|abos?|abonnement\w*|abonnieren|konto|compte)\b"
)
OFFERED = regex(r"(?i)\b(?:you|your|our|we|ihr|ihre|unser\w*|votre|vos|notre|nos)\b")  # ... to the reader
OFFER_CALL = regex(rf"(?i)^{CALL}")  # ... or put as a call ("Subscribe to The Desk to keep reading this post and ...")
GOES_ON = 12  # words: a paragraph under the call that is no offer: the article goes on, and the call was a promo
UNDER_CALL = 6  # lines under the call looked at (a live blog's stamps between)
UNDER_END = 3  # lines under the article's last paragraph where its call may stand (not a related list's label)


def paywall(texts: list[str], roles: list[str], start: int, end: int) -> int | None:
    """The paywall's first call past the article's first paragraph, in it or a few lines under its last (only page
    furniture between: not a related list's label), where the article stops (no paragraph of it under the call, only
    the offer: a promo in the article's middle is no paywall), or None."""
    for j in range(start + 1, min(len(texts), end + 1 + UNDER_END)):
        if not PAYWALL.match(texts[j]) or any(roles[k] != "furniture" for k in range(end + 1, j)):
            continue
        if not any(
            is_prose(texts[k]) and words_of(texts[k]) >= GOES_ON and not is_furniture(texts[k])
            and not (OFFER.search(texts[k]) and OFFERED.search(texts[k])) and not OFFER_CALL.match(texts[k])
            for k in range(j + 1, min(len(texts), j + 1 + UNDER_CALL))
        ):  # fmt: skip
            return j
    return None


# A newsletter's sign-up box: its heading ("Sign up for the Politics newsletter", "Subscribe to Morning Brief"), a
# line or two of what it sends, and its button or field
SIGN_UP = regex(
    r"(?i)^(?:sign up|subscribe|get|join)\b.{0,60}\bnewsletters?\b|^(?:sign up for|subscribe to)\b|newsletter$"
)
SIGN_UP_BUTTON = regex(
    r"(?i)^\W*(?:sign (?:me )?up|subscribe(?: now)?|submit|join|i'?m in|enter your email(?: address)?|your email"
    r"(?: address)?|email(?: address)?|e-mail|anmelden|abonnieren|s'inscrire|je m'abonne|suscribirse|suscríbete|"
    r"iscriviti|inschrijven)\W*$"
)
PROMO_LINES = 3  # what the box says it sends, between its heading and its button
PROMO_WORDS = 40  # ... each line of it at most


def sign_up_boxes(lines: list[str], roles: list[str]) -> set[int]:
    """The lines of each newsletter sign-up box or call to comment set between the article's paragraphs: its heading
    (or the button alone: "Leave a comment"), then (with its button) at most PROMO_LINES short lines of what it sends
    and the button, and any small print; with a paragraph right above it and the article going on right under it for
    two paragraphs (a subhead before or between them), about what the paragraphs above are about. Under the article's
    last paragraph such a heading still ends it."""
    found: set[int] = set()
    for i, text in enumerate(lines):
        box = bool(SIGN_UP.search(text))
        if roles[i] != "end" or not (box or ASK_BUTTON.match(text)) or "prose" not in roles[max(0, i - 2) : i]:
            continue
        last = i
        for j in range(i + 1, min(len(lines), i + PROMO_LINES + 2) if box else i + 1):
            if words_of(lines[j]) > PROMO_WORDS or roles[j] not in ("prose", "other", "furniture"):
                break
            if SIGN_UP_BUTTON.match(lines[j]):
                last = j
                break
        while box and last + 1 < len(lines) and roles[last + 1] == "furniture" and last - i <= PROMO_LINES + 2:
            last += 1  # "By signing up you agree to our Terms of Use"
        below = paragraphs_under(lines, roles, last, subhead_first=box)
        if not below:
            continue  # the article goes on for two paragraphs at least: not a comment, a teaser, the next standfirst
        above = [lines[k] for k in range(max(0, i - 6), i) if roles[k] == "prose"]
        run, signed = run_under(lines, roles, below[0])
        if signed:
            continue  # a comment under the button, or the next post: signed by its writer
        if all(goes_on(lines[k], " ".join(above)) for k in below) or at_length(lines, roles, run, " ".join(above)):
            found.update(range(i, last + 1))
    return found


RUN_PARAGRAPHS = 3  # under a box, the article goes on at length: this many paragraphs in a row (subheads between)
RUN_WORDS = 120  # ... and this many words
SIGNATURE = 4  # words: a commenter's name over the comment's time, under the run


def run_under(lines: list[str], roles: list[str], first: int) -> tuple[list[int], bool]:
    """The paragraphs in a row from `first` (a subhead between them), and whether a signature closes them: a comment's
    or a post's, its writer's name and its time ("Piotr W." over "Nov 18", "Posted on December 12 by Olga")."""

    def stamped(k: int) -> bool:  # a time under the line
        return k + 1 < len(lines) and (roles[k + 1] == "date" or bool(SHORT_DAY.fullmatch(lines[k + 1])))

    run: list[int] = []
    k = first
    while k < len(lines):
        if roles[k] == "prose" and not (words_of(lines[k]) <= SIGNATURE and stamped(k)):
            run.append(k)
        elif not (roles[k] == "other" and is_subhead(lines[k]) and k + 1 < len(lines) and roles[k + 1] == "prose"):
            break
        k += 1
    signed = k < len(lines) and (
        roles[k] in ("date", "byline")
        or words_of(lines[k]) <= SIGNATURE and (stamped(k) or bool(DASHED.match(lines[k])))
    )  # fmt: skip
    return run, signed


def at_length(lines: list[str], roles: list[str], run: list[int], above: str) -> bool:
    """Paragraphs in a row long enough to be the article going on (a comment thread has its writers' names and
    buttons between its comments), two of them at least about what the article above speaks of."""
    size = sum(words_of(lines[k]) for k in run)
    return len(run) >= RUN_PARAGRAPHS and size >= RUN_WORDS and sum(goes_on(lines[k], above) for k in run) >= 2


DASHED = regex(r"^[—–-]\s*[A-Z]")  # a comment's signature after a dash: "— Mihai D., Cluj"
SHORT_DAY = regex(
    rf"(?i)(?:{MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH}|\d+\s*[smhd]|just now|yesterday|today)"
)  # "Nov 18", "2h"


# A button between the article's paragraphs that asks the reader to act, as Substack's "Leave a comment" does; under
# the article's end the same button opens its comments
ASK_BUTTON = regex(r"(?i)^\W*leave a (?:comment|reply)\W*$")
SUBHEAD_WORDS = 12  # a subhead between the paragraphs under a box: a phrase or a question, with a small word in it


def paragraphs_under(lines: list[str], roles: list[str], last: int, subhead_first: bool) -> list[int]:
    """The two paragraphs right under a box's last line, with at most one subhead before them (only under a sign-up
    box, whose heading no next story's title follows) or between them; none when the lines under it are not so."""
    found: list[int] = []
    subheads = 0
    for k in range(last + 1, min(len(lines), last + 4)):
        if roles[k] == "prose":
            found.append(k)
            if len(found) == 2:
                return found
        elif (
            roles[k] == "other"
            and subheads == 0
            and (found or subhead_first and short(lines[k]))
            and is_subhead(lines[k])
        ):
            subheads += 1
        else:
            break
    return []


def short(text: str) -> bool:
    """A subhead right under a box is short, or a question: a longer line there is the next story's title."""
    return words_of(text) <= SHORT_SUBHEAD or text.endswith("?")


SHORT_SUBHEAD = 6


def is_subhead(text: str) -> bool:
    """A subhead in sentence case ("What happens next", "Why now") or a question: not a commenter's or a writer's name,
    which are capitalised words alone."""
    size = words_of(text)
    return (
        2 <= size <= SUBHEAD_WORDS
        and not text.endswith(".")
        and (text.endswith("?") or any(word[:1].islower() for word in text.split()[1:]))
    )


ABOUT_THE_SAME = 0.25  # share of the words of the paragraphs under a box that the article's above it hold


def goes_on(below: str, above: str) -> bool:
    """The text under a box inside the article speaks of what the article's text above it does: the article goes on."""
    after = terms(below)
    return len(after & terms(above)) >= ABOUT_THE_SAME * len(after)
