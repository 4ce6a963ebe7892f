package identity_test

import (
	"slices"
	"strings"
	"testing"
)

func lookupFixture() (batch, batch) {
	return batch{ID: 10, Name: "crm.csv", Rows: []string{
			"customer_id=C-1 email=ana@example.com phone=+15550102030 @t=500",
			"customer_id=C-2 email=bo@example.com @t=100",
			"anonymous_id=Web-XYZ",
		}}, batch{ID: 11, Name: "orders.csv", Rows: []string{
			"email=ana@example.com order_id=1001 @t=300",
			"email=bo@example.com order_id=1001",
		}}
}

func TestFind(t *testing.T) {
	res := resolve(lookupFixture())
	ana := profileOf(t, res, "email", "ana@example.com")
	bo := profileOf(t, res, "email", "bo@example.com")
	anon := profileOf(t, res, "anonymous_id", "Web-XYZ")
	tests := []struct {
		key  string
		want int
	}{
		{res.Profiles[ana].ID, ana},
		{strings.ToUpper(res.Profiles[ana].ID), ana},
		{"ana@example.com", ana},
		{"  ANA@Example.COM ", ana},
		{"mailto:Ana@example.com", ana},
		{"+15550102030", ana},
		{"+1 (555) 010-2030", ana},
		{"001 555 010 2030", ana},
		{"C-1", ana},
		{"c-1", ana},
		{"C-2", bo},
		{"web-xyz", anon},
		{"WEB-XYZ", anon},
		{"1001", min(ana, bo)}, // a shared non-merging value finds the first of its profiles
		{"nobody@example.com", -1},
		{"", -1},
		{"p_", -1},
		{"p_0000000000000000", -1},
		{"C-", -1},
	}
	for _, tt := range tests {
		got, ok := res.Find(tt.key)
		if !ok {
			got = -1
		}
		if got != tt.want {
			t.Errorf("Find(%q) = %d, want %d", tt.key, got, tt.want)
		}
	}
	for p, prof := range res.Profiles {
		if got, ok := res.ByID(prof.ID); !ok || got != p {
			t.Errorf("ByID(%s) = %d, %v; want %d", prof.ID, got, ok, p)
		}
	}
}

func TestSearch(t *testing.T) {
	b := batch{ID: 1, Rows: []string{
		"email=ana@example.com", "email=anabel@shop.com", "email=bo@example.com", "customer_id=ANA-7", "email=cy@other.org",
	}}
	res := resolve(b)
	profilesOf := func(values ...string) []int {
		var out []int
		for p := range res.Profiles {
			for _, id := range res.Identifiers(p) {
				if slices.Contains(values, id.Value) {
					out = append(out, p)
				}
			}
		}
		slices.Sort(out)
		return out
	}
	tests := []struct {
		q     string
		limit int
		want  []int
	}{
		{"ana", 0, profilesOf("ana@example.com", "anabel@shop.com", "ANA-7")},
		{"ANA", 0, profilesOf("ana@example.com", "anabel@shop.com", "ANA-7")},
		{" example.com ", 0, profilesOf("ana@example.com", "bo@example.com")},
		{"ana", 2, profilesOf("ana@example.com", "anabel@shop.com", "ANA-7")[:2]},
		{"@", 0, profilesOf("ana@example.com", "anabel@shop.com", "bo@example.com", "cy@other.org")},
		{"m\x00", 0, []int{}},
		{"", 0, []int{}},
		{"zzz", 0, []int{}},
		{"comb", 0, []int{}}, // never across two values
	}
	for _, tt := range tests {
		if got := res.Search(tt.q, tt.limit); !slices.Equal(got, tt.want) {
			t.Errorf("Search(%q, %d) = %v, want %v", tt.q, tt.limit, got, tt.want)
		}
	}
}

func TestIdentifiersAndRows(t *testing.T) {
	res := resolve(lookupFixture())
	ana := profileOf(t, res, "email", "ana@example.com")
	got := res.Identifiers(ana)
	want := []string{"email=ana@example.com rows=2 first=300", "phone=+15550102030 rows=1 first=500",
		"customer_id=C-1 rows=1 first=500", "order_id=1001 rows=1 first=300"}
	var gotS []string
	for _, id := range got {
		gotS = append(gotS, id.Type+"="+id.Value+" rows="+itoa(id.Rows)+" first="+itoa(int(id.FirstSeen)))
	}
	if !slices.Equal(gotS, want) {
		t.Errorf("%s", diffLines(gotS, want))
	}
	if got := res.Rows(ana); !slices.Equal(got, []uint32{0, 3}) {
		t.Errorf("got rows %v, want [0 3]", got)
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	if neg {
		return "-" + string(b)
	}
	return string(b)
}
