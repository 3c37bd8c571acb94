"""3GPP TS 23.038 character tables: position (septet value) -> character.

Transcribed from TS 23.038 V18.0.0 (6.2.1 default alphabet, 6.2.1.1 its extension table,
A.3.3 Portuguese locking shift table, A.2.3 Portuguese single shift table). Position 0x1B is the
escape to the single shift table and is absent from every table. Tests compare each position
with the independent ``gsmcodecs`` package and with the legible cells of the charset annex.

This module is data only; ``nrscompose._counting.charsets`` derives its lookups from it at import.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

# Annotations only: importing typing would double the package's import time.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

ESCAPE: Final = 0x1B
#: National language identifier of Portuguese (TS 23.038 6.2.1.2.4), used in the UDH IEs.
PORTUGUESE_LANGUAGE_ID: Final = 3


# 6.2.1 GSM 7 bit default alphabet. 0x09 is CAPITAL C WITH CEDILLA as the standard says.
DEFAULT_ALPHABET: Final[Mapping[int, str]] = MappingProxyType(
    {
        0x00: "@",  # U+0040 COMMERCIAL AT
        0x01: "£",  # U+00A3 POUND SIGN
        0x02: "$",  # U+0024 DOLLAR SIGN
        0x03: "¥",  # U+00A5 YEN SIGN
        0x04: "è",  # U+00E8 LATIN SMALL LETTER E WITH GRAVE
        0x05: "é",  # U+00E9 LATIN SMALL LETTER E WITH ACUTE
        0x06: "ù",  # U+00F9 LATIN SMALL LETTER U WITH GRAVE
        0x07: "ì",  # U+00EC LATIN SMALL LETTER I WITH GRAVE
        0x08: "ò",  # U+00F2 LATIN SMALL LETTER O WITH GRAVE
        0x09: "Ç",  # U+00C7 LATIN CAPITAL LETTER C WITH CEDILLA
        0x0A: "\n",  # U+000A LINE FEED
        0x0B: "Ø",  # U+00D8 LATIN CAPITAL LETTER O WITH STROKE
        0x0C: "ø",  # U+00F8 LATIN SMALL LETTER O WITH STROKE
        0x0D: "\r",  # U+000D CARRIAGE RETURN
        0x0E: "Å",  # U+00C5 LATIN CAPITAL LETTER A WITH RING ABOVE
        0x0F: "å",  # U+00E5 LATIN SMALL LETTER A WITH RING ABOVE
        0x10: "Δ",  # U+0394 GREEK CAPITAL LETTER DELTA
        0x11: "_",  # U+005F LOW LINE
        0x12: "Φ",  # U+03A6 GREEK CAPITAL LETTER PHI
        0x13: "Γ",  # U+0393 GREEK CAPITAL LETTER GAMMA
        0x14: "Λ",  # U+039B GREEK CAPITAL LETTER LAMDA
        0x15: "Ω",  # U+03A9 GREEK CAPITAL LETTER OMEGA
        0x16: "Π",  # U+03A0 GREEK CAPITAL LETTER PI
        0x17: "Ψ",  # U+03A8 GREEK CAPITAL LETTER PSI
        0x18: "Σ",  # U+03A3 GREEK CAPITAL LETTER SIGMA
        0x19: "Θ",  # U+0398 GREEK CAPITAL LETTER THETA
        0x1A: "Ξ",  # U+039E GREEK CAPITAL LETTER XI
        0x1C: "Æ",  # U+00C6 LATIN CAPITAL LETTER AE
        0x1D: "æ",  # U+00E6 LATIN SMALL LETTER AE
        0x1E: "ß",  # U+00DF LATIN SMALL LETTER SHARP S
        0x1F: "É",  # U+00C9 LATIN CAPITAL LETTER E WITH ACUTE
        0x20: " ",  # U+0020 SPACE
        0x21: "!",  # U+0021 EXCLAMATION MARK
        0x22: '"',  # U+0022 QUOTATION MARK
        0x23: "#",  # U+0023 NUMBER SIGN
        0x24: "¤",  # U+00A4 CURRENCY SIGN
        0x25: "%",  # U+0025 PERCENT SIGN
        0x26: "&",  # U+0026 AMPERSAND
        0x27: "'",  # U+0027 APOSTROPHE
        0x28: "(",  # U+0028 LEFT PARENTHESIS
        0x29: ")",  # U+0029 RIGHT PARENTHESIS
        0x2A: "*",  # U+002A ASTERISK
        0x2B: "+",  # U+002B PLUS SIGN
        0x2C: ",",  # U+002C COMMA
        0x2D: "-",  # U+002D HYPHEN-MINUS
        0x2E: ".",  # U+002E FULL STOP
        0x2F: "/",  # U+002F SOLIDUS
        0x30: "0",  # U+0030 DIGIT ZERO
        0x31: "1",  # U+0031 DIGIT ONE
        0x32: "2",  # U+0032 DIGIT TWO
        0x33: "3",  # U+0033 DIGIT THREE
        0x34: "4",  # U+0034 DIGIT FOUR
        0x35: "5",  # U+0035 DIGIT FIVE
        0x36: "6",  # U+0036 DIGIT SIX
        0x37: "7",  # U+0037 DIGIT SEVEN
        0x38: "8",  # U+0038 DIGIT EIGHT
        0x39: "9",  # U+0039 DIGIT NINE
        0x3A: ":",  # U+003A COLON
        0x3B: ";",  # U+003B SEMICOLON
        0x3C: "<",  # U+003C LESS-THAN SIGN
        0x3D: "=",  # U+003D EQUALS SIGN
        0x3E: ">",  # U+003E GREATER-THAN SIGN
        0x3F: "?",  # U+003F QUESTION MARK
        0x40: "¡",  # U+00A1 INVERTED EXCLAMATION MARK
        0x41: "A",  # U+0041 LATIN CAPITAL LETTER A
        0x42: "B",  # U+0042 LATIN CAPITAL LETTER B
        0x43: "C",  # U+0043 LATIN CAPITAL LETTER C
        0x44: "D",  # U+0044 LATIN CAPITAL LETTER D
        0x45: "E",  # U+0045 LATIN CAPITAL LETTER E
        0x46: "F",  # U+0046 LATIN CAPITAL LETTER F
        0x47: "G",  # U+0047 LATIN CAPITAL LETTER G
        0x48: "H",  # U+0048 LATIN CAPITAL LETTER H
        0x49: "I",  # U+0049 LATIN CAPITAL LETTER I
        0x4A: "J",  # U+004A LATIN CAPITAL LETTER J
        0x4B: "K",  # U+004B LATIN CAPITAL LETTER K
        0x4C: "L",  # U+004C LATIN CAPITAL LETTER L
        0x4D: "M",  # U+004D LATIN CAPITAL LETTER M
        0x4E: "N",  # U+004E LATIN CAPITAL LETTER N
        0x4F: "O",  # U+004F LATIN CAPITAL LETTER O
        0x50: "P",  # U+0050 LATIN CAPITAL LETTER P
        0x51: "Q",  # U+0051 LATIN CAPITAL LETTER Q
        0x52: "R",  # U+0052 LATIN CAPITAL LETTER R
        0x53: "S",  # U+0053 LATIN CAPITAL LETTER S
        0x54: "T",  # U+0054 LATIN CAPITAL LETTER T
        0x55: "U",  # U+0055 LATIN CAPITAL LETTER U
        0x56: "V",  # U+0056 LATIN CAPITAL LETTER V
        0x57: "W",  # U+0057 LATIN CAPITAL LETTER W
        0x58: "X",  # U+0058 LATIN CAPITAL LETTER X
        0x59: "Y",  # U+0059 LATIN CAPITAL LETTER Y
        0x5A: "Z",  # U+005A LATIN CAPITAL LETTER Z
        0x5B: "Ä",  # U+00C4 LATIN CAPITAL LETTER A WITH DIAERESIS
        0x5C: "Ö",  # U+00D6 LATIN CAPITAL LETTER O WITH DIAERESIS
        0x5D: "Ñ",  # U+00D1 LATIN CAPITAL LETTER N WITH TILDE
        0x5E: "Ü",  # U+00DC LATIN CAPITAL LETTER U WITH DIAERESIS
        0x5F: "§",  # U+00A7 SECTION SIGN
        0x60: "¿",  # U+00BF INVERTED QUESTION MARK
        0x61: "a",  # U+0061 LATIN SMALL LETTER A
        0x62: "b",  # U+0062 LATIN SMALL LETTER B
        0x63: "c",  # U+0063 LATIN SMALL LETTER C
        0x64: "d",  # U+0064 LATIN SMALL LETTER D
        0x65: "e",  # U+0065 LATIN SMALL LETTER E
        0x66: "f",  # U+0066 LATIN SMALL LETTER F
        0x67: "g",  # U+0067 LATIN SMALL LETTER G
        0x68: "h",  # U+0068 LATIN SMALL LETTER H
        0x69: "i",  # U+0069 LATIN SMALL LETTER I
        0x6A: "j",  # U+006A LATIN SMALL LETTER J
        0x6B: "k",  # U+006B LATIN SMALL LETTER K
        0x6C: "l",  # U+006C LATIN SMALL LETTER L
        0x6D: "m",  # U+006D LATIN SMALL LETTER M
        0x6E: "n",  # U+006E LATIN SMALL LETTER N
        0x6F: "o",  # U+006F LATIN SMALL LETTER O
        0x70: "p",  # U+0070 LATIN SMALL LETTER P
        0x71: "q",  # U+0071 LATIN SMALL LETTER Q
        0x72: "r",  # U+0072 LATIN SMALL LETTER R
        0x73: "s",  # U+0073 LATIN SMALL LETTER S
        0x74: "t",  # U+0074 LATIN SMALL LETTER T
        0x75: "u",  # U+0075 LATIN SMALL LETTER U
        0x76: "v",  # U+0076 LATIN SMALL LETTER V
        0x77: "w",  # U+0077 LATIN SMALL LETTER W
        0x78: "x",  # U+0078 LATIN SMALL LETTER X
        0x79: "y",  # U+0079 LATIN SMALL LETTER Y
        0x7A: "z",  # U+007A LATIN SMALL LETTER Z
        0x7B: "ä",  # U+00E4 LATIN SMALL LETTER A WITH DIAERESIS
        0x7C: "ö",  # U+00F6 LATIN SMALL LETTER O WITH DIAERESIS
        0x7D: "ñ",  # U+00F1 LATIN SMALL LETTER N WITH TILDE
        0x7E: "ü",  # U+00FC LATIN SMALL LETTER U WITH DIAERESIS
        0x7F: "à",  # U+00E0 LATIN SMALL LETTER A WITH GRAVE
    }
)

# 6.2.1.1 default alphabet extension table (reached through ESC).
DEFAULT_EXTENSION: Final[Mapping[int, str]] = MappingProxyType(
    {
        0x0A: "\x0c",  # U+000C FORM FEED
        0x14: "^",  # U+005E CIRCUMFLEX ACCENT
        0x28: "{",  # U+007B LEFT CURLY BRACKET
        0x29: "}",  # U+007D RIGHT CURLY BRACKET
        0x2F: "\\",  # U+005C REVERSE SOLIDUS
        0x3C: "[",  # U+005B LEFT SQUARE BRACKET
        0x3D: "~",  # U+007E TILDE
        0x3E: "]",  # U+005D RIGHT SQUARE BRACKET
        0x40: "|",  # U+007C VERTICAL LINE
        0x65: "€",  # U+20AC EURO SIGN
    }
)

# A.3.3 Portuguese national language locking shift table.
PORTUGUESE_LOCKING: Final[Mapping[int, str]] = MappingProxyType(
    {
        0x00: "@",  # U+0040 COMMERCIAL AT
        0x01: "£",  # U+00A3 POUND SIGN
        0x02: "$",  # U+0024 DOLLAR SIGN
        0x03: "¥",  # U+00A5 YEN SIGN
        0x04: "ê",  # U+00EA LATIN SMALL LETTER E WITH CIRCUMFLEX
        0x05: "é",  # U+00E9 LATIN SMALL LETTER E WITH ACUTE
        0x06: "ú",  # U+00FA LATIN SMALL LETTER U WITH ACUTE
        0x07: "í",  # U+00ED LATIN SMALL LETTER I WITH ACUTE
        0x08: "ó",  # U+00F3 LATIN SMALL LETTER O WITH ACUTE
        0x09: "ç",  # U+00E7 LATIN SMALL LETTER C WITH CEDILLA
        0x0A: "\n",  # U+000A LINE FEED
        0x0B: "Ô",  # U+00D4 LATIN CAPITAL LETTER O WITH CIRCUMFLEX
        0x0C: "ô",  # U+00F4 LATIN SMALL LETTER O WITH CIRCUMFLEX
        0x0D: "\r",  # U+000D CARRIAGE RETURN
        0x0E: "Á",  # U+00C1 LATIN CAPITAL LETTER A WITH ACUTE
        0x0F: "á",  # U+00E1 LATIN SMALL LETTER A WITH ACUTE
        0x10: "Δ",  # U+0394 GREEK CAPITAL LETTER DELTA
        0x11: "_",  # U+005F LOW LINE
        0x12: "ª",  # U+00AA FEMININE ORDINAL INDICATOR
        0x13: "Ç",  # U+00C7 LATIN CAPITAL LETTER C WITH CEDILLA
        0x14: "À",  # U+00C0 LATIN CAPITAL LETTER A WITH GRAVE
        0x15: "∞",  # U+221E INFINITY
        0x16: "^",  # U+005E CIRCUMFLEX ACCENT
        0x17: "\\",  # U+005C REVERSE SOLIDUS
        0x18: "€",  # U+20AC EURO SIGN
        0x19: "Ó",  # U+00D3 LATIN CAPITAL LETTER O WITH ACUTE
        0x1A: "|",  # U+007C VERTICAL LINE
        0x1C: "Â",  # U+00C2 LATIN CAPITAL LETTER A WITH CIRCUMFLEX
        0x1D: "â",  # U+00E2 LATIN SMALL LETTER A WITH CIRCUMFLEX
        0x1E: "Ê",  # U+00CA LATIN CAPITAL LETTER E WITH CIRCUMFLEX
        0x1F: "É",  # U+00C9 LATIN CAPITAL LETTER E WITH ACUTE
        0x20: " ",  # U+0020 SPACE
        0x21: "!",  # U+0021 EXCLAMATION MARK
        0x22: '"',  # U+0022 QUOTATION MARK
        0x23: "#",  # U+0023 NUMBER SIGN
        0x24: "º",  # U+00BA MASCULINE ORDINAL INDICATOR
        0x25: "%",  # U+0025 PERCENT SIGN
        0x26: "&",  # U+0026 AMPERSAND
        0x27: "'",  # U+0027 APOSTROPHE
        0x28: "(",  # U+0028 LEFT PARENTHESIS
        0x29: ")",  # U+0029 RIGHT PARENTHESIS
        0x2A: "*",  # U+002A ASTERISK
        0x2B: "+",  # U+002B PLUS SIGN
        0x2C: ",",  # U+002C COMMA
        0x2D: "-",  # U+002D HYPHEN-MINUS
        0x2E: ".",  # U+002E FULL STOP
        0x2F: "/",  # U+002F SOLIDUS
        0x30: "0",  # U+0030 DIGIT ZERO
        0x31: "1",  # U+0031 DIGIT ONE
        0x32: "2",  # U+0032 DIGIT TWO
        0x33: "3",  # U+0033 DIGIT THREE
        0x34: "4",  # U+0034 DIGIT FOUR
        0x35: "5",  # U+0035 DIGIT FIVE
        0x36: "6",  # U+0036 DIGIT SIX
        0x37: "7",  # U+0037 DIGIT SEVEN
        0x38: "8",  # U+0038 DIGIT EIGHT
        0x39: "9",  # U+0039 DIGIT NINE
        0x3A: ":",  # U+003A COLON
        0x3B: ";",  # U+003B SEMICOLON
        0x3C: "<",  # U+003C LESS-THAN SIGN
        0x3D: "=",  # U+003D EQUALS SIGN
        0x3E: ">",  # U+003E GREATER-THAN SIGN
        0x3F: "?",  # U+003F QUESTION MARK
        0x40: "Í",  # U+00CD LATIN CAPITAL LETTER I WITH ACUTE
        0x41: "A",  # U+0041 LATIN CAPITAL LETTER A
        0x42: "B",  # U+0042 LATIN CAPITAL LETTER B
        0x43: "C",  # U+0043 LATIN CAPITAL LETTER C
        0x44: "D",  # U+0044 LATIN CAPITAL LETTER D
        0x45: "E",  # U+0045 LATIN CAPITAL LETTER E
        0x46: "F",  # U+0046 LATIN CAPITAL LETTER F
        0x47: "G",  # U+0047 LATIN CAPITAL LETTER G
        0x48: "H",  # U+0048 LATIN CAPITAL LETTER H
        0x49: "I",  # U+0049 LATIN CAPITAL LETTER I
        0x4A: "J",  # U+004A LATIN CAPITAL LETTER J
        0x4B: "K",  # U+004B LATIN CAPITAL LETTER K
        0x4C: "L",  # U+004C LATIN CAPITAL LETTER L
        0x4D: "M",  # U+004D LATIN CAPITAL LETTER M
        0x4E: "N",  # U+004E LATIN CAPITAL LETTER N
        0x4F: "O",  # U+004F LATIN CAPITAL LETTER O
        0x50: "P",  # U+0050 LATIN CAPITAL LETTER P
        0x51: "Q",  # U+0051 LATIN CAPITAL LETTER Q
        0x52: "R",  # U+0052 LATIN CAPITAL LETTER R
        0x53: "S",  # U+0053 LATIN CAPITAL LETTER S
        0x54: "T",  # U+0054 LATIN CAPITAL LETTER T
        0x55: "U",  # U+0055 LATIN CAPITAL LETTER U
        0x56: "V",  # U+0056 LATIN CAPITAL LETTER V
        0x57: "W",  # U+0057 LATIN CAPITAL LETTER W
        0x58: "X",  # U+0058 LATIN CAPITAL LETTER X
        0x59: "Y",  # U+0059 LATIN CAPITAL LETTER Y
        0x5A: "Z",  # U+005A LATIN CAPITAL LETTER Z
        0x5B: "Ã",  # U+00C3 LATIN CAPITAL LETTER A WITH TILDE
        0x5C: "Õ",  # U+00D5 LATIN CAPITAL LETTER O WITH TILDE
        0x5D: "Ú",  # U+00DA LATIN CAPITAL LETTER U WITH ACUTE
        0x5E: "Ü",  # U+00DC LATIN CAPITAL LETTER U WITH DIAERESIS
        0x5F: "§",  # U+00A7 SECTION SIGN
        0x60: "~",  # U+007E TILDE
        0x61: "a",  # U+0061 LATIN SMALL LETTER A
        0x62: "b",  # U+0062 LATIN SMALL LETTER B
        0x63: "c",  # U+0063 LATIN SMALL LETTER C
        0x64: "d",  # U+0064 LATIN SMALL LETTER D
        0x65: "e",  # U+0065 LATIN SMALL LETTER E
        0x66: "f",  # U+0066 LATIN SMALL LETTER F
        0x67: "g",  # U+0067 LATIN SMALL LETTER G
        0x68: "h",  # U+0068 LATIN SMALL LETTER H
        0x69: "i",  # U+0069 LATIN SMALL LETTER I
        0x6A: "j",  # U+006A LATIN SMALL LETTER J
        0x6B: "k",  # U+006B LATIN SMALL LETTER K
        0x6C: "l",  # U+006C LATIN SMALL LETTER L
        0x6D: "m",  # U+006D LATIN SMALL LETTER M
        0x6E: "n",  # U+006E LATIN SMALL LETTER N
        0x6F: "o",  # U+006F LATIN SMALL LETTER O
        0x70: "p",  # U+0070 LATIN SMALL LETTER P
        0x71: "q",  # U+0071 LATIN SMALL LETTER Q
        0x72: "r",  # U+0072 LATIN SMALL LETTER R
        0x73: "s",  # U+0073 LATIN SMALL LETTER S
        0x74: "t",  # U+0074 LATIN SMALL LETTER T
        0x75: "u",  # U+0075 LATIN SMALL LETTER U
        0x76: "v",  # U+0076 LATIN SMALL LETTER V
        0x77: "w",  # U+0077 LATIN SMALL LETTER W
        0x78: "x",  # U+0078 LATIN SMALL LETTER X
        0x79: "y",  # U+0079 LATIN SMALL LETTER Y
        0x7A: "z",  # U+007A LATIN SMALL LETTER Z
        0x7B: "ã",  # U+00E3 LATIN SMALL LETTER A WITH TILDE
        0x7C: "õ",  # U+00F5 LATIN SMALL LETTER O WITH TILDE
        0x7D: "`",  # U+0060 GRAVE ACCENT
        0x7E: "ü",  # U+00FC LATIN SMALL LETTER U WITH DIAERESIS
        0x7F: "à",  # U+00E0 LATIN SMALL LETTER A WITH GRAVE
    }
)

# A.2.3 Portuguese national language single shift table (reached through ESC).
PORTUGUESE_SINGLE_SHIFT: Final[Mapping[int, str]] = MappingProxyType(
    {
        0x05: "ê",  # U+00EA LATIN SMALL LETTER E WITH CIRCUMFLEX
        0x09: "ç",  # U+00E7 LATIN SMALL LETTER C WITH CEDILLA
        0x0A: "\x0c",  # U+000C FORM FEED
        0x0B: "Ô",  # U+00D4 LATIN CAPITAL LETTER O WITH CIRCUMFLEX
        0x0C: "ô",  # U+00F4 LATIN SMALL LETTER O WITH CIRCUMFLEX
        0x0E: "Á",  # U+00C1 LATIN CAPITAL LETTER A WITH ACUTE
        0x0F: "á",  # U+00E1 LATIN SMALL LETTER A WITH ACUTE
        0x12: "Φ",  # U+03A6 GREEK CAPITAL LETTER PHI
        0x13: "Γ",  # U+0393 GREEK CAPITAL LETTER GAMMA
        0x14: "^",  # U+005E CIRCUMFLEX ACCENT
        0x15: "Ω",  # U+03A9 GREEK CAPITAL LETTER OMEGA
        0x16: "Π",  # U+03A0 GREEK CAPITAL LETTER PI
        0x17: "Ψ",  # U+03A8 GREEK CAPITAL LETTER PSI
        0x18: "Σ",  # U+03A3 GREEK CAPITAL LETTER SIGMA
        0x19: "Θ",  # U+0398 GREEK CAPITAL LETTER THETA
        0x1F: "Ê",  # U+00CA LATIN CAPITAL LETTER E WITH CIRCUMFLEX
        0x28: "{",  # U+007B LEFT CURLY BRACKET
        0x29: "}",  # U+007D RIGHT CURLY BRACKET
        0x2F: "\\",  # U+005C REVERSE SOLIDUS
        0x3C: "[",  # U+005B LEFT SQUARE BRACKET
        0x3D: "~",  # U+007E TILDE
        0x3E: "]",  # U+005D RIGHT SQUARE BRACKET
        0x40: "|",  # U+007C VERTICAL LINE
        0x41: "À",  # U+00C0 LATIN CAPITAL LETTER A WITH GRAVE
        0x49: "Í",  # U+00CD LATIN CAPITAL LETTER I WITH ACUTE
        0x4F: "Ó",  # U+00D3 LATIN CAPITAL LETTER O WITH ACUTE
        0x55: "Ú",  # U+00DA LATIN CAPITAL LETTER U WITH ACUTE
        0x5B: "Ã",  # U+00C3 LATIN CAPITAL LETTER A WITH TILDE
        0x5C: "Õ",  # U+00D5 LATIN CAPITAL LETTER O WITH TILDE
        0x61: "Â",  # U+00C2 LATIN CAPITAL LETTER A WITH CIRCUMFLEX
        0x65: "€",  # U+20AC EURO SIGN
        0x69: "í",  # U+00ED LATIN SMALL LETTER I WITH ACUTE
        0x6F: "ó",  # U+00F3 LATIN SMALL LETTER O WITH ACUTE
        0x75: "ú",  # U+00FA LATIN SMALL LETTER U WITH ACUTE
        0x7B: "ã",  # U+00E3 LATIN SMALL LETTER A WITH TILDE
        0x7C: "õ",  # U+00F5 LATIN SMALL LETTER O WITH TILDE
        0x7F: "â",  # U+00E2 LATIN SMALL LETTER A WITH CIRCUMFLEX
    }
)
