/*
 * narrate-client.js: a small client of the `narrate serve` HTTP API, without any framework.
 *
 * Load it with a plain <script> (it defines the global NarrateClient) or require() it.
 *
 *   const client = new NarrateClient({server: 'http://127.0.0.1:8765', token: '...'});
 *   const done = await client.narrate(html, {title: 'Plants', onStatus: s => console.log(s.progress)});
 *   done.links.player   // absolute URL of the read-along player
 *
 * Progress comes from the server-sent events of /api/narrations/{id}/events, read with fetch()
 * because EventSource cannot send the Authorization header; if streaming is not possible, it
 * polls GET /api/narrations/{id}. Every failure is a NarrateError whose message says what to do.
 */
(function (root, factory) {
  'use strict';
  const api = factory();
  if (typeof module === 'object' && module.exports) {
    module.exports = api;
  } else {
    root.NarrateClient = api.NarrateClient;
    root.NarrateError = api.NarrateError;
  }
}(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  const FINISHED = ['done', 'failed', 'cancelled'];
  const POLL_MS = 1000;
  const RECONNECT_MS = 60000;

  /** A failure with a `kind` a program can test and a message a person can act on. */
  class NarrateError extends Error {
    constructor(kind, message, details) {
      super(message);
      this.name = 'NarrateError';
      this.kind = kind; // unreachable, token, origin, input, too-large, busy, failed, cancelled, server
      Object.assign(this, details || {});
    }
  }

  function sleep(ms, signal) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(resolve, ms);
      if (signal) {
        signal.addEventListener('abort', () => { clearTimeout(timer); reject(aborted()); }, {once: true});
      }
    });
  }

  function aborted() {
    return new NarrateError('cancelled', 'Narration cancelled');
  }

  function pageOrigin() {
    return typeof location !== 'undefined' && /^https?:/.test(location.protocol) ? location.origin : null;
  }

  class NarrateClient {
    /**
     * options.server: the server's base URL (e.g. http://127.0.0.1:8765);
     * options.token: the API token, or options.tokenProvider: a function returning it or a promise of it.
     */
    constructor(options) {
      const opts = options || {};
      if (!opts.server) throw new TypeError('NarrateClient needs {server: "http://host:port"}');
      this.server = String(opts.server).replace(/\/+$/, '');
      this.token = opts.token || null;
      this.tokenProvider = opts.tokenProvider || null;
    }

    /** An absolute URL for a path the server returned (links are server-relative). */
    url(path) {
      return new URL(path, this.server + '/').href;
    }

    async _token() {
      const token = this.tokenProvider ? await this.tokenProvider() : this.token;
      if (!token) throw new NarrateError('token', 'No token for the narration server (run "narrate serve --show-token" to see it)');
      return String(token).trim();
    }

    /** One API call: the parsed JSON answer, or a NarrateError. */
    async _call(method, path, body, headers, signal) {
      const init = {method, headers: Object.assign({Authorization: 'Bearer ' + await this._token()}, headers || {}), signal};
      if (body !== undefined) {
        init.headers['Content-Type'] = 'application/json';
        init.body = JSON.stringify(body);
      }
      let response;
      try {
        response = await fetch(this.url(path), init);
      } catch (e) {
        throw await this._networkError(e, signal);
      }
      return this._answer(response);
    }

    /** Why a request failed before any answer: aborted, server down, or refused by CORS. */
    async _networkError(error, signal) {
      if (signal && signal.aborted) return aborted();
      // A browser hides a CORS refusal behind the same TypeError as a dead server. A no-cors
      // request needs no permission: if it gets through, the server is up and refused our origin.
      let reachable = false;
      try {
        await fetch(this.url('/editor/narrate-client.js'), {mode: 'no-cors', cache: 'no-store'});
        reachable = true;
      } catch (e) { /* not reachable */ }
      if (reachable && pageOrigin()) {
        return new NarrateError('origin', `The narration server at ${this.server} does not accept requests from ${pageOrigin()} (start it with --allow-origin ${pageOrigin()})`);
      }
      return new NarrateError('unreachable', `Cannot reach the narration server at ${this.server} (is "narrate serve" running?)`, {cause: error});
    }

    async _answer(response) {
      let data = null;
      try {
        data = await response.json();
      } catch (e) { /* not JSON: the message below says so */ }
      if (response.ok) return this._absolute(data);
      const reason = (data && data.error) || `HTTP ${response.status}`;
      const status = response.status;
      const details = {status, reason};
      if (status === 401) return Promise.reject(new NarrateError('token', `The narration server refused the token: ${reason}`, details));
      if (status === 403) return Promise.reject(new NarrateError('origin', `The narration server refused this page: ${reason}`, details));
      if (status === 400) return Promise.reject(new NarrateError('input', `Cannot narrate this: ${reason}`, details));
      if (status === 413) return Promise.reject(new NarrateError('too-large', `The lesson is too large for the narration server: ${reason}`, details));
      if (status === 429) {
        const wait = response.headers.get('Retry-After');
        return Promise.reject(new NarrateError('busy', `The narration server is busy: ${reason}${wait ? ` (retry in ${wait} s)` : ''}`, details));
      }
      if (status === 404) return Promise.reject(new NarrateError('server', `The narration server does not know this narration: ${reason}`, details));
      return Promise.reject(new NarrateError('server', `The narration server answered ${status}: ${reason}`, details));
    }

    /** Make every link in a status absolute, so that it works from any page. */
    _absolute(status) {
      if (status && status.links) {
        const links = status.links;
        for (const key of Object.keys(links)) {
          if (typeof links[key] === 'string') links[key] = this.url(links[key]);
        }
        for (const chapter of links.chapters || []) {
          chapter.file = this.url(chapter.file);
          if (chapter.captions) chapter.captions = this.url(chapter.captions);
        }
      }
      return status;
    }

    /**
     * Submit a lesson: {html, title?, options?, idempotencyKey?, signal?} -> the narration's status
     * (already `done` when the same lesson with the same settings was narrated before).
     */
    submit(html, opts) {
      const o = opts || {};
      const body = {html};
      if (o.title) body.title = o.title;
      if (o.options && Object.keys(o.options).length) body.options = o.options;
      const headers = o.idempotencyKey ? {'Idempotency-Key': o.idempotencyKey} : {};
      return this._call('POST', '/api/narrations', body, headers, o.signal);
    }

    /** The narration's current status. */
    get(id, signal) {
      return this._call('GET', `/api/narrations/${encodeURIComponent(id)}`, undefined, undefined, signal);
    }

    /** Cancel a queued or running narration (one that has finished is left as it is). */
    async cancel(id) {
      try {
        return await this._call('DELETE', `/api/narrations/${encodeURIComponent(id)}?finished=keep`);
      } catch (e) {
        if (e.status === 409) return this.get(id); // already finished
        throw e;
      }
    }

    /** Delete a narration and its files (a queued or running one is cancelled). */
    remove(id) {
      return this._call('DELETE', `/api/narrations/${encodeURIComponent(id)}`);
    }

    /**
     * Follow a narration until it finishes, calling onStatus(status) on each change.
     * Resolves with the `done` status; rejects with a NarrateError if it failed or was cancelled.
     */
    async follow(id, opts) {
      const o = opts || {};
      let last = null;
      const seen = (status) => {
        last = status;
        if (o.onStatus) o.onStatus(status);
      };
      try {
        await this._stream(id, seen, o.signal);
      } catch (e) {
        if (e.kind === 'cancelled' || e.kind === 'token' || e.kind === 'origin') throw e;
        // The stream broke (proxy, network, old browser): polling gets the rest.
      }
      // The server keeps its jobs across restarts: while it is away (for up to RECONNECT_MS),
      // keep asking. A refused origin cannot be told from a server coming back, so it is retried too.
      let awaySince = null;
      while (!last || !FINISHED.includes(last.status)) {
        if (last || awaySince !== null) await sleep(POLL_MS, o.signal);
        try {
          const status = await this.get(id, o.signal);
          awaySince = null;
          seen(status);
        } catch (e) {
          if (e.kind !== 'unreachable' && e.kind !== 'origin') throw e;
          if (awaySince === null) awaySince = Date.now();
          if (Date.now() - awaySince > RECONNECT_MS) throw e;
        }
      }
      return this._finished(last);
    }

    _finished(status) {
      if (status.status === 'done') return status;
      if (status.status === 'cancelled') throw new NarrateError('cancelled', 'Narration cancelled', {narration: status});
      throw new NarrateError('failed', `Narration failed: ${status.error || 'unknown error'}`, {narration: status});
    }

    /** Read the event stream until the narration finishes or the stream ends. */
    async _stream(id, seen, signal) {
      const path = `/api/narrations/${encodeURIComponent(id)}/events`;
      let response;
      try {
        response = await fetch(this.url(path), {headers: {Authorization: 'Bearer ' + await this._token(), Accept: 'text/event-stream'}, signal, cache: 'no-store'});
      } catch (e) {
        // The submission went through, so the server and origin are fine: polling will tell.
        if (signal && signal.aborted) throw aborted();
        throw new NarrateError('server', 'cannot stream events here', {cause: e});
      }
      if (!response.ok) await this._answer(response); // throws
      if (!response.body || !response.body.getReader || typeof TextDecoder === 'undefined') {
        throw new NarrateError('server', 'cannot stream events here');
      }
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for (;;) {
          const {value, done} = await reader.read();
          if (done) return;
          buffer += decoder.decode(value, {stream: true}).replace(/\r\n?/g, '\n');
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const status = this._event(block);
            if (status) {
              seen(status);
              if (FINISHED.includes(status.status)) return;
            }
          }
        }
      } catch (e) {
        if (signal && signal.aborted) throw aborted();
        throw e;
      } finally {
        reader.cancel().catch(() => {});
      }
    }

    /** One server-sent event block -> a status object (or null for comments and other events). */
    _event(block) {
      let name = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') name = value;
        else if (field === 'data') data.push(value);
      }
      if (name !== 'status' || !data.length) return null;
      return this._absolute(JSON.parse(data.join('\n')));
    }

    /** Submit and follow: resolves with the finished narration's status (links absolute). */
    async narrate(html, opts) {
      const o = opts || {};
      const status = await this.submit(html, o);
      if (o.onStatus) o.onStatus(status);
      if (status.status === 'done') return status;
      return this.follow(status.id, o);
    }
  }

  /** What a status means for a person: "Queued: 2 narrations ahead", "Narrating: 3 of 12 sentences, about 20 s left". */
  NarrateClient.describe = function (status) {
    const p = status.progress || {};
    if (status.status === 'queued') {
      const ahead = (status.position || 1) - 1;
      return ahead ? `Queued: ${ahead} narration${ahead > 1 ? 's' : ''} ahead` : 'Queued: next in line';
    }
    if (status.status === 'done') return 'Narration ready';
    if (status.status === 'failed') return `Narration failed: ${status.error || ''}`;
    if (status.status === 'cancelled') return 'Narration cancelled';
    if (p.stage === 'synthesize' && p.total) {
      const eta = p.eta_seconds != null ? `, about ${Math.max(1, Math.round(p.eta_seconds))} s left` : '';
      return `Narrating: ${p.done} of ${p.total} sentences${eta}`;
    }
    if (p.stage === 'assemble' || p.stage === 'publish') return 'Putting the audio together';
    return 'Preparing the narration';
  };

  /** Percent for a progress bar: synthesis is most of the work, assembly the rest. */
  NarrateClient.percent = function (status) {
    const p = status.progress || {};
    if (status.status === 'done') return 100;
    if (status.status !== 'running') return 0;
    if (p.stage === 'synthesize' && p.total) return Math.round(90 * p.done / p.total);
    if (p.stage === 'assemble' || p.stage === 'publish') return 95;
    return 2;
  };

  NarrateClient.NarrateError = NarrateError;
  return {NarrateClient, NarrateError};
}));
