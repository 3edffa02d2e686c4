"""Testing helpers for code that uses moodhood: scrubbed VCR cassettes and a local sandbox."""
