"""What every mode shares: dates, stays, the rolling window, working days, periods, results,
provenance, errors, bounds and the message catalogs. Imports only the standard library and itself."""
