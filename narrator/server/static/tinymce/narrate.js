/*
 * The TinyMCE plugin of `narrate serve` (TinyMCE 6, 7 and 8).
 *
 *   tinymce.init({
 *     external_plugins: {narrate: 'http://127.0.0.1:8765/editor/tinymce/narrate.js'},
 *     toolbar: '... | narrate',
 *     narrate_token: '...',              // or narrate_token_provider: () => fetch(...).then(...)
 *     narrate_server: 'http://...',     // default: the server this file came from
 *     narrate_options: {voice: '...'},  // optional settings a teacher may choose
 *     narrate_on_save: true,            // optional: narrate on every save
 *   });
 *
 * It is built on narrate-client.js, which it loads from the same server.
 */
(function () {
  'use strict';

  // The client sits next to this folder: <server>/editor/narrate-client.js.
  let clientLoading = null;

  function loadClient(pluginDir) {
    if (window.NarrateClient) return Promise.resolve(window.NarrateClient);
    if (!clientLoading) {
      clientLoading = new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = new URL('../narrate-client.js', pluginDir + '/').href;
        script.onload = () => (window.NarrateClient ? resolve(window.NarrateClient) : reject(new Error('narrate-client.js did not load')));
        script.onerror = () => {
          clientLoading = null;
          reject(new Error(`Cannot reach the narration server (${script.src} did not load)`));
        };
        document.head.appendChild(script);
      });
    }
    return clientLoading;
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
  }

  function registerOptions(editor) {
    const any = (value) => ({valid: true, value});
    editor.options.register('narrate_server', {processor: 'string'});
    editor.options.register('narrate_token', {processor: 'string'});
    editor.options.register('narrate_token_provider', {processor: 'function'});
    editor.options.register('narrate_options', {processor: 'object', default: {}});
    editor.options.register('narrate_on_save', {processor: 'boolean', default: false});
    editor.options.register('narrate_title', {processor: any});
  }

  /** The lesson's title: narrate_title, the editor document's title, or its first heading. */
  function titleOf(editor) {
    const given = editor.options.get('narrate_title');
    if (typeof given === 'function') return given(editor) || undefined;
    if (given) return String(given);
    const doc = editor.getDoc();
    if (doc && doc.title && doc.title.trim()) return doc.title.trim();
    const heading = editor.getBody() && editor.getBody().querySelector('h1, h2, h3, h4, h5, h6');
    const text = heading ? heading.textContent.replace(/\s+/g, ' ').trim() : '';
    return text || undefined;
  }

  tinymce.PluginManager.add('narrate', (editor, url) => {
    registerOptions(editor);
    const clientReady = loadClient(url);
    clientReady.catch(() => {}); // reported when the teacher clicks Narrate
    let running = null; // {html, promise} of the narration this editor follows
    let lastSaved = null;

    const makeClient = (NarrateClient) => {
      // The server this file came from: .../editor/tinymce -> ...
      const server = editor.options.get('narrate_server') || url.replace(/\/editor\/tinymce\/?$/, '');
      const provider = editor.options.get('narrate_token_provider');
      return new NarrateClient({server, token: editor.options.get('narrate_token'), tokenProvider: provider || null});
    };

    const showError = (error) => {
      // A notification's first text is read as HTML: messages may hold <, > or &.
      editor.notificationManager.open({text: escapeHtml(error && error.message ? error.message : String(error)), type: 'error', closeButton: true});
    };

    /** Narrate the editor's content; `interactive` opens the player dialog when it is done. */
    const narrate = (interactive) => {
      const html = editor.getContent();
      if (running) {
        if (running.html === html) {
          if (interactive) running.interactive = true;
          return running.promise;
        }
      }
      const job = {html, interactive};
      const notification = editor.notificationManager.open({text: 'Sending the lesson to the narration server', type: 'info', progressBar: true});
      notification.progressBar.value(0);
      const onStatus = (status) => {
        notification.text(window.NarrateClient.describe(status));
        notification.progressBar.value(window.NarrateClient.percent(status));
        editor.dispatch ? editor.dispatch('NarrateStatus', {status}) : editor.fire('NarrateStatus', {status});
      };
      job.promise = clientReady
        .then((NarrateClient) => makeClient(NarrateClient).narrate(html, {title: titleOf(editor), options: editor.options.get('narrate_options'), onStatus}))
        .then((done) => {
          notification.close();
          if (job.interactive) {
            openPlayer(done);
          } else {
            editor.notificationManager.open({text: escapeHtml(`The narration of “${done.title}” is ready: click Narrate to listen to it or insert it.`), type: 'success', timeout: 8000});
          }
          return done;
        }, (error) => {
          notification.close();
          showError(error);
        })
        .finally(() => {
          if (running === job) running = null;
        });
      running = job;
      return job.promise;
    };

    /** The sound of a narration as HTML: one <audio> (the book, or the only chapter) or one per chapter. */
    const audioHtml = (done) => {
      const links = done.links;
      const player = `<a href="${escapeHtml(links.player)}" target="_blank" rel="noopener">Read along: ${escapeHtml(done.title)}</a>`;
      if (links.audio) return `<p><audio controls="controls" src="${escapeHtml(links.audio)}"></audio><br>${player}</p>`;
      const chapters = (links.chapters || []).map((c) => `<p>${escapeHtml(c.title)}<br><audio controls="controls" src="${escapeHtml(c.file)}"></audio></p>`);
      return chapters.join('') + `<p>${player}</p>`;
    };

    const openPlayer = (done) => {
      const player = done.links.player;
      editor.windowManager.open({
        title: `Narration: ${done.title}`,
        size: 'large',
        body: {type: 'panel', items: [{
          type: 'htmlpanel',
          html: `<iframe class="narrate-player" title="Read-along player" src="${escapeHtml(player)}" style="width:100%;height:55vh;border:0" allow="autoplay"></iframe>`,
        }]},
        buttons: [
          {type: 'custom', name: 'insert', text: 'Insert audio', primary: true},
          {type: 'custom', name: 'open', text: 'Open player'},
          // the teacher's review page (takes, another take, pronunciations): never put into the lesson
          ...(done.links.review ? [{type: 'custom', name: 'review', text: 'Review takes'}] : []),
          {type: 'cancel', name: 'close', text: 'Close'},
        ],
        onAction: (api, details) => {
          if (details.name === 'insert') {
            api.close();
            editor.focus();
            editor.insertContent(audioHtml(done));
          } else if (details.name === 'open') {
            window.open(player, '_blank', 'noopener');
          } else if (details.name === 'review') {
            window.open(done.links.review, '_blank', 'noopener');
          }
        },
      });
    };

    editor.ui.registry.addButton('narrate', {text: 'Narrate', tooltip: 'Narrate this lesson', onAction: () => narrate(true)});
    editor.ui.registry.addMenuItem('narrate', {text: 'Narrate', onAction: () => narrate(true)});

    if (editor.options.get('narrate_on_save')) {
      // SaveContent fires for the save button, a form submit and editor.save(); TinyMCE also
      // saves when the page unloads, which is no time to start a narration.
      let unloading = false;
      window.addEventListener('beforeunload', () => { unloading = true; });
      window.addEventListener('pageshow', () => { unloading = false; });
      editor.on('SaveContent', () => {
        setTimeout(() => {
          if (unloading || editor.removed) return;
          const html = editor.getContent();
          if (html === lastSaved || !editor.getBody().textContent.trim()) return;
          lastSaved = html;
          narrate(false).then((done) => {
            if (!done && lastSaved === html) lastSaved = null; // failed: the next save tries again
          });
        }, 0);
      });
    }

    return {
      getMetadata: () => ({name: 'Narrate (narrator)', url: url.replace(/\/editor\/tinymce\/?$/, '') + '/docs'}),
    };
  });
}());
