/*
 * nrscompose live counter: counts an SMS text in the browser exactly as the Python
 * nrscompose.analyze() does — encoding, parts, units, remaining, offending characters,
 * part bounds — for the built-in profiles, without a request per keystroke.
 *
 * A classic script with no dependencies. <script src=".../nrscompose-counter.js"> defines
 * window.NrsCounter; under CommonJS (Node) require() returns the same object. It is also the
 * npm package nrscompose-counter (js/ in the repository), whose index.mjs is the ES module.
 *
 *   var result = NrsCounter.analyze(textarea.value, {
 *     encoding: "auto", candidates: null, trans: false, profile: "360nrs", channel: "sms",
 *     newlines: "crlf"   // count each line break as CRLF, as the submitted form will send it
 *   });
 *   result.encoding, result.parts, result.units, result.perPart, result.remaining,
 *   result.offending  // [{index, char, excludedFrom, reason}], index into the text given;
 *                     // computed on first access
 *   result.partBounds  // [0, cut1, ..., n] in result.text (the counted text)
 *   NrsCounter.split(text, options), NrsCounter.suggest(text, options)  // as in Python
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
 "suggestions": [
  [
   " ",
   "compatibility form",
   "a0,1f60+a,25,30,fa1"
  ],
  [
   "a",
   "compatibility form",
   "aa,1c99,34d,440,da71,d4d9,34,34,34,34,34,34,34,34,34,34,34,34"
  ],
  [
   "\"",
   "quotation mark",
   "ab,10,1f61+1,2"
  ],
  [
   "",
   "invisible format character",
   "ad,553+5,17,c1,32,181+1,51,f2c,7fd+4,1b+4,32+4,2+9,de90,fa+2,10c2,10,2363+8,8868+3,14d0+7,c2e87,1f+5f"
  ],
  [
   "2",
   "compatibility form",
   "b2,1fd0,3df,dab1,d8be,a,a,a,a,23fa"
  ],
  [
   "3",
   "compatibility form",
   "b3,1fd0,3df,dab1,d8be,a,a,a,a,23fa"
  ],
  [
   "1",
   "compatibility form",
   "b9,1fc8,3df,dab1,d8be,a,a,a,a,23fa"
  ],
  [
   "o",
   "compatibility form",
   "ba,1c98,340,a2,3aa,da71,d4d9,34,34,68,34,34,34,34,34,34,34,34"
  ],
  [
   "\u00e0",
   "letter case",
   "c0"
  ],
  [
   "A",
   "accent removed",
   "c1+2,3d,2,2,c9,11,2,1a,6,2,24,1bda,a0,2,2,2,2,2,2,2,2,2,2,2"
  ],
  [
   "\u00e8",
   "letter case",
   "c8"
  ],
  [
   "E",
   "accent removed",
   "ca+1,47,2,2,2,2,ea,2,22,1bec,2,2,2,2,9c,2,2,2,2,2,2,2"
  ],
  [
   "\u00ec",
   "letter case",
   "cc"
  ],
  [
   "I",
   "accent removed",
   "cd+2,59,2,2,2,2,9f,39,2,1c22,2,9a,2"
  ],
  [
   "\u00f2",
   "letter case",
   "d2"
  ],
  [
   "O",
   "accent removed",
   "d3+2,77,2,2,50,31,19,2,20,2,1c,2,2,2,1c1c,2,2,2,7a,2,2,2,2,2,2,2,2,2,2,2"
  ],
  [
   "\u00f9",
   "letter case",
   "d9"
  ],
  [
   "U",
   "accent removed",
   "da+1,8d,2,2,2,2,2,3d,24,2,2,2,2,39,2,1c5c,2,2,2,2,6a,2,2,2,2,2,2"
  ],
  [
   "Y",
   "accent removed",
   "dd,99,2,ba,1c5c,64,2,2,2"
  ],
  [
   "a",
   "accent removed",
   "e1+2,1e,2,2,c9,11,2,1a,6,2,24,1bda,a0,2,2,2,2,2,2,2,2,2,2,2"
  ],
  [
   "\u00c7",
   "letter case",
   "e7"
  ],
  [
   "e",
   "accent removed",
   "ea+1,28,2,2,2,2,ea,2,22,1bec,2,2,2,2,9c,2,2,2,2,2,2,2"
  ],
  [
   "i",
   "accent removed",
   "ed+2,3a,2,2,2,a1,39,2,1c22,2,9a,2"
  ],
  [
   "o",
   "accent removed",
   "f3+2,58,2,2,50,31,19,2,20,2,1c,2,2,2,1c1c,2,2,2,7a,2,2,2,2,2,2,2,2,2,2,2"
  ],
  [
   "u",
   "accent removed",
   "fa+1,6e,2,2,2,2,2,3d,24,2,2,2,2,39,2,1c5c,2,2,2,2,6a,2,2,2,2,2,2"
  ],
  [
   "y",
   "accent removed",
   "fd,2,78,bc,1c5c,a,5a,2,2,2"
  ],
  [
   "C",
   "accent removed",
   "106,2,2,2,1cfc"
  ],
  [
   "c",
   "accent removed",
   "107,2,2,2,1cfc"
  ],
  [
   "D",
   "accent removed",
   "10e,1cfc,2,2,2,2"
  ],
  [
   "d",
   "accent removed",
   "10f,1cfc,2,2,2,2"
  ],
  [
   "G",
   "accent removed",
   "11c,2,2,2,c4,e,1c2c"
  ],
  [
   "g",
   "accent removed",
   "11d,2,2,2,c4,e,1c2c"
  ],
  [
   "H",
   "accent removed",
   "124,fa,1c04,2,2,2,2"
  ],
  [
   "h",
   "accent removed",
   "125,fa,1c04,2,2,2,2,6b"
  ],
  [
   "I",
   "letter case",
   "131"
  ],
  [
   "IJ",
   "compatibility form",
   "132"
  ],
  [
   "ij",
   "compatibility form",
   "133"
  ],
  [
   "J",
   "accent removed",
   "134"
  ],
  [
   "j",
   "accent removed",
   "135,bb"
  ],
  [
   "K",
   "accent removed",
   "136,b2,1c48,2,2"
  ],
  [
   "k",
   "accent removed",
   "137,b2,1c48,2,2"
  ],
  [
   "L",
   "accent removed",
   "139,2,2,1cf9,2,2,2"
  ],
  [
   "l",
   "accent removed",
   "13a,2,2,1cf9,2,2,2"
  ],
  [
   "N",
   "accent removed",
   "143,2,2,b1,1c4c,2,2,2"
  ],
  [
   "n",
   "accent removed",
   "144,2,2,b1,1c4c,2,2,2"
  ],
  [
   "R",
   "accent removed",
   "154,2,2,b8,2,1c46,2,2,2"
  ],
  [
   "r",
   "accent removed",
   "155,2,2,b8,2,1c46,2,2,2"
  ],
  [
   "S",
   "accent removed",
   "15a,2,2,2,b8,1c48,2,2,2,2"
  ],
  [
   "s",
   "accent removed",
   "15b,2,2,2,b8,1c48,2,2,2,2"
  ],
  [
   "T",
   "accent removed",
   "162,2,b6,1c50,2,2,2"
  ],
  [
   "t",
   "accent removed",
   "163,2,b6,1c50,2,2,2,26"
  ],
  [
   "W",
   "accent removed",
   "174,1d0c,2,2,2,2"
  ],
  [
   "w",
   "accent removed",
   "175,1d0c,2,2,2,2,f"
  ],
  [
   "Z",
   "accent removed",
   "179,2,2,1d13,2,2"
  ],
  [
   "z",
   "accent removed",
   "17a,2,2,1d13,2,2"
  ],
  [
   "s",
   "compatibility form",
   "17f,163,1db9,447,da71,d4d9,34,34,34,34,34,34,34,34,34,34,34,34"
  ],
  [
   "LJ",
   "compatibility form",
   "1c7"
  ],
  [
   "Lj",
   "compatibility form",
   "1c8"
  ],
  [
   "lj",
   "compatibility form",
   "1c9"
  ],
  [
   "NJ",
   "compatibility form",
   "1ca"
  ],
  [
   "Nj",
   "compatibility form",
   "1cb"
  ],
  [
   "nj",
   "compatibility form",
   "1cc"
  ],
  [
   "\u00c6",
   "accent removed",
   "1e2,1a"
  ],
  [
   "\u00e6",
   "accent removed",
   "1e3,1a"
  ],
  [
   "DZ",
   "compatibility form",
   "1f1"
  ],
  [
   "Dz",
   "compatibility form",
   "1f2"
  ],
  [
   "dz",
   "compatibility form",
   "1f3"
  ],
  [
   "\u00d8",
   "accent removed",
   "1fe"
  ],
  [
   "\u00f8",
   "accent removed",
   "1ff"
  ],
  [
   "h",
   "compatibility form",
   "2b0,1de5,79,3c9,da71,d4d9,68,34,34,34,34,34,34,34,34,34,34"
  ],
  [
   "j",
   "compatibility form",
   "2b2,1e97,390,7a3,d2ce,d4d9,34,34,34,34,34,34,34,34,34,34,34,34"
  ],
  [
   "r",
   "compatibility form",
   "2b3,1ab0,77e,da71,d4d9,34,34,34,34,34,34,34,34,34,34,34,34"
  ],
  [
   "w",
   "compatibility form",
   "2b7,222f,da71,d4d9,34,34,34,34,34,34,34,34,34,34,34,34"
  ],
  [
   "y",
   "compatibility form",
   "2b8,2230,da71,d4d9,34,34,34,34,34,34,34,34,34,34,34,34"
  ],
  [
   "l",
   "compatibility form",
   "2e1,1db6,7c,69,35f,da71,d4d9,34,34,34,34,34,34,34,34,34,34,34,34"
  ],
  [
   "x",
   "compatibility form",
   "2e3,1db0,e6,36e,da71,d4d9,34,34,34,34,34,34,34,34,34,34,34,34"
  ],
  [
   ";",
   "compatibility form",
   "37e,fa96,40,c7"
  ],
  [
   "\u03a9",
   "accent removed",
   "38f,1bd9+7,39+7,4b+2"
  ],
  [
   "\u0393",
   "letter case",
   "3b3"
  ],
  [
   "\u0394",
   "letter case",
   "3b4"
  ],
  [
   "\u0398",
   "letter case",
   "3b8,19"
  ],
  [
   "\u039b",
   "letter case",
   "3bb"
  ],
  [
   "\u039e",
   "letter case",
   "3be"
  ],
  [
   "\u03a0",
   "letter case",
   "3c0,16"
  ],
  [
   "\u03a3",
   "letter case",
   "3c2+1"
  ],
  [
   "\u03a6",
   "letter case",
   "3c6,f"
  ],
  [
   "\u03a8",
   "letter case",
   "3c8"
  ],
  [
   "\u03a9",
   "letter case",
   "3c9"
  ],
  [
   "\u0398",
   "compatibility form",
   "3f4,1d2bb,a,30,a,30,a,30,a,30,a"
  ],
  [
   "\u03a3",
   "compatibility form",
   "3f9,1d2c1,3a,3a,3a,3a"
  ],
  [
   "-",
   "dash",
   "58a,34,e42,406,80a+5,e02,3,20+1,5,1d,1bf,14,70,cd91+1,26,1055"
  ],
  [
   " ",
   "space separator",
   "1680"
  ],
  [
   "A",
   "compatibility form",
   "1d2c,78a,da6b,d4df,34,34,34,34,34,34,34,34,34,34,34,34,1ac0"
  ],
  [
   "\u00c6",
   "compatibility form",
   "1d2d"
  ],
  [
   "B",
   "compatibility form",
   "1d2e,3fe,38b,da6b,d4df,34,34,68,34,34,34,34,34,34,34,34,1ac0"
  ],
  [
   "D",
   "compatibility form",
   "1d30,415,29,34b,da6b,d4df,34,34,34,34,34,34,34,34,34,34,34,34,1ac0"
  ],
  [
   "E",
   "compatibility form",
   "1d31,3ff,38a,da6b,d4df,34,34,68,34,34,34,34,34,34,34,34,1ac0"
  ],
  [
   "G",
   "compatibility form",
   "1d33,789,da6b,d4df,34,34,34,34,34,34,34,34,34,34,34,34,1ac0"
  ],
  [
   "H",
   "compatibility form",
   "1d34,3d7+2,3b0,da6b,d4df,34,34,68,9c,34,34,34,34,34,1ac0"
  ],
  [
   "I",
   "compatibility form",
   "1d35,3db+1,4f,35e,da6b,d4df,34,34,68,68,34,34,34,34,34,34,1ac0"
  ],
  [
   "J",
   "compatibility form",
   "1d36,789,da6b,d4df,34,34,34,34,34,34,34,34,34,34,34,34,1ac0"
  ],
  [
   "K",
   "compatibility form",
   "1d37,3f3,396,da6b,d4df,34,34,34,34,34,34,34,34,34,34,34,34,1ac0"
  ],
  [
   "L",
   "compatibility form",
   "1d38,3da,5a,355,da6b,d4df,34,34,68,34,34,34,34,34,34,34,34,1ac0"
  ],
  [
   "M",
   "compatibility form",
   "1d39,3fa,3c,353,da6b,d4df,34,34,68,34,34,34,34,34,34,34,34,1ac0"
  ],
  [
   "N",
   "compatibility form",
   "1d3a,3db,3ae,da6b,d4df,34,34,34,34,34,68,34,34,34,34,34,1ac0"
  ],
  [
   "O",
   "compatibility form",
   "1d3c,788,da6b,d4df,34,34,34,34,34,34,34,34,34,34,34,34,1ac0"
  ],
  [
   "P",
   "compatibility form",
   "1d3e,3db,3ac,da6b,d4df,34,34,34,34,34,68,34,34,34,34,34,1ac0"
  ],
  [
   "R",
   "compatibility form",
   "1d3f,3dc+2,3aa,da6b,d4df,34,34,68,9c,34,34,34,34,34,1aab,15"
  ],
  [
   "T",
   "compatibility form",
   "1d40,789,da6b,d4df,34,34,34,34,34,34,34,34,34,34,34,34,1ac0"
  ],
  [
   "U",
   "compatibility form",
   "1d41,789,da6b,d4df,34,34,34,34,34,34,34,34,34,34,34,34,1ac0"
  ],
  [
   "W",
   "compatibility form",
   "1d42,78a,da6b,d4df,34,34,34,34,34,34,34,34,34,34,34,34,1ac0"
  ],
  [
   "b",
   "compatibility form",
   "1d47,78a,da71,d4d9,34,34,34,34,34,34,34,34,34,34,34,34"
  ],
  [
   "d",
   "compatibility form",
   "1d48,3fe,38,355,da71,d4d9,34,34,34,34,34,34,34,34,34,34,34,34"
  ],
  [
   "e",
   "compatibility form",
   "1d49,348,9e,18,38d,da71,d4d9,34,34,68,34,34,34,34,34,34,34,34"
  ],
  [
   "g",
   "compatibility form",
   "1d4d,3bd,3cc,da71,d4d9,34,34,68,34,34,34,34,34,34,34,34"
  ],
  [
   "k",
   "compatibility form",
   "1d4f,347,444,da71,d4d9,34,34,34,34,34,34,34,34,34,34,34,34"
  ],
  [
   "m",
   "compatibility form",
   "1d50,348,e7,35d,da71,d4d9,34,34,34,34,34,34,34,34,34,34,34,34"
  ],
  [
   "p",
   "compatibility form",
   "1d56,344,445,da71,d4d9,34,34,34,34,34,34,34,34,34,34,34,34"
  ],
  [
   "t",
   "compatibility form",
   "1d57,345,447,da71,d4d9,34,34,34,34,34,34,34,34,34,34,34,34"
  ],
  [
   "u",
   "compatibility form",
   "1d58,c,780,da71,d4d9,34,34,34,34,34,34,34,34,34,34,34,34"
  ],
  [
   "v",
   "compatibility form",
   "1d5b,a,40f,371,da71,d4d9,34,34,34,34,34,34,34,34,34,34,34,34"
  ],
  [
   "i",
   "compatibility form",
   "1d62,30f,c8,f,28,368,da71,d4d9,34,34,34,34,34,34,34,34,34,34,34,34"
  ],
  [
   "c",
   "compatibility form",
   "1d9c,3e1,355,da71,d4d9,34,34,34,34,34,34,34,34,34,34,34,34"
  ],
  [
   "f",
   "compatibility form",
   "1da0,735,da71,d4d9,34,34,34,34,34,34,34,34,34,34,34,34"
  ],
  [
   "z",
   "compatibility form",
   "1dbb,72e,da71,d4d9,34,34,34,34,34,34,34,34,34,34,34,34"
  ],
  [
   "B",
   "accent removed",
   "1e02,2,2"
  ],
  [
   "b",
   "accent removed",
   "1e03,2,2"
  ],
  [
   "F",
   "accent removed",
   "1e1e"
  ],
  [
   "f",
   "accent removed",
   "1e1f"
  ],
  [
   "M",
   "accent removed",
   "1e3e,2,2"
  ],
  [
   "m",
   "accent removed",
   "1e3f,2,2"
  ],
  [
   "P",
   "accent removed",
   "1e54,2"
  ],
  [
   "p",
   "accent removed",
   "1e55,2"
  ],
  [
   "V",
   "accent removed",
   "1e7c,2"
  ],
  [
   "v",
   "accent removed",
   "1e7d,2"
  ],
  [
   "X",
   "accent removed",
   "1e8a,2"
  ],
  [
   "x",
   "accent removed",
   "1e8b,2"
  ],
  [
   "\u00df",
   "letter case",
   "1e9e"
  ],
  [
   "'",
   "quotation mark",
   "2018+1,2,1e+1,dc8+3,4+1,2+1,f+1,3+1"
  ],
  [
   ".",
   "compatibility form",
   "2024,de2e,bc"
  ],
  [
   "..",
   "compatibility form",
   "2025,de0b"
  ],
  [
   "...",
   "compatibility form",
   "2026,ddf3"
  ],
  [
   "!!",
   "compatibility form",
   "203c"
  ],
  [
   "??",
   "compatibility form",
   "2047"
  ],
  [
   "?!",
   "compatibility form",
   "2048"
  ],
  [
   "!?",
   "compatibility form",
   "2049"
  ],
  [
   "0",
   "compatibility form",
   "2070,10,46a,da26,d8be,a,a,a,a,23fa"
  ],
  [
   "4",
   "compatibility form",
   "2074,10,3df,dab1,d8be,a,a,a,a,23fa"
  ],
  [
   "5",
   "compatibility form",
   "2075,10,3df,dab1,d8be,a,a,a,a,23fa"
  ],
  [
   "6",
   "compatibility form",
   "2076,10,3df,dab1,d8be,a,a,a,a,23fa"
  ],
  [
   "7",
   "compatibility form",
   "2077,10,3df,dab1,d8be,a,a,a,a,23fa"
  ],
  [
   "8",
   "compatibility form",
   "2078,10,3df,dab1,d8be,a,a,a,a,23fa"
  ],
  [
   "9",
   "compatibility form",
   "2079,10,3df,dab1,d8be,a,a,a,a,23fa"
  ],
  [
   "+",
   "compatibility form",
   "207a,10,da9f,339,a9"
  ],
  [
   "=",
   "compatibility form",
   "207c,10,ddda,b7"
  ],
  [
   "(",
   "compatibility form",
   "207d,10,dda8,24,af"
  ],
  [
   ")",
   "compatibility form",
   "207e,10,dda8,24,af"
  ],
  [
   "n",
   "compatibility form",
   "207f,1a,444,da71,d4d9,34,34,34,34,34,34,34,34,34,34,34,34"
  ],
  [
   "Rs",
   "compatibility form",
   "20a8"
  ],
  [
   "a/c",
   "compatibility form",
   "2100"
  ],
  [
   "a/s",
   "compatibility form",
   "2101"
  ],
  [
   "C",
   "compatibility form",
   "2102,2b,40,34b,833a,5731,d4df,34,34,34,34,9c,34,34,34,34,34,1ab9,7"
  ],
  [
   "c/o",
   "compatibility form",
   "2105"
  ],
  [
   "c/u",
   "compatibility form",
   "2106"
  ],
  [
   "No",
   "compatibility form",
   "2116"
  ],
  [
   "Q",
   "compatibility form",
   "211a,3ac,832e,573d,d4df,34,34,34,34,34,68,34,34,34,34,34,1ac0"
  ],
  [
   "SM",
   "compatibility form",
   "2120"
  ],
  [
   "TEL",
   "compatibility form",
   "2121"
  ],
  [
   "TM",
   "compatibility form",
   "2122"
  ],
  [
   "Z",
   "compatibility form",
   "2124,4,3a7,da6b,d4df,34,34,34,34,9c,34,34,34,34,34,1ac0"
  ],
  [
   "\u03a9",
   "compatibility form",
   "2126,1b59a,3a,3a,3a,3a"
  ],
  [
   "\u00c5",
   "compatibility form",
   "212b"
  ],
  [
   "F",
   "compatibility form",
   "2131,38a,8338,5733,d4df,34,34,68,34,34,34,34,34,34,34,34,1ac0"
  ],
  [
   "FAX",
   "compatibility form",
   "213b"
  ],
  [
   "\u0393",
   "compatibility form",
   "213e,1b56c,3a,3a,3a,3a"
  ],
  [
   "\u03a0",
   "compatibility form",
   "213f,1b578,3a,3a,3a,3a"
  ],
  [
   "II",
   "compatibility form",
   "2161"
  ],
  [
   "III",
   "compatibility form",
   "2162"
  ],
  [
   "IV",
   "compatibility form",
   "2163"
  ],
  [
   "V",
   "compatibility form",
   "2164,367,7b2,d2b9,d4df,34,34,34,34,34,34,34,34,34,34,34,34,1ac0"
  ],
  [
   "VI",
   "compatibility form",
   "2165"
  ],
  [
   "VII",
   "compatibility form",
   "2166"
  ],
  [
   "VIII",
   "compatibility form",
   "2167"
  ],
  [
   "IX",
   "compatibility form",
   "2168"
  ],
  [
   "X",
   "compatibility form",
   "2169,364,da6b,d4df,34,34,34,34,34,34,34,34,34,34,34,34,1ac0"
  ],
  [
   "XI",
   "compatibility form",
   "216a"
  ],
  [
   "XII",
   "compatibility form",
   "216b"
  ],
  [
   "ii",
   "compatibility form",
   "2171"
  ],
  [
   "iii",
   "compatibility form",
   "2172"
  ],
  [
   "iv",
   "compatibility form",
   "2173"
  ],
  [
   "vi",
   "compatibility form",
   "2175"
  ],
  [
   "vii",
   "compatibility form",
   "2176"
  ],
  [
   "viii",
   "compatibility form",
   "2177"
  ],
  [
   "ix",
   "compatibility form",
   "2178"
  ],
  [
   "xi",
   "compatibility form",
   "217a"
  ],
  [
   "xii",
   "compatibility form",
   "217b"
  ],
  [
   "=",
   "accent removed",
   "2260"
  ],
  [
   "<",
   "accent removed",
   "226e"
  ],
  [
   ">",
   "accent removed",
   "226f"
  ],
  [
   "10",
   "compatibility form",
   "2469"
  ],
  [
   "11",
   "compatibility form",
   "246a"
  ],
  [
   "12",
   "compatibility form",
   "246b"
  ],
  [
   "13",
   "compatibility form",
   "246c"
  ],
  [
   "14",
   "compatibility form",
   "246d"
  ],
  [
   "15",
   "compatibility form",
   "246e"
  ],
  [
   "16",
   "compatibility form",
   "246f"
  ],
  [
   "17",
   "compatibility form",
   "2470"
  ],
  [
   "18",
   "compatibility form",
   "2471"
  ],
  [
   "19",
   "compatibility form",
   "2472"
  ],
  [
   "20",
   "compatibility form",
   "2473"
  ],
  [
   "(1)",
   "compatibility form",
   "2474"
  ],
  [
   "(2)",
   "compatibility form",
   "2475"
  ],
  [
   "(3)",
   "compatibility form",
   "2476"
  ],
  [
   "(4)",
   "compatibility form",
   "2477"
  ],
  [
   "(5)",
   "compatibility form",
   "2478"
  ],
  [
   "(6)",
   "compatibility form",
   "2479"
  ],
  [
   "(7)",
   "compatibility form",
   "247a"
  ],
  [
   "(8)",
   "compatibility form",
   "247b"
  ],
  [
   "(9)",
   "compatibility form",
   "247c"
  ],
  [
   "(10)",
   "compatibility form",
   "247d"
  ],
  [
   "(11)",
   "compatibility form",
   "247e"
  ],
  [
   "(12)",
   "compatibility form",
   "247f"
  ],
  [
   "(13)",
   "compatibility form",
   "2480"
  ],
  [
   "(14)",
   "compatibility form",
   "2481"
  ],
  [
   "(15)",
   "compatibility form",
   "2482"
  ],
  [
   "(16)",
   "compatibility form",
   "2483"
  ],
  [
   "(17)",
   "compatibility form",
   "2484"
  ],
  [
   "(18)",
   "compatibility form",
   "2485"
  ],
  [
   "(19)",
   "compatibility form",
   "2486"
  ],
  [
   "(20)",
   "compatibility form",
   "2487"
  ],
  [
   "1.",
   "compatibility form",
   "2488"
  ],
  [
   "2.",
   "compatibility form",
   "2489"
  ],
  [
   "3.",
   "compatibility form",
   "248a"
  ],
  [
   "4.",
   "compatibility form",
   "248b"
  ],
  [
   "5.",
   "compatibility form",
   "248c"
  ],
  [
   "6.",
   "compatibility form",
   "248d"
  ],
  [
   "7.",
   "compatibility form",
   "248e"
  ],
  [
   "8.",
   "compatibility form",
   "248f"
  ],
  [
   "9.",
   "compatibility form",
   "2490"
  ],
  [
   "10.",
   "compatibility form",
   "2491"
  ],
  [
   "11.",
   "compatibility form",
   "2492"
  ],
  [
   "12.",
   "compatibility form",
   "2493"
  ],
  [
   "13.",
   "compatibility form",
   "2494"
  ],
  [
   "14.",
   "compatibility form",
   "2495"
  ],
  [
   "15.",
   "compatibility form",
   "2496"
  ],
  [
   "16.",
   "compatibility form",
   "2497"
  ],
  [
   "17.",
   "compatibility form",
   "2498"
  ],
  [
   "18.",
   "compatibility form",
   "2499"
  ],
  [
   "19.",
   "compatibility form",
   "249a"
  ],
  [
   "20.",
   "compatibility form",
   "249b"
  ],
  [
   "(a)",
   "compatibility form",
   "249c"
  ],
  [
   "(b)",
   "compatibility form",
   "249d"
  ],
  [
   "(c)",
   "compatibility form",
   "249e"
  ],
  [
   "(d)",
   "compatibility form",
   "249f"
  ],
  [
   "(e)",
   "compatibility form",
   "24a0"
  ],
  [
   "(f)",
   "compatibility form",
   "24a1"
  ],
  [
   "(g)",
   "compatibility form",
   "24a2"
  ],
  [
   "(h)",
   "compatibility form",
   "24a3"
  ],
  [
   "(i)",
   "compatibility form",
   "24a4"
  ],
  [
   "(j)",
   "compatibility form",
   "24a5"
  ],
  [
   "(k)",
   "compatibility form",
   "24a6"
  ],
  [
   "(l)",
   "compatibility form",
   "24a7"
  ],
  [
   "(m)",
   "compatibility form",
   "24a8"
  ],
  [
   "(n)",
   "compatibility form",
   "24a9"
  ],
  [
   "(o)",
   "compatibility form",
   "24aa"
  ],
  [
   "(p)",
   "compatibility form",
   "24ab"
  ],
  [
   "(q)",
   "compatibility form",
   "24ac"
  ],
  [
   "(r)",
   "compatibility form",
   "24ad"
  ],
  [
   "(s)",
   "compatibility form",
   "24ae"
  ],
  [
   "(t)",
   "compatibility form",
   "24af"
  ],
  [
   "(u)",
   "compatibility form",
   "24b0"
  ],
  [
   "(v)",
   "compatibility form",
   "24b1"
  ],
  [
   "(w)",
   "compatibility form",
   "24b2"
  ],
  [
   "(x)",
   "compatibility form",
   "24b3"
  ],
  [
   "(y)",
   "compatibility form",
   "24b4"
  ],
  [
   "(z)",
   "compatibility form",
   "24b5"
  ],
  [
   "S",
   "compatibility form",
   "24c8,da6b,d4df,34,34,34,34,34,34,34,34,34,34,34,34,1ac0"
  ],
  [
   "Y",
   "compatibility form",
   "24ce,da6b,d4df,34,34,34,34,34,34,34,34,34,34,34,34,1ac0"
  ],
  [
   "q",
   "compatibility form",
   "24e0,da71,854,cc85,34,34,34,34,34,34,34,34,34,34,34,34"
  ],
  [
   "::=",
   "compatibility form",
   "2a74"
  ],
  [
   "==",
   "compatibility form",
   "2a75"
  ],
  [
   "===",
   "compatibility form",
   "2a76"
  ],
  [
   "PTE",
   "compatibility form",
   "3250"
  ],
  [
   "21",
   "compatibility form",
   "3251"
  ],
  [
   "22",
   "compatibility form",
   "3252"
  ],
  [
   "23",
   "compatibility form",
   "3253"
  ],
  [
   "24",
   "compatibility form",
   "3254"
  ],
  [
   "25",
   "compatibility form",
   "3255"
  ],
  [
   "26",
   "compatibility form",
   "3256"
  ],
  [
   "27",
   "compatibility form",
   "3257"
  ],
  [
   "28",
   "compatibility form",
   "3258"
  ],
  [
   "29",
   "compatibility form",
   "3259"
  ],
  [
   "30",
   "compatibility form",
   "325a"
  ],
  [
   "31",
   "compatibility form",
   "325b"
  ],
  [
   "32",
   "compatibility form",
   "325c"
  ],
  [
   "33",
   "compatibility form",
   "325d"
  ],
  [
   "34",
   "compatibility form",
   "325e"
  ],
  [
   "35",
   "compatibility form",
   "325f"
  ],
  [
   "36",
   "compatibility form",
   "32b1"
  ],
  [
   "37",
   "compatibility form",
   "32b2"
  ],
  [
   "38",
   "compatibility form",
   "32b3"
  ],
  [
   "39",
   "compatibility form",
   "32b4"
  ],
  [
   "40",
   "compatibility form",
   "32b5"
  ],
  [
   "41",
   "compatibility form",
   "32b6"
  ],
  [
   "42",
   "compatibility form",
   "32b7"
  ],
  [
   "43",
   "compatibility form",
   "32b8"
  ],
  [
   "44",
   "compatibility form",
   "32b9"
  ],
  [
   "45",
   "compatibility form",
   "32ba"
  ],
  [
   "46",
   "compatibility form",
   "32bb"
  ],
  [
   "47",
   "compatibility form",
   "32bc"
  ],
  [
   "48",
   "compatibility form",
   "32bd"
  ],
  [
   "49",
   "compatibility form",
   "32be"
  ],
  [
   "50",
   "compatibility form",
   "32bf"
  ],
  [
   "Hg",
   "compatibility form",
   "32cc"
  ],
  [
   "erg",
   "compatibility form",
   "32cd"
  ],
  [
   "eV",
   "compatibility form",
   "32ce"
  ],
  [
   "LTD",
   "compatibility form",
   "32cf"
  ],
  [
   "hPa",
   "compatibility form",
   "3371"
  ],
  [
   "da",
   "compatibility form",
   "3372"
  ],
  [
   "AU",
   "compatibility form",
   "3373"
  ],
  [
   "bar",
   "compatibility form",
   "3374"
  ],
  [
   "oV",
   "compatibility form",
   "3375"
  ],
  [
   "pc",
   "compatibility form",
   "3376"
  ],
  [
   "dm",
   "compatibility form",
   "3377"
  ],
  [
   "dm2",
   "compatibility form",
   "3378"
  ],
  [
   "dm3",
   "compatibility form",
   "3379"
  ],
  [
   "IU",
   "compatibility form",
   "337a"
  ],
  [
   "pA",
   "compatibility form",
   "3380"
  ],
  [
   "nA",
   "compatibility form",
   "3381"
  ],
  [
   "mA",
   "compatibility form",
   "3383"
  ],
  [
   "kA",
   "compatibility form",
   "3384"
  ],
  [
   "KB",
   "compatibility form",
   "3385"
  ],
  [
   "MB",
   "compatibility form",
   "3386"
  ],
  [
   "GB",
   "compatibility form",
   "3387"
  ],
  [
   "cal",
   "compatibility form",
   "3388"
  ],
  [
   "kcal",
   "compatibility form",
   "3389"
  ],
  [
   "pF",
   "compatibility form",
   "338a"
  ],
  [
   "nF",
   "compatibility form",
   "338b"
  ],
  [
   "mg",
   "compatibility form",
   "338e"
  ],
  [
   "kg",
   "compatibility form",
   "338f"
  ],
  [
   "Hz",
   "compatibility form",
   "3390"
  ],
  [
   "kHz",
   "compatibility form",
   "3391"
  ],
  [
   "MHz",
   "compatibility form",
   "3392"
  ],
  [
   "GHz",
   "compatibility form",
   "3393"
  ],
  [
   "THz",
   "compatibility form",
   "3394"
  ],
  [
   "ml",
   "compatibility form",
   "3396"
  ],
  [
   "dl",
   "compatibility form",
   "3397"
  ],
  [
   "kl",
   "compatibility form",
   "3398"
  ],
  [
   "fm",
   "compatibility form",
   "3399"
  ],
  [
   "nm",
   "compatibility form",
   "339a"
  ],
  [
   "mm",
   "compatibility form",
   "339c"
  ],
  [
   "cm",
   "compatibility form",
   "339d"
  ],
  [
   "km",
   "compatibility form",
   "339e"
  ],
  [
   "mm2",
   "compatibility form",
   "339f"
  ],
  [
   "cm2",
   "compatibility form",
   "33a0"
  ],
  [
   "m2",
   "compatibility form",
   "33a1"
  ],
  [
   "km2",
   "compatibility form",
   "33a2"
  ],
  [
   "mm3",
   "compatibility form",
   "33a3"
  ],
  [
   "cm3",
   "compatibility form",
   "33a4"
  ],
  [
   "m3",
   "compatibility form",
   "33a5"
  ],
  [
   "km3",
   "compatibility form",
   "33a6"
  ],
  [
   "Pa",
   "compatibility form",
   "33a9"
  ],
  [
   "kPa",
   "compatibility form",
   "33aa"
  ],
  [
   "MPa",
   "compatibility form",
   "33ab"
  ],
  [
   "GPa",
   "compatibility form",
   "33ac"
  ],
  [
   "rad",
   "compatibility form",
   "33ad"
  ],
  [
   "ps",
   "compatibility form",
   "33b0"
  ],
  [
   "ns",
   "compatibility form",
   "33b1"
  ],
  [
   "ms",
   "compatibility form",
   "33b3"
  ],
  [
   "pV",
   "compatibility form",
   "33b4"
  ],
  [
   "nV",
   "compatibility form",
   "33b5"
  ],
  [
   "mV",
   "compatibility form",
   "33b7"
  ],
  [
   "kV",
   "compatibility form",
   "33b8"
  ],
  [
   "MV",
   "compatibility form",
   "33b9,1bd92"
  ],
  [
   "pW",
   "compatibility form",
   "33ba"
  ],
  [
   "nW",
   "compatibility form",
   "33bb"
  ],
  [
   "mW",
   "compatibility form",
   "33bd"
  ],
  [
   "kW",
   "compatibility form",
   "33be"
  ],
  [
   "MW",
   "compatibility form",
   "33bf"
  ],
  [
   "k\u03a9",
   "compatibility form",
   "33c0"
  ],
  [
   "M\u03a9",
   "compatibility form",
   "33c1"
  ],
  [
   "a.m.",
   "compatibility form",
   "33c2"
  ],
  [
   "Bq",
   "compatibility form",
   "33c3"
  ],
  [
   "cc",
   "compatibility form",
   "33c4"
  ],
  [
   "cd",
   "compatibility form",
   "33c5"
  ],
  [
   "Co.",
   "compatibility form",
   "33c7"
  ],
  [
   "dB",
   "compatibility form",
   "33c8"
  ],
  [
   "Gy",
   "compatibility form",
   "33c9"
  ],
  [
   "ha",
   "compatibility form",
   "33ca"
  ],
  [
   "HP",
   "compatibility form",
   "33cb"
  ],
  [
   "in",
   "compatibility form",
   "33cc"
  ],
  [
   "KK",
   "compatibility form",
   "33cd"
  ],
  [
   "KM",
   "compatibility form",
   "33ce"
  ],
  [
   "kt",
   "compatibility form",
   "33cf"
  ],
  [
   "lm",
   "compatibility form",
   "33d0"
  ],
  [
   "ln",
   "compatibility form",
   "33d1"
  ],
  [
   "log",
   "compatibility form",
   "33d2"
  ],
  [
   "lx",
   "compatibility form",
   "33d3"
  ],
  [
   "mb",
   "compatibility form",
   "33d4"
  ],
  [
   "mil",
   "compatibility form",
   "33d5"
  ],
  [
   "mol",
   "compatibility form",
   "33d6"
  ],
  [
   "PH",
   "compatibility form",
   "33d7"
  ],
  [
   "p.m.",
   "compatibility form",
   "33d8"
  ],
  [
   "PPM",
   "compatibility form",
   "33d9"
  ],
  [
   "PR",
   "compatibility form",
   "33da"
  ],
  [
   "sr",
   "compatibility form",
   "33db"
  ],
  [
   "Sv",
   "compatibility form",
   "33dc"
  ],
  [
   "Wb",
   "compatibility form",
   "33dd"
  ],
  [
   "gal",
   "compatibility form",
   "33ff"
  ],
  [
   "ff",
   "compatibility form",
   "fb00"
  ],
  [
   "fi",
   "compatibility form",
   "fb01"
  ],
  [
   "fl",
   "compatibility form",
   "fb02"
  ],
  [
   "ffi",
   "compatibility form",
   "fb03"
  ],
  [
   "ffl",
   "compatibility form",
   "fb04"
  ],
  [
   "st",
   "compatibility form",
   "fb05+1"
  ],
  [
   ",",
   "compatibility form",
   "fe10,40,bc"
  ],
  [
   ":",
   "compatibility form",
   "fe13,42,c5"
  ],
  [
   "!",
   "compatibility form",
   "fe15,42,aa"
  ],
  [
   "?",
   "compatibility form",
   "fe16,40,c9"
  ],
  [
   "_",
   "compatibility form",
   "fe33+1,19+2,f0"
  ],
  [
   "{",
   "compatibility form",
   "fe37,24,100"
  ],
  [
   "}",
   "compatibility form",
   "fe38,24,101"
  ],
  [
   "[",
   "compatibility form",
   "fe47,f4"
  ],
  [
   "]",
   "compatibility form",
   "fe48,f5"
  ],
  [
   "#",
   "compatibility form",
   "fe5f,a4"
  ],
  [
   "&",
   "compatibility form",
   "fe60,a6"
  ],
  [
   "*",
   "compatibility form",
   "fe61,a9"
  ],
  [
   "-",
   "compatibility form",
   "fe63,aa"
  ],
  [
   "<",
   "compatibility form",
   "fe64,b8"
  ],
  [
   ">",
   "compatibility form",
   "fe65,b9"
  ],
  [
   "\\",
   "compatibility form",
   "fe68,d4"
  ],
  [
   "$",
   "compatibility form",
   "fe69,9b"
  ],
  [
   "%",
   "compatibility form",
   "fe6a,9b"
  ],
  [
   "@",
   "compatibility form",
   "fe6b,b5"
  ],
  [
   "\"",
   "compatibility form",
   "ff02"
  ],
  [
   "'",
   "compatibility form",
   "ff07"
  ],
  [
   "/",
   "compatibility form",
   "ff0f"
  ],
  [
   "^",
   "compatibility form",
   "ff3e"
  ],
  [
   "|",
   "compatibility form",
   "ff5c"
  ],
  [
   "~",
   "compatibility form",
   "ff5e"
  ],
  [
   "\u00a3",
   "compatibility form",
   "ffe1"
  ],
  [
   "\u00a5",
   "compatibility form",
   "ffe5"
  ],
  [
   "\u00e6",
   "compatibility form",
   "10783"
  ],
  [
   "\u00f8",
   "compatibility form",
   "107a2"
  ],
  [
   "\u0394",
   "compatibility form",
   "1d6ab,3a,3a,3a,3a"
  ],
  [
   "\u039b",
   "compatibility form",
   "1d6b2,3a,3a,3a,3a"
  ],
  [
   "\u039e",
   "compatibility form",
   "1d6b5,3a,3a,3a,3a"
  ],
  [
   "\u03a6",
   "compatibility form",
   "1d6bd,3a,3a,3a,3a"
  ],
  [
   "\u03a8",
   "compatibility form",
   "1d6bf,3a,3a,3a,3a"
  ],
  [
   "0.",
   "compatibility form",
   "1f100"
  ],
  [
   "0,",
   "compatibility form",
   "1f101"
  ],
  [
   "1,",
   "compatibility form",
   "1f102"
  ],
  [
   "2,",
   "compatibility form",
   "1f103"
  ],
  [
   "3,",
   "compatibility form",
   "1f104"
  ],
  [
   "4,",
   "compatibility form",
   "1f105"
  ],
  [
   "5,",
   "compatibility form",
   "1f106"
  ],
  [
   "6,",
   "compatibility form",
   "1f107"
  ],
  [
   "7,",
   "compatibility form",
   "1f108"
  ],
  [
   "8,",
   "compatibility form",
   "1f109"
  ],
  [
   "9,",
   "compatibility form",
   "1f10a"
  ],
  [
   "(A)",
   "compatibility form",
   "1f110"
  ],
  [
   "(B)",
   "compatibility form",
   "1f111"
  ],
  [
   "(C)",
   "compatibility form",
   "1f112"
  ],
  [
   "(D)",
   "compatibility form",
   "1f113"
  ],
  [
   "(E)",
   "compatibility form",
   "1f114"
  ],
  [
   "(F)",
   "compatibility form",
   "1f115"
  ],
  [
   "(G)",
   "compatibility form",
   "1f116"
  ],
  [
   "(H)",
   "compatibility form",
   "1f117"
  ],
  [
   "(I)",
   "compatibility form",
   "1f118"
  ],
  [
   "(J)",
   "compatibility form",
   "1f119"
  ],
  [
   "(K)",
   "compatibility form",
   "1f11a"
  ],
  [
   "(L)",
   "compatibility form",
   "1f11b"
  ],
  [
   "(M)",
   "compatibility form",
   "1f11c"
  ],
  [
   "(N)",
   "compatibility form",
   "1f11d"
  ],
  [
   "(O)",
   "compatibility form",
   "1f11e"
  ],
  [
   "(P)",
   "compatibility form",
   "1f11f"
  ],
  [
   "(Q)",
   "compatibility form",
   "1f120"
  ],
  [
   "(R)",
   "compatibility form",
   "1f121"
  ],
  [
   "(S)",
   "compatibility form",
   "1f122"
  ],
  [
   "(T)",
   "compatibility form",
   "1f123"
  ],
  [
   "(U)",
   "compatibility form",
   "1f124"
  ],
  [
   "(V)",
   "compatibility form",
   "1f125"
  ],
  [
   "(W)",
   "compatibility form",
   "1f126"
  ],
  [
   "(X)",
   "compatibility form",
   "1f127"
  ],
  [
   "(Y)",
   "compatibility form",
   "1f128"
  ],
  [
   "(Z)",
   "compatibility form",
   "1f129"
  ],
  [
   "CD",
   "compatibility form",
   "1f12d"
  ],
  [
   "WZ",
   "compatibility form",
   "1f12e"
  ],
  [
   "HV",
   "compatibility form",
   "1f14a"
  ],
  [
   "SD",
   "compatibility form",
   "1f14c"
  ],
  [
   "SS",
   "compatibility form",
   "1f14d"
  ],
  [
   "PPV",
   "compatibility form",
   "1f14e"
  ],
  [
   "WC",
   "compatibility form",
   "1f14f"
  ],
  [
   "MC",
   "compatibility form",
   "1f16a"
  ],
  [
   "MD",
   "compatibility form",
   "1f16b"
  ],
  [
   "MR",
   "compatibility form",
   "1f16c"
  ],
  [
   "DJ",
   "compatibility form",
   "1f190"
  ]
 ],
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
    // The same costs by UTF-16 code unit (0: absent), for counting without splitting the text
    // into code points: every septet character is in the BMP, no surrogate is in a table.
    var table = new Uint8Array(0x10000);
    var every = "", double = "";
    cost.forEach(function (units, ch) {
      table[ch.charCodeAt(0)] = units;
      every += classEscape(ch);
      if (units === 2) double += classEscape(ch);
    });
    return {
      name: name, cost: cost, table: table, tables: Object.freeze(spec.tables.slice()),
      national: national,
      // Native scans first: whether a character is outside the charset, whether there is a
      // two-septet character; the per-code-unit loop only runs when it has.
      outside: new RegExp("[^" + every + "]"),
      double: new RegExp("[" + double + "]"),
    };
  }

  function classEscape(ch) {
    return "\\u" + ("000" + ch.charCodeAt(0).toString(16)).slice(-4);
  }

  var CHARSETS = {};
  Object.keys(DATA.charsets).forEach(function (name) {
    CHARSETS[name] = buildCharset(name);
  });

  var GROUPS = {}; // "encoding/cheapest" -> the charsets tried, in order
  function charsetsFor(encoding, profile) {
    var key = encoding + (profile.cheapest_tables ? "/cheapest" : "");
    var group = GROUPS[key];
    if (!group) {
      var names =
        encoding === "gsm-pt" && profile.cheapest_tables
          ? DATA.cheapest_pt
          : DATA.septet_charsets[encoding];
      group = GROUPS[key] = names.map(function (name) {
        return CHARSETS[name];
      });
    }
    return group;
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

  // The code point at index i of `codes`: an array of code points, or a string without
  // surrogates (where code unit and code point indices agree: no array per count).
  function at(codes, i) {
    return typeof codes === "string" ? codes.charCodeAt(i) : codes[i];
  }

  // Whether there is a grapheme cluster boundary before code point i (0 < i < codes.length).
  function isBoundary(codes, i) {
    var before = gcb(at(codes, i - 1));
    var after = gcb(at(codes, i));
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
    if (incb(at(codes, i)) === INCB_CONSONANT) { // GB9c, as the regex module applies it
      var linker = false;
      for (j = i - 1; j >= 0; j--) {
        var kind = incb(at(codes, j));
        if (kind === INCB_LINKER) linker = true;
        else if (kind !== INCB_EXTEND) break;
      }
      if (linker) return false;
    }
    if (before === GCB_ZWJ && extPict(at(codes, i))) { // GB11
      for (j = i - 2; j >= 0 && gcb(at(codes, j)) === GCB_EXTEND; j--);
      if (j >= 0 && extPict(at(codes, j))) return false;
    }
    if (before === GCB_RI && after === GCB_RI) { // GB12, GB13
      var count = 0;
      for (j = i - 1; j >= 0 && gcb(at(codes, j)) === GCB_RI; j--) count++;
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
  function clusterBoundary(codes, start, end, length) {
    if (end >= length) return end;
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

  // The first index in prefix[lo, hi) whose value exceeds `value` (hi if none).
  function bisectRight(prefix, value, lo, hi) {
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (value < prefix[mid]) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  // Mirrors nrscompose.splitting.plan_parts: greedy cuts that never split an escape pair or a
  // surrogate pair (costs are per code point) nor, when `clusters`, a grapheme cluster.
  // `codes`: the text's code points; `prefix`: the units before each code point (null when
  // every code point costs one unit).
  function planParts(length, codes, prefix, units, limits, clusters) {
    if (!length) return { bounds: [0], last: 0 };
    if (units <= limits.single) return { bounds: [0, length], last: units };
    var size = limits.concatenated;
    var bounds = [0];
    var start = 0, used = 0;
    while (units - used > size) {
      var end = prefix ? bisectRight(prefix, used + size, start, length + 1) - 1 : start + size;
      end = Math.max(end, start + 1); // a part holds at least one code point
      if (clusters) end = clusterBoundary(codes, start, end, length);
      bounds.push(end);
      start = end;
      used = prefix ? prefix[end] : end;
    }
    bounds.push(length);
    return { bounds: bounds, last: units - used };
  }

  // One frozen {single, concatenated} per profile, encoding and number of national tables.
  function limitsOf(profile, encoding, national) {
    var cache = profile.limitsCache || (profile.limitsCache = {});
    var key = encoding + national;
    var limits = cache[key];
    if (!limits) {
      var pair = profile.limits[encoding][national];
      limits = cache[key] = Object.freeze({ single: pair[0], concatenated: pair[1] });
    }
    return limits;
  }

  // Mirrors nrscompose.analysis._count: null when the charset cannot carry the text. Scans
  // the string's UTF-16 code units (no array per keystroke); code points are only split out
  // for a text that needs cuts.
  var SURROGATE = /[\ud800-\udfff]/;

  // Two reusable buffers (code points, unit prefix sums) for planning cuts: a typed array
  // per keystroke costs more than the count itself. They never leave count().
  var SCRATCH = [new Int32Array(512), new Int32Array(512)];
  function scratch(which, size) {
    if (SCRATCH[which].length < size) SCRATCH[which] = new Int32Array(size * 2);
    return SCRATCH[which];
  }

  function count(text, encoding, profile, charset) {
    var n = text.length, units = n, length = n, i, c;
    if (charset) {
      var table = charset.table;
      for (units = 0, i = 0; i < n; i++) {
        c = table[text.charCodeAt(i)];
        if (c === 0) return null; // not in the charset (a surrogate never is)
        units += c;
      }
    } else if (SURROGATE.test(text)) { // a native scan; the loop only for astral characters
      for (i = 0; i < n; i++) {
        c = text.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdfff) {
          if (c > 0xdbff || i + 1 >= n) return null; // a lone low or trailing high surrogate
          c = text.charCodeAt(i + 1);
          if (c < 0xdc00 || c > 0xdfff) return null;
          i++;
          length--;
        }
      }
    }
    if (profile.flat) units = length;
    var limits = limitsOf(profile, encoding, charset ? charset.national : 0);
    var plan;
    if (units <= limits.single) {
      plan = { bounds: length ? [0, length] : [0], last: units };
    } else {
      var clusters = charset ? text.indexOf("\r\n") >= 0 : true;
      var codes = null, prefix = null;
      if (length === n) {
        codes = text;
      } else {
        codes = scratch(0, length);
        for (i = 0, c = 0; i < n; i++, c++) {
          var code = text.charCodeAt(i);
          codes[c] = code >= 0xd800 && code <= 0xdbff ? text.codePointAt(i++) : code;
        }
      }
      if (units !== length) {
        prefix = scratch(1, length + 1);
        prefix[0] = 0;
        for (i = 0; i < length; i++) {
          c = at(codes, i);
          prefix[i + 1] = prefix[i] + (charset ? charset.table[c] : c > 0xffff ? 2 : 1);
        }
      }
      // The septet tables hold no combining or joining characters: only CRLF is a cluster.
      plan = planParts(length, codes, prefix, units, limits, clusters);
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
  function countEncoding(text, encoding, profile) {
    if (encoding === "utf-16") return count(text, encoding, profile, null);
    var best = null;
    var group = charsetsFor(encoding, profile);
    for (var i = 0; i < group.length; i++) {
      var counted = count(text, encoding, profile, group[i]);
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

  // `kind` is the dotted name Python's Problem carries for the same mistake ("text.unencodable",
  // "text.not_encodable", "text.lone_surrogate"); a bad option, which Python refuses with an
  // ArgumentError, is "value.invalid".
  function problem(kind, field, message, code, start) {
    return {
      kind: kind,
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
        problems.push(problem("text.unencodable", "message", describe(chars[i]) + " at " +
          toInput[i] + " cannot be sent as " + encoding, null, toInput[i]));
      }
    }
    if (!problems.length) {
      problems.push(problem("text.not_encodable", "message",
        "the text cannot be sent as " + encoding));
    }
    return new CounterError(problems);
  }

  // The candidate encodings in order, duplicates dropped; the caller's array itself (read
  // only) when it is already valid, so that a keystroke allocates nothing here.
  function checkCandidates(candidates) {
    if (candidates == null) return ENCODINGS;
    if (typeof candidates === "string") candidates = [candidates];
    if (Array.isArray(candidates) && candidates.length) {
      var valid = true;
      for (var k = 0; k < candidates.length && valid; k++) {
        valid = ENCODINGS.indexOf(candidates[k]) >= 0 && candidates.indexOf(candidates[k]) === k;
      }
      if (valid) return candidates;
    }
    var chosen = [];
    for (var i = 0; i < candidates.length; i++) {
      if (ENCODINGS.indexOf(candidates[i]) < 0) {
        throw new CounterError([problem("value.invalid", "encoding", "unknown encoding " +
          JSON.stringify(candidates[i]) + "; use one of " + ENCODINGS.join(", "), 113)]);
      }
      if (chosen.indexOf(candidates[i]) < 0) chosen.push(candidates[i]);
    }
    if (!chosen.length) {
      throw new CounterError([problem("value.invalid", "encoding", "no candidate encoding given",
        113)]);
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

  var LINE_BREAK = /[\r\n]/;
  // Every character trans=1 rewrites (none is a line break, so the order of the two steps of
  // countedText() does not matter).
  var TRANSLITERATED = new RegExp("[" + Object.keys(DATA.trans).map(function (ch) {
    return "\\u{" + ch.codePointAt(0).toString(16) + "}";
  }).join("") + "]", "gu");

  function transliterated(ch) {
    return TRANS.get(ch);
  }

  // The text counted: after `newlines` and `trans`; the caller's string itself when neither
  // changes anything (the usual keystroke).
  function countedText(text, newlines, trans) {
    var normalized = newlines === "crlf" && LINE_BREAK.test(text) ? normalizeNewlines(text) : text;
    return trans ? normalized.replace(TRANSLITERATED, transliterated) : normalized;
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
      throw new CounterError([problem("value.invalid", "newlines",
        "newlines must be \"keep\" or \"crlf\"")]);
    }
    var profile = Object.prototype.hasOwnProperty.call(DATA.profiles, profileName)
      ? DATA.profiles[profileName] : null;
    if (!profile) {
      throw new CounterError([problem("value.invalid", "profile", "unknown profile " +
        JSON.stringify(profileName) + "; known profiles: " + Object.keys(DATA.profiles).join(", "))]);
    }
    var trans = !!options.trans;
    var counted = countedText(text, newlines, trans);
    var result = null, cheaper = NONE, i, prepared;
    if (ENCODINGS.indexOf(encoding) >= 0) {
      result = countEncoding(counted, encoding, profile);
      if (!result) {
        prepared = prepare(text, newlines, trans);
        throw unrepresentable(prepared.chars, prepared.toInput, encoding, profile);
      }
      cheaper = ENCODINGS.slice(0, ENCODINGS.indexOf(result.encoding));
    } else if (encoding === "auto" || encoding === "cheapest") {
      var order = checkCandidates(options.candidates);
      for (i = 0; i < order.length; i++) {
        var candidate = countEncoding(counted, order[i], profile);
        if (!candidate) {
          if (cheaper === NONE) cheaper = [];
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
        prepared = prepare(text, newlines, trans);
        var chars = prepared.chars, toInput = prepared.toInput;
        if (chars.some(isSurrogate)) {
          var lone = [];
          chars.forEach(function (ch, index) {
            if (isSurrogate(ch)) {
              lone.push(problem("text.lone_surrogate", "message", "lone surrogate " +
                describe(ch) + " at " + toInput[index] + " is not a character", null,
                toInput[index]));
            }
          });
          throw new CounterError(lone);
        }
        throw unrepresentable(chars, toInput, order[order.length - 1], profile);
      }
    } else {
      throw new CounterError([problem("value.invalid", "encoding", "unknown encoding " +
        JSON.stringify(encoding) + "; use auto, cheapest, " + ENCODINGS.join(", "), 113)]);
    }

    var maxParts = Object.prototype.hasOwnProperty.call(profile.max_parts, channel)
      ? profile.max_parts[channel] : profile.max_parts.sms;
    var analysis = new Analysis(counted, profileName, newlines, result, maxParts);
    // What `offending` needs, dropped once it is computed.
    analysis._source = text;
    analysis._trans = trans;
    analysis._cheaper = cheaper;
    analysis._profileData = profile;
    return analysis;
  }

  // --------------------------------------------------------------- results

  var NONE = Object.freeze([]);
  var DEFAULT_TABLES = Object.freeze([0, 0]);

  // The answer of analyze(): the counts are computed at once; `offending` (the explanation)
  // on first access, as in Python, because a keystroke needs the counts and rarely the
  // explanation. Field names are camelCase; the snake_case names of Python's Analysis.as_json()
  // are kept as read-only aliases.
  function Analysis(text, profileName, newlines, counted, maxParts) {
    var perPart = counted.parts <= 1 ? counted.limits.single : counted.limits.concatenated;
    this.text = text;
    this.profile = profileName;
    this.newlines = newlines;
    this.encoding = counted.encoding;
    this.parts = counted.parts;
    this.units = counted.units;
    this.lastPartUnits = counted.last;
    this.perPart = perPart;
    this.remaining = perPart - counted.last;
    this.limits = counted.limits;
    this.maxParts = maxParts;
    this.exceedsCap = counted.parts > maxParts;
    this.tables = counted.charset ? counted.charset.tables : DEFAULT_TABLES; // frozen
    this.partBounds = counted.bounds;
    this._charset = counted.charset; // null for UTF-16
    this._offending = null;
    this._source = null;
    this._trans = false;
    this._cheaper = NONE;
    this._profileData = null;
  }

  Object.defineProperty(Analysis.prototype, "offending", {
    get: function () {
      if (this._offending === null) {
        this._offending = findOffending(this._source, this.newlines, this._trans,
          this._cheaper, this._profileData);
        this._source = this._profileData = null;
      }
      return this._offending;
    },
  });

  [["per_part", "perPart"], ["part_bounds", "partBounds"], ["last_part_units", "lastPartUnits"],
    ["max_parts", "maxParts"], ["exceeds_cap", "exceedsCap"]].forEach(function (pair) {
    Object.defineProperty(Analysis.prototype, pair[0], {
      get: function () { return this[pair[1]]; },
    });
  });

  // Units `ch` (one code point) costs in this count: 1 or 2 septets (an escape pair), 1 or 2
  // UTF-16 units (a surrogate pair); 1 for any in a flat profile; null if not carried.
  Analysis.prototype.unitsOf = function (ch) {
    if (DATA.profiles[this.profile].flat) return 1;
    if (!this._charset) return ch.length;
    var units = this._charset.cost.get(ch);
    return units === undefined ? null : units;
  };

  Analysis.prototype.toJSON = function () {
    return {
      text: this.text, profile: this.profile, newlines: this.newlines,
      encoding: this.encoding, parts: this.parts, units: this.units,
      lastPartUnits: this.lastPartUnits, perPart: this.perPart, remaining: this.remaining,
      limits: this.limits, maxParts: this.maxParts, exceedsCap: this.exceedsCap,
      tables: this.tables, partBounds: this.partBounds,
      offending: this.offending.map(function (o) {
        return { index: o.index, char: o.char, excludedFrom: o.excludedFrom, reason: o.reason };
      }),
    };
  };

  function Offending(index, ch, excludedFrom) {
    this.index = index;
    this.char = ch;
    this.excludedFrom = excludedFrom;
    this.reason = excludedFrom.map(function (e) { return DATA.not_in[e]; }).join("; ");
  }
  Object.defineProperty(Offending.prototype, "excluded_from", {
    get: function () { return this.excludedFrom; },
  });

  // Every counted character absent from a cheaper candidate encoding, in text order.
  function findOffending(source, newlines, trans, cheaper, profile) {
    var offending = [];
    if (!cheaper.length) return offending;
    var prepared = prepare(source, newlines, trans);
    var chars = prepared.chars;
    for (var i = 0; i < chars.length; i++) {
      var excluded = null;
      for (var k = 0; k < cheaper.length; k++) {
        if (!represents(cheaper[k], chars[i], profile)) {
          (excluded || (excluded = [])).push(cheaper[k]);
        }
      }
      if (excluded) offending.push(new Offending(prepared.toInput[i], chars[i], excluded));
    }
    return offending;
  }

  // The texts of the parts `text` is sent as, consistent with analyze() (as Python's split):
  // joined, they give the counted text.
  function split(text, options) {
    var result = analyze(text, options);
    var chars = Array.from(result.text), bounds = result.partBounds, parts = [];
    for (var i = 1; i < bounds.length; i++) parts.push(chars.slice(bounds[i - 1], bounds[i]).join(""));
    return parts;
  }

  // ------------------------------------------------------------- suggest

  // char -> [replacement, reason]; the generator lists each rewrite with its code points as
  // runs "distance[+extra]" in hex, the distance from the previous run's last code point.
  var SUGGESTIONS = new Map();
  DATA.suggestions.forEach(function (entry) {
    var value = [entry[0], entry[1]], last = 0;
    entry[2].split(",").forEach(function (run) {
      var pair = run.split("+");
      var first = last + parseInt(pair[0], 16);
      last = first + (pair.length > 1 ? parseInt(pair[1], 16) : 0);
      for (var cp = first; cp <= last; cp++) SUGGESTIONS.set(String.fromCodePoint(cp), value);
    });
  });

  // A GSM rewrite of `ch` and the Unicode fact it comes from ({replacement, reason}), or null:
  // Python's nrscompose.suggestions.candidate, tabulated by the generator.
  function candidate(ch) {
    var found = SUGGESTIONS.get(ch);
    return found === undefined ? null : { replacement: found[0], reason: found[1] };
  }

  function rewrite(chars, chosen) {
    var out = "";
    for (var i = 0; i < chars.length; i++) {
      var replaced = chosen.get(chars[i]);
      out += replaced === undefined ? chars[i] : replaced;
    }
    return out;
  }

  function without(chosen, ch) {
    var copy = new Map(chosen);
    copy.delete(ch);
    return copy;
  }

  // Replacements that lower the number of parts of `text`, as Python's suggest(): the text is
  // not changed; `text` of the answer is the rewritten text, to use if the caller accepts it.
  function suggest(text, options) {
    var before = analyze(text, options);
    var chars = Array.from(text);
    function partsWith(chosen) {
      return analyze(rewrite(chars, chosen), options).parts;
    }
    var found = new Map(), i;
    for (i = 0; i < chars.length; i++) {
      if (!found.has(chars[i]) && SUGGESTIONS.has(chars[i])) found.set(chars[i], SUGGESTIONS.get(chars[i]));
    }
    var chosen = new Map();
    found.forEach(function (pair, ch) { chosen.set(ch, pair[0]); });
    var best = partsWith(chosen);
    if (best >= before.parts) return new Suggestion(text, [], before, before);
    Array.from(chosen.keys()).forEach(function (ch) { // drop what the saving does not need
      var trial = without(chosen, ch);
      if (partsWith(trial) === best) chosen = trial;
    });
    var replacements = [];
    chosen.forEach(function (replacement, ch) {
      var indices = [];
      for (var j = 0; j < chars.length; j++) if (chars[j] === ch) indices.push(j);
      replacements.push({
        char: ch,
        replacement: replacement,
        indices: indices,
        reason: found.get(ch)[1],
        partsSaved: partsWith(without(chosen, ch)) - best,
      });
    });
    var rewritten = rewrite(chars, chosen);
    return new Suggestion(rewritten, replacements, before, analyze(rewritten, options));
  }

  function Suggestion(text, replacements, before, after) {
    this.text = text;
    this.replacements = replacements;
    this.before = before;
    this.after = after;
    this.partsSaved = before.parts - after.parts;
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
    split: split,
    suggest: suggest,
    candidate: candidate,
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
