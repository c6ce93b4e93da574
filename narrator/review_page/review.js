/*
 * The review page of a narration (narrate review, narrate serve /review/...). Every sentence with
 * its takes: play, A/B compare, choose, another take, spoken form, emotion, reviewed, skip; the
 * skipped sentences, each to narrate again; pronunciations with a preview, each to remove; Rebuild. It talks to api/* relative to its own address, builds the page with
 * textContent only (a lesson's text is never markup here), and keeps the reader's place (scroll and
 * focus) when it reloads after a change or a rebuild.
 */
(function () {
  'use strict';

  const $ = (id) => document.getElementById(id);
  const audio = $('audio');
  const blobs = new Map(); // take key -> object URL (a blob seeks anywhere; the server need not)
  let state = null;
  let renders = 0;
  let compare = null; // {id, a: take, b: take, playing: 'a' | 'b' | null}
  let focusedSentence = null;

  async function api(path, body) {
    const init = body === undefined ? {cache: 'no-store'} :
      {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body), cache: 'no-store'};
    const response = await fetch(path, init);
    const data = await response.json().catch(() => ({error: `the server answered ${response.status}`}));
    if (!response.ok && response.status !== 409) throw new Error(data.error || `the server answered ${response.status}`);
    return data;
  }

  function say(message) {
    $('status').textContent = message;
  }

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (key === 'dataset') Object.assign(node.dataset, value);
      else if (key.startsWith('aria') || key === 'for' || key === 'role') node.setAttribute(key === 'for' ? 'for' : key.replace(/^aria([A-Z])/, (m, c) => 'aria-' + c.toLowerCase()), value);
      else node[key] = value;
    }
    for (const child of children) if (child !== null && child !== undefined) node.append(child);
    return node;
  }

  function short(text) {
    return text.length > 50 ? text.slice(0, 47) + '…' : text;
  }

  function needsAttention(s) {
    return s.failed || s.pending.length > 0 || (s.decision && !s.reviewed);
  }

  // ---- audio ----------------------------------------------------------------------------------

  async function takeUrl(take) {
    if (!blobs.has(take.key)) {
      const response = await fetch(take.url, {cache: 'force-cache'});
      if (!response.ok) throw new Error('this take is not in the cache any more');
      blobs.set(take.key, URL.createObjectURL(await response.blob()));
    }
    return blobs.get(take.key);
  }

  async function play(take, at) {
    const url = await takeUrl(take);
    if (audio.src !== url) audio.src = url;
    if (at !== undefined) {
      if (audio.readyState < 1) await new Promise((resolve) => audio.addEventListener('loadedmetadata', resolve, {once: true}));
      audio.currentTime = Math.min(at, Math.max(0, (audio.duration || at) - 0.01));
    } else {
      audio.currentTime = 0;
    }
    audio.dataset.playing = take.key;
    await audio.play();
  }

  // ---- decisions ------------------------------------------------------------------------------

  async function change(s, what, message) {
    try {
      say('Saving…');
      await api('api/change', Object.assign({id: s.id, text: s.text}, what));
      await load();
      say(message + (pendingCount() ? ' Rebuild to hear it.' : ''));
    } catch (e) {
      say('Not saved: ' + e.message);
    }
  }

  function pendingCount() {
    return state ? state.sentences.filter((s) => s.pending.length).length : 0;
  }

  // ---- one sentence ---------------------------------------------------------------------------

  function sentenceNode(s, index) {
    const n = index + 1;
    const name = `sentence ${n}`;
    const li = el('li', {className: 'sentence', id: 's-' + s.id, dataset: {id: s.id}});
    if (s.failed) li.classList.add('failed');
    const badges = el('span', {className: 'meta'},
      el('span', {}, `${n}. ${s.id}`), s.chapter_title ? el('span', {}, s.chapter_title) : null);
    if (s.failed) badges.append(el('span', {className: 'badge failed'}, `speech check failed: heard “${(s.verify && s.verify.heard) || ''}”`));
    for (const p of s.pending) badges.append(el('span', {className: 'badge pending'}, 'rebuild: ' + p));
    if (s.reviewed) badges.append(el('span', {className: 'badge reviewed'}, 'reviewed'));
    li.append(badges, el('p', {className: 'text', lang: s.lang || ''}, s.text));

    // takes: play each, choose one
    const takes = el('fieldset', {className: 'takes'}, el('legend', {}, `Takes of ${name}`));
    if (!s.takes.length) takes.append(el('span', {}, 'no take yet (Rebuild makes it)'));
    for (const t of s.takes) {
      const radio = el('input', {type: 'radio', name: 'take-' + s.id, id: `${s.id}-take-${t.number}`, value: String(t.number),
        checked: t.number === s.chosen, dataset: {ctl: 'take-' + t.number}});
      radio.addEventListener('change', () => change(s, {take: t.number}, `Take ${t.number} chosen for ${name}.`));
      takes.append(el('label', {for: radio.id}, radio, ` take ${t.number}` + (t.number === s.take ? ' (in the audio)' : '')));
      const button = el('button', {type: 'button', disabled: !t.url, dataset: {ctl: 'play-' + t.number}, ariaLabel: `Play take ${t.number} of ${name}`}, '▶ ' + t.number);
      button.addEventListener('click', () => play(t).catch((e) => say('Cannot play: ' + e.message)));
      takes.append(button);
    }
    const playable = s.takes.filter((t) => t.url);
    if (playable.length >= 2) {
      const cmp = el('button', {type: 'button', dataset: {ctl: 'compare'}, ariaLabel: `Compare two takes of ${name}`}, 'Compare A/B');
      cmp.addEventListener('click', () => openCompare(s));
      takes.append(cmp);
    }
    const another = el('button', {type: 'button', dataset: {ctl: 'another'}, ariaLabel: `Another take of ${name}`}, 'Another take');
    another.addEventListener('click', () => change(s, {another: true}, `Another take asked for ${name}.`));
    takes.append(another);

    // spoken form
    const spokenId = s.id + '-spoken';
    const spoken = el('input', {id: spokenId, value: s.spoken, maxLength: 2000, dataset: {ctl: 'spoken'}, lang: s.lang || ''});
    const saveSpoken = el('button', {type: 'button', dataset: {ctl: 'save-spoken'}, ariaLabel: `Save the spoken form of ${name}`}, 'Save');
    // unchanged: keep the decision (shown in its spoken form, numbers in words) or none
    const saveIt = () => change(s, {spoken: spoken.value === s.spoken ? (s.decision ? s.decision.spoken : '') : spoken.value}, `Spoken form saved for ${name}.`);
    saveSpoken.addEventListener('click', saveIt);
    spoken.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); saveIt(); } });
    const spokenBox = el('div', {className: 'spoken'}, el('label', {for: spokenId}, `Spoken form of ${name} `), spoken, ' ', saveSpoken);

    // emotion
    const emotionId = s.id + '-emotion';
    const select = el('select', {id: emotionId, dataset: {ctl: 'emotion'}});
    const own = s.decision && s.decision.emotion ? '' : s.emotion;
    select.append(el('option', {value: ''}, `the document's${own ? ' (' + own + ')' : ''}`));
    for (const e of state.emotions) select.append(el('option', {value: e, selected: !!(s.decision && s.decision.emotion === e)}, e));
    select.addEventListener('change', () => change(s, {emotion: select.value}, `Emotion ${select.value || 'of the document'} for ${name}.`));

    // reviewed
    const reviewedId = s.id + '-reviewed';
    const reviewed = el('input', {type: 'checkbox', id: reviewedId, checked: s.reviewed, dataset: {ctl: 'reviewed'}});
    reviewed.addEventListener('change', () => change(s, {reviewed: reviewed.checked}, `${name} marked ${reviewed.checked ? '' : 'not '}reviewed.`));

    // skip: the sentence stays on the page, the narration leaves it out
    const skip = el('button', {type: 'button', dataset: {ctl: 'skip'}, ariaLabel: `Do not narrate ${name}`}, 'Skip');
    skip.addEventListener('click', () => change(s, {skip: true}, `${name} will not be narrated: Rebuild to leave it out.`));

    li.append(takes, spokenBox, el('div', {className: 'controls'},
      el('label', {for: emotionId}, `Emotion of ${name} `), select,
      el('label', {for: reviewedId}, reviewed, ` ${name} reviewed`), ' ', skip));
    li.addEventListener('focusin', () => {
      focusedSentence = s.id;
      for (const other of document.querySelectorAll('.sentence.focused')) other.classList.remove('focused');
      li.classList.add('focused');
    });
    return li;
  }

  function pronunciationNode(w) {
    const what = `${w.word} → ${w.say}` + (w.lang && w.lang !== '*' ? ` (${w.lang})` : '');
    const remove = el('button', {type: 'button', ariaLabel: `Remove the pronunciation of ${w.word}`}, 'Remove');
    remove.addEventListener('click', async () => {
      try {
        await api('api/forget', {word: w.word, lang: w.lang || '*'});
        await load();
        say(`Pronunciation of ${w.word} removed: Rebuild to hear it as before.`);
      } catch (e) {
        say('Not removed: ' + e.message);
      }
    });
    return el('li', {}, what, ' ', remove);
  }

  // ---- A/B compare ----------------------------------------------------------------------------

  function openCompare(s) {
    const playable = s.takes.filter((t) => t.url);
    const a = playable.find((t) => t.number === s.chosen) || playable[0];
    const b = playable.slice().reverse().find((t) => t !== a);
    compare = {id: s.id, a, b, playing: null};
    $('compare').hidden = false;
    $('compare-title').textContent = `Comparing “${short(s.text)}”: A is take ${a.number}, B is take ${b.number}.`;
    $('compare-a').textContent = `Play A (take ${a.number})`;
    $('compare-b').textContent = `Play B (take ${b.number})`;
    $('compare-a').focus();
  }

  function comparePlay(which, keepPlace) {
    if (!compare) return;
    const at = keepPlace ? audio.currentTime : undefined;
    compare.playing = which;
    play(compare[which], at).then(() => say(`Playing ${which.toUpperCase()}: take ${compare[which].number}.`),
      (e) => say('Cannot play: ' + e.message));
  }

  // ---- the whole page -------------------------------------------------------------------------

  function render() {
    const place = {scroll: window.scrollY, active: document.activeElement};
    const activeSentence = place.active && place.active.closest ? place.active.closest('.sentence') : null;
    const restore = activeSentence ? {id: activeSentence.dataset.id, ctl: place.active.dataset.ctl} : null;
    document.title = `Review: ${state.title}`;
    $('title').textContent = `Review: ${state.title}`;
    document.documentElement.lang = state.lang || 'en';
    const list = $('sentences');
    list.replaceChildren(...state.sentences.map(sentenceNode));
    const words = $('pronunciations');
    words.replaceChildren(...state.pronunciations.map(pronunciationNode));
    const skipped = $('skipped');
    skipped.replaceChildren(...state.skipped.map((text) => {
      const again = el('button', {type: 'button', dataset: {ctl: 'unskip'}, ariaLabel: `Narrate again: ${short(text)}`}, 'Narrate again');
      again.addEventListener('click', () => change({id: '', text}, {skip: false}, `“${short(text)}” will be narrated again: Rebuild to hear it.`));
      return el('li', {}, el('span', {className: 'text'}, text), ' ', again);
    }));
    $('skipped-section').hidden = !state.skipped.length;
    const pending = pendingCount();
    $('pending').textContent = pending ? `${pending} sentence${pending === 1 ? '' : 's'} to rebuild` : '';
    applyFilter();
    window.scrollTo(0, place.scroll);
    if (restore) {
      const again = document.getElementById('s-' + restore.id);
      const control = again && (again.querySelector(`[data-ctl="${restore.ctl}"]`) || again.querySelector('button, input, select'));
      if (control) control.focus({preventScroll: true});
    }
    if (focusedSentence) {
      const node = document.getElementById('s-' + focusedSentence);
      if (node) node.classList.add('focused');
    }
    renders += 1;
    document.body.dataset.renders = String(renders);
  }

  function applyFilter() {
    const only = $('only-attention').checked;
    const byId = new Map(state.sentences.map((s) => [s.id, s]));
    for (const li of document.querySelectorAll('.sentence')) {
      li.classList.toggle('hidden-by-filter', only && !needsAttention(byId.get(li.dataset.id)));
    }
  }

  async function load() {
    state = await api('api/state');
    render();
    const failed = state.sentences.filter((s) => s.failed).length;
    return failed;
  }

  // ---- rebuild --------------------------------------------------------------------------------

  async function rebuild() {
    const button = $('rebuild');
    const progress = $('progress');
    if (button.getAttribute('aria-disabled') === 'true') return;
    const before = (state && state.build.builds) || 0;
    let status = await api('api/rebuild', {});
    // aria-disabled, not disabled: a disabled button loses the keyboard focus to the page
    button.setAttribute('aria-disabled', 'true');
    progress.hidden = false;
    document.body.dataset.building = 'true';
    while (status.running || status.builds === before) {
      progress.max = Math.max(1, status.total || 1);
      progress.value = status.done || 0;
      say(status.stage === 'synthesize' ? `Rebuilding: ${status.done} of ${status.total} sentences` : `Rebuilding (${status.stage || 'starting'})…`);
      await new Promise((resolve) => setTimeout(resolve, 300));
      status = await api('api/build');
    }
    button.removeAttribute('aria-disabled');
    progress.hidden = true;
    for (const url of blobs.values()) URL.revokeObjectURL(url);
    blobs.clear();
    await load();
    delete document.body.dataset.building;
    say(status.error ? 'The rebuild failed: ' + status.error : 'Rebuilt: the page has the new audio.');
  }

  async function pronunciation(preview) {
    const body = {word: $('word').value, say: $('say').value, lang: $('word-lang').value || '*', preview};
    const out = $('preview-result');
    try {
      const answer = await api('api/pronunciation', body);
      const title = el('p', {}, answer.changed.length
        ? `${preview ? 'It would change' : 'It changes'} ${answer.changed.length} sentence${answer.changed.length === 1 ? '' : 's'}:`
        : 'No sentence has this word.');
      const list = el('ul', {id: 'preview-list'}, ...answer.changed.map((c) => el('li', {dataset: {id: c.id}}, `${c.id}: ${c.before} → ${c.after}`)));
      out.replaceChildren(title, list);
      if (!preview) {
        await load();
        say(`Pronunciation of ${body.word} added. Rebuild to hear it.`);
      }
    } catch (e) {
      out.replaceChildren(el('p', {}, 'Not saved: ' + e.message));
    }
  }

  function start() {
    $('rebuild').addEventListener('click', () => rebuild().catch((e) => {
      $('rebuild').removeAttribute('aria-disabled');
      say('Cannot rebuild: ' + e.message);
    }));
    $('only-attention').addEventListener('change', applyFilter);
    $('preview').addEventListener('click', () => pronunciation(true));
    $('pronounce-form').addEventListener('submit', (e) => { e.preventDefault(); pronunciation(false); });
    $('compare-a').addEventListener('click', () => comparePlay('a', false));
    $('compare-b').addEventListener('click', () => comparePlay('b', false));
    $('compare-switch').addEventListener('click', () => comparePlay(compare && compare.playing === 'a' ? 'b' : 'a', true));
    $('compare-stop').addEventListener('click', () => { audio.pause(); compare = null; $('compare').hidden = true; });
    load().then((failed) => {
      say(`${state.sentences.length} sentences` + (failed ? `, ${failed} failed the speech check (marked)` : '') +
        (state.narrated ? '' : ': not narrated yet, Rebuild narrates it') + '.');
      if (failed) $('only-attention').checked = false;
    }, (e) => say('Cannot load the narration: ' + e.message));
  }

  start();
}());
