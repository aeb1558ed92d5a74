"""Show a chart the same way on every page: the figure, its source line
underneath, and PNG/SVG downloads of exactly that figure."""
from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

PLOTLY_CONFIG = {"displaylogo": False, "responsive": True}

# Plotly's own words on the chart (toolbar tooltips, "Double-click to zoom
# back out"): plotly.js ships no Vietnamese dictionary (its "vi" locale has
# only dates), and Streamlit's bundle registers English only, so the
# dictionary goes with each chart's config.
VI_LOCALE = {"dictionary": {
    "Autoscale": "Tự co giãn trục", "Box Select": "Chọn theo khung", "Lasso Select": "Chọn tự do",
    "Compare data on hover": "So sánh dữ liệu khi rê chuột",
    "Show closest data on hover": "Hiện dữ liệu gần nhất khi rê chuột",
    "Toggle show closest data on hover": "Bật/tắt hiện dữ liệu gần nhất khi rê chuột",
    "Double-click to zoom back out": "Nhấp đúp để thu về như cũ",
    "Double-click on legend to isolate one trace": "Nhấp đúp vào chú giải để chỉ xem một đường",
    "Download plot": "Tải biểu đồ", "Download plot as a PNG": "Tải biểu đồ dạng PNG",
    "Image download succeeded": "Đã tải ảnh", "Preparing image - this may take a few seconds":
        "Đang chuẩn bị ảnh, xin chờ vài giây", "Sorry, there was a problem downloading your image!":
        "Không tải được ảnh.", "Pan": "Kéo", "Reset axes": "Đặt lại trục", "Reset view": "Đặt lại khung nhìn",
    "Reset views": "Đặt lại khung nhìn", "Toggle Spike Lines": "Bật/tắt đường gióng", "Zoom": "Phóng to vùng chọn",
    "Zoom in": "Phóng to", "Zoom out": "Thu nhỏ", "Produced with Plotly.js": "Vẽ bằng Plotly.js"},
    "format": {"decimal": ",", "thousands": ".", "date": "%d/%m/%Y",
               "days": ["Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"],
               "shortDays": ["CN", "T2", "T3", "T4", "T5", "T6", "T7"],
               "months": [f"Tháng {i}" for i in range(1, 13)], "shortMonths": [f"Th{i}" for i in range(1, 13)]}}


def config(lang: str, phone: bool = False) -> dict:
    """The chart config for the interface language. On a phone the toolbar
    would sit over the chart's title (a tap shows it); the download buttons
    under every chart do its work there."""
    out = PLOTLY_CONFIG if lang != "vi" else {**PLOTLY_CONFIG, "locale": "vi", "locales": {"vi": VI_LOCALE}}
    return {**out, "displayModeBar": False} if phone else out


def on_phone() -> bool:
    """A phone's browser, by the "Mobi" its user agent carries (the rule
    browsers' makers recommend); tablets and desktops are not phones."""
    try:
        return "Mobi" in (st.context.headers.get("User-Agent") or "")
    except Exception:      # no browser behind this run
        return False


PHONE_TITLE = 34   # characters of a title line on a 390 px phone


def for_phone(fig: go.Figure) -> go.Figure:
    """A copy of a page figure for a phone held upright: the title wrapped
    (plotly never wraps one) and year axes with a few upright labels, which
    otherwise turn on end and are cut to "201…". The shared figure stays untouched."""
    import textwrap
    out = go.Figure(fig)
    title = str(out.layout.title.text or "")
    if len(title) > PHONE_TITLE and "<br>" not in title:
        lines = textwrap.wrap(title, PHONE_TITLE)
        out.update_layout(title={"text": "<br>".join(lines)},
                          margin={"t": max(out.layout.margin.t or 0, 30 + 22 * len(lines))})
    for ax in out.select_xaxes():
        if ax.dtick == 1 and not ax.tickvals:          # a tick for every year: every other one fits
            ax.update(dtick=2, tickangle=0)
    return out


def show_chart(fig: go.Figure, key: str, source: str, note: str | None = None, downloads: bool = True) -> None:
    """Render `fig` with the source under it (and an optional note)."""
    # theme=None: the figure keeps its own fonts and colours (figures.py), so
    # the screen shows exactly what the PNG/SVG and the deck show.
    from ui.sidebar import language
    phone = on_phone()
    st.plotly_chart(for_phone(fig) if phone else fig, key=key, config=config(language(), phone), width="stretch",
                    theme=None)
    st.caption(source if not note else f"{note}  \n{source}")
    if downloads:
        from ui.exports import chart_buttons
        chart_buttons(fig, key, source, note)
