"""The plain HTML table of the leader's pages (ui.tables.html_table)."""
import pandas as pd

from papi_data import display
from papi_data.figures import TIER_COLORS
from ui.tables import html_table


def frame():
    return display.with_roles(pd.DataFrame({
        "Tỉnh": ["Lào Cai", "<b>x</b>"], "Điểm": [46.96, None], "Hạng": [display.Rank(19, 61), display.Rank(3, 61)],
        "Nhóm": [1, 4], "Số": [3, 12], "Giá trị": [1234.5, float("nan")], "Đổi": [-0.36, 2.0],
        "Hạng đổi": [-2, 0], "Ghi chú": ["46,96", "Cao nhất"]}),
        {"Tỉnh": display.LABEL, "Nhóm": display.TIER, "Đổi": display.SIGNED, "Hạng đổi": display.RANK_CHANGE})


def test_numbers_are_right_aligned_and_written_for_the_language():
    vi, en = html_table(frame(), "vi"), html_table(frame(), "en")
    assert '<td class="num">46,96</td>' in vi and '<td class="num">19/61</td>' in vi
    assert '<td class="num">1.234,50</td>' in vi and '<td class="num">1,234.50</td>' in en   # floats formatted
    assert '<td class="num">3</td>' in vi                                                    # whole numbers stay whole
    assert '<td class="num">–</td>' in vi                                                    # missing, not "nan"
    assert '<td class="num">−0,36</td>' in vi and '<td class="num">+2,00</td>' in vi          # one minus sign
    assert '<td class="num">−2</td>' in vi and '<td class="num">0</td>' in vi                # rank change +3 / −2 / 0
    assert '<th scope="col" class=num>Điểm</th>' in vi and '<th scope="col">Tỉnh</th>' in vi
    assert "<td>Lào Cai</td>" in vi
    assert "<td>46,96</td>" in vi             # text that looks like a number is still text: no guessing


def test_tiers_carry_their_colour_and_their_name():
    vi, en = html_table(frame(), "vi"), html_table(frame(), "en")
    assert f'background:{TIER_COLORS[1]}"></span>Cao nhất</td>' in vi
    assert f'background:{TIER_COLORS[4]}"></span>Thấp nhất</td>' in vi
    assert f'background:{TIER_COLORS[1]}"></span>High</td>' in en          # by index, in either language
    assert "<td>Cao nhất</td>" in vi            # a tier's name in a text column is only text


def test_text_is_escaped_and_height_optional():
    out = html_table(frame(), "vi", max_height=None, label='a "b"')
    assert "&lt;b&gt;x&lt;/b&gt;" in out and "<b>x</b>" not in out
    assert "max-height" not in out and 'aria-label="a &quot;b&quot;"' in out
    assert "max-height:560px" in html_table(frame(), "vi")
    assert html_table(frame().iloc[:0], "vi").count("<tr>") == 1                               # header only
