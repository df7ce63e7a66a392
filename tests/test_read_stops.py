"""A sentence's full stop in the scripts that do not write it as a dot (readers/lines.py): Hindi's and Bengali's
danda, Urdu's full stop. A paragraph ending in one is running text, and a line ending in one is written as a
sentence, as a standfirst is. The pages are written here by hand, in the shapes news sites paste in."""

from pathlib import Path

from newsletter.readers import read


def read_paste(folder: Path, page: str):
    """The page pasted into a .txt file and read as `newsletter import PAGE.txt` reads it: its article and notices."""
    path = folder / "page.txt"
    path.write_text(page, encoding="utf-8")
    notices = []
    return read(path, notices).stories[0], [str(notice) for notice in notices]


URDU_HEADLINE = "الیکشن کمیشن نے تین صوبوں میں پولنگ کی تاریخوں کا اعلان کر دیا"
URDU = [
    "الیکشن کمیشن نے پیر کو تین صوبوں میں انتخابات کی تاریخوں کا اعلان کیا۔",
    "کمیشن کے مطابق پولنگ تین مرحلوں میں ہوگی اور گنتی ایک ہی دن کی جائے گی۔",
    "اپوزیشن جماعتوں نے تاریخوں کا خیر مقدم کیا لیکن مرحلوں کے درمیان وقفہ طویل ہے۔",
    "چیف الیکشن کمشنر نے کہا کہ سکیورٹی کے انتظامات پر صوبوں سے بات چیت مکمل ہو چکی ہے۔",
]


def test_an_urdu_article_of_short_sentences_is_read_not_refused(tmp_path):
    """Urdu ends its sentences in "۔": an article of short ones is running text, not a page with no article."""
    story, _ = read_paste(tmp_path, "\n".join(["ہوم", "پاکستان", "دنیا", URDU_HEADLINE, *URDU]))
    assert story.headline == URDU_HEADLINE
    assert [block.text for block in story.body] == URDU


HINDI_STANDFIRST = "आयोग ने कहा कि मतदान तीन चरणों में होगा और नतीजे दिसंबर में आएंगे।"
HINDI = [
    "चुनाव आयोग ने सोमवार को तीन राज्यों में विधानसभा चुनाव की तारीखों का ऐलान किया। आयोग के अनुसार मतदान तीन "
    "चरणों में होगा और सभी राज्यों में मतगणना एक ही दिन की जाएगी।",
    "मुख्य चुनाव आयुक्त ने संवाददाता सम्मेलन में कहा कि सुरक्षा बलों की तैनाती पर राज्यों से बातचीत पूरी हो चुकी है और "
    "मतदान केंद्रों की संख्या पिछली बार से बढ़ाई गई है।",
    "विपक्षी दलों ने तारीखों का स्वागत किया, लेकिन कुछ नेताओं ने कहा कि चरणों के बीच का अंतर बहुत लंबा है और इससे प्रचार का खर्च बढ़ेगा।",
]


def test_a_hindi_standfirst_taken_for_the_missing_headline_is_flagged(tmp_path):
    """With the headline not pasted, the standfirst over the date is the likeliest line: it ends in a danda, written
    as a sentence, so the choice is flagged as a guess, as an English standfirst's would be."""
    page = "\n".join(["होम", "देश", "विदेश", HINDI_STANDFIRST, "अपडेटेड 06 नवंबर 2026, 8:15 PM IST", *HINDI])
    story, notices = read_paste(tmp_path, page)
    assert story.headline == HINDI_STANDFIRST
    assert story.headline_unsure
    assert any("the headline is a guess" in notice and "written as a sentence" in notice for notice in notices)
