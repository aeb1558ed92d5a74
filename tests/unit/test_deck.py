"""The meeting deck: opened again with python-pptx, its slides, texts and
native chart data checked against the data layer; a template's layouts
used; the command line; and one deck converted to PDF by LibreOffice."""
from __future__ import annotations

import io
import shutil
import subprocess
import sys

import pytest
from pptx import Presentation
from pptx.util import Emu

from papi_data import analytics, codebook, deck, gaps
from papi_data.db import targets as target_store
from papi_data.analytics import tier_name
from papi_data.db import deck_inputs
from papi_data.i18n import fmt, t
from tests.conftest import ROOT

LAO_CAI = 10


@pytest.fixture(scope="module")
def e(store):
    return analytics.enrich(store.scores())


@pytest.fixture(scope="module")
def stats(store):
    return analytics.national_stats(store.scores())


@pytest.fixture(scope="module")
def vi2018(store):
    return Presentation(io.BytesIO(build(store, LAO_CAI, 2018, "vi")))


@pytest.fixture(scope="module")
def en2019(store):
    return Presentation(io.BytesIO(build(store, LAO_CAI, 2019, "en")))


def build(store, code, year, lang, template=None, **kw) -> bytes:
    """The deck from the store, as the command line builds it."""
    return deck.build(code, year, lang, template, **{**deck_inputs.load(store, code, year), **kw})


def texts(slide) -> str:
    out = []
    for sh in slide.shapes:
        if sh.has_text_frame:
            out.append(sh.text_frame.text)
        if sh.has_table:
            out += [c.text for row in sh.table.rows for c in row.cells]
    return "\n".join(out)


def title(slide) -> str:
    return slide.shapes.title.text if slide.shapes.title is not None else ""


def charts(slide):
    return [sh.chart for sh in slide.shapes if sh.has_chart]


def tables(slide):
    return [sh.table for sh in slide.shapes if sh.has_table]


def find(prs, text):
    hits = [s for s in prs.slides if text in title(s)]
    assert hits, (text, [title(s) for s in prs.slides])
    return hits


def test_widescreen_and_slide_order(vi2018):
    assert vi2018.slide_width / vi2018.slide_height == pytest.approx(16 / 9, rel=1e-3)
    titles = [title(s) for s in vi2018.slides]
    assert titles == ["Chỉ số PAPI 2018 — Lào Cai", "Kết quả chung, PAPI 2018", "Mục tiêu và kết quả, PAPI 2018",
                      "Diễn biến 2011–2018", t("radar_title", "vi", year=2018),
                      "Các chỉ số nội dung và nhóm, PAPI 2018", "Nội dung thành phần yếu nhất, PAPI 2018",
                      "Nguồn và ghi chú"]


def test_headline_figures_are_the_published_ones(vi2018, e):
    head = texts(find(vi2018, "Kết quả chung")[0])
    assert "44,37" in head and "28/61" in head and "Trung bình cao" in head
    row = e[(e["year"] == 2018) & (e["province_code"] == LAO_CAI) & (e["indicator"] == "TOTAL")].iloc[0]
    assert fmt(row["value"], "vi") == "44,37" and int(row["rank"]) == 28 and int(row["n_ranked"]) == 61
    assert "Không so sánh được với 2017" in head          # 60 -> 80 points: no change is claimed
    assert "Nguồn: PAPI 2018" in head


def test_trend_chart_data_match_the_data_layer(vi2018, e, stats):
    slide = find(vi2018, "Diễn biến")[0]
    (rank_chart,) = charts(slide)                       # 2018 is the first year on 80 points: ranks only
    plot = rank_chart.plots[0]
    years = [int(c) for c in plot.categories]
    assert years == list(range(2011, 2019))
    mine = e[(e["province_code"] == LAO_CAI) & (e["indicator"] == "TOTAL")].set_index("year")["rank"]
    assert list(plot.series[0].values) == [float(mine[y]) for y in years]
    assert rank_chart.value_axis.reverse_order
    assert "Nguồn: PAPI 2011–2018" in texts(slide)       # the source names every year the slide draws


def test_trend_on_one_scale_with_the_national_mean(en2019, e, stats):
    score, rank = charts(find(en2019, "Trend")[0])
    plot = score.plots[0]
    assert list(plot.categories) == ["2018", "2019"]          # never across the 2017/2018 scale change
    mine = e[(e["province_code"] == LAO_CAI) & (e["indicator"] == "TOTAL")].set_index("year")["value"]
    mean = stats[stats["indicator"] == "TOTAL"].set_index("year")["mean"]
    assert list(plot.series[0].values) == [round(mine[2018], 2), round(mine[2019], 2)]
    assert list(plot.series[1].values) == [round(mean[2018], 2), round(mean[2019], 2)]
    assert plot.series[0].values[0] == 44.37


def test_radar_is_the_dimensions_against_the_national_mean(vi2018, e, stats):
    (radar,) = charts(find(vi2018, t("radar_title", "vi", year=2018))[0])
    dims = codebook.indicators(2018, "dimension")
    assert list(radar.plots[0].categories) == dims and len(dims) == 8
    mine = e[(e["year"] == 2018) & (e["province_code"] == LAO_CAI)].set_index("indicator")["value"]
    mean = stats[stats["year"] == 2018].set_index("indicator")["mean"]
    assert list(radar.plots[0].series[0].values) == [round(mine[d], 2) for d in dims]
    assert list(radar.plots[0].series[1].values) == [round(mean[d], 2) for d in dims]


def test_dimension_table_has_tiers_and_no_next_tier_at_the_top(vi2018, e):
    (tbl,) = tables(find(vi2018, "Các chỉ số nội dung và nhóm")[0])
    rows = [[c.text for c in r.cells] for r in tbl.rows]
    assert rows[0] == [t("indicator", "vi"), t("value", "vi"), t("rank", "vi"), t("tier", "vi"), t("points_next", "vi")]
    dims = codebook.indicators(2018, "dimension")
    assert len(rows) == 1 + len(dims)
    for d, row in zip(dims, rows[1:]):
        r = e[(e["year"] == 2018) & (e["province_code"] == LAO_CAI) & (e["indicator"] == d)].iloc[0]
        assert row[0] == codebook.name(d, "vi", 2018)
        assert row[1] == fmt(r["value"], "vi")
        assert row[2] == f"{int(r['rank'])}/{int(r['n_ranked'])}"
        assert row[3] == tier_name(r["tier"], "vi")
        assert row[4] == ("–" if r["tier"] == 1 else fmt(r["points_to_next_tier"], "vi"))


def test_weakest_subdimensions_are_the_lowest_ranked(vi2018, e):
    (tbl,) = tables(find(vi2018, "yếu nhất")[0])
    shown = [r.cells[0].text for r in list(tbl.rows)[1:]]
    subs = e[(e["year"] == 2018) & (e["province_code"] == LAO_CAI)
             & e["indicator"].isin(codebook.indicators(2018, "subdimension"))].copy()
    subs["rel"] = subs["rank"] / subs["n_ranked"]
    worst = subs.sort_values(["rel", "value"], ascending=[False, True]).head(len(shown))
    assert shown == [codebook.name(c, "vi", 2018) for c in worst["indicator"]]
    assert len(shown) == 6 and shown[0].startswith("D7.1")
    # each tier cell in the tier's colour, as in the dimension table and on the pages
    from papi_data.figures import TIER_COLORS
    fills = [str(r.cells[3].fill.fore_color.rgb) for r in list(tbl.rows)[1:]]
    assert fills == [TIER_COLORS[int(k)].lstrip("#").upper() for k in worst["tier"]]


def test_targets_against_results(store, en2019, e):
    tg = target_store.load(store, LAO_CAI, 2019)
    ev = gaps.evaluate(tg, e)
    slides = find(en2019, "Targets and results, PAPI 2019")
    rows = [[c.text for c in r.cells] for s in slides for tbl in tables(s) for r in list(tbl.rows)[1:]]
    assert len(rows) == len(tg) == 18
    head = [c.text for c in tables(slides[0])[0].rows[0].cells]
    status = head.index(t("tgt_col_status", "en"))
    assert [r[status] for r in rows] == [gaps.status_text(m, "en") for m in ev["met"]]
    assert rows[0][head.index(t("tgt_col_actual", "en"))] == "45.06"
    total, dims = charts(find(en2019, t("tgt_chart_title", "en", year=2019))[0])   # one chart per scale
    vals = ev[ev["kind"] == "value"]
    assert list(total.plots[0].categories) == ["TOTAL"]
    assert list(dims.plots[0].categories) == [c for c in vals["indicator"] if c != "TOTAL"]
    shown = [*total.plots[0].series[1].values, *dims.plots[0].series[1].values]
    assert shown == [round(float(x), 2) for x in vals["target"]]
    assert total.plots[0].series[1].values[0] == 46.96       # Lào Cai plan 170/KH-UBND: total ≥ 46.96
    assert total.plots[0].series[0].values[0] == round(float(vals["actual"].iloc[0]), 2)
    assert total.chart_title.text_frame.text == "Scale 0–80" and dims.chart_title.text_frame.text == "Scale 0–10"


def test_chart_labels_write_numbers_for_the_language(store, e):
    """Bars and points carry labels written as the deck's language writes
    numbers (a chart's own number format would follow the viewer's locale)."""
    vi = Presentation(io.BytesIO(build(store, LAO_CAI, 2019, "vi")))
    total, _ = charts(find(vi, t("tgt_chart_title", "vi", year=2019))[0])
    labels = [p.data_label.text_frame.text for p in total.plots[0].series[0].points]
    assert labels == ["45,06"]
    assert [p.data_label.text_frame.text for p in total.plots[0].series[1].points] == ["46,96"]
    # the label's own text carries its size (a viewer ignores the label's default size for rich text)
    assert total.plots[0].series[0].points[0].data_label.text_frame.paragraphs[0].runs[0].font.size.pt == 12
    score, rank = charts(find(vi, "Diễn biến")[0])
    assert [p.data_label.text_frame.text for p in score.plots[0].series[0].points] == ["44,37", "45,06"]
    ranks = e[(e["province_code"] == LAO_CAI) & (e["indicator"] == "TOTAL") & (e["year"] <= 2019)]
    assert [p.data_label.text_frame.text for p in rank.plots[0].series[0].points] == \
        [str(int(r)) for r in ranks.sort_values("year")["rank"]]      # 9 years: the rank alone
    assert rank.value_axis.maximum_scale == 63 and rank.value_axis.minimum_scale == 1


def test_headline_says_where_the_next_tier_starts(vi2018, e, stats):
    head = texts(find(vi2018, "Kết quả chung")[0])
    row = e[(e["year"] == 2018) & (e["province_code"] == LAO_CAI) & (e["indicator"] == "TOTAL")].iloc[0]
    mean = stats[(stats["year"] == 2018) & (stats["indicator"] == "TOTAL")]["mean"].iloc[0]
    assert fmt(mean, "vi") in head and "Trung bình toàn quốc" in head
    assert "Ngưỡng nhóm Cao nhất" in head and fmt(row["cut_1"], "vi") in head
    assert fmt(row["points_to_next_tier"], "vi") in head
    assert row["cut_1"] - row["value"] == pytest.approx(row["points_to_next_tier"])


def test_sources_slide_names_the_release(vi2018):
    body = texts(find(vi2018, "Nguồn và ghi chú")[0])
    assert "Nguồn: PAPI 2018 — CECODES, VFF-CRT, RTA & UNDP" in body and "phân vị 75, 50 và 25" in body


def test_a_province_not_scored_says_so(store):
    prs = Presentation(io.BytesIO(build(store, 87, 2014, "vi")))      # Đồng Tháp 2014: not scored
    head = texts(find(prs, "Kết quả chung")[0])
    assert "Đồng Tháp" in head and "44" not in head
    for part in ("Kết quả chung", "Các chỉ số nội dung, PAPI 2014", "yếu nhất"):   # no blank slides
        assert "PAPI 2014 không công bố điểm của Đồng Tháp." in texts(find(prs, part)[0])
    assert not charts(find(prs, "Các chỉ số nội dung, PAPI 2014")[0])


def test_template_layouts_are_used(store):
    tpl = Presentation()
    tpl.slide_width, tpl.slide_height = Emu(9144000), Emu(6858000)        # a 4:3 province template
    tpl.slide_layouts[0].name = "Tỉnh — Tiêu đề"
    tpl.slides.add_slide(tpl.slide_layouts[1]).shapes.title.text = "Trang mẫu cần bỏ"
    buf = io.BytesIO()
    tpl.save(buf)
    prs = Presentation(io.BytesIO(build(store, LAO_CAI, 2018, "vi", buf.getvalue())))
    assert (prs.slide_width, prs.slide_height) == (Emu(9144000), Emu(6858000))
    names = {lay.name for lay in prs.slide_layouts}
    assert prs.slides[0].slide_layout.name == "Tỉnh — Tiêu đề"
    assert all(s.slide_layout.name in names for s in prs.slides)
    assert "Trang mẫu cần bỏ" not in [title(s) for s in prs.slides]
    assert len(prs.slides) == 8
    # everything the deck placed fits the template's narrower slide
    for slide in prs.slides:
        for sh in slide.shapes:
            assert sh.left >= 0 and sh.left + sh.width <= prs.slide_width, (title(slide), sh.name)
            assert sh.top >= 0 and sh.top + sh.height <= prs.slide_height, (title(slide), sh.name)
    head = texts(find(prs, "Kết quả chung")[0])
    assert "44,37" in head and "28/61" in head
    score_labels = [p.data_label.text_frame.paragraphs[0].runs[0].font.size.pt   # type shrunk with the slide
                    for c in charts(find(prs, "Diễn biến")[0]) for p in c.plots[0].series[0].points
                    if p.data_label.has_text_frame]
    assert score_labels and max(score_labels) < 11


def test_a_file_that_is_not_a_template_is_refused():
    with pytest.raises(ValueError, match="PowerPoint"):
        deck.check_template(b"not a pptx at all")


def test_command_line_writes_the_deck(tmp_path):
    out = tmp_path / "lao-cai.pptx"
    r = subprocess.run([sys.executable, "-m", "papi_data", "deck", "--province", "Lào Cai", "--year", "2018",
                        "--lang", "vi", "-o", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    prs = Presentation(str(out))
    assert "44,37" in texts(prs.slides[1])
    r = subprocess.run([sys.executable, "-m", "papi_data", "deck", "--province", "Atlantis", "--year", "2018",
                        "-o", str(tmp_path / "x.pptx")], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert r.returncode == 2 and "Unknown province" in r.stderr and "Traceback" not in r.stderr
    not_pptx = tmp_path / "mau.pptx"
    not_pptx.write_text("not a presentation")
    for extra, message in (([ "--template", str(not_pptx), "-o", str(tmp_path / "y.pptx")], "not a PowerPoint"),
                           (["-o", str(tmp_path / "missing" / "y.pptx")], "Cannot write")):
        r = subprocess.run([sys.executable, "-m", "papi_data", "deck", "--province", "Lào Cai", "--year", "2018",
                            *extra], cwd=ROOT, capture_output=True, text=True, timeout=300)
        assert r.returncode == 2 and message in r.stderr and "Traceback" not in r.stderr, r.stderr


@pytest.mark.skipif(not shutil.which("soffice") or not shutil.which("pdfinfo"),
                    reason="LibreOffice Impress and poppler-utils not installed; .ci/run installs them")
def test_libreoffice_opens_the_deck_with_one_page_per_slide(store, tmp_path):
    raw = build(store, LAO_CAI, 2019, "vi")
    n = len(Presentation(io.BytesIO(raw)).slides)
    src = tmp_path / "deck.pptx"
    src.write_bytes(raw)
    r = subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to",
                        "pdf", "--outdir", str(tmp_path), str(src)], capture_output=True, text=True, timeout=300)
    pdf = tmp_path / "deck.pdf"
    assert pdf.exists(), r.stdout + r.stderr
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert pages == n == 11
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "2", "-l", "2", str(pdf), str(tmp_path / "p")], check=True)
    from PIL import Image
    (png,) = tmp_path.glob("p-*.png")
    im = Image.open(png)
    assert im.size[0] / im.size[1] == pytest.approx(16 / 9, rel=0.02)
    assert len(im.convert("RGB").getcolors(maxcolors=1 << 20)) > 10
