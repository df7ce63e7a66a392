"""A saved page whose scripts had not filled in its template when it was saved: the template's code is not the
article's."""

from test_read_html import saved

# What an app's page shows before its scripts run: a status line of placeholders (an Angular ternary, a filtered
# date), the editor's buttons beside them in the same block
UNFILLED = (
    "<div class='content-detail'><p>{{ ctrl.story.status === 'live' ? 'Published story' : ctrl.story.status === "
    "'draft' ? 'Draft awaiting review' : 'Unknown status' }} {{ ctrl.story.editor.fullName }} - "
    "{{ ctrl.story.updated * 1000 | date : 'dd/MM/yyyy' }} - {{ ctrl.story.updated * 1000 | date : 'HH:mm' }} "
    "Restore the published version (view) Open the advanced editor Page being edited Highlights being edited "
    "Save a draft Send for review Preview on mobile</p></div>"
)

HARBOUR = [
    "The harbour authority said on Monday that the old ferry pier would close for six months while divers replace "
    "the wooden piles that have rotted below the waterline since the last repair in the nineteen-eighties.",
    "Ferries will dock at the fishing quay instead, which the authority said would add about ten minutes to each "
    "crossing and would mean a longer walk for passengers from the station.",
    "Engineers will show the new design, in which the template tag <code>{{ pier.name }}</code> of the harbour's "
    "web pages names each berth, at a public meeting in the town hall on Thursday evening.",
]


def test_a_saved_page_whose_article_is_a_template_s_unfilled_code_is_refused_in_one_line(cli, workdir):
    page = f"<html><head><title>Riverside</title></head><body><main>{UNFILLED}</main></body></html>"
    (workdir / "app.html").write_text(page, encoding="utf-8")
    result = cli("import", "app.html", "--to", "out")
    assert result.exit_code == 1
    assert result.output == (
        "error: app.html: holds no article (0 words of text found; too little text for an article)\n"
    )
    assert not (workdir / "out").exists()


# A sample of template code the article itself shows as code: the article's
SAMPLE = "{% for berth in pier.berths %}{{ berth.name }}{% endfor %}"


def test_a_template_s_unfilled_code_in_an_article_is_left_out_and_named_and_code_it_shows_as_code_kept(tmp_path):
    first, second, third = (f"<p>{text}</p>" for text in HARBOUR)
    sample = f"<pre><code>{SAMPLE}</code></pre>"
    article = f"<article><h1>Ferry pier to close</h1>{first}{UNFILLED}{second}{sample}{third}</article>"
    story, notices = saved(tmp_path, f"<html><body>{article}</body></html>")
    assert story.headline == "Ferry pier to close"
    assert [block.text for block in story.body] == [
        HARBOUR[0],
        HARBOUR[1],
        SAMPLE,
        HARBOUR[2].replace("<code>", "").replace("</code>", ""),
    ]
    assert notices == [
        f"{tmp_path / 'page.html'}:1: left out 1 block(s) of a template's code the page shows unfilled (it was saved "
        "before its scripts filled it in): \"{{ ctrl.story.status === 'live' ? 'Publ…\""
    ]


def test_a_pasted_article_s_line_holding_a_template_s_code_is_the_article_s(tmp_path):
    """A paste does not say what the article shows as code: a line of its own that holds a template's expression
    (a workflow's "${{ secrets.DEPLOY_TOKEN }}") stays in the body; only a line a template's code starts, with no
    sentence beside it, is the page's unfilled template."""
    from test_read_paste_furniture import read_paste

    line = "run: ./deploy.sh --token ${{ secrets.DEPLOY_TOKEN }}"
    page = "\n".join(["Ferry pier to close", "By Anna Petrova", HARBOUR[0], line, HARBOUR[1], "{{ article.tags }}"])
    story, notices = read_paste(tmp_path, page)
    assert [block.text for block in story.body] == [HARBOUR[0], line, HARBOUR[1]]
