"""A stand-in for the official IndexTTS2 web UI, built with the real gradio 5.45 package.

Same ``gen_single`` inputs (names, order, labels in zh_CN or en_US), all three layouts (IndexTTS-2:
24 inputs; IndexTTS-2.5: 26, with a language choice at index 3 and duration_factor after
max_text_tokens_per_segment; "2-duration", the 2026 web UI started with ``--version 2``: a hidden
gr.State at index 3 and duration_factor, so /gradio_api/info lists 25 parameters but a call sends 26), the same output naming (outputs/spk_<unix seconds>.wav), 22050 Hz
mono 16-bit WAV answers, a queue of 20 and the default concurrency limit of 1. Speech comes from
eSpeak (tests/servers/audio.py). Usage::

    server = start_webui(layout="2", locale="zh_CN")
    ... server.url, server.recorder.calls ...
    server.close()
"""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

from tests.servers.audio import sampled_speech_wav, speech_wav

EMO_CHOICES = {
    "zh_CN": ["与音色参考音频相同", "使用情感参考音频", "使用情感向量控制"],
    "en_US": ["Same as the voice reference", "Use emotion reference audio", "Use emotion vectors"],
}
LANGUAGES = ["ZH", "EN", "JA", "AR", "ES"]

# zh_CN label -> en_US label (the real UI translates its labels with an i18n table)
_LABELS = {
    "情感控制方式": "Emotion control method",
    "音色参考音频": "Voice Reference",
    "文本": "Text",
    "语言": "Language",
    "上传情感参考音频": "Upload emotion reference audio",
    "情感权重": "Emotion control weight",
    "喜": "Happy", "怒": "Angry", "哀": "Sad", "惧": "Afraid", "厌恶": "Disgusted",
    "低落": "Melancholic", "惊喜": "Surprised", "平静": "Calm",
    "情感描述文本": "Emotion description",
    "情感随机采样": "Randomize emotion sampling",
    "分句最大Token数": "Max tokens per generation segment",
    "时长系数": "Duration factor",
    "生成结果": "Synthesis Result",
    "生成语音": "Synthesize",
}


@dataclass
class Recorder:
    """What the server saw. Mutated from server threads; read it after requests complete."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    calls: list[dict[str, Any]] = field(default_factory=list)  # one per gen_single run
    requests: list[tuple[str, str]] = field(default_factory=list)  # (method, path)
    in_flight: int = 0
    max_in_flight: int = 0
    open_requests: int = 0  # HTTP requests the app is still handling (SSE streams included)

    def count(self, method: str, path: str) -> int:
        with self.lock:
            return sum(1 for m, p in self.requests if m == method and p == path)

    @property
    def texts(self) -> list[str]:
        return [c["text"] for c in self.calls]


@dataclass
class WebUI:
    """A running stand-in. ``delay`` (seconds per generation) and ``fail_next`` (number of
    coming generations that raise gr.Error) may be changed while it runs. ``sampling`` makes
    every answer differ (random pitch, speed and faint noise), as a real model's do.
    ``hold_after`` = N holds every generation after the N-th (counted over the server's life)
    until ``release`` is set: a client then waits on one request in flight."""

    url: str
    recorder: Recorder
    outputs: Path
    demo: Any
    delay: float = 0.0
    fail_next: int = 0
    sampling: bool = False
    said: set[str] = field(default_factory=set)  # with sampling: the voicings given (no two alike)
    hold_after: int | None = None
    release: threading.Event = field(default_factory=threading.Event)
    # seconds a generation takes extra when its speaker prompt differs from the one before it
    # (IndexTTS2 encodes the new prompt: voices per role, issue 24); ``switches`` counts them
    switch_delay: float = 0.0
    switches: int = 0
    prompt: str | None = None

    def close(self) -> None:
        self.demo.close()
        shutil.rmtree(self.outputs.parent, ignore_errors=True)

    def settled(self) -> bool:
        """Nothing left to happen: no request being handled, no event queued or running in
        Gradio's queue, every generation ended. After a client dies, its streams notice the
        disconnect and Gradio drops their queued events (a POST whose stream never opened runs),
        so this is when what a dead client made the server do is final."""
        queue = self.demo._queue
        with self.recorder.lock:
            if self.recorder.open_requests or not all("ended" in c for c in self.recorder.calls):
                return False
        return (all(not q.queue for q in list(queue.event_queue_per_concurrency_id.values()))
                and all(job is None for job in queue.active_jobs))


class _RequestLog:
    """Pure ASGI middleware (SSE streams pass through untouched) logging every HTTP request."""

    def __init__(self, app: Any, recorder: Recorder) -> None:
        self.app = app
        self.recorder = recorder

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            with self.recorder.lock:
                self.recorder.requests.append((scope["method"], scope["path"]))
                self.recorder.open_requests += 1
            try:
                await self.app(scope, receive, send)
            finally:
                with self.recorder.lock:
                    self.recorder.open_requests -= 1
        else:
            await self.app(scope, receive, send)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _build(server: WebUI, layout: str, locale: str) -> Any:
    import gradio as gr

    def t(label: str) -> str:
        return label if locale == "zh_CN" else _LABELS.get(label, label)

    choices = EMO_CHOICES[locale]
    rec = server.recorder

    def gen_single(emo_control_method: int, prompt: str, text: str, *rest: Any) -> Any:
        rest = list(rest)
        language = rest.pop(0) if layout == "2.5" else None
        state = rest.pop(0) if layout == "2-duration" else None
        emo_ref_path, emo_weight, *vec = rest[:10]
        emo_text, emo_random, max_tokens = rest[10:13]
        duration_factor = rest[13] if layout != "2" else None
        sampling = rest[14:] if layout != "2" else rest[13:]
        with rec.lock:
            rec.in_flight += 1
            rec.max_in_flight = max(rec.max_in_flight, rec.in_flight)
            call: dict[str, Any]
            rec.calls.append(call := {
                "method": emo_control_method, "prompt": prompt, "text": text, "language": language,
                "emo_ref_path": emo_ref_path, "emo_weight": emo_weight, "vec": list(vec),
                "emo_text": emo_text, "emo_random": emo_random, "max_tokens": max_tokens,
                "duration_factor": duration_factor, "sampling": list(sampling), "state": state,
                "started": time.monotonic(),  # and "ended": when the server was busy with it
            })
            fail = server.fail_next > 0
            if fail:
                server.fail_next -= 1
            hold = server.hold_after is not None and len(rec.calls) > server.hold_after
        with rec.lock:
            switched = server.prompt is not None and prompt != server.prompt
            server.switches += switched
            server.prompt = prompt
        try:
            if hold:
                server.release.wait(300)
            if server.delay:
                time.sleep(server.delay)
            if switched and server.switch_delay:
                time.sleep(server.switch_delay)
            if fail:
                raise gr.Error("generation failed (stand-in fault)")
            if not prompt or not os.path.exists(prompt):
                raise gr.Error("please upload a voice reference")
            lang = {"ZH": "zh", "EN": "en"}.get(language or "", "en")
            out = server.outputs / f"spk_{int(time.time())}.wav"
            sampled = server.sampling and sampled_speech_wav(text, lang, said=server.said)
            out.write_bytes(sampled or speech_wav(text, lang))
            return gr.update(value=str(out), visible=True)
        finally:
            with rec.lock:
                rec.in_flight -= 1
                call["ended"] = time.monotonic()

    with gr.Blocks(title="IndexTTS Demo") as demo:
        prompt_audio = gr.Audio(label=t("音色参考音频"), key="prompt_audio",
                                sources=["upload", "microphone"], type="filepath")
        text = gr.TextArea(label=t("文本"), key="input_text_single")
        language = gr.Radio(choices=LANGUAGES, value="ZH", label=t("语言"))
        gen_button = gr.Button(t("生成语音"), key="gen_button")
        output_audio = gr.Audio(label=t("生成结果"), visible=True, key="output_audio")
        emo_control_method = gr.Radio(choices=choices, type="index", value=choices[0],
                                      label=t("情感控制方式"))
        emo_upload = gr.Audio(label=t("上传情感参考音频"), type="filepath")
        emo_random = gr.Checkbox(label=t("情感随机采样"), value=False)
        vecs = [gr.Slider(label=t(name), minimum=0.0, maximum=1.0, value=0.0, step=0.05)
                for name in ("喜", "怒", "哀", "惧", "厌恶", "低落", "惊喜", "平静")]
        emo_text = gr.Textbox(label=t("情感描述文本"), value="")
        emo_weight = gr.Slider(label=t("情感权重"), minimum=0.0, maximum=1.0, value=0.65, step=0.01)
        advanced = [
            gr.Checkbox(label="do_sample", value=True),
            gr.Slider(label="top_p", minimum=0.0, maximum=1.0, value=0.8, step=0.01),
            gr.Slider(label="top_k", minimum=0, maximum=100, value=30, step=1),
            gr.Slider(label="temperature", minimum=0.1, maximum=2.0, value=0.8, step=0.1),
            gr.Number(label="length_penalty", value=0.0, minimum=-2.0, maximum=2.0, step=0.1),
            gr.Slider(label="num_beams", value=3, minimum=1, maximum=10, step=1),
            gr.Number(label="repetition_penalty", value=10.0, minimum=0.1, maximum=20.0, step=0.1),
            gr.Slider(label="max_mel_tokens", value=1500, minimum=50, maximum=1815, step=10),
        ]
        max_tokens = gr.Slider(label=t("分句最大Token数"), value=120, minimum=20, maximum=600,
                               step=2, key="max_text_tokens_per_segment")
        duration = gr.Slider(label=t("时长系数"), value=1.0, minimum=0.5, maximum=2.0, step=0.05)
        inputs = [emo_control_method, prompt_audio, text]
        if layout == "2.5":
            inputs.append(language)
        elif layout == "2-duration":
            inputs.append(gr.State(value=None))  # where IndexTTS-2.5 has its language choice
        inputs += [emo_upload, emo_weight, *vecs, emo_text, emo_random, max_tokens]
        if layout != "2":
            inputs.append(duration)
        inputs += advanced
        if layout != "2":
            def gen_single_25(emo_control_method, prompt, text, language, emo_ref_path, emo_weight,
                              vec1, vec2, vec3, vec4, vec5, vec6, vec7, vec8, emo_text, emo_random,
                              max_text_tokens_per_segment, duration_factor, *args,
                              progress=gr.Progress()):
                return gen_single(emo_control_method, prompt, text, language, emo_ref_path,
                                  emo_weight, vec1, vec2, vec3, vec4, vec5, vec6, vec7, vec8,
                                  emo_text, emo_random, max_text_tokens_per_segment,
                                  duration_factor, *args)
            gen_25 = gen_single_25
            gen_25.__name__ = "gen_single"
            gen_button.click(gen_25, inputs=inputs, outputs=[output_audio])
        else:
            def gen_single_2(emo_control_method, prompt, text, emo_ref_path, emo_weight,
                             vec1, vec2, vec3, vec4, vec5, vec6, vec7, vec8, emo_text, emo_random,
                             max_text_tokens_per_segment=120, *args, progress=gr.Progress()):
                return gen_single(emo_control_method, prompt, text, emo_ref_path, emo_weight,
                                  vec1, vec2, vec3, vec4, vec5, vec6, vec7, vec8, emo_text,
                                  emo_random, max_text_tokens_per_segment, *args)
            gen_2 = gen_single_2
            gen_2.__name__ = "gen_single"
            gen_button.click(gen_2, inputs=inputs, outputs=[output_audio])
    return demo


def start_webui(layout: str = "2", locale: str = "zh_CN", *, auth: tuple[str, str] | None = None,
                root_path: str | None = None, delay: float = 0.0, port: int | None = None,
                sampling: bool = False) -> WebUI:
    """Start the stand-in on a free loopback port, or ``port`` (in this process, background threads).

    ``root_path`` set to another origin makes file URLs point elsewhere, as behind a proxy.
    """
    from starlette.middleware import Middleware

    if layout not in ("2", "2-duration", "2.5") or locale not in EMO_CHOICES:
        raise ValueError(f"unknown layout {layout!r} or locale {locale!r}")
    workdir = Path(tempfile.mkdtemp(prefix="indextts2-standin-"))
    (workdir / "outputs").mkdir()
    server = WebUI(url="", recorder=Recorder(), outputs=workdir / "outputs", demo=None, delay=delay,
                   sampling=sampling)
    demo = _build(server, layout, locale)
    demo.queue(max_size=20)
    port = port or free_port()
    kwargs: dict[str, Any] = {}
    if root_path:
        kwargs["root_path"] = root_path
    demo.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True,
                ssr_mode=False, auth=auth, show_error=False, allowed_paths=[str(workdir)],
                app_kwargs={"middleware": [Middleware(_RequestLog, recorder=server.recorder)]},
                **kwargs)
    server.demo = demo
    server.url = f"http://127.0.0.1:{port}"
    return server
