package ingest

// Preset recognises the export of a known tool and builds the recipe for it. Presets live in one table
// (presets) so adding a tool is adding a row: a detector that scores a sample 0..1 from column names
// (and, where names are generic, values) and a builder that maps the columns that are present.
type Preset struct {
	Name   string // key stored in Recipe.Preset, e.g. "hubspot-deals"
	Label  string // shown to users, e.g. "HubSpot deals (CSV export)"
	detect func(v *sampleView) float64
	build  func(v *sampleView) Recipe
}

// presetThreshold is the score a detector must reach for Inspect to use its preset.
const presetThreshold = 0.6

// presets in order of precedence when scores tie: more specific tools first.
var presets = []Preset{
	{Name: "segment", Label: "Segment / RudderStack events (JSON)", detect: detectSegment, build: buildSegment},
	{Name: "ga4", Label: "Google Analytics 4 BigQuery export (JSON)", detect: detectGA4, build: buildGA4},
	{Name: "mixpanel", Label: "Mixpanel export (JSON Lines)", detect: detectMixpanel, build: buildMixpanel},
	{Name: "hubspot-deals", Label: "HubSpot deals (CSV export)", detect: detectHubSpotDeals, build: buildHubSpotDeals},
	{Name: "hubspot-contacts", Label: "HubSpot contacts (CSV export)", detect: detectHubSpotContacts, build: buildHubSpotContacts},
	{Name: "salesforce-opportunities", Label: "Salesforce opportunities (CSV report)", detect: detectSalesforce, build: buildSalesforce},
	{Name: "zendesk-tickets", Label: "Zendesk tickets (CSV export)", detect: detectZendesk, build: buildZendesk},
	{Name: "shopify-orders", Label: "Shopify orders (CSV export)", detect: detectShopify, build: buildShopify},
	{Name: "mailchimp-activity", Label: "Mailchimp email activity (CSV export)", detect: detectMailchimp, build: buildMailchimp},
	{Name: "process-mining", Label: "Process-mining event log (XES or CSV)", detect: detectProcessMining, build: buildProcessMining},
}

// Presets lists the presets Inspect knows, for the import wizard's "this file is from..." menu.
func Presets() []Preset { return append([]Preset(nil), presets...) }

// PresetByName returns the preset with that name.
func PresetByName(name string) (Preset, bool) {
	for _, p := range presets {
		if p.Name == name {
			return p, true
		}
	}
	return Preset{}, false
}

// matchPreset returns the best-scoring preset at or above the threshold, or nil.
func matchPreset(v *sampleView) (*Preset, float64) {
	var best *Preset
	bestScore := 0.0
	for i := range presets {
		if s := presets[i].detect(v); s >= presetThreshold && s > bestScore {
			best, bestScore = &presets[i], s
		}
	}
	return best, bestScore
}

// score is the share of the wanted column groups present, where each group is satisfied by any of its
// spellings: score(v, []string{"Email", "Email Address"}, []string{"Created at"}).
func score(v *sampleView, groups ...[]string) float64 {
	if len(groups) == 0 {
		return 0
	}
	hit := 0
	for _, g := range groups {
		if v.find(g...) != "" {
			hit++
		}
	}
	return float64(hit) / float64(len(groups))
}

// required is 0 unless every group is present, else base plus a share of the optional groups.
func required(v *sampleView, base float64, must [][]string, nice ...[]string) float64 {
	if score(v, must...) < 1 {
		return 0
	}
	if len(nice) == 0 {
		return base
	}
	return base + (1-base)*score(v, nice...)
}

// recipeBuilder collects recipe parts, leaving out columns the sample does not have.
type recipeBuilder struct {
	v *sampleView
	r Recipe
}

// findFilled is find preferring a column that has values in the sample: Shopify writes both Phone
// and Billing Phone, and usually only one of them is filled.
func (v *sampleView) findFilled(names ...string) string {
	for _, n := range names {
		if c := v.find(n); c != "" {
			if ci := v.column(c); ci != nil && ci.Filled > 0 {
				return c
			}
		}
	}
	return v.find(names...)
}

func (b *recipeBuilder) id(typ string, names ...string) string {
	c := b.v.findFilled(names...)
	if c != "" {
		for _, id := range b.r.Identifiers {
			if id.Column == c {
				return c
			}
		}
		b.r.Identifiers = append(b.r.Identifiers, IdentifierSpec{Column: c, Type: typ})
	}
	return c
}

func (b *recipeBuilder) attr(name string, names ...string) {
	if c := b.v.findFilled(names...); c != "" {
		b.r.Attributes = append(b.r.Attributes, AttributeSpec{Column: c, Name: name})
	}
}

// event adds an event if its time column exists and returns it for further fields, else nil.
func (b *recipeBuilder) event(tp Field, times ...string) *EventSpec {
	t := b.v.findFilled(times...)
	if t == "" {
		return nil
	}
	b.r.Events = append(b.r.Events, EventSpec{Time: t, Touchpoint: tp})
	return &b.r.Events[len(b.r.Events)-1]
}

// col returns a column Field for the first present name, or nil.
func (b *recipeBuilder) col(names ...string) *Field {
	if c := b.v.findFilled(names...); c != "" {
		return &Field{Column: c}
	}
	return nil
}

func constField(s string) *Field { return &Field{Const: s} }
