"""Join codes, teacher keys, phone ids, the limits' settings, the address phones can reach, and its QR code."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from datetime import timedelta

import pytest

from lstm.classroom import ALPHABET, CODE_LENGTH, Settings, is_loopback, join_address, join_qr_svg, normal_code
from lstm.classroom.address import fib_trie_addresses, join_link, lan_addresses
from lstm.classroom.codes import is_phone_id, key_hash, key_matches, new_code, new_phone_id, new_teacher_key

SVG = "{http://www.w3.org/2000/svg}"


def test_codes_use_only_letters_that_cannot_be_misread():
    assert not set("0O1Il") & set(ALPHABET)
    assert len(set(ALPHABET)) == len(ALPHABET) == 31
    made = [new_code() for _ in range(2000)]
    assert all(len(code) == CODE_LENGTH and set(code) <= set(ALPHABET) for code in made)
    # 31^5 codes: 2,000 draws collide with odds of about 7%; more than two equal pairs would mean a weak source.
    assert len(made) - len(set(made)) <= 2
    assert len({code[0] for code in made}) == len(ALPHABET)


@pytest.mark.parametrize(("typed", "code"), [("7kq4m", "7KQ4M"), (" 7KQ-4M ", "7KQ4M"), ("7 k q 4 m", "7KQ4M")])
def test_a_code_typed_with_spaces_hyphens_or_lower_case_is_the_code(typed, code):
    assert normal_code(typed) == code


@pytest.mark.parametrize("typed", ["7KQ4", "7KQ4MM", "7KQ0M", "7KQOM", "7KQ1M", "7KQIM", "7kqlm", "<i>7KQ4M", None, 5])
def test_anything_else_is_not_a_code(typed):
    assert normal_code(typed) is None


def test_teacher_keys_are_long_random_and_stored_only_as_a_hash():
    key = new_teacher_key()
    assert len(key) >= 40 and key != new_teacher_key()
    stored = key_hash(key)
    assert key not in stored and len(stored) == 64
    assert key_matches(key, stored)
    assert not any(key_matches(other, stored) for other in [None, "", key[:-1], key + "x", 42, new_teacher_key()])


def test_phone_ids_are_random_and_checked():
    made = new_phone_id()
    assert is_phone_id(made) and made != new_phone_id()
    assert not any(is_phone_id(bad) for bad in ["", "short", "a" * 65, "<script>", "a b c d e f g h", None, 12345678])


def test_the_limits_come_from_the_environment_with_defaults():
    assert Settings.from_env({}) == Settings()
    chosen = Settings.from_env(
        {
            "LSTM_EXPLORER_MAX_CLASSES": "5",
            "LSTM_EXPLORER_MAX_PHONES": "40",
            "LSTM_EXPLORER_CLASS_HOURS": "1.5",
            "LSTM_EXPLORER_MAX_VOTE_CHANGES": "3",
            "LSTM_EXPLORER_MAX_ROUNDS": "12",
        }
    )
    assert chosen == Settings(5, 40, timedelta(hours=1.5), 3, 12)
    for bad in ["many", "0", "-2", "nan"]:
        with pytest.raises(ValueError, match="LSTM_EXPLORER_MAX_PHONES"):
            Settings.from_env({"LSTM_EXPLORER_MAX_PHONES": bad})


@pytest.mark.parametrize("host", ["localhost:8501", "127.0.0.1:8501", "[::1]:8501", "LOCALHOST", "0.0.0.0:8501"])
def test_loopback_hosts_are_recognised(host):
    assert is_loopback(host)


@pytest.mark.parametrize("host", ["192.168.1.20:8501", "lstm.example.org", "10.0.0.5"])
def test_network_hosts_are_not_loopback(host):
    assert not is_loopback(host)


FIB_TRIE = """Main:
  +-- 0.0.0.0/0 3 0 5
     |-- 0.0.0.0
        /0 universe UNICAST
     +-- 127.0.0.0/8 2 0 2
        |-- 127.0.0.1
           /32 host LOCAL
     +-- 192.168.1.0/24 2 0 2
        |-- 192.168.1.0
           /24 link UNICAST
        |-- 192.168.1.20
           /32 host LOCAL
        |-- 192.168.1.255
           /32 link BROADCAST
Local:
  +-- 0.0.0.0/0 3 0 5
        |-- 192.168.1.20
           /32 host LOCAL
"""


def test_this_machines_addresses_are_read_from_the_kernels_table():
    assert fib_trie_addresses(FIB_TRIE) == ["127.0.0.1", "192.168.1.20"]
    found = lan_addresses()
    assert "127.0.0.1" not in found and all(address.count(".") == 3 for address in found)


def test_a_page_on_localhost_gets_this_machines_network_address():
    where = join_address("7KQ4M", "localhost:8501", environ={})
    assert where.loopback
    if where.reachable:
        assert where.base == f"http://{lan_addresses()[0]}:8501"
    assert where.link == f"{where.base}/vote?code=7KQ4M"


def test_a_page_on_a_network_host_keeps_it_and_a_public_url_wins():
    where = join_address("7KQ4M", "192.168.1.20:8501", scheme="https", base_path="/lstm/", environ={})
    assert where.link == "https://192.168.1.20:8501/lstm/vote?code=7KQ4M"
    assert (where.loopback, where.reachable) == (False, True)
    public = join_address("7KQ4M", "localhost:8501", environ={"LSTM_EXPLORER_PUBLIC_URL": "https://lstm.example.org/"})
    assert (public.link, public.loopback) == ("https://lstm.example.org/vote?code=7KQ4M", False)
    assert join_link("https://lstm.example.org/", "7KQ4M") == public.link


@pytest.mark.parametrize(
    ("code", "host", "environ"),
    [
        ("<b>", "localhost:8501", {}),
        ("7KQ4M", "evil.example<script>", {}),
        ("7KQ4M", "a.b/c?d", {}),
        ("7KQ4M", "localhost:8501", {"LSTM_EXPLORER_PUBLIC_URL": "javascript:alert(1)"}),
    ],
)
def test_a_bad_code_host_or_public_url_makes_no_link(code, host, environ):
    with pytest.raises(ValueError):
        join_address(code, host, environ=environ)


def test_the_qr_code_is_an_accessible_svg_that_scales_dark_on_white():
    link = "http://192.168.1.20:8501/vote?code=7KQ4M"
    svg = ElementTree.fromstring(join_qr_svg(link))
    assert svg.tag == f"{SVG}svg" and svg.get("role") == "img"
    assert svg.get("viewBox") and svg.get("width") is None  # sized by its box on the page
    assert svg.find(f"{SVG}title").text == f"QR code of the join link {link}"
    paths = svg.findall(f"{SVG}path")
    assert {path.get("fill") for path in paths} >= {"#fff"} and {path.get("stroke") for path in paths} >= {"#000"}
    marked_up = ElementTree.fromstring(join_qr_svg(link, title="<b>Join</b> & vote"))
    assert marked_up.find(f"{SVG}title").text == "<b>Join</b> & vote"
