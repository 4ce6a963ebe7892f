package app

// DTOs of the Explore and Identity structs (see notes in docs/journeys.md and docs/identity.md for the
// definitions). Where a DTO has exactly the fields of its internal twin it is converted with a plain Go
// struct conversion, so the two cannot drift apart silently: the conversion stops compiling.

// Filter narrows every analysis (api: a filter bar shared by all views).
type Filter struct {
	From      string           `json:"from"` // RFC3339 or YYYY-MM-DD; "" = open
	To        string           `json:"to"`   // RFC3339 or YYYY-MM-DD (the whole day); "" = open
	Sources   []string         `json:"sources"`
	Channels  []string         `json:"channels"`
	Devices   []string         `json:"devices"`
	Personas  []string         `json:"personas"`
	Attribute *AttributeFilter `json:"attribute"`
}

// AttributeFilter keeps customers with a profile attribute.
type AttributeFilter struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// FilterOptions are the values the filter bar offers.
type FilterOptions struct {
	Sources      []string           `json:"sources"`
	Channels     []string           `json:"channels"`
	Devices      []string           `json:"devices"`
	Personas     []string           `json:"personas"` // persona ids
	PersonaNames []PersonaOption    `json:"personaNames"`
	From         string             `json:"from"`
	To           string             `json:"to"`
	Attributes   []AttributeOptions `json:"attributes"`
}

// AttributeOptions are the most common values of one attribute.
type AttributeOptions struct {
	Name   string   `json:"name"`
	Values []string `json:"values"`
}

// PersonaOption is a persona the filter bar offers.
type PersonaOption struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Color string `json:"color"`
}

// FilterSummary says how much of the workspace a filter keeps.
type FilterSummary struct {
	Customers      int     `json:"customers"`
	TotalCustomers int     `json:"totalCustomers"`
	Events         int     `json:"events"`
	TotalEvents    int     `json:"totalEvents"`
	Converted      int     `json:"converted"`
	ConversionRate float64 `json:"conversionRate"`
}

// FlowOptions choose the flow's level and noise control.
type FlowOptions struct {
	Level        string  `json:"level"`
	MinEdgeShare float64 `json:"minEdgeShare"`
	MaxNodes     int     `json:"maxNodes"`
}

// Flow is the directly-follows graph.
type Flow struct {
	Level          string     `json:"level"`
	Nodes          []FlowNode `json:"nodes"`
	Edges          []FlowEdge `json:"edges"`
	Start          string     `json:"start"`
	End            string     `json:"end"`
	Hidden         Hidden     `json:"hidden"`
	TotalCustomers int        `json:"totalCustomers"`
	Transitions    int        `json:"transitions"`
}

// FlowNode is one node of the flow.
type FlowNode struct {
	ID        string `json:"id"`
	Label     string `json:"label"`
	Events    int    `json:"events"`
	Customers int    `json:"customers"`
	Starts    int    `json:"starts"`
	Ends      int    `json:"ends"`
	Stage     string `json:"stage"`
	Merged    int    `json:"merged"`
}

// FlowEdge is one directly-follows edge.
type FlowEdge struct {
	From           string  `json:"from"`
	To             string  `json:"to"`
	Count          int     `json:"count"`
	Customers      int     `json:"customers"`
	Converted      int     `json:"converted"`
	ConversionRate float64 `json:"conversionRate"`
	MedianSeconds  float64 `json:"medianSeconds"`
	P90Seconds     float64 `json:"p90Seconds"`
}

// Hidden is what the noise control hid.
type Hidden struct {
	Nodes       int `json:"nodes"`
	Edges       int `json:"edges"`
	Transitions int `json:"transitions"`
	Customers   int `json:"customers"`
	Events      int `json:"events"`
}

// PathsOptions choose the Sankey's anchor.
type PathsOptions struct {
	Anchor    string `json:"anchor"`
	Direction string `json:"direction"`
	Depth     int    `json:"depth"`
	Limit     int    `json:"limit"`
}

// Sankey is the top paths from or to an anchor.
type Sankey struct {
	Nodes     []SankeyNode `json:"nodes"`
	Links     []SankeyLink `json:"links"`
	Paths     []SankeyPath `json:"paths"`
	Customers int          `json:"customers"`
	Covered   int          `json:"covered"`
}

// SankeyNode is a touchpoint at a step.
type SankeyNode struct {
	ID        string `json:"id"`
	Label     string `json:"label"`
	Step      int    `json:"step"`
	Customers int    `json:"customers"`
}

// SankeyLink joins two steps.
type SankeyLink struct {
	Source    string `json:"source"`
	Target    string `json:"target"`
	Customers int    `json:"customers"`
}

// SankeyPath is one shown path.
type SankeyPath struct {
	Steps     []string `json:"steps"`
	Customers int      `json:"customers"`
}

// VariantOptions choose how paths are compared.
type VariantOptions struct {
	CollapseRepeats bool `json:"collapseRepeats"`
	Limit           int  `json:"limit"`
}

// Variants are the distinct paths.
type Variants struct {
	Variants       []Variant `json:"variants"`
	Coverage       float64   `json:"coverage"`
	Covered        int       `json:"covered"`
	TotalCustomers int       `json:"totalCustomers"`
	Distinct       int       `json:"distinct"`
}

// Variant is one distinct path.
type Variant struct {
	Path           []string `json:"path"`
	Customers      int      `json:"customers"`
	Share          float64  `json:"share"`
	Converted      int      `json:"converted"`
	ConversionRate float64  `json:"conversionRate"`
	MedianSeconds  float64  `json:"medianSeconds"`
}

// FunnelSpec is a funnel to compute.
type FunnelSpec struct {
	Steps         []FunnelStep `json:"steps"`
	Mode          string       `json:"mode"`
	WindowSeconds int64        `json:"windowSeconds"`
}

// FunnelStep is one step: any of its touchpoints.
type FunnelStep struct {
	Label       string   `json:"label"`
	Touchpoints []string `json:"touchpoints"`
	Optional    bool     `json:"optional"`
}

// Funnel is a computed funnel.
type Funnel struct {
	Steps         []FunnelStepResult `json:"steps"`
	Customers     int                `json:"customers"`
	Completed     int                `json:"completed"`
	Mode          string             `json:"mode"`
	WindowSeconds int64              `json:"windowSeconds"`
}

// FunnelStepResult is one step's figures.
type FunnelStepResult struct {
	Label                 string        `json:"label"`
	Touchpoints           []string      `json:"touchpoints"`
	Optional              bool          `json:"optional"`
	Entered               int           `json:"entered"`
	Reached               int           `json:"reached"`
	ConversionFromPrev    float64       `json:"conversionFromPrev"`
	ConversionFromStart   float64       `json:"conversionFromStart"`
	MedianSecondsFromPrev float64       `json:"medianSecondsFromPrev"`
	Dropped               int           `json:"dropped"`
	DroppedTo             []Destination `json:"droppedTo"`
}

// Destination is where customers went next.
type Destination struct {
	Touchpoint string `json:"touchpoint"`
	Customers  int    `json:"customers"`
}

// Movement is the non-linear movement through stages and channels.
type Movement struct {
	Customers                 int             `json:"customers"`
	StageSkips                []StageMove     `json:"stageSkips"`
	Backtracks                []StageMove     `json:"backtracks"`
	Revisits                  []StageRevisit  `json:"revisits"`
	CustomersSkipping         int             `json:"customersSkipping"`
	CustomersBacktracking     int             `json:"customersBacktracking"`
	CustomersRevisiting       int             `json:"customersRevisiting"`
	Entries                   []Entry         `json:"entries"`
	Exits                     []Exit          `json:"exits"`
	ChannelSwitches           int             `json:"channelSwitches"`
	DeviceSwitches            int             `json:"deviceSwitches"`
	CustomersSwitchingChannel int             `json:"customersSwitchingChannel"`
	CustomersSwitchingDevice  int             `json:"customersSwitchingDevice"`
	TouchesAfterConversion    AfterConversion `json:"touchesAfterConversion"`
}

// StageMove is a skip or backtrack between two stages.
type StageMove struct {
	From      string `json:"from"`
	To        string `json:"to"`
	Customers int    `json:"customers"`
	Count     int    `json:"count"`
}

// StageRevisit is re-entering a stage after leaving it.
type StageRevisit struct {
	Stage     string `json:"stage"`
	Customers int    `json:"customers"`
	Count     int    `json:"count"`
}

// Entry is a first touchpoint and channel.
type Entry struct {
	Touchpoint string `json:"touchpoint"`
	Channel    string `json:"channel"`
	Customers  int    `json:"customers"`
}

// Exit is a last touchpoint.
type Exit struct {
	Touchpoint string `json:"touchpoint"`
	Customers  int    `json:"customers"`
	Converted  int    `json:"converted"`
}

// AfterConversion counts touches after a customer first converted.
type AfterConversion struct {
	Events        int          `json:"events"`
	Customers     int          `json:"customers"`
	Touchpoints   []TouchCount `json:"touchpoints"`
	PaidEvents    int          `json:"paidEvents"`
	PaidCustomers int          `json:"paidCustomers"`
}

// TouchCount is events at a touchpoint on a channel.
type TouchCount struct {
	Touchpoint string `json:"touchpoint"`
	Channel    string `json:"channel"`
	Paid       bool   `json:"paid"`
	Events     int    `json:"events"`
}

// Cohort names the customers behind a figure the user clicked.
type Cohort struct {
	Kind            string     `json:"kind"`
	Level           string     `json:"level"`
	MinEdgeShare    float64    `json:"minEdgeShare"`
	MaxNodes        int        `json:"maxNodes"`
	Node            string     `json:"node"`
	From            string     `json:"from"`
	To              string     `json:"to"`
	Channel         string     `json:"channel"`
	Path            []string   `json:"path"`
	CollapseRepeats bool       `json:"collapseRepeats"`
	Funnel          FunnelSpec `json:"funnel"`
	Step            int        `json:"step"`
	Movement        string     `json:"movement"`
	Direction       string     `json:"direction"` // of a path cohort
	Depth           int        `json:"depth"`     // of a path cohort: the depth the paths were shown with
}

// CustomerQuery lists customers.
type CustomerQuery struct {
	Search string  `json:"search"`
	Sort   string  `json:"sort"`
	Desc   bool    `json:"desc"`
	Offset int     `json:"offset"`
	Limit  int     `json:"limit"`
	Cohort *Cohort `json:"cohort"`
}

// CustomerList is a page of customers.
type CustomerList struct {
	Total int           `json:"total"`
	Rows  []CustomerRow `json:"rows"`
}

// CustomerRow is one customer in a list.
type CustomerRow struct {
	ID           string   `json:"id"`
	Label        string   `json:"label"`
	Events       int      `json:"events"`
	Value        float64  `json:"value"`
	FirstSeen    string   `json:"firstSeen"`
	LastSeen     string   `json:"lastSeen"`
	Sources      []string `json:"sources"`
	Converted    bool     `json:"converted"`
	StageReached string   `json:"stageReached"`
}

// ProfileIdentifier is one identifier of a profile.
type ProfileIdentifier struct {
	Type      string `json:"type"`
	Value     string `json:"value"`
	Rows      int    `json:"rows"`
	FirstSeen string `json:"firstSeen"`
}

// IdentifierRef names an identifier value.
type IdentifierRef struct {
	Type  string `json:"type"`
	Value string `json:"value"`
}

// EvidenceRow is a row that asserted a link.
type EvidenceRow struct {
	Batch uint64 `json:"batch"`
	File  string `json:"file"`
	Line  int    `json:"line"`
}

// MergeDTO is why two identifiers are one person.
type MergeDTO struct {
	A             IdentifierRef `json:"a"`
	B             IdentifierRef `json:"b"`
	Attached      bool          `json:"attached"`
	Evidence      []EvidenceRow `json:"evidence"`
	EvidenceCount int           `json:"evidenceCount"`
}

// ProfileAttribute is an attribute a row asserted.
type ProfileAttribute struct {
	Name  string `json:"name"`
	Value string `json:"value"`
	File  string `json:"file"`
	Line  int    `json:"line"`
}

// TimelineStep is one event of a profile's journey.
type TimelineStep struct {
	Time       string   `json:"time"`
	Touchpoint string   `json:"touchpoint"`
	Stage      string   `json:"stage"`
	Channel    string   `json:"channel"`
	Device     string   `json:"device"`
	Source     string   `json:"source"`
	Value      *float64 `json:"value"`
	Rating     *float64 `json:"rating"`
	Text       string   `json:"text"`
	File       string   `json:"file"`
	Line       int      `json:"line"`
	Batch      uint64   `json:"batch"`
	Session    int      `json:"session"`
	Goal       bool     `json:"goal"`
	Paid       bool     `json:"paid"`
}

// Profile is one customer: who they are, why, and what they did.
type Profile struct {
	ID           string              `json:"id"`
	Label        string              `json:"label"`
	Identifiers  []ProfileIdentifier `json:"identifiers"`
	Merges       []MergeDTO          `json:"merges"`
	Attributes   []ProfileAttribute  `json:"attributes"`
	Timeline     []TimelineStep      `json:"timeline"`
	Flags        []string            `json:"flags"`
	Converted    bool                `json:"converted"`
	StageReached string              `json:"stageReached"`
	Value        float64             `json:"value"`
	Sessions     int                 `json:"sessions"`
	Movement     CustomerMovement    `json:"movement"`
}

// CustomerMovement is one customer's non-linear movement over their whole journey.
type CustomerMovement struct {
	Skips                  int `json:"skips"`
	Backtracks             int `json:"backtracks"`
	Revisits               int `json:"revisits"`
	ChannelSwitches        int `json:"channelSwitches"`
	DeviceSwitches         int `json:"deviceSwitches"`
	TouchesAfterConversion int `json:"touchesAfterConversion"`
	PaidAfterConversion    int `json:"paidAfterConversion"`
}
