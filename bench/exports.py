"""Benchmark of the meeting files: time to build a full slide deck
(papi_data.deck.build, from the store to .pptx bytes) and to export one
chart image (PNG and SVG through kaleido and the machine's Chromium), first
call in a fresh process and then warm. Figures go to docs/PERFORMANCE.md.

    .venv/bin/python bench/exports.py [--repeat 5]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PAPI_DATABASE_URL", f"sqlite:///{Path(tempfile.mkdtemp(prefix='papi-bench-exp-')) / 'b.db'}")

DECKS = [(10, 2019, "vi"), (10, 2018, "en"), (19, 2024, "vi"), (33, 2024, "en")]


def timed(fn):
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()
    from pptx import Presentation
    import io
    from papi_data import analytics, deck, export, provinces, screens
    from papi_data.i18n import t
    from papi_data.db import deck_inputs
    from papi_data.db.scores import get_store
    store = get_store()
    store.scores()                               # seeding is not part of a deck
    print(f"load average {os.getloadavg()[0]:.1f}, {os.cpu_count()} CPUs")
    print("| deck | slides | first | warm median | warm best |")
    print("| --- | --- | --- | --- | --- |")
    first = True
    for code, year, lang in DECKS:
        cold, raw = timed(lambda: deck.build(code, year, lang, **deck_inputs.load(store, code, year)))
        warm = [timed(lambda: deck.build(code, year, lang, **deck_inputs.load(store, code, year)))[0]
                for _ in range(a.repeat)]
        n = len(Presentation(io.BytesIO(raw)).slides)
        label = f"{provinces.name(code, year, lang)} {year} ({lang})"
        print(f"| {label} | {n} | {cold:.2f} s{' (first in process)' if first else ''} | "
              f"{statistics.median(warm):.2f} s | {min(warm):.2f} s |")
        first = False

    if export.browser_path() is None:
        print("no Chromium: image export not measured")
        return
    e = analytics.enrich(store.scores())
    stats = analytics.national_stats(store.scores())
    years = tuple(sorted(int(y) for y in e["year"].unique()))
    fig = screens.draw(screens.build(screens.profile.Query(10, 2019, "TOTAL"), screens.Frames(e, stats)), "vi").trend
    fig = export.with_source(fig, t("source_papi", "vi", years=f"{years[0]}–{years[-1]}"))
    print("\n| image | first (starts the browser) | warm median | warm best | bytes |")
    print("| --- | --- | --- | --- | --- |")
    for fmt in ("png", "svg"):
        cold, raw = timed(lambda: export.figure_image(fig, fmt))
        warm = [timed(lambda: export.figure_image(fig, fmt))[0] for _ in range(a.repeat)]
        print(f"| profile trend, {fmt.upper()} 1200 px{' ×2' if fmt == 'png' else ''} | {cold:.2f} s | "
              f"{statistics.median(warm):.2f} s | {min(warm):.2f} s | {len(raw):,} |")


if __name__ == "__main__":
    main()
