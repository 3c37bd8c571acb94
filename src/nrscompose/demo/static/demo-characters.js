/*
 * The demo page's "Characters that cost more", computed apart from the drawing so that it can
 * run in a worker: on a long text (50,000 characters) suggest() and the count of each fix
 * alone take far longer than a keystroke may, and in a worker they never block typing.
 *
 * Loaded as a classic script, it defines window.NrsDemoCharacters(C, job); started as a
 * worker (new Worker("/static/demo-characters.js")), it answers each job posted with
 * {seq, answer}. A job is {seq, text, options, toInput, isValue}: the counted text, the
 * counter's options, and (templates) for each of its code points the index in the text typed
 * and whether it comes from a sample value.
 */
(function (scope) {
  "use strict";

  function inputIndex(job, index) {
    return job.toInput ? job.toInput[index] : index;
  }

  function fromValue(job, index) {
    return !!(job.isValue && job.isValue[index]);
  }

  // The analysis of the text with `replacements` applied where the person can apply them (in
  // the text typed, not in a sample value), or null if it cannot be counted.
  // A fix rewrites whole grapheme clusters equal to its character, as the page applies it.
  function analysisWith(C, job, replacements) {
    var chars = Array.from(job.text), out = [], start = 0;
    C.graphemeBoundaries(job.text).forEach(function (end) {
      var cluster = chars.slice(start, end).join("");
      var fixed = replacements.has(cluster) && !fromValue(job, start);
      out.push(fixed ? replacements.get(cluster) : cluster);
      start = end;
    });
    try {
      return C.analyze(out.join(""), job.options);
    } catch (error) {
      return null;
    }
  }

  // One row per grapheme cluster of the text typed that forced a costlier encoding
  // (👨‍👩‍👧‍👦 is one row, not seven) and, in a septet encoding, one per character that
  // costs two septets; none for a placeholder's braces or a sample value's characters
  // (`skipped` counts those of the values).
  function characterRows(C, job, result) {
    var text = job.text, chars = Array.from(text), rows = new Map(), start = 0, clusterAt = [];
    var skipped = 0;
    C.graphemeBoundaries(text).forEach(function (end) {
      for (var i = start; i < end; i++) clusterAt[i] = [start, end];
      start = end;
    });
    function row(cluster, index, kind, reason) {
      if (fromValue(job, index)) {
        skipped++;
        return;
      }
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
        cluster: cluster, kind: kind, reason: reason, count: 1, first: inputIndex(job, index),
        lastIndex: index, units: units,
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
    return { rows: Array.from(rows.values()), skipped: skipped };
  }

  // The rows, what suggest() proposes (kept only if, applied to the text typed, it saves a
  // part) and what each of its replacements saves on its own: counted with only that one.
  function characters(C, job) {
    var result;
    try {
      result = C.analyze(job.text, job.options);
    } catch (error) {
      return { rows: [], skipped: 0, proposal: null, fixes: [] };
    }
    var found = characterRows(C, job, result), proposal = null, fixes = [];
    var suggested = null;
    if (found.rows.length) {
      try {
        suggested = C.suggest(job.text, job.options);
      } catch (error) {
        suggested = null;
      }
    }
    if (suggested && suggested.replacements.length) {
      var all = new Map(suggested.replacements.map(function (r) { return [r.char, r.replacement]; }));
      var after = analysisWith(C, job, all);
      if (after && after.parts < result.parts) {
        proposal = {
          replacements: suggested.replacements.map(function (r) {
            return { char: r.char, replacement: r.replacement, reason: r.reason };
          }),
          after: { encoding: after.encoding, parts: after.parts },
          partsSaved: result.parts - after.parts,
        };
        proposal.replacements.forEach(function (r) {
          var alone = analysisWith(C, job, new Map([[r.char, r.replacement]]));
          fixes.push({ char: r.char, replacement: r.replacement, reason: r.reason,
            alone: alone ? Math.max(0, result.parts - alone.parts) : 0,
            together: proposal.partsSaved });
        });
      }
    }
    return { rows: found.rows, skipped: found.skipped, proposal: proposal, fixes: fixes };
  }

  if (typeof document === "undefined" && typeof importScripts === "function") {
    importScripts("/static/nrscompose-counter.js");
    scope.onmessage = function (event) {
      scope.postMessage({ seq: event.data.seq, answer: characters(scope.NrsCounter, event.data) });
    };
  } else {
    scope.NrsDemoCharacters = characters;
  }
})(typeof self !== "undefined" ? self : this);
