package ingest

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ParseNumber reads a number the way business exports write money and counts:
//   - plain numbers first ("1234.5", "-3", "1e6", and so "1.234" is 1.234): strconv, the fast path;
//   - currency signs, codes and spaces around the digits are ignored ("$1,234.50", "1.234,50 €",
//     "EUR 12", "12 USD", "R$ 10,00");
//   - a negative amount may be written "-12", "(12.00)" or "12-";
//   - with both "." and "," present, the one that comes last is the decimal separator ("1,234.50" and
//     "1.234,50" are both 1234.5);
//   - with only one kind: a separator repeated ("1,234,567") or followed by exactly three digits once
//     ("1,234", "1.234 €") groups thousands; otherwise it is the decimal separator ("12,5" is 12.5).
//     Money rarely has three decimals, so a lone separator before three digits in a value that is not
//     a plain number is read as grouping; the rule is documented in docs/recipes.md;
//   - apostrophes and thin spaces group thousands ("1'234.50", Swiss style).
//
// NaN, infinities and anything with letters inside the digits are rejected.
func ParseNumber(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return 0, false
		}
		return f, true
	}
	return parseLooseNumber(s)
}

func parseLooseNumber(s string) (float64, bool) {
	neg := false
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		neg = true
		s = s[1 : len(s)-1]
	}
	var ok bool
	if s, ok = trimCurrency(s); !ok {
		return 0, false
	}
	switch {
	case strings.HasPrefix(s, "-"):
		neg = !neg
		s = s[1:]
	case strings.HasSuffix(s, "-"):
		neg = !neg
		s = s[:len(s)-1]
	case strings.HasPrefix(s, "+"):
		s = s[1:]
	}
	// "-$5" and "$-5": a currency sign may stand on either side of the minus.
	if s, ok = trimCurrency(s); !ok || s == "" {
		return 0, false
	}
	var digits strings.Builder
	digits.Grow(len(s) + 1)
	lastDot, lastComma := strings.LastIndexByte(s, '.'), strings.LastIndexByte(s, ',')
	dots, commas := strings.Count(s, "."), strings.Count(s, ",")
	decimal := byte(0)
	switch {
	case dots > 0 && commas > 0:
		if lastDot > lastComma {
			decimal = '.'
		} else {
			decimal = ','
		}
	case dots == 1 && !groupsThousands(s, lastDot):
		decimal = '.'
	case commas == 1 && !groupsThousands(s, lastComma):
		decimal = ','
	}
	seenDecimal := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r >= '0' && r <= '9':
			digits.WriteByte(byte(r))
		case (r == '.' || r == ',') && byte(r) == decimal:
			if seenDecimal {
				return 0, false
			}
			seenDecimal = true
			digits.WriteByte('.')
		case r == '.' || r == ',' || r == '\'' || r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\u2009':
			// thousands grouping
		default:
			return 0, false
		}
		i += size
	}
	if digits.Len() == 0 || digits.String() == "." {
		return 0, false
	}
	f, err := strconv.ParseFloat(digits.String(), 64)
	if err != nil || math.IsInf(f, 0) {
		return 0, false
	}
	if neg {
		f = -f
	}
	return f, true
}

// groupsThousands reports whether the lone separator at i is followed by exactly three digits and nothing
// else, with one to three digits before it: "1,234" yes, "12,5" no, "1234,567" no.
func groupsThousands(s string, i int) bool {
	after := s[i+1:]
	if len(after) != 3 || !allDigits(after) {
		return false
	}
	before := s[:i]
	return len(before) >= 1 && len(before) <= 3 && before[0] != '0' && allDigits(before)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// trimCurrency strips a currency affix from both ends: spaces, currency symbols and at most three
// letters set off by a space or sign (ISO codes such as "EUR 12", "12 kr", the R of R$). A longer word ("case-10011", "Group 2") means the
// value is not an amount, and ok is false.
func trimCurrency(s string) (rest string, ok bool) {
	isAffix := func(r rune) bool { return unicode.IsSpace(r) || unicode.Is(unicode.Sc, r) || unicode.IsLetter(r) }
	letters, marks := 0, 0
	count := func(r rune) {
		if unicode.IsLetter(r) {
			letters++
		} else {
			marks++
		}
	}
	start := 0
	for start < len(s) {
		r, size := utf8.DecodeRuneInString(s[start:])
		if !isAffix(r) {
			break
		}
		count(r)
		start += size
	}
	end := len(s)
	for end > start {
		r, size := utf8.DecodeLastRuneInString(s[:end])
		if !isAffix(r) {
			break
		}
		count(r)
		end -= size
	}
	// Letters count as a currency code only when a space or a currency sign sets them off from the
	// digits: "EUR 12" and "R$10" are amounts, "C-1" and "A12" are codes.
	if letters > 3 || (letters > 0 && marks == 0) {
		return "", false
	}
	return s[start:end], true
}
