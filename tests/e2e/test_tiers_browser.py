"""Published tiers and explained ranks in Chromium: the profile says the
group is as published, names the provinces not ranked, and the rule of
computed tiers opens with one click."""
import pytest

from tests.e2e.browser import assert_no_exception, open_page, screenshot

pytestmark = pytest.mark.e2e


def test_profile_2023_published_group_and_rule_a_click_away(server, page):
    open_page(page, f"{server}/profile?lang=vi&year=2023&province=26", wait_for=".js-plotly-plot .main-svg")
    assert_no_exception(page)
    main = page.locator('[data-testid="stMain"]')
    text = main.inner_text()
    assert "Trung bình cao (theo công bố)" in text                       # Vĩnh Phúc 16th: published, not the top group
    assert "Xếp hạng 16/61 (63 tỉnh; 2 tỉnh không được xếp hạng năm nay: Quảng Ninh" in text
    assert "phân vị 75" not in text                                      # the rule is behind the popover
    page.get_by_role("button", name="Cách tính nhóm").first.click()
    page.get_by_text("phân vị 75", exact=False).first.wait_for(timeout=30_000)
    assert "Sát ngưỡng" in page.locator('[data-testid="stPopoverBody"]').first.inner_text()
    screenshot(page, "tiers-profile-2023-rule")


def test_overview_2019_computed_in_english(server, page):
    open_page(page, f"{server}/overview?lang=en&year=2019", wait_for=".js-plotly-plot .main-svg")
    assert_no_exception(page)
    text = page.locator('[data-testid="stMain"]').inner_text()
    assert "Groups computed from quartiles" in text and "not ranked this year" not in text
    screenshot(page, "tiers-overview-2019-en")
