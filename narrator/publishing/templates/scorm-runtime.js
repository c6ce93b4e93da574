/* narrator: the read-along page as a SCORM SCO (1.2 or 2004). Loaded in the page's <head>, before
 * the player's own script, only in the copy of the page inside a SCORM package.
 *
 * Inside an LMS it finds the runtime API in a parent or opener frame, marks the lesson incomplete,
 * counts what was really played (stretches played through: a seek adds nothing), marks it
 * completed past the package's share of the audio, saves the position and the ranges heard
 * (location, suspend data), restores them on the next launch, reports the session time and
 * terminates when the page goes away. Without an API it does nothing: the page works as ever.
 */
(function () {
  "use strict";
  var me = document.currentScript;
  var V12 = !(me && me.getAttribute("data-scorm") === "2004");
  var SHARE = Math.min(1, Math.max(0.01, Number(me && me.getAttribute("data-completion")) || 0.9));
  var EL = V12 ? {
    status: "cmi.core.lesson_status", location: "cmi.core.lesson_location", exit: "cmi.core.exit",
    time: "cmi.core.session_time", locationMax: 255, suspendMax: 4096
  } : {
    status: "cmi.completion_status", location: "cmi.location", exit: "cmi.exit",
    time: "cmi.session_time", locationMax: 1000, suspendMax: 64000
  };
  // Where the player remembers the position (its own key): seeded from the LMS before it reads it.
  var KEY = "narrator:position:" + location.pathname;

  // The standard search: this window's parents, then the opener's (a pop-up launch).
  function search(win) {
    var name = V12 ? "API" : "API_1484_11";
    for (var hops = 0; win && hops < 12; hops++) {
      try {
        if (win[name]) { return win[name]; }
      } catch (e) { /* a frame of another origin: look further up */ }
      var up = null;
      try { up = win.parent; } catch (e) { up = null; }
      if (!up || up === win) { break; }
      win = up;
    }
    return null;
  }
  function findApi() {
    var api = search(window);
    if (!api) {
      try { if (window.top && window.top.opener) { api = search(window.top.opener); } } catch (e) { api = null; }
    }
    return api;
  }

  var api = findApi();
  if (!api) { return; }  // not in an LMS: the page is the plain read-along page

  function run(name12, name04, a, b) {
    try {
      var f = api[V12 ? name12 : name04];
      return String(b === undefined ? f.call(api, a) : f.call(api, a, b));
    } catch (e) { return ""; }
  }
  function get(name) { return run("LMSGetValue", "GetValue", name); }
  function set(name, value) { return run("LMSSetValue", "SetValue", name, String(value)); }
  function commit() { run("LMSCommit", "Commit", ""); }

  if (run("LMSInitialize", "Initialize", "") !== "true") { return; }
  var started = Date.now();
  var finished = false;
  var status = get(EL.status);
  var done = status === "completed" || status === "passed";
  if (!done) { set(EL.status, "incomplete"); }

  // Ranges heard per chapter index, restored from the suspend data: "v1;1:0-12.3,40-55.1;2:0-3".
  var heard = {};
  function parseHeard(text) {
    var parts = String(text || "").split(";");
    if (parts[0] !== "v1") { return; }
    for (var i = 1; i < parts.length; i++) {
      var m = /^(\d+):(.*)$/.exec(parts[i]);
      if (!m) { continue; }
      m[2].split(",").forEach(function (r) {
        var se = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(r);
        if (se) { add(Number(m[1]), Number(se[1]), Number(se[2])); }
      });
    }
  }
  function add(chapter, start, end) {
    if (!(end > start)) { return; }
    var list = (heard[chapter] || []).concat([[start, end]]).sort(function (a, b) { return a[0] - b[0]; });
    var merged = [];
    list.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1] + 0.05) { last[1] = Math.max(last[1], r[1]); }
      else { merged.push([r[0], r[1]]); }
    });
    heard[chapter] = merged;
  }
  function encodeHeard(max) {
    // Ranges rounded outwards would count unheard time: starts round up, ends round down.
    var all = [];
    Object.keys(heard).forEach(function (c) {
      heard[c].forEach(function (r) {
        var s = Math.ceil(r[0] * 10) / 10, e = Math.floor(r[1] * 10) / 10;
        if (e > s) { all.push([Number(c), s, e]); }
      });
    });
    for (;;) {
      var by = {};
      all.forEach(function (r) { (by[r[0]] = by[r[0]] || []).push(r[1] + "-" + r[2]); });
      var text = "v1" + Object.keys(by).map(function (c) { return ";" + c + ":" + by[c].join(","); }).join("");
      if (text.length <= max || !all.length) { return text; }
      // Too long for the LMS: forget the shortest range (never claim more than was heard).
      var k = 0;
      all.forEach(function (r, i) { if (r[2] - r[1] < all[k][2] - all[k][1]) { k = i; } });
      all.splice(k, 1);
    }
  }
  parseHeard(get("cmi.suspend_data"));

  // Where the learner was: the player resumes from its remembered position, which the LMS's
  // location replaces (the LMS knows this learner; the browser may be another's).
  var wanted = null;
  var loc = /^(\d+)@(\d+(?:\.\d+)?)$/.exec(get(EL.location));
  try {
    if (loc) {
      wanted = {chapter: Number(loc[1]), time: Number(loc[2])};
      localStorage.setItem(KEY, JSON.stringify(wanted));
    } else {
      localStorage.removeItem(KEY);
    }
  } catch (e) { /* storage off: restored below through the page's controls */ }
  commit();

  function clock(seconds) {
    var cs = Math.max(0, Math.round(seconds * 100));  // whole hundredths: no "60.00" seconds
    var h = Math.floor(cs / 360000), m = Math.floor(cs / 6000) % 60, s = (cs % 6000) / 100;
    if (V12) {  // CMITimespan HHHH:MM:SS.SS
      var two = function (n) { return (n < 10 ? "0" : "") + n; };
      return two(Math.min(h, 9999)) + ":" + two(m) + ":" + (s < 10 ? "0" : "") + s.toFixed(2);
    }
    return "PT" + h + "H" + m + "M" + s.toFixed(2) + "S";  // ISO 8601 duration
  }

  function ready() {
    var audio = document.getElementById("player");
    var dataEl = document.getElementById("narration-data");
    if (!audio || !dataEl) { return; }
    var chapters = JSON.parse(dataEl.textContent).chapters;
    var total = chapters.reduce(function (sum, c) { return sum + (Number(c.duration) || 0); }, 0);
    var link = document.getElementById("course-link");
    if (link) { link.hidden = true; }  // moving between lessons is the LMS's navigation

    function current() {  // position in chapters of the loaded file, or -1
      var src = "";
      try { src = decodeURIComponent(audio.currentSrc || audio.src || ""); } catch (e) { src = audio.src || ""; }
      for (var p = 0; p < chapters.length; p++) {
        if (src && src.slice(-chapters[p].file.length - 1) === "/" + chapters[p].file) { return p; }
      }
      return -1;
    }
    function share() {
      var sum = 0;
      chapters.forEach(function (c) {
        (heard[c.index] || []).forEach(function (r) {
          sum += Math.max(0, Math.min(r[1], c.duration) - Math.max(r[0], 0));
        });
      });
      return total > 0 ? sum / total : 0;
    }
    // Listening is counted by the page itself, as stretches of one file played through: from
    // one "timeupdate" to the next while playing, never across a seek, a file change or a jump
    // longer than the time that passed allows. (Chromium's own played ranges are not enough: a
    // seek made just before play() counts as played from the old position.)
    var from = null;  // {chapter, t, wall} of the last point reached by playing, or null
    function mark() {
      var p = current();
      from = (p < 0 || audio.paused || audio.seeking) ? null
        : {chapter: chapters[p].index, t: audio.currentTime, wall: performance.now()};
    }
    function reach() {
      var p = current();
      if (from && p >= 0 && chapters[p].index === from.chapter && !audio.seeking) {
        var step = audio.currentTime - from.t;
        var allowed = (performance.now() - from.wall) / 1000 * Math.max(audio.playbackRate, 0.1) * 1.5 + 0.3;
        if (step > 0 && step <= allowed) { add(from.chapter, from.t, audio.currentTime); }
      }
      mark();
      progress();
    }
    function progress() {
      var heardShare = share();
      window.narratorScorm.heard = heardShare;
      var measure = Math.min(1, heardShare).toFixed(2);
      if (!V12 && measure !== lastProgress) { lastProgress = measure; set("cmi.progress_measure", measure); }
      if (!done && heardShare >= SHARE - 1e-9) {
        done = true;
        set(EL.status, "completed");
        save();
        commit();
      }
    }
    function save() {
      var p = current();
      if (p >= 0) {
        var at = (chapters[p].index + "@" + (Math.floor(audio.currentTime * 10) / 10).toFixed(1));
        if (at.length <= EL.locationMax) { set(EL.location, at); }
      }
      set("cmi.suspend_data", encodeHeard(EL.suspendMax));
    }
    var lastSave = 0, lastProgress = "";
    // Capturing listeners on the document run before the player's own (on the element): the
    // end of a file is counted before its "ended" handler loads the next one.
    function on(type, handler) {
      document.addEventListener(type, function (e) { if (e.target === audio) { handler(); } }, true);
    }
    on("timeupdate", function () {
      reach();
      if (Date.now() - lastSave > 10000) { lastSave = Date.now(); save(); }
    });
    on("playing", mark);
    on("seeking", function () { from = null; });
    on("seeked", function () { mark(); save(); });
    on("emptied", function () { from = null; });  // another file
    on("pause", function () { reach(); from = null; save(); commit(); });
    on("ended", function () { reach(); from = null; save(); commit(); });

    function finish() {
      if (finished) { return; }
      finished = true;
      if (!audio.paused) { reach(); }
      save();
      set(EL.time, clock((Date.now() - started) / 1000));
      set(EL.exit, "suspend");  // keep location and suspend data for the next launch
      commit();
      run("LMSFinish", "Terminate", "");
    }
    window.addEventListener("pagehide", finish);
    window.addEventListener("beforeunload", finish);

    // The player resumed from the seeded position; without storage, move it there by its controls.
    if (wanted) {
      var p = -1;
      chapters.forEach(function (c, i) { if (c.index === wanted.chapter) { p = i; } });
      if (p >= 0 && current() !== p) {
        var button = document.querySelector('.chapter-link[data-chapter="' + p + '"]');
        if (button) { button.click(); audio.pause(); }
      }
      var place = function () {
        if (current() === p && Math.abs(audio.currentTime - wanted.time) > 0.5) { audio.currentTime = wanted.time; }
      };
      if (audio.readyState >= 1) { place(); } else { audio.addEventListener("loadedmetadata", place, {once: true}); }
    }
  }

  window.narratorScorm = {version: V12 ? "1.2" : "2004", share: SHARE, heard: 0};
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", ready); }
  else { ready(); }
})();
