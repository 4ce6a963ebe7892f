package report

// page is everything the template renders. Plain string fields are prose and pass the redactor; numbers
// meant for geometry are float64, so the scrubber never touches a chart's coordinates.
type page struct {
	Title, Workspace, Generated string
	Redacted                    bool
	Sections                    []tocEntry
	Summary                     []figure
	SummaryNotes                []string
	Map                         mapSection
	Heatmap                     heatmap
	Worst                       []frictionRow
	Personas                    personaSection
	Paths                       pathSection
	Moments                     []momentRow
	Assumed                     assumedSection
	Notes                       notesSection
	Method                      method
}

// tocEntry is one line of the table of contents.
type tocEntry struct{ ID, Title string }

// figure is one key number of the summary.
type figure struct{ Label, Value, Detail string }

// mapSection is the observed map: one column per stage, and the emotion curve across them.
type mapSection struct {
	Customers, Converted, Conversion, Goal string
	Stages                                 []mapStage
	Emotion                                emotionChart
	Empty                                  bool
}

type mapStage struct {
	Name, Customers, Reached, Skipped, Sources string
	Friction                                   cellView
	Touchpoints                                []pill
	Actions                                    []labelled
	Emotion                                    string // "+0.8 (34 ratings)" or "no ratings"
	Pains                                      []labelled
	Opportunities                              []string
}

// pill is a touchpoint on the map, tinted by its friction.
type pill struct {
	Name, Channels, Customers, Share string
	Cell                             cellView
}

// labelled is a line with a figure: "A → B" — 120 (31 %).
type labelled struct{ Label, Value string }

// cellView is how a friction cell is drawn: fill and ink ("" fill = not enough data, hatched), its score
// as text, evidence opacity, and a tooltip with the interval and evidence.
type cellView struct {
	Fill, Ink, Score, Tip string
	Hatched               bool
	Opacity               float64
}

// emotionChart is the emotion curve: points on −2…+2 and a band for the interval, in SVG user units.
type emotionChart struct {
	Width, Height float64
	Zero          float64 // y of the neutral line
	Line          svgPoints
	Band          svgPoints
	Dots          []emotionDot
	HasData       bool
}

type emotionDot struct {
	X, Y        float64
	Fill, Label string
	Stage, Tip  string
	LabelY      float64
}

// svgPoints is a list of coordinates for points= attributes: geometry, not prose, so never scrubbed.
type svgPoints string

// heatmap is the stages × personas grid of friction.
type heatmap struct {
	Width, Height, Left, Top, CellW, CellH float64
	Columns                                []heatColumn
	Rows                                   []heatRow
	Stops                                  []legendStop
	MinCustomers, Scale                    string
	LegendY                                float64
}

type heatColumn struct {
	Name, Short, Customers string
	X, Y                   float64 // the header's anchor (rotated text)
}

type heatRow struct {
	Name  string
	Y     float64
	Cells []heatCell
}

type heatCell struct {
	X, Y  float64
	Cell  cellView
	Label string // the score, or "n/a"
	N     string // customers
}

// frictionRow is one touchpoint of the worst-friction table.
type frictionRow struct {
	Touchpoint, Stage, Score, Interval, Customers, Exit, Loop, Support, Rating string
	Cell                                                                       cellView
}

type personaSection struct {
	None    string // why there are none, when there are none
	Run     string // "5 personas from 4,210 customers (features, seed 1, 29 Nov 2026)"
	Bar     []shareSegment
	Cards   []personaCard
	Unnamed int
}

type shareSegment struct {
	X, W        float64
	Fill, Label string
}

type personaCard struct {
	Name, Colour, Size, Share, Conversion, Value, Notes, Representative string
	Features                                                            []labelled
	Rules, Channels                                                     []string
	Path                                                                []string
}

type pathSection struct {
	Coverage string
	Rows     []pathRow
}

type pathRow struct {
	Steps                                  []string
	Customers, Share, Conversion, Duration string
	Bar                                    float64 // 0..100, width of the share bar
}

type momentRow struct {
	Touchpoint, Stage, With, ConvWith, ConvWithout, Lift, Removal string
	Positive, Negative                                            bool
}

// assumedSection is the comparison with a saved assumed map, or why there is none.
type assumedSection struct {
	None                                    string
	Name, Kind, Followed, Customers, Others string
	Stages                                  []assumedStageRow
	Gaps                                    []labelled
	Unplanned                               []labelled
	Departures                              []labelled
	Personas                                []labelled // assumed persona → the discovered one it resembles
	Unassumed                               []string   // discovered personas no one assumed
}

type assumedStageRow struct {
	Stage, Reached, Followed, Skipped, OutOfOrder, Loops string
}

// notesSection is the workshop's notes and hypotheses, or why there are none.
type notesSection struct {
	None       string
	Notes      []noteView
	Hypotheses []hypothesisView
}

type noteView struct{ Kind, Target, Text, By string }

type hypothesisView struct {
	Claim, Status, Figures, Target string
	Supported, Contradicted        bool
}

// method is where the numbers come from.
type method struct {
	Sources                                      []sourceRow
	DateRange, Rows, Events, Profiles, Customers string
	Stages                                       []string
	Mapping                                      []mappingRow
	Goal                                         string
	Weights                                      []labelled
	MinCustomers, SupportWindow, LowRating       string
	Personas                                     string
}

type sourceRow struct {
	Batch, Imported, Files, Source, Rows, Events, Rejected, Range string
}

type mappingRow struct {
	Touchpoint, Stage, How string
	Goal                   bool
}
