"""The leader's charts are drawn in one pass: in Chromium, with the plotly.js
that ships with plotly, each figure's margins already hold its axis labels
and legend, so plotly never has to widen them and draw the figure again.
(Exports re-enable the widening; this is about the screen.)"""
import json
from pathlib import Path

import plotly
import pytest

from papi_data import analytics, codebook, explore, figures, provinces

pytestmark = pytest.mark.e2e

PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


def _figures(enriched, store, lang: str, year: int, code: int):
    stats = analytics.national_stats(store.scores())
    years = sorted(int(y) for y in enriched["year"].unique())
    ranked = analytics.ranking(enriched, year, "TOTAL")
    dims = codebook.indicators(year, "dimension")
    yield "ranking", figures.ranking_bar(ranked, lang, "r", highlight=code, names=provinces.names(year, lang))
    yield "map", figures.tile_map(ranked, year, lang, "m", highlight=code)
    yield "spread", figures.dimension_spread(enriched[enriched["year"] == year], year, lang, "s", highlight=code)
    yield "trend", figures.trend(explore.histories(enriched, code, year, "TOTAL", lang), stats, "TOTAL", lang, "t",
                                 years)
    yield "radar", figures.radar(explore.radar_profiles(enriched, stats, code, year, lang), lang, "p")
    yield "dims", figures.small_multiples({d: explore.histories(enriched, code, year, d, lang) for d in dims},
                                          stats, lang, "d", years)


@pytest.mark.parametrize("lang,year,code", [("vi", 2023, 10), ("en", 2014, 87), ("vi", 2024, 77), ("en", 2011, 1)])
def test_leader_charts_need_no_second_drawing(browser, enriched, store, tmp_path, lang, year, code):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        html = tmp_path / "plot.html"
        html.write_text(f"<html><body><script>{PLOTLY_JS.read_text(encoding='utf-8')}</script></body></html>",
                        encoding="utf-8")
        page.goto(html.as_uri())
        for name, fig in _figures(enriched, store, lang, year, code):
            spec = json.loads(fig.to_json())
            for width in (600, 1100):   # a half-page column and the full page
                set_, used = page.evaluate("""async ([f, w]) => {
                    const d = document.createElement('div'); d.style.width = w + 'px'; document.body.appendChild(d);
                    await Plotly.newPlot(d, f.data, f.layout);
                    const m = d._fullLayout.margin, s = d._fullLayout._size;
                    Plotly.purge(d); d.remove();
                    return [[m.l, m.r, m.t, m.b], [s.l, s.r, s.t, s.b].map(Math.round)]; }""", [spec, width])
                assert used == set_, f"{name} ({lang}, {year}, {width} px): plotly widened {set_} to {used}"
    finally:
        page.close()
