package cli_test

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

func sharedData(t *testing.T, rel string) string {
	t.Helper()
	dir, _ := os.Getwd()
	for d := dir; d != filepath.Dir(d); d = filepath.Dir(d) {
		if p := filepath.Join(d, "shared", "data", rel); fileExists(p) {
			return p
		}
	}
	t.Skipf("shared/data/%s not found", rel)
	return ""
}

func fileExists(p string) bool { _, err := os.Stat(p); return err == nil }

func TestProfilesFlowJourneysOnTheDemo(t *testing.T) {
	ws := filepath.Join(t.TempDir(), "demo.wayline")
	mustRun(t, "demo", "-w", ws, "--customers", "300", "--seed", "5")

	var profiles struct {
		Profiles     int `json:"profiles"`
		OverStitched []struct {
			Size    int      `json:"size"`
			Bridges []string `json:"bridges"`
		} `json:"overStitched"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, "profiles", "-w", ws, "--json")), &profiles); err != nil {
		t.Fatal(err)
	}
	if profiles.Profiles != 300 || len(profiles.OverStitched) != 0 {
		t.Fatalf("profiles = %+v, want 300 people and no over-stitching", profiles)
	}

	var flow struct {
		Nodes []struct {
			Touchpoint string `json:"touchpoint"`
			Events     int    `json:"events"`
			Customers  int    `json:"customers"`
			Starts     int    `json:"starts"`
		} `json:"nodes"`
		Edges []struct {
			From          string  `json:"from"`
			To            string  `json:"to"`
			Count         int     `json:"count"`
			Customers     int     `json:"customers"`
			MedianSeconds float64 `json:"medianSeconds"`
		} `json:"edges"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, "flow", "-w", ws, "--json")), &flow); err != nil {
		t.Fatal(err)
	}
	events, starts, transitions := 0, 0, 0
	for _, n := range flow.Nodes {
		events += n.Events
		starts += n.Starts
	}
	for _, e := range flow.Edges {
		transitions += e.Count
		if e.Customers > e.Count || e.MedianSeconds < 0 {
			t.Fatalf("edge %+v: more customers than transitions, or a negative time", e)
		}
	}
	// Every journey of n events has n-1 transitions between touchpoints.
	if starts != 300 || transitions != events-starts {
		t.Fatalf("flow: %d starts, %d events, %d transitions; want 300 starts and events-starts transitions", starts, events, transitions)
	}

	var journeys struct {
		Variants []struct {
			Path      []string `json:"path"`
			Customers int      `json:"customers"`
		} `json:"variants"`
		Coverage float64 `json:"coverage"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, "journeys", "-w", ws, "--json", "--collapse", "--limit", "10000")), &journeys); err != nil {
		t.Fatal(err)
	}
	covered := 0
	for _, v := range journeys.Variants {
		covered += v.Customers
	}
	if covered != 300 || journeys.Coverage != 1 {
		t.Fatalf("all variants cover %d customers, coverage %v; want 300 and 1", covered, journeys.Coverage)
	}

	var person struct {
		ID       string `json:"id"`
		Timeline []struct {
			File string `json:"file"`
			Line int    `json:"line"`
		} `json:"timeline"`
	}
	if _, _, code := run(t, "profile", "-w", ws, "no-such-person@example.com"); code == 0 {
		t.Fatal("profile of an unknown key succeeded")
	}
	dir := t.TempDir()
	mustRun(t, "demo", "--export-dir", dir, "--customers", "300", "--seed", "5")
	truth, _ := os.ReadFile(filepath.Join(dir, "truth.csv"))
	var email string
	for _, line := range strings.Split(string(truth), "\n") {
		if strings.HasPrefix(line, "email,") {
			email = strings.Split(line, ",")[1]
			break
		}
	}
	if err := json.Unmarshal([]byte(mustRun(t, "profile", "-w", ws, email, "--json")), &person); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(person.ID, "p_") || len(person.Timeline) == 0 || person.Timeline[0].File == "" || person.Timeline[0].Line == 0 {
		t.Fatalf("profile %s: %+v; want a timeline with file:line", email, person)
	}
	human := mustRun(t, "profile", "-w", ws, person.ID)
	if !strings.Contains(human, "Why merged") || !strings.Contains(human, email) {
		t.Fatalf("profile text lacks the merge explanation or the email:\n%s", human)
	}
}

// TestFlowMatchesAnIndependentCount imports a real process-mining log and checks every directly-follows
// count against one computed here from the CSV alone.
func TestFlowMatchesAnIndependentCount(t *testing.T) {
	path := sharedData(t, "process-mining/receipt.csv")
	ws := filepath.Join(t.TempDir(), "receipt.wayline")
	mustRun(t, "import", "-w", ws, path)

	f, _ := os.Open(path)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	type ev struct {
		at   time.Time
		line int
		act  string
	}
	cases := map[string][]ev{}
	for i, r := range rows[1:] {
		at, err := time.Parse("2006-01-02 15:04:05-07:00", r[col["time:timestamp"]])
		if err != nil {
			at, err = time.Parse(time.RFC3339Nano, r[col["time:timestamp"]])
		}
		if err != nil {
			t.Fatalf("line %d: %v", i+2, err)
		}
		c := r[col["case:concept:name"]]
		cases[c] = append(cases[c], ev{at, i, r[col["concept:name"]]})
	}
	want := map[[2]string]int{}
	for _, evs := range cases {
		sort.SliceStable(evs, func(i, j int) bool { return evs[i].at.Before(evs[j].at) })
		for i := 1; i < len(evs); i++ {
			want[[2]string{evs[i-1].act, evs[i].act}]++
		}
	}

	var flow struct {
		Edges []struct {
			From  string `json:"from"`
			To    string `json:"to"`
			Count int    `json:"count"`
		} `json:"edges"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, "flow", "-w", ws, "--json")), &flow); err != nil {
		t.Fatal(err)
	}
	got := map[[2]string]int{}
	for _, e := range flow.Edges {
		got[[2]string{e.From, e.To}] = e.Count
	}
	if len(got) != len(want) {
		t.Errorf("got %d edges, want %d", len(got), len(want))
	}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("edge %s → %s: got %d, want %d", k[0], k[1], got[k], n)
		}
	}
}

func TestPersonasAndAssignments(t *testing.T) {
	ws := filepath.Join(t.TempDir(), "demo.wayline")
	mustRun(t, "demo", "-w", ws, "--customers", "400", "--seed", "2")
	var out struct {
		K        int `json:"k"`
		Personas []struct {
			ID             string  `json:"id"`
			Name           string  `json:"name"`
			Size           int     `json:"size"`
			Share          float64 `json:"share"`
			ConversionRate float64 `json:"conversionRate"`
		} `json:"personas"`
	}
	csvPath := filepath.Join(t.TempDir(), "assign.csv")
	if err := json.Unmarshal([]byte(mustRun(t, "personas", "-w", ws, "--json", "--assignments", csvPath)), &out); err != nil {
		t.Fatal(err)
	}
	if out.K < 2 || len(out.Personas) != out.K {
		t.Fatalf("personas: k=%d with %d personas", out.K, len(out.Personas))
	}
	sizes := map[string]int{}
	for _, p := range out.Personas {
		sizes[p.ID] = p.Size
	}
	f, _ := os.Open(csvPath)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != "profile,persona,persona_name,identifier_type,identifier" {
		t.Fatalf("header %v", rows[0])
	}
	profiles := map[string]string{}
	for _, r := range rows[1:] {
		if prev, ok := profiles[r[0]]; ok && prev != r[1] {
			t.Fatalf("profile %s in two personas", r[0])
		}
		profiles[r[0]] = r[1]
	}
	counted := map[string]int{}
	for _, persona := range profiles {
		counted[persona]++
	}
	for id, n := range sizes {
		if counted[id] != n {
			t.Errorf("persona %s: %d profiles in the CSV, size %d", id, counted[id], n)
		}
	}
}
