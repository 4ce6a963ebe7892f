package ingest

import "strconv"

// SafeCell makes a value safe to write into a CSV file that a spreadsheet may open. Imported values are
// stored as data, unchanged and never evaluated, even when they look like formulas (`=cmd|' /C calc'!A0`,
// `+1+1`, `-2+3`, `@SUM(A1)`); but a spreadsheet opening an exported CSV would run them. So every CSV
// writer in Wayline (exports, persona assignments, truth files, reports' data downloads) must pass each
// cell through SafeCell: a value whose first character is = + - @ tab or carriage return gets a leading
// apostrophe, which spreadsheets read as "this is text". Plain numbers ("-12.5", "+3") are left alone so
// that exported amounts stay numbers; they cannot hold a formula.
func SafeCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '@', '\t', '\r', '\n':
		return "'" + s
	case '+', '-':
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			return s
		}
		return "'" + s
	}
	return s
}
