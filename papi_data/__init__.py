"""PAPI data layer: codebook, provinces, store, analytics. Never imports streamlit."""
from pathlib import Path

# The product's version, written here only: pyproject.toml reads it, backups
# record it, `python -m papi_data --version` prints it.
__version__ = "0.1.0"

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR.parent / "data"
