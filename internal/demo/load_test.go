package demo_test

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"wayline/internal/demo"
)

// The tests read the exports back with the standard library only, independent of the ingest package, and
// resolve every row to its person through truth.csv.

type event struct {
	t      time.Time
	tp     string
	file   string
	device string
	value  float64
	rating int
}

type person struct {
	id      string
	persona string
	events  []event
}

type world struct {
	dir      string
	manifest demo.Manifest
	owner    map[string]string // "type|value" -> person id
	people   map[string]*person
	rows     map[string]int // data rows read per file
}

func export(t testing.TB, n int, seed int64) (string, demo.Manifest) {
	t.Helper()
	dir := t.TempDir()
	m, err := demo.Export(dir, demo.Options{Customers: n, Seed: seed})
	if err != nil {
		t.Fatalf("Export: %v", err)
	}
	return dir, m
}

func load(t testing.TB, n int, seed int64) *world {
	t.Helper()
	dir, m := export(t, n, seed)
	w := &world{dir: dir, manifest: m, owner: map[string]string{}, people: map[string]*person{}, rows: map[string]int{}}
	truth := readCSV(t, filepath.Join(dir, m.TruthFile))
	if got, want := strings.Join(truth[0], ","), "identifier_type,identifier,person,persona"; got != want {
		t.Fatalf("truth.csv header: got %q, want %q", got, want)
	}
	for _, r := range truth[1:] {
		key := r[0] + "|" + r[1]
		if prev, ok := w.owner[key]; ok {
			t.Fatalf("truth.csv lists %s for both %s and %s", key, prev, r[2])
		}
		w.owner[key] = r[2]
		p := w.people[r[2]]
		if p == nil {
			p = &person{id: r[2], persona: r[3]}
			w.people[r[2]] = p
		} else if p.persona != r[3] {
			t.Fatalf("person %s has personas %q and %q", r[2], p.persona, r[3])
		}
	}
	w.readWeb(t)
	w.readCSVFiles(t)
	for _, p := range w.people {
		slices.SortStableFunc(p.events, func(a, b event) int { return a.t.Compare(b.t) })
	}
	return w
}

func readCSV(t testing.TB, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return recs
}

// who finds the person behind a row's identifiers; junk values resolve to no one.
func (w *world) who(ids ...string) string {
	for i := 0; i+1 < len(ids); i += 2 {
		v := ids[i+1]
		switch ids[i] {
		case "email":
			v = strings.ToLower(strings.TrimSpace(v))
		case "phone":
			v = normPhone(v)
		}
		if p, ok := w.owner[ids[i]+"|"+v]; ok && v != "" {
			return p
		}
	}
	return ""
}

func normPhone(v string) string {
	if i := strings.Index(v, "ext"); i >= 0 {
		v = v[:i]
	}
	var b strings.Builder
	for _, c := range v {
		if c >= '0' && c <= '9' {
			b.WriteRune(c)
		}
	}
	d := b.String()
	switch {
	case strings.HasPrefix(strings.TrimSpace(v), "+"):
		return "+" + d
	case strings.HasPrefix(d, "00"):
		return "+" + d[2:]
	}
	return d
}

func (w *world) add(t testing.TB, file, who string, line int, e event) {
	t.Helper()
	if who == "" {
		return
	}
	p := w.people[who]
	if p == nil {
		t.Fatalf("%s line %d: person %s is not in truth.csv", file, line, who)
	}
	e.file = file
	p.events = append(p.events, e)
}

type webEvent struct {
	AnonymousID string `json:"anonymousId"`
	UserID      string `json:"userId"`
	Event       string `json:"event"`
	Timestamp   string `json:"timestamp"`
	Context     struct {
		Device   struct{ Type string }
		Campaign struct{ Medium, Source, Name string }
	}
	Properties struct {
		Value *float64 `json:"value"`
	}
}

func (w *world) readWeb(t testing.TB) {
	t.Helper()
	name := w.manifest.Files[0].Name
	f, err := os.Open(filepath.Join(w.dir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		var e webEvent
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatalf("%s line %d does not parse: %v", name, line, err)
		}
		ts, err := time.Parse(time.RFC3339Nano, e.Timestamp)
		if err != nil {
			t.Fatalf("%s line %d: %v", name, line, err)
		}
		who := w.who("anonymous_id", e.AnonymousID)
		if who == "" {
			t.Fatalf("%s line %d: anonymousId %s belongs to no one in truth.csv", name, line, e.AnonymousID)
		}
		if e.UserID != "" && e.UserID != "unknown" {
			if got := w.who("customer_id", e.UserID); got != who {
				t.Fatalf("%s line %d: userId %s is %s, anonymousId is %s", name, line, e.UserID, got, who)
			}
		}
		ev := event{t: ts, tp: e.Event, device: e.Context.Device.Type}
		if e.Properties.Value != nil {
			ev.value = *e.Properties.Value
		}
		w.add(t, name, who, line, ev)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	w.rows[name] = line
}

func mustTime(t testing.TB, file string, line int, layout, v string) time.Time {
	t.Helper()
	ts, err := time.Parse(layout, v)
	if err != nil {
		t.Fatalf("%s line %d: %v", file, line, err)
	}
	return ts
}

func (w *world) readCSVFiles(t testing.TB) {
	t.Helper()
	for _, f := range w.manifest.Files[1:] {
		recs := readCSV(t, filepath.Join(w.dir, f.Name))
		w.rows[f.Name] = len(recs) - 1
		for i, r := range recs[1:] {
			line := i + 2
			switch f.Name {
			case "crm_contacts.csv":
				who := w.who("customer_id", r[0])
				if got := w.who("email", r[1]); got != who {
					t.Fatalf("%s line %d: email is %s, id is %s", f.Name, line, got, who)
				}
				w.add(t, f.Name, who, line, event{t: mustTime(t, f.Name, line, "2006-01-02 15:04", r[4]), tp: "Account created"})
			case "email_activity.csv":
				w.add(t, f.Name, w.who("email", r[0]), line, event{t: mustTime(t, f.Name, line, "2006-01-02 15:04:05", r[2]), tp: "Email " + r[1]})
			case "support_tickets.csv":
				who := w.who("email", r[1], "phone", r[2])
				w.add(t, f.Name, who, line, event{t: mustTime(t, f.Name, line, time.RFC3339, r[3]), tp: "Ticket opened", device: r[5]})
				if r[4] != "" {
					rating, _ := strconv.Atoi(r[7])
					w.add(t, f.Name, who, line, event{t: mustTime(t, f.Name, line, time.RFC3339, r[4]), tp: "Ticket solved", rating: rating})
				}
			case "store_visits.csv":
				v, _ := strconv.ParseFloat(r[4], 64)
				w.add(t, f.Name, w.who("phone", r[1]), line, event{t: mustTime(t, f.Name, line, "02/01/2006 15:04", r[2]), tp: r[3], value: v})
			case "orders.csv":
				v, _ := strconv.ParseFloat(r[10], 64)
				w.add(t, f.Name, w.who("customer_id", r[2], "email", r[1]), line,
					event{t: mustTime(t, f.Name, line, "2006-01-02 15:04:05 -0700", r[4]), tp: "Order: " + r[11], value: v})
			default:
				t.Fatalf("unexpected file %s", f.Name)
			}
		}
	}
}
