package demo

import (
	"bufio"
	"io"
	"math/rand/v2"
)

// Flat event files for import benchmarks: one event per row, already in the shape of Wayline's events,
// about 70 bytes a row (1,000,000 rows ≈ 70 MB). Columns: customer_id, timestamp (ISO 8601 UTC with
// milliseconds), touchpoint, channel, value (empty unless the event carries an amount).

var flatTouchpoints = []struct {
	touchpoint, channel string
	value               bool
}{
	{"Home page", "web", false},
	{"Product viewed", "web", false},
	{"Product viewed", "web", false},
	{"Product viewed", "web", false},
	{"Added to cart", "web", false},
	{"Checkout: payment", "web", false},
	{"Order completed", "web", true},
	{"Email open", "email", false},
	{"Email click", "email", false},
	{"Ticket opened", "support", false},
	{"Store visit", "store", false},
	{"Store purchase", "store", true},
}

// flatRows calls row for each of rows events, deterministic for (rows, seed): customers are about a tenth
// of the rows, timestamps rise through a six-month window from DefaultStart.
func flatRows(rows int, seed int64, row func(b []byte, cust int, ms int64, tp int, cents int) []byte, w io.Writer) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	r := rand.New(rand.NewPCG(uint64(seed), 0xf1a7))
	customers := max(1, rows/10)
	start := DefaultStart.UnixMilli()
	step := 182 * msDay / int64(max(1, rows))
	var b []byte
	for i := range rows {
		b = b[:0]
		ms := start + int64(i)*step + r.Int64N(max(1, step))
		tp := r.IntN(len(flatTouchpoints))
		cents := -1
		if flatTouchpoints[tp].value {
			cents = 1500 + r.IntN(40000)
		}
		b = row(b, r.IntN(customers), ms, tp, cents)
		if _, err := bw.Write(b); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// WriteEventsCSV writes a header and rows flat events as CSV.
func WriteEventsCSV(w io.Writer, rows int, seed int64) error {
	if _, err := io.WriteString(w, "customer_id,timestamp,touchpoint,channel,value\n"); err != nil {
		return err
	}
	return flatRows(rows, seed, func(b []byte, cust int, ms int64, tp int, cents int) []byte {
		b = append(b, "cust-"...)
		b = append(b, pad(cust+1, 7)...)
		b = append(b, ',')
		b = appendTime(b, ms, layoutWeb)
		b = append(b, ',')
		b = append(b, flatTouchpoints[tp].touchpoint...)
		b = append(b, ',')
		b = append(b, flatTouchpoints[tp].channel...)
		b = append(b, ',')
		b = appendMoney(b, cents)
		return append(b, '\n')
	}, w)
}

// WriteEventsNDJSON writes the same events as WriteEventsCSV as JSON Lines, one object per event with the
// same keys; value is a number and is left out when the event has none.
func WriteEventsNDJSON(w io.Writer, rows int, seed int64) error {
	return flatRows(rows, seed, func(b []byte, cust int, ms int64, tp int, cents int) []byte {
		b = append(b, `{"customer_id":"cust-`...)
		b = append(b, pad(cust+1, 7)...)
		b = append(b, `","timestamp":"`...)
		b = appendTime(b, ms, layoutWeb)
		b = append(b, `","touchpoint":`...)
		b = appendJSONString(b, flatTouchpoints[tp].touchpoint)
		b = append(b, `,"channel":"`...)
		b = append(b, flatTouchpoints[tp].channel...)
		b = append(b, '"')
		if cents >= 0 {
			b = append(b, `,"value":`...)
			b = appendMoney(b, cents)
		}
		return append(b, "}\n"...)
	}, w)
}
