"""The plain HTML table of the leader's pages (ui.tables.html_table)."""
import pandas as pd

from papi_data.figures import TIER_COLORS
from ui.tables import html_table


def frame():
    return pd.DataFrame({"Tỉnh": ["Lào Cai", "<b>x</b>"], "Điểm": ["46,96", "–"], "Hạng": ["19/61", "3/61"],
                         "Nhóm": ["Cao nhất", "Thấp nhất"], "Số": [3, 12], "Giá trị": [1234.5, float("nan")]})


def test_numbers_are_right_aligned_and_written_for_the_language():
    vi, en = html_table(frame(), "vi"), html_table(frame(), "en")
    assert '<td class="num">46,96</td>' in vi and '<td class="num">19/61</td>' in vi
    assert '<td class="num">1.234,50</td>' in vi and '<td class="num">1,234.50</td>' in en   # raw floats formatted
    assert '<td class="num">–</td>' in vi                                                    # missing, not "nan"
    assert '<th scope="col" class=num>Điểm</th>' in vi and '<th scope="col">Tỉnh</th>' in vi
    assert "<td>Lào Cai</td>" in vi


def test_tiers_carry_their_colour_and_their_name():
    out = html_table(frame(), "vi")
    assert f'background:{TIER_COLORS[1]}"></span>Cao nhất</td>' in out
    assert f'background:{TIER_COLORS[4]}"></span>Thấp nhất</td>' in out
    # An English page's tier names are recognised on an English table only.
    assert "papi-tier" not in html_table(frame(), "en").split("</style>")[1]


def test_text_is_escaped_and_height_optional():
    out = html_table(frame(), "vi", max_height=None, label='a "b"')
    assert "&lt;b&gt;x&lt;/b&gt;" in out and "<b>x</b>" not in out
    assert "max-height" not in out and 'aria-label="a &quot;b&quot;"' in out
    assert "max-height:560px" in html_table(frame(), "vi")
    assert html_table(frame().iloc[:0], "vi").count("<tr>") == 1                               # header only
