"""The "Why an LSTM" page's experiment: how often each unit, trained alike, told A from B, and its recompute."""

from __future__ import annotations

import streamlit as st

from lstm.figures.exports import image_export_config
from lstm.figures.why_lstm import experiment_figure
from lstm.insights.carry import UNITS, CarryTable, load_carry
from lstm.locales import N_, _, ngettext
from lstm.training.carry_worker import CarryRecompute, RecomputeState
from lstm.ui import language
from lstm.ui.server_limits import limits
from lstm.ui.text import escape_markdown

# The visitor's recomputed runs: (unit, days, seed) -> the run's record, as the experiment's file keeps it.
RECOMPUTED = "why_recomputed"
RECOMPUTE = "why_recompute"  # the visitor's recompute under way, at most one
LATEST = "why_recomputed_latest"  # (days, seed) of the last recompute that finished
LATEST_FAILED = "why_recompute_failed"  # how the last one ended when it did not finish
POLL_SECONDS = 1.0
UNIT_NAMES = {"rnn": N_("plain RNN"), "lstm": N_("LSTM")}
STATES = {
    RecomputeState.QUEUED: N_("Queued: the server is training other runs; this one starts when a slot frees up."),
    RecomputeState.RUNNING: N_("Training both units..."),
    RecomputeState.STOPPED: N_("Stopped while waiting for a training slot."),
    RecomputeState.FAILED: N_("The training failed unexpectedly; nothing was kept."),
}


def seed_choice(container, shown: bool) -> int:
    """The seed of the trained weights: one of the experiment's; asked only where a unit's weights are trained.

    Not shown rather than disabled: a disabled field's pale label is below AA contrast, and says nothing useful.
    """
    seeds = list(load_carry().seeds)
    if not shown:
        return st.session_state.get("why_seed", seeds[0])
    return container.selectbox(
        _("Seed of the trained runs"), seeds, key="why_seed",
        help=_("Each seed draws other starting weights; the experiment trained both units from each."),
    )  # fmt: skip


def trained(unit: str, days: int, seed: int) -> tuple[dict[str, float], str]:
    """The unit's weights trained for these days and seed (recomputed here, else shipped), and where they come from.

    The shipped experiment measured a few lengths; for another, the nearest measured length's run stands in
    until the visitor trains one for these days.
    """
    name = _(UNIT_NAMES[unit])
    record = st.session_state.get(RECOMPUTED, {}).get((unit, days, seed))
    if record is not None:
        sentence = _("The {unit}'s weights: trained here with Adam for {days} days from seed {seed}.")
        return record["weights"], sentence.format(unit=name, days=days, seed=seed)
    table = load_carry()
    nearest = min(table.days, key=lambda length: (abs(length - days), length))
    record = next(run for run in table.runs if run["unit"] == unit and run["days"] == nearest and run["seed"] == seed)
    if nearest == days:
        sentence = _("The {unit}'s weights: the experiment's run for {days} days from seed {seed}.")
        return record["weights"], sentence.format(unit=name, days=days, seed=seed)
    sentence = _(
        "The {unit}'s weights: the experiment's run for {trained} days from seed {seed}, the nearest length it "
        "measured, here over {days} days. Train both units for {days} days below to use weights trained for them."
    )
    return record["weights"], sentence.format(unit=name, trained=nearest, days=days, seed=seed)


def measured(table: CarryTable) -> str:
    """What the experiment shows, sentence by sentence from its numbers: nothing said that it did not measure."""
    runs = len(table.seeds) * len(table.days)
    said = []
    for unit in UNITS:
        counts = [table.told_apart_count(unit, days) for days in table.days]
        told = [days for days, count in zip(table.days, counts, strict=True) if count]
        name, total = _(UNIT_NAMES[unit]), sum(counts)
        if not told:
            said.append(_("The {unit} never told them apart, at any length.").format(unit=name))
        elif told[-1] < table.days[-1]:
            sentence = ngettext(
                "The {unit} told them apart in {count} of its {runs} runs, and never past {last} days.",
                "The {unit} told them apart in {count} of its {runs} runs, and never past {last} days.",
                total,
            )
            said.append(sentence.format(unit=name, count=total, runs=runs, last=told[-1]))
        else:
            sentence = ngettext(
                "The {unit} told them apart in {count} of its {runs} runs, even at {last} days.",
                "The {unit} told them apart in {count} of its {runs} runs, even at {last} days.",
                total,
            )
            said.append(sentence.format(unit=name, count=total, runs=runs, last=told[-1]))
    if table.told_apart_count("lstm", table.days[-1]) == 0:
        said.append(
            _(
                "So with this budget the LSTM fails too on long sequences: its long-term memory can carry day 1, "
                "but a short training does not find weights that do."
            )
        )
    return " ".join(said)


def _budget(table: CarryTable) -> str:
    return _(
        "Both units trained alike: Adam at learning rate {rate}, both companies in every step, {epochs} epochs, "
        "from seeds {first} to {last}; told apart means both predictions within {tolerance} of their targets. "
        "Made by `{command}`."
    ).format(
        rate=f"{table.learning_rate:g}", epochs=table.epochs, first=min(table.seeds), last=max(table.seeds),
        tolerance=f"{table.tolerance:g}", command=table.command,
    )  # fmt: skip


def experiment_section(days: int) -> None:
    table = load_carry()
    st.subheader(_("The experiment: which unit learns to tell A from B"))
    st.markdown(measured(table))
    dark = st.context.theme.type == "dark"
    counts = {unit: [table.told_apart_count(unit, length) for length in table.days] for unit in UNITS}
    st.plotly_chart(
        experiment_figure(table.days, counts, len(table.seeds), dark),
        key="why_experiment", theme=None, config=image_export_config("lstm-carry-experiment"),
    )  # fmt: skip
    st.caption(_budget(table))
    _recompute(days)


def _start(days: int, seed: int) -> None:
    st.session_state[RECOMPUTE] = CarryRecompute(days, seed, limits()).start()


def collect() -> CarryRecompute | None:
    """The visitor's recompute while it runs; once it ended, its runs kept (or why not said) and None.

    The page calls this first, so a run that just ended gives its weights to the whole page."""
    job: CarryRecompute | None = st.session_state.get(RECOMPUTE)
    if job is None or job.state.active:
        return job
    del st.session_state[RECOMPUTE]
    if job.state is RecomputeState.FINISHED:
        kept = st.session_state.setdefault(RECOMPUTED, {})
        for unit, record in job.records.items():
            kept[(unit, job.days, job.seed)] = record
        st.session_state[LATEST] = (job.days, job.seed)
    else:
        st.session_state[LATEST_FAILED] = job.state
    return None


def _recompute(days: int) -> None:
    """Both units trained for this length and seed, in the background under the server's cap, one at a time."""
    seed = st.session_state.get("why_seed", load_carry().seeds[0])
    try:
        limits()
    except ValueError as error:
        st.warning(
            _("Training here is off: this server's training limits are misconfigured: {error}").format(
                error=escape_markdown(str(error))
            ),
            icon=":material/warning:",
        )
        return
    job = collect()
    st.button(
        _("Train both units for {days} days from seed {seed}").format(days=days, seed=seed),
        icon=":material/refresh:", on_click=_start, args=(days, seed), disabled=job is not None,
        key="why_recompute_button",
        help=_("The experiment's budget, for this length and seed: a few seconds, in the background, one at a time."),
    )  # fmt: skip
    if job is not None:
        st.fragment(_progress, run_every=POLL_SECONDS)()
    elif LATEST_FAILED in st.session_state:
        st.info(_(STATES[st.session_state.pop(LATEST_FAILED)]), icon=":material/info:")
    elif LATEST in st.session_state:
        st.markdown(_outcome(*st.session_state[LATEST]))


def _progress() -> None:
    language.apply()  # a fragment's run is a thread of its own, which starts in English
    job: CarryRecompute | None = st.session_state.get(RECOMPUTE)
    if job is None or not job.state.active:
        st.rerun()  # the whole page: the new weights and the outcome
    job.heartbeat()
    st.info(_(STATES[job.state]), icon=":material/hourglass_top:")


def _outcome(days: int, seed: int) -> str:
    """What the visitor's recompute measured, one sentence a unit."""
    said = []
    for unit in UNITS:
        record = st.session_state[RECOMPUTED][(unit, days, seed)]
        sentence = (
            _("Trained here for {days} days from seed {seed}, the {unit} told them apart: A {a}, B {b}.")
            if record["told_apart"]
            else _("Trained here for {days} days from seed {seed}, the {unit} did not tell them apart: A {a}, B {b}.")
        )
        said.append(
            sentence.format(
                days=days, seed=seed, unit=_(UNIT_NAMES[unit]),
                a=f"{record['predictions']['A']:.3f}", b=f"{record['predictions']['B']:.3f}",
            )
        )  # fmt: skip
    return " ".join(said)
