"""MkDocs hook: calculator assets (placeholder until the browser-calculator work lands)."""
