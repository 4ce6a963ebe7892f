package report

import (
	_ "embed"
	"html/template"
)

var (
	//go:embed report.html.tmpl
	pageSource string
	//go:embed report.css
	pageCSS string
)

// pageTemplate renders a page. The stylesheet is the package's own (trusted) file; everything else is
// data and html/template escapes it for its context (text, attribute, CSS value).
var pageTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"css": func() template.CSS { return template.CSS(pageCSS) },
}).Parse(pageSource))
