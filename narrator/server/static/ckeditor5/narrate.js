/*
 * An example of wiring narrate-client.js to CKEditor 5 (the browser build that sets window.CKEDITOR).
 * Load it after ckeditor5.umd.js and narrate-client.js; it defines window.NarrateCKEditor, a plugin
 * that adds a "Narrate" button sending editor.getData() to `narrate serve`:
 *
 *   ClassicEditor.create(element, {
 *     licenseKey: 'GPL',
 *     plugins: [Essentials, Paragraph, Heading, Link, NarrateCKEditor],
 *     toolbar: ['heading', 'bold', 'link', '|', 'narrate'],
 *     narrate: {server: 'http://127.0.0.1:8765', token: '...'},   // or tokenProvider: () => promise
 *   });
 *
 * While it works the button shows the progress; when it is done it inserts a link to the read-along
 * player at the cursor (if the Link plugin is loaded) and fires 'narrate:done' on the editor with the
 * narration's status (links.audio, links.player, links.manifest, links.review). A 'narrateReview'
 * toolbar button opens the review page of the last narration (takes, another take, pronunciations;
 * the link is the teacher's, never put into the lesson). Errors fire 'narrate:error' and,
 * unless config narrate.onError is given, show window.alert(message).
 */
(function () {
  'use strict';
  const {Plugin, ButtonView} = window.CKEDITOR;

  class NarrateCKEditor extends Plugin {
    static get pluginName() {
      return 'Narrate';
    }

    init() {
      const editor = this.editor;
      editor.config.define('narrate', {});
      editor.ui.componentFactory.add('narrate', (locale) => {
        const button = new ButtonView(locale);
        button.set({label: 'Narrate', withText: true, tooltip: 'Narrate this lesson'});
        button.on('execute', () => this.narrate(button));
        return button;
      });
      this.set('review', null); // the review page of the last narration
      editor.ui.componentFactory.add('narrateReview', (locale) => {
        const button = new ButtonView(locale);
        button.set({label: 'Review narration', withText: true, tooltip: 'Review the takes of the last narration'});
        button.bind('isEnabled').to(this, 'review', (review) => !!review);
        button.on('execute', () => window.open(this.review, '_blank', 'noopener'));
        return button;
      });
    }

    /** Send the editor's content, follow it on the button, and report the result. */
    async narrate(button) {
      const editor = this.editor;
      const config = editor.config.get('narrate') || {};
      const client = new window.NarrateClient({server: config.server, token: config.token, tokenProvider: config.tokenProvider});
      const heading = editor.editing.view.getDomRoot && editor.editing.view.getDomRoot().querySelector('h1, h2, h3');
      button.isEnabled = false;
      try {
        const done = await client.narrate(editor.getData(), {
          title: config.title || (heading ? heading.textContent.trim() : undefined),
          options: config.options,
          onStatus: (status) => {
            button.label = window.NarrateClient.describe(status);
            editor.fire('narrate:status', status);
          },
        });
        if (editor.plugins.has('Link')) {
          editor.model.change((writer) => {
            const link = writer.createText(`Read along: ${done.title}`, {linkHref: done.links.player});
            editor.model.insertContent(link);
          });
        }
        this.review = done.links.review || null;
        editor.fire('narrate:done', done);
      } catch (error) {
        editor.fire('narrate:error', error);
        (config.onError || ((e) => window.alert(e.message)))(error);
      } finally {
        button.label = 'Narrate';
        button.isEnabled = true;
      }
    }
  }

  window.NarrateCKEditor = NarrateCKEditor;
}());
