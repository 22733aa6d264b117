"""The one sideways-scrolling frame: its stylesheet takes container keys and a number, and nothing else."""

import pytest

from lstm.ui.sideways import scroll_sideways_css


def test_the_frame_scrolls_and_its_content_keeps_its_least_width():
    css = scroll_sideways_css("replay_frame", "replay", 912.7)
    assert ".st-key-replay_frame { overflow-x: auto; }" in css
    assert ".st-key-replay_frame .st-key-replay { min-width: 912px; }" in css
    assert "@media" not in css


def test_a_hint_shows_only_where_the_frame_is_narrower_than_its_content():
    css = scroll_sideways_css("unrolled_frame", "unrolled", 700, hint_key="phone_hint")
    assert ".st-key-phone_hint { display: none; }" in css
    assert "@media (max-width: 732px) { .st-key-phone_hint { display: block; } }" in css


@pytest.mark.parametrize("key", ["</style><script>", "a b", "Frame", ""])
def test_anything_but_a_container_key_is_refused(key):
    with pytest.raises(ValueError):
        scroll_sideways_css(key, "replay", 100)
    with pytest.raises(ValueError):
        scroll_sideways_css("frame", "replay", 100, hint_key=key)
