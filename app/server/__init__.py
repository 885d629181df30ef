"""Tavle's web server: Streamlit with the session cookie's routes (`streamlit run app/server/web_server.py`)."""
