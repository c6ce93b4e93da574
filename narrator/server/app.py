"""The job server's HTTP API (FastAPI): narrations in, status and files out.

Every /api call needs ``Authorization: Bearer <token>``, one token per site or person
(:mod:`narrator.server.tokens`). A narration belongs to the token that made it: listing, reading,
following and deleting see only one's own (an operator token sees all); someone else's is "no such
narration". Narration files under /n/<id>/ are served without a token, so that an ``<audio>``
element in a lesson can play them: a narration's id is a 128-bit random value, known only to whoever
submitted it. Browsers may call the API only from the origins given with ``--allow-origin``; a
request from any other origin is refused with 403 before it reaches a route. Every request is
hostile until checked (:mod:`narrator.server.submission`): each limit has a number, every refusal
is a 4xx with a JSON reason, and nothing is left on disk by a refused one.
"""

from __future__ import annotations

import asyncio
import json
import shutil
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, JSONResponse, Response, StreamingResponse

from narrator._version import __version__
from narrator.errors import ConfigError, NarratorError
from narrator.server.headers import media_type, security_headers
from narrator.server.jobs import NARRATION, Runner, eta_seconds
from narrator.server.store import FINISHED, DuplicateKey, Job, JobStore
from narrator.server.submission import (OPTIONS, Limits, Prepared, Refused, check_idempotency_key,
                                        parse_body, prepare)
from narrator.server.tokens import Holder, Tokens

STATIC = Path(__file__).parent / "static"


@dataclass(frozen=True)
class Settings:
    """How the server was started."""

    data_dir: Path
    tokens: Tokens
    allow_origins: tuple[str, ...] = ()
    max_body: int = 5 * 1024 * 1024
    queue_limit: int = 200
    limits: Limits = field(default_factory=Limits)
    prepare_threads: int = 4  # submissions parsed and planned at once (one per token holder)


def create_app(settings: Settings, store: JobStore, runner: Runner,
               config_for: Any) -> Any:
    """The ASGI application. ``config_for(options)`` makes a job's Config (ConfigError if bad)."""
    app = FastAPI(title="narrator job server", version=__version__,
                  description="Narrate editor HTML: submit, follow, listen.")

    def error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
        return JSONResponse({"error": message}, status_code=status, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        where = ".".join(str(x) for x in (exc.errors() or [{}])[0].get("loc", ()))
        return error(400, f"invalid request: {where[:80] or 'parameters'}")

    # Parsing and planning run here, not in the default thread pool: a client's slow lesson
    # holds one of these threads (and at most one per token holder), never a route's.
    preparing = ThreadPoolExecutor(settings.prepare_threads, thread_name_prefix="prepare")
    turns: dict[str, asyncio.Semaphore] = {}
    app.router.on_shutdown.append(lambda: preparing.shutdown(wait=False, cancel_futures=True))
    from narrator.server.review import ReviewKeys
    from narrator.server.store import LessonCorrections

    review_keys, lessons = ReviewKeys(settings.data_dir), LessonCorrections(settings.data_dir)

    @app.middleware("http")
    async def guard(request: Request, call_next: Any) -> Any:
        path = request.url.path
        origin = request.headers.get("origin")
        own = f"{request.url.scheme}://{request.url.netloc}"
        if origin and origin != own and origin not in settings.allow_origins and path.startswith("/api/"):
            return error(403, f"origin {origin[:200]} is not allowed (start the server with --allow-origin)")
        if request.method == "OPTIONS":
            return await call_next(request)  # CORS preflight: no token is sent with it
        if path.startswith("/api/"):
            given = request.headers.get("authorization", "")
            scheme, _, token = given.partition(" ")
            holder = settings.tokens.holder(token.strip()) if scheme.lower() == "bearer" else None
            if holder is None:
                return error(401, "missing or wrong token (Authorization: Bearer <token>)",
                             {"WWW-Authenticate": "Bearer"})
            request.state.holder = holder
            length = request.headers.get("content-length")
            if length is not None and length.isdigit() and int(length) > settings.max_body:
                return error(413, f"request larger than {settings.max_body} bytes")
        return await call_next(request)

    # Added after the guard, so it wraps it: refusals carry these headers too.
    @app.middleware("http")
    async def headers(request: Request, call_next: Any) -> Any:
        response = await call_next(request)
        response.headers.update(security_headers(request.url.path, settings.allow_origins))
        return response

    # Added after the guard, so it wraps it: refusals carry CORS headers that let the allowed
    # origins read them.
    app.add_middleware(CORSMiddleware, allow_origins=list(settings.allow_origins),
                       allow_methods=["GET", "POST", "DELETE"],
                       allow_headers=["Authorization", "Content-Type", "Idempotency-Key"],
                       expose_headers=["Retry-After", "Location"])

    def links(job: Job) -> dict[str, Any]:
        base = f"/api/narrations/{job.id}"
        out: dict[str, Any] = {"self": base, "events": base + "/events",
                               "player": f"/n/{job.id}/index.html", "review": review_keys.link(job.id)}
        if job.status == "done":
            manifest = _manifest(runner.out_dir(job.id))
            if manifest:
                files = f"/n/{job.id}/"
                out["manifest"] = files + "manifest.json"
                audio = manifest.get("audio", {})
                if audio.get("book"):
                    out["book"] = files + audio["book"]
                if audio.get("captions"):
                    out["captions"] = files + audio["captions"]
                out["chapters"] = [{"title": c["title"], "file": files + c["file"],
                                    "captions": files + c["captions"] if c.get("captions") else None,
                                    "duration": c["duration"]} for c in manifest["chapters"]]
                out["audio"] = out.get("book") or (out["chapters"][0]["file"]
                                                   if len(out["chapters"]) == 1 else None)
        return out

    def state(job: Job) -> dict[str, Any]:
        live = runner.live(job.id)
        progress: dict[str, Any] = {"stage": live.stage if job.status == "running" else job.status,
                                    "done": live.done, "total": live.total or job.segments,
                                    "cached": live.cached, "failed": live.failed}
        if job.status == "done":
            progress.update(done=job.segments, total=job.segments)
        eta = eta_seconds(live) if job.status == "running" else None
        progress["eta_seconds"] = round(eta, 1) if eta is not None else None
        return {"id": job.id, "status": job.status, "title": job.title, "created": job.created,
                "position": runner.position(job), "segments": job.segments,
                "progress": progress, "error": job.error or None, "options": _public(job.options),
                "links": links(job)}

    def find(job_id: str) -> Job | None:
        return store.get(job_id) if _valid_id(job_id) else None

    def own(request: Request, job_id: str) -> Job | None:
        """The job if the request's token holder may see it (theirs, or an operator's)."""
        job = find(job_id)
        holder: Holder = request.state.holder
        return job if job is not None and (holder.operator or job.owner == holder.name) else None

    async def prepared(holder: Holder, submission: Any, config: Any) -> Prepared:
        """The lesson prepared in its own thread, one at a time per token holder, within the
        time budget (waiting for one's turn counts too)."""
        turn = turns.setdefault(holder.name, asyncio.Semaphore(1))
        budget = settings.limits.prepare_seconds
        try:
            await asyncio.wait_for(turn.acquire(), budget)
        except TimeoutError:
            raise Refused(429, "this token's previous submission is still being prepared") from None
        try:
            loop = asyncio.get_running_loop()
            return await loop.run_in_executor(preparing, prepare, settings.data_dir, submission, config,
                                              settings.limits)
        finally:
            turn.release()

    @app.post("/api/narrations", status_code=202)
    async def submit(request: Request) -> Any:
        holder: Holder = request.state.holder
        if "json" not in request.headers.get("content-type", ""):
            return error(400, "send JSON: {\"html\": \"...\"} with Content-Type: application/json")
        body = bytearray()
        async for chunk in request.stream():  # the length header may be absent (chunked)
            body += chunk
            if len(body) > settings.max_body:
                return error(413, f"request larger than {settings.max_body} bytes")
        try:
            submission = parse_body(bytes(body))
            from narrator.server.review import lesson_of

            lesson = lesson_of(json.loads(body), submission.title)  # whose corrections it takes
            idem = check_idempotency_key(request.headers.get("idempotency-key"))
            try:
                config = config_for(submission.options)
                await asyncio.to_thread(runner.check_engine, config)
            except ConfigError as e:
                raise Refused(400, _short("; ".join(e.problems), 300)) from None
            except NarratorError as e:
                raise Refused(400, _short(str(e), 300)) from None
            if idem:
                existing = store.by_idempotency_key(holder.name, idem)
                if existing is not None:
                    return again(existing, submission.key)
            ready = await prepared(holder, submission, config)
        except Refused as e:
            return error(e.status, e.reason)
        stored = False
        try:
            source = ready.folder / "source" / f"{ready.stem}.html"
            if lesson:
                lessons.restore(holder.name, lesson, source)
            existing = store.by_content(holder.name, ready.content_key)
            if existing is not None and lesson and lessons.differs(holder.name, lesson, runner.source_path(existing)):
                existing = None  # the lesson's corrections changed since: a narration with them
            if existing is not None:
                if existing.status in ("failed", "cancelled"):
                    runner.requeue(existing.id)
                    existing = store.get(existing.id) or existing
                return JSONResponse(state(existing), status_code=200 if existing.status == "done" else 202)
            if len(store.list(status=("queued",), owner=holder.name)) >= settings.queue_limit:
                return error(429, f"{settings.queue_limit} narrations of this token are queued already; "
                                  "try again later", {"Retry-After": "60"})
            try:
                job = store.add(ready.job_id, title=ready.title, options={**submission.options, "_stem": ready.stem,
                                                                    **({"_lesson": lesson} if lesson else {})},
                                content_key=ready.content_key, idempotency_key=idem,
                                segments=ready.segments, owner=holder.name, request_key=submission.key)
            except DuplicateKey:  # the same key, sent twice at once: the other one won
                winner = store.by_idempotency_key(holder.name, idem or "")
                return again(winner, submission.key) if winner else error(409, "try again")
            stored = True
        finally:
            if not stored:  # answered with another narration, or refused: no folder is left
                shutil.rmtree(ready.folder, ignore_errors=True)
        runner.wake()
        return JSONResponse(state(job), status_code=202, headers={"Location": f"/api/narrations/{job.id}"})

    def again(existing: Job, request_key: str) -> Any:
        """The answer to a retried submission: its narration, unless the key was used for another."""
        if existing.request_key and existing.request_key != request_key:
            return error(422, "this Idempotency-Key was used for a different lesson or options")
        return JSONResponse(state(existing), status_code=200 if existing.status == "done" else 202)

    @app.get("/api/narrations")
    def list_jobs(request: Request, limit: int = 100) -> Any:
        holder: Holder = request.state.holder
        jobs = store.list(limit=max(1, min(limit, 1000)), owner=None if holder.operator else holder.name)
        return {"narrations": [state(j) for j in jobs]}

    @app.get("/api/narrations/{job_id}")
    def get_job(request: Request, job_id: str) -> Any:
        job = own(request, job_id)
        return state(job) if job else error(404, "no such narration")

    @app.delete("/api/narrations/{job_id}")
    def delete_job(request: Request, job_id: str, finished: str = "delete") -> Any:
        """Cancel a queued or running narration (202); delete a finished one and its files, or
        with ``?finished=keep`` (a cancel that came too late) leave it and answer 409."""
        job = own(request, job_id)
        if job is None:
            return error(404, "no such narration")
        if job.status in FINISHED and finished == "keep":
            return JSONResponse(state(job), status_code=409)
        if job.status in FINISHED:
            runner.delete(job_id)
            return JSONResponse({"id": job_id, "status": "deleted"}, status_code=200)
        runner.cancel(job_id)
        return JSONResponse(state(store.get(job_id) or job), status_code=202)

    @app.get("/api/narrations/{job_id}/events")
    async def events(request: Request, job_id: str) -> Any:
        job = own(request, job_id)
        if job is None:
            return error(404, "no such narration")

        async def stream() -> Any:
            seen, idle = -1, 0.0
            while True:
                version = runner.version(job_id)
                current = store.get(job_id)
                if current is None:
                    return
                if version != seen or current.status in FINISHED:
                    seen = version
                    yield f"event: status\ndata: {json.dumps(state(current), ensure_ascii=False)}\n\n"
                    idle = 0.0
                    if current.status in FINISHED:
                        return
                elif idle >= 15:
                    yield ": keep-alive\n\n"
                    idle = 0.0
                await asyncio.sleep(0.2)
                idle += 0.2

        return StreamingResponse(stream(), media_type="text/event-stream",
                                 headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})

    @app.get("/api/health")
    def health() -> Any:
        queued = len(store.list(status=("queued",)))
        running = len(store.list(status=("running",)))
        engine = config_for({}).engine
        gates = runner.servers()
        servers = [{"server": label, **gates.get(label, {"busy": False, "waiting": 0})}
                   for label in (engine.servers or ["espeak"])]
        return {"status": "ok", "version": __version__, "queued": queued, "running": running,
                "engine": engine.name, "servers": servers}

    @app.api_route("/n/{job_id}/{path:path}", methods=["GET", "HEAD"])
    def files(job_id: str, path: str) -> Any:
        job = find(job_id)
        if job is None or job.status != "done":
            return error(404, "no such file")
        target = _inside(runner.out_dir(job_id), path or "index.html")
        if target is None or target.name.startswith("."):
            return error(404, "no such file")
        return FileResponse(target, media_type=media_type(target))

    @app.api_route("/review/{job_id}/{key}/{path:path}", methods=["GET", "HEAD", "POST"])
    async def review(request: Request, job_id: str, key: str, path: str) -> Any:
        """The review page of a narration and its API (narrator/server/review.py): the key in
        the address is the owner's; requests from other pages and bodies over the limit are refused."""
        from narrator.review_session import MAX_BODY
        from narrator.server.review import session_for

        job = find(job_id)
        if job is None or not review_keys.valid(job_id, key):
            return error(404, "no such page")
        origin = request.headers.get("origin")
        if origin is not None and origin != f"{request.url.scheme}://{request.url.netloc}":
            return error(403, "requests from other pages are refused")
        body = b""
        if request.method == "POST":
            if "application/json" not in request.headers.get("content-type", ""):
                return error(415, "send JSON (Content-Type: application/json)")
            chunks = bytearray()
            async for chunk in request.stream():
                chunks += chunk
                if len(chunks) > MAX_BODY:
                    return error(413, f"request larger than {MAX_BODY} bytes")
            body = bytes(chunks)
        session = session_for(runner, job, config_for, lessons)
        reply = await asyncio.to_thread(session.handle, request.method, path, body)
        headers = {"Cache-Control": "no-store"}
        if reply.file is not None:
            return FileResponse(reply.file, media_type=reply.content_type, headers=headers)
        return Response(reply.body, status_code=reply.status, media_type=reply.content_type, headers=headers)

    @app.api_route("/editor/{path:path}", methods=["GET", "HEAD"])
    def editor_files(path: str) -> Any:
        target = _inside(STATIC, path)
        if target is None:
            return error(404, "no such file")
        return FileResponse(target, media_type=media_type(target), headers={"Cache-Control": "no-cache"})

    return app


def _manifest(out: Path) -> dict[str, Any] | None:
    try:
        return json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _public(options: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in options.items() if not k.startswith("_")}


def _valid_id(job_id: str) -> bool:
    return len(job_id) == 32 and all(c in "0123456789abcdef" for c in job_id)


def _inside(root: Path, path: str) -> Path | None:
    """The file at ``path`` under ``root``, if it is one and really inside (no ``..``, no link out)."""
    base = root.resolve()
    try:
        target = (base / path).resolve()
        return target if target.is_relative_to(base) and target.is_file() else None
    except (OSError, ValueError):  # a NUL in the path, a name too long, a loop of links
        return None


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


__all__ = ["create_app", "Settings", "OPTIONS", "NARRATION"]
