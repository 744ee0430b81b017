"""Matching claims to metrics, the figures each can be compared with, unit algebra, and the
engine that runs the rules."""
