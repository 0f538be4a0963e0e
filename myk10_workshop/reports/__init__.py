"""Printed and exported results: the join poster, the results protocol, spreadsheets."""
