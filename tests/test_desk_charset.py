"""A saved page in Windows-1252 dropped on the desk: its bytes go to the server, which decodes them as `newsletter
import` decodes the same file (readers/fetch.decode_html: its <meta charset>, else UTF-8, else Windows-1252). The
browser read every dropped page as UTF-8 (File.text()), and each curly quote and accented letter became U+FFFD."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from golden import EXAMPLE
from test_desk import drop_file, open_desk

PAGE = """<!DOCTYPE html>
<html lang="fr"><head>{meta}<title>Élection à Genève : le “oui” l’emporte | Journal Exemple</title>
<meta property="og:url" content="https://journal.example.ch/geneve">
</head><body><main><article><h1>Élection à Genève : le “oui” l’emporte</h1>
<p>Les électeurs genevois ont approuvé dimanche la réforme du scrutin, avec 54 % de “oui” selon les résultats
définitifs publiés par la chancellerie d’État — une participation élevée pour un vote de ce genre.</p>
<p>Le Conseil d’État a salué « un résultat clair » et promis d’appliquer la réforme dès l’élection de 2027, après
une campagne marquée par des débats animés sur la représentation des petites communes.</p>
</article></main></body></html>
"""


@pytest.fixture
def issue(tmp_path) -> Path:
    return Path(shutil.copytree(EXAMPLE, tmp_path / "issue"))


@pytest.mark.parametrize("meta", ['<meta charset="windows-1252">', ""], ids=["declared", "undeclared"])
def test_a_saved_page_in_windows_1252_dropped_is_read_as_import_reads_it(desk, serve, issue, workdir, cli, meta):
    data = PAGE.format(meta=meta).encode("cp1252")
    assert b"\x93oui\x94" in data and b"\xc9lection" in data  # Windows-1252's own bytes, no UTF-8
    (workdir / "geneve.html").write_bytes(data)
    assert cli("import", "geneve.html", "--to", "imported").exit_code == 0
    [imported] = (workdir / "imported").glob("*.md")
    page = desk.new_page()
    open_desk(page, serve(issue))
    said = drop_file(page, "geneve.html", "text/html", data)
    name = "06-election-a-geneve-le-oui-lemporte.md"
    assert said.startswith(f"Added {name} (“Élection à Genève : le “oui” l’emporte”)"), said
    dropped = (issue / name).read_text("utf-8")
    assert "\ufffd" not in dropped
    assert "54 % de “oui” selon les résultats définitifs publiés par la chancellerie d’État — une" in dropped
    assert dropped == imported.read_text("utf-8")
