"""The foundation every layer stands on: errors and problem kinds, the closed vocabularies, the
translated catalogue, shared patterns, HTTP value objects, and bounded file reads.

Nothing here imports another nrscompose layer.
"""
