"""The optional password gate: a form per session, a signed cookie per browser, checks at the server's door.

A password comes from st.secrets["password"] or $CONFLICTDESK_PASSWORD. A reader who gives it gets a signed,
expiring, HttpOnly cookie (itsdangerous), so in-app links and reloads stay open for COOKIE_HOURS; the server
refuses downloads (/media/…) without that cookie and never serves /_stcore/metrics. See README, "Password".
"""

import hmac
import json
import logging
import os
import secrets as token_source
import threading
import time

import streamlit as st
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from conflictdesk.i18n import _, ngettext

COOKIE = "conflictdesk_gate"
COOKIE_HOURS = 12
TICKET_SECONDS = 300  # a ticket (page → server, to get the cookie) is good for five minutes, once
SESSION_ROUTE = "/_conflictdesk/gate/session"
FREE_GUESSES = 3  # wrong guesses before any wait
FIRST_WAIT, MAX_WAIT = 2.0, 300.0  # seconds; the wait doubles with each wrong guess after the free ones
FORGET_AFTER = 3600.0  # seconds without a wrong guess after which a key's count starts again

log = logging.getLogger("conflictdesk.gate")
_server_checks = False  # set when the server's middleware is installed (app.py runs as st.App)


class GateConfigError(Exception):
    """A password source exists but cannot be read; the message names the source, never the secret."""


def _secrets_files_exist() -> list[str]:
    from streamlit import config

    return [path for path in config.get_option("secrets.files") or [] if os.path.exists(path)]


def configured_password() -> str | None:
    """The password from st.secrets["password"] or $CONFLICTDESK_PASSWORD; None means the app is open.

    Raises GateConfigError when a source exists but cannot be read: a secrets file that does not parse, a
    `password` that is not a non-empty string, or an empty $CONFLICTDESK_PASSWORD.
    """
    try:
        secret = st.secrets.get("password")
    except Exception as error:  # noqa: BLE001 - any failure to read an existing file closes the gate
        files = _secrets_files_exist()
        if files:
            raise GateConfigError(f"the secrets file {', '.join(files)} cannot be read ({type(error).__name__})")
        secret = None
    if secret is not None:
        if not isinstance(secret, str) or not secret.strip():
            raise GateConfigError("`password` in the secrets file is not a non-empty quoted string")
        return secret
    from_env = os.environ.get("CONFLICTDESK_PASSWORD")
    if from_env is not None:
        if not from_env.strip():
            raise GateConfigError("$CONFLICTDESK_PASSWORD is set but empty")
        return from_env
    return None


def password_matches(given: str, expected: str) -> bool:
    """Compare in constant time."""
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def _signer(password: str, purpose: str) -> URLSafeTimedSerializer:
    # Keyed by the password: changing it signs every reader out.
    return URLSafeTimedSerializer(password, salt=f"conflictdesk-gate-{purpose}")


def make_cookie(password: str) -> str:
    """A signed, timestamped cookie value saying 'this browser passed the gate'."""
    return _signer(password, "cookie").dumps(token_source.token_urlsafe(8))


def cookie_valid(value: str | None, password: str, max_age: float = COOKIE_HOURS * 3600) -> bool:
    """True if the cookie value was signed with this password less than max_age seconds ago."""
    if not value:
        return False
    try:
        _signer(password, "cookie").loads(value, max_age=max_age)
    except (BadSignature, SignatureExpired):
        return False
    return True


class OneUse:
    """Ticket nonces already exchanged for a cookie (this process), forgotten when the ticket would expire."""

    def __init__(self):
        self._seen: dict[str, float] = {}
        self._lock = threading.Lock()

    def first(self, nonce: str) -> bool:
        """True the first time a nonce is seen."""
        now = time.monotonic()
        with self._lock:
            self._seen = {key: at for key, at in self._seen.items() if now - at < TICKET_SECONDS}
            if nonce in self._seen:
                return False
            self._seen[nonce] = now
            return True


_used_tickets = OneUse()


def make_ticket(password: str) -> str:
    """A short-lived, one-use ticket the page hands to the server to get the cookie (never put in a URL)."""
    return _signer(password, "ticket").dumps(token_source.token_urlsafe(16))


def redeem_ticket(ticket: str, password: str) -> bool:
    """True once for a ticket signed with this password less than TICKET_SECONDS ago."""
    try:
        nonce = _signer(password, "ticket").loads(ticket, max_age=TICKET_SECONDS)
    except (BadSignature, SignatureExpired):
        return False
    return isinstance(nonce, str) and _used_tickets.first(nonce)


class Throttle:
    """Wrong guesses per key (a session, a client address): free ones, then a doubling wait, logged."""

    def __init__(self, free: int = FREE_GUESSES, first_wait: float = FIRST_WAIT, max_wait: float = MAX_WAIT,
                 clock=time.monotonic):
        self.free, self.first_wait, self.max_wait, self.clock = free, first_wait, max_wait, clock
        self._records: dict[str, tuple[int, float, float]] = {}  # key → (failures, locked until, last failure)
        self._lock = threading.Lock()

    def wait(self, *keys: str) -> float:
        """Seconds before any of these keys may guess again (0 when free to guess)."""
        now = self.clock()
        with self._lock:
            return max([0.0] + [self._records[key][1] - now for key in keys if key in self._records])

    def failed(self, *keys: str) -> int:
        """Count a wrong guess against every key; the highest count of them."""
        now = self.clock()
        worst = 0
        with self._lock:
            for key in keys:
                failures, _, last = self._records.get(key, (0, 0.0, now))
                failures = 1 if now - last > FORGET_AFTER else failures + 1
                over = failures - self.free
                wait = 0.0 if over < 0 else min(self.max_wait, self.first_wait * 2**over)
                self._records[key] = (failures, now + wait, now)
                worst = max(worst, failures)
            if len(self._records) > 10_000:  # forget the oldest quiet keys, so addresses cannot fill memory
                quiet = sorted(self._records, key=lambda key: self._records[key][2])[:5_000]
                for key in quiet:
                    del self._records[key]
        return worst

    def passed(self, *keys: str) -> None:
        """The right password: these keys start again."""
        with self._lock:
            for key in keys:
                self._records.pop(key, None)


throttle = Throttle()


def _guess_keys() -> tuple[str, ...]:
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    session = ctx.session_id if ctx else "no-session"
    address = st.context.ip_address  # None from localhost
    return (f"session:{session}", f"address:{address if isinstance(address, str) else 'local'}")


def _broken(reason: str) -> None:
    log.error("Password gate closed: %s. No data is shown until it is fixed.", reason)
    st.title("Conflict Desk")
    st.error(
        _("This dashboard's password settings are broken, so it shows no data. "
          "The people who run it can see why in the server log."),
        icon=":material/lock:",
    )
    st.stop()


def require_password() -> None:
    """Stop the page, showing only a password form, until this session or browser has passed the gate."""
    try:
        expected = configured_password()
    except GateConfigError as error:
        _broken(str(error))
    if expected is None:
        return
    from streamlit import config

    if not _server_checks and getattr(config, "_server_mode", None):
        _broken("the server runs without the gate's checks on downloads; start it with `streamlit run app.py`")
    if st.session_state.get("_gate_passed") or cookie_valid(st.context.cookies.get(COOKIE), expected):
        st.session_state["_gate_passed"] = True
        _hand_over_cookie(expected)
        return
    st.title("Conflict Desk")
    st.write(_("This newsroom link is private. Enter the password you were given."))
    with st.form("gate"):
        given = st.text_input(_("Password"), type="password")
        submitted = st.form_submit_button(_("Open the dashboard"))
    if submitted:
        keys = _guess_keys()
        waiting = throttle.wait(*keys)
        if waiting > 0:
            seconds = int(waiting) + 1
            st.warning(ngettext("Too many wrong passwords. Try again in {count} second.",
                                "Too many wrong passwords. Try again in {count} seconds.", seconds).format(count=seconds),
                       icon=":material/timer:")
        elif password_matches(given, expected):
            throttle.passed(*keys)
            st.session_state["_gate_passed"] = True
            st.rerun()
        else:
            failures = throttle.failed(*keys)
            log.warning("Wrong password for the gate (%s; %d wrong in a row).", keys[1], failures)
            st.error(_("That password is not right."))
    st.stop()


def _hand_over_cookie(password: str) -> None:
    """Once per session that passed by the form: have the browser swap a ticket for the HttpOnly cookie."""
    if not _server_checks or cookie_valid(st.context.cookies.get(COOKIE), password):
        return
    if "_gate_ticket" not in st.session_state:
        st.session_state["_gate_ticket"] = make_ticket(password)
    from streamlit import config

    base = (config.get_option("server.baseUrlPath") or "").strip("/")
    url = f"/{base}{SESSION_ROUTE}" if base else SESSION_ROUTE
    script = (
        f"<script>fetch({json.dumps(url)}, {{method: 'POST', credentials: 'same-origin', "
        f"body: {json.dumps(st.session_state['_gate_ticket'])}}});</script>"
    )
    with st.sidebar:  # the same element on every rerun, so the browser loads it once
        st.iframe(script, height=1)


def _server_password() -> str | None | GateConfigError:
    try:
        return configured_password()
    except GateConfigError as error:
        return error


def _answer(status: int, text: str):
    from starlette.responses import PlainTextResponse

    return PlainTextResponse(text, status_code=status, headers={"Cache-Control": "no-store"})


class GateMiddleware:
    """ASGI middleware: no metrics, and no /media/ download without the gate's cookie when a password is set."""

    def __init__(self, app, base_url: str = ""):
        global _server_checks
        self.app = app
        base = f"/{base_url.strip('/')}" if base_url.strip("/") else ""
        self.metrics, self.media = f"{base}/_stcore/metrics", f"{base}/media/"
        _server_checks = True

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http":
            path = scope.get("path", "")
            if path == self.metrics:
                return await _answer(404, "Not found")(scope, receive, send)
            if path.startswith(self.media):
                from starlette.requests import Request

                password = _server_password()
                if isinstance(password, GateConfigError):
                    return await _answer(403, "The dashboard's password settings are broken.")(scope, receive, send)
                if password is not None and not cookie_valid(Request(scope).cookies.get(COOKIE), password):
                    log.warning("Refused a download without the gate's cookie: %s", path)
                    return await _answer(403, "Open the dashboard and give the password first.")(scope, receive, send)
        return await self.app(scope, receive, send)


async def _session_endpoint(request):
    """POST a ticket, get the HttpOnly cookie (204); anything else 403."""
    password = _server_password()
    ticket = (await request.body())[:1000].decode("utf-8", "replace")
    if not isinstance(password, str) or not redeem_ticket(ticket, password):
        return _answer(403, "No.")
    response = _answer(204, "")
    response.set_cookie(
        COOKIE, make_cookie(password), max_age=COOKIE_HOURS * 3600, path="/", httponly=True,
        samesite="strict", secure=request.url.scheme == "https",
    )
    return response


def server_options() -> dict:
    """routes= and middleware= for st.App (used by app.py)."""
    from starlette.middleware import Middleware
    from starlette.routing import Route
    from streamlit import config

    base = (config.get_option("server.baseUrlPath") or "").strip("/")
    route = f"/{base}{SESSION_ROUTE}" if base else SESSION_ROUTE
    return {
        "routes": [Route(route, _session_endpoint, methods=["POST"])],
        "middleware": [Middleware(GateMiddleware, base_url=base)],
    }
