package ingest_test

import (
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"wayline/internal/ingest"
)

// buildWorkbook writes a workbook with a data sheet (dates, numbers in display formats, text, a
// title-less header) and a second sheet, and returns its path.
func buildWorkbook(t testing.TB, dir string) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	const s1 = "Orders"
	if err := f.SetSheetName("Sheet1", s1); err != nil {
		t.Fatal(err)
	}
	dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	custom := "yyyy-mm-dd hh:mm"
	dtStyle, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &custom})
	sci, _ := f.NewStyle(&excelize.Style{NumFmt: 11}) // 0.00E+00
	pct, _ := f.NewStyle(&excelize.Style{NumFmt: 10}) // 0.00%
	thou, _ := f.NewStyle(&excelize.Style{NumFmt: 4}) // #,##0.00
	elapsed, _ := f.NewStyle(&excelize.Style{NumFmt: 46})

	rows := [][]any{
		{"order_id", "email", "ordered", "shipped", "amount", "share", "total", "duration", "paid", ""},
		{"o-1", "zoë@example.com", time.Date(2024, 1, 15, 0, 0, 0, 0, time.UTC), time.Date(2024, 1, 16, 13, 45, 0, 0, time.UTC), 123456, 0.125, 1234.5, 0.5, true},
		{"o-2", "bo@example.com", time.Date(2023, 12, 31, 0, 0, 0, 0, time.UTC), nil, 0.1 + 0.2, 1, 2, nil, false},
	}
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(s1, cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	f.SetCellStyle(s1, "C2", "C3", dateStyle)
	f.SetCellStyle(s1, "D2", "D3", dtStyle)
	f.SetCellStyle(s1, "E2", "E3", sci)
	f.SetCellStyle(s1, "F2", "F3", pct)
	f.SetCellStyle(s1, "G2", "G3", thou)
	f.SetCellStyle(s1, "H2", "H3", elapsed)
	// A blank row, then a row that starts further right.
	f.SetCellValue(s1, "B5", "late@example.com")

	if _, err := f.NewSheet("Notes"); err != nil {
		t.Fatal(err)
	}
	f.SetCellValue("Notes", "B3", "note")
	f.SetCellValue("Notes", "B4", "second sheet")
	p := filepath.Join(dir, "book.xlsx")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestXLSX(t *testing.T) {
	p := buildWorkbook(t, t.TempDir())
	d := drain(t, p, ingest.Options{})
	if d.info.Format != "xlsx" || d.info.Sheet != "Orders" || !equalStrings(d.info.Sheets, []string{"Orders", "Notes"}) {
		t.Fatalf("got %+v, want xlsx, sheet Orders of Orders, Notes", d.info)
	}
	wantCols := []string{"order_id", "email", "ordered", "shipped", "amount", "share", "total", "duration", "paid"}
	if !equalStrings(d.cols, wantCols) {
		t.Errorf("got columns %q, want %q", d.cols, wantCols)
	}
	if len(d.recs) != 3 || d.lines[0] != 2 || d.lines[2] != 5 {
		t.Fatalf("got %q on rows %v, want 3 records on rows 2, 3, 5", d.recs, d.lines)
	}
	checks := []struct {
		rec       int
		col, want string
	}{
		{0, "email", "zoë@example.com"}, {0, "ordered", "2024-01-15"}, {0, "shipped", "2024-01-16T13:45:00"},
		{0, "amount", "123456"}, {0, "share", "0.125"}, {0, "total", "1234.5"}, {0, "duration", "0.5"},
		{0, "paid", "TRUE"}, {1, "ordered", "2023-12-31"}, {1, "amount", "0.3"}, {1, "paid", "FALSE"},
		{2, "email", "late@example.com"}, {2, "order_id", ""},
	}
	for _, c := range checks {
		if got := d.get(c.rec, c.col); got != c.want {
			t.Errorf("record %d %s: got %q, want %q", c.rec, c.col, got, c.want)
		}
	}
	if got, err := ingest.ParseTime(d.get(0, "shipped"), ingest.TimeLayout{Kind: ingest.TimeISO}); err != nil ||
		got != time.Date(2024, 1, 16, 13, 45, 0, 0, time.UTC).UnixMicro() {
		t.Errorf("ParseTime(shipped) = %d, %v", got, err)
	}

	notes := drain(t, p, ingest.Options{Sheet: "notes"})
	if notes.info.Sheet != "Notes" || !equalStrings(notes.cols, []string{"column_1", "note"}) || len(notes.recs) != 1 ||
		notes.recs[0][1] != "second sheet" || notes.lines[0] != 4 {
		t.Errorf("got sheet %q columns %q records %q lines %v, want Notes with one record on row 4",
			notes.info.Sheet, notes.cols, notes.recs, notes.lines)
	}

	_, _, err := ingest.Open(p, ingest.Options{Sheet: "Missing"})
	if !errors.Is(err, ingest.ErrSheetNotFound) {
		t.Errorf("got %v, want ErrSheetNotFound", err)
	}
}
