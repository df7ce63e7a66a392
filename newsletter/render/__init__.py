"""Issue -> MJML, plain text and web page (jinja2), and every output file of a build.

environment: where templates are found and how they run; links: how links are checked, made absolute and
tagged; body and results: view helpers the templates call; view: the issue made ready for the templates;
markup: the email and web page; text: the plain text; outputs: the end of the recipe, every output file;
paste: the issue for a web editor's paste box ("Copy for pasting" in the preview).
"""

from newsletter.send.personalise import UNSUBSCRIBE_TOKEN, WEB_TOKEN

from .body import Group, body_groups, card_rows, card_text, is_bare, same_words, shown, standfirst, story_link
from .environment import (
    PACKAGE_TEMPLATES,
    SOURCE_TEMPLATES,
    environment,
    run_template,
    shown_path,
    template_dirs,
    template_files,
)
from .links import (
    image_link,
    issue_folder_url,
    issue_unsubscribe_url,
    issue_web_url,
    link_forms,
    safe_link,
    with_campaign_tags,
    with_links,
    with_safe_links,
)
from .markup import BUILT_TEMPLATES, inline_css, render_email, render_mjml, render_web
from .outputs import (
    Links,
    Rendering,
    fill_outputs,
    issue_links,
    message_template,
)
from .paste import render_paste
from .results import ResultLine, result_lines, results_footnote
from .text import TEXT_WIDTH, render_text, text_results, wrap
from .view import PREHEADER_FILLER, Prepared, Theme, context, prepare

__all__ = [
    "BUILT_TEMPLATES",
    "PACKAGE_TEMPLATES",
    "PREHEADER_FILLER",
    "SOURCE_TEMPLATES",
    "TEXT_WIDTH",
    "UNSUBSCRIBE_TOKEN",
    "WEB_TOKEN",
    "Group",
    "Links",
    "Prepared",
    "Rendering",
    "ResultLine",
    "Theme",
    "body_groups",
    "card_rows",
    "card_text",
    "context",
    "environment",
    "fill_outputs",
    "image_link",
    "inline_css",
    "is_bare",
    "issue_folder_url",
    "issue_links",
    "issue_unsubscribe_url",
    "issue_web_url",
    "link_forms",
    "message_template",
    "prepare",
    "render_email",
    "render_mjml",
    "render_paste",
    "render_text",
    "render_web",
    "result_lines",
    "results_footnote",
    "run_template",
    "safe_link",
    "same_words",
    "shown",
    "shown_path",
    "standfirst",
    "story_link",
    "template_dirs",
    "template_files",
    "text_results",
    "with_campaign_tags",
    "with_links",
    "with_safe_links",
    "wrap",
]
