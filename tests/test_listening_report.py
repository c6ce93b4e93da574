"""tools/listening_report.py: its cut_in_brackets figure counts cuts a listener hears as faults,
not every cut inside a quotation (issue 19 item 4)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def report():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("listening_report", ROOT / "tools" / "listening_report.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_cut_at_a_clause_end_inside_a_long_quotation_is_no_fault(report) -> None:  # type: ignore[no-untyped-def]
    # the quotation goes on for sentences: a reader pauses at its commas too
    assert report.bracket_faults(["“The circumstances are of great delicacy,",
                                  "and every precaution has to be taken to quench what might grow to be an "
                                  "immense scandal and seriously compromise one of the reigning families."], 160) == []


def test_a_mid_phrase_cut_inside_a_quotation_is_a_fault(report) -> None:  # type: ignore[no-untyped-def]
    pieces = ["Estamos en preparación para un programa de seguimiento en asociación con Filipinas Mi",
              "Esperanza el cual es un esfuerzo evangelístico del Concilio Filipino de Iglesias Evangélicas”."]
    assert report.bracket_faults(pieces, 160) == [0]
    # before a connector it is a clause boundary
    pieces = ["“Nuestro equipo trabajó con el Distrito de Visayas Oriente en algunas actividades",
              "las cuales incluían una reunión de jóvenes del distrito y MEG, un programa de discipulado."]
    assert report.bracket_faults(pieces, 160) == []


def test_a_cut_inside_an_aside_that_fits_is_a_fault(report) -> None:  # type: ignore[no-untyped-def]
    pieces = ["然而這一回瓶子上並沒有「毒藥」的字樣在上，所以阿麗思就大著膽嘗它一嘗，那味儿倒很好吃（有點像櫻桃餅，"
              "又有點像雞蛋糕，有點像菠蘿蜜〔pinapple〕，",
              "又有點像烤火雞，有點像冰淇淋，又有點像芝麻醬〔toffy〕，所以一會儿工夫就唏哩呼嚕地喝完了。"]
    assert report.bracket_faults(pieces, 80) == [0]
    # the same cut is no fault when the aside is longer than a segment
    assert report.bracket_faults(pieces, 60) == []
    # nor when keeping it whole would leave a heading word alone
    pieces = ["Section 11 (Public servant obtaining [undue advantage],",
              "without consideration from person concerned in proceeding or business transacted by such "
              "public servant)"]
    assert report.bracket_faults(pieces, 160) == []


def test_the_report_counts_only_faults_on_a_folder(tmp_path: Path) -> None:
    # a novel's long quotation cut at its commas, and a short aside cut in the middle by nothing
    # but a comma (the splitter keeps it whole): no fault either way
    quote = ("“I am to remain neutral, to get near the window, to watch you, and at the signal to throw in "
             "this object, then to raise the cry of fire, and to wait you at the corner of the street.”")
    aside = ("The figures were collected over three years from the regional offices of the agency "
             "(see Smith and Jones, 2019; Lee, Park and Kim, 2020; the annual report of 2021) and then "
             "checked by two independent reviewers before publication, which took another year and more.")
    (tmp_path / "novel.html").write_text(f"<html><body><h1>Novel</h1><p>{quote}</p><p>{aside}</p></body></html>")
    out = subprocess.run([sys.executable, str(ROOT / "tools" / "listening_report.py"), str(tmp_path), "--json"],
                         capture_output=True, text=True, cwd=ROOT, check=True).stdout
    assert '"cut_in_brackets": 0' in out.splitlines()[-1], out
