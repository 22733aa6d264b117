"""The Training page after a run: before and after, carrying the weights back, downloads, and loading weights."""

from __future__ import annotations

from functools import partial

import streamlit as st

from lstm.locales import _
from lstm.training.worker import Progress, TrainingRun
from lstm.ui import explorer_session, routes
from lstm.ui.text import escape_markdown
from lstm.unit.weights import WeightsError, from_file_bytes, to_json, to_safetensors


def results_panel(run: TrainingRun, progress: Progress) -> None:
    history = progress.history
    st.subheader(_("Before and after"))
    columns = {
        _("{title} (target {target})").format(title=title, target=f"{target:.4g}"): history.predictions[name]
        for name, (title, target) in run.data.targets.items()
    }
    columns[_("loss")] = history.loss
    st.dataframe(
        {
            "": [_("before training"), _("now")],
            **{title: [values[0], values[-1]] for title, values in columns.items()},
        },
        hide_index=True,
        # Significant digits, not decimals: a trained loss of 4e-5 must not read 0.0000.
        column_config={title: st.column_config.NumberColumn(title, format="%.4g") for title in columns},
    )
    # The files are made when a button is pressed, not on every rerun: a long run's history is about 1 MB of CSV.
    # A download reruns nothing: a rerun would retire the other buttons' files while the page still offered them,
    # and a second download pressed in that moment never came.
    carry, weights_json, weights_safetensors, curve = st.columns(4)
    if carry.button(
        _("Use these weights in the explorer"), icon=":material/arrow_back:", type="primary", width="stretch"
    ):
        explorer_session.use_weights(progress.weights)
        st.switch_page(routes.EXPLORER.target())
    weights_json.download_button(
        _("Weights (JSON)"),
        partial(to_json, progress.weights),
        file_name="lstm-weights.json",
        mime="application/json",
        icon=":material/download:",
        on_click="ignore",
        width="stretch",
    )
    weights_safetensors.download_button(
        _("Weights (safetensors)"),
        partial(to_safetensors, progress.weights),
        file_name="lstm-weights.safetensors",
        mime="application/octet-stream",
        icon=":material/download:",
        on_click="ignore",
        width="stretch",
    )
    curve.download_button(
        _("Loss history (CSV)"),
        history.to_csv,
        file_name="lstm-training.csv",
        mime="text/csv",
        icon=":material/download:",
        on_click="ignore",
        width="stretch",
    )


def upload_panel() -> None:
    st.subheader(_("Load weights"))
    upload = st.file_uploader(
        _("A weights file (.json or .safetensors, at most 1 MB) goes into the explorer and can start a run."),
        type=["json", "safetensors"],
        key="weights_upload",
    )
    if upload is None:
        return
    try:
        weights = from_file_bytes(upload.getvalue(), upload.name)
    except WeightsError as error:
        st.error(
            _("{file} was not loaded: {error}").format(
                file=escape_markdown(upload.name), error=escape_markdown(str(error))
            ),
            icon=":material/error:",
        )
        return
    if st.session_state.get("uploaded") != (upload.file_id, weights):
        explorer_session.use_weights(weights)
        st.session_state["uploaded"] = (upload.file_id, weights)
    st.success(
        _("Loaded {file}: the explorer now shows these weights.").format(file=escape_markdown(upload.name)),
        icon=":material/check:",
    )
