"""buildfolder: the one reader of a build folder, and the one rule for "the latest dated folder"."""

import datetime as dt
import os

import pytest

from newsletter.buildfolder import latest_build, latest_dated
from newsletter.errors import InputError
from newsletter.importer import previous_issue
from newsletter.new import latest_issue

# Names that sort after any date, or look like one, and are not a folder named by a date.
NOT_DATED = ["drafts", "zz-notes", "2026-13-45", "20261231", "2027-01-01x", "notes-2027-01-01", ".2027-01-01.tmp"]


@pytest.mark.parametrize("name", NOT_DATED)
def test_a_folder_not_named_by_a_date_never_wins(tmp_path, name):
    (tmp_path / "2026-11-17").mkdir()
    (tmp_path / "2026-11-24-issue-48").mkdir()
    (tmp_path / name).mkdir()
    (tmp_path / "2027-02-01").write_text("a file, not a folder")
    assert latest_dated(tmp_path) == tmp_path / "2026-11-24-issue-48"
    assert latest_issue(tmp_path) == tmp_path / "2026-11-24-issue-48"
    assert latest_build(tmp_path) == tmp_path / "2026-11-24-issue-48"
    assert previous_issue(tmp_path / "2026-12-01", dt.date(2026, 12, 1)) == dt.date(2026, 11, 24)
    assert previous_issue(tmp_path / "2026-11-24", dt.date(2026, 11, 24)) == dt.date(2026, 11, 17)


def test_with_no_dated_folder_there_is_no_latest(tmp_path):
    (tmp_path / "drafts").mkdir()
    assert latest_issue(tmp_path) is None
    assert previous_issue(tmp_path / "2026-12-01", dt.date(2026, 12, 1)) is None
    with pytest.raises(InputError, match="holds no built issue"):
        latest_build(tmp_path)
    assert latest_issue(tmp_path / "missing") is None


def test_of_two_folders_of_one_date_the_one_written_last_wins(tmp_path):
    for name, stamp in (("2026-11-24-b", 1_700_000_000), ("2026-11-24-a", 1_700_000_100)):
        (tmp_path / name).mkdir()
        os.utime(tmp_path / name, (stamp, stamp))
    assert latest_build(tmp_path) == tmp_path / "2026-11-24-a"
