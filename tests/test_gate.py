"""The password gate: fails closed on a broken setting, throttles and logs wrong guesses, signs its cookie."""

import logging

import pytest
from streamlit import config
from streamlit.testing.v1 import AppTest

from conflictdesk import gate

SECRET = "s3cret-Kx9"


@pytest.fixture
def secrets_file(tmp_path):
    """Point Streamlit's secrets at a file of the test's choosing (Streamlit's own parser reads it)."""
    import streamlit as st

    previous = config.get_option("secrets.files")
    path = tmp_path / "secrets.toml"

    def write(text: str):
        path.write_text(text, encoding="utf-8")
        config.set_option("secrets.files", [str(path)])
        st.secrets._reset()
        return path

    yield write
    config.set_option("secrets.files", previous)
    st.secrets._reset()


@pytest.fixture
def fresh_throttle(monkeypatch):
    """A throttle of our own with a clock the test moves."""
    now = [1000.0]
    throttle = gate.Throttle(clock=lambda: now[0])
    monkeypatch.setattr(gate, "throttle", throttle)
    return now


def test_unquoted_password_in_secrets_closes_the_gate(secrets_file, monkeypatch):
    """`password = s3cret` (no quotes) is a broken setting: an error naming the file, never the secret."""
    monkeypatch.delenv("CONFLICTDESK_PASSWORD", raising=False)
    path = secrets_file(f"password = {SECRET}\n")
    with pytest.raises(gate.GateConfigError) as raised:
        gate.configured_password()
    assert str(path) in str(raised.value) and SECRET not in str(raised.value)


def test_password_that_is_not_text_closes_the_gate(secrets_file, monkeypatch):
    """A number or an empty string where the password should be is broken, not 'no password'."""
    monkeypatch.delenv("CONFLICTDESK_PASSWORD", raising=False)
    for text in ("password = 12345\n", 'password = ""\n', "[password]\nvalue = 'x'\n"):
        secrets_file(text)
        with pytest.raises(gate.GateConfigError):
            gate.configured_password()
    secrets_file(f'password = "{SECRET}"\n')
    assert gate.configured_password() == SECRET
    secrets_file('other = "x"\n')
    assert gate.configured_password() is None


def test_broken_setting_shows_no_data_and_no_secret(monkeypatch):
    """An empty $CONFLICTDESK_PASSWORD: every page says the settings are broken and shows no figure or form."""
    monkeypatch.setenv("CONFLICTDESK_PASSWORD", " ")
    for name in ("overview", "statements"):
        at = AppTest.from_file(f"../pages/{name}.py", default_timeout=30)
        at.run()
        assert not at.exception
        assert any("password settings are broken" in e.value for e in at.error), name
        assert len(at.metric) == 0 and len(at.text_input) == 0 and len(at.sidebar.date_input) == 0, name


def test_wrong_guesses_wait_longer_and_are_logged(monkeypatch, fresh_throttle, caplog):
    """Three free wrong guesses, then even the right password waits; the log names no guess."""
    monkeypatch.setenv("CONFLICTDESK_PASSWORD", SECRET)
    at = AppTest.from_file("../pages/sources.py", default_timeout=30)
    at.run()
    with caplog.at_level(logging.WARNING, logger="conflictdesk.gate"):
        for guess in ("guess-1", "guess-2", "guess-3"):
            at.text_input[0].input(guess)
            at.button[0].click().run()
            assert any("not right" in e.value for e in at.error)
    assert [r for r in caplog.records if "Wrong password" in r.getMessage()][-1].getMessage().endswith("3 wrong in a row).")
    assert not any(guess in r.getMessage() for r in caplog.records for guess in ("guess-1", "guess-2", "guess-3"))
    at.text_input[0].input(SECRET)
    at.button[0].click().run()
    assert any("Too many wrong passwords" in w.value for w in at.warning)
    assert len(at.sidebar.date_input) == 0
    fresh_throttle[0] += gate.FIRST_WAIT + 0.1
    at.button[0].click().run()
    assert not at.exception and at.title[0].value == "Sources & method"


def test_throttle_counts_per_address_across_sessions(monkeypatch, fresh_throttle):
    """Opening a new session does not reset the count: the client address carries it."""
    monkeypatch.setenv("CONFLICTDESK_PASSWORD", SECRET)
    for _ in range(gate.FREE_GUESSES):
        at = AppTest.from_file("../pages/overview.py", default_timeout=30)
        at.run()
        at.text_input[0].input("nope")
        at.button[0].click().run()
    assert gate.throttle.wait("session:a-new-one", "address:local") == pytest.approx(gate.FIRST_WAIT)
    at = AppTest.from_file("../pages/overview.py", default_timeout=30)
    at.run()
    at.text_input[0].input(SECRET)
    at.button[0].click().run()
    assert any("Too many wrong passwords" in w.value for w in at.warning)
    assert len(at.metric) == 0


def test_throttle_wait_doubles_and_is_capped():
    """Waits after the free guesses: 2, 4, 8 … seconds, never above the cap; a right password resets."""
    now = [0.0]
    throttle = gate.Throttle(free=3, first_wait=2, max_wait=10, clock=lambda: now[0])
    waits = []
    for _ in range(7):
        throttle.failed("address:a")
        waits.append(throttle.wait("address:a"))
    assert waits == [0, 0, 2, 4, 8, 10, 10]
    assert throttle.wait("address:b") == 0
    throttle.passed("address:a")
    assert throttle.wait("address:a") == 0


def test_cookie_is_signed_and_expires():
    """The cookie opens the gate only unchanged, with the same password and within its age."""
    value = gate.make_cookie(SECRET)
    assert gate.cookie_valid(value, SECRET)
    assert not gate.cookie_valid(value, "another password")
    assert not gate.cookie_valid(value[:-2] + ("AA" if not value.endswith("AA") else "BB"), SECRET)
    assert not gate.cookie_valid(value, SECRET, max_age=-1)
    assert not gate.cookie_valid("", SECRET) and not gate.cookie_valid(None, SECRET)


def test_ticket_works_once():
    """A ticket is swapped for a cookie once; a replay or a forged one is refused."""
    ticket = gate.make_ticket(SECRET)
    assert gate.redeem_ticket(ticket, SECRET)
    assert not gate.redeem_ticket(ticket, SECRET)
    assert not gate.redeem_ticket(gate.make_ticket("other"), SECRET)
    assert not gate.redeem_ticket(gate.make_cookie(SECRET), SECRET)
