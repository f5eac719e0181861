"""The HTML report: charts drawn from an offline-built warehouse, rendered in headless Chromium
(Debian's `chromium`, installed by .ci/run), every chart's marks counted after layout, and a
screenshot saved; "no data yet" sections for marts that do not exist yet."""
from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from report.build import SECTIONS, render_report, write_report
from transforms.chain import HALVINGS
from report.svg import Bar, Marker, Series, bar_chart, line_chart
from warehouse.dictionary import schema_only_warehouse
from warehouse.status import open_read_only

CHROMIUM = "/usr/bin/chromium"
# As the machine notes say works here: no background networking, no first-run, a fresh profile.
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
FIGURE = re.compile(r'<figure class="chart" data-chart="([a-z-]+)"[^>]*?(?: data-drawn-marks="(\d+)")?[^>]*>')


def test_svg_charts_mark_every_datum():
    line = line_chart("t", [Series("a", [(date(2024, 1, 1), 1.0), (date(2025, 1, 1), 10.0)]),
                            Series("b", [(date(2024, 6, 1), 3.0)])],
                      y_label="u", log_y=True, markers=[Marker(date(2024, 4, 20), "halving 4"),
                                                        Marker(date(2030, 1, 1), "outside")])
    assert line.count('class="mark line"') == 1 and line.count('class="mark point"') == 1
    assert line.count('class="mark marker"') == 1  # the marker outside the range is left out
    bars = bar_chart("t", [Bar("2027", stack={"convertible": 2.0, "secured": 1.0}), Bar("2028", 4.0)],
                     y_label="usd", rules=[(3.0, "x")])
    assert bars.count('class="mark bar"') == 3 and bars.count('class="mark rule"') == 1
    ranking = bar_chart("t", [Bar("<RIOT>", 1.5)], y_label="x", horizontal=True)
    assert "&lt;RIOT&gt;" in ranking and "<RIOT>" not in ranking
    with pytest.raises(ValueError, match="nothing to draw"):
        line_chart("empty", [Series("a", [])], y_label="u")


def test_an_empty_warehouse_says_no_data_yet_in_every_section():
    con = schema_only_warehouse()
    html, sections = render_report(con)
    con.close()
    assert len(sections) == len(SECTIONS) and all(s.svg is None for s in sections)
    assert html.count('data-status="no-data"') == len(SECTIONS)
    debt = next(s for s in sections if s.key == "industry-debt")
    assert debt.empty_reason == "marts.industry_debt_quarterly has no rows"


@pytest.fixture(scope="module")
def report(offline_warehouse, tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "minerwatch-report.html"
    con = open_read_only(offline_warehouse.db)
    try:
        result = write_report(con, out)
    finally:
        con.close()
    return result, out


def test_report_is_one_self_contained_file(report, offline_warehouse):
    result, out = report
    html = out.read_text(encoding="utf-8")
    assert result["bytes"] == out.stat().st_size and html.startswith("<!DOCTYPE html>")
    assert not re.search(r'\b(?:src|href)\s*=\s*"(?!#)', html), "no external resource, link or script file"
    assert "@import" not in html and "url(" not in html
    drawn = {k for k, v in result["sections"].items() if v == "drawn"}
    assert {"hashprice", "production", "sell-ratio", "btc-held", "realization"} <= drawn
    hashprice = html[html.index('data-chart="hashprice"'):html.index('data-chart="production"')]
    con = open_read_only(offline_warehouse.db)
    first, last = con.execute("select min(day), max(day) from marts.hashprice_daily").fetchone()
    con.close()
    halvings = [day for _, day in HALVINGS if first <= day <= last]
    assert halvings and hashprice.count('class="mark marker"') == len(halvings)  # 2024-04-20 here
    for key in result["sections"]:
        if key not in drawn:
            assert f'data-chart="{key}" data-status="no-data"' in html


def _chromium(*args: str, profile: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args], capture_output=True,
                          text=True, timeout=timeout)


def test_every_chart_draws_in_headless_chromium(report, tmp_path):
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip("chromium is not installed (.ci/run installs Debian's chromium package)")
    result, out = report
    html = out.read_text(encoding="utf-8")
    expected = {}
    for match in re.finditer(r'<figure class="chart" data-chart="([a-z-]+)">(.*?)</figure>', html, re.S):
        expected[match.group(1)] = match.group(2).count('class="mark')
    assert expected and all(n > 0 for n in expected.values())

    dom = _chromium("--virtual-time-budget=5000", "--dump-dom", out.as_uri(), profile=tmp_path / "profile-dom")
    assert dom.returncode == 0, dom.stderr[-2000:]
    drawn = {m.group(1): int(m.group(2)) for m in FIGURE.finditer(dom.stdout) if m.group(2) is not None}
    assert drawn == expected, "every mark of every chart has a non-empty box after layout"
    checked = re.search(r'data-charts-checked="(\d+)"', dom.stdout)
    assert checked and int(checked.group(1)) == sum(expected.values())

    shot = tmp_path / "report.png"
    snap = _chromium("--window-size=900,4200", f"--screenshot={shot}", out.as_uri(), profile=tmp_path / "profile-png")
    assert snap.returncode == 0, snap.stderr[-2000:]
    png = shot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 50_000  # a page of charts, not a blank one
