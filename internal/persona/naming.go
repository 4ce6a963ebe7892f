package persona

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// phrase is one entry of the naming table: when a feature matching key stands out with the given sign,
// it offers an adjective (a modifier: "Mobile") and/or a noun (the head: "repeat buyers").
//
// key is a feature name ("support"), or a prefix and word ("channel.*email"): a channel, device or entry
// column whose name contains that word. Attribute columns take their own name ("High-ltv").
type phrase struct {
	key  string
	sign int
	adj  string
	noun string
}

// minNamingEffect is the smallest |Cohen's d| a feature needs to lend a persona a phrase; a device share
// with |d| of at least strongDevice lends its adjective before any other.
const (
	minNamingEffect = 0.3
	strongDevice    = 1.0
)

// phrases is the naming table (docs/personas.md lists it). A persona's distinguishing features are read
// strongest first; the first adjective and the first noun found make the name, never repeating a word.
var phrases = []phrase{
	{"device.*mobile", +1, "Mobile", ""},
	{"device.*phone", +1, "Mobile", ""},
	{"device.*desktop", +1, "Desktop", ""},
	{"device.*tablet", +1, "Tablet", ""},
	{"channel.*store", +1, "Store-going", "store visitors"},
	{"channel.*pos", +1, "Store-going", "store visitors"},
	{"channel.*retail", +1, "Store-going", "store visitors"},
	{"channel.*email", +1, "Email", ""},
	{"channel.*newsletter", +1, "Email", ""},
	{"channel.*referral", +1, "Referred", "comparison shoppers"},
	{"channel.*affiliate", +1, "Referred", "comparison shoppers"},
	{"channel.*organic", +1, "Search-led", "researchers"},
	{"channel.*search", +1, "Search-led", "researchers"},
	{"channel.*cpc", +1, "Search-led", "researchers"},
	{"channel.*social", +1, "Social", "social browsers"},
	{"channel.*direct", +1, "Direct", ""},
	{"channel.*display", +1, "Ad-chased", ""},
	{"channel.*retargeting", +1, "Ad-chased", ""},
	{"channel.*support", +1, "Support-heavy", ""},
	{"channel.*chat", +1, "Support-heavy", ""},
	{"support", +1, "Support-heavy", ""},
	{"rating.mean", -1, "Unhappy", "at-risk customers"},
	{"orders", +1, "Loyal", "repeat buyers"},
	{"repeat", +1, "Loyal", "repeat buyers"},
	{"order.gap.days", +1, "Loyal", "repeat buyers"},
	{"value.total", +1, "High-value", ""},
	{"value.mean", +1, "Big-basket", ""},
	{"value.mean", -1, "Small-basket", ""},
	{"converted", -1, "Non-buying", "browsers"},
	{"converted", +1, "", "converters"},
	{"span.days", +1, "Long-consideration", ""},
	{"convert.days", +1, "Long-consideration", ""},
	{"convert.days", -1, "Quick-deciding", ""},
	{"touches", +1, "Highly engaged", "researchers"},
	{"sessions", +1, "Frequent-visit", ""},
	{"touches", -1, "Low-touch", ""},
	{"stage.skips", +1, "Stage-skipping", ""},
	{"stage.reach", -1, "Early-stage", "browsers"},
	{"recency.days", +1, "Lapsed", ""},
	{"recency.days", -1, "Recently active", ""},
	{"entry.*email", +1, "Email", ""},
	{"entry.*social", +1, "Social", ""},
	{"entry.*referral", +1, "Referred", ""},
	{"entry.*direct", +1, "Direct", ""},
}

// phrasesFor returns the table entries for a feature and the sign of its effect.
func phrasesFor(f Feature, sign int) []phrase {
	var out []phrase
	if strings.HasPrefix(f.Name, prefixAttr) {
		a := strings.TrimPrefix(f.Name, prefixAttr)
		if sign > 0 {
			return []phrase{{f.Name, sign, "High-" + a, ""}}
		}
		return []phrase{{f.Name, sign, "Low-" + a, ""}}
	}
	// A support channel ("Support email") speaks of support, not of e-mail marketing.
	support := strings.HasPrefix(f.Name, prefixChannel) && isSupport("", strings.TrimPrefix(f.Name, prefixChannel))
	for _, p := range phrases {
		if support && p.key != "channel.*support" && p.key != "channel.*chat" {
			continue
		}
		if p.sign != sign {
			continue
		}
		if prefix, word, ok := strings.Cut(p.key, "*"); ok {
			if !strings.HasPrefix(f.Name, prefix) || strings.HasSuffix(f.Name, "."+otherSuffix) {
				continue
			}
			if hasWord(strings.TrimPrefix(f.Name, prefix), []string{word}) {
				out = append(out, p)
			}
		} else if p.key == f.Name {
			out = append(out, p)
		}
	}
	return out
}

// candidate names of one persona, best first.
func candidateNames(s *space, effect []float64, conversion float64) []string {
	idx := make([]int, len(effect))
	for j := range idx {
		idx[j] = j
	}
	sort.SliceStable(idx, func(a, b int) bool { return math.Abs(effect[idx[a]]) > math.Abs(effect[idx[b]]) })
	var adjs, nouns []string
	// Adjectives in three tiers: service trouble first (what a workshop must hear about), then a device
	// that dominates (the most recognisable trait), then the rest by effect size.
	var serviceAdjs, deviceAdjs []string
	for _, j := range idx {
		e := effect[j]
		if math.Abs(e) < minNamingEffect {
			break
		}
		sign := 1
		if e < 0 {
			sign = -1
		}
		f := s.tab.Features[s.descCols[j]]
		for _, p := range phrasesFor(f, sign) {
			service := (f.Group == GroupService || (strings.HasPrefix(f.Name, prefixChannel) && isSupport("", strings.TrimPrefix(f.Name, prefixChannel)))) && sign == p.sign
			if p.adj != "" && service && !contains(serviceAdjs, p.adj) {
				serviceAdjs = append(serviceAdjs, p.adj)
			} else if p.adj != "" && strings.HasPrefix(f.Name, prefixDevice) && math.Abs(e) >= strongDevice && !contains(deviceAdjs, p.adj) {
				deviceAdjs = append(deviceAdjs, p.adj)
			} else if p.adj != "" && !contains(adjs, p.adj) {
				adjs = append(adjs, p.adj)
			}
			if p.noun != "" && !contains(nouns, p.noun) && fitsConversion(p.noun, conversion) {
				nouns = append(nouns, p.noun)
			}
		}
	}
	// Without a noun of its own, a persona is named by what it mostly does.
	if conversion >= 0.5 {
		nouns = append(nouns, "buyers")
	} else {
		nouns = append(nouns, "browsers")
	}
	adjs = append(append(serviceAdjs, deviceAdjs...), adjs...)
	var out []string
	for _, a := range adjs {
		for _, nn := range nouns {
			if !sharesWord(a, nn) {
				out = append(out, a+" "+nn)
			}
		}
	}
	for _, nn := range nouns {
		out = append(out, strings.ToUpper(nn[:1])+nn[1:])
	}
	return out
}

// nameAll gives every persona a unique AutoName: personas are named largest first, each taking its best
// candidate not already taken; when all are taken, a number is added.
func nameAll(r *Result, s *space, effects [][]float64) {
	taken := map[string]bool{}
	for c := range r.Personas {
		per := &r.Personas[c]
		cands := candidateNames(s, effects[c], per.ConversionRate)
		name := ""
		for _, cand := range cands {
			if !taken[strings.ToLower(cand)] {
				name = cand
				break
			}
		}
		if name == "" {
			base := cands[0]
			for i := 2; ; i++ {
				name = fmt.Sprintf("%s (%d)", base, i)
				if !taken[strings.ToLower(name)] {
					break
				}
			}
		}
		taken[strings.ToLower(name)] = true
		per.AutoName = name
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// sharesWord reports whether two phrases have a word in common ("Support-heavy", "support seekers").
func sharesWord(a, b string) bool {
	for _, x := range splitWords(a) {
		for _, y := range splitWords(b) {
			if x == y {
				return true
			}
		}
	}
	return false
}

// fitsConversion keeps a noun that speaks of buying or browsing off a persona whose conversion rate says
// the opposite.
func fitsConversion(noun string, conversion float64) bool {
	buying := strings.Contains(noun, "buyer") || strings.Contains(noun, "converter")
	browsing := strings.Contains(noun, "browser")
	return !(buying && conversion < 0.5) && !(browsing && conversion >= 0.5)
}
