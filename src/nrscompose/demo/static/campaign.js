/*
 * The campaign page of the nrscompose demo (served by `nrscompose demo` at /campaign).
 *
 * Reads a recipients file (a dropped or chosen CSV or Excel file, or the bundled example from
 * /api/campaign/example) as BYTES and posts them, base64, with the template, prices, send time
 * and reading options to /api/estimate: the server reads them with the reader of
 * `nrscompose estimate` (its encoding handling, its messages), never the browser's guess.
 * Draws the report: charts are inline SVG made here, no chart library and nothing downloaded.
 * window.NrsCampaign exposes state for the browser test.
 */
(function () {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";
  var el = function (id) { return document.getElementById(id); };
  var state = { file: "", name: "", size: 0, report: null };
  var MAX_BODY = 262144; // bytes: the demo server's limit for any request
  var MAX_FILE = Number(el("csv-file").getAttribute("data-max-bytes"));
  // Colour-blind-safe, AA contrast against white for the text drawn on them.
  var SHOWN = 10; // rows of each sample table: the page stays short on a phone
  var ENCODING_COLOURS = { gsm: "#1f5fbf", "gsm-pt": "#1e7a3c", "utf-16": "#b3261e" };

  function make(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  function svg(tag, attributes, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    if (text != null) node.textContent = text;
    return node;
  }

  function plural(n, word) {
    return n + " " + word + (n === 1 ? "" : "s");
  }

  // Amounts as the command line prints them ("EUR 18.5382"): the exact decimal strings of
  // the report, never rounded to cents.
  function money(cost) {
    var currencies = Object.keys(cost || {});
    if (!currencies.length) return "—";
    return currencies.map(function (c) { return c + " " + cost[c]; }).join(", ");
  }

  function megabytes(size) { // rounded up, as the server does: over the limit never reads as it
    return (Math.ceil(size / 1e4) / 100).toFixed(2) + " MB";
  }

  // A cluster a person can see; an invisible one (a lone joiner, variation selector,
  // combining mark, control or space character) by its code points.
  var INVISIBLE = /^[\p{M}\p{C}\p{Z}]+$/u;
  function shown(text) {
    if (!INVISIBLE.test(text)) return text;
    return Array.from(text).map(function (ch) {
      return "U+" + ch.codePointAt(0).toString(16).toUpperCase().padStart(4, "0");
    }).join(" ");
  }

  var DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  // "Mon 2026-11-30 07:00 UTC", as the command line prints a release time.
  function utcTime(iso) {
    var t = new Date(iso);
    var two = function (n) { return String(n).padStart(2, "0"); };
    return DAYS[t.getUTCDay()] + " " + t.getUTCFullYear() + "-" + two(t.getUTCMonth() + 1) + "-" +
      two(t.getUTCDate()) + " " + two(t.getUTCHours()) + ":" + two(t.getUTCMinutes()) + " UTC";
  }

  function firstAmount(cost) {
    var currencies = Object.keys(cost || {});
    return currencies.length ? Number(cost[currencies[0]]) : 0;
  }

  // ---------------------------------------------------------------- input

  function base64(bytes) {
    var binary = "";
    for (var i = 0; i < bytes.length; i += 0x8000) {
      binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    }
    return btoa(binary);
  }

  // The file's bytes, untouched: the server decides how they are encoded.
  function setFile(bytes, name) {
    state.file = base64(bytes);
    state.name = name;
    state.size = bytes.length;
    el("csv-status").textContent = name + ": " + (bytes.length / 1000).toFixed(1) + " KB";
    el("drop-text").textContent = name;
  }

  function tooLarge(name, size) {
    // the server's sentence (problem kind upload.too_large), for a file not worth sending
    return name + " is " + megabytes(size) + "; the page takes files up to " + megabytes(MAX_FILE) +
      " (about " + el("csv-file").getAttribute("data-rows-at-limit") + " rows of a CSV like the " +
      "example): estimate it with nrscompose estimate on your computer, which has no limit.";
  }

  function readFile(file) {
    if (!file) return Promise.resolve();
    if (file.size > MAX_FILE) {
      state.file = "";
      el("csv-status").textContent = tooLarge(file.name, file.size);
      return Promise.resolve();
    }
    return file.arrayBuffer().then(function (buffer) {
      setFile(new Uint8Array(buffer), file.name);
    }, function () {
      el("csv-status").textContent = "Could not read " + file.name;
    });
  }

  function readAnswer(response) {
    return response.json().then(function (answer) {
      if (!response.ok) throw new Error(answer && answer.error ? answer.error.message : response.statusText);
      return answer;
    });
  }

  function useExample() {
    return fetch("/api/campaign/example").then(readAnswer).then(function (example) {
      setFile(new TextEncoder().encode(example.csv), "campaign.csv");
      el("template").value = example.template;
      el("prices").value = JSON.stringify(example.prices, null, 1);
      el("at").value = example.at;
    });
  }

  function request() {
    var prices = el("prices").value.trim();
    var parsed = null;
    if (prices) {
      try {
        parsed = JSON.parse(prices);
      } catch (error) {
        throw new Error("The prices are not JSON: " + error.message);
      }
    }
    return {
      file: state.file,
      file_name: state.name,
      template: el("template").value,
      prices: parsed,
      at: el("at").value,
      phone_field: el("phone-field").value.trim(),
      encoding: el("encoding").value,
      sheet: el("sheet").value.trim(),
      profile: el("profile").value,
      channel: el("channel").value,
      trans: el("trans").checked,
      lenient: el("lenient").checked,
    };
  }

  function run(event) {
    if (event) event.preventDefault();
    var status = el("estimate-status"), problems = el("problems");
    problems.textContent = "";
    if (!state.file) {
      status.textContent = "Choose a file or use the example first.";
      return Promise.resolve();
    }
    var body;
    try {
      body = JSON.stringify(request());
    } catch (error) {
      status.textContent = error.message;
      return Promise.resolve();
    }
    var size = new Blob([body]).size;
    if (size > MAX_BODY) {
      status.textContent = "The file, template and prices together are " + megabytes(size) +
        "; the page sends at most " + megabytes(MAX_BODY) + ": keep only the prices of the " +
        "campaign's countries, or run nrscompose estimate on your computer.";
      return Promise.resolve();
    }
    status.textContent = "Estimating…";
    return fetch("/api/estimate", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: body,
    }).then(readAnswer).then(function (answer) {
      status.textContent = "";
      answer.problems.forEach(function (p) {
        var item = make("li", "problem-item");
        item.appendChild(make("span", "code" + (p.code == null ? " none" : ""),
          p.code == null ? "—" : String(p.code)));
        item.appendChild(make("span", "field", p.label || p.field));
        item.appendChild(make("span", "message", p.message));
        problems.appendChild(item);
      });
      // a reader's warnings (a doubtful encoding, a header found lower down), when the
      // report carries them: beside the problems, not under the charts
      ((answer.report && answer.report.warnings) || []).forEach(function (w) {
        var item = make("li", "problem-item");
        item.appendChild(make("span", "code none", "!"));
        item.appendChild(make("span", "field", "Warning"));
        item.appendChild(make("span", "message", typeof w === "string" ? w : w.message));
        problems.appendChild(item);
      });
      state.report = answer.report;
      el("report").hidden = !answer.report;
      if (answer.report) render(answer.report);
      if (answer.problems.length) status.textContent = "Not estimated: see the problems below.";
    }).catch(function (error) {
      status.textContent = "The server could not estimate: " + error.message;
    });
  }

  // --------------------------------------------------------------- report

  function render(report) {
    renderTotals(report.totals);
    renderCountries(report.by_country);
    renderEncodings(report.by_encoding, report.totals.valid);
    renderHeld(report.held, report.totals.valid, report.at);
    renderInvalid(report.invalid_reasons, report.invalid_sample);
    renderExpensive(report.most_expensive);
  }

  function renderTotals(totals) {
    var box = el("totals");
    box.textContent = "";
    var count = function (n) { return n.toLocaleString("en"); };
    [["Recipients", count(totals.recipients)], ["Valid", count(totals.valid)],
      ["Invalid", count(totals.invalid)], ["Parts", count(totals.parts)],
      ["Cost", money(totals.cost)]].forEach(function (pair) {
      var stat = make("div", "stat");
      stat.appendChild(make("span", "stat-label", pair[0]));
      var value = make("span", "stat-value", String(pair[1]));
      value.dataset.value = String(pair[1]);
      stat.appendChild(value);
      box.appendChild(stat);
    });
  }

  // Horizontal bars: per row, the label and its figures on one line (on two when one line is
  // wider than the chart, as on a phone) and, under them, a bar whose length is the row's share
  // of the largest value: text never runs past the chart.
  function barChart(figure, rows, caption) {
    figure.textContent = "";
    // Drawn at the figure's own width, so that text keeps its size on a phone.
    var width = Math.max(280, figure.clientWidth || 560);
    var chart = drawBars(rows, caption, width, false);
    figure.appendChild(chart);
    var texts = Array.prototype.slice.call(chart.querySelectorAll("text"));
    if (texts.some(function (t) { return t.getComputedTextLength() > width; })) {
      figure.replaceChild(drawBars(rows, caption, width, true), chart);
    }
    figure.appendChild(make("figcaption", "note", caption));
  }

  function drawBars(rows, caption, width, twoLines) {
    var rowHeight = twoLines ? 60 : 42, barAt = twoLines ? 39 : 21;
    var max = Math.max.apply(null, rows.map(function (r) { return r.value; }).concat([0]));
    var chart = svg("svg", {
      viewBox: "0 0 " + width + " " + rows.length * rowHeight, width: "100%", role: "img",
      "aria-label": caption + ": " + rows.map(function (r) { return r.label + " " + r.text; }).join("; "),
    });
    rows.forEach(function (r, i) {
      var y = i * rowHeight, length = max > 0 ? (width * r.value) / max : 0;
      var group = svg("g", { class: "bar", "data-label": r.label });
      var line = svg("text", { x: 0, y: y + 15 });
      line.appendChild(svg("tspan", { class: "bar-label" }, r.label + "  "));
      var value = svg("tspan", twoLines ? { class: "bar-value", x: 0, dy: 18 } : { class: "bar-value" },
        r.text);
      line.appendChild(value);
      group.appendChild(line);
      group.appendChild(svg("rect", {
        x: 0, y: y + barAt, width: length.toFixed(1), height: 12, rx: 3, fill: r.colour || "#1f5fbf",
      }));
      chart.appendChild(group);
    });
    return chart;
  }

  // Bars by cost; by parts only when nothing is priced (bars of one scale, never mixed).
  function renderCountries(byCountry) {
    var countries = Object.keys(byCountry);
    var priced = countries.some(function (c) { return Object.keys(byCountry[c].cost).length; });
    var rows = countries.map(function (country) {
      var entry = byCountry[country];
      var hasCost = Object.keys(entry.cost).length > 0;
      return {
        label: country,
        value: priced ? firstAmount(entry.cost) : entry.parts,
        text: (hasCost ? money(entry.cost) : "unpriced") + " · " + plural(entry.parts, "part") +
          " · " + plural(entry.recipients, "recipient"),
      };
    }).sort(function (a, b) { return b.value - a.value; });
    barChart(el("by-country"), rows, priced ? "Bars: cost by country (no bar: no price for it)"
      : "Bars: parts by country (no prices given)");
  }

  // One stacked bar, a segment per encoding, its width the share of recipients.
  function renderEncodings(byEncoding, valid) {
    var figure = el("by-encoding");
    figure.textContent = "";
    var width = Math.max(280, figure.clientWidth || 560), x = 0, names = Object.keys(byEncoding);
    var chart = svg("svg", {
      viewBox: "0 0 " + width + " 40", width: "100%", role: "img",
      "aria-label": "Encoding mix: " + names.map(function (e) {
        return e + " " + byEncoding[e].recipients + " recipients";
      }).join("; "),
    });
    var legend = make("ul", "legend encodings");
    names.forEach(function (encoding) {
      var entry = byEncoding[encoding];
      var share = valid ? entry.recipients / valid : 0, w = width * share;
      var colour = ENCODING_COLOURS[encoding] || "#5d6878";
      chart.appendChild(svg("rect", {
        x: x.toFixed(1), y: 4, width: w.toFixed(1), height: 32, fill: colour,
        class: "segment-" + encoding,
      }));
      if (w > 70) {
        chart.appendChild(svg("text", { x: (x + 8).toFixed(1), y: 25, class: "on-bar" },
          encoding + " " + Math.round(share * 100) + "%"));
      }
      x += w;
      var item = make("li", null);
      var swatch = make("span", "swatch");
      swatch.style.background = colour;
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(encoding + ": " +
        plural(entry.recipients, "recipient") + ", " + plural(entry.parts, "part")));
      legend.appendChild(item);
    });
    figure.appendChild(chart);
    figure.appendChild(legend);
  }

  function renderHeld(held, valid, at) {
    var figure = el("held");
    if (!at) {
      figure.textContent = "";
      figure.appendChild(make("p", "note", "No send time given: windows not checked."));
      return;
    }
    var times = Object.keys(held).sort();
    var heldTotal = times.reduce(function (n, t) { return n + held[t]; }, 0);
    var rows = [{ label: "at once", value: valid - heldTotal,
      text: plural(valid - heldTotal, "recipient"), colour: "#1e7a3c" }];
    times.forEach(function (time) {
      rows.push({ label: utcTime(time), value: held[time],
        text: plural(held[time], "recipient") + " held", colour: "#8a5a00" });
    });
    barChart(figure, rows, "Bars: recipients sent at " + at + " and those held until their " +
      "send window opens");
  }

  // A table; with `cards`, one that reflows on a phone: each row a block of "header: value"
  // lines (CSS), so no column is off-screen; the roles keep it a table for assistive technology.
  function table(headers, rows, cards) {
    var wrap = make("table", cards ? "data cards" : "data");
    wrap.setAttribute("role", "table");
    var head = make("tr");
    head.setAttribute("role", "row");
    headers.forEach(function (h) {
      var th = make("th", null, h);
      th.scope = "col";
      th.setAttribute("role", "columnheader");
      head.appendChild(th);
    });
    var thead = make("thead");
    thead.appendChild(head);
    wrap.appendChild(thead);
    var body = make("tbody");
    rows.forEach(function (cells) {
      var tr = make("tr");
      tr.setAttribute("role", "row");
      cells.forEach(function (cell, i) {
        var td = make("td", null, cell);
        td.setAttribute("role", "cell");
        td.dataset.label = headers[i];
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    wrap.appendChild(body);
    return wrap;
  }

  function renderInvalid(reasons, sample) {
    var box = el("invalid");
    box.textContent = "";
    var names = Object.keys(reasons);
    if (!names.length) {
      box.appendChild(make("p", "note", "None: every row has a valid number."));
      return;
    }
    box.appendChild(table(["Reason", "Rows"], names.map(function (kind) {
      return [reasons[kind].message, String(reasons[kind].rows)];
    })));
    box.appendChild(make("p", "note", "For example:"));
    box.appendChild(table(["Line", "Number", "Problem"], sample.slice(0, SHOWN).map(function (r) {
      return [String(r.row), r.number ? shown(r.number) : "(empty)", r.reason_text || r.problem];
    })));
  }

  function fixText(suggestion) {
    if (!suggestion) return "no rewrite saves a part";
    var pairs = Object.keys(suggestion.replace).map(function (ch) {
      return shown(ch) + " → " + (suggestion.replace[ch] ? shown(suggestion.replace[ch]) : "(removed)");
    });
    return pairs.join(", ") + ": saves " + plural(suggestion.parts_saved, "part") + " (" +
      suggestion.encoding + ")";
  }

  function renderExpensive(rows) {
    var box = el("expensive");
    box.textContent = "";
    box.appendChild(table(["Line", "Country", "Encoding", "Parts", "Cost", "Costly characters", "Fix that saves most"],
      rows.slice(0, SHOWN).map(function (r) {
        var costly = r.costly || (r.offending ? [shown(r.offending)] : []);
        return [String(r.row), r.country || "—", r.encoding, String(r.parts),
          r.cost == null ? "—" : r.currency + " " + r.cost, costly.join(" ") || "—",
          fixText(r.suggestion)];
      }), true));
  }

  // ---------------------------------------------------------------- wiring

  var drop = el("drop");
  ["dragenter", "dragover"].forEach(function (type) {
    drop.addEventListener(type, function (event) {
      event.preventDefault();
      drop.classList.add("over");
    });
  });
  ["dragleave", "drop"].forEach(function (type) {
    drop.addEventListener(type, function () { drop.classList.remove("over"); });
  });
  drop.addEventListener("drop", function (event) {
    event.preventDefault();
    readFile(event.dataTransfer.files[0]);
  });
  el("csv-file").addEventListener("change", function (event) { readFile(event.target.files[0]); });
  el("use-example").addEventListener("click", function () { useExample().then(run); });
  el("campaign-form").addEventListener("submit", run);

  window.NrsCampaign = { state: state, run: run, useExample: useExample, setFile: setFile };
})();
