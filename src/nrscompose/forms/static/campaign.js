/*
 * The campaign page of the nrscompose demo (served by `nrscompose demo` at /campaign).
 *
 * Reads a CSV (a dropped or chosen file, or the bundled example from /api/campaign/example),
 * posts it with the template, prices and send time to /api/estimate (estimate() on the
 * server) and draws the report: charts are inline SVG made here, no chart library and
 * nothing downloaded. window.NrsCampaign exposes state for the browser test.
 */
(function () {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";
  var el = function (id) { return document.getElementById(id); };
  var state = { csv: "", name: "", report: null };
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

  function money(cost) {
    var currencies = Object.keys(cost || {});
    if (!currencies.length) return "—";
    return currencies.map(function (c) {
      return Number(cost[c]).toFixed(2) + " " + c;
    }).join(" + ");
  }

  function firstAmount(cost) {
    var currencies = Object.keys(cost || {});
    return currencies.length ? Number(cost[currencies[0]]) : 0;
  }

  // ---------------------------------------------------------------- input

  function setCsv(text, name) {
    state.csv = text;
    state.name = name;
    var rows = text.split(/\r\n|\r|\n/).filter(function (line) { return line.trim(); }).length;
    el("csv-status").textContent = name + ": " + plural(Math.max(rows - 1, 0), "row");
    el("drop-text").textContent = name;
  }

  function readFile(file) {
    if (!file) return;
    var reader = new FileReader();
    reader.onload = function () { setCsv(String(reader.result), file.name); };
    reader.onerror = function () { el("csv-status").textContent = "Could not read " + file.name; };
    reader.readAsText(file, "utf-8");
  }

  function readAnswer(response) {
    return response.json().then(function (answer) {
      if (!response.ok) throw new Error(answer && answer.error ? answer.error.message : response.statusText);
      return answer;
    });
  }

  function useExample() {
    return fetch("/api/campaign/example").then(readAnswer).then(function (example) {
      setCsv(example.csv, "example campaign.csv");
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
      csv: state.csv,
      template: el("template").value,
      prices: parsed,
      at: el("at").value,
      phone_field: el("phone-field").value.trim(),
      profile: el("profile").value,
      channel: el("channel").value,
      trans: el("trans").checked,
    };
  }

  function run(event) {
    if (event) event.preventDefault();
    var status = el("estimate-status"), problems = el("problems");
    problems.textContent = "";
    if (!state.csv) {
      status.textContent = "Choose a CSV file or use the example first.";
      return Promise.resolve();
    }
    var body;
    try {
      body = request();
    } catch (error) {
      status.textContent = error.message;
      return Promise.resolve();
    }
    status.textContent = "Estimating…";
    return fetch("/api/estimate", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    }).then(readAnswer).then(function (answer) {
      status.textContent = "";
      answer.problems.forEach(function (p) {
        var item = make("li", "problem-item");
        item.appendChild(make("span", "code" + (p.code == null ? " none" : ""),
          p.code == null ? "—" : String(p.code)));
        item.appendChild(make("span", "field", p.field));
        item.appendChild(make("span", "message", p.message));
        problems.appendChild(item);
      });
      state.report = answer.report;
      el("report").hidden = !answer.report;
      if (answer.report) render(answer.report);
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
    [["Recipients", totals.recipients], ["Valid", totals.valid], ["Invalid", totals.invalid],
      ["Parts", totals.parts], ["Cost", money(totals.cost)]].forEach(function (pair) {
      var stat = make("div", "stat");
      stat.appendChild(make("span", "stat-label", pair[0]));
      var value = make("span", "stat-value", String(pair[1]));
      value.dataset.value = String(pair[1]);
      stat.appendChild(value);
      box.appendChild(stat);
    });
  }

  // Horizontal bars: per row, the label and its figures on one line and, under them, a bar
  // whose length is the row's share of the largest value (text never runs past the chart).
  function barChart(figure, rows, caption) {
    figure.textContent = "";
    // Drawn at the figure's own width, so that text keeps its size on a phone.
    var rowHeight = 42, width = Math.max(280, figure.clientWidth || 560);
    var height = rows.length * rowHeight;
    var max = Math.max.apply(null, rows.map(function (r) { return r.value; }).concat([0]));
    var chart = svg("svg", {
      viewBox: "0 0 " + width + " " + height, width: "100%", role: "img",
      "aria-label": caption + ": " + rows.map(function (r) { return r.label + " " + r.text; }).join("; "),
    });
    rows.forEach(function (r, i) {
      var y = i * rowHeight, length = max > 0 ? (width * r.value) / max : 0;
      var group = svg("g", { class: "bar", "data-label": r.label });
      var line = svg("text", { x: 0, y: y + 15 });
      line.appendChild(svg("tspan", { class: "bar-label" }, r.label + "  "));
      line.appendChild(svg("tspan", { class: "bar-value" }, r.text));
      group.appendChild(line);
      group.appendChild(svg("rect", {
        x: 0, y: y + 21, width: length.toFixed(1), height: 12, rx: 3, fill: r.colour || "#1f5fbf",
      }));
      chart.appendChild(group);
    });
    figure.appendChild(chart);
    figure.appendChild(make("figcaption", "note", caption));
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
      rows.push({ label: time.slice(5, 16).replace("T", " ") + " UTC", value: held[time],
        text: plural(held[time], "recipient") + " held", colour: "#8a5a00" });
    });
    barChart(figure, rows, "Bars: recipients sent at " + at + " and those held until their " +
      "send window opens");
  }

  function table(headers, rows) {
    var wrap = make("table", "data");
    var head = make("tr");
    headers.forEach(function (h) {
      var th = make("th", null, h);
      th.scope = "col";
      head.appendChild(th);
    });
    var thead = make("thead");
    thead.appendChild(head);
    wrap.appendChild(thead);
    var body = make("tbody");
    rows.forEach(function (cells) {
      var tr = make("tr");
      cells.forEach(function (cell) { tr.appendChild(make("td", null, cell)); });
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
    box.appendChild(table(["Reason", "Rows"], names.map(function (r) { return [r, String(reasons[r])]; })));
    box.appendChild(make("p", "note", "For example:"));
    box.appendChild(table(["Line", "Number", "Problem"], sample.slice(0, SHOWN).map(function (r) {
      return [String(r.row), r.number || "(empty)", r.problem];
    })));
  }

  function fixText(suggestion) {
    if (!suggestion) return "no rewrite saves a part";
    var pairs = Object.keys(suggestion.replace).map(function (ch) {
      return ch + " → " + (suggestion.replace[ch] || "(removed)");
    });
    return pairs.join(", ") + ": saves " + plural(suggestion.parts_saved, "part") + " (" +
      suggestion.encoding + ")";
  }

  function renderExpensive(rows) {
    var box = el("expensive");
    box.textContent = "";
    box.appendChild(table(["Line", "Country", "Encoding", "Parts", "Cost", "Costly characters", "Fix that saves most"],
      rows.slice(0, SHOWN).map(function (r) {
        return [String(r.row), r.country || "—", r.encoding, String(r.parts),
          r.cost == null ? "—" : Number(r.cost).toFixed(4) + " " + r.currency, r.offending || "—",
          fixText(r.suggestion)];
      })));
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

  window.NrsCampaign = { state: state, run: run, useExample: useExample, setCsv: setCsv };
})();
