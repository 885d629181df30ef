"""Tavle's Streamlit app: thin pages over indicators, db and reports."""
