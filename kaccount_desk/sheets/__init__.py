"""Roster spreadsheets in and out, kept apart from everything else.

Departments send rosters made by hand in Excel or WPS: title rows, merged cells, headers with
stars and line breaks, numbers Excel has mangled, CSV in GBK. This package absorbs that mess
and hands the services plain strings per logical column, and it writes exports that Excel can
neither turn into numbers nor run as formulas. It knows nothing of Qt or the database, so the
CLI import and the GUI import read a file the same way and tests need only a temp folder.
"""
