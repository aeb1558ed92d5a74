"""Table and chart-image exports: CSV/XLSX round-trip to what the page
shows, formula injection neutralised, images of the right size drawn by
the machine's Chromium (skipped, with the reason, where none is installed)."""
from __future__ import annotations

import io
import os

import pandas as pd
import plotly.graph_objects as go
import pytest
from openpyxl import load_workbook

from papi_data import analytics, explore, export

INJECTIONS = ["=1+1", "+SUM(A1:A3)", "-2+3", "@SUM(A1)", "=HYPERLINK(\"http://x\",\"y\")", "\t=1", "\r=1",
              "=cmd|' /C calc'!A0"]


@pytest.mark.parametrize("cell", INJECTIONS)
def test_formula_cells_are_neutralised(cell):
    assert export.neutralise(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["46,96", "-1,90", "+0,68", "-3", "1.234,5", "Lào Cai", "13/63", "–", "", "a=b"])
def test_plain_text_and_signed_numbers_stay(cell):
    assert export.neutralise(cell) == cell


@pytest.fixture(scope="module")
def shown(store):
    """The overview's ranking table for TOTAL 2018 (Vietnamese): numbers,
    tier indices and rank changes with their columns' roles."""
    e = analytics.enrich(store.scores())
    ranked = analytics.ranking(e, 2018, "TOTAL")
    return explore.ranking_table(ranked, 2018, "vi")


def _hostile(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    col = out.columns[0]
    out[col] = out[col].astype(object)
    for i, cell in enumerate(INJECTIONS):
        out.loc[i, col] = cell
    return out


def test_csv_round_trips_to_what_is_shown(shown):
    raw = export.table_csv(shown, "vi")
    assert raw.startswith(b"\xef\xbb\xbf")                      # BOM: Excel reads the diacritics
    back = pd.read_csv(io.BytesIO(raw), sep=";", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert list(back.columns) == list(shown.columns)
    lao_cai = back[back[shown.columns[1]] == "Lào Cai"].iloc[0]
    assert "44,37" in lao_cai.values and "28" in lao_cai.values and "Trung bình cao" in lao_cai.values
    changes = back[shown.columns[4]]
    assert changes.str.startswith("-").any() and changes.str.startswith("+").any()   # an ASCII sign a spreadsheet reads
    assert not changes.str.contains("−").any()


def test_vietnamese_csv_separates_with_semicolons_so_decimal_commas_stay_numbers(shown):
    raw = export.table_csv(shown, "vi")
    text = raw.decode("utf-8-sig")
    lao = next(line for line in text.splitlines() if "Lào Cai" in line)
    assert ";44,37;" in lao and '"44,37"' not in lao                          # unquoted: a number
    back = pd.read_csv(io.BytesIO(raw), sep=";", decimal=",", encoding="utf-8-sig")
    assert list(back.columns) == list(shown.columns)
    value = shown.columns[2]
    assert back[value].dtype == float and back[value].tolist() == [round(x, 2) for x in shown[value]]
    assert pd.api.types.is_numeric_dtype(back[shown.columns[4]])                 # rank changes read as numbers
    en = export.table_csv(shown, "en").decode("utf-8-sig")
    assert ",44.37," in next(line for line in en.splitlines() if "Lào Cai" in line)


def test_csv_neutralises_injected_cells(shown):
    hostile = _hostile(shown)
    back = pd.read_csv(io.BytesIO(export.table_csv(hostile, "en")), dtype=str, keep_default_na=False,
                       encoding="utf-8-sig")
    first = back.iloc[:len(INJECTIONS), 0].tolist()
    assert first == ["'" + c for c in INJECTIONS]


def test_xlsx_round_trips_with_numbers_and_sources(shown):
    raw = export.table_xlsx(shown, sources=["Nguồn: PAPI 2018 — CECODES, VFF-CRT, RTA & UNDP"],
                            notes=["Ô trống: không có số liệu"], lang="vi")
    wb = load_workbook(io.BytesIO(raw))
    ws = wb.worksheets[0]
    header = [c.value for c in ws[1]]
    assert header == list(shown.columns)
    assert ws.freeze_panes == "A2" and ws["A1"].font.bold
    rows = [[c for c in r] for r in ws.iter_rows(min_row=2)]
    assert len(rows) == len(shown)
    for got, (_, want) in zip(rows, shown.iterrows()):
        rank, name, value, tier, change, points, basis = got
        assert rank.value == want.iloc[0] and rank.number_format == "#,##0"
        assert value.value == pytest.approx(want.iloc[2]) and value.number_format == "#,##0.00"
        assert tier.value == analytics.tier_name(want.iloc[3], "vi") and tier.data_type == "s"
        if pd.isna(want.iloc[4]):
            assert change.value is None                                    # not comparable: blank, not text
        else:
            assert change.value == int(want.iloc[4]) and change.number_format == '+0;"−"0;0'
    lao = next(r for r in rows if r[1].value == "Lào Cai")
    assert round(lao[2].value, 2) == 44.37
    assert wb.sheetnames == ["Dữ liệu", "Nguồn và ghi chú"]
    meta = wb.worksheets[1]
    lines = [r[0].value for r in meta.iter_rows()]
    assert lines == ["Nguồn: PAPI 2018 — CECODES, VFF-CRT, RTA & UNDP", "Ô trống: không có số liệu"]


def test_xlsx_has_no_formula_cells(shown):
    wb = load_workbook(io.BytesIO(export.table_xlsx(_hostile(shown), sources=["=evil()"], lang="vi")))
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", (ws.title, c.coordinate, c.value)
    # Typed text marked quote prefix (as Excel marks text typed after an
    # apostrophe): shown as written, no visible apostrophe, text when edited.
    ws = wb.worksheets[0]
    cells = [ws.cell(i + 2, 1) for i in range(len(INJECTIONS))]
    assert [c.value for c in cells] == INJECTIONS and all(c.data_type == "s" and c.quotePrefix for c in cells)
    assert wb.worksheets[1]["A1"].value == "=evil()" and wb.worksheets[1]["A1"].quotePrefix


def test_xlsx_english_numbers(store):
    from papi_data import display
    df = display.with_roles(pd.DataFrame({"Province": ["Lao Cai", "Quang Ninh"], "Score": [44.37, 48.81],
                                          "Change": [None, 1.2], "Rank": [display.Rank(28, 63), display.Rank(1, 63)]}),
                            {"Change": display.SIGNED})
    ws = load_workbook(io.BytesIO(export.table_xlsx(df, lang="en"))).worksheets[0]
    assert [ws.cell(r, 2).value for r in (2, 3)] == [44.37, 48.81]
    assert ws.cell(2, 3).value is None and ws.cell(3, 3).value == 1.2
    assert ws.cell(3, 3).number_format.startswith("+0.00")
    assert ws.cell(2, 4).value == 28 and ws.cell(2, 4).number_format == '0"/63"'     # a number shown as 28/63


# --- chart images -----------------------------------------------------------

needs_browser = pytest.mark.skipif(export.browser_path() is None,
                                   reason="no Chromium to draw images (apt-get install chromium); CI installs it")


def _figure() -> go.Figure:
    fig = go.Figure(go.Bar(x=["Lào Cai", "Thừa Thiên Huế", "Đắk Lắk"], y=[44.37, 45.1, 43.2]))
    fig.update_layout(title="Điểm tổng hợp — PAPI 2018")
    return fig


@needs_browser
def test_png_has_the_requested_size():
    from PIL import Image
    raw = export.figure_image(export.with_source(_figure(), "Nguồn: PAPI 2018"), "png", width=800, height=400,
                              scale=2)
    assert raw[:8] == b"\x89PNG\r\n\x1a\n" and len(raw) > 10_000
    im = Image.open(io.BytesIO(raw))
    assert im.size == (1600, 800)
    assert len(im.convert("RGB").getcolors(maxcolors=1 << 20)) > 20        # drawn, not blank


@needs_browser
def test_default_width_is_the_figures_or_narrower_for_a_radar():
    from PIL import Image
    assert Image.open(io.BytesIO(export.figure_image(_figure(), "png", scale=1))).size == (1200, 500)
    radar = go.Figure(go.Scatterpolar(r=[5.3, 5.5, 5.0, 6.8], theta=["D1", "D2", "D3", "D4"], fill="toself"))
    assert Image.open(io.BytesIO(export.figure_image(radar, "png", scale=1))).size == (900, 500)
    sized = go.Figure(_figure()).update_layout(width=700, height=300)
    assert Image.open(io.BytesIO(export.figure_image(sized, "png", scale=1))).size == (700, 300)


@needs_browser
def test_svg_keeps_size_and_vietnamese_text():
    raw = export.figure_image(export.with_source(_figure(), "Nguồn: PAPI 2018 — CECODES"), "svg", width=900,
                              height=450)
    svg = raw.decode("utf-8")
    assert svg.lstrip().startswith("<svg") and 'width="900"' in svg and 'height="450"' in svg
    for text in ("Lào Cai", "Thừa Thiên Huế", "Đắk Lắk", "Điểm tổng hợp", "Nguồn: PAPI 2018"):
        assert text in svg


def test_source_is_written_under_the_title_without_touching_the_page_figure():
    fig = _figure()
    out = export.with_source(fig, "Nguồn: PAPI 2018", note="Thang 80 từ 2018")
    assert fig.layout.title.subtitle.text is None and fig.layout.margin.l is None
    assert out.layout.title.subtitle.text == "Thang 80 từ 2018  Nguồn: PAPI 2018"
    assert out.layout.margin.l >= 60 and out.layout.margin.t >= 100


def test_no_browser_says_what_to_install(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    assert export.browser_path() is None
    with pytest.raises(export.BrowserMissing, match="apt-get install chromium"):
        export.figure_image(_figure(), "png")
    assert os.environ["BROWSER_PATH"] == "/nonexistent/chromium"      # nothing downloaded or changed
