package ingest_test

import (
	"bytes"
	"compress/gzip"
	"testing"

	"wayline/internal/ingest"
)

func TestXESRealLogs(t *testing.T) {
	tests := []struct {
		file           string
		events, traces int
		compressed     string
	}{
		{"process-mining/running-example.xes", 42, 6, ""},
		{"process-mining/08_receipt.xes.gz", 8577, 1434, "gzip"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			d := drain(t, sharedData(t, tt.file), ingest.Options{})
			if d.info.Format != "xes" || d.info.Compressed != tt.compressed || len(d.errs) != 0 {
				t.Fatalf("got %+v with errors %v, want xes %q", d.info, d.errs, tt.compressed)
			}
			cases := map[string]bool{}
			l := ingest.TimeLayout{Kind: ingest.TimeISO}
			for i := range d.recs {
				cases[d.get(i, "case:concept:name")] = true
				if d.get(i, "concept:name") == "" {
					t.Fatalf("event %d has no concept:name", i)
				}
				if _, err := ingest.ParseTime(d.get(i, "time:timestamp"), l); err != nil {
					t.Fatalf("event %d: %v", i, err)
				}
			}
			if len(d.recs) != tt.events || len(cases) != tt.traces {
				t.Errorf("got %d events in %d traces, want %d in %d", len(d.recs), len(cases), tt.events, tt.traces)
			}
		})
	}
}

func TestXESColumnsAndLines(t *testing.T) {
	const log = `<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="1.0" xmlns="http://www.xes-standard.org/">
  <global scope="event"><string key="concept:name" value="UNKNOWN"/></global>
  <string key="creator" value="test"/>
  <trace>
    <string key="concept:name" value="case-1"/>
    <string key="channel" value="Internet"/>
    <event>
      <string key="concept:name" value="Register"/>
      <date key="time:timestamp" value="2011-10-11T13:45:40.276+02:00"/>
      <string key="lifecycle:transition" value="complete"/>
      <container key="ctx"><int key="n" value="3"/></container>
    </event>
    <event>
      <string key="concept:name" value="Check"/>
      <string key="org:resource" value="Res1"/>
    </event>
  </trace>
  <trace>
    <string key="concept:name" value="case-2"/>
    <event><string key="concept:name" value="Register"/></event>
  </trace>
</log>`
	var gz bytes.Buffer
	w := gzip.NewWriter(&gz)
	w.Write([]byte(log))
	w.Close()
	for name, data := range map[string][]byte{"log.xes": []byte(log), "log.xes.gz": gz.Bytes()} {
		t.Run(name, func(t *testing.T) {
			d := drain(t, writeTemp(t, name, data), ingest.Options{})
			want := []string{"case:concept:name", "case:channel", "concept:name", "time:timestamp", "lifecycle:transition", "ctx.n", "org:resource"}
			if !equalStrings(d.cols, want) {
				t.Errorf("got columns %q, want %q", d.cols, want)
			}
			if len(d.recs) != 3 || d.lines[0] != 8 || d.lines[1] != 14 || d.lines[2] != 21 {
				t.Fatalf("got %d events on lines %v, want 3 on lines 8, 14, 21", len(d.recs), d.lines)
			}
			if d.get(1, "case:channel") != "Internet" || d.get(2, "case:channel") != "" || d.get(2, "case:concept:name") != "case-2" ||
				d.get(0, "ctx.n") != "3" || d.get(1, "time:timestamp") != "" {
				t.Errorf("got %q, want trace attributes per trace and event attributes per event", d.recs)
			}
		})
	}
}

func TestXESBroken(t *testing.T) {
	const log = "<log>\n<trace><string key=\"concept:name\" value=\"c\"/>\n<event><string key=\"concept:name\" value=\"A\"/></event>\n<event><string key=\"x\" value=\"y\"></event>\n</trace></log>"
	d := drain(t, writeTemp(t, "bad.xes", []byte(log)), ingest.Options{})
	if len(d.recs) != 1 || len(d.errs) != 1 || !d.errs[0].Fatal || d.errs[0].Line != 4 {
		t.Errorf("got %d records and errors %v, want 1 record and a fatal error on line 4", len(d.recs), d.errs)
	}
}
