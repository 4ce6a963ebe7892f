package persona

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"wayline/internal/explore"
	"wayline/internal/journey"
)

// Kind says what a feature measures, and so how it is scaled (see scale.go).
type Kind int

// The kinds of feature. Counts, money and durations are skewed (a few customers with hundreds of touches
// or orders) and are taken as log1p before winsorising; shares, flags and ratios are already on 0..1.
const (
	KindShare  Kind = iota // a share of events, 0..1
	KindFlag               // 0 or 1
	KindRatio              // another 0..1 quantity (stage reach, mean rating)
	KindCount              // a count of events, sessions, orders or contacts
	KindMoney              // an amount of money
	KindDays               // a duration in days
	KindNumber             // a numeric profile attribute, taken as it is
)

// logScaled reports whether the kind is taken as log1p before winsorising.
func (k Kind) logScaled() bool { return k == KindCount || k == KindMoney || k == KindDays }

// Feature is one column of the per-customer feature vector.
type Feature struct {
	Name    string `json:"name"`    // stable identifier, e.g. "channel.Email", "support"
	Label   string `json:"label"`   // what a person reads, e.g. "Email share", "support contacts"
	Group   string `json:"group"`   // for the feature picker
	Default bool   `json:"default"` // in the default set
	Kind    Kind   `json:"kind"`
}

// Feature groups, in the order the feature picker shows them.
const (
	GroupChannels   = "Channels"
	GroupDevices    = "Devices"
	GroupJourney    = "Journey"
	GroupConversion = "Conversion"
	GroupValue      = "Value"
	GroupService    = "Service"
	GroupEntry      = "Entry channel"
	GroupTiming     = "Timing"
	GroupAttributes = "Attributes"
)

// Prefixes of the features whose columns depend on the data.
const (
	prefixChannel = "channel."
	prefixDevice  = "device."
	prefixEntry   = "entry."
	prefixAttr    = "attr."
	otherSuffix   = "other"
)

// The fixed features, in vector order after the channel and device mixes.
var fixedFeatures = []Feature{
	{"stage.reach", "stage reach", GroupJourney, false, KindRatio},
	{"stage.skips", "stage skips", GroupJourney, true, KindCount},
	{"touches", "touches", GroupJourney, true, KindCount},
	{"sessions", "sessions", GroupJourney, true, KindCount},
	{"span.days", "journey span (days)", GroupTiming, true, KindDays},
	{"convert.days", "days to convert", GroupTiming, false, KindDays},
	{"converted", "converted", GroupConversion, false, KindFlag},
	{"orders", "orders", GroupConversion, true, KindCount},
	{"repeat", "repeat buyer", GroupConversion, false, KindFlag},
	{"order.gap.days", "days between orders", GroupTiming, false, KindDays},
	{"value.total", "total order value", GroupValue, false, KindMoney},
	{"value.mean", "mean order value", GroupValue, false, KindMoney},
	{"support", "support contacts", GroupService, true, KindCount},
	{"rating.mean", "mean rating", GroupService, true, KindRatio},
	{"rating.has", "has a rating", GroupService, false, KindFlag},
	{"recency.days", "days since last event", GroupTiming, true, KindDays},
}

// Limits of the data-dependent columns: the channels and devices that carry at least minMixShare of all
// events (at most maxChannels and maxDevices of them, most events first), and the entry channels of at
// least minEntryShare of customers (at most maxEntries). Everything else is pooled into ".other".
const (
	maxChannels   = 12
	maxDevices    = 4
	maxEntries    = 6
	minMixShare   = 0.01
	minEntryShare = 0.02
	// A goal event within orderGap of the previous one belongs to the same order: an order is often reported
	// twice, by the web analytics and by the shop.
	orderGap = time.Hour
	// An attribute is offered as a feature when at least attrNumericShare of its non-empty values parse
	// as numbers.
	attrNumericShare = 0.9
)

// spec is what the data-dependent columns are: the channels, devices and entry channels with their own
// column, and the numeric attributes.
type spec struct {
	channels, devices, entries, attrs []string
}

// features lists the columns of the spec, in vector order.
func (sp spec) features() []Feature {
	var out []Feature
	for _, c := range sp.channels {
		out = append(out, Feature{prefixChannel + c, c + " share", GroupChannels, true, KindShare})
	}
	out = append(out, Feature{prefixChannel + otherSuffix, "other channels share", GroupChannels, true, KindShare})
	for _, d := range sp.devices {
		out = append(out, Feature{prefixDevice + d, d + " share", GroupDevices, true, KindShare})
	}
	out = append(out, Feature{prefixDevice + otherSuffix, "other devices share", GroupDevices, true, KindShare})
	out = append(out, fixedFeatures...)
	for _, e := range sp.entries {
		out = append(out, Feature{prefixEntry + e, "enters via " + e, GroupEntry, false, KindFlag})
	}
	out = append(out, Feature{prefixEntry + otherSuffix, "enters via another channel", GroupEntry, false, KindFlag})
	for _, a := range sp.attrs {
		out = append(out, Feature{prefixAttr + a, a, GroupAttributes, false, KindNumber})
	}
	return out
}

// specFromNames recovers the data-dependent columns from feature names, so a saved result computes the
// same columns on a new snapshot.
func specFromNames(names []string) spec {
	var sp spec
	for _, n := range names {
		switch {
		case n == prefixChannel+otherSuffix, n == prefixDevice+otherSuffix, n == prefixEntry+otherSuffix:
		case strings.HasPrefix(n, prefixChannel):
			sp.channels = append(sp.channels, strings.TrimPrefix(n, prefixChannel))
		case strings.HasPrefix(n, prefixDevice):
			sp.devices = append(sp.devices, strings.TrimPrefix(n, prefixDevice))
		case strings.HasPrefix(n, prefixEntry):
			sp.entries = append(sp.entries, strings.TrimPrefix(n, prefixEntry))
		case strings.HasPrefix(n, prefixAttr):
			sp.attrs = append(sp.attrs, strings.TrimPrefix(n, prefixAttr))
		}
	}
	return sp
}

// Table is the raw (unscaled) feature vector of every customer: a profile with at least one event.
// Rows are in profile order, which is the order of the stable profile ids, so a table never depends on the
// order rows were imported in.
type Table struct {
	Features []Feature
	Profiles []int32   // profile index (into the snapshot's identity result) per row
	IDs      []string  // stable profile id per row
	X        []float64 // len(Profiles) × len(Features), row-major
	// Paths are the customers' touchpoint sequences with consecutive repeats collapsed (A A B → A B):
	// row i's path is PathSteps[PathOff[i]:PathOff[i+1]], indices into Touchpoints.
	Touchpoints []string
	PathOff     []int
	PathSteps   []int32
}

// Rows is the number of customers.
func (t *Table) Rows() int { return len(t.Profiles) }

// Row returns customer i's features.
func (t *Table) Row(i int) []float64 { d := len(t.Features); return t.X[i*d : (i+1)*d] }

// Path returns customer i's collapsed touchpoint path as names.
func (t *Table) Path(i int) []string {
	steps := t.PathSteps[t.PathOff[i]:t.PathOff[i+1]]
	out := make([]string, len(steps))
	for k, s := range steps {
		out[k] = t.Touchpoints[s]
	}
	return out
}

// Column returns the index of the named feature, or -1.
func (t *Table) Column(name string) int {
	for j, f := range t.Features {
		if f.Name == name {
			return j
		}
	}
	return -1
}

// Catalog lists every feature the snapshot offers: the default set and the optional ones (entry channels,
// numeric attributes, has-a-rating).
func Catalog(snap *explore.Snapshot) []Feature { return defaultSpec(snap).features() }

// defaultSpec picks the data-dependent columns from the snapshot: the busiest channels and devices, the
// commonest entry channels and every attribute that reads as a number.
func defaultSpec(snap *explore.Snapshot) spec {
	j := snap.Journeys
	chEvents, devEvents, entries := map[string]int{}, map[string]int{}, map[string]int{}
	total, customers := 0, 0
	for p := 0; p < j.Profiles(); p++ {
		steps := j.Timeline(p, 0)
		if len(steps) == 0 {
			continue
		}
		customers++
		entries[steps[0].Channel]++
		for _, s := range steps {
			total++
			chEvents[s.Channel]++
			if s.Device != journey.NoneLabel {
				devEvents[s.Device]++
			}
		}
	}
	return spec{
		channels: topKeys(chEvents, float64(total)*minMixShare, maxChannels),
		devices:  topKeys(devEvents, float64(total)*minMixShare, maxDevices),
		entries:  topKeys(entries, float64(customers)*minEntryShare, maxEntries),
		attrs:    numericAttributes(snap),
	}
}

// topKeys returns up to limit keys with a count of at least min, largest first, ties by name.
func topKeys(counts map[string]int, min float64, limit int) []string {
	keys := make([]string, 0, len(counts))
	for k, c := range counts {
		if float64(c) >= min && c > 0 {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(a, b int) bool {
		if counts[keys[a]] != counts[keys[b]] {
			return counts[keys[a]] > counts[keys[b]]
		}
		return keys[a] < keys[b]
	})
	if len(keys) > limit {
		keys = keys[:limit]
	}
	return keys
}

// numericAttributes lists, by name, the profile attributes whose non-empty values are (almost) all numbers.
func numericAttributes(snap *explore.Snapshot) []string {
	m := snap.Model
	type tally struct{ values, numbers int }
	byName := map[uint32]*tally{}
	for i := range m.AttrName {
		v := m.Str(m.AttrValue[i])
		if strings.TrimSpace(v) == "" {
			continue
		}
		t := byName[m.AttrName[i]]
		if t == nil {
			t = &tally{}
			byName[m.AttrName[i]] = t
		}
		t.values++
		if _, ok := parseNumber(v); ok {
			t.numbers++
		}
	}
	var out []string
	for id, t := range byName {
		if t.numbers > 0 && float64(t.numbers) >= attrNumericShare*float64(t.values) {
			out = append(out, m.Str(id))
		}
	}
	sort.Strings(out)
	return out
}

// parseNumber reads an attribute value as a number: plain decimals, with thousands separators (1,234.5)
// and a leading currency sign allowed.
func parseNumber(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	s = strings.TrimLeft(s, "$€£¥")
	s = strings.ReplaceAll(s, ",", "")
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false
	}
	return v, true
}

// supportTouchWords and supportChannelWords mark a support contact: an event whose touchpoint or channel
// has one of these words (lower case, whole words). "call" alone is not enough: a call to a store is
// research, not support, so only call centres count.
var (
	supportTouchWords   = []string{"ticket", "tickets", "support", "complaint", "complaints", "refund", "refunds", "helpdesk", "chat", "case", "escalation"}
	supportChannelWords = []string{"support", "helpdesk", "chat", "service", "zendesk", "freshdesk", "intercom"}
)

// isSupport reports whether an event on this touchpoint and channel is a support contact.
func isSupport(touchpoint, channel string) bool {
	if hasWord(touchpoint, supportTouchWords) || hasWord(channel, supportChannelWords) {
		return true
	}
	lc := strings.ToLower(channel)
	return strings.Contains(lc, "call center") || strings.Contains(lc, "call centre")
}

func hasWord(s string, words []string) bool {
	for _, w := range splitWords(s) {
		for _, x := range words {
			if w == x {
				return true
			}
		}
	}
	return false
}

func splitWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127)
	})
}

const dayMicros = float64(24 * time.Hour / time.Microsecond)

// extract computes the table of every customer of the snapshot under the spec.
func extract(snap *explore.Snapshot, sp spec) *Table {
	j, m := snap.Journeys, snap.Model
	feats := sp.features()
	d := len(feats)
	col := func(name string) int {
		for i, f := range feats {
			if f.Name == name {
				return i
			}
		}
		return -1
	}
	chCol := map[string]int{}
	for _, c := range sp.channels {
		chCol[c] = col(prefixChannel + c)
	}
	devCol := map[string]int{}
	for _, dv := range sp.devices {
		devCol[dv] = col(prefixDevice + dv)
	}
	entryCol := map[string]int{}
	for _, e := range sp.entries {
		entryCol[e] = col(prefixEntry + e)
	}
	chOther, devOther, entryOther := col(prefixChannel+otherSuffix), col(prefixDevice+otherSuffix), col(prefixEntry+otherSuffix)
	cReach, cSkips, cTouches, cSessions := col("stage.reach"), col("stage.skips"), col("touches"), col("sessions")
	cSpan, cConvert, cConverted, cOrders := col("span.days"), col("convert.days"), col("converted"), col("orders")
	cRepeat, cGap, cTotal, cMean := col("repeat"), col("order.gap.days"), col("value.total"), col("value.mean")
	cSupport, cRating, cHasRating, cRecency := col("support"), col("rating.mean"), col("rating.has"), col("recency.days")
	nStages := len(j.Stages())

	t := &Table{Features: feats, PathOff: []int{0}}
	tpIndex := map[string]int32{}
	supportCache := map[[2]string]bool{}
	var lastEvent int64
	ratingSum, ratingN := 0.0, 0
	var ratingMissing []int // rows without a rating, filled once the mean is known

	for p := 0; p < j.Profiles(); p++ {
		steps := j.Timeline(p, 0)
		if len(steps) == 0 {
			continue
		}
		row := make([]float64, d)
		n := float64(len(steps))
		first, last := steps[0].Time, steps[len(steps)-1].Time
		if last > lastEvent {
			lastEvent = last
		}
		withDevice := 0
		maxStage, prevStage := -1, -1
		skips := 0
		var orders []order
		support := 0
		rSum, rN := 0.0, 0
		prevTp := ""
		for k, s := range steps {
			if c, ok := chCol[s.Channel]; ok {
				row[c]++
			} else {
				row[chOther]++
			}
			if s.Device != journey.NoneLabel {
				withDevice++
				if c, ok := devCol[s.Device]; ok {
					row[c]++
				} else {
					row[devOther]++
				}
			}
			if s.StageIndex > maxStage {
				maxStage = s.StageIndex
			}
			// The journey's start counts as coming from before the first stage, so a journey that begins in
			// Decision has skipped Awareness and Consideration.
			if s.StageIndex != prevStage {
				if s.StageIndex > prevStage+1 {
					skips++
				}
				prevStage = s.StageIndex
			}
			if s.Goal {
				v := m.Events.Value[s.Event]
				if len(orders) > 0 && s.Time-orders[len(orders)-1].start <= orderGap.Microseconds() {
					orders[len(orders)-1].add(v)
				} else {
					orders = append(orders, order{start: s.Time, value: math.NaN()})
					orders[len(orders)-1].add(v)
				}
			}
			key := [2]string{s.Touchpoint, s.Channel}
			sup, ok := supportCache[key]
			if !ok {
				sup = isSupport(s.Touchpoint, s.Channel)
				supportCache[key] = sup
			}
			if sup {
				support++
			}
			if r := m.Events.Rating[s.Event]; !math.IsNaN(float64(r)) {
				rSum += float64(r)
				rN++
			}
			if k == 0 || s.Touchpoint != prevTp {
				id, ok := tpIndex[s.Touchpoint]
				if !ok {
					id = int32(len(t.Touchpoints))
					tpIndex[s.Touchpoint] = id
					t.Touchpoints = append(t.Touchpoints, s.Touchpoint)
				}
				t.PathSteps = append(t.PathSteps, id)
				prevTp = s.Touchpoint
			}
		}
		t.PathOff = append(t.PathOff, len(t.PathSteps))
		for _, c := range chCol {
			row[c] /= n
		}
		row[chOther] /= n
		if withDevice > 0 {
			for _, c := range devCol {
				row[c] /= float64(withDevice)
			}
			row[devOther] /= float64(withDevice)
		}
		if c, ok := entryCol[steps[0].Channel]; ok {
			row[c] = 1
		} else {
			row[entryOther] = 1
		}
		row[cReach] = float64(maxStage+1) / float64(max(nStages, 1))
		row[cSkips] = float64(skips)
		row[cTouches] = n
		row[cSessions] = float64(steps[len(steps)-1].Session + 1)
		span := float64(last-first) / dayMicros
		row[cSpan] = span
		// A customer who has not converted has waited at least their whole span: the fill is the span.
		row[cConvert] = span
		if len(orders) > 0 {
			row[cConverted] = 1
			row[cConvert] = float64(orders[0].start-first) / dayMicros
		}
		row[cOrders] = float64(len(orders))
		total := 0.0
		for _, o := range orders {
			if !math.IsNaN(o.value) {
				total += o.value
			}
		}
		row[cTotal] = total
		if len(orders) > 0 {
			row[cMean] = total / float64(len(orders))
		}
		if len(orders) > 1 {
			row[cRepeat] = 1
			row[cGap] = float64(orders[len(orders)-1].start-orders[0].start) / dayMicros / float64(len(orders)-1)
		}
		row[cSupport] = float64(support)
		if rN > 0 {
			row[cRating] = rSum / float64(rN)
			row[cHasRating] = 1
			ratingSum += row[cRating]
			ratingN++
		} else {
			ratingMissing = append(ratingMissing, len(t.Profiles))
		}
		t.Profiles = append(t.Profiles, int32(p))
		t.IDs = append(t.IDs, snap.Identity.Profiles[p].ID)
		t.X = append(t.X, row...)
	}
	// Customers without a rating get the mean of those with one (0.5, the middle of the scale, when nobody
	// rated), so the rating column says nothing about them; rating.has tells them apart.
	fill := 0.5
	if ratingN > 0 {
		fill = ratingSum / float64(ratingN)
	}
	for _, i := range ratingMissing {
		t.X[i*d+cRating] = fill
	}
	for i := range t.Profiles {
		t.X[i*d+cRecency] = float64(lastEvent-lastOf(j, int(t.Profiles[i]))) / dayMicros
	}
	fillAttributes(snap, t, sp.attrs)
	return t
}

// order is a group of goal events less than orderGap apart: one purchase. Its value is the largest value
// any of its events carries (two systems reporting one order report the same amount; adding them would
// count it twice).
type order struct {
	start int64
	value float64 // NaN when no event carries one
}

func (o *order) add(v float64) {
	if !math.IsNaN(v) && (math.IsNaN(o.value) || v > o.value) {
		o.value = v
	}
}

func lastOf(j *journey.Journeys, p int) int64 { return j.Profile(p).LastSeen }

// fillAttributes sets the attribute columns: the mean of the numeric values the profile's rows assert
// (a mean does not depend on import order), and for profiles without one the median over those with one.
func fillAttributes(snap *explore.Snapshot, t *Table, attrs []string) {
	if len(attrs) == 0 || t.Rows() == 0 {
		return
	}
	m, d := snap.Model, len(t.Features)
	rowOf := make(map[int32]int, t.Rows())
	for i, p := range t.Profiles {
		rowOf[p] = i
	}
	for _, a := range attrs {
		c := t.Column(prefixAttr + a)
		name, ok := m.Lookup(a)
		if c < 0 {
			continue
		}
		sum := make([]float64, t.Rows())
		cnt := make([]int, t.Rows())
		if ok {
			for r, row := range m.Rows {
				p := snap.Identity.RowProfile[r]
				i, in := rowOf[p]
				if p < 0 || !in {
					continue
				}
				for k := row.Attrs.Start; k < row.Attrs.End; k++ {
					if m.AttrName[k] != name {
						continue
					}
					if v, ok := parseNumber(m.Str(m.AttrValue[k])); ok {
						sum[i] += v
						cnt[i]++
					}
				}
			}
		}
		var have []float64
		for i := range sum {
			if cnt[i] > 0 {
				t.X[i*d+c] = sum[i] / float64(cnt[i])
				have = append(have, t.X[i*d+c])
			}
		}
		med := 0.0
		if len(have) > 0 {
			sort.Float64s(have)
			med = have[len(have)/2]
		}
		for i := range cnt {
			if cnt[i] == 0 {
				t.X[i*d+c] = med
			}
		}
	}
}

// Extract computes the raw feature table of every customer of the snapshot. With names nil it has every
// column of the Catalog; otherwise the data-dependent columns (channels, devices, entry channels,
// attributes) are exactly those the names mention, so a saved result's columns can be recomputed on new
// data. The fixed columns are always present.
func Extract(snap *explore.Snapshot, names []string) *Table {
	if names == nil {
		return extract(snap, defaultSpec(snap))
	}
	return extract(snap, specFromNames(names))
}
