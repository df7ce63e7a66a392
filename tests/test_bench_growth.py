"""bench/growth.py --profile: every stage it names is one a build runs, and its table reads the times it was given."""

from __future__ import annotations

import sys

from golden import ROOT

sys.path.insert(0, str(ROOT / "bench"))
try:
    import growth
finally:
    sys.path.remove(str(ROOT / "bench"))


def test_every_stage_of_the_profile_is_run_by_a_build(tmp_path):
    """A stage renamed, moved or no longer called by build() would show as 0 s: fail instead."""
    times = growth.stage_times(tmp_path, (2, 4))
    for n in (2, 4):
        assert [what for what, seconds in times[n].items() if seconds <= 0] == []
    assert list(times[2]) == [what for _, what, _, _ in growth.STAGES]


def test_the_profile_table_marks_what_grows_faster_than_the_stories():
    times = {n: {what: 0.0 for _, what, _, _ in growth.STAGES} for n in (100, 1_000)}
    times[100].update({"build": 0.1, "render every file": 0.05, "compile the email": 0.02})
    times[1_000].update({"build": 1.0, "render every file": 0.6, "compile the email": 0.4})
    lines = growth.profile(times, (100, 1_000))
    assert lines[0].split() == ["stage", "(CPU", "seconds)", "100", "1,000", "ratio"]
    assert lines[1].split() == ["build", "0.1000", "1.0000", "10.0×"]
    assert "  render every file                   0.0500    0.6000   12.0×  grows faster than the stories" in lines
    assert "    (the rest of it)                  0.0300    0.2000    6.7×" in lines  # 0.6 - 0.4, not marked
    assert "    compile the email                 0.0200    0.4000   20.0×  grows faster than the stories" in lines
    assert "  write the folder                    0.0000    0.0000" in lines  # no time: no ratio
