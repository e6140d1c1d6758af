"""Duties after the permit: days abroad per calendar year, licence exchange, address registration."""
