"""What the dashboard adds at the server's door (st.App): the gate's checks and the guard for oversized links."""

from urllib.parse import urlencode

from conflictdesk import gate

MAX_FIELDS = 1000  # Streamlit drops a whole query string past this many parameters (runtime/state/query_params.py)
MAX_LENGTH = 512 * 1024  # … or past this many characters


class LinkGuard:
    """ASGI middleware: a page request whose query string Streamlit would drop whole is redirected to the same
    page with `dropped=N` (the number of parameters), so the page can say that none of them were read."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope.get("method") == "GET":
            query = scope.get("query_string", b"")
            fields = query.count(b"&") + 1 if query else 0
            if fields > MAX_FIELDS or len(query) > MAX_LENGTH:
                from starlette.responses import RedirectResponse

                target = f"{scope.get('root_path', '')}{scope.get('path', '/')}?{urlencode({'dropped': fields})}"
                return await RedirectResponse(target, status_code=303)(scope, receive, send)
        return await self.app(scope, receive, send)


def options() -> dict:
    """routes= and middleware= for st.App (app.py): the gate's, then the link guard."""
    from starlette.middleware import Middleware

    chosen = gate.server_options()
    return {**chosen, "middleware": [*chosen["middleware"], Middleware(LinkGuard)]}
