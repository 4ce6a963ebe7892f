package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"wayline/internal/importer"
	"wayline/internal/ingest"
)

// inspectSampleRows is how many leading rows the import screen applies the recipe to.
const inspectSampleRows = 2000

// InspectedColumn is one column as the import screen shows it: its type, samples and the role the recipe
// in effect gives it.
type InspectedColumn struct {
	Name       string   `json:"name"`
	Type       string   `json:"type"`
	Distinct   int      `json:"distinct"`
	Samples    []string `json:"samples"`
	Role       string   `json:"role"`
	RoleType   string   `json:"roleType"`
	Confidence float64  `json:"confidence"`
}

// Preview is the first rows of a file.
type Preview struct {
	Columns []string   `json:"columns"`
	Rows    [][]string `json:"rows"`
}

// SampleResult is the recipe applied to the first rows.
type SampleResult struct {
	Rows        int         `json:"rows"`
	Events      int         `json:"events"`
	Identifiers int         `json:"identifiers"`
	Rejected    int         `json:"rejected"`
	Rejections  []Rejection `json:"rejections"`
}

// Inspection is what the import screen shows about a file before it is imported.
type Inspection struct {
	Path        string            `json:"path"`
	Name        string            `json:"name"`
	Size        int64             `json:"size"`
	Format      string            `json:"format"`
	Encoding    string            `json:"encoding"`
	Delimiter   string            `json:"delimiter"`
	Sheet       string            `json:"sheet"`
	Sheets      []string          `json:"sheets"`
	Preset      string            `json:"preset"`
	Columns     []InspectedColumn `json:"columns"`
	Preview     Preview           `json:"preview"`
	Recipe      Recipe            `json:"recipe"`
	TimeReports []string          `json:"timeReports"`
	Warnings    []string          `json:"warnings"`
	Sample      SampleResult      `json:"sample"`
}

// Inspect describes a file and what recipe (the given one, or the suggested one when recipe is null) makes
// of its first rows.
func (im *Imports) Inspect(path string, recipe *Recipe) (Inspection, error) {
	opts := ingest.Options{}
	if recipe != nil {
		opts = ingest.Options{Format: recipe.Format, Delimiter: recipe.Delimiter, Encoding: recipe.Encoding,
			Sheet: recipe.Sheet, Records: recipe.Records, NoHeader: recipe.NoHeader}
	}
	ins, err := ingest.Inspect(path, opts)
	if err != nil {
		return Inspection{}, err
	}
	r := ins.Recipe
	if recipe != nil {
		r = *recipe
	}
	out := Inspection{Path: path, Name: filepath.Base(path), Size: ins.Info.Size, Format: ins.Info.Format,
		Encoding: ins.Info.Encoding, Delimiter: ins.Info.Delimiter, Sheet: ins.Info.Sheet, Sheets: nonNil(ins.Info.Sheets),
		Preset: ins.PresetLabel, Recipe: r, TimeReports: []string{}, Warnings: nonNil(ins.Problems)}
	if out.Size == 0 {
		if st, err := os.Stat(path); err == nil {
			out.Size = st.Size()
		}
	}
	roles := rolesOf(r)
	for _, c := range ins.Columns {
		role := roles[c.Name]
		if role.Role == "" {
			role = ColumnRole{Role: "ignore"}
		}
		out.Columns = append(out.Columns, InspectedColumn{Name: c.Name, Type: string(c.Type), Distinct: c.Distinct,
			Samples: nonNil(c.Samples), Role: role.Role, RoleType: role.RoleType, Confidence: c.Confidence})
		out.Preview.Columns = append(out.Preview.Columns, c.Name)
		if c.TimeAmbiguous {
			out.Warnings = append(out.Warnings, fmt.Sprintf("column %q: %s", c.Name, c.TimeSummary))
		}
	}
	out.Preview.Rows = ins.Preview
	if len(out.Preview.Rows) > 20 {
		out.Preview.Rows = out.Preview.Rows[:20]
	}
	if out.Preview.Rows == nil {
		out.Preview.Rows = [][]string{}
	}
	if out.Columns == nil {
		out.Columns = []InspectedColumn{}
		out.Preview.Columns = []string{}
	}
	if err := r.Validate(); err != nil {
		out.Warnings = append(out.Warnings, "The recipe is not complete yet: "+err.Error())
		out.Sample.Rejections = []Rejection{}
		return out, nil
	}
	s, err := importer.Sample(path, r, inspectSampleRows)
	if err != nil {
		out.Warnings = append(out.Warnings, err.Error())
		out.Sample.Rejections = []Rejection{}
		return out, nil
	}
	out.TimeReports = nonNil(s.Notes)
	out.Sample = SampleResult{Rows: s.Rows, Events: s.Events, Identifiers: s.Identifiers, Rejected: s.Rejected,
		Rejections: toRejections(s.Rejections)}
	return out, nil
}

// rolesOf reads the role of every column a recipe names.
func rolesOf(r Recipe) map[string]ColumnRole {
	roles := map[string]ColumnRole{}
	set := func(col, role, typ string) {
		if col != "" {
			if _, done := roles[col]; !done {
				roles[col] = ColumnRole{Column: col, Role: role, RoleType: typ}
			}
		}
	}
	field := func(f *ingest.Field, role string) {
		if f == nil {
			return
		}
		set(f.Column, role, "")
		for _, col := range templateColumns(f.Template) {
			set(col, role, "")
		}
	}
	for _, id := range r.Identifiers {
		set(id.Column, "identifier", id.Type)
	}
	for _, e := range r.Events {
		set(e.Time, "event-time", "")
		field(&e.Touchpoint, "touchpoint")
		field(e.Channel, "channel")
		field(e.Device, "device")
		set(e.Value, "value", "")
		if e.Rating != nil {
			set(e.Rating.Column, "rating", "")
		}
		set(e.Text, "text", "")
	}
	for _, a := range r.Attributes {
		set(a.Column, "attribute", "")
	}
	return roles
}

// templateColumns lists the {column} names in a template ({{ and }} are literal braces).
func templateColumns(t string) []string {
	var cols []string
	for i := 0; i < len(t); i++ {
		switch {
		case strings.HasPrefix(t[i:], "{{") || strings.HasPrefix(t[i:], "}}"):
			i++
		case t[i] == '{':
			if j := strings.IndexByte(t[i+1:], '}'); j >= 0 {
				cols = append(cols, t[i+1:i+1+j])
				i += j + 1
			}
		}
	}
	return cols
}

// RecipeFromRoles rebuilds a recipe after the user changed column roles on the import screen: reading
// options, source, skip rules and per-event touchpoint names of base are kept where they still apply.
func (im *Imports) RecipeFromRoles(path string, base Recipe, roles []ColumnRole) (Recipe, error) {
	r := Recipe{Name: base.Name, Source: base.Source, Preset: base.Preset, Format: base.Format, Delimiter: base.Delimiter,
		NoHeader: base.NoHeader, Encoding: base.Encoding, Sheet: base.Sheet, Records: base.Records, DayFirst: base.DayFirst}
	byRole := map[string][]ColumnRole{}
	named := map[string]bool{}
	for _, cr := range roles {
		byRole[cr.Role] = append(byRole[cr.Role], cr)
		if cr.Role != "ignore" {
			named[cr.Column] = true
		}
	}
	for _, cr := range byRole["identifier"] {
		typ := strings.TrimSpace(strings.ToLower(strings.ReplaceAll(cr.RoleType, " ", "_")))
		if typ == "" {
			typ = "customer_id"
		}
		r.Identifiers = append(r.Identifiers, ingest.IdentifierSpec{Column: cr.Column, Type: typ})
	}
	one := func(role string) *ingest.Field {
		if cs := byRole[role]; len(cs) > 0 {
			return &ingest.Field{Column: cs[0].Column}
		}
		return nil
	}
	var touchpoint *ingest.Field
	switch cs := byRole["touchpoint"]; len(cs) {
	case 0:
	case 1:
		touchpoint = &ingest.Field{Column: cs[0].Column}
	default:
		parts := make([]string, len(cs))
		for i, c := range cs {
			parts[i] = "{" + c.Column + "}"
		}
		touchpoint = &ingest.Field{Template: strings.Join(parts, " ")}
	}
	for _, cr := range byRole["event-time"] {
		e := ingest.EventSpec{Time: cr.Column, Channel: one("channel"), Device: one("device")}
		prior := eventFor(base, cr.Column)
		switch {
		case touchpoint != nil:
			e.Touchpoint = *touchpoint
		case prior != nil && prior.Touchpoint.Column == "" && prior.Touchpoint.Template == "":
			e.Touchpoint = prior.Touchpoint // a constant such as "Deal created"
		default:
			e.Touchpoint = ingest.Field{Const: humanize(cr.Column)}
		}
		if e.Channel == nil && prior != nil && prior.Channel != nil && prior.Channel.Const != "" {
			e.Channel = prior.Channel
		}
		if cs := byRole["value"]; len(cs) > 0 {
			e.Value = cs[0].Column
		}
		if cs := byRole["text"]; len(cs) > 0 {
			e.Text = cs[0].Column
		}
		if cs := byRole["rating"]; len(cs) > 0 {
			e.Rating = &ingest.RatingSpec{Column: cs[0].Column, Scale: 5}
			if prior != nil && prior.Rating != nil {
				e.Rating.Min, e.Rating.Scale = prior.Rating.Min, prior.Rating.Scale
			}
		}
		if prior != nil {
			e.Optional = prior.Optional
		}
		r.Events = append(r.Events, e)
	}
	for _, cr := range byRole["attribute"] {
		r.Attributes = append(r.Attributes, ingest.AttributeSpec{Column: cr.Column})
	}
	for _, s := range base.Skip {
		if named[s.Column] || columnKnown(roles, s.Column) {
			r.Skip = append(r.Skip, s)
		}
	}
	if err := r.Validate(); err != nil {
		return r, fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	return r, nil
}

func eventFor(r Recipe, timeColumn string) *ingest.EventSpec {
	for i := range r.Events {
		if r.Events[i].Time == timeColumn {
			return &r.Events[i]
		}
	}
	return nil
}

func columnKnown(roles []ColumnRole, col string) bool {
	for _, r := range roles {
		if r.Column == col {
			return true
		}
	}
	return false
}

// humanize turns a column name into a touchpoint name: "closed_at" → "Closed at".
func humanize(col string) string {
	s := strings.TrimSpace(strings.NewReplacer("_", " ", ".", " ", "-", " ").Replace(col))
	if s == "" {
		return "Event"
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
