/*
 * The nrscompose demo page (served by `nrscompose demo`, nrscompose/forms/demo.py).
 *
 * Per keystroke, everything runs here: NrsCounter.analyze() counts the text as the form will
 * submit it (newlines: "crlf", DESIGN 1.7) and the numbers are shown at once; on the next
 * animation frame the mirror highlights the characters that forced a costlier encoding and
 * marks where each part starts, and the fix buttons show what a rewrite would save (computed
 * when the typing pauses). The server is asked only for what the browser cannot know: the Unicode name and
 * GSM rewrite of a character not seen before (/api/suggest, cached), a template preview
 * (/api/preview, only when the text has a placeholder) and, on submit, check_message()
 * (/api/check). window.NrsDemo exposes update(), renderHighlights() and state for the browser
 * test, which measures them.
 */
(function () {
  "use strict";

  var C = window.NrsCounter;
  var form = document.getElementById("demo-form");
  var textarea = document.getElementById("message");
  var el = function (id) { return document.getElementById(id); };
  var INVISIBLE = /[\p{Z}\p{C}]/u;

  var state = {
    text: "",           // the text of `result`
    result: null,       // the last NrsCounter.analyze() answer, or null on error
    frame: 0,           // the requested animation frame that draws the highlights
    server: null,       // {value, spans: [{start, end, message}]} of the last check
    names: new Map(),   // char -> {name, replacement, reason} from /api/suggest
    asked: new Set(),   // chars asked for and not answered yet
    previewSeq: 0,
    previewTimer: 0,
    effects: [],        // [{node, replacements}] waiting for the typing to pause
    effectTimer: 0,
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

  // ------------------------------------------------------------------- counter

  function setStat(id, value) {
    var node = el(id);
    node.textContent = value;
    node.dataset.value = value;
  }

  function renderCounter(result, error) {
    var counter = el("counter"), note = el("counter-note");
    counter.classList.toggle("over", false);
    note.className = "note";
    if (error) {
      ["c-encoding", "c-parts", "c-units", "c-remaining", "c-per-part"].forEach(function (id) {
        setStat(id, "–");
      });
      note.classList.add("bad");
      note.textContent = error.problems.map(function (p) { return p.message; }).join("; ");
      return;
    }
    setStat("c-encoding", result.encoding);
    setStat("c-parts", String(result.parts));
    setStat("c-units", String(result.units));
    setStat("c-remaining", String(result.remaining));
    setStat("c-per-part", String(result.per_part));
    var limit = maxParts();
    var lineBreaks = (textarea.value.match(/\r\n|\r|\n/g) || []).length;
    var notes = [];
    if (limit !== null && result.parts > limit) {
      counter.classList.add("over");
      note.classList.add("bad");
      notes.push("Needs " + plural(result.parts, "part") + "; max parts is " + limit +
        ": the server will answer 105.");
    } else if (result.exceeds_cap) {
      note.classList.add("bad");
      notes.push("More than the " + result.max_parts + " parts this channel allows.");
    }
    if (lineBreaks) {
      notes.push(plural(lineBreaks, "line break") + " counted as CRLF (2 units each), " +
        "as the form submits " + (lineBreaks === 1 ? "it" : "them") + ".");
    }
    note.textContent = notes.join(" ");
  }

  // -------------------------------------------------------------------- mirror

  function serverSpans(value) {
    return state.server && state.server.value === value ? state.server.spans : [];
  }

  var ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

  function escapeHtml(value) {
    return value.replace(/[&<>"]/g, function (ch) { return ESCAPES[ch]; });
  }

  // One HTML string and one innerHTML assignment, built from the places where something
  // changes (a mark, a part cut, a line break) rather than character by character.
  function renderMirror(text, result) {
    var mirror = el("mirror");
    if (!text) {
      mirror.innerHTML = '<span class="empty">Type a message above.</span>';
      return;
    }
    var offsets = C.utf16Offsets(text); // code-point index -> UTF-16 offset
    var length = offsets.length - 1;
    var events = new Map(); // code-point index -> {off, start, end, cut, nl}
    function at(index) {
      var event = events.get(index);
      if (!event) events.set(index, (event = { off: null, start: [], end: [], cut: 0, nl: 0 }));
      return event;
    }
    if (result) {
      result.offending.forEach(function (o) {
        at(o.index).off = o;
      });
    }
    serverSpans(text).forEach(function (span) {
      at(Math.min(span.start, length)).start.push(span.message);
      at(Math.min(span.end, length)).end.push(span.message);
    });
    if (result && result.parts > 1) {
      var map = countedToInput(text, options().trans);
      for (var k = 1; k < result.part_bounds.length - 1; k++) at(map[result.part_bounds[k]]).cut = k + 1;
    }
    var breaks = /\r\n|\r|\n/g, found;
    while ((found = breaks.exec(text))) {
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
    function plain(to) {
      if (to <= position) return;
      var piece = escapeHtml(text.slice(offsets[position], offsets[to]));
      html.push(open.length ? mark("problem", open.join("\n")) + piece + "</mark>" : piece);
      position = to;
    }
    for (var i = 0; i < positions.length; i++) {
      var index = positions[i], event = events.get(index);
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
        var o = event.off;
        var title = codePoint(o.char) + " at " + o.index + ": " + o.reason;
        html.push(mark(problem ? "off problem" : "off", problem ? title + "\n" + problem : title) +
          escapeHtml(text.slice(offsets[index], offsets[index + 1])) + "</mark>");
        position = index + 1;
      }
    }
    plain(length);
    mirror.innerHTML = html.join("");
  }

  function mark(kind, title) {
    return '<mark class="' + kind + '" title="' + escapeHtml(title) + '">';
  }

  // ---------------------------------------------------------------- characters

  function replaceAll(text, replacements) {
    return Array.from(text).map(function (ch) {
      return replacements.has(ch) ? replacements.get(ch) : ch;
    }).join("");
  }

  function effect(text, replacements) {
    try {
      var after = C.analyze(replaceAll(text, replacements), options());
      return "→ " + after.encoding + ", " + plural(after.parts, "part");
    } catch (error) {
      return "";
    }
  }

  function applyFix(replacements) {
    var value = textarea.value;
    var before = Array.from(value.slice(0, textarea.selectionStart));
    textarea.value = replaceAll(value, replacements);
    var caret = replaceAll(before.join(""), replacements).length;
    textarea.setSelectionRange(caret, caret);
    textarea.focus();
    update();
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
      renderCharacters(textarea.value, state.result);
    }).catch(function () {
      missing.forEach(function (ch) { state.asked.delete(ch); });
    });
  }

  function renderCharacters(text, result) {
    var list = el("characters");
    list.textContent = "";
    state.effects = [];
    var groups = new Map();
    var chars = Array.from(text);
    (result ? result.offending : []).forEach(function (o) {
      var ch = chars[o.index];
      var group = groups.get(ch);
      if (group) group.count++;
      else groups.set(ch, { count: 1, first: o.index, reason: o.reason });
    });
    if (!groups.size) {
      list.appendChild(make("li", "empty",
        result ? "None: every character is in the " + result.encoding + " alphabet." : "—"));
      el("fix-all-row").hidden = true;
      return;
    }
    askNames(Array.from(groups.keys()));
    var fixable = new Map();
    groups.forEach(function (group, ch) {
      var known = state.names.get(ch);
      var row = make("li", "char-row");
      row.appendChild(make("span", "glyph", shown(ch)));
      var info = make("span", "char-info");
      info.appendChild(make("span", "char-name", known ? known.name : codePoint(ch)));
      info.appendChild(make("span", "char-meta", codePoint(ch) + " · " + group.count +
        "× · first at " + group.first));
      info.appendChild(make("span", "char-meta", group.reason));
      row.appendChild(info);
      var action = make("span", "char-action");
      if (known && known.replacement != null) {
        var replacement = new Map([[ch, known.replacement]]);
        fixable.set(ch, known.replacement);
        var button = make("button", "fix", known.replacement
          ? "Replace with " + shown(known.replacement) : "Remove");
        button.type = "button";
        button.dataset.char = ch;
        button.dataset.replacement = known.replacement;
        button.title = known.reason;
        button.addEventListener("click", function () { applyFix(replacement); });
        action.appendChild(button);
        action.appendChild(laterEffect(text, replacement));
      } else {
        action.appendChild(make("span", "effect muted", known ? "no GSM equivalent" : "…"));
      }
      row.appendChild(action);
      list.appendChild(row);
    });
    el("fix-all-row").hidden = fixable.size < 2;
    if (fixable.size >= 2) {
      el("fix-all").onclick = function () { applyFix(fixable); };
      el("fix-all-effect").textContent = "";
      state.effects.push({ node: el("fix-all-effect"), replacements: fixable });
    }
    scheduleEffects(text);
  }

  // What a fix would give needs one more count per fix: done once the typing pauses, so that
  // a keystroke costs one count (the measured budget is 1 ms for 1,000 characters).
  function laterEffect(text, replacements) {
    var node = make("span", "effect");
    state.effects.push({ node: node, replacements: replacements });
    return node;
  }

  function scheduleEffects(text) {
    clearTimeout(state.effectTimer);
    state.effectTimer = setTimeout(function () {
      var pending = state.effects;
      state.effects = [];
      if (textarea.value !== text) return;
      pending.forEach(function (item) {
        item.node.textContent = effect(text, item.replacements);
      });
    }, 150);
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

  function addValueRow(key, value) {
    var body = el("values").querySelector("tbody");
    var row = body.rows[0] ? body.rows[0].cloneNode(true) : null;
    if (!row) return;
    var inputs = row.querySelectorAll("input");
    inputs[0].value = key || "";
    inputs[1].value = value || "";
    body.appendChild(row);
    return inputs[0];
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
        count.textContent = (textarea.value.indexOf("{") < 0 ? "No placeholders, sent as typed: "
          : "Sent with these values: ") + r.encoding + ", " +
          plural(r.parts, "part") + ", " + r.units + " units, " + r.remaining + " left.";
      } catch (error) {
        count.textContent = error.message;
      }
    }
  }

  function schedulePreview() {
    clearTimeout(state.previewTimer);
    var text = textarea.value;
    if (text.indexOf("{") < 0) {
      state.previewSeq++;
      renderPreview(text, []);
      return;
    }
    state.previewTimer = setTimeout(function () {
      var seq = ++state.previewSeq;
      postJson("/api/preview", { text: text, values: valueRows() }).then(function (answer) {
        if (seq !== state.previewSeq) return;
        var known = valueRows();
        answer.names.forEach(function (name) {
          if (!Object.prototype.hasOwnProperty.call(known, name)) addValueRow(name, "");
        });
        renderPreview(answer.preview, answer.problems);
      }).catch(function (error) {
        if (seq === state.previewSeq) renderPreview(null, [{ message: error.message }]);
      });
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

  // The body a browser sends for this form (application/x-www-form-urlencoded): every field,
  // line breaks as CRLF (HTML: "converting an entry list to a list of name-value pairs").
  function formBody() {
    var body = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      body.append(name, C.normalizeNewlines(String(value)));
    });
    return body;
  }

  function submit(event) {
    event.preventDefault();
    var value = textarea.value;
    var status = el("submit-status");
    status.textContent = "Checking…";
    fetch(form.action, { method: "POST", body: formBody() }).then(readAnswer).then(function (answer) {
      status.textContent = "";
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
      update();
    }).catch(function (error) {
      status.textContent = "The server could not check the form: " + error.message;
    });
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

  // -------------------------------------------------------------------- update

  // Per keystroke: count and show the numbers at once; the highlights (a few hundred DOM
  // nodes for a text full of emoji) are drawn once per frame, however fast the typing.
  function update() {
    var text = textarea.value, result = null, error = null;
    try {
      result = C.analyze(text, options());
    } catch (caught) {
      if (!(caught instanceof C.CounterError)) throw caught;
      error = caught;
    }
    state.result = result;
    state.text = text;
    renderCounter(result, error);
    if (!state.frame) state.frame = requestAnimationFrame(renderHighlights);
  }

  function renderHighlights() {
    state.frame = 0;
    renderMirror(state.text, state.result);
    renderCharacters(state.text, state.result);
    if (state.server) el("server-card").classList.toggle("stale", state.server.value !== state.text);
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
  ["profile", "channel", "trans", "max-parts"].forEach(function (id) {
    el(id).addEventListener("input", function () {
      update();
      schedulePreview();
    });
  });
  el("values").addEventListener("input", schedulePreview);
  el("values").addEventListener("click", function (event) {
    var button = event.target.closest("button.remove");
    if (!button) return;
    var body = el("values").querySelector("tbody");
    var row = button.closest("tr");
    if (body.rows.length > 1) row.remove();
    else row.querySelectorAll("input").forEach(function (input) { input.value = ""; });
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
  }).catch(function () { /* the defaults in the page stay usable */ });

  update();
  schedulePreview();
  window.NrsDemo = {
    update: update,
    renderHighlights: renderHighlights,
    state: state,
    formBody: formBody,
  };
})();
