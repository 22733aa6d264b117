"""The repository's notebook runs top to bottom in a fresh kernel and shows the learner's unit, replay and link."""

import json

import nbformat
from nbclient import NotebookClient

from tests.support.paths import REPO

NOTEBOOK = REPO / "notebooks" / "explore_your_own_lstm.ipynb"
PLOTLY = "application/vnd.plotly.v1+json"


def test_the_notebook_runs_and_shows_the_figures_and_the_link():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    # From the checkout, as after `pip install -e .`; a cell that raises fails the test (CellExecutionError).
    NotebookClient(notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(REPO)}}).execute()
    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    figures = [output["data"][PLOTLY] for output in outputs if PLOTLY in output.get("data", {})]
    assert len(figures) == 3  # explore, open_cell, the replay
    assert all(len(figure["frames"]) > 1 and figure["layout"]["sliders"] for figure in figures)
    printed = "".join(output.get("text", "") for output in outputs if output["output_type"] == "stream")
    assert "http://localhost:8501/?days=0,0.5,0.25,1&weights=" in printed
    assert "Company B: observed = 1, predicted = 0.98" in printed
    assert json.dumps(figures[0]).count('"type": "bar"') >= 4
