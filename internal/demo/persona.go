package demo

import (
	"math/rand/v2"
	"sort"
)

// Persona ids, in the order planted.json lists them.
const (
	pMobileResearcher = iota
	pEmailConverter
	pSupportHeavy
	pLoyalRepeat
	pComparison
	numPersonas
)

// personaDef is what the generator plants for one persona.
type personaDef struct {
	name        string
	weight      float64 // share of people; every weight is at least 0.08
	description string
}

var personas = [numPersonas]personaDef{
	pMobileResearcher: {"Mobile store researchers", 0.20,
		"Browse on a phone (social ads, search), look up a store, call it, then visit and buy at the till; " +
			"keep seeing retargeting ads after buying in store."},
	pEmailConverter: {"Discount-driven email converters", 0.26,
		"Open and click most campaign e-mails, buy small baskets online with a discount code, 1-3 orders."},
	pSupportHeavy: {"Support-heavy at-risk customers", 0.13,
		"One or two mid-value orders, then many support tickets by e-mail and chat with low satisfaction; " +
			"refunds; no repeat purchase."},
	pLoyalRepeat: {"Loyal direct repeat buyers", 0.18,
		"Long-standing accounts who come straight to the site (or the till), sign in and buy: several " +
			"high-value orders, few touches, reviews and referrals; skip awareness and consideration."},
	pComparison: {"Long-consideration comparison shoppers", 0.23,
		"Many desktop sessions over weeks from search and comparison sites, comparing big-ticket items; " +
			"struggle at the payment step; about half buy; some never sign in."},
}

// personaSizes splits n people by weight with the largest-remainder method, so sizes are exact and sum to n.
func personaSizes(n int) [numPersonas]int {
	var sizes [numPersonas]int
	type rem struct {
		p int
		r float64
	}
	rems := make([]rem, numPersonas)
	total := 0
	for p, def := range personas {
		exact := def.weight * float64(n)
		sizes[p] = int(exact)
		total += sizes[p]
		rems[p] = rem{p, exact - float64(sizes[p])}
	}
	sort.SliceStable(rems, func(i, j int) bool { return rems[i].r > rems[j].r })
	for i := 0; total < n; i++ {
		sizes[rems[i%numPersonas].p]++
		total++
	}
	return sizes
}

// assignPersonas gives each customer index a persona: exact sizes, order shuffled by the seed. One byte per
// customer is the only state Export keeps for all customers at once.
func assignPersonas(n int, seed int64) []uint8 {
	sizes := personaSizes(n)
	out := make([]uint8, 0, n)
	for p, s := range sizes {
		for range s {
			out = append(out, uint8(p))
		}
	}
	r := rand.New(rand.NewPCG(uint64(seed), 0x9e3779b97f4a7c15))
	r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}
