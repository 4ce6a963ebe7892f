package ingest

import (
	"strconv"
	"strings"
	"unicode"
)

// ColumnType is what the sampled values of a column look like.
type ColumnType string

// Column types Inspect reports.
const (
	ColEmpty       ColumnType = "empty"
	ColInteger     ColumnType = "integer"
	ColNumber      ColumnType = "number"
	ColMoney       ColumnType = "money" // numbers written with currency signs or thousands separators
	ColBoolean     ColumnType = "boolean"
	ColTimestamp   ColumnType = "timestamp"
	ColEmail       ColumnType = "email"
	ColPhone       ColumnType = "phone"
	ColURL         ColumnType = "url"
	ColID          ColumnType = "id" // unique-looking tokens: uuids, hashes, "C-0042"
	ColCategorical ColumnType = "categorical"
	ColText        ColumnType = "text"
)

// typeShare is the share of non-empty samples that must fit a type: a few dirty cells do not change what
// a column is.
const typeShare = 0.95

// maxCategories is the most distinct values a categorical column may have in the sample.
const maxCategories = 50

// columnStats is what typing learns from one column's samples.
type columnStats struct {
	typ      ColumnType
	filled   int
	distinct int
	avgLen   float64
	layout   *TimeReport
	maxNum   float64
	minNum   float64
	spaces   bool // some values have inner spaces
}

// typeColumn decides a column's type from its non-empty, trimmed sample values.
func typeColumn(name string, vals []string) columnStats {
	st := columnStats{filled: len(vals)}
	if len(vals) == 0 {
		st.typ = ColEmpty
		return st
	}
	seen := make(map[string]struct{}, min(len(vals), 1024))
	var bools, ints, floats, money, emails, urls, phones, totalLen int
	plusPhones := 0
	for i, v := range vals {
		seen[v] = struct{}{}
		totalLen += len(v)
		if strings.ContainsAny(v, " \t") {
			st.spaces = true
		}
		switch strings.ToLower(v) {
		case "true", "false", "yes", "no", "y", "n":
			bools++
		}
		if _, err := strconv.ParseInt(v, 10, 64); err == nil {
			ints++
		}
		if f, err := strconv.ParseFloat(v, 64); err == nil {
			floats++
			if i == 0 || f > st.maxNum {
				st.maxNum = f
			}
			if i == 0 || f < st.minNum {
				st.minNum = f
			}
		} else if f, ok := ParseNumber(v); ok && looksLikeMoney(v) {
			money++
			if f > st.maxNum {
				st.maxNum = f
			}
		}
		if strings.IndexByte(v, '@') > 0 {
			if _, err := normalizeEmail(v); err == nil {
				emails++
			}
		}
		lv := strings.ToLower(v)
		if strings.HasPrefix(lv, "http://") || strings.HasPrefix(lv, "https://") || strings.HasPrefix(lv, "www.") {
			urls++
		}
		if _, err := normalizePhone(v); err == nil && strings.ContainsAny(v, "+-() ") {
			phones++
			if v[0] == '+' {
				plusPhones++
			}
		}
	}
	n := float64(len(vals))
	st.distinct = len(seen)
	st.avgLen = float64(totalLen) / n
	fits := func(k int) bool { return float64(k) >= typeShare*n }
	nameKind := nameHint(name)

	switch {
	case fits(bools) && st.distinct <= 2:
		st.typ = ColBoolean
	case fits(emails):
		st.typ = ColEmail
	case fits(urls):
		st.typ = ColURL
	case fits(phones) && (nameKind == hintPhone || plusPhones > 0 || !fits(floats)):
		st.typ = ColPhone
	case fits(floats):
		st.typ = ColNumber
		if fits(ints) {
			st.typ = ColInteger
		}
		// Numbers are times only when the name says so: user ids and prices are numbers too.
		if nameKind == hintTime {
			if l, rep := DetectTimeLayout(vals); l.Kind != TimeAuto && fits(rep.Parsed) {
				st.typ, st.layout = ColTimestamp, &rep
			}
		}
	case fits(floats + money):
		st.typ = ColMoney
	default:
		if l, rep := DetectTimeLayout(vals); l.Kind != TimeAuto && fits(rep.Parsed) {
			st.typ, st.layout = ColTimestamp, &rep
			break
		}
		st.typ = textLikeType(st, n)
	}
	if st.typ == ColInteger && nameKind == hintID {
		st.typ = ColID
	}
	return st
}

// textLikeType tells apart ids (unique tokens), categories (few values, repeated) and free text.
func textLikeType(st columnStats, n float64) ColumnType {
	ratio := float64(st.distinct) / n
	switch {
	case st.distinct <= maxCategories && (ratio <= 0.5 || st.distinct <= 3) && st.avgLen <= 60:
		return ColCategorical
	case !st.spaces && ratio >= 0.8 && st.avgLen >= 3 && st.avgLen <= 80:
		return ColID
	case st.spaces && st.avgLen > 20:
		return ColText
	case st.distinct <= maxCategories && st.avgLen <= 60:
		return ColCategorical
	case !st.spaces && ratio < 0.8 && st.avgLen <= 40:
		return ColCategorical // many values, but repeated single words: brands, cities, SKUs
	}
	return ColText
}

// looksLikeMoney: a number written with a currency sign, a currency code or grouping ("$1,234.50",
// "1.234,50 €", "EUR 12", "(12.00)"), as opposed to any token ParseNumber happens to accept.
func looksLikeMoney(v string) bool {
	for _, r := range v {
		if unicode.Is(unicode.Sc, r) || r == ',' || r == '(' || unicode.IsUpper(r) {
			return true
		}
	}
	return false
}
