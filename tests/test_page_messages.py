"""The crowd tests' message log reads Streamlit's messages as this Streamlit writes them."""

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from tests.support.page_messages import describe_from_server, describe_to_server


def from_server(message: ForwardMsg) -> str:
    return describe_from_server(message.SerializeToString())


def test_a_chart_says_where_it_draws_and_in_which_fragment():
    message = ForwardMsg()
    message.metadata.delta_path[:] = [0, 6, 2, 0]
    message.delta.fragment_id = "806e18265a"
    message.delta.new_element.plotly_chart.spec = "{}"
    assert from_server(message) == "new_element:plotly_chart at [0, 6, 2, 0] fragment=806e1826"


def test_runs_and_timers_say_which_run_and_which_fragment():
    started = ForwardMsg()
    started.new_session.name = "streamlit_app"
    started.metadata.run.script_run_id = "3b98fcd3-0000"
    started.metadata.run.fragment_ids.append("806e18265a")
    assert from_server(started) == "run 3b98fcd3 starts, fragments ['806e1826']"

    finished = ForwardMsg()
    finished.script_finished = ForwardMsg.FINISHED_EARLY_FOR_RERUN
    finished.metadata.run.script_run_id = "3b98fcd3-0000"
    assert from_server(finished) == "run 3b98fcd3 FINISHED_EARLY_FOR_RERUN"

    timer = ForwardMsg()
    timer.auto_rerun.interval = 0.2
    timer.auto_rerun.fragment_id = "806e18265a"
    assert from_server(timer) == "timer every 0.2 s for 806e1826"

    reference = ForwardMsg()
    reference.ref_hash = "abc"
    reference.metadata.delta_path[:] = [0, 6, 3, 0]
    assert from_server(reference) == "reference at [0, 6, 3, 0]"


def test_a_rerun_says_who_asked_for_it():
    tick = BackMsg()
    tick.rerun_script.fragment_id = "806e18265a"
    tick.rerun_script.is_auto_rerun = True
    assert describe_to_server(tick.SerializeToString()) == "to server: rerun of 806e1826, asked by its timer"

    click = BackMsg()
    click.rerun_script.query_string = ""
    assert describe_to_server(click.SerializeToString()) == "to server: rerun of the page, asked by the visitor"
