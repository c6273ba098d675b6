"""The notebooks run top to bottom on a clean install (so they cannot rot)."""

import nbformat
import pytest
from nbclient import NotebookClient


@pytest.mark.parametrize("name", ["01_quickstart", "02_retrospective_cohort", "03_error_analysis"])
def test_notebook_executes(root, name, tmp_path, monkeypatch):
    path = root / "notebooks" / f"{name}.ipynb"
    notebook = nbformat.read(path, as_version=4)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code"), (
        "commit notebooks without outputs"
    )
    monkeypatch.setenv("MPLBACKEND", "Agg")
    NotebookClient(
        notebook,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    ).execute()
    errors = [
        o
        for c in notebook.cells
        if c.cell_type == "code"
        for o in c.outputs
        if o.output_type == "error"
    ]
    assert errors == []
