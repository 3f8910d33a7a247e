"""The optional password gate for a private newsroom link."""

import hmac
import os

import streamlit as st


def configured_password() -> str | None:
    """The password from st.secrets["password"] or $CONFLICTDESK_PASSWORD; None means the app is open."""
    try:
        secret = st.secrets.get("password")
    except Exception:  # no secrets file at all: that is the open app, not an error
        secret = None
    return secret or os.environ.get("CONFLICTDESK_PASSWORD") or None


def password_matches(given: str, expected: str) -> bool:
    """Compare in constant time."""
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def require_password() -> None:
    """Stop the page, showing only a password form, until the right password is given this session."""
    expected = configured_password()
    if expected is None or st.session_state.get("_gate_passed"):
        return
    st.title("Conflict Desk")
    st.write("This newsroom link is private. Enter the password you were given.")
    with st.form("gate"):
        given = st.text_input("Password", type="password")
        submitted = st.form_submit_button("Open the dashboard")
    if submitted:
        if password_matches(given, expected):
            st.session_state["_gate_passed"] = True
            st.rerun()
        st.error("That password is not right.")
    st.stop()
