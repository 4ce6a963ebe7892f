package ingest_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"wayline/internal/ingest"
)

func TestJSONFlatten(t *testing.T) {
	data := `[
  {"id": 1, "user": {"email": "ana@x.io", "address": {"city": "Porto"}},
   "tags": ["new", "vip"], "price": 1.50, "big": 12345678901234567890, "ok": true, "gone": null},
  {"id": 2, "items": [{"sku": "A1", "qty": 2}, {"sku": "B2"}], "note": "line\nbreak \"quoted\" \u00e9 \ud83d\ude00",
   "empty": [], "nested": [[1, 2], [3]]}
]`
	d := drain(t, writeTemp(t, "in.json", []byte(data)), ingest.Options{})
	wantCols := []string{"id", "user.email", "user.address.city", "tags", "price", "big", "ok", "gone",
		"items.0.sku", "items.0.qty", "items.1.sku", "note", "empty", "nested.0", "nested.1"}
	if !equalStrings(d.cols, wantCols) {
		t.Fatalf("got columns %q, want %q", d.cols, wantCols)
	}
	checks := []struct {
		rec       int
		col, want string
	}{
		{0, "user.address.city", "Porto"}, {0, "tags", "new,vip"}, {0, "price", "1.50"},
		{0, "big", "12345678901234567890"}, {0, "ok", "true"}, {0, "gone", ""},
		{1, "items.1.sku", "B2"}, {1, "items.0.qty", "2"}, {1, "note", "line\nbreak \"quoted\" é 😀"},
		{1, "empty", ""}, {1, "nested.0", "1,2"}, {1, "nested.1", "3"}, {1, "user.email", ""},
	}
	for _, c := range checks {
		if got := d.get(c.rec, c.col); got != c.want {
			t.Errorf("record %d %s: got %q, want %q", c.rec, c.col, got, c.want)
		}
	}
	if fmt.Sprint(d.lines) != "[2 4]" {
		t.Errorf("got lines %v, want [2 4]", d.lines)
	}
}

func TestJSONGA4EventParams(t *testing.T) {
	data := `{"kind": "export", "rows": [
{"event_name": "page_view", "user_pseudo_id": "u1",
 "event_params": [
   {"key": "page_location", "value": {"string_value": "https://x.io/a", "int_value": null, "double_value": null}},
   {"key": "ga_session_id", "value": {"string_value": null, "int_value": "1700000001"}},
   {"key": "engaged", "value": {"int_value": 0}}],
 "user_properties": [{"key": "plan", "value": {"string_value": "pro", "set_timestamp_micros": "1700000000000000"}}]}
]}`
	d := drain(t, writeTemp(t, "ga4.json", []byte(data)), ingest.Options{})
	if d.info.Records != "rows" || len(d.recs) != 1 {
		t.Fatalf("got records path %q and %d records (errors %v), want rows and 1", d.info.Records, len(d.recs), d.errs)
	}
	for col, want := range map[string]string{
		"event_params.page_location": "https://x.io/a", "event_params.ga_session_id": "1700000001",
		"event_params.engaged": "0", "user_properties.plan": "pro", "event_name": "page_view",
	} {
		if got := d.get(0, col); got != want {
			t.Errorf("%s: got %q, want %q (columns %q)", col, got, want, d.cols)
		}
	}
}

func TestJSONRecordsPath(t *testing.T) {
	data := `{"meta": {"tags": [{"x": 1}]}, "data": {"orders": [{"id": "o1"}, {"id": "o2"}]}, "after": [1]}`
	p := writeTemp(t, "in.json", []byte(data))
	auto := drain(t, p, ingest.Options{})
	if auto.info.Records != "meta.tags" || len(auto.recs) != 1 {
		t.Errorf("auto: got path %q with %d records, want the first array of objects meta.tags", auto.info.Records, len(auto.recs))
	}
	named := drain(t, p, ingest.Options{Records: "data.orders"})
	if named.info.Records != "data.orders" || len(named.recs) != 2 || named.recs[1][0] != "o2" {
		t.Errorf("named: got path %q and %q, want data.orders with o1, o2", named.info.Records, named.recs)
	}
}

func TestJSONErrors(t *testing.T) {
	// A non-object element is skipped with an error; a syntax error ends the file.
	data := "[\n{\"a\": 1},\n5,\n{\"a\": 2},\n{\"a\": }\n, {\"a\": 4}]"
	d := drain(t, writeTemp(t, "in.json", []byte(data)), ingest.Options{})
	if len(d.recs) != 2 || len(d.errs) != 2 {
		t.Fatalf("got %d records and errors %v, want 2 and 2", len(d.recs), d.errs)
	}
	if !errors.Is(d.errs[0], ingest.ErrNotObject) || d.errs[0].Line != 3 || d.errs[0].Fatal {
		t.Errorf("got %v (line %d, fatal %v), want a non-fatal ErrNotObject on line 3", d.errs[0], d.errs[0].Line, d.errs[0].Fatal)
	}
	if !d.errs[1].Fatal || d.errs[1].Line != 5 || !strings.Contains(d.errs[1].Error(), "rest of the file") {
		t.Errorf("got %v (line %d), want a fatal error on line 5", d.errs[1], d.errs[1].Line)
	}
}

func TestJSONLines(t *testing.T) {
	data := "{\"id\": 1, \"ctx\": {\"device\": \"mobile\"}}\n" +
		"\n" +
		"{\"id\": 2, \"ctx\": {\"device\": \"desk\"\n" + // broken: unterminated object
		"[1, 2]\n" +
		"{\"id\": 3, \"new\": \"col\"}\r\n" +
		"{\"id\": 4} trailing\n" +
		"{\"id\": 5}"
	d := drain(t, writeTemp(t, "in.jsonl", []byte(data)), ingest.Options{})
	if d.info.Format != "jsonl" {
		t.Fatalf("got format %q, want jsonl", d.info.Format)
	}
	if fmt.Sprint(d.lines) != "[1 5 7]" || d.get(1, "new") != "col" || d.get(0, "ctx.device") != "mobile" || d.recs[2][0] != "5" {
		t.Errorf("got %q on lines %v, want ids 1, 3, 5 on lines 1, 5, 7", d.recs, d.lines)
	}
	if len(d.errs) != 3 {
		t.Fatalf("got errors %v, want 3", d.errs)
	}
	wantAt := [][2]int{{3, 35}, {4, 1}, {6, 11}}
	for i, e := range d.errs {
		if e.Line != wantAt[i][0] || e.Column != wantAt[i][1] || e.Fatal {
			t.Errorf("error %d: got %v at %d:%d, want non-fatal at %d:%d", i, e, e.Line, e.Column, wantAt[i][0], wantAt[i][1])
		}
	}
	if !errors.Is(d.errs[1], ingest.ErrNotObject) {
		t.Errorf("got %v, want ErrNotObject for an array line", d.errs[1])
	}
}

func TestJSONTooManyColumns(t *testing.T) {
	var b strings.Builder
	b.WriteString("{")
	for i := 0; i <= ingest.MaxColumns; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `"k%d":1`, i)
	}
	b.WriteString("}\n{\"k1\":2}\n")
	d := drain(t, writeTemp(t, "wide.jsonl", []byte(b.String())), ingest.Options{Format: "jsonl"})
	if len(d.errs) != 1 || !errors.Is(d.errs[0], ingest.ErrTooManyColumns) || len(d.recs) != 1 {
		t.Errorf("got errors %v and %d records, want one ErrTooManyColumns and 1 record", d.errs, len(d.recs))
	}
}
