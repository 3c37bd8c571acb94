/*
 * The nrscompose demo page (served by `nrscompose demo`, nrscompose/demo/server.py).
 *
 * Per keystroke, only what must follow the typing runs: NrsCounter.analyze() counts the text
 * as the form will submit it (newlines: "crlf") and the numbers are shown at once. On the next
 * animation frame the mirror highlights the characters that forced a costlier encoding and
 * marks where each part starts, and the list of parts is drawn — both only where the person
 * can see them: a long text's mirror shows the lines around the caret, and beyond VIRTUAL
 * parts only the parts near the screen are drawn (the others are space of the estimated
 * height). The rest waits for a pause in the typing: the characters that cost more and what
 * each fix saves (for a long text), the bytes of a part (/api/user-data) and the one
 * announcement of the live region.
 *
 * In template mode (the text has {placeholders}) the page counts what the server bills: the
 * text with the sample values, each placeholder filled as /api/preview fills it (cached), so
 * that the counter, the parts and the preview agree. The server is asked only for what the
 * browser cannot know: the Unicode name and GSM rewrite of a character not seen before
 * (/api/suggest, cached), a template preview (/api/preview), the bytes of a part
 * (/api/user-data) and, on submit, check_message() (/api/check). window.NrsDemo exposes
 * update(), renderHighlights(), state and formPayload() for the browser test, which measures them.
 */
(function () {
  "use strict";

  var C = window.NrsCounter;
  var form = document.getElementById("demo-form");
  var textarea = document.getElementById("message");
  var el = function (id) { return document.getElementById(id); };
  var INVISIBLE = /[\p{Z}\p{C}]/u;
  // A placeholder as nrscompose._composition.template parses one: {name} or {name|filter|filter}.
  var PLACEHOLDER = /\{[\p{L}\p{N}_][\p{L}\p{N}_.-]*(?:\|[\p{L}\p{Nl}\p{No}_][\p{L}\p{N}_]*)*\}/gu;
  var LARGE = 4000;     // code points: a longer text's mirror shows the lines around the caret
  var SPAN = 350;       // code points of those lines on each side of the caret
  var VIRTUAL = 30;     // parts: with more, only the parts near the screen are drawn
  var GAP = 8;          // px between two parts (.segments gap)
  var PAUSE = 250;      // ms without typing before the slower views of a long text are drawn
  var ANNOUNCE = 1000;  // ms without typing before the live region speaks, once

  var state = {
    text: "",           // the textarea's text of `result`
    view: null,         // what is counted: the text, or the template with its sample values
    result: null,       // the last NrsCounter.analyze() answer, or null on error
    frame: 0,           // the requested animation frame that draws the highlights
    server: null,       // {value, spans: [{start, end, message}]} of the last check
    names: new Map(),   // char -> {name, replacement, reason} from /api/suggest
    asked: new Set(),   // chars asked for and not answered yet
    previewSeq: 0,
    samples: {},        // placeholder -> sample value typed, kept while the placeholder is gone
    previewTimer: 0,
    filled: new Map(),  // "{placeholder}\0values" -> its text with those values (/api/preview)
    pauseTimer: 0,
    pauseSeq: 0,        // the pause work running belongs to this update
    announceTimer: 0,
    announced: "",
    heights: [],        // measured height of each part drawn (px), for the undrawn ones' space
    heightsWidth: 0,
    drawn: null,        // {result, first, last}: the parts in the list
    bytesSeq: 0,
    mirrorCaret: -1,    // the caret the mirror's window was drawn around
    mirrorFrame: 0,
    characters: null,   // the last characters list drawn (demo-characters.js's answer)
    valueNames: [],     // the placeholders filled from values, as /api/preview last named them
  };

  // -------------------------------------------------------------------- helpers

  function make(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  function codePoint(ch) {
    var hex = ch.codePointAt(0).toString(16).toUpperCase();
    return "U+" + ("0000" + hex).slice(-Math.max(4, hex.length));
  }

  function shown(ch) {
    return INVISIBLE.test(ch) ? codePoint(ch) : ch;
  }

  function plural(n, word) {
    return n + " " + word + (n === 1 ? "" : "s");
  }

  function options() {
    return {
      profile: form.profile.value,
      channel: form.channel.value,
      trans: form.trans.checked,
      encoding: el("encoding").value,
      newlines: "crlf", // the form submits every line break as CRLF: count what is sent
    };
  }

  function maxParts() {
    var value = parseInt(form.max_parts.value, 10);
    return isNaN(value) ? null : value;
  }

  function postJson(path, payload) {
    return fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(payload),
    }).then(readAnswer);
  }

  function readAnswer(response) {
    return response.json().then(function (answer) {
      if (!response.ok) {
        var message = answer && answer.error ? answer.error.message : response.statusText;
        throw new Error(response.status + ": " + message);
      }
      return answer;
    });
  }

  // For each code point of the counted text (r.text), its index in `text`: mirrors the
  // counter's own mapping (a line break becomes CR LF; with trans, ª and º disappear).
  function countedToInput(text, trans) {
    var input = Array.from(text), map = [];
    for (var i = 0; i < input.length; i++) {
      var ch = input[i];
      if (ch === "\r" || ch === "\n") {
        map.push(i, i);
        if (ch === "\r" && input[i + 1] === "\n") i++;
      } else if (!(trans && C.transliterate(ch) === "")) {
        map.push(i);
      }
    }
    return map;
  }

  // Server spans index the text as received; the textarea holds it with LF line breaks.
  function receivedToValue(value, received) {
    if (received === value) return null;
    var input = Array.from(value), map = [];
    for (var i = 0; i < input.length; i++) {
      if (input[i] === "\n" || input[i] === "\r") {
        map.push(i, i);
        if (input[i] === "\r" && input[i + 1] === "\n") i++;
      } else {
        map.push(i);
      }
    }
    map.push(input.length);
    return map;
  }

  // ---------------------------------------------------------------- counted view

  function valuesKey() {
    return JSON.stringify(valueRows());
  }

  // What the page counts: the text as typed or, when it has placeholders, the text the server
  // bills — each placeholder filled with its sample value as /api/preview fills it (a
  // placeholder not filled yet is counted as written). toInput maps each code point of the
  // counted text to the textarea's text (a filled value to its placeholder's first brace);
  // isValue marks those that come from a value; placeholders are [start, end) in the textarea.
  function countedView(text) {
    var view = { text: text, template: false, pending: [], toInput: null, isValue: null,
      placeholders: [] };
    if (text.indexOf("{") < 0) return view;
    var values = valueRows(), key = JSON.stringify(values), pieces = [], last = 0, found;
    PLACEHOLDER.lastIndex = 0;
    while ((found = PLACEHOLDER.exec(text))) {
      var written = found[0], filled = state.filled.get(written + "\u0000" + key);
      var name = written.slice(1, -1);
      if (filled === undefined && state.valueNames.indexOf(name) >= 0 &&
          Object.prototype.hasOwnProperty.call(values, name)) {
        // {name} without filters, not filled by the server: its text value, as the server fills it
        filled = values[name];
      }
      if (filled === undefined) {
        if (view.pending.indexOf(written) < 0) view.pending.push(written);
        filled = written;
      }
      pieces.push(text.slice(last, found.index), { written: written, filled: filled });
      last = found.index + written.length;
    }
    if (!pieces.length) return view;
    pieces.push(text.slice(last));
    var counted = [], toInput = [], isValue = [], input = 0;
    pieces.forEach(function (piece) {
      if (typeof piece === "string") {
        Array.from(piece).forEach(function (ch) {
          counted.push(ch);
          toInput.push(input++);
          isValue.push(0);
        });
        return;
      }
      var start = input;
      input += Array.from(piece.written).length;
      view.placeholders.push([start, input]);
      Array.from(piece.filled).forEach(function (ch) {
        counted.push(ch);
        toInput.push(start);
        isValue.push(1);
      });
    });
    toInput.push(input);
    view.text = counted.join("");
    view.template = true;
    view.toInput = toInput;
    view.isValue = isValue;
    return view;
  }

  function inputIndex(view, index) {
    return view.toInput ? view.toInput[index] : index;
  }

  function fromValue(view, index) {
    return !!(view.isValue && view.isValue[index]);
  }

  // Fill the placeholders not filled yet with the values shown, then count again.
  function fillPlaceholders(view) {
    if (!view.pending.length) return;
    var values = valueRows(), key = JSON.stringify(values);
    if (state.filled.size > 500) state.filled.clear();
    Promise.all(view.pending.map(function (written) {
      return postJson("/api/preview", { text: written, values: values }).then(function (answer) {
        state.filled.set(written + "\u0000" + key, answer.preview == null ? written : answer.preview);
      });
    })).then(function () {
      if (valuesKey() === key) update();
    }).catch(function () { /* counted as written; the preview shows the problem */ });
  }

  // ------------------------------------------------------------------- counter

  // Text changed only when it differs: an unchanged node is not laid out again.
  function setText(node, text) {
    if (node.textContent !== text) node.textContent = text;
  }

  function setStat(id, value) {
    var node = el(id);
    setText(node, value);
    node.dataset.value = value;
  }

  // Says what the numbers count: the text as typed, or the text with the sample values.
  function renderCounting(view, result) {
    var node = el("counting"), mode = el("encoding").value;
    var what = view.template
      ? "Counting the text with the sample values, as the preview shows it" +
        (view.pending.length ? " (filling in " + view.pending.join(", ") + "…)" : "")
      : "Counting the text as typed";
    var encoding = mode === "auto" ? "" : mode === "cheapest"
      ? "; encoding: the cheapest" + (result ? " (" + result.encoding + ")" : "")
      : "; encoding forced to " + mode;
    setText(node, what + encoding + ".");
    node.dataset.counted = view.template ? "values" : "typed";
  }

  function renderCounter(result, error) {
    var counter = el("counter"), note = el("counter-note");
    counter.classList.toggle("over", false);
    note.className = "note";
    renderCounting(state.view, result);
    if (error) {
      ["c-encoding", "c-parts", "c-units", "c-remaining", "c-per-part"].forEach(function (id) {
        setStat(id, "–");
      });
      note.classList.add("bad");
      setText(note, error.problems.map(function (p) { return p.message; }).join("; "));
      return;
    }
    setStat("c-encoding", result.encoding);
    setStat("c-parts", String(result.parts));
    setStat("c-units", String(result.units));
    setStat("c-remaining", String(result.remaining));
    setStat("c-per-part", String(result.perPart));
    var limit = maxParts();
    var lineBreaks = (state.view.text.match(/\r\n|\r|\n/g) || []).length;
    var notes = [];
    if (limit !== null && result.parts > limit) {
      counter.classList.add("over");
      note.classList.add("bad");
      notes.push("Needs " + plural(result.parts, "part") + "; max parts is " + limit +
        ": the server will answer 105.");
    } else if (result.exceedsCap) {
      note.classList.add("bad");
      notes.push("More than the " + result.maxParts + " parts this channel allows.");
    }
    if (lineBreaks) {
      notes.push(plural(lineBreaks, "line break") + " counted as CRLF (2 units each), " +
        "as the form submits " + (lineBreaks === 1 ? "it" : "them") + ".");
    }
    setText(note, notes.join(" "));
  }

  // The live region speaks once per pause in the typing, and only when the count changed.
  function scheduleAnnouncement() {
    clearTimeout(state.announceTimer);
    state.announceTimer = setTimeout(function () {
      var result = state.result, said;
      if (!result) {
        said = el("counter-note").textContent || "The text cannot be counted.";
      } else {
        said = result.encoding + ", " + plural(result.parts, "part") + ", " +
          unitName(result, result.remaining) + " left" +
          (state.view.template ? ", with the sample values" : "") + ".";
        var limit = maxParts();
        if (limit !== null && result.parts > limit) said += " Over max parts " + limit + ".";
      }
      if (said === state.announced) return;
      state.announced = said;
      el("announce").textContent = said;
    }, ANNOUNCE);
  }

  // -------------------------------------------------------------------- mirror

  function serverSpans(value) {
    return state.server && state.server.value === value ? state.server.spans : [];
  }

  var ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

  function escapeHtml(value) {
    return value.replace(/[&<>"]/g, function (ch) { return ESCAPES[ch]; });
  }

  // Code points [from, to) of the textarea's text that the mirror shows: all of a short
  // text; of a long one, whole lines around the caret.
  function mirrorWindow(chars) {
    if (chars.length <= LARGE) return [0, chars.length];
    var caret = Array.from(textarea.value.slice(0, textarea.selectionEnd)).length;
    var from = Math.max(0, Math.min(caret - SPAN, chars.length - 2 * SPAN));
    var to = Math.min(chars.length, from + 2 * SPAN);
    for (var back = 0; from > 0 && chars[from - 1] !== "\n" && back < 200; back++) from--;
    for (var ahead = 0; to < chars.length && chars[to - 1] !== "\n" && ahead < 200; ahead++) to++;
    return [from, to];
  }

  // The characters in [from, to) of the textarea's text that forced a costlier encoding,
  // with indices into that text. For a window of a long text, only the window is examined:
  // counted alone in the encoding of the whole text, it finds the same characters.
  function offendingIn(view, result, from, to, slice, whole) {
    if (whole || view.template || el("encoding").value === "cheapest") {
      return result.offending.filter(function (o) {
        var at = inputIndex(view, o.index);
        return !fromValue(view, o.index) && at >= from && at < to;
      }).map(function (o) {
        return { index: inputIndex(view, o.index), char: o.char, reason: o.reason };
      });
    }
    var options_ = options();
    options_.encoding = result.encoding;
    return C.analyze(slice, options_).offending.map(function (o) {
      return { index: o.index + from, char: o.char, reason: o.reason };
    });
  }

  // The parts that start in [from, to) of the textarea's text: {index, part}. For a window of
  // a long text typed (no template, no trans), only the window is walked: the counted index of
  // its start is its own plus one for each line break before it that is not CR LF.
  function cutsIn(view, result, from, to) {
    var bounds = result.partBounds, found = [], k;
    if (from === 0 && to >= charsOf(state.text).length || view.template || options().trans) {
      var map = countedToInput(view.text, options().trans);
      for (k = 1; k < bounds.length - 1; k++) {
        var at = inputIndex(view, map[bounds[k]]);
        if (at >= from && at < to) found.push({ index: at, part: k + 1 });
      }
      return found;
    }
    var chars = charsOf(state.text), offset = 0, counted = from, breaks = /\r\n|\r|\n/g, match;
    for (var i = 0; i < from; i++) offset += chars[i].length;
    var prefix = state.text.slice(0, offset);
    while ((match = breaks.exec(prefix))) if (match[0].length === 1) counted++;
    var lo = 1, hi = bounds.length - 1; // the first cut at or after `counted`
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (bounds[mid] < counted) lo = mid + 1;
      else hi = mid;
    }
    k = lo;
    for (i = from; i < to && k < bounds.length - 1; i++) {
      var ch = chars[i];
      var width = (ch === "\n" || (ch === "\r" && chars[i + 1] !== "\n")) ? 2 : 1;
      while (k < bounds.length - 1 && bounds[k] < counted + width) {
        if (bounds[k] >= counted) found.push({ index: i, part: k + 1 });
        k++;
      }
      counted += width;
    }
    return found;
  }

  // One HTML string and one innerHTML assignment, built from the places where something
  // changes (a mark, a part cut, a line break) rather than character by character.
  function renderMirror(text, view, result) {
    var mirror = el("mirror"), note = el("mirror-note"), said = "";
    if (!text) {
      setText(note, "");
      mirror.innerHTML = '<span class="empty">Type a message above.</span>';
      return;
    }
    state.mirrorCaret = textarea.selectionEnd;
    var chars = charsOf(text), bounds = mirrorWindow(chars), from = bounds[0], to = bounds[1];
    var windowed = from > 0 || to < chars.length;
    var slice = windowed ? chars.slice(from, to).join("") : text;
    if (from > 0 || to < chars.length) {
      said = "Characters " + (from + 1).toLocaleString("en") + "–" +
        to.toLocaleString("en") + " of " + chars.length.toLocaleString("en") +
        ", around the caret; every part is below.";
    }
    setText(note, said);
    var offsets = C.utf16Offsets(slice); // code-point index in the slice -> UTF-16 offset
    var length = offsets.length - 1;
    var events = new Map(); // code-point index in the slice -> {off, start, end, cut, nl}
    function at(index) {
      var event = events.get(index);
      if (!event) events.set(index, (event = { off: null, start: [], end: [], cut: 0, nl: 0 }));
      return event;
    }
    var inPlaceholder = new Uint8Array(length);
    view.placeholders.forEach(function (span) {
      for (var i = Math.max(span[0], from); i < Math.min(span[1], to); i++) inPlaceholder[i - from] = 1;
    });
    if (result) {
      offendingIn(view, result, from, to, slice, slice === text).forEach(function (o) {
        at(o.index - from).off = o;
      });
      if (result.encoding !== "utf-16") {
        for (var i = 0; i < length; i++) {
          if (!inPlaceholder[i] && result.unitsOf(chars[from + i]) === 2) at(i).double = true;
        }
      }
    }
    serverSpans(text).forEach(function (span) {
      if (span.end <= from || span.start >= to) return;
      at(Math.max(0, span.start - from)).start.push(span.message);
      at(Math.min(span.end - from, length)).end.push(span.message);
    });
    if (result && result.parts > 1) {
      cutsIn(view, result, from, to).forEach(function (cut) {
        at(cut.index - from).cut = cut.part;
      });
    }
    var breaks = /\r\n|\r|\n/g, found;
    while ((found = breaks.exec(slice))) {
      // code-point index of a UTF-16 offset: binary search in offsets
      var lo = 0, hi = length;
      while (lo < hi) {
        var mid = (lo + hi) >> 1;
        if (offsets[mid] < found.index) lo = mid + 1;
        else hi = mid;
      }
      at(lo).nl = found[0].length;
    }
    var positions = Array.from(events.keys()).sort(function (a, b) { return a - b; });
    var html = [], open = [], position = 0;
    function plain(upTo) {
      if (upTo <= position) return;
      var piece = escapeHtml(slice.slice(offsets[position], offsets[upTo]));
      html.push(open.length ? mark("problem", open.join("\n")) + piece + "</mark>" : piece);
      position = upTo;
    }
    for (var p = 0; p < positions.length; p++) {
      var index = positions[p], event = events.get(index);
      plain(index);
      event.end.forEach(function (message) { open.splice(open.indexOf(message), 1); });
      open.push.apply(open, event.start);
      if (index >= length) break;
      var problem = open.length ? open.join("\n") : "";
      if (event.cut) {
        html.push('<span class="cut" data-part="' + event.cut + '" title="part ' + event.cut +
          ' starts here"></span>');
      }
      if (event.nl) {
        var nl = '<span class="nl" title="line break: CR LF, 2 units"></span>';
        html.push((problem ? mark("problem", problem) + nl + "</mark>" : nl) + "\n");
        position = index + event.nl;
      } else if (event.off) {
        // A run of costly characters (a word of another script, an emoji sequence) is one mark.
        var run = [event.off];
        while (p + 1 < positions.length && positions[p + 1] === index + run.length) {
          var next = events.get(positions[p + 1]);
          if (!next.off || next.cut || next.nl || next.start.length || next.end.length) break;
          run.push(next.off);
          p++;
        }
        var title = offTitle(run, windowed);
        html.push(mark(problem ? "off problem" : "off", problem ? title + "\n" + problem : title) +
          escapeHtml(slice.slice(offsets[index], offsets[index + run.length])) + "</mark>");
        position = index + run.length;
      } else if (event.double) {
        var cost = codePoint(slice.slice(offsets[index], offsets[index + 1])) + " at " +
          (index + from) + ": 2 septets (escape + character)";
        html.push(mark(problem ? "double problem" : "double", problem ? cost + "\n" + problem : cost) +
          escapeHtml(slice.slice(offsets[index], offsets[index + 1])) + "</mark>");
        position = index + 1;
      }
    }
    plain(length);
    mirror.innerHTML = html.join("");
  }

  // What a mark says on hover. In a long text's window the reasons (in the characters list)
  // are left out: repeated on every mark they were most of the HTML drawn per keystroke.
  function offTitle(run, short) {
    var first = run[0], reasons = [];
    if (run.length === 1) {
      return codePoint(first.char) + " at " + first.index + (short ? "" : ": " + first.reason);
    }
    if (short) {
      return codePoint(first.char) + " … at " + first.index + "–" + run[run.length - 1].index;
    }
    run.forEach(function (o) { if (reasons.indexOf(o.reason) < 0) reasons.push(o.reason); });
    var names = run.slice(0, 8).map(function (o) { return codePoint(o.char); }).join(" ");
    return names + (run.length > 8 ? " …" : "") + " at " + first.index + "–" +
      run[run.length - 1].index + ": " + reasons.join("; ");
  }

  function mark(kind, title) {
    return '<mark class="' + kind + '" title="' + escapeHtml(title) + '">';
  }

  // ---------------------------------------------------------------- characters

  // A fix rewrites a grapheme cluster that is exactly its character (a lone "’", or "é" typed
  // as e + U+0301), never part of a longer cluster: an emoji sequence is left whole, as
  // nrscompose.suggest() offers it.
  function replaceAll(text, replacements) {
    var chars = Array.from(text), out = [], start = 0;
    C.graphemeBoundaries(text).forEach(function (end) {
      var cluster = chars.slice(start, end).join("");
      out.push(replacements.has(cluster) ? replacements.get(cluster) : cluster);
      start = end;
    });
    return out.join("");
  }

  function applyFix(replacements) {
    var value = textarea.value;
    var before = Array.from(value.slice(0, textarea.selectionStart));
    textarea.value = replaceAll(value, replacements);
    var caret = replaceAll(before.join(""), replacements).length;
    textarea.setSelectionRange(caret, caret);
    textarea.focus();
    update();
    schedulePreview(); // the preview counts the fixed text too
  }

  function askNames(chars) {
    var missing = chars.filter(function (ch) {
      return !state.names.has(ch) && !state.asked.has(ch);
    });
    if (!missing.length) return;
    missing.forEach(function (ch) { state.asked.add(ch); });
    postJson("/api/suggest", { chars: missing }).then(function (answer) {
      Object.keys(answer.suggestions).forEach(function (ch) {
        state.names.set(ch, answer.suggestions[ch]);
      });
      // Drawn again with the names, from the list already computed (not computed again).
      if (state.characters) drawCharacters(state.view, state.result, state.characters);
    }).catch(function () {
      missing.forEach(function (ch) { state.asked.delete(ch); });
    });
  }

  function unitName(result, units) {
    var septets = result && result.encoding !== "utf-16";
    return units + (septets ? " septet" : " unit") + (units === 1 ? "" : "s");
  }

  // The job of demo-characters.js for the counted text.
  function charactersJob(view) {
    return { seq: state.pauseSeq, text: view.text, options: options(), toInput: view.toInput,
      isValue: view.isValue };
  }

  var worker = null;
  try {
    worker = new Worker("/static/demo-characters.js");
    worker.onmessage = function (event) {
      if (event.data.seq === state.pauseSeq) drawCharacters(state.view, state.result, event.data.answer);
    };
    worker.onerror = function () { worker = null; };
  } catch (error) {
    worker = null; // no worker: the list is computed here, once the typing pauses
  }

  // Draws the characters list now (a short text) or, once the typing pauses, from a worker:
  // on a long text suggest() and the count of each fix alone take longer than a keystroke.
  function renderCharacters(later) {
    var job = charactersJob(state.view);
    if (later && worker) {
      el("characters").setAttribute("aria-busy", "true");
      worker.postMessage(job);
      return;
    }
    drawCharacters(state.view, state.result, window.NrsDemoCharacters(C, job));
  }

  function drawCharacters(view, result, found) {
    state.characters = found;
    var list = el("characters"), rows = found.rows, proposal = found.proposal, fixes = new Map();
    found.fixes.forEach(function (fix) { fixes.set(fix.char, fix); });
    list.textContent = "";
    list.removeAttribute("aria-busy");
    el("characters-note").textContent = found.skipped
      ? plural(found.skipped, "costly character") + " of the sample values " +
        (found.skipped === 1 ? "is" : "are") + " counted too: it is the values, not the text, " +
        "that cost " + (found.skipped === 1 ? "it" : "them") + "."
      : "";
    if (!rows.length) {
      list.appendChild(make("li", "empty",
        result ? "None: every character is in the " + result.encoding + " alphabet and costs one " +
          (result.encoding === "utf-16" ? "unit" : "septet") + "." : "—"));
      el("fix-all-row").hidden = true;
      return;
    }
    askNames(rows.filter(function (r) { return Array.from(r.cluster).length === 1; })
      .map(function (r) { return r.cluster; }));
    rows.forEach(function (r) {
      list.appendChild(characterRow(r, result, fixes.get(r.cluster)));
    });
    renderFixAll(proposal);
  }

  function characterRow(r, result, fix) {
    var codePoints = Array.from(r.cluster), single = codePoints.length === 1;
    var known = single ? state.names.get(r.cluster) : null;
    var item = make("li", "char-row " + r.kind);
    var glyph = make("span", "glyph" + (single && INVISIBLE.test(r.cluster) ? " code" : ""),
      single ? shown(r.cluster) : r.cluster); // a cluster is drawn whole: 👨‍👩‍👧‍👦, 🇵🇹
    glyph.setAttribute("aria-hidden", "true");
    item.appendChild(glyph);
    var info = make("span", "char-info");
    var name = single ? (known ? known.name : codePoint(r.cluster))
      : "one cluster of " + codePoints.length + " code points";
    info.appendChild(make("span", "char-name", name));
    var meta = [codePoints.map(codePoint).join(" ")];
    if (r.units !== null) meta.push(unitName(result, r.units) + (r.count > 1 ? " each" : ""));
    meta.push(r.count + "× · first at " + r.first);
    info.appendChild(make("span", "char-meta", meta.join(" · ")));
    info.appendChild(make("span", "char-meta", r.reason));
    item.appendChild(info);
    var action = make("span", "char-action");
    if (fix) {
      var effect = fix.alone ? "saves " + plural(fix.alone, "part")
        : "saves no part alone: needs the other fixes (Fix all saves " +
          plural(fix.together, "part") + ")";
      var button = make("button", "fix", fix.replacement ? "Replace with " + shown(fix.replacement)
        : "Remove");
      button.type = "button";
      button.dataset.char = fix.char;
      button.dataset.replacement = fix.replacement;
      button.dataset.saves = String(fix.alone);
      button.title = fix.reason;
      button.setAttribute("aria-label", (fix.replacement ? "Replace " + name + " with " +
        shown(fix.replacement) : "Remove " + name) + ": " + effect);
      button.addEventListener("click", function () {
        applyFix(new Map([[fix.char, fix.replacement]]));
      });
      action.appendChild(button);
      action.appendChild(make("span", "effect" + (fix.alone ? "" : " needs"), effect));
    } else if (r.kind === "off") {
      action.appendChild(make("span", "effect muted", single && known && known.replacement != null
        ? "a rewrite saves no part" : "no cheaper equivalent"));
    }
    item.appendChild(action);
    return item;
  }

  // "Fix all" applies the replacements of nrscompose.suggest() (only those that save) and
  // says what they save together.
  function renderFixAll(proposal) {
    var row = el("fix-all-row");
    row.hidden = !proposal;
    if (row.hidden) return;
    var all = new Map(proposal.replacements.map(function (r) { return [r.char, r.replacement]; }));
    el("fix-all").onclick = function () { applyFix(all); };
    el("fix-all").textContent = proposal.replacements.length === 1 ? "Fix" : "Fix all " +
      proposal.replacements.length;
    el("fix-all-effect").textContent = "saves " + plural(proposal.partsSaved, "part") + " → " +
      proposal.after.encoding + ", " + plural(proposal.after.parts, "part");
  }

  // ------------------------------------------------------------------ segments

  var charsCache = [{ text: "", chars: [] }, { text: "", chars: [] }];

  // The code points of the text typed or of the counted text, each split once per update.
  // The code points [from, to) of `text`, found by a scan rather than by splitting it all.
  function codePointsBetween(text, from, to) {
    var offset = 0, index = 0, start = -1;
    while (offset < text.length && index < to) {
      if (index === from) start = offset;
      var code = text.charCodeAt(offset);
      offset += code >= 0xd800 && code <= 0xdbff && offset + 1 < text.length &&
        (text.charCodeAt(offset + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
      index++;
    }
    return start < 0 ? [] : Array.from(text.slice(start, offset));
  }

  function charsOf(text) {
    for (var i = 0; i < charsCache.length; i++) {
      if (charsCache[i].text === text) return charsCache[i].chars;
    }
    charsCache.unshift({ text: text, chars: Array.from(text) });
    charsCache.pop();
    return charsCache[0].chars;
  }

  // Each part as sent: its text, its units of the limit, and why the cut fell where it did.
  // Up to VIRTUAL parts are all drawn; beyond, only those within a screen of the window, the
  // others being space (padding) of their measured or estimated height.
  function renderSegments(result, range) {
    var list = el("segments");
    if (!result || !result.parts) {
      state.drawn = null;
      list.classList.remove("virtual");
      list.style.paddingTop = list.style.paddingBottom = "";
      list.textContent = "";
      list.appendChild(make("li", "empty", result ? "No part: the message is empty." : "—"));
      return;
    }
    var count = result.parts, virtual = count > VIRTUAL;
    range = virtual ? range || partsInView(result) : [0, count - 1];
    var drawn = state.drawn;
    if (drawn && drawn.result === result && drawn.first === range[0] && drawn.last === range[1]) {
      return;
    }
    // The code points of the parts drawn (and a few after, for the last cut's reason) only.
    var base = result.partBounds[range[0]];
    var chars = codePointsBetween(result.text, base, result.partBounds[range[1] + 1] + 64), items = [];
    for (var k = range[0]; k <= range[1]; k++) {
      items.push(segmentItem(result, chars, base, k, virtual));
    }
    var old = list.children;
    if (drawn && drawn.first === range[0] && drawn.last === range[1] && old.length === items.length) {
      // The same parts in view: only those whose text or count changed are replaced.
      items.forEach(function (item, index) {
        if (old[index].textContent !== item.textContent) list.replaceChild(item, old[index]);
      });
    } else {
      list.textContent = "";
      items.forEach(function (item) { list.appendChild(item); });
    }
    list.classList.toggle("virtual", virtual);
    state.drawn = { result: result, first: range[0], last: range[1] };
    if (virtual) {
      placeParts(list, count, range);
      // No height measured yet: measure these on the next frame, so that the undrawn parts
      // take the space of real ones before the person scrolls.
      if (!state.heights.estimate) requestAnimationFrame(function () { redrawParts(); });
    } else {
      list.style.paddingTop = list.style.paddingBottom = "";
    }
  }

  function partHeight(k) {
    return state.heights[k] || state.heights.estimate || 150;
  }

  // [first, last] parts within one screen height above and below the window (null when all
  // are drawn). Reads the layout once: the list's place and the height of each part drawn.
  function partsInView(result) {
    if (!result || result.parts <= VIRTUAL) return null;
    var list = el("segments"), count = result.parts, width = list.clientWidth;
    if (width !== state.heightsWidth) {
      state.heights = [];
      state.heightsWidth = width;
    }
    measureParts(list);
    var top = list.getBoundingClientRect().top, screen = window.innerHeight;
    var from = -top - screen, to = -top + 2 * screen, offset = 0, first = -1, last = 0;
    for (var k = 0; k < count; k++) {
      var height = partHeight(k);
      if (first < 0 && offset + height >= from) first = k;
      if (offset <= to) last = k;
      else break;
      offset += height + GAP;
    }
    if (first < 0) first = Math.max(0, count - 3);
    return [first, Math.max(first, last)];
  }

  function placeParts(list, count, range) {
    var before = 0, after = 0, k;
    for (k = 0; k < range[0]; k++) before += partHeight(k) + GAP;
    for (k = range[1] + 1; k < count; k++) after += partHeight(k) + GAP;
    list.style.paddingTop = before + "px";
    list.style.paddingBottom = after + "px";
  }

  // The heights of the parts drawn, measured on the next frame's layout (not forced now).
  function measureParts(list) {
    var drawn = state.drawn;
    if (!drawn || !list.classList.contains("virtual")) return;
    var measured = 0, total = 0;
    Array.prototype.forEach.call(list.children, function (item, index) {
      var height = item.getBoundingClientRect().height;
      if (!height) return;
      state.heights[drawn.first + index] = height;
      measured++;
      total += height;
    });
    if (measured) state.heights.estimate = total / measured;
  }

  function segmentItem(result, chars, base, k, virtual) {
    var bounds = result.partBounds, start = bounds[k] - base, end = bounds[k + 1] - base, units = 0;
    for (var i = start; i < end; i++) units += result.unitsOf(chars[i]) || 0;
    var item = make("li", "segment");
    item.value = k + 1;
    if (virtual) {
      item.setAttribute("aria-posinset", String(k + 1));
      item.setAttribute("aria-setsize", String(result.parts));
    }
    var head = make("div", "segment-head");
    head.appendChild(make("span", "segment-title", "Part " + (k + 1)));
    head.appendChild(make("span", "segment-units", units + " / " + result.perPart + " " +
      (result.encoding === "utf-16" ? "units" : "septets")));
    var meter = make("span", "meter");
    var fill = make("span", "meter-fill");
    fill.style.width = Math.min(100, (100 * units) / result.perPart) + "%";
    meter.appendChild(fill);
    head.appendChild(meter);
    item.appendChild(head);
    item.appendChild(make("div", "segment-text", chars.slice(start, end).join("")
      .replace(/\r\n/g, "↵\n")));
    item.appendChild(make("p", "segment-why", k < bounds.length - 2
      ? cutReason(result, chars, end, result.perPart - units)
      : plural(result.remaining, result.encoding === "utf-16" ? "unit" : "septet") +
        " left before another part."));
    return item;
  }

  function cutReason(result, chars, cut, spare) {
    if (spare <= 0) return "Full: cut after exactly " + unitName(result, result.perPart) + ".";
    var next = chars[cut], cost = result.unitsOf(next) || 1;
    var unused = unitName(result, spare) + " unused";
    if (next === "\r" && chars[cut + 1] === "\n") return "CR LF kept together in the next part: " + unused + ".";
    // A cut is a cluster boundary: the cluster after it is found from there on.
    var clusterEnd = cut + C.graphemeBoundaries(chars.slice(cut, cut + 64).join(""))[0];
    if (clusterEnd - cut > 1) {
      return "The cluster " + chars.slice(cut, clusterEnd).join("") + " is kept whole in the next " +
        "part: " + unused + ".";
    }
    if (cost > spare) {
      return (result.encoding === "utf-16" ? shown(next) + " is a surrogate pair (2 units)"
        : shown(next) + " is an escape pair (2 septets)") + ", kept whole: " + unused + ".";
    }
    return "Cut here: " + unused + ".";
  }

  // --------------------------------------------------------------------- bytes

  var TABLES = { 3: "Portuguese" };
  var UNIT_NAMES = { " ": "␣", "\r": "CR", "\n": "LF" };

  // The user data of one part as a handset receives it, packed by the library
  // (/api/user-data): header, fill bits, payload, and each character's septets or units.
  function requestBytes() {
    var result = state.result, box = el("bytes"), input = el("bytes-part");
    var seq = ++state.bytesSeq;
    delete box.dataset.pending;
    if (!result || !result.parts) {
      box.textContent = "";
      box.appendChild(make("p", "note", result ? "No part: the message is empty."
        : "No byte view: " + (el("counter-note").textContent || "the text cannot be counted.")));
      return;
    }
    if (result.parts > 255) { // said here: no request of 50,000 characters for a refusal
      box.textContent = "";
      box.appendChild(make("p", "note bad", "No byte view: the text needs " + result.parts +
        " parts; a concatenated message has at most 255."));
      return;
    }
    var part = Math.max(1, parseInt(input.value, 10) || 1);
    box.setAttribute("aria-busy", "true");
    postJson("/api/user-data", {
      text: C.normalizeNewlines(state.view.text),
      encoding: el("encoding").value,
      trans: form.trans.checked,
      wide_reference: el("bytes-wide").checked,
      part: Math.min(part, 255),
    }).then(function (answer) {
      if (seq === state.bytesSeq) renderBytes(answer, part, result);
    }).catch(function (error) {
      if (seq !== state.bytesSeq) return;
      box.removeAttribute("aria-busy");
      box.textContent = "";
      box.appendChild(make("p", "note bad", "No byte view: " +
        error.message.replace(/^\d+: /, "") + "."));
    });
  }

  // The bytes shown are of the text before this change: they go until the pause redraws them.
  function bytesPending() {
    var box = el("bytes");
    if (box.dataset.pending) return;
    box.dataset.pending = "1";
    state.bytesSeq++; // an answer on its way is of the old text
    box.removeAttribute("data-header");
    box.removeAttribute("data-payload");
    box.removeAttribute("data-coding");
    box.textContent = "";
    box.appendChild(make("p", "note", "The bytes are packed once the typing pauses…"));
  }

  function tablesText(tables) {
    var names = [];
    if (tables[0]) names.push((TABLES[tables[0]] || "national") + " locking shift table");
    if (tables[1]) names.push((TABLES[tables[1]] || "national") + " single shift table");
    return names.length ? names.join(" and ") : "the default alphabet";
  }

  function renderBytes(answer, part, result) {
    var box = el("bytes");
    box.removeAttribute("aria-busy");
    box.textContent = "";
    if (answer.problems.length) {
      var problems = make("ul", "problems");
      answer.problems.forEach(function (p) { problems.appendChild(problemItem(p)); });
      box.appendChild(problems);
      return;
    }
    var data = answer.parts[0], total = answer.parts_total;
    if (!data) {
      box.appendChild(make("p", "note", "A handset receives " + plural(total, "part") +
        ": there is no part " + part + "."));
      return;
    }
    var septets = data.coding === "gsm7";
    var summary = "Part " + data.sequence + " of " + total + " as a handset receives it (" +
      answer.profile + "): " + (septets ? "GSM 7-bit, " + tablesText(answer.tables)
        : "UCS-2, 16 bits a unit") + "; TP-UDL " + data.length + (septets ? " septets" : " octets") +
      ", " + data.octets + " octets of user data.";
    if (total !== result.parts) {
      summary += " The page counts " + plural(result.parts, "part") + " with the " + result.profile +
        " profile" + (answer.encoding === "gsm-pt" && result.profile === "360nrs"
          ? ", which does not count the national-language headers" : "") + ".";
    }
    box.appendChild(make("p", "bytes-summary", summary));
    box.dataset.coding = data.coding;
    box.dataset.header = data.header;
    box.dataset.payload = data.payload;
    var list = make("dl", "bytes-fields");
    function field(term, value) {
      list.appendChild(make("dt", null, term));
      var dd = make("dd");
      if (typeof value === "string") dd.textContent = value;
      else dd.appendChild(value);
      list.appendChild(dd);
    }
    var header = document.createDocumentFragment();
    if (data.header) {
      header.appendChild(make("code", "hex", data.header));
      var elements = make("ul", "elements");
      var length = make("li");
      length.appendChild(make("code", "hex", data.header.slice(0, 2)));
      length.appendChild(document.createTextNode(" length of the header in octets"));
      elements.appendChild(length);
      data.elements.forEach(function (e) {
        var item = make("li");
        var iei = ("0" + e.iei.toString(16).toUpperCase()).slice(-2);
        var size = ("0" + (e.data.split(" ").length).toString(16).toUpperCase()).slice(-2);
        item.appendChild(make("code", "hex", iei + " " + size + " " + e.data));
        item.appendChild(document.createTextNode(" " + e.meaning));
        elements.appendChild(item);
      });
      header.appendChild(elements);
    } else {
      header.appendChild(document.createTextNode("none: one part in " + (septets
        ? "the default alphabet" : "UCS-2") + " needs no header"));
    }
    field("User data header", header);
    if (septets && data.header) {
      field("Fill bits", plural(data.fill_bits, "zero bit") + " after the header, so that the " +
        "first septet starts on a septet boundary");
    }
    var payload = make("pre", "hex payload");
    var octets = data.payload.split(" "), lines = [];
    for (var i = 0; i < octets.length; i += 8) lines.push(octets.slice(i, i + 8).join(" "));
    payload.textContent = lines.join("\n");
    field("Payload (" + plural(data.payload ? octets.length : 0, "octet") + ")", payload);
    var units = make("ol", "units");
    data.characters.forEach(function (c) {
      var cell = make("li", "unit");
      cell.appendChild(make("span", "unit-char", UNIT_NAMES[c.char] || shown(c.char)));
      cell.appendChild(make("code", "hex", c.units));
      units.appendChild(cell);
    });
    var more = make("details", "units-box");
    more.appendChild(make("summary", null, (septets ? "Septets" : "UTF-16 units") + " of each of its " +
      plural(data.characters.length, "character")));
    more.appendChild(units);
    field(septets ? "Septets" : "Code units", more);
    box.appendChild(list);
  }

  // ------------------------------------------------------------------- preview

  function valueRows() {
    var values = {};
    el("values").querySelectorAll("tbody tr").forEach(function (row) {
      var inputs = row.querySelectorAll("input");
      var key = inputs[0].value.trim();
      if (key) values[key] = inputs[1].value;
    });
    return values;
  }

  var ROW_TEMPLATE = el("values").querySelector("tbody tr").cloneNode(true);

  function addValueRow(key, value) {
    var row = ROW_TEMPLATE.cloneNode(true);
    var inputs = row.querySelectorAll("input");
    inputs[0].value = key || "";
    inputs[1].value = value || "";
    el("values").querySelector("tbody").appendChild(row);
    return inputs[0];
  }

  // One row per placeholder the text has, in its order, keeping the values typed so far.
  function syncValueRows(names) {
    var known = Object.assign(state.samples, valueRows()), body = el("values").querySelector("tbody");
    var current = Array.from(body.rows).map(function (row) {
      return row.querySelector("input").value.trim();
    });
    if (current.join("\n") !== names.join("\n")) {
      body.textContent = "";
      names.forEach(function (name) {
        addValueRow(name, Object.prototype.hasOwnProperty.call(known, name) ? known[name] : "");
      });
    }
    el("values-block").hidden = !names.length;
  }

  function renderPreview(preview, problems) {
    var box = el("preview"), count = el("preview-count"), list = el("preview-problems");
    box.textContent = preview == null ? "" : preview;
    box.classList.toggle("empty", !preview);
    if (!preview) box.textContent = preview == null ? "No preview: fix the template." : "—";
    list.textContent = "";
    (problems || []).forEach(function (p) {
      list.appendChild(problemItem(p));
    });
    count.textContent = "";
    if (preview) {
      try {
        var r = C.analyze(preview, options());
        count.textContent = "Sent with these values: " + r.encoding + ", " +
          plural(r.parts, "part") + ", " + r.units + " units, " + r.remaining + " left.";
        count.dataset.parts = String(r.parts);
        count.dataset.units = String(r.units);
      } catch (error) {
        count.textContent = error.message;
      }
    }
  }

  // Without placeholders the text is sent as typed: no copy of it, only that.
  function renderTyped() {
    var box = el("preview"), count = el("preview-count");
    box.textContent = "No placeholders: the message is sent as typed.";
    box.classList.add("empty");
    el("preview-problems").textContent = "";
    var r = state.result;
    count.textContent = r ? "Sent as typed: " + r.encoding + ", " + plural(r.parts, "part") +
      ", " + r.units + " units, " + r.remaining + " left." : "";
    count.dataset.parts = r ? String(r.parts) : "";
    count.dataset.units = r ? String(r.units) : "";
  }

  function schedulePreview() {
    clearTimeout(state.previewTimer);
    var text = textarea.value;
    if (text.indexOf("{") < 0) {
      state.previewSeq++;
      syncValueRows([]);
      renderTyped();
      return;
    }
    state.previewTimer = setTimeout(function () {
      var seq = ++state.previewSeq, key = valuesKey();
      postJson("/api/preview", { text: text, values: valueRows() }).then(function (answer) {
        if (seq !== state.previewSeq) return;
        state.valueNames = answer.names;
        syncValueRows(answer.names);
        renderPreview(answer.preview, answer.problems);
        if (valuesKey() !== key) update(); // rows added or removed: count with the values shown
      }).catch(function (error) {
        if (seq === state.previewSeq) renderPreview(null, [{ message: error.message }]);
      });
      fillPlaceholders(state.view);
    }, 200);
  }

  // -------------------------------------------------------------------- server

  function problemItem(problem) {
    var item = make("li", "problem-item");
    item.appendChild(make("span", "code" + (problem.code == null ? " none" : ""),
      problem.code == null ? "—" : String(problem.code)));
    if (problem.field) item.appendChild(make("span", "field", problem.field));
    item.appendChild(make("span", "message", problem.message));
    return item;
  }

  // The form's fields as JSON (the server takes nothing else: a page of another site could
  // post a urlencoded form here without asking): every value as a browser would submit it,
  // line breaks as CRLF (HTML: "converting an entry list to a list of name-value pairs");
  // the key/value rows become `values`, an empty sender the account's default (null), and
  // max_parts a number when it is one (else the text, which the server answers with 110).
  function formPayload() {
    var fields = {}, keys = [], values = [];
    new FormData(form).forEach(function (value, name) {
      var text = C.normalizeNewlines(String(value));
      if (name === "key") keys.push(text.trim());
      else if (name === "value") values.push(text);
      else fields[name] = text;
    });
    var rows = {}, any = false;
    keys.forEach(function (key, i) {
      if (key && i < values.length) { rows[key] = values[i]; any = true; }
    });
    var parts = (fields.max_parts || "1").trim();
    return {
      message: fields.message || "",
      profile: fields.profile,
      channel: fields.channel,
      locale: fields.locale,
      trans: "trans" in fields,
      sender: (fields.sender || "").trim() ? fields.sender : null,
      max_parts: /^[0-9]{1,18}$/.test(parts) ? parseInt(parts, 10) : parts,
      values: any ? rows : null,
      country: fields.country || "",
      category: fields.category || "marketing",
    };
  }

  // Beside the button, what happened; the result is brought into view when it is off-screen
  // (on a phone it lies below the form).
  function submit(event) {
    event.preventDefault();
    var value = textarea.value;
    var status = el("submit-status");
    status.className = "note status-line";
    status.textContent = "Checking…";
    postJson(form.action, formPayload()).then(function (answer) {
      var map = receivedToValue(value, answer.received);
      var at = function (i) { return map ? map[i] : i; };
      state.server = {
        value: value,
        spans: answer.problems.filter(function (p) {
          return p.field === "message" && p.start != null && p.end != null && p.end > p.start;
        }).map(function (p) {
          return { start: at(p.start), end: at(p.end - 1) + 1, message: p.message };
        }),
      };
      renderServer(answer);
      status.classList.add(answer.valid ? "good" : "bad");
      status.textContent = answer.valid ? "Checked: the server would accept it."
        : "Checked: " + plural(answer.problems.length, "problem") + ", listed under Server check.";
      revealServer();
      update();
    }).catch(function (error) {
      status.classList.add("bad");
      status.textContent = "The server could not check the form: " + error.message;
    });
  }

  function revealServer() {
    var card = el("server-card"), box = card.getBoundingClientRect();
    if (box.top >= 0 && box.top < window.innerHeight - 80) return; // already in view
    card.scrollIntoView({ block: "start" });
  }

  function renderServer(answer) {
    var card = el("server-card"), status = el("server-status");
    card.dataset.valid = String(answer.valid);
    card.classList.remove("stale");
    status.className = "status " + (answer.valid ? "good" : "bad");
    status.textContent = answer.valid
      ? "✓ The server would accept this message."
      : "✗ " + plural(answer.problems.length, "problem") + ": the server would reject it.";
    var list = el("server-problems");
    list.textContent = "";
    answer.problems.forEach(function (p) {
      var item = problemItem(p);
      item.dataset.code = p.code == null ? "" : String(p.code);
      list.appendChild(item);
    });
    renderContentRules(answer);
    var count = el("server-count");
    var a = answer.analysis;
    count.textContent = "";
    if (a) {
      count.appendChild(document.createTextNode("Counted on the server (text as received, " +
        (answer.newlines_changed ? "line breaks normalized to CRLF" : "CRLF line breaks") + "): "));
      [a.encoding, plural(a.parts, "part"), a.units + " units", a.remaining + " left"].forEach(
        function (piece, i) {
          if (i) count.appendChild(document.createTextNode(", "));
          count.appendChild(make("span", "nowrap", piece));
        });
      count.appendChild(document.createTextNode("."));
      count.dataset.encoding = a.encoding;
      count.dataset.parts = String(a.parts);
      count.dataset.units = String(a.units);
    }
    el("server-suggestions").textContent = answer.suggestions.map(function (s) {
      return s.message;
    }).concat(answer.suggestions_message ? [answer.suggestions_message] : []).join(" ");
  }

  // The destination country's content rules that are not errors (errors are problems above):
  // a warning (the sender's name adds a part) or a notice (opt-in, prohibited topics).
  function renderContentRules(answer) {
    var list = el("server-notices");
    list.textContent = "";
    (answer.warnings || []).filter(function (p) {
      return p.kind && p.kind.indexOf("content.") === 0;
    }).concat(answer.notices || []).forEach(function (p) {
      var item = problemItem(p);
      item.classList.add(p.severity);
      item.dataset.kind = p.kind;
      list.appendChild(item);
    });
  }

  // -------------------------------------------------------------------- update

  // Per keystroke: count and show the numbers at once; the highlights and the parts are drawn
  // once per frame, however fast the typing, and only where they can be seen; the slower views
  // of a long text and the announcement wait for a pause.
  function update() {
    var text = textarea.value, view = countedView(text), result = null, error = null;
    try {
      result = C.analyze(view.text, options());
    } catch (caught) {
      if (!(caught instanceof C.CounterError)) throw caught;
      error = caught;
    }
    state.result = result;
    state.text = text;
    state.view = view;
    state.pauseSeq++;
    renderCounter(result, error);
    bytesPending();
    scheduleFrame();
    schedulePause();
    scheduleAnnouncement();
  }

  function scheduleFrame() {
    if (!state.frame) state.frame = requestAnimationFrame(renderHighlights);
  }

  function isLarge() {
    return state.text.length > LARGE;
  }

  function renderHighlights() {
    state.frame = 0;
    var range = partsInView(state.result); // reads the layout before anything is written
    renderMirror(state.text, state.view, state.result);
    renderSegments(state.result, range);
    if (!isLarge()) renderCharacters(false);
    else el("characters").setAttribute("aria-busy", "true");
    if (state.server) el("server-card").classList.toggle("stale", state.server.value !== state.text);
  }

  // Once the typing pauses: the characters list of a long text (in steps) and the bytes.
  function schedulePause() {
    clearTimeout(state.pauseTimer);
    state.pauseTimer = setTimeout(function () {
      if (isLarge()) renderCharacters(true);
      requestBytes();
    }, PAUSE);
  }

  function fillSelect(select, names) {
    var chosen = select.value;
    select.textContent = "";
    names.forEach(function (name) {
      var option = make("option", null, name);
      option.value = name;
      option.selected = name === chosen;
      select.appendChild(option);
    });
  }

  textarea.addEventListener("input", function () {
    update();
    schedulePreview();
  });
  // A long text's mirror follows the caret (moved by a key or the pointer, not by typing).
  ["keyup", "click", "focus"].forEach(function (type) {
    textarea.addEventListener(type, function () {
      if (isLarge() && textarea.selectionEnd !== state.mirrorCaret && !state.frame) {
        state.mirrorFrame = state.mirrorFrame || requestAnimationFrame(function () {
          state.mirrorFrame = 0;
          renderMirror(state.text, state.view, state.result);
        });
      }
    });
  });
  // Beyond VIRTUAL parts, scrolling draws the parts that come into view.
  function redrawParts() {
    if (state.result && state.result.parts > VIRTUAL) scheduleFrame();
  }
  window.addEventListener("scroll", redrawParts, { passive: true });
  window.addEventListener("resize", redrawParts);
  // Max parts starts at the channel's cap (15 for SMS, 8 for Landing) and follows it until
  // the person sets it.
  function followCap() {
    var input = el("max-parts");
    var cap = C.analyze("", { profile: form.profile.value, channel: form.channel.value }).maxParts;
    input.max = String(cap);
    if (!input.dataset.touched) input.value = String(cap);
  }
  el("max-parts").addEventListener("input", function () { el("max-parts").dataset.touched = "1"; });
  ["profile", "channel"].forEach(function (id) {
    el(id).addEventListener("input", followCap);
    el(id).addEventListener("change", followCap);
  });
  followCap();

  ["profile", "channel", "trans", "max-parts", "encoding"].forEach(function (id) {
    ["input", "change"].forEach(function (type) {
      el(id).addEventListener(type, function () {
        update();
        schedulePreview();
      });
    });
  });
  ["bytes-part", "bytes-wide"].forEach(function (id) {
    el(id).addEventListener("input", requestBytes);
    el(id).addEventListener("change", requestBytes);
  });
  el("values").addEventListener("input", function () {
    update();
    schedulePreview();
  });
  el("values").addEventListener("click", function (event) {
    var button = event.target.closest("button.remove");
    if (!button) return;
    var body = el("values").querySelector("tbody");
    var row = button.closest("tr");
    if (body.rows.length > 1) row.remove();
    else row.querySelectorAll("input").forEach(function (input) { input.value = ""; });
    update();
    schedulePreview();
  });
  el("add-value").addEventListener("click", function () {
    var input = addValueRow("", "");
    if (input) input.focus();
  });
  form.addEventListener("submit", submit);

  fetch("/api/options").then(readAnswer).then(function (answer) {
    fillSelect(el("profile"), answer.profiles);
    fillSelect(el("locale"), answer.locales);
    (answer.countries || []).forEach(function (code) {
      var option = make("option", null, code);
      option.value = code;
      el("country").appendChild(option);
    });
  }).catch(function () { /* the defaults in the page stay usable */ });

  update();
  schedulePreview();
  window.NrsDemo = {
    update: update,
    renderHighlights: renderHighlights,
    state: state,
    formPayload: formPayload,
  };
})();
