"""The MoodHood SDK."""
