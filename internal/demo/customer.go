package demo

import (
	"math/rand/v2"
	"strconv"
	"strings"
)

// device is one browser or phone: one anonymous id. known turns true when the device signs in; from then on
// its events carry the customer id as userId, as Segment's analytics.js does after identify.
type device struct {
	anon  string
	typ   string
	known bool
	used  bool
}

// customer is everything generated for one person. It is reset and reused for the next customer.
type customer struct {
	idx      int
	person   string
	persona  int
	id       string // CRM / Shopify customer id
	email    string // canonical: lower-case, trimmed
	phone    string // canonical: "+1" and ten digits
	first    string
	last     string
	region   int
	province string
	store    string
	hasPhone bool // the CRM knows the phone, so store and phone-support rows can use it
	anonOnly bool
	created  int64 // account creation; 0 until known

	devices []*device

	web     []webRow
	crm     []crmRow
	emails  []emailRow
	tickets []ticketRow
	visits  []storeRow
	orders  []orderRow

	usedID, usedEmail, usedPhone bool

	// Tallies for planted.json.
	firstPurchase                                 int64
	stages                                        uint8 // bit i: touched stage i
	adTimes                                       []int64
	frictionExits, frictionLoops, frictionTickets int
	frictionLeft                                  bool // gave up at the payment step for good
	ticketSeq, orderSeq                           int
}

func (c *customer) reset(idx int, persona int) {
	devs := c.devices[:0]
	*c = customer{
		idx: idx, persona: persona, devices: devs,
		web: c.web[:0], crm: c.crm[:0], emails: c.emails[:0], tickets: c.tickets[:0],
		visits: c.visits[:0], orders: c.orders[:0], adTimes: c.adTimes[:0],
	}
}

// personID is the truth.csv name of customer idx.
func personID(idx int) string { return "P" + pad(idx+1, 7) }

func customerID(idx int) string { return "NW" + pad(idx+1, 7) }

func pad(n, width int) string {
	s := strconv.Itoa(n)
	if len(s) < width {
		s = strings.Repeat("0", width-len(s)) + s
	}
	return s
}

// identity fills the person's names and identifiers. Uniqueness comes from the index, not from luck:
// the e-mail ends in the index and the phone number is (area code, line) = (201 + idx mod 790, a permutation of idx / 790),
// both in the 555 exchange reserved for fiction.
func (c *customer) identity(r *rand.Rand) {
	c.person = personID(c.idx)
	c.id = customerID(c.idx)
	c.first = firstNames[r.IntN(len(firstNames))]
	c.last = lastNames[r.IntN(len(lastNames))]
	f, l := strings.ToLower(c.first), strings.ToLower(c.last)
	n := strconv.Itoa(c.idx + 1)
	var local string
	switch r.IntN(4) {
	case 0:
		local = f + "." + l + n
	case 1:
		local = f[:1] + l + n
	case 2:
		local = f + n
	default:
		local = f + "_" + l + n
	}
	c.email = local + "@" + emailDomains[r.IntN(len(emailDomains))]
	// 7919 is coprime with 10000, so the line number is still one-to-one with idx/790.
	c.phone = "+1" + strconv.Itoa(201+c.idx%790) + "555" + pad((c.idx/790*7919+1234)%10000, 4)
	c.region = r.IntN(len(regions))
	prov := regions[c.region].provinces
	c.province = prov[r.IntN(len(prov))]
	c.store = stores[r.IntN(len(stores))]
}

// newDevice adds a device with a random UUID-shaped anonymous id.
func (c *customer) newDevice(r *rand.Rand, typ string) *device {
	d := &device{anon: uuid(r), typ: typ}
	c.devices = append(c.devices, d)
	return d
}

func uuid(r *rand.Rand) string {
	const hexd = "0123456789abcdef"
	var b [36]byte
	a, z := r.Uint64(), r.Uint64()
	j := 0
	for i := range 36 {
		if i == 8 || i == 13 || i == 18 || i == 23 {
			b[i] = '-'
			continue
		}
		var nib uint64
		if j < 16 {
			nib = a >> (60 - 4*j) & 0xf
		} else {
			nib = z >> (60 - 4*(j-16)) & 0xf
		}
		switch i {
		case 14:
			nib = 4 // version 4
		case 19:
			nib = 8 | nib&3 // RFC 4122 variant
		}
		b[i] = hexd[nib]
		j++
	}
	return string(b[:])
}

// emailVariant is how a person's address is typed in a given export: mostly as on file, sometimes
// capitalised, shouted or padded with spaces, as people and tools do.
func emailVariant(r *rand.Rand, email string) string {
	switch x := r.IntN(100); {
	case x < 6:
		at := strings.IndexByte(email, '@')
		return strings.ToUpper(email[:1]) + email[1:at+1] + strings.ToUpper(email[at+1:at+2]) + email[at+2:]
	case x < 9:
		return strings.ToUpper(email)
	case x < 12:
		return " " + email
	case x < 14:
		return email + "  "
	}
	return email
}

// phoneVariant writes the canonical "+1AAA555LLLL" the way a human or a form might: every variant keeps
// the country code (a "+" or "00" prefix), so each normalises back to the canonical form.
func phoneVariant(r *rand.Rand, phone string) string {
	a, x, l := phone[2:5], phone[5:8], phone[8:12]
	switch r.IntN(8) {
	case 0:
		return "+1 (" + a + ") " + x + "-" + l
	case 1:
		return "+1-" + a + "-" + x + "-" + l
	case 2:
		return "+1 " + a + " " + x + " " + l
	case 3:
		return "+1." + a + "." + x + "." + l
	case 4:
		return "001 " + a + " " + x + " " + l
	case 5:
		return "+1 " + a + "-" + x + "-" + l + " ext. " + strconv.Itoa(10+r.IntN(90))
	case 6:
		return "+1 (" + a + ") " + x + " " + l
	}
	return phone
}
