"""The page's language: from the link's `lang`, the picker, the browser, else English; kept in the link."""

import json

from streamlit.testing.v1 import AppTest

from lstm.ui import language

# The frame's order: the language first, the picker, then the page; the text says what the run spoke.
PAGE = """
import streamlit as st
from lstm.locales import current
from lstm.ui import explorer, language
language.apply()
language.picker()
explorer.render()
st.text(f"spoken: {current()}")
"""
# Another page than the explorer: AppTest replays a radio's value against its shown labels, which are in the
# language the run before spoke, so a rerun of the explorer after a change of language trips AppTest itself.
OTHER_PAGE = """
import streamlit as st
from lstm.locales import current
from lstm.ui import language
language.apply()
language.picker()
st.text(f"spoken: {current()}")
"""


def open_page(query: dict[str, str] | None = None, locale: str | None = None, page: str = PAGE) -> AppTest:
    app = AppTest.from_string(page, default_timeout=60)
    for key, value in (query or {}).items():
        app.query_params[key] = value
    if locale is not None:
        app.context["locale"] = locale
    app.run()
    assert not app.exception, app.exception
    return app


def spoken(app: AppTest) -> str:
    return next(text.value for text in app.text if text.value.startswith("spoken: ")).removeprefix("spoken: ")


def picked(app: AppTest) -> str:
    return app.selectbox(key=language.PICKER).value


def share_link(app: AppTest) -> str:
    field = next(element for element in app.get("bidi_component") if element.proto.component_name.endswith("copy_link"))
    return json.loads(field.proto.json)["link"]


def test_the_link_names_the_language():
    for code in ("de", "es", "en"):
        app = open_page({"lang": code})
        assert spoken(app) == code
        assert picked(app) == code
        assert app.query_params["lang"] == code, "the explorer's own fields leave the language in the address"
        assert f"lang={code}" in share_link(app)
        assert not app.warning


def test_an_unknown_language_is_said_and_english_is_spoken():
    app = open_page({"lang": "<b>klingon</b>"})
    assert spoken(app) == "en"
    assert picked(app) == "en"
    assert len(app.warning) == 1
    shown = app.warning[0].value
    assert "lang" in shown and "\\<b\\>klingon" in shown, "the visitor's value is quoted, escaped"
    assert "The link had a value that could not be used" in shown
    assert app.query_params["lang"] == "en"
    app.run()
    assert not app.warning, "said once"


def test_no_link_and_no_browser_language_is_english_without_lang_in_the_link():
    app = open_page()
    assert spoken(app) == "en"
    assert "lang" not in app.query_params
    assert "lang=" not in share_link(app)


def test_the_browser_language_when_the_link_has_none():
    assert spoken(open_page(locale="de-AT")) == "de"
    assert spoken(open_page(locale="es")) == "es"
    assert spoken(open_page(locale="fr-FR")) == "en", "a language the page does not speak"


def test_the_link_comes_before_the_browser():
    assert spoken(open_page({"lang": "es"}, locale="de-DE")) == "es"


def test_the_picked_language_stays_for_the_session_and_in_the_link():
    app = open_page()
    app.selectbox(key=language.PICKER).set_value("es").run()
    assert spoken(app) == "es"
    assert app.query_params["lang"] == "es"
    assert "lang=es" in share_link(app)
    app = open_page(page=OTHER_PAGE)
    app.selectbox(key=language.PICKER).set_value("es").run()
    del app.query_params["lang"]  # another page's address starts without it
    app.run()
    assert spoken(app) == "es"
    assert app.query_params["lang"] == "es"


def test_a_picked_language_wins_over_the_browser():
    app = open_page(locale="de-DE", page=OTHER_PAGE)
    app.selectbox(key=language.PICKER).set_value("en").run()
    assert spoken(app) == "en"
    assert app.query_params["lang"] == "en"
