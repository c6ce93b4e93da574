"""The job server's HTTP API (FastAPI): narrations in, status and files out.

Every /api call needs ``Authorization: Bearer <token>`` (compared in constant time). Narration
files under /n/<id>/ are served without it, so that an ``<audio>`` element in a lesson can play
them: a narration's id is a 128-bit random value, known only to whoever submitted it. Browsers may
call the API only from the origins given with ``--allow-origin``; a request from any other origin
is refused with 403 before it reaches a route.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, JSONResponse, StreamingResponse

from narrator._version import __version__
from narrator.config import Config
from narrator.errors import BadInput, ConfigError, NarratorError
from narrator.server.jobs import NARRATION, Runner, eta_seconds
from narrator.server.store import FINISHED, Job, JobStore

STATIC = Path(__file__).parent / "static"

# What a teacher may choose per narration, and the setting each one sets.
OPTIONS = {
    "voice": "engine.voice",
    "format": "output.format",
    "book": "output.book",
    "chapter_level": "parse.chapter_level",
    "read_code": "parse.read_code",
}


@dataclass(frozen=True)
class Settings:
    """How the server was started."""

    data_dir: Path
    token: str
    allow_origins: tuple[str, ...] = ()
    max_body: int = 5 * 1024 * 1024
    queue_limit: int = 200


def create_app(settings: Settings, store: JobStore, runner: Runner,
               config_for: Any) -> Any:
    """The ASGI application. ``config_for(options)`` makes a job's Config (ConfigError if bad)."""
    app = FastAPI(title="narrator job server", version=__version__,
                  description="Narrate editor HTML: submit, follow, listen.")

    def error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
        return JSONResponse({"error": message}, status_code=status, headers=headers)

    @app.middleware("http")
    async def guard(request: Request, call_next: Any) -> Any:
        path = request.url.path
        origin = request.headers.get("origin")
        own = f"{request.url.scheme}://{request.url.netloc}"
        if origin and origin != own and origin not in settings.allow_origins and path.startswith("/api/"):
            return error(403, f"origin {origin} is not allowed (start the server with --allow-origin)")
        if request.method == "OPTIONS":
            return await call_next(request)  # CORS preflight: no token is sent with it
        if path.startswith("/api/"):
            given = request.headers.get("authorization", "")
            scheme, _, token = given.partition(" ")
            if scheme.lower() != "bearer" or not hmac.compare_digest(token.strip().encode(),
                                                                     settings.token.encode()):
                return error(401, "missing or wrong token (Authorization: Bearer <token>)",
                             {"WWW-Authenticate": "Bearer"})
            length = request.headers.get("content-length")
            if length is not None and length.isdigit() and int(length) > settings.max_body:
                return error(413, f"request larger than {settings.max_body} bytes")
        return await call_next(request)

    # Added after the guard, so it wraps it: refusals carry CORS headers that let the allowed
    # origins read them.
    app.add_middleware(CORSMiddleware, allow_origins=list(settings.allow_origins),
                       allow_methods=["GET", "POST", "DELETE"],
                       allow_headers=["Authorization", "Content-Type", "Idempotency-Key"],
                       expose_headers=["Retry-After", "Location"])

    def links(job: Job) -> dict[str, Any]:
        base = f"/api/narrations/{job.id}"
        out: dict[str, Any] = {"self": base, "events": base + "/events",
                               "player": f"/n/{job.id}/index.html"}
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

    @app.post("/api/narrations", status_code=202)
    async def submit(request: Request) -> Any:
        if "json" not in request.headers.get("content-type", ""):
            return error(400, "send JSON: {\"html\": \"...\"} with Content-Type: application/json")
        body = bytearray()
        async for chunk in request.stream():  # the length header may be absent (chunked)
            body += chunk
            if len(body) > settings.max_body:
                return error(413, f"request larger than {settings.max_body} bytes")
        try:
            payload = json.loads(body)
        except (UnicodeDecodeError, ValueError):
            return error(400, "the body is not JSON")
        if not isinstance(payload, dict) or not isinstance(payload.get("html"), str):
            return error(400, "the body must be a JSON object with an \"html\" string")
        html, title = payload["html"], payload.get("title")
        options = payload.get("options") or {}
        if title is not None and not isinstance(title, str) or not isinstance(options, dict):
            return error(400, "\"title\" must be a string and \"options\" an object")
        unknown = sorted(set(options) - set(OPTIONS))
        if unknown:
            return error(400, f"options not allowed: {', '.join(unknown)} (allowed: {', '.join(OPTIONS)})")
        if "\x00" in html:
            return error(400, "the html is binary, not text")
        try:
            config = config_for(options)
        except ConfigError as e:
            return error(400, "; ".join(e.problems))
        idem = request.headers.get("idempotency-key")
        if idem:
            existing = store.by_idempotency_key(idem)
            if existing is not None:
                return JSONResponse(state(existing), status_code=200 if existing.status == "done" else 202)
        try:
            prepared = await asyncio.to_thread(_prepare, settings.data_dir, html, title, options, config)
        except BadInput as e:
            return error(400, e.problem)
        existing = store.by_content(prepared.content_key)
        if existing is not None:
            shutil_rmtree(prepared.folder)
            if existing.status in ("failed", "cancelled"):
                runner.requeue(existing.id)
                existing = store.get(existing.id) or existing
            return JSONResponse(state(existing), status_code=200 if existing.status == "done" else 202)
        if len(store.list(status=("queued",))) >= settings.queue_limit:
            shutil_rmtree(prepared.folder)
            return error(429, "the queue is full; try again later", {"Retry-After": "60"})
        job = store.add(prepared.job_id, title=prepared.title, options={**options, "_stem": prepared.stem},
                        content_key=prepared.content_key, idempotency_key=idem,
                        segments=prepared.segments)
        runner.wake()
        return JSONResponse(state(job), status_code=202, headers={"Location": f"/api/narrations/{job.id}"})

    @app.get("/api/narrations")
    def list_jobs(limit: int = 100) -> Any:
        return {"narrations": [state(j) for j in store.list(limit=max(1, min(limit, 1000)))]}

    @app.get("/api/narrations/{job_id}")
    def get_job(job_id: str) -> Any:
        job = find(job_id)
        return state(job) if job else error(404, "no such narration")

    @app.delete("/api/narrations/{job_id}")
    def cancel_job(job_id: str) -> Any:
        job = find(job_id)
        if job is None:
            return error(404, "no such narration")
        if job.status in FINISHED:
            return JSONResponse(state(job), status_code=409)
        runner.cancel(job_id)
        return JSONResponse(state(store.get(job_id) or job), status_code=202)

    @app.get("/api/narrations/{job_id}/events")
    async def events(job_id: str) -> Any:
        job = find(job_id)
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
        root = runner.out_dir(job_id).resolve()
        target = (root / (path or "index.html")).resolve()
        if not target.is_relative_to(root) or not target.is_file() or target.name.startswith("."):
            return error(404, "no such file")
        return FileResponse(target)

    @app.api_route("/editor/{path:path}", methods=["GET", "HEAD"])
    def editor_files(path: str) -> Any:
        root = STATIC.resolve()
        target = (root / path).resolve()
        if not target.is_relative_to(root) or not target.is_file():
            return error(404, "no such file")
        return FileResponse(target, media_type="text/javascript" if target.suffix == ".js" else None,
                            headers={"Cache-Control": "no-cache"})

    return app


@dataclass(frozen=True)
class Prepared:
    job_id: str
    folder: Path
    stem: str
    title: str
    content_key: str
    segments: int


def _prepare(data_dir: Path, html: str, title: str | None, options: dict[str, Any],
             config: Config) -> Prepared:
    """Write the lesson into a new job folder and plan it (BadInput: nothing to narrate)."""
    from narrator.pipeline import build_key, plan
    from narrator.publishing.filenames import safe_filename

    job_id = secrets.token_hex(16)
    stem = safe_filename(title, index=0, ext="x")[3:-2] if title else "lesson"
    folder = data_dir / "narrations" / job_id
    source = folder / "source" / f"{stem or 'lesson'}.html"
    source.parent.mkdir(parents=True)
    data = html.encode("utf-8")
    source.write_bytes(data)
    try:
        script = plan(source, config)
    except NarratorError:
        shutil_rmtree(folder)
        raise
    key = build_key(hashlib.sha256(data + b"\0" + (title or "").encode()).hexdigest(), config)
    return Prepared(job_id, folder, stem or "lesson", title or script.title, key, len(script.segments))


def _manifest(out: Path) -> dict[str, Any] | None:
    try:
        return json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _public(options: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in options.items() if not k.startswith("_")}


def _valid_id(job_id: str) -> bool:
    return len(job_id) == 32 and all(c in "0123456789abcdef" for c in job_id)


def shutil_rmtree(path: Path) -> None:
    import shutil

    shutil.rmtree(path, ignore_errors=True)


__all__ = ["create_app", "Settings", "OPTIONS", "NARRATION"]
