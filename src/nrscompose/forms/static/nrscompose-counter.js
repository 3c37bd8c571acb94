/*
 * nrscompose live counter: counts an SMS text in the browser exactly as the Python
 * nrscompose.analyze() does — encoding, parts, units, remaining, offending characters,
 * part bounds — for the built-in profiles, without a request per keystroke.
 *
 * A classic script with no dependencies. <script src=".../nrscompose-counter.js"> defines
 * window.NrsCounter; under CommonJS (Node) require() returns the same object; from an ES
 * module, `import "./nrscompose-counter.js"` and use globalThis.NrsCounter.
 *
 *   var result = NrsCounter.analyze(textarea.value, {
 *     encoding: "auto", candidates: null, trans: false, profile: "360nrs", channel: "sms",
 *     newlines: "crlf"   // count each line break as CRLF, as the submitted form will send it
 *   });
 *   result.encoding, result.parts, result.units, result.per_part, result.remaining,
 *   result.offending  // [{index, char, excluded_from, reason}], index into the text given
 *   result.part_bounds  // [0, cut1, ..., n] in result.text (the counted text)
 *
 * All indices are code-point indices (as Python str indices), not UTF-16 indices; use
 * NrsCounter.utf16Offsets(text) to convert for setSelectionRange() and the like.
 *
 * The tables between the GENERATED DATA markers are written by
 * `python -m nrscompose.forms._generate_js` from the Python data; do not edit them by hand.
 * See docs/counter.md.
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module && module.exports) {
    module.exports = api;
  }
  if (root) {
    root.NrsCounter = api;
  }
})(typeof globalThis !== "undefined" ? globalThis : this, function () {
  "use strict";

/* BEGIN GENERATED DATA: python -m nrscompose.forms._generate_js */
var DATA = {
 "charsets": {
  "gsm": {
   "locking": "@\u00a3$\u00a5\u00e8\u00e9\u00f9\u00ec\u00f2\u00c7\n\u00d8\u00f8\r\u00c5\u00e5\u0394_\u03a6\u0393\u039b\u03a9\u03a0\u03a8\u03a3\u0398\u039e\u00c6\u00e6\u00df\u00c9 !\"#\u00a4%&'()*+,-./0123456789:;<=>?\u00a1ABCDEFGHIJKLMNOPQRSTUVWXYZ\u00c4\u00d6\u00d1\u00dc\u00a7\u00bfabcdefghijklmnopqrstuvwxyz\u00e4\u00f6\u00f1\u00fc\u00e0",
   "shift": "\f^{}\\[~]|\u20ac",
   "tables": [
    0,
    0
   ]
  },
  "gsm-pt": {
   "locking": "@\u00a3$\u00a5\u00ea\u00e9\u00fa\u00ed\u00f3\u00e7\n\u00d4\u00f4\r\u00c1\u00e1\u0394_\u00aa\u00c7\u00c0\u221e^\\\u20ac\u00d3|\u00c2\u00e2\u00ca\u00c9 !\"#\u00ba%&'()*+,-./0123456789:;<=>?\u00cdABCDEFGHIJKLMNOPQRSTUVWXYZ\u00c3\u00d5\u00da\u00dc\u00a7~abcdefghijklmnopqrstuvwxyz\u00e3\u00f5`\u00fc\u00e0",
   "shift": "\u00ea\u00e7\f\u00d4\u00f4\u00c1\u00e1\u03a6\u0393^\u03a9\u03a0\u03a8\u03a3\u0398\u00ca{}\\[~]|\u00c0\u00cd\u00d3\u00da\u00c3\u00d5\u00c2\u20ac\u00ed\u00f3\u00fa\u00e3\u00f5\u00e2",
   "tables": [
    3,
    3
   ]
  },
  "gsm-pt/default-locking": {
   "locking": "@\u00a3$\u00a5\u00e8\u00e9\u00f9\u00ec\u00f2\u00c7\n\u00d8\u00f8\r\u00c5\u00e5\u0394_\u03a6\u0393\u039b\u03a9\u03a0\u03a8\u03a3\u0398\u039e\u00c6\u00e6\u00df\u00c9 !\"#\u00a4%&'()*+,-./0123456789:;<=>?\u00a1ABCDEFGHIJKLMNOPQRSTUVWXYZ\u00c4\u00d6\u00d1\u00dc\u00a7\u00bfabcdefghijklmnopqrstuvwxyz\u00e4\u00f6\u00f1\u00fc\u00e0",
   "shift": "\u00ea\u00e7\f\u00d4\u00f4\u00c1\u00e1\u03a6\u0393^\u03a9\u03a0\u03a8\u03a3\u0398\u00ca{}\\[~]|\u00c0\u00cd\u00d3\u00da\u00c3\u00d5\u00c2\u20ac\u00ed\u00f3\u00fa\u00e3\u00f5\u00e2",
   "tables": [
    0,
    3
   ]
  },
  "gsm-pt/default-shift": {
   "locking": "@\u00a3$\u00a5\u00ea\u00e9\u00fa\u00ed\u00f3\u00e7\n\u00d4\u00f4\r\u00c1\u00e1\u0394_\u00aa\u00c7\u00c0\u221e^\\\u20ac\u00d3|\u00c2\u00e2\u00ca\u00c9 !\"#\u00ba%&'()*+,-./0123456789:;<=>?\u00cdABCDEFGHIJKLMNOPQRSTUVWXYZ\u00c3\u00d5\u00da\u00dc\u00a7~abcdefghijklmnopqrstuvwxyz\u00e3\u00f5`\u00fc\u00e0",
   "shift": "\f^{}\\[~]|\u20ac",
   "tables": [
    3,
    0
   ]
  }
 },
 "cheapest_pt": [
  "gsm-pt/default-locking",
  "gsm-pt/default-shift",
  "gsm-pt"
 ],
 "encodings": [
  "gsm",
  "gsm-pt",
  "utf-16"
 ],
 "graphemes": "0,3;a,2;1,3;2,1;1,3;12,0;5f,3;21,0;9,40;1,0;3,3;1,40;1,0;251,24;70,0;113,24;7,0;107,24;2d,0;1,24;1,0;1,24;2,0;1,24;2,0;1,24;3,0;36,7;6,0;a,24;b,0;1,3;1,0;2e,24;15,0;10,24;1,0;65,24;7,7;1,0;1,24;6,0;2,24;2,0;1,24;4,0;21,7;1,0;1,24;1,0;1e,24;1b,0;5b,24;b,0;3a,24;9,0;9,24;1,0;18,24;4,0;1,24;9,0;1,24;3,0;1,24;5,0;2b,24;3,0;34,7;2,0;5,24;9,0;2a,24;18,7;1,24;20,8;1,0;11,10;25,24;1,8;1,24;1,0;1,8;3,24;8,8;4,34;1,8;2,0;1,24;7,10;8,0;2,24;2,0;14,10;8,0;1,24;1,8;2,0;11,10;14,0;1,10;7,0;1,10;1,0;3,10;4,0;2,24;1,0;1,24;1,8;2,24;4,0;2,8;2,0;2,8;2,34;1,0;9,24;1,0;4,10;2,0;1,10;1,0;2,24;2,0;c,10;2,0;c,24;1,0;2,24;2,8;1,0;38,24;1,0;1,8;3,24;2,0;4,24;2,0;2,24;3,0;3,24;1,0;1e,24;2,0;3,24;1,0;b,24;2,8;1,0;11,10;14,0;1,10;7,0;1,10;2,0;1,10;5,0;2,24;1,0;1,8;3,24;5,0;1,24;2,8;1,0;1,8;2,34;1,0;14,24;2,0;15,10;1,24;6,0;1,24;1,8;2,0;11,10;14,0;1,10;7,0;1,10;2,0;1,10;5,0;2,24;1,0;1,24;2,8;1,24;4,0;2,8;2,0;2,8;2,34;1,0;5,24;5,0;4,10;2,0;1,10;1,0;2,24;2,0;d,10;1,0;10,24;1,0;3b,24;1,8;1,24;1,8;2,0;3,8;3,0;1,8;3,24;1,0;9,24;1,0;28,24;1,8;3,24;1,0;10,10;14,0;1,10;10,0;2,24;1,0;1,24;3,8;4,0;1,24;3,0;1,24;3,34;1,0;7,24;2,0;1,10;3,0;7,24;2,0;1d,24;1,8;2,0;38,24;1,0;1,8;1,24;2,8;1,24;1,8;2,0;1,24;3,0;1,24;4,0;7,24;2,0;b,24;2,0;f,8;1,0;c,24;2,8;2,0;11,10;26,24;2,0;1,24;1,8;2,24;4,0;1,8;3,0;1,8;3,34;1,7;1,0;8,24;1,0;a,24;2,0;1d,24;1,8;2,0;46,24;1,0;4,24;1,8;2,24;3,0;1,24;1,0;1,8;7,24;1,0;12,8;2,0;3d,24;1,0;1,8;1,24;7,0;c,24;8,0;62,24;1,0;1,8;1,24;9,0;b,24;7,0;49,24;2,0;1b,24;1,0;1,24;1,0;1,24;1,0;4,8;2,0;31,24;e,8;1,24;5,0;1,24;2,0;5,24;b,0;1,24;24,0;9,24;1,0;39,10;2b,0;2,24;4,8;1,24;6,0;1,34;1,24;1,8;2,24;2,10;1,0;10,10;6,8;2,24;2,10;4,24;3,10;1,0;3,10;2,0;7,10;3,24;4,10;d,24;1,0;1,8;1,24;2,0;6,24;1,10;1,0;e,24;1,0;62,9;60,a;48,b;58,0;15d,24;3,0;3b2,24;4,0;1c,24;3,0;1d,24;2,0;1e,24;2,0;c,10;34,24;2,8;1,24;7,8;8,24;1,8;2,24;9,34;1,24;1,0;9,24;1,0;2d,24;3,3;1,24;1,0;75,24;2,0;22,24;1,0;76,24;3,8;4,24;2,8;3,0;4,8;2,24;1,8;6,24;3,0;db,24;2,8;2,24;1,0;4,10;35,8;1,24;1,8;1,24;7,0;1,34;1,0;1,24;1,0;2,24;8,8;6,24;a,0;2,24;1,0;30,24;41,0;f,24;4,8;1,0;6,10;2,0;6,10;21,24;a,8;4,24;2,34;1,10;8,0;1e,24;9,0;c,24;2,8;1,10;1e,8;1,24;4,8;2,24;3,34;1,24;2,10;2,0;b,10;3,0;28,24;1,8;1,24;2,8;3,24;1,8;1,24;5,0;30,8;8,24;8,8;2,24;2,0;98,24;3,0;1,24;d,8;1,24;7,0;4,24;1,0;6,24;1,30;2,8;1,24;2,0;c6,24;40,0;20b,3;1,4;1,25;1,3;2,0;18,3;7,0;d,40;1,0;c,40;1,0;16,3;10,0;60,24;21,0;31,40;1,0;16,40;1,0;5a,40;6,0;f,40;2,0;16f,40;2,0;c,40;1,0;a6,40;1,0;19,40;b,0;4,40;3,0;c7,40;1,0;e7,40;2,0;a,40;1,0;9,40;1,0;3a,40;4,0;1,40;5,0;9,40;1,0;2,40;1,0;2,40;2,0;2,40;1,0;4,40;1,0;2,40;1,0;1,40;2,0;2,40;1,0;3,40;1,0;3,40;2,0;8,40;3,0;5,40;1,0;1,40;1,0;5,40;c,0;b,40;2,0;2,40;1,0;1,40;2,0;1,40;1,0;12,40;1,0;2,40;2,0;12,40;6,0;1,40;1,0;1,40;2,0;3,40;2,0;5,40;1,0;2,40;2,0;4,40;2,0;b,40;2,0;5,40;2,0;2,40;1,0;5,40;2,0;1,40;1,0;1,40;2,0;14,40;2,0;5,40;6,0;1,40;4,0;2,40;1,0;4,40;1,0;2,40;1,0;2,40;6,0;1,40;1,0;2,40;1,0;1,40;1,0;1,40;1,0;6,40;1,0;3,40;1,0;6,40;1,0;a,40;2,0;f,40;1,0;2,40;1,0;4,40;1,0;1,40;1,0;4,40;3,0;1,40;1,0;b,40;2,0;30,40;3,0;9,40;1,0;e,40;1,0;e,40;1,0;174,40;2,0;1cf,40;3,0;13,40;2,0;33,40;1,0;4,40;1,0;199,24;3,0;8d,24;1,0;60,24;20,0;22a,24;6,40;1,0;c,40;1,0;5b,24;2,0;1fc,40;1,0;1,40;1,0;73d5,24;4,0;1,24;a,0;20,24;2,0;50,24;2,0;110,24;1,0;3,24;1,0;4,24;1,0;17,8;2,24;2,8;1,0;4,24;1,0;53,8;2,0;32,8;10,24;2,0;1a,24;12,0;d,24;1,0;26,24;8,0;19,24;b,8;1,24;1,0;c,9;1d,0;3,24;3,8;1,0;5,10;3,0;3,10;24,24;1,8;2,24;4,8;2,24;2,8;2,34;1,0;1f,10;5,24;1,0;1,10;9,0;a,10;5,0;2a,24;6,8;2,24;2,8;2,24;2,0;c,24;1,0;8,24;1,8;1,0;12,10;10,0;1,10;3,0;6,10;1,0;1,24;1,0;1,10;2,0;30,24;1,0;1,24;3,0;2,24;2,0;5,24;2,0;1,24;1,0;1e,10;b,8;1,24;2,8;2,0;5,8;1,34;1,0;c9,10;1b,0;8,8;2,24;1,8;2,24;1,8;2,0;1,8;1,24;1,0;12,d;2ba4,0;c,a;17,0;4,b;31,0;2322,24;1,0;2e1,24;10,0;10,24;10,0;cf,3;1,0;9e,24;2,0;50,3;c,0;201,24;1,0;e2,24;1,0;95,24;5,0;685,10;1,24;3,0;1,24;2,0;5,24;4,10;4,0;1,10;3,0;1,10;1d,0;2,24;3,0;4,34;1,0;a5,24;2,0;23d,24;4,0;41,24;5,0;13d,24;2,0;1e,24;5,0;20,24;10,0;46,24;b,0;31,24;4,0;7a,8;1,24;1,8;1,0;35,24;f,0;29,24;1,0;2,24;2,0;a,24;3,8;1,0;2d,8;3,24;4,8;2,24;2,0;2,7;1,0;4,24;1,0;a,7;1,0;32,24;3,10;24,24;5,8;1,24;6,34;1,24;1,0;f,10;1,8;2,10;1,0;2b,24;1,0;c,24;2,8;1,0;30,8;3,24;9,8;1,24;1,0;1,7;2,0;5,24;4,0;1,8;1,24;1,0;5c,8;3,24;3,8;2,24;4,0;6,24;1,0;2,24;1,0;9d,24;1,8;3,24;8,0;15,24;2,8;2,0;37,24;2,0;1,24;1,8;1,24;1,8;4,0;2,8;2,0;2,8;2,24;1,0;9,24;1,0;a,8;2,0;2,24;7,0;3,24;5,0;b,10;a,0;1,10;1,0;2,10;1,0;1,10;26,0;2,24;1,8;2,24;6,0;1,24;1,0;2,24;1,0;1,24;3,8;1,0;1,8;2,24;2,34;1,7;1,24;1,0;e,24;2,0;52,8;3,24;8,8;2,24;3,8;1,24;1,0;17,24;1,0;51,24;1,8;2,24;6,8;1,24;1,8;2,24;1,8;1,24;2,8;1,24;2,0;eb,24;1,8;2,24;4,0;2,8;4,24;2,8;1,24;2,0;1b,24;2,0;52,8;3,24;8,8;2,24;1,8;1,24;2,0;6a,24;1,8;1,24;1,8;2,24;8,0;65,24;1,8;1,24;1,0;2,24;4,8;1,24;5,0;100,8;3,24;9,8;1,24;2,0;c5,10;7,0;2,10;1,0;2,10;8,0;1,10;2,0;1,10;18,24;1,8;5,0;1,8;2,0;2,24;3,34;1,7;1,8;1,7;1,8;1,24;1,0;8d,8;3,24;4,0;2,24;2,8;4,24;1,0;3,8;1,0;1b,10;1,24;a,10;28,24;6,8;1,30;1,24;4,0;8,34;1,0;8,10;1,24;6,8;2,24;3,10;28,7;6,24;d,8;1,24;1,34;1,0;70,10;1,0;55,24;1,8;1,24;3,8;1,24;1,8;1,0;c7,8;1,24;7,0;1,24;6,8;1,24;1,0;52,24;16,0;1,8;1,24;7,8;1,24;2,8;1,24;2,0;7a,24;6,0;3,24;1,0;1,24;2,0;1,24;7,7;1,24;1,0;42,8;5,0;1,24;2,0;1,8;2,24;1,8;1,24;1,0;58,24;1,10;1,0;101,24;2,8;2,0;9,24;2,7;1,8;1,10;d,0;1,10;22,8;2,24;5,0;3,8;2,24;2,34;1,0;17,24;1,0;14d5,3;10,24;1,0;6,24;f,0;2cc8,24;c,8;3,24;3,0;9c0,24;5,0;3b,24;7,0;22c,a;1,0;3,a;4,0;1e4,24;1,0;1,8;37,0;7,24;4,0;51,24;1,0;b,24;2,0;4cab,24;2,0;1,3;4,0;125c,24;2e,0;2,24;17,0;1e0,24;2,0;3c,24;5,0;3,24;6,3;8,24;8,0;2,24;7,0;1e,24;4,0;94,24;3,0;b,24;3,0;8,24;2,0;2,24;1,0;20,24;2,0;77e,24;37,0;4,24;32,0;8,24;1,0;e,24;1,0;16,24;5,0;1,24;f,0;550,24;7,0;1,24;11,0;2,24;7,0;1,24;2,0;1,24;5,0;64,24;1,0;a0,24;7,0;177,24;1,0;3d,24;4,0;1fc,24;4,0;fe,24;2,0;f3,24;1,0;2,24;1,0;7,24;2,0;5,24;1,0;1da,24;7,0;6d,24;7,0;6b9,40;1,0;27,40;4,0;64,40;c,0;f,40;2,0;f,40;1,0;e,40;2,0;25,40;a,0;70,40;2,0;c,40;2,0;e,40;1,0;2,40;a,0;14,40;37,6;1a,0;1,40;f,0;a,40;1,0;14,40;1,0;2,40;9,0;1,40;4,0;9,40;17,0;6,40;bc,0;2,40;70,0;2,40;2,0;1,40;3,0;2,40;53,0;2,40;3,0;1,40;4,24;5,40;fe,0;1,40;3f,0;b,40;6,0;1,40;18,0;7,40;2,0;2,40;8,0;c,40;1,0;2,40;4,0;2,40;1,0;4,40;2,0;d,40;2,0;2,40;1,0;8,40;2,0;9,40;1,0;5,40;3,0;c,40;3,0;8,40;3,0;2,40;1,0;1,40;1,0;4,40;1,0;6,40;1,0;3,40;1,0;6,40;56,0;30,40;46,0;5,40;8,0;2,40;11,0;3,40;1,0;1,40;6,0;2,40;d,0;dc,40;15,0;1b,40;4,0;38,40;8,0;a,40;6,0;28,40;8,0;1e,40;2,0;c,40;4,0;2,40;e,0;9,40;27,0;c,40;2f,0;1,40;a,0;1,40;b9,0;58,40;8,0;e,40;92,0;100,40;3fe,0;c0002,3;20,24;60,3;80,24;f0,3;e10,0",
 "not_in": {
  "gsm": "not in the GSM 7-bit default alphabet or its extension table",
  "gsm-pt": "not in the Portuguese GSM tables",
  "utf-16": "a lone surrogate cannot be sent"
 },
 "profiles": {
  "360nrs": {
   "cheapest_tables": false,
   "flat": false,
   "limits": {
    "gsm": [
     [
      160,
      153
     ],
     [
      160,
      153
     ],
     [
      160,
      153
     ]
    ],
    "gsm-pt": [
     [
      160,
      153
     ],
     [
      160,
      153
     ],
     [
      160,
      153
     ]
    ],
    "utf-16": [
     [
      70,
      67
     ],
     [
      70,
      67
     ],
     [
      70,
      67
     ]
    ]
   },
   "max_parts": {
    "landing": 8,
    "sms": 15
   }
  },
  "3gpp": {
   "cheapest_tables": true,
   "flat": false,
   "limits": {
    "gsm": [
     [
      160,
      153
     ],
     [
      155,
      149
     ],
     [
      152,
      146
     ]
    ],
    "gsm-pt": [
     [
      160,
      153
     ],
     [
      155,
      149
     ],
     [
      152,
      146
     ]
    ],
    "utf-16": [
     [
      70,
      67
     ],
     [
      68,
      65
     ],
     [
      66,
      64
     ]
    ]
   },
   "max_parts": {
    "landing": 8,
    "sms": 15
   }
  },
  "3gpp-16bit": {
   "cheapest_tables": true,
   "flat": false,
   "limits": {
    "gsm": [
     [
      160,
      152
     ],
     [
      155,
      148
     ],
     [
      152,
      145
     ]
    ],
    "gsm-pt": [
     [
      160,
      152
     ],
     [
      155,
      148
     ],
     [
      152,
      145
     ]
    ],
    "utf-16": [
     [
      70,
      66
     ],
     [
      68,
      65
     ],
     [
      66,
      63
     ]
    ]
   },
   "max_parts": {
    "landing": 8,
    "sms": 15
   }
  },
  "flat160": {
   "cheapest_tables": false,
   "flat": true,
   "limits": {
    "gsm": [
     [
      160,
      160
     ],
     [
      160,
      160
     ],
     [
      160,
      160
     ]
    ],
    "gsm-pt": [
     [
      160,
      160
     ],
     [
      160,
      160
     ],
     [
      160,
      160
     ]
    ],
    "utf-16": [
     [
      160,
      160
     ],
     [
      160,
      160
     ],
     [
      160,
      160
     ]
    ]
   },
   "max_parts": {
    "sms": 1000000
   }
  }
 },
 "septet_charsets": {
  "gsm": [
   "gsm"
  ],
  "gsm-pt": [
   "gsm-pt"
  ]
 },
 "trans": {
  "\u00aa": "",
  "\u00ba": "",
  "\u00c0": "A",
  "\u00c1": "A",
  "\u00c2": "A",
  "\u00c3": "A",
  "\u00c8": "E",
  "\u00ca": "E",
  "\u00cc": "I",
  "\u00cd": "I",
  "\u00ce": "I",
  "\u00d2": "O",
  "\u00d3": "O",
  "\u00d4": "O",
  "\u00d5": "O",
  "\u00d9": "U",
  "\u00da": "U",
  "\u00db": "U",
  "\u00e1": "a",
  "\u00e2": "a",
  "\u00e3": "a",
  "\u00e7": "\u00c7",
  "\u00ea": "e",
  "\u00ed": "i",
  "\u00ee": "i",
  "\u00f3": "o",
  "\u00f4": "o",
  "\u00f5": "o",
  "\u00fa": "u",
  "\u00fb": "u"
 }
};
/* END GENERATED DATA */

  var ENCODINGS = DATA.encodings;

  // ---------------------------------------------------------------- charsets

  function buildCharset(name) {
    var spec = DATA.charsets[name];
    var cost = new Map();
    var shift = Array.from(spec.shift);
    var locking = Array.from(spec.locking);
    var i;
    for (i = 0; i < shift.length; i++) cost.set(shift[i], 2);
    // A character present in both tables is sent from the locking table: one septet.
    for (i = 0; i < locking.length; i++) cost.set(locking[i], 1);
    var national = (spec.tables[0] !== 0 ? 1 : 0) + (spec.tables[1] !== 0 ? 1 : 0);
    return { name: name, cost: cost, tables: spec.tables.slice(), national: national };
  }

  var CHARSETS = {};
  Object.keys(DATA.charsets).forEach(function (name) {
    CHARSETS[name] = buildCharset(name);
  });

  function charsetsFor(encoding, profile) {
    var names =
      encoding === "gsm-pt" && profile.cheapest_tables
        ? DATA.cheapest_pt
        : DATA.septet_charsets[encoding];
    return names.map(function (name) {
      return CHARSETS[name];
    });
  }

  function isSurrogate(ch) {
    var code = ch.charCodeAt(0);
    return ch.length === 1 && code >= 0xd800 && code <= 0xdfff;
  }

  function represents(encoding, ch, profile) {
    if (encoding === "utf-16") return !isSurrogate(ch);
    var group = charsetsFor(encoding, profile);
    for (var i = 0; i < group.length; i++) {
      if (group[i].cost.has(ch)) return true;
    }
    return false;
  }

  // ------------------------------------------------------- grapheme clusters
  // The same data and rules as the Python `regex` module's \X, which nrscompose.splitting
  // uses: UAX #29 extended grapheme clusters, with GB9c applied as `regex` applies it (a
  // linker joins the next consonant without a consonant before it). Not Intl.Segmenter:
  // browsers ship different Unicode versions; see docs/counter.md.

  var GCB_CR = 1, GCB_LF = 2, GCB_CONTROL = 3, GCB_EXTEND = 4, GCB_ZWJ = 5, GCB_RI = 6;
  var GCB_PREPEND = 7, GCB_SPACING_MARK = 8, GCB_L = 9, GCB_V = 10, GCB_T = 11;
  var GCB_LV = 12, GCB_LVT = 13;
  var INCB_CONSONANT = 1, INCB_EXTEND = 2, INCB_LINKER = 3;

  var RUN_STARTS, RUN_VALUES;
  (function decodeRuns() {
    var runs = DATA.graphemes.split(";");
    RUN_STARTS = new Uint32Array(runs.length);
    RUN_VALUES = new Uint8Array(runs.length);
    var start = 0;
    for (var i = 0; i < runs.length; i++) {
      var pair = runs[i].split(",");
      start += parseInt(pair[0], 16);
      RUN_STARTS[i] = start;
      RUN_VALUES[i] = parseInt(pair[1], 16);
    }
  })();

  function properties(cp) {
    var lo = 0, hi = RUN_STARTS.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (RUN_STARTS[mid] <= cp) lo = mid;
      else hi = mid - 1;
    }
    return RUN_VALUES[lo];
  }

  function gcb(cp) {
    var value = properties(cp) & 15;
    if (value === GCB_LVT && cp >= 0xac00 && cp <= 0xd7a3 && (cp - 0xac00) % 28 === 0) {
      return GCB_LV;
    }
    return value;
  }

  function incb(cp) {
    return (properties(cp) >> 4) & 3;
  }

  function extPict(cp) {
    return (properties(cp) & 64) !== 0;
  }

  // Whether there is a grapheme cluster boundary before codes[i] (0 < i < codes.length).
  function isBoundary(codes, i) {
    var before = gcb(codes[i - 1]);
    var after = gcb(codes[i]);
    var j;
    if (before === GCB_CR && after === GCB_LF) return false; // GB3
    if (before === GCB_CR || before === GCB_LF || before === GCB_CONTROL) return true; // GB4
    if (after === GCB_CR || after === GCB_LF || after === GCB_CONTROL) return true; // GB5
    if (before === GCB_L && (after === GCB_L || after === GCB_V || after === GCB_LV ||
        after === GCB_LVT)) return false; // GB6
    if ((before === GCB_LV || before === GCB_V) && (after === GCB_V || after === GCB_T)) {
      return false; // GB7
    }
    if ((before === GCB_LVT || before === GCB_T) && after === GCB_T) return false; // GB8
    if (after === GCB_EXTEND || after === GCB_ZWJ) return false; // GB9
    if (after === GCB_SPACING_MARK) return false; // GB9a
    if (before === GCB_PREPEND) return false; // GB9b
    if (incb(codes[i]) === INCB_CONSONANT) { // GB9c, as the regex module applies it
      var linker = false;
      for (j = i - 1; j >= 0; j--) {
        var kind = incb(codes[j]);
        if (kind === INCB_LINKER) linker = true;
        else if (kind !== INCB_EXTEND) break;
      }
      if (linker) return false;
    }
    if (before === GCB_ZWJ && extPict(codes[i])) { // GB11
      for (j = i - 2; j >= 0 && gcb(codes[j]) === GCB_EXTEND; j--);
      if (j >= 0 && extPict(codes[j])) return false;
    }
    if (before === GCB_RI && after === GCB_RI) { // GB12, GB13
      var count = 0;
      for (j = i - 1; j >= 0 && gcb(codes[j]) === GCB_RI; j--) count++;
      if (count % 2 === 1) return false;
    }
    return true; // GB999
  }

  function codePoints(chars) {
    return chars.map(function (ch) {
      return ch.codePointAt(0);
    });
  }

  // The last cluster boundary in (start, end], or end when one cluster spans the whole range.
  function clusterBoundary(codes, start, end) {
    if (end >= codes.length) return end;
    for (var cut = end; cut > start; cut--) {
      if (isBoundary(codes, cut)) return cut;
    }
    return end;
  }

  function graphemeBoundaries(text) {
    var codes = codePoints(Array.from(text));
    var bounds = [];
    for (var i = 1; i < codes.length; i++) {
      if (isBoundary(codes, i)) bounds.push(i);
    }
    if (codes.length) bounds.push(codes.length);
    return bounds;
  }

  // ------------------------------------------------------------------ parts

  function bisectRight(prefix, value, lo) {
    var hi = prefix.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (value < prefix[mid]) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  // Mirrors nrscompose.splitting.plan_parts: greedy cuts that never split an escape pair or a
  // surrogate pair (costs are per code point) nor, when `clusters`, a grapheme cluster.
  function planParts(chars, costs, units, limits, clusters) {
    var length = chars.length;
    if (!length) return { bounds: [0], last: 0 };
    if (units <= limits.single) return { bounds: [0, length], last: units };
    var prefix = null;
    if (costs) {
      prefix = new Array(length + 1);
      prefix[0] = 0;
      for (var i = 0; i < length; i++) prefix[i + 1] = prefix[i] + costs[i];
    }
    var codes = clusters ? codePoints(chars) : null;
    var size = limits.concatenated;
    var bounds = [0];
    var start = 0, used = 0;
    while (units - used > size) {
      var end = prefix ? bisectRight(prefix, used + size, start) - 1 : start + size;
      end = Math.max(end, start + 1); // a part holds at least one code point
      if (clusters) end = clusterBoundary(codes, start, end);
      bounds.push(end);
      start = end;
      used = prefix ? prefix[end] : end;
    }
    bounds.push(length);
    return { bounds: bounds, last: units - used };
  }

  function limitsOf(profile, encoding, national) {
    var pair = profile.limits[encoding][national];
    return { single: pair[0], concatenated: pair[1] };
  }

  // Mirrors nrscompose.analysis._count: null when the charset cannot carry the text.
  function count(chars, text, encoding, profile, charset) {
    var length = chars.length;
    var units = 0, i, costs = null;
    if (charset) {
      var cost = charset.cost;
      for (i = 0; i < length; i++) {
        var c = cost.get(chars[i]);
        if (c === undefined) return null;
        units += c;
      }
      if (profile.flat) units = length;
    } else {
      for (i = 0; i < length; i++) {
        if (isSurrogate(chars[i])) return null;
        units += chars[i].length;
      }
      if (profile.flat) units = length;
    }
    var limits = limitsOf(profile, encoding, charset ? charset.national : 0);
    var crlf = text.indexOf("\r\n") >= 0;
    var plan;
    if (units <= limits.single) {
      plan = { bounds: length ? [0, length] : [0], last: units };
    } else {
      if (units !== length) {
        costs = new Array(length);
        for (i = 0; i < length; i++) {
          costs[i] = charset ? charset.cost.get(chars[i]) : chars[i].length;
        }
      }
      // The septet tables hold no combining or joining characters: only CRLF is a cluster.
      plan = planParts(chars, costs, units, limits, charset ? crlf : true);
    }
    return {
      encoding: encoding,
      units: units,
      parts: plan.bounds.length - 1,
      last: plan.last,
      bounds: plan.bounds,
      limits: limits,
      charset: charset,
    };
  }

  function roomLeft(counted) {
    var perPart = counted.parts <= 1 ? counted.limits.single : counted.limits.concatenated;
    return perPart - counted.last;
  }

  // The table pair a handset picks: fewest parts, then most septets left (as analyze).
  function countEncoding(chars, text, encoding, profile) {
    if (encoding === "utf-16") return count(chars, text, encoding, profile, null);
    var best = null;
    var group = charsetsFor(encoding, profile);
    for (var i = 0; i < group.length; i++) {
      var counted = count(chars, text, encoding, profile, group[i]);
      if (counted && (!best || counted.parts < best.parts ||
          (counted.parts === best.parts && roomLeft(counted) > roomLeft(best)))) {
        best = counted;
      }
    }
    return best;
  }

  // ----------------------------------------------------------------- errors

  function CounterError(problems) {
    var error = new Error(problems.map(function (p) {
      return (p.code != null ? "[" + p.code + "] " : "") + p.field + ": " + p.message;
    }).join("; "));
    Object.setPrototypeOf(error, CounterError.prototype);
    error.name = "CounterError";
    error.problems = problems;
    return error;
  }
  CounterError.prototype = Object.create(Error.prototype);
  CounterError.prototype.constructor = CounterError;

  function problem(field, message, code, start) {
    return {
      field: field,
      message: message,
      code: code == null ? null : code,
      start: start == null ? null : start,
      end: start == null ? null : start + 1,
    };
  }

  function describe(ch) {
    var cp = ch.codePointAt(0);
    return "U+" + ("000" + cp.toString(16).toUpperCase()).slice(-Math.max(4, cp.toString(16).length));
  }

  function unrepresentable(chars, toInput, encoding, profile) {
    var problems = [];
    for (var i = 0; i < chars.length && problems.length < 50; i++) {
      if (!represents(encoding, chars[i], profile)) {
        problems.push(problem("message", describe(chars[i]) + " at " + toInput[i] +
          " cannot be sent as " + encoding, null, toInput[i]));
      }
    }
    if (!problems.length) problems.push(problem("message", "the text cannot be sent as " + encoding));
    return new CounterError(problems);
  }

  function checkCandidates(candidates) {
    if (candidates == null) return ENCODINGS.slice();
    if (typeof candidates === "string") candidates = [candidates];
    var chosen = [];
    for (var i = 0; i < candidates.length; i++) {
      if (ENCODINGS.indexOf(candidates[i]) < 0) {
        throw new CounterError([problem("encoding", "unknown encoding " +
          JSON.stringify(candidates[i]) + "; use one of " + ENCODINGS.join(", "), 113)]);
      }
      if (chosen.indexOf(candidates[i]) < 0) chosen.push(candidates[i]);
    }
    if (!chosen.length) {
      throw new CounterError([problem("encoding", "no candidate encoding given", 113)]);
    }
    return chosen;
  }

  // --------------------------------------------------------------- analyze

  var TRANS = new Map(Object.keys(DATA.trans).map(function (k) {
    return [k, DATA.trans[k]];
  }));

  // What an HTML form submits for a textarea: every CR, LF and CRLF becomes CRLF.
  function normalizeNewlines(text) {
    return text.replace(/\r\n|\r|\n/g, "\r\n");
  }

  function transliterate(text) {
    return Array.from(text).map(function (ch) {
      var replaced = TRANS.get(ch);
      return replaced === undefined ? ch : replaced;
    }).join("");
  }

  // The counted characters and, for each, its code-point index in the caller's text.
  function prepare(text, newlines, trans) {
    var input = Array.from(text);
    var chars = [], toInput = [];
    for (var i = 0; i < input.length; i++) {
      var ch = input[i];
      if (newlines === "crlf" && (ch === "\r" || ch === "\n")) {
        chars.push("\r", "\n");
        toInput.push(i, i);
        if (ch === "\r" && input[i + 1] === "\n") i++;
        continue;
      }
      if (trans) {
        var replaced = TRANS.get(ch);
        if (replaced === "") continue;
        if (replaced !== undefined) ch = replaced;
      }
      chars.push(ch);
      toInput.push(i);
    }
    return { chars: chars, toInput: toInput };
  }

  function analyze(text, options) {
    if (typeof text !== "string") throw new TypeError("text must be a string");
    options = options || {};
    var encoding = options.encoding == null ? "auto" : options.encoding;
    var profileName = options.profile == null ? "360nrs" : options.profile;
    var channel = options.channel == null ? "sms" : options.channel;
    var newlines = options.newlines == null ? "keep" : options.newlines;
    if (newlines !== "keep" && newlines !== "crlf") {
      throw new CounterError([problem("newlines", "newlines must be \"keep\" or \"crlf\"")]);
    }
    var profile = Object.prototype.hasOwnProperty.call(DATA.profiles, profileName)
      ? DATA.profiles[profileName] : null;
    if (!profile) {
      throw new CounterError([problem("profile", "unknown profile " +
        JSON.stringify(profileName) + "; known profiles: " + Object.keys(DATA.profiles).join(", "))]);
    }
    var prepared = prepare(text, newlines, !!options.trans);
    var chars = prepared.chars, toInput = prepared.toInput;
    var counted = chars.join("");
    var result = null, cheaper = [], i;
    if (ENCODINGS.indexOf(encoding) >= 0) {
      result = countEncoding(chars, counted, encoding, profile);
      if (!result) throw unrepresentable(chars, toInput, encoding, profile);
      cheaper = ENCODINGS.slice(0, ENCODINGS.indexOf(result.encoding));
    } else if (encoding === "auto" || encoding === "cheapest") {
      var order = checkCandidates(options.candidates);
      for (i = 0; i < order.length; i++) {
        var candidate = countEncoding(chars, counted, order[i], profile);
        if (!candidate) {
          cheaper.push(order[i]);
          continue;
        }
        if (encoding === "auto") {
          result = candidate;
          break;
        }
        if (!result || candidate.parts < result.parts) result = candidate;
      }
      if (!result) {
        if (chars.some(isSurrogate)) {
          var lone = [];
          chars.forEach(function (ch, index) {
            if (isSurrogate(ch)) {
              lone.push(problem("message", "lone surrogate " + describe(ch) + " at " +
                toInput[index] + " is not a character", null, toInput[index]));
            }
          });
          throw new CounterError(lone);
        }
        throw unrepresentable(chars, toInput, order[order.length - 1], profile);
      }
    } else {
      throw new CounterError([problem("encoding", "unknown encoding " + JSON.stringify(encoding) +
        "; use auto, cheapest, " + ENCODINGS.join(", "), 113)]);
    }

    var offending = [];
    if (cheaper.length) {
      for (i = 0; i < chars.length; i++) {
        var excluded = [];
        for (var k = 0; k < cheaper.length; k++) {
          if (!represents(cheaper[k], chars[i], profile)) excluded.push(cheaper[k]);
        }
        if (excluded.length) {
          offending.push({
            index: toInput[i],
            char: chars[i],
            excluded_from: excluded,
            reason: excluded.map(function (e) { return DATA.not_in[e]; }).join("; "),
          });
        }
      }
    }
    var perPart = result.parts <= 1 ? result.limits.single : result.limits.concatenated;
    var maxParts = Object.prototype.hasOwnProperty.call(profile.max_parts, channel)
      ? profile.max_parts[channel] : profile.max_parts.sms;
    return {
      text: counted,
      profile: profileName,
      newlines: newlines,
      encoding: result.encoding,
      parts: result.parts,
      units: result.units,
      last_part_units: result.last,
      per_part: perPart,
      remaining: perPart - result.last,
      limits: result.limits,
      max_parts: maxParts,
      exceeds_cap: result.parts > maxParts,
      tables: result.charset ? result.charset.tables.slice() : [0, 0],
      offending: offending,
      part_bounds: result.bounds,
    };
  }

  // UTF-16 offsets of each code-point index of `text` (length n + 1), for DOM selection APIs.
  function utf16Offsets(text) {
    var offsets = [0];
    var chars = Array.from(text);
    for (var i = 0; i < chars.length; i++) offsets.push(offsets[i] + chars[i].length);
    return offsets;
  }

  // Re-count `element.value` on every input event; returns a function that stops watching.
  function watch(element, options, onUpdate) {
    function update() {
      var outcome;
      try {
        outcome = { result: analyze(element.value, options), error: null };
      } catch (error) {
        if (!(error instanceof CounterError)) throw error;
        outcome = { result: null, error: error };
      }
      onUpdate(outcome.result, outcome.error);
    }
    element.addEventListener("input", update);
    update();
    return function () {
      element.removeEventListener("input", update);
    };
  }

  // Attach a counter to every <textarea data-nrs-counter> under `scope` (default: the page),
  // reading its options from data-nrs-* attributes (what the Django widget renders) and writing
  // "encoding · parts · left" into <output data-nrs-counter-for="ID"> (created if absent).
  // Runs by itself once the page has loaded; call it again for textareas added later.
  function attach(scope) {
    var doc = (scope && scope.ownerDocument) || (typeof document !== "undefined" ? document : null);
    if (!doc) return 0;
    var areas = (scope || doc).querySelectorAll("textarea[data-nrs-counter]");
    var attached = 0;
    for (var i = 0; i < areas.length; i++) {
      var area = areas[i];
      if (area.getAttribute("data-nrs-attached")) continue;
      area.setAttribute("data-nrs-attached", "1");
      watch(area, optionsOf(area), showIn(outputFor(doc, area), area));
      attached++;
    }
    return attached;
  }

  function optionsOf(area) {
    return {
      channel: area.getAttribute("data-nrs-channel") || "sms",
      trans: area.getAttribute("data-nrs-trans") === "1",
      profile: area.getAttribute("data-nrs-profile") || "360nrs",
      newlines: area.getAttribute("data-nrs-newlines") || "crlf",
    };
  }

  function outputFor(doc, area) {
    var found = area.id && doc.querySelector('output[data-nrs-counter-for="' + area.id + '"]');
    if (found) return found;
    var output = doc.createElement("output");
    output.className = "nrs-counter";
    output.setAttribute("aria-live", "polite");
    area.insertAdjacentElement("afterend", output);
    return output;
  }

  function showIn(output, area) {
    var maxParts = parseInt(area.getAttribute("data-nrs-max-parts") || "0", 10);
    return function (result, error) {
      if (error) {
        output.textContent = error.problems[0].message;
        output.setAttribute("data-nrs-state", "error");
        return;
      }
      var parts = result.parts === 1 ? "1 part" : result.parts + " parts";
      output.textContent = result.encoding + " · " + parts + " · " + result.remaining + " left";
      var over = maxParts > 0 && result.parts > maxParts;
      output.setAttribute("data-nrs-state", over ? "over" : "ok");
    };
  }

  if (typeof document !== "undefined" && document.addEventListener) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", function () { attach(); });
    } else {
      attach();
    }
  }

  return {
    analyze: analyze,
    attach: attach,
    normalizeNewlines: normalizeNewlines,
    transliterate: transliterate,
    graphemeBoundaries: graphemeBoundaries,
    utf16Offsets: utf16Offsets,
    watch: watch,
    CounterError: CounterError,
    profiles: Object.keys(DATA.profiles),
    encodings: ENCODINGS.slice(),
  };
});
