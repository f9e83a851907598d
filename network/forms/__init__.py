"""Forms of the member and staff area, one module per area."""
