"""What a site asks of its reader, in the first or second person, wherever it sets it on the page: to subscribe, to
join, to give ("Support local journalism. Give today.", "Thanks for reading The Ledger! Subscribe for free to receive
new posts and support my work."). lines.py reads a short line holding one as the page's furniture, dialogs.py a box
of such paragraphs, ends.py the article's end over one."""

from __future__ import annotations

from newsletter.patterns import regex

APPEAL = regex(
    r"(?i)\b(?:support (?:my|our|local|independent|public|nonprofit) (?:work|journalism|reporting|news|radio|media)|"
    r"readers like you|join us|thanks for reading|"
    r"please consider (?:supporting|subscribing|donating|becoming|making|a)|you['’]ve read \d+ (?:free )?articles?|"
    r"reader-supported|your (?:support|donation) (?:helps|allows|makes)|"
    r"becom(?:e|ing) an? (?:free or paid |paid |[A-Z]\w+ )?(?:member|subscriber|supporter|insider)|"
    r"try (?:\d+|one) (?:months?|weeks?) (?:for )?free|award-winning (?:\w+ ){0,2}journalism|"
    r"^(?:sign up for|subscribe to) .{0,120}(?:newsletter|weekly|daily|for a fresh look|deep-dive|read it now)|"
    r"we need your (?:help|support)|please support us|receive new posts|"
    r"(?:telegram|whatsapp) (?:channel|community|group)|delivered to (?:you|your inbox)|"
    r"нужна ваша поддержка|пожертвовани\w*)\b"
)
