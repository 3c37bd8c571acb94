/*
 * The nrscompose demo page (served by `nrscompose demo`, nrscompose/forms/demo.py).
 *
 * Per keystroke, everything runs here: NrsCounter.analyze() counts the text as the form will
 * submit it (newlines: "crlf") and the numbers are shown at once; on the next
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
    samples: {},        // placeholder -> sample value typed, kept while the placeholder is gone
    previewTimer: 0,
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
    setStat("c-per-part", String(result.perPart));
    var limit = maxParts();
    var lineBreaks = (textarea.value.match(/\r\n|\r|\n/g) || []).length;
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
      if (result.encoding !== "utf-16") {
        Array.from(text).forEach(function (ch, index) {
          if (result.unitsOf(ch) === 2) at(index).double = true;
        });
      }
    }
    serverSpans(text).forEach(function (span) {
      at(Math.min(span.start, length)).start.push(span.message);
      at(Math.min(span.end, length)).end.push(span.message);
    });
    if (result && result.parts > 1) {
      var map = countedToInput(text, options().trans);
      for (var k = 1; k < result.partBounds.length - 1; k++) at(map[result.partBounds[k]]).cut = k + 1;
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
      } else if (event.double) {
        var cost = codePoint(text.slice(offsets[index], offsets[index + 1])) + " at " + index +
          ": 2 septets (escape + character)";
        html.push(mark(problem ? "double problem" : "double", problem ? cost + "\n" + problem : cost) +
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
      renderCharacters(textarea.value, state.result);
    }).catch(function () {
      missing.forEach(function (ch) { state.asked.delete(ch); });
    });
  }

  // Exactly what nrscompose.suggest() proposes for this text (the same rewrite table and
  // rule: a replacement is kept only if it lowers the number of parts), or null.
  function suggestion(text) {
    try {
      return C.suggest(text, options());
    } catch (error) {
      return null;
    }
  }

  // One row per grapheme cluster that forced a costlier encoding (👨‍👩‍👧‍👦 is one row, not seven)
  // and, in a septet encoding, one per character that costs two septets.
  function characterRows(text, result) {
    if (!result) return [];
    var chars = Array.from(text), rows = new Map(), start = 0, clusterAt = [];
    C.graphemeBoundaries(text).forEach(function (end) {
      for (var i = start; i < end; i++) clusterAt[i] = [start, end];
      start = end;
    });
    function row(cluster, index, kind, reason) {
      var found = rows.get(kind + cluster);
      if (found) {
        if (found.lastIndex !== index) found.count++;
        found.lastIndex = index;
        return;
      }
      var units = 0;
      Array.from(cluster).forEach(function (ch) {
        var cost = result.unitsOf(ch);
        units = units === null || cost === null ? null : units + cost;
      });
      rows.set(kind + cluster, {
        cluster: cluster, kind: kind, reason: reason, count: 1, first: index, lastIndex: index,
        units: units,
      });
    }
    result.offending.forEach(function (o) {
      var bounds = clusterAt[o.index] || [o.index, o.index + 1];
      row(chars.slice(bounds[0], bounds[1]).join(""), bounds[0], "off", o.reason);
    });
    if (result.encoding !== "utf-16") {
      chars.forEach(function (ch, index) {
        if (result.unitsOf(ch) === 2) {
          row(ch, index, "double", "in the extension table: sent as an escape and the " +
            "character, 2 septets");
        }
      });
    }
    return Array.from(rows.values());
  }

  function unitName(result, units) {
    var septets = result && result.encoding !== "utf-16";
    return units + (septets ? " septet" : " unit") + (units === 1 ? "" : "s");
  }

  function renderCharacters(text, result) {
    var list = el("characters");
    list.textContent = "";
    var rows = characterRows(text, result);
    var proposal = rows.length ? suggestion(text) : null;
    var fixes = new Map();
    (proposal ? proposal.replacements : []).forEach(function (r) { fixes.set(r.char, r); });
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
      var button = make("button", "fix", fix.replacement ? "Replace with " + shown(fix.replacement)
        : "Remove");
      button.type = "button";
      button.dataset.char = fix.char;
      button.dataset.replacement = fix.replacement;
      button.title = fix.reason;
      button.setAttribute("aria-label", (fix.replacement ? "Replace " + name + " with " +
        shown(fix.replacement) : "Remove " + name) + ": saves " + plural(fix.partsSaved, "part"));
      button.addEventListener("click", function () {
        applyFix(new Map([[fix.char, fix.replacement]]));
      });
      action.appendChild(button);
      action.appendChild(make("span", "effect", "saves " + plural(fix.partsSaved, "part")));
    } else if (r.kind === "off") {
      action.appendChild(make("span", "effect muted", single && known && known.replacement != null
        ? "a rewrite saves no part" : "no cheaper equivalent"));
    }
    item.appendChild(action);
    return item;
  }

  // "Fix all" applies exactly the replacements of nrscompose.suggest(): only those that save.
  function renderFixAll(proposal) {
    var row = el("fix-all-row");
    row.hidden = !proposal || !proposal.replacements.length;
    if (row.hidden) return;
    var map = new Map(proposal.replacements.map(function (r) { return [r.char, r.replacement]; }));
    el("fix-all").onclick = function () { applyFix(map); };
    el("fix-all").textContent = proposal.replacements.length === 1 ? "Fix" : "Fix all " +
      proposal.replacements.length;
    el("fix-all-effect").textContent = "saves " + plural(proposal.partsSaved, "part") + " → " +
      proposal.after.encoding + ", " + plural(proposal.after.parts, "part");
  }

  // ------------------------------------------------------------------ segments

  // Each part as sent: its text, its units of the limit, and why the cut fell where it did.
  function renderSegments(result) {
    var list = el("segments");
    list.textContent = "";
    if (!result || !result.parts) {
      list.appendChild(make("li", "empty", result ? "No part: the message is empty." : "—"));
      return;
    }
    var chars = Array.from(result.text), bounds = result.partBounds;
    var ends = C.graphemeBoundaries(result.text);
    for (var k = 1; k < bounds.length; k++) {
      var start = bounds[k - 1], end = bounds[k], units = 0;
      for (var i = start; i < end; i++) units += result.unitsOf(chars[i]) || 0;
      var item = make("li", "segment");
      var head = make("div", "segment-head");
      head.appendChild(make("span", "segment-title", "Part " + k));
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
      item.appendChild(make("p", "segment-why", k < bounds.length - 1
        ? cutReason(result, chars, ends, end, result.perPart - units)
        : plural(result.remaining, result.encoding === "utf-16" ? "unit" : "septet") +
          " left before another part."));
      list.appendChild(item);
    }
  }

  function cutReason(result, chars, ends, cut, spare) {
    if (spare <= 0) return "Full: cut after exactly " + unitName(result, result.perPart) + ".";
    var next = chars[cut], cost = result.unitsOf(next) || 1;
    var unused = unitName(result, spare) + " unused";
    if (next === "\r" && chars[cut + 1] === "\n") return "CR LF kept together in the next part: " + unused + ".";
    var clusterEnd = ends.find(function (e) { return e > cut; });
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
      syncValueRows([]);
      renderPreview(text, []);
      return;
    }
    state.previewTimer = setTimeout(function () {
      var seq = ++state.previewSeq;
      postJson("/api/preview", { text: text, values: valueRows() }).then(function (answer) {
        if (seq !== state.previewSeq) return;
        syncValueRows(answer.names);
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

  function submit(event) {
    event.preventDefault();
    var value = textarea.value;
    var status = el("submit-status");
    status.textContent = "Checking…";
    postJson(form.action, formPayload()).then(function (answer) {
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
    renderSegments(state.result);
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
