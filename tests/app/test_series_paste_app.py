"""A paste over the size limit on the own-series page: the file's message, the last good series and paste kept."""

import json

from streamlit.testing.v1 import AppTest

from lstm.training.series import MAX_BYTES

GOOD = "close\n1\n3\n2\n5\n4\n6\n"


def test_a_paste_over_the_limit_is_refused_and_the_last_good_paste_goes_back_in_the_field():
    app = AppTest.from_string("from lstm.ui import series\nseries.render()\n", default_timeout=60)
    app.run()
    app.text_area(key="series_paste").input(GOOD).run()
    oversized = "close\n" + "1.25\n" * (MAX_BYTES // 5 + 1)
    app.text_area(key="series_paste").input(oversized).run()
    assert not app.exception, app.exception
    said = app.error[0].value.replace("\\", "")  # the message is markdown-escaped
    assert said.startswith("The pasted text was not used: it is 1.0 MB; a price series fits in 1 MB.")
    assert "last one that worked" in app.error[0].value
    assert app.text_area(key="series_paste").value == GOOD
    assert json.loads(app.get("plotly_chart")[0].proto.spec)["data"][0]["y"] == [1.0, 3.0, 2.0, 5.0, 4.0, 6.0]
