package demo

import (
	"strconv"
	"time"
)

// Row formatting. Each export has the column names and value shapes of the tool it imitates; the
// layouts below are those tools' usual export formats.
const (
	layoutWeb     = "2006-01-02T15:04:05.000Z"  // Segment: ISO 8601, milliseconds, UTC
	layoutCRM     = "2006-01-02 15:04"          // HubSpot-style create date
	layoutMail    = "2006-01-02 15:04:05"       // Mailchimp activity export
	layoutTicket  = "2006-01-02T15:04:05Z"      // Zendesk API export
	layoutStore   = "02/01/2006 15:04"          // the kiosk vendor's European default: day first
	layoutOrder   = "2006-01-02 15:04:05 -0700" // Shopify, in the shop's time zone
	shopZoneHours = -5
)

var shopZone = time.FixedZone("EST", shopZoneHours*3600)

const (
	headerCRM     = "Customer ID,Email,Phone,Name,Create Date,Region,Loyalty Plan\n"
	headerMail    = "Email Address,Action,Timestamp,Campaign Title\n"
	headerTickets = "Ticket ID,Requester email,Requester phone,Created at,Solved at,Subject,Channel,Satisfaction score\n"
	headerStore   = "Store ID,Loyalty Phone,Visit Time,Action,Amount\n"
	headerOrders  = "Name,Email,Customer ID,Financial Status,Created at,Currency,Subtotal,Discount Code,Discount Amount,Shipping,Total,Source,Shipping Province\n"
	headerTruth   = "identifier_type,identifier,person,persona\n"
)

func appendTime(b []byte, ms int64, layout string) []byte {
	return time.UnixMilli(ms).UTC().AppendFormat(b, layout)
}

// appendCSV appends one field, quoted when it holds a comma, quote, line break or edge space.
func appendCSV(b []byte, s string) []byte {
	quote := len(s) > 0 && (s[0] == ' ' || s[len(s)-1] == ' ')
	for i := 0; i < len(s) && !quote; i++ {
		switch s[i] {
		case ',', '"', '\n', '\r':
			quote = true
		}
	}
	if !quote {
		return append(b, s...)
	}
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' {
			b = append(b, '"')
		}
		b = append(b, s[i])
	}
	return append(b, '"')
}

// appendMoney writes cents as "123.45"; negative means no amount and writes nothing.
func appendMoney(b []byte, cents int) []byte {
	if cents < 0 {
		return b
	}
	b = strconv.AppendInt(b, int64(cents/100), 10)
	b = append(b, '.')
	c := cents % 100
	if c < 10 {
		b = append(b, '0')
	}
	return strconv.AppendInt(b, int64(c), 10)
}

// appendJSONString writes s as a JSON string. Demo values are ASCII; control characters, quotes and
// backslashes are still escaped so the output is valid JSON whatever the catalogue holds.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c < 0x20:
			b = append(b, `\u00`...)
			b = append(b, "0123456789abcdef"[c>>4], "0123456789abcdef"[c&0xf])
		default:
			b = append(b, c)
		}
	}
	return append(b, '"')
}

func appendWeb(b []byte, w *webRow) []byte {
	b = append(b, `{"type":"track","anonymousId":`...)
	b = appendJSONString(b, w.anon)
	if w.user != "" {
		b = append(b, `,"userId":`...)
		b = appendJSONString(b, w.user)
	}
	b = append(b, `,"event":`...)
	b = appendJSONString(b, w.event)
	b = append(b, `,"timestamp":"`...)
	b = appendTime(b, w.t, layoutWeb)
	b = append(b, `","context":{"device":{"type":`...)
	b = appendJSONString(b, w.device)
	b = append(b, `},"campaign":{"medium":`...)
	b = appendJSONString(b, w.medium)
	if w.source != "" {
		b = append(b, `,"source":`...)
		b = appendJSONString(b, w.source)
	}
	if w.campaign != "" {
		b = append(b, `,"name":`...)
		b = appendJSONString(b, w.campaign)
	}
	b = append(b, `}}`...)
	if w.product >= 0 || w.value >= 0 {
		b = append(b, `,"properties":{`...)
		sep := false
		if w.product >= 0 {
			p := &products[w.product]
			b = append(b, `"product":`...)
			b = appendJSONString(b, p.name)
			b = append(b, `,"category":`...)
			b = appendJSONString(b, p.category)
			b = append(b, `,"price":`...)
			b = appendMoney(b, p.price)
			sep = true
		}
		if w.value >= 0 {
			if sep {
				b = append(b, ',')
			}
			b = append(b, `"value":`...)
			b = appendMoney(b, w.value)
			b = append(b, `,"currency":"USD"`...)
		}
		b = append(b, '}')
	}
	return append(b, "}\n"...)
}

func appendCRM(b []byte, r *crmRow) []byte {
	b = appendCSV(b, r.id)
	b = append(b, ',')
	b = appendCSV(b, r.email)
	b = append(b, ',')
	b = appendCSV(b, r.phone)
	b = append(b, ',')
	b = appendCSV(b, r.name)
	b = append(b, ',')
	b = appendTime(b, r.created, layoutCRM)
	b = append(b, ',')
	b = appendCSV(b, r.region)
	b = append(b, ',')
	b = appendCSV(b, r.plan)
	return append(b, '\n')
}

func appendMail(b []byte, r *emailRow) []byte {
	b = appendCSV(b, r.addr)
	b = append(b, ',')
	b = append(b, r.action...)
	b = append(b, ',')
	b = appendTime(b, r.t, layoutMail)
	b = append(b, ',')
	b = appendCSV(b, campaigns[r.campaign%len(campaigns)].title)
	return append(b, '\n')
}

func appendTicket(b []byte, r *ticketRow) []byte {
	b = strconv.AppendInt(b, int64(r.id), 10)
	b = append(b, ',')
	b = appendCSV(b, r.email)
	b = append(b, ',')
	b = appendCSV(b, r.phone)
	b = append(b, ',')
	b = appendTime(b, r.created, layoutTicket)
	b = append(b, ',')
	if r.solved != 0 {
		b = appendTime(b, r.solved, layoutTicket)
	}
	b = append(b, ',')
	b = appendCSV(b, r.subject)
	b = append(b, ',')
	b = append(b, r.channel...)
	b = append(b, ',')
	if r.rating > 0 {
		b = strconv.AppendInt(b, int64(r.rating), 10)
	}
	return append(b, '\n')
}

func appendStore(b []byte, r *storeRow) []byte {
	b = append(b, r.store...)
	b = append(b, ',')
	b = appendCSV(b, r.phone)
	b = append(b, ',')
	b = appendTime(b, r.t, layoutStore)
	b = append(b, ',')
	b = appendCSV(b, r.action)
	b = append(b, ',')
	b = appendMoney(b, r.amount)
	return append(b, '\n')
}

func appendOrder(b []byte, r *orderRow) []byte {
	b = append(b, '#')
	b = strconv.AppendInt(b, int64(r.name), 10)
	b = append(b, ',')
	b = appendCSV(b, r.email)
	b = append(b, ',')
	b = appendCSV(b, r.customerID)
	b = append(b, ',')
	b = append(b, r.status...)
	b = append(b, ',')
	b = time.UnixMilli(r.t).In(shopZone).AppendFormat(b, layoutOrder)
	b = append(b, ",USD,"...)
	b = appendMoney(b, r.subtotal)
	b = append(b, ',')
	b = appendCSV(b, r.code)
	b = append(b, ',')
	b = appendMoney(b, r.discount)
	b = append(b, ',')
	b = appendMoney(b, r.ship)
	b = append(b, ',')
	b = appendMoney(b, r.subtotal-r.discount+r.ship)
	b = append(b, ',')
	b = append(b, r.source...)
	b = append(b, ',')
	b = append(b, r.province...)
	return append(b, '\n')
}

func appendTruth(b []byte, typ, value, person, persona string) []byte {
	b = append(b, typ...)
	b = append(b, ',')
	b = appendCSV(b, value)
	b = append(b, ',')
	b = append(b, person...)
	b = append(b, ',')
	b = appendCSV(b, persona)
	return append(b, '\n')
}
