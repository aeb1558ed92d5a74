"""The one place numbers become text (papi_data.display): screen, Excel, CSV."""
import pandas as pd

from papi_data import display
from papi_data.display import Rank, Tier


def test_numbers_in_each_language():
    assert display.number(46.9551, "vi") == "46,96" and display.number(46.9551, "en") == "46.96"
    assert display.number(1234.5, "vi") == "1.234,50" and display.number(1234.5, "en") == "1,234.50"
    assert display.number(-1.904, "vi") == "−1,90"                   # the true minus sign
    assert display.number(7.8579, "vi", digits=None) == "7,8579"     # a published bound, every decimal
    assert display.number(None, "vi") == display.number(float("nan"), "en") == "–"


def test_changes_ranks_and_tiers():
    assert display.signed(0.684, "vi") == "+0,68" and display.signed(-1.9, "en") == "−1.90"
    assert display.signed(-0.001, "vi") == "0,00"                    # never −0,00 nor +0,00
    assert [display.rank_change(x) for x in (3, -2, 0, None)] == ["+3", "−2", "0", "–"]
    assert display.rank(Rank(19, 61)) == "19/61" and display.rank(7) == "7"
    assert display.tier(1, "vi") == "Cao nhất" and display.tier(Tier(2, "(as published)"), "en") == \
        "High-average (as published)"


def test_roles_come_from_the_spec_or_the_type_never_the_text():
    df = display.with_roles(pd.DataFrame({"Province": ["Lào Cai"], "Value": [45.0553], "Rank": [Rank(13, 63)],
                                          "Tier": [1], "Note": ["1,5"]}), {"Tier": display.TIER})
    assert display.roles(df) == [display.TEXT, display.NUMBER, display.RANK, display.TIER, display.TEXT]
    shown = display.for_screen(df, "vi")
    assert shown.iloc[0].tolist() == ["Lào Cai", "45,06", "13/63", "Cao nhất", "1,5"]
    # A rank in a score column (a rank target's result) still reads as a rank.
    assert display.cell(Rank(19, 61), display.NUMBER, "en") == "19/61"


def test_spreadsheet_cells_stay_numbers():
    assert display.excel_value(45.0553, display.NUMBER, "vi") == (45.0553, "#,##0.00")
    assert display.excel_value(-1.9, display.SIGNED, "vi") == (-1.9, '+0.00;"−"0.00;0.00')
    assert display.excel_value(Rank(19, 61), display.RANK, "vi") == (19, '0"/61"')
    assert display.excel_value(None, display.NUMBER, "vi") == (None, None)
    assert display.excel_value(2, display.TIER, "en") == ("High-average", None)


def test_csv_numbers_a_spreadsheet_reads():
    df = display.with_roles(pd.DataFrame({"v": [45.0553, None], "d": [-1.9, 0.68], "r": [Rank(19, 61), None],
                                          "c": [-2.0, 3.0]}),
                            {"d": display.SIGNED, "c": display.RANK_CHANGE})
    assert display.csv_frame(df, "vi").values.tolist() == [["45,06", "-1,90", "19/61", "-2"],
                                                           ["", "+0,68", "", "+3"]]
    assert display.csv_frame(df, "en").iloc[0].tolist() == ["45.06", "-1.90", "19/61", "-2"]
