"""No element goes to a page as a reference to its earlier copy: a redraw cut short would leave it orphaned."""

import tomllib

import pytest
from streamlit import config
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.runtime.forward_msg_cache import create_reference_msg, populate_hash_if_needed
from streamlit.runtime.forward_msg_queue import ForwardMsgQueue

from tests.support.paths import REPO

LIVE_PANEL = "live-panel-fragment"
CHART_BYTES = 200_000  # a replay's figure with its frames is about this size


def app_setting(section: str, name: str):
    return tomllib.loads((REPO / ".streamlit" / "config.toml").read_text())[section][name]


def chart_message(path: list[int], size: int = CHART_BYTES) -> ForwardMsg:
    """A chart drawn inside the live panel, `size` bytes of figure."""
    message = ForwardMsg()
    message.metadata.delta_path[:] = path
    message.delta.fragment_id = LIVE_PANEL
    message.delta.new_element.plotly_chart.spec = "x" * size
    return message


def block_message(path: list[int]) -> ForwardMsg:
    message = ForwardMsg()
    message.metadata.delta_path[:] = path
    message.delta.fragment_id = LIVE_PANEL
    message.delta.add_block.vertical.SetInParent()
    return message


@pytest.fixture
def min_cached_size():
    """Restores Streamlit's own setting after a test that sets it."""
    default = config.get_option("global.minCachedMessageSize")
    yield
    config.set_option("global.minCachedMessageSize", default)


def test_a_redraw_cut_short_keeps_its_references_but_drops_their_blocks():
    """Why the setting exists. If this stops holding, Streamlit has fixed it and the setting can go."""
    queue = ForwardMsgQueue()
    chart = chart_message([0, 6, 3, 0])
    populate_hash_if_needed(chart)
    queue.enqueue(block_message([0, 6, 3]))
    queue.enqueue(create_reference_msg(chart))
    # The next redraw of the same panel starts before the queue went out.
    queue.clear(retain_lifecycle_msgs=True, fragment_ids_this_run=[LIVE_PANEL])
    left = queue.flush()
    assert [message.WhichOneof("type") for message in left] == ["ref_hash"]
    assert list(left[0].metadata.delta_path) == [0, 6, 3, 0]


def test_the_app_sends_every_element_whole(min_cached_size):
    setting = app_setting("global", "minCachedMessageSize")
    largest_message_bytes = config.get_option("server.maxMessageSize") * 1e6
    assert setting > largest_message_bytes, "any message the server may send could go as a reference"

    config.set_option("global.minCachedMessageSize", setting)
    chart = chart_message([0, 6, 3, 0])
    populate_hash_if_needed(chart)
    assert not chart.metadata.cacheable


def test_streamlit_would_send_the_same_chart_as_a_reference(min_cached_size):
    """The setting is the one that decides: with Streamlit's own value, the same chart would be cached."""
    streamlits_own = config.get_config_options()["global.minCachedMessageSize"].default_val
    config.set_option("global.minCachedMessageSize", streamlits_own)
    chart = chart_message([0, 6, 3, 0])
    populate_hash_if_needed(chart)
    assert chart.metadata.cacheable
