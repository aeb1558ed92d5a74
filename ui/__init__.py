"""Streamlit components shared by the pages (widgets, cached data access)."""
