"""The counting core: charsets, billing profiles, transliteration, the one cut planner, splitting
into parts, the analysis of a text, cheaper rewrites, and user data headers.

Pure functions over strings; needs no optional library.
"""
