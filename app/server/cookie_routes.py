"""The server's two cookie routes: trade a sign-in's one-time secret for the session cookie, and clear it.

A Streamlit script cannot set an HttpOnly cookie (it talks to the page over a
WebSocket), so app/server/web_server.py adds these routes to Streamlit's own server. The
page posts the one-time secret it was given at sign-in to COOKIE_ROUTE; the answer
sets the signed session token as an HttpOnly, SameSite=Strict cookie that no
script in the page can read. END_ROUTE ends that session and clears the cookie.
"""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import urlsplit

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from app.access.session_cookie import (
    COOKIE_NAME,
    COOKIE_ROUTE,
    END_ROUTE,
    signed_cookie,
    token_of_cookie,
)
from app.resources import database, session_key
from db import end_browser_session_of_token, exchange_handover, write_session

# The longest one-time secret worth reading (it is 32 characters).
LONGEST_HANDOVER = 100


def cookie_routes() -> list[Route]:
    """Return the routes to add to Streamlit's server."""
    return [Route(COOKIE_ROUTE, hand_over, methods=["POST"]),
            Route(END_ROUTE, end_session, methods=["POST"])]


async def hand_over(request: Request) -> Response:
    """Set the session cookie for a live one-time secret; refuse anything else with 403."""
    if not _same_origin(request):
        return Response(status_code=403)
    handover = (await request.body())[:LONGEST_HANDOVER].decode("ascii", errors="replace")
    token = await run_in_threadpool(_exchange, handover.strip())
    if token is None:
        return Response(status_code=403)
    response = Response(status_code=204)
    response.set_cookie(COOKIE_NAME, signed_cookie(token, session_key()), path="/",
                        httponly=True, samesite="strict", secure=_over_https(request))
    return response


async def end_session(request: Request) -> Response:
    """End the session the cookie names, if any, and clear the cookie."""
    if not _same_origin(request):
        return Response(status_code=403)
    token = token_of_cookie(request.cookies.get(COOKIE_NAME), session_key())
    if token is not None:
        await run_in_threadpool(_end, token)
    response = Response(status_code=204)
    response.delete_cookie(COOKIE_NAME, path="/", httponly=True, samesite="strict",
                           secure=_over_https(request))
    return response


def _exchange(handover: str) -> str | None:
    with write_session(database()) as session:
        return exchange_handover(handover, session=session, now=datetime.now(UTC))


def _end(token: str) -> None:
    with write_session(database()) as session:
        end_browser_session_of_token(token, session=session, now=datetime.now(UTC))


def _same_origin(request: Request) -> bool:
    """Refuse a post another site's page sends (it would sign the browser in as someone else)."""
    origin = request.headers.get("origin")
    if origin is None:
        return True
    # Host names only: a proxy may pass the Host header on without the port the browser used.
    host = urlsplit("//" + request.headers.get("host", "")).hostname
    return host is not None and urlsplit(origin).hostname == host


def _over_https(request: Request) -> bool:
    """Tell whether the browser reached us over TLS (directly, or through the proxy)."""
    return (request.url.scheme == "https"
            or request.headers.get("x-forwarded-proto", "").lower() == "https")
