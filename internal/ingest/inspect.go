package ingest

import (
	"errors"
	"io"
	"strings"
)

// InspectSampleSize is how many records Inspect reads: enough to see rare formats (a day above 12, a
// JSON key that appears late) while staying instant on any file.
const InspectSampleSize = 2000

// previewRows is how many records Inspection.Preview shows.
const previewRows = 20

// samplesPerColumn is how many distinct example values each column reports.
const samplesPerColumn = 5

// Inspection is what Inspect learned about a file: how it is read, what each column holds and means, and
// a recipe to start from.
type Inspection struct {
	Path    string       `json:"path"`
	Info    Info         `json:"info"` // format, encoding, delimiter, sheets
	Columns []ColumnInfo `json:"columns"`
	// Preview is the first rows, padded to the column count; PreviewLines their lines in the file.
	Preview      [][]string `json:"preview"`
	PreviewLines []int      `json:"previewLines"`
	SampleRows   int        `json:"sampleRows"` // records looked at
	// Problems are records the reader had to skip while sampling ("line 12: ..."), at most 10.
	Problems []string `json:"problems,omitempty"`

	Preset           string  `json:"preset,omitempty"`      // name of the preset recognised, if any
	PresetLabel      string  `json:"presetLabel,omitempty"` // e.g. "HubSpot deals (CSV export)"
	PresetConfidence float64 `json:"presetConfidence,omitempty"`

	Recipe Recipe `json:"recipe"` // the suggested recipe
	// RecipeProblem says why the suggested recipe cannot be used as is (no identifier column found);
	// empty when it validates.
	RecipeProblem string `json:"recipeProblem,omitempty"`
}

// ColumnInfo describes one column of an inspected file.
type ColumnInfo struct {
	Name     string     `json:"name"`
	Index    int        `json:"index"`
	Type     ColumnType `json:"type"`
	Filled   int        `json:"filled"`   // non-empty values in the sample
	Distinct int        `json:"distinct"` // distinct non-empty values in the sample
	Samples  []string   `json:"samples"`  // a few distinct example values
	// TimeLayout and TimeSummary are set for timestamp columns: the layout (iso8601, dd/mm/yyyy, unix-us,
	// ...) and how it was decided ("Day/month/year, because "31/01/2024" has a first number above 12.").
	TimeLayout    string  `json:"timeLayout,omitempty"`
	TimeSummary   string  `json:"timeSummary,omitempty"`
	TimeAmbiguous bool    `json:"timeAmbiguous,omitempty"`
	Role          string  `json:"role"`       // identifier:<type>, event-time, touchpoint, ...
	Confidence    float64 `json:"confidence"` // 0..1
}

// Inspect opens path (see Open), reads up to InspectSampleSize records and describes the file: format,
// columns with types and roles, a preview, the preset recognised and a suggested recipe. Errors are those
// of Open, or the reader's first error when not a single record could be read.
func Inspect(path string, opts Options) (Inspection, error) {
	rd, info, err := Open(path, opts)
	if err != nil {
		return Inspection{}, err
	}
	defer rd.Close()
	ins := Inspection{Path: path, Info: info}
	var rows [][]string
	var lines []int
	var firstErr error
	for len(rows) < InspectSampleSize {
		rec, err := rd.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			if len(ins.Problems) < 10 {
				ins.Problems = append(ins.Problems, err.Error())
			}
			var pe *ParseError
			if errors.As(err, &pe) && !pe.Fatal {
				continue
			}
			break
		}
		rows = append(rows, append([]string(nil), rec.Values...))
		lines = append(lines, rec.Line)
	}
	if len(rows) == 0 && firstErr != nil {
		return Inspection{}, firstErr
	}
	inspectRows(&ins, rd.Columns(), rows, lines)
	return ins, nil
}

// inspectRows fills an Inspection from sampled rows; it is Inspect without the file.
func inspectRows(ins *Inspection, columns []string, rows [][]string, lines []int) {
	cols := append([]string(nil), columns...)
	ins.SampleRows = len(rows)
	for i := 0; i < len(rows) && i < previewRows; i++ {
		row := make([]string, len(cols))
		copy(row, rows[i])
		ins.Preview = append(ins.Preview, row)
		ins.PreviewLines = append(ins.PreviewLines, lines[i])
	}
	stats := make([]columnStats, len(cols))
	for c, name := range cols {
		vals := make([]string, 0, len(rows))
		for _, row := range rows {
			if c < len(row) {
				if v := strings.TrimSpace(row[c]); v != "" {
					vals = append(vals, v)
				}
			}
		}
		st := typeColumn(name, vals)
		stats[c] = st
		ci := ColumnInfo{Name: name, Index: c, Type: st.typ, Filled: st.filled, Distinct: st.distinct, Samples: distinctSamples(vals)}
		if st.layout != nil {
			ci.TimeLayout = st.layout.Layout.String()
			ci.TimeSummary = st.layout.Summary
			ci.TimeAmbiguous = st.layout.Ambiguous
		}
		ci.Role, ci.Confidence = suggestRole(name, st)
		ins.Columns = append(ins.Columns, ci)
	}
	view := &sampleView{cols: cols, rows: rows, info: ins.Columns}
	if p, conf := matchPreset(view); p != nil {
		ins.Preset, ins.PresetLabel, ins.PresetConfidence = p.Name, p.Label, conf
		ins.Recipe = p.build(view)
		ins.Recipe.Preset = p.Name
		if ins.Recipe.Source == "" {
			ins.Recipe.Source = p.Label
		}
		applyPresetRoles(ins, conf)
	} else {
		ins.Recipe = suggestRecipe(view)
	}
	ins.Recipe.Format = ins.Info.Format
	ins.Recipe.Delimiter = ins.Info.Delimiter
	if ins.Info.Format == FormatXLSX {
		ins.Recipe.Sheet = ins.Info.Sheet
	}
	if ins.Info.Format == FormatJSON {
		ins.Recipe.Records = ins.Info.Records
	}
	if enc := ins.Info.Encoding; enc != "" && enc != EncUTF8 {
		ins.Recipe.Encoding = enc
	}
	if err := ins.Recipe.Validate(); err != nil {
		ins.RecipeProblem = err.Error()
	}
}

// applyPresetRoles makes the column roles agree with the preset's recipe, which knows better than name
// guessing what each column of a known export means.
func applyPresetRoles(ins *Inspection, conf float64) {
	roles := map[string]string{}
	put := func(col, role string) {
		if _, ok := roles[col]; !ok && col != "" {
			roles[col] = role
		}
	}
	r := ins.Recipe
	for _, id := range r.Identifiers {
		put(id.Column, RoleIdentifierPrefix+id.Type)
	}
	for _, ev := range r.Events {
		put(ev.Time, RoleEventTime)
		put(ev.Touchpoint.Column, RoleTouchpoint)
		for _, c := range ev.Touchpoint.columns() {
			put(c, RoleTouchpoint)
		}
		if ev.Channel != nil {
			put(ev.Channel.Column, RoleChannel)
		}
		if ev.Device != nil {
			put(ev.Device.Column, RoleDevice)
		}
		put(ev.Value, RoleValue)
		if ev.Rating != nil {
			put(ev.Rating.Column, RoleRating)
		}
		put(ev.Text, RoleText)
	}
	for _, a := range r.Attributes {
		put(a.Column, RoleAttribute)
	}
	for i := range ins.Columns {
		if role, ok := roles[ins.Columns[i].Name]; ok {
			ins.Columns[i].Role, ins.Columns[i].Confidence = role, conf
		} else if ins.Columns[i].Role != RoleIgnore {
			ins.Columns[i].Role, ins.Columns[i].Confidence = RoleIgnore, 0.5
		}
	}
}

func distinctSamples(vals []string) []string {
	out := make([]string, 0, samplesPerColumn)
	for _, v := range vals {
		if len(out) == samplesPerColumn {
			break
		}
		if !contains(out, v) {
			out = append(out, truncateValue(v))
		}
	}
	return out
}

// sampleView gives presets and the generic suggester access to the sample by column name.
type sampleView struct {
	cols []string
	rows [][]string
	info []ColumnInfo
}

// find returns the first of names that is a column (compared ignoring case, spaces and punctuation), or "".
func (v *sampleView) find(names ...string) string {
	for _, n := range names {
		key := foldName(n)
		for _, c := range v.cols {
			if foldName(c) == key {
				return c
			}
		}
	}
	return ""
}

// has reports whether every name is a column.
func (v *sampleView) has(names ...string) bool {
	for _, n := range names {
		if v.find(n) == "" {
			return false
		}
	}
	return true
}

// withPrefix lists the columns starting with prefix.
func (v *sampleView) withPrefix(prefix string) []string {
	var out []string
	for _, c := range v.cols {
		if strings.HasPrefix(c, prefix) {
			out = append(out, c)
		}
	}
	return out
}

// column returns the ColumnInfo of a column name, or nil.
func (v *sampleView) column(name string) *ColumnInfo {
	for i := range v.info {
		if v.info[i].Name == name {
			return &v.info[i]
		}
	}
	return nil
}

// numeric reports whether a column's sample holds numbers (so it can be a value or a rating).
func (v *sampleView) numeric(name string) bool {
	ci := v.column(name)
	return ci != nil && (ci.Type == ColInteger || ci.Type == ColNumber || ci.Type == ColMoney)
}
