// Suggestions on every search box (issue 20): filled by the search work.
