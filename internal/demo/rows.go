package demo

// One row of each export, as generated for one customer before it is formatted. Times are Unix
// milliseconds UTC; money is in cents, with -1 meaning "no amount".

type webRow struct {
	t        int64
	anon     string
	user     string // userId: the customer id once the device has signed in, else "" (or the junk "unknown")
	event    string
	device   string
	medium   string
	source   string
	campaign string
	product  int // index into products, -1 for none
	value    int // cents, -1 for none
}

type crmRow struct {
	id, email, phone, name string
	created                int64
	region, plan           string
}

type emailRow struct {
	addr     string
	action   string // sent, open, click
	t        int64
	campaign int
}

type ticketRow struct {
	id              int
	email, phone    string // requester: one of them is set
	created, solved int64  // solved 0: still open
	subject         string
	channel         string // email, phone, chat
	rating          int    // 1-5, 0: not rated
}

type storeRow struct {
	store  string
	phone  string
	t      int64
	action string
	amount int
}

type orderRow struct {
	name                     int
	email, customerID        string
	t                        int64
	subtotal, discount, ship int
	code                     string
	source                   string // web, pos, phone
	status                   string // paid, refunded, partially_refunded
	province                 string
}
