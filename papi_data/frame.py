"""The score frame's key and columns, free of the database so the checks
and the readers load no SQLAlchemy."""

KEY = ["year", "province_code", "indicator"]
SCORE_COLUMNS = ["year", "province_code", "indicator", "value", "ci_low", "ci_high", "se",
                 "tier_official", "source"]
