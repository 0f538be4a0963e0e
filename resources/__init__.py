"""Shipped data files (translations, icons, demo data, phone pages); no code."""
