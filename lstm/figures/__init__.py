"""Plotly figures from plain data (no torch): the theme, the unrolled unit, training and insight charts, exports."""
