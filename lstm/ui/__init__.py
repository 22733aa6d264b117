"""The Streamlit pages: the only code besides streamlit_app.py that imports Streamlit."""
