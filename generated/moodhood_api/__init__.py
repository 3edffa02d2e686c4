"""Placeholder until generated."""
