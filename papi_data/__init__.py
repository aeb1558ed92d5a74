"""PAPI data layer: codebook, provinces, store, analytics. Never imports streamlit."""
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR.parent / "data"
