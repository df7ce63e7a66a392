"""What a pasted page shows over or after its article that is no part of it (readers/dialogs.py): a cookie-consent
dialog, whose purposes are written as sentences, and a paywall's call to log in, where the paste stops. The pages
are written here in the shapes European news sites and registration walls paste in."""

import pytest

from newsletter.readers.text import parse_page

HEADLINE = "Danish PM candidate rejects call to cut immigration"
OPENING = (
    "The leader of the Liberal party has rejected calls from the far right to cut the number of people "
    "granted residence in Denmark, weeks before the general election."
)
SECOND = (
    "He told reporters at a briefing on schools policy that religion would not decide how the country shapes "
    "its immigration rules, though much still needed tightening."
)
# A consent dialog as the IAB's framework lays it out: a heading, a notice, each purpose's name and its paragraph,
# and the buttons; longer than the part of the article a paywall lets through
DIALOG = (
    "Consent to Cookies & Data processing\n"
    "On this website we use cookies and similar functions to process device information and personal data. "
    "The processing is used to integrate content and external services, for statistics and for personalised "
    "advertising. Depending on the function, data is passed on to third parties and processed by them.\n"
    "Store and/or access information on a device\n"
    "Identifiers such as cookies, together with other information such as the type of your browser, can be "
    "stored or read on your device to recognise it each time it connects to an app or to a website.\n"
    "Precise geolocation data, and identification through device scanning\n"
    "Precise geolocation and information about the characteristics of your device can be used for one or "
    "more of the purposes listed here.\n"
    "Personalised advertising and content, advertising and content measurement, audience research\n"
    "Advertising and content can be personalised based on your profile. Your activity on this service can be "
    "used to build or improve a profile about you, and the performance of what you are shown can be measured.\n"
)


def read(text: str):
    notices = []
    result = parse_page(text, "page.txt", notices)
    return result.stories[0], [str(notice) for notice in notices]


@pytest.mark.parametrize("buttons", ["SettingsAccept All", "Accept all", "Reject all | Accept all", "Alle akzeptieren"])
def test_a_cookie_consent_dialog_longer_than_the_article_is_page_furniture(buttons):
    """The dialog's purposes read as sentences and outnumber the article's words: the article is still the text
    under the headline, and the dialog is named as left out."""
    page = (
        f"{DIALOG}{buttons}\nNEWS\nJOBS\n2026 Danish election\n{HEADLINE}\nPublished: 4 Mar 2026\n{OPENING}\n{SECOND}\n"
    )
    lead, notices = read(page)
    assert (lead.headline, lead.headline_unsure) == (HEADLINE, False)
    assert [block.text for block in lead.body] == [OPENING, SECOND]
    assert any("left out as page furniture" in notice and "Consent to Cookies" in notice for notice in notices)


def test_an_article_about_cookies_is_not_a_dialog():
    """A headline naming cookies, with the article's byline and date under it before any button: the article."""
    headline = "Regulator fines publisher over cookie consent banners"
    article = [
        "The data protection regulator has fined a news publisher for consent banners that made refusing "
        "tracking far harder than accepting it, in a ruling published on Wednesday.",
        "The regulator said the publisher's banners hid the option to refuse behind two further screens, while "
        "a single button accepted every purpose at once.",
        "Readers who clicked accept all were tracked for months, the regulator said.",
    ]
    lines = "\n".join(article)
    lead, _ = read(f"Home\n{headline}\nBy Anna Petrova\nMarch 4, 2026\n{lines}\nAccept all\nShare\n")
    assert (lead.headline, [block.text for block in lead.body]) == (headline, article)


@pytest.mark.parametrize("wall", ["Please sign up or log in to continue reading",
                                  "Subscribe to keep reading",
                                  "Join Example.com for free to access this content",
                                  "This article is for subscribers only"])  # fmt: skip
def test_a_paywall_ends_the_article_and_says_the_paste_may_hold_only_its_opening(wall):
    """The article stops where the page asks to log in or subscribe: its call and the registration form under it
    are no part of the story, and the editor is told the page may hold only the article's opening."""
    form = ("Create an account to read our journalism, join our events and get our weekly newsletter, which "
            "we will also use to tell you about offers.\nEmail address\nRegister\n")  # fmt: skip
    lead, notices = read(
        f"Home\nPolitics\n{HEADLINE}\nBy Anna Petrova\nMarch 4, 2026\n{OPENING}\n{SECOND}\n{wall}\n{form}"
    )
    assert [block.text for block in lead.body] == [OPENING, SECOND]
    assert any(wall in notice and "asks to log in or subscribe" in notice for notice in notices), notices


def test_a_whole_article_with_no_paywall_gets_no_such_warning():
    lead, notices = read(f"Home\n{HEADLINE}\nBy Anna Petrova\nMarch 4, 2026\n{OPENING}\n{SECOND}\nShare this article\n")
    assert [block.text for block in lead.body] == [OPENING, SECOND]
    assert not any("subscribe" in notice for notice in notices)


THIRD = (
    "House leaders have not said whether they will bring the election measure to a vote, and several of the "
    "party's members said that the immigration rules were not tight enough."
)


FOURTH = (
    "The Liberal leader said his party would campaign on immigration and schools until the election, according to "
    "a statement published after the briefing."
)


@pytest.mark.parametrize("box", [
    "Sign up for the Politics newsletter\nGet the latest political news delivered to your inbox every weekday.\n"
    "Enter your email\nSign up\nBy signing up you agree to our Terms of Use and Privacy Policy.\n",
    "Subscribe to Morning Brief\nSubscribe\n",
    "Sign up for our daily newsletter\n"])  # fmt: skip
def test_a_newsletter_sign_up_box_between_the_article_s_paragraphs_does_not_end_it(box):
    """The box is left out and named; the article goes on under it."""
    page = (f"Home\n{HEADLINE}\nBy Anna Petrova\nMarch 4, 2026\n{OPENING}\n{SECOND}\n{box}{THIRD}\n{FOURTH}\n"
            "Share\nComments\n")  # fmt: skip
    lead, notices = read(page)
    assert [block.text for block in lead.body] == [OPENING, SECOND, THIRD, FOURTH]
    assert any("left out as page furniture" in notice and box.split("\n")[0] in notice for notice in notices)


ABOUT = ("The Courier is an independent newspaper founded in 1901 and owned by a charitable trust, with reporters "
         "in every county of the region.")  # fmt: skip
COMMENT = ("The immigration rules were never the Liberal leader's to rewrite, and the party's members know the "
           "election will turn on schools instead.")  # fmt: skip


@pytest.mark.parametrize("under", [
    f"Sign up for our daily newsletter\n{ABOUT}\n",
    f"Sign up for our daily newsletter\n{THIRD}\n{ABOUT}\n",
    f"Leave a comment\nMark Jensen\n2h\n{COMMENT}\nLike (4)\nReply\nKaren Holm\n1h\n{THIRD}\nLike\nReply\n",
])  # fmt: skip
def test_a_sign_up_box_or_leave_a_comment_under_the_article_still_ends_it(under):
    """Under the last paragraph, the box and what follows it (a reader's comment on the same story, the site's own
    blurb), or the button and readers' comments, each under its writer's name and over its buttons, are not the
    article's."""
    page = f"Home\n{HEADLINE}\nBy Anna Petrova\nMarch 4, 2026\n{OPENING}\n{SECOND}\n{under}"
    lead, _ = read(page)
    assert [block.text for block in lead.body] == [OPENING, SECOND]


COOKIE_ARTICLE = [
    "Almost every website you visit now asks you to accept cookies, and most of us click the biggest button to "
    "make the banner go away.",
    "Cookies are small files a website stores on your device. Some keep you logged in or remember what is in "
    "your shopping basket.",
    "You do not have to accept them all: sites must let you refuse the ones that are not strictly necessary, "
    "and it should be as easy to say no as yes.",
]


@pytest.mark.parametrize("top", ["", "Home\nNews\nTech\n"])
@pytest.mark.parametrize("button", ["Accept", "Accept all", "OK", "Got it", "I agree"])
def test_an_article_about_cookies_with_a_button_under_it_is_no_dialog(top, button):
    """An explainer whose headline and subhead name cookies, with no byline, and the site's own banner (or a poll's
    answer) under it: all of its paragraphs are the article's."""
    page = (f"{top}Should you accept cookies?\n{COOKIE_ARTICLE[0]}\nWhat are cookies?\n{COOKIE_ARTICLE[1]}\n"
            f"{COOKIE_ARTICLE[2]}\nShare\nThis website uses cookies. By continuing you agree to our cookie policy.\n"
            f"{button}\n")  # fmt: skip
    lead, _ = read(page)
    assert [block.text for block in lead.body if block.kind == "p"] == COOKIE_ARTICLE


@pytest.mark.parametrize("sentence", [
    "Workers join unions to access more support at work, the TUC said.",
    "Residents can register online to view the full list of polling stations.",
    "Readers who reach the end of a free article will be asked to subscribe to continue reading.",
    "Visitors now see the words: this article is for subscribers only.",
    "Parents can sign in to the school app to access more details about the timetable."])  # fmt: skip
def test_a_sentence_that_speaks_of_signing_in_or_subscribing_is_the_article_s(sentence):
    page = f"Home\n{HEADLINE}\nBy Anna Petrova\nMarch 4, 2026\n{OPENING}\n{sentence}\n{SECOND}\n{THIRD}\nShare\n"
    lead, notices = read(page)
    assert [block.text for block in lead.body] == [OPENING, sentence, SECOND, THIRD]
    assert not any("asks to log in" in notice for notice in notices)


@pytest.mark.parametrize("promo", ["Sign up to our politics newsletter to read more stories like this",
                                  "Already a subscriber? Log in", "Subscribers only"])  # fmt: skip
def test_a_call_to_subscribe_with_the_article_going_on_under_it_cuts_nothing(promo):
    """A promo or a nudge set between the article's paragraphs, with the article going on under it: no paywall."""
    page = f"Home\n{HEADLINE}\nBy Anna Petrova\nMarch 4, 2026\n{OPENING}\n{promo}\n{SECOND}\n{THIRD}\nShare\n"
    lead, notices = read(page)
    assert [block.text for block in lead.body if block.text != promo] == [OPENING, SECOND, THIRD]
    assert not any("asks to log in" in notice for notice in notices)


@pytest.mark.parametrize("footer", ["Subscribe to read more local news from The Ledger",
                                   "Already a subscriber? Sign in to manage your account"])  # fmt: skip
def test_a_complete_article_s_footer_promo_raises_no_paywall_warning(footer):
    lead, notices = read(f"Home\n{HEADLINE}\nBy Anna Petrova\nMarch 4, 2026\n{OPENING}\n{SECOND}\n{footer}\n")
    assert [block.text for block in lead.body] == [OPENING, SECOND]
    assert not any("asks to log in" in notice for notice in notices)


def test_a_german_consent_dialog_over_the_page_is_page_furniture():
    dialog = ("Datenschutz-Einstellungen\n"
              "Wir nutzen Cookies auf unserer Website. Einige von ihnen sind essenziell, während andere uns helfen, "
              "diese Website und Ihre Erfahrung zu verbessern.\n"
              "Wenn Sie unter 16 Jahre alt sind und Ihre Zustimmung zu freiwilligen Diensten geben möchten, müssen "
              "Sie Ihre Erziehungsberechtigten um Erlaubnis bitten.\nAlle akzeptieren\n")  # fmt: skip
    article = ("Der Stadtrat hat am Donnerstagabend mit großer Mehrheit den Bau eines neuen Radwegs entlang des "
               "Innenstadtrings beschlossen, der im Frühjahr beginnen soll.\n"
               "Die Arbeiten sollen etwa zwei Jahre dauern, und die Kosten werden auf rund zwölf Millionen Euro "
               "geschätzt, wie die Verwaltung mitteilte.\n")  # fmt: skip
    lead, _ = read(f"{dialog}Startseite\nPolitik\nStadtrat beschließt neuen Radweg am Ring\n25.09.2026\n{article}")
    assert lead.headline == "Stadtrat beschließt neuen Radweg am Ring"
    assert [block.text for block in lead.body] == article.strip().split("\n")


BRIEF = [
    "Britain's data watchdog has fined a fitness app maker for failing to protect the location data of more than a "
    "million users.",
    "The regulator said the company had shared users' running routes, which often began at their homes, with its "
    "advertising partners.",
    "The company said it had changed its privacy settings so that routes are hidden by default.",
]


@pytest.mark.parametrize("top", ["The Byte\nNews\nReviews\nPrivacy\nSecurity\nSign in\n",
                                 "Cookie settings\nThe Byte\nNews\nReviews\n", "Privacy\n"])  # fmt: skip
def test_a_short_piece_on_privacy_under_a_menu_s_privacy_link_and_over_the_site_s_banner_is_no_dialog(top):
    """No dialog's heading over its notice: a menu's "Privacy", a top bar's "Cookie settings", a kicker. The site's
    cookie banner at the foot is its own furniture."""
    headline = "Fitness app fined over runners' location data"
    brief = "\n".join(BRIEF)
    page = f"{top}{headline}\n{brief}\nShare\nWe use cookies to improve your experience on our site.\nAccept\n"
    lead, _ = read(page)
    assert (lead.headline, [block.text for block in lead.body]) == (headline, BRIEF)


@pytest.mark.parametrize("call", ['"Register to continue reading," it says, and asks for an email address.',
                                  "Sign in to read this article, the site told visitors, even those signed in.",
                                  "Sign up for free to keep reading essays like this every Sunday"])  # fmt: skip
def test_a_call_quoted_reported_or_promoted_in_an_essay_cuts_nothing(call):
    """The call in quotation marks, reported, or a promo, in a piece written in the first and second person: the
    article goes on under it."""
    essay = [
        "If you read news online, you have probably seen it: you click on a story, read two paragraphs, and then a "
        "box slides up and asks for your email address.",
        "I stopped clicking away a year ago. Publishers told me registration walls are now their main way to learn "
        "who their readers are.",
        "Once you have registered, you usually get a few free articles a month, and we all get more of the ads we "
        "never asked for.",
    ]
    page = f"Home\n{HEADLINE}\nBy Anna Petrova\nMarch 4, 2026\n{essay[0]}\n{call}\n{essay[1]}\n{essay[2]}\nShare\n"
    lead, notices = read(page)
    assert [block.text for block in lead.body if block.text != call] == essay
    assert not any("asks to log in" in notice for notice in notices)


def test_a_login_for_the_comments_under_a_complete_article_raises_no_paywall_warning():
    page = (
        f"Home\n{HEADLINE}\nBy Anna Petrova\nMarch 4, 2026\n{OPENING}\n{SECOND}\nSign in to continue reading comments\n"
    )
    lead, notices = read(page)
    assert [block.text for block in lead.body] == [OPENING, SECOND]
    assert not any("asks to log in" in notice for notice in notices)


def test_a_wall_s_message_inside_a_whole_article_cuts_nothing_and_a_related_list_s_label_raises_nothing():
    """The article goes on under a wall's line (its paragraphs speak "about" the plan, of "a month"): no cut; a
    related list's "This article is for subscribers only" label under a complete article: no warning."""
    going_on = ("Ministers said more about the plan would follow in a month, when the regulator publishes its "
                "review of the sector.")  # fmt: skip
    page = (f"Home\n{HEADLINE}\nBy Anna Petrova\nMarch 4, 2026\n{OPENING}\nSubscribe to keep reading\n{going_on}\n"
            f"{SECOND}\nShare\n")  # fmt: skip
    lead, notices = read(page)
    assert [block.text for block in lead.body if "Subscribe" not in block.text][-2:] == [going_on, SECOND]
    assert not any("asks to log in" in notice for notice in notices)
    related = "Why your council tax keeps going up\nThis article is for subscribers only\nMinisters promise reform\n"
    page = f"Home\n{HEADLINE}\nBy Anna Petrova\nMarch 4, 2026\n{OPENING}\n{SECOND}\nMore from Politics\n{related}"
    lead, notices = read(page)
    assert [block.text for block in lead.body] == [OPENING, SECOND]
    assert not any("asks to log in" in notice for notice in notices)


def test_le_monde_s_wall_in_its_own_words():
    wall = "Il vous reste 78% de l'article à lire. La suite est réservée aux abonnés."
    lead, notices = read(
        f"Accueil\n{HEADLINE}\nPar Anna Petrova\n4 mars 2026\n{OPENING}\n{SECOND}\n{wall}\nS'abonner\n"
    )
    assert [block.text for block in lead.body] == [OPENING, SECOND]
    assert any("asks to log in or subscribe" in notice for notice in notices)


# A newsletter's own article, pasted from a Ghost or Substack page: its paragraphs and subheads go on under a sign-up
# card or a "Leave a comment" button; no blank lines between the paragraphs, as Substack's paste gives them
GOES_ON = [
    "The Liberal leader cannot easily give ground. Immigration is the far right's signature issue, and conceding "
    "residence rules to it would hand the party the argument it has made since the last election.",
    "What happens next",
    "There are three plausible outcomes. The first is a fudge: a small change to the residence rules, announced "
    "before the election, which both the Liberal party and the far right can present as a victory.",
    "The second is a rupture, in which the far right leaves the talks on immigration and the Liberal leader "
    "campaigns alone on schools and residence rules until the election.",
]


@pytest.mark.parametrize("box", [
    "Sign up for The Eastern Flank\nWeekly analysis of security and politics on NATO's eastern edge.\nSubscribe\n",
    "Sign up for the Today, Explained newsletter\nUnderstand the world with a daily explainer.\nEmail (required)\n"
    "Sign Up\nBy submitting your email, you agree to our Terms and Privacy Notice.\n"])  # fmt: skip
@pytest.mark.parametrize("subhead_first", [False, True])
def test_the_article_goes_on_under_a_sign_up_card_with_a_subhead_under_it(box, subhead_first):
    """Under the card: a paragraph and a subhead, or the subhead first; the article goes on, the card is named."""
    going_on = [GOES_ON[1], GOES_ON[0], *GOES_ON[2:]] if subhead_first else GOES_ON
    page = (f"Home\n{HEADLINE}\nBy Anna Petrova\nMarch 4, 2026\n{OPENING}\n{SECOND}\n{box}" + "\n".join(going_on)
            + "\nShare\nComments\n")  # fmt: skip
    lead, notices = read(page)
    assert [block.text for block in lead.body] == [OPENING, SECOND, *going_on]
    assert any("left out as page furniture" in notice and box.split("\n")[0][:30] in notice for notice in notices)


def test_the_article_goes_on_at_length_under_a_leave_a_comment_button():
    """Substack's button between the article's paragraphs: the first paragraph under it speaks of other things than
    those above it, but the three go on at length, with nothing between them: the article's, though shorter."""
    under = [
        "That income band matters because it is where the last election was decided, and where the pollsters "
        "disagree most about turnout. Voters there rarely answer the phone, move often, and make up their minds "
        "late, which is why a single survey of them says so little.",
        "There are two caveats. The first is that phone surveys reach older immigration voters more easily than "
        "younger ones, and the election measure depends on the young, who register late and vote, when they vote "
        "at all, in the last week.",
        "The second caveat is that approval of the Liberal leader and his party's vote intention are drifting apart, "
        "which rarely lasts until an election. One of them will move towards the other before the campaign ends, and "
        "the polls cannot yet say which.",
    ]
    above = [OPENING, SECOND, THIRD, FOURTH, GOES_ON[0], GOES_ON[2], GOES_ON[3]]
    page = (f"Home\n{HEADLINE}\nAnna Petrova\nMar 4, 2026\n" + "\n".join(above) + "\nLeave a comment\n"
            + "\n".join(under) + "\nSubscribe\nDiscussion about this post\n")  # fmt: skip
    lead, notices = read(page)
    assert [block.text for block in lead.body] == [*above, *under]
    assert any("left out as page furniture" in notice and "Leave a comment" in notice for notice in notices)


THIRD = (
    "The party's candidate in Copenhagen said the debate had shown how far the centre of Danish politics has moved "
    "in a decade, and that the election would be decided by voters who had not yet made up their minds."
)


@pytest.mark.parametrize("label", ["Generated by AI\nKey takeaways", "AI-generated summary", "Ringkasan berita"])
def test_a_summary_a_machine_wrote_over_the_article_is_left_out_and_named(label):
    """A news site's AI summary box (its label, a heading, three short points) and the site's call to add it as a
    preferred source, between the header and the article: the article starts at its own first paragraph."""
    points = ["The Liberal leader rejected a cut in residence permits.", "Religion will not decide the rules, he said."]
    page = (
        f"News\n{HEADLINE}\nAnna Petrova, Reuters\nWed, March 4, 2026 at 4:12 PM UTC\n4 min read\n{label}\n"
        + "\n".join(points)
        + "\nAdd Example News as a preferred source to see more of our stories on Google.\n"
        + f"{OPENING}\n{SECOND}\n{THIRD}\n"
    )
    lead, notices = read(page)
    assert [block.text for block in lead.body] == [OPENING, SECOND, THIRD]
    assert any("left out" in notice and label.split("\n")[0] in notice for notice in notices)


def test_a_site_s_appeal_box_of_paragraphs_over_the_article_is_left_out_and_named():
    """The Independent's shape: under the header, "Your support helps us to tell the story", three paragraphs of the
    site's appeal (longer than the article's own, one asking for a donation), "Your support makes all the
    difference." and "Read more": the article starts at its own first paragraph."""
    appeal = [
        "From elections to climate change to Big Tech, Example News is on the ground when the story is developing, "
        "whether that means investigating the finances of campaigns or speaking to the voters in the towns where "
        "the vote will be decided, so that you get the whole story and not only the part of it that is shouted.",
        "At such a critical moment, we need reporters on the ground. Your donation allows us to keep sending "
        "journalists to speak to both sides of the story.",
        "Example News is trusted by readers across the entire political spectrum, and unlike many other news "
        "outlets, we choose not to lock readers out of our reporting with a paywall.",
    ]
    page = (
        f"News\n{HEADLINE}\nAnna Petrova\nPolitical Correspondent\nWednesday 4 March 2026 18:04 GMT\n"
        "Your support helps us to tell the story\n" + "\n".join(appeal)
        + f"\nYour support makes all the difference.\nRead more\n{OPENING}\n{SECOND}\n{THIRD}\n"
    )  # fmt: skip
    lead, notices = read(page)
    assert [block.text for block in lead.body] == [OPENING, SECOND, THIRD]
    assert any("left out" in notice and appeal[0][:30] in notice for notice in notices)


def test_a_site_s_appeal_box_of_paragraphs_under_the_article_is_left_out_and_named():
    """Vox's shape: under the last paragraph, "You've read 1 article in the last month", two paragraphs of the
    site's mission, one asking the reader to become its member, and "We rely on readers like you — join us.": the
    article ends at its own last paragraph."""
    appeal = [
        "Here at Example News, we are unwavering in our commitment to covering the issues that matter most to you, "
        "from threats to democracy to immigration and the rising polarization across this country and its parties.",
        "Our mission is to provide clear, accessible journalism that empowers you to stay informed. By becoming an "
        "Example Member, you directly strengthen our ability to deliver in-depth, independent reporting.",
    ]
    page = (
        f"News\n{HEADLINE}\nAnna Petrova\nWednesday 4 March 2026 18:04 GMT\n{OPENING}\n{SECOND}\n{THIRD}\n"
        "You've read 1 article in the last month\n" + "\n".join(appeal)
        + "\nWe rely on readers like you — join us.\nMembership\nMonthly\nAnnual\n"
    )  # fmt: skip
    lead, notices = read(page)
    assert [block.text for block in lead.body] == [OPENING, SECOND, THIRD]
    assert any("left out" in notice and appeal[0][:30] in notice for notice in notices)


def test_a_machine_s_takeaways_over_the_byline_are_left_out_and_the_title_stays_the_headline():
    """Bloomberg's shape: the title, "Takeaways by <site> AI" and its "Hide" button, three short points that hold
    the article's words, then the byline and date, a tip line, and the article: the points are no headline and no
    part of the article, which starts at its own first paragraph."""
    points = [
        "The Liberal leader rejected calls from the far right to cut residence permits in Denmark.",
        "Religion will not decide the immigration rules, he told reporters at a schools briefing.",
        "The general election is weeks away.",
    ]
    page = (
        f"News\nPolitics\n{HEADLINE}\nTakeaways by Example AI\nHide\n" + "\n".join(points)
        + f"\nBy Anna Petrova\nMarch 4, 2026 at 4:12 PM UTC\nConfidential tip?\nSend a tip to our reporters\n"
        f"{OPENING}\n{SECOND}\n{THIRD}\n"
    )  # fmt: skip
    lead, notices = read(page)
    assert lead.headline == HEADLINE
    assert [block.text for block in lead.body] == [OPENING, SECOND, THIRD]
    assert any("left out" in notice and points[0][:30] in notice for notice in notices)


def test_a_summary_a_machine_wrote_under_its_heading_keeps_the_article_s_short_first_paragraph():
    """Yle's shape: a heading ("The article in brief"), the line that says a machine wrote the summary, three points
    of ten words, then the article, whose first paragraph is short too (but longer than the points): the heading,
    the line and the points are left out, the first paragraph kept."""
    points = [
        "The Liberal leader rejected a cut in residence permits today.",
        "Religion will not decide the immigration rules, he told reporters.",
        "The general election in Denmark is now only weeks away.",
    ]
    first = "The leader of the Liberal party has rejected calls from the far right to cut immigration, he said."
    page = (
        f"News\n{HEADLINE}\nAnna Petrova\n4.3.2026 14:20\nThe article in brief\n"
        "This summary was generated by AI and checked by an editor.\n" + "\n".join(points)
        + f"\n{first}\n{SECOND}\n{THIRD}\n"
    )  # fmt: skip
    lead, notices = read(page)
    assert [block.text for block in lead.body] == [first, SECOND, THIRD]
    assert any("left out" in notice and "The article in brief" in notice for notice in notices)


def test_an_article_s_own_short_points_under_a_heading_stay_without_a_machine_s_label():
    """'Key takeaways' with no machine's label over it, inside the article: the writer's points, kept."""
    points = ["The Liberal leader rejected a cut in residence permits.", "Religion will not decide the rules, he said."]
    page = f"News\n{HEADLINE}\nPublished: 4 Mar 2026\n{OPENING}\n{SECOND}\nKey takeaways\n" + "\n".join(points) + "\n"
    lead, _ = read(page + THIRD + "\n")
    assert [block.text for block in lead.body][-3:-1] == points


@pytest.mark.parametrize(
    "after",
    [
        "ENDS\nNotes to Editors\nThe written ministerial statement can be read on the parliament's website, and the "
        "party's full response to it is available from the press office on request.\nDonate\n",
        "Notes to editors:\nThe full text of the proposal and the questions and answers on the package are available "
        "on the Commission's website, together with the statement by the President.\n",
        'This article appeared in the Europe section of the print edition under the headline "Borrowed majorities"\n',
        "Sobre la firma\nClara Benavides\nPeriodista de la sección de España. Cubre la política de Castilla y León "
        "desde 2019 y antes trabajó en la radio pública de la región durante una década.\n",
        "For more information:\nPress office, the Liberal party\npress@example.org\n+45 33 92 33 00\n",
        "For more information\nInterviews with the party's leader about the immigration rules can be arranged by "
        "calling Tom Reed on 07700 900 812.\nThe Liberal party is the oldest of Denmark's parties, founded in 1870, "
        "and has led the government after eleven elections since 1901.\n",
        "For more information\nJournalists who would like to interview the party's leader about the immigration rules "
        "and the election campaign should contact the Liberal party's communications team.\nThe Liberal party is the "
        "oldest of Denmark's parties, founded in 1870, and has led the government after eleven elections since 1901, "
        "the last of them in 2019.\n",
        "jh/rt (dpa, Reuters, AFP)\nDW recommends\nDenmark's immigration rules in numbers\nThe Liberal party's "
        "leader rejected a cut in residence permits, weeks before the election. The far right wants more.\nOpinion: "
        "Denmark must be honest about immigration\nThe election will not be decided by religion, the Liberal leader "
        "said, but by the immigration rules and the schools, writes our correspondent.\n",
    ],
)
def test_a_press_release_s_end_and_a_print_edition_s_tag_line_end_the_article(after):
    """What a press release prints under its last paragraph ("ENDS", "Notes to editors"), a magazine's
    line about its print edition, El País's box about the writer, Deutsche Welle's editors' initials and wires over
    its box of two other stories on the same subject: the article ends at its own last paragraph."""
    lead, _ = read(f"News\n{HEADLINE}\nPublished: 4 Mar 2026\n{OPENING}\n{SECOND}\n{THIRD}\n{after}")
    assert [block.text for block in lead.body] == [OPENING, SECOND, THIRD]


@pytest.mark.parametrize(
    "note",
    [
        "This article has been updated.",
        "Editor's note: This story was updated to correct the name of the party's candidate in Copenhagen.",
        "(Updates with the party leader's comment in third paragraph.)",
        "Translation of an original article published in Danish; the publisher may only be liable for the Danish "
        "version.",
        "The views expressed in this article are the author's own and do not necessarily reflect the site's "
        "editorial stance.",
        "This work represents the views and opinions solely of the author.",
        "Do you have an opinion on the issues raised in this article? If you would like to submit a letter of up to "
        "300 words, email it to us.",
        "（注：本文仅代表作者本人观点。）",
        "A Message from Example News:\nDear readers,\nWe are facing unprecedented challenges. The authorities have "
        "designated Example News an undesirable organization, criminalizing our work and putting our staff at risk "
        "of prosecution.\nWe need your help to keep reporting. Please support us.",
    ],
)
def test_a_site_s_note_under_the_article_ends_it_and_is_named(note):
    """What a site sets under an article's last paragraph about the article itself (it was updated or corrected, it
    is a translation, it speaks for its writer alone, letters are welcome): no paragraph of it, left out and named."""
    lead, notices = read(f"News\n{HEADLINE}\nPublished: 4 Mar 2026\n{OPENING}\n{SECOND}\n{THIRD}\n{note}\n")
    assert [block.text for block in lead.body] == [OPENING, SECOND, THIRD]
    assert any("left out" in notice and note.split("\n")[0][:30] in notice for notice in notices)


def test_an_editor_s_note_over_the_article_stays_its_first_paragraph():
    """The same words over the article, before an article's worth of paragraphs: the editor's note that opens it
    (who the writer is, that the views are theirs), kept."""
    note = "The views expressed in this commentary are the author's own: she led the party's campaign in 2019."
    lead, _ = read(f"News\n{HEADLINE}\nPublished: 4 Mar 2026\n{note}\n{OPENING}\n{SECOND}\n{THIRD}\n")
    assert [block.text for block in lead.body] == [note, OPENING, SECOND, THIRD]


OPENS = (
    "The party's press office told voters who want more information on the immigration rules to read the election "
    "programme, which the Liberal leader said would not cut residence permits."
)


@pytest.mark.parametrize(
    ("heading", "first"),
    [
        ("For more information", OPENS),
        # a helpline for the article's readers: no release's contact
        ("For more information", "Voters can check whether the immigration rules change their residence permits on "
         "the party's website or by calling 0333 103 1928."),
        ("Have your say", OPENS),  # a council's subhead over how to answer its consultation, not readers' comments
    ],
)  # fmt: skip
def test_for_more_information_as_a_subhead_with_the_article_going_on_under_it_is_no_end(heading, first):
    """A release's "For more information" heading, or "Have your say", quoted as a subhead in an article that goes on
    under it about the same election (a government's page may give its helpline there): the article is not cut there,
    and the heading stays its subhead."""
    below = [
        first,
        "Its candidates in Copenhagen repeated that religion would not decide the immigration rules for 2025-2026, and "
        "that the election would turn on schools policy as much as on residence.",
    ]
    page = f"News\n{HEADLINE}\nPublished: 4 Mar 2026\n{OPENING}\n{SECOND}\n{heading}\n" + "\n".join(below)
    lead, _ = read(page + f"\n{THIRD}\n")
    assert [block.text for block in lead.body] == [OPENING, SECOND, heading, *below, THIRD]


@pytest.mark.parametrize(
    "appeal",
    [
        "We need your help to keep reporting. Please support us.",
        "Join the Courier's Telegram channel and get the latest breaking news delivered to you.",
        "Мы работаем для вас. Нам нужна ваша поддержка. Подпишитесь на регулярное пожертвование.",
        "Get Today's Headlines in your inbox:",
        "Need to know more? 50% off home delivery of The Times.",
        "Have a confidential tip for our reporters?",
        "Stay updated on the go with Times of India News App. Click here to download it for your device.",
        "To find reference information about the words used in this article, double-click on any word.",
        "Mashable is a global, multi-platform media and entertainment company.",
    ],
)
def test_the_site_s_appeal_under_the_article_is_left_out(appeal):
    """An exiled site's call for donations, a paper's call to follow it on a messaging app, in English or Russian;
    under the last paragraph, a short line that sells the reader something of nothing the article speaks of (the
    site's newsletter, subscription, tip line or app) or the site's word about itself: they quote no one, so they
    are the site's, not the article's, left out and named."""
    lead, notices = read(f"News\n{HEADLINE}\nPublished: 4 Mar 2026\n{OPENING}\n{SECOND}\n{THIRD}\n{appeal}\n")
    assert [block.text for block in lead.body] == [OPENING, SECOND, THIRD]
    assert any(appeal[:20] in notice for notice in notices)


@pytest.mark.parametrize(
    "last",
    [
        "So when you vote next month, ask the Liberal leader where he stands on residence permits.",
        "We should all be worried.",
        "Et vous, qu'en pensez-vous ?",
        "See you on Thursday.",
        "Which is it?",
        "Prezydent ma 21 dni na jej podpisanie i może ją zawetować.",  # Polish "i" is "and", no "I"
    ],
)
def test_a_column_s_last_words_to_its_reader_stay_the_article_s(last):
    """A column, an editorial or a newsletter that ends speaking to its reader, or asking, sells nothing: its last
    paragraph, however few of the article's words it holds; so is a foreign article's last line whose small words
    look like "I" or "you" in English."""
    lead, _ = read(f"News\n{HEADLINE}\nPublished: 4 Mar 2026\n{OPENING}\n{SECOND}\n{THIRD}\n{last}\n")
    assert lead.body[-1].text == last


def test_a_reported_call_for_help_stays_the_article_s():
    """The same words, reported in the article with their speaker and quoted: the article's last paragraph."""
    quoted = '"We need your help, please support us," the mayor told residents, according to the council.'
    lead, _ = read(f"News\n{HEADLINE}\nPublished: 4 Mar 2026\n{OPENING}\n{SECOND}\n{quoted}\n")
    assert lead.body[-1].text == quoted


def test_a_picture_s_generated_by_ai_badge_over_short_paragraphs_leaves_them_the_article_s():
    """ "Generated by AI" alone, a fake picture's badge, over an article written in short paragraphs (no heading of
    points under it): the paragraphs are the article's, not a machine's summary."""
    short = [
        "A fake image of the prime minister shaking hands with the opposition leader is spreading online.",
        "Why it matters: It is the third fake made by a machine to go viral this campaign.",
        "Fact-checkers traced it to an account that has posted two others.",
    ]
    lead, _ = read(f"News\n{HEADLINE}\nPublished: 4 Mar 2026\nGenerated by AI\n" + "\n".join(short) + f"\n{OPENING}\n")
    assert [block.text for block in lead.body] == [*short, OPENING]


def test_have_your_say_over_paragraphs_and_the_page_s_own_comments_heading_is_a_subhead():
    """A council's story whose subhead "Have your say" tells readers how to answer a consultation, in a few short
    paragraphs of other words than the article's above, then the page's own "Comments" heading: the article runs to
    its last paragraph, the subhead inside it."""
    below = [
        "The consultation runs until Friday, April 24, and forms are at the library and online.",
        "Officers will hold a drop-in session at the Corn Exchange on Wednesday afternoon.",
        "A final decision is expected at a cabinet meeting in June.",
    ]
    page = f"News\n{HEADLINE}\nPublished: 4 Mar 2026\n{OPENING}\n{SECOND}\nHave your say\n" + "\n".join(below)
    lead, _ = read(page + "\nComments\nAdd a comment\nMost read\n")
    assert [block.text for block in lead.body] == [OPENING, SECOND, "Have your say", *below]


def test_notes_between_thousands_of_paragraphs_are_read_with_bounded_work(monkeypatch):
    """A hostile paste of 2,000 lines, a paragraph and an update note taking turns: each note is weighed against the
    words of the paragraphs over it, counted once as the lines are read, not again for each note (which made the
    work grow with the square of the paste: 80,000 notes would have taken over a minute)."""
    import newsletter.readers.ends as ends
    from newsletter.readers.lines import Line
    from newsletter.readers.text import classify

    counted = 0
    words_of = ends.words_of

    def counting(text: str) -> int:
        nonlocal counted
        counted += 1
        return words_of(text)

    monkeypatch.setattr(ends, "words_of", counting)
    texts = [OPENING if k % 2 == 0 else "This article has been updated." for k in range(2000)]
    roles = classify([Line(k + 1, text) for k, text in enumerate(texts)])
    assert roles.count("end") == 999 and counted <= 2 * len(texts)  # (the first under too few words: no end)


THREAD = (
    "(View all)\nnordic_reader\n2 days ago at 07:52 am\nIt is good to see a party leader say plainly that religion "
    "will not decide who may stay, whatever one thinks of the rules themselves.\nRating: 36 Votes\nkastrup88\n"
    "2 days ago at 07:47 am\nI think we will see the same promise from every party before the vote, and the same "
    "tightening after it, as we did after the last election and the one before that.\nRating: 25 Votes\n"
    "[ Read All Comments ]\n"
)


@pytest.mark.parametrize("heading", ["Top Rated Comments", "Most recent comments", "Latest Comments (12)"])
def test_a_comment_thread_under_a_heading_that_says_which_comments_ends_the_article(heading):
    """A thread of readers' comments under a heading that says which it shows ("Top Rated Comments", a tech site's):
    the comments, each a reader's sentences, were kept as the article's last paragraphs. The article ends at its own
    last paragraph, and the heading is named among what was left out."""
    lead, notices = read(f"News\n{HEADLINE}\nPublished: 4 Mar 2026\n{OPENING}\n{SECOND}\n{THIRD}\n{heading}\n{THREAD}")
    assert [block.text for block in lead.body] == [OPENING, SECOND, THIRD]
    assert any("left out" in notice and heading in notice for notice in notices)


def test_a_top_comment_shown_inside_the_article_does_not_end_it():
    """One reader's comment shown between two paragraphs ("Top Comment", then "Join In"): the article goes on under
    it, so that heading, of one comment, ends nothing."""
    fourth = ("The party will publish its full programme on immigration next week, its press office said, after the "
              "leaders' debate on national television.")  # fmt: skip
    comment = "I always hear promises like this before an election and never after it, whoever wins in the end."
    lead, _ = read(f"News\n{HEADLINE}\nPublished: 4 Mar 2026\n{OPENING}\n{SECOND}\nTop Comment\n{comment}\nJoin In\n"
                   f"{THIRD}\n{fourth}\n")  # fmt: skip
    assert [block.text for block in lead.body][-2:] == [THIRD, fourth]


@pytest.mark.parametrize(
    "after",
    [
        "- 30 -\nContacts\nMedia Relations, 555-0100\nThe Ministry of Immigration and Integration is responsible for "
        "residence permits, citizenship and the integration of newcomers to Denmark.\n",
        "About the Liberal Party\nThe Liberal Party is the oldest of Denmark's parties, founded in 1870, and has led "
        "eleven governments since 1901.\n",
        "Über Anna Petrova\nAls Korrespondentin in Kopenhagen berichtet Anna Petrova seit 2019 über die Politik der "
        "nordischen Länder.\n",
    ],
)
def test_a_release_s_end_mark_and_the_note_about_whoever_sent_it_end_the_article(after):
    """A government's or a wire's release ends with "- 30 -"; a release or a report with a note about the
    organisation that sent it ("About the Liberal Party", its paragraph saying what it is), a blog with one about its
    writer (the byline's name): no paragraph of them is the article's, and they are named among what was left out."""
    lead, notices = read(f"News\n{HEADLINE}\nBy Anna Petrova\nPublished: 4 Mar 2026\n{OPENING}\n{SECOND}\n{THIRD}\n"
                         f"{after}")  # fmt: skip
    assert [block.text for block in lead.body] == [OPENING, SECOND, THIRD]
    assert any("left out" in notice and after.split("\n")[0] in notice for notice in notices)


def test_a_subhead_about_the_article_s_subject_keeps_the_paragraphs_under_it():
    """ "About the survey" over the article's note on its poll, in the article's words ("The survey was ..."): a
    subhead, not an organisation's note, so what follows stays the article's."""
    method = ("The survey was carried out online among 1,200 adults between March 3 and 9 for the Liberal party's "
              "campaign and weighted by age, sex and region.")  # fmt: skip
    lead, _ = read(f"News\n{HEADLINE}\nPublished: 4 Mar 2026\n{OPENING}\n{SECOND}\n{THIRD}\nAbout the survey\n"
                   f"{method}\n")  # fmt: skip
    assert [block.text for block in lead.body][-1] == method


LAST = "The new parliament must meet within 30 days."  # a short last sentence, as a caption's might be


@pytest.mark.parametrize(
    "sign_off", ["mrc/dpa/Reuters", "– TIMES/AFP/NA", "(AFP)", "Source: Al Jazeera and news agencies"]
)
@pytest.mark.parametrize("under", ["Tags\nElections\nDenmark\n", "Advertisement\nMore from Politics\nA title\n", ""])
def test_the_article_s_last_sentence_over_its_wires_or_source_is_no_caption(sign_off, under):
    """A short last sentence over the wires the article draws on ("mrc/dpa/Reuters") or its source line, with
    nothing of the article under them: the line looks like a photo's credit and the sentence like its caption, and
    the sentence was lost. It is the article's last paragraph; the sign-off is left out, and named."""
    lead, notices = read(f"News\n{HEADLINE}\nPublished: 4 Mar 2026\n{OPENING}\n{SECOND}\n{THIRD}\n{LAST}\n{sign_off}\n"
                         f"{under}")  # fmt: skip
    assert [block.text for block in lead.body] == [OPENING, SECOND, THIRD, LAST]
    assert any("left out" in notice and sign_off in notice for notice in notices)


def test_a_photo_s_caption_and_its_photographer_s_credit_under_the_article_stay_a_caption():
    """A photo under the article's last paragraph, its caption over its photographer and agency ("Jane Doe/Reuters"):
    a photo's credit, no sign-off, so its caption is no paragraph."""
    lead, _ = read(f"News\n{HEADLINE}\nPublished: 4 Mar 2026\n{OPENING}\n{SECOND}\n{THIRD}\n"
                   "Supporters wait outside the party's offices.\nJane Doe/Reuters\nTags\nElections\n")  # fmt: skip
    assert [block.text for block in lead.body] == [OPENING, SECOND, THIRD]


def test_the_site_s_mark_after_the_article_s_last_sentence_keeps_it_a_paragraph():
    """Daily Maverick's "DM" after the last sentence: the line was no paragraph (no full stop at its end) and the
    article lost it."""
    last = "The prime minister is expected to address the party's executive committee on Thursday. DM"
    lead, _ = read(f"News\n{HEADLINE}\nPublished: 4 Mar 2026\n{OPENING}\n{SECOND}\n{THIRD}\n{last}\nComments\n")
    assert [block.text for block in lead.body] == [OPENING, SECOND, THIRD, last]


@pytest.mark.parametrize(
    "asks",
    [
        # a membership appeal in paragraphs, as a reader-funded site sets it under each article
        "We don't have a paywall, and we don't have a billionaire owner. Our newsroom is funded by our readers, more "
        "than 15,000 members who believe this journalism matters.\nIf you value our reporting, please consider "
        "becoming a member. It takes a minute, and it keeps us going.\n",
        # a newsletter's sign-off, and a site's ask to follow it
        "Thanks for reading The Nordic Ballot! This post is public so feel free to share it.\n",
        "Follow The Copenhagen Post on X, LinkedIn and Facebook for news from Denmark.\n",
        "Simak breaking news dan berita pilihan kami langsung di ponselmu lewat WhatsApp Channel.\n",
        # ... and an appeal whose every paragraph does not name what it asks for
        "That's why we started The Copenhagen Post ten years ago, to give readers like you the news of Denmark.\n"
        "So now we have a request. If the Post matters to you, please consider becoming a member.\n",
    ],
)
def test_the_site_s_asks_of_its_readers_under_the_article_are_not_its_paragraphs(asks):
    """What the site asks of its readers under the article, written in sentences (become a member, follow us, share
    this post): the article's last paragraphs had been those asks. They are left out, and named."""
    lead, notices = read(f"News\n{HEADLINE}\nPublished: 4 Mar 2026\n{OPENING}\n{SECOND}\n{THIRD}\n{asks}")
    assert [block.text for block in lead.body] == [OPENING, SECOND, THIRD]
    assert any("left out" in notice and asks[:30] in notice for notice in notices)


@pytest.mark.parametrize(
    "last",
    [
        "Streaming has changed that: you can now watch every debate from a single subscription, the party says.",
        "Anna Petrova can be reached at anna.petrova@example.com. Follow her on X @annapetrova.",
    ],
)
def test_an_article_s_own_talk_of_subscriptions_or_its_writer_s_contact_stays_the_article(last):
    """A last paragraph about subscriptions that does not speak as the site or ask anything, and the writer's own
    contact (an address, a handle), are the article's: kept."""
    lead, _ = read(f"News\n{HEADLINE}\nPublished: 4 Mar 2026\n{OPENING}\n{SECOND}\n{THIRD}\n{last}\n")
    assert [block.text for block in lead.body][-1] == last


@pytest.mark.parametrize(
    "after",
    [
        "Explore more on these topics\nDenmark\nImmigration\nReuse this content\n"
        "… we have a small favour to ask. Millions have placed their trust in our journalism since we began, and we "
        "keep it free for everyone to read, funded by readers like you.\n",
        "Zum Thema\nDänemark wählt: Die wichtigsten Fragen\nForum\n226 Postings\nLeser aus Odense\nvor 2 Stunden\n"
        "Das ist genau so. Bei uns im Ort gibt es keinen Bankomat mehr und keinen Postpartner, und niemand wundert "
        "sich darüber.\n",
        "Anna Petrova does not work for, consult, own shares in or receive funding from any company or organisation "
        "that would benefit from this article.\n",
    ],
)
def test_a_tags_heading_a_german_related_or_comments_heading_and_a_writer_s_disclosure_end_the_article(after):
    """The Guardian's "Explore more on these topics" over its tags (its appeal for money further down), a German
    site's "Zum Thema" and "226 Postings", The Conversation's disclosure under each article it publishes."""
    lead, notices = read(f"News\n{HEADLINE}\nBy Anna Petrova\n{OPENING}\n{SECOND}\n{THIRD}\n{after}")
    assert [block.text for block in lead.body] == [OPENING, SECOND, THIRD]
    named = "226 Postings" if after.startswith("Zum Thema") else after.split("\n")[0][:30]  # (a related list)
    assert any("left out" in notice and named in notice for notice in notices)


@pytest.mark.parametrize(
    "after",
    [
        "7 Responses to “Danish PM candidate rejects call to cut immigration”\nMarta K. says:\n"
        "March 4, 2026 at 6:02 pm\n"
        "It is good to see a party leader say plainly that religion will not decide who may stay in the country.\n"
        "Reply\n",
        "(mha)\nKommentare lesen (145 Beiträge)\n",
        "Vous devez être connecté pour commenter.\nJean-Luc P.\nEnfin un dirigeant qui dit les choses clairement sur "
        "l'immigration, même si je ne suis pas d'accord avec lui sur le fond.\nVoir tous les commentaires (14)\n",
        "This story was part of our March/April 2026 issue.\nExplore the issue\n",
    ],
)
def test_a_blog_s_comments_heading_a_link_to_the_comments_the_editor_s_initials_and_a_print_issue_end_it(after):
    """A WordPress blog's "7 Responses to “...”" over its readers' comments, a German site's editor's initials in
    brackets and its link to the comments with their count, a French site's ask to log in to comment, a magazine's
    line about the print issue the story was in: the article ends at its own last paragraph, and they are named."""
    lead, notices = read(f"News\n{HEADLINE}\nBy Anna Petrova\n{OPENING}\n{SECOND}\n{THIRD}\n{after}")
    assert [block.text for block in lead.body] == [OPENING, SECOND, THIRD]
    assert any("left out" in notice and after.split("\n")[0][:30] in notice for notice in notices)


@pytest.mark.parametrize(
    "last",
    [
        "Most of the growth came from outside the US, where the company added 2.7 million subscribers in Asia alone.",
        "Support among younger members was notably weaker, at 41 percent, the party's own survey found.",
        "Follow-up data on the new rules will be published in January, including figures for members of the public.",
        "One of the suspended reporters, who has about 300,000 followers on Twitter, told us she was given no reason.",
        "Our membership now stands at 240, the highest in the club's history, and we have added a second course.",
        "The minister said the inquiry would be headed by a retired judge and its report would be made public. (PTI)",
    ],
)
def test_an_article_s_last_paragraph_about_subscribers_members_or_followers_stays_the_article_s(last):
    """Found by a review of this round's rules on pages written for it: a last paragraph that names subscribers,
    members or followers and says "US", "told us", "Support among", "Follow-up" or a club's "our membership" asks
    nothing of the reader; nor is a last paragraph a photo's caption for ending in a wire's name. It was left out."""
    lead, _ = read(f"News\n{HEADLINE}\nBy Anna Petrova\n{OPENING}\n{SECOND}\n{THIRD}\n{last}\nMost read\nA title\n")
    assert [block.text for block in lead.body] == [OPENING, SECOND, THIRD, last]


@pytest.mark.parametrize(
    ("subhead", "under"),
    [
        ("About the Survey", "The survey was carried out online among 1,200 adults between March 3 and 9."),
        ("About Time", "Time, though, is the one thing the party's voters say they lack, and the survey bears it out."),
        ("About Denmark", "Denmark is home to 5.9 million people, of whom about one in seven were born abroad."),
        ("- 30 -", "The phrase, a telegraph operator's old sign-off, still closes the ministry's releases today."),
        ("(mha)", "Die nächste Verhandlungsrunde ist für Ende Februar angesetzt, teilte die Partei mit."),
        ("dpa/AFP\nWhat comes next", "The party's executive will meet on Monday to decide whether to call a vote."),
    ],
)
def test_a_subhead_or_a_mark_inside_the_article_leaves_the_paragraphs_under_it_the_article_s(subhead, under):
    """Found by the same review: a Title-Case subhead that starts "About" over a paragraph that does not say what an
    organisation is ("About Denmark" over "Denmark is home to ..."), a release's mark or an editor's initials
    quoted or set between paragraphs, a wires' line over a subhead and more of the article: the paragraphs under
    them are the article's (they were cut, or the article's opening lost)."""
    last = "The party's leader will set out the plan in full at its conference in Odense next month, aides said."
    lead, _ = read(f"News\n{HEADLINE}\nBy Anna Petrova\n{OPENING}\n{SECOND}\n{THIRD}\n{subhead}\n{under}\n{last}\n")
    texts = [block.text for block in lead.body]
    assert texts[:2] == [OPENING, SECOND] and texts[-2:] == [under, last]
    # ... and the third paragraph too, but over a wires' line, where it may be read as a photo's caption, as a short
    # line over a credit inside an article is
    assert THIRD in texts or subhead.startswith("dpa/AFP")


def test_a_consent_dialog_copied_without_its_buttons_is_page_furniture():
    """A page copied in the browser with its consent dialog open: the copy holds the dialog's heading, notice and
    purposes but none of its buttons (a browser copies no <button>). Its purposes still mark it: the article is the
    text under the headline, the dialog named as left out."""
    lead, notices = read(f"{DIALOG}NEWS\nJOBS\n{HEADLINE}\nPublished: 4 Mar 2026\n{OPENING}\n{SECOND}\n")
    assert (lead.headline, [block.text for block in lead.body]) == (HEADLINE, [OPENING, SECOND])
    assert any("left out as page furniture" in notice and "Consent to Cookies" in notice for notice in notices)


def test_a_copied_page_with_its_consent_dialog_open_keeps_the_article_not_the_dialog():
    """The same copy pasted as the page's HTML into the preview's "Add a page": the dialog's paragraphs are
    sentences, more of them than the short article a paywall lets through, and were read as the article (the
    article's own paragraphs named as prose left out). The dialog is left out and named; the article is the
    story."""
    from newsletter.preview.desk import read_copied

    dialog = "".join(f"<p>{line}</p>" for line in DIALOG.strip().split("\n")[1:])
    html = (
        f"<div class='consent'><h2>Consent to Cookies &amp; Data processing</h2>{dialog}</div>"
        f"<nav><a href='/news'>News</a> <a href='/jobs'>Jobs</a></nav>"
        f"<article><h1>{HEADLINE}</h1><p>Published: 4 Mar 2026</p><p>{OPENING}</p><p>{SECOND}</p>"
        "<p>Please sign up or log in to continue reading</p></article>"
    )
    notices = []
    story = read_copied(html, "copied.html", notices, "", look=False)[0]
    assert (story.headline, [block.text for block in story.body]) == (HEADLINE, [OPENING, SECOND])
    assert any(
        notice.message.startswith("left out the cookie-consent dialog the page holds over the article")
        for notice in notices
    )


def test_an_article_about_data_under_a_dialog_copied_without_buttons_keeps_its_header_and_paragraphs():
    """The dialog copied without its buttons ends where the article's header is (the byline under its title, a
    title about data too); with no header, the article's sentences about data, more words than a dialog's, make the
    run no dialog at all: nothing of the article is left out as the dialog's. (A shorter article there, under 150
    words with the dialog's own sentences, is still taken for the dialog's purposes.)"""
    from newsletter.readers.dialogs import consent_dialogs

    headline = "Data brokers sold the locations of millions of voters"
    article = [
        "Data brokers sold the precise locations of millions of voters to political campaigns, according to "
        "records seen by this newspaper, which show how consent was gathered through apps.",
        "The records show that the brokers bought the data from advertising partners that had collected it from "
        "devices, often without the users' knowledge or any consent they could have refused.",
        "Campaigns used the profiles to target advertising at voters' devices, the records show, and partners "
        "kept the data for years after the election without asking for consent again.",
        "Regulators said on Wednesday that they would examine whether the partners' privacy notices had told "
        "users that their data could be sold on, and whether the consent they gave was valid.",
    ]
    dialog = DIALOG.strip().split("\n")
    header = [headline, "By Anna Petrova", "March 4, 2026"]
    assert consent_dialogs([*dialog, *header, *article]) == set(range(len(dialog)))
    assert consent_dialogs([*dialog, headline, *article]) == set()
