"""The floor of the page figures: one number field and one Plotly bar chart, the cheapest page this stack serves."""

import plotly.graph_objects as go
import streamlit as st

value = st.number_input("Value", value=0.5, step=0.05, format="%.2f")
st.plotly_chart(go.Figure(go.Bar(x=["value"], y=[value], text=[f"{value:.2f}"])), width="stretch")
